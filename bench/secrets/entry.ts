/** Bench entry (bundled by ncc into .build/): the real rule and secretlint, nothing mocked. */
export { secrets } from '../../src/rules/secrets/index.js'
