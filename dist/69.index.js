export const id = 69;
export const ids = [69,300,383];
export const modules = {

/***/ 53796:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QUEUE_NAME: () => (/* binding */ QUEUE_NAME),
/* harmony export */   listFailed: () => (/* binding */ listFailed),
/* harmony export */   queueOptions: () => (/* binding */ queueOptions),
/* harmony export */   replayFailed: () => (/* binding */ replayFailed),
/* harmony export */   startDurableQueue: () => (/* binding */ startDurableQueue),
/* harmony export */   withQueue: () => (/* binding */ withQueue)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var bullmq__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11365);
/* harmony import */ var bullmq__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(bullmq__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var ioredis__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(67796);
/* harmony import */ var ioredis__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(ioredis__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var bottleneck__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(62203);
/* harmony import */ var bottleneck__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(bottleneck__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _engine_run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(62515);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83916);
/**
 * The App's durable queue (issue 19): BullMQ on Redis, used when REDIS_URL is set.
 *
 *  - Admission: a verified delivery is answered 202 only once BullMQ has written its job to Redis. The job
 *    id is the X-GitHub-Delivery id, so two replicas adding the same delivery make one job; a TTL'd
 *    `SET NX EX` on the delivery id answers redeliveries 200 "duplicate" on every replica. Redis down or
 *    slow: 503 + Retry-After, GitHub lists the delivery as failed and it can be redelivered.
 *  - Workers: every replica runs a BullMQ Worker (CONCURRENCY jobs at a time). A job whose worker dies keeps
 *    its lock only QUEUE_LOCK_MS; BullMQ's stalled-job check then hands it to another worker. A job that
 *    throws is retried QUEUE_ATTEMPTS times with exponential backoff, then stays in the failed set for an
 *    operator (`pr-gate queue failed`, `pr-gate queue replay`).
 *  - One PR, latest delivery wins: each pull_request delivery takes a generation number from a per-PR
 *    counter; the generation of the newest enqueued delivery is recorded. A job older than the recorded one
 *    completes as "superseded" without evaluating, and an evaluation that sees a newer delivery arrive
 *    does not publish (the newer job runs after it and publishes the fresher state). Evaluations of one PR
 *    are serialised across replicas by a Redis lock that lives QUEUE_LOCK_MS unless renewed.
 *  - Shared pacing: the throttling plugin's Bottleneck limiters are clustered on the same Redis, keyed per
 *    installation, so N replicas keep one installation's write pacing together.
 */






const QUEUE_NAME = 'deliveries';
const ADMIT_TIMEOUT_MS = 5000;
function connect(url, extra = {}) {
    return new ioredis__WEBPACK_IMPORTED_MODULE_2__.Redis(url, {
        lazyConnect: false,
        connectTimeout: 5000,
        retryStrategy: (times) => Math.min(times * 200, 2000),
        ...extra,
    });
}
function timeout(p, ms, what) {
    let timer;
    return Promise.race([
        p,
        new Promise((_, reject) => (timer = setTimeout(() => {
            reject(new Error(`${what}: no answer from Redis within ${ms} ms`));
        }, ms))),
    ]).finally(() => {
        clearTimeout(timer);
    });
}
/** Resolves once `r` is connected (at once when it is); commands on a connection without an offline queue fail until then. */
function connected(r, ms) {
    if (r.status === 'ready')
        return Promise.resolve();
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            r.off('ready', done);
            reject(new Error(`Redis is not connected (${r.status})`));
        }, ms);
        const done = () => {
            clearTimeout(timer);
            r.off('ready', done);
            resolve();
        };
        r.on('ready', done);
    });
}
/** Sets `key` to `<generation>:<job id>` when the generation is larger than the one it holds. */
const SET_MAX = `local v = tonumber(string.match(redis.call('GET', KEYS[1]) or '0', '^(%d+)') or '0')
if tonumber(ARGV[1]) > v then redis.call('SET', KEYS[1], ARGV[1] .. ':' .. ARGV[2], 'EX', ARGV[3]) return 1 end
return 0`;
/** Extends a lock only while it is still ours. */
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
/** Deletes a lock only while it is still ours. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
function queueOptions(s) {
    return { prefix: `${s.prefix}:bull` };
}
function startDurableQueue(s, concurrency, process, log, warn) {
    try {
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(decodeURIComponent(new URL(s.url).password) || undefined);
    }
    catch {
        // loadAppConfig has checked the URL
    }
    const p = openQueue(s, log, warn);
    const worker = startWorker(p, concurrency, process);
    const throttleConnection = new (bottleneck__WEBPACK_IMPORTED_MODULE_3___default().IORedisConnection)({ client: p.throttleClient, Redis: ioredis__WEBPACK_IMPORTED_MODULE_2__.Redis });
    throttleConnection.on('error', p.onError('throttle'));
    return {
        admit: (d) => admitDelivery(p, d),
        throttleConnection,
        active: () => p.running.size,
        async ready() {
            try {
                const answer = await timeout(p.producer.ping(), 1000, 'ping'); // what the server (or a proxy) answered
                return answer === 'PONG';
            }
            catch {
                return false;
            }
        },
        async drained() {
            for (;;) {
                const c = await p.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
                if (p.running.size === 0 && Object.values(c).every((n) => n === 0))
                    return;
                await new Promise((r) => setTimeout(r, 50));
            }
        },
        close: (ms) => closeQueue(p, worker, throttleConnection, ms),
    };
}
/** One of the App's keys: the prefix and `parts`, joined by `:`. */
function keyOf(s, ...parts) {
    return [s.prefix, ...parts].join(':');
}
/** Connects the producer, the worker's and the throttle's connections, defines the Lua commands, opens the queue. */
function openQueue(s, log, warn) {
    const producer = connect(s.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    const workerConnection = connect(s.url, { maxRetriesPerRequest: null });
    const throttleClient = connect(s.url, { maxRetriesPerRequest: null });
    let lastError = '';
    const onError = (what) => (e) => {
        const m = `${what}: ${(0,_engine_run_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(e)}`;
        if (m !== lastError)
            warn(`redis ${m}`);
        lastError = m;
    };
    producer.on('error', onError('connection'));
    workerConnection.on('error', onError('worker connection'));
    throttleClient.on('error', onError('throttle connection'));
    producer.on('ready', () => {
        if (lastError)
            log('redis: connected again');
        lastError = '';
    });
    producer.defineCommand('prGateSetMax', { numberOfKeys: 1, lua: SET_MAX });
    workerConnection.defineCommand('prGateRenew', { numberOfKeys: 1, lua: RENEW });
    workerConnection.defineCommand('prGateRelease', { numberOfKeys: 1, lua: RELEASE });
    const queue = new bullmq__WEBPACK_IMPORTED_MODULE_1__.Queue(QUEUE_NAME, { connection: producer, ...queueOptions(s) });
    queue.on('error', onError('queue'));
    return { s, producer, workerConnection, throttleClient, queue, running: new Map(), onError, warn, closing: false };
}
/**
 * The delivery id's key holds `pending:<ms>` while a replica enqueues it, then `queued`. A second receipt
 * once it is queued is a duplicate. While it is pending (another replica enqueues it right now, or died
 * doing so) the answer is "in progress" (503, try again): never 200, which would tell GitHub it is
 * delivered when it may not be. A pending older than twice the admission timeout is a receipt that failed
 * and is taken over.
 */
async function admitDelivery(p, d) {
    const { s, producer, queue } = p;
    const dkey = keyOf(s, 'delivery', d.id);
    let mine = false; // set inside the enqueue closure below, which control-flow analysis does not follow
    try {
        return await timeout((async () => {
            await connected(producer, 1000);
            const now = Date.now();
            mine = (await producer.set(dkey, `pending:${now}`, 'EX', s.dedupeTtlS, 'NX')) === 'OK';
            if (!mine) {
                const seen = await producer.get(dkey);
                const since = Number(/^pending:(\d+)$/.exec(seen ?? '')?.[1] ?? NaN);
                if (seen === 'queued')
                    return { kind: 'duplicate' };
                if (now - since < 2 * ADMIT_TIMEOUT_MS)
                    return { kind: 'in-progress' };
                await producer.set(dkey, `pending:${now}`, 'EX', s.dedupeTtlS);
                mine = true;
            }
            const job = { ...d };
            if (d.key)
                job.gen = await producer.incr(keyOf(s, 'gen', d.key));
            await queue.add(d.name, job, {
                jobId: d.id,
                attempts: s.attempts,
                backoff: { type: 'exponential', delay: s.backoffMs },
                removeOnComplete: { age: s.dedupeTtlS, count: 100_000 },
                removeOnFail: { age: 30 * 86_400 },
            });
            if (d.key && job.gen !== undefined)
                await producer.prGateSetMax(keyOf(s, 'latest', d.key), job.gen, d.id, s.dedupeTtlS);
            await producer.call('SET', dkey, 'queued', 'XX', 'KEEPTTL');
            return { kind: 'accepted' };
        })(), ADMIT_TIMEOUT_MS, 'enqueue');
    }
    catch (e) {
        // Not enqueued (as far as this replica knows): forget the id so GitHub's redelivery is taken.
        if (mine)
            await producer.del(dkey).catch(() => undefined);
        return { kind: 'unavailable', reason: (0,_engine_run_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(e) };
    }
}
/** Whether a newer delivery than generation `gen` of `key` was enqueued (the same job added twice is not newer). */
async function newerThan(p, key, gen, id) {
    const [g, by] = ((await p.workerConnection.get(keyOf(p.s, 'latest', key))) ?? '0:').split(/:(.*)/s);
    return Number(g) > gen && by !== id;
}
/** Cross-replica lock of one PR: taken with SET NX PX, renewed every third of its life, released if still ours. */
async function exclusive(p, key, fn) {
    const { s, workerConnection } = p;
    const lock = keyOf(s, 'lock', key);
    const token = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)();
    for (let wait = 50;; wait = Math.min(wait * 2, 1000)) {
        if ((await workerConnection.set(lock, token, 'PX', s.lockMs, 'NX')) === 'OK')
            break;
        if (p.closing)
            throw new Error('shutting down while waiting for the lock of the pull request');
        await new Promise((r) => setTimeout(r, wait));
    }
    const renew = setInterval(() => void workerConnection.prGateRenew(lock, token, s.lockMs).catch(() => undefined), Math.max(100, Math.floor(s.lockMs / 3)));
    try {
        return await fn();
    }
    finally {
        clearInterval(renew);
        await workerConnection.prGateRelease(lock, token).catch(() => undefined);
    }
}
/** The worker that runs jobs with `process`, and says when a try failed or a worker stalled. */
function startWorker(p, concurrency, process) {
    const { s, running, warn } = p;
    const worker = new bullmq__WEBPACK_IMPORTED_MODULE_1__.Worker(QUEUE_NAME, async (job) => {
        const d = job.data;
        running.set(job.id ?? d.id, `${d.name}${d.action ? `.${d.action}` : ''}`);
        try {
            const superseded = async () => (d.key && d.gen !== undefined ? newerThan(p, d.key, d.gen, d.id) : false);
            return await process(d, {
                attempt: job.attemptsMade + 1,
                resumed: job.attemptsStarted > 1 || job.attemptsMade > 0 || job.stalledCounter > 0,
                superseded,
                exclusive: (key, fn) => exclusive(p, key, fn),
            });
        }
        finally {
            running.delete(job.id ?? d.id);
        }
    }, {
        connection: p.workerConnection,
        ...queueOptions(s),
        concurrency,
        lockDuration: s.lockMs,
        stalledInterval: Math.max(500, Math.floor(s.lockMs / 2)),
        maxStalledCount: 2,
        autorun: true,
    });
    worker.on('error', p.onError('worker'));
    worker.on('failed', (job, e) => {
        if (!job || e instanceof bullmq__WEBPACK_IMPORTED_MODULE_1__.DelayedError)
            return;
        const left = (job.opts.attempts ?? 1) - job.attemptsMade;
        if (left > 0)
            warn(`delivery ${job.id} failed (try ${job.attemptsMade} of ${job.opts.attempts}): ${(0,_engine_run_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(e)}; retried with backoff`);
        else
            warn(`delivery ${job.id} FAILED after ${job.attemptsMade} tries: ${(0,_engine_run_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(e)}; ` +
                `it is in the failed set (pr-gate queue failed / pr-gate queue replay ${job.id})`);
    });
    worker.on('stalled', (id) => {
        warn(`delivery ${id}: its worker stopped answering (died?); the job is handed to another worker`);
    });
    return worker;
}
/** Stop taking jobs; wait up to `ms` for the running ones, then leave them to the stalled-job check of another replica. */
async function closeQueue(p, worker, throttleConnection, ms) {
    p.closing = true;
    let timer;
    const done = await Promise.race([
        worker.close().then(() => true),
        new Promise((r) => (timer = setTimeout(() => {
            r(false);
        }, ms))),
    ]);
    clearTimeout(timer);
    const unfinished = [...p.running.keys()];
    if (!done) {
        for (const [id, label] of p.running)
            p.warn(`delivery ${id} (${label}) still running at shutdown: ` +
                `it stays in Redis and another replica retries it once its lock (${p.s.lockMs} ms) expires`);
        await worker.close(true).catch(() => undefined);
    }
    await p.queue.close().catch(() => undefined);
    await throttleConnection.disconnect(false).catch(() => undefined);
    for (const r of [p.producer, p.workerConnection, p.throttleClient])
        r.disconnect();
    return { unfinished };
}
/** The operator's view of the failed set, and replay (`pr-gate queue`). */
async function withQueue(s, fn) {
    const connection = connect(s.url, { maxRetriesPerRequest: 1, retryStrategy: () => null });
    connection.on('error', () => undefined);
    const queue = new bullmq__WEBPACK_IMPORTED_MODULE_1__.Queue(QUEUE_NAME, { connection, ...queueOptions(s) });
    queue.on('error', () => undefined);
    try {
        await timeout(connection.ping(), 5000, 'ping');
        return await fn(queue);
    }
    finally {
        await queue.close().catch(() => undefined);
        connection.disconnect();
    }
}
async function listFailed(q, limit = 1000) {
    const jobs = await q.getFailed(0, limit - 1);
    return jobs.map((j) => ({
        id: j.id ?? '?',
        event: `${j.data.name}${j.data.action ? `.${j.data.action}` : ''}`,
        tries: j.attemptsMade,
        failedAt: j.finishedOn ? new Date(j.finishedOn).toISOString() : undefined,
        reason: j.failedReason ?? '', // absent on a job stored without one
    }));
}
/** Moves failed jobs back to the queue; returns the ids replayed and those not found in the failed set. */
async function replayFailed(q, ids) {
    const replayed = [];
    const missing = [];
    const jobs = ids === 'all' ? await q.getFailed(0, -1) : await Promise.all(ids.map(async (id) => (await q.getJob(id)) ?? id));
    for (const j of jobs) {
        if (typeof j === 'string') {
            missing.push(j);
            continue;
        }
        if ((await j.getState()) !== 'failed') {
            missing.push(j.id ?? '?');
            continue;
        }
        // A replay is a fresh set of tries.
        await j.retry('failed', { resetAttemptsMade: true });
        replayed.push(j.id ?? '?');
    }
    return { replayed, missing };
}


/***/ }),

/***/ 86375:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PACED_MS: () => (/* binding */ PACED_MS),
  WEBHOOK_PATHS: () => (/* binding */ WEBHOOK_PATHS),
  serve: () => (/* binding */ serve),
  startApp: () => (/* binding */ startApp)
});

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/@octokit/webhooks/dist-bundle/index.js + 1 modules
var dist_bundle = __webpack_require__(95468);
// EXTERNAL MODULE: ./src/engine/run.ts
var run = __webpack_require__(62515);
// EXTERNAL MODULE: ./src/json.ts
var json = __webpack_require__(8301);
// EXTERNAL MODULE: ./node_modules/@octokit/auth-app/dist-node/index.js + 9 modules
var dist_node = __webpack_require__(76479);
// EXTERNAL MODULE: ./node_modules/@octokit/request/dist-bundle/index.js + 3 modules
var request_dist_bundle = __webpack_require__(57561);
// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(96584);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/app/auth.ts
/**
 * The App's identity: a JWT for the App itself, installation tokens per delivery (@octokit/auth-app
 * caches them until shortly before they expire), and an Octokit per installation token built with the
 * same client as the Action (throttling + retry).
 */




function createAuth(config, log, throttleConnection) {
    const req = request_dist_bundle/* request */.E.defaults({ baseUrl: config.apiUrl, headers: { 'user-agent': 'pr-quality-gate-app' } });
    const auth = (0,dist_node/* createAppAuth */.K)({ appId: config.appId, privateKey: config.privateKey, request: req });
    let bot = config.botLogin ? Promise.resolve(config.botLogin) : undefined;
    return {
        async installationClient(installationId) {
            let token;
            try {
                token = (await auth({ type: 'installation', installationId })).token;
            }
            catch (e) {
                throw new Error((0,client.describeApiError)(`installation token for installation ${installationId}`, e));
            }
            // Per-installation pacing, every write a second apart (no run burst): an installation is many PRs.
            return (0,client.createClient)({
                token,
                baseUrl: config.apiUrl,
                log,
                throttleId: `installation-${installationId}`,
                throttle: config.throttle !== false,
                writeBurst: false,
                throttleConnection,
            });
        },
        botLogin() {
            bot ??= (async () => {
                try {
                    const { token } = await auth({ type: 'app' });
                    (0,errors/* registerSecret */.cl)(token); // the App's JWT: redacted from any message that echoes it
                    const { data } = await req('GET /app', { headers: { authorization: `bearer ${token}` } });
                    return `${data.slug ?? 'pr-quality-gate'}[bot]`;
                }
                catch (e) {
                    bot = undefined; // retry on the next delivery
                    log(`${(0,client.describeApiError)('GET /app', e)}; set APP_BOT_LOGIN to <app-slug>[bot]`);
                    return 'pr-quality-gate[bot]';
                }
            })();
            return bot;
        },
    };
}

// EXTERNAL MODULE: ./src/github/remote-policy.ts
var remote_policy = __webpack_require__(58808);
// EXTERNAL MODULE: ./src/policy/schema.ts + 1 modules
var schema = __webpack_require__(21458);
// EXTERNAL MODULE: ./src/pipeline/decision.ts
var decision = __webpack_require__(94126);
// EXTERNAL MODULE: ./src/github/source.ts
var source = __webpack_require__(51094);
// EXTERNAL MODULE: ./src/github/evaluate.ts + 4 modules
var github_evaluate = __webpack_require__(80223);
// EXTERNAL MODULE: ./src/github/publish-verdict.ts + 1 modules
var publish_verdict = __webpack_require__(2081);
// EXTERNAL MODULE: ./src/github/publish.ts
var publish = __webpack_require__(77184);
// EXTERNAL MODULE: ./src/release/evaluate.ts
var evaluate = __webpack_require__(26430);
// EXTERNAL MODULE: ./src/report/release.ts
var release = __webpack_require__(91383);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
;// CONCATENATED MODULE: ./src/app/pulls.ts
/**
 * One pull request at a time (issue 13, item 5). Deliveries for the same PR can arrive out of order and be
 * evaluated in parallel; a slow evaluation of an older state then published last and won. Here:
 *
 *  - `exclusive(key, fn)`: evaluations of one PR (installation + repository + number) run one after the
 *    other, in the order they asked, whatever event started them (pull_request, check_run, check_suite).
 *  - Each evaluation gets a sequence number when it starts (it then reads the PR from the API), so a later
 *    number means a fresher reading. `isStale` tells an evaluation that a later one has already published:
 *    its result is older than what GitHub shows, and it must not be written.
 *
 * The memory is per process and bounded (the `max` most recent PRs).
 */
class PullRequestLocks {
    max;
    tails = new Map();
    published = new Map();
    seq = 0;
    constructor(max = 10_000) {
        this.max = max;
    }
    /** Runs `fn` once every earlier evaluation of `key` has finished; `fn` gets this evaluation's sequence number. */
    async exclusive(key, fn) {
        const before = this.tails.get(key) ?? Promise.resolve();
        let release;
        const mine = new Promise((resolve) => (release = resolve));
        const tail = before.then(() => mine);
        this.tails.set(key, tail);
        await before;
        try {
            return await fn(++this.seq);
        }
        finally {
            release();
            if (this.tails.get(key) === tail)
                this.tails.delete(key);
        }
    }
    /** True when an evaluation that started after `seq` has already published for `key`. */
    isStale(key, seq) {
        return (this.published.get(key) ?? 0) > seq;
    }
    /** Records that evaluation `seq` published for `key` (never moves backwards). */
    markPublished(key, seq) {
        if ((this.published.get(key) ?? 0) >= seq)
            return;
        this.published.delete(key);
        this.published.set(key, seq);
        while (this.published.size > this.max)
            this.published.delete(this.published.keys().next().value);
    }
}
function pullKey(installationId, owner, repo, number) {
    return `${installationId}/${owner.toLowerCase()}/${repo.toLowerCase()}#${number}`;
}

;// CONCATENATED MODULE: ./src/app/handlers.ts
/**
 * What the App does per event. It translates webhook payloads into the SAME pipelines as the Action:
 * `evaluatePullRequest` + `publishVerdict` for pull requests, `evaluateRelease` for deployment protection
 * rules. It decides nothing: the engine concludes; here the conclusion is only mapped to the callback's
 * `approved` / `rejected`.
 *
 * The App has no workspace: rules that read report files (coverage, scanner output) find none, exactly
 * like a policy without reports (see docs/app.md).
 */














/** No workspace: no report files. */
const NO_WORKSPACE = { findReports: () => Promise.resolve([]) };
let processOrgPolicies;
/** The reader of `github:` extends for one delivery: the installation's token, the installation's cache. */
function orgPolicyReader(d, octokit, installationId) {
    const caches = d.orgPolicies ?? (processOrgPolicies ??= new remote_policy.RemotePolicyCaches());
    return new remote_policy.RemotePolicyReader(octokit, { cache: caches.forInstallation(installationId), accessHint: remote_policy.APP_ACCESS_HINT, log: d.log });
}
let processLocks;
const locksOf = (d) => d.pulls ?? (processLocks ??= new PullRequestLocks());
function repoOf(payload) {
    const r = payload.repository;
    const fullName = ((0,json/* str */.gx)((0,json.at)(r, 'full_name')) ?? '').split('/');
    return { owner: (0,json/* str */.gx)((0,json.at)(r, 'owner', 'login')) ?? fullName[0], repo: (0,json/* str */.gx)((0,json.at)(r, 'name')) ?? fullName[1] };
}
function installationOf(payload) {
    const id = (0,json.at)(payload, 'installation', 'id');
    if (typeof id !== 'number')
        throw new Error('the delivery carries no installation id: is it from this App?');
    return id;
}
/** Publishing retries after a rate limit (each waits `retry-after`, at most MAX_RETRY_AFTER_S). */
const PUBLISH_RETRIES = 3;
const MAX_RETRY_AFTER_S = 60;
/** GitHub's advice when a secondary rate limit names no retry-after: wait at least a minute. */
const DEFAULT_RETRY_AFTER_S = 60;
/**
 * Seconds GitHub asks to wait when `e` is a rate limit (403/429 with retry-after, a secondary rate limit
 * message, or the primary limit exhausted), else undefined.
 */
function retryAfterOf(e, nowMs = Date.now()) {
    const status = (0,client.statusOf)(e);
    if (status !== 403 && status !== 429)
        return undefined;
    const headers = (0,json.at)(e, 'response', 'headers');
    const header = (name) => {
        const v = (0,json.at)(headers, name);
        return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
    };
    const after = Number(header('retry-after'));
    if (header('retry-after') !== undefined && Number.isFinite(after) && after >= 0)
        return after;
    if (header('x-ratelimit-remaining') === '0') {
        const reset = Number(header('x-ratelimit-reset'));
        if (Number.isFinite(reset))
            return Math.max(0, Math.ceil(reset - nowMs / 1000) + 1);
    }
    if (/secondary rate limit/i.test((0,run/* errorMessage */.gJ)(e)) || status === 429)
        return DEFAULT_RETRY_AFTER_S;
    return undefined;
}
/** Records the longest retry-after of the rate-limited answers this client gets (the throttling plugin's own retries included). */
function watchRateLimits(octokit) {
    let seen;
    octokit.hook.error('request', (error) => {
        const after = retryAfterOf(error);
        if (after !== undefined)
            seen = Math.max(seen ?? 0, after);
        throw error;
    });
    return {
        take() {
            const s = seen;
            seen = undefined;
            return s;
        },
    };
}
function sleep(ms, signal) {
    if (signal?.aborted)
        return Promise.resolve(false);
    return new Promise((resolve) => {
        const done = (ok) => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            resolve(ok);
        };
        const onAbort = () => {
            done(false);
        };
        const timer = setTimeout(() => {
            done(true);
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
/**
 * Evaluates one PR and publishes the verdict, exactly like the Action (no report files, no run URL).
 *
 * One evaluation per PR at a time (`PullRequestLocks`); the PR (labels, body, head SHA) is read from the
 * API when the evaluation starts, never from the delivery's snapshot, which may be older than a delivery
 * already handled. `expectHead`: only evaluate while the head is still that SHA (re-runs of a check).
 *
 * The verdict must reach GitHub: when neither the check run nor the commit status could be written
 * because of a rate limit, publishing is tried again after `retry-after` (bounded); a verdict that is
 * finally not written throws, so the delivery counts as failed and its id is logged. A result is never
 * written once a later evaluation of the same PR has published.
 */
async function gatePullRequest(d, octokit, installationId, repo, number, expectHead) {
    // repoOf reads what the payload has: a delivery naming no repository is refused by name, not by a TypeError.
    if (typeof repo.owner !== 'string' || typeof repo.repo !== 'string' || !repo.owner || !repo.repo)
        throw new Error('the delivery names no repository (repository.owner.login and repository.name)');
    const locks = locksOf(d);
    const key = pullKey(installationId, repo.owner, repo.repo, number);
    const name = `${repo.owner}/${repo.repo}#${number}`;
    const evaluate = async (seq) => {
        const { data } = await octokit.rest.pulls.get({ owner: repo.owner, repo: repo.repo, pull_number: number });
        if (data.state === 'closed')
            return `${name}: skipped, closed`;
        const pr = (0,source/* pullInfoFrom */.Kx)(data);
        if (expectHead && pr.headSha !== expectHead)
            return `${name}: skipped, its head moved to ${pr.headSha.slice(0, 12)}`;
        const remotePolicy = orgPolicyReader(d, octokit, installationId);
        const { verdict, policy, comments } = await (0,github_evaluate/* evaluatePullRequest */.qd)({
            octokit,
            repo,
            pr,
            policyPath: d.config.policyPath,
            evidence: NO_WORKSPACE,
            log: d.log,
            remotePolicy,
        });
        const limits = watchRateLimits(octokit);
        let comment = d.config.comment;
        for (let attempt = 0;; attempt++) {
            if (locks.isStale(key, seq))
                return `${name}: not published, a later evaluation already was (head ${pr.headSha.slice(0, 12)})`;
            if (await d.superseded?.())
                return (`${name}: not published, a later delivery for this pull request ` +
                    `is queued and publishes instead (head ${pr.headSha.slice(0, 12)})`);
            limits.take();
            const published = await (0,publish_verdict/* publishVerdict */.T)({
                octokit,
                repo,
                pr,
                verdict,
                comments,
                checkName: d.config.checkName,
                comment,
                commentMode: policy?.comment,
                commentAuthor: await d.auth.botLogin(),
                serverUrl: d.config.serverUrl,
                labelPrefix: policy?.waivers.label_prefix ?? schema/* DEFAULT_LABEL_PREFIX */.qu,
                log: d.log,
                warn: d.warn,
                // A publish retried after a rate limit may follow a check run created before a later write failed.
                checkRun: d.delivery
                    ? { appId: Number(d.config.appId), externalId: d.delivery.id, lookup: d.delivery.resumed || attempt > 0 }
                    : undefined,
            });
            const retryAfter = limits.take();
            if (published.commentId !== undefined)
                comment = false; // written: not again on a retry
            const done = `${name}: ${verdict.conclusion} \u2014 ${verdict.title}`;
            if (published.checkRunId !== undefined || published.usedStatus) {
                // The verdict is on GitHub (a sticky comment lost on the way has been warned about).
                locks.markPublished(key, seq);
                return attempt ? `${done} (published after ${attempt} rate-limit ${attempt === 1 ? 'retry' : 'retries'})` : done;
            }
            const lost = `${name}: the verdict (${verdict.conclusion}) was not published, ` + `neither the check run nor the commit status could be written`;
            if (retryAfter === undefined)
                throw new Error(lost);
            if (attempt >= PUBLISH_RETRIES)
                throw new Error(`${lost}: still rate limited after ${PUBLISH_RETRIES} retries`);
            const wait = Math.min(retryAfter, MAX_RETRY_AFTER_S);
            d.warn(`${name}: rate limited while publishing; retry ${attempt + 1} of ${PUBLISH_RETRIES} in ${wait}s`);
            if (!(await sleep(wait * 1000, d.stopping)))
                throw new Error(`${lost}: rate limited, and the server is shutting down`);
        }
    };
    const shared = d.exclusive;
    return locks.exclusive(key, (seq) => (shared ? shared(key, () => evaluate(seq)) : evaluate(seq)));
}
const PULL_REQUEST_ACTIONS = ['opened', 'synchronize', 'reopened', 'ready_for_review', 'labeled', 'unlabeled', 'edited'];
/** Reviews and comments can give (or take back) a `/gate waive` waiver: they re-evaluate the PR. */
const REVIEW_ACTIONS = ['submitted', 'edited', 'dismissed'];
const REVIEW_COMMENT_ACTIONS = ['created', 'edited', 'deleted'];
const ISSUE_COMMENT_ACTIONS = ['created', 'edited', 'deleted'];
/** The PR a delivery is about: `pull_request.number`, or for `issue_comment` the issue when it is a PR. */
function pullNumberOf(event, payload) {
    if (event === 'pull_request' || event === 'pull_request_review' || event === 'pull_request_review_comment')
        return (0,json/* num */.bu)((0,json.at)(payload, 'pull_request', 'number'));
    if (event === 'issue_comment' && (0,json.at)(payload, 'issue', 'pull_request') !== undefined)
        return (0,json/* num */.bu)((0,json.at)(payload, 'issue', 'number'));
    return undefined;
}
/** The key that serialises deliveries of one PR (see PullRequestLocks), or undefined for another event. */
function deliveryKey(event, payload) {
    const installationId = (0,json.at)(payload, 'installation', 'id');
    // A review or comment that evaluates nothing must not be coalesced with (and so replace) one that does.
    if (event !== 'pull_request' && typeof reviewOrCommentTarget(event, payload) === 'string')
        return undefined;
    const number = pullNumberOf(event, payload);
    const p = (0,json/* obj */.WL)(payload);
    if (typeof installationId !== 'number' || typeof number !== 'number' || !p)
        return undefined;
    const { owner, repo } = repoOf(p);
    if (!owner || !repo)
        return undefined;
    return pullKey(installationId, owner, repo, number);
}
/** The PR is read again from the API when its evaluation starts: the payload only says which PR. */
async function onPullRequest(d, payload) {
    const pr = payload.pull_request;
    if (!pr || (0,json.at)(pr, 'state') === 'closed')
        return 'skipped: closed pull request';
    const number = (0,json/* num */.bu)((0,json.at)(pr, 'number'));
    if (number === undefined)
        throw new Error('the pull request data has no number');
    const repo = repoOf(payload);
    const installationId = installationOf(payload);
    const octokit = await d.auth.installationClient(installationId);
    return gatePullRequest(d, octokit, installationId, repo, number);
}
/** The PR a review or comment delivery re-evaluates, or why it re-evaluates none. */
function reviewOrCommentTarget(event, payload) {
    const number = pullNumberOf(event, payload);
    if (number === undefined)
        return event === 'issue_comment' ? 'a comment on an issue, not a pull request' : 'the payload names no pull request';
    const item = event === 'pull_request_review' ? (0,json.at)(payload, 'review') : (0,json.at)(payload, 'comment');
    const author = (0,json.at)(item, 'user');
    if ((0,json/* str */.gx)((0,json.at)(author, 'type')) === 'Bot' || /\[bot\]$/.test((0,json/* str */.gx)((0,json.at)(author, 'login')) ?? ''))
        return `${event} by a bot`;
    const dismissed = event === 'pull_request_review' && (0,json.at)(payload, 'action') === 'dismissed';
    if (!dismissed && !carriesWaiver((0,json.at)(item, 'body'), (0,json.at)(payload, 'changes', 'body', 'from')))
        return (`the ${event === 'issue_comment' ? 'comment' : event === 'pull_request_review' ? 'review' : 'review comment'} ` +
            `carries no /gate waive`);
    const state = event === 'issue_comment' ? (0,json.at)(payload, 'issue', 'state') : (0,json.at)(payload, 'pull_request', 'state');
    if (state === 'closed')
        return 'closed pull request';
    return { number };
}
/** A body (or the body before an edit) carrying `/gate waive`: the only comments that can change a verdict. */
function carriesWaiver(...bodies) {
    return bodies.some((b) => typeof b === 'string' && /(^|\n)\s*(?:>\s*)*\/gate\s+waive\b/i.test(b));
}
/**
 * A review, a review comment or a conversation comment: re-evaluate the PR when it gives or takes back a
 * `/gate waive` (its text now, or before an edit; a dismissed review always, since it may have carried one).
 * Comments by bots are skipped (the gate's own sticky comment must not re-trigger the gate), as are comments
 * on issues that are not pull requests. The PR, its reviews and comments are read from the API, never from
 * the payload: the delivery only says which PR to look at.
 */
async function onReviewOrComment(d, payload, event) {
    const target = reviewOrCommentTarget(event, payload);
    if (typeof target === 'string')
        return `skipped: ${target}`;
    const number = target.number;
    const repo = repoOf(payload);
    const installationId = installationOf(payload);
    const octokit = await d.auth.installationClient(installationId);
    return gatePullRequest(d, octokit, installationId, repo, number);
}
/** "Re-run" on the check: evaluate again every open PR whose head is that SHA. */
async function onCheckRunRerequested(d, payload) {
    const run = payload.check_run;
    const name = (0,json.at)(run, 'name');
    if (!run || name !== d.config.checkName)
        return `skipped: check run ${JSON.stringify(name)} is not ${d.config.checkName}`;
    return rerunHead(d, payload, (0,json.at)(run, 'head_sha'), (0,json.at)(run, 'pull_requests'));
}
/**
 * "Re-run all checks" on the App's check suite. GitHub sends `check_suite.rerequested` only to the App the
 * suite belongs to, so every suite it names is ours; a delivery for another App id is skipped anyway.
 */
async function onCheckSuiteRerequested(d, payload) {
    const suite = payload.check_suite;
    if (!suite)
        return 'skipped: the payload has no check_suite';
    const id = (0,json.at)(suite, 'app', 'id');
    const appId = id === undefined ? undefined : (0,json/* textOf */.b6)(id, 'null'); // a number from GitHub; anything else is not ours
    if (appId !== undefined && appId !== d.config.appId)
        return `skipped: the check suite belongs to App ${appId}, not ${d.config.appId}`;
    return rerunHead(d, payload, (0,json.at)(suite, 'head_sha'), (0,json.at)(suite, 'pull_requests'));
}
/** Evaluates again every open PR whose head is `sha`: those listed, else those the API associates with it. */
async function rerunHead(d, payload, sha, listed) {
    if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/.test(sha))
        return `skipped: no head SHA in the payload (${JSON.stringify(sha)})`;
    const repo = repoOf(payload);
    const installationId = installationOf(payload);
    const octokit = await d.auth.installationClient(installationId);
    let numbers = (0,json/* list */.p_)(listed)
        .map((p) => (0,json.at)(p, 'number'))
        .filter((n) => typeof n === 'number');
    if (!numbers.length) {
        // Fork PRs are not listed on check runs and suites: find the open PRs of that head SHA.
        const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
            owner: repo.owner,
            repo: repo.repo,
            commit_sha: sha,
            per_page: 100,
        });
        numbers = data.filter((p) => p.state === 'open' && p.head.sha === sha).map((p) => p.number);
    }
    if (!numbers.length)
        return `skipped: no open pull request has head ${sha.slice(0, 12)}`;
    const out = [];
    for (const n of [...new Set(numbers)])
        out.push(await gatePullRequest(d, octokit, installationId, repo, n, sha));
    return out.join('; ');
}
/** The run id in `\u2026/actions/runs/{run_id}/deployment_protection_rule`. */
function runIdFromCallback(url) {
    const m = /\/actions\/runs\/(\d+)\/deployment_protection_rule\/?$/.exec(url ?? '');
    return m ? Number(m[1]) : undefined;
}
/**
 * A deployment waits for this App: evaluate the release (the deployment's SHA against the environment's
 * last successful deployment) and approve or reject it. An evaluation that cannot complete rejects (fails
 * closed) with the reason. The review goes to the callback's run through the configured API URL (the
 * installation token is never sent to a URL taken from the payload).
 */
async function onDeploymentProtectionRule(d, payload) {
    const environment = (0,json/* str */.gx)(payload.environment);
    const deployment = payload.deployment;
    const sha = (0,json/* str */.gx)((0,json.at)(deployment, 'sha'));
    const deploymentId = (0,json.at)(deployment, 'id');
    const runId = runIdFromCallback((0,json/* str */.gx)(payload.deployment_callback_url));
    if (!environment || !sha || !runId)
        return 'skipped: the payload lacks environment, deployment.sha or a deployment_callback_url';
    const repo = repoOf(payload);
    const installationId = installationOf(payload);
    const octokit = await d.auth.installationClient(installationId);
    let state;
    let comment;
    try {
        // Only this App's own gate results count: its check runs (by App id) and statuses by its bot.
        const gateIdentity = { apps: [{ id: Number(d.config.appId) }], statusCreators: [await d.auth.botLogin()] };
        const e = await (0,evaluate.evaluateRelease)({
            octokit,
            repo,
            base: 'auto',
            head: sha,
            environment,
            excludeDeploymentId: (0,json/* num */.bu)(deploymentId),
            checkName: d.config.checkName,
            gateIdentity,
            policyPath: d.config.policyPath,
            evidence: NO_WORKSPACE,
            remotePolicy: orgPolicyReader(d, octokit, installationId),
        });
        state = (0,decision/* deploymentDecision */.gj)(e.verdict);
        const links = { repoUrl: `${d.config.serverUrl}/${repo.owner}/${repo.repo}` };
        const check = await (0,publish/* createCheckRun */._U)(octokit, repo, (0,release.releaseCheckRun)(e, { checkName: d.config.checkName, environment, links, limit: markdown/* CHECK_TEXT_LIMIT */.jO }));
        if (!check.ok)
            d.warn(check.message);
        comment = (0,release.reviewComment)(e.verdict, e.facts, check.ok ? check.value.url : undefined);
    }
    catch (err) {
        state = 'rejected';
        comment = `Rejected by pr-quality-gate: the release could not be evaluated (${(0,run/* errorMessage */.gJ)(err).slice(0, 800)}).`;
    }
    try {
        await octokit.rest.actions.reviewCustomGatesForRun({
            owner: repo.owner,
            repo: repo.repo,
            run_id: runId,
            environment_name: environment,
            state,
            comment,
        });
    }
    catch (err) {
        throw new Error((0,client.describeApiError)(`review deployment protection rule of run ${runId}`, err));
    }
    return `${repo.owner}/${repo.repo} deployment ${String(deploymentId)} to ${environment}: ${state}`;
}

// EXTERNAL MODULE: ./src/app/queue.ts
var app_queue = __webpack_require__(53796);
;// CONCATENATED MODULE: ./src/app/server.ts
/**
 * `pr-gate serve`: the GitHub App's webhook server (node:http + @octokit/webhooks for dispatch).
 *
 *  - POST /api/github/webhooks (or /): everything the headers decide is decided before the body is read
 *    (no or malformed X-Hub-Signature-256: 401; not JSON: 415; no event/delivery id: 400; Content-Length
 *    above the cap: 413). The body is then streamed through HMAC-SHA256 and kept (up to the cap, within a
 *    budget of bytes being received at once) only to be parsed once the signature matches; a mismatch is
 *    401 and nothing else happens. A verified delivery is answered 202 at once and evaluated in the
 *    background by a bounded queue: CONCURRENCY at a time, MAX_QUEUE waiting, and never more than can
 *    finish within the shutdown budget; beyond that 503 + Retry-After, so GitHub shows the delivery as
 *    failed and it can be redelivered.
 *  - Deliveries of one PR are never evaluated in parallel; those arriving while one waits or runs collapse
 *    into one evaluation after it (handlers.ts reads the PR from the API when it starts).
 *  - Redeliveries (same X-GitHub-Delivery) within the last DEDUPE_SIZE ids are answered 200 and dropped.
 *    The memory is per process: behind a load balancer each replica may see a redelivery once, which is
 *    safe because publishing is idempotent (one sticky comment, a new check run superseding the last).
 *  - GET /healthz: 200 while serving, 503 while shutting down (the listener stays open while draining).
 *  - close(): refuse new deliveries (503), finish in-flight and queued work within SHUTDOWN_TIMEOUT_MS,
 *    then log every delivery still unfinished by id and return them (serve exits 1 when there are any).
 *
 * Stateless: no disk, no database; scale by running more replicas behind any load balancer.
 */










/** GitHub caps webhook payloads at 25 MB; the default cap (MAX_BODY_BYTES) is 25 MiB. */
const MAX_BODY = 25 * 1024 * 1024;
const WEBHOOK_PATHS = new Set(['/', '/api/github/webhooks']);
/**
 * A delivery as @octokit/webhooks' emitter takes it. Its signature was verified on receipt and its event name
 * came from GitHub's `X-GitHub-Event` header; the payload is GitHub's JSON for that event, and the handlers
 * read only the fields they check, so this one assertion is the boundary between GitHub's bytes and the types.
 */
const emitterEvent = (d) => {
    const event = { id: d.id, name: d.name, payload: d.payload };
    return event;
};
/**
 * A FIFO of jobs with at most `limit` running. Jobs with the same key (one PR) never run at the same time,
 * and a delivery whose PR already has a job waiting joins that job (coalescing): whatever number of
 * deliveries arrive for a PR while one evaluation runs, one more evaluation runs after it.
 */
class DeliveryQueue {
    limit;
    maxWaiting;
    run;
    running = new Set();
    runningKeys = new Set();
    waiting = [];
    waitingByKey = new Map();
    /** Jobs running or waiting per installation. */
    perInstallation = new Map();
    idleWaiters = [];
    constructor(limit, maxWaiting, run) {
        this.limit = limit;
        this.maxWaiting = maxWaiting;
        this.run = run;
    }
    get inFlight() {
        return this.running.size;
    }
    get queued() {
        return this.waiting.length;
    }
    /** Evaluations running or waiting (coalesced deliveries add none). */
    get depth() {
        return this.running.size + this.waiting.length;
    }
    /** Jobs running or waiting for `installation`. */
    depthOf(installation) {
        return installation === undefined ? 0 : (this.perInstallation.get(installation) ?? 0);
    }
    /** `fits(depth, installationDepth)`: whether one more evaluation can still finish within the shutdown budget. */
    push(d, key, installation, fits) {
        const same = key === undefined ? undefined : this.waitingByKey.get(key);
        if (same) {
            same.deliveries.push(d);
            return 'coalesced';
        }
        const free = this.running.size < this.limit && !(key !== undefined && this.runningKeys.has(key));
        if (!free && this.waiting.length >= this.maxWaiting)
            return 'full';
        if (!fits(this.depth + 1, this.depthOf(installation) + 1))
            return 'over-budget';
        const job = { key, installation, deliveries: [d] };
        this.waiting.push(job);
        if (installation !== undefined)
            this.perInstallation.set(installation, this.depthOf(installation) + 1);
        if (key !== undefined)
            this.waitingByKey.set(key, job);
        this.pump();
        return 'queued';
    }
    pump() {
        while (this.running.size < this.limit) {
            const i = this.waiting.findIndex((j) => j.key === undefined || !this.runningKeys.has(j.key));
            if (i < 0)
                return;
            const [job] = this.waiting.splice(i, 1);
            if (job.key !== undefined) {
                this.waitingByKey.delete(job.key);
                this.runningKeys.add(job.key);
            }
            this.running.add(job);
            void this.run(job)
                .catch(() => undefined)
                .finally(() => {
                this.running.delete(job);
                if (job.key !== undefined)
                    this.runningKeys.delete(job.key);
                this.release(job);
                this.pump();
                if (this.running.size === 0 && this.waiting.length === 0) {
                    const w = this.idleWaiters;
                    this.idleWaiters = [];
                    for (const f of w)
                        f();
                }
            });
        }
    }
    idle() {
        if (this.running.size === 0 && this.waiting.length === 0)
            return Promise.resolve();
        return new Promise((resolve) => this.idleWaiters.push(resolve));
    }
    release(job) {
        if (job.installation === undefined)
            return;
        const n = this.depthOf(job.installation) - 1;
        if (n > 0)
            this.perInstallation.set(job.installation, n);
        else
            this.perInstallation.delete(job.installation);
    }
    /** Removes every waiting job (shutdown) and returns the deliveries waiting and running. */
    abandon() {
        const waiting = this.waiting.flatMap((j) => j.deliveries);
        for (const j of this.waiting)
            this.release(j);
        this.waiting = [];
        this.waitingByKey.clear();
        return { waiting, running: [...this.running].flatMap((j) => j.deliveries) };
    }
}
/**
 * How long the accepted work takes to finish, hence whether one more evaluation still fits in the shutdown
 * budget. Two bounds, the larger wins:
 *  - the slots: evaluations \u00d7 (moving average of an evaluation's wall time, first guess 1 s) / CONCURRENCY;
 *  - GitHub's pacing, which is per installation (client pacing on): an evaluation writes a check run (one
 *    write a second) and a comment (one notifying write every 3 s), so one installation finishes about one
 *    evaluation every PACED_MS however many slots it holds.
 */
const PACED_MS = 4500;
class DrainEstimate {
    concurrency;
    budgetMs;
    paced;
    ms = 1000;
    constructor(concurrency, budgetMs, paced) {
        this.concurrency = concurrency;
        this.budgetMs = budgetMs;
        this.paced = paced;
    }
    record(ms) {
        this.ms = 0.7 * this.ms + 0.3 * Math.max(ms, 1);
    }
    drainMs(depth, installationDepth) {
        return Math.max((depth * this.ms) / this.concurrency, this.paced ? installationDepth * PACED_MS : 0);
    }
    /** 80% of the budget: the rest is margin for the estimate's error. */
    fits(depth, installationDepth) {
        return this.drainMs(depth, installationDepth) <= 0.8 * this.budgetMs;
    }
}
/** Recently seen delivery ids (insertion-ordered Map as an LRU). */
class RecentIds {
    max;
    ids = new Map();
    constructor(max) {
        this.max = max;
    }
    has(id) {
        return this.ids.has(id);
    }
    add(id) {
        this.ids.delete(id);
        this.ids.set(id, true);
        while (this.ids.size > this.max)
            this.ids.delete(this.ids.keys().next().value);
    }
    delete(id) {
        this.ids.delete(id);
    }
}
function header(req, name) {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
}
function send(res, status, body, headers = {}) {
    if (res.headersSent)
        return;
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
}
/** Why a request is refused before its body is read, or the headers of a delivery whose body may be read. */
function refuseEarly(req, maxBody) {
    const signature = header(req, 'x-hub-signature-256');
    if (!signature)
        return { refused: { status: 401, error: 'missing X-Hub-Signature-256' } };
    if (!SIGNATURE.test(signature))
        return { refused: { status: 401, error: 'X-Hub-Signature-256 is not sha256=<64 hex digits>' } };
    const type = (header(req, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json')
        return { refused: { status: 415, error: "expected content-type application/json (the App's webhook sends JSON)" } };
    const name = header(req, 'x-github-event');
    const id = header(req, 'x-github-delivery');
    if (!name || !id)
        return { refused: { status: 400, error: 'missing X-GitHub-Event or X-GitHub-Delivery' } };
    const length = header(req, 'content-length');
    if (length !== undefined && !(Number(length) <= maxBody))
        return { refused: { status: 413, error: `payload too large: more than ${maxBody} bytes` } };
    return { delivery: { signature, name, id } };
}
const SIGNATURE = /^sha256=[0-9a-f]{64}$/i;
/** Answers and closes the connection without reading what is left of the request body. */
function refuse(req, res, status, body, headers = {}) {
    if (!res.headersSent) {
        const text = JSON.stringify(body);
        res.writeHead(status, {
            'content-type': 'application/json; charset=utf-8',
            'content-length': Buffer.byteLength(text),
            connection: 'close',
            ...headers,
        });
        res.end(text);
    }
    res.once('finish', () => req.destroy());
}
async function startApp(config, options = {}) {
    const log = options.log ?? ((m) => process.stderr.write(`pr-gate serve: ${m}\n`));
    const warn = options.warn ?? ((m) => process.stderr.write(`pr-gate serve: warning: ${m}\n`));
    // REDIS_URL: the durable queue. Its worker starts taking jobs at once; `rt` below exists before the first
    // job can run (nothing is awaited until the server listens).
    const durable = config.redis
        ? (0,app_queue.startDurableQueue)(config.redis, config.concurrency, (job, ctx) => processJob(rt, job, ctx), log, warn)
        : undefined;
    const auth = options.auth ?? createAuth(config, log, durable?.throttleConnection);
    const stopping = new AbortController();
    const deps = {
        config,
        auth,
        log,
        warn,
        pulls: new PullRequestLocks(config.dedupeSize),
        stopping: stopping.signal,
        orgPolicies: new remote_policy.RemotePolicyCaches(),
    };
    const maxBody = config.maxBodyBytes ?? MAX_BODY;
    const rt = {
        config,
        options,
        log,
        warn,
        durable,
        deps,
        stopping,
        depsFor: new Map(),
        webhooks: new dist_bundle/* Webhooks */.zo({ secret: config.webhookSecret }),
        outcomes: new Map(),
        maxBody,
        bodyBudget: config.bodyBudgetBytes ?? 4 * maxBody,
        estimate: new DrainEstimate(config.concurrency, config.shutdownTimeoutMs, config.throttle !== false),
        recent: new RecentIds(config.dedupeSize),
        stats: zeroStats(),
        queue: new DeliveryQueue(config.concurrency, config.maxQueue, (job) => runJob(rt, job)),
        closing: false,
        buffering: 0,
    };
    registerHandlers(rt);
    const server = external_node_http_default().createServer((req, res) => {
        route(rt, req, res);
    });
    server.keepAliveTimeout = 5000;
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
            server.off('error', reject);
            resolve();
        });
    });
    const { port } = server.address();
    const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    const { queue } = rt;
    const statsView = new Proxy(rt.stats, {
        get(target, key) {
            if (key === 'inFlight')
                return durable ? durable.active() : queue.inFlight;
            if (key === 'queued')
                return queue.queued;
            return target[key];
        },
    });
    let closed;
    return {
        url: `http://${host}:${port}`,
        port,
        stats: statsView,
        idle: () => (durable ? durable.drained() : queue.idle()),
        close() {
            closed ??= closeApp(rt, server);
            return closed;
        },
    };
}
function zeroStats() {
    return {
        received: 0,
        accepted: 0,
        coalesced: 0,
        duplicates: 0,
        unauthorized: 0,
        busy: 0,
        processed: 0,
        failed: 0,
        dropped: 0,
        inFlight: 0,
        queued: 0,
    };
}
const label = (d) => `${d.name}${d.action ? `.${d.action}` : ''}`;
/** The handler of each event the App takes; each reports its delivery's outcome. */
function registerHandlers(rt) {
    const { webhooks } = rt;
    const handle = (fn) => async (event) => {
        rt.outcomes.set(event.id, await fn(rt.depsFor.get(event.id) ?? { ...rt.deps, delivery: { id: event.id, resumed: false } }, (0,json/* obj */.WL)(event.payload) ?? {}));
    };
    webhooks.on(PULL_REQUEST_ACTIONS.map((a) => `pull_request.${a}`), handle(onPullRequest));
    // Waivers given or taken back in reviews and comments (issue 18).
    webhooks.on(REVIEW_ACTIONS.map((a) => `pull_request_review.${a}`), handle((d, p) => onReviewOrComment(d, p, 'pull_request_review')));
    webhooks.on(REVIEW_COMMENT_ACTIONS.map((a) => `pull_request_review_comment.${a}`), handle((d, p) => onReviewOrComment(d, p, 'pull_request_review_comment')));
    webhooks.on(ISSUE_COMMENT_ACTIONS.map((a) => `issue_comment.${a}`), handle((d, p) => onReviewOrComment(d, p, 'issue_comment')));
    webhooks.on('check_run.rerequested', handle(onCheckRunRerequested));
    webhooks.on('check_suite.rerequested', handle(onCheckSuiteRerequested));
    webhooks.on('deployment_protection_rule.requested', handle(onDeploymentProtectionRule));
}
/**
 * Runs a job: the LAST delivery of the job is evaluated (the PR is read again from the API anyway); every
 * delivery in it gets the outcome.
 */
async function runJob(rt, job) {
    const { stats, log, warn } = rt;
    const t0 = performance.now();
    const last = job.deliveries[job.deliveries.length - 1];
    let ok = true;
    let message;
    try {
        await rt.webhooks.receive(emitterEvent(last));
        message = rt.outcomes.get(last.id) ?? `ignored: ${label(last)} is not handled`;
    }
    catch (e) {
        ok = false;
        message = e instanceof AggregateError && e.errors.length ? e.errors.map(run/* errorMessage */.gJ).join('; ') : (0,run/* errorMessage */.gJ)(e);
    }
    finally {
        rt.outcomes.delete(last.id);
    }
    rt.estimate.record(performance.now() - t0);
    for (const d of job.deliveries) {
        if (ok)
            stats.processed++;
        else
            stats.failed++;
        const text = d === last ? message : `coalesced into delivery ${last.id}: ${message}`;
        const r = {
            id: d.id,
            event: d.name,
            action: d.action,
            ok,
            message: text,
            ms: Math.round(performance.now() - d.started),
        };
        if (ok)
            log(`delivery ${d.id} ${label(d)}: ${text} (${r.ms} ms)`);
        else
            warn(`delivery ${d.id} ${label(d)} FAILED: ${text} (${r.ms} ms); redeliver it once the cause is fixed`);
        rt.options.onDelivery?.(r);
    }
}
/** One job of the durable queue: evaluated like an in-memory job; a throw makes BullMQ retry it. */
async function processJob(rt, job, ctx) {
    const d = { id: job.id, name: job.name, action: job.action, payload: job.payload, started: 0 };
    const report = (ok, message) => {
        const r = { id: d.id, event: d.name, action: d.action, ok, message, ms: Math.max(0, Date.now() - job.receivedAt) };
        if (ok) {
            rt.stats.processed++;
            rt.log(`delivery ${d.id} ${label(d)}: ${message} (${r.ms} ms since received${ctx.attempt > 1 ? `, try ${ctx.attempt}` : ''})`);
        }
        else
            rt.stats.failed++;
        rt.options.onDelivery?.(r);
    };
    if (await ctx.superseded()) {
        const m = 'superseded: a later delivery for the same pull request is queued';
        report(true, m);
        return m;
    }
    rt.depsFor.set(d.id, { ...rt.deps, exclusive: ctx.exclusive, superseded: ctx.superseded, delivery: { id: d.id, resumed: ctx.resumed } });
    try {
        await rt.webhooks.receive(emitterEvent(d));
        const message = rt.outcomes.get(d.id) ?? `ignored: ${label(d)} is not handled`;
        report(true, message);
        return message;
    }
    catch (e) {
        const message = e instanceof AggregateError && e.errors.length ? e.errors.map(run/* errorMessage */.gJ).join('; ') : (0,run/* errorMessage */.gJ)(e);
        report(false, message);
        throw new Error(message);
    }
    finally {
        rt.outcomes.delete(d.id);
        rt.depsFor.delete(d.id);
    }
}
/** GET /healthz, GET /readyz, POST to the webhook path; anything else is 404. */
function route(rt, req, res) {
    const { durable, queue, stats } = rt;
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'GET' && path === '/healthz') {
        send(res, rt.closing ? 503 : 200, {
            status: rt.closing ? 'shutting-down' : 'ok',
            inFlight: durable ? durable.active() : queue.inFlight,
            queued: queue.queued,
            processed: stats.processed,
            failed: stats.failed,
        });
        return;
    }
    if (req.method === 'GET' && path === '/readyz') {
        // Ready: serving and (durable queue) Redis answers. A load balancer sends deliveries only to ready replicas.
        void (async () => {
            const redis = durable ? await durable.ready() : undefined;
            const ready = !rt.closing && redis !== false;
            send(res, ready ? 200 : 503, {
                status: rt.closing ? 'shutting-down' : ready ? 'ready' : 'redis-unavailable',
                queue: durable ? 'redis' : 'memory',
                ...(durable ? { redis: redis ? 'ok' : 'unreachable' } : {}),
            });
        })();
        return;
    }
    if (req.method === 'POST' && WEBHOOK_PATHS.has(path)) {
        onWebhook(rt, req, res).catch((e) => {
            rt.warn(`request failed: ${(0,run/* errorMessage */.gJ)(e)}`);
            refuse(req, res, 500, { error: 'internal error' });
        });
        return;
    }
    refuse(req, res, 404, { error: 'not found: POST /api/github/webhooks, GET /healthz, GET /readyz' });
}
async function onWebhook(rt, req, res) {
    const { stats } = rt;
    const started = performance.now();
    stats.received++;
    // Everything that can be decided from the headers is decided before a byte of the body is read.
    const early = refuseEarly(req, rt.maxBody);
    if ('refused' in early) {
        if (early.refused.status === 401)
            stats.unauthorized++;
        refuse(req, res, early.refused.status, { error: early.refused.error });
        return;
    }
    const { name, id } = early.delivery;
    if (rt.closing) {
        refuse(req, res, 503, { error: 'shutting down' }, { 'retry-after': '30' });
        return;
    }
    const declared = Number(header(req, 'content-length') ?? 0);
    if (rt.buffering + declared > rt.bodyBudget) {
        stats.busy++;
        refuse(req, res, 503, { error: 'busy: too many request bodies being received' }, { 'retry-after': '5' });
        return;
    }
    const signature = early.delivery.signature.toLowerCase();
    const hmac = (0,external_node_crypto_.createHmac)('sha256', rt.config.webhookSecret);
    const body = await receiveBody(rt, req, hmac, declared);
    if ('refused' in body) {
        if (body.refused.status === 503)
            stats.busy++;
        refuse(req, res, body.refused.status, { error: body.refused.error }, body.refused.headers);
        return;
    }
    const expected = Buffer.from(`sha256=${hmac.digest('hex')}`);
    if (!(0,external_node_crypto_.timingSafeEqual)(expected, Buffer.from(signature))) {
        stats.unauthorized++;
        send(res, 401, { error: 'signature does not match the payload and the webhook secret' });
        return;
    }
    let payload;
    try {
        payload = JSON.parse(Buffer.concat(body.chunks, body.size).toString('utf8'));
    }
    catch {
        send(res, 400, { error: 'the payload is not JSON' });
        return;
    }
    body.chunks.length = 0;
    if (name === 'ping') {
        send(res, 200, { status: 'pong' });
        return;
    }
    if (rt.durable)
        await admitDurable(rt, rt.durable, res, { id, name, payload });
    else
        admitInMemory(rt, res, { id, name, action: (0,json/* str */.gx)((0,json.at)(payload, 'action')), payload, started });
}
/**
 * Reads the request body. The HMAC is computed as the body streams in; the body is kept only up to the cap,
 * and only for a request that carries a well-formed signature (it must be parsed once verified). The bytes
 * being received count against the App's body budget until the body is read or refused.
 */
async function receiveBody(rt, req, hmac, declared) {
    const { maxBody, bodyBudget } = rt;
    const chunks = [];
    let size = 0;
    let reserved = declared;
    rt.buffering += reserved;
    let refused;
    try {
        refused = await new Promise((resolve, reject) => {
            const stop = (r) => {
                req.pause();
                req.off('data', onData);
                req.off('end', onEnd);
                req.off('error', onError);
                resolve(r);
            };
            const onData = (chunk) => {
                size += chunk.length;
                if (size > maxBody) {
                    stop({ status: 413, error: `payload too large: more than ${maxBody} bytes` });
                    return;
                }
                if (size > reserved) {
                    if (rt.buffering + (size - reserved) > bodyBudget) {
                        stop({ status: 503, error: 'busy: too many request bodies being received', headers: { 'retry-after': '5' } });
                        return;
                    }
                    rt.buffering += size - reserved;
                    reserved = size;
                }
                hmac.update(chunk);
                chunks.push(chunk);
            };
            const onEnd = () => {
                stop(undefined);
            };
            const onError = (e) => {
                reject(e);
            };
            req.on('data', onData);
            req.on('end', onEnd);
            req.on('error', onError);
        });
    }
    finally {
        rt.buffering -= reserved;
    }
    if (refused) {
        chunks.length = 0;
        return { refused };
    }
    return { chunks, size };
}
/** Answered 202 only once the job is in Redis; 503 while Redis cannot take it (GitHub keeps it as failed). */
async function admitDurable(rt, durable, res, d) {
    const { stats } = rt;
    const { id, name, payload } = d;
    const admitted = await durable.admit({
        id,
        name,
        action: (0,json/* str */.gx)((0,json.at)(payload, 'action')),
        payload,
        key: deliveryKey(name, payload),
        receivedAt: Date.now(),
    });
    if (admitted.kind === 'duplicate') {
        stats.duplicates++;
        send(res, 200, { status: 'duplicate', id });
    }
    else if (admitted.kind === 'in-progress') {
        stats.busy++;
        send(res, 503, { error: 'this delivery is being enqueued by another replica; redeliver later', id }, { 'retry-after': '10' });
    }
    else if (admitted.kind === 'unavailable') {
        stats.busy++;
        rt.warn(`delivery ${id}: not enqueued (${admitted.reason}); answered 503, redeliver it once Redis is back`);
        send(res, 503, { error: 'the queue (Redis) is unavailable; redeliver later' }, { 'retry-after': '30' });
    }
    else {
        stats.accepted++;
        send(res, 202, { status: 'accepted', id });
    }
}
/** The in-memory queue: a duplicate id is answered 200; a full queue, or one that cannot drain in time, 503. */
function admitInMemory(rt, res, delivery) {
    const { stats, queue, estimate } = rt;
    const { id, name, payload } = delivery;
    if (rt.recent.has(id)) {
        stats.duplicates++;
        send(res, 200, { status: 'duplicate', id });
        return;
    }
    const installation = (0,json/* num */.bu)((0,json.at)(payload, 'installation', 'id'));
    const admission = queue.push(delivery, deliveryKey(name, payload), installation, (depth, perInstallation) => estimate.fits(depth, perInstallation));
    if (admission === 'full' || admission === 'over-budget') {
        stats.busy++;
        const retryAfter = String(Math.max(1, Math.ceil(estimate.drainMs(queue.depth + 1, queue.depthOf(installation) + 1) / 1000)));
        send(res, 503, {
            error: admission === 'full'
                ? 'busy: too many deliveries waiting'
                : 'busy: more deliveries than can be finished within the shutdown budget',
        }, { 'retry-after': retryAfter });
        return;
    }
    rt.recent.add(id);
    stats.accepted++;
    if (admission === 'coalesced')
        stats.coalesced++;
    send(res, 202, { status: 'accepted', id });
}
/**
 * Shuts down. The listener stays open while draining: deliveries get 503 (GitHub marks them failed, they can
 * be redelivered) and /healthz answers 503 so a load balancer takes the replica out.
 */
async function closeApp(rt, server) {
    const { config, queue, warn } = rt;
    rt.closing = true;
    const closeListener = async () => {
        const listenerClosed = new Promise((resolve) => server.close(() => {
            resolve();
        }));
        server.closeAllConnections();
        await listenerClosed;
    };
    if (rt.durable) {
        // Nothing accepted is lost: jobs not finished within the budget stay in Redis for another replica.
        const { unfinished } = await rt.durable.close(config.shutdownTimeoutMs);
        await closeListener();
        return { dropped: [], unfinished };
    }
    let timer;
    const timeout = new Promise((resolve) => (timer = setTimeout(() => {
        resolve('timeout');
    }, config.shutdownTimeoutMs)));
    const outcome = await Promise.race([queue.idle().then(() => 'idle'), timeout]);
    clearTimeout(timer);
    const dropped = [];
    if (outcome === 'timeout') {
        rt.stopping.abort();
        const { waiting, running } = queue.abandon();
        warn(`shutdown: ${running.length + waiting.length} accepted deliveries unfinished after ${config.shutdownTimeoutMs} ms; ` +
            `each is listed below, redeliver them (App settings \u2192 Advanced \u2192 Recent deliveries)`);
        for (const d of running)
            warn(`dropped delivery ${d.id} (${label(d)}): still being evaluated at shutdown`);
        for (const d of waiting)
            warn(`dropped delivery ${d.id} (${label(d)}): accepted but never started`);
        for (const d of [...running, ...waiting])
            dropped.push(d.id);
        rt.stats.dropped += dropped.length;
    }
    await closeListener();
    return { dropped };
}
/** `pr-gate serve`: start, log where, stop gracefully on SIGTERM/SIGINT: exit 0, or 1 when accepted deliveries were dropped. */
async function serve(config) {
    const app = await startApp(config);
    // One write for both lines: whoever waits for "listening" (a supervisor, a test) also sees the queue mode.
    process.stderr.write(`pr-gate serve: listening on ${config.host}:${app.port} (POST /api/github/webhooks, GET /healthz, ` +
        `GET /readyz); App ${config.appId}, API ${config.apiUrl}, concurrency ${config.concurrency}\n` +
        (config.redis
            ? `pr-gate serve: queue: Redis at ${redisHost(config.redis.url)} (durable; dedup and API pacing shared by every replica on it)\n`
            : 'pr-gate serve: queue: in memory, for ONE replica (accepted deliveries are lost if the process dies; ' +
                'set REDIS_URL for the durable queue shared by several replicas)\n'));
    return new Promise((resolve) => {
        const stop = (signal) => {
            process.stderr.write(`pr-gate serve: ${signal}: no new deliveries; finishing ${app.stats.inFlight + app.stats.queued} in flight\n`);
            void app.close().then(({ dropped }) => {
                process.stderr.write(`pr-gate serve: stopped (${app.stats.processed} processed, ${app.stats.failed} failed, ${dropped.length} dropped)\n`);
                resolve(dropped.length ? 1 : 0);
            });
        };
        process.once('SIGTERM', () => {
            stop('SIGTERM');
        });
        process.once('SIGINT', () => {
            stop('SIGINT');
        });
    });
}
/** host:port of a Redis URL, never its password. */
function redisHost(url) {
    try {
        const u = new URL(url);
        return `${u.hostname}:${u.port || '6379'}${u.pathname && u.pathname !== '/' ? u.pathname : ''}`;
    }
    catch {
        return '(unparsable REDIS_URL)';
    }
}


/***/ }),

/***/ 91383:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   releaseCheckRun: () => (/* binding */ releaseCheckRun),
/* harmony export */   releaseMarker: () => (/* binding */ releaseMarker),
/* harmony export */   renderRangeSection: () => (/* binding */ renderRangeSection),
/* harmony export */   renderReleaseComment: () => (/* binding */ renderReleaseComment),
/* harmony export */   renderReleaseMarkdown: () => (/* binding */ renderReleaseMarkdown),
/* harmony export */   renderReleaseText: () => (/* binding */ renderReleaseText),
/* harmony export */   reviewComment: () => (/* binding */ reviewComment),
/* harmony export */   toReleaseJson: () => (/* binding */ toReleaseJson)
/* harmony export */ });
/* harmony import */ var _policy_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(21458);
/* harmony import */ var _json_report_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4225);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54285);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(14031);
/* harmony import */ var _terminal_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(87496);
/**
 * The release report: a range section (base \u2192 head, the merged PRs with links to each PR and its gate
 * result, commits outside any PR) above the same verdict blocks every other surface renders; and the JSON
 * report (the PR report's shape plus a `release` object).
 */





const GATE_ICON = {
    passed: '\u2705 passed',
    waived: '\u2611\ufe0f waived',
    failed: '\u274c failed',
    missing: '\u2754 no gate result',
    pending: '\u23f3 pending',
};
/** Marker of the sticky release comment on a tracking issue (one per check name and environment). */
function releaseMarker(checkName, environment) {
    return `<!-- pr-quality-gate:release:${checkName.replace(/-->/g, '')}:${(environment ?? '').replace(/-->/g, '')} -->`;
}
function short(sha) {
    return sha ? `\`${sha.slice(0, 12)}\`` : '?';
}
function renderRangeSection(f, links) {
    const lines = [];
    const commit = (sha) => (sha ? `[${short(sha)}](${links.repoUrl}/commit/${sha})` : '?');
    const base = f.base.source === 'deployment'
        ? `${commit(f.base.sha)} (last successful deployment` +
            (f.environment ? ` to **${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(f.environment)}**` : '') +
            (f.base.deployedAt ? `, ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(f.base.deployedAt)}` : '') +
            ')'
        : f.base.source === 'none'
            ? `unknown (no successful deployment${f.environment ? ` to **${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(f.environment)}**` : ''})`
            : `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(f.base.input)} \u2192 ${commit(f.base.sha)}`;
    lines.push(`### Release range`, '', `- **Deployed (base):** ${base}`, `- **Candidate (head):** ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(f.head.input)} \u2192 ${commit(f.head.sha)}`);
    if (f.compareUrl)
        lines.push(`- **Changes:** [${f.totalCommits} commit${f.totalCommits === 1 ? '' : 's'}](${f.compareUrl})` +
            (f.status && f.status !== 'ahead' && f.status !== 'identical'
                ? ` \u2014 the candidate is **${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(f.status)}** the deployed ref`
                : ''));
    lines.push('');
    if (f.pulls.length) {
        lines.push('| PR | Gate | Title | Author |', '|---|---|---|---|');
        for (const p of f.pulls) {
            const prLink = `[#${p.number}](${p.htmlUrl ?? `${links.repoUrl}/pull/${p.number}`})`;
            const gate = p.gate.url ? `[${GATE_ICON[p.gate.state]}](${p.gate.url})` : GATE_ICON[p.gate.state];
            lines.push(`| ${prLink} | ${gate} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(p.title, 200)} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(p.author)} |`);
        }
        lines.push('');
    }
    else if (f.base.source !== 'none') {
        lines.push('No pull request was merged in this range.', '');
    }
    if (f.direct.length) {
        lines.push(`<details><summary>${f.direct.length} commit${f.direct.length === 1 ? '' : 's'} outside any pull request</summary>`, '');
        for (const c of f.direct.slice(0, 100))
            lines.push(`- ${commit(c.sha)} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(c.message, 200)}`);
        if (f.direct.length > 100)
            lines.push(`- \u2026 and ${f.direct.length - 100} more`);
        lines.push('', '</details>', '');
    }
    if (f.approved.length) {
        lines.push('**Approved for release:**', '');
        const seen = new Set();
        for (const a of f.approved) {
            const key = `${a.rule}\0${a.path ?? ''}`;
            if (seen.has(key))
                continue; // one line per rule and path, however many of its findings were approved
            seen.add(key);
            const who = a.approvals.map((x) => `#${x.pull} approved by <code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(x.by)}</code> (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(x.via)})` +
                (x.at ? ` at ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(x.at)}` : '') +
                (x.url && /^https?:\/\/[^\s<>"'`]+$/.test(x.url) ? ` ([record](${x.url}))` : ''));
            lines.push(`- \`${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(a.rule)}\` in ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(a.path ?? '')}: ${who.join('; ')}`);
        }
        lines.push('');
    }
    return lines.join('\n');
}
/** Job summary (and tracking-issue comment with `marker`): range section + the verdict. */
function renderReleaseMarkdown(e, links, o = {}) {
    const range = renderRangeSection(e.facts, links);
    const head = (o.marker ? o.marker + '\n' : '') + range + '\n';
    const limit = o.limit ?? _markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .SUMMARY_LIMIT */ .Jt - 1024;
    const labelPrefix = e.policy?.waivers.label_prefix ?? _policy_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_LABEL_PREFIX */ .qu;
    return (head +
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .renderJobSummary */ .qE)(e.verdict, {
            labelPrefix,
            links: { repoUrl: links.repoUrl, runUrl: links.runUrl },
            limit: Math.max(2000, limit - head.length),
        }));
}
function renderReleaseComment(e, links, marker) {
    return renderReleaseMarkdown(e, links, { marker, limit: _markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .COMMENT_LIMIT */ .W$ });
}
/** A short reason for a deployment protection rule review (GitHub shows it on the run). */
function reviewComment(v, f, detailsUrl, max = 1000) {
    const verb = v.conclusion === 'failure' ? 'Rejected' : 'Approved';
    const lines = [`${verb} by pr-quality-gate: ${v.title}.`];
    const range = f.base.sha ? `${f.base.sha.slice(0, 7)}\u2026${f.head.sha.slice(0, 7)}` : `\u2026${f.head.sha.slice(0, 7)}`;
    lines.push(`Range ${range}: ${f.pulls.length} PR(s), ${f.totalCommits} commit(s).`);
    const bad = f.pulls.filter((p) => p.gate.state === 'failed' || p.gate.state === 'missing' || p.gate.state === 'pending');
    if (bad.length)
        lines.push('Gate not passed: ' +
            bad
                .map((p) => `#${p.number} (${p.gate.state}` +
                (p.gate.ignoredBy?.length ? `; ignored a result posted by ${p.gate.ignoredBy.join(', ')}, not the gate` : '') +
                ')')
                .join(', ') +
            '.');
    if (detailsUrl)
        lines.push(`Details: ${detailsUrl}`);
    // Then the blocking findings, as many as fit (the head lines and the link always do).
    let used = lines.join('\n').length;
    for (const r of v.results) {
        if (r.status !== 'fail' && r.status !== 'error')
            continue;
        for (const fi of r.findings.filter((x) => x.kind !== 'info' && x.level !== 'notice').slice(0, 3)) {
            const line = `- ${r.id}: ${fi.message.length > 200 ? fi.message.slice(0, 199) + '\u2026' : fi.message}`;
            if (used + line.length + 1 > max)
                break;
            lines.push(line);
            used += line.length + 1;
        }
    }
    // Plain text shown on the run: PR titles in the findings must not carry controls or bidi overrides.
    const text = (0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .visibleControls */ .xx)(lines.join('\n'));
    return text.length > max ? text.slice(0, max - 1) + '\u2026' : text;
}
function toReleaseJson(e) {
    const f = e.facts;
    return {
        ...(0,_json_report_js__WEBPACK_IMPORTED_MODULE_1__/* .toJsonReport */ .O)(e.verdict),
        release: {
            environment: f.environment,
            base: f.base,
            head: f.head,
            compareUrl: f.compareUrl,
            status: f.status,
            totalCommits: f.totalCommits,
            pullRequests: f.pulls.map((p) => ({
                number: p.number,
                title: p.title,
                author: p.author,
                url: p.htmlUrl,
                headSha: p.headSha,
                mergedAt: p.mergedAt,
                labels: p.labels,
                gate: p.gate,
            })),
            directCommits: f.direct,
            approved: f.approved,
        },
    };
}
/** The CLI's plain-text release report: the range, one line per pull request, then the verdict. */
function renderReleaseText(e) {
    const f = e.facts;
    const lines = [
        `Release ${f.base.sha?.slice(0, 12) ?? '?'}\u2026${f.head.sha.slice(0, 12)}: ${f.pulls.length} ` +
            `pull request(s), ${f.totalCommits} commit(s)\n`,
    ];
    for (const p of f.pulls)
        lines.push(`  #${p.number} ${p.gate.state.padEnd(8)} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .visibleControls */ .xx)(p.title)}\n`);
    return lines.join('') + (0,_terminal_js__WEBPACK_IMPORTED_MODULE_4__/* .renderText */ .S)(e.verdict);
}
/** The App's check run for a deployment protection rule: name, conclusion and output. */
function releaseCheckRun(e, o) {
    return {
        name: `${o.checkName} / release ${o.environment}`,
        headSha: e.facts.head.sha,
        conclusion: e.verdict.conclusion,
        output: { title: e.verdict.title.slice(0, 255), summary: renderReleaseMarkdown(e, o.links, { limit: o.limit }), text: '' },
        annotations: [],
    };
}


/***/ }),

/***/ 59807:
/***/ (function(module) {

function webpackEmptyAsyncContext(req) {
	// Here Promise.resolve().then() is used instead of new Promise() to prevent
	// uncaught exception popping up in devtools
	return Promise.resolve().then(() => {
		var e = new Error("Cannot find module '" + req + "'");
		e.code = 'MODULE_NOT_FOUND';
		throw e;
	});
}
webpackEmptyAsyncContext.keys = () => ([]);
webpackEmptyAsyncContext.resolve = webpackEmptyAsyncContext;
webpackEmptyAsyncContext.id = 59807;
module.exports = webpackEmptyAsyncContext;

/***/ })

};
