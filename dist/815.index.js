export const id = 815;
export const ids = [815,823];
export const modules = {

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


/***/ }),

/***/ 89823:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   releaseMarker: () => (/* binding */ releaseMarker),
/* harmony export */   renderRangeSection: () => (/* binding */ renderRangeSection),
/* harmony export */   renderReleaseComment: () => (/* binding */ renderReleaseComment),
/* harmony export */   renderReleaseMarkdown: () => (/* binding */ renderReleaseMarkdown),
/* harmony export */   reviewComment: () => (/* binding */ reviewComment),
/* harmony export */   toReleaseJson: () => (/* binding */ toReleaseJson)
/* harmony export */ });
/* harmony import */ var _report_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32794);
/* harmony import */ var _report_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54285);
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14031);



const GATE_ICON = { passed: '✅ passed', waived: '☑️ waived', failed: '❌ failed', missing: '❔ no gate result', pending: '⏳ pending' };
/** Marker of the sticky release comment on a tracking issue (one per check name and environment). */
function releaseMarker(checkName, environment) {
    return `<!-- pr-quality-gate:release:${checkName.replace(/-->/g, '')}:${(environment ?? '').replace(/-->/g, '')} -->`;
}
function short(sha) {
    return sha ? `\`${sha.slice(0, 12)}\`` : '?';
}
function renderRangeSection(f, links) {
    const lines = [];
    const commit = (sha) => (sha ? `[${short(sha)}](${links.repoUrl}/commit/${sha})` : '?');
    const base = f.base.source === 'deployment'
        ? `${commit(f.base.sha)} (last successful deployment${f.environment ? ` to **${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(f.environment)}**` : ''}${f.base.deployedAt ? `, ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(f.base.deployedAt)}` : ''})`
        : f.base.source === 'none'
            ? `unknown (no successful deployment${f.environment ? ` to **${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(f.environment)}**` : ''})`
            : `${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(f.base.input)} → ${commit(f.base.sha)}`;
    lines.push(`### Release range`, '', `- **Deployed (base):** ${base}`, `- **Candidate (head):** ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(f.head.input)} → ${commit(f.head.sha)}`);
    if (f.compareUrl)
        lines.push(`- **Changes:** [${f.totalCommits} commit${f.totalCommits === 1 ? '' : 's'}](${f.compareUrl})${f.status && f.status !== 'ahead' && f.status !== 'identical' ? ` — the candidate is **${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(f.status)}** the deployed ref` : ''}`);
    lines.push('');
    if (f.pulls.length) {
        lines.push('| PR | Gate | Title | Author |', '|---|---|---|---|');
        for (const p of f.pulls) {
            const prLink = `[#${p.number}](${p.htmlUrl ?? `${links.repoUrl}/pull/${p.number}`})`;
            const gate = p.gate.url ? `[${GATE_ICON[p.gate.state]}](${p.gate.url})` : GATE_ICON[p.gate.state];
            lines.push(`| ${prLink} | ${gate} | ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(p.title, 200)} | ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(p.author)} |`);
        }
        lines.push('');
    }
    else if (f.base.source !== 'none') {
        lines.push('No pull request was merged in this range.', '');
    }
    if (f.direct.length) {
        lines.push(`<details><summary>${f.direct.length} commit${f.direct.length === 1 ? '' : 's'} outside any pull request</summary>`, '');
        for (const c of f.direct.slice(0, 100))
            lines.push(`- ${commit(c.sha)} ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(c.message, 200)}`);
        if (f.direct.length > 100)
            lines.push(`- … and ${f.direct.length - 100} more`);
        lines.push('', '</details>', '');
    }
    if (f.approved.length) {
        lines.push('**Approved for release:**', '');
        for (const a of f.approved)
            lines.push(`- \`${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(a.rule)}\` in ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(a.path ?? '')} (${a.pulls.map((n) => `#${n}`).join(', ')})`);
        lines.push('');
    }
    return lines.join('\n');
}
/** Job summary (and tracking-issue comment with `marker`): range section + the verdict. */
function renderReleaseMarkdown(e, links, o = {}) {
    const range = renderRangeSection(e.facts, links);
    const head = (o.marker ? o.marker + '\n' : '') + range + '\n';
    const limit = o.limit ?? _report_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .SUMMARY_LIMIT */ .Jt - 1024;
    const labelPrefix = e.policy?.waivers.label_prefix ?? 'gate-waive:';
    return head + (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .renderJobSummary */ .qE)(e.verdict, { labelPrefix, links: { repoUrl: links.repoUrl, runUrl: links.runUrl }, limit: Math.max(2000, limit - head.length) });
}
function renderReleaseComment(e, links, marker) {
    return renderReleaseMarkdown(e, links, { marker, limit: _report_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .COMMENT_LIMIT */ .W$ });
}
/** A short reason for a deployment protection rule review (GitHub shows it on the run). */
function reviewComment(v, f, detailsUrl, max = 1000) {
    const verb = v.conclusion === 'failure' ? 'Rejected' : 'Approved';
    const lines = [`${verb} by pr-quality-gate: ${v.title}.`];
    const range = f.base.sha ? `${f.base.sha.slice(0, 7)}…${f.head.sha.slice(0, 7)}` : `…${f.head.sha.slice(0, 7)}`;
    lines.push(`Range ${range}: ${f.pulls.length} PR(s), ${f.totalCommits} commit(s).`);
    const bad = f.pulls.filter((p) => p.gate.state === 'failed' || p.gate.state === 'missing' || p.gate.state === 'pending');
    if (bad.length)
        lines.push(`Gate not passed: ${bad.map((p) => `#${p.number} (${p.gate.state}${p.gate.ignoredBy?.length ? `; ignored a result posted by ${p.gate.ignoredBy.join(', ')}, not the gate` : ''})`).join(', ')}.`);
    if (detailsUrl)
        lines.push(`Details: ${detailsUrl}`);
    // Then the blocking findings, as many as fit (the head lines and the link always do).
    let used = lines.join('\n').length;
    for (const r of v.results) {
        if (r.status !== 'fail' && r.status !== 'error')
            continue;
        for (const fi of r.findings.filter((x) => x.kind !== 'info' && x.level !== 'notice').slice(0, 3)) {
            const line = `- ${r.id}: ${fi.message.length > 200 ? fi.message.slice(0, 199) + '…' : fi.message}`;
            if (used + line.length + 1 > max)
                break;
            lines.push(line);
            used += line.length + 1;
        }
    }
    // Plain text shown on the run: PR titles in the findings must not carry controls or bidi overrides.
    const text = (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .visibleControls */ .xx)(lines.join('\n'));
    return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
function toReleaseJson(e) {
    const f = e.facts;
    return {
        ...(0,_report_json_js__WEBPACK_IMPORTED_MODULE_2__/* .toJsonReport */ .O)(e.verdict),
        release: {
            environment: f.environment,
            base: f.base,
            head: f.head,
            compareUrl: f.compareUrl,
            status: f.status,
            totalCommits: f.totalCommits,
            pullRequests: f.pulls.map((p) => ({ number: p.number, title: p.title, author: p.author, url: p.htmlUrl, headSha: p.headSha, mergedAt: p.mergedAt, labels: p.labels, gate: p.gate })),
            directCommits: f.direct,
            approved: f.approved,
        },
    };
}


/***/ })

};
