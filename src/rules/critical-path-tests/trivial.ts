/**
 * "Comment or blank" line detection for the languages critical code is written in. Line-based on purpose
 * (no parser): a line is trivial when it is blank or starts with the language's line-comment marker or a
 * block-comment delimiter/continuation. Unknown extensions: only blank lines are trivial.
 */

const C_LIKE = new Set([
  'ts',
  'tsx',
  'mts',
  'cts',
  'js',
  'jsx',
  'mjs',
  'cjs',
  'java',
  'kt',
  'kts',
  'scala',
  'groovy',
  'go',
  'rs',
  'c',
  'h',
  'cc',
  'cpp',
  'cxx',
  'hpp',
  'cs',
  'swift',
  'dart',
  'php',
  'proto',
])
const HASH = new Set([
  'py',
  'pyi',
  'rb',
  'sh',
  'bash',
  'zsh',
  'pl',
  'pm',
  'r',
  'ex',
  'exs',
  'tf',
  'hcl',
  'yml',
  'yaml',
  'toml',
  'cfg',
  'ini',
  'conf',
  'cmake',
  'mk',
])
const DASH = new Set(['sql', 'lua', 'hs', 'elm', 'ada'])

function ext(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1)
  if (base === 'Dockerfile' || base === 'Makefile') return 'sh'
  const dot = base.lastIndexOf('.')
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase()
}

export function isTrivialLine(path: string, text: string): boolean {
  const t = text.trim()
  if (t === '') return true
  const e = ext(path)
  if (C_LIKE.has(e)) return t.startsWith('//') || t.startsWith('/*') || t.startsWith('*') || t === '*/'
  if (HASH.has(e)) return t.startsWith('#') && !t.startsWith('#!')
  if (DASH.has(e)) return t.startsWith('--')
  return false
}
