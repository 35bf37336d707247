export const id = 191;
export const ids = [191,46,967];
export const modules = {

/***/ 80223:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Eu: () => (/* binding */ apiEvidence),
  qd: () => (/* binding */ evaluatePullRequest),
  uu: () => (/* binding */ readEnforcedSide)
});

// UNUSED EXPORTS: DEFAULT_POLICY_PATH, PREVIEW_BUDGET_MS, PREVIEW_MAX_BLOCK_MS, prMeta

// EXTERNAL MODULE: ./src/pipeline/policy-source.ts
var policy_source = __webpack_require__(21566);
// EXTERNAL MODULE: ./src/pipeline/policy.ts
var pipeline_policy = __webpack_require__(91130);
// EXTERNAL MODULE: ./src/pipeline/gate.ts
var gate = __webpack_require__(1255);
// EXTERNAL MODULE: ./src/github/source.ts
var source = __webpack_require__(51094);
// EXTERNAL MODULE: ./src/github/contents.ts
var github_contents = __webpack_require__(33113);
// EXTERNAL MODULE: ./src/engine/plan.ts
var engine_plan = __webpack_require__(30955);
// EXTERNAL MODULE: ./src/github/remote-policy.ts
var remote_policy = __webpack_require__(58808);
// EXTERNAL MODULE: ./src/change/generated.ts
var generated = __webpack_require__(9393);
// EXTERNAL MODULE: ./src/engine/run.ts
var run = __webpack_require__(62515);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/json.ts
var json = __webpack_require__(8301);
;// CONCATENATED MODULE: ./src/github/dependencies.ts


/**
 * Dependency review between two commits (use the PR's base and head SHAs: `pull_request.base.sha` and
 * `pull_request.head.sha`, not branch names, so the comparison matches what the gate checked).
 */
async function fetchDependencyReview(octokit, p) {
    return provide(async () => checkReview((await octokit.rest.dependencyGraph.diffRange({ owner: p.owner, repo: p.repo, basehead: `${p.base}...${p.head}` })).data), {
        forbidden: (m) => `GitHub dependency review is not available for ${p.owner}/${p.repo} (403: ${m}). It needs the dependency graph ` +
            '(Settings \u2192 Code security \u2192 Dependency graph) and, on private repositories, GitHub Advanced Security / Code Security; ' +
            'the token needs `contents: read`. Fork PRs cannot use it with a read-only token.',
        notFound: `GitHub dependency review answered 404 for ${p.owner}/${p.repo} ${p.base.slice(0, 7)}...${p.head.slice(0, 7)}: ` +
            `the dependency graph ` +
            'is not enabled (Settings \u2192 Code security \u2192 Dependency graph), ' +
            'or one of the commits is unknown to GitHub, or the token cannot see the repository.',
        failed: 'GitHub dependency review failed',
    });
}
/** Open Dependabot alerts of the repository (all pages, 100 per page). */
async function fetchDependabotAlerts(octokit, p) {
    return provide(async () => checkAlerts(await octokit.paginate(octokit.rest.dependabot.listAlertsForRepo, { owner: p.owner, repo: p.repo, state: 'open', per_page: 100 })), {
        forbidden: (m) => `Dependabot alerts of ${p.owner}/${p.repo} cannot be read with this token (403: ${m}). In a workflow grant ` +
            '`permissions: security-events: read` (or use a GitHub App / fine-grained token with "Dependabot alerts: read"); ' +
            'Dependabot alerts must be enabled (Settings \u2192 Code security \u2192 Dependabot alerts). Fork PRs get no such access.',
        notFound: `Dependabot alerts answered 404 for ${p.owner}/${p.repo}: Dependabot alerts are not enabled ` +
            `(Settings \u2192 Code security \u2192 Dependabot alerts), or the token cannot see the repository.`,
        failed: 'reading Dependabot alerts failed',
    });
}
/** A provider's answer turned into what a rule reads (failures pass through unchanged). */
function mapProvided(r, f) {
    return r.ok ? { ok: true, data: f(r.data) } : r;
}
/** An answer that is not the documented shape: the provider failed (never read as "nothing found"). */
class MalformedAnswer extends Error {
}
/** The compare answer, checked entry by entry: an array of changes, each naming what changed. */
function checkReview(data) {
    if (!Array.isArray(data))
        throw new MalformedAnswer(`the answer is ${describe(data)}, not a list of dependency changes`);
    data.forEach((c, i) => {
        if (!(0,json/* isObject */.Gv)(c) || typeof c.change_type !== 'string' || typeof c.name !== 'string')
            throw new MalformedAnswer(`entry ${i} is not a dependency change (no change_type and name)`);
        if (c.vulnerabilities !== undefined && c.vulnerabilities !== null) {
            if (!Array.isArray(c.vulnerabilities) || !c.vulnerabilities.every((v) => (0,json/* isObject */.Gv)(v) && typeof v.advisory_ghsa_id === 'string')) {
                throw new MalformedAnswer(`entry ${i} (${c.name}) has vulnerabilities without an advisory_ghsa_id`);
            }
        }
    });
    return data;
}
function checkAlerts(data) {
    if (!Array.isArray(data))
        throw new MalformedAnswer(`the answer is ${describe(data)}, not a list of alerts`);
    const bad = data.findIndex((a) => !(0,json/* isObject */.Gv)(a) || !(0,json/* isObject */.Gv)(a.security_advisory));
    if (bad >= 0)
        throw new MalformedAnswer(`alert ${bad} has no security_advisory`);
    return data;
}
function describe(v) {
    return v === null
        ? 'null'
        : Array.isArray(v)
            ? 'an array'
            : typeof v === 'string'
                ? `a string of ${v.length} characters`
                : `a${typeof v === 'object' ? 'n' : ''} ${typeof v}`;
}
/**
 * A 403 or 429 that is GitHub's rate limiting (primary: `x-ratelimit-remaining: 0`; secondary: a
 * `retry-after` header or the "secondary rate limit" message) rather than a missing feature or permission:
 * the throttling plugin already waited and retried, so by now it is a failure, not "not enabled".
 */
function isRateLimited(e) {
    const s = (0,errors/* statusOf */.c2)(e);
    if (s === 429)
        return true;
    if (s !== 403)
        return false;
    const headers = e?.response?.headers ?? {};
    if (String(headers['x-ratelimit-remaining'] ?? '') === '0' || headers['retry-after'] !== undefined)
        return true;
    return /rate limit/i.test((0,errors/* plainMessage */.C5)(e));
}
/**
 * One provider call: its data; or, for a feature that is off (403/404), why it is unavailable and how to
 * enable it; or, for anything else (5xx after retries, timeout, network, rate limit, malformed answer),
 * that it failed, naming the status.
 */
async function provide(call, why) {
    try {
        return { ok: true, data: await call() };
    }
    catch (e) {
        const s = (0,errors/* statusOf */.c2)(e);
        if (e instanceof MalformedAnswer)
            return { ok: false, reason: `${why.failed}: GitHub's answer is malformed (${e.message})` };
        if (isRateLimited(e))
            return { ok: false, reason: `${why.failed}: rate limited (HTTP ${s}) after the retries: ${(0,errors/* plainMessage */.C5)(e)}` };
        if (s === 403)
            return { ok: false, unavailable: true, reason: why.forbidden((0,errors/* plainMessage */.C5)(e)) };
        if (s === 404)
            return { ok: false, unavailable: true, reason: why.notFound };
        return { ok: false, reason: `${why.failed}${s ? ` (HTTP ${s})` : ''}: ${(0,errors/* plainMessage */.C5)(e)}` };
    }
}

// EXTERNAL MODULE: ./src/evidence/scanners/index.ts + 3 modules
var scanners = __webpack_require__(50728);
;// CONCATENATED MODULE: ./src/github/dependency-facts.ts
/**
 * GitHub's dependency payloads as the `dependencies` rule judges them: dependency review changes become the
 * dependencies a PR adds and the vulnerabilities they bring, Dependabot alerts become vulnerabilities with
 * their age. Parsed here, by the provider, so the rule never reads a GitHub payload; every field is checked
 * one by one (the providers' answers are checked for shape, not trusted for types).
 */


function reviewFacts(data) {
    const vulns = [];
    const added = [];
    for (const raw of data) {
        if (typeof raw !== 'object' || raw === null)
            continue;
        const c = raw;
        if (c.change_type !== 'added')
            continue;
        const name = String(c.name);
        const version = (0,json/* textOf */.b6)(c.version);
        const manifest = (0,json/* textOf */.b6)(c.manifest);
        added.push({ name, version, manifest, license: typeof c.license === 'string' ? c.license : null });
        for (const v of Array.isArray(c.vulnerabilities) ? c.vulnerabilities : []) {
            const a = v;
            const id = (0,scanners/* normaliseId */.GU)(String(a.advisory_ghsa_id));
            vulns.push({
                id,
                aliases: [id],
                package: name,
                version: version || undefined,
                ecosystem: typeof c.ecosystem === 'string' ? c.ecosystem : undefined,
                severity: (0,scanners/* severityFromWord */.GX)(String(a.severity)) ?? 'unknown',
                title: typeof a.advisory_summary === 'string' ? a.advisory_summary : undefined,
                url: typeof a.advisory_url === 'string' ? a.advisory_url : undefined,
                manifest,
                origin: 'introduced',
                sources: ['dependency review'],
                reports: ['GitHub dependency review'],
            });
        }
    }
    return { vulns, added };
}
const s = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
function alertVulnerabilities(data) {
    const out = [];
    for (const raw of data) {
        if (typeof raw !== 'object' || raw === null)
            continue;
        const a = raw;
        const adv = a.security_advisory ?? {};
        const vul = a.security_vulnerability ?? {};
        const ids = [adv.ghsa_id, adv.cve_id, ...(Array.isArray(adv.identifiers) ? adv.identifiers.map((i) => i?.value) : [])]
            .map(s)
            .filter((x) => x !== undefined)
            .flatMap((x) => (0,scanners/* advisoryIdsIn */.zg)(x));
        const aliases = [...new Set(ids)];
        const pkg = s(vul.package?.name) ?? s(a.dependency?.package?.name);
        if (!pkg || aliases.length === 0)
            continue;
        const score = adv.cvss?.score;
        out.push({
            id: aliases[0],
            aliases,
            package: pkg,
            fixedVersion: s(vul.first_patched_version?.identifier),
            ecosystem: s(vul.package?.ecosystem),
            severity: (0,scanners/* severityFromWord */.GX)(s(vul.severity) ?? s(adv.severity)) ?? 'unknown',
            cvss: typeof score === 'number' && score > 0 ? score : undefined,
            title: s(adv.summary),
            url: s(a.html_url),
            manifest: s(a.dependency?.manifest_path),
            firstSeen: s(a.created_at),
            origin: 'present',
            sources: ['Dependabot'],
            reports: ['Dependabot alerts'],
        });
    }
    return out;
}

// EXTERNAL MODULE: ./src/evidence/redact.ts
var redact = __webpack_require__(4488);
;// CONCATENATED MODULE: ./src/github/security.ts



/** Most alerts whose locations are read (one request each, newest first); the rest are named in a note. */
const MAX_SECRET_ALERTS = 200;
/**
 * Open secret-scanning alerts with a `commit` location in one of the PR's commits: the open alerts (newest
 * first); only when there are any, the PR's commit list (GitHub lists 250 at most) and each alert's locations.
 */
async function fetchSecretScanningAlerts(octokit, p) {
    return provide(async () => {
        // The alerts first: most runs find none (or a 403 for a workflow token), and then the PR's commit list is
        // not needed. One call in the common case instead of two.
        const alerts = await octokit.paginate(octokit.rest.secretScanning.listAlertsForRepo, {
            owner: p.owner,
            repo: p.repo,
            state: 'open',
            sort: 'created',
            direction: 'desc',
            per_page: 100,
        });
        if (!Array.isArray(alerts))
            throw new MalformedAnswer('the alert list is not a list');
        if (!alerts.length)
            return [];
        const commits = await octokit.paginate(octokit.rest.pulls.listCommits, {
            owner: p.owner,
            repo: p.repo,
            pull_number: p.pull,
            per_page: 100,
        });
        if (!Array.isArray(commits))
            throw new MalformedAnswer('the commit list is not a list');
        const shas = new Set([p.head, ...commits.map((c) => ((0,json/* isObject */.Gv)(c) && typeof c.sha === 'string' ? c.sha : '')).filter(Boolean)]);
        const out = [];
        for (const [i, raw] of alerts.slice(0, MAX_SECRET_ALERTS).entries()) {
            if (!(0,json/* isObject */.Gv)(raw) || typeof raw.number !== 'number')
                throw new MalformedAnswer(`alert ${i} has no number`);
            const locs = await octokit.paginate(octokit.rest.secretScanning.listLocationsForAlert, {
                owner: p.owner,
                repo: p.repo,
                alert_number: raw.number,
                per_page: 100,
            });
            if (!Array.isArray(locs))
                throw new MalformedAnswer(`the locations of alert ${raw.number} are not a list`);
            const locations = [];
            for (const l of locs) {
                if (!(0,json/* isObject */.Gv)(l) || l.type !== 'commit' || !(0,json/* isObject */.Gv)(l.details))
                    continue;
                const d = l.details;
                if (typeof d.commit_sha !== 'string' || !shas.has(d.commit_sha) || typeof d.path !== 'string')
                    continue;
                const line = typeof d.start_line === 'number' ? d.start_line : 1;
                locations.push({
                    path: d.path,
                    line,
                    endLine: typeof d.end_line === 'number' ? Math.max(d.end_line, line) : line,
                    commit: d.commit_sha,
                });
            }
            if (!locations.length)
                continue;
            const secret = typeof raw.secret === 'string' ? raw.secret : '';
            out.push({
                number: raw.number,
                secretType: typeof raw.secret_type === 'string' ? raw.secret_type : 'unknown',
                displayName: typeof raw.secret_type_display_name === 'string'
                    ? raw.secret_type_display_name
                    : typeof raw.secret_type === 'string'
                        ? raw.secret_type
                        : 'secret',
                htmlUrl: typeof raw.html_url === 'string' ? raw.html_url : undefined,
                fingerprint: secret ? (0,redact/* fingerprintOf */.ax)(secret) : `github-alert:${raw.number}`,
                redacted: secret ? (0,redact/* redactedOf */.UH)(secret) : `(GitHub alert #${raw.number})`,
                locations,
            });
        }
        return out;
    }, {
        forbidden: (m) => `GitHub secret-scanning alerts of ${p.owner}/${p.repo} cannot be read with this token (403: ${m}). In a workflow grant ` +
            '`permissions: security-events: read` (a GitHub App needs "Secret scanning alerts: read"); secret scanning must be enabled ' +
            '(Settings \u2192 Code security \u2192 Secret Protection). Fork PRs get no such access.',
        notFound: `GitHub secret-scanning alerts answered 404 for ${p.owner}/${p.repo}: ` +
            `secret scanning is not enabled (Settings \u2192 Code security \u2192 Secret Protection), or the token cannot see the repository.`,
        failed: 'reading GitHub secret-scanning alerts failed',
    });
}
/** Open code-scanning alerts of `refs/pull/N/merge` (all tools, all pages). */
async function fetchCodeScanningAlerts(octokit, p) {
    return provide(async () => {
        const data = await octokit.paginate(octokit.rest.codeScanning.listAlertsForRepo, {
            owner: p.owner,
            repo: p.repo,
            ref: `refs/pull/${p.pull}/merge`,
            state: 'open',
            per_page: 100,
        });
        if (!Array.isArray(data))
            throw new MalformedAnswer('the alert list is not a list');
        const bad = data.findIndex((a) => !(0,json/* isObject */.Gv)(a) || !(0,json/* isObject */.Gv)(a.rule) || typeof a.number !== 'number');
        if (bad >= 0)
            throw new MalformedAnswer(`alert ${bad} has no number or rule`);
        return data;
    }, {
        forbidden: (m) => `GitHub code-scanning alerts of ${p.owner}/${p.repo} cannot be read with this token (403: ${m}). In a workflow grant ` +
            '`permissions: security-events: read`; on private repositories code ' +
            'scanning needs GitHub Code Security. Fork PRs get no such access.',
        notFound: `GitHub code-scanning alerts answered 404 for ${p.owner}/${p.repo} refs/pull/${p.pull}/merge: ` +
            `code scanning is not set up, or no analysis was uploaded for this pull request yet.`,
        failed: 'reading GitHub code-scanning alerts failed',
    });
}

// EXTERNAL MODULE: ./src/policy/schema.ts + 1 modules
var schema = __webpack_require__(21458);
// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(96584);
// EXTERNAL MODULE: ./src/github/waiver-records.ts
var waiver_records = __webpack_require__(26328);
;// CONCATENATED MODULE: ./src/github/prefetch.ts




/** The query; `contents` adds one aliased blob per planned file (the first batch of src/github/contents.ts). */
function baseQuery(contents = { declarations: '', fields: '' }) {
    return `query prGateBase($owner: String!, $name: String!, $policy: String!, $attributes: String!, $number: Int!${contents.declarations}) {
  repository(owner: $owner, name: $name) {
    policy: object(expression: $policy) { __typename ... on Blob { text isBinary isTruncated } }
    attributes: object(expression: $attributes) { __typename ... on Blob { text isBinary isTruncated } }
    pullRequest(number: $number) {
      ${waiver_records/* WAIVER_RECORDS_SELECTION */.B4}
    }${contents.fields
        ? `
    ${contents.fields}`
        : ''}
  }
}`;
}
const BASE_QUERY = baseQuery();
/**
 * Reads the base side, the comments and the planned `contents` (the run's first batch) in one query; never
 * throws. A planned file it cannot vouch for is left out of `contents` (read it over REST).
 */
async function prefetchBase(octokit, repo, baseSha, policyPath, prNumber, contents = [], htmlUrl) {
    const files = new Map();
    const blobs = (0,github_contents/* blobFields */.DC)(contents);
    let data;
    let errors = [];
    try {
        data = await (0,client.graphqlReader)(octokit)(baseQuery(blobs), {
            owner: repo.owner,
            name: repo.repo,
            policy: `${baseSha}:${policyPath}`,
            attributes: `${baseSha}:.gitattributes`,
            number: prNumber,
            ...blobs.variables,
        });
    }
    catch (e) {
        // GraphqlResponseError carries the partial data; anything else (HTTP, network) gives nothing.
        data = (0,json.at)(e, 'data');
        if (data === undefined || data === null)
            return { files, contents: [], records: {}, failed: (0,client.describeApiError)('GraphQL read of the base side', e) };
        errors = (0,json/* list */.p_)((0,json.at)(e, 'errors'));
    }
    const unknown = (field) => errors.some((err) => (0,github_contents/* errorCovers */.jn)((0,json.at)(err, 'path'), field));
    const repository = (0,json.at)(data, 'repository');
    for (const [alias, path] of [
        ['policy', policyPath],
        ['attributes', '.gitattributes'],
    ]) {
        const answer = (0,github_contents/* blobAnswer */.Er)(repository, alias, errors); // an error there: unknown, read over REST
        if (answer.kind === 'absent')
            files.set(path, null);
        else if (answer.kind === 'text')
            files.set(path, answer.text);
    }
    const read = [];
    contents.forEach((item, i) => {
        const answer = (0,github_contents/* blobAnswer */.Er)(repository, blobs.aliases[i], errors);
        if (answer.kind !== 'unknown')
            read.push({ item, value: answer.kind === 'text' ? answer.text : null });
    });
    const comments = unknown(['repository', 'pullRequest', 'comments']) ? undefined : commentsOf((0,json.at)(repository, 'pullRequest', 'comments'));
    const records = (0,waiver_records/* parseGraphqlRecords */.VW)((0,json.at)(repository, 'pullRequest'), unknown, htmlUrl);
    if (!errors.length)
        return { files, comments, contents: read, records };
    const where = errors.map((err) => `${(0,json/* str */.gx)((0,json.at)(err, 'type')) ?? 'error'} at ${(0,json/* list */.p_)((0,json.at)(err, 'path')).map(String).join('.') || 'the whole query'}`);
    return {
        files,
        comments,
        contents: read,
        records,
        failed: `GraphQL read of the base side: partial answer (${[...new Set(where)].slice(0, 5).join('; ')})`,
    };
}
function commentsOf(connection) {
    const nodes = (0,json/* list */.p_)((0,json.at)(connection, 'nodes'));
    if ((0,json.at)(connection, 'totalCount') !== nodes.length || nodes.length > 100)
        return undefined;
    const out = [];
    for (const n of nodes) {
        const id = Number((0,json.at)(n, 'fullDatabaseId')); // BigInt scalar: a string
        const body = (0,json/* str */.gx)((0,json.at)(n, 'body'));
        const own = (0,json.at)(n, 'viewerDidAuthor');
        if (!Number.isSafeInteger(id) || id <= 0 || body === undefined || typeof own !== 'boolean')
            return undefined;
        out.push({ id, body, own });
    }
    return out;
}

// EXTERNAL MODULE: ./src/policy/budget.ts
var budget = __webpack_require__(41213);
;// CONCATENATED MODULE: ./src/github/evaluate.ts
/**
 * The pull-request pipeline shared by the Action and the App: policy from the BASE branch, files from the
 * API, exclusions, rules, verdict. If the PR edits the policy, its version is evaluated too, for
 * information only: enforcement always uses the base branch's policy.
 */


















function prMeta(pr, repo) {
    return {
        number: pr.number,
        title: pr.title,
        body: pr.body,
        author: pr.author,
        labels: pr.labels,
        draft: pr.draft,
        baseRef: pr.baseRef,
        headRef: pr.headRef,
        repo: { owner: repo.owner, name: repo.repo },
        fromFork: Boolean(pr.headRepo && pr.baseRepo && pr.headRepo !== pr.baseRepo),
        htmlUrl: pr.htmlUrl,
    };
}
/** API-backed evidence (dependency review between base and head, Dependabot alerts, and for a pull request
 * its secret- and code-scanning alerts), called only by the rules that ask for it, and at most once per run. */
function apiEvidence(octokit, repo, base, head, workspace, pull) {
    const once = (f) => {
        let p;
        return () => (p ??= f());
    };
    return {
        ...workspace,
        dependencyReview: once(async () => mapProvided(await fetchDependencyReview(octokit, { owner: repo.owner, repo: repo.repo, base, head }), reviewFacts)),
        dependabotAlerts: once(async () => mapProvided(await fetchDependabotAlerts(octokit, { owner: repo.owner, repo: repo.repo }), alertVulnerabilities)),
        ...(pull !== undefined
            ? {
                secretScanningAlerts: once(() => fetchSecretScanningAlerts(octokit, { owner: repo.owner, repo: repo.repo, pull, head })),
                codeScanningAlerts: once(() => fetchCodeScanningAlerts(octokit, { owner: repo.owner, repo: repo.repo, pull })),
            }
            : {}),
    };
}
/**
 * The enforced side of an evaluation: a reader at that ref, the policy text and `.gitattributes` (read
 * together). Files already read at that ref (`known`: text, or null for absent) are not read again. With a
 * content store, reads go through it (batched, cached); without one, over REST.
 */
async function readEnforcedSide(octokit, repo, ref, policyPath, known, store) {
    const read = (p) => (store ? store.read(ref, p) : (0,source/* readRepoFile */.v6)(octokit, repo, p, ref));
    const readKnown = async (p) => (known?.has(p) ? (known.get(p) ?? undefined) : read(p));
    const [policyText, gitattributes] = await Promise.all([readKnown(policyPath), readKnown('.gitattributes')]);
    return { read, policyText, gitattributes };
}
/**
 * Evaluates the PR. When an API call fails after its retries, the result is still a verdict (the policy's
 * on_error, never success) naming the call, so every surface can say why the gate could not decide.
 */
async function evaluatePullRequest(input) {
    const known = {};
    try {
        return await evaluateOrThrow(input, known);
    }
    catch (e) {
        if (!(0,errors/* isApiError */.d7)(e))
            throw e;
        const empty = {
            changes: {
                base: input.pr.baseSha,
                head: input.pr.headSha,
                files: [],
                totalFiles: 0,
                truncated: false,
                readHead: () => Promise.resolve(undefined),
                readBase: () => Promise.resolve(undefined),
            },
            pr: prMeta(input.pr, input.repo),
            evidence: input.evidence,
            now: input.now ?? new Date(),
            mode: 'pull_request',
        };
        return {
            verdict: (0,run/* infrastructureErrorVerdict */.zF)((0,errors/* errorMessage */.gJ)(e), empty, `${input.policyPath}@${input.pr.baseRef || input.pr.baseSha.slice(0, 12)}`, known.policy ?? (0,pipeline_policy/* defaultResolvedPolicy */.aW)()),
            policy: known.policy,
        };
    }
}
/**
 * The reads a run plans before the policy is known: what the rules would read under the default options
 * (the usual case: most policies keep the default paths), and the PR's version of the policy file when it
 * changes it. They ride on the first query; what the real policy plans beyond them is read in one more batch.
 */
function speculativeReads(files, pr, policyPath) {
    const plan = (0,engine_plan/* planReads */.z)((0,pipeline_policy/* defaultResolvedPolicy */.aW)(), files, 'pull_request');
    const head = new Set(plan.head);
    const policyFile = files.find((f) => f.path === policyPath && f.status !== 'removed');
    if (policyFile)
        head.add(policyFile.path);
    return [...[...head].map((path) => ({ ref: pr.headSha, path })), ...plan.base.map((path) => ({ ref: pr.baseSha, path }))];
}
const toRefs = (plan, pr) => [
    ...plan.head.map((path) => ({ ref: pr.headSha, path })),
    ...plan.base.map((path) => ({ ref: pr.baseSha, path })),
];
async function evaluateOrThrow(input, known) {
    const { octokit, repo, pr } = input;
    // The file list first: the first query carries the contents planned from it. If the list cannot be read,
    // the policy is still read (its on_error decides what the failure concludes), then the failure is thrown.
    const listed = await (input.files ?? (0,source/* listPullFiles */.pG)(octokit, repo, pr.number, pr.changedFiles)).then((files) => ({ ok: true, files }), (error) => ({ ok: false, error }));
    const store = new github_contents/* ContentStore */.Vh(octokit, repo, {
        log: input.log,
        sizeHint: listed.ok ? (0,github_contents/* sizeHintsFrom */.C5)(listed.files, pr.headSha) : undefined,
    });
    const [first] = store.firstBatch(listed.ok ? speculativeReads(listed.files, pr, input.policyPath) : []);
    const snapshot = await prefetchBase(octokit, repo, pr.baseSha, input.policyPath, pr.number, first, pr.htmlUrl);
    if (snapshot.failed)
        input.log?.(`${snapshot.failed}; reading what it could not answer over REST`);
    // What the first query vouched for is known; what it could not answer is read over REST, as before.
    for (const path of [input.policyPath, '.gitattributes']) {
        const v = snapshot.files.get(path);
        if (v !== undefined)
            store.seed(pr.baseSha, path, v);
        else
            store.markRestOnly(pr.baseSha, path);
    }
    for (const { item, value } of snapshot.contents)
        store.seed(item.ref, item.path, value);
    for (const item of first)
        if (!store.has(item.ref, item.path))
            store.markRestOnly(item.ref, item.path);
    const { read: readBase, policyText, gitattributes, } = await readEnforcedSide(octokit, repo, pr.baseSha, input.policyPath, undefined, store);
    const remote = input.remotePolicy ?? new remote_policy.RemotePolicyReader(octokit, { log: input.log });
    const attempt = await (0,pipeline_policy/* tryLoadPolicy */.oB)(policyText, input.policyPath, readBase, { remote: remote.read });
    known.policy = attempt.loaded?.policy;
    if (!listed.ok)
        throw listed.error;
    const files = listed.files;
    (0,generated/* markExclusions */.zj)(files, gitattributes);
    const changes = (0,source/* apiChangeSet */.$L)(octokit, repo, pr, files, store);
    const evidence = apiEvidence(octokit, repo, pr.baseSha, pr.headSha, input.evidence, pr.number);
    const meta = prMeta(pr, repo);
    // GitHub's records of who waived what: looked at only when a rule fails or warns (src/engine/waivers.ts).
    // The first query read them; what it did not read whole is read over REST then.
    const waiverRecords = (0,waiver_records/* githubWaiverRecords */.I5)(octokit, repo, { number: pr.number, author: pr.author, headRef: pr.headRef, headSha: pr.headSha, sameRepo: !meta.fromFork, htmlUrl: pr.htmlUrl }, readBase, undefined, snapshot.records);
    const ctx = { changes, pr: meta, evidence, gitattributes, now: input.now ?? new Date(), mode: 'pull_request', waiverRecords };
    const policySource = (0,policy_source/* policySource */.I)({
        path: input.policyPath,
        text: policyText,
        at: pr.baseRef ? { ref: pr.baseRef } : { sha: pr.baseSha },
        missingAt: 'on the base branch',
    });
    const { verdict, policy, leadingNotes } = await (0,gate/* gateChange */.c)({
        attempt,
        ctx,
        policySource,
        notes: input.notes,
        // The plan of the enforced policy: whatever the first query did not read, in as few batches as it takes.
        prefetch: (plan) => store.prefetch(toRefs(plan, pr)),
    });
    if (!policy)
        return { verdict, comments: snapshot.comments };
    const policyFile = files.find((f) => f.path === input.policyPath || f.previousPath === input.policyPath);
    // The PR's policy is previewed after the verdict is decided, so it can neither change nor delay it (and the
    // evidence it shares with the enforced run was already read outside the preview's budget).
    if (policyFile)
        verdict.notes.splice(leadingNotes, 0, await headPolicyNote(input, policyFile.status === 'removed' ? undefined : policyFile.path, ctx, remote));
    return { verdict, policy, comments: snapshot.comments };
}
/** Wall-time budget of the preview of the PR's policy (API reads included). */
const PREVIEW_BUDGET_MS = 5000;
/** Longest the preview may keep the event loop busy at once (the App serves everyone on that loop). */
const PREVIEW_MAX_BLOCK_MS = 500;
/**
 * What the PR's own version of the policy would conclude (informational). That policy is the PR author's
 * text: its regexes run on RE2 and its globs under the glob caps, and the whole preview runs under a budget
 * (see src/policy/budget.ts); when the budget runs out the preview is skipped and the note says so.
 */
async function headPolicyNote(input, headPath, ctx, remote) {
    const prefix = `This PR changes the policy file ${input.policyPath}. ` + `The base branch's policy is enforced; the PR's version applies once merged.`;
    if (!headPath)
        return { level: 'warning', message: `${prefix} The PR deletes it: after merge the embedded default policy would apply.` };
    const outcome = await (0,budget/* withBudget */.Y$)(PREVIEW_BUDGET_MS, PREVIEW_MAX_BLOCK_MS, async () => {
        const readHead = (p) => ctx.changes.readHead(p);
        const text = await readHead(headPath);
        const attempt = await (0,pipeline_policy/* tryLoadPolicy */.oB)(text, headPath, readHead, { remote: remote.read });
        if (!attempt.loaded)
            return { level: 'warning', message: `${prefix} The PR's version is invalid (informational):`, detail: attempt.errors.join('\n') };
        const { loaded } = attempt;
        const v = await (0,run/* runGate */.Rg)({ policy: loaded.policy, ctx, policySource: `${headPath}@head` });
        return {
            level: 'warning',
            message: `${prefix} With the PR's version the gate would conclude ${v.conclusion} (${v.title}) \u2014 informational only.`,
        };
    });
    if (outcome.ok)
        return outcome.value;
    input.log?.(`preview of the PR's policy skipped: ${outcome.why}`);
    return {
        level: 'warning',
        message: `${prefix} The preview of the PR's policy was skipped: ${outcome.why}. The verdict does not depend on it.`,
    };
}


/***/ }),

/***/ 58808:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   APP_ACCESS_HINT: () => (/* binding */ APP_ACCESS_HINT),
/* harmony export */   DEFAULT_ACCESS_HINT: () => (/* binding */ DEFAULT_ACCESS_HINT),
/* harmony export */   RESOLVE_REF_QUERY: () => (/* binding */ RESOLVE_REF_QUERY),
/* harmony export */   RemotePolicyCache: () => (/* binding */ RemotePolicyCache),
/* harmony export */   RemotePolicyCaches: () => (/* binding */ RemotePolicyCaches),
/* harmony export */   RemotePolicyReader: () => (/* binding */ RemotePolicyReader)
/* harmony export */ });
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96584);
/* harmony import */ var _contents_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33113);
/* harmony import */ var _policy_load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(40949);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8301);




const RESOLVE_REF_QUERY = `query prGateRemotePolicyRef($owner: String!, $name: String!, $ref: String!) {
  repository(owner: $owner, name: $name) {
    object(expression: $ref) { oid }
  }
}`;
/** Files of org policy repositories at commit SHAs, kept across deliveries (bounded, least recently used out). */
class RemotePolicyCache {
    maxEntries;
    map = new Map();
    constructor(maxEntries = 500) {
        this.maxEntries = maxEntries;
    }
    get(key) {
        const v = this.map.get(key);
        if (v !== undefined) {
            this.map.delete(key);
            this.map.set(key, v);
        }
        return v;
    }
    set(key, value) {
        this.map.delete(key);
        this.map.set(key, value);
        while (this.map.size > this.maxEntries)
            this.map.delete(this.map.keys().next().value);
    }
    get size() {
        return this.map.size;
    }
}
/** One cache per App installation (what one installation's token may read is never served to another). */
class RemotePolicyCaches {
    maxInstallations;
    entriesEach;
    caches = new Map();
    constructor(maxInstallations = 1000, entriesEach = 200) {
        this.maxInstallations = maxInstallations;
        this.entriesEach = entriesEach;
    }
    forInstallation(id) {
        let c = this.caches.get(id);
        if (c)
            this.caches.delete(id);
        else
            c = new RemotePolicyCache(this.entriesEach);
        this.caches.set(id, c);
        while (this.caches.size > this.maxInstallations)
            this.caches.delete(this.caches.keys().next().value);
        return c;
    }
}
/** The "cannot read" advice for the App: its installation token reads only the repositories it is installed on. */
const APP_ACCESS_HINT = 'The App reads it with its installation token, which can read only the repositories the App is installed on: ' +
    "install the App on that repository too (for the org's .github repository, " +
    '"All repositories" or add it to the selected ones). See docs/policy.md, "Org policy".';
const DEFAULT_ACCESS_HINT = "The Action's GITHUB_TOKEN can read only the workflow's own repository: pass a token that can read it as " +
    'the `policy-token` input (a fine-grained token or a GitHub App token with contents: read on that repository), ' +
    'or run the gate as the GitHub App installed on that repository too. See docs/policy.md, "Org policy".';
const SHA = /^[0-9a-f]{40}$/i;
class RemotePolicyReader {
    octokit;
    options;
    stats = { resolves: 0, reads: 0, cacheHits: 0 };
    shas = new Map();
    files = new Map();
    stores = new Map();
    constructor(octokit, options = {}) {
        this.octokit = octokit;
        this.options = options;
    }
    read = (spec) => {
        const repoKey = `${spec.owner}/${spec.repo}`.toLowerCase();
        const runKey = `${repoKey}@${spec.ref}:${spec.path}`;
        let p = this.files.get(runKey);
        if (!p) {
            p = this.resolve(spec).then((sha) => this.readAt(spec, repoKey, sha));
            this.files.set(runKey, p);
        }
        return p;
    };
    resolve(spec) {
        if (SHA.test(spec.ref))
            return Promise.resolve(spec.ref.toLowerCase());
        const key = `${spec.owner}/${spec.repo}@${spec.ref}`.toLowerCase();
        let p = this.shas.get(key);
        if (!p) {
            p = this.resolveOnce(spec);
            this.shas.set(key, p);
        }
        return p;
    }
    async resolveOnce(spec) {
        const repo = `${spec.owner}/${spec.repo}`;
        this.stats.resolves++;
        let data;
        try {
            data = await (0,_client_js__WEBPACK_IMPORTED_MODULE_0__.graphqlReader)(this.octokit)(RESOLVE_REF_QUERY, { owner: spec.owner, name: spec.repo, ref: spec.ref });
        }
        catch (e) {
            const errors = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .list */ .p_)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__.at)(e, 'errors'));
            const types = errors.map((err) => (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__.at)(err, 'type')));
            if (types.includes('NOT_FOUND') || (0,_client_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(e) === 404)
                throw new _policy_load_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteReadError */ .dd(this.cannotRead(repo, 'GitHub answers that the repository does not exist or that this token cannot see it (NOT_FOUND)'));
            if (types.includes('FORBIDDEN') || (0,_client_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(e) === 403 || (0,_client_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(e) === 401)
                throw new _policy_load_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteReadError */ .dd(this.cannotRead(repo, `GitHub refuses this token (${types.includes('FORBIDDEN') ? 'FORBIDDEN' : (0,_client_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(e)})`));
            throw new _policy_load_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteReadError */ .dd(`${(0,_client_js__WEBPACK_IMPORTED_MODULE_0__.describeApiError)(`resolving ${spec.ref} in ${repo}`, e)}; the policy cannot be read, so the gate fails closed`);
        }
        const oid = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__.at)(data, 'repository', 'object', 'oid'));
        if (!oid)
            throw new _policy_load_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteReadError */ .dd(`${repo} has no ${spec.ref === 'HEAD' ? 'default branch' : `branch, tag or commit ${JSON.stringify(spec.ref)}`}`);
        return oid;
    }
    cannotRead(repo, why) {
        return `cannot read ${repo}: ${why}. ${this.options.accessHint ?? DEFAULT_ACCESS_HINT}`;
    }
    async readAt(spec, repoKey, sha) {
        const cacheKey = `${repoKey}@${sha}:${spec.path}`;
        const cached = this.options.cache?.get(cacheKey);
        if (cached !== undefined) {
            this.stats.cacheHits++;
            return cached ?? undefined;
        }
        let store = this.stores.get(repoKey);
        if (!store)
            this.stores.set(repoKey, (store = new _contents_js__WEBPACK_IMPORTED_MODULE_1__/* .ContentStore */ .Vh(this.octokit, { owner: spec.owner, repo: spec.repo }, { log: this.options.log })));
        this.stats.reads++;
        let text;
        try {
            text = await store.read(sha, spec.path);
        }
        catch (e) {
            const status = (0,_client_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(e);
            if (status === 403 || status === 401)
                throw new _policy_load_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteReadError */ .dd(this.cannotRead(`${spec.owner}/${spec.repo}`, `GitHub refuses this token (${status})`));
            throw new _policy_load_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteReadError */ .dd(`${(0,_client_js__WEBPACK_IMPORTED_MODULE_0__.describeApiError)(`reading ${spec.path} of ${spec.owner}/${spec.repo} at ${sha.slice(0, 12)}`, e)}; ` +
                `the policy cannot be read, so the gate fails closed`);
        }
        this.options.cache?.set(cacheKey, text ?? null);
        return text;
    }
}


/***/ }),

/***/ 26328:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B4: () => (/* binding */ WAIVER_RECORDS_SELECTION),
/* harmony export */   I5: () => (/* binding */ githubWaiverRecords),
/* harmony export */   NP: () => (/* binding */ IdentityCache),
/* harmony export */   VW: () => (/* binding */ parseGraphqlRecords)
/* harmony export */ });
/* unused harmony exports ROLES, PERMISSION_HINTS, parseTimeline, parseReviewComments, nodeDatabaseId, parseCodeowners, codeownersMatch, ownersOf, CODEOWNERS_PATHS, describeApprovers */
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96584);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8301);
/* harmony import */ var _change_glob_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82236);



/** Repository roles, weakest first (`none` and `read` never approve). */
const ROLES = ['none', 'read', 'triage', 'write', 'maintain', 'admin'];
const PERMISSION_HINTS = {
    timeline: 'the token needs `issues: read` and `pull-requests: read` (a workflow triggered by a fork may be refused: ' +
        'use the App, or pull_request_target without checking out the head)',
    activity: "the token needs `contents: read` on the repository the head branch lives in (a fork PR's pushes are not in this " +
        "repository's activity: ask the approver for an approving review with `/gate waive`, which GitHub binds to the commit)",
    team: 'the token needs organization `members: read` (a GitHub App permission; ' +
        "a workflow's GITHUB_TOKEN can never read team membership: list users or a permission level instead, or run the App)",
    permission: 'the token needs `metadata: read` on the repository',
    codeowners: 'the token needs `contents: read`',
};
function refusal(what, e, hint) {
    const s = (0,_client_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(e);
    if (s === 403 || s === 404 || s === 401)
        return `GitHub refused ${what} (HTTP ${s}): ${hint}`;
    return `${(0,_client_js__WEBPACK_IMPORTED_MODULE_0__.describeApiError)(what, e)}; ${hint}`;
}
const MAX_PAGES = 10;
async function pages(fetch) {
    const out = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
        const items = await fetch(page);
        out.push(...items);
        if (items.length < 100)
            return out;
    }
    throw new Error(`more than ${MAX_PAGES * 100} records: not all of them could be read`);
}
const login = (v) => (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(v, 'login'));
/** Timeline items as acts and label events (unknown kinds and malformed items are skipped). */
function parseTimeline(items, htmlUrl) {
    const out = { labelEvents: [], acts: [] };
    for (const item of items) {
        const event = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(item, 'event'));
        const time = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(item, 'created_at')) ?? (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(item, 'submitted_at'));
        if (!time || Number.isNaN(Date.parse(time)))
            continue;
        if (event === 'labeled' || event === 'unlabeled') {
            const label = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(item, 'label', 'name'));
            if (!label)
                continue;
            const id = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(item, 'id');
            out.labelEvents.push({
                event,
                label,
                actor: login((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(item, 'actor')),
                at: time,
                url: htmlUrl && typeof id === 'number' ? `${htmlUrl}#event-${id}` : undefined,
            });
        }
        else if (event === 'reviewed') {
            const updated = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(item, 'updated_at'));
            out.acts.push({
                kind: 'review',
                actor: login((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(item, 'user')),
                at: time,
                url: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(item, 'html_url')),
                body: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(item, 'body')) ?? '',
                commitId: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(item, 'commit_id')),
                state: ((0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(item, 'state')) ?? '').toLowerCase(),
                edited: !!updated && Date.parse(updated) - Date.parse(time) > 1000,
            });
        }
        else if (event === 'commented') {
            const updated = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(item, 'updated_at'));
            out.acts.push({
                kind: 'comment',
                actor: login((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(item, 'user')) ?? login((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(item, 'actor')),
                at: time,
                url: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(item, 'html_url')),
                body: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(item, 'body')) ?? '',
                edited: !!updated && Date.parse(updated) - Date.parse(time) > 1000,
            });
        }
    }
    return out;
}
function parseReviewComments(items) {
    const out = [];
    for (const c of items) {
        const time = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(c, 'created_at'));
        if (!time || Number.isNaN(Date.parse(time)))
            continue;
        const updated = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(c, 'updated_at'));
        out.push({
            kind: 'review-comment',
            actor: login((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(c, 'user')),
            at: time,
            url: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(c, 'html_url')),
            body: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(c, 'body')) ?? '',
            // The commit the comment was written on (commit_id follows the comment to later commits).
            commitId: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(c, 'original_commit_id')) ?? (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(c, 'commit_id')),
            edited: !!updated && Date.parse(updated) - Date.parse(time) > 1000,
        });
    }
    return out;
}
/**
 * The same records read through GraphQL, as fields of the run's first query (src/github/prefetch.ts), so a
 * PR whose rules fail or warn needs no extra call to learn who waived what. Each part is taken only when
 * GraphQL gave all of it: a connection with a next page, a null node, or an error at or below it leaves
 * that part to the REST reads above (never a decision on a partial record).
 *
 * Field for field, what the REST parsers read: label events (`LabeledEvent`/`UnlabeledEvent`: actor, time,
 * label; oldest first, as the timeline lists them), conversation comments (author, time, text, edited),
 * reviews (author, submitted time, state, the commit GitHub bound the review to, text, edited) and review
 * comments (author, time, text, edited, the commit they were written on: `originalCommit` is REST's
 * `original_commit_id`). GraphQL names a bot without REST's `[bot]` suffix: it is put back, so a login
 * compares the same whichever way it was read. Pending reviews and pending review comments (only ever the
 * token's own, and REST does not list them) are left out. "Edited" is REST's test (updated more than a
 * second after it was written) or GitHub's `lastEditedAt`, whichever says so.
 */
const WAIVER_RECORDS_SELECTION = 'comments(first: 100) { totalCount nodes { fullDatabaseId body viewerDidAuthor author { __typename login } ' +
    'createdAt updatedAt lastEditedAt url } }\n' +
    '      labelEvents: timelineItems(first: 100, itemTypes: [LABELED_EVENT, UNLABELED_EVENT]) { pageInfo { ' +
    'hasNextPage } nodes { __typename ... on LabeledEvent { id createdAt actor { __typename login } label { name ' +
    '} } ... on UnlabeledEvent { id createdAt actor { __typename login } label { name } } } }\n' +
    '      reviews(first: 100) { pageInfo { hasNextPage } nodes { author { __typename login } body state ' +
    'submittedAt createdAt updatedAt lastEditedAt url commit { oid } } }\n' +
    '      reviewThreads(first: 100) { pageInfo { hasNextPage } nodes { comments(first: 100) { pageInfo { ' +
    'hasNextPage } nodes { author { __typename login } body state createdAt updatedAt lastEditedAt url commit { ' +
    'oid } originalCommit { oid } } } } }';
/** A GraphQL actor's login as REST spells it (`dependabot` the Bot is `dependabot[bot]`). */
function graphqlLogin(actor) {
    const name = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(actor, 'login'));
    if (!name)
        return undefined;
    return (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(actor, '__typename')) === 'Bot' && !name.endsWith('[bot]') ? `${name}[bot]` : name;
}
const editedAfter = (createdAt, updatedAt, lastEditedAt) => (typeof lastEditedAt === 'string' && lastEditedAt !== '') || (!!updatedAt && Date.parse(updatedAt) - Date.parse(createdAt) > 1000);
/**
 * The database id inside a GraphQL node id, for the `#event-<id>` link REST builds from `id` (LabeledEvent
 * has no `databaseId` field). Both formats GitHub issues are read: the legacy `base64("0NN:LabeledEvent<id>")`
 * and the current `LE_<base64url(msgpack [0, repository id, issue id, event id])>`; e.g. the event
 * 6430296748 of github/roadmap is `LE_lADODwFebM5HwC0kzwAAAAF_Roqs` (its REST `node_id`). Anything else:
 * undefined (the record then has no link; nothing is decided on it).
 */
function nodeDatabaseId(id) {
    if (typeof id !== 'string')
        return undefined;
    const m = /^[A-Za-z]+_([A-Za-z0-9_-]+)$/.exec(id);
    if (m) {
        const b = Buffer.from(m[1], 'base64url');
        // msgpack: a fixarray of unsigned integers (positive fixint, uint 8/16/32/64); the last is the id.
        if (!b.length || (b[0] & 0xf0) !== 0x90)
            return undefined;
        const n = b[0] & 0x0f;
        let i = 1;
        let last;
        for (let k = 0; k < n; k++) {
            const t = b.at(i); // none past the end of a truncated id
            if (t === undefined)
                return undefined;
            if (t <= 0x7f) {
                last = t;
                i += 1;
            }
            else if (t === 0xcc && i + 2 <= b.length) {
                last = b.readUInt8(i + 1);
                i += 2;
            }
            else if (t === 0xcd && i + 3 <= b.length) {
                last = b.readUInt16BE(i + 1);
                i += 3;
            }
            else if (t === 0xce && i + 5 <= b.length) {
                last = b.readUInt32BE(i + 1);
                i += 5;
            }
            else if (t === 0xcf && i + 9 <= b.length) {
                last = Number(b.readBigUInt64BE(i + 1));
                i += 9;
            }
            else
                return undefined;
        }
        return i === b.length && last !== undefined && Number.isSafeInteger(last) && last > 0 ? last : undefined;
    }
    const legacy = /^\d+:[A-Za-z]+?(\d+)$/.exec(Buffer.from(id, 'base64').toString('latin1'));
    const n = legacy ? Number(legacy[1]) : NaN;
    return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
/** The nodes of a connection read whole (no next page, no null node), or undefined. */
function wholeNodes(connection) {
    if (!connection || typeof connection !== 'object')
        return undefined;
    const next = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(connection, 'pageInfo', 'hasNextPage');
    const total = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(connection, 'totalCount');
    // Whole when GitHub says there is no next page, or counts exactly the nodes given.
    if (next === true || (next !== false && typeof total !== 'number'))
        return undefined;
    const nodes = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(connection, 'nodes');
    if (!Array.isArray(nodes) || nodes.some((n) => !n || typeof n !== 'object'))
        return undefined;
    if (total !== undefined && total !== nodes.length)
        return undefined;
    return nodes;
}
/** Label events of the first query's timeline (nodes read whole). */
function graphqlLabelEvents(labels, htmlUrl) {
    const events = [];
    for (const e of labels) {
        const type = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(e, '__typename'));
        const time = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(e, 'createdAt'));
        const label = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(e, 'label', 'name'));
        if ((type !== 'LabeledEvent' && type !== 'UnlabeledEvent') || !time || Number.isNaN(Date.parse(time)) || !label)
            continue;
        const id = nodeDatabaseId((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(e, 'id'));
        events.push({
            event: type === 'LabeledEvent' ? 'labeled' : 'unlabeled',
            label,
            actor: graphqlLogin((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(e, 'actor')),
            at: time,
            url: htmlUrl && id !== undefined ? `${htmlUrl}#event-${id}` : undefined,
        });
    }
    return events;
}
/** Conversation comments and submitted reviews, in the timeline's order: oldest first. */
function graphqlTimelineActs(comments, reviews) {
    const acts = [];
    for (const c of comments) {
        const time = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(c, 'createdAt'));
        if (!time || Number.isNaN(Date.parse(time)))
            continue;
        acts.push({
            kind: 'comment',
            actor: graphqlLogin((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(c, 'author')),
            at: time,
            url: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(c, 'url')),
            body: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(c, 'body')) ?? '',
            edited: editedAfter(time, (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(c, 'updatedAt')), (0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(c, 'lastEditedAt')),
        });
    }
    for (const r of reviews) {
        const state = ((0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(r, 'state')) ?? '').toLowerCase();
        const time = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(r, 'submittedAt')) ?? (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(r, 'createdAt'));
        if (state === 'pending' || !time || Number.isNaN(Date.parse(time)))
            continue;
        acts.push({
            kind: 'review',
            actor: graphqlLogin((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(r, 'author')),
            at: time,
            url: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(r, 'url')),
            body: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(r, 'body')) ?? '',
            commitId: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(r, 'commit', 'oid')),
            state,
            edited: editedAfter(time, (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(r, 'updatedAt')), (0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(r, 'lastEditedAt')),
        });
    }
    // A stable sort keeps comments before reviews at the same instant.
    return acts
        .map((a, i) => ({ a, i, t: Date.parse(a.at) }))
        .sort((x, y) => x.t - y.t || x.i - y.i)
        .map((x) => x.a);
}
/** The review comments of every thread; undefined when one thread's comments were not read whole. */
function graphqlReviewComments(threads) {
    const acts = [];
    for (const t of threads) {
        const nodes = wholeNodes((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(t, 'comments'));
        if (!nodes)
            return undefined;
        for (const c of nodes) {
            const time = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(c, 'createdAt'));
            if ((0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(c, 'state')) === 'PENDING' || !time || Number.isNaN(Date.parse(time)))
                continue;
            acts.push({
                kind: 'review-comment',
                actor: graphqlLogin((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(c, 'author')),
                at: time,
                url: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(c, 'url')),
                body: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(c, 'body')) ?? '',
                commitId: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(c, 'originalCommit', 'oid')) ?? (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(c, 'commit', 'oid')),
                edited: editedAfter(time, (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(c, 'updatedAt')), (0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(c, 'lastEditedAt')),
            });
        }
    }
    return acts;
}
/**
 * The waiver records in the answer of the first query (`pullRequest` selected with WAIVER_RECORDS_SELECTION).
 * `covered(path)` says whether a GraphQL error covers a field (src/github/contents.ts `errorCovers`).
 */
function parseGraphqlRecords(pullRequest, covered, htmlUrl) {
    const out = {};
    const f = (name) => ['repository', 'pullRequest', name];
    // (An error at pullRequest itself nulls it; one below it covers only the part it names.)
    if (!pullRequest || typeof pullRequest !== 'object')
        return out;
    const labels = covered(f('labelEvents')) ? undefined : wholeNodes((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(pullRequest, 'labelEvents'));
    const comments = covered(f('comments')) ? undefined : wholeNodes((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(pullRequest, 'comments'));
    const reviews = covered(f('reviews')) ? undefined : wholeNodes((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(pullRequest, 'reviews'));
    if (labels && comments && reviews)
        out.timeline = { labelEvents: graphqlLabelEvents(labels, htmlUrl), acts: graphqlTimelineActs(comments, reviews) };
    const threads = covered(f('reviewThreads')) ? undefined : wholeNodes((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(pullRequest, 'reviewThreads'));
    const reviewComments = threads ? graphqlReviewComments(threads) : undefined;
    if (reviewComments)
        out.reviewComments = reviewComments;
    return out;
}
/** CODEOWNERS: `pattern owner\u2026` lines; the LAST matching line decides a path's owners (GitHub's rule). */
function parseCodeowners(text) {
    const out = [];
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.replace(/(^|\s)#.*$/, '').trim();
        if (!line)
            continue;
        const [pattern, ...owners] = line.split(/\s+/);
        if (!pattern || pattern.startsWith('!') || pattern.startsWith('['))
            continue; // negation and sections are not supported by GitHub either
        out.push({ pattern, owners: owners.filter((o) => o.startsWith('@')).map((o) => o.slice(1).toLowerCase()) });
    }
    return out;
}
/** Does a CODEOWNERS pattern (gitignore syntax) match `path`? */
function codeownersMatch(pattern, path) {
    let p = pattern;
    const anchored = p.startsWith('/') || p.replace(/\/$/, '').includes('/');
    p = p.replace(/^\//, '');
    const dirOnly = p.endsWith('/');
    if (dirOnly)
        p = p.replace(/\/+$/, '');
    if (!p)
        return true;
    const globs = anchored ? [p, `${p}/**`] : [`**/${p}`, `**/${p}/**`];
    if (dirOnly)
        globs.shift();
    return globs.some((g) => (0,_change_glob_js__WEBPACK_IMPORTED_MODULE_1__/* .globMatch */ .eu)(path, g));
}
/** The owners of `path` (lower-case logins and `org/team` slugs). */
function ownersOf(rules, path) {
    let owners = [];
    for (const r of rules)
        if (codeownersMatch(r.pattern, path))
            owners = r.owners;
    return owners;
}
const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];
/** Team memberships and roles, cached across pull requests of one run (release mode reads many). */
class IdentityCache {
    teams = new Map();
    roles = new Map();
    codeowners;
}
/** The issue timeline over REST, every page. */
async function readTimeline({ octokit, repo, pr, where }) {
    try {
        const value = parseTimeline(await pages(async (page) => (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .list */ .p_)((await octokit.rest.issues.listEventsForTimeline({
            owner: repo.owner,
            repo: repo.repo,
            issue_number: pr.number,
            per_page: 100,
            page,
        })).data)), pr.htmlUrl);
        return { ok: true, value };
    }
    catch (e) {
        return {
            ok: false,
            why: refusal(`the timeline of ${where} (GET /repos/${repo.owner}/${repo.repo}/issues/${pr.number}/timeline)`, e, PERMISSION_HINTS.timeline),
        };
    }
}
/** The review comments over REST, every page. */
async function readReviewComments({ octokit, repo, pr, where }) {
    try {
        const value = parseReviewComments(await pages(async (page) => (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .list */ .p_)((await octokit.rest.pulls.listReviewComments({
            owner: repo.owner,
            repo: repo.repo,
            pull_number: pr.number,
            per_page: 100,
            page,
        })).data)));
        return { ok: true, value };
    }
    catch (e) {
        return { ok: false, why: refusal(`the review comments of ${where}`, e, PERMISSION_HINTS.timeline) };
    }
}
/** What the first query read whole is used as is; the rest is read over REST, every page. */
async function readRecords(ctx, prefetched) {
    let out;
    if (prefetched.timeline)
        out = { labelEvents: [...prefetched.timeline.labelEvents], acts: [...prefetched.timeline.acts] };
    else {
        const timeline = await readTimeline(ctx);
        if (!timeline.ok)
            return timeline;
        out = timeline.value;
    }
    if (prefetched.reviewComments)
        out.acts.push(...prefetched.reviewComments);
    else {
        const reviewComments = await readReviewComments(ctx);
        if (!reviewComments.ok)
            return reviewComments;
        out.acts.push(...reviewComments.value);
    }
    return { ok: true, value: out };
}
/** When the current head was pushed, from the repository's activity record. */
async function readPushed({ octokit, repo, pr, where }) {
    if (!pr.sameRepo)
        return {
            ok: false,
            why: `the head branch of ${where} is in a fork, whose pushes this repository does not record; ${PERMISSION_HINTS.activity}`,
        };
    try {
        const { data } = await octokit.rest.repos.listActivities({
            owner: repo.owner,
            repo: repo.repo,
            ref: `refs/heads/${pr.headRef}`,
            per_page: 100,
        });
        const times = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .list */ .p_)(data)
            .filter((a) => (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(a, 'after')) === pr.headSha)
            .map((a) => (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(a, 'timestamp')) ?? '')
            .filter((t) => !Number.isNaN(Date.parse(t)))
            .sort();
        const last = times[times.length - 1];
        if (!last)
            return {
                ok: false,
                why: `GitHub's activity record of ${pr.headRef} has no push of the head ${pr.headSha.slice(0, 12)} ` +
                    `among its last 100 pushes, so the time of the last push is unknown`,
            };
        return { ok: true, value: last };
    }
    catch (e) {
        return {
            ok: false,
            why: refusal(`the pushes to ${pr.headRef} (GET /repos/${repo.owner}/${repo.repo}/activity)`, e, PERMISSION_HINTS.activity),
        };
    }
}
/** Is `user` an active member of `org/team`? Cached per run. */
function teamMember({ octokit, cache }, team, user) {
    const key = `${team}:${user}`.toLowerCase();
    let p = cache.teams.get(key);
    if (!p) {
        const [org, slug] = team.split('/');
        p = (async () => {
            if (!org || !slug)
                return { ok: false, why: `"${team}" is not an org/team slug` };
            try {
                const { data } = await octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username: user });
                return { ok: true, value: (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(data, 'state')) === 'active' };
            }
            catch (e) {
                // 404: not a member, or a team the token cannot see; either way the user is not shown to be a member.
                if ((0,_client_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(e) === 404)
                    return { ok: true, value: false };
                return { ok: false, why: refusal(`the membership of ${user} in ${team}`, e, PERMISSION_HINTS.team) };
            }
        })();
        cache.teams.set(key, p);
    }
    return p;
}
/** The repository role of `user` (lower case). Cached per run. */
function roleOf({ octokit, repo, cache }, user) {
    const key = user.toLowerCase();
    let p = cache.roles.get(key);
    if (!p) {
        p = (async () => {
            try {
                const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner: repo.owner, repo: repo.repo, username: user });
                const role = ((0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(data, 'role_name')) ?? (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__.at)(data, 'permission')) ?? 'none').toLowerCase();
                return { ok: true, value: role };
            }
            catch (e) {
                if ((0,_client_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(e) === 404)
                    return { ok: true, value: 'none' };
                return { ok: false, why: refusal(`the repository role of ${user}`, e, PERMISSION_HINTS.permission) };
            }
        })();
        cache.roles.set(key, p);
    }
    return p;
}
/** CODEOWNERS at the base, read once per run. */
function codeowners({ readBase, cache }) {
    return (cache.codeowners ??= (async () => {
        try {
            for (const path of CODEOWNERS_PATHS) {
                const text = await readBase(path);
                if (text !== undefined)
                    return { ok: true, value: parseCodeowners(text) };
            }
            return { ok: true, value: [] };
        }
        catch (e) {
            return { ok: false, why: refusal('CODEOWNERS at the base', e, PERMISSION_HINTS.codeowners) };
        }
    })());
}
/** Does `user` own every path (directly or through a team)? Reads that fail are added to `unverified`. */
async function ownsAllPaths(ctx, rules, user, paths, unverified) {
    for (const path of paths) {
        const owners = ownersOf(rules, path);
        let owns = owners.includes(user.toLowerCase());
        for (const o of owners) {
            if (owns)
                break;
            if (!o.includes('/'))
                continue;
            const m = await teamMember(ctx, o, user);
            if (!m.ok)
                unverified.push(m.why);
            else
                owns = m.value;
        }
        if (!owns)
            return false;
    }
    return true;
}
/** Is `user` an approver under `spec`: a listed user, a role, a team, or the code owner of every path. */
async function approverCheck(ctx, user, spec, paths) {
    const unverified = [];
    if ((spec.users ?? []).some((u) => u.replace(/^@/, '').toLowerCase() === user.toLowerCase()))
        return { approver: true, via: 'listed user' };
    if (spec.permission) {
        const role = await roleOf(ctx, user);
        if (!role.ok)
            unverified.push(role.why);
        else {
            const have = ROLES.indexOf(role.value);
            const need = ROLES.indexOf(spec.permission);
            if (need > 1 && have >= need)
                return { approver: true, via: `repository role ${role.value}` };
        }
    }
    for (const team of spec.teams ?? []) {
        const m = await teamMember(ctx, team, user);
        if (!m.ok)
            unverified.push(m.why);
        else if (m.value)
            return { approver: true, via: `member of ${team}` };
    }
    if (spec.codeowners) {
        const rules = await codeowners(ctx);
        if (!rules.ok)
            unverified.push(rules.why);
        else if (paths.length && (await ownsAllPaths(ctx, rules.value, user, paths, unverified)))
            return { approver: true, via: `code owner of ${paths.length === 1 ? paths[0] : `all ${paths.length} paths`}` };
    }
    if (unverified.length)
        return {
            approver: false,
            unverified: true,
            why: `${user} could not be verified as an approver: ${[...new Set(unverified)].join('; ')}`,
        };
    return { approver: false, why: `${user} is not an approver (${describeApprovers(spec)})` };
}
/** The records of one pull request, read through the API. */
function githubWaiverRecords(octokit, repo, pr, readBase, cache = new IdentityCache(), prefetched = {}) {
    let records;
    let pushed;
    const ctx = { octokit, repo, pr, where: `${repo.owner}/${repo.repo}#${pr.number}`, readBase, cache };
    return {
        records: () => (records ??= readRecords(ctx, prefetched)),
        headPushedAt: () => (pushed ??= readPushed(ctx)),
        approver: (user, spec, paths) => approverCheck(ctx, user, spec, paths),
    };
}
/** The approvers in words, for messages: "users alice; teams acme/dba; role maintain or higher; code owners". */
function describeApprovers(spec) {
    const parts = [];
    if (spec.users?.length)
        parts.push(`users ${spec.users.join(', ')}`);
    if (spec.teams?.length)
        parts.push(`teams ${spec.teams.join(', ')}`);
    if (spec.permission)
        parts.push(`repository role ${spec.permission} or higher`);
    if (spec.codeowners)
        parts.push('code owners of the paths concerned');
    return parts.length ? `approvers: ${parts.join('; ')}` : 'the policy names no approvers';
}


/***/ }),

/***/ 98337:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZL: () => (/* binding */ extractRecord),
/* harmony export */   jS: () => (/* binding */ embedRecord)
/* harmony export */ });
/* unused harmony exports RECORD_MARKER, MAX_RECORD_CHARS, RECORD_VERSION, factsFromVerdict */
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8301);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46967);


const RECORD_MARKER = 'pr-quality-gate:trend-record';
/** The most characters the embedded comment takes in the check run text (65,535 at most). */
const MAX_RECORD_CHARS = 8192;
const RECORD_VERSION = 1;
const CONCLUSIONS = new Set(['success', 'neutral', 'failure']);
function escapeJson(json) {
    return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
function cut(s, n) {
    if (s === undefined)
        return undefined;
    return s.length > n ? s.slice(0, n - 1) + '\u2026' : s;
}
/** Shortens strings and lists, harder at each level, until the record fits. */
function shrink(f, level) {
    const strMax = [200, 80, 20][level] ?? 20;
    const listMax = [50, 10, 3][level] ?? 3;
    const ids = (a) => a.slice(0, listMax * 2);
    return {
        ...f,
        failed: ids(f.failed),
        errored: ids(f.errored),
        warned: ids(f.warned),
        waived: f.waived.slice(0, listMax).map((w) => ({
            rule: w.rule,
            label: cut(w.label, strMax) ?? '',
            ...(w.reason !== undefined ? { reason: cut(w.reason, strMax) } : {}),
        })),
        ...(f.migrations
            ? {
                migrations: {
                    files: f.migrations.files,
                    dangers: f.migrations.dangers
                        .slice(0, listMax * 2)
                        .map((d) => (level > 1 ? { code: d.code } : { code: d.code, path: cut(d.path, strMax), line: d.line })),
                    suppressed: f.migrations.suppressed
                        .slice(0, listMax)
                        .map((s) => ({ id: cut(s.id, strMax) ?? '', path: cut(s.path, strMax) ?? '', reason: cut(s.reason, strMax) ?? '' })),
                    ...(f.migrations.waived
                        ? { waived: { label: cut(f.migrations.waived.label, strMax) ?? '', reason: cut(f.migrations.waived.reason, strMax) } }
                        : {}),
                },
            }
            : {}),
        ...(f.runbook
            ? {
                runbook: {
                    ...f.runbook,
                    ...(f.runbook.optOut
                        ? { optOut: { text: cut(f.runbook.optOut.text, strMax) ?? '', reason: cut(f.runbook.optOut.reason, strMax) } }
                        : {}),
                },
            }
            : {}),
        truncated: true,
    };
}
function factsFromVerdict(v) {
    const { number: _n, sha: _s, base: _b, title: _t, author: _a, mergedAt: _m, ...facts } = (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .recordFromVerdict */ .b)(v, { sha: '', base: '', title: '', author: '', mergedAt: '' });
    return facts;
}
/** The hidden comment to append to the check run text (at most MAX_RECORD_CHARS characters). */
function embedRecord(v) {
    let facts = factsFromVerdict(v);
    for (let level = 0;; level++) {
        const out = `\n\n<!-- ${RECORD_MARKER} ${escapeJson(JSON.stringify({ v: RECORD_VERSION, ...facts }))} -->\n`;
        if (out.length <= MAX_RECORD_CHARS)
            return out;
        if (level > 3)
            return (`\n\n<!-- ${RECORD_MARKER} ` +
                JSON.stringify({ v: RECORD_VERSION, conclusion: v.conclusion, failed: [], errored: [], warned: [], waived: [], truncated: true }) +
                ' -->\n');
        facts = shrink(factsFromVerdict(v), level);
    }
}
const strings = (v) => {
    const a = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(v);
    return Array.isArray(v) && a.every((x) => typeof x === 'string') ? a : undefined;
};
/** The gate's facts from a check run text, or undefined when it holds no valid record. */
function extractRecord(text) {
    if (!text)
        return undefined;
    const start = text.lastIndexOf(`<!-- ${RECORD_MARKER} `);
    if (start < 0)
        return undefined;
    const end = text.indexOf(' -->', start);
    if (end < 0)
        return undefined;
    let j;
    try {
        j = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(JSON.parse(text.slice(start + RECORD_MARKER.length + 6, end)));
    }
    catch {
        return undefined;
    }
    if (!j || j.v !== RECORD_VERSION)
        return undefined;
    const conclusion = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(j.conclusion);
    const failed = strings(j.failed);
    const errored = strings(j.errored);
    const warned = strings(j.warned);
    if (!conclusion || !CONCLUSIONS.has(conclusion) || !failed || !errored || !warned || !Array.isArray(j.waived))
        return undefined;
    const facts = {
        conclusion: conclusion,
        failed,
        errored,
        warned,
        waived: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(j.waived)
            .map(_json_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)
            .filter((w) => !!w && typeof w.rule === 'string')
            .map((w) => ({
            rule: w.rule,
            label: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(w.label) ?? '',
            ...((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(w.reason) !== undefined ? { reason: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(w.reason) } : {}),
        })),
    };
    if (j.truncated === true)
        facts.truncated = true;
    const size = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(j.size);
    const lines = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(size?.lines);
    const files = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(size?.files);
    if (lines !== undefined && files !== undefined && lines >= 0 && files >= 0)
        facts.size = { lines, files };
    const c = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(j.critical);
    if (c && typeof c.configured === 'boolean' && typeof c.touched === 'boolean' && typeof c.tested === 'boolean') {
        facts.critical = {
            configured: c.configured,
            touched: c.touched,
            tested: c.tested,
            covered: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(c.covered) ?? 0,
            executable: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(c.executable) ?? 0,
        };
    }
    const m = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(j.migrations);
    if (m && (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(m.files) !== undefined) {
        const waived = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(m.waived);
        facts.migrations = {
            files: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(m.files),
            dangers: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(m.dangers)
                .map(_json_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)
                .filter((d) => !!d && typeof d.code === 'string')
                .map((d) => ({
                code: d.code,
                ...((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(d.path) !== undefined ? { path: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(d.path) } : {}),
                ...((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(d.line) !== undefined ? { line: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(d.line) } : {}),
            })),
            suppressed: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(m.suppressed)
                .map(_json_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)
                .filter((s) => !!s)
                .map((s) => ({ id: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(s.id) ?? '?', path: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(s.path) ?? '?', reason: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(s.reason) ?? '' })),
            ...(waived
                ? { waived: { label: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(waived.label) ?? '', ...((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(waived.reason) !== undefined ? { reason: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(waived.reason) } : {}) } }
                : {}),
        };
    }
    const r = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(j.runbook);
    if (r && (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(r.triggers) !== undefined) {
        const opt = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(r.optOut);
        facts.runbook = {
            triggers: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(r.triggers),
            violations: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(r.violations) ?? 0,
            ...(opt ? { optOut: { text: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(opt.text) ?? '', ...((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(opt.reason) !== undefined ? { reason: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(opt.reason) } : {}) } } : {}),
        };
    }
    return facts;
}


/***/ }),

/***/ 46967:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ prNumberOf),
/* harmony export */   b: () => (/* binding */ recordFromVerdict)
/* harmony export */ });
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8301);

/** The pull request number a merge or squash commit's subject names, if any. */
function prNumberOf(subject) {
    const m = /^Merge pull request #(\d+)\b/.exec(subject) ?? /\(#(\d+)\)\s*$/.exec(subject);
    return m ? Number(m[1]) : undefined;
}
function recordFromVerdict(v, meta) {
    const byId = new Map(v.results.map((r) => [r.id, r]));
    const rec = {
        ...meta,
        conclusion: v.conclusion,
        failed: v.results.filter((r) => r.status === 'fail').map((r) => r.id),
        errored: [...(v.policyError ? ['policy'] : []), ...v.results.filter((r) => r.status === 'error').map((r) => r.id)],
        warned: v.results.filter((r) => r.status === 'warn').map((r) => r.id),
        waived: v.results
            .filter((r) => r.status === 'waived')
            .map((r) => ({
            rule: r.id,
            label: r.waiver ? (r.waiver.label ?? `${r.waiver.kind} by ${r.waiver.by}`) : '',
            reason: r.waiver?.reason,
        })),
    };
    const usable = (id) => {
        const r = byId.get(id);
        return r && r.status !== 'off' && r.status !== 'error' ? r : undefined;
    };
    const size = usable('pr-size');
    const lines = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .num */ .bu)(size?.data?.lines);
    const files = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .num */ .bu)(size?.data?.files);
    if (lines !== undefined && files !== undefined)
        rec.size = { lines, files };
    const cpt = usable('critical-path-tests');
    if (cpt) {
        const areas = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(cpt.data?.areas)
            .map(_json_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)
            .filter((a) => a !== undefined);
        const touchedAreas = areas.filter((a) => (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(a.needTests).length > 0);
        rec.critical = {
            configured: areas.length > 0,
            touched: touchedAreas.length > 0,
            tested: touchedAreas.length > 0 && touchedAreas.every((a) => (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(a.testsChanged).length > 0),
            covered: touchedAreas.reduce((s, a) => s + ((0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .num */ .bu)(a.covered) ?? 0), 0),
            executable: touchedAreas.reduce((s, a) => s + ((0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .num */ .bu)(a.executable) ?? 0), 0),
        };
    }
    const ms = usable('migration-safety');
    if (ms) {
        rec.migrations = {
            files: (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(ms.data?.migrations).length,
            dangers: ms.findings
                .filter((f) => (f.kind ?? 'violation') === 'violation')
                .map((f) => ({ code: f.code ?? 'danger', path: f.path, line: f.line })),
            suppressed: (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(ms.data?.suppressions)
                .map(_json_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)
                .filter((s) => s !== undefined)
                .map((s) => ({ id: (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(s.id) ?? '?', path: (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(s.path) ?? '?', reason: (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(s.reason) ?? '' })),
            ...(ms.status === 'waived' && ms.waiver
                ? { waived: { label: ms.waiver.label ?? `${ms.waiver.kind} by ${ms.waiver.by}`, reason: ms.waiver.reason } }
                : {}),
        };
    }
    const rb = usable('runbook');
    if (rb) {
        const opt = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(rb.data?.opt_out);
        rec.runbook = {
            triggers: (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(rb.data?.triggers).length,
            violations: (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .num */ .bu)(rb.data?.violations) ?? 0,
            ...(opt ? { optOut: { text: (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(opt.text) ?? '', reason: (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(opt.reason) } } : {}),
        };
    }
    return rec;
}


/***/ })

};
