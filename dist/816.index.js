export const id = 816;
export const ids = [816];
export const modules = {

/***/ 22131:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HEAD_START_WAIT_MS: () => (/* binding */ HEAD_START_WAIT_MS),
/* harmony export */   PR_EVENTS: () => (/* binding */ PR_EVENTS),
/* harmony export */   actionClient: () => (/* binding */ actionClient),
/* harmony export */   headStart: () => (/* binding */ headStart),
/* harmony export */   payloadPull: () => (/* binding */ payloadPull)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96421);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81729);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(96584);
/* harmony import */ var _github_source_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(51094);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8301);
/**
 * The Action's head start (issue 15): on a pull_request event the run's first API call, the PR's file list,
 * goes out before the rules, the policy engine and the report are loaded, so GitHub answers while node
 * compiles them instead of after. Only what that call needs is loaded first: the inputs, the client and
 * the file lister. It is the very call the run makes next anyway (same client, same pages): no call is
 * added, and when the run would not list the files first (release and report modes, workflow_run, a PR
 * number that is not the event's) nothing goes out early.
 */





const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);
/** The Action's client: one per run, for every call of the run. */
function actionClient(s, onFetch) {
    const log = (m) => {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(m);
    };
    return (0,_github_client_js__WEBPACK_IMPORTED_MODULE_2__.createClient)({ token: s.token, baseUrl: s.apiUrl, timeoutMs: s.requestTimeoutMs, log, onFetch });
}
/**
 * Longest the head start waits for its first request to be handed to fetch. The client lets a read go
 * after a few turns of the event loop; loading the rest of the Action then holds the loop for a while, and
 * a request not yet written by then would only go out after it.
 */
const HEAD_START_WAIT_MS = 50;
const turn = () => new Promise((resolve) => setImmediate(resolve));
/** The pull request of the event payload, when the run evaluates that one (else it is read or refused later). */
function payloadPull(s) {
    const payloadPr = s.event.pull_request;
    if (payloadPr && PR_EVENTS.has(s.eventName) && (0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .num */ .bu)((0,_json_js__WEBPACK_IMPORTED_MODULE_4__.at)(payloadPr, 'number')) === s.pullNumber)
        return (0,_github_source_js__WEBPACK_IMPORTED_MODULE_3__/* .pullInfoFrom */ .Kx)(payloadPr);
    return undefined;
}
async function headStart() {
    let settings;
    try {
        settings = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .getSettings */ .m)();
    }
    catch (error) {
        return { ok: false, error };
    }
    if (settings.mode !== 'pull_request')
        return { ok: true, settings };
    let pr;
    try {
        pr = payloadPull(settings);
    }
    catch {
        return { ok: true, settings }; // the run reads the payload again and says what is wrong with it
    }
    if (!pr)
        return { ok: true, settings };
    let fetched = () => { };
    const handedToFetch = new Promise((resolve) => (fetched = resolve));
    const octokit = actionClient(settings, () => {
        fetched();
    });
    const files = (0,_github_source_js__WEBPACK_IMPORTED_MODULE_3__/* .listPullFiles */ .pG)(octokit, settings.repository, pr.number, pr.changedFiles);
    // Awaited later (it rejects there, as the call would have); until then a failure is not "unhandled".
    files.catch(() => undefined);
    // Until the first page is handed to fetch and a turn later (the connection made, the request written),
    // or the list is settled, or HEAD_START_WAIT_MS.
    let timer;
    await Promise.race([
        handedToFetch.then(turn).then(turn),
        files.then(() => undefined, () => undefined),
        new Promise((resolve) => (timer = setTimeout(resolve, HEAD_START_WAIT_MS))),
    ]);
    clearTimeout(timer);
    return { ok: true, settings, early: { octokit, pr, files } };
}


/***/ }),

/***/ 81729:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ InputError),
/* harmony export */   m: () => (/* binding */ getSettings)
/* harmony export */ });
/* harmony import */ var _policy_defaults_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(66794);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96421);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8301);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
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
/** The event payload at GITHUB_EVENT_PATH (empty when the path is not set). */
function readEvent(eventPath) {
    if (!eventPath)
        return {};
    try {
        return (0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .obj */ .WL)(JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(eventPath, 'utf8'))) ?? {};
    }
    catch (e) {
        throw new InputError(`cannot read the event payload at GITHUB_EVENT_PATH (${eventPath}): ${e instanceof Error ? e.message : String(e)}`);
    }
}
/** Input pr-number, else the event's: pull_request*, pull_request_review*: the PR; issue_comment: the issue, when it is a pull request. */
function pullNumberOf(event) {
    const prInput = _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('pr-number');
    const pullNumber = prInput
        ? Number(prInput)
        : ((0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .num */ .bu)((0,_json_js__WEBPACK_IMPORTED_MODULE_4__.at)(event, 'pull_request', 'number')) ?? ((0,_json_js__WEBPACK_IMPORTED_MODULE_4__.at)(event, 'issue', 'pull_request') ? (0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .num */ .bu)((0,_json_js__WEBPACK_IMPORTED_MODULE_4__.at)(event, 'issue', 'number')) : undefined));
    if (prInput && !(pullNumber !== undefined && Number.isInteger(pullNumber) && pullNumber > 0))
        throw new InputError(`input pr-number: expected a positive integer, got ${JSON.stringify(prInput)}`);
    return pullNumber;
}
/** The release-mode inputs, checked when mode is release. */
function releaseSettings(mode, env) {
    const environment = _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('environment') || undefined;
    const baseRef = _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('base-ref') || (mode === 'release' ? 'auto' : '');
    if (mode === 'release' && baseRef === 'auto' && !environment)
        throw new InputError('input base-ref is auto (the default in release mode) but input environment is empty: ' +
            'name the environment whose latest successful deployment is the base, or pass base-ref (a tag or SHA)');
    const trackingInput = _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('tracking-issue');
    const trackingIssue = trackingInput ? Number(trackingInput) : undefined;
    if (trackingInput && !(trackingIssue !== undefined && Number.isInteger(trackingIssue) && trackingIssue > 0))
        throw new InputError(`input tracking-issue: expected a positive integer, got ${JSON.stringify(trackingInput)}`);
    const headRef = _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('head-ref') || env.GITHUB_SHA || '';
    if (mode === 'release' && !headRef)
        throw new InputError('input head-ref is empty and GITHUB_SHA is not set: name the candidate commit');
    return { baseRef, headRef, environment, trackingIssue, gateIdentity: _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('gate-identity') || 'github-actions' };
}
/** Input repositories: owner/name entries separated by commas or whitespace. */
function repositoriesInput() {
    const repositories = _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('repositories')
        .split(/[\s,]+/)
        .filter(Boolean);
    for (const r of repositories)
        if (!/^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/.test(r))
            throw new InputError(`input repositories: expected owner/name entries, got ${JSON.stringify(r)}`);
    return repositories;
}
function trendInputs(repositories) {
    return {
        since: _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('since') || '90d',
        repositories: repositories.map((r) => r.trim()).filter(Boolean),
        org: _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('org') || undefined,
        failOnTrend: bool('fail-on-trend', _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('fail-on-trend'), false),
        issue: bool('report-issue', _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('report-issue'), true),
        alerts: bool('alerts', _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('alerts'), false),
    };
}
function getSettings(env = process.env) {
    const token = _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('token') || env.GITHUB_TOKEN || '';
    if (!token)
        throw new InputError('input token is empty: pass `token: ${{ github.token }}` (the default) or a token with the documented permissions');
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setSecret(token);
    const policyToken = _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('policy-token') || undefined;
    if (policyToken)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setSecret(policyToken);
    const repoFull = env.GITHUB_REPOSITORY ?? '';
    const [owner, repo] = repoFull.split('/');
    if (!owner || !repo)
        throw new InputError(`GITHUB_REPOSITORY is not set to owner/repo (got ${JSON.stringify(repoFull)}): run inside GitHub Actions`);
    const event = readEvent(env.GITHUB_EVENT_PATH);
    const pullNumber = pullNumberOf(event);
    const workspace = _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('workspace') || env.GITHUB_WORKSPACE || process.cwd();
    const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
    const mode = choice('mode', _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('mode'), ['pull_request', 'release', 'report'], 'pull_request');
    const release = releaseSettings(mode, env);
    const repositories = repositoriesInput();
    const runUrl = env.GITHUB_RUN_ID ? `${serverUrl}/${repoFull}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
    return {
        token,
        policyToken,
        apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
        serverUrl,
        repository: { owner, repo },
        eventName: env.GITHUB_EVENT_NAME || '',
        event,
        policyPath: _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('policy') || _policy_defaults_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_POLICY_PATH */ .lo,
        checkName: _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('check-name') || _policy_defaults_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_CHECK_NAME */ .nV,
        failOn: choice('fail-on', _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('fail-on'), ['failure', 'never'], 'failure'),
        comment: bool('comment', _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('comment'), true),
        commentAuthor: _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('comment-author') || 'github-actions[bot]',
        workspace,
        reportPath: _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('report-path') || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_3__.tmpdir)(), 'pr-quality-gate', 'report.json'),
        pullNumber: typeof pullNumber === 'number' ? pullNumber : undefined,
        runUrl,
        sha: env.GITHUB_SHA || '',
        requestTimeoutMs: positiveSeconds('request-timeout', _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('request-timeout'), 30) * 1000,
        artifactName: _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('artifact-name') || 'pr-quality-gate-evidence',
        mode,
        release,
        trends: trendInputs(repositories),
    };
}


/***/ }),

/***/ 18948:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

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
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

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
            ? 'The `policy-token` input cannot read it: give that token contents: read on the repository (a fine-grained token, ' +
                'or a GitHub App token), or run the gate as the GitHub App installed on it. See docs/policy.md, "Org policy".'
            : undefined,
    });
}


/***/ }),

/***/ 88816:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {


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
// EXTERNAL MODULE: ./src/action/head-start.ts
var head_start = __webpack_require__(22131);
// EXTERNAL MODULE: ./src/action/outputs.ts
var outputs = __webpack_require__(18948);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/source.ts
var source = __webpack_require__(51094);
// EXTERNAL MODULE: ./src/github/evaluate.ts + 4 modules
var evaluate = __webpack_require__(80223);
// EXTERNAL MODULE: ./src/action/remote-policy.ts
var remote_policy = __webpack_require__(78725);
// EXTERNAL MODULE: ./src/github/publish-verdict.ts + 1 modules
var publish_verdict = __webpack_require__(2081);
// EXTERNAL MODULE: ./src/evidence/workspace.ts
var workspace = __webpack_require__(21592);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
// EXTERNAL MODULE: ./src/report/json-report.ts
var json_report = __webpack_require__(4225);
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
    return (0,report_escape/* visibleControls */.xx)(flat.length > max ? flat.slice(0, max) + '\u2026' : flat);
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
                log.debug(`${r.id}: level ${r.level}, status ${r.status}, ` +
                    `applicability ${r.applicability ?? 'n/a'}, ${r.findings.length} finding(s)${time}`);
                for (const t of r.tables ?? []) {
                    log.debug(`${r.id} table ${oneLine(t.title ?? '', 200)}: ${t.columns.map((c) => oneLine(c, 100)).join(' | ')}`);
                    for (const row of t.rows.slice(0, 200))
                        log.debug(`${r.id}   ${row.map((c) => oneLine(c, 300)).join(' | ')}`);
                    if (t.rows.length > 200)
                        log.debug(`${r.id}   \u2026 ${t.rows.length - 200} more rows (JSON report)`);
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
















const FORK_RECIPE = 'This pull request comes from a fork, so the workflow token is read-only and the gate could not write its comment or ' +
    'check run. The verdict is in the job summary, the outputs and the exit code. To publish it, ' +
    'use the two-workflow recipe in the README ("Fork pull requests": pull_request_target for the API-only rules, ' +
    'or a workflow_run job that publishes).';
async function resolvePull(octokit, s) {
    const fromPayload = (0,head_start.payloadPull)(s);
    if (fromPayload)
        return fromPayload;
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
/** The pull request and its evidence: from the PR's own artifact on workflow_run, else the workspace. */
async function pullAndEvidence(octokit, s, early) {
    const notes = [];
    if (early)
        return { pr: early.pr, evidence: (0,workspace/* workspaceEvidence */.$W)(s.workspace), notes };
    if (s.eventName !== 'workflow_run')
        return { pr: await resolvePull(octokit, s), evidence: (0,workspace/* workspaceEvidence */.$W)(s.workspace), notes };
    // Loaded only for the fork recipe's second workflow (its unzip is not needed on a pull_request run).
    const { loadRunEvidence } = await Promise.all(/* import() */[__webpack_require__.e(306), __webpack_require__.e(18)]).then(__webpack_require__.bind(__webpack_require__, 96018));
    const run = await loadRunEvidence(octokit, s.repository, s.event, s.artifactName);
    const pr = run.pr;
    notes.push({
        level: 'warning',
        message: `Evidence from the PR's own workflow: ${run.files.length} file(s) ` +
            `of artifact ${run.artifactName} (run ${run.runId}), built by the PR's code. ` +
            `It was checked to belong to PR #${pr.number} at ${pr.headSha.slice(0, 12)}; the verdict is recomputed here from the API.`,
    });
    return { pr, evidence: (0,workspace/* workspaceEvidence */.$W)(run.dir, 'pr-artifact'), notes };
}
/** Evaluate one pull request and publish its verdict; `state` records how far it got. */
async function gatePullRequest(s, state, early) {
    const log = (m) => {
        core.info(m);
    };
    const octokit = early?.octokit ?? (0,head_start.actionClient)(s);
    const { pr, evidence, notes } = await pullAndEvidence(octokit, s, early);
    core.info(`pr-quality-gate: evaluating ${s.repository.owner}/${s.repository.repo}#${pr.number} ` +
        `at ${pr.headSha.slice(0, 12)} (base ${pr.baseSha.slice(0, 12)})`);
    const remotePolicy = (0,remote_policy/* actionRemotePolicy */.R)(s, octokit);
    const { verdict: v, policy, comments, } = await (0,evaluate/* evaluatePullRequest */.qd)({
        octokit,
        repo: s.repository,
        pr,
        policyPath: s.policyPath,
        evidence,
        notes,
        log,
        remotePolicy,
        files: early?.files,
    });
    state.verdict = v;
    state.labelPrefix = policy?.waivers.label_prefix ?? state.labelPrefix;
    logVerdict(v, core, { baseRef: pr.baseRef, headRef: pr.headRef });
    const published = await (0,publish_verdict/* publishVerdict */.T)({
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
        labelPrefix: state.labelPrefix,
        log,
        warn: (m) => {
            core.warning(m);
        },
    });
    state.published = published;
    if (published.readOnly)
        core.warning(FORK_RECIPE);
    (0,outputs/* writeOutputs */.K)(s.reportPath, v, (0,json_report/* toJsonReport */.O)(v));
    core.info(`pr-quality-gate: ${v.conclusion} \u2014 ${v.title}`);
    if ((0,decision/* failsJob */.VC)(v, s.failOn))
        core.setFailed(`quality gate failed: ${v.title}`);
}
/** The job summary of a verdict; a summary that cannot be written is a warning. */
async function writeJobSummary(verdict, settings, state) {
    try {
        await core.summary
            .addRaw((0,markdown/* renderJobSummary */.qE)(verdict, {
            labelPrefix: state.labelPrefix,
            links: {
                repoUrl: `${settings.serverUrl}/${settings.repository.owner}/${settings.repository.repo}`,
                checkUrl: state.published?.checkUrl,
                runUrl: settings.runUrl,
            },
        }))
            .write();
    }
    catch (e) {
        core.warning(`could not write the job summary: ${(0,run/* errorMessage */.gJ)(e)}`);
    }
}
/** The Action's run; `head` is what `headStart` began (src/main.ts), else the settings are read here. */
async function run_run(head) {
    const state = { labelPrefix: schema/* DEFAULT_LABEL_PREFIX */.qu };
    let settings;
    try {
        if (head && !head.ok)
            throw head.error;
        settings = head ? head.settings : (0,inputs/* getSettings */.m)();
        const s = settings;
        // Release mode is loaded only when the step asks for it (issue 15 item 5): a PR run never evaluates it.
        if (s.mode === 'release') {
            await (await Promise.all(/* import() */[__webpack_require__.e(430), __webpack_require__.e(7)]).then(__webpack_require__.bind(__webpack_require__, 11007))).runRelease(s);
            return;
        }
        // Report mode (issue 21): team trends over merged pull requests, no pull request evaluated.
        if (s.mode === 'report') {
            await (await Promise.all(/* import() */[__webpack_require__.e(420), __webpack_require__.e(808), __webpack_require__.e(92), __webpack_require__.e(321)]).then(__webpack_require__.bind(__webpack_require__, 49321))).runReport(s);
            return;
        }
        await gatePullRequest(s, state, head?.ok ? head.early : undefined);
    }
    catch (e) {
        // Never a stack trace, never a silent green: one line naming what failed.
        const message = (0,run/* errorMessage */.gJ)(e);
        core.setOutput('conclusion', 'failure');
        const what = settings?.mode === 'release' ? 'the release' : 'the pull request';
        core.setFailed(`pr-quality-gate could not evaluate ${what}: ${message}`);
    }
    finally {
        if (state.verdict && settings)
            await writeJobSummary(state.verdict, settings, state);
    }
}


/***/ })

};
