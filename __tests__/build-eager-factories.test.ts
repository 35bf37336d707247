/**
 * scripts/eager-factories.mjs (run by the build on every chunk): webpack's arrow module factories become
 * function expressions, which V8 compiles with the chunk instead of twice (issue 15, start-up). Only a factory
 * that sees nothing an arrow and a function see differently is rewritten, and the rewritten chunk computes the same.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { runInNewContext } from 'node:vm'
import { eagerFactories } from '../scripts/eager-factories.mjs'

/** A chunk shaped as ncc writes them: a module map of factories, and a tiny require that runs them. */
const CHUNK = [
  'var __webpack_modules__ = ({',
  '/***/ 1:',
  '/***/ ((module, __unused_webpack_exports, __webpack_require__) => {',
  '  const two = __webpack_require__(2)',
  '  module.exports = { sum: (a, b) => a + b + two.value }',
  '/***/ }),',
  '/***/ 2:',
  '/***/ ((module) => {',
  '  function own() { return arguments.length + (this === undefined ? 0 : 1) }',
  '  class K { m() { return this } }',
  '  module.exports = { value: 10, own: own(1, 2), k: typeof new K().m() }',
  '/***/ }),',
  '/***/ 3:',
  '/***/ ((module) => {',
  '  module.exports = { outerThis: this === undefined, args: typeof arguments }',
  '/***/ }),',
  '/***/ 4:',
  '/***/ ((module) => {',
  '  const f = () => this',
  '  module.exports = { arrowThis: f() === undefined }',
  '/***/ }),',
  '/***/ 5:',
  '/***/ (async (module) => {',
  '  module.exports = { async: true }',
  '/***/ }),',
  '/***/ 6:',
  '/***/ (function(module) {',
  '  module.exports = { already: this === module.exports }',
  '/***/ })',
  '});',
  'function req(id) { const m = { exports: {} }; __webpack_modules__[id].call(m.exports, m, m.exports, req); return m.exports }',
  'out = [req(1).sum(1, 2), req(2), req(3), req(4), req(6)]',
].join('\n')

function run(code: string): string {
  const context: { out?: unknown } = {}
  runInNewContext(code, context)
  return JSON.stringify(context.out)
}

describe('eager-factories', () => {
  const out = eagerFactories(CHUNK)

  it('writes plain factories as function expressions right after the parenthesis', () => {
    expect(out).toContain('/***/ (function(module, __unused_webpack_exports, __webpack_require__) {')
    // Nested functions and classes have their own `this` and `arguments`: the factory is still rewritten.
    expect(out).toContain('/***/ 2:\n/***/ (function(module) {')
  })

  it('keeps arrows that read `this` or `arguments` (directly or through a nested arrow) and async ones', () => {
    expect(out).toContain('/***/ 3:\n/***/ ((module) => {')
    expect(out).toContain('/***/ 4:\n/***/ ((module) => {')
    expect(out).toContain('/***/ 5:\n/***/ (async (module) => {')
    expect(out).toContain('/***/ 6:\n/***/ (function(module) {')
  })

  it('the rewritten chunk computes what the original computes', () => {
    expect(run(out)).toBe(run(CHUNK))
  })

  it('leaves code without a module map unchanged', () => {
    const code = "#!/usr/bin/env node\nimport './index.js'\n"
    expect(eagerFactories(code)).toBe(code)
  })

  it('the committed bundle is what the build leaves: no chunk has an arrow factory left to rewrite', () => {
    const chunks = readdirSync('dist').filter((f) => f.endsWith('.js') && f !== 'web-tree-sitter.js')
    expect(chunks.length).toBeGreaterThan(10)
    let functions = 0
    for (const f of chunks) {
      const code = readFileSync(`dist/${f}`, 'utf8')
      expect({ f, same: eagerFactories(code, f) === code }).toEqual({ f, same: true })
      functions += code.match(/^\/\*\*\*\/ \(function\(/gm)?.length ?? 0
    }
    expect(functions).toBeGreaterThan(500)
  })
})
