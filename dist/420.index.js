export const id = 420;
export const ids = [420];
export const modules = {

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


/***/ }),

/***/ 40420:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ApiSourceError: () => (/* binding */ ApiSourceError),
/* harmony export */   MERGED_PULLS_QUERY: () => (/* binding */ MERGED_PULLS_QUERY),
/* harmony export */   MIN_PAGE_SIZE: () => (/* binding */ MIN_PAGE_SIZE),
/* harmony export */   ORG_REPOS_QUERY: () => (/* binding */ ORG_REPOS_QUERY),
/* harmony export */   PAGE_SIZE: () => (/* binding */ PAGE_SIZE),
/* harmony export */   apiHistory: () => (/* binding */ apiHistory),
/* harmony export */   describeGraphqlError: () => (/* binding */ describeGraphqlError)
/* harmony export */ });
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96584);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _release_gates_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(18673);
/* harmony import */ var _embed_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(98337);




class ApiSourceError extends Error {
}
/**
 * describeApiError keeps an error's first line, and a GraphQL answer with errors puts them on the next
 * lines ("Request failed due to following response errors:\n - \u2026"): name them.
 */
function describeGraphqlError(purpose, e) {
    const errors = e?.errors;
    if (!Array.isArray(errors) || !errors.length)
        return (0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__.describeApiError)(purpose, e);
    const messages = errors.map((x) => x && typeof x === 'object' && typeof x.message === 'string' ? x.message : String(x));
    return `${purpose}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .plainMessage */ .C5)(new Error(messages.join('; ')))}`;
}
const PAGE_SIZE = 100;
/** The smallest page asked for after GitHub gave up on a larger one. */
const MIN_PAGE_SIZE = 12;
/** GitHub gave up on a query (too heavy), as opposed to refusing it. */
function heavy(e) {
    const status = e?.status;
    if (status === 502 || status === 504)
        return true;
    return /timeout|timed out|something went wrong while executing your query/i.test(describeGraphqlError('', e));
}
/** What the gate's check run contributes to a merged pull request's trend record. */
const CHECK_RUN_FIELDS = 'name status conclusion startedAt completedAt title text';
const MERGED_PULLS_QUERY = 'query MergedPulls($owner: String!, $name: String!, $after: String, $checkName: String!, $pageSize: Int!) {\n' +
    `  repository(owner: $owner, name: $name) {
    nameWithOwner
    defaultBranchRef { name }
    pullRequests(states: MERGED, orderBy: {field: UPDATED_AT, direction: DESC}, first: $pageSize, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number title updatedAt mergedAt baseRefName baseRefOid headRefOid additions deletions changedFiles
        mergeCommit { oid }
        author { login }
        labels(first: 20) { nodes { name } }
        commits(last: 1) { nodes { commit { oid
          checkSuites(first: 5, filterBy: {checkName: $checkName}) { nodes { app { databaseId slug }
            checkRuns(first: 5, filterBy: {checkName: $checkName, checkType: ALL}) { nodes { ${CHECK_RUN_FIELDS} } } } }
          status { context(name: $checkName) { state description creator { login } } }
        } } }
      }
    }
  }
}`;
const ORG_REPOS_QUERY = `query OrgRepos($org: String!, $after: String) {
  organization(login: $org) {
    repositories(first: 100, after: $after, orderBy: {field: PUSHED_AT, direction: DESC}) {
      pageInfo { hasNextPage endCursor }
      nodes { nameWithOwner pushedAt isArchived }
    }
  }
}`;
const FAILED = new Set(['failure', 'error']);
function trusted(app, g) {
    if (!app)
        return false;
    return g.apps.some((a) => (a.id !== undefined && app.databaseId === a.id) || (a.slug !== undefined && app.slug.toLowerCase() === a.slug.toLowerCase()));
}
/** The gate's result on a pull request's head commit: the latest trusted check run, else a trusted status. */
function gateOf(p, checkName, g) {
    const commit = p.commits.nodes?.find((n) => n?.commit.oid === p.headRefOid)?.commit;
    if (!commit)
        return { found: false };
    const runs = [];
    for (const suite of commit.checkSuites?.nodes ?? []) {
        if (!suite || !trusted(suite.app, g))
            continue;
        for (const r of suite.checkRuns?.nodes ?? [])
            if (r && r.name === checkName)
                runs.push(r);
    }
    const at = (r) => r.completedAt ?? r.startedAt ?? '';
    const run = runs.sort((a, b) => at(b).localeCompare(at(a))).at(0); // none when no run of the name
    if (run) {
        const state = (0,_release_gates_js__WEBPACK_IMPORTED_MODULE_2__.classifyCheckRun)({
            status: run.status.toLowerCase(),
            conclusion: run.conclusion?.toLowerCase() ?? null,
            output: { title: run.title },
        });
        const conclusion = state === 'failed'
            ? 'failure'
            : state === 'passed' || state === 'waived'
                ? run.conclusion === 'NEUTRAL'
                    ? 'neutral'
                    : 'success'
                : undefined;
        return { conclusion, text: run.text, found: true };
    }
    const st = commit.status?.context;
    if (st && st.creator && g.statusCreators.some((c) => c.toLowerCase() === st.creator?.login.toLowerCase())) {
        const s = st.state.toLowerCase();
        return { conclusion: s === 'success' ? 'success' : FAILED.has(s) ? 'failure' : undefined, found: true };
    }
    return { found: false };
}
function toRecord(p, repo, checkName, g, fallback) {
    const meta = {
        ...(repo ? { repo } : {}),
        number: p.number,
        sha: p.mergeCommit?.oid ?? p.headRefOid,
        base: p.baseRefOid,
        title: p.title,
        author: p.author?.login ?? 'ghost',
        mergedAt: new Date(Date.parse(p.mergedAt)).toISOString(),
    };
    const gate = gateOf(p, checkName, g);
    const facts = gate.text !== undefined ? (0,_embed_js__WEBPACK_IMPORTED_MODULE_3__/* .extractRecord */ .ZL)(gate.text) : undefined;
    if (facts) {
        const { truncated: _t, ...rest } = facts;
        return { ...meta, ...rest, ...(gate.conclusion ? { conclusion: gate.conclusion } : {}), origin: 'gate' };
    }
    if (gate.found)
        fallback.noRecord++;
    else
        fallback.noResult++;
    return {
        ...meta,
        ...(gate.conclusion ? { conclusion: gate.conclusion } : {}),
        size: { lines: p.additions + p.deletions, files: p.changedFiles },
        failed: [],
        errored: [],
        warned: [],
        waived: [],
        origin: 'pull-request',
    };
}
async function orgRepos(octokit, org, from, count) {
    const out = [];
    let after = null;
    for (;;) {
        let data;
        try {
            count();
            data = await (0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__.graphqlReader)(octokit)(ORG_REPOS_QUERY, { org, after });
        }
        catch (e) {
            throw new ApiSourceError(describeGraphqlError(`repositories of the organization ${org}`, e));
        }
        const conn = data.organization?.repositories;
        if (!conn)
            throw new ApiSourceError(`organization ${org}: not found or not visible to the token`);
        let older = false;
        for (const n of conn.nodes ?? []) {
            if (!n)
                continue;
            if (!n.pushedAt || Date.parse(n.pushedAt) < from.getTime()) {
                older = true;
                continue;
            }
            out.push(n.nameWithOwner);
        }
        if (older || !conn.pageInfo.hasNextPage || !conn.pageInfo.endCursor)
            return out;
        after = conn.pageInfo.endCursor;
    }
}
async function apiHistory(o) {
    const identity = o.identity ?? _release_gates_js__WEBPACK_IMPORTED_MODULE_2__.ACTIONS_GATE_IDENTITY;
    let calls = 0;
    const count = () => void calls++;
    const names = new Map();
    for (const r of o.repos)
        names.set(`${r.owner}/${r.repo}`.toLowerCase(), `${r.owner}/${r.repo}`);
    if (o.org)
        for (const n of await orgRepos(o.octokit, o.org, o.from, count))
            if (!names.has(n.toLowerCase()))
                names.set(n.toLowerCase(), n);
    const repos = [...names.values()];
    const multi = repos.length > 1 || o.org !== undefined;
    const fallback = { noResult: 0, noRecord: 0 };
    const records = [];
    let branch = '';
    for (const full of repos) {
        const [owner, name] = full.split('/');
        let after = null;
        let pageSize = o.pageSize ?? PAGE_SIZE;
        for (;;) {
            let data;
            try {
                count();
                data = await (0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__.graphqlReader)(o.octokit)(MERGED_PULLS_QUERY, { owner, name, after, checkName: o.checkName, pageSize });
            }
            catch (e) {
                // A page of 100 pull requests with their gate check runs' texts is a heavy query: when GitHub gives
                // up on it (a 502/504 after the client's retries, or its "timeout" error), ask again for half.
                if (pageSize > MIN_PAGE_SIZE && heavy(e)) {
                    pageSize = Math.max(MIN_PAGE_SIZE, Math.floor(pageSize / 2));
                    o.log?.(`merged pull requests of ${full}: GitHub gave up on the query ` +
                        `(${describeGraphqlError('', e).slice(2)}); asking for ${pageSize} a page`);
                    continue;
                }
                throw new ApiSourceError(describeGraphqlError(`merged pull requests of ${full}`, e));
            }
            const repo = data.repository;
            if (!repo)
                throw new ApiSourceError(`repository ${full}: not found or not visible to the token`);
            if (!branch)
                branch = repo.defaultBranchRef?.name ?? '';
            let older = false;
            for (const p of repo.pullRequests.nodes ?? []) {
                if (!p || !p.mergedAt)
                    continue;
                if (Date.parse(p.updatedAt) < o.from.getTime())
                    older = true;
                const t = Date.parse(p.mergedAt);
                if (t < o.from.getTime() || t > o.to.getTime())
                    continue;
                records.push(toRecord(p, multi ? repo.nameWithOwner : undefined, o.checkName, identity, fallback));
            }
            if (older || !repo.pullRequests.pageInfo.hasNextPage || !repo.pullRequests.pageInfo.endCursor)
                break;
            after = repo.pullRequests.pageInfo.endCursor;
        }
    }
    const notes = [];
    const fb = fallback.noResult + fallback.noRecord;
    if (fb) {
        notes.push(`${fb} of ${records.length} pull request${records.length === 1 ? '' : 's'} ${fb === 1 ? 'has' : 'have'} no ` +
            `trend record from the gate (${fallback.noResult} without any result of "${o.checkName}" by the gate on the ` +
            `head commit, ${fallback.noRecord} with a result but no embedded record: an older gate or a commit status): ` +
            `their size is the pull request's additions + deletions, without pr-size's exclusions (lock files, ` +
            `generated and vendored files count), and their rules, critical areas, migrations and runbooks are unknown.`);
    }
    return { repositories: repos, defaultBranch: multi ? '' : branch, records, fallback, calls, notes };
}


/***/ })

};
