/**
 * The defaults every face shares (Action inputs, App environment, CLI flags, surfaces): defined here and
 * nowhere else (the schema module re-exports them). A leaf module: the Action reads its inputs before it
 * loads the schema (src/action/head-start.ts).
 */
export const DEFAULT_POLICY_PATH = '.github/quality-gate.yml'
export const DEFAULT_CHECK_NAME = 'quality-gate'
export const DEFAULT_LABEL_PREFIX = 'gate-waive:'
