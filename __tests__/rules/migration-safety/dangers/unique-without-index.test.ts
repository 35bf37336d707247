import { dangerSuite, findings, sql } from './cases.js'

dangerSuite('unique-without-index', {
  bad: [sql('ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);'), sql('ALTER TABLE users ADD PRIMARY KEY (id);')],
  good: [
    sql('ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;'),
    sql('CREATE TABLE u (id bigint);\nALTER TABLE u ADD PRIMARY KEY (id);'),
  ],
})

test('recipe names the index and the constraint', async () => {
  const [f] = await findings(sql('ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);'))
  expect(f.hint).toContain('CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);')
  expect(f.hint).toContain('ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;')
})
