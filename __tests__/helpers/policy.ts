/** Policy loading for tests: the formatted issues (`file:line:column: message`) a policy text gives. */
import { loadPolicy, PolicyError, formatIssue, type RepoReader } from '../../src/policy/load.js'

export const POLICY_FILE = '.github/quality-gate.yml'
export const noRepo: RepoReader = async () => undefined

/** Every issue loadPolicy reports for `text` at `file`, formatted; [] when the policy loads. */
export async function policyErrors(text: string, read: RepoReader = noRepo, file = POLICY_FILE): Promise<string[]> {
  try {
    await loadPolicy(text, file, read)
  } catch (e) {
    if (e instanceof PolicyError) return e.issues.map(formatIssue)
    throw e
  }
  return []
}
