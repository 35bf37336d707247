/** The App's org policy cache: bounded, least recently used out, one per installation. */
import { RemotePolicyCache, RemotePolicyCaches } from '../../src/github/remote-policy.js'

test('a cache keeps at most maxEntries files, dropping the least recently used', () => {
  const c = new RemotePolicyCache(2)
  c.set('a', 'A')
  c.set('b', null) // a file known absent at that SHA is cached too
  expect(c.get('a')).toBe('A') // a is now the most recent
  c.set('c', 'C')
  expect(c.get('b')).toBeUndefined()
  expect(c.get('a')).toBe('A')
  expect(c.get('c')).toBe('C')
  expect(c.size).toBe(2)
})

test('installations never share a cache (what one token may read is not served to another)', () => {
  const caches = new RemotePolicyCaches(2, 10)
  caches.forInstallation(1).set('acme/.github@sha:org.yml', 'rules: {}\n')
  expect(caches.forInstallation(2).get('acme/.github@sha:org.yml')).toBeUndefined()
  caches.forInstallation(2).set('x', 'X')
  expect(caches.forInstallation(1).get('acme/.github@sha:org.yml')).toBe('rules: {}\n')
  caches.forInstallation(3) // 2 is now the least recently used of 3 installations, over the bound of 2: dropped
  expect(caches.forInstallation(1).get('acme/.github@sha:org.yml')).toBe('rules: {}\n')
  expect(caches.forInstallation(2).get('x')).toBeUndefined()
})
