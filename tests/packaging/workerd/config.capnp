# workerd's own configuration for the worker (what wrangler writes for a deployment): the bundle,
# the package's .wasm as a module of its own, the bindings, and outbound requests allowed to
# 127.0.0.1 only. The port, the endpoint and the key are filled in by the test.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:@PORT@", http = (), service = "main")],
);

const worker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "dist/worker.js"),
    (name = "seam_wasm_bg.wasm", wasm = embed "node_modules/seam-wasm/seam_wasm_bg.wasm"),
  ],
  compatibilityDate = "2026-11-01",
  bindings = [
    (name = "SEAM_ENDPOINT", text = "@ENDPOINT@"),
    (name = "SEAM_API_KEY", text = "@API_KEY@"),
  ],
  globalOutbound = "loopback",
);
