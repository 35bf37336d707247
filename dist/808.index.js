export const id = 808;
export const ids = [808];
export const modules = {

/***/ 68427:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ReportUsageError: () => (/* binding */ ReportUsageError),
  Et: () => (/* binding */ parseWindow),
  reportCmd: () => (/* binding */ reportCmd)
});

// UNUSED EXPORTS: parseDate, repoFromRemote

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/change/git.ts + 2 modules
var git = __webpack_require__(18092);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/trends/compute.ts
var compute = __webpack_require__(94801);
// EXTERNAL MODULE: ./src/trends/fail.ts
var fail = __webpack_require__(70874);
// EXTERNAL MODULE: ./src/pipeline/policy.ts
var policy = __webpack_require__(91130);
// EXTERNAL MODULE: ./src/policy/schema.ts + 1 modules
var schema = __webpack_require__(21458);
// EXTERNAL MODULE: ./src/policy/load.ts + 3 modules
var load = __webpack_require__(40949);
// EXTERNAL MODULE: ./src/trends/sla.ts
var sla = __webpack_require__(41130);
// EXTERNAL MODULE: ./src/pipeline/policy-source.ts
var policy_source = __webpack_require__(21566);
// EXTERNAL MODULE: ./src/change/generated.ts
var generated = __webpack_require__(9393);
// EXTERNAL MODULE: ./src/pipeline/gate.ts
var gate = __webpack_require__(1255);
// EXTERNAL MODULE: ./src/trends/record.ts
var record = __webpack_require__(46967);
;// CONCATENATED MODULE: ./src/trends/local.ts
/**
 * The local source of the trend report: the pull requests that landed on the default branch in a window,
 * read from real git history and each evaluated on the spot by the engine, exactly as `pr-gate check
 * --base <first parent> --head <merge>` would: same change set, same exclusions, the policy at the base.
 *
 * A pull request is a first-parent commit of the branch that is a merge commit, or whose subject ends in
 * "(#N)" (a squash merge). Other first-parent commits (direct pushes, bots) are counted apart, not
 * evaluated. History has no labels and no CI reports: waivers and diff coverage are not known locally
 * (the report says so); the merge commit's message stands in for the PR description.
 */










const NO_EVIDENCE = { findReports: () => Promise.resolve([]) };
async function tryGit(cwd, args) {
    try {
        return (await (0,git/* git */.$Y)(cwd, args)).trim();
    }
    catch {
        return undefined;
    }
}
/** The default branch: origin/HEAD, init.defaultBranch, then main, master, trunk (local or on origin). */
async function defaultBranch(root) {
    const candidates = [];
    const originHead = await tryGit(root, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
    if (originHead)
        candidates.push(originHead);
    const configured = await tryGit(root, ['config', '--get', 'init.defaultBranch']);
    if (configured)
        candidates.push(configured, `origin/${configured}`);
    for (const n of ['main', 'master', 'trunk'])
        candidates.push(n, `origin/${n}`);
    for (const c of candidates)
        if (await tryGit(root, ['rev-parse', '--verify', '--quiet', `${c}^{commit}`]))
            return c;
    throw new git/* GitError */.XS('cannot tell the default branch (no origin/HEAD, main, master or trunk): name it with --branch');
}
/** First-parent commits of `branch` committed in [from, to], oldest first. */
async function firstParentCommits(root, branch, from, to) {
    if (!(await tryGit(root, ['rev-parse', '--verify', '--quiet', `${branch}^{commit}`])))
        throw new git/* GitError */.XS(`--branch ${branch} is not a branch or commit in this repository`);
    const out = await (0,git/* git */.$Y)(root, [
        'log',
        '--first-parent',
        '--reverse',
        `--since=${from.toISOString()}`,
        `--until=${to.toISOString()}`,
        '--format=%H%x00%P%x00%cI%x00%an%x00%s%x00%b%x1e',
        branch,
        '--',
    ]);
    const commits = [];
    for (const rec of out.split('\x1e')) {
        // A record may have fewer fields than asked for (a truncated or odd log line): each may be missing.
        const fields = rec.replace(/^\n/, '').split('\0');
        const [sha, parents, date, author, subject, body] = fields;
        if (!sha || !date)
            continue;
        // --since stops at the first older commit only for date-ordered history; filter exactly anyway.
        const t = Date.parse(date);
        if (t < from.getTime() || t > to.getTime())
            continue;
        commits.push({
            sha,
            parents: (parents ?? '').split(' ').filter(Boolean),
            date: new Date(t).toISOString(),
            author: author ?? '',
            subject: subject ?? '',
            body: body ?? '',
        });
    }
    return commits;
}
/** Runs `f` over `items` with at most `limit` in flight, keeping the order of the results. */
async function mapLimit(items, limit, f) {
    const out = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await f(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return out;
}
/** Evaluates one commit's diff against its first parent, as `pr-gate check --base <parent> --head <sha>`. */
async function evaluateMerge(root, c, policyFor) {
    const base = c.parents[0];
    const changes = await (0,git/* gitChangeSet */.Jk)(root, { base, head: c.sha, baseLabel: 'first parent' });
    const gitattributes = await (0,git/* readAtRef */.Bg)(root, base, '.gitattributes');
    (0,generated/* markExclusions */.zj)(changes.files, gitattributes);
    const number = (0,record/* prNumberOf */.J)(c.subject);
    const ctx = {
        changes,
        pr: { number, title: c.subject, body: c.body, author: c.author, labels: [] },
        evidence: NO_EVIDENCE,
        gitattributes,
        // Ages and expiries as they were when the pull request landed.
        now: new Date(c.date),
        mode: 'pull_request',
    };
    const p = await policyFor(base);
    return (await (0,gate/* gateChange */.c)({ attempt: p, ctx, policySource: p.source })).verdict;
}
async function localHistory(o) {
    const branch = o.branch ?? (await defaultBranch(o.root));
    const commits = await firstParentCommits(o.root, branch, o.from, o.to);
    const prs = commits.filter((c) => c.parents.length >= 2 || (c.parents.length === 1 && (0,record/* prNumberOf */.J)(c.subject) !== undefined));
    // The policy: one file for all, or the one at each base (cached by its blob: it rarely changes).
    let fixed;
    if (o.policyFile) {
        const abs = (0,external_node_path_.resolve)(o.root, o.policyFile);
        const text = await (0,promises_.readFile)(abs, 'utf8').catch(() => {
            throw new load/* PolicyError */.pn([{ file: o.policyFile, message: 'file not found' }]);
        });
        const file = (0,external_node_path_.relative)(o.root, abs).split(external_node_path_.sep).join('/') || o.policyFile;
        fixed = local_load(text, file, `${file} (working tree)`, (p) => (0,promises_.readFile)((0,external_node_path_.resolve)(o.root, p), 'utf8').catch(() => undefined));
    }
    const byBlob = new Map();
    const policyFor = (base) => {
        if (fixed)
            return fixed;
        return (async () => {
            // Keyed by the .github tree: the policy and the local files it extends usually live there.
            const blob = (await tryGit(o.root, ['rev-parse', '--verify', '--quiet', `${base}:.github`])) ?? 'none';
            let p = byBlob.get(blob);
            if (!p) {
                p = (async () => {
                    const text = await (0,git/* readAtRef */.Bg)(o.root, base, schema/* DEFAULT_POLICY_PATH */.lo);
                    const source = (0,policy_source/* policySource */.I)({ path: schema/* DEFAULT_POLICY_PATH */.lo, text, at: { sha: base } });
                    return local_load(text, schema/* DEFAULT_POLICY_PATH */.lo, source, (path) => (0,git/* readAtRef */.Bg)(o.root, base, path));
                })();
                byBlob.set(blob, p);
            }
            return p;
        })();
    };
    let done = 0;
    const records = await mapLimit(prs, o.concurrency ?? 2, async (c) => {
        const v = await evaluateMerge(o.root, c, policyFor);
        o.onProgress?.(++done, prs.length);
        // GitHub's merge commit: "Merge pull request #N from owner/branch", then the pull request's title.
        const title = /^Merge pull request #\d+/.test(c.subject) ? c.body.split('\n')[0]?.trim() || c.subject : c.subject;
        return (0,record/* recordFromVerdict */.b)(v, {
            number: (0,record/* prNumberOf */.J)(c.subject),
            sha: c.sha,
            base: c.parents[0],
            title,
            author: c.author,
            mergedAt: c.date,
        });
    });
    const tip = commits.at(-1)?.sha ?? (await (0,git/* git */.$Y)(o.root, ['rev-parse', `${branch}^{commit}`])).trim();
    const policy = (await policyFor(tip)).loaded;
    return { branch, records, skipped: commits.length - prs.length, policy };
}
async function local_load(text, file, source, read) {
    return { ...(await (0,policy/* tryLoadPolicy */.oB)(text, file, read)), source };
}

// EXTERNAL MODULE: ./src/trends/render.ts
var render = __webpack_require__(22018);
;// CONCATENATED MODULE: ./src/trends/cli.ts
/**
 * `pr-gate report`: team trends over a window of merged pull requests (see docs/report.md).
 */












class ReportUsageError extends Error {
}
const FORMATS = ['text', 'json', 'csv', 'markdown'];
const DAY = 86_400_000;
/** A date (YYYY-MM-DD, start of the day UTC, or end of it with `endOfDay`) or an ISO 8601 timestamp. */
function parseDate(v, what, endOfDay = false) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
        const t = Date.parse(`${v}T00:00:00Z`);
        if (!Number.isNaN(t))
            return new Date(endOfDay ? t + DAY - 1 : t);
    }
    else if (/^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)))
        return new Date(Date.parse(v));
    throw new ReportUsageError(`${what}: expected a date (YYYY-MM-DD) or an ISO 8601 time, got ${JSON.stringify(v)}`);
}
/** The window: `--since 90d|12w|DATE`, or `--from DATE [--to DATE]`; default the last 90 days. */
function parseWindow(v, now) {
    if (v.since !== undefined && v.from !== undefined)
        throw new ReportUsageError('give either --since or --from, not both');
    const to = v.to !== undefined ? parseDate(v.to, '--to', true) : now;
    let from;
    if (v.from !== undefined)
        from = parseDate(v.from, '--from');
    else {
        const since = v.since ?? '90d';
        const m = /^(\d+)([dw])$/.exec(since);
        if (m) {
            const days = Number(m[1]) * (m[2] === 'w' ? 7 : 1);
            if (days < 1)
                throw new ReportUsageError(`--since ${since}: the window must be at least one day`);
            from = new Date(to.getTime() - days * DAY);
        }
        else if (/^\d{4}-/.test(since))
            from = parseDate(since, '--since');
        else
            throw new ReportUsageError(`--since: expected a duration such as 90d or 12w, or a date (YYYY-MM-DD), got ${JSON.stringify(since)}`);
    }
    if (from.getTime() >= to.getTime())
        throw new ReportUsageError(`the window is empty: ${from.toISOString()} is not before ${to.toISOString()}`);
    return { from, to };
}
const GIT_NOTE = 'Evaluated from git history: labels (waivers) and CI reports (diff coverage, vulnerability scans) ' +
    'are not in it; the merge commit message stands in for the pull request description; ' +
    'pull requests merged with "rebase and merge" leave no trace of the pull request in git and are not counted.';
async function gitSource(io, values, from, to) {
    const root = (await (0,git/* git */.$Y)(io.cwd, ['rev-parse', '--show-toplevel']).catch(() => {
        throw new git/* GitError */.XS(`${io.cwd} is not inside a git work tree`);
    })).trim();
    const h = await localHistory({ root, branch: values.branch, from, to, policyFile: values.policy });
    return {
        source: 'git',
        branch: h.branch,
        records: h.records,
        skipped: h.skipped,
        policy: h.policy,
        evidence: { waivers: false, coverage: false },
        notes: [GIT_NOTE],
    };
}
/** owner/name from a GitHub remote URL (https or ssh), if it is one. */
function repoFromRemote(url) {
    const m = /^(?:https?:\/\/[^/]+\/|git@[^:]+:|ssh:\/\/git@[^/]+\/)([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/.exec(url.trim());
    return m ? `${m[1]}/${m[2]}` : undefined;
}
async function apiSource(values, io, from, to) {
    const env = io.env ?? process.env;
    const token = env.GITHUB_TOKEN || env.GH_TOKEN;
    if (!token)
        throw new ReportUsageError('--source api: GITHUB_TOKEN (or GH_TOKEN) is not set (pull requests, checks and metadata: read)');
    let repos = values.repo ?? [];
    if (!repos.length && values.org === undefined) {
        const fromEnv = env.GITHUB_REPOSITORY;
        const remote = fromEnv ? undefined : await (0,git/* git */.$Y)(io.cwd, ['remote', 'get-url', 'origin']).then(repoFromRemote, () => undefined);
        const r = fromEnv || remote;
        if (!r)
            throw new ReportUsageError('--source api: name the repository with --repo OWNER/NAME (or --org ORG); this directory has no GitHub origin remote');
        repos = [r];
    }
    const refs = repos.map((r) => {
        const parts = r.split('/'); // OWNER/NAME: a third part is an error
        const [owner, repo, extra] = parts;
        if (!owner || !repo || extra !== undefined)
            throw new ReportUsageError(`--repo: expected OWNER/NAME, got ${JSON.stringify(r)}`);
        return { owner, repo };
    });
    const [{ createClient }, { apiHistory }, { parseGateIdentity }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(203), __webpack_require__.e(207), __webpack_require__.e(584)]).then(__webpack_require__.bind(__webpack_require__, 96584)),
        Promise.all(/* import() */[__webpack_require__.e(203), __webpack_require__.e(207), __webpack_require__.e(420), __webpack_require__.e(106)]).then(__webpack_require__.bind(__webpack_require__, 40420)),
        Promise.all(/* import() */[__webpack_require__.e(203), __webpack_require__.e(207), __webpack_require__.e(54)]).then(__webpack_require__.bind(__webpack_require__, 18673)),
    ]);
    const octokit = createClient({
        token,
        baseUrl: env.GITHUB_API_URL || 'https://api.github.com',
        log: (m) => {
            io.err(`pr-gate: ${m}\n`);
        },
    });
    const h = await apiHistory({
        octokit,
        repos: refs,
        org: values.org,
        from,
        to,
        checkName: values['check-name'] ?? 'quality-gate',
        identity: parseGateIdentity(values['gate-identity'] ?? 'github-actions'),
        log: (m) => {
            io.err(`pr-gate: ${m}\n`);
        },
    });
    io.err(`pr-gate: ${h.records.length} merged pull request${h.records.length === 1 ? '' : 's'} from ${h.repositories.length} ` +
        `repositor${h.repositories.length === 1 ? 'y' : 'ies'} in ${h.calls} GraphQL quer${h.calls === 1 ? 'y' : 'ies'}\n`);
    const policy = await workingTreePolicy(io.cwd, values.policy);
    return {
        source: 'api',
        repository: h.repositories.join(', ') || values.org,
        branch: '',
        records: h.records,
        skipped: 0,
        policy: policy.loaded,
        evidence: { waivers: true, coverage: true },
        notes: [...h.notes, ...policy.notes],
        octokit,
        repositories: h.repositories,
    };
}
/** The policy for the API source's settings (report:, SLAs): --policy, else the default path if present. */
async function workingTreePolicy(cwd, file) {
    const path = file ?? schema/* DEFAULT_POLICY_PATH */.lo;
    const text = await (0,promises_.readFile)((0,external_node_path_.resolve)(cwd, path), 'utf8').catch(() => undefined);
    if (text === undefined) {
        if (file !== undefined)
            throw new ReportUsageError(`--policy ${file}: file not found`);
        return {
            loaded: await (0,load/* loadPolicy */.tb)(undefined, schema/* DEFAULT_POLICY_PATH */.lo, () => Promise.resolve(undefined)),
            notes: [`No ${schema/* DEFAULT_POLICY_PATH */.lo} here: the report settings are the embedded default policy's.`],
        };
    }
    try {
        return { loaded: await (0,load/* loadPolicy */.tb)(text, path, (p) => (0,promises_.readFile)((0,external_node_path_.resolve)(cwd, p), 'utf8').catch(() => undefined)), notes: [] };
    }
    catch (e) {
        if (e instanceof load/* PolicyError */.pn)
            return {
                notes: [`The policy ${path} is invalid (${e.issues.map(load/* formatIssue */.Hd).join('; ')}): the report settings are the default ones.`],
            };
        throw e;
    }
}
function parseReportArgs(args) {
    return (0,external_node_util_.parseArgs)({
        args,
        options: {
            since: { type: 'string' },
            from: { type: 'string' },
            to: { type: 'string' },
            branch: { type: 'string' },
            policy: { type: 'string' },
            format: { type: 'string', default: 'text' },
            threshold: { type: 'string' },
            'fail-on-trend': { type: 'boolean', default: false },
            svg: { type: 'string' },
            alerts: { type: 'string' },
            source: { type: 'string', default: 'git' },
            repo: { type: 'string', multiple: true },
            org: { type: 'string' },
            'check-name': { type: 'string', default: 'quality-gate' },
            'gate-identity': { type: 'string', default: 'github-actions' },
        },
        strict: true,
        allowPositionals: false,
    }).values;
}
async function reportCmd(args, io, now = new Date()) {
    const values = parseReportArgs(args);
    const format = values.format;
    if (!FORMATS.includes(format))
        throw new ReportUsageError(`--format: expected text, json, csv or markdown, got ${JSON.stringify(format)}`);
    const thresholdArg = values.threshold === undefined ? undefined : Number(values.threshold);
    if (thresholdArg !== undefined && (!Number.isInteger(thresholdArg) || thresholdArg < 1))
        throw new ReportUsageError(`--threshold: expected a whole number of lines, got ${JSON.stringify(values.threshold)}`);
    const { from, to } = parseWindow(values, now);
    const source = values.source;
    if (source !== 'git' && source !== 'api')
        throw new ReportUsageError(`--source: expected git or api, got ${JSON.stringify(source)}`);
    if (source === 'git' && (values.repo?.length || values.org !== undefined))
        throw new ReportUsageError('--repo and --org read from the GitHub API: add --source api');
    if (source === 'api' && values.branch !== undefined)
        throw new ReportUsageError('--branch reads local git history (--source git); the API source reads pull requests merged into any branch');
    if (values.alerts === 'api' && source !== 'api')
        throw new ReportUsageError('--alerts api reads Dependabot alerts through the GitHub API: add --source api (or give --alerts FILE)');
    const history = source === 'api' ? await apiSource(values, io, from, to) : await gitSource(io, values, from, to);
    const alerts = await readAlerts(values, history, io);
    if (values['fail-on-trend'] && history.policy === undefined)
        throw new ReportUsageError('--fail-on-trend: the policy is invalid (pr-gate validate shows why), so there is no report: section to judge the trends by');
    const settings = history.policy?.policy.report ?? (0,policy/* defaultResolvedPolicy */.aW)().report;
    const threshold = thresholdArg ?? settings.size_threshold;
    const report = (0,compute/* computeTrends */.I6)({
        source: history.source,
        ...(history.repository ? { repository: history.repository } : {}),
        branch: history.branch,
        from,
        to,
        records: history.records,
        skipped: history.skipped,
        threshold,
        evidence: history.evidence,
        alerts,
        notes: history.notes,
    });
    if (values.svg !== undefined)
        await writeSvgs(values.svg, report, io);
    const check = (0,fail/* checkTrends */.F)(report, { ...settings, size_threshold: threshold });
    report.trendCheck = { enforced: values['fail-on-trend'], ...check };
    if (format === 'json')
        io.out(JSON.stringify((0,render/* toTrendJson */.x6)(report), null, 2) + '\n');
    else if (format === 'csv')
        io.out((0,render/* renderTrendCsv */.El)(report));
    else if (format === 'markdown')
        io.out((0,render/* renderTrendMarkdown */.bx)(report) + '\n');
    else
        io.out((0,render/* renderTrendText */.Bt)(report));
    if (values['fail-on-trend'] && check.breaches.length) {
        if (format === 'json' || format === 'csv')
            io.err(check.breaches.map((b) => `pr-gate: trend breach: ${b}\n`).join(''));
        return 1;
    }
    return 0;
}
/** Dependabot alerts for the SLA section: `--alerts api` (through the API source), `--alerts FILE`, or none. */
async function readAlerts(values, history, io) {
    if (values.alerts === 'api') {
        const { dependabotAlertsOf, slaOf } = await Promise.all(/* import() */[__webpack_require__.e(203), __webpack_require__.e(207), __webpack_require__.e(420), __webpack_require__.e(846)]).then(__webpack_require__.bind(__webpack_require__, 27900));
        const a = await dependabotAlertsOf(history.octokit, history.repositories ?? []);
        return { ...a, sla: slaOf(history.policy?.policy.rules) };
    }
    if (values.alerts === undefined)
        return undefined;
    const file = values.alerts;
    const text = await (0,promises_.readFile)((0,external_node_path_.resolve)(io.cwd, file), 'utf8').catch(() => {
        throw new ReportUsageError(`--alerts ${file}: file not found`);
    });
    let items;
    try {
        items = (0,sla/* parseDependabotAlerts */.Nw)(text, file);
    }
    catch (e) {
        if (e instanceof sla/* AlertsError */.Yr)
            throw new ReportUsageError(e.message);
        throw e;
    }
    const { slaOf } = await Promise.all(/* import() */[__webpack_require__.e(203), __webpack_require__.e(207), __webpack_require__.e(420), __webpack_require__.e(846)]).then(__webpack_require__.bind(__webpack_require__, 27900));
    return {
        items,
        source: `Dependabot alerts from ${file}`,
        sla: slaOf(history.policy?.policy.rules),
    };
}
/** `--svg DIR`: one chart per trend, written into DIR (created when missing). */
async function writeSvgs(svg, report, io) {
    const [{ renderTrendSvgs }, fs, path] = await Promise.all([__webpack_require__.e(/* import() */ 722).then(__webpack_require__.bind(__webpack_require__, 36722)), Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 51455, 23)), Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 76760, 23))]);
    const dir = (0,external_node_path_.resolve)(io.cwd, svg);
    await fs.mkdir(dir, { recursive: true }).catch((e) => {
        throw new ReportUsageError(`--svg ${svg}: cannot create the directory (${e.code ?? String(e)})`);
    });
    for (const c of await renderTrendSvgs(report)) {
        await fs.writeFile(path.join(dir, c.name), c.svg);
        io.err(`pr-gate: wrote ${path.join(svg, c.name)} (${c.title})\n`);
    }
}


/***/ }),

/***/ 94801:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I6: () => (/* binding */ computeTrends)
/* harmony export */ });
/* unused harmony exports median, percentile, isoWeek, stats */
/* harmony import */ var _sla_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41130);

function median(values) {
    if (!values.length)
        return undefined;
    const s = [...values].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
/** Nearest-rank percentile. */
function percentile(values, p) {
    if (!values.length)
        return undefined;
    const s = [...values].sort((a, b) => a - b);
    return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
}
const DAY = 86_400_000;
/** ISO 8601 week of a date (UTC): its label and its Monday. */
function isoWeek(d) {
    const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    const dow = day.getUTCDay() || 7;
    const monday = new Date(day.getTime() - (dow - 1) * DAY);
    const thursday = new Date(monday.getTime() + 3 * DAY);
    const year = thursday.getUTCFullYear();
    const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY / 7) + 1;
    return { label: `${year}-W${String(week).padStart(2, '0')}`, monday };
}
const ymd = (d) => d.toISOString().slice(0, 10);
const share = (n, of) => (of ? Math.round((1000 * n) / of) / 10 : undefined);
function stats(label, from, to, prs, threshold) {
    const sizes = prs.flatMap((p) => (p.size ? [p.size.lines] : []));
    const over = sizes.filter((l) => l > threshold).length;
    const crit = prs.filter((p) => p.critical);
    const touched = crit.filter((p) => p.critical?.touched);
    const tested = touched.filter((p) => p.critical?.tested).length;
    const cov = touched.flatMap((p) => p.critical && p.critical.executable > 0 ? [Math.round((1000 * p.critical.covered) / p.critical.executable) / 10] : []);
    const mig = prs.filter((p) => p.migrations && p.migrations.files > 0);
    const waivers = {};
    for (const p of prs)
        for (const w of p.waived)
            waivers[w.rule] = (waivers[w.rule] ?? 0) + 1;
    const failing = new Map();
    for (const p of prs)
        for (const r of new Set([...p.failed, ...p.errored]))
            failing.set(r, (failing.get(r) ?? 0) + 1);
    return {
        label,
        from: ymd(from),
        to: ymd(to),
        prs: prs.length,
        size: { counted: sizes.length, median: median(sizes), p90: percentile(sizes, 90), over, overShare: share(over, sizes.length) },
        critical: {
            evaluated: crit.length,
            configured: crit.filter((p) => p.critical?.configured).length,
            touched: touched.length,
            tested,
            testedShare: share(tested, touched.length),
            coverage: { prs: cov.length, median: median(cov) },
        },
        migrations: {
            prs: mig.length,
            prsWithDangers: mig.filter((p) => p.migrations?.dangers.length).length,
            dangers: mig.reduce((s, p) => s + (p.migrations?.dangers.length ?? 0), 0),
            waived: mig.filter((p) => p.migrations?.waived).length,
            suppressed: mig.reduce((s, p) => s + (p.migrations?.suppressed.length ?? 0), 0),
        },
        runbook: {
            prs: prs.filter((p) => p.runbook && p.runbook.triggers > 0).length,
            optOuts: prs.filter((p) => p.runbook?.optOut).length,
            violations: prs.filter((p) => p.runbook && p.runbook.violations > 0).length,
        },
        conclusions: {
            success: prs.filter((p) => p.conclusion === 'success').length,
            neutral: prs.filter((p) => p.conclusion === 'neutral').length,
            failure: prs.filter((p) => p.conclusion === 'failure').length,
        },
        waivers,
        failing: [...failing].map(([rule, n]) => ({ rule, prs: n })).sort((a, b) => b.prs - a.prs || a.rule.localeCompare(b.rule)),
    };
}
const ref = (p) => (p.number !== undefined ? `${p.repo ?? ''}#${p.number}` : p.sha.slice(0, 12));
function computeTrends(i) {
    const threshold = i.threshold ?? 300;
    const records = [...i.records].sort((a, b) => a.mergedAt.localeCompare(b.mergedAt));
    const weeks = [];
    const last = isoWeek(i.to).monday.getTime();
    for (let m = isoWeek(i.from).monday.getTime(); m <= last; m += 7 * DAY) {
        const monday = new Date(m);
        const sunday = new Date(m + 6 * DAY);
        const inWeek = records.filter((p) => {
            const t = Date.parse(p.mergedAt);
            return t >= m && t < m + 7 * DAY;
        });
        // The first and last weeks are clipped to the window.
        const first = new Date(Math.max(m, i.from.getTime()));
        const lastDay = new Date(Math.min(sunday.getTime(), i.to.getTime()));
        const week = stats(isoWeek(monday).label, first, lastDay, inWeek, threshold);
        if (i.alerts)
            week.vulnerabilities = (0,_sla_js__WEBPACK_IMPORTED_MODULE_0__/* .slaFigures */ .eJ)(i.alerts.items, i.alerts.sla, first, lastDay, i.alerts.source).total;
        weeks.push(week);
    }
    const dangerMap = new Map();
    for (const p of records)
        for (const d of p.migrations?.dangers ?? []) {
            const e = dangerMap.get(d.code) ?? { count: 0, prs: new Set() };
            e.count++;
            e.prs.add(ref(p));
            dangerMap.set(d.code, e);
        }
    const vulnerabilities = i.alerts ? (0,_sla_js__WEBPACK_IMPORTED_MODULE_0__/* .slaFigures */ .eJ)(i.alerts.items, i.alerts.sla, i.from, i.to, i.alerts.source) : undefined;
    const total = stats('window', i.from, i.to, records, threshold);
    if (vulnerabilities)
        total.vulnerabilities = vulnerabilities.total;
    return {
        source: i.source,
        repository: i.repository,
        branch: i.branch,
        window: { from: i.from.toISOString(), to: i.to.toISOString(), days: Math.round((i.to.getTime() - i.from.getTime()) / DAY) },
        threshold,
        skipped: i.skipped,
        total,
        weeks,
        optOuts: records.flatMap((p) => p.runbook?.optOut
            ? [
                {
                    pr: p.number,
                    ...(p.repo ? { repo: p.repo } : {}),
                    sha: p.sha,
                    title: p.title,
                    text: p.runbook.optOut.text,
                    reason: p.runbook.optOut.reason,
                },
            ]
            : []),
        dangers: [...dangerMap]
            .map(([code, e]) => ({ code, count: e.count, prs: [...e.prs] }))
            .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
        suppressions: records.flatMap((p) => (p.migrations?.suppressed ?? []).map((s) => ({ pr: p.number, ...(p.repo ? { repo: p.repo } : {}), sha: p.sha, ...s }))),
        waivers: records.flatMap((p) => p.waived.map((w) => ({ pr: p.number, ...(p.repo ? { repo: p.repo } : {}), sha: p.sha, ...w }))),
        vulnerabilities,
        evidence: { ...i.evidence, vulnerabilities: vulnerabilities !== undefined },
        notes: i.notes ?? [],
        prs: records,
    };
}


/***/ }),

/***/ 70874:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ checkTrends)
/* harmony export */ });
function checkTrends(r, s) {
    const breaches = [];
    const unchecked = [];
    const f = s.fail_on_trend;
    if (f.median_over_weeks > 0) {
        let run = [];
        let worst = [];
        for (const w of r.weeks) {
            if (w.size.median === undefined)
                continue; // a week without merges neither breaks nor extends a run
            if (w.size.median > s.size_threshold)
                run.push({ label: w.label, median: w.size.median });
            else
                run = [];
            if (run.length > worst.length)
                worst = [...run];
        }
        if (worst.length >= f.median_over_weeks) {
            breaches.push(`the weekly median PR size was over ${s.size_threshold} lines for ${worst.length} weeks in a row (${worst[0]?.label} ` +
                `\u2026 ${worst.at(-1)?.label}: ${worst.map((w) => w.median).join(', ')}); ` +
                `the policy allows fewer than ${f.median_over_weeks}`);
        }
    }
    if (f.sla_breach) {
        const v = r.vulnerabilities;
        if (!v)
            unchecked.push('vulnerability fix SLA: no evidence (no Dependabot alerts)');
        else if (v.total.breached + v.total.overdue > 0) {
            breaches.push(`${v.total.breached} vulnerabilit${v.total.breached === 1 ? 'y was' : 'ies were'} fixed ` +
                `after the fix SLA and ${v.total.overdue} ${v.total.overdue === 1 ? 'is' : 'are'} open past it`);
        }
    }
    // Of the pull requests with a gate result (the API source may find none for some).
    const judged = r.total.conclusions.success + r.total.conclusions.neutral + r.total.conclusions.failure;
    if (f.max_failure_share < 100 && judged > 0) {
        const share = Math.round((1000 * r.total.conclusions.failure) / judged) / 10;
        if (share > f.max_failure_share)
            breaches.push(`${share}% of the merged pull requests had a failing gate (${r.total.conclusions.failure} ` +
                `of ${judged}${judged < r.total.prs ? ` with a gate result; ${r.total.prs - judged} had none` : ''}); ` +
                `the policy allows ${f.max_failure_share}%`);
    }
    return { breaches, unchecked };
}


/***/ }),

/***/ 22018:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bt: () => (/* binding */ renderTrendText),
/* harmony export */   El: () => (/* binding */ renderTrendCsv),
/* harmony export */   bx: () => (/* binding */ renderTrendMarkdown),
/* harmony export */   x6: () => (/* binding */ toTrendJson)
/* harmony export */ });
/* unused harmony exports TREND_REPORT_VERSION, CSV_COLUMNS, mermaidCharts */
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14031);
/* harmony import */ var _sla_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(41130);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48992);



const TREND_REPORT_VERSION = 1;
const fmt = (n, unit = '') => (n === undefined ? '\u2013' : `${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .groupDigits */ .K9)(n)}${unit}`);
const pct = (n) => (n === undefined ? '\u2013' : `${n}%`);
const day = (iso) => iso.slice(0, 10);
const ref = (pr, sha, repo) => (pr !== undefined ? `${repo ?? ''}#${pr}` : sha.slice(0, 12));
function sizeLine(s, t) {
    if (!s.size.counted)
        return 'no pull request with a size';
    return (`median ${fmt(s.size.median)}, p90 ${fmt(s.size.p90)} changed ` +
        `lines; ${pct(s.size.overShare)} over ${t} (${s.size.over} of ${s.size.counted})`);
}
function criticalLine(r, s) {
    if (!s.critical.evaluated)
        return 'not evaluated (critical-path-tests off)';
    if (!s.critical.configured)
        return 'no critical areas in the policy (critical-path-tests checks nothing)';
    if (!s.critical.touched)
        return `no pull request changed code in a critical area (${s.critical.evaluated} checked)`;
    const cov = s.critical.coverage.prs
        ? `median diff coverage ${s.critical.coverage.median}% (${s.critical.coverage.prs} with coverage data)`
        : r.evidence.coverage
            ? 'diff coverage: no coverage data in the reports'
            : 'diff coverage: no evidence (coverage reports are not in git history)';
    return (`${s.critical.tested} of ${s.critical.touched} pull requests touching a ` +
        `critical area came with tests (${pct(s.critical.testedShare)}); ${cov}`);
}
function migrationsLine(r, s) {
    if (!s.migrations.prs)
        return 'no pull request changed a migration';
    const codes = r.dangers.map((d) => `${d.code} \u00d7${d.count}`).join(', ');
    return (`${s.migrations.prs} pull request${s.migrations.prs === 1 ? '' : 's'} changed migrations; ${s.migrations.dangers} ` +
        `danger${s.migrations.dangers === 1 ? '' : 's'} at merge ` +
        `in ${s.migrations.prsWithDangers}${codes ? ` (${codes})` : ''}; ${s.migrations.suppressed} suppressed in the ` +
        `migration; ${r.evidence.waivers ? `${s.migrations.waived} waived` : 'waivers: no evidence'}`);
}
function slaLine(r) {
    const v = r.vulnerabilities;
    if (!v)
        return (`no evidence ` +
            `(${r.source === 'git' ? 'alerts are not in git history: give --alerts FILE' : 'no Dependabot alerts could be read'})`);
    const parts = _sla_js__WEBPACK_IMPORTED_MODULE_2__/* .SEVERITIES */ .oC.filter((s) => v.sla[s] !== null || v.bySeverity[s].fixed || v.bySeverity[s].open).map((s) => {
        const c = v.bySeverity[s];
        const limit = v.sla[s];
        return limit === null
            ? `${s} (no SLA): ${c.fixed} fixed, ${c.open} open`
            : `${s} (SLA ${limit} d): ${c.fixed} fixed \u2014 ${c.met} met, ${c.breached} breached; ${c.open} still open, ${c.overdue} overdue`;
    });
    const med = v.total.medianDaysToFix !== undefined ? `; median ${v.total.medianDaysToFix} days to fix` : '';
    return `${parts.join(' \u00b7 ') || 'no alerts'}${med}${v.total.dismissed ? `; ${v.total.dismissed} dismissed` : ''} (${v.source})`;
}
function gateLine(r, s) {
    const waivers = Object.entries(s.waivers);
    const w = !r.evidence.waivers
        ? 'waivers: no evidence (labels are not in git history)'
        : waivers.length
            ? `waivers: ${waivers.map(([k, n]) => `${k} ${n}`).join(', ')}`
            : 'no waivers';
    const failing = s.failing.length
        ? `most failing: ${s.failing
            .slice(0, 5)
            .map((f) => `${f.rule} ${f.prs}`)
            .join(', ')}`
        : 'no rule failed';
    return `${s.conclusions.success} success, ${s.conclusions.neutral} neutral, ${s.conclusions.failure} failure; ${failing}; ${w}`;
}
/** The first line; `name` escapes the branch and repository names for the surface. */
function header(r, name = _report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .visibleControls */ .xx) {
    const src = r.source === 'git'
        ? 'local git history (merge and squash commits on the first-parent line, each evaluated now)'
        : 'the GitHub API (the gate results recorded for each pull request)';
    return (`Team trends${r.repository ? ` of ${name(r.repository)}` : ''}` +
        (r.branch ? ` on ${name(r.branch)}` : ' (pull requests merged into any branch)') +
        `, ${day(r.window.from)} \u2026 ${day(r.window.to)} (${r.window.days} days): ` +
        `${r.total.prs} pull request${r.total.prs === 1 ? '' : 's'}, from ${src}`);
}
function renderTrendText(r) {
    const t = r.total;
    const out = [header(r), ''];
    out.push('Over the window');
    out.push(`  PR size         ${sizeLine(t, r.threshold)}`);
    out.push(`  Critical areas  ${criticalLine(r, t)}`);
    out.push(`  Migrations      ${migrationsLine(r, t)}`);
    out.push(`  Runbooks        ${t.runbook.prs} with operational changes, ${t.runbook.violations} ` +
        `without a runbook update, ${t.runbook.optOuts} opt-out${t.runbook.optOuts === 1 ? '' : 's'}`);
    out.push(`  Vulnerabilities ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .visibleControls */ .xx)(slaLine(r))}`);
    out.push(`  Gate            ${gateLine(r, t)}`);
    out.push('');
    out.push('Per ISO week');
    out.push(`  ${'week'.padEnd(9)} ${'PRs'.padStart(4)} ${'median'.padStart(7)} ${'p90'.padStart(6)} ${`>${r.threshold}`.padStart(6)} ` +
        `${'tested'.padStart(7)} ${'dangers'.padStart(8)} ${'opt-outs'.padStart(9)} ${'failed'.padStart(7)}`);
    for (const w of r.weeks) {
        const tested = w.critical.touched ? `${w.critical.tested}/${w.critical.touched}` : '\u2013';
        out.push(`  ${w.label.padEnd(9)} ${String(w.prs).padStart(4)} ${fmt(w.size.median).padStart(7)} ${fmt(w.size.p90).padStart(6)} ` +
            `${pct(w.size.overShare).padStart(6)} ${tested.padStart(7)} ${String(w.migrations.dangers).padStart(8)} ` +
            `${String(w.runbook.optOuts).padStart(9)} ${String(w.conclusions.failure).padStart(7)}`);
    }
    if (r.vulnerabilities?.late.length) {
        out.push('', 'Vulnerabilities past their fix SLA');
        for (const l of r.vulnerabilities.late)
            out.push(`  ${l.severity.padEnd(8)} ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .visibleControls */ .xx)(l.id)} ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .visibleControls */ .xx)(l.package)}: ` +
                `${l.state === 'fixed' ? 'fixed after' : 'open for'} ${l.days} days (SLA ${l.sla})`);
    }
    if (r.optOuts.length) {
        out.push('', 'Runbook opt-outs');
        for (const o of r.optOuts)
            out.push(`  ${ref(o.pr, o.sha, o.repo)} ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .visibleControls */ .xx)(o.reason ?? o.text)}`);
    }
    if (r.suppressions.length) {
        out.push('', 'Migration dangers suppressed in the migration');
        for (const s of r.suppressions)
            out.push(`  ${ref(s.pr, s.sha, s.repo)} ${s.id} in ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .visibleControls */ .xx)(s.path)}: ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .visibleControls */ .xx)(s.reason)}`);
    }
    if (r.waivers.length) {
        out.push('', 'Waivers');
        for (const w of r.waivers)
            out.push(`  ${ref(w.pr, w.sha, w.repo)} ${w.rule}: ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .visibleControls */ .xx)(w.reason ?? '(no reason)')}`);
    }
    if (r.trendCheck?.breaches.length) {
        out.push('', `Trends that breach the policy (report.fail_on_trend)${r.trendCheck.enforced ? ': the report fails' : ''}`);
        for (const b of r.trendCheck.breaches)
            out.push(`  \u2717 ${b}`);
    }
    const notes = [...r.notes, ...(r.trendCheck?.unchecked ?? []).map((u) => `Not checked against report.fail_on_trend: ${u}.`)];
    if (r.skipped)
        notes.push(`${r.skipped} commit${r.skipped === 1 ? '' : 's'} on ${r.branch} in the ` +
            `window ${r.skipped === 1 ? 'is' : 'are'} not a pull request (no merge, no "(#N)"): not counted.`);
    if (notes.length)
        out.push('', ...notes.map((n) => `Note: ${n}`));
    return out.join('\n') + '\n';
}
/** The JSON report: every figure, every pull request's record. */
function toTrendJson(r) {
    return { version: TREND_REPORT_VERSION, tool: 'pr-quality-gate', kind: 'trends', ...r };
}
const CSV_COLUMNS = [
    'period',
    'from',
    'to',
    'prs',
    'size_counted',
    'size_median',
    'size_p90',
    'size_over_threshold',
    'size_over_threshold_pct',
    'critical_touched',
    'critical_tested',
    'critical_tested_pct',
    'critical_coverage_prs',
    'critical_coverage_median_pct',
    'migration_prs',
    'migration_dangers',
    'migration_prs_with_dangers',
    'migration_suppressed',
    'migration_waived',
    'runbook_prs',
    'runbook_violations',
    'runbook_opt_outs',
    'vulns_fixed',
    'vulns_sla_met',
    'vulns_sla_breached',
    'vulns_open',
    'vulns_overdue',
    'success',
    'neutral',
    'failure',
    'waivers',
    'failing_rules',
];
function csvCell(v) {
    if (v === undefined)
        return '';
    const s = String(v);
    // Quote what needs it; a leading =, +, - or @ would be a formula in a spreadsheet.
    const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
/** CSV: one row per ISO week, then one row for the whole window (period "window"). Empty cell = no data. */
function renderTrendCsv(r) {
    const row = (s) => [
        s.label,
        s.from,
        s.to,
        s.prs,
        s.size.counted,
        s.size.median,
        s.size.p90,
        s.size.over,
        s.size.overShare,
        s.critical.touched,
        s.critical.tested,
        s.critical.testedShare,
        s.critical.coverage.prs,
        s.critical.coverage.median,
        s.migrations.prs,
        s.migrations.dangers,
        s.migrations.prsWithDangers,
        s.migrations.suppressed,
        r.evidence.waivers ? s.migrations.waived : undefined,
        s.runbook.prs,
        s.runbook.violations,
        s.runbook.optOuts,
        s.vulnerabilities?.fixed,
        s.vulnerabilities?.met,
        s.vulnerabilities?.breached,
        s.vulnerabilities?.open,
        s.vulnerabilities?.overdue,
        s.conclusions.success,
        s.conclusions.neutral,
        s.conclusions.failure,
        r.evidence.waivers
            ? Object.entries(s.waivers)
                .map(([k, n]) => `${k}:${n}`)
                .join(' ')
            : undefined,
        s.failing.map((f) => `${f.rule}:${f.prs}`).join(' '),
    ]
        .map(csvCell)
        .join(',');
    return [CSV_COLUMNS.join(','), ...r.weeks.map(row), row(r.total)].join('\n') + '\n';
}
/** A round upper bound for a y axis. */
function niceMax(values) {
    const m = Math.max(1, ...values);
    const p = 10 ** Math.floor(Math.log10(m));
    for (const f of [1, 2, 2.5, 5, 10])
        if (f * p >= m)
            return f * p;
    return 10 * p;
}
/** The Mermaid xychart-beta charts of the weekly figures. Weeks without a figure plot 0. */
function mermaidCharts(r) {
    const x = `x-axis [${r.weeks.map((w) => `"${w.label.slice(5)}"`).join(', ')}]`;
    const n = (v) => String(v ?? 0);
    const series = (kind, vals) => `    ${kind} [${vals.map(n).join(', ')}]`;
    const charts = [];
    const med = r.weeks.map((w) => w.size.median);
    const p90 = r.weeks.map((w) => w.size.p90);
    charts.push({
        title: 'PR size per week',
        legend: `Bars: median changed lines; upper line: p90; flat line: the ${r.threshold}-line mark.`,
        block: [
            'xychart-beta',
            `    title "PR size (changed lines) per ISO week"`,
            `    ${x}`,
            `    y-axis "changed lines" 0 --> ${niceMax([...med, ...p90].map((v) => v ?? 0).concat(r.threshold))}`,
            series('bar', med),
            series('line', p90),
            series('line', r.weeks.map(() => r.threshold)),
        ].join('\n'),
    });
    charts.push({
        title: 'Shares per week',
        legend: `Line 1: % of pull requests over ${r.threshold} lines; line 2: ` +
            `% of pull requests touching a critical area that came with tests (0 when none touched one).`,
        block: [
            'xychart-beta',
            `    title "Share of pull requests (%) per ISO week"`,
            `    ${x}`,
            `    y-axis "%" 0 --> 100`,
            series('line', r.weeks.map((w) => w.size.overShare)),
            series('line', r.weeks.map((w) => w.critical.testedShare)),
        ].join('\n'),
    });
    charts.push({
        title: 'Gate results per week',
        legend: 'Bars: pull requests merged; line: of those, the ones whose gate concluded failure.',
        block: [
            'xychart-beta',
            `    title "Merged pull requests and gate failures per ISO week"`,
            `    ${x}`,
            `    y-axis "pull requests" 0 --> ${niceMax(r.weeks.map((w) => w.prs))}`,
            series('bar', r.weeks.map((w) => w.prs)),
            series('line', r.weeks.map((w) => w.conclusions.failure)),
        ].join('\n'),
    });
    return charts;
}
function renderTrendMarkdown(r) {
    const t = r.total;
    // The figure lines are the report's own words: numbers, rule ids and danger codes. Names and reasons
    // written by people (branch, repository, opt-out and waiver reasons, paths) are escaped.
    const out = [`## Team trends${r.repository ? ` \u00b7 ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(r.repository)}` : ''}`, ''];
    out.push(header(r, (n) => (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(n)), '');
    out.push('| Figure | Over the window |', '| --- | --- |');
    out.push(`| PR size | ${sizeLine(t, r.threshold)} |`);
    out.push(`| Critical areas | ${criticalLine(r, t)} |`);
    out.push(`| Migrations | ${migrationsLine(r, t)} |`);
    out.push(`| Runbooks | ${t.runbook.prs} with operational changes, ${t.runbook.violations} ` +
        `without a runbook update, ${t.runbook.optOuts} opt-outs |`);
    out.push(`| Vulnerability SLA | ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(slaLine(r))} |`);
    out.push(`| Gate | ${gateLine(r, t)} |`, '');
    for (const c of mermaidCharts(r))
        out.push(`### ${c.title}`, '', c.legend, '', '```mermaid', c.block, '```', '');
    out.push('<details><summary>Per ISO week</summary>', '');
    out.push(`| Week | PRs | Median | p90 | > ${r.threshold} | Critical with tests | Dangers | Opt-outs | Success | Neutral | Failure |`, '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const w of r.weeks)
        out.push(`| ${w.label} | ${w.prs} | ${fmt(w.size.median)} | ${fmt(w.size.p90)} | ${pct(w.size.overShare)} ` +
            `| ${w.critical.touched ? `${w.critical.tested}/${w.critical.touched}` : '\u2013'} | ${w.migrations.dangers} ` +
            `| ${w.runbook.optOuts} | ${w.conclusions.success} | ${w.conclusions.neutral} | ${w.conclusions.failure} |`);
    out.push('', '</details>', '');
    if (r.optOuts.length) {
        out.push('### Runbook opt-outs', '');
        for (const o of r.optOuts)
            out.push(`- ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(ref(o.pr, o.sha, o.repo))}: ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(o.reason ?? o.text, 300)}`);
        out.push('');
    }
    if (r.suppressions.length || r.waivers.length) {
        out.push('### Suppressions and waivers', '');
        for (const s of r.suppressions)
            out.push(`- ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(ref(s.pr, s.sha, s.repo))}: ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(s.id)} suppressed in ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(s.path)}: ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(s.reason, 300)}`);
        for (const w of r.waivers)
            out.push(`- ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(ref(w.pr, w.sha, w.repo))}: ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(w.rule)} waived ` +
                `(${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(w.label)}): ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(w.reason ?? '(no reason)', 300)}`);
        out.push('');
    }
    if (r.vulnerabilities?.late.length) {
        out.push('### Vulnerabilities past their fix SLA', '', '| Severity | Advisory | Package | Days | SLA | State |', '| --- | --- | --- | ---: | ---: | --- |');
        for (const l of r.vulnerabilities.late)
            out.push(`| ${l.severity} | ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(l.id)} | ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(l.package)} | ${l.days} ` +
                `| ${l.sla} | ${l.state === 'fixed' ? 'fixed late' : 'open, overdue'} |`);
        out.push('');
    }
    if (r.trendCheck?.breaches.length) {
        out.push(`### Trends that breach the policy${r.trendCheck.enforced ? ' (the report fails)' : ''}`, '');
        for (const b of r.trendCheck.breaches)
            out.push(`- ${b}`);
        out.push('');
    }
    const notes = [...r.notes, ...(r.trendCheck?.unchecked ?? []).map((u) => `Not checked against report.fail_on_trend: ${u}.`)];
    if (r.skipped)
        notes.push(`${r.skipped} commit${r.skipped === 1 ? '' : 's'} in the ` +
            `window ${r.skipped === 1 ? 'is' : 'are'} not a pull request (no merge, no "(#N)"): not counted.`);
    for (const n of notes)
        out.push(`> ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(n)}`, '');
    return out.join('\n');
}


/***/ }),

/***/ 41130:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nw: () => (/* binding */ parseDependabotAlerts),
/* harmony export */   Yr: () => (/* binding */ AlertsError),
/* harmony export */   eJ: () => (/* binding */ slaFigures),
/* harmony export */   oC: () => (/* binding */ SEVERITIES)
/* harmony export */ });
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8301);
/**
 * Vulnerability fix SLA over a window: each alert's age at fix against the policy's
 * `rules.dependencies.fix_within_days` for its severity. Fixed in the period: met (age \u2264 SLA) or
 * breached; still open at the period's end: within the SLA or overdue. Dismissed alerts are counted apart
 * (a dismissal is not a fix). Ages in whole days, like the dependencies rule.
 *
 * The evidence is the repository's Dependabot alerts (every state), as the REST API lists them
 * (`GET /repos/{owner}/{repo}/dependabot/alerts?state=\u2026`): from the API, or from a file (`--alerts`,
 * e.g. `gh api --paginate --slurp 'repos/OWNER/NAME/dependabot/alerts?per_page=100'`). Git history has
 * none: without it every figure reads "no evidence".
 */

const SEVERITIES = ['critical', 'high', 'medium', 'low'];
class AlertsError extends Error {
}
const DAY = 86_400_000;
const days = (a, b) => Math.max(0, Math.floor((b - a) / DAY));
/** Dependabot alerts as the REST API returns them (an array, or pages of arrays from --slurp). */
function parseDependabotAlerts(text, file) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (e) {
        throw new AlertsError(`${file}: not JSON (${e instanceof Error ? e.message : String(e)})`);
    }
    if (!Array.isArray(data))
        throw new AlertsError(`${file}: expected a JSON array of Dependabot alerts (GET /repos/{owner}/{repo}/dependabot/alerts)`);
    const flat = data.every((d) => Array.isArray(d)) ? data.flat() : data;
    return flat.map((a, i) => {
        const o = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(a);
        const state = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(o?.state);
        const createdAt = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(o?.created_at);
        const severity = ((0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_0__.at)(o, 'security_advisory', 'severity')) ??
            (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_0__.at)(o, 'security_vulnerability', 'severity')) ??
            'unknown').toLowerCase();
        if (!o ||
            !createdAt ||
            Number.isNaN(Date.parse(createdAt)) ||
            !state ||
            !['open', 'fixed', 'dismissed', 'auto_dismissed'].includes(state)) {
            throw new AlertsError(`${file}: entry ${i} is not a Dependabot alert (needs state open|fixed|dismissed|auto_dismissed and created_at)`);
        }
        const closedAt = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(o.fixed_at) ?? (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(o.dismissed_at) ?? (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(o.auto_dismissed_at);
        if (state === 'fixed' && (!closedAt || Number.isNaN(Date.parse(closedAt))))
            throw new AlertsError(`${file}: entry ${i} is fixed but has no fixed_at`);
        const id = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_0__.at)(o, 'security_advisory', 'ghsa_id')) ?? `alert ${(0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .textOf */ .b6)(o.number, String(i))}`;
        return {
            id,
            package: (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_0__.at)(o, 'security_vulnerability', 'package', 'name')) ?? (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_0__.at)(o, 'dependency', 'package', 'name')) ?? '?',
            severity: SEVERITIES.includes(severity) ? severity : 'unknown',
            createdAt,
            state: state,
            closedAt,
        };
    });
}
const empty = () => ({ fixed: 0, met: 0, breached: 0, open: 0, overdue: 0, dismissed: 0 });
function median(v) {
    if (!v.length)
        return undefined;
    const s = [...v].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
/** The SLA figures of the alerts for the period [from, to]. Alerts of unknown severity have no SLA. */
function slaFigures(alerts, sla, from, to, source) {
    const f = from.getTime();
    const t = to.getTime();
    const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, empty()]));
    const total = empty();
    const fixDays = { critical: [], high: [], medium: [], low: [], all: [] };
    const late = [];
    for (const a of alerts) {
        if (a.severity === 'unknown')
            continue;
        const c = bySeverity[a.severity];
        const limit = sla[a.severity];
        const created = Date.parse(a.createdAt);
        const closed = a.closedAt ? Date.parse(a.closedAt) : undefined;
        if (created > t)
            continue;
        const closedInPeriod = closed !== undefined && closed >= f && closed <= t;
        const openAtEnd = closed === undefined || closed > t;
        if (a.state === 'fixed' && closedInPeriod) {
            const age = days(created, closed);
            for (const x of [c, total])
                x.fixed++;
            fixDays[a.severity].push(age);
            fixDays.all.push(age);
            if (limit !== null) {
                const breached = age > limit;
                for (const x of [c, total]) {
                    if (breached)
                        x.breached++;
                    else
                        x.met++;
                }
                if (breached)
                    late.push({ id: a.id, package: a.package, severity: a.severity, days: age, sla: limit, state: 'fixed' });
            }
        }
        else if ((a.state === 'dismissed' || a.state === 'auto_dismissed') && closedInPeriod) {
            for (const x of [c, total])
                x.dismissed++;
        }
        else if (openAtEnd) {
            const age = days(created, t);
            for (const x of [c, total])
                x.open++;
            if (limit !== null && age > limit) {
                for (const x of [c, total])
                    x.overdue++;
                late.push({ id: a.id, package: a.package, severity: a.severity, days: age, sla: limit, state: 'open' });
            }
        }
    }
    for (const s of SEVERITIES)
        bySeverity[s].medianDaysToFix = median(fixDays[s]);
    total.medianDaysToFix = median(fixDays.all);
    late.sort((a, b) => b.days - b.sla - (a.days - a.sla) || a.id.localeCompare(b.id));
    return { source, sla, total, bySeverity, late };
}


/***/ })

};
