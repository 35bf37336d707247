/**
 * Operational-change detection: which changed files (and added lines) are deploy manifests, infrastructure,
 * alerting/monitoring, release workflows, schedules, new env vars or feature flags. Structured files are
 * parsed (YAML, JSON, HCL); what cannot be parsed falls back to path rules and is reported as such. Reads are
 * bounded by a budget: a 3000-file PR reads only the YAML/JSON/HCL files and the code files that add an
 * env-var read.
 */
import type { ChangedFile, RuleContext } from '../../types.js'
import { matchesAny } from '../../change/glob.js'
import { addedLines, removedLines } from '../../change/patch.js'
import { envLanguageOf, envVarNamesInText, envVarReadsInLine, namePatterns, type EnvLanguage } from '../../change/envvars.js'
import type { RunbookOptions, TriggerCode } from './options.js'
import { loadJson, loadYamlDocs, isTemplated, type YamlResult } from './yaml.js'
import { parseTerraform } from './hcl.js'

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
const NEVER_READ = /(?:^|\/)(?:package(?:-lock)?\.json|tsconfig[\w.-]*\.json|jsconfig\.json|composer\.(?:json|lock)|\.eslintrc[\w.]*|\.prettierrc[\w.]*|renovate\.json|\.?vscode\/[^/]+|pnpm-lock\.yaml|yarn\.lock|\.pre-commit-config\.yaml|mkdocs\.ya?ml|\.?codecov\.ya?ml|dependabot\.ya?ml|\.golangci\.ya?ml|CITATION\.cff|openapi[\w.-]*|swagger[\w.-]*)$/

const DEPLOY_USES =
  /(?:^|\/)(?:[\w-]*deploy[\w-]*|amazon-ecs-[\w-]+|k8s-deploy|setup-kubectl|helm[\w-]*|kubectl[\w-]*|aks-set-context|get-gke-credentials|webapps-deploy|functions-action|cloudflare\/wrangler-action|superfly\/flyctl-actions|pulumi\/actions|hashicorp\/setup-terraform|aws-actions\/aws-cloudformation-github-deploy|azure\/arm-deploy|appleboy\/ssh-action)(?:@|$)/i
const DEPLOY_RUN =
  /\b(?:kubectl\s+(?:apply|rollout|set\s+image|replace|patch)|helm\s+(?:upgrade|install|rollback)|helmfile\s+(?:apply|sync)|terraform\s+apply|tofu\s+apply|terragrunt\s+(?:apply|run-all\s+apply)|pulumi\s+up|cdk\s+deploy|sam\s+deploy|(?:serverless|sls)\s+deploy|fly(?:ctl)?\s+deploy|vercel\s+(?:deploy|--prod)|netlify\s+deploy|gcloud\s+(?:run|app|functions)\s+deploy|aws\s+ecs\s+update-service|aws\s+cloudformation\s+deploy|eb\s+deploy|kamal\s+deploy|cap\s+\w+\s+deploy|argocd\s+app\s+sync|wrangler\s+(?:deploy|publish)|heroku\s+(?:container:release|releases))/i

const MONITOR_TYPES = new Set([
  'metric alert', 'query alert', 'service check', 'event alert', 'event-v2 alert', 'log alert', 'process alert', 'rum alert',
  'trace-analytics alert', 'slo alert', 'composite', 'synthetics alert', 'audit alert', 'ci-pipelines alert', 'error-tracking alert',
  'database-monitoring alert', 'network-performance alert', 'cost alert',
])

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined)
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

function list(items: string[], max = 4): string {
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
  const addK8s = (code: TriggerCode, item: string): void => {
    const l = k8s.get(code) ?? []
    l.push(item)
    k8s.set(code, l)
  }
  for (const doc of docs) {
    if (!isObj(doc)) continue
    const apiVersion = str(doc.apiVersion)
    const kind = str(doc.kind)
    if (apiVersion && kind) {
      const meta = isObj(doc.metadata) ? doc.metadata : {}
      const name = str(meta.name)
      const label = name ? `${kind} ${name}` : kind
      const spec = isObj(doc.spec) ? doc.spec : {}
      k8sLine ??= lineOf(text, new RegExp(`^kind:\\s*["']?${kind.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`)) // kind is the PR's text
      if (kind === 'CronJob') {
        const sched = str(spec.schedule)
        out.push({ code: 'cron', what: `Kubernetes CronJob ${name ?? ''}${sched ? ` (schedule "${sched}")` : ''}`.replace('  ', ' '), line: lineOf(text, /^\s*schedule:/) })
      } else if (kind === 'PrometheusRule') {
        const alerts = arr(spec.groups).flatMap((g) => arr(isObj(g) ? g.rules : undefined)).map((r) => (isObj(r) ? str(r.alert) : undefined)).filter((x): x is string => !!x)
        addK8s('alert-rule', `PrometheusRule ${name ?? ''}${alerts.length ? ` (alerts ${list(alerts)})` : ''}`.trim())
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
      continue
    }
    // Prometheus rule file: groups[].rules[] with alert/record.
    const groups = arr(doc.groups)
    if (groups.length && groups.every((g) => isObj(g) && Array.isArray(g.rules))) {
      const rules = groups.flatMap((g) => arr((g as Obj).rules)).filter(isObj)
      const alerts = rules.map((r) => str(r.alert)).filter((x): x is string => !!x)
      const records = rules.filter((r) => str(r.record)).length
      if (alerts.length || records) {
        const parts = [alerts.length ? `alerts ${list(alerts)}` : '', records ? `${records} recording rule${records === 1 ? '' : 's'}` : ''].filter(Boolean)
        out.push({ code: 'alert-rule', what: `Prometheus rules (${parts.join('; ')})`, line: lineOf(text, /^\s*-?\s*alert:/) })
        continue
      }
    }
    if (isObj(doc.route) && Array.isArray(doc.receivers)) {
      const receivers = doc.receivers.map((r) => (isObj(r) ? str(r.name) : undefined)).filter((x): x is string => !!x)
      out.push({ code: 'alert-rule', what: `Alertmanager routing (receivers ${list(receivers)})` })
      continue
    }
    if (str(doc.version)?.startsWith('prometheus/') && Array.isArray(doc.slos)) {
      const names = doc.slos.map((s) => (isObj(s) ? str(s.name) : undefined)).filter((x): x is string => !!x)
      out.push({ code: 'slo', what: `Sloth SLOs of service ${str(doc.service) ?? '?'} (${list(names)})` })
      continue
    }
    const resources = isObj(doc.Resources) ? doc.Resources : undefined
    if (doc.AWSTemplateFormatVersion !== undefined || (resources && Object.values(resources).some((r) => isObj(r) && /^(?:AWS|Custom|Alexa)::/.test(str(r.Type) ?? '')))) {
      const transform = JSON.stringify(doc.Transform ?? '')
      const types = resources ? Object.values(resources).map((r) => (isObj(r) ? str(r.Type) : undefined)).filter((x): x is string => !!x) : []
      out.push({ code: 'cloudformation', what: `${transform.includes('Serverless') ? 'SAM' : 'CloudFormation'} template (${list(types)})` })
      continue
    }
    const dash = isObj(doc.dashboard) && Array.isArray(doc.dashboard.panels) ? doc.dashboard : doc
    if (Array.isArray(dash.panels) && (dash.schemaVersion !== undefined || dash.title !== undefined || dash.uid !== undefined)) {
      out.push({ code: 'dashboard', what: `Grafana dashboard "${str(dash.title) ?? str(dash.uid) ?? '?'}" (${dash.panels.length} panels)` })
      continue
    }
    const monitors = (Array.isArray(doc) ? doc : [doc]).filter((m) => isObj(m) && MONITOR_TYPES.has(str(m.type) ?? '') && typeof m.query === 'string') as Obj[]
    if (monitors.length) {
      out.push({ code: 'datadog-monitor', what: `Datadog monitor ${list(monitors.map((m) => `"${str(m.name) ?? str(m.query)}"`))}` })
      continue
    }
    if (isObj(doc.services) && Object.values(doc.services).some((s) => isObj(s) && (s.image !== undefined || s.build !== undefined))) {
      out.push({ code: 'docker-compose', what: `Compose services ${list(Object.keys(doc.services))}` })
      continue
    }
    if (str(doc.name) && str(doc.runtime) !== undefined && Object.keys(doc).length < 12 && (doc.runtime === 'nodejs' || doc.runtime === 'python' || doc.runtime === 'go' || doc.runtime === 'dotnet' || doc.runtime === 'java' || doc.runtime === 'yaml' || isObj(doc.runtime))) {
      out.push({ code: 'pulumi', what: `Pulumi project ${str(doc.name)}` })
    }
  }
  for (const [code, items] of k8s) {
    const what =
      code === 'k8s-manifest' ? `Kubernetes manifest: ${list(items)}`
      : code === 'alert-rule' ? `Kubernetes alerting: ${list(items)}`
      : code === 'slo' ? `SLO definition: ${list(items)}`
      : code === 'dashboard' ? `Grafana dashboard resource: ${list(items)}`
      : `Kustomize overlay: ${list(items)}`
    out.unshift({ code, what, line: code === 'k8s-manifest' ? k8sLine : undefined })
  }
  return out
}

/** Jobs that deploy: by `environment:`, by a deploy action, by deploy commands, or by a job named deploy/release. */
export function workflowDeploys(doc: unknown): { environments: string[]; jobs: string[] } {
  const environments: string[] = []
  const jobs: string[] = []
  if (!isObj(doc) || !isObj(doc.jobs)) return { environments, jobs }
  for (const [id, job] of Object.entries(doc.jobs)) {
    if (!isObj(job)) continue
    let deploys = false
    const env = isObj(job.environment) ? str(job.environment.name) : str(job.environment)
    if (env) {
      environments.push(env)
      deploys = true
    }
    for (const step of arr(job.steps)) {
      if (!isObj(step)) continue
      if (DEPLOY_USES.test(str(step.uses) ?? '') || DEPLOY_RUN.test(str(step.run) ?? '')) deploys = true
    }
    if (/\b(?:deploy|release|rollout|promote)/i.test(`${id} ${str(job.name) ?? ''}`.replace(/[-_]/g, ' '))) deploys = true
    if (deploys) jobs.push(id)
  }
  return { environments, jobs }
}

export function workflowSchedules(doc: unknown): string[] {
  if (!isObj(doc)) return []
  const on = doc.on ?? (doc as Obj)['true'] // YAML 1.1 parsers read `on` as true
  if (!isObj(on)) return []
  return arr(on.schedule).map((s) => (isObj(s) ? str(s.cron) : undefined)).filter((x): x is string => !!x)
}

export interface DetectOptions {
  options: RunbookOptions
  /** Globs of runbook files (never triggers themselves). */
  runbookGlobs: string[]
}

const SKIP_EXCLUSIONS = new Set(['generated', 'vendored', 'minified', 'snapshot'])

export async function detect(ctx: RuleContext, { options, runbookGlobs }: DetectOptions): Promise<Detection> {
  const reader = new BudgetedReader(ctx, options.max_file_reads, options.max_file_bytes)
  const disabled = new Set<string>(options.disable)
  const triggers: Trigger[] = []
  const unparsed: Detection['unparsed'] = []
  const notRead: Detection['notRead'] = []
  let hclUnavailable: string | undefined
  const push = (t: Trigger): void => {
    if (disabled.has(t.code)) return
    if (triggers.some((x) => x.code === t.code && x.path === t.path && x.envVar === t.envVar)) return
    triggers.push(t)
  }

  const files = ctx.changes.files.filter(
    (f) => !(f.excluded && SKIP_EXCLUSIONS.has(f.excluded)) && !matchesAny(f.path, options.exclude) && !matchesAny(f.path, runbookGlobs),
  )
  const changedPaths = new Set(ctx.changes.files.filter((f) => f.status !== 'removed').map((f) => f.path))
  const chartRoots = new Map<string, Promise<boolean>>()
  const isChartRoot = (dir: string): Promise<boolean> => {
    let p = chartRoots.get(dir)
    if (!p) {
      p = changedPaths.has(join(dir, 'Chart.yaml'))
        ? Promise.resolve(true)
        : reader.head(join(dir, 'Chart.yaml')).then((r) => 'text' in r)
      chartRoots.set(dir, p)
    }
    return p
  }
  /** The side to read: head, or base for removed files. */
  const content = (f: ChangedFile): Promise<Read> => (f.status === 'removed' ? reader.base(f.previousPath ?? f.path) : reader.head(f.path))
  const removedNote = (f: ChangedFile): string => (f.status === 'removed' ? ' (removed)' : '')

  for (const f of files) {
    const name = basename(f.path)
    const dir = dirname(f.path)
    if (matchesAny(f.path, options.feature_flags)) push({ code: 'feature-flag', path: f.path, what: `feature-flag definition${removedNote(f)}`, how: 'path' })
    if (options.triggers.length && matchesAny(f.path, options.triggers)) push({ code: 'path-trigger', path: f.path, what: `operational path${removedNote(f)}`, how: 'path' })

    if (WORKFLOW.test(f.path)) {
      if (disabled.has('deploy-workflow') && disabled.has('cron')) continue
      await classifyWorkflow(f)
      continue
    }
    if (DOCKERFILE.test(name)) push({ code: 'dockerfile', path: f.path, what: `container image definition${removedNote(f)}`, how: 'path' })
    else if (PROCFILE.test(name)) push({ code: 'procfile', path: f.path, what: `process types (Procfile)${removedNote(f)}`, how: 'path' })
    else if (KUSTOMIZATION.test(name)) push({ code: 'kustomize', path: f.path, what: `Kustomize overlay ${dir || '.'}${removedNote(f)}`, how: 'path' })
    else if (PULUMI.test(name)) push({ code: 'pulumi', path: f.path, what: `Pulumi project/stack config${removedNote(f)}`, how: 'path' })
    else if (SAM_CONFIG.test(name)) push({ code: 'cloudformation', path: f.path, what: `${name.startsWith('serverless') ? 'Serverless Framework service' : 'SAM deploy config'}${removedNote(f)}`, how: 'path' })
    else if (CRONTAB.test(name) || /(?:^|\/)cron\.d\//.test(f.path)) push({ code: 'cron', path: f.path, what: `crontab${removedNote(f)}`, how: 'path' })
    else if (TERRAFORM.test(name)) await classifyTerraform(f)
    else if (COMPOSE.test(name)) push({ code: 'docker-compose', path: f.path, what: `Compose file${removedNote(f)}`, how: 'path' })
    else if (CHART_FILE.test(name)) push({ code: 'helm', path: f.path, what: `Helm chart ${dir || '.'} (${name})${removedNote(f)}`, how: 'path' })
    else if (YAML.test(name) || JSON_FILE.test(name)) await classifyStructured(f)
  }

  async function classifyWorkflow(f: ChangedFile): Promise<void> {
    const head = f.status === 'removed' ? undefined : await reader.head(f.path)
    const base = f.status === 'added' ? undefined : await reader.base(f.previousPath ?? f.path)
    const load = (r: Read | undefined): YamlResult | undefined => (r && 'text' in r ? loadYamlDocs(r.text) : undefined)
    const h = load(head)
    const b = load(base)
    const side = h ?? b
    if (!side) {
      const why = [head, base].find((r): r is { skip: string } => !!r && 'skip' in r)?.skip ?? 'not readable'
      notRead.push({ path: f.path, reason: why })
      push({ code: 'deploy-workflow', path: f.path, what: 'GitHub Actions workflow (not read: classified by path)', how: `path (${why})` })
      return
    }
    if (!side.ok) {
      push({ code: 'deploy-workflow', path: f.path, what: `GitHub Actions workflow (${side.reason}: classified by path)`, how: `path (${side.reason})` })
      return
    }
    const hd = h?.ok ? h.docs[0] : undefined
    const bd = b?.ok ? b.docs[0] : undefined
    const deploys = [workflowDeploys(hd), workflowDeploys(bd)]
    const envs = [...new Set(deploys.flatMap((d) => d.environments))]
    const jobs = [...new Set(deploys.flatMap((d) => d.jobs))]
    const headText = head && 'text' in head ? head.text : undefined
    if (jobs.length) {
      const line = lineOf(headText, /^\s*environment:/)
      push({
        code: 'deploy-workflow',
        path: f.path,
        line,
        what: `release workflow: job${jobs.length === 1 ? '' : 's'} ${list(jobs)}${envs.length ? ` deploy${jobs.length === 1 ? 's' : ''} to environment ${list(envs)}` : ''}${removedNote(f)}`,
        how: 'content',
      })
    }
    const hs = workflowSchedules(hd)
    const bs = workflowSchedules(bd)
    const added = hs.filter((s) => !bs.includes(s))
    const removed = bs.filter((s) => !hs.includes(s))
    if (added.length || removed.length) {
      const parts = [added.length ? `cron ${added.map((s) => `"${s}"`).join(', ')} ${bs.length ? 'added' : 'scheduled'}` : '', removed.length ? `cron ${removed.map((s) => `"${s}"`).join(', ')} removed` : '']
      push({ code: 'cron', path: f.path, line: lineOf(headText, /^\s*-?\s*cron:/), what: `scheduled workflow: ${parts.filter(Boolean).join('; ')}`, how: 'content' })
    }
  }

  async function classifyTerraform(f: ChangedFile): Promise<void> {
    const base = { code: 'terraform' as const, path: f.path, how: 'path' }
    if (!/\.tf$/.test(f.path)) {
      push({ ...base, what: `Terraform ${f.path.endsWith('.lock.hcl') ? 'provider lock' : /tfvars/.test(f.path) ? 'variables' : 'configuration'} ${basename(f.path)}${removedNote(f)}` })
      return
    }
    const head = f.status === 'removed' ? undefined : await reader.head(f.path)
    const baseRead = f.status === 'added' ? undefined : await reader.base(f.previousPath ?? f.path)
    const parse = async (r: Read | undefined): Promise<string[] | string | undefined> => {
      if (!r) return undefined
      if ('skip' in r) return r.skip.startsWith('absent') ? [] : r.skip
      const p = await parseTerraform(f.path, r.text)
      return typeof p === 'string' ? p : p.addresses
    }
    const h = await parse(head)
    const b = await parse(baseRead)
    const failure = [h, b].find((x): x is string => typeof x === 'string')
    if (failure !== undefined) {
      if (/unavailable|not found|no parse/.test(failure)) hclUnavailable ??= failure
      push({ ...base, what: `Terraform configuration (${failure}: classified by path)${removedNote(f)}`, how: `path (${failure})` })
      return
    }
    const hs = typeof h === 'string' ? [] : (h ?? [])
    const bs = typeof b === 'string' ? [] : (b ?? [])
    const added = hs.filter((a) => !bs.includes(a))
    const removed = bs.filter((a) => !hs.includes(a))
    const kept = hs.filter((a) => bs.includes(a))
    const parts = [added.length ? `adds ${list(added)}` : '', removed.length ? `removes ${list(removed)}` : '', kept.length && !added.length && !removed.length ? `changes ${list(kept)}` : '']
    push({ ...base, how: 'content', what: `Terraform: ${parts.filter(Boolean).join('; ') || 'configuration'}` })
  }

  async function classifyStructured(f: ChangedFile): Promise<void> {
    const name = basename(f.path)
    const dir = dirname(f.path)
    if (NEVER_READ.test(f.path)) return
    // Helm: templates/ of a chart, values files beside a Chart.yaml.
    const templatesAt = f.path.lastIndexOf('/templates/')
    const chartDir = templatesAt >= 0 ? f.path.slice(0, templatesAt) : VALUES_FILE.test(name) ? dir : undefined
    const inChart = chartDir !== undefined && (templatesAt === 0 ? false : await isChartRoot(chartDir))
    const r = await content(f)
    if ('skip' in r) {
      notRead.push({ path: f.path, reason: r.skip })
      if (inChart) push({ code: 'helm', path: f.path, what: `Helm chart ${chartDir} (not read: classified by path)${removedNote(f)}`, how: `path (${r.skip})` })
      else if (matchesAny(f.path, options.manifest_paths) && YAML.test(name))
        push({ code: 'k8s-manifest', path: f.path, what: `deploy manifest (not read: classified by path)${removedNote(f)}`, how: `path (${r.skip})` })
      return
    }
    const parsed = JSON_FILE.test(name) ? loadJson(r.text) : loadYamlDocs(r.text)
    if (inChart) {
      const kinds = parsed.ok ? classifyDocs(parsed.docs, r.text).map((c) => c.what) : []
      const what = templatesAt >= 0 ? `Helm template ${name} of chart ${chartDir}` : `Helm values ${name} of chart ${chartDir}`
      const how = parsed.ok ? 'content' : `path (${parsed.reason}, not parsed)`
      push({ code: 'helm', path: f.path, what: `${what}${kinds.length ? `: ${kinds.join('; ')}` : parsed.ok ? '' : ` (${parsed.reason}: classified by path)`}${removedNote(f)}`, how })
      return
    }
    if (!parsed.ok) {
      if (matchesAny(f.path, options.manifest_paths)) {
        push({ code: 'k8s-manifest', path: f.path, what: `deploy manifest (${parsed.reason}: classified by path)${removedNote(f)}`, how: `path (${parsed.reason}, not parsed)` })
      } else if (parsed.templated || isTemplated(r.text)) {
        unparsed.push({ path: f.path, reason: parsed.reason })
      }
      return
    }
    for (const c of classifyDocs(parsed.docs, r.text)) push({ code: c.code, path: f.path, line: c.line, what: c.what + removedNote(f), how: 'content' })
  }

  // New env vars: added lines that read a variable the base side of the file never read.
  if (!disabled.has('new-env-var')) await detectEnvVars(ctx, files, reader, options, push, notRead)

  return { triggers, unparsed, notRead, hclUnavailable, reads: reader.reads }
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
  // Names read on removed lines anywhere in the PR: code that moved, not a new variable.
  const moved = new Set<string>()
  const candidates: Array<{ f: ChangedFile; lang: EnvLanguage; reads: Array<{ name: string; line?: number }> }> = []
  for (const f of ctx.changes.files) {
    const lang = envLanguageOf(f.path)
    if (!lang || !f.patch) continue
    try {
      for (const l of removedLines(f.patch)) for (const r of envVarReadsInLine(l.text, lang)) moved.add(r.name)
    } catch {
      // an unparsable patch is handled below for the files we check
    }
  }
  for (const f of files) {
    if (f.status === 'removed' || f.binary) continue
    const lang = envLanguageOf(f.path)
    if (!lang) continue
    const reads: Array<{ name: string; line?: number }> = []
    if (f.patch) {
      let lines: Array<{ line: number; text: string }>
      try {
        lines = addedLines(f.patch)
      } catch {
        lines = []
      }
      for (const l of lines) for (const r of envVarReadsInLine(l.text, lang)) reads.push({ name: r.name, line: l.line })
    } else if (f.additions > 0 || f.status === 'added' || f.patch === undefined) {
      // No patch (too large): compare whole files, within the read budget.
      const head = await reader.head(f.path)
      if ('skip' in head) {
        if (!head.skip.startsWith('absent')) notRead.push({ path: f.path, reason: `env vars not checked: ${head.skip}` })
        continue
      }
      const lines = head.text.split('\n')
      const seen = new Set<string>()
      lines.forEach((text, i) => {
        for (const r of envVarReadsInLine(text, lang)) if (!seen.has(r.name)) { seen.add(r.name); reads.push({ name: r.name, line: i + 1 }) }
      })
    }
    const filtered = reads.filter((r) => !(ignore && ignore.test(r.name)) && !moved.has(r.name))
    if (filtered.length) candidates.push({ f, lang, reads: filtered })
  }
  for (const { f, lang, reads } of candidates) {
    let baseNames = new Set<string>()
    if (f.status !== 'added') {
      const base = await reader.base(f.previousPath ?? f.path)
      if ('skip' in base) {
        if (!base.skip.startsWith('absent')) {
          notRead.push({ path: f.path, reason: `base side not read (${base.skip}): env vars not checked` })
          continue
        }
      } else baseNames = envVarNamesInText(base.text, lang)
    }
    const reported = new Set<string>()
    for (const r of reads) {
      if (baseNames.has(r.name) || reported.has(r.name)) continue
      reported.add(r.name)
      push({ code: 'new-env-var', path: f.path, line: r.line, envVar: r.name, what: `new env var ${r.name} read by code`, how: 'diff' })
    }
  }
}
