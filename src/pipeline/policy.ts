/**
 * The enforced policy, loaded the same way by every face (Action, App, CLI, release mode, trends): a broken
 * policy becomes its formatted messages (`file:line:column: …`) instead of a throw, so each face can turn it
 * into the policy-error verdict; a loaded one carries the notes of the org floors it had to enforce.
 */
import { describeEnforcement, formatIssue, loadPolicy, PolicyError, type LoadedPolicy, type LoadOptions } from '../policy/load.js'
import { fillDefaults, resolvePolicy } from '../policy/resolved.js'
import type { ResolvedPolicy } from '../policy/schema.js'
import type { Note } from '../types.js'

/** The embedded default policy, resolved: what applies when there is none, or none that loads. */
export function defaultResolvedPolicy(): ResolvedPolicy {
  return resolvePolicy(fillDefaults({}))
}

/** A policy that loaded, or the messages that say why it did not. */
export type PolicyAttempt = { loaded: LoadedPolicy; errors?: undefined } | { loaded?: undefined; errors: string[] }

/** Loads a policy through a reader; a broken policy becomes a list of messages instead of a throw. */
export async function tryLoadPolicy(
  text: string | undefined,
  path: string,
  read: (p: string) => Promise<string | undefined>,
  options: LoadOptions = {},
): Promise<PolicyAttempt> {
  try {
    return { loaded: await loadPolicy(text, path, read, options) }
  } catch (e) {
    if (e instanceof PolicyError) return { errors: e.issues.map(formatIssue) }
    throw e
  }
}

/** The gate-level notes that say which org floors were enforced (shown in the comment, check run and JSON). */
export function enforcementNotes(loaded: LoadedPolicy): Note[] {
  if (!loaded.enforced.length) return []
  const keys = loaded.enforced.length === 1 ? 'one locked key' : `${loaded.enforced.length} locked keys`
  return [
    {
      level: 'warning',
      message: `Org policy enforced: ${keys} of the org policy could not be loosened by this repository's policy; the org values apply.`,
      detail: loaded.enforced.map(describeEnforcement).join('\n'),
    },
  ]
}
