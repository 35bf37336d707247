/**
 * The big fuzz run (`npm run fuzz` → scripts/fuzz.mjs): the property tests of __tests__/fuzz with
 * FUZZ_RUNS cases each (10,000 by default), one worker per core, no per-test timeout worth hitting.
 * The regular `npm test` runs the same files with a small seeded sample. See docs/fuzzing.md.
 */
import base from './jest.config.js'

export default {
  ...base,
  testMatch: ['<rootDir>/__tests__/fuzz/**/*.fuzz.test.ts'],
  testTimeout: 60 * 60 * 1000,
}
