/**
 * Rewrites the module factories of a webpack chunk from arrow functions to function expressions:
 * `/***\/ ((module, exports, __webpack_require__) => {` becomes `/***\/ (function(module, exports, __webpack_require__) {`.
 *
 * Why (issue 15, start-up): V8 compiles a script's functions lazily. When node loads a chunk it pre-parses every
 * factory, and when the bundle first requires a module it parses that factory again, in full. A function
 * expression written right after `(` is compiled eagerly, with the script (V8's "PIFE" heuristic); an arrow
 * function is not. The factories of a chunk node loads are nearly all run (270 of the 288 in the chunks a 300-file
 * Action run loads), so compiling them once, up front, is less work: on Node 20, 300-file PR, CPU profiles of 36
 * runs each, the second parses (~60 ms, charged to `__nccwpck_require__`) went away, the chunks' compile grew by
 * ~10 ms, and a run took 410–428 ms of CPU instead of 470–484. Node 24 compiles both forms alike.
 * webpack writes `function` itself for targets without arrows, but ncc fixes the target at `node14` + ours, so
 * the build does it here.
 *
 * Only a factory whose own body uses neither `this`, `arguments`, `new.target` nor `super` (outside nested
 * non-arrow functions) is rewritten: those are the only things an arrow and a function expression see
 * differently, and webpack already writes `function` for the modules that use `this`. The result is parsed again
 * and must hold the same factories with the same parameters and bodies, or the build fails.
 */
import { parse } from 'acorn'

const OPTIONS = { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true }

/** The object literals that map module ids to factories: `export const modules = {…}` and `var __webpack_modules__ = ({…})`. */
function moduleMaps(tree) {
  const maps = []
  for (const statement of tree.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement
    if (declaration?.type !== 'VariableDeclaration') continue
    for (const d of declaration.declarations) {
      const name = d.id.type === 'Identifier' ? d.id.name : ''
      if ((name === 'modules' || name === '__webpack_modules__') && d.init?.type === 'ObjectExpression') maps.push(d.init)
    }
  }
  return maps
}

/** True when `body` reads what an arrow takes from its surroundings: `this`, `arguments`, `new.target`, `super`. */
function usesOuterBinding(body) {
  const stack = [body]
  while (stack.length) {
    const node = stack.pop()
    if (node.type === 'ThisExpression' || node.type === 'Super') return true
    if (node.type === 'Identifier' && node.name === 'arguments') return true
    if (node.type === 'MetaProperty' && node.meta.name === 'new') return true
    // A nested function (not an arrow) or a class body has its own `this`, `arguments` and `new.target`.
    if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression') continue
    if (node.type === 'ClassBody') {
      // Computed keys and `extends` run in the outer scope; the members' own bodies do not.
      for (const m of node.body) if (m.computed) stack.push(m.key)
      continue
    }
    for (const v of Object.values(node)) {
      if (Array.isArray(v)) {
        for (const c of v) if (c && typeof c.type === 'string') stack.push(c)
      } else if (v && typeof v === 'object' && typeof v.type === 'string') stack.push(v)
    }
  }
  return false
}

/** The factories of the chunk: id, parameter names and body text. */
function factories(code, tree) {
  const out = []
  for (const map of moduleMaps(tree)) {
    for (const p of map.properties) {
      const f = p.value
      if (f?.type !== 'ArrowFunctionExpression' && f?.type !== 'FunctionExpression') continue
      out.push({
        key: code.slice(p.key.start, p.key.end),
        params: f.params.map((x) => code.slice(x.start, x.end)),
        body: code.slice(f.body.start, f.body.end),
      })
    }
  }
  return out
}

/** The chunk with its eligible arrow factories written as function expressions. Throws when the result differs otherwise. */
export function eagerFactories(code, file = 'code') {
  const tree = parse(code, OPTIONS)
  const edits = []
  for (const map of moduleMaps(tree)) {
    for (const p of map.properties) {
      const f = p.value
      if (f?.type !== 'ArrowFunctionExpression' || f.async || f.body.type !== 'BlockStatement') continue
      if (!f.params.every((x) => x.type === 'Identifier') || usesOuterBinding(f.body)) continue
      const head = code.slice(f.start, f.body.start)
      if (!/^\([\w$,\s]*\)\s*=>\s*$/.test(head)) continue
      edits.push({ start: f.start, end: f.body.start, text: `function(${f.params.map((x) => x.name).join(', ')}) ` })
    }
  }
  if (edits.length === 0) return code
  let out = ''
  let at = 0
  for (const e of edits) {
    out += code.slice(at, e.start) + e.text
    at = e.end
  }
  out += code.slice(at)
  const before = JSON.stringify(factories(code, tree))
  const after = JSON.stringify(factories(out, parse(out, OPTIONS)))
  if (before !== after) throw new Error(`eager-factories: ${file}: the rewritten factories differ from the bundle's`)
  return out
}
