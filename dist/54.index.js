export const id = 54;
export const ids = [54,584,344,106];
export const modules = {

/***/ 96584:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WRITE_BURST: () => (/* binding */ WRITE_BURST),
/* harmony export */   WRITE_INTERVAL_MS: () => (/* binding */ WRITE_INTERVAL_MS),
/* harmony export */   callOf: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_2__.C8),
/* harmony export */   createClient: () => (/* binding */ createClient),
/* harmony export */   createWriteLimiters: () => (/* binding */ createWriteLimiters),
/* harmony export */   describeApiError: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_2__.gg),
/* harmony export */   graphqlReader: () => (/* binding */ graphqlReader),
/* harmony export */   statusOf: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_2__.c2),
/* harmony export */   writeLimiters: () => (/* binding */ writeLimiters)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43934);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(86856);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(49735);
/* harmony import */ var bottleneck__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(62203);
/* harmony import */ var bottleneck__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(bottleneck__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8301);
/**
 * The Octokit client: @actions/github's Octokit with throttling and retry. Built on demand (never at
 * import time). The base URL comes from the caller (GITHUB_API_URL for Actions, so GHES works).
 */






/**
 * The write budget of a run (issue 15 item 3). GitHub asks integrations making *a large number* of
 * POST/PATCH/PUT/DELETE requests to wait a second between them, and its secondary rate limit counts
 * content-generating requests: in general no more than 80 a minute and 500 an hour (docs/architecture.md,
 * "Write budget"). A run of the Action writes 2\u20134 times (check run, comment, a label, a duplicate removed):
 * spacing those a second apart cost every run a second or more and protects nothing. So writes draw on a
 * token bucket: WRITE_BURST tokens to start with, one more every WRITE_INTERVAL_MS up to WRITE_BURST again,
 * one write at a time. Any minute thus holds at most WRITE_BURST + 60 writes of one key (< 80); the hourly
 * count is the number of writes the runs make, which spacing never changed.
 */
const WRITE_BURST = 4;
const WRITE_INTERVAL_MS = 1000;
let burstLimiters;
/**
 * The process's write limiters, one token bucket per throttle key (Bottleneck reservoir with a periodic
 * increase), passed to @octokit/plugin-throttling as its `write` group. Built once and shared by every client
 * of the process, as the plugin's own groups are, so a second client of the same key (the unpaced reader's
 * sibling, a retry) draws on the same bucket.
 */
function writeLimiters() {
    return (burstLimiters ??= createWriteLimiters());
}
/** A new group of write buckets (`writeLimiters` is the process's one; tests build their own). */
function createWriteLimiters() {
    return new (bottleneck__WEBPACK_IMPORTED_MODULE_1___default().Group)({
        id: 'pr-quality-gate-write',
        maxConcurrent: 1,
        reservoir: WRITE_BURST,
        reservoirIncreaseInterval: WRITE_INTERVAL_MS,
        reservoirIncreaseAmount: 1,
        reservoirIncreaseMaximum: WRITE_BURST,
        // The plugin's key timeout: an idle key's limiter is dropped after 2 minutes (its bucket is full by then).
        timeout: 2 * 60 * 1000,
    });
}
/** Each client's unpaced sibling, built on first use (see `graphqlReader`). */
const readers = new WeakMap();
/**
 * The `graphql` function to use for read-only queries. @octokit/plugin-throttling counts every GraphQL
 * request as a write and spaces writes a second apart, so a query before the check run would hold the
 * check run back a second. GitHub asks for that spacing between requests that create content, which a
 * query does not: reads go through a sibling client with the same token, retries and timeout, unpaced.
 * A client not made by `createClient` (a test double) is used as it is.
 */
function graphqlReader(octokit) {
    const sibling = readers.get(octokit);
    return sibling ? sibling().graphql : octokit.graphql;
}
function createClient(o) {
    // Every token a client is made with (the Action's, the CLI's, each App installation token) is redacted
    // from every message, whole or in part, whatever its shape (src/errors.ts).
    (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .registerSecret */ .cl)(o.token);
    const octokit = buildClient(o);
    if (o.throttle !== false) {
        let unpaced;
        readers.set(octokit, () => (unpaced ??= buildClient({ ...o, throttle: false })));
    }
    return octokit;
}
function buildClient(o) {
    const log = o.log ?? (() => undefined);
    const retries = o.retries ?? 3;
    const timeoutMs = o.timeoutMs ?? 30000;
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(o.token, {
        baseUrl: o.baseUrl,
        userAgent: 'pr-quality-gate',
        retry: { retries, doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451] },
        throttle: {
            ...(o.throttleId ? { id: o.throttleId } : {}),
            ...(o.throttle === false ? { enabled: false } : {}),
            ...(o.writeBurst === false ? {} : { write: writeLimiters() }),
            // Clustering needs the full Bottleneck (the plugin's default build has no Redis datastore).
            ...(o.throttleConnection ? { Bottleneck: (bottleneck__WEBPACK_IMPORTED_MODULE_1___default()), connection: o.throttleConnection } : {}),
            onRateLimit: (retryAfter, options, _octokit, retryCount) => {
                log(`rate limited on ${options.method} ${options.url}; retry ${retryCount + 1} in ${retryAfter}s`);
                return retryCount < retries && retryAfter <= 60;
            },
            onSecondaryRateLimit: (retryAfter, options, _octokit, retryCount) => {
                log(`secondary rate limit on ${options.method} ${options.url}; retry ${retryCount + 1} in ${retryAfter}s`);
                return retryCount < retries && retryAfter <= 60;
            },
        },
    }, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__/* .throttling */ .A, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L);
    // A per-request timeout: every fetch (first try and each retry) gets its own deadline; an aborted fetch
    // surfaces as a 500 RequestError, which the retry plugin retries with its bounded backoff.
    // A JSON answer that does not parse (a truncated body) is retried here with the same bounded backoff.
    // (before-after-hook binds the options: they are changed in place, never passed anew.)
    octokit.hook.wrap('request', async (request, options) => {
        // The options as they may arrive: request and mediaType are optional (the types say always set).
        const given = options;
        const inner = given.request?.fetch ?? globalThis.fetch;
        options.request = {
            ...options.request,
            fetch: (url, init) => {
                o.onFetch?.();
                return inner(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
            },
        };
        for (let attempt = 0;; attempt++) {
            const response = await request(options);
            const type = (0,_json_js__WEBPACK_IMPORTED_MODULE_5__/* .textOf */ .b6)(response.headers['content-type']);
            if (!(typeof response.data === 'string' && /json/.test(type) && given.mediaType?.format !== 'raw'))
                return response;
            if (attempt >= retries) {
                throw Object.assign(new Error('the response body is not valid JSON (truncated?)'), {
                    status: 502,
                    request: { method: options.method, url: response.url },
                });
            }
            log(`unreadable JSON from ${options.method} ${response.url}; retry ${attempt + 1} in ${(attempt + 1) ** 2}s`);
            await new Promise((r) => setTimeout(r, (attempt + 1) ** 2 * 1000));
        }
    });
    return octokit;
}



/***/ }),

/***/ 18673:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ACTIONS_APP_SLUG: () => (/* binding */ ACTIONS_APP_SLUG),
/* harmony export */   ACTIONS_GATE_IDENTITY: () => (/* binding */ ACTIONS_GATE_IDENTITY),
/* harmony export */   classifyCheckRun: () => (/* binding */ classifyCheckRun),
/* harmony export */   describeGateIdentity: () => (/* binding */ describeGateIdentity),
/* harmony export */   gateResult: () => (/* binding */ gateResult),
/* harmony export */   gateResults: () => (/* binding */ gateResults),
/* harmony export */   parseGateIdentity: () => (/* binding */ parseGateIdentity)
/* harmony export */ });
/* harmony import */ var _trends_embed_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98337);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96584);
/* harmony import */ var _range_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(25344);
/**
 * A pull request's gate result: the latest check run named like the gate on the PR's head SHA (the
 * commit status of the same name when the gate had to fall back to statuses). These are facts read
 * from GitHub; what they mean for the release is decided by the engine (see evaluate.ts).
 *
 * Only results the gate itself published count. Anyone who can push to the repository can post a commit
 * status named `quality-gate`, and any GitHub App installed on it can create a check run of that name, so
 * the name alone proves nothing: a merged PR with no gate result plus such a status would turn a rejected
 * release into an approved one. A check run counts only when GitHub says it was created by one of the
 * expected Apps (`app.id` or `app.slug`: the App itself when running as the App, `github-actions` for the
 * workflow token), a status only when its `creator.login` is one of the expected logins. Anything else is
 * ignored, and the PR is reported as having no gate result, naming who posted what was ignored.
 */



/** The workflow token's App: `github-actions` (id 15368 on github.com; the slug is the same on GHES). */
const ACTIONS_APP_SLUG = 'github-actions';
/**
 * The identity from its written form (the Action's `gate-identity` input, the CLI's `--gate-identity`):
 * comma- or space-separated entries, each
 * - an App slug (`github-actions`, `my-gate-app`): its check runs, and the statuses of `<slug>[bot]`;
 * - a numeric App id (`15368`): its check runs;
 * - `user:<login>` or `<login>[bot]`: statuses posted by that login (a personal access token's user).
 */
function parseGateIdentity(spec) {
    const id = { apps: [], statusCreators: [] };
    for (const raw of spec.split(/[\s,]+/)) {
        const entry = raw.trim();
        if (!entry)
            continue;
        if (/^user:/i.test(entry)) {
            const login = entry.slice(5).trim();
            if (login)
                id.statusCreators.push(login);
        }
        else if (/\[bot\]$/i.test(entry))
            id.statusCreators.push(entry);
        else if (/^\d+$/.test(entry))
            id.apps.push({ id: Number(entry) });
        else {
            id.apps.push({ slug: entry });
            id.statusCreators.push(`${entry}[bot]`);
        }
    }
    return id;
}
/** The default: the gate run by a workflow with its GITHUB_TOKEN. */
const ACTIONS_GATE_IDENTITY = parseGateIdentity(ACTIONS_APP_SLUG);
/** The identity in words, for reports: "App github-actions, statuses by github-actions[bot]". */
function describeGateIdentity(g) {
    const apps = g.apps.map((a) => (a.slug ? a.slug : `id ${a.id}`));
    const parts = [apps.length ? `check runs of the App${apps.length === 1 ? '' : 's'} ${apps.join(', ')}` : 'no check runs'];
    parts.push(g.statusCreators.length ? `statuses by ${g.statusCreators.join(', ')}` : 'no statuses');
    return parts.join(', ');
}
function trustedApp(app, g) {
    if (!app)
        return false;
    return g.apps.some((a) => (a.id !== undefined && app.id === a.id) ||
        (a.slug !== undefined && typeof app.slug === 'string' && app.slug.toLowerCase() === a.slug.toLowerCase()));
}
function trustedCreator(login, g) {
    return !!login && g.statusCreators.some((c) => c.toLowerCase() === login.toLowerCase());
}
const FAILED = new Set(['failure', 'cancelled', 'timed_out', 'action_required', 'stale', 'startup_failure']);
/** Classifies a completed check run of the gate. */
function classifyCheckRun(run) {
    if (run.status !== 'completed' || !run.conclusion)
        return 'pending';
    if (FAILED.has(run.conclusion))
        return 'failed';
    if (run.conclusion === 'skipped')
        return 'missing';
    // success or neutral: the gate let it through. Whether a waiver did is data: the record the gate embeds in
    // the check run's text (src/trends/embed.ts) lists the waived rules. Only a check run written before the
    // record existed (or whose record was cut to nothing) is read by its title ("waived: \u2026").
    const record = (0,_trends_embed_js__WEBPACK_IMPORTED_MODULE_0__/* .extractRecord */ .ZL)(run.output?.text);
    if (record && (record.waived.length || !record.truncated))
        return record.waived.length ? 'waived' : 'passed';
    return /(^|\u00b7\s*)waived:/.test(run.output?.title ?? '') ? 'waived' : 'passed';
}
/** Most pages of check runs (100 each) or statuses read per commit. */
const MAX_PAGES = 10;
async function gateResult(octokit, r, headSha, checkName, identity = ACTIONS_GATE_IDENTITY) {
    try {
        const ignored = { notes: [], by: new Set() };
        const done = (g) => (ignored.notes.length ? { ...g, ignored: ignored.notes, ignoredBy: [...ignored.by] } : g);
        // Every run of the name (not only GitHub's "latest", which a look-alike created later would hide),
        // newest first; the newest one created by the gate's App is the result.
        const runs = await listCheckRuns(octokit, r, headSha, checkName);
        const named = runs.filter((c) => c.name === checkName).sort((a, b) => b.id - a.id);
        const run = named.find((c) => trustedApp(c.app, identity));
        for (const c of named) {
            if (c === run)
                break;
            if (trustedApp(c.app, identity))
                continue;
            const app = `the App ${c.app?.slug ?? c.app?.name ?? '?'} (id ${c.app?.id ?? '?'})`;
            ignored.notes.push(`a check run "${checkName}" (${c.conclusion ?? c.status}) created by ${app}, which is not the gate`);
            ignored.by.add(app);
        }
        if (run)
            return done({
                state: classifyCheckRun(run),
                conclusion: run.conclusion ?? run.status,
                title: run.output?.title ?? undefined,
                url: run.html_url ?? undefined,
                source: 'check-run',
            });
        return done((await gateStatus(octokit, r, headSha, checkName, identity, ignored)) ?? { state: 'missing' });
    }
    catch (e) {
        throw new _range_js__WEBPACK_IMPORTED_MODULE_2__.ReleaseError((0,_github_client_js__WEBPACK_IMPORTED_MODULE_1__.describeApiError)(`gate result of ${headSha.slice(0, 12)}`, e));
    }
}
/** Every check run named `checkName` on the commit, up to MAX_PAGES pages. */
async function listCheckRuns(octokit, r, headSha, checkName) {
    const runs = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
        const { data } = await octokit.rest.checks.listForRef({
            owner: r.owner,
            repo: r.repo,
            ref: headSha,
            check_name: checkName,
            filter: 'all',
            per_page: 100,
            page,
        });
        runs.push(...data.check_runs);
        if (data.check_runs.length < 100 || runs.length >= data.total_count)
            break;
    }
    return runs;
}
/**
 * The gate's commit status, which it publishes under the same name when check runs are forbidden. The
 * statuses list (newest first) names each one's creator; the combined status does not.
 */
async function gateStatus(octokit, r, headSha, checkName, identity, ignored) {
    for (let page = 1; page <= MAX_PAGES; page++) {
        const { data } = await octokit.rest.repos.listCommitStatusesForRef({
            owner: r.owner,
            repo: r.repo,
            ref: headSha,
            per_page: 100,
            page,
        });
        for (const status of data) {
            if (status.context !== checkName)
                continue;
            const creator = status.creator?.login;
            if (!trustedCreator(creator, identity)) {
                ignored.notes.push(`a commit status "${checkName}" = ${status.state} posted by ${creator ?? 'an unknown user'}, who is not the gate`);
                ignored.by.add(creator ?? 'an unknown user');
                continue;
            }
            const state = status.state === 'success' ? 'passed' : status.state === 'pending' ? 'pending' : 'failed';
            return {
                state,
                conclusion: status.state,
                title: status.description ?? undefined,
                url: status.target_url ?? undefined,
                source: 'status',
            };
        }
        if (data.length < 100)
            break;
    }
    return undefined;
}
async function gateResults(octokit, r, pulls, checkName, identity = ACTIONS_GATE_IDENTITY) {
    return (0,_range_js__WEBPACK_IMPORTED_MODULE_2__.mapLimit)(pulls, 4, async (p) => ({
        ...p,
        gate: p.headSha ? await gateResult(octokit, r, p.headSha, checkName, identity) : { state: 'missing' },
    }));
}


/***/ }),

/***/ 25344:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   COMPARE_FILES_CAP: () => (/* binding */ COMPARE_FILES_CAP),
/* harmony export */   ReleaseError: () => (/* binding */ ReleaseError),
/* harmony export */   compareRange: () => (/* binding */ compareRange),
/* harmony export */   lastSuccessfulDeployment: () => (/* binding */ lastSuccessfulDeployment),
/* harmony export */   mapLimit: () => (/* binding */ mapLimit),
/* harmony export */   mergedPullsInRange: () => (/* binding */ mergedPullsInRange)
/* harmony export */ });
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96584);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8301);


class ReleaseError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ReleaseError';
    }
}
/** Runs `f` over `items` with at most `limit` calls in flight, keeping the order of the results. */
async function mapLimit(items, limit, f) {
    const out = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await f(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return out;
}
/** States of a deployment's latest status that count as "this is what runs in the environment". */
const SUCCESS = new Set(['success']);
/**
 * The latest deployment to `environment` whose most recent status is `success`, skipping `exclude`
 * (the deployment under review) and deployments of `skipSha`. Undefined when there is none.
 * Looks at up to `maxDeployments` deployments, newest first.
 */
async function lastSuccessfulDeployment(octokit, r, environment, opts = {}) {
    const max = opts.maxDeployments ?? 200;
    let seen = 0;
    for (let page = 1; seen < max; page++) {
        let deployments;
        try {
            deployments = (await octokit.rest.repos.listDeployments({ owner: r.owner, repo: r.repo, environment, per_page: 30, page })).data;
        }
        catch (e) {
            throw new ReleaseError((0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__.describeApiError)(`list deployments to ${environment}`, e));
        }
        if (!deployments.length)
            return undefined;
        for (const d of deployments) {
            seen++;
            if (d.id === opts.exclude || (opts.skipSha && d.sha === opts.skipSha))
                continue;
            let statuses;
            try {
                statuses = (await octokit.rest.repos.listDeploymentStatuses({ owner: r.owner, repo: r.repo, deployment_id: d.id, per_page: 1 }))
                    .data;
            }
            catch (e) {
                if ((0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(e) === 404)
                    continue;
                throw new ReleaseError((0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__.describeApiError)(`list statuses of deployment ${d.id}`, e));
            }
            const latest = statuses.length ? statuses[0] : undefined; // newest first
            if (latest && SUCCESS.has(latest.state))
                return { sha: d.sha, deploymentId: d.id, deployedAt: latest.created_at, url: latest.environment_url || latest.log_url || undefined };
            if (seen >= max)
                break;
        }
        if (deployments.length < 30)
            return undefined;
    }
    return undefined;
}
/** GitHub's compare API lists at most this many files (on the first page only). */
const COMPARE_FILES_CAP = 300;
const MAX_COMMIT_PAGES = 100;
/** Compares base...head: every page of commits; the files of the aggregate diff (first page, \u2264 300). */
async function compareRange(octokit, r, base, head) {
    const commits = [];
    let first;
    for (let page = 1; page <= MAX_COMMIT_PAGES; page++) {
        let data;
        try {
            data = (await octokit.rest.repos.compareCommitsWithBasehead({
                owner: r.owner,
                repo: r.repo,
                basehead: `${base}...${head}`,
                per_page: 100,
                page,
            })).data;
        }
        catch (e) {
            if ((0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(e) === 404)
                throw new ReleaseError(`cannot compare ${base}...${head}: one of the refs does not exist in ${r.owner}/${r.repo} (HTTP 404)`);
            throw new ReleaseError((0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__.describeApiError)(`compare ${base}...${head}`, e));
        }
        first ??= data;
        const pageCommits = data.commits ?? [];
        for (const c of pageCommits)
            commits.push({
                sha: c.sha,
                message: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .textOf */ .b6)(c.commit?.message).split('\n')[0] ?? '',
                author: c.author?.login ?? c.commit?.author?.name,
                htmlUrl: c.html_url,
            });
        if (!pageCommits.length || commits.length >= Number(data.total_commits ?? 0))
            break;
    }
    const f = first ?? {};
    return {
        baseSha: f.merge_base_commit?.sha ?? f.base_commit?.sha ?? base,
        headSha: commits.at(-1)?.sha ?? (/^[0-9a-f]{40}$/i.test(head) ? head : (f.base_commit?.sha ?? head)),
        status: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .textOf */ .b6)(f.status, 'ahead'),
        totalCommits: Number(f.total_commits ?? commits.length),
        commits,
        files: f.files ?? [],
        htmlUrl: f.html_url,
    };
}
/**
 * The pull requests merged in the range: `commits/{sha}/pulls` for every commit, merged ones only (into
 * this repository), deduplicated by number, in merge order. Commits no merged PR claims are `direct`.
 */
async function mergedPullsInRange(octokit, r, commits) {
    const byNumber = new Map();
    const direct = [];
    const lists = await mapLimit(commits, 4, async (c) => {
        try {
            return (await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner: r.owner, repo: r.repo, commit_sha: c.sha, per_page: 100 })).data;
        }
        catch (e) {
            throw new ReleaseError((0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__.describeApiError)(`list pull requests of commit ${c.sha.slice(0, 12)}`, e));
        }
    });
    commits.forEach((c, i) => {
        const merged = (lists[i] ?? []).filter((p) => !!p.merged_at && (!p.base?.repo?.full_name || p.base.repo.full_name.toLowerCase() === `${r.owner}/${r.repo}`.toLowerCase()));
        if (!merged.length)
            direct.push(c);
        for (const p of merged) {
            let rec = byNumber.get(p.number);
            if (!rec) {
                rec = {
                    number: p.number,
                    title: p.title ?? '',
                    author: p.user?.login ?? '',
                    labels: (p.labels ?? []).map((l) => l.name ?? '').filter(Boolean),
                    headSha: p.head?.sha,
                    headRef: p.head?.ref,
                    sameRepo: !p.head?.repo?.full_name || p.head.repo.full_name.toLowerCase() === `${r.owner}/${r.repo}`.toLowerCase(),
                    mergedAt: p.merged_at,
                    mergeCommitSha: p.merge_commit_sha ?? undefined,
                    htmlUrl: p.html_url,
                    commits: [],
                };
                byNumber.set(p.number, rec);
            }
            rec.commits.push(c.sha);
        }
    });
    const pulls = [...byNumber.values()].sort((a, b) => (a.mergedAt < b.mergedAt ? -1 : a.mergedAt > b.mergedAt ? 1 : a.number - b.number));
    return { pulls, direct };
}


/***/ }),

/***/ 98337:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZL: () => (/* binding */ extractRecord),
/* harmony export */   jS: () => (/* binding */ embedRecord)
/* harmony export */ });
/* unused harmony exports RECORD_MARKER, MAX_RECORD_CHARS, RECORD_VERSION, factsFromVerdict */
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8301);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46967);


const RECORD_MARKER = 'pr-quality-gate:trend-record';
/** The most characters the embedded comment takes in the check run text (65,535 at most). */
const MAX_RECORD_CHARS = 8192;
const RECORD_VERSION = 1;
const CONCLUSIONS = new Set(['success', 'neutral', 'failure']);
function escapeJson(json) {
    return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
function cut(s, n) {
    if (s === undefined)
        return undefined;
    return s.length > n ? s.slice(0, n - 1) + '\u2026' : s;
}
/** Shortens strings and lists, harder at each level, until the record fits. */
function shrink(f, level) {
    const strMax = [200, 80, 20][level] ?? 20;
    const listMax = [50, 10, 3][level] ?? 3;
    const ids = (a) => a.slice(0, listMax * 2);
    return {
        ...f,
        failed: ids(f.failed),
        errored: ids(f.errored),
        warned: ids(f.warned),
        waived: f.waived.slice(0, listMax).map((w) => ({
            rule: w.rule,
            label: cut(w.label, strMax) ?? '',
            ...(w.reason !== undefined ? { reason: cut(w.reason, strMax) } : {}),
        })),
        ...(f.migrations
            ? {
                migrations: {
                    files: f.migrations.files,
                    dangers: f.migrations.dangers
                        .slice(0, listMax * 2)
                        .map((d) => (level > 1 ? { code: d.code } : { code: d.code, path: cut(d.path, strMax), line: d.line })),
                    suppressed: f.migrations.suppressed
                        .slice(0, listMax)
                        .map((s) => ({ id: cut(s.id, strMax) ?? '', path: cut(s.path, strMax) ?? '', reason: cut(s.reason, strMax) ?? '' })),
                    ...(f.migrations.waived
                        ? { waived: { label: cut(f.migrations.waived.label, strMax) ?? '', reason: cut(f.migrations.waived.reason, strMax) } }
                        : {}),
                },
            }
            : {}),
        ...(f.runbook
            ? {
                runbook: {
                    ...f.runbook,
                    ...(f.runbook.optOut
                        ? { optOut: { text: cut(f.runbook.optOut.text, strMax) ?? '', reason: cut(f.runbook.optOut.reason, strMax) } }
                        : {}),
                },
            }
            : {}),
        truncated: true,
    };
}
function factsFromVerdict(v) {
    const { number: _n, sha: _s, base: _b, title: _t, author: _a, mergedAt: _m, ...facts } = (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .recordFromVerdict */ .b)(v, { sha: '', base: '', title: '', author: '', mergedAt: '' });
    return facts;
}
/** The hidden comment to append to the check run text (at most MAX_RECORD_CHARS characters). */
function embedRecord(v) {
    let facts = factsFromVerdict(v);
    for (let level = 0;; level++) {
        const out = `\n\n<!-- ${RECORD_MARKER} ${escapeJson(JSON.stringify({ v: RECORD_VERSION, ...facts }))} -->\n`;
        if (out.length <= MAX_RECORD_CHARS)
            return out;
        if (level > 3)
            return (`\n\n<!-- ${RECORD_MARKER} ` +
                JSON.stringify({ v: RECORD_VERSION, conclusion: v.conclusion, failed: [], errored: [], warned: [], waived: [], truncated: true }) +
                ' -->\n');
        facts = shrink(factsFromVerdict(v), level);
    }
}
const strings = (v) => {
    const a = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(v);
    return Array.isArray(v) && a.every((x) => typeof x === 'string') ? a : undefined;
};
/** The gate's facts from a check run text, or undefined when it holds no valid record. */
function extractRecord(text) {
    if (!text)
        return undefined;
    const start = text.lastIndexOf(`<!-- ${RECORD_MARKER} `);
    if (start < 0)
        return undefined;
    const end = text.indexOf(' -->', start);
    if (end < 0)
        return undefined;
    let j;
    try {
        j = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(JSON.parse(text.slice(start + RECORD_MARKER.length + 6, end)));
    }
    catch {
        return undefined;
    }
    if (!j || j.v !== RECORD_VERSION)
        return undefined;
    const conclusion = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(j.conclusion);
    const failed = strings(j.failed);
    const errored = strings(j.errored);
    const warned = strings(j.warned);
    if (!conclusion || !CONCLUSIONS.has(conclusion) || !failed || !errored || !warned || !Array.isArray(j.waived))
        return undefined;
    const facts = {
        conclusion: conclusion,
        failed,
        errored,
        warned,
        waived: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(j.waived)
            .map(_json_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)
            .filter((w) => !!w && typeof w.rule === 'string')
            .map((w) => ({
            rule: w.rule,
            label: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(w.label) ?? '',
            ...((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(w.reason) !== undefined ? { reason: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(w.reason) } : {}),
        })),
    };
    if (j.truncated === true)
        facts.truncated = true;
    const size = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(j.size);
    const lines = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(size?.lines);
    const files = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(size?.files);
    if (lines !== undefined && files !== undefined && lines >= 0 && files >= 0)
        facts.size = { lines, files };
    const c = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(j.critical);
    if (c && typeof c.configured === 'boolean' && typeof c.touched === 'boolean' && typeof c.tested === 'boolean') {
        facts.critical = {
            configured: c.configured,
            touched: c.touched,
            tested: c.tested,
            covered: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(c.covered) ?? 0,
            executable: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(c.executable) ?? 0,
        };
    }
    const m = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(j.migrations);
    if (m && (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(m.files) !== undefined) {
        const waived = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(m.waived);
        facts.migrations = {
            files: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(m.files),
            dangers: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(m.dangers)
                .map(_json_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)
                .filter((d) => !!d && typeof d.code === 'string')
                .map((d) => ({
                code: d.code,
                ...((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(d.path) !== undefined ? { path: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(d.path) } : {}),
                ...((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(d.line) !== undefined ? { line: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(d.line) } : {}),
            })),
            suppressed: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(m.suppressed)
                .map(_json_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)
                .filter((s) => !!s)
                .map((s) => ({ id: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(s.id) ?? '?', path: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(s.path) ?? '?', reason: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(s.reason) ?? '' })),
            ...(waived
                ? { waived: { label: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(waived.label) ?? '', ...((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(waived.reason) !== undefined ? { reason: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(waived.reason) } : {}) } }
                : {}),
        };
    }
    const r = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(j.runbook);
    if (r && (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(r.triggers) !== undefined) {
        const opt = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(r.optOut);
        facts.runbook = {
            triggers: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(r.triggers),
            violations: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(r.violations) ?? 0,
            ...(opt ? { optOut: { text: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(opt.text) ?? '', ...((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(opt.reason) !== undefined ? { reason: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(opt.reason) } : {}) } } : {}),
        };
    }
    return facts;
}


/***/ })

};
