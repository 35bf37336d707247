export const id = 383;
export const ids = [383];
export const modules = {

/***/ 91383:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   releaseCheckRun: () => (/* binding */ releaseCheckRun),
/* harmony export */   releaseMarker: () => (/* binding */ releaseMarker),
/* harmony export */   renderRangeSection: () => (/* binding */ renderRangeSection),
/* harmony export */   renderReleaseComment: () => (/* binding */ renderReleaseComment),
/* harmony export */   renderReleaseMarkdown: () => (/* binding */ renderReleaseMarkdown),
/* harmony export */   renderReleaseText: () => (/* binding */ renderReleaseText),
/* harmony export */   reviewComment: () => (/* binding */ reviewComment),
/* harmony export */   toReleaseJson: () => (/* binding */ toReleaseJson)
/* harmony export */ });
/* harmony import */ var _policy_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(21458);
/* harmony import */ var _json_report_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4225);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54285);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(14031);
/* harmony import */ var _terminal_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(87496);
/**
 * The release report: a range section (base \u2192 head, the merged PRs with links to each PR and its gate
 * result, commits outside any PR) above the same verdict blocks every other surface renders; and the JSON
 * report (the PR report's shape plus a `release` object).
 */





const GATE_ICON = {
    passed: '\u2705 passed',
    waived: '\u2611\ufe0f waived',
    failed: '\u274c failed',
    missing: '\u2754 no gate result',
    pending: '\u23f3 pending',
};
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
        ? `${commit(f.base.sha)} (last successful deployment` +
            (f.environment ? ` to **${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(f.environment)}**` : '') +
            (f.base.deployedAt ? `, ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(f.base.deployedAt)}` : '') +
            ')'
        : f.base.source === 'none'
            ? `unknown (no successful deployment${f.environment ? ` to **${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(f.environment)}**` : ''})`
            : `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(f.base.input)} \u2192 ${commit(f.base.sha)}`;
    lines.push(`### Release range`, '', `- **Deployed (base):** ${base}`, `- **Candidate (head):** ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(f.head.input)} \u2192 ${commit(f.head.sha)}`);
    if (f.compareUrl)
        lines.push(`- **Changes:** [${f.totalCommits} commit${f.totalCommits === 1 ? '' : 's'}](${f.compareUrl})` +
            (f.status && f.status !== 'ahead' && f.status !== 'identical'
                ? ` \u2014 the candidate is **${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(f.status)}** the deployed ref`
                : ''));
    lines.push('');
    if (f.pulls.length) {
        lines.push('| PR | Gate | Title | Author |', '|---|---|---|---|');
        for (const p of f.pulls) {
            const prLink = `[#${p.number}](${p.htmlUrl ?? `${links.repoUrl}/pull/${p.number}`})`;
            const gate = p.gate.url ? `[${GATE_ICON[p.gate.state]}](${p.gate.url})` : GATE_ICON[p.gate.state];
            lines.push(`| ${prLink} | ${gate} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(p.title, 200)} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(p.author)} |`);
        }
        lines.push('');
    }
    else if (f.base.source !== 'none') {
        lines.push('No pull request was merged in this range.', '');
    }
    if (f.direct.length) {
        lines.push(`<details><summary>${f.direct.length} commit${f.direct.length === 1 ? '' : 's'} outside any pull request</summary>`, '');
        for (const c of f.direct.slice(0, 100))
            lines.push(`- ${commit(c.sha)} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(c.message, 200)}`);
        if (f.direct.length > 100)
            lines.push(`- \u2026 and ${f.direct.length - 100} more`);
        lines.push('', '</details>', '');
    }
    if (f.approved.length) {
        lines.push('**Approved for release:**', '');
        const seen = new Set();
        for (const a of f.approved) {
            const key = `${a.rule}\0${a.path ?? ''}`;
            if (seen.has(key))
                continue; // one line per rule and path, however many of its findings were approved
            seen.add(key);
            const who = a.approvals.map((x) => `#${x.pull} approved by <code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(x.by)}</code> (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(x.via)})` +
                (x.at ? ` at ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(x.at)}` : '') +
                (x.url && /^https?:\/\/[^\s<>"'`]+$/.test(x.url) ? ` ([record](${x.url}))` : ''));
            lines.push(`- \`${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(a.rule)}\` in ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(a.path ?? '')}: ${who.join('; ')}`);
        }
        lines.push('');
    }
    return lines.join('\n');
}
/** Job summary (and tracking-issue comment with `marker`): range section + the verdict. */
function renderReleaseMarkdown(e, links, o = {}) {
    const range = renderRangeSection(e.facts, links);
    const head = (o.marker ? o.marker + '\n' : '') + range + '\n';
    const limit = o.limit ?? _markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .SUMMARY_LIMIT */ .Jt - 1024;
    const labelPrefix = e.policy?.waivers.label_prefix ?? _policy_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_LABEL_PREFIX */ .qu;
    return (head +
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .renderJobSummary */ .qE)(e.verdict, {
            labelPrefix,
            links: { repoUrl: links.repoUrl, runUrl: links.runUrl },
            limit: Math.max(2000, limit - head.length),
        }));
}
function renderReleaseComment(e, links, marker) {
    return renderReleaseMarkdown(e, links, { marker, limit: _markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .COMMENT_LIMIT */ .W$ });
}
/** A short reason for a deployment protection rule review (GitHub shows it on the run). */
function reviewComment(v, f, detailsUrl, max = 1000) {
    const verb = v.conclusion === 'failure' ? 'Rejected' : 'Approved';
    const lines = [`${verb} by pr-quality-gate: ${v.title}.`];
    const range = f.base.sha ? `${f.base.sha.slice(0, 7)}\u2026${f.head.sha.slice(0, 7)}` : `\u2026${f.head.sha.slice(0, 7)}`;
    lines.push(`Range ${range}: ${f.pulls.length} PR(s), ${f.totalCommits} commit(s).`);
    const bad = f.pulls.filter((p) => p.gate.state === 'failed' || p.gate.state === 'missing' || p.gate.state === 'pending');
    if (bad.length)
        lines.push('Gate not passed: ' +
            bad
                .map((p) => `#${p.number} (${p.gate.state}` +
                (p.gate.ignoredBy?.length ? `; ignored a result posted by ${p.gate.ignoredBy.join(', ')}, not the gate` : '') +
                ')')
                .join(', ') +
            '.');
    if (detailsUrl)
        lines.push(`Details: ${detailsUrl}`);
    // Then the blocking findings, as many as fit (the head lines and the link always do).
    let used = lines.join('\n').length;
    for (const r of v.results) {
        if (r.status !== 'fail' && r.status !== 'error')
            continue;
        for (const fi of r.findings.filter((x) => x.kind !== 'info' && x.level !== 'notice').slice(0, 3)) {
            const line = `- ${r.id}: ${fi.message.length > 200 ? fi.message.slice(0, 199) + '\u2026' : fi.message}`;
            if (used + line.length + 1 > max)
                break;
            lines.push(line);
            used += line.length + 1;
        }
    }
    // Plain text shown on the run: PR titles in the findings must not carry controls or bidi overrides.
    const text = (0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .visibleControls */ .xx)(lines.join('\n'));
    return text.length > max ? text.slice(0, max - 1) + '\u2026' : text;
}
function toReleaseJson(e) {
    const f = e.facts;
    return {
        ...(0,_json_report_js__WEBPACK_IMPORTED_MODULE_1__/* .toJsonReport */ .O)(e.verdict),
        release: {
            environment: f.environment,
            base: f.base,
            head: f.head,
            compareUrl: f.compareUrl,
            status: f.status,
            totalCommits: f.totalCommits,
            pullRequests: f.pulls.map((p) => ({
                number: p.number,
                title: p.title,
                author: p.author,
                url: p.htmlUrl,
                headSha: p.headSha,
                mergedAt: p.mergedAt,
                labels: p.labels,
                gate: p.gate,
            })),
            directCommits: f.direct,
            approved: f.approved,
        },
    };
}
/** The CLI's plain-text release report: the range, one line per pull request, then the verdict. */
function renderReleaseText(e) {
    const f = e.facts;
    const lines = [
        `Release ${f.base.sha?.slice(0, 12) ?? '?'}\u2026${f.head.sha.slice(0, 12)}: ${f.pulls.length} ` +
            `pull request(s), ${f.totalCommits} commit(s)\n`,
    ];
    for (const p of f.pulls)
        lines.push(`  #${p.number} ${p.gate.state.padEnd(8)} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .visibleControls */ .xx)(p.title)}\n`);
    return lines.join('') + (0,_terminal_js__WEBPACK_IMPORTED_MODULE_4__/* .renderText */ .S)(e.verdict);
}
/** The App's check run for a deployment protection rule: name, conclusion and output. */
function releaseCheckRun(e, o) {
    return {
        name: `${o.checkName} / release ${o.environment}`,
        headSha: e.facts.head.sha,
        conclusion: e.verdict.conclusion,
        output: { title: e.verdict.title.slice(0, 255), summary: renderReleaseMarkdown(e, o.links, { limit: o.limit }), text: '' },
        annotations: [],
    };
}


/***/ })

};
