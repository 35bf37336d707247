import { dangerSuite, sql } from './cases.js'

dangerSuite('prefer-timestamptz', { bad: [sql('CREATE TABLE t (at timestamp);')], good: [sql('CREATE TABLE t (at timestamptz);')] })
