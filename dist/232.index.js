export const id = 232;
export const ids = [232];
export const modules = {

/***/ 81729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ InputError),
/* harmony export */   m: () => (/* binding */ getSettings)
/* harmony export */ });
/* harmony import */ var _policy_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(21458);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96421);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8301);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_4__);
/**
 * The Action's settings: the ONLY module that reads inputs (core.getInput) and the runner's environment.
 * Everything else receives a Settings object.
 */






class InputError extends Error {
    constructor(message) {
        super(message);
        this.name = 'InputError';
    }
}
function choice(name, value, allowed, fallback) {
    if (!value)
        return fallback;
    if (allowed.includes(value))
        return value;
    throw new InputError(`input ${name}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
}
function bool(name, value, fallback) {
    if (!value)
        return fallback;
    if (/^(true|yes|on|1)$/i.test(value))
        return true;
    if (/^(false|no|off|0)$/i.test(value))
        return false;
    throw new InputError(`input ${name}: expected true or false, got ${JSON.stringify(value)}`);
}
function positiveSeconds(name, value, fallback) {
    if (!value)
        return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0)
        throw new InputError(`input ${name}: expected a positive number of seconds, got ${JSON.stringify(value)}`);
    return n;
}
function getSettings(env = process.env) {
    const token = _actions_core__WEBPACK_IMPORTED_MODULE_1__.getInput('token') || env.GITHUB_TOKEN || '';
    if (!token)
        throw new InputError('input token is empty: pass `token: ${{ github.token }}` (the default) or a token with the documented permissions');
    _actions_core__WEBPACK_IMPORTED_MODULE_1__.setSecret(token);
    const policyToken = _actions_core__WEBPACK_IMPORTED_MODULE_1__.getInput('policy-token') || undefined;
    if (policyToken)
        _actions_core__WEBPACK_IMPORTED_MODULE_1__.setSecret(policyToken);
    const repoFull = env.GITHUB_REPOSITORY ?? '';
    const [owner, repo] = repoFull.split('/');
    if (!owner || !repo)
        throw new InputError(`GITHUB_REPOSITORY is not set to owner/repo (got ${JSON.stringify(repoFull)}): run inside GitHub Actions`);
    const eventPath = env.GITHUB_EVENT_PATH;
    let event = {};
    if (eventPath) {
        try {
            event = (0,_json_js__WEBPACK_IMPORTED_MODULE_5__/* .obj */ .WL)(JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readFileSync)(eventPath, 'utf8'))) ?? {};
        }
        catch (e) {
            throw new InputError(`cannot read the event payload at GITHUB_EVENT_PATH (${eventPath}): ${e instanceof Error ? e.message : String(e)}`);
        }
    }
    const prInput = _actions_core__WEBPACK_IMPORTED_MODULE_1__.getInput('pr-number');
    // pull_request*, pull_request_review*: the PR; issue_comment: the issue, when it is a pull request.
    const pullNumber = prInput
        ? Number(prInput)
        : ((0,_json_js__WEBPACK_IMPORTED_MODULE_5__/* .num */ .bu)((0,_json_js__WEBPACK_IMPORTED_MODULE_5__.at)(event, 'pull_request', 'number')) ?? ((0,_json_js__WEBPACK_IMPORTED_MODULE_5__.at)(event, 'issue', 'pull_request') ? (0,_json_js__WEBPACK_IMPORTED_MODULE_5__/* .num */ .bu)((0,_json_js__WEBPACK_IMPORTED_MODULE_5__.at)(event, 'issue', 'number')) : undefined));
    if (prInput && !(pullNumber !== undefined && Number.isInteger(pullNumber) && pullNumber > 0))
        throw new InputError(`input pr-number: expected a positive integer, got ${JSON.stringify(prInput)}`);
    const workspace = _actions_core__WEBPACK_IMPORTED_MODULE_1__.getInput('workspace') || env.GITHUB_WORKSPACE || process.cwd();
    const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
    const mode = choice('mode', _actions_core__WEBPACK_IMPORTED_MODULE_1__.getInput('mode'), ['pull_request', 'release', 'report'], 'pull_request');
    const environment = _actions_core__WEBPACK_IMPORTED_MODULE_1__.getInput('environment') || undefined;
    const baseRef = _actions_core__WEBPACK_IMPORTED_MODULE_1__.getInput('base-ref') || (mode === 'release' ? 'auto' : '');
    if (mode === 'release' && baseRef === 'auto' && !environment)
        throw new InputError('input base-ref is auto (the default in release mode) but input environment is empty: name the environment whose latest successful deployment is the base, or pass base-ref (a tag or SHA)');
    const trackingInput = _actions_core__WEBPACK_IMPORTED_MODULE_1__.getInput('tracking-issue');
    const trackingIssue = trackingInput ? Number(trackingInput) : undefined;
    if (trackingInput && !(Number.isInteger(trackingIssue) && trackingIssue > 0))
        throw new InputError(`input tracking-issue: expected a positive integer, got ${JSON.stringify(trackingInput)}`);
    const headRef = _actions_core__WEBPACK_IMPORTED_MODULE_1__.getInput('head-ref') || env.GITHUB_SHA || '';
    if (mode === 'release' && !headRef)
        throw new InputError('input head-ref is empty and GITHUB_SHA is not set: name the candidate commit');
    const repositories = _actions_core__WEBPACK_IMPORTED_MODULE_1__.getInput('repositories')
        .split(/[\s,]+/)
        .filter(Boolean);
    for (const r of repositories)
        if (!/^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/.test(r))
            throw new InputError(`input repositories: expected owner/name entries, got ${JSON.stringify(r)}`);
    const runUrl = env.GITHUB_RUN_ID ? `${serverUrl}/${repoFull}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
    return {
        token,
        policyToken,
        apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
        serverUrl,
        repository: { owner, repo },
        eventName: env.GITHUB_EVENT_NAME || '',
        event,
        policyPath: _actions_core__WEBPACK_IMPORTED_MODULE_1__.getInput('policy') || _policy_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_POLICY_PATH */ .lo,
        checkName: _actions_core__WEBPACK_IMPORTED_MODULE_1__.getInput('check-name') || _policy_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_CHECK_NAME */ .nV,
        failOn: choice('fail-on', _actions_core__WEBPACK_IMPORTED_MODULE_1__.getInput('fail-on'), ['failure', 'never'], 'failure'),
        comment: bool('comment', _actions_core__WEBPACK_IMPORTED_MODULE_1__.getInput('comment'), true),
        commentAuthor: _actions_core__WEBPACK_IMPORTED_MODULE_1__.getInput('comment-author') || 'github-actions[bot]',
        workspace,
        reportPath: _actions_core__WEBPACK_IMPORTED_MODULE_1__.getInput('report-path') || (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_4__.tmpdir)(), 'pr-quality-gate', 'report.json'),
        pullNumber: typeof pullNumber === 'number' ? pullNumber : undefined,
        runUrl,
        sha: env.GITHUB_SHA || '',
        requestTimeoutMs: positiveSeconds('request-timeout', _actions_core__WEBPACK_IMPORTED_MODULE_1__.getInput('request-timeout'), 30) * 1000,
        artifactName: _actions_core__WEBPACK_IMPORTED_MODULE_1__.getInput('artifact-name') || 'pr-quality-gate-evidence',
        mode,
        release: { baseRef, headRef, environment, trackingIssue, gateIdentity: _actions_core__WEBPACK_IMPORTED_MODULE_1__.getInput('gate-identity') || 'github-actions' },
        trends: {
            since: _actions_core__WEBPACK_IMPORTED_MODULE_1__.getInput('since') || '90d',
            repositories: repositories.map((r) => r.trim()).filter(Boolean),
            org: _actions_core__WEBPACK_IMPORTED_MODULE_1__.getInput('org') || undefined,
            failOnTrend: bool('fail-on-trend', _actions_core__WEBPACK_IMPORTED_MODULE_1__.getInput('fail-on-trend'), false),
            issue: bool('report-issue', _actions_core__WEBPACK_IMPORTED_MODULE_1__.getInput('report-issue'), true),
            alerts: bool('alerts', _actions_core__WEBPACK_IMPORTED_MODULE_1__.getInput('alerts'), false),
        },
    };
}


/***/ }),

/***/ 18948:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ writeOutputs)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96421);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);




/** The outputs every mode sets: conclusion, failed-rules, and the JSON report (written to reportPath). */
function writeOutputs(reportPath, v, report) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput('conclusion', v.conclusion);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput('failed-rules', v.failedRules.join(','));
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(reportPath), { recursive: true });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(reportPath, JSON.stringify(report, null, 2));
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput('report', reportPath);
    }
    catch (e) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(`could not write the JSON report to ${reportPath}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(e)}`);
    }
}


/***/ }),

/***/ 78725:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ actionRemotePolicy)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96421);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96584);
/* harmony import */ var _github_remote_policy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58808);
/** The Action's reader of `github:` extends (org policy): the `policy-token` input when given, else `token`. */



/** The reader of `github:` extends: with `policy-token` when given (the org repository), else the gate's token. */
function actionRemotePolicy(s, octokit) {
    const client = s.policyToken
        ? (0,_github_client_js__WEBPACK_IMPORTED_MODULE_1__.createClient)({
            token: s.policyToken,
            baseUrl: s.apiUrl,
            timeoutMs: s.requestTimeoutMs,
            log: (m) => {
                _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(m);
            },
        })
        : octokit;
    return new _github_remote_policy_js__WEBPACK_IMPORTED_MODULE_2__.RemotePolicyReader(client, {
        log: (m) => {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(m);
        },
        accessHint: s.policyToken
            ? 'The `policy-token` input cannot read it: give that token contents: read on the repository (a fine-grained token, or a GitHub App token), or run the gate as the GitHub App installed on it. See docs/policy.md, "Org policy".'
            : undefined,
    });
}


/***/ }),

/***/ 69232:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run_run)
});

// UNUSED EXPORTS: FORK_RECIPE

// EXTERNAL MODULE: ./src/pipeline/decision.ts
var decision = __webpack_require__(94126);
// EXTERNAL MODULE: ./src/policy/schema.ts + 1 modules
var schema = __webpack_require__(21458);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(96421);
// EXTERNAL MODULE: ./src/action/inputs.ts
var inputs = __webpack_require__(81729);
// EXTERNAL MODULE: ./src/action/outputs.ts
var outputs = __webpack_require__(18948);
// EXTERNAL MODULE: ./src/json.ts
var json = __webpack_require__(8301);
// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(96584);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/source.ts
var source = __webpack_require__(51094);
// EXTERNAL MODULE: ./src/github/evaluate.ts + 4 modules
var evaluate = __webpack_require__(80223);
// EXTERNAL MODULE: ./src/action/remote-policy.ts
var remote_policy = __webpack_require__(78725);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/fflate/esm/index.mjs
var esm = __webpack_require__(51306);
;// CONCATENATED MODULE: ./src/action/zip.ts
/**
 * A bounded unzip for artifacts built by the PR's own code (untrusted). The sizes a zip declares are
 * claims: an entry declared at 10 bytes may inflate to a gibibyte, and a whole-buffer inflate (fflate's
 * `unzipSync`) burns the CPU for all of it before anything can be checked. Here every entry is inflated
 * as a stream, in small slices of compressed input, and abandoned as soon as its output passes its
 * declared size; the declared sizes together must fit the archive budget before anything is inflated,
 * so the real output is bounded by the budget too. Any lie or excess is a ZipRejected naming the entry.
 *
 * Read from the central directory (what unzip tools trust), zip64 included; stored and deflated entries
 * only; encrypted entries are refused.
 */


class ZipRejected extends Error {
    constructor(message) {
        super(message);
        this.name = 'ZipRejected';
    }
}
/** Compressed bytes given to the inflater at a time: at DEFLATE's ~1032:1 ceiling, ≤ 17 MB of output each. */
const SLICE = 16 * 1024;
const u16 = (b, o) => b[o] | (b[o + 1] << 8);
const u32 = (b, o) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
const u64 = (b, o) => u32(b, o) + u32(b, o + 4) * 0x100000000;
function need(zip, at, length, what) {
    if (at < 0 || at + length > zip.length)
        throw new ZipRejected(`${what} lies outside the archive (truncated?)`);
}
function endOfCentralDirectory(zip) {
    const stop = Math.max(0, zip.length - 22 - 0xffff);
    for (let i = zip.length - 22; i >= stop; i--) {
        if (u32(zip, i) !== 0x06054b50)
            continue;
        let count = u16(zip, i + 10);
        let size = u32(zip, i + 12);
        let offset = u32(zip, i + 16);
        if ((count === 0xffff || offset === 0xffffffff || size === 0xffffffff) && i >= 20 && u32(zip, i - 20) === 0x07064b50) {
            const z = u64(zip, i - 12);
            need(zip, z, 56, 'the zip64 end of central directory');
            if (u32(zip, z) !== 0x06064b50)
                throw new ZipRejected('the zip64 end of central directory is missing');
            count = u64(zip, z + 32);
            size = u64(zip, z + 40);
            offset = u64(zip, z + 48);
        }
        return { count, offset, size };
    }
    throw new ZipRejected('no end of central directory record (not a zip, or truncated)');
}
function centralDirectory(zip, limits) {
    const end = endOfCentralDirectory(zip);
    if (end.count > limits.maxEntries)
        throw new ZipRejected(`the archive has ${end.count} entries, more than the ${limits.maxEntries} allowed`);
    const entries = [];
    let at = end.offset;
    let declared = 0;
    for (let n = 0; n < end.count; n++) {
        need(zip, at, 46, `central directory entry ${n}`);
        if (u32(zip, at) !== 0x02014b50)
            throw new ZipRejected(`central directory entry ${n} is corrupt`);
        const flags = u16(zip, at + 8);
        const method = u16(zip, at + 10);
        let compressedSize = u32(zip, at + 20);
        let size = u32(zip, at + 24);
        const nameLength = u16(zip, at + 28);
        const extraLength = u16(zip, at + 30);
        const commentLength = u16(zip, at + 32);
        let localOffset = u32(zip, at + 42);
        need(zip, at + 46, nameLength + extraLength, `central directory entry ${n}`);
        const raw = zip.subarray(at + 46, at + 46 + nameLength);
        const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(raw);
        // zip64: the sizes and offset that do not fit 32 bits are in extra field 0x0001, in this order.
        for (let e = at + 46 + nameLength, stop = e + extraLength; e + 4 <= stop;) {
            const id = u16(zip, e);
            const length = u16(zip, e + 2);
            if (id === 0x0001) {
                let f = e + 4;
                const take = () => {
                    if (f + 8 > e + 4 + length)
                        throw new ZipRejected(`entry ${JSON.stringify(name)} has a short zip64 field`);
                    const v = u64(zip, f);
                    f += 8;
                    return v;
                };
                if (size === 0xffffffff)
                    size = take();
                if (compressedSize === 0xffffffff)
                    compressedSize = take();
                if (localOffset === 0xffffffff)
                    localOffset = take();
            }
            e += 4 + length;
        }
        declared += size;
        if (declared > limits.maxBytes)
            throw new ZipRejected(`the archive declares more than ${limits.maxBytes} bytes uncompressed (at ${JSON.stringify(name)})`);
        entries.push({ name, method, flags, compressedSize, size, localOffset });
        at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
}
function inflateBounded(data, e) {
    const out = new Uint8Array(e.size);
    let written = 0;
    let done = false;
    const inflater = new esm/* Inflate */.EL((chunk, final) => {
        if (written + chunk.length > e.size)
            throw new ZipRejected(`entry ${JSON.stringify(e.name)} inflates to more than its declared ${e.size} bytes: the archive lies about its sizes`);
        out.set(chunk, written);
        written += chunk.length;
        if (final)
            done = true;
    });
    try {
        for (let i = 0; i < data.length; i += SLICE)
            inflater.push(data.subarray(i, Math.min(data.length, i + SLICE)), i + SLICE >= data.length);
        if (data.length === 0)
            inflater.push(new Uint8Array(0), true);
    }
    catch (err) {
        if (err instanceof ZipRejected)
            throw err;
        throw new ZipRejected(`entry ${JSON.stringify(e.name)} does not inflate: ${(0,errors/* plainMessage */.C5)(err)}`);
    }
    if (!done || written !== e.size)
        throw new ZipRejected(`entry ${JSON.stringify(e.name)} inflates to ${written} bytes, not its declared ${e.size}`);
    return out;
}
/** Every entry of the archive (directories skipped), inflated within its declared size and the limits. */
function unzipBounded(zip, limits) {
    const out = [];
    for (const e of centralDirectory(zip, limits)) {
        if (e.name.endsWith('/'))
            continue;
        if (e.flags & 1)
            throw new ZipRejected(`entry ${JSON.stringify(e.name)} is encrypted`);
        need(zip, e.localOffset, 30, `entry ${JSON.stringify(e.name)}`);
        if (u32(zip, e.localOffset) !== 0x04034b50)
            throw new ZipRejected(`entry ${JSON.stringify(e.name)} has no local header where the central directory says`);
        const start = e.localOffset + 30 + u16(zip, e.localOffset + 26) + u16(zip, e.localOffset + 28);
        need(zip, start, e.compressedSize, `the data of entry ${JSON.stringify(e.name)}`);
        const data = zip.subarray(start, start + e.compressedSize);
        if (e.method === 0) {
            if (e.compressedSize !== e.size)
                throw new ZipRejected(`stored entry ${JSON.stringify(e.name)} is ${e.compressedSize} bytes, not its declared ${e.size}`);
            out.push({ name: e.name, bytes: data.slice() });
        }
        else if (e.method === 8)
            out.push({ name: e.name, bytes: inflateBounded(data, e) });
        else
            throw new ZipRejected(`entry ${JSON.stringify(e.name)} uses compression method ${e.method} (only stored and deflate are read)`);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/action/workflow-run.ts
/**
 * The `workflow_run` publishing mode, for fork pull requests. The PR's own workflow (read-only token)
 * runs its tests and uploads an artifact with its evidence (coverage, scanner reports) and a `pr.json`
 * naming the PR. This workflow, triggered by `workflow_run` with a write token:
 *   1. downloads that artifact from the triggering run (never runs anything from it);
 *   2. checks that it belongs to the run's PR: the PR it names must have the run's head SHA and head
 *      repository, else it is rejected and nothing is published;
 *   3. re-evaluates the PR from the API (a verdict inside the artifact is never trusted), with the
 *      artifact's files as evidence labelled as coming from the PR's own workflow;
 *   4. publishes like the `pull_request` Action.
 */







const PR_MANIFEST = 'pr.json';
/** Limits against zip bombs: total uncompressed bytes and entry count. */
const MAX_ARTIFACT_BYTES = 200 * 1024 * 1024;
const MAX_ARTIFACT_FILES = 10_000;
class ArtifactRejected extends Error {
    constructor(message) {
        super(message);
        this.name = 'ArtifactRejected';
    }
}
function triggeringRun(event) {
    const id = (0,json/* num */.bu)((0,json.at)(event, 'workflow_run', 'id'));
    const headSha = (0,json/* str */.gx)((0,json.at)(event, 'workflow_run', 'head_sha'));
    if (id === undefined || headSha === undefined)
        throw new ArtifactRejected('the workflow_run event carries no workflow_run with an id and head_sha');
    return {
        id,
        headSha,
        headRepo: (0,json/* str */.gx)((0,json.at)(event, 'workflow_run', 'head_repository', 'full_name')),
        pullNumbers: (0,json/* list */.p_)((0,json.at)(event, 'workflow_run', 'pull_requests'))
            .map((p) => (0,json/* num */.bu)((0,json.at)(p, 'number')))
            .filter((n) => n !== undefined),
    };
}
/**
 * Unzips into a fresh directory, refusing absolute paths, `..`, and archives over the limits. Entries are
 * inflated as streams and abandoned at their declared size (see zip.ts): a zip that lies about its sizes
 * is rejected after at most MAX_ARTIFACT_BYTES of work, never inflated whole.
 */
function extractArtifact(zip, intoDir, limits = { maxBytes: MAX_ARTIFACT_BYTES, maxEntries: MAX_ARTIFACT_FILES }) {
    let entries;
    try {
        entries = unzipBounded(zip, limits);
    }
    catch (e) {
        if (e instanceof ZipRejected)
            throw new ArtifactRejected(`the artifact is not a readable zip within the limits (${limits.maxEntries} files, ${Math.round(limits.maxBytes / 1024 / 1024)} MB uncompressed): ${e.message}`);
        throw new ArtifactRejected(`the artifact is not a readable zip: ${(0,errors/* errorMessage */.gJ)(e)}`);
    }
    const dir = intoDir ?? (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'pr-gate-artifact-'));
    const files = [];
    for (const { name, bytes } of entries) {
        const clean = (0,external_node_path_.normalize)(name).split(external_node_path_.sep).join('/');
        if (clean.startsWith('/') || clean.startsWith('../') || clean === '..' || /^[A-Za-z]:/.test(clean)) {
            throw new ArtifactRejected(`the artifact holds a path outside its folder: ${JSON.stringify(name)}`);
        }
        const full = (0,external_node_path_.join)(dir, clean);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(full), { recursive: true });
        (0,external_node_fs_.writeFileSync)(full, bytes);
        files.push(clean);
    }
    return { dir, files: files.sort() };
}
async function downloadArtifact(octokit, repo, runId, name) {
    const { data } = await octokit.rest.actions.listWorkflowRunArtifacts({ owner: repo.owner, repo: repo.repo, run_id: runId, per_page: 100 });
    const artifact = data.artifacts.find((a) => a.name === name);
    if (!artifact)
        throw new ArtifactRejected(`the triggering run ${runId} has no artifact named ${JSON.stringify(name)} (artifacts: ${data.artifacts.map((a) => a.name).join(', ') || 'none'})`);
    if (artifact.expired)
        throw new ArtifactRejected(`the artifact ${JSON.stringify(name)} of run ${runId} has expired`);
    try {
        const res = await octokit.rest.actions.downloadArtifact({
            owner: repo.owner,
            repo: repo.repo,
            artifact_id: artifact.id,
            archive_format: 'zip',
        });
        return new Uint8Array(res.data);
    }
    catch (e) {
        if ((0,errors/* statusOf */.c2)(e) === 410)
            throw new ArtifactRejected(`the artifact ${JSON.stringify(name)} of run ${runId} has expired`);
        throw e;
    }
}
/**
 * Downloads and verifies the evidence of the triggering run. Throws ArtifactRejected when the artifact
 * is missing, unreadable, or belongs to another PR or commit.
 */
async function loadRunEvidence(octokit, repo, event, artifactName) {
    const run = triggeringRun(event);
    const zip = await downloadArtifact(octokit, repo, run.id, artifactName);
    const { dir, files } = extractArtifact(zip);
    let claimed = run.pullNumbers.length === 1 ? run.pullNumbers[0] : undefined;
    if (files.includes(PR_MANIFEST)) {
        let manifest;
        try {
            const { readFileSync } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 73024, 23));
            manifest = JSON.parse(readFileSync((0,external_node_path_.join)(dir, PR_MANIFEST), 'utf8'));
        }
        catch (e) {
            throw new ArtifactRejected(`${PR_MANIFEST} in the artifact is not valid JSON: ${(0,errors/* errorMessage */.gJ)(e)}`);
        }
        if (typeof manifest.number !== 'number' || !Number.isInteger(manifest.number))
            throw new ArtifactRejected(`${PR_MANIFEST} in the artifact has no integer "number"`);
        if (claimed !== undefined && claimed !== manifest.number) {
            throw new ArtifactRejected(`the artifact names PR #${manifest.number} but the triggering run belongs to PR #${claimed}`);
        }
        claimed = manifest.number;
    }
    if (claimed === undefined)
        throw new ArtifactRejected(`no pull request: the run lists none and the artifact has no ${PR_MANIFEST}`);
    const pr = await (0,source/* fetchPull */.ey)(octokit, repo, claimed);
    if (pr.headSha !== run.headSha) {
        throw new ArtifactRejected(`the artifact is for PR #${claimed}, whose head is ${pr.headSha.slice(0, 12)}, but the triggering run built ${run.headSha.slice(0, 12)}: rejected`);
    }
    if (run.headRepo && pr.headRepo && run.headRepo !== pr.headRepo) {
        throw new ArtifactRejected(`the artifact is for PR #${claimed} from ${pr.headRepo}, but the triggering run built ${run.headRepo}: rejected`);
    }
    return { pr, dir, files: files.filter((f) => f !== PR_MANIFEST), artifactName, runId: run.id };
}

// EXTERNAL MODULE: ./src/github/publish-verdict.ts + 1 modules
var publish_verdict = __webpack_require__(2081);
// EXTERNAL MODULE: ./src/evidence/workspace.ts
var workspace = __webpack_require__(21592);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
// EXTERNAL MODULE: ./src/report/json.ts
var report_json = __webpack_require__(32794);
// EXTERNAL MODULE: ./src/engine/run.ts
var run = __webpack_require__(62515);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
// EXTERNAL MODULE: ./src/report/waiver-audit.ts
var waiver_audit = __webpack_require__(15946);
;// CONCATENATED MODULE: ./src/action/log.ts


const WORD = {
    pass: 'pass',
    notice: 'pass (notices)',
    warn: 'warning',
    fail: 'FAIL',
    error: 'NOT EVALUATED',
    off: 'off',
    waived: 'waived',
};
/** One line of untrusted text, safe to print after a prefix. */
function oneLine(s, max = 2000) {
    const flat = s.replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ');
    return (0,report_escape/* visibleControls */.xx)(flat.length > max ? flat.slice(0, max) + '…' : flat);
}
function resultWord(r) {
    if ((r.status === 'pass' || r.status === 'notice') && r.applicability === 'not-applicable')
        return 'not applicable';
    if ((r.status === 'pass' || r.status === 'notice') && r.applicability === 'no-evidence')
        return 'no evidence';
    return WORD[r.status];
}
function logVerdict(v, log, range) {
    const debug = log.isDebug();
    log.info(`policy: ${oneLine(v.policySource)}`);
    const names = range?.baseRef || range?.headRef ? ` (${oneLine(range.baseRef ?? '?', 200)}...${oneLine(range.headRef ?? '?', 200)})` : '';
    log.info(`diff range: ${oneLine(v.base, 200)}...${oneLine(v.head, 200)}${names}`);
    for (const n of v.notes)
        log.info(`note (${n.level}): ${oneLine(n.message)}`);
    for (const r of v.results) {
        const time = r.durationMs !== undefined ? ` in ${r.durationMs} ms` : '';
        log.startGroup(`${r.id}: ${resultWord(r)}${time}`);
        try {
            if (r.status === 'off')
                log.info(`  off${r.summary ? `: ${oneLine(r.summary)}` : ' in the policy'}`);
            else if (r.summary)
                log.info(`  ${oneLine(r.summary)}`);
            if (r.waiver)
                log.info(`  ${oneLine((0,waiver_audit/* waiverText */.Eu)(r.waiver), 800)}`);
            for (const f of r.findings) {
                const level = f.kind === 'error' ? 'error' : f.kind === 'info' ? 'info' : (f.level ?? r.level);
                const where = f.path ? `${oneLine(f.path, 500)}${f.line ? `:${f.line}` : ''} ` : '';
                log.info(`  [${level}] ${where}${f.code ? `(${oneLine(f.code, 100)}) ` : ''}${oneLine(f.message)}`);
                if (f.hint)
                    log.info(`    fix: ${oneLine(f.hint)}`);
            }
            if (debug) {
                log.debug(`${r.id}: level ${r.level}, status ${r.status}, applicability ${r.applicability ?? 'n/a'}, ${r.findings.length} finding(s)${time}`);
                for (const t of r.tables ?? []) {
                    log.debug(`${r.id} table ${oneLine(t.title ?? '', 200)}: ${t.columns.map((c) => oneLine(c, 100)).join(' | ')}`);
                    for (const row of t.rows.slice(0, 200))
                        log.debug(`${r.id}   ${row.map((c) => oneLine(c, 300)).join(' | ')}`);
                    if (t.rows.length > 200)
                        log.debug(`${r.id}   … ${t.rows.length - 200} more rows (JSON report)`);
                }
                for (const n of r.notes ?? [])
                    log.debug(`${r.id} note (${n.level}): ${oneLine(n.message)}`);
            }
        }
        finally {
            log.endGroup();
        }
    }
}

;// CONCATENATED MODULE: ./src/action/run.ts
/**
 * The Action: translate the runner's inputs into one evaluation and publish the verdict to every surface.
 * It decides nothing itself: the engine concludes; this module only reports and sets the exit code.
 */


















const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);
const FORK_RECIPE = 'This pull request comes from a fork, so the workflow token is read-only and the gate could not write its comment or check run. The verdict is in the job summary, the outputs and the exit code. To publish it, use the two-workflow recipe in the README ("Fork pull requests": pull_request_target for the API-only rules, or a workflow_run job that publishes).';
async function resolvePull(octokit, s) {
    const payloadPr = s.event.pull_request;
    if (payloadPr && PR_EVENTS.has(s.eventName) && (0,json/* num */.bu)((0,json.at)(payloadPr, 'number')) === s.pullNumber)
        return (0,source/* pullInfoFrom */.Kx)(payloadPr);
    if (!s.pullNumber) {
        throw new inputs/* InputError */.d(`nothing to evaluate: event ${JSON.stringify(s.eventName)} carries no pull request; run on pull_request, or pass input pr-number`);
    }
    try {
        return await (0,source/* fetchPull */.ey)(octokit, s.repository, s.pullNumber);
    }
    catch (e) {
        throw new Error((0,errors/* describeApiError */.gg)(`reading pull request #${s.pullNumber}`, e));
    }
}
async function run_run() {
    let verdict;
    /** The enforced policy's waiver label prefix (the job summary tells how to waive with it). */
    let labelPrefix = schema/* DEFAULT_LABEL_PREFIX */.qu;
    let settings;
    let published;
    try {
        settings = (0,inputs/* getSettings */.m)();
        const s = settings;
        // Release mode is loaded only when the step asks for it (issue 15 item 5): a PR run never evaluates it.
        if (s.mode === 'release') {
            await (await Promise.all(/* import() */[__webpack_require__.e(430), __webpack_require__.e(7)]).then(__webpack_require__.bind(__webpack_require__, 11007))).runRelease(s);
            return;
        }
        // Report mode (issue 21): team trends over merged pull requests, no pull request evaluated.
        if (s.mode === 'report') {
            await (await Promise.all(/* import() */[__webpack_require__.e(420), __webpack_require__.e(427), __webpack_require__.e(92), __webpack_require__.e(321)]).then(__webpack_require__.bind(__webpack_require__, 49321))).runReport(s);
            return;
        }
        const octokit = (0,client.createClient)({
            token: s.token,
            baseUrl: s.apiUrl,
            timeoutMs: s.requestTimeoutMs,
            log: (m) => {
                core.info(m);
            },
        });
        let pr;
        let evidence = (0,workspace/* workspaceEvidence */.$W)(s.workspace);
        const notes = [];
        if (s.eventName === 'workflow_run') {
            const run = await loadRunEvidence(octokit, s.repository, s.event, s.artifactName);
            pr = run.pr;
            evidence = (0,workspace/* workspaceEvidence */.$W)(run.dir, 'pr-artifact');
            notes.push({
                level: 'warning',
                message: `Evidence from the PR's own workflow: ${run.files.length} file(s) of artifact ${run.artifactName} (run ${run.runId}), built by the PR's code. It was checked to belong to PR #${pr.number} at ${pr.headSha.slice(0, 12)}; the verdict is recomputed here from the API.`,
            });
        }
        else {
            pr = await resolvePull(octokit, s);
        }
        core.info(`pr-quality-gate: evaluating ${s.repository.owner}/${s.repository.repo}#${pr.number} at ${pr.headSha.slice(0, 12)} (base ${pr.baseSha.slice(0, 12)})`);
        const remotePolicy = (0,remote_policy/* actionRemotePolicy */.R)(s, octokit);
        const { verdict: v, policy, comments, } = await (0,evaluate/* evaluatePullRequest */.qd)({
            octokit,
            repo: s.repository,
            pr,
            policyPath: s.policyPath,
            evidence,
            notes,
            log: (m) => {
                core.info(m);
            },
            remotePolicy,
        });
        verdict = v;
        labelPrefix = policy?.waivers.label_prefix ?? labelPrefix;
        logVerdict(v, core, { baseRef: pr.baseRef, headRef: pr.headRef });
        published = await (0,publish_verdict/* publishVerdict */.T)({
            octokit,
            repo: s.repository,
            pr,
            verdict: v,
            comments,
            checkName: s.checkName,
            comment: s.comment,
            commentMode: policy?.comment,
            commentAuthor: s.commentAuthor,
            token: s.token,
            serverUrl: s.serverUrl,
            runUrl: s.runUrl,
            labelPrefix,
            log: (m) => {
                core.info(m);
            },
            warn: (m) => {
                core.warning(m);
            },
        });
        if (published.readOnly)
            core.warning(FORK_RECIPE);
        (0,outputs/* writeOutputs */.K)(s.reportPath, v, (0,report_json/* toJsonReport */.O)(v));
        core.info(`pr-quality-gate: ${v.conclusion} — ${v.title}`);
        if ((0,decision/* failsJob */.VC)(v, s.failOn))
            core.setFailed(`quality gate failed: ${v.title}`);
    }
    catch (e) {
        // Never a stack trace, never a silent green: one line naming what failed.
        const message = (0,run/* errorMessage */.gJ)(e);
        core.setOutput('conclusion', 'failure');
        const what = settings?.mode === 'release' ? 'the release' : 'the pull request';
        core.setFailed(`pr-quality-gate could not evaluate ${what}: ${message}`);
    }
    finally {
        if (verdict && settings) {
            try {
                await core.summary
                    .addRaw((0,markdown/* renderJobSummary */.qE)(verdict, {
                    labelPrefix,
                    links: {
                        repoUrl: `${settings.serverUrl}/${settings.repository.owner}/${settings.repository.repo}`,
                        checkUrl: published?.checkUrl,
                        runUrl: settings.runUrl,
                    },
                }))
                    .write();
            }
            catch (e) {
                core.warning(`could not write the job summary: ${(0,run/* errorMessage */.gJ)(e)}`);
            }
        }
    }
}


/***/ })

};
