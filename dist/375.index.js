export const id = 375;
export const ids = [375];
export const modules = {

/***/ 6375:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

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
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@octokit/webhooks/dist-bundle/index.js + 1 modules
var dist_bundle = __webpack_require__(5468);
// EXTERNAL MODULE: ./src/engine/run.ts + 2 modules
var run = __webpack_require__(6643);
// EXTERNAL MODULE: ./src/json.ts
var json = __webpack_require__(8301);
// EXTERNAL MODULE: ./node_modules/@octokit/auth-app/dist-node/index.js + 9 modules
var dist_node = __webpack_require__(6479);
// EXTERNAL MODULE: ./node_modules/@octokit/request/dist-bundle/index.js + 3 modules
var request_dist_bundle = __webpack_require__(7561);
// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/app/auth.ts
/**
 * The App's identity: a JWT for the App itself, installation tokens per delivery (@octokit/auth-app
 * caches them until shortly before they expire), and an Octokit per installation token built with the
 * same client as the Action (throttling + retry).
 */




function createAuth(config, log) {
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
            return (0,client.createClient)({ token, baseUrl: config.apiUrl, log, throttleId: `installation-${installationId}`, throttle: config.throttle !== false });
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

// EXTERNAL MODULE: ./src/github/source.ts
var source = __webpack_require__(1094);
// EXTERNAL MODULE: ./src/github/evaluate.ts + 2 modules
var evaluate = __webpack_require__(9241);
// EXTERNAL MODULE: ./src/github/publish-verdict.ts + 1 modules
var publish_verdict = __webpack_require__(2081);
// EXTERNAL MODULE: ./src/github/publish.ts
var publish = __webpack_require__(7184);
// EXTERNAL MODULE: ./src/release/evaluate.ts
var release_evaluate = __webpack_require__(6430);
// EXTERNAL MODULE: ./src/release/report.ts
var report = __webpack_require__(9823);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
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











/** No workspace: no report files. */
const NO_WORKSPACE = { findReports: async () => [] };
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
        const onAbort = () => done(false);
        const timer = setTimeout(() => done(true), ms);
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
    return locks.exclusive(key, async (seq) => {
        const { data } = await octokit.rest.pulls.get({ owner: repo.owner, repo: repo.repo, pull_number: number });
        if (data.state === 'closed')
            return `${name}: skipped, closed`;
        const pr = (0,source/* pullInfoFrom */.Kx)(data);
        if (expectHead && pr.headSha !== expectHead)
            return `${name}: skipped, its head moved to ${pr.headSha.slice(0, 12)}`;
        const { verdict, policy, comments } = await (0,evaluate/* evaluatePullRequest */.qd)({ octokit, repo, pr, policyPath: d.config.policyPath, evidence: NO_WORKSPACE, log: d.log });
        const limits = watchRateLimits(octokit);
        let comment = d.config.comment;
        for (let attempt = 0;; attempt++) {
            if (locks.isStale(key, seq))
                return `${name}: not published, a later evaluation already was (head ${pr.headSha.slice(0, 12)})`;
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
                labelPrefix: policy?.waivers.label_prefix ?? 'gate-waive:',
                log: d.log,
                warn: d.warn,
            });
            const retryAfter = limits.take();
            if (published.commentId !== undefined)
                comment = false; // written: not again on a retry
            const done = `${name}: ${verdict.conclusion} — ${verdict.title}`;
            if (published.checkRunId !== undefined || published.usedStatus) {
                // The verdict is on GitHub (a sticky comment lost on the way has been warned about).
                locks.markPublished(key, seq);
                return attempt ? `${done} (published after ${attempt} rate-limit ${attempt === 1 ? 'retry' : 'retries'})` : done;
            }
            const lost = `${name}: the verdict (${verdict.conclusion}) was not published, neither the check run nor the commit status could be written`;
            if (retryAfter === undefined)
                throw new Error(lost);
            if (attempt >= PUBLISH_RETRIES)
                throw new Error(`${lost}: still rate limited after ${PUBLISH_RETRIES} retries`);
            const wait = Math.min(retryAfter, MAX_RETRY_AFTER_S);
            d.warn(`${name}: rate limited while publishing; retry ${attempt + 1} of ${PUBLISH_RETRIES} in ${wait}s`);
            if (!(await sleep(wait * 1000, d.stopping)))
                throw new Error(`${lost}: rate limited, and the server is shutting down`);
        }
    });
}
const PULL_REQUEST_ACTIONS = ['opened', 'synchronize', 'reopened', 'ready_for_review', 'labeled', 'unlabeled', 'edited'];
/** The key that serialises deliveries of one PR (see PullRequestLocks), or undefined for another event. */
function deliveryKey(event, payload) {
    if (event !== 'pull_request')
        return undefined;
    const installationId = (0,json.at)(payload, 'installation', 'id');
    const number = (0,json.at)(payload, 'pull_request', 'number');
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
    const appId = (0,json.at)(suite, 'app', 'id');
    if (appId !== undefined && String(appId) !== d.config.appId)
        return `skipped: the check suite belongs to App ${String(appId)}, not ${d.config.appId}`;
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
        const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner: repo.owner, repo: repo.repo, commit_sha: sha, per_page: 100 });
        numbers = data.filter((p) => p.state === 'open' && p.head.sha === sha).map((p) => p.number);
    }
    if (!numbers.length)
        return `skipped: no open pull request has head ${sha.slice(0, 12)}`;
    const out = [];
    for (const n of [...new Set(numbers)])
        out.push(await gatePullRequest(d, octokit, installationId, repo, n, sha));
    return out.join('; ');
}
/** The run id in `…/actions/runs/{run_id}/deployment_protection_rule`. */
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
    const octokit = await d.auth.installationClient(installationOf(payload));
    let state;
    let comment;
    try {
        // Only this App's own gate results count: its check runs (by App id) and statuses by its bot.
        const gateIdentity = { apps: [{ id: Number(d.config.appId) }], statusCreators: [await d.auth.botLogin()] };
        const e = await (0,release_evaluate.evaluateRelease)({ octokit, repo, base: 'auto', head: sha, environment, excludeDeploymentId: (0,json/* num */.bu)(deploymentId), checkName: d.config.checkName, gateIdentity, policyPath: d.config.policyPath, evidence: NO_WORKSPACE });
        state = e.verdict.conclusion === 'failure' ? 'rejected' : 'approved';
        const links = { repoUrl: `${d.config.serverUrl}/${repo.owner}/${repo.repo}` };
        const check = await (0,publish/* createCheckRun */._U)(octokit, repo, {
            name: `${d.config.checkName} / release ${environment}`,
            headSha: e.facts.head.sha,
            conclusion: e.verdict.conclusion,
            output: { title: e.verdict.title.slice(0, 255), summary: (0,report.renderReleaseMarkdown)(e, links, { limit: markdown/* CHECK_TEXT_LIMIT */.jO }), text: '' },
            annotations: [],
        });
        if (!check.ok)
            d.warn(check.message);
        comment = (0,report.reviewComment)(e.verdict, e.facts, check.ok ? check.value.url : undefined);
    }
    catch (err) {
        state = 'rejected';
        comment = `Rejected by pr-quality-gate: the release could not be evaluated (${(0,run/* errorMessage */.gJ)(err).slice(0, 800)}).`;
    }
    try {
        await octokit.rest.actions.reviewCustomGatesForRun({ owner: repo.owner, repo: repo.repo, run_id: runId, environment_name: environment, state, comment });
    }
    catch (err) {
        throw new Error((0,client.describeApiError)(`review deployment protection rule of run ${runId}`, err));
    }
    return `${repo.owner}/${repo.repo} deployment ${String(deploymentId)} to ${environment}: ${state}`;
}

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
 *  - the slots: evaluations × (moving average of an evaluation's wall time, first guess 1 s) / CONCURRENCY;
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
/** Why a request is refused before its body is read, or undefined when it may be read. */
function refuseEarly(req, maxBody) {
    const signature = header(req, 'x-hub-signature-256');
    if (!signature)
        return { status: 401, error: 'missing X-Hub-Signature-256' };
    if (!SIGNATURE.test(signature))
        return { status: 401, error: 'X-Hub-Signature-256 is not sha256=<64 hex digits>' };
    const type = (header(req, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json')
        return { status: 415, error: 'expected content-type application/json (the App\'s webhook sends JSON)' };
    if (!header(req, 'x-github-event') || !header(req, 'x-github-delivery'))
        return { status: 400, error: 'missing X-GitHub-Event or X-GitHub-Delivery' };
    const length = header(req, 'content-length');
    if (length !== undefined && !(Number(length) <= maxBody))
        return { status: 413, error: `payload too large: more than ${maxBody} bytes` };
    return undefined;
}
const SIGNATURE = /^sha256=[0-9a-f]{64}$/i;
/** Answers and closes the connection without reading what is left of the request body. */
function refuse(req, res, status, body, headers = {}) {
    if (!res.headersSent) {
        const text = JSON.stringify(body);
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), connection: 'close', ...headers });
        res.end(text);
    }
    res.once('finish', () => req.destroy());
}
async function startApp(config, options = {}) {
    const log = options.log ?? ((m) => process.stderr.write(`pr-gate serve: ${m}\n`));
    const warn = options.warn ?? ((m) => process.stderr.write(`pr-gate serve: warning: ${m}\n`));
    const auth = options.auth ?? createAuth(config, log);
    const stopping = new AbortController();
    const deps = { config, auth, log, warn, pulls: new PullRequestLocks(config.dedupeSize), stopping: stopping.signal };
    const webhooks = new dist_bundle/* Webhooks */.zo({ secret: config.webhookSecret });
    const maxBody = config.maxBodyBytes ?? MAX_BODY;
    const bodyBudget = config.bodyBudgetBytes ?? 4 * maxBody;
    const estimate = new DrainEstimate(config.concurrency, config.shutdownTimeoutMs, config.throttle !== false);
    const recent = new RecentIds(config.dedupeSize);
    const stats = { received: 0, accepted: 0, coalesced: 0, duplicates: 0, unauthorized: 0, busy: 0, processed: 0, failed: 0, dropped: 0, inFlight: 0, queued: 0 };
    let closing = false;
    /** Bytes of request bodies being received right now (signed, not yet verified). */
    let buffering = 0;
    // What each delivery did, reported by the handler (webhooks.receive returns nothing).
    const outcomes = new Map();
    const handle = (fn) => async (event) => {
        outcomes.set(event.id, await fn(deps, (0,json/* obj */.WL)(event.payload) ?? {}));
    };
    webhooks.on(PULL_REQUEST_ACTIONS.map((a) => `pull_request.${a}`), handle(onPullRequest));
    webhooks.on('check_run.rerequested', handle(onCheckRunRerequested));
    webhooks.on('check_suite.rerequested', handle(onCheckSuiteRerequested));
    webhooks.on('deployment_protection_rule.requested', handle(onDeploymentProtectionRule));
    const label = (d) => `${d.name}${d.action ? `.${d.action}` : ''}`;
    /** Runs a job: the LAST delivery of the job is evaluated (the PR is read again from the API anyway); every delivery in it gets the outcome. */
    const runJob = async (job) => {
        const t0 = performance.now();
        const last = job.deliveries[job.deliveries.length - 1];
        let ok = true;
        let message;
        try {
            await webhooks.receive({ id: last.id, name: last.name, payload: last.payload });
            message = outcomes.get(last.id) ?? `ignored: ${label(last)} is not handled`;
        }
        catch (e) {
            ok = false;
            message = e instanceof AggregateError && e.errors.length ? e.errors.map(run/* errorMessage */.gJ).join('; ') : (0,run/* errorMessage */.gJ)(e);
        }
        finally {
            outcomes.delete(last.id);
        }
        estimate.record(performance.now() - t0);
        for (const d of job.deliveries) {
            if (ok)
                stats.processed++;
            else
                stats.failed++;
            const text = d === last ? message : `coalesced into delivery ${last.id}: ${message}`;
            const r = { id: d.id, event: d.name, action: d.action, ok, message: text, ms: Math.round(performance.now() - d.started) };
            if (ok)
                log(`delivery ${d.id} ${label(d)}: ${text} (${r.ms} ms)`);
            else
                warn(`delivery ${d.id} ${label(d)} FAILED: ${text} (${r.ms} ms); redeliver it once the cause is fixed`);
            options.onDelivery?.(r);
        }
    };
    const queue = new DeliveryQueue(config.concurrency, config.maxQueue, runJob);
    const retryAfter = (installation) => String(Math.max(1, Math.ceil(estimate.drainMs(queue.depth + 1, queue.depthOf(installation) + 1) / 1000)));
    const onWebhook = async (req, res) => {
        const started = performance.now();
        stats.received++;
        // Everything that can be decided from the headers is decided before a byte of the body is read.
        const early = refuseEarly(req, maxBody);
        if (early) {
            if (early.status === 401)
                stats.unauthorized++;
            refuse(req, res, early.status, { error: early.error });
            return;
        }
        if (closing) {
            refuse(req, res, 503, { error: 'shutting down' }, { 'retry-after': '30' });
            return;
        }
        const declared = Number(header(req, 'content-length') ?? 0);
        if (buffering + declared > bodyBudget) {
            stats.busy++;
            refuse(req, res, 503, { error: 'busy: too many request bodies being received' }, { 'retry-after': '5' });
            return;
        }
        // The HMAC is computed as the body streams in; the body is kept only up to the cap, and only for a
        // request that carries a well-formed signature (it must be parsed once verified).
        const signature = header(req, 'x-hub-signature-256').toLowerCase();
        const hmac = (0,external_node_crypto_.createHmac)('sha256', config.webhookSecret);
        const chunks = [];
        let size = 0;
        let reserved = declared;
        buffering += reserved;
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
                    if (size > maxBody)
                        return stop({ status: 413, error: `payload too large: more than ${maxBody} bytes` });
                    if (size > reserved) {
                        if (buffering + (size - reserved) > bodyBudget)
                            return stop({ status: 503, error: 'busy: too many request bodies being received', headers: { 'retry-after': '5' } });
                        buffering += size - reserved;
                        reserved = size;
                    }
                    hmac.update(chunk);
                    chunks.push(chunk);
                };
                const onEnd = () => stop(undefined);
                const onError = (e) => reject(e);
                req.on('data', onData);
                req.on('end', onEnd);
                req.on('error', onError);
            });
        }
        finally {
            buffering -= reserved;
        }
        if (refused) {
            chunks.length = 0;
            if (refused.status === 503)
                stats.busy++;
            refuse(req, res, refused.status, { error: refused.error }, refused.headers);
            return;
        }
        const expected = Buffer.from(`sha256=${hmac.digest('hex')}`);
        if (!(0,external_node_crypto_.timingSafeEqual)(expected, Buffer.from(signature))) {
            stats.unauthorized++;
            send(res, 401, { error: 'signature does not match the payload and the webhook secret' });
            return;
        }
        const name = header(req, 'x-github-event');
        const id = header(req, 'x-github-delivery');
        let payload;
        try {
            payload = JSON.parse(Buffer.concat(chunks, size).toString('utf8'));
        }
        catch {
            send(res, 400, { error: 'the payload is not JSON' });
            return;
        }
        chunks.length = 0;
        if (name === 'ping') {
            send(res, 200, { status: 'pong' });
            return;
        }
        if (recent.has(id)) {
            stats.duplicates++;
            send(res, 200, { status: 'duplicate', id });
            return;
        }
        const delivery = { id, name, action: (0,json/* str */.gx)((0,json.at)(payload, 'action')), payload, started };
        const installation = (0,json/* num */.bu)((0,json.at)(payload, 'installation', 'id'));
        const admission = queue.push(delivery, deliveryKey(name, payload), installation, (depth, perInstallation) => estimate.fits(depth, perInstallation));
        if (admission === 'full' || admission === 'over-budget') {
            stats.busy++;
            send(res, 503, { error: admission === 'full' ? 'busy: too many deliveries waiting' : 'busy: more deliveries than can be finished within the shutdown budget' }, { 'retry-after': retryAfter(installation) });
            return;
        }
        recent.add(id);
        stats.accepted++;
        if (admission === 'coalesced')
            stats.coalesced++;
        send(res, 202, { status: 'accepted', id });
    };
    const server = external_node_http_default().createServer((req, res) => {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        if (req.method === 'GET' && path === '/healthz') {
            send(res, closing ? 503 : 200, { status: closing ? 'shutting-down' : 'ok', inFlight: queue.inFlight, queued: queue.queued, processed: stats.processed, failed: stats.failed });
            return;
        }
        if (req.method === 'POST' && WEBHOOK_PATHS.has(path)) {
            onWebhook(req, res).catch((e) => {
                warn(`request failed: ${(0,run/* errorMessage */.gJ)(e)}`);
                refuse(req, res, 500, { error: 'internal error' });
            });
            return;
        }
        refuse(req, res, 404, { error: 'not found: POST /api/github/webhooks, GET /healthz' });
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
    const statsView = new Proxy(stats, {
        get(target, key) {
            if (key === 'inFlight')
                return queue.inFlight;
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
        idle: () => queue.idle(),
        close() {
            closed ??= (async () => {
                // The listener stays open while draining: deliveries get 503 (GitHub marks them failed, they can
                // be redelivered) and /healthz answers 503 so a load balancer takes the replica out.
                closing = true;
                let timer;
                const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), config.shutdownTimeoutMs)));
                const outcome = await Promise.race([queue.idle().then(() => 'idle'), timeout]);
                clearTimeout(timer);
                const dropped = [];
                if (outcome === 'timeout') {
                    stopping.abort();
                    const { waiting, running } = queue.abandon();
                    warn(`shutdown: ${running.length + waiting.length} accepted deliveries unfinished after ${config.shutdownTimeoutMs} ms; each is listed below, redeliver them (App settings → Advanced → Recent deliveries)`);
                    for (const d of running)
                        warn(`dropped delivery ${d.id} (${label(d)}): still being evaluated at shutdown`);
                    for (const d of waiting)
                        warn(`dropped delivery ${d.id} (${label(d)}): accepted but never started`);
                    for (const d of [...running, ...waiting])
                        dropped.push(d.id);
                    stats.dropped += dropped.length;
                }
                const listenerClosed = new Promise((resolve) => server.close(() => resolve()));
                server.closeAllConnections();
                await listenerClosed;
                return { dropped };
            })();
            return closed;
        },
    };
}
/** `pr-gate serve`: start, log where, stop gracefully on SIGTERM/SIGINT: exit 0, or 1 when accepted deliveries were dropped. */
async function serve(config) {
    const app = await startApp(config);
    process.stderr.write(`pr-gate serve: listening on ${config.host}:${app.port} (POST /api/github/webhooks, GET /healthz); App ${config.appId}, API ${config.apiUrl}, concurrency ${config.concurrency}\n`);
    return new Promise((resolve) => {
        const stop = (signal) => {
            process.stderr.write(`pr-gate serve: ${signal}: no new deliveries; finishing ${app.stats.inFlight + app.stats.queued} in flight\n`);
            void app.close().then(({ dropped }) => {
                process.stderr.write(`pr-gate serve: stopped (${app.stats.processed} processed, ${app.stats.failed} failed, ${dropped.length} dropped)\n`);
                resolve(dropped.length ? 1 : 0);
            });
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
    });
}


/***/ })

};
