/**
 * Operational-change detection: which changed files (and added lines) are deploy manifests, infrastructure,
 * alerting/monitoring, release workflows, schedules, new env vars or feature flags. Structured files are
 * parsed (YAML, JSON, HCL); what cannot be parsed falls back to path rules and is reported as such. Reads are
 * bounded by a budget: a 3000-file PR reads only the YAML/JSON/HCL files and the code files that add an
 * env-var read.
 */
import { errorMessage } from '../../errors.js'
import type { ChangedFile, RuleContext } from '../../types.js'
import { minimatch } from 'minimatch'
import { matchesAny } from '../../change/glob.js'
import { addedLines, removedLines } from '../../change/patch.js'
import {
  envLanguageOf,
  envVarNamesDeclared,
  envVarNamesInText,
  envVarReadsInLine,
  envVarReadsInText,
  mayReadThroughConstant,
  namePatterns,
  type EnvLanguage,
} from '../../change/envvars.js'
import { capture, compileTemplate, hasPlaceholders } from './template.js'
import type { RunbookOptions, TriggerCode } from './options.js'
import { loadJson, loadYamlDocs, isTemplated, type YamlResult } from './yaml.js'
import { parseTerraform } from './hcl.js'
import {
  changedLeaves,
  changedPaths,
  compareUnits,
  normaliseTemplate,
  onlyVersionBumps,
  onlyVersionChanges,
  withoutVersions,
  describeChanges,
  dockerBaseKey,
  dockerRuntime,
  sameUpToVersion,
  versionKeyTest,
  type VersionKeys,
  docUnits,
  dockerInstructions,
  hclBlockRange,
  normaliseText,
  pickLine,
  sameValue,
  sectionUnits,
  terraformUnits,
  touchedLines,
  yamlChildRange,
  yamlDocRanges,
  type DockerInstruction,
  type UnitChange,
} from './semantic.js'
import { isObject, list } from '../../json.js'

export interface Trigger {
  code: TriggerCode
  path: string
  line?: number
  /** What kind of operational change it is (one sentence fragment, plain text). */
  what: string
  /** How it was detected: `content`, `path`, `diff`, or a path fallback with its reason. */
  how: string
  /** For new-env-var: the variable. */
  envVar?: string
}

export interface Detection {
  triggers: Trigger[]
  /** Files that could not be parsed and matched no path rule (plain text notes). */
  unparsed: Array<{ path: string; reason: string }>
  /** Files classified by path only because the read budget or size limit was reached. */
  notRead: Array<{ path: string; reason: string }>
  /** Changed files whose parsed meaning did not change (comments, whitespace, formatting only). */
  noOperationalChange: string[]
  /** Changed files of development/test tooling (never production). */
  devTooling: string[]
  /** Changed files whose only change is a version bump under a routine key (image tags, chart versions, …). */
  versionBumps: string[]
  /** Changed Dockerfiles whose final image runs the same way (build stages, RUN/COPY/ARG, base-image versions). */
  buildOnly: string[]
  /** Changed files of non-production environments (sandbox, staging, test, preview … by path). */
  nonProduction: string[]
  /** Why HCL could not be parsed, once per run (when it could not). */
  hclUnavailable?: string
  /** Number of file contents read. */
  reads: number
}

type Read = { text: string } | { skip: string }

class BudgetedReader {
  reads = 0
  private readonly cache = new Map<string, Promise<Read>>()
  constructor(
    private readonly ctx: RuleContext,
    private readonly budget: number,
    private readonly maxBytes: number,
  ) {}

  head(path: string): Promise<Read> {
    return this.read('head', path)
  }
  base(path: string): Promise<Read> {
    return this.read('base', path)
  }
  private read(side: 'head' | 'base', path: string): Promise<Read> {
    const key = `${side}:${path}`
    let p = this.cache.get(key)
    if (!p) {
      p = this.doRead(side, path)
      this.cache.set(key, p)
    }
    return p
  }
  private async doRead(side: 'head' | 'base', path: string): Promise<Read> {
    if (this.reads >= this.budget) return { skip: `read budget of ${this.budget} files reached` }
    this.reads++
    const text = side === 'head' ? await this.ctx.changes.readHead(path) : await this.ctx.changes.readBase(path)
    if (text === undefined) return { skip: `absent at ${side}` }
    if (text.length > this.maxBytes) return { skip: `larger than ${this.maxBytes} bytes` }
    return { text }
  }
}

const basename = (p: string): string => p.slice(p.lastIndexOf('/') + 1)
const dirname = (p: string): string => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '')
const join = (dir: string, name: string): string => (dir ? `${dir}/${name}` : name)

const WORKFLOW = /^\.github\/workflows\/[^/]+\.ya?ml$/
const DOCKERFILE = /^(?:Dockerfile|Containerfile)(?:\.[\w.-]+)?$|\.(?:Dockerfile|dockerfile|Containerfile)$/
const PROCFILE = /^Procfile(?:\.[\w.-]+)?$/
const COMPOSE = /^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$/
const KUSTOMIZATION = /^(?:kustomization\.ya?ml|Kustomization)$/
const TERRAFORM = /\.(?:tf|tfvars)(?:\.json)?$|^terragrunt\.hcl$|^\.terraform\.lock\.hcl$/
const PULUMI = /^Pulumi(?:\.[\w-]+)?\.ya?ml$/
const SAM_CONFIG = /^samconfig\.(?:toml|ya?ml)$|^serverless\.(?:ya?ml|ts|js)$/
const CHART_FILE = /^(?:Chart\.ya?ml|Chart\.lock|requirements\.ya?ml|\.helmignore)$/
const VALUES_FILE = /^values(?:[.-][\w.-]+)?\.(?:ya?ml|json)$/
const CRONTAB = /^(?:crontab|[\w.-]+\.cron|[\w.-]+\.crontab)$/
const YAML = /\.ya?ml$/i
const JSON_FILE = /\.json$/i
/** JSON/YAML that is never operational: skip without reading. */
const NEVER_READ =
  /(?:^|\/)(?:package(?:-lock)?\.json|tsconfig[\w.-]*\.json|jsconfig\.json|composer\.(?:json|lock)|\.eslintrc[\w.]*|\.prettierrc[\w.]*|renovate\.json|\.?vscode\/[^/]+|pnpm-lock\.yaml|yarn\.lock|\.pre-commit-config\.yaml|mkdocs\.ya?ml|\.?codecov\.ya?ml|dependabot\.ya?ml|\.golangci\.ya?ml|CITATION\.cff|openapi[\w.-]*|swagger[\w.-]*)$/

const MONITOR_TYPES = new Set([
  'metric alert',
  'query alert',
  'service check',
  'event alert',
  'event-v2 alert',
  'log alert',
  'process alert',
  'rum alert',
  'trace-analytics alert',
  'slo alert',
  'composite',
  'synthetics alert',
  'audit alert',
  'ci-pipelines alert',
  'error-tracking alert',
  'database-monitoring alert',
  'network-performance alert',
  'cost alert',
])

type Obj = Record<string, unknown>
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined)

function nameList(items: string[], max = 4): string {
  const uniq = [...new Set(items)]
  return uniq.length <= max ? uniq.join(', ') : `${uniq.slice(0, max).join(', ')} and ${uniq.length - max} more`
}

/** First 1-based line of `text` matching `re`. */
function lineOf(text: string | undefined, re: RegExp): number | undefined {
  if (!text) return undefined
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) if (re.test(lines[i])) return i + 1
  return undefined
}

interface Classified {
  code: TriggerCode
  what: string
  line?: number
}

/** Classifies parsed YAML/JSON documents of one file. */
export function classifyDocs(docs: unknown[], text?: string): Classified[] {
  const k8s = new Map<TriggerCode, string[]>()
  const out: Classified[] = []
  let k8sLine: number | undefined
  for (const doc of docs) {
    if (!isObject(doc)) continue
    const apiVersion = str(doc.apiVersion)
    const kind = str(doc.kind)
    if (apiVersion && kind) {
      k8sLine ??= lineOf(text, new RegExp(`^kind:\\s*["']?${kind.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`)) // kind is the PR's text
      const cron = classifyK8sDoc(doc, apiVersion, kind, text, k8s)
      if (cron) out.push(cron)
      continue
    }
    const c = classifyOtherDoc(doc, text)
    if (c) out.push(c)
  }
  for (const [code, items] of k8s) {
    const what =
      code === 'k8s-manifest'
        ? `Kubernetes manifest: ${nameList(items)}`
        : code === 'alert-rule'
          ? `Kubernetes alerting: ${nameList(items)}`
          : code === 'slo'
            ? `SLO definition: ${nameList(items)}`
            : code === 'dashboard'
              ? `Grafana dashboard resource: ${nameList(items)}`
              : `Kustomize overlay: ${nameList(items)}`
    out.unshift({ code, what, line: code === 'k8s-manifest' ? k8sLine : undefined })
  }
  return out
}

/**
 * A Kubernetes-style document (apiVersion and kind): a CronJob is classified on its own (returned); every
 * other kind is added to `k8s`, summarised per trigger code by the caller.
 */
function classifyK8sDoc(
  doc: Obj,
  apiVersion: string,
  kind: string,
  text: string | undefined,
  k8s: Map<TriggerCode, string[]>,
): Classified | undefined {
  const addK8s = (code: TriggerCode, item: string): void => {
    const l = k8s.get(code) ?? []
    l.push(item)
    k8s.set(code, l)
  }
  const meta = isObject(doc.metadata) ? doc.metadata : {}
  const name = str(meta.name)
  const label = name ? `${kind} ${name}` : kind
  const spec = isObject(doc.spec) ? doc.spec : {}
  if (kind === 'CronJob') {
    const sched = str(spec.schedule)
    return {
      code: 'cron',
      what: `Kubernetes CronJob ${name ?? ''}${sched ? ` (schedule "${sched}")` : ''}`.replace('  ', ' '),
      line: lineOf(text, /^\s*schedule:/),
    }
  } else if (kind === 'PrometheusRule') {
    const alerts = list(spec.groups)
      .flatMap((g) => list(isObject(g) ? g.rules : undefined))
      .map((r) => (isObject(r) ? str(r.alert) : undefined))
      .filter((x): x is string => !!x)
    addK8s('alert-rule', `PrometheusRule ${name ?? ''}${alerts.length ? ` (alerts ${nameList(alerts)})` : ''}`.trim())
  } else if (apiVersion.startsWith('openslo/') || kind === 'PrometheusServiceLevel' || kind === 'ServiceLevelObjective') {
    addK8s('slo', label)
  } else if (kind === 'GrafanaDashboard') {
    addK8s('dashboard', label)
  } else if (kind === 'Kustomization' && apiVersion.startsWith('kustomize.config.k8s.io')) {
    addK8s('kustomize', 'Kustomization')
  } else if (kind === 'AlertmanagerConfig' || kind === 'Alertmanager') {
    addK8s('alert-rule', label)
  } else {
    addK8s('k8s-manifest', label)
  }
  return undefined
}

/** A document of another kind: Prometheus/Alertmanager/Sloth, CloudFormation, Grafana, Datadog, Compose, Pulumi. */
function classifyOtherDoc(doc: Obj, text: string | undefined): Classified | undefined {
  // Prometheus rule file: groups[].rules[] with alert/record.
  const groups = list(doc.groups)
  if (groups.length && groups.every((g) => isObject(g) && Array.isArray(g.rules))) {
    const rules = groups.flatMap((g) => list((g as Obj).rules)).filter(isObject)
    const alerts = rules.map((r) => str(r.alert)).filter((x): x is string => !!x)
    const records = rules.filter((r) => str(r.record)).length
    if (alerts.length || records) {
      const parts = [
        alerts.length ? `alerts ${nameList(alerts)}` : '',
        records ? `${records} recording rule${records === 1 ? '' : 's'}` : '',
      ].filter(Boolean)
      return { code: 'alert-rule', what: `Prometheus rules (${parts.join('; ')})`, line: lineOf(text, /^\s*-?\s*alert:/) }
    }
  }
  if (isObject(doc.route) && Array.isArray(doc.receivers)) {
    const receivers = doc.receivers.map((r) => (isObject(r) ? str(r.name) : undefined)).filter((x): x is string => !!x)
    return { code: 'alert-rule', what: `Alertmanager routing (receivers ${nameList(receivers)})` }
  }
  if (str(doc.version)?.startsWith('prometheus/') && Array.isArray(doc.slos)) {
    const names = doc.slos.map((s) => (isObject(s) ? str(s.name) : undefined)).filter((x): x is string => !!x)
    return { code: 'slo', what: `Sloth SLOs of service ${str(doc.service) ?? '?'} (${nameList(names)})` }
  }
  const resources = isObject(doc.Resources) ? doc.Resources : undefined
  if (
    doc.AWSTemplateFormatVersion !== undefined ||
    (resources && Object.values(resources).some((r) => isObject(r) && /^(?:AWS|Custom|Alexa)::/.test(str(r.Type) ?? '')))
  ) {
    const transform = JSON.stringify(doc.Transform ?? '')
    const types = resources
      ? Object.values(resources)
          .map((r) => (isObject(r) ? str(r.Type) : undefined))
          .filter((x): x is string => !!x)
      : []
    return {
      code: 'cloudformation',
      what: `${transform.includes('Serverless') ? 'SAM' : 'CloudFormation'} template (${nameList(types)})`,
    }
  }
  const dash = isObject(doc.dashboard) && Array.isArray(doc.dashboard.panels) ? doc.dashboard : doc
  if (Array.isArray(dash.panels) && (dash.schemaVersion !== undefined || dash.title !== undefined || dash.uid !== undefined)) {
    return { code: 'dashboard', what: `Grafana dashboard "${str(dash.title) ?? str(dash.uid) ?? '?'}" (${dash.panels.length} panels)` }
  }
  const monitors = (Array.isArray(doc) ? doc : [doc]).filter(
    (m) => isObject(m) && MONITOR_TYPES.has(str(m.type) ?? '') && typeof m.query === 'string',
  ) as Obj[]
  if (monitors.length) {
    return { code: 'datadog-monitor', what: `Datadog monitor ${nameList(monitors.map((m) => `"${str(m.name) ?? str(m.query)}"`))}` }
  }
  if (isObject(doc.services) && Object.values(doc.services).some((s) => isObject(s) && (s.image !== undefined || s.build !== undefined))) {
    return { code: 'docker-compose', what: `Compose services ${nameList(Object.keys(doc.services))}` }
  }
  if (
    str(doc.name) &&
    str(doc.runtime) !== undefined &&
    Object.keys(doc).length < 12 &&
    (doc.runtime === 'nodejs' ||
      doc.runtime === 'python' ||
      doc.runtime === 'go' ||
      doc.runtime === 'dotnet' ||
      doc.runtime === 'java' ||
      doc.runtime === 'yaml' ||
      isObject(doc.runtime))
  ) {
    return { code: 'pulumi', what: `Pulumi project ${str(doc.name)}` }
  }
  return undefined
}

/**
 * The jobs of a workflow (head or base side) that deploy, by id. A workflow that only runs for pull requests
 * (checks, previews) deploys nothing to production.
 */
function deployingJobs(
  hd: unknown,
  bd: unknown,
  rec: DeployRecognition,
  nonProductionEvents: readonly string[],
): Map<string, { why?: string; environment?: string }> {
  const jobsOf = (d: unknown): Obj => (isObject(d) && isObject(d.jobs) ? d.jobs : {})
  const deploying = new Map<string, { why?: string; environment?: string }>()
  const prOnly = (d: unknown): boolean => {
    if (!isObject(d)) return true
    const on = d.on ?? d['true']
    const events = typeof on === 'string' ? [on] : Array.isArray(on) ? on.map(String) : isObject(on) ? Object.keys(on) : []
    return events.length > 0 && events.every((e) => nonProductionEvents.includes(e))
  }
  if (!(prOnly(hd) && prOnly(bd)))
    for (const d of [hd, bd])
      for (const [id, job] of Object.entries(jobsOf(d))) {
        const r = jobDeploys(rec, id, job)
        if (r.deploys && !deploying.has(id)) deploying.set(id, r)
      }
  return deploying
}

/**
 * Whether a modified file (both sides read) kept its meaning: the same parsed value, text or template once
 * comments and layout are gone ('no-change'), or only routine version bumps ('version-bump').
 */
function unchangedMeaning(
  s: Sides,
  parsed: YamlResult,
  baseParsed: YamlResult | undefined,
  versionKeys: VersionKeys,
  versionKeyList: readonly string[],
): 'no-change' | 'version-bump' | undefined {
  if (s.head === undefined || s.base === undefined) return undefined
  const single = (docs: unknown[]): unknown => (docs.length === 1 ? docs[0] : docs)
  if ((parsed.ok && baseParsed?.ok && sameValue(parsed.docs, baseParsed.docs)) || normaliseText(s.head) === normaliseText(s.base))
    return 'no-change'
  if (!parsed.ok && isTemplated(s.head) && normaliseTemplate(s.head) === normaliseTemplate(s.base)) return 'no-change'
  if (parsed.ok && baseParsed?.ok && onlyVersionBumps(changedLeaves(single(baseParsed.docs), single(parsed.docs), 50), versionKeys))
    return 'version-bump'
  if (!parsed.ok && versionKeyList.length && templatedVersionBump(s.base, s.head, versionKeyTest(versionKeyList))) return 'version-bump'
  return undefined
}

/** A modified YAML/JSON file: its name and texts, its parsed documents, and its production documents on each side. */
interface ModifiedDocs {
  name: string
  text: string
  baseText: string | undefined
  parsedDocs: unknown[]
  headDocs: unknown[]
  baseDocs: unknown[]
}

/**
 * The triggers of a modified file: one per trigger code among the documents whose structure changed (added
 * or changed at head, removed at base), at the first changed line; or why there is none.
 */
function modifiedDocTriggers(
  m: ModifiedDocs,
  t: Parameters<typeof pickLine>[0],
  versionKeys: VersionKeys,
): 'no-change' | 'version-bump' | { line: number | undefined; triggers: Array<{ code: TriggerCode; what: string }> } {
  const hu = docUnits(m.headDocs)
  const bu = docUnits(m.baseDocs)
  const changes = compareUnits(bu, hu)
  if (!changes.length) return 'no-change'
  // Objects matched by identity (a reordered multi-document release manifest): only image tags moved.
  if (onlyVersionChanges(changes, versionKeys)) return 'version-bump'
  const ranges = yamlDocRanges(m.text)
  const headRange = (label: string): [number, number] | undefined => {
    if (JSON_FILE.test(m.name) || ranges.length !== m.parsedDocs.length) return undefined
    const i = hu.findIndex((u) => u.label === label)
    return i >= 0 ? ranges[m.parsedDocs.indexOf(hu[i].value)] : undefined
  }
  const changedLabels = new Set(changes.map((c) => c.label))
  const classes = [
    ...classifyDocs(
      hu.filter((u) => changedLabels.has(u.label)).map((u) => u.value),
      m.text,
    ),
    ...classifyDocs(
      bu.filter((u) => changes.some((c) => c.change === 'removed' && c.label === u.label)).map((u) => u.value),
      m.baseText,
    ),
  ]
  const seen = new Set<TriggerCode>()
  const first = changes.find((c) => c.change !== 'removed') ?? changes[0]
  const line = pickLine(t, headRange(first.label), first.paths)
  const k8sChanges = changes.filter((c) => !c.label.startsWith('document'))
  const triggers: Array<{ code: TriggerCode; what: string }> = []
  for (const c of classes) {
    if (seen.has(c.code)) continue
    seen.add(c.code)
    const what =
      c.code === 'k8s-manifest' && k8sChanges.length
        ? `Kubernetes manifest: ${describeChanges(k8sChanges)}`
        : k8sChanges.length || !first.paths.length
          ? c.what
          : `${c.what}: ${nameList(first.paths, 3)}`
    triggers.push({ code: c.code, what })
  }
  return { line, triggers }
}

/** What changed in a Helm file: the changed value paths, else what its documents are, else why it was not parsed. */
function helmDetail(paths: string[], kinds: string[], parsed: YamlResult): string {
  if (paths.length) return `: ${nameList(paths, 3)}`
  if (kinds.length) return `: ${kinds.join('; ')}`
  return parsed.ok ? '' : ` (${parsed.reason}: classified by path)`
}

/** How a workflow job is recognised as deploying (policy options, see docs/rules/runbook.md). */
export interface DeployRecognition {
  environments: readonly string[]
  /** Environments that are not production (PR previews, staging): a job naming one does not deploy. */
  nonProduction: readonly string[]
  actions: readonly string[]
  commands: readonly string[]
  jobNames: readonly string[]
}

/** Compiles the command list (`kubectl apply`) to one RegExp: words in order, any whitespace between. */
function commandPattern(commands: readonly string[]): RegExp | undefined {
  const alts = commands
    .map((c) =>
      c
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('\\s+'),
    )
    .filter(Boolean)
  return alts.length ? new RegExp(`(?:^|[\\s;&|(\`'"])(?:${alts.join('|')})(?=$|[\\s;&|)\`'"])`, 'im') : undefined
}

const recognisers = new WeakMap<DeployRecognition, (id: string, job: unknown) => { deploys: boolean; environment?: string; why?: string }>()

/** Whether one workflow job deploys, and why: by `environment:`, a deploy action, a deploy command, or its name. */
export function jobDeploys(rec: DeployRecognition, id: string, job: unknown): { deploys: boolean; environment?: string; why?: string } {
  let fn = recognisers.get(rec)
  if (!fn) {
    const cmd = commandPattern(rec.commands)
    const names = new Set(rec.jobNames.map((n) => n.toLowerCase()))
    fn = (jobId, j) => {
      if (!isObject(j)) return { deploys: false }
      const env = isObject(j.environment) ? str(j.environment.name) : str(j.environment)
      if (env && rec.nonProduction.some((g) => minimatch(env, g, { nocase: true }))) return { deploys: false, environment: env }
      if (env && rec.environments.some((g) => minimatch(env, g, { nocase: true })))
        return { deploys: true, environment: env, why: `environment ${env}` }
      // A job named for a non-production target (deployment-tests, e2e, deploy-preview, deploy-pr) deploys to a test cluster.
      const named = [jobId, str(j.name) ?? ''].filter(Boolean)
      const nameWords = named.flatMap((n) => n.toLowerCase().split(/[^a-z0-9]+/)).filter(Boolean)
      if ([...named, ...nameWords].some((w) => rec.nonProduction.some((g) => minimatch(w, g, { nocase: true }))))
        return { deploys: false, environment: env }
      for (const step of list(j.steps)) {
        if (!isObject(step)) continue
        const uses = str(step.uses)?.replace(/@.*$/, '')
        if (uses && rec.actions.some((g) => minimatch(uses, g, { nocase: true, dot: true })))
          return { deploys: true, environment: env, why: `uses ${uses}` }
        const run = str(step.run)
        const m = run && cmd ? cmd.exec(run) : null
        if (m) return { deploys: true, environment: env, why: `runs ${m[0].trim().replace(/\s+/g, ' ')}` }
      }
      const words = `${jobId} ${str(j.name) ?? ''}`.toLowerCase().split(/[^a-z0-9]+/)
      const word = words.find((w) => names.has(w))
      if (word) return { deploys: true, environment: env, why: `named ${word}` }
      return { deploys: false, environment: env }
    }
    recognisers.set(rec, fn)
  }
  return fn(id, job)
}

/** Jobs that deploy, with the environments they name. */
export function workflowDeploys(doc: unknown, rec: DeployRecognition): { environments: string[]; jobs: string[] } {
  const environments: string[] = []
  const jobs: string[] = []
  if (!isObject(doc) || !isObject(doc.jobs)) return { environments, jobs }
  for (const [id, job] of Object.entries(doc.jobs)) {
    const d = jobDeploys(rec, id, job)
    if (!d.deploys) continue
    jobs.push(id)
    if (d.environment) environments.push(d.environment)
  }
  return { environments, jobs }
}

/**
 * A workflow whose every job runs only steps that `uses:` an action of `actions` (globs, without `@ref`): no
 * `run:` step, no reusable workflow (`jobs.<id>.uses`). Such a workflow works on the repository (stale issues,
 * reports, CodeQL), never on production, whatever its schedule.
 */
function repoAutomationOnly(doc: unknown, actions: readonly string[]): boolean {
  if (!isObject(doc) || !isObject(doc.jobs) || !actions.length) return false
  const jobs = Object.values(doc.jobs)
  return (
    jobs.length > 0 &&
    jobs.every((job) => {
      if (!isObject(job) || job.uses !== undefined) return false
      const steps = list(job.steps)
      return (
        steps.length > 0 &&
        steps.every((step) => {
          const uses = isObject(step) && step.run === undefined ? str(step.uses)?.replace(/@.*$/, '') : undefined
          return uses !== undefined && actions.some((g) => minimatch(uses, g, { nocase: true, dot: true }))
        })
      )
    })
  )
}

export function workflowSchedules(doc: unknown): string[] {
  if (!isObject(doc)) return []
  const on = doc.on ?? doc['true'] // YAML 1.1 parsers read `on` as true
  if (!isObject(on)) return []
  return list(on.schedule)
    .map((s) => (isObject(s) ? str(s.cron) : undefined))
    .filter((x): x is string => !!x)
}

export interface DetectOptions {
  options: RunbookOptions
  /** Globs of runbook files (never triggers themselves). */
  runbookGlobs: string[]
}

const SKIP_EXCLUSIONS = new Set(['generated', 'vendored', 'minified', 'snapshot'])

/** API versions of tooling that look like Kubernetes objects but never reach a production cluster. */
const DEV_API_VERSIONS = /^(?:skaffold\/|kind\.x-k8s\.io\/|ctlptl\.dev\/|tilt\.dev\/|k3d\.io\/|kuttl\.dev\/|chainsaw\.kyverno\.io\/)/

/** Both sides of a changed file as the detection needs them. */
interface Sides {
  head?: string
  base?: string
  /** Why a side that should exist could not be read (budget, size). */
  skip?: string
}

type Parsed = { ok: true; value: unknown } | { ok: false; reason: string }
type DeployingJobs = ReturnType<typeof deployingJobs>

const removedNote = (f: ChangedFile): string => (f.status === 'removed' ? ' (removed)' : '')
const hasBase = (f: ChangedFile): boolean => f.status !== 'added'
const hasHead = (f: ChangedFile): boolean => f.status !== 'removed'
/** True when both sides exist and their texts carry the same meaning once comments and layout are gone. */
const sameText = (s: Sides): boolean => s.head !== undefined && s.base !== undefined && normaliseText(s.head) === normaliseText(s.base)
const touched = (f: ChangedFile): ReturnType<typeof touchedLines> => touchedLines(f.patch)
const parseStructured = (path: string, text: string): YamlResult => (JSON_FILE.test(path) ? loadJson(text) : loadYamlDocs(text))
const single = (docs: unknown[]): unknown => (docs.length === 1 ? docs[0] : docs)
const dockerKey = (i: DockerInstruction): string => `${i.keyword} ${i.args}`

/** Instructions added at head, removed from base (as keys), and whether the same instructions were reordered. */
function instructionDiff(
  head: DockerInstruction[],
  base: DockerInstruction[],
): { added: DockerInstruction[]; removed: string[]; reordered: boolean } {
  const left = new Map<string, number>()
  for (const i of base) left.set(dockerKey(i), (left.get(dockerKey(i)) ?? 0) + 1)
  const added: DockerInstruction[] = []
  for (const i of head) {
    const n = left.get(dockerKey(i)) ?? 0
    if (n > 0) left.set(dockerKey(i), n - 1)
    else added.push(i)
  }
  const removed = [...left].flatMap(([k, n]) => Array.from({ length: n }, () => k))
  const reordered = !added.length && !removed.length && head.map(dockerKey).join('\n') !== base.map(dockerKey).join('\n')
  return { added, removed, reordered }
}

/** One side of a Terraform file parsed: HCL, or JSON for `*.tf.json`/`*.tfvars.json`; undefined when the side is absent. */
async function parseTerraformSide(text: string | undefined, path: string): Promise<Parsed | undefined> {
  if (text === undefined) return undefined
  if (/\.json$/.test(path)) {
    const j = loadJson(text)
    return j.ok ? { ok: true, value: j.docs[0] } : { ok: false, reason: j.reason }
  }
  const p = await parseTerraform(path, text)
  return typeof p === 'string' ? { ok: false, reason: p } : { ok: true, value: p.json }
}

/** Documents that can reach production: all but those of development tooling (skaffold, kind, tilt, …). */
const productionDocs = (docs: unknown[]): unknown[] => docs.filter((d) => !(isObject(d) && DEV_API_VERSIONS.test(str(d.apiVersion) ?? '')))

/** A structured (YAML/JSON) file that may belong to a Helm chart: its templates/ folder or a values file beside a Chart.yaml. */
interface ChartPlace {
  chartDir: string | undefined
  templatesAt: number
  inChart: boolean
}

/**
 * One run of the detection. Analysis: each changed file is classified by its path and, where it has one, by
 * the meaning of its change (the `classify*` methods). Decision: what they find is recorded here (a trigger,
 * or why there is none: no operational change, a version bump, build-only, dev tooling, not read, …) and
 * handed back by `result`.
 */
class Detector {
  readonly reader: BudgetedReader
  readonly disabled: Set<string>
  /** The changed files the detection looks at (not excluded, not runbooks themselves). */
  readonly files: ChangedFile[]
  readonly notRead: Detection['notRead'] = []
  private readonly triggers: Trigger[] = []
  private readonly unparsed: Detection['unparsed'] = []
  private readonly noOperationalChange: string[] = []
  private readonly devTooling: string[] = []
  private readonly versionBumps: string[] = []
  private readonly buildOnly: string[] = []
  private readonly nonProduction: string[] = []
  private readonly versionKeys: VersionKeys
  private hclUnavailable: string | undefined
  private readonly rec: DeployRecognition
  /** Paths that exist at head. */
  private readonly headPaths: Set<string>
  private readonly chartRoots = new Map<string, Promise<boolean>>()

  constructor(
    ctx: RuleContext,
    private readonly options: RunbookOptions,
    runbookGlobs: string[],
  ) {
    this.reader = new BudgetedReader(ctx, options.max_file_reads, options.max_file_bytes)
    this.disabled = new Set<string>(options.disable)
    this.versionKeys = options.version_keys.length ? versionKeyTest(options.version_keys) : new Set<string>()
    this.rec = {
      environments: options.deploy_environments,
      nonProduction: options.non_production_environments,
      actions: options.deploy_actions,
      commands: options.deploy_commands,
      jobNames: options.deploy_job_names,
    }
    this.files = ctx.changes.files.filter(
      (f) => !(f.excluded && SKIP_EXCLUSIONS.has(f.excluded)) && !matchesAny(f.path, options.exclude) && !matchesAny(f.path, runbookGlobs),
    )
    this.headPaths = new Set(ctx.changes.files.filter((f) => f.status !== 'removed').map((f) => f.path))
  }

  /** Records a trigger unless its code is disabled or the same one (code, path, env var) is already there. */
  push(t: Trigger): void {
    if (this.disabled.has(t.code)) return
    if (this.triggers.some((x) => x.code === t.code && x.path === t.path && x.envVar === t.envVar)) return
    this.triggers.push(t)
  }

  result(): Detection {
    return {
      triggers: this.triggers,
      unparsed: this.unparsed,
      notRead: this.notRead,
      noOperationalChange: [...new Set(this.noOperationalChange)],
      devTooling: this.devTooling,
      versionBumps: [...new Set(this.versionBumps)],
      buildOnly: this.buildOnly,
      nonProduction: this.nonProduction,
      hclUnavailable: this.hclUnavailable,
      reads: this.reader.reads,
    }
  }

  private isChartRoot(dir: string): Promise<boolean> {
    let p = this.chartRoots.get(dir)
    if (!p) {
      p = this.headPaths.has(join(dir, 'Chart.yaml'))
        ? Promise.resolve(true)
        : this.reader.head(join(dir, 'Chart.yaml')).then((r) => 'text' in r)
      this.chartRoots.set(dir, p)
    }
    return p
  }

  /** Reads the sides a file has (head unless removed, base unless added). */
  private async sides(f: ChangedFile): Promise<Sides> {
    const out: Sides = {}
    for (const side of ['head', 'base'] as const) {
      if (side === 'head' ? !hasHead(f) : !hasBase(f)) continue
      const r = side === 'head' ? await this.reader.head(f.path) : await this.reader.base(f.previousPath ?? f.path)
      if ('text' in r) out[side] = r.text
      else if (!r.skip.startsWith('absent')) out.skip ??= r.skip
    }
    return out
  }

  /**
   * The meaning of a YAML/JSON file changed? Undefined when it did (or cannot be told); the parsed
   * comparison when both sides parse; the text comparison otherwise.
   */
  private structuredChange(f: ChangedFile, s: Sides): { same: boolean; paths: string[]; bump: boolean } {
    if (s.head === undefined || s.base === undefined) return { same: false, paths: [], bump: false }
    const h = parseStructured(f.path, s.head)
    const b = parseStructured(f.previousPath ?? f.path, s.base)
    if (h.ok && b.ok) {
      const leaves = changedLeaves(single(b.docs), single(h.docs), 50)
      return { same: leaves.length === 0, paths: leaves.slice(0, 12).map((l) => l.path), bump: onlyVersionBumps(leaves, this.versionKeys) }
    }
    return { same: sameText(s), paths: [], bump: false }
  }

  /** Path-classified structured files (Chart.yaml, kustomization, Pulumi, SAM config): a trigger only when their meaning changed. */
  private async byPathIfChanged(f: ChangedFile, code: TriggerCode, what: string): Promise<void> {
    if (!hasBase(f) || !hasHead(f)) {
      this.push({ code, path: f.path, what: `${what}${removedNote(f)}`, how: 'path' })
      return
    }
    const s = await this.sides(f)
    if (s.skip) {
      this.notRead.push({ path: f.path, reason: s.skip })
      this.push({ code, path: f.path, what, how: `path (${s.skip})` })
      return
    }
    const c = YAML.test(f.path) || JSON_FILE.test(f.path) ? this.structuredChange(f, s) : { same: sameText(s), paths: [], bump: false }
    if (c.same) return void this.noOperationalChange.push(f.path)
    if (c.bump) return void this.versionBumps.push(f.path)
    this.push({
      code,
      path: f.path,
      line: pickLine(touched(f), undefined, c.paths),
      what: `${what}${c.paths.length ? `: ${nameList(c.paths, 3)}` : ''}`,
      how: 'content',
    })
  }

  /** Classifies one changed file: by the operational path globs, then by the kind of file it is. */
  async classify(f: ChangedFile): Promise<void> {
    const name = basename(f.path)
    const dir = dirname(f.path)
    const options = this.options
    if (options.triggers.length && matchesAny(f.path, options.triggers))
      this.push({ code: 'path-trigger', path: f.path, what: `operational path${removedNote(f)}`, how: 'path' })
    if (matchesAny(f.path, options.dev_tooling)) return void this.devTooling.push(f.path)
    if (matchesAny(f.path, options.non_production_paths)) return void this.nonProduction.push(f.path)
    if (matchesAny(f.path, options.feature_flags)) await this.byPathIfChanged(f, 'feature-flag', 'feature-flag definition')

    if (WORKFLOW.test(f.path)) {
      if (this.disabled.has('deploy-workflow') && this.disabled.has('cron')) return
      await this.classifyWorkflow(f)
      return
    }
    if (DOCKERFILE.test(name)) await this.classifyDockerfile(f)
    else if (PROCFILE.test(name)) await this.byPathIfChanged(f, 'procfile', 'process types (Procfile)')
    else if (KUSTOMIZATION.test(name)) await this.byPathIfChanged(f, 'kustomize', `Kustomize overlay ${dir || '.'}`)
    else if (PULUMI.test(name)) await this.byPathIfChanged(f, 'pulumi', 'Pulumi project/stack config')
    else if (SAM_CONFIG.test(name))
      await this.byPathIfChanged(f, 'cloudformation', name.startsWith('serverless') ? 'Serverless Framework service' : 'SAM deploy config')
    else if (CRONTAB.test(name) || /(?:^|\/)cron\.d\//.test(f.path)) await this.byPathIfChanged(f, 'cron', 'crontab')
    else if (TERRAFORM.test(name)) await this.classifyTerraform(f)
    else if (COMPOSE.test(name)) await this.classifyCompose(f)
    else if (CHART_FILE.test(name)) await this.byPathIfChanged(f, 'helm', `Helm chart ${dir || '.'} (${name})`)
    else if (YAML.test(name) || JSON_FILE.test(name)) await this.classifyStructured(f)
  }

  private async classifyWorkflow(f: ChangedFile): Promise<void> {
    const s = await this.sides(f)
    if (s.head === undefined && s.base === undefined) {
      const why = s.skip ?? 'not readable'
      this.notRead.push({ path: f.path, reason: why })
      this.push({
        code: 'deploy-workflow',
        path: f.path,
        what: 'GitHub Actions workflow (not read: classified by path)',
        how: `path (${why})`,
      })
      return
    }
    const h = s.head !== undefined ? loadYamlDocs(s.head) : undefined
    const b = s.base !== undefined ? loadYamlDocs(s.base) : undefined
    const bad = [h, b].find((x): x is Extract<YamlResult, { ok: false }> => !!x && !x.ok)
    if (bad) {
      if (sameText(s)) return void this.noOperationalChange.push(f.path)
      this.push({
        code: 'deploy-workflow',
        path: f.path,
        line: pickLine(touched(f), undefined, []),
        what: `GitHub Actions workflow (${bad.reason}: classified by path)`,
        how: `path (${bad.reason})`,
      })
      return
    }
    const hd = h?.ok ? h.docs[0] : undefined
    const bd = b?.ok ? b.docs[0] : undefined
    const deploying = deployingJobs(hd, bd, this.rec, this.options.non_production_events)
    if (deploying.size && (hd === undefined || bd === undefined)) this.workflowAddedOrRemoved(f, s, deploying)
    else if (deploying.size) this.workflowDeployChange(f, s, { hd, bd, deploying })
    this.workflowSchedules(f, s, hd, bd)
  }

  /** A whole workflow added or removed: its deploying jobs. */
  private workflowAddedOrRemoved(f: ChangedFile, s: Sides, deploying: DeployingJobs): void {
    const jobs = [...deploying.keys()]
    const envs = [...new Set([...deploying.values()].map((d) => d.environment).filter((e): e is string => !!e))]
    const range = s.head !== undefined ? yamlChildRange(s.head, 'jobs', jobs[0]) : undefined
    const one = jobs.length === 1
    const deploysTo = envs.length ? ` deploy${one ? 's' : ''} to environment ${nameList(envs)}` : ''
    this.push({
      code: 'deploy-workflow',
      path: f.path,
      line: range?.[0],
      what: `release workflow: job${one ? '' : 's'} ${nameList(jobs)}${deploysTo}${removedNote(f)}`,
      how: 'content',
    })
  }

  /** A modified workflow with deploying jobs: only changes inside a deploying job count, plus workflow-level keys that steer every job. */
  private workflowDeployChange(f: ChangedFile, s: Sides, w: { hd: unknown; bd: unknown; deploying: DeployingJobs }): void {
    const { deploying } = w
    const changes = compareUnits(sectionUnits(w.bd, 'jobs', 'job'), sectionUnits(w.hd, 'jobs', 'job'))
    const relevant = changes.filter((c) => (c.label.startsWith('job ') ? deploying.has(c.label.slice(4)) : WORKFLOW_LEVEL.has(c.label)))
    if (relevant.length && onlyVersionChanges(relevant, this.versionKeys)) return void this.versionBumps.push(f.path)
    if (!relevant.length) return
    const t = touched(f)
    const first = relevant[0]
    const range =
      s.head !== undefined
        ? first.label.startsWith('job ')
          ? yamlChildRange(s.head, 'jobs', first.label.slice(4))
          : yamlTopRange(s.head, first.label)
        : undefined
    const jobs = relevant.filter((c) => c.label.startsWith('job ')).map((c) => c.label.slice(4))
    const envs = [...new Set(jobs.map((j) => deploying.get(j)?.environment).filter((e): e is string => !!e))]
    const whys = [...new Set(jobs.map((j) => deploying.get(j)?.why).filter((e): e is string => !!e))]
    const labelled = relevant.map((c) => ({
      ...c,
      label: c.label.startsWith('job ') ? `deploying job ${c.label.slice(4)}` : `workflow ${c.label}`,
    }))
    const envNote = envs.length ? ` (environment ${nameList(envs)})` : ''
    const whyNote = whys.length ? ` [deploys: ${nameList(whys, 2)}]` : ''
    this.push({
      code: 'deploy-workflow',
      path: f.path,
      line: pickLine(t, range, first.paths),
      what: `release workflow: ${describeChanges(labelled)}${envNote}${whyNote}${removedNote(f)}`,
      how: 'content',
    })
  }

  /** Schedules (`on.schedule` crons) added or removed; a workflow that only automates the repository is tooling. */
  private workflowSchedules(f: ChangedFile, s: Sides, hd: unknown, bd: unknown): void {
    const hs = workflowSchedules(hd)
    const bs = workflowSchedules(bd)
    const added = hs.filter((x) => !bs.includes(x))
    const removed = bs.filter((x) => !hs.includes(x))
    if (!added.length && !removed.length) return
    const automation = this.options.repo_automation_actions
    if ([hd, bd].every((d) => d === undefined || repoAutomationOnly(d, automation))) return void this.devTooling.push(f.path)
    const parts = [
      added.length ? `cron ${added.map((x) => `"${x}"`).join(', ')} ${bs.length ? 'added' : 'scheduled'}` : '',
      removed.length ? `cron ${removed.map((x) => `"${x}"`).join(', ')} removed` : '',
    ]
    this.push({
      code: 'cron',
      path: f.path,
      line: pickLine(touched(f), undefined, ['cron']) ?? lineOf(s.head, /^\s*-?\s*cron:/),
      what: `scheduled workflow: ${parts.filter(Boolean).join('; ')}`,
      how: 'content',
    })
  }

  private async classifyDockerfile(f: ChangedFile): Promise<void> {
    if (!hasBase(f) || !hasHead(f)) {
      this.push({ code: 'dockerfile', path: f.path, what: `container image definition${removedNote(f)}`, how: 'path' })
      return
    }
    const s = await this.sides(f)
    if (s.head === undefined || s.base === undefined) {
      this.notRead.push({ path: f.path, reason: s.skip ?? 'not readable' })
      this.push({ code: 'dockerfile', path: f.path, what: 'container image definition', how: `path (${s.skip ?? 'not readable'})` })
      return
    }
    const hi = dockerInstructions(s.head)
    const bi = dockerInstructions(s.base)
    const all = instructionDiff(hi, bi)
    if (!all.added.length && !all.removed.length && !all.reordered) return void this.noOperationalChange.push(f.path)
    // What operators see of the final image: its runtime instructions and the base image it starts from.
    const hr = dockerRuntime(hi)
    const br = dockerRuntime(bi)
    const baseChanged = dockerBaseKey(hr.base) !== dockerBaseKey(br.base)
    const rt = instructionDiff(hr.runtime, br.runtime)
    if (!baseChanged && !rt.added.length && !rt.removed.length && !rt.reordered) {
      // Base images bumped and nothing else: a routine version bump (FROM counts as an `image` key).
      const unversioned = (list: DockerInstruction[]): string =>
        list.map((i) => (i.keyword === 'FROM' ? `FROM ${withoutVersions(i.args)}` : dockerKey(i))).join('\n')
      const vk = this.versionKeys
      if (typeof vk === 'function' ? vk('image') : vk.has('image'))
        if (unversioned(hi) === unversioned(bi)) return void this.versionBumps.push(f.path)
      // Build stages, RUN/COPY/ARG, base-image versions: how the image is built, not how it runs.
      return void this.buildOnly.push(f.path)
    }
    const cut = (x: string): string => (x.length > 60 ? `${x.slice(0, 57)}…` : x)
    const shown = [...(baseChanged && hr.base ? [hr.base] : []), ...rt.added]
    const parts = [
      shown.length
        ? nameList(
            shown.map((i) => cut(dockerKey(i))),
            2,
          )
        : '',
      baseChanged && br.base ? `replaces base image ${cut(br.base.args)}` : '',
      rt.removed.length ? `removes ${nameList(rt.removed.map(cut), 2)}` : '',
      rt.reordered ? 'reorders runtime instructions' : '',
    ].filter(Boolean)
    const first = shown.at(0)
    this.push({
      code: 'dockerfile',
      path: f.path,
      line: pickLine(touched(f), first ? [first.start, first.end] : undefined, []),
      what: `container image definition: ${parts.join('; ')}`,
      how: 'content',
    })
  }

  private async classifyCompose(f: ChangedFile): Promise<void> {
    const s = await this.sides(f)
    if (s.head === undefined && s.base === undefined) {
      this.notRead.push({ path: f.path, reason: s.skip ?? 'not readable' })
      this.push({
        code: 'docker-compose',
        path: f.path,
        what: `Compose file${removedNote(f)}`,
        how: `path (${s.skip ?? 'not readable'})`,
      })
      return
    }
    const h = s.head !== undefined ? loadYamlDocs(s.head) : undefined
    const b = s.base !== undefined ? loadYamlDocs(s.base) : undefined
    if ((h && !h.ok) || (b && !b.ok) || !hasBase(f) || !hasHead(f)) {
      if (sameText(s)) return void this.noOperationalChange.push(f.path)
      this.push({
        code: 'docker-compose',
        path: f.path,
        line: hasHead(f) ? pickLine(touched(f), undefined, []) : undefined,
        what: `Compose file${removedNote(f)}`,
        how: 'path',
      })
      return
    }
    const all = compareUnits(
      b?.ok ? sectionUnits(b.docs[0], 'services', 'service') : [],
      h?.ok ? sectionUnits(h.docs[0], 'services', 'service') : [],
    )
    // A service whose only difference is its `depends_on` starts in another order: nothing else runs differently.
    const changes = all.filter(
      (c) =>
        !(
          c.label.startsWith('service ') &&
          c.change === 'changed' &&
          c.leaves.length > 0 &&
          c.leaves.every((l) => /^depends_on(?:[.[]|$)/.test(l.path))
        ),
    )
    if (!changes.length) return void this.noOperationalChange.push(f.path)
    if (onlyVersionChanges(changes, this.versionKeys)) return void this.versionBumps.push(f.path)
    const first = changes.find((c) => c.change !== 'removed') ?? changes[0]
    const range =
      s.head !== undefined && first.label.startsWith('service ') ? yamlChildRange(s.head, 'services', first.label.slice(8)) : undefined
    this.push({
      code: 'docker-compose',
      path: f.path,
      line: pickLine(touched(f), range, first.paths),
      what: `Compose: ${describeChanges(changes)}`,
      how: 'content',
    })
  }

  private async classifyTerraform(f: ChangedFile): Promise<void> {
    const base = { code: 'terraform' as const, path: f.path, how: 'path' }
    const kind = f.path.endsWith('.lock.hcl') ? 'provider lock' : /tfvars/.test(f.path) ? 'variables' : 'configuration'
    const s = await this.sides(f)
    if (s.skip && (s.head === undefined || (hasBase(f) && s.base === undefined))) {
      this.notRead.push({ path: f.path, reason: s.skip })
      this.push({ ...base, what: `Terraform ${kind} ${basename(f.path)}${removedNote(f)}`, how: `path (${s.skip})` })
      return
    }
    const h = await parseTerraformSide(s.head, f.path)
    const b = await parseTerraformSide(s.base, f.previousPath ?? f.path)
    const failure = [h, b].find((x): x is { ok: false; reason: string } => !!x && !x.ok)
    if (failure) {
      if (/unavailable|not found|no parse/.test(failure.reason)) this.hclUnavailable ??= failure.reason
      if (sameText(s)) return void this.noOperationalChange.push(f.path)
      this.push({
        ...base,
        line: pickLine(touched(f), undefined, []),
        what: `Terraform ${kind} (${failure.reason}: classified by path)${removedNote(f)}`,
        how: `path (${failure.reason})`,
      })
      return
    }
    const vars = kind === 'variables'
    const all = compareUnits(b?.ok ? terraformUnits(b.value, vars) : [], h?.ok ? terraformUnits(h.value, vars) : [])
    // Outputs, newly added data sources (reads) and `depends_on` (apply order) change nothing that runs.
    const changes = all.filter((c) => !inertTerraformChange(c))
    if (!changes.length && all.length && hasBase(f) && hasHead(f)) return void this.noOperationalChange.push(f.path)
    if (!changes.length) {
      if (hasBase(f) && hasHead(f)) return void this.noOperationalChange.push(f.path)
      this.push({ ...base, what: `Terraform ${kind} ${basename(f.path)}${removedNote(f)}` })
      return
    }
    if (onlyVersionChanges(changes, this.versionKeys)) return void this.versionBumps.push(f.path)
    const first = changes.find((c) => c.change !== 'removed') ?? changes[0]
    const range = s.head !== undefined && !vars ? hclBlockRange(s.head, first.label) : undefined
    this.push({
      ...base,
      how: 'content',
      line: hasHead(f) ? pickLine(touched(f), range, first.paths.length ? first.paths : vars ? [first.label.slice(4)] : []) : undefined,
      what: `Terraform: ${describeChanges(changes)}${removedNote(f)}`,
    })
  }

  /** Helm: templates/ of a chart, values files beside a Chart.yaml. */
  private async chartPlace(f: ChangedFile): Promise<ChartPlace> {
    const templatesAt = f.path.lastIndexOf('/templates/')
    const chartDir = templatesAt >= 0 ? f.path.slice(0, templatesAt) : VALUES_FILE.test(basename(f.path)) ? dirname(f.path) : undefined
    const inChart = chartDir !== undefined && (templatesAt === 0 ? false : await this.isChartRoot(chartDir))
    return { chartDir, templatesAt, inChart }
  }

  private async classifyStructured(f: ChangedFile): Promise<void> {
    if (NEVER_READ.test(f.path)) return
    const chart = await this.chartPlace(f)
    const s = await this.sides(f)
    const text = s.head ?? s.base
    if (text === undefined || (s.skip && hasBase(f) && hasHead(f))) {
      this.structuredNotRead(f, s, chart)
      return
    }
    const parsed = parseStructured(f.path, text)
    const baseParsed = s.base !== undefined && s.head !== undefined ? parseStructured(f.previousPath ?? f.path, s.base) : undefined
    // Comment/whitespace/formatting-only edits are no operational change; routine version bumps are set aside.
    const meaning = unchangedMeaning(s, parsed, baseParsed, this.versionKeys, this.options.version_keys)
    if (meaning === 'no-change') return void this.noOperationalChange.push(f.path)
    if (meaning === 'version-bump') return void this.versionBumps.push(f.path)
    if (chart.inChart) {
      this.helmChange(f, chart, { text, parsed, baseParsed })
      return
    }
    if (!parsed.ok || (baseParsed && !baseParsed.ok)) {
      this.structuredUnparsed(f, s, { text, parsed, baseParsed })
      return
    }
    const headDocs = productionDocs(parsed.docs)
    if (s.base === undefined || s.head === undefined) {
      for (const c of classifyDocs(headDocs, text))
        this.push({ code: c.code, path: f.path, line: hasHead(f) ? c.line : undefined, what: c.what + removedNote(f), how: 'content' })
      return
    }
    // Modified: only the documents (Kubernetes objects) whose structure changed, and what changed in them.
    const baseDocs = productionDocs(baseParsed?.ok ? baseParsed.docs : [])
    const m = { name: basename(f.path), text, baseText: s.base, parsedDocs: parsed.docs, headDocs, baseDocs }
    const changed = modifiedDocTriggers(m, touched(f), this.versionKeys)
    if (changed === 'no-change') return void this.noOperationalChange.push(f.path)
    if (changed === 'version-bump') return void this.versionBumps.push(f.path)
    for (const c of changed.triggers) this.push({ code: c.code, path: f.path, line: changed.line, what: c.what, how: 'content' })
  }

  /** A structured file not read: classified by path when it is a chart's or a deploy manifest. */
  private structuredNotRead(f: ChangedFile, s: Sides, chart: ChartPlace): void {
    const why = s.skip ?? 'not readable'
    this.notRead.push({ path: f.path, reason: why })
    if (chart.inChart)
      this.push({
        code: 'helm',
        path: f.path,
        what: `Helm chart ${chart.chartDir} (not read: classified by path)${removedNote(f)}`,
        how: `path (${why})`,
      })
    else if (matchesAny(f.path, this.options.manifest_paths) && YAML.test(basename(f.path)))
      this.push({
        code: 'k8s-manifest',
        path: f.path,
        what: `deploy manifest (not read: classified by path)${removedNote(f)}`,
        how: `path (${why})`,
      })
  }

  /** A changed file of a Helm chart (a template or a values file): the value paths that changed, or what it is. */
  private helmChange(f: ChangedFile, chart: ChartPlace, p: { text: string; parsed: YamlResult; baseParsed: YamlResult | undefined }): void {
    const { parsed, baseParsed } = p
    const name = basename(f.path)
    const kinds = parsed.ok ? classifyDocs(parsed.docs, p.text).map((c) => c.what) : []
    const what =
      chart.templatesAt >= 0 ? `Helm template ${name} of chart ${chart.chartDir}` : `Helm values ${name} of chart ${chart.chartDir}`
    const how = parsed.ok ? 'content' : `path (${parsed.reason}, not parsed)`
    const paths = parsed.ok && baseParsed?.ok ? changedPaths(single(baseParsed.docs), single(parsed.docs)) : []
    const detail = helmDetail(paths, kinds, parsed)
    this.push({
      code: 'helm',
      path: f.path,
      line: hasHead(f) ? pickLine(touched(f), undefined, paths) : undefined,
      what: `${what}${detail}${removedNote(f)}`,
      how,
    })
  }

  /** A structured file that did not parse (either side): a deploy manifest by path, else noted when templated. */
  private structuredUnparsed(f: ChangedFile, s: Sides, p: { text: string; parsed: YamlResult; baseParsed: YamlResult | undefined }): void {
    const { parsed, baseParsed } = p
    const reason = parsed.ok ? (baseParsed && !baseParsed.ok ? baseParsed.reason : '') : parsed.reason
    const modified = s.base !== undefined && s.head !== undefined
    if (matchesAny(f.path, this.options.manifest_paths)) {
      this.push({
        code: 'k8s-manifest',
        path: f.path,
        line: modified ? pickLine(touched(f), undefined, []) : undefined,
        what: `deploy manifest (${reason}: classified by path)${removedNote(f)}`,
        how: `path (${reason}, not parsed)`,
      })
    } else if (!parsed.ok && (parsed.templated || isTemplated(p.text))) {
      this.unparsed.push({ path: f.path, reason })
    }
  }
}

export async function detect(ctx: RuleContext, { options, runbookGlobs }: DetectOptions): Promise<Detection> {
  const d = new Detector(ctx, options, runbookGlobs)
  for (const f of d.files) await d.classify(f)
  // New env vars: names the SERVICE did not read or declare at the base.
  const push = (t: Trigger): void => {
    d.push(t)
  }
  if (!d.disabled.has('new-env-var')) await detectEnvVars(ctx, d.files, d.reader, options, push, d.notRead)
  return d.result()
}

/**
 * A templated (unparsable) YAML edit that only bumps versions on lines of routine keys (`image: x:{{ … }}1.2`
 * → `1.3`, `version: 0.7.0`): every changed line pairs with a base line equal up to version tokens.
 */
function templatedVersionBump(base: string, head: string, keys: (key: string) => boolean): boolean {
  const b = normaliseText(base).split('\n')
  const h = normaliseText(head).split('\n')
  if (b.length !== h.length) return false
  let changed = 0
  for (let i = 0; i < b.length; i++) {
    if (b[i] === h[i]) continue
    changed++
    const hm = /^-?\s*["']?([A-Za-z_][\w-]*)["']?\s*:\s*(.*)$/.exec(h[i])
    const bm = /^-?\s*["']?([A-Za-z_][\w-]*)["']?\s*:\s*(.*)$/.exec(b[i])
    if (!hm || !bm || hm[1] !== bm[1] || !keys(hm[1])) return false
    const unquote = (v: string): string => v.replace(/^(["'])(.*)\1$/, '$2')
    if (!sameUpToVersion(unquote(bm[2]), unquote(hm[2]))) return false
  }
  return changed > 0
}

/**
 * A Terraform unit change that changes nothing that runs: an output (added, changed or removed), a data
 * source that is new (a read; a changed data source such as an IAM policy document still counts), or a
 * resource whose only difference is its `depends_on` (apply order).
 */
function inertTerraformChange(c: UnitChange): boolean {
  if (c.label.startsWith('output.')) return true
  if (c.label.startsWith('data.') && c.change === 'added') return true
  return c.change === 'changed' && c.leaves.length > 0 && c.leaves.every((l) => /(?:^|\.)depends_on(?:\[[^\]]*\])?$/.test(l.path))
}

/** Workflow-level keys that steer every job: a change there counts when the workflow has a deploying job. */
const WORKFLOW_LEVEL = new Set(['on', 'true', 'env', 'permissions', 'concurrency', 'defaults'])

/** Line range of a top-level YAML key. */
function yamlTopRange(text: string, key: string): [number, number] | undefined {
  const lines = text.split('\n')
  const re = new RegExp(`^["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`)
  const start = lines.findIndex((l) => re.test(l))
  if (start < 0) return undefined
  for (let i = start + 1; i < lines.length; i++) if (/^[^\s#]/.test(lines[i])) return [start + 1, i]
  return [start + 1, lines.length]
}

/** Files whose folder is a service (deployable unit) root. */
const SERVICE_MARKER =
  /^(?:Dockerfile|Containerfile|package\.json|go\.mod|pyproject\.toml|setup\.py|setup\.cfg|requirements\.txt|Pipfile|pom\.xml|build\.gradle(?:\.kts)?|Gemfile|Cargo\.toml|composer\.json|mix\.exs|[\w.-]+\.csproj|Procfile)$/
/** Env files that document or set a service's variables. */
const ENV_FILE = /^\.env(?:\.[\w-]+)?$|^[\w-]+\.env$/
const PROBES = ['.env.example', '.env.sample', '.env', 'Dockerfile']

/**
 * Where a file's service lives: the folder captured by the first `services` mapping whose path matches,
 * else (when the source lists the base tree) the nearest folder with a service marker (Dockerfile,
 * package.json, go.mod, pyproject.toml, *.csproj, …), else the repository root; without a listing, the
 * file's own folder.
 */
function serviceRootOf(options: RunbookOptions, path: string, listing: string[] | undefined): string {
  const ancestors: string[] = []
  for (let d = dirname(path); d; d = dirname(d)) ancestors.unshift(d)
  for (const s of options.services) {
    const segs = s.path.split('/')
    const at = segs.findIndex((x) => hasPlaceholders(x))
    if (at < 0) continue
    const prefix = compileTemplate(segs.slice(0, at + 1).join('/'))
    const root = ancestors.find((a) => capture(prefix, a))
    if (root !== undefined && capture(compileTemplate(s.path), path)) return root
  }
  if (!listing) return dirname(path)
  const markerDirs = new Set(listing.filter((p) => SERVICE_MARKER.test(basename(p))).map(dirname))
  for (let i = ancestors.length - 1; i >= 0; i--) if (markerDirs.has(ancestors[i])) return ancestors[i]
  return ''
}

/**
 * Names a service already reads or declares at the base: its code, Dockerfiles, env files, compose and
 * Kubernetes/Helm YAML under its folder, the repository's root env files, and the root compose file's
 * entry for the service. Files are searched nearest-first and only until every asked name is found, at
 * most `max_service_files` reads per run.
 */
class ServiceNames {
  private readonly perFile = new Map<string, Promise<Set<string>>>()
  private listing: Promise<string[] | undefined> | undefined
  reads = 0
  capped: string[] = []
  listError: string | undefined
  constructor(
    private readonly ctx: RuleContext,
    private readonly options: RunbookOptions,
  ) {}

  list(): Promise<string[] | undefined> {
    this.listing ??= this.ctx.changes.listBase
      ? this.ctx.changes.listBase('').catch((e: unknown) => {
          // Said in the report: without the listing, declarations in the service's files are not looked up.
          this.listError = errorMessage(e)
          return undefined
        })
      : Promise.resolve(undefined)
    return this.listing
  }

  private namesIn(path: string, serviceName: string): Promise<Set<string>> {
    let p = this.perFile.get(path)
    if (!p) {
      p = (async () => {
        this.reads++
        const text = await this.ctx.changes.readBase(path)
        if (text === undefined || text.length > this.options.max_file_bytes) return new Set<string>()
        const lang = envLanguageOf(path)
        const names = new Set<string>()
        const name = basename(path)
        if (lang) for (const n of envVarNamesInText(text, lang)) names.add(n)
        if (lang === 'dockerfile' || ENV_FILE.test(name)) for (const n of envVarNamesDeclared(path, text)) names.add(n)
        else if (YAML.test(name) || JSON_FILE.test(name)) {
          const parsed = JSON_FILE.test(name) ? loadJson(text) : loadYamlDocs(text)
          if (parsed.ok) {
            // A root compose file: only the entry of this service (by name or build context).
            const docs = COMPOSE.test(name) && !dirname(path) ? parsed.docs.map((d) => composeEntry(d, serviceName)) : parsed.docs
            for (const n of envVarNamesDeclared(path, text, docs)) names.add(n)
          }
        }
        return names
      })()
      this.perFile.set(path, p)
    }
    return p
  }

  /** The subset of `names` the service at `root` already reads or declares at the base. */
  async known(root: string, names: Set<string>, changedPath: string): Promise<Set<string>> {
    const found = new Set<string>()
    const listing = await this.list()
    const inRoot = (p: string): boolean => !root || p.startsWith(`${root}/`)
    const relevant = (p: string): boolean => {
      const name = basename(p)
      if (matchesAny(p, this.options.exclude)) return false
      return !!envLanguageOf(p) || ENV_FILE.test(name) || ((YAML.test(name) || JSON_FILE.test(name)) && !NEVER_READ.test(p))
    }
    let candidates: string[]
    if (listing) {
      candidates = listing.filter(
        (p) => p !== changedPath && ((inRoot(p) && relevant(p)) || (!dirname(p) && (ENV_FILE.test(p) || COMPOSE.test(p)))),
      )
    } else {
      // No listing (the API source): the service's env files and Dockerfile, the root env files and compose file.
      const probes = new Set<string>()
      for (const d of [root, '']) for (const n of PROBES) probes.add(join(d, n))
      for (const n of ['docker-compose.yml', 'compose.yaml']) probes.add(n)
      probes.delete(changedPath)
      candidates = [...probes]
    }
    const dir = dirname(changedPath)
    const rank = (p: string): number =>
      (dirname(p) === dir ? 0 : 4) +
      (/config|setting|env|constant/i.test(basename(p)) || ENV_FILE.test(basename(p)) ? 0 : 2) +
      (envLanguageOf(p) ? 0 : 1)
    candidates.sort((a, b) => rank(a) - rank(b) || a.split('/').length - b.split('/').length || a.localeCompare(b))
    const serviceName = basename(root)
    for (const p of candidates) {
      if (found.size === names.size) break
      if (!this.perFile.has(p) && this.reads >= this.options.max_service_files) {
        if (!this.capped.includes(root || '.')) this.capped.push(root || '.')
        break
      }
      for (const n of await this.namesIn(p, serviceName)) if (names.has(n)) found.add(n)
    }
    return found
  }
}

/** The compose service entry that is `name` (or builds from a folder named so); the whole document otherwise. */
function composeEntry(doc: unknown, name: string): unknown {
  if (!isObject(doc) || !isObject(doc.services)) return doc
  const out: unknown[] = []
  for (const [key, svc] of Object.entries(doc.services)) {
    const build = isObject(svc) ? svc.build : undefined
    const ctxPath = typeof build === 'string' ? build : isObject(build) ? `${str(build.context) ?? ''}/${str(build.dockerfile) ?? ''}` : ''
    if (name && (key === name || key.replace(/service$/, '') === name.replace(/service$/, '') || ctxPath.split('/').includes(name)))
      out.push(svc)
  }
  return out
}

/** An env var name read at a line (undefined: somewhere in the file). */
interface EnvRead {
  name: string
  line?: number
}

/** Names read on removed lines anywhere in the PR: code that moved, not a new variable. */
function movedEnvNames(ctx: RuleContext): Set<string> {
  const moved = new Set<string>()
  for (const f of ctx.changes.files) {
    const lang = envLanguageOf(f.path)
    if (!lang || !f.patch) continue
    try {
      for (const l of removedLines(f.patch)) for (const r of envVarReadsInLine(l.text, lang)) moved.add(r.name)
    } catch {
      // an unparsable patch is handled below for the files we check
    }
  }
  return moved
}

/** The env var reads a changed file adds: on its added lines (and through constants), or in the whole head file without a patch. */
async function addedEnvReads(f: ChangedFile, lang: EnvLanguage, reader: BudgetedReader, notRead: Detection['notRead']): Promise<EnvRead[]> {
  const reads: EnvRead[] = []
  if (f.patch) {
    let lines: Array<{ line: number; text: string }>
    try {
      lines = addedLines(f.patch)
    } catch (e) {
      // Said, never silent: the file's env var reads were not checked.
      notRead.push({ path: f.path, reason: `env vars not checked: patch not parsable (${errorMessage(e)})` })
      return []
    }
    for (const l of lines) for (const r of envVarReadsInLine(l.text, lang)) reads.push({ name: r.name, line: l.line })
    // Reads through a named constant, and Dockerfile CMD/ENTRYPOINT references: resolved on the whole head file.
    if (lines.some((l) => mayReadThroughConstant(l.text, lang))) {
      const head = await reader.head(f.path)
      if ('text' in head) {
        const added = new Set(lines.map((l) => l.line))
        for (const r of envVarReadsInText(head.text, lang))
          if (added.has(r.line) || (r.constantLine !== undefined && added.has(r.constantLine)))
            reads.push({ name: r.name, line: added.has(r.line) ? r.line : r.constantLine })
      } else if (!head.skip.startsWith('absent')) notRead.push({ path: f.path, reason: `env vars not checked: ${head.skip}` })
    }
  } else if (f.additions > 0 || f.status === 'added' || f.patch === undefined) {
    // No patch (too large): compare whole files, within the read budget.
    const head = await reader.head(f.path)
    if ('skip' in head) {
      if (!head.skip.startsWith('absent')) notRead.push({ path: f.path, reason: `env vars not checked: ${head.skip}` })
      return []
    }
    for (const r of envVarReadsInText(head.text, lang)) reads.push({ name: r.name, line: r.line })
  }
  return reads
}

async function detectEnvVars(
  ctx: RuleContext,
  files: ChangedFile[],
  reader: BudgetedReader,
  options: RunbookOptions,
  push: (t: Trigger) => void,
  notRead: Detection['notRead'],
): Promise<void> {
  const ignore = namePatterns(options.env_var_ignore)
  const moved = movedEnvNames(ctx)
  const candidates: Array<{ f: ChangedFile; lang: EnvLanguage; reads: EnvRead[] }> = []
  for (const f of files) {
    if (f.status === 'removed' || f.binary) continue
    const lang = envLanguageOf(f.path)
    if (!lang) continue
    // a shell script of a test, e2e or dev setup is tooling: its variables configure no running service
    if (lang === 'shell' && (matchesAny(f.path, options.non_production_paths) || matchesAny(f.path, options.dev_tooling))) continue
    const reads = await addedEnvReads(f, lang, reader, notRead)
    const seen = new Set<string>()
    const filtered = reads
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
      .filter((r) => {
        if (ignore?.test(r.name) || moved.has(r.name) || seen.has(r.name)) return false
        seen.add(r.name)
        return true
      })
    if (filtered.length) candidates.push({ f, lang, reads: filtered })
  }
  const service = new ServiceNames(ctx, options)
  const listing = candidates.length ? await service.list() : undefined
  if (service.listError !== undefined)
    notRead.push({
      path: '(base tree)',
      reason: `base tree not listed (${service.listError}): env var declarations in service files not checked`,
    })
  for (const { f, lang, reads } of candidates) {
    let baseNames = new Set<string>()
    if (f.status !== 'added') {
      const base = await reader.base(f.previousPath ?? f.path)
      if ('skip' in base) {
        if (!base.skip.startsWith('absent')) {
          notRead.push({ path: f.path, reason: `base side not read (${base.skip}): env vars not checked` })
          continue
        }
      } else {
        baseNames = envVarNamesInText(base.text, lang)
        if (lang === 'dockerfile') for (const n of envVarNamesDeclared(f.path, base.text)) baseNames.add(n)
      }
    }
    const fresh = reads.filter((r) => !baseNames.has(r.name))
    if (!fresh.length) continue
    // New to the file is not new to the service: look the names up in the service's other files at the base.
    const root = serviceRootOf(options, f.path, listing)
    const known = await service.known(root, new Set(fresh.map((r) => r.name)), f.previousPath ?? f.path)
    const usage = lang === 'dockerfile' ? 'used by the container command' : 'read by code'
    const where = root ? `service ${root}` : 'the repository'
    for (const r of fresh) {
      if (known.has(r.name)) continue
      push({
        code: 'new-env-var',
        path: f.path,
        line: r.line,
        envVar: r.name,
        what: `new env var ${r.name} (${usage}; not read or declared in ${where} at the base)`,
        how: 'diff',
      })
    }
  }
  for (const root of service.capped)
    notRead.push({
      path: root,
      reason: `env vars of service ${root} checked against the first ${options.max_service_files} of its files (max_service_files)`,
    })
}

/**
 * The files `detect` reads, declared before it runs (Rule.plan) so the pipeline reads them in batches:
 * both sides of the changed files it classifies by content (workflows, Dockerfiles, Procfiles, Kustomize,
 * Pulumi, SAM, crontabs, Terraform, compose, Helm, other YAML/JSON), the Chart.yaml beside values files,
 * and the base side of code files that add an env-var read. At most `max_file_reads` files, like the rule.
 */
export function planRunbookReads(
  files: readonly ChangedFile[],
  { options, runbookGlobs }: DetectOptions,
): { head: string[]; base: string[] } {
  const head = new Set<string>()
  const base = new Set<string>()
  const budget = options.max_file_reads
  const room = () => head.size + base.size < budget
  const sides = (f: ChangedFile) => {
    if (f.status !== 'removed' && room()) head.add(f.path)
    if (f.status !== 'added' && room()) base.add(f.previousPath ?? f.path)
  }
  for (const f of files) {
    if (!room()) break
    if ((f.excluded && SKIP_EXCLUSIONS.has(f.excluded)) || matchesAny(f.path, options.exclude) || matchesAny(f.path, runbookGlobs)) continue
    if (matchesAny(f.path, options.dev_tooling) || matchesAny(f.path, options.non_production_paths)) continue
    const name = basename(f.path)
    const structured = (YAML.test(name) || JSON_FILE.test(name)) && !NEVER_READ.test(f.path)
    if (
      matchesAny(f.path, options.feature_flags) ||
      WORKFLOW.test(f.path) ||
      DOCKERFILE.test(name) ||
      PROCFILE.test(name) ||
      KUSTOMIZATION.test(name) ||
      PULUMI.test(name) ||
      SAM_CONFIG.test(name) ||
      CRONTAB.test(name) ||
      /(?:^|\/)cron\.d\//.test(f.path) ||
      TERRAFORM.test(name) ||
      COMPOSE.test(name) ||
      CHART_FILE.test(name) ||
      structured
    ) {
      sides(f)
      if (structured && VALUES_FILE.test(name) && room()) head.add(join(dirname(f.path), 'Chart.yaml'))
      continue
    }
    const lang = envLanguageOf(f.path)
    if (!lang || f.status === 'removed' || f.binary) continue
    if (f.patch === undefined) {
      sides(f)
      continue
    }
    try {
      const lines = addedLines(f.patch)
      if (lines.some((l) => envVarReadsInLine(l.text, lang).length > 0)) {
        if (f.status !== 'added' && room()) base.add(f.previousPath ?? f.path)
      }
      if (lines.some((l) => mayReadThroughConstant(l.text, lang)) && room()) head.add(f.path)
    } catch {
      // an unparsable patch: the rule says so; nothing to plan
    }
  }
  return { head: [...head], base: [...base] }
}
