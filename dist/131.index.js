export const id = 131;
export const ids = [131];
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

/***/ 66794:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lo: () => (/* binding */ DEFAULT_POLICY_PATH),
/* harmony export */   nV: () => (/* binding */ DEFAULT_CHECK_NAME),
/* harmony export */   qu: () => (/* binding */ DEFAULT_LABEL_PREFIX)
/* harmony export */ });
/**
 * The defaults every face shares (Action inputs, App environment, CLI flags, surfaces): defined here and
 * nowhere else (the schema module re-exports them). A leaf module: the Action reads its inputs before it
 * loads the schema (src/action/head-start.ts).
 */
const DEFAULT_POLICY_PATH = '.github/quality-gate.yml';
const DEFAULT_CHECK_NAME = 'quality-gate';
const DEFAULT_LABEL_PREFIX = 'gate-waive:';


/***/ })

};
