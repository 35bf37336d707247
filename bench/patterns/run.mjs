// Untrusted policy patterns, before and after (issue 13, item 2). Node's own timing; figures, not tests.
//   node bench/patterns/run.mjs [files]
// - brace glob `{a,b}` x17 matched against N paths: minimatch() per path (the old matchesAny) vs one
//   compiled Minimatch (the cache) vs the cap (refused: more than 256 alternatives);
// - `^(a+)+$` on `a`*n + `!`: V8's backtracking RegExp (exponential: n kept small) vs RE2 (re2js).
import { Minimatch, minimatch } from 'minimatch'
import { RE2JS } from 're2js'

const files = Number(process.argv[2] ?? 20)
const ms = (t) => `${(performance.now() - t).toFixed(1)} ms`
const glob = '{a,b}'.repeat(17)
const paths = Array.from({ length: files }, (_, i) => `src/file${i}.ts`)

let t = performance.now()
for (const p of paths) minimatch(p, glob, { dot: true })
console.log(`brace glob x17, ${files} paths, minimatch() per path (before): ${ms(t)}`)
t = performance.now()
const m = new Minimatch(glob, { dot: true })
for (const p of paths) m.match(p)
console.log(`brace glob x17, ${files} paths, compiled once (cache, no cap):    ${ms(t)}`)
t = performance.now()
const capped = new Minimatch('{a,b}'.repeat(8), { dot: true }) // 256 alternatives: the largest allowed
for (const p of paths) capped.match(p)
console.log(`brace glob x8 (256, the cap), ${files} paths, compiled once:       ${ms(t)}`)

for (const n of [20, 22, 24, 26]) {
  const line = 'a'.repeat(n) + '!'
  t = performance.now()
  ;/^(a+)+$/.test(line)
  console.log(`^(a+)+$ on ${n} a's + '!', RegExp (before): ${ms(t)}`)
}
const re2 = RE2JS.compile('^(a+)+$')
for (const n of [40, 1000, 1_000_000]) {
  const line = 'a'.repeat(n) + '!'
  t = performance.now()
  re2.test(line)
  console.log(`^(a+)+$ on ${n} a's + '!', RE2 (after):     ${ms(t)}`)
}
