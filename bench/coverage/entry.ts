/** Bench entry (bundled by ncc into .build/): the real parser and rule, nothing mocked. */
export { parseReport, PathMatcher, mergeCoverage } from '../../src/evidence/coverage/index.js'
export { criticalPathTests } from '../../src/rules/critical-path-tests/index.js'
