import { dangerSuite, sql } from './cases.js'

dangerSuite('drop-database', { bad: [sql('DROP DATABASE app;')], good: [sql('SELECT 1;')] })
