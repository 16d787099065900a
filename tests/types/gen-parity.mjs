// Parity of the package's declarations with those of @seamapi/http, whose API it mirrors.
//
//   node tests/types/gen-parity.mjs                      writes build/types/parity.test-d.ts
//   node tests/types/gen-parity.mjs --explain [Name...]  prints the members that differ
//   node tests/types/gen-parity.mjs --update-exceptions  rewrites parity-exceptions.mjs
//
// The type names both packages export are listed with the TypeScript compiler, so a type added to
// either side is compared without editing anything here. Types that differ are listed, each with
// the members that differ, in parity-exceptions.mjs; the generated test asserts they still differ,
// so an entry that is fixed fails until it is removed.

import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ts from 'typescript'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '../..')
export const outFile = path.join(root, 'build/types/parity.test-d.ts')
const exceptionsFile = path.join(here, 'parity-exceptions.mjs')
// A file that exists only in memory; where it lives decides how its imports resolve.
const probeFile = path.join(here, '__parity_probe__.ts')

// Names that differ between the two packages for the same type.
const RENAMED = { SeamEvent: 'Event' }

// The options of the type tests themselves, so both see the same declarations.
const tsconfig = path.join(here, 'tsconfig.json')
const parsed = (() => {
  const { config, error } = ts.readConfigFile(tsconfig, ts.sys.readFile)
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'))
  return ts.parseJsonConfigFileContent(config, ts.sys, here, undefined, tsconfig)
})()
const compilerOptions = parsed.options
// Declarations the tests bring themselves (not the test files, which need the generated one).
const ambient = parsed.fileNames.filter((f) => f.endsWith('.d.ts'))

function makeProgram(source) {
  const host = ts.createCompilerHost(compilerOptions)
  const { getSourceFile, fileExists } = host
  host.getSourceFile = (f, lang) => (f === probeFile ? ts.createSourceFile(f, source, lang) : getSourceFile(f, lang))
  host.fileExists = (f) => f === probeFile || fileExists(f)
  const program = ts.createProgram([...ambient, probeFile], compilerOptions, host)
  return { program, checker: program.getTypeChecker(), sourceFile: program.getSourceFile(probeFile) }
}

function moduleExports(checker, sourceFile, specifier) {
  for (const st of sourceFile.statements) {
    if (ts.isImportDeclaration(st) && st.moduleSpecifier.text === specifier) {
      const sym = checker.getSymbolAtLocation(st.moduleSpecifier)
      if (!sym) throw new Error(`cannot resolve ${specifier}: run \`make pkg\` and \`npm ci\` first`)
      return new Map(checker.getExportsOfModule(sym).map((s) => [s.name, s]))
    }
  }
  throw new Error(`no import of ${specifier}`)
}

// Everything to compare: pairs of types, and the route methods of each namespace.
export function collect() {
  const { checker, sourceFile } = makeProgram(
    "import type * as O from 'seam-wasm'\nimport type * as T from '@seamapi/http'\n",
  )
  const ours = moduleExports(checker, sourceFile, 'seam-wasm')
  const theirs = moduleExports(checker, sourceFile, '@seamapi/http')
  const resolve = (s) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s)
  const isTypeDecl = (s) => !!(resolve(s).flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface))

  const types = []
  for (const [name, sym] of theirs) {
    const ourName = RENAMED[name] ?? name
    if (!ours.has(ourName) || !isTypeDecl(sym) || !isTypeDecl(ours.get(ourName))) continue
    if (/^(SeamClient|SeamHttp)/.test(name)) continue
    const kind = name.endsWith('Parameters') ? 'parameters' : name.endsWith('Response') ? 'response' : 'resource'
    types.push({ key: ourName, ours: ourName, theirs: name, kind })
  }
  types.sort((a, b) => a.key.localeCompare(b.key))

  // Namespaces: SeamHttp ↔ SeamClient, SeamHttpDevices ↔ SeamClientDevices, ...
  const declared = (s) => checker.getDeclaredTypeOfSymbol(resolve(s))
  const namespaces = []
  const missing = []
  for (const [name, sym] of theirs) {
    if (!/^SeamHttp[A-Z]?/.test(name) || !(resolve(sym).flags & ts.SymbolFlags.Class)) continue
    const ourName = name.replace(/^SeamHttp/, 'SeamClient')
    if (!ours.has(ourName)) continue
    const theirType = declared(sym)
    const ourType = declared(ours.get(ourName))
    const methods = []
    const children = []
    for (const p of checker.getPropertiesOfType(theirType)) {
      const t = checker.getTypeOfSymbol(p)
      if (p.flags & ts.SymbolFlags.Method) {
        const sig = t.getCallSignatures()[0]
        const ret = sig && sig.getReturnType()
        const retName = ret && (ret.aliasSymbol?.name ?? ret.symbol?.name)
        if (!ret || !/Request$/.test(retName)) continue
        const paramAlias = sig.parameters[0] && checker.getTypeOfSymbol(sig.parameters[0])
        const paramName = paramAlias && (paramAlias.aliasSymbol?.name ?? nonUndefined(paramAlias)?.aliasSymbol?.name)
        if (!paramName || !paramName.endsWith('Parameters')) continue
        const base = paramName.slice(0, -'Parameters'.length)
        const method = { key: `${ourName}#${p.name}`, ns: ourName, theirNs: name, name: p.name, base }
        if (!checker.getPropertyOfType(ourType, p.name)) missing.push({ ...method, what: 'method' })
        else methods.push(method)
      } else if (p.flags & ts.SymbolFlags.GetAccessor && /^SeamHttp/.test(t.symbol?.name ?? '')) {
        const child = { key: `${ourName}#${p.name}`, ns: ourName, name: p.name, type: t.symbol.name.replace(/^SeamHttp/, 'SeamClient') }
        if (!checker.getPropertyOfType(ourType, p.name)) missing.push({ ...child, what: 'namespace' })
        else children.push(child)
      }
    }
    namespaces.push({ ours: ourName, theirs: name, methods, children })
  }
  namespaces.sort((a, b) => a.ours.localeCompare(b.ours))
  return { types, namespaces, missing, ours, theirs }

  function nonUndefined(t) {
    return t.flags & ts.TypeFlags.Union ? t.types.find((m) => !(m.flags & ts.TypeFlags.Undefined)) : t
  }
}

async function loadExceptions() {
  if (!fs.existsSync(exceptionsFile)) return {}
  const mod = await import(`${pathToFileURL(exceptionsFile).href}?${Date.now()}`)
  return mod.default
}

const HELPERS = `
// Whether a route method can be called without parameters.
type ParametersOptional<F> = F extends (...args: infer A) => unknown ? ([] extends A ? true : false) : never
// The response key a @seamapi/http request resolves to (\`undefined\` for routes that answer only \`ok\`).
type ResponseKey<R> = R extends T.SeamHttpRequest<any, infer K> ? K : never
// What a seam-wasm route method should resolve to, given that key.
type ResultOf<Response, K> = K extends keyof Response ? Response[K] : void
`

// Writes the test file; returns counts of what it compares.
export async function generate({ quiet = false } = {}) {
  const { types, namespaces, missing } = collect()
  const exceptions = await loadExceptions()
  const known = new Set([...types.map((t) => t.key), ...missing.map((m) => m.key)])
  for (const ns of namespaces) for (const m of ns.methods) known.add(m.key)
  const stale = Object.keys(exceptions).filter((k) => !known.has(k))
  if (stale.length) {
    throw new Error(`parity-exceptions.mjs names what is no longer compared: ${stale.join(', ')}`)
  }

  const lines = [
    '// Generated by tests/types/gen-parity.mjs; do not edit. Exceptions: tests/types/parity-exceptions.mjs.',
    "import { expectTypeOf } from 'expect-type'",
    "import type * as O from 'seam-wasm'",
    "import type * as T from '@seamapi/http'",
    HELPERS,
  ]
  const counts = { types: 0, equal: 0, exceptions: 0, methods: 0, methodExceptions: 0, missing: missing.length }
  // The assertion after each note holds while the difference lasts; once it fails, the types
  // agree and the entry goes.
  const note = (key) => {
    lines.push(`// Exception ${key} (parity-exceptions.mjs; remove it once the next line fails):`)
    for (const l of [].concat(exceptions[key])) lines.push(`//   ${l}`)
  }

  lines.push('// Types exported by both packages: identical, or listed as an exception.')
  for (const t of types) {
    counts.types++
    if (exceptions[t.key]) {
      counts.exceptions++
      note(t.key)
      lines.push(`expectTypeOf<O.${t.ours}>().not.toEqualTypeOf<T.${t.theirs}>()`)
    } else {
      counts.equal++
      lines.push(`expectTypeOf<O.${t.ours}>().toEqualTypeOf<T.${t.theirs}>()`)
    }
  }

  lines.push('', '// Route methods of each namespace: same parameter type, optional when theirs is, same result.')
  for (const ns of namespaces) {
    for (const c of ns.children) {
      lines.push(`expectTypeOf<O.${ns.ours}['${c.name}']>().toEqualTypeOf<O.${c.type}>()`)
    }
    for (const m of ns.methods) {
      counts.methods++
      const O_ = `O.${ns.ours}['${m.name}']`
      const T_ = `T.${ns.theirs}['${m.name}']`
      const checks = [
        `expectTypeOf<NonNullable<Parameters<${O_}>[0]>>().toEqualTypeOf<O.${m.base}Parameters>()`,
        `expectTypeOf<Awaited<ReturnType<${O_}>>>().toEqualTypeOf<ResultOf<O.${m.base}Response, ResponseKey<ReturnType<${T_}>>>>()`,
      ]
      const optional = `expectTypeOf<ParametersOptional<${O_}>>().toEqualTypeOf<ParametersOptional<${T_}>>()`
      lines.push(...checks)
      if (exceptions[m.key]) {
        counts.methodExceptions++
        note(m.key)
        lines.push(optional.replace(').toEqualTypeOf', ').not.toEqualTypeOf'))
      } else {
        lines.push(optional)
      }
    }
  }

  if (missing.length) {
    lines.push('', '// In @seamapi/http but not in seam-wasm:')
    for (const m of missing) {
      if (!exceptions[m.key]) throw new Error(`${m.key}: ${m.what} of @seamapi/http missing in seam-wasm, and not in parity-exceptions.mjs`)
      note(m.key)
      lines.push(`expectTypeOf<O.${m.ns}>().not.toHaveProperty('${m.name}')`)
    }
  }

  fs.mkdirSync(path.dirname(outFile), { recursive: true })
  fs.writeFileSync(outFile, lines.join('\n') + '\n')
  if (!quiet) {
    console.log(
      `parity: ${counts.types} types compared, ${counts.equal} identical, ${counts.exceptions} exceptions; ` +
        `${counts.methods} route methods, ${counts.methodExceptions} exceptions; ${counts.missing} missing`,
    )
  }
  return counts
}

// ---- Explaining differences -------------------------------------------------------------------

// `resources` maps each compared resource name (either side's) to whether it differs; a type
// reached through one is reported once, under the resource's own name.
function differ(checker, resources = new Map()) {
  const c = checker
  const F = ts.TypeFlags
  const str = (t) => {
    const s = c.typeToString(t, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType)
    return s.length > 140 ? `${s.slice(0, 137)}...` : s
  }
  const eqv = (a, b) => c.isTypeAssignableTo(a, b) && c.isTypeAssignableTo(b, a)
  // getUnionType is not in the public checker API; without it variants are only compared pairwise.
  const union = (ms) => (ms.length === 1 ? ms[0] : c.getUnionType ? c.getUnionType(ms) : undefined)
  const isObj = (t) => !!(t.flags & F.Object) || (!!(t.flags & F.Intersection) && t.types.every((m) => m.flags & F.Object))
  const members = (t) => (t.flags & F.Union ? t.types : [t])
  const optional = (p) => !!(p.flags & ts.SymbolFlags.Optional)
  const show = (p) => `\`${p.name}${optional(p) ? '?' : ''}: ${str(c.getTypeOfSymbol(p))}\``
  const props = (t) => c.getPropertiesOfType(t)
  const literals = (t) =>
    props(t).filter((p) => !optional(p) && c.getTypeOfSymbol(p).flags & (F.StringLiteral | F.NumberLiteral | F.BooleanLiteral))
  const label = (t) => {
    if (c.isArrayType(t)) return `${label(c.getTypeArguments(t)[0])}[]`
    if (!isObj(t)) return str(t)
    const lits = literals(t)
    if (lits.length) return `{ ${lits.map((p) => `${p.name}: ${str(c.getTypeOfSymbol(p))}`).join('; ')} }`
    // Named types (Date) and records read better as written.
    if (!props(t).length || (t.symbol && !['__type', '__object'].includes(t.symbol.name))) return str(t)
    return `{ ${props(t).map((p) => p.name + (optional(p) ? '?' : '')).join(', ')} }`
  }
  // How alike two variants are; -1 when a discriminant tells them apart.
  const likeness = (a, b) => {
    let s = 0
    for (const p of props(a)) {
      const q = c.getPropertyOfType(b, p.name)
      if (!q) continue
      const ta = c.getTypeOfSymbol(p)
      const tb = c.getTypeOfSymbol(q)
      if (ta.flags & F.Literal && tb.flags & F.Literal && !optional(p) && !optional(q)) {
        if (str(ta) !== str(tb)) return -1
        s += 100
      }
      s += 1
    }
    return s
  }
  // `RequireAtLeastOne<{ a?, b? }>`: variants with the same members, each requiring another one.
  const atLeastOne = (ms) => {
    if (ms.length < 2 || !ms.every(isObj)) return null
    const names = (t) => props(t).map((p) => p.name).sort().join()
    if (!ms.every((m) => names(m) === names(ms[0]))) return null
    const required = ms.map((m) => props(m).filter((p) => !optional(p)).map((p) => p.name))
    const common = required[0].filter((n) => required.every((r) => r.includes(n)))
    const extra = required.map((r) => r.filter((n) => !common.includes(n)))
    if (!extra.every((e) => e.length === 1)) return null
    return extra.map((e) => e[0])
  }

  function diff(a, b, where, out, depth = 0) {
    if (depth > 14) {
      if (!eqv(a, b)) out.push(`${where}: ours \`${str(a)}\`, theirs \`${str(b)}\``)
      return
    }
    if (a === b) return
    if (depth > 0) {
      const name = [a.aliasSymbol?.name, b.aliasSymbol?.name].find((n) => n && resources.has(n))
      if (name) {
        if (resources.get(name)) out.push(`${where}: differs as ${resources.get(name)} does`)
        return
      }
    }
    if (c.isArrayType(a) && c.isArrayType(b)) return diff(c.getTypeArguments(a)[0], c.getTypeArguments(b)[0], `${where}[]`, out, depth + 1)
    const ma = members(a)
    const mb = members(b)
    if (ma.length > 1 || mb.length > 1) {
      const oa = atLeastOne(ma)
      const ob = atLeastOne(mb)
      if (!!oa !== !!ob) {
        const side = oa ? 'ours' : 'theirs'
        const flat = oa ? b : a
        const others = oa ? mb : ma
        const otherSide = oa ? 'theirs' : 'ours'
        const rest =
          others.length > 1
            ? `${otherSide} is ${others.map((m) => `\`${label(m)}\``).join(' | ')}`
            : `${otherSide} does not`
        out.push(`${where}: ${side} requires at least one of ${(oa ?? ob).map((n) => `\`${n}\``).join(', ')} (the others optional); ${rest}`)
        // Compare members as if both were one object whose members are all optional.
        const merged = oa ? mb : ma
        if (merged.length === 1 && isObj(flat)) {
          const many = oa ? ma : mb
          const sub = []
          diff(oa ? many[0] : flat, oa ? flat : many[0], where, sub, depth + 1)
          // That one of these is required on one side only is already said.
          const said = (l) => (oa ?? ob).some((n) => l.startsWith(`${where}.${n}: ours \``))
          for (const l of sub) if (!said(l)) out.push(l)
        }
        return
      }
      const before = out.length
      // Pair each variant with an equal one, then by discriminant or likeness.
      let restA = ma.filter((x) => !mb.some((y) => eqv(x, y) && quiet(x, y)))
      let restB = mb.filter((y) => !ma.some((x) => eqv(x, y) && quiet(x, y)))
      if (restA.length && restB.length && restA.length + restB.length > 2 && [...restA, ...restB].every(isObj) && union(restA) && eqv(union(restA), union(restB))) {
        // The same values, cut into variants differently ({ type: 'a' } | { type: 'b' } against
        // { type: 'a' | 'b' }); only optional members can still tell them apart.
        const names = (ms) => new Map(ms.flatMap((m) => props(m).map((p) => [p.name, p])))
        const na = names(restA)
        const nb = names(restB)
        for (const [n, p] of na) if (!nb.has(n)) out.push(`${where}.${n}: only in ours (${show(p)})`)
        for (const [n, q] of nb) if (!na.has(n)) out.push(`${where}.${n}: only in theirs (${show(q)})`)
        out.push(
          `${where}: the same values as ${restA.length} variant(s) in ours (${restA.map(label).join(' | ')}), ` +
            `as ${restB.length} in theirs (${restB.map(label).join(' | ')})`,
        )
        return
      }
      const pairs = []
      for (const x of restA) {
        let best = null
        let bestScore = 0
        for (const y of restB) {
          if (isObj(x) !== isObj(y) || c.isArrayType(x) !== c.isArrayType(y)) continue
          const s = isObj(x) && !c.isArrayType(x) ? likeness(x, y) : 1
          if (s > bestScore) [best, bestScore] = [y, s]
        }
        if (best && (restA.length === 1 || restB.length === 1 || bestScore >= 100 || c.isArrayType(x))) {
          pairs.push([x, best])
          restB = restB.filter((y) => y !== best)
        }
      }
      restA = restA.filter((x) => !pairs.some(([p]) => p === x))
      for (const [x, y] of pairs) {
        const sub = ma.length === 1 && mb.length === 1 ? where : isObj(x) && !c.isArrayType(x) && literals(x).length ? `${where}<${label(x)}>` : where
        diff(x, y, sub, out, depth + 1)
      }
      for (const x of restA) out.push(`${where}: only ours has the variant \`${label(x)}\``)
      for (const y of restB) out.push(`${where}: only theirs has the variant \`${label(y)}\``)
      if (out.length === before && !eqv(a, b)) out.push(`${where}: ours \`${str(a)}\`, theirs \`${str(b)}\``)
      return
    }
    if (isObj(a) && isObj(b) && !a.getCallSignatures().length && props(a).length + props(b).length > 0) {
      const before = out.length
      for (const p of props(a)) {
        const q = c.getPropertyOfType(b, p.name)
        if (!q) {
          out.push(`${where}.${p.name}: only in ours (${show(p)})`)
        } else if (optional(p) !== optional(q)) {
          out.push(`${where}.${p.name}: ours ${show(p)}, theirs ${show(q)}`)
        } else {
          diff(c.getTypeOfSymbol(p), c.getTypeOfSymbol(q), `${where}.${p.name}`, out, depth + 1)
        }
      }
      for (const q of props(b)) if (!c.getPropertyOfType(a, q.name)) out.push(`${where}.${q.name}: only in theirs (${show(q)})`)
      if (out.length === before && !eqv(a, b)) out.push(`${where}: ours \`${str(a)}\`, theirs \`${str(b)}\``)
      return
    }
    if (!eqv(a, b)) out.push(`${where}: ours \`${str(a)}\`, theirs \`${str(b)}\``)
  }
  // Equivalent variants may still differ in optional members, which assignability ignores.
  function quiet(x, y) {
    if (!isObj(x) || !isObj(y)) return true
    const out = []
    diff(x, y, '', out, 10)
    return out.length === 0
  }
  return { diff }
}

// The member-level differences of every compared type (or of `only`), keyed as in the exceptions.
export function explain(only = []) {
  const { types, namespaces, missing } = collect()
  const wanted = (k) => !only.length || only.includes(k)
  // A third opinion: the types @seamapi/types ships for the same spec version seam-wasm was
  // generated from. Where ours agree with those, the difference is not the generator's.
  let source =
    "import type * as O from 'seam-wasm'\nimport type * as T from '@seamapi/http'\nimport type * as S from '@seamapi/types/connect'\n" +
    'type SP<R> = R extends { commonParams: infer C; jsonBody: infer B; queryParams: infer Q } ? C & B & Q : never\n'
  const paths = routePaths()
  const seamTypes = new Set(typeNames('@seamapi/types/connect'))
  const jobs = []
  types.filter((t) => wanted(t.key)).forEach((t, i) => {
    source += `type O${i} = O.${t.ours}\ntype T${i} = T.${t.theirs}\n`
    const base = t.key.replace(/(Parameters|Response)$/, '')
    let third = null
    if (t.kind === 'resource' && seamTypes.has(t.theirs)) third = `S.${t.theirs}`
    else if (t.kind === 'parameters' && paths.has(base)) third = `SP<S.Routes['${paths.get(base)}']>`
    else if (t.kind === 'response' && paths.has(base)) third = `S.Routes['${paths.get(base)}']['jsonResponse']`
    if (third) source += `type S${i} = ${third}\n`
    jobs.push({ key: t.key, kind: t.kind, ours: `O${i}`, theirs: `T${i}`, third: third && `S${i}`, oursName: t.ours, theirsName: t.theirs })
  })
  source += `type PO<F> = F extends (...args: infer A) => unknown ? ([] extends A ? true : false) : never\n`
  const methods = []
  for (const ns of namespaces) {
    for (const m of ns.methods.filter((x) => wanted(x.key))) {
      const i = methods.length
      source += `type MO${i} = PO<O.${ns.ours}['${m.name}']>\ntype MT${i} = PO<T.${ns.theirs}['${m.name}']>\n`
      methods.push({ ...m, i })
    }
  }
  const { checker, sourceFile } = makeProgram(source)
  const alias = new Map()
  for (const st of sourceFile.statements) if (ts.isTypeAliasDeclaration(st)) alias.set(st.name.text, checker.getTypeAtLocation(st.name))
  // Whether each resource differs, first on its own; then every type is explained with the
  // resources it contains reported under their own names.
  const resources = new Map()
  const { diff } = differ(checker, resources)
  const specJson = specOpenapi()
  const spec = JSON.stringify(specJson)
  const differs = new Map()
  for (const j of jobs.filter((x) => x.kind === 'resource')) {
    const out = []
    differ(checker).diff(alias.get(j.ours), alias.get(j.theirs), j.key, out)
    differs.set(j.oursName, out.length ? j.key : '')
    differs.set(j.theirsName, out.length ? j.key : '')
  }
  for (const [k, v] of differs) resources.set(k, v)
  const result = {}
  for (const j of jobs) {
    const out = []
    diff(alias.get(j.ours), alias.get(j.theirs), j.key, out)
    if (!out.length) continue
    const third = []
    if (j.third) differ(checker).diff(alias.get(j.ours), alias.get(j.third), j.key, third)
    result[j.key] = out.map((l) => {
      if (l.includes(' requires at least one of ')) return tagOneOf(l, specJson, paths.get(j.key.replace(/Parameters$/, '')))
      const tagged = tagSpec(l, spec)
      return j.third ? tagThird(tagged, third) : tagged
    })
  }
  for (const m of methods) {
    const a = checker.typeToString(alias.get(`MO${m.i}`))
    const b = checker.typeToString(alias.get(`MT${m.i}`))
    if (a !== b) {
      result[m.key] = [
        a === 'true'
          ? `${m.key}: ours takes optional parameters, theirs requires ${m.base}Parameters`
          : `${m.key}: ours requires ${m.base}Parameters, theirs takes optional parameters`,
      ]
    }
  }
  for (const m of missing.filter((x) => wanted(x.key))) {
    result[m.key] = [tagSpec(`${m.key}: ${m.what} of @seamapi/http that seam-wasm does not have`, spec, m.name)]
  }
  return result
}

// Paths of routes by the name of their types: 'DevicesGet' → '/devices/get'.
function routePaths() {
  const text = fs.readFileSync(path.join(root, 'pkg/types.d.ts'), 'utf8')
  const out = new Map()
  for (const m of text.matchAll(/^\s*'(\/[^']+)': \{ parameters: ([A-Za-z0-9]+)Parameters;/gm)) out.set(m[2], m[1])
  return out
}

function typeNames(specifier) {
  const { checker, sourceFile } = makeProgram(`import type * as X from '${specifier}'\n`)
  return [...moduleExports(checker, sourceFile, specifier).keys()]
}

// The member path a difference is about, without variant labels.
function pathOf(line) {
  let depth = 0
  let out = ''
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (depth === 0 && ch === ':' && line[i + 1] === ' ') break
    if (ch === '<' || ch === '{' || ch === '(') depth++
    else if (ch === '>' || ch === '}' || ch === ')') depth--
    else if (depth === 0) out += ch
  }
  return out
}

// Whether the spec of seam-wasm says which parameters are alternatives (a `oneOf` body).
function tagOneOf(line, spec, route) {
  const ops = spec.paths?.[route]
  if (!ops) return line
  const text = JSON.stringify(Object.values(ops).map((op) => [op.parameters, op.requestBody]))
  return text.includes('"oneOf"')
    ? `${line} [the spec of seam-wasm has these as a oneOf]`
    : `${line} [the spec of seam-wasm does not say so]`
}

// Whether ours differ from @seamapi/types at the same member as from @seamapi/http.
function tagThird(line, third) {
  if (line.includes('[not in the spec') || line.includes(' does$') || /differs as \w+ does$/.test(line)) return line
  const p = pathOf(line)
  const qs = third.map(pathOf)
  if (qs.some((q) => q === p || q.startsWith(`${p}.`) || q.startsWith(`${p}[`))) return `${line} [differs from @seamapi/types 1.977.0 too]`
  // A difference from @seamapi/types only around this member tells nothing about it.
  if (qs.some((q) => p.startsWith(`${q}.`) || p.startsWith(`${q}[`) || p === q)) return line
  return `${line} [as in @seamapi/types 1.977.0]`
}

// The spec the package is generated from (`make` writes build/openapi.json from the same export).
function specOpenapi() {
  return createRequire(import.meta.url)('@seamapi/types/connect').openapi
}

// A difference where theirs names something the spec of seam-wasm never mentions comes from the
// newer spec @seamapi/http was generated from, not from the generator of seam-wasm.
function tagSpec(line, spec, name) {
  const theirs = line.includes('only in theirs') || line.includes('only theirs') || line.includes(', theirs ') || !!name
  if (!theirs) return line
  const part = name ? [name] : theirPart(line)
  const tokens = part.filter((tok) => tok.length > 2 && !spec.includes(`"${tok}"`) && !spec.includes(`\`${tok}\``))
  return tokens.length ? `${line} [not in the spec of seam-wasm: ${tokens.map((x) => `\`${x}\``).join(', ')}]` : line
}
function theirPart(line) {
  let s = line
  const i = s.indexOf(', theirs ')
  if (i >= 0) {
    const ours = new Set(words(s.slice(0, i)))
    return words(s.slice(i)).filter((w) => !ours.has(w))
  }
  const m = s.match(/only in theirs \(`([A-Za-z0-9_]+)/)
  if (m) return [m[1]]
  return words(s.slice(s.indexOf('only theirs')))
}
function words(s) {
  return [...s.matchAll(/'([^']+)'/g)].map((m) => m[1])
}

// Rewrites parity-exceptions.mjs from the differences found now.
export function writeExceptions(diffs) {
  const MAX = 8
  const body = Object.entries(diffs)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, ls]) => {
      const shown = ls.slice(0, MAX).concat(ls.length > MAX ? [`... and ${ls.length - MAX} more (node tests/types/gen-parity.mjs --explain ${key})`] : [])
      return `  ${JSON.stringify(key)}: [\n${shown.map((l) => `    ${JSON.stringify(l)},`).join('\n')}\n  ],`
    })
    .join('\n')
  fs.writeFileSync(
    exceptionsFile,
    `// What seam-wasm declares differently from @seamapi/http: each entry names a type, a route method
// (\`SeamClientDevices#get\`: whether its parameters are optional) or a namespace member, with the
// members that differ. The parity test asserts each still differs, so a fixed entry fails until it
// is removed here. \`node tests/types/gen-parity.mjs --update-exceptions\` rewrites this file.
// Tags, from \`--explain\`: "[not in the spec of seam-wasm: x]": theirs names what the spec
// seam-wasm is generated from (@seamapi/types 1.977.0) never does, so it comes from the newer spec
// of @seamapi/http. "[as in @seamapi/types 1.977.0]": ours agree there with the types of the same
// spec, so the generator followed it. "[differs from @seamapi/types 1.977.0 too]": worth a look.
export default {
${body}
}
`,
  )
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2)
  if (args[0] === '--explain') {
    const diffs = explain(args.slice(1))
    for (const [key, ls] of Object.entries(diffs)) {
      console.log(`${key}:`)
      for (const l of ls) console.log(`  ${l}`)
    }
    console.log(`${Object.keys(diffs).length} differ`)
  } else if (args[0] === '--update-exceptions') {
    const diffs = explain()
    writeExceptions(diffs)
    console.log(`wrote ${Object.keys(diffs).length} exceptions to ${path.relative(process.cwd(), exceptionsFile)}`)
  } else {
    await generate()
  }
}
