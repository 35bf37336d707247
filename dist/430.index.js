export const id = 430;
export const ids = [430];
export const modules = {

/***/ 26430:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RELEASE_RULE_ID: () => (/* binding */ RELEASE_RULE_ID),
/* harmony export */   evaluateRelease: () => (/* binding */ evaluateRelease)
/* harmony export */ });
/* harmony import */ var _sinclair_typebox__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(82078);
/* harmony import */ var _pipeline_policy_source_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(21566);
/* harmony import */ var _rules_define_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25544);
/* harmony import */ var _github_source_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51094);
/* harmony import */ var _github_contents_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(33113);
/* harmony import */ var _engine_plan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(30955);
/* harmony import */ var _github_evaluate_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(80223);
/* harmony import */ var _pipeline_policy_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(91130);
/* harmony import */ var _github_remote_policy_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(58808);
/* harmony import */ var _change_generated_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9393);
/* harmony import */ var _engine_run_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(62515);
/* harmony import */ var _rules_index_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(83808);
/* harmony import */ var _range_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(25344);
/* harmony import */ var _github_waiver_records_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(26328);
/* harmony import */ var _engine_waivers_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(3151);
/* harmony import */ var _gates_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(18673);
/**
 * Release evaluation: "is this release safe to deploy?" for the range between what is deployed (base)
 * and the candidate (head). Shared by the Action (`mode: release`) and the App (deployment protection
 * rules).
 *
 * Facts come from the API (range.ts, gates.ts). The decision is the ENGINE's, as for a pull request:
 *  - the release's own facts (gate results of the merged PRs, commits outside any PR, an unknown range)
 *    are the findings of one release-only rule, `release-gates`, whose per-finding levels come from the
 *    policy's `release:` section;
 *  - the release-relevant rules (`release: true`) run over the aggregate diff with `ctx.mode = 'release'`;
 *    for the `release.dangerous_rules` a finding in a file whose every PR carries the approval label
 *    becomes information (approved), otherwise it keeps its level;
 *  - `runGate` \u2192 `decide` concludes. Nothing in this module compares conclusions.
 */
















const RELEASE_RULE_ID = 'release-gates';
const pr = (n) => `#${n}`;
/** The release-only rule: the merged PRs' gate results and the commits no PR gated, as findings. */
function releaseGatesRule(facts, settings, problem, gateIdentity) {
    return (0,_rules_define_js__WEBPACK_IMPORTED_MODULE_1__/* .defineRule */ .Km)({
        id: RELEASE_RULE_ID,
        description: 'Every pull request merged since the last deployment passed its quality gate (or was waived), and no commit bypassed the gate.',
        options: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_14__/* .Type */ .ZU.Object({}),
        defaultLevel: 'fail',
        release: true,
        evaluate() {
            const findings = [];
            const add = (level, f) => {
                if (level !== 'off')
                    findings.push({ ...f, level });
            };
            if (problem)
                findings.push({ kind: 'error', message: problem });
            const counts = { passed: 0, waived: 0, failed: 0, missing: 0, pending: 0 };
            for (const p of facts.pulls) {
                counts[p.gate.state]++;
                const what = `${pr(p.number)} ${JSON.stringify(p.title)}`;
                if (p.gate.state === 'failed') {
                    add(settings.failed_gate_result, {
                        code: 'failed',
                        message: `${what}: its quality gate concluded ${p.gate.conclusion ?? 'failure'}${p.gate.title ? ` (${p.gate.title})` : ''}.`,
                        hint: 'Fix or waive it on the pull request (a re-run updates the check), or revert it from the release.',
                    });
                }
                else if (p.gate.state === 'missing') {
                    const ignored = p.gate.ignored?.length
                        ? ` Ignored, because the gate did not publish ${p.gate.ignored.length === 1 ? 'it' : 'them'} ` +
                            `(only ${gateIdentity} count): ${p.gate.ignored.join('; ')}.`
                        : '';
                    add(settings.missing_gate_result, {
                        code: 'missing',
                        message: `${what} has no gate result on its head commit ${p.headSha?.slice(0, 12) ?? '?'}: ` +
                            `it was merged without the quality gate.${ignored}`,
                        hint: 'Run the gate on the pull request (re-run its workflow or check), or revert it from the release.',
                    });
                }
                else if (p.gate.state === 'pending') {
                    add(settings.missing_gate_result, {
                        code: 'pending',
                        message: `${what}: its quality gate has not completed on ${p.headSha?.slice(0, 12) ?? '?'}.`,
                        hint: 'Wait for the gate to finish, then evaluate the release again.',
                    });
                }
                else if (p.gate.state === 'waived') {
                    findings.push({ kind: 'info', code: 'waived', message: `${what} passed its gate with a waiver (${p.gate.title ?? 'waived'}).` });
                }
            }
            for (const c of facts.direct) {
                add(settings.direct_commits, {
                    code: 'direct-commit',
                    message: `Commit ${c.sha.slice(0, 12)} ${JSON.stringify(c.message)} is in no merged pull request: ` + 'it never went through the gate.',
                    hint: 'Land changes through pull requests; review this commit before deploying.',
                });
            }
            const parts = [`${facts.pulls.length} pull request${facts.pulls.length === 1 ? '' : 's'}`];
            for (const k of ['passed', 'waived', 'failed', 'missing', 'pending'])
                if (counts[k])
                    parts.push(`${counts[k]} ${k === 'missing' ? 'without a gate result' : k}`);
            if (facts.direct.length)
                parts.push(`${facts.direct.length} direct commit${facts.direct.length === 1 ? '' : 's'}`);
            const tables = facts.pulls.length
                ? [
                    {
                        title: 'Pull requests in the release',
                        columns: ['PR', 'Gate', 'Title', 'Author', 'Gate result'],
                        rows: facts.pulls.map((p) => [pr(p.number), p.gate.state, p.title, p.author, p.gate.url ?? '']),
                    },
                ]
                : [];
            return { findings, summary: parts.join(', '), tables };
        },
    });
}
/**
 * A dangerous rule for release: its findings in files changed only by PRs carrying the approval label
 * become information ("approved for release"); the others name the PRs that need the label.
 */
function approvable(rule, settings, pullsTouching, approved, verify) {
    const label = settings.approval_label;
    const bind = (raw) => {
        const b = rule.bind(raw);
        return b.ok ? { ok: true, bound: { ...b.bound, evaluate: (ctx) => approvedFindings(b.bound, ctx) } } : b;
    };
    const approvedFindings = async (bound, ctx) => {
        const out = await bound.evaluate(ctx);
        const findings = await Promise.all(out.findings.map(async (f) => {
            if ((f.kind ?? 'violation') !== 'violation' || !f.path)
                return f;
            const path = f.path;
            const touching = await pullsTouching(path);
            if (!touching.length)
                return {
                    ...f,
                    hint: `${f.hint ? `${f.hint} ` : ''}(changed outside any pull request of the release, so no label can approve it)`,
                };
            const checks = await Promise.all(touching.map(async (p) => ({ p, a: await verify(p, path) })));
            const missing = checks.filter((c) => !c.a.approved);
            if (!missing.length) {
                const approvals = checks.map(({ p, a }) => ({ pull: p.number, by: a.by ?? '', via: a.via ?? '', at: a.at, url: a.url }));
                approved.push({ rule: rule.id, path, pulls: touching.map((p) => p.number), message: f.message, approvals });
                return {
                    ...f,
                    kind: 'info',
                    message: `Approved for release by ${approvals.map((a) => `${a.by} (${a.via}) on ${pr(a.pull)}`).join(', ')} ` +
                        `with the label ${label}: ${f.message}`,
                };
            }
            const refused = missing.filter((c) => c.a.why && !/^no /.test(c.a.why)).map((c) => `${pr(c.p.number)}: ${c.a.why}`);
            return {
                ...f,
                message: `${f.message} (from ${missing.map((c) => pr(c.p.number)).join(', ')})` +
                    (refused.length ? ` \u2014 approval not counted: ${refused.join('; ')}` : ''),
                hint: `${f.hint ? `${f.hint} \u2014 ` : ''}or have a release approver (not the PR's author) ` +
                    `approve it for this release with the label ${label} on ${missing.map((c) => pr(c.p.number)).join(', ')}`,
            };
        }));
        return { ...out, findings };
    };
    return { ...rule, bind };
}
async function evaluateRelease(input) {
    const { octokit, repo } = input;
    const facts = {
        environment: input.environment,
        base: { input: input.base, source: 'input' },
        head: { input: input.head, sha: input.head },
        totalCommits: 0,
        pulls: [],
        direct: [],
        approved: [],
    };
    const notes = [];
    // 1. The base: what is deployed.
    const base = await resolveBase(input, facts);
    let problem = base.problem;
    // 2. The range.
    const range = await readRange(input, facts, base.ref, notes);
    const { files, baseSha, headSha } = range;
    // 3. The policy: the one of what is deployed (a release cannot loosen its own gate).
    // Contents (the policy and .gitattributes first, then what the rules plan) are read in GraphQL batches.
    const store = new _github_contents_js__WEBPACK_IMPORTED_MODULE_3__/* .ContentStore */ .Vh(octokit, repo, { sizeHint: (0,_github_contents_js__WEBPACK_IMPORTED_MODULE_3__/* .sizeHintsFrom */ .C5)(files, headSha) });
    const { read: readBase, policyText, gitattributes } = await (0,_github_evaluate_js__WEBPACK_IMPORTED_MODULE_5__/* .readEnforcedSide */ .uu)(octokit, repo, baseSha, input.policyPath, undefined, store);
    (0,_change_generated_js__WEBPACK_IMPORTED_MODULE_8__/* .markExclusions */ .zj)(files, gitattributes);
    const policySource = (0,_pipeline_policy_source_js__WEBPACK_IMPORTED_MODULE_0__/* .policySource */ .I)({ path: input.policyPath, text: policyText, at: { sha: baseSha } });
    const ctx = releaseContext(input, store, range, { baseRef: base.ref, readBase, gitattributes }, notes);
    const remote = input.remotePolicy ?? new _github_remote_policy_js__WEBPACK_IMPORTED_MODULE_7__.RemotePolicyReader(octokit);
    const { loaded, errors } = await (0,_pipeline_policy_js__WEBPACK_IMPORTED_MODULE_6__/* .tryLoadPolicy */ .oB)(policyText, input.policyPath, readBase, { remote: remote.read });
    if (!loaded)
        return { verdict: (0,_engine_run_js__WEBPACK_IMPORTED_MODULE_9__/* .policyErrorVerdict */ .GS)(errors, ctx, policySource, (0,_pipeline_policy_js__WEBPACK_IMPORTED_MODULE_6__/* .defaultResolvedPolicy */ .aW)()), facts };
    notes.push(...(0,_pipeline_policy_js__WEBPACK_IMPORTED_MODULE_6__/* .enforcementNotes */ .Yy)(loaded));
    const policy = loaded.policy;
    const settings = policy.release;
    const plan = (0,_engine_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .planReads */ .z)(policy, files, 'release');
    const planned = store.prefetch([
        ...plan.head.map((path) => ({ ref: headSha, path })),
        ...plan.base.map((path) => ({ ref: baseSha, path })),
    ]);
    // 4. Gate results of the merged PRs (at most max_pull_requests of them).
    if (facts.pulls.length > settings.max_pull_requests) {
        problem =
            `The release contains ${facts.pulls.length} pull requests, more than release.max_pull_requests ` +
                `(${settings.max_pull_requests}); only the first ${settings.max_pull_requests} were checked.`;
        facts.pulls = facts.pulls.slice(0, settings.max_pull_requests);
    }
    facts.pulls = await (0,_gates_js__WEBPACK_IMPORTED_MODULE_13__.gateResults)(octokit, repo, facts.pulls, input.checkName, input.gateIdentity ?? _gates_js__WEBPACK_IMPORTED_MODULE_13__.ACTIONS_GATE_IDENTITY);
    // 5. Rules: the release-only rule, then the release-relevant rules (dangerous ones approvable).
    const rules = releaseRules(input, facts, policy, readBase, problem, notes);
    const gateRules = { ...policy.rules };
    gateRules[RELEASE_RULE_ID] = { level: 'fail' };
    const gatePolicy = { ...policy, rules: gateRules };
    await planned;
    const verdict = await (0,_engine_run_js__WEBPACK_IMPORTED_MODULE_9__/* .runGate */ .Rg)({ policy: gatePolicy, ctx, policySource, notes, rules });
    return { verdict, policy, facts };
}
/** The deployed ref (`auto`: the latest successful deployment), or none and the problem that says so. */
async function resolveBase(input, facts) {
    if (input.base !== 'auto')
        return { ref: input.base };
    if (!input.environment)
        throw new _range_js__WEBPACK_IMPORTED_MODULE_11__.ReleaseError('base-ref auto needs an environment (input `environment`): the base is the latest successful deployment to it');
    const dep = await (0,_range_js__WEBPACK_IMPORTED_MODULE_11__.lastSuccessfulDeployment)(input.octokit, input.repo, input.environment, { exclude: input.excludeDeploymentId });
    if (dep) {
        facts.base = { input: 'auto', sha: dep.sha, source: 'deployment', deploymentId: dep.deploymentId, deployedAt: dep.deployedAt };
        return { ref: dep.sha };
    }
    facts.base = { input: 'auto', source: 'none' };
    return {
        ref: undefined,
        problem: `No successful deployment to ${input.environment} was found, so the release range is unknown and nothing in it ` +
            `could be checked. For a first deployment, pass an explicit base (a tag or SHA), or have a maintainer approve it.`,
    };
}
/** Compares base\u2026head (when the base is known), filling the range's facts: commits, merged PRs, direct commits. */
async function readRange(input, facts, baseRef, notes) {
    if (!baseRef)
        return { files: [], baseSha: input.head, headSha: input.head };
    const { octokit, repo } = input;
    const cmp = await (0,_range_js__WEBPACK_IMPORTED_MODULE_11__.compareRange)(octokit, repo, baseRef, input.head);
    facts.base.sha ??= cmp.baseSha;
    facts.head.sha = cmp.headSha;
    facts.compareUrl = cmp.htmlUrl;
    facts.status = cmp.status;
    facts.totalCommits = cmp.totalCommits;
    if (cmp.status === 'behind' || cmp.status === 'diverged') {
        notes.push({
            level: 'warning',
            message: `The candidate ${input.head} is ${cmp.status === 'behind' ? 'behind' : 'diverged from'} ` +
                `the deployed ${baseRef}: deploying it removes commits that are running now (a rollback). ` +
                `Only the candidate's own commits since the merge base are evaluated.`,
        });
    }
    const { pulls, direct } = await (0,_range_js__WEBPACK_IMPORTED_MODULE_11__.mergedPullsInRange)(octokit, repo, cmp.commits);
    facts.direct = direct;
    facts.pulls = pulls; // gate results are filled below, after the policy caps the count
    return { files: cmp.files.map(_github_source_js__WEBPACK_IMPORTED_MODULE_2__/* .toChangedFile */ .oU), baseSha: cmp.baseSha, headSha: cmp.headSha };
}
/** The rules' context for the range: its aggregate diff (noting when GitHub cut it short) and a release as the "pull request". */
function releaseContext(input, store, range, base, notes) {
    const { files, baseSha, headSha } = range;
    const truncated = files.length >= _range_js__WEBPACK_IMPORTED_MODULE_11__.COMPARE_FILES_CAP;
    const changes = {
        base: baseSha,
        head: headSha,
        files,
        totalFiles: truncated ? files.length + 1 : files.length,
        truncated,
        readHead: (p) => store.read(headSha, p),
        readBase: base.readBase,
    };
    if (truncated)
        notes.push({
            level: 'warning',
            message: `GitHub's compare API lists at most ${_range_js__WEBPACK_IMPORTED_MODULE_11__.COMPARE_FILES_CAP} files of a range; this release changes at least that many, ` +
                `so its diff was checked only in part. Deploy smaller releases, or rely on each pull request's own gate for the rest.`,
        });
    const meta = {
        title: `Release ${base.baseRef ?? '?'}\u2026${input.head}`,
        body: '',
        author: '',
        labels: [],
        repo: { owner: input.repo.owner, name: input.repo.repo },
    };
    const evidence = (0,_github_evaluate_js__WEBPACK_IMPORTED_MODULE_5__/* .apiEvidence */ .Eu)(input.octokit, input.repo, baseSha, headSha, input.evidence);
    return { changes, pr: meta, evidence, gitattributes: base.gitattributes, now: input.now ?? new Date(), mode: 'release' };
}
/** The release-only rule, then every rule, the policy's dangerous ones approvable by label. */
function releaseRules(input, facts, policy, readBase, problem, notes) {
    const settings = policy.release;
    const pullsTouching = pullsTouchingIn(input, facts);
    const verifyApproval = approvalVerifier(input, policy, readBase);
    const unknown = settings.dangerous_rules.filter((id) => !_rules_index_js__WEBPACK_IMPORTED_MODULE_10__/* .RULES */ .y0.some((r) => r.id === id));
    if (unknown.length)
        notes.push({
            level: 'warning',
            message: `release.dangerous_rules names unknown rule${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')}; ` +
                `rules: ${_rules_index_js__WEBPACK_IMPORTED_MODULE_10__/* .RULES */ .y0.map((r) => r.id).join(', ')}.`,
        });
    return [
        releaseGatesRule(facts, settings, problem, (0,_gates_js__WEBPACK_IMPORTED_MODULE_13__.describeGateIdentity)(input.gateIdentity ?? _gates_js__WEBPACK_IMPORTED_MODULE_13__.ACTIONS_GATE_IDENTITY)),
        ..._rules_index_js__WEBPACK_IMPORTED_MODULE_10__/* .RULES */ .y0.map((r) => settings.dangerous_rules.includes(r.id) ? approvable(r, settings, pullsTouching, facts.approved, verifyApproval) : r),
    ];
}
/** The release's PRs (as `facts.pulls` holds them when asked) that change `path`; each PR's files are listed once. */
function pullsTouchingIn(input, facts) {
    const fileLists = new Map();
    const filesOf = (p) => {
        let f = fileLists.get(p.number);
        if (!f) {
            f = (0,_github_source_js__WEBPACK_IMPORTED_MODULE_2__/* .listPullFiles */ .pG)(input.octokit, input.repo, p.number, 0).then((list) => new Set(list.flatMap((x) => (x.previousPath ? [x.path, x.previousPath] : [x.path]))));
            fileLists.set(p.number, f);
        }
        return f;
    };
    return async (path) => {
        const sets = await (0,_range_js__WEBPACK_IMPORTED_MODULE_11__.mapLimit)(facts.pulls, 4, filesOf);
        return facts.pulls.filter((_, i) => sets[i]?.has(path));
    };
}
/**
 * Release approvals, verified from each PR's records (its timeline, the approver's role or team, CODEOWNERS
 * at the deployed commit); identities are looked up once for the whole range.
 */
function approvalVerifier(input, policy, readBase) {
    const settings = policy.release;
    const identities = new _github_waiver_records_js__WEBPACK_IMPORTED_MODULE_12__/* .IdentityCache */ .NP();
    const recordsOf = new Map();
    return (p, path) => {
        let rec = recordsOf.get(p.number);
        if (!rec) {
            rec = (0,_github_waiver_records_js__WEBPACK_IMPORTED_MODULE_12__/* .githubWaiverRecords */ .I5)(input.octokit, input.repo, {
                number: p.number,
                author: p.author,
                headRef: p.headRef ?? '',
                headSha: p.headSha ?? '',
                sameRepo: p.sameRepo !== false && !!p.headRef,
                htmlUrl: p.htmlUrl,
            }, readBase, identities);
            recordsOf.set(p.number, rec);
        }
        return (0,_engine_waivers_js__WEBPACK_IMPORTED_MODULE_15__/* .verifyReleaseApproval */ .A6)(rec, p, settings.approval_label, settings.approvers, [path], policy.waivers.allow_self);
    };
}


/***/ }),

/***/ 18673:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ACTIONS_APP_SLUG: () => (/* binding */ ACTIONS_APP_SLUG),
/* harmony export */   ACTIONS_GATE_IDENTITY: () => (/* binding */ ACTIONS_GATE_IDENTITY),
/* harmony export */   classifyCheckRun: () => (/* binding */ classifyCheckRun),
/* harmony export */   describeGateIdentity: () => (/* binding */ describeGateIdentity),
/* harmony export */   gateResult: () => (/* binding */ gateResult),
/* harmony export */   gateResults: () => (/* binding */ gateResults),
/* harmony export */   parseGateIdentity: () => (/* binding */ parseGateIdentity)
/* harmony export */ });
/* harmony import */ var _trends_embed_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98337);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96584);
/* harmony import */ var _range_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(25344);
/**
 * A pull request's gate result: the latest check run named like the gate on the PR's head SHA (the
 * commit status of the same name when the gate had to fall back to statuses). These are facts read
 * from GitHub; what they mean for the release is decided by the engine (see evaluate.ts).
 *
 * Only results the gate itself published count. Anyone who can push to the repository can post a commit
 * status named `quality-gate`, and any GitHub App installed on it can create a check run of that name, so
 * the name alone proves nothing: a merged PR with no gate result plus such a status would turn a rejected
 * release into an approved one. A check run counts only when GitHub says it was created by one of the
 * expected Apps (`app.id` or `app.slug`: the App itself when running as the App, `github-actions` for the
 * workflow token), a status only when its `creator.login` is one of the expected logins. Anything else is
 * ignored, and the PR is reported as having no gate result, naming who posted what was ignored.
 */



/** The workflow token's App: `github-actions` (id 15368 on github.com; the slug is the same on GHES). */
const ACTIONS_APP_SLUG = 'github-actions';
/**
 * The identity from its written form (the Action's `gate-identity` input, the CLI's `--gate-identity`):
 * comma- or space-separated entries, each
 * - an App slug (`github-actions`, `my-gate-app`): its check runs, and the statuses of `<slug>[bot]`;
 * - a numeric App id (`15368`): its check runs;
 * - `user:<login>` or `<login>[bot]`: statuses posted by that login (a personal access token's user).
 */
function parseGateIdentity(spec) {
    const id = { apps: [], statusCreators: [] };
    for (const raw of spec.split(/[\s,]+/)) {
        const entry = raw.trim();
        if (!entry)
            continue;
        if (/^user:/i.test(entry)) {
            const login = entry.slice(5).trim();
            if (login)
                id.statusCreators.push(login);
        }
        else if (/\[bot\]$/i.test(entry))
            id.statusCreators.push(entry);
        else if (/^\d+$/.test(entry))
            id.apps.push({ id: Number(entry) });
        else {
            id.apps.push({ slug: entry });
            id.statusCreators.push(`${entry}[bot]`);
        }
    }
    return id;
}
/** The default: the gate run by a workflow with its GITHUB_TOKEN. */
const ACTIONS_GATE_IDENTITY = parseGateIdentity(ACTIONS_APP_SLUG);
/** The identity in words, for reports: "App github-actions, statuses by github-actions[bot]". */
function describeGateIdentity(g) {
    const apps = g.apps.map((a) => (a.slug ? a.slug : `id ${a.id}`));
    const parts = [apps.length ? `check runs of the App${apps.length === 1 ? '' : 's'} ${apps.join(', ')}` : 'no check runs'];
    parts.push(g.statusCreators.length ? `statuses by ${g.statusCreators.join(', ')}` : 'no statuses');
    return parts.join(', ');
}
function trustedApp(app, g) {
    if (!app)
        return false;
    return g.apps.some((a) => (a.id !== undefined && app.id === a.id) ||
        (a.slug !== undefined && typeof app.slug === 'string' && app.slug.toLowerCase() === a.slug.toLowerCase()));
}
function trustedCreator(login, g) {
    return !!login && g.statusCreators.some((c) => c.toLowerCase() === login.toLowerCase());
}
const FAILED = new Set(['failure', 'cancelled', 'timed_out', 'action_required', 'stale', 'startup_failure']);
/** Classifies a completed check run of the gate. */
function classifyCheckRun(run) {
    if (run.status !== 'completed' || !run.conclusion)
        return 'pending';
    if (FAILED.has(run.conclusion))
        return 'failed';
    if (run.conclusion === 'skipped')
        return 'missing';
    // success or neutral: the gate let it through. Whether a waiver did is data: the record the gate embeds in
    // the check run's text (src/trends/embed.ts) lists the waived rules. Only a check run written before the
    // record existed (or whose record was cut to nothing) is read by its title ("waived: \u2026").
    const record = (0,_trends_embed_js__WEBPACK_IMPORTED_MODULE_0__/* .extractRecord */ .ZL)(run.output?.text);
    if (record && (record.waived.length || !record.truncated))
        return record.waived.length ? 'waived' : 'passed';
    return /(^|\u00b7\s*)waived:/.test(run.output?.title ?? '') ? 'waived' : 'passed';
}
/** Most pages of check runs (100 each) or statuses read per commit. */
const MAX_PAGES = 10;
async function gateResult(octokit, r, headSha, checkName, identity = ACTIONS_GATE_IDENTITY) {
    try {
        const ignored = { notes: [], by: new Set() };
        const done = (g) => (ignored.notes.length ? { ...g, ignored: ignored.notes, ignoredBy: [...ignored.by] } : g);
        // Every run of the name (not only GitHub's "latest", which a look-alike created later would hide),
        // newest first; the newest one created by the gate's App is the result.
        const runs = await listCheckRuns(octokit, r, headSha, checkName);
        const named = runs.filter((c) => c.name === checkName).sort((a, b) => b.id - a.id);
        const run = named.find((c) => trustedApp(c.app, identity));
        for (const c of named) {
            if (c === run)
                break;
            if (trustedApp(c.app, identity))
                continue;
            const app = `the App ${c.app?.slug ?? c.app?.name ?? '?'} (id ${c.app?.id ?? '?'})`;
            ignored.notes.push(`a check run "${checkName}" (${c.conclusion ?? c.status}) created by ${app}, which is not the gate`);
            ignored.by.add(app);
        }
        if (run)
            return done({
                state: classifyCheckRun(run),
                conclusion: run.conclusion ?? run.status,
                title: run.output?.title ?? undefined,
                url: run.html_url ?? undefined,
                source: 'check-run',
            });
        return done((await gateStatus(octokit, r, headSha, checkName, identity, ignored)) ?? { state: 'missing' });
    }
    catch (e) {
        throw new _range_js__WEBPACK_IMPORTED_MODULE_2__.ReleaseError((0,_github_client_js__WEBPACK_IMPORTED_MODULE_1__.describeApiError)(`gate result of ${headSha.slice(0, 12)}`, e));
    }
}
/** Every check run named `checkName` on the commit, up to MAX_PAGES pages. */
async function listCheckRuns(octokit, r, headSha, checkName) {
    const runs = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
        const { data } = await octokit.rest.checks.listForRef({
            owner: r.owner,
            repo: r.repo,
            ref: headSha,
            check_name: checkName,
            filter: 'all',
            per_page: 100,
            page,
        });
        runs.push(...data.check_runs);
        if (data.check_runs.length < 100 || runs.length >= data.total_count)
            break;
    }
    return runs;
}
/**
 * The gate's commit status, which it publishes under the same name when check runs are forbidden. The
 * statuses list (newest first) names each one's creator; the combined status does not.
 */
async function gateStatus(octokit, r, headSha, checkName, identity, ignored) {
    for (let page = 1; page <= MAX_PAGES; page++) {
        const { data } = await octokit.rest.repos.listCommitStatusesForRef({
            owner: r.owner,
            repo: r.repo,
            ref: headSha,
            per_page: 100,
            page,
        });
        for (const status of data) {
            if (status.context !== checkName)
                continue;
            const creator = status.creator?.login;
            if (!trustedCreator(creator, identity)) {
                ignored.notes.push(`a commit status "${checkName}" = ${status.state} posted by ${creator ?? 'an unknown user'}, who is not the gate`);
                ignored.by.add(creator ?? 'an unknown user');
                continue;
            }
            const state = status.state === 'success' ? 'passed' : status.state === 'pending' ? 'pending' : 'failed';
            return {
                state,
                conclusion: status.state,
                title: status.description ?? undefined,
                url: status.target_url ?? undefined,
                source: 'status',
            };
        }
        if (data.length < 100)
            break;
    }
    return undefined;
}
async function gateResults(octokit, r, pulls, checkName, identity = ACTIONS_GATE_IDENTITY) {
    return (0,_range_js__WEBPACK_IMPORTED_MODULE_2__.mapLimit)(pulls, 4, async (p) => ({
        ...p,
        gate: p.headSha ? await gateResult(octokit, r, p.headSha, checkName, identity) : { state: 'missing' },
    }));
}


/***/ }),

/***/ 25344:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   COMPARE_FILES_CAP: () => (/* binding */ COMPARE_FILES_CAP),
/* harmony export */   ReleaseError: () => (/* binding */ ReleaseError),
/* harmony export */   compareRange: () => (/* binding */ compareRange),
/* harmony export */   lastSuccessfulDeployment: () => (/* binding */ lastSuccessfulDeployment),
/* harmony export */   mapLimit: () => (/* binding */ mapLimit),
/* harmony export */   mergedPullsInRange: () => (/* binding */ mergedPullsInRange)
/* harmony export */ });
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96584);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8301);


class ReleaseError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ReleaseError';
    }
}
/** Runs `f` over `items` with at most `limit` calls in flight, keeping the order of the results. */
async function mapLimit(items, limit, f) {
    const out = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await f(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return out;
}
/** States of a deployment's latest status that count as "this is what runs in the environment". */
const SUCCESS = new Set(['success']);
/**
 * The latest deployment to `environment` whose most recent status is `success`, skipping `exclude`
 * (the deployment under review) and deployments of `skipSha`. Undefined when there is none.
 * Looks at up to `maxDeployments` deployments, newest first.
 */
async function lastSuccessfulDeployment(octokit, r, environment, opts = {}) {
    const max = opts.maxDeployments ?? 200;
    let seen = 0;
    for (let page = 1; seen < max; page++) {
        let deployments;
        try {
            deployments = (await octokit.rest.repos.listDeployments({ owner: r.owner, repo: r.repo, environment, per_page: 30, page })).data;
        }
        catch (e) {
            throw new ReleaseError((0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__.describeApiError)(`list deployments to ${environment}`, e));
        }
        if (!deployments.length)
            return undefined;
        for (const d of deployments) {
            seen++;
            if (d.id === opts.exclude || (opts.skipSha && d.sha === opts.skipSha))
                continue;
            let statuses;
            try {
                statuses = (await octokit.rest.repos.listDeploymentStatuses({ owner: r.owner, repo: r.repo, deployment_id: d.id, per_page: 1 }))
                    .data;
            }
            catch (e) {
                if ((0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(e) === 404)
                    continue;
                throw new ReleaseError((0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__.describeApiError)(`list statuses of deployment ${d.id}`, e));
            }
            const latest = statuses.length ? statuses[0] : undefined; // newest first
            if (latest && SUCCESS.has(latest.state))
                return { sha: d.sha, deploymentId: d.id, deployedAt: latest.created_at, url: latest.environment_url || latest.log_url || undefined };
            if (seen >= max)
                break;
        }
        if (deployments.length < 30)
            return undefined;
    }
    return undefined;
}
/** GitHub's compare API lists at most this many files (on the first page only). */
const COMPARE_FILES_CAP = 300;
const MAX_COMMIT_PAGES = 100;
/** Compares base...head: every page of commits; the files of the aggregate diff (first page, \u2264 300). */
async function compareRange(octokit, r, base, head) {
    const commits = [];
    let first;
    for (let page = 1; page <= MAX_COMMIT_PAGES; page++) {
        let data;
        try {
            data = (await octokit.rest.repos.compareCommitsWithBasehead({
                owner: r.owner,
                repo: r.repo,
                basehead: `${base}...${head}`,
                per_page: 100,
                page,
            })).data;
        }
        catch (e) {
            if ((0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(e) === 404)
                throw new ReleaseError(`cannot compare ${base}...${head}: one of the refs does not exist in ${r.owner}/${r.repo} (HTTP 404)`);
            throw new ReleaseError((0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__.describeApiError)(`compare ${base}...${head}`, e));
        }
        first ??= data;
        const pageCommits = data.commits ?? [];
        for (const c of pageCommits)
            commits.push({
                sha: c.sha,
                message: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .textOf */ .b6)(c.commit?.message).split('\n')[0] ?? '',
                author: c.author?.login ?? c.commit?.author?.name,
                htmlUrl: c.html_url,
            });
        if (!pageCommits.length || commits.length >= Number(data.total_commits ?? 0))
            break;
    }
    const f = first ?? {};
    return {
        baseSha: f.merge_base_commit?.sha ?? f.base_commit?.sha ?? base,
        headSha: commits.at(-1)?.sha ?? (/^[0-9a-f]{40}$/i.test(head) ? head : (f.base_commit?.sha ?? head)),
        status: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .textOf */ .b6)(f.status, 'ahead'),
        totalCommits: Number(f.total_commits ?? commits.length),
        commits,
        files: f.files ?? [],
        htmlUrl: f.html_url,
    };
}
/**
 * The pull requests merged in the range: `commits/{sha}/pulls` for every commit, merged ones only (into
 * this repository), deduplicated by number, in merge order. Commits no merged PR claims are `direct`.
 */
async function mergedPullsInRange(octokit, r, commits) {
    const byNumber = new Map();
    const direct = [];
    const lists = await mapLimit(commits, 4, async (c) => {
        try {
            return (await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner: r.owner, repo: r.repo, commit_sha: c.sha, per_page: 100 })).data;
        }
        catch (e) {
            throw new ReleaseError((0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__.describeApiError)(`list pull requests of commit ${c.sha.slice(0, 12)}`, e));
        }
    });
    commits.forEach((c, i) => {
        const merged = (lists[i] ?? []).filter((p) => !!p.merged_at && (!p.base?.repo?.full_name || p.base.repo.full_name.toLowerCase() === `${r.owner}/${r.repo}`.toLowerCase()));
        if (!merged.length)
            direct.push(c);
        for (const p of merged) {
            let rec = byNumber.get(p.number);
            if (!rec) {
                rec = {
                    number: p.number,
                    title: p.title ?? '',
                    author: p.user?.login ?? '',
                    labels: (p.labels ?? []).map((l) => l.name ?? '').filter(Boolean),
                    headSha: p.head?.sha,
                    headRef: p.head?.ref,
                    sameRepo: !p.head?.repo?.full_name || p.head.repo.full_name.toLowerCase() === `${r.owner}/${r.repo}`.toLowerCase(),
                    mergedAt: p.merged_at,
                    mergeCommitSha: p.merge_commit_sha ?? undefined,
                    htmlUrl: p.html_url,
                    commits: [],
                };
                byNumber.set(p.number, rec);
            }
            rec.commits.push(c.sha);
        }
    });
    const pulls = [...byNumber.values()].sort((a, b) => (a.mergedAt < b.mergedAt ? -1 : a.mergedAt > b.mergedAt ? 1 : a.number - b.number));
    return { pulls, direct };
}


/***/ })

};
