/** `{dir}` / `{name}` test mapping: "the test for THIS file". */
import { escape } from 'minimatch'
import { matchesAny } from '../../change/glob.js'
import type { TestMapOptions } from './options.js'

function regexEscape(s: string): string {
  return s.replace(/[.+^${}()|[\]\\]/g, '\\$&')
}

/** Compiles a source pattern (`src/{dir}/{name}.ts`, globs allowed) to a regex with `dir`/`name` groups. */
export function compileSourcePattern(pattern: string): RegExp {
  let re = ''
  let i = 0
  while (i < pattern.length) {
    const rest = pattern.slice(i)
    if (rest.startsWith('{dir}/')) {
      re += '(?:(?<dir>.+)/)?'
      i += 6
    } else if (rest.startsWith('{dir}')) {
      re += '(?<dir>.*)'
      i += 5
    } else if (rest.startsWith('{name}')) {
      re += '(?<name>[^/]+)'
      i += 6
    } else if (rest.startsWith('**/')) {
      re += '(?:.*/)?'
      i += 3
    } else if (rest.startsWith('**')) {
      re += '.*'
      i += 2
    } else if (rest[0] === '*') {
      re += '[^/]*'
      i += 1
    } else if (rest[0] === '?') {
      re += '[^/]'
      i += 1
    } else {
      re += regexEscape(rest[0])
      i += 1
    }
  }
  return new RegExp('^' + re + '$')
}

/** A test pattern with placeholders as a glob matching every possible test (to recognise test files). */
export function testPatternGlob(pattern: string): string {
  return pattern
    .replace(/\{dir\}\//g, '**/')
    .replace(/\{dir\}/g, '**')
    .replace(/\{name\}/g, '*')
}

function substitute(pattern: string, dir: string, name: string, esc: (s: string) => string): string {
  return pattern
    .replace(/\{dir\}\//g, dir ? esc(dir) + '/' : '')
    .replace(/\{dir\}/g, esc(dir))
    .replace(/\{name\}/g, esc(name))
}

export interface MappedTests {
  /** Display paths of the tests that satisfy the mapping (placeholders filled in). */
  display: string[]
  /** Globs (values escaped) to match changed paths against. */
  globs: string[]
}

/** The tests mapped to `path` by the first matching entry, or undefined when no entry matches. */
export function mappedTests(path: string, map: readonly TestMapOptions[]): MappedTests | undefined {
  for (const entry of map) {
    const m = compileSourcePattern(entry.source).exec(path)
    if (!m) continue
    const dir = m.groups?.['dir'] ?? ''
    const name = m.groups?.['name'] ?? ''
    return {
      display: entry.tests.map((t) => substitute(t, dir, name, (s) => s)),
      globs: entry.tests.map((t) => substitute(t, dir, name, (s) => escape(s))),
    }
  }
  return undefined
}

/** True when `path` is a test according to the area's `tests` globs or any `test_map` test pattern. */
export function isTestPath(path: string, tests: readonly string[], map: readonly TestMapOptions[]): boolean {
  if (matchesAny(path, tests)) return true
  for (const entry of map) if (matchesAny(path, entry.tests.map(testPatternGlob))) return true
  return false
}
