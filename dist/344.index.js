export const id = 344;
export const ids = [344,584];
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


/***/ })

};
