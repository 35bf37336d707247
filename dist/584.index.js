export const id = 584;
export const ids = [584];
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



/***/ })

};
