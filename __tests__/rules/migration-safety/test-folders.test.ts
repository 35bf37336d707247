/**
 * Issue 14, held-out-6 (netbox 426805cd; held-out-5 6c6cb321): a migration of a test app or fixture never runs
 * in production, so the built-in layouts do not take migrations under a test folder; a policy's `paths` can.
 */
import { classify } from '../../../src/rules/migration-safety/detect.js'

describe('migrations under test folders', () => {
  test('a test app, a Rails engine dummy, a fixture: not migrations by the built-in layouts', () => {
    for (const p of [
      'netbox/netbox/tests/dummy_plugin/migrations/0001_initial.py',
      'test/dummy/db/migrate/20240101000000_create_users.rb',
      'spec/fixtures/migrations/000001_a.up.sql',
      'pkg/testdata/migrations/V1__init.sql',
    ])
      expect(classify(p, [], [], true)).toBeUndefined()
  })
  test('side by side: the same layouts elsewhere are migrations; a policy path names a test folder on purpose', () => {
    expect(classify('netbox/dcim/migrations/0001_initial.py', [], [], true)?.layout).toBe('django')
    expect(classify('db/migrate/20240101000000_create_users.rb', [], [], true)?.layout).toBe('rails')
    // a folder whose name merely contains "test"
    expect(classify('persistence/sql/migratest/migrations/000001_a.up.sql', [], [], true)?.layout).toBe('golang-migrate')
    expect(classify('contests/migrations/0001_initial.py', [], [], true)?.layout).toBe('django')
    expect(classify('test/dummy/db/migrate/20240101000000_create_users.rb', ['test/dummy/db/migrate/*.rb'], [], true)?.layout).toBe(
      'policy paths',
    )
  })
})
