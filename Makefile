# seam-wasm: `make demo` builds the package and serves the example page against a local Seam
# fake; `make test` runs every test. Both install whatever is missing first.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := pkg

WASM_BINDGEN_VERSION := $(shell sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
CRATE_VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
APT_PACKAGES := rustc-web cargo-web rust-web-src lld-22 chromium chromium-driver
# Firefox and WebKitGTK (MiniBrowser with its WebDriver), and the virtual display MiniBrowser needs.
ENGINE_PACKAGES := firefox-esr webkit2gtk-driver xvfb
GECKODRIVER_VERSION := 0.37.1

# Tools from npm (wasm-opt) come before /usr/bin, whose binaryen is too old for this output.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

# A rustup toolchain that has the wasm32 standard library is used as it is; otherwise Debian's
# toolchain builds the standard library from source. One setting for every cargo call, so the
# standard library is never rebuilt by a changed environment.
ifeq ($(shell rustup target list --installed 2>/dev/null | grep -x wasm32-unknown-unknown),wasm32-unknown-unknown)
WASM_CARGO := cargo
WASM_CARGO_FLAGS :=
WASM_ENV :=
else
WASM_CARGO := /usr/bin/cargo
WASM_CARGO_FLAGS := -Zbuild-std=std,panic_abort
# A panic aborts at once, with no message: the standard library's formatting and panic
# machinery stays out of the module (about 5 KB gzip).
WASM_ENV := RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/lib/llvm-22/bin/wasm-ld \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zpanic_abort_tests -Zlocation-detail=none"
endif

WASM_OUT := target/wasm32-unknown-unknown/release/seam_wasm.wasm
# The features rustc enables for wasm32 by default; wasm-opt must accept them.
WASM_OPT_FEATURES := --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int \
	--enable-sign-ext --enable-reference-types --enable-multivalue

# A run of the crate's browser tests that takes longer than this (the first one compiles the
# tests too) is ended and fails, rather than waiting on a browser for good.
TEST_WASM_TIMEOUT := 600

.PHONY: setup setup-build setup-apt setup-engines setup-geckodriver setup-wasm-bindgen setup-npm codegen check-generated pkg test test-size test-native test-wasm test-js test-types demo clean

# Everything `make test` needs; building the package (and `make demo`) needs the first three.
setup: setup-build setup-engines setup-geckodriver
setup-build: setup-apt setup-wasm-bindgen setup-npm

# Installs those of the Debian packages $(1) that are missing, with apt-get's options $(2).
define apt_install
	@missing=""; \
	for p in $(1); do dpkg -s "$$p" >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) $$missing; \
	fi
endef

setup-apt:
	$(call apt_install,$(APT_PACKAGES))

setup-engines:
	$(call apt_install,$(ENGINE_PACKAGES),--no-install-recommends)

# Debian has no geckodriver; crates.io has it.
setup-geckodriver:
	@if [ "$$(geckodriver --version 2>/dev/null | head -n 1)" != "geckodriver $(GECKODRIVER_VERSION)" ]; then \
		echo "Installing geckodriver $(GECKODRIVER_VERSION)"; \
		cargo install geckodriver --version "=$(GECKODRIVER_VERSION)" --locked; \
	fi

setup-wasm-bindgen:
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
		echo "Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION)"; \
		cargo install wasm-bindgen-cli --version "=$(WASM_BINDGEN_VERSION)"; \
	fi

setup-npm: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# The spec comes from the pinned @seamapi/types package; only what is generated from it is committed.
build/openapi.json: node_modules/.installed
	mkdir -p build
	node -e "import('@seamapi/types/connect').then(({ openapi }) => require('node:fs').writeFileSync('$@', JSON.stringify(openapi)))"

# The parameters each route checks before sending are those of @seamapi/http's route definitions.
codegen: build/openapi.json
	cargo run --quiet -p xtask -- codegen build/openapi.json node_modules/@seamapi/http/src/lib/routes src/generated

# Fails when the committed generated files differ from what the generator writes now.
check-generated: codegen
	git diff --exit-code -- src/generated
	@test -z "$$(git status --porcelain -- src/generated)" || { git status --short -- src/generated; exit 1; }

# The entry, the glue and the small JS modules are shipped as one minified module, so a page
# loads two files (this and the .wasm) without waiting on a chain of imports; the declarations
# carry the documentation.
pkg: setup-build
	$(WASM_ENV) $(WASM_CARGO) build --release --target wasm32-unknown-unknown $(WASM_CARGO_FLAGS)
	rm -rf build/bindgen pkg
	wasm-bindgen --target web --weak-refs --out-dir build/bindgen $(WASM_OUT)
	cargo run --quiet -p xtask -- shorten-imports build/bindgen/seam_wasm_bg.wasm build/bindgen/seam_wasm.js
	mkdir -p pkg
	# In place: the server entry inlines, and the edge entry imports, the optimized module.
	wasm-opt -Oz --converge --strip-producers --strip-target-features $(WASM_OPT_FEATURES) build/bindgen/seam_wasm_bg.wasm -o build/bindgen/seam_wasm_bg.wasm
	cp build/bindgen/seam_wasm_bg.wasm pkg/
	snippet=$$(ls build/bindgen/snippets); \
	for entry in index node edge api classes; do sed "s|@SNIPPET@|$$snippet|" pkg-template/$$entry.js > build/bindgen/$$entry.js; done
	cp pkg-template/guard.js build/bindgen/
	esbuild build/bindgen/index.js --bundle --minify --format=esm --outfile=pkg/index.js --log-level=warning
	esbuild build/bindgen/node.js --bundle --minify --format=esm --platform=neutral --target=es2022 --loader:.wasm=binary \
		--outfile=pkg/node.js --log-level=warning
	esbuild build/bindgen/edge.js --bundle --minify --format=esm --platform=neutral --external:./seam_wasm_bg.wasm \
		--outfile=pkg/edge.js --log-level=warning
	cargo run --quiet -p xtask -- declarations build/bindgen/seam_wasm.d.ts pkg/seam_wasm.d.ts
	sed "s|@VERSION@|$(CRATE_VERSION)|" pkg-template/package.json > pkg/package.json
	cp pkg-template/index.d.ts pkg-template/errors.d.ts pkg-template/README.md pkg/
	cp src/generated/types.d.ts pkg/types.d.ts
	@printf 'pkg/seam_wasm_bg.wasm: %s bytes, %s gzip-9\n' \
		"$$(wc -c < pkg/seam_wasm_bg.wasm)" "$$(gzip -9 -c pkg/seam_wasm_bg.wasm | wc -c)"

test: check-generated pkg test-size test-native test-wasm test-js test-types

# The downloaded files against the gzip-9 budget in tests/size/budget.json.
test-size: pkg
	node tests/size/check.mjs

test-native:
	cargo test --workspace

# Browser tests of the crate itself against the fake, in headless Chromium and headless Firefox.
# The browser reaches the test runner's server through tests/js/support/serial-proxy.mjs, one
# request at a time: that server can leave a fifth keep-alive connection unread, and the page
# then never loads (why, in the proxy's header).
# The runner picks its browser by which driver variable is set: exactly one is.
test-wasm: setup
	mkdir -p build; for driver in CHROMEDRIVER=/usr/bin/chromedriver "GECKODRIVER=$$(command -v geckodriver)"; do \
		timeout -k 10 $(TEST_WASM_TIMEOUT) node tests/js/support/with-fake.mjs -- node tests/js/support/serial-proxy.mjs -- \
			env -u CHROMEDRIVER -u GECKODRIVER -u SAFARIDRIVER $(WASM_ENV) \
			CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
			"$$driver" RUST_BACKTRACE=0 \
			$(WASM_CARGO) test --target wasm32-unknown-unknown $(WASM_CARGO_FLAGS) --test web; \
	done

# The built package through its public JS API: every test in Chromium, then the tests that run in
# a page again in Firefox and in WebKit. The files below run once: they use no browser, or open
# their apps in all three engines themselves.
ONCE_ONLY := boundary dts-snapshot runtimes demo packaging nextjs
PAGE_TESTS = $(filter-out $(ONCE_ONLY:%=tests/js/%.test.mjs),$(wildcard tests/js/*.test.mjs))
# Firefox and WebKit run side by side (each mostly waits on its browser; 740 s one after the other
# here, 490 s together), each pass's output printed whole when both have ended.
# The table of tests passed per file and engine is printed at the end.
NODE_TEST = node --test --test-concurrency=1 --test-reporter=tap --test-reporter-destination=stdout \
	--test-reporter=./tests/js/support/counts-reporter.mjs --test-reporter-destination=build/test-js-$(1).counts.json
test-js: pkg setup
	mkdir -p build; rm -f build/test-js-*.counts.json
	$(call NODE_TEST,chromium) tests/js/
	SEAM_ENGINE=firefox $(call NODE_TEST,firefox) $(PAGE_TESTS) > build/test-js-firefox.log 2>&1 & firefox=$$!; \
	SEAM_ENGINE=webkit $(call NODE_TEST,webkit) $(PAGE_TESTS) > build/test-js-webkit.log 2>&1 & webkit=$$!; \
	firefox_rc=0; wait $$firefox || firefox_rc=$$?; webkit_rc=0; wait $$webkit || webkit_rc=$$?; \
	cat build/test-js-firefox.log build/test-js-webkit.log; \
	node tests/js/support/engine-table.mjs; \
	echo "test-js: firefox pass exit $$firefox_rc, webkit pass exit $$webkit_rc"; \
	test $$firefox_rc -eq 0 && test $$webkit_rc -eq 0

# The package's declarations with tsc: usage, parity with @seamapi/http's types, and the packed
# package compiled in an application under the compiler settings users have.
test-types: pkg
	node tests/types/run.mjs
	node tests/types/packed.mjs

demo: pkg
	node tests/js/support/demo.mjs

clean:
	rm -rf build pkg target

# seam-wasm against @seamapi/http and plain fetch in headless Chromium; writes bench/results/.
.PHONY: bench
bench: pkg
	node bench/run.mjs
