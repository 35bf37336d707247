/** Options of `critical-path-tests` (the policy schema and its defaults are generated from this). */
import { Type, type Static } from '@sinclair/typebox'

export const DEFAULT_COVERAGE_GLOBS = [
  'coverage/lcov.info',
  '**/coverage/lcov.info',
  '**/cobertura-coverage.xml',
  '**/coverage.xml',
  '**/jacoco*.xml',
  '**/coverage/coverage-final.json',
  '**/cover.out',
  '**/coverage.out',
  '**/*.coverprofile',
]

export const TestMap = Type.Object(
  {
    source: Type.String({
      description:
        'Pattern of a source file with `{dir}` (any folders, possibly none) and `{name}` (file name without the ' +
        'extension written after it) placeholders, e.g. `src/{dir}/{name}.ts`. `*` and `**` work as in globs.',
    }),
    tests: Type.Array(Type.String(), {
      minItems: 1,
      description:
        'Where the test for that file lives, with the same placeholders, e.g. ' +
        '`src/{dir}/{name}.test.ts` or `__tests__/{dir}/{name}.test.ts`; changing any one of them satisfies the mapping.',
    }),
  },
  { additionalProperties: false, description: 'Name-based test mapping: the test for THIS file must change, not just any test.' },
)

export const Area = Type.Object(
  {
    name: Type.String({ minLength: 1, description: 'Name of the critical area, shown in the comment (e.g. `payments`).' }),
    include: Type.Array(Type.String(), { minItems: 1, description: "Globs of the area's files." }),
    exclude: Type.Array(Type.String(), {
      default: [],
      description: 'Globs of files inside `include` that are not critical code (docs, fixtures, config).',
    }),
    tests: Type.Array(Type.String(), {
      default: [],
      description:
        "Globs of the area's tests. With `tests-changed`, " +
        'a change to a critical file that has no `test_map` entry needs a change to one of these.',
    }),
    test_map: Type.Array(TestMap, {
      default: [],
      description: 'Name-based mapping from a source file to its test file(s); takes precedence over `tests` for the files it matches.',
    }),
    require: Type.Array(Type.Union([Type.Literal('tests-changed'), Type.Literal('diff-coverage')]), {
      default: ['tests-changed', 'diff-coverage'],
      description:
        '`tests-changed`: changed critical code comes with a changed test. `diff-coverage`: ' +
        'the changed executable lines are covered at least `min_diff_coverage` percent.',
    }),
    min_diff_coverage: Type.Number({
      minimum: 0,
      maximum: 100,
      default: 80,
      description: 'Minimum percentage of changed executable lines of the area that the coverage reports show as run.',
    }),
  },
  { additionalProperties: false },
)

export const Options = Type.Object({
  areas: Type.Array(Area, {
    default: [],
    description: 'Business-critical areas. Empty (the default): the rule checks nothing, so repositories without coverage are not failed.',
  }),
  coverage: Type.Array(Type.String(), {
    default: DEFAULT_COVERAGE_GLOBS,
    description:
      'Globs of coverage reports in the workspace (lcov, Cobertura XML, JaCoCo XML, Istanbul coverage-final.json, ' +
      'Go cover profiles; the format is detected from the content). Several reports merge. Files under node_modules/ are ' +
      'ignored.',
  }),
  missing_report: Type.Union([Type.Literal('fail'), Type.Literal('warn'), Type.Literal('ignore')], {
    default: 'warn',
    description:
      'What a changed critical file that no coverage report mentions (or no report at all) ' +
      "concludes: `fail` at the rule's level, `warn`, or `ignore`.",
  }),
  max_report_mb: Type.Number({
    minimum: 1,
    default: 200,
    description: 'Reports larger than this many MiB are not read (an error finding says so).',
  }),
  max_uncovered_findings: Type.Integer({
    minimum: 0,
    default: 100,
    description: 'At most this many uncovered-range findings (annotations); the rest are counted in one more finding.',
  }),
})

export type CriticalPathTestsOptions = Static<typeof Options>
export type AreaOptions = Static<typeof Area>
export type TestMapOptions = Static<typeof TestMap>
