/** Bench entry (bundled by ncc into .build/): the real SARIF parser and merge, nothing mocked. */
export { parseReport, mergeVulnerabilities } from '../../src/evidence/scanners/index.js'
