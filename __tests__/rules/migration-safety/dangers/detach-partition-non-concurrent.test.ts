import { dangerSuite, findings, sql } from './cases.js'

dangerSuite('detach-partition-non-concurrent', {
  bad: [sql('ALTER TABLE events DETACH PARTITION events_2020;')],
  good: [sql('ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;')],
})

test('recipe names the parent and the partition', async () => {
  const [f] = await findings(sql('ALTER TABLE events DETACH PARTITION events_2020;'))
  expect(f.hint).toContain('ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;')
})
