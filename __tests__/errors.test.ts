import { errorMessage, plainMessage, redactSecrets, registerSecret } from '../src/errors.js'

const hex40 = '0123456789abcdef0123456789abcdef01234567'
const SHA = '9fceb02d0ae598e95dc970b74767f19372d61af8'

describe('token redaction (issue 13, item 13)', () => {
  it.each([
    ['ghp_', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'],
    ['gho_', 'gho_16C7e42F292c6912E7710c838347Ae178B4a'],
    ['ghu_', 'ghu_16C7e42F292c6912E7710c838347Ae178B4a'],
    ['ghs_', 'ghs_16C7e42F292c6912E7710c838347Ae178B4a'],
    ['ghr_', 'ghr_1B4a2e77838347a7E420ce178F2E7c6912E169246c34E1ccbF66C46812d16D5B1A9Dc86A1498'],
    ['github_pat_', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV'],
    ['v1. + 40 hex', `v1.${hex40}`],
    ['a JWT', 'eyJhbGciOiJSUzI1NiJ9.eyJpYXQiOjE3MDAwMDAwMDAsImlzcyI6IjQyIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ'],
  ])('%s is redacted wherever it appears', (_name, token) => {
    const out = plainMessage(new Error(`upstream echoed x${token} and (${token})`))
    expect(out).not.toContain(token)
    expect(out).not.toContain(token.slice(-12))
    expect(out).toContain('***')
  })

  it('a bare 40-hex token after token, bearer or Authorization: is redacted; a commit SHA elsewhere is not', () => {
    for (const header of [
      `Authorization: token ${hex40}`,
      `authorization: Bearer ${hex40}`,
      `token ${hex40}`,
      `"Authorization":"bearer ${hex40}"`,
    ]) {
      expect(redactSecrets(`proxy said: ${header} for commit ${SHA}`)).toBe(`proxy said: ${header.replace(hex40, '***')} for commit ${SHA}`)
    }
  })

  it('a part of a ghs_ token (the prefix cut off, or only the prefix) is redacted', () => {
    expect(redactSecrets('…ghs_')).toBe('…***')
    expect(redactSecrets('the header was "ghs_abc')).toBe('the header was "***')
  })

  it('the known token value in use is redacted whole and in part, whatever its shape', () => {
    const token = 'Zq3kP9wLmN2xR7tYvB4cD8fG1hJ6sA0eU5iO_tail'
    registerSecret(token)
    const msg = `bad gateway; request had X-Token=${token}; truncated: ${token.slice(0, 20)} …${token.slice(-14)}`
    const out = errorMessage(
      Object.assign(new Error(msg), { status: 502, request: { method: 'GET', url: 'https://api.github.com/repos/o/r/pulls/1/files' } }),
    )
    expect(out).not.toContain(token)
    expect(out).not.toContain(token.slice(0, 20))
    expect(out).not.toContain(token.slice(-14))
    expect(out).toBe('GET /repos/o/r/pulls/1/files failed (HTTP 502): bad gateway; request had X-Token=***; truncated: *** …***')
  })

  it('ordinary words, SHAs and URLs are left alone', () => {
    const text = `GET /repos/acme/service/pulls/7/files?per_page=100 failed: the token has expired at ${SHA}`
    expect(redactSecrets(text)).toBe(text)
  })

  it('controls in a message are made visible (no terminal escape from an error body)', () => {
    expect(plainMessage(new Error('boom \u001b[2J\u202Eevil'))).toBe('boom \\u001B[2J\\u202Eevil')
  })
})
