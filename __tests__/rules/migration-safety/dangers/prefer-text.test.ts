import { dangerSuite, sql } from './cases.js'

dangerSuite('prefer-text', { bad: [sql('CREATE TABLE t (code char(3));')], good: [sql('CREATE TABLE t (code text);')] })
