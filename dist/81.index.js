export const id = 81;
export const ids = [81];
export const modules = {

/***/ 2081:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {


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
            const level = f.kind === 'error'
                ? 'failure'
                : f.kind === 'info'
                    ? 'notice'
                    : f.level === 'fail'
                        ? r.status === 'waived'
                            ? 'warning'
                            : 'failure'
                        : f.level === 'warn'
                            ? 'warning'
                            : 'notice';
            // Plain text, but GitHub shows it as it is: controls and bidi overrides become visible escapes.
            const message = (0,report_escape/* visibleControls */.xx)(f.hint ? `${f.message}\n\nFix: ${f.hint}` : f.message);
            out.push({
                path: f.path,
                start_line: f.line,
                end_line: Math.max(f.endLine ?? f.line, f.line),
                annotation_level: level,
                message: message.length > 60000 ? message.slice(0, 60000) + '\u2026' : message,
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
// EXTERNAL MODULE: ./src/trends/embed.ts
var trends_embed = __webpack_require__(98337);
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
    // The verdict's trend facts, hidden at the end of the text, for `pr-gate report --source api`.
    const trendRecord = (0,trends_embed/* embedRecord */.jS)(verdict);
    const input = {
        name: p.checkName,
        headSha: pr.headSha,
        conclusion: verdict.conclusion,
        output: withAnnotationNote(checkOutputWithRecord(verdict, { labelPrefix: p.labelPrefix, links }, trendRecord), unannotated(verdict)),
        annotations: annotationsOf(verdict),
        detailsUrl: p.runUrl,
        externalId: p.checkRun?.externalId,
    };
    let earlier;
    if (p.checkRun?.lookup) {
        earlier = await (0,publish/* findCheckRun */.TU)(octokit, repo, input, p.checkRun);
        // Not knowing whether an earlier try created it: creating could make a second one, but not writing
        // could lose the verdict; the second is the lesser harm (the newer run supersedes the older on the PR).
        if (!earlier.ok)
            p.warn(`${earlier.message}; creating a check run`);
    }
    const existing = earlier?.ok ? earlier.value : undefined;
    const check = existing ? await (0,publish/* updateCheckRun */.Lj)(octokit, repo, existing, input) : await (0,publish/* createCheckRun */._U)(octokit, repo, input);
    if (check.ok) {
        result.checkUrl = check.value.url;
        result.checkRunId = check.value.id;
        p.log(`check run ${p.checkName}: ${verdict.conclusion}` +
            (existing ? ` (the check run ${existing.id} of an earlier try, ${check.value.requests ? 'updated' : 'already up to date'})` : ''));
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
        const body = (0,markdown/* renderComment */.wQ)(verdict, {
            checkName: p.checkName,
            labelPrefix: p.labelPrefix,
            links: { ...links, checkUrl: result.checkUrl },
        });
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
        const why = `the existing comment could not be looked up (${found.message}), ` + `so a new one could duplicate it; the check run has the verdict`;
        p.warn(`sticky comment not written (comment: ${mode}): ${why}`);
        return why;
    }
    const existing = found.value;
    if (mode === 'on-failure')
        return passing && !existing ? 'the conclusion is success and there is no comment to update' : undefined;
    if (!existing)
        return passing ? 'the conclusion is success and there is no earlier comment to change' : undefined;
    const before = (0,markdown/* commentState */.PW)(existing.body);
    return before !== undefined && before === (0,markdown/* commentState */.PW)(body)
        ? 'the verdict and findings are the same as in the existing comment'
        : undefined;
}
function withAnnotationNote(output, skipped) {
    if (!skipped)
        return output;
    const note = `\n\n> \u2139\ufe0f ${skipped} more findings with a line are not annotated (the ` +
        `first ${MAX_ANNOTATIONS} are); all are listed below and in the JSON report.`;
    const summary = output.summary.length + note.length <= 65535 ? output.summary + note : output.summary;
    return { ...output, summary };
}
/**
 * The check run output with the hidden trend record (src/trends/embed.ts) at the end of its text. A text
 * too long for both is rendered again to leave room for the record (the summary keeps its own limit).
 */
function checkOutputWithRecord(v, o, record) {
    const out = (0,markdown/* renderCheckOutput */.IM)(v, o);
    if (out.text.length + record.length <= markdown/* CHECK_TEXT_LIMIT */.jO)
        return { ...out, text: out.text + record };
    return { ...out, text: (0,markdown/* renderCheckOutput */.IM)(v, { ...o, limit: markdown/* CHECK_TEXT_LIMIT */.jO - record.length }).text + record };
}


/***/ }),

/***/ 77184:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I8: () => (/* binding */ createCommitStatus),
/* harmony export */   LX: () => (/* binding */ syncLabels),
/* harmony export */   Lj: () => (/* binding */ updateCheckRun),
/* harmony export */   TU: () => (/* binding */ findCheckRun),
/* harmony export */   _U: () => (/* binding */ createCheckRun),
/* harmony export */   oC: () => (/* binding */ findStickyComment),
/* harmony export */   qD: () => (/* binding */ upsertStickyComment),
/* harmony export */   sX: () => (/* binding */ tokenIdentity)
/* harmony export */ });
/* unused harmony export ANNOTATIONS_PER_REQUEST */
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
    const all = (await octokit.paginate(octokit.rest.issues.listComments, {
        owner: r.owner,
        repo: r.repo,
        issue_number: issue,
        per_page: 100,
    }));
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
                return await upsertStickyComment(octokit, r, issue, marker, body, identityFallback, token);
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
            await octokit.rest.checks.update({
                owner: r.owner,
                repo: r.repo,
                check_run_id: data.id,
                output: { title: c.output.title, summary: c.output.summary, annotations: batch },
            });
        }
        return { ok: true, value: { id: data.id, url: data.html_url ?? undefined, requests: Math.max(1, batches.length) } };
    }
    catch (e) {
        return failure('create check run', e);
    }
}
/**
 * The check run an earlier try of this delivery created on `c.headSha` (same name, created by App
 * `who.appId`, `external_id` = the delivery id), or undefined. The newest when there are several.
 */
async function findCheckRun(octokit, r, c, who) {
    try {
        const runs = await octokit.paginate(octokit.rest.checks.listForRef, {
            owner: r.owner,
            repo: r.repo,
            ref: c.headSha,
            check_name: c.name,
            app_id: who.appId,
            filter: 'all',
            per_page: 100,
        });
        const mine = runs
            .filter((x) => x.head_sha === c.headSha && x.name === c.name && x.app?.id === who.appId && x.external_id === who.externalId)
            .sort((a, b) => b.id - a.id);
        return { ok: true, value: mine[0] };
    }
    catch (e) {
        return failure('find the check run of an earlier try', e);
    }
}
const annotationKey = (a) => JSON.stringify([a.path, a.start_line, a.end_line, a.annotation_level, a.message ?? '', a.title ?? '']);
/**
 * Completes `existing` (found by findCheckRun) with this verdict instead of creating a second check run.
 * GitHub appends annotations on every update, so only those the run does not have yet are sent (the
 * earlier try may have died between annotation batches). Nothing is written when the run already says
 * exactly this.
 */
async function updateCheckRun(octokit, r, existing, c) {
    try {
        let missing = c.annotations;
        if (existing.output.annotations_count > 0) {
            const have = new Set((await octokit.paginate(octokit.rest.checks.listAnnotations, {
                owner: r.owner,
                repo: r.repo,
                check_run_id: existing.id,
                per_page: 100,
            })).map(annotationKey));
            missing = c.annotations.filter((a) => !have.has(annotationKey(a)));
        }
        const same = existing.status === 'completed' &&
            existing.conclusion === c.conclusion &&
            existing.output.title === c.output.title &&
            existing.output.summary === c.output.summary &&
            (existing.output.text ?? '') === c.output.text &&
            missing.length === 0;
        if (same)
            return { ok: true, value: { id: existing.id, url: existing.html_url ?? undefined, requests: 0 } };
        const batches = [];
        for (let i = 0; i < missing.length; i += ANNOTATIONS_PER_REQUEST)
            batches.push(missing.slice(i, i + ANNOTATIONS_PER_REQUEST));
        const { data } = await octokit.rest.checks.update({
            owner: r.owner,
            repo: r.repo,
            check_run_id: existing.id,
            status: 'completed',
            conclusion: c.conclusion,
            completed_at: new Date().toISOString(),
            details_url: c.detailsUrl,
            output: { ...c.output, annotations: batches[0] ?? [] },
        });
        for (const batch of batches.slice(1)) {
            await octokit.rest.checks.update({
                owner: r.owner,
                repo: r.repo,
                check_run_id: existing.id,
                output: { title: c.output.title, summary: c.output.summary, annotations: batch },
            });
        }
        return { ok: true, value: { id: data.id, url: data.html_url ?? undefined, requests: Math.max(1, batches.length) } };
    }
    catch (e) {
        return failure('update check run', e);
    }
}
const STATE = {
    success: 'success',
    neutral: 'success',
    failure: 'failure',
};
/** The fallback when check runs are forbidden: a commit status with the same name. */
async function createCommitStatus(octokit, r, sha, context, conclusion, description, targetUrl) {
    try {
        await octokit.rest.repos.createCommitStatus({
            owner: r.owner,
            repo: r.repo,
            sha,
            state: STATE[conclusion],
            context,
            description: description.length > 140 ? description.slice(0, 139) + '\u2026' : description,
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
