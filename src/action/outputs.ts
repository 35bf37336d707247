import * as core from '@actions/core'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Verdict } from '../types.js'
import { errorMessage } from '../errors.js'

/** The outputs every mode sets: conclusion, failed-rules, and the JSON report (written to reportPath). */
export function writeOutputs(reportPath: string, v: Verdict, report: unknown): void {
  core.setOutput('conclusion', v.conclusion)
  core.setOutput('failed-rules', v.failedRules.join(','))
  try {
    mkdirSync(dirname(reportPath), { recursive: true })
    writeFileSync(reportPath, JSON.stringify(report, null, 2))
    core.setOutput('report', reportPath)
  } catch (e) {
    core.warning(`could not write the JSON report to ${reportPath}: ${errorMessage(e)}`)
  }
}
