import { dangerSuite, sql } from './cases.js'

dangerSuite('cluster', { bad: [sql('CLUSTER users USING users_pkey;')], good: [sql('ANALYZE users;')] })
