// The boundary rule, checked on the generated glue: a JS exception must never unwind through a
// wasm frame (with panics that abort, it skips the restore of wasm's stack pointer, and after
// enough of them every call on the page traps). So every import the wasm module calls either
// catches (wasm-bindgen's `catch`: the `handleError` wrapper) or is one of the kinds below, none
// of which runs code the page passed in. A new import of another kind fails here until it is
// declared `catch` or shown to be safe and listed. Trusted, and so out of reach: a page that
// replaces the built-ins themselves (`Date.now`, `Date.parse`, `Math.random`, `URLSearchParams`)
// with functions that throw.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { REPO_ROOT } from './support/static-server.mjs'

const GLUE = path.join(REPO_ROOT, 'build/bindgen/seam_wasm.js')
const WASM = path.join(REPO_ROOT, 'build/bindgen/seam_wasm_bg.wasm')

// Bodies of non-catching imports, whitespace collapsed, and why each cannot run page code.
const SAFE = [
  // wasm-bindgen's own: type tests, comparisons, casts, closures, globals, its externref table.
  [/^const (v|val|obj) = arg\d;/, 'a type test of a value'],
  [/^const ret = (typeof\(arg0\) === '\w+'|arg0 === (null|undefined|arg1)|!arg0);/, 'a type test or a comparison'],
  [/^const ret = make(Mut)?Closure\(/, 'a Rust closure handed to JS'],
  [/^const ret = (arg0|getStringFromWasm0\(arg0, arg1\));/, 'a cast'],
  [/^const ret = typeof (globalThis|global|self|window) === 'undefined'/, 'the global object'],
  [/^const table = wasm\.__wbindgen_externrefs;/, 'the externref table'],
  [/^let result; try \{ result = arg0 instanceof \w+; \} catch \(_\) \{ result = false; \}/, 'instanceof, caught'],
  [/^throw new Error\(getStringFromWasm0\(arg0, arg1\)\);/, "wasm-bindgen's own throw, reached only through a freed or foreign object, which the entry refuses first"],
  [/^const ret = (SeamClient|SeamHttpRequest)\.__wrap\(arg0\);/, 'a new wrapper of an object made in wasm'],
  // The driver's own answer: an object of its own data properties, the status a number.
  [/^const ret = arg0\.(status|redirected|requestId|retryAfter|text);/, "a field of the driver's answer"],
  // Built-ins called on values the SDK made itself (fresh arrays and objects, strings, its
  // promises, its URLSearchParams), with arguments it made.
  [/^const ret = new (Array|Object)\(\);/, 'a fresh array or object'],
  [/^const ret = Object\.create\(arg0\);/, 'a fresh object with no prototype'],
  [/^const ret = arg0\[arg1 >>> 0\];/, 'an element of an array the SDK made (Object.keys, Object.entries)'],
  [/^const ret = arg0\.length;/, "the length of the SDK's array or string"],
  [/^const ret = arg0\.push\(arg1\);/, "a push onto the SDK's array"],
  [/^const ret = arg0\.toString\(\);/, "the SDK's URLSearchParams as text"],
  [/^(const ret = arg0\.searchParams;|arg0\.search = getStringFromWasm0\(arg1, arg2\);)/, "the query of a URL the SDK made (request.url)"],
  [/^const ret = Promise\.(resolve|reject)\(arg0\);/, 'a settled promise'],
  [/^const ret = (Date\.now\(\)|Math\.random\(\)|Date\.parse\(getStringFromWasm0\(arg0, arg1\)\));/, 'the clock, randomness, a date parsed from a string'],
]

// Functions of the package's own modules that wasm calls directly, with no wrapper.
const OWN_DIRECT = new Set(['createNamespaces'])

// The (module, name) pairs of a wasm module's import section.
function wasmImports(buf) {
  let p = 8
  const leb = () => { let r = 0, s = 0, b; do { b = buf[p++]; r |= (b & 0x7f) << s; s += 7 } while (b & 0x80); return r >>> 0 }
  const name = () => { const l = leb(); const text = buf.subarray(p, p + l).toString(); p += l; return text }
  while (p < buf.length) {
    const id = buf[p++]
    const end = leb() + p
    if (id === 2) {
      const out = []
      for (let n = leb(); n > 0; n--) {
        const entry = [name(), name()]
        const kind = buf[p++]
        if (kind === 0) leb()
        else if (kind === 1 || kind === 2) {
          if (kind === 1) p++
          const flags = leb()
          leb()
          if (flags & 1) leb()
        }
        else p += 2
        out.push(entry)
      }
      return out
    }
    p = end
  }
  return []
}

function imports(glue) {
  const start = glue.indexOf('function __wbg_get_imports()')
  assert.ok(start >= 0, 'no import table in the glue')
  const block = glue.slice(start, glue.indexOf('\n}\n', start))
  // One entry per `name: function(...) {` at the object's indentation.
  const parts = block.split(/\n {8}(?=[\w$]+: function\()/).slice(1)
  return parts.map((part) => {
    const name = part.slice(0, part.indexOf(':'))
    // wasm-bindgen's comments (casts) say what the body does; the body is what counts.
    const body = part.slice(part.indexOf('{') + 1).replace(/\/\/[^\n]*/g, '').replace(/\s+/g, ' ').trim()
    return { name, body }
  })
}

test('every import the wasm calls catches, or cannot run page code', () => {
  assert.ok(fs.existsSync(GLUE), `${GLUE} is missing: build the package first`)
  const glue = fs.readFileSync(GLUE, 'utf8')
  const all = imports(glue)
  assert.ok(all.length > 40, `only ${all.length} imports found: the glue's shape changed`)
  const catching = all.filter((i) => i.body.startsWith('return handleError(function'))
  const unsafe = all
    .filter((i) => !catching.includes(i))
    .filter((i) => !SAFE.some(([pattern]) => pattern.test(i.body)))
  assert.deepEqual(unsafe.map((i) => `${i.name}: ${i.body.slice(0, 120)}`), [], 'imports that can throw into wasm')
  // The page-facing operations are among the catching ones.
  for (const call of ['Array.isArray(', 'Object.keys(', 'Object.entries(', 'Object.getPrototypeOf(', 'Reflect.get(', 'Reflect.has(',
    'String(arg0)', 'JSON.stringify(', '.toISOString()', 'console.warn(', '.getItem(', '.setItem(', '.removeItem(', 'watch(',
    'send(', 'sleep(', 'after(', 'settle(',
    'createError(', 'readResource(', 'new SeamPaginator(', 'pageParams(', 'put(']) {
    assert.ok(catching.some((i) => i.body.includes(call)), `${call} is not called through a catching import`)
  }
  // Functions of the package's modules that wasm imports directly, with no wrapper.
  const direct = wasmImports(fs.readFileSync(WASM)).filter(([module]) => module.startsWith('./snippets/'))
  assert.deepEqual(direct.map(([, name]) => name).filter((name) => !OWN_DIRECT.has(name)), [], 'direct imports of JS modules')
})
