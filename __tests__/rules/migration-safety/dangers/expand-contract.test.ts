import { dangerSuite, sql } from './cases.js'

const app = (path: string) => ({ path, status: 'modified' as const, patch: '@@ -1 +1 @@\n-a\n+b' })

dangerSuite('expand-contract', {
  bad: [sql('ALTER TABLE users DROP COLUMN nickname;', { files: [app('src/users/profile.ts')] })],
  good: [
    sql('ALTER TABLE users DROP COLUMN nickname;'),
    // the schema dump and tests are not application code
    sql('ALTER TABLE users DROP COLUMN nickname;', {
      files: [
        app('db/schema.rb'),
        app('spec/models/user_spec.rb'),
        app('internal/users/store_test.go'),
        app('src/users/profile.test.ts'),
        app('tests/test_users.py'),
      ],
    }),
  ],
})
