export const id = 600;
export const ids = [600];
export const modules = {

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
    const client = s.policyToken ? (0,_github_client_js__WEBPACK_IMPORTED_MODULE_1__.createClient)({ token: s.policyToken, baseUrl: s.apiUrl, timeoutMs: s.requestTimeoutMs, log: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(m) }) : octokit;
    return new _github_remote_policy_js__WEBPACK_IMPORTED_MODULE_2__.RemotePolicyReader(client, {
        log: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(m),
        accessHint: s.policyToken
            ? 'The `policy-token` input cannot read it: give that token contents: read on the repository (a fine-grained token, or a GitHub App token), or run the gate as the GitHub App installed on it. See docs/policy.md, "Org policy".'
            : undefined,
    });
}


/***/ }),

/***/ 70600:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run_run)
});

// UNUSED EXPORTS: FORK_RECIPE

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(96421);
// EXTERNAL MODULE: ./src/json.ts
var json = __webpack_require__(8301);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./src/action/inputs.ts
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
    const token = core.getInput('token') || env.GITHUB_TOKEN || '';
    if (!token)
        throw new InputError('input token is empty: pass `token: ${{ github.token }}` (the default) or a token with the documented permissions');
    core.setSecret(token);
    const policyToken = core.getInput('policy-token') || undefined;
    if (policyToken)
        core.setSecret(policyToken);
    const repoFull = env.GITHUB_REPOSITORY ?? '';
    const [owner, repo] = repoFull.split('/');
    if (!owner || !repo)
        throw new InputError(`GITHUB_REPOSITORY is not set to owner/repo (got ${JSON.stringify(repoFull)}): run inside GitHub Actions`);
    const eventPath = env.GITHUB_EVENT_PATH;
    let event = {};
    if (eventPath) {
        try {
            event = (0,json/* obj */.WL)(JSON.parse((0,external_node_fs_.readFileSync)(eventPath, 'utf8'))) ?? {};
        }
        catch (e) {
            throw new InputError(`cannot read the event payload at GITHUB_EVENT_PATH (${eventPath}): ${e instanceof Error ? e.message : String(e)}`);
        }
    }
    const prInput = core.getInput('pr-number');
    // pull_request*, pull_request_review*: the PR; issue_comment: the issue, when it is a pull request.
    const pullNumber = prInput ? Number(prInput) : ((0,json/* num */.bu)((0,json.at)(event, 'pull_request', 'number')) ?? ((0,json.at)(event, 'issue', 'pull_request') ? (0,json/* num */.bu)((0,json.at)(event, 'issue', 'number')) : undefined));
    if (prInput && !(pullNumber !== undefined && Number.isInteger(pullNumber) && pullNumber > 0))
        throw new InputError(`input pr-number: expected a positive integer, got ${JSON.stringify(prInput)}`);
    const workspace = core.getInput('workspace') || env.GITHUB_WORKSPACE || process.cwd();
    const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
    const mode = choice('mode', core.getInput('mode'), ['pull_request', 'release'], 'pull_request');
    const environment = core.getInput('environment') || undefined;
    const baseRef = core.getInput('base-ref') || (mode === 'release' ? 'auto' : '');
    if (mode === 'release' && baseRef === 'auto' && !environment)
        throw new InputError('input base-ref is auto (the default in release mode) but input environment is empty: name the environment whose latest successful deployment is the base, or pass base-ref (a tag or SHA)');
    const trackingInput = core.getInput('tracking-issue');
    const trackingIssue = trackingInput ? Number(trackingInput) : undefined;
    if (trackingInput && !(Number.isInteger(trackingIssue) && trackingIssue > 0))
        throw new InputError(`input tracking-issue: expected a positive integer, got ${JSON.stringify(trackingInput)}`);
    const headRef = core.getInput('head-ref') || env.GITHUB_SHA || '';
    if (mode === 'release' && !headRef)
        throw new InputError('input head-ref is empty and GITHUB_SHA is not set: name the candidate commit');
    const runUrl = env.GITHUB_RUN_ID ? `${serverUrl}/${repoFull}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
    return {
        token,
        policyToken,
        apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
        serverUrl,
        repository: { owner, repo },
        eventName: env.GITHUB_EVENT_NAME || '',
        event,
        policyPath: core.getInput('policy') || '.github/quality-gate.yml',
        checkName: core.getInput('check-name') || 'quality-gate',
        failOn: choice('fail-on', core.getInput('fail-on'), ['failure', 'never'], 'failure'),
        comment: bool('comment', core.getInput('comment'), true),
        commentAuthor: core.getInput('comment-author') || 'github-actions[bot]',
        workspace,
        reportPath: core.getInput('report-path') || (0,external_node_path_.join)(env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'pr-quality-gate', 'report.json'),
        pullNumber: typeof pullNumber === 'number' ? pullNumber : undefined,
        runUrl,
        sha: env.GITHUB_SHA || '',
        requestTimeoutMs: positiveSeconds('request-timeout', core.getInput('request-timeout'), 30) * 1000,
        artifactName: core.getInput('artifact-name') || 'pr-quality-gate-evidence',
        mode,
        release: { baseRef, headRef, environment, trackingIssue, gateIdentity: core.getInput('gate-identity') || 'github-actions' },
    };
}

// EXTERNAL MODULE: ./src/action/outputs.ts
var outputs = __webpack_require__(18948);
// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(96584);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/source.ts
var source = __webpack_require__(51094);
// EXTERNAL MODULE: ./src/github/evaluate.ts + 3 modules
var evaluate = __webpack_require__(55425);
// EXTERNAL MODULE: ./src/action/remote-policy.ts
var remote_policy = __webpack_require__(78725);
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
        const res = await octokit.rest.actions.downloadArtifact({ owner: repo.owner, repo: repo.repo, artifact_id: artifact.id, archive_format: 'zip' });
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


const WORD = { pass: 'pass', notice: 'pass (notices)', warn: 'warning', fail: 'FAIL', error: 'NOT EVALUATED', off: 'off', waived: 'waived' };
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
        throw new InputError(`nothing to evaluate: event ${JSON.stringify(s.eventName)} carries no pull request; run on pull_request, or pass input pr-number`);
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
    let labelPrefix = 'gate-waive:';
    let settings;
    let published;
    try {
        settings = getSettings();
        const s = settings;
        // Release mode is loaded only when the step asks for it (issue 15 item 5): a PR run never evaluates it.
        if (s.mode === 'release')
            return await (await Promise.all(/* import() */[__webpack_require__.e(430), __webpack_require__.e(7)]).then(__webpack_require__.bind(__webpack_require__, 11007))).runRelease(s);
        const octokit = (0,client.createClient)({ token: s.token, baseUrl: s.apiUrl, timeoutMs: s.requestTimeoutMs, log: (m) => core.info(m) });
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
        const { verdict: v, policy, comments } = await (0,evaluate/* evaluatePullRequest */.qd)({ octokit, repo: s.repository, pr, policyPath: s.policyPath, evidence, notes, log: (m) => core.info(m), remotePolicy });
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
            labelPrefix: policy?.waivers.label_prefix ?? 'gate-waive:',
            log: (m) => core.info(m),
            warn: (m) => core.warning(m),
        });
        if (published.readOnly)
            core.warning(FORK_RECIPE);
        (0,outputs/* writeOutputs */.K)(s.reportPath, v, (0,report_json/* toJsonReport */.O)(v));
        core.info(`pr-quality-gate: ${v.conclusion} — ${v.title}`);
        if (v.conclusion === 'failure' && s.failOn === 'failure')
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
                await core.summary.addRaw((0,markdown/* renderJobSummary */.qE)(verdict, { labelPrefix, links: { repoUrl: `${settings.serverUrl}/${settings.repository.owner}/${settings.repository.repo}`, checkUrl: published?.checkUrl, runUrl: settings.runUrl } })).write();
            }
            catch (e) {
                core.warning(`could not write the job summary: ${(0,run/* errorMessage */.gJ)(e)}`);
            }
        }
    }
}


/***/ }),

/***/ 2081:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  T: () => (/* binding */ publishVerdict)
});

// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
;// CONCATENATED MODULE: ./src/report/annotations.ts

/**
 * At most this many annotations per check run: each batch of 50 is one write request, and GitHub asks
 * integrations to space writes by a second. Findings beyond it are in the check text and the JSON report.
 */
const MAX_ANNOTATIONS = 500;
/** One annotation per finding that has a path and a line (plain text: annotations are not Markdown). */
function annotationsOf(v, max = MAX_ANNOTATIONS) {
    const out = [];
    for (const r of v.results) {
        if (r.status === 'off')
            continue;
        for (const f of r.findings) {
            if (!f.path || !f.line)
                continue;
            const level = f.kind === 'error' ? 'failure' : f.kind === 'info' ? 'notice' : f.level === 'fail' ? (r.status === 'waived' ? 'warning' : 'failure') : f.level === 'warn' ? 'warning' : 'notice';
            // Plain text, but GitHub shows it as it is: controls and bidi overrides become visible escapes.
            const message = (0,report_escape/* visibleControls */.xx)(f.hint ? `${f.message}\n\nFix: ${f.hint}` : f.message);
            out.push({
                path: f.path,
                start_line: f.line,
                end_line: Math.max(f.endLine ?? f.line, f.line),
                annotation_level: level,
                message: message.length > 60000 ? message.slice(0, 60000) + '…' : message,
                title: `${r.id}${f.code ? `: ${f.code}` : ''}`.slice(0, 255),
            });
        }
    }
    return out.slice(0, max);
}
/** How many findings with a line were not annotated because of the cap. */
function unannotated(v, max = MAX_ANNOTATIONS) {
    return Math.max(0, annotationsOf(v, Infinity).length - max);
}

// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
// EXTERNAL MODULE: ./src/github/publish.ts
var publish = __webpack_require__(77184);
;// CONCATENATED MODULE: ./src/github/publish-verdict.ts



async function publishVerdict(p) {
    const { octokit, repo, pr, verdict } = p;
    const repoUrl = `${p.serverUrl}/${repo.owner}/${repo.repo}`;
    const links = { repoUrl, runUrl: p.runUrl };
    const result = { usedStatus: false, readOnly: false };
    let forbidden = 0;
    let attempted = 0;
    attempted++;
    const check = await (0,publish/* createCheckRun */._U)(octokit, repo, {
        name: p.checkName,
        headSha: pr.headSha,
        conclusion: verdict.conclusion,
        output: withAnnotationNote((0,markdown/* renderCheckOutput */.IM)(verdict, { labelPrefix: p.labelPrefix, links }), unannotated(verdict)),
        annotations: annotationsOf(verdict),
        detailsUrl: p.runUrl,
    });
    if (check.ok) {
        result.checkUrl = check.value.url;
        result.checkRunId = check.value.id;
        p.log(`check run ${p.checkName}: ${verdict.conclusion}`);
    }
    else {
        if (check.forbidden) {
            p.log(`${check.message}; falling back to a commit status`);
            const status = await (0,publish/* createCommitStatus */.I8)(octokit, repo, pr.headSha, p.checkName, verdict.conclusion, verdict.title, p.runUrl);
            if (status.ok)
                result.usedStatus = true;
            else {
                forbidden++;
                p.warn(status.message);
            }
        }
        else
            p.warn(check.message);
    }
    const mode = p.comment ? (p.commentMode ?? 'always') : 'never';
    if (mode !== 'never' && pr.number) {
        const marker = (0,markdown/* markerFor */._Z)(p.checkName);
        const body = (0,markdown/* renderComment */.wQ)(verdict, { checkName: p.checkName, labelPrefix: p.labelPrefix, links: { ...links, checkUrl: result.checkUrl } });
        const skip = await commentSkipReason(p, mode, pr.number, marker, body);
        if (skip) {
            result.comment = 'skipped';
            p.log(`sticky comment not written (comment: ${mode}): ${skip}`);
        }
        else {
            attempted++;
            const c = await (0,publish/* upsertStickyComment */.qD)(octokit, repo, pr.number, marker, body, p.commentAuthor, p.token, p.comments);
            if (c.ok) {
                result.commentId = c.value.id;
                result.comment = c.value.action;
                p.log(`sticky comment ${c.value.action}`);
            }
            else {
                if (c.forbidden)
                    forbidden++;
                p.warn(c.message);
            }
        }
    }
    if (pr.number && (verdict.labels.add.length || verdict.labels.remove.length)) {
        attempted++;
        const l = await (0,publish/* syncLabels */.LX)(octokit, repo, pr.number, pr.labels, verdict.labels.add, verdict.labels.remove);
        if (!l.ok) {
            if (l.forbidden)
                forbidden++;
            p.warn(l.message);
        }
    }
    result.readOnly = attempted > 0 && forbidden === attempted;
    return result;
}
/**
 * Why `comment: on-failure | on-change` leaves the sticky comment alone this run, or undefined to write it.
 * on-failure: a passing verdict is written only over a comment already there (so a red comment never
 * outlives the fix). on-change: written when the state differs from the comment's (a first comment only
 * when the verdict is not a pass). When the comment cannot be looked up nothing is written (a blind create
 * could duplicate the sticky comment, as upsertStickyComment would also refuse); a verdict that is not a
 * pass says so in a warning annotation, and the check run, already written, carries the verdict.
 */
async function commentSkipReason(p, mode, issue, marker, body) {
    if (mode === 'always')
        return undefined;
    const passing = p.verdict.conclusion === 'success';
    const found = await (0,publish/* findStickyComment */.oC)(p.octokit, p.repo, issue, marker, p.commentAuthor, p.token, p.comments);
    if (!found.ok) {
        if (passing)
            return `the conclusion is success and the existing comment could not be looked up (${found.message})`;
        // Writing blind would add a second sticky comment next to the one we could not see; the check run
        // (already written) carries the verdict, so say so where the reviewer looks: a warning annotation.
        const why = `the existing comment could not be looked up (${found.message}), so a new one could duplicate it; the check run has the verdict`;
        p.warn(`sticky comment not written (comment: ${mode}): ${why}`);
        return why;
    }
    const existing = found.value;
    if (mode === 'on-failure')
        return passing && !existing ? 'the conclusion is success and there is no comment to update' : undefined;
    if (!existing)
        return passing ? 'the conclusion is success and there is no earlier comment to change' : undefined;
    const before = (0,markdown/* commentState */.PW)(existing.body);
    return before !== undefined && before === (0,markdown/* commentState */.PW)(body) ? 'the verdict and findings are the same as in the existing comment' : undefined;
}
function withAnnotationNote(output, skipped) {
    if (!skipped)
        return output;
    const note = `\n\n> ℹ️ ${skipped} more findings with a line are not annotated (the first ${MAX_ANNOTATIONS} are); all are listed below and in the JSON report.`;
    const summary = output.summary.length + note.length <= 65535 ? output.summary + note : output.summary;
    return { ...output, summary };
}


/***/ }),

/***/ 77184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I8: () => (/* binding */ createCommitStatus),
/* harmony export */   LX: () => (/* binding */ syncLabels),
/* harmony export */   _U: () => (/* binding */ createCheckRun),
/* harmony export */   oC: () => (/* binding */ findStickyComment),
/* harmony export */   qD: () => (/* binding */ upsertStickyComment)
/* harmony export */ });
/* unused harmony exports tokenIdentity, ANNOTATIONS_PER_REQUEST */
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96584);

function failure(purpose, e) {
    const s = (0,_client_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(e);
    return { ok: false, forbidden: s === 403 || s === 401, message: (0,_client_js__WEBPACK_IMPORTED_MODULE_0__.describeApiError)(purpose, e) };
}
/**
 * The login of the token's identity, for recognising our own comments. Installation tokens (`ghs_`: the
 * workflow's GITHUB_TOKEN and App tokens) cannot call GET /user and always answer 403: the configured
 * bot login is used without asking.
 */
async function tokenIdentity(octokit, fallback, token) {
    if (token?.startsWith('ghs_'))
        return fallback;
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return data.login;
    }
    catch (e) {
        // Installation tokens (GITHUB_TOKEN, Apps) cannot call GET /user: they post as the app's bot.
        if ((0,_client_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(e) === 403 || (0,_client_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(e) === 401)
            return fallback;
        throw e;
    }
}
async function listMarked(octokit, r, issue, marker) {
    const all = (await octokit.paginate(octokit.rest.issues.listComments, { owner: r.owner, repo: r.repo, issue_number: issue, per_page: 100 }));
    return all.filter((c) => typeof c.body === 'string' && c.body.startsWith(marker));
}
/**
 * Creates or updates THE sticky comment: a comment that starts with the marker AND is written by the
 * token's identity (a marker alone can be spoofed by anyone who comments). Concurrent runs can both
 * create one: after creating, the list is read again and our own duplicates are removed, keeping the
 * oldest (which then gets this run's body).
 *
 * `known`: the PR's comments already read this run (with the base side, see prefetch.ts; `own` = by the
 * token's identity). They replace the first listing; if our comment found there is gone by the time it is
 * updated (404), the comment is looked up again as if nothing were known.
 */
async function upsertStickyComment(octokit, r, issue, marker, body, identityFallback, token, known) {
    let identity;
    try {
        if (known) {
            const own = known.filter((c) => c.own && c.body.startsWith(marker)).sort((a, b) => a.id - b.id);
            if (own.length) {
                const updated = await updateIfPresent(octokit, r, own[0].id, body);
                if (updated) {
                    for (const dup of own.slice(1))
                        await deleteQuietly(octokit, r, dup.id);
                    return { ok: true, value: { id: updated.id, url: updated.html_url, action: 'updated' } };
                }
                return upsertStickyComment(octokit, r, issue, marker, body, identityFallback, token);
            }
        }
        const marked = known ? [] : await listMarked(octokit, r, issue, marker);
        if (marked.length) {
            identity = await tokenIdentity(octokit, identityFallback, token);
            const own = marked.filter((c) => c.user?.login === identity).sort((a, b) => a.id - b.id);
            if (own.length) {
                const { data } = await octokit.rest.issues.updateComment({ owner: r.owner, repo: r.repo, comment_id: own[0].id, body });
                for (const dup of own.slice(1))
                    await deleteQuietly(octokit, r, dup.id);
                return { ok: true, value: { id: data.id, url: data.html_url, action: 'updated' } };
            }
        }
        const { data: created } = await octokit.rest.issues.createComment({ owner: r.owner, repo: r.repo, issue_number: issue, body });
        identity = created.user?.login ?? identity ?? identityFallback;
        // Race resolution: another run may have created its comment at the same time.
        const after = (await listMarked(octokit, r, issue, marker)).filter((c) => c.user?.login === identity).sort((a, b) => a.id - b.id);
        if (after.length > 1 && after[0].id !== created.id) {
            await octokit.rest.issues.updateComment({ owner: r.owner, repo: r.repo, comment_id: after[0].id, body });
            await deleteQuietly(octokit, r, created.id);
            return { ok: true, value: { id: after[0].id, action: 'updated' } };
        }
        return { ok: true, value: { id: created.id, url: created.html_url, action: 'created' } };
    }
    catch (e) {
        return failure('sticky comment', e);
    }
}
/**
 * THE sticky comment as it is now, without writing anything: the oldest comment that starts with the
 * marker and is written by the token's identity (the same one upsertStickyComment would update), or
 * undefined when there is none. `known` as in upsertStickyComment.
 */
async function findStickyComment(octokit, r, issue, marker, identityFallback, token, known) {
    try {
        if (known) {
            const own = known.filter((c) => c.own && c.body.startsWith(marker)).sort((a, b) => a.id - b.id);
            return { ok: true, value: own.length ? { id: own[0].id, body: own[0].body } : undefined };
        }
        const marked = await listMarked(octokit, r, issue, marker);
        if (!marked.length)
            return { ok: true, value: undefined };
        const identity = await tokenIdentity(octokit, identityFallback, token);
        const own = marked.filter((c) => c.user?.login === identity).sort((a, b) => a.id - b.id);
        return { ok: true, value: own.length ? { id: own[0].id, body: own[0].body ?? '' } : undefined };
    }
    catch (e) {
        return failure('sticky comment', e);
    }
}
async function updateIfPresent(octokit, r, id, body) {
    try {
        return (await octokit.rest.issues.updateComment({ owner: r.owner, repo: r.repo, comment_id: id, body })).data;
    }
    catch (e) {
        if ((0,_client_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(e) === 404)
            return undefined; // deleted since it was listed
        throw e;
    }
}
async function deleteQuietly(octokit, r, id) {
    try {
        await octokit.rest.issues.deleteComment({ owner: r.owner, repo: r.repo, comment_id: id });
    }
    catch (e) {
        if ((0,_client_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(e) !== 404)
            throw e; // already deleted by a concurrent run
    }
}
const ANNOTATIONS_PER_REQUEST = 50;
/** Creates a completed check run; annotations beyond the first 50 follow in PATCH batches of 50. */
async function createCheckRun(octokit, r, c) {
    try {
        const batches = [];
        for (let i = 0; i < c.annotations.length; i += ANNOTATIONS_PER_REQUEST)
            batches.push(c.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
        const { data } = await octokit.rest.checks.create({
            owner: r.owner,
            repo: r.repo,
            name: c.name,
            head_sha: c.headSha,
            status: 'completed',
            conclusion: c.conclusion,
            completed_at: new Date().toISOString(),
            details_url: c.detailsUrl,
            external_id: c.externalId,
            output: { ...c.output, annotations: batches[0] ?? [] },
        });
        for (const batch of batches.slice(1)) {
            await octokit.rest.checks.update({ owner: r.owner, repo: r.repo, check_run_id: data.id, output: { title: c.output.title, summary: c.output.summary, annotations: batch } });
        }
        return { ok: true, value: { id: data.id, url: data.html_url ?? undefined, requests: Math.max(1, batches.length) } };
    }
    catch (e) {
        return failure('create check run', e);
    }
}
const STATE = { success: 'success', neutral: 'success', failure: 'failure' };
/** The fallback when check runs are forbidden: a commit status with the same name. */
async function createCommitStatus(octokit, r, sha, context, conclusion, description, targetUrl) {
    try {
        await octokit.rest.repos.createCommitStatus({
            owner: r.owner,
            repo: r.repo,
            sha,
            state: STATE[conclusion],
            context,
            description: description.length > 140 ? description.slice(0, 139) + '…' : description,
            target_url: targetUrl,
        });
        return { ok: true, value: undefined };
    }
    catch (e) {
        return failure('create commit status', e);
    }
}
/** Adds `add` and removes `remove` labels (only those present). */
async function syncLabels(octokit, r, issue, current, add, remove) {
    try {
        const have = new Set(current.map((l) => l.toLowerCase()));
        const toAdd = add.filter((l) => !have.has(l.toLowerCase()));
        const toRemove = remove.filter((l) => have.has(l.toLowerCase()) && !add.some((a) => a.toLowerCase() === l.toLowerCase()));
        if (toAdd.length)
            await octokit.rest.issues.addLabels({ owner: r.owner, repo: r.repo, issue_number: issue, labels: toAdd });
        for (const name of toRemove) {
            try {
                await octokit.rest.issues.removeLabel({ owner: r.owner, repo: r.repo, issue_number: issue, name });
            }
            catch (e) {
                if ((0,_client_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(e) !== 404)
                    throw e;
            }
        }
        return { ok: true, value: undefined };
    }
    catch (e) {
        return failure('labels', e);
    }
}


/***/ })

};
