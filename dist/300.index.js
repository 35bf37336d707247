export const id = 300;
export const ids = [300];
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
