/**
 * Where the enforced policy came from, in words, for every face (comment, check run, CLI, release, trends):
 * `<path>@<ref>`, the working-tree file the CLI was given, or the embedded default when the repository has
 * none at the ref. One function, so the faces cannot drift apart.
 */
import { isEmptyPolicy } from '../policy/load.js'

export interface PolicyOrigin {
  /** The policy file's path in the repository (or as given on the command line). */
  path: string
  /** Its text; undefined when the repository has no such file at `ref`. */
  text: string | undefined
  /** Where it was read: a branch name or commit SHA (shortened to 12), or the working tree. */
  at: { ref: string } | { sha: string } | 'working tree'
  /** How to say `at` when the file is missing ("on the base branch", "at the base"); default `at <ref>`. */
  missingAt?: string
}

export function policySource(o: PolicyOrigin): string {
  const where = o.at === 'working tree' ? 'working tree' : 'ref' in o.at ? o.at.ref : o.at.sha.slice(0, 12)
  if (o.text === undefined)
    return `embedded default policy (no ${o.path} ${o.missingAt ?? (o.at === 'working tree' ? 'in the working tree' : `at ${where}`)})`
  const empty = isEmptyPolicy(o.text) ? ' (empty: the default preset applies)' : ''
  return o.at === 'working tree' ? `${o.path} (working tree)${empty}` : `${o.path}@${where}${empty}`
}
