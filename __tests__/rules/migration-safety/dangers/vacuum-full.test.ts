import { dangerSuite, sql } from './cases.js'

dangerSuite('vacuum-full', { bad: [sql('VACUUM FULL users;')], good: [sql('VACUUM users;')] })
