export const id = 174;
export const ids = [174,584];
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

/***/ 33113:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C5: () => (/* binding */ sizeHintsFrom),
/* harmony export */   DC: () => (/* binding */ blobFields),
/* harmony export */   Er: () => (/* binding */ blobAnswer),
/* harmony export */   Vh: () => (/* binding */ ContentStore),
/* harmony export */   jn: () => (/* binding */ errorCovers)
/* harmony export */ });
/* unused harmony exports blobKey, BLOB_SELECTION */
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96584);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51094);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8301);



const blobKey = (ref, path) => `${ref}:${path}`;
/** The selection every blob alias uses. */
const BLOB_SELECTION = '{ __typename ... on Blob { text isBinary isTruncated } }';
/** True when a GraphQL error at `path` may have nulled `field`: one path is a prefix of the other, or no path. */
function errorCovers(path, field) {
    if (!Array.isArray(path) || path.length === 0)
        return true;
    const n = Math.min(path.length, field.length);
    for (let i = 0; i < n; i++)
        if (path[i] !== field[i])
            return false;
    return true;
}
/** Reads the answer of `repository.<alias>` (an `object(expression:)` with BLOB_SELECTION). */
function blobAnswer(repository, alias, errors) {
    if (!repository || typeof repository !== 'object' || !(alias in repository))
        return { kind: 'unknown' };
    if (errors.some((err) => errorCovers((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(err, 'path'), ['repository', alias])))
        return { kind: 'unknown' };
    const obj = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(repository, alias);
    if (obj === null)
        return { kind: 'absent' };
    const type = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(obj, '__typename'));
    // A directory, or a submodule (a commit in the tree): no file there, as the contents API says.
    if (type === 'Tree' || type === 'Commit')
        return { kind: 'absent' };
    if (type === 'Blob' && (0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(obj, 'isTruncated') === false && (0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(obj, 'isBinary') !== true) {
        const text = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(obj, 'text'));
        if (text !== undefined)
            return { kind: 'text', text };
    }
    return { kind: 'unknown' };
}
/** The aliased fields and variables of a batch: `c0: object(expression: $c0) \u2026`. */
function blobFields(items, prefix = 'c') {
    const aliases = items.map((_, i) => `${prefix}${i}`);
    return {
        aliases,
        fields: aliases.map((a) => `${a}: object(expression: $${a}) ${BLOB_SELECTION}`).join('\n    '),
        declarations: aliases.map((a) => `, $${a}: String!`).join(''),
        variables: Object.fromEntries(items.map((it, i) => [aliases[i], `${it.ref}:${it.path}`])),
    };
}
/**
 * The run's file contents: read once each, in batches. `read` answers the file's text, or undefined when
 * it is absent at that commit; it rejects when the file could not be read.
 */
class ContentStore {
    octokit;
    repo;
    options;
    stats = { queries: 0, blobs: 0, rest: 0 };
    cache = new Map();
    restOnly = new Set();
    queue = [];
    scheduled = false;
    gql;
    restLimit;
    constructor(octokit, repo, options = {}) {
        this.octokit = octokit;
        this.repo = repo;
        this.options = options;
        this.gql = limiter(options.concurrency ?? 2);
        this.restLimit = limiter(options.restConcurrency ?? 4);
    }
    /** Answers read elsewhere (the first batch): text, or null for a file known to be absent. */
    seed(ref, path, value) {
        const key = blobKey(ref, path);
        if (!this.cache.has(key))
            this.cache.set(key, Promise.resolve(value ?? undefined));
    }
    /** A file GraphQL already could not vouch for: read it over REST when it is asked for. */
    markRestOnly(ref, path) {
        this.restOnly.add(blobKey(ref, path));
    }
    has(ref, path) {
        return this.cache.has(blobKey(ref, path));
    }
    read(ref, path) {
        const key = blobKey(ref, path);
        let p = this.cache.get(key);
        if (!p) {
            if (this.restOnly.has(key))
                p = this.rest(ref, path);
            else {
                p = new Promise((resolve, reject) => this.queue.push({ ref, path, resolve, reject }));
                this.schedule();
            }
            this.cache.set(key, p);
        }
        return p;
    }
    /** Reads every file of the plan now, in batches; settles when all are read (never rejects: a failed
     * read rejects later, for the rule that asks for it). */
    async prefetch(items) {
        const ps = items.map((it) => this.read(it.ref, it.path));
        for (const p of ps)
            void p.catch(() => undefined);
        await Promise.allSettled(ps);
    }
    /** Splits a plan into what fits the first batch (the first query) and the rest. */
    firstBatch(items) {
        const batches = this.batches(items);
        return [batches[0] ?? [], batches.slice(1).flat()];
    }
    schedule() {
        if (this.scheduled)
            return;
        this.scheduled = true;
        // setImmediate, not a microtask: reads asked for across a few awaits of resolved promises join one batch.
        setImmediate(() => {
            this.scheduled = false;
            const items = this.queue;
            this.queue = [];
            for (const batch of this.batches(items))
                this.gql(() => this.runBatch(batch)).catch((e) => {
                    batch.forEach((it) => {
                        it.reject(e);
                    });
                });
        });
    }
    /** Splits by count and by estimated bytes (a blob bigger than the byte budget goes alone). */
    batches(items) {
        const maxCount = this.options.maxCount ?? 100;
        const maxBytes = this.options.maxBytes ?? 4 * 1024 * 1024;
        const out = [];
        let cur = [];
        let bytes = 0;
        for (const it of items) {
            const size = this.options.sizeHint?.(it.ref, it.path) ?? this.options.defaultBytes ?? 32 * 1024;
            if (cur.length && (cur.length >= maxCount || bytes + size > maxBytes)) {
                out.push(cur);
                cur = [];
                bytes = 0;
            }
            cur.push(it);
            bytes += size;
        }
        if (cur.length)
            out.push(cur);
        return out;
    }
    async runBatch(batch) {
        const { fields, declarations, variables, aliases } = blobFields(batch);
        const query = `query prGateContents($owner: String!, $name: String!${declarations}) ` +
            `{\n  repository(owner: $owner, name: $name) {\n    ${fields}\n  }\n}`;
        let data;
        let errors = [];
        this.stats.queries++;
        try {
            data = await (0,_client_js__WEBPACK_IMPORTED_MODULE_0__.graphqlReader)(this.octokit)(query, { owner: this.repo.owner, name: this.repo.repo, ...variables });
        }
        catch (e) {
            data = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(e, 'data');
            errors = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .list */ .p_)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(e, 'errors'));
            if (data === undefined || data === null)
                this.options.log?.(`${(0,_client_js__WEBPACK_IMPORTED_MODULE_0__.describeApiError)(`GraphQL read of ${batch.length} file${batch.length === 1 ? '' : 's'}`, e)}; reading them over REST`);
        }
        const repository = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(data, 'repository');
        batch.forEach((it, i) => {
            const answer = blobAnswer(repository, aliases[i], errors);
            if (answer.kind === 'text') {
                this.stats.blobs++;
                it.resolve(answer.text);
            }
            else if (answer.kind === 'absent') {
                this.stats.blobs++;
                it.resolve(undefined);
            }
            else
                this.rest(it.ref, it.path).then(it.resolve, it.reject);
        });
    }
    rest(ref, path) {
        return this.restLimit(() => {
            this.stats.rest++;
            return (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readRepoFile */ .v6)(this.octokit, this.repo, path, ref);
        });
    }
}
/** At most `n` of the functions run at once; the others wait in order. */
function limiter(n) {
    let active = 0;
    const waiting = [];
    const release = () => {
        active--;
        waiting.shift()?.();
    };
    return (f) => new Promise((resolve, reject) => {
        const start = () => {
            active++;
            f().then(resolve, reject).finally(release);
        };
        if (active < n)
            start();
        else
            waiting.push(start);
    });
}
/** Size hints from the file list: an added file's text is about its patch without the `+` prefixes. */
function sizeHintsFrom(files, headRef) {
    const sizes = new Map();
    for (const f of files)
        if (f.status === 'added' && f.patch !== undefined)
            sizes.set(f.path, f.patch.length);
    return (ref, path) => (ref === headRef ? sizes.get(path) : undefined);
}


/***/ }),

/***/ 51094:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $L: () => (/* binding */ apiChangeSet),
/* harmony export */   Kx: () => (/* binding */ pullInfoFrom),
/* harmony export */   ey: () => (/* binding */ fetchPull),
/* harmony export */   oU: () => (/* binding */ toChangedFile),
/* harmony export */   pG: () => (/* binding */ listPullFiles),
/* harmony export */   v6: () => (/* binding */ readRepoFile)
/* harmony export */ });
/* unused harmony export FILES_CAP */
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96584);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8301);
/* harmony import */ var _contents_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33113);



/** GitHub lists at most this many files for a pull request. */
const FILES_CAP = 3000;
function toChangedFile(f) {
    const file = {
        path: f.filename,
        status: f.status,
        additions: f.additions,
        deletions: f.deletions,
    };
    if (f.previous_filename)
        file.previousPath = f.previous_filename;
    if (typeof f.patch === 'string')
        file.patch = f.patch;
    // GitHub omits `patch` for binary files and for diffs too large to inline; a binary file has no line counts.
    else if (f.changes === 0 && f.status !== 'renamed' && f.status !== 'removed')
        file.binary = true;
    return file;
}
/** Lists every file of the PR (all pages, up to GitHub's cap). */
async function listPullFiles(octokit, r, pullNumber, expected) {
    const out = [];
    const pages = Math.max(1, Math.ceil(Math.min(expected || 1, FILES_CAP) / 100));
    // Fetch the known number of pages concurrently (2 at a time is gentle on the secondary rate limit).
    const fetchPage = async (page) => (await octokit.rest.pulls.listFiles({ owner: r.owner, repo: r.repo, pull_number: pullNumber, per_page: 100, page })).data;
    const results = new Array(pages);
    let next = 1;
    const worker = async () => {
        while (next <= pages) {
            const p = next++;
            results[p - 1] = await fetchPage(p);
        }
    };
    await Promise.all([worker(), worker(), worker(), worker()].slice(0, Math.min(4, pages)));
    for (const page of results)
        for (const f of page)
            out.push(toChangedFile(f));
    // Keep paging only while the PR says there is more than we have (a full last page alone is no proof).
    let page = pages;
    while (results[page - 1]?.length === 100 && out.length < Math.min(expected || Infinity, FILES_CAP)) {
        page++;
        const more = await fetchPage(page);
        results.push(more);
        for (const f of more)
            out.push(toChangedFile(f));
    }
    return out;
}
/**
 * Reads a file at a ref through the contents API (raw). Undefined when absent (404), a directory, or a
 * submodule. Anything else that goes wrong throws (5xx after retries, timeout, network, an answer that is
 * not a file's content): a failed read is never "no file", so the rule asking is not evaluated.
 */
async function readRepoFile(octokit, r, path, ref) {
    let data;
    try {
        data = (await octokit.rest.repos.getContent({ owner: r.owner, repo: r.repo, path, ref, mediaType: { format: 'raw' } })).data;
    }
    catch (e) {
        if ((0,_client_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(e) === 404)
            return undefined;
        throw e;
    }
    if (typeof data === 'string')
        return data;
    if (data instanceof ArrayBuffer)
        return new TextDecoder().decode(data);
    if (Array.isArray(data))
        return undefined; // a directory listing
    if (data && typeof data === 'object') {
        const o = data;
        if (typeof o.content === 'string')
            return Buffer.from(o.content, 'base64').toString('utf8');
        if (o.type === 'dir' || o.type === 'submodule' || o.type === 'symlink')
            return undefined;
    }
    throw new Error(`GET /repos/${r.owner}/${r.repo}/contents/${path} at ${ref.slice(0, 12)} answered something that is not a file's content`);
}
/**
 * The PR as the event payload (or GET pulls) describes it. A payload without the PR's number or its base
 * and head SHAs is refused with a message naming the missing field (never a TypeError later on).
 */
function pullInfoFrom(pr) {
    const number = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(pr, 'number'));
    const baseSha = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(pr, 'base', 'sha'));
    const headSha = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(pr, 'head', 'sha'));
    const missing = [number === undefined && 'number', baseSha === undefined && 'base.sha', headSha === undefined && 'head.sha'].filter(Boolean);
    if (number === undefined || baseSha === undefined || headSha === undefined)
        throw new Error(`the pull request data has no ${missing.join(', ')}`);
    return {
        number,
        title: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(pr, 'title')) ?? '',
        body: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(pr, 'body')) ?? '',
        author: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(pr, 'user', 'login')) ?? '',
        labels: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .list */ .p_)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(pr, 'labels')).map((l) => (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(l) ?? (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(l, 'name')) ?? ''),
        draft: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(pr, 'draft') === true,
        baseRef: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(pr, 'base', 'ref')) ?? '',
        baseSha,
        headRef: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(pr, 'head', 'ref')) ?? '',
        headSha,
        headRepo: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(pr, 'head', 'repo', 'full_name')),
        baseRepo: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(pr, 'base', 'repo', 'full_name')) ?? '',
        changedFiles: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(pr, 'changed_files')) ?? 0,
        additions: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(pr, 'additions')),
        deletions: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(pr, 'deletions')),
        htmlUrl: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(pr, 'html_url')),
    };
}
async function fetchPull(octokit, r, pullNumber) {
    const { data } = await octokit.rest.pulls.get({ owner: r.owner, repo: r.repo, pull_number: pullNumber });
    return pullInfoFrom(data);
}
/**
 * A ChangeSet backed by the API: file contents are read once each, through the run's content store (GraphQL
 * batches, REST where GraphQL cannot vouch for a file; see src/github/contents.ts).
 */
function apiChangeSet(octokit, r, pr, files, store) {
    const contents = store ?? new _contents_js__WEBPACK_IMPORTED_MODULE_1__/* .ContentStore */ .Vh(octokit, r);
    const read = (path, ref) => contents.read(ref, path);
    const total = Math.max(pr.changedFiles, files.length);
    return {
        base: pr.baseSha,
        head: pr.headSha,
        files,
        totalFiles: total,
        truncated: total > files.length,
        readHead: (p) => read(p, pr.headSha),
        readBase: (p) => read(p, pr.baseSha),
    };
}


/***/ })

};
