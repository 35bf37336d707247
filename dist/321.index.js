export const id = 321;
export const ids = [321];
export const modules = {

/***/ 49321:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  REPORT_ISSUE_TITLE: () => (/* binding */ REPORT_ISSUE_TITLE),
  runReport: () => (/* binding */ runReport)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(96421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/action/inputs.ts
var inputs = __webpack_require__(81729);
// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(96584);
// EXTERNAL MODULE: ./src/github/evaluate.ts + 4 modules
var evaluate = __webpack_require__(80223);
// EXTERNAL MODULE: ./src/pipeline/policy.ts
var policy = __webpack_require__(91130);
// EXTERNAL MODULE: ./src/engine/run.ts
var run = __webpack_require__(62515);
// EXTERNAL MODULE: ./src/release/gates.ts
var gates = __webpack_require__(18673);
// EXTERNAL MODULE: ./src/action/remote-policy.ts
var remote_policy = __webpack_require__(78725);
// EXTERNAL MODULE: ./src/trends/api.ts
var api = __webpack_require__(40420);
// EXTERNAL MODULE: ./src/trends/compute.ts
var compute = __webpack_require__(94801);
// EXTERNAL MODULE: ./src/trends/fail.ts
var fail = __webpack_require__(70874);
// EXTERNAL MODULE: ./src/trends/cli.ts + 1 modules
var cli = __webpack_require__(68427);
// EXTERNAL MODULE: ./src/trends/render.ts
var render = __webpack_require__(22018);
// EXTERNAL MODULE: ./src/github/publish.ts
var publish = __webpack_require__(77184);
;// CONCATENATED MODULE: ./src/trends/issue.ts



const ISSUE_BODY_LIMIT = 65536;
/** Most pages of open issues (100 each) searched for the marker. */
const MAX_PAGES = 10;
function reportMarker(checkName) {
    return `<!-- pr-quality-gate:trend-report ${checkName.replace(/-->/g, '')} -->`;
}
/** The issue body: the marker, then the report, cut at a line boundary to GitHub's 65,536 characters. */
function issueBody(marker, markdown, pointer) {
    const full = `${marker}\n${markdown}`;
    if (full.length <= ISSUE_BODY_LIMIT)
        return full;
    const note = `\n\n> \u2702\ufe0f Truncated: ${pointer}\n`;
    const cut = full.lastIndexOf('\n', ISSUE_BODY_LIMIT - note.length - 16);
    let head = full.slice(0, cut);
    // Do not leave a code block (a Mermaid chart) or a <details> open.
    if ((head.match(/^```/gm) ?? []).length % 2)
        head += '\n```';
    const open = (head.match(/<details>/g) ?? []).length - (head.match(/<\/details>/g) ?? []).length;
    if (open > 0)
        head += '\n</details>'.repeat(open);
    return head + note;
}
const PIN_MUTATION = `mutation PinReport($issueId: ID!) { pinIssue(input: {issueId: $issueId}) { issue { number isPinned } } }`;
async function upsertReportIssue(o) {
    const { octokit, repo } = o;
    const identity = await (0,publish/* tokenIdentity */.sX)(octokit, o.identityFallback, o.token);
    let found;
    try {
        for (let page = 1; page <= MAX_PAGES && !found; page++) {
            const { data } = await octokit.rest.issues.listForRepo({
                owner: repo.owner,
                repo: repo.repo,
                state: 'open',
                creator: identity,
                sort: 'created',
                direction: 'asc',
                per_page: 100,
                page,
            });
            found = data.find((i) => !i.pull_request && i.user?.login === identity && (i.body ?? '').startsWith(o.marker));
            if (data.length < 100)
                break;
        }
    }
    catch (e) {
        throw new Error((0,client.describeApiError)('looking up the trend report issue', e));
    }
    let issue;
    let action;
    try {
        if (found) {
            issue = (await octokit.rest.issues.update({ owner: repo.owner, repo: repo.repo, issue_number: found.number, title: o.title, body: o.body })).data;
            action = 'updated';
        }
        else {
            issue = (await octokit.rest.issues.create({ owner: repo.owner, repo: repo.repo, title: o.title, body: o.body })).data;
            action = 'created';
        }
    }
    catch (e) {
        const hint = (0,client.statusOf)(e) === 403 || (0,client.statusOf)(e) === 404 ? ' (the token needs issues: write)' : '';
        throw new Error((0,client.describeApiError)(`${found ? 'updating' : 'creating'} the trend report issue`, e) + hint);
    }
    // Pinned once, when created: a maintainer who unpins it later is not overruled every week.
    let pin = action === 'updated' ? 'left as it is (pinned when created)' : 'not asked';
    if (o.pin && action === 'created') {
        try {
            const r = await octokit.graphql(PIN_MUTATION, {
                issueId: issue.node_id,
            });
            pin = r.pinIssue?.issue?.isPinned ? 'pinned' : 'not pinned (GitHub did not say why)';
        }
        catch (e) {
            pin = `not pinned: ${(0,api.describeGraphqlError)('pinIssue', e)} (a maintainer can pin it by hand; the report is in the issue either way)`;
        }
    }
    return { number: issue.number, url: issue.html_url, action, pin };
}

;// CONCATENATED MODULE: ./src/action/report.ts
/**
 * The Action in report mode (`mode: report`, e.g. on a weekly schedule): the team trends of the pull
 * requests merged in the window (`since`), read through the API (src/trends/api.ts: the gate's own
 * records in its check runs), computed and rendered by the same code as `pr-gate report`. Publishes the
 * job summary (Markdown with Mermaid charts), the outputs (`report`: the JSON report), ONE issue per
 * repository kept up to date in place (src/trends/issue.ts), and with `fail-on-trend` the exit code:
 * the job fails when a trend breaches the policy's `report.fail_on_trend`. It decides nothing itself.
 */
















const REPORT_ISSUE_TITLE = 'Team trends: merged pull requests against the quality gate';
/** The window of input `since`, a usage error reported as an input error. */
function reportWindow(s) {
    try {
        return (0,cli/* parseWindow */.Et)({ since: s.trends.since }, new Date());
    }
    catch (e) {
        if (e instanceof cli.ReportUsageError)
            throw new inputs/* InputError */.d(`input since: ${e.message.replace(/^--since:? /, '')}`);
        throw e;
    }
}
/** Input repositories; this repository when neither repositories nor org is given. */
function reportRepos(s) {
    return (s.trends.repositories.length || s.trends.org ? s.trends.repositories : [`${s.repository.owner}/${s.repository.repo}`]).map((r) => {
        const [owner, repo] = r.split('/');
        return { owner, repo };
    });
}
/**
 * The policy of this repository at the workflow's commit (the default branch on a schedule): its
 * report: section and fix SLAs. A broken policy is reported, and the default settings are used.
 */
async function reportPolicy(s, octokit) {
    const ref = s.sha || 'HEAD';
    const { read, policyText } = await (0,evaluate/* readEnforcedSide */.uu)(octokit, s.repository, ref, s.policyPath);
    const { loaded, errors } = await (0,policy/* tryLoadPolicy */.oB)(policyText, s.policyPath, read, { remote: (0,remote_policy/* actionRemotePolicy */.R)(s, octokit).read });
    const notes = [];
    if (errors) {
        if (s.trends.failOnTrend)
            throw new Error(`fail-on-trend: the policy ${s.policyPath} is invalid, so there is no report: section to judge the trends by: ${errors.join('; ')}`);
        notes.push(`The policy ${s.policyPath} is invalid (${errors.join('; ')}): the report settings are the default ones.`);
    }
    else if (policyText === undefined)
        notes.push(`No ${s.policyPath} at ${ref.slice(0, 12)}: the report settings are the embedded default policy's.`);
    return {
        settings: loaded?.policy.report ?? (0,policy/* defaultResolvedPolicy */.aW)().report,
        rules: loaded?.policy.rules,
        notes,
    };
}
/** Read the merged pull requests (and with input alerts, the Dependabot alerts) and compute the trends. */
async function computeReport(s, octokit, window, repos, policy) {
    const h = await (0,api.apiHistory)({
        octokit,
        repos,
        org: s.trends.org,
        from: window.from,
        to: window.to,
        checkName: s.checkName,
        identity: (0,gates.parseGateIdentity)(s.release.gateIdentity),
        log: (m) => {
            core.info(m);
        },
    });
    core.info(`pr-quality-gate: ${h.records.length} merged pull request(s) from ${h.repositories.length} ` +
        `repositor${h.repositories.length === 1 ? 'y' : 'ies'} in ${h.calls} GraphQL quer${h.calls === 1 ? 'y' : 'ies'}`);
    let alerts;
    if (s.trends.alerts) {
        const { dependabotAlertsOf, slaOf } = await __webpack_require__.e(/* import() */ 900).then(__webpack_require__.bind(__webpack_require__, 27900));
        alerts = {
            ...(await dependabotAlertsOf(octokit, h.repositories)),
            sla: slaOf(policy.rules),
        };
    }
    return (0,compute/* computeTrends */.I6)({
        alerts,
        source: 'api',
        repository: h.repositories.join(', ') || s.trends.org,
        branch: '',
        from: window.from,
        to: window.to,
        records: h.records,
        skipped: 0,
        threshold: policy.settings.size_threshold,
        evidence: { waivers: true, coverage: true },
        notes: [...h.notes, ...policy.notes],
    });
}
/** The JSON report file and the outputs. */
function writeOutputs(s, report, breaches) {
    const json = (0,render/* toTrendJson */.x6)(report);
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(s.reportPath), { recursive: true });
    (0,external_node_fs_.writeFileSync)(s.reportPath, JSON.stringify(json, null, 2) + '\n');
    core.setOutput('report', s.reportPath);
    core.setOutput('merged-pull-requests', String(report.total.prs));
    core.setOutput('trend-breaches', String(breaches));
    core.setOutput('conclusion', breaches ? (s.trends.failOnTrend ? 'failure' : 'neutral') : 'success');
}
/** The one report issue, kept up to date in place; returns its URL. */
async function publishIssue(s, octokit, report) {
    const marker = reportMarker(s.checkName);
    const body = issueBody(marker, (0,render/* renderTrendMarkdown */.bx)(report), `the job summary of [the latest run](${s.runUrl ?? `${s.serverUrl}/${s.repository.owner}/${s.repository.repo}/actions`}) ` +
        `has the full report.`);
    const issue = await upsertReportIssue({
        octokit,
        repo: s.repository,
        marker,
        title: REPORT_ISSUE_TITLE,
        body,
        identityFallback: s.commentAuthor,
        token: s.token,
        pin: true,
    });
    core.setOutput('report-issue', String(issue.number));
    core.info(`trend report issue #${issue.number} ${issue.action}; pin: ${issue.pin}`);
    if (issue.pin.startsWith('not pinned'))
        core.notice(`The trend report issue #${issue.number} is ${issue.pin}`);
    return issue.url;
}
async function runReport(s) {
    let report;
    let issueUrl;
    try {
        const octokit = (0,client.createClient)({
            token: s.token,
            baseUrl: s.apiUrl,
            timeoutMs: s.requestTimeoutMs,
            log: (m) => {
                core.info(m);
            },
        });
        const window = reportWindow(s);
        const repos = reportRepos(s);
        core.info(`pr-quality-gate: team trends of ` +
            [...repos.map((r) => `${r.owner}/${r.repo}`), ...(s.trends.org ? [`the organization ${s.trends.org}`] : [])].join(', ') +
            `, ${window.from.toISOString().slice(0, 10)} \u2026 ${window.to.toISOString().slice(0, 10)}`);
        const policy = await reportPolicy(s, octokit);
        report = await computeReport(s, octokit, window, repos, policy);
        const check = (0,fail/* checkTrends */.F)(report, policy.settings);
        report.trendCheck = { enforced: s.trends.failOnTrend, ...check };
        writeOutputs(s, report, check.breaches.length);
        if (s.trends.issue)
            issueUrl = await publishIssue(s, octokit, report);
        for (const b of check.breaches)
            core.warning(`trend breach: ${b}`);
        if (s.trends.failOnTrend && check.breaches.length)
            core.setFailed(`team trends breach the policy's report.fail_on_trend: ${check.breaches.join('; ')}`);
        else
            core.info(`pr-quality-gate: ${check.breaches.length} trend breach(es)${s.trends.failOnTrend ? '' : ' (fail-on-trend is off)'}`);
    }
    catch (e) {
        core.setOutput('conclusion', 'failure');
        core.setFailed(`pr-quality-gate could not compute the team trends: ${(0,run/* errorMessage */.gJ)(e)}`);
    }
    finally {
        if (report) {
            try {
                await core.summary.addRaw((0,render/* renderTrendMarkdown */.bx)(report) + (issueUrl ? `\n\nKept up to date in ${issueUrl}.\n` : '\n')).write();
            }
            catch (e) {
                core.warning(`could not write the job summary: ${(0,run/* errorMessage */.gJ)(e)}`);
            }
        }
    }
}


/***/ })

};
