/** The policy's `report:` section (team trends, `pr-gate report`): see docs/report.md. */
import { Type, type Static } from '@sinclair/typebox'

export const ReportSettings = Type.Object(
  {
    size_threshold: Type.Integer({
      minimum: 1,
      default: 300,
      description:
        'The changed-lines mark of the trend report: the share of pull requests over it, ' +
        'and the weekly median it is held to (`fail_on_trend.median_over_weeks`).',
    }),
    fail_on_trend: Type.Object(
      {
        median_over_weeks: Type.Integer({
          minimum: 0,
          default: 4,
          description:
            'Fail the report when the weekly median PR size is over `size_threshold` this many ' +
            'ISO weeks in a row (weeks without merges break no run and extend none). 0: never.',
        }),
        sla_breach: Type.Boolean({
          default: true,
          description:
            'Fail the report on any vulnerability fixed after its fix SLA, ' +
            'or still open past it, in the window (needs the Dependabot alerts).',
        }),
        max_failure_share: Type.Number({
          minimum: 0,
          maximum: 100,
          default: 100,
          description: 'Fail the report when more than this percentage of the merged pull requests had a failing gate. 100: never.',
        }),
      },
      {
        additionalProperties: false,
        default: {},
        description: 'What fails the report (`pr-gate report --fail-on-trend`): a trend that breaches the standards.',
      },
    ),
  },
  {
    additionalProperties: false,
    default: {},
    description: 'Team trends (`pr-gate report`): the size mark and the trends that fail the report.',
  },
)

export type ResolvedReportSettings = Static<typeof ReportSettings>
