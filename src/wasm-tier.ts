/**
 * Keep WebAssembly on V8's baseline compiler (Liftoff): no function is tiered up to the optimising
 * compiler (TurboFan).
 *
 * Why: libpg-query's parser is one bison function of about 100 KB of wasm (`base_yyparse`). Parsing even
 * five statements makes it hot, and V8 then compiles it with TurboFan on a background thread. Measured with
 * `--trace-wasm-compilation-times` on a five-statement file:
 *   - Node 24 (V8 13.6, the Action's runtime): that one compile takes ~315 ms and ~610 MB of compiler
 *     memory. The process cannot exit before it ends, so a five-statement migration took 362 ms instead of
 *     54 ms, with a 607 MB peak RSS instead of 65 MB.
 *   - Node 20, 22 and 26 are hit less hard (57 ms and 8 MB on Node 20) but still pay for it: 115 vs 206 ms
 *     (Node 20), 55 vs 165 ms (Node 22), 54 vs 143 ms (Node 26).
 * The optimised code never pays back within one run: a 10,000-statement file is faster on Liftoff alone on
 * every version measured (bench/migration-safety). Only a file ten times larger comes out ~4% slower.
 *
 * How: `--wasm-tier-up-filter=N` tiers up only the function with index N, and no module can have
 * 1,000,000 functions (V8's limit), so nothing is tiered up. It is read when a tier-up is considered, so
 * setting it at run time works, unlike `--liftoff-only` (read at start-up on Node 24). Node does not let an
 * Action pass V8 flags on the command line, hence `v8.setFlagsFromString`.
 *
 * The flag is process-wide and V8 prints "unrecognized flag" on stderr if it does not know it, so it is set
 * once, and only on the V8 versions where it was verified (11 to 14: Node 20 to 26). A test checks that the
 * running node still knows it.
 */
import { setFlagsFromString } from 'node:v8'

export const WASM_TIER_FLAG = '--wasm-tier-up-filter=1000000'
const VERIFIED_V8_MAJORS = [11, 14] as const

let applied = false

/** True when this V8 is one the flag was verified on. */
export function wasmTierFlagSupported(v8Version = process.versions.v8): boolean {
  const major = Number.parseInt(v8Version, 10)
  return major >= VERIFIED_V8_MAJORS[0] && major <= VERIFIED_V8_MAJORS[1]
}

/** Call before compiling or running any wasm module (`locateAsset` does, for every parser). Idempotent. */
export function keepWasmOnBaselineTier(): void {
  if (applied) return
  applied = true
  if (wasmTierFlagSupported()) setFlagsFromString(WASM_TIER_FLAG)
}
