export const id = 957;
export const ids = [957];
export const modules = {

/***/ 12957:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   main: () => (/* binding */ main)
/* harmony export */ });
/* harmony import */ var _pipeline_policy_source_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(21566);
/* harmony import */ var _policy_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(21458);
/* harmony import */ var _pipeline_decision_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94126);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _change_git_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(18092);
/* harmony import */ var _change_generated_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9393);
/* harmony import */ var _evidence_workspace_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(21592);
/* harmony import */ var _policy_load_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(40949);
/* harmony import */ var _engine_run_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(62515);
/* harmony import */ var _pipeline_policy_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(91130);
/* harmony import */ var _pipeline_gate_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(1255);
/* harmony import */ var _report_terminal_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(87496);
/* harmony import */ var _report_markdown_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(54285);
/* harmony import */ var _report_json_report_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(4225);
/* harmony import */ var _rules_index_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(83808);
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(14031);
/* harmony import */ var _policy_validate_js__WEBPACK_IMPORTED_MODULE_18__ = __webpack_require__(17766);
/* harmony import */ var _rules_migration_safety_dangers_js__WEBPACK_IMPORTED_MODULE_19__ = __webpack_require__(18157);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_20__ = __webpack_require__(27485);
/**
 * `pr-gate`: the gate on a local git checkout, with real git. Exit codes: 0 the gate passed (success or
 * neutral), 1 the gate failed, 2 usage or configuration error. Messages, never stack traces.
 */


















// The App (`serve`) and release mode are loaded by their commands only (issue 15 item 5).





const hint = (s) => (s ? ` (did you mean "${s}"?)` : '');
const defaultIO = {
    out: (s) => {
        if (!stdoutClosed)
            process.stdout.write(s);
    },
    err: (s) => process.stderr.write(s),
    cwd: process.cwd(),
};
class UsageError extends Error {
}
let stdoutClosed = false;
/**
 * `pr-gate explain \u2026 | head`: once the reader goes away, writes fail with EPIPE. Stop writing, quietly;
 * the command still finishes and exits with its own code.
 */
function quietOnClosedStdout() {
    if (process.stdout.listenerCount('error') > 0)
        return;
    process.stdout.on('error', (e) => {
        if (e.code === 'EPIPE') {
            stdoutClosed = true;
            return;
        }
        process.stderr.write(`pr-gate: cannot write the output: ${(0,_engine_run_js__WEBPACK_IMPORTED_MODULE_10__/* .errorMessage */ .gJ)(e)}\n`);
        process.exitCode = 2;
    });
}
async function readStdin() {
    const chunks = [];
    for await (const c of process.stdin)
        chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
    return Buffer.concat(chunks).toString('utf8');
}
async function main(argv, io = defaultIO) {
    const cmd = argv.at(0); // none: no command (usage, exit 2)
    const rest = argv.slice(1);
    if (io === defaultIO)
        quietOnClosedStdout();
    try {
        if (cmd === '--version' || cmd === '-V' || cmd === 'version') {
            io.out(`pr-gate ${(0,_usage_js__WEBPACK_IMPORTED_MODULE_20__/* .packageVersion */ .Tl)()}\n`);
            return 0;
        }
        if (cmd && _usage_js__WEBPACK_IMPORTED_MODULE_20__/* .COMMANDS */ .Lo.includes(cmd) && (rest.includes('--help') || rest.includes('-h'))) {
            io.out((0,_usage_js__WEBPACK_IMPORTED_MODULE_20__/* .commandUsage */ .T3)(cmd) ?? _usage_js__WEBPACK_IMPORTED_MODULE_20__/* .USAGE */ .u_);
            return 0;
        }
        switch (cmd) {
            case 'check':
                return await check(rest, io);
            case 'validate':
                return await validateCmd(rest, io);
            case 'explain':
                return await explain(rest, io);
            case 'serve':
                return await serveCmd(rest, io);
            case 'queue':
                return await queueCmd(rest, io);
            case 'release':
                return await releaseCmd(rest, io);
            case 'report':
                return await reportCmd(rest, io);
            case 'schema':
                io.out(JSON.stringify((0,_policy_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .policyJsonSchema */ .qF)(), null, 2) + '\n');
                return 0;
            case undefined:
            case 'help':
            case '--help':
            case '-h':
                io.out(_usage_js__WEBPACK_IMPORTED_MODULE_20__/* .USAGE */ .u_);
                return cmd === undefined ? 2 : 0;
            default:
                throw new UsageError(`unknown command ${JSON.stringify(cmd)}${hint((0,_policy_validate_js__WEBPACK_IMPORTED_MODULE_18__/* .didYouMean */ .au)(cmd, _usage_js__WEBPACK_IMPORTED_MODULE_20__/* .COMMANDS */ .Lo))}`);
        }
    }
    catch (e) {
        const code = e?.code; // anything may be thrown
        if (e instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
            io.err(`pr-gate: ${(0,_engine_run_js__WEBPACK_IMPORTED_MODULE_10__/* .errorMessage */ .gJ)(e)}\n\n${_usage_js__WEBPACK_IMPORTED_MODULE_20__/* .USAGE */ .u_}`);
            return 2;
        }
        if (e instanceof _change_git_js__WEBPACK_IMPORTED_MODULE_6__/* .GitError */ .XS || e instanceof _policy_load_js__WEBPACK_IMPORTED_MODULE_9__/* .PolicyError */ .pn) {
            io.err(`pr-gate: ${(0,_engine_run_js__WEBPACK_IMPORTED_MODULE_10__/* .errorMessage */ .gJ)(e)}\n`);
            return 2;
        }
        io.err(`pr-gate: ${(0,_engine_run_js__WEBPACK_IMPORTED_MODULE_10__/* .errorMessage */ .gJ)(e)}\n`);
        return 2;
    }
}
async function choosePolicy(io, root, base, policyArg, basePolicyText) {
    if (!policyArg)
        return {
            text: basePolicyText,
            file: _policy_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_POLICY_PATH */ .lo,
            read: (p) => (0,_change_git_js__WEBPACK_IMPORTED_MODULE_6__/* .readAtRef */ .Bg)(root, base, p),
            source: (0,_pipeline_policy_source_js__WEBPACK_IMPORTED_MODULE_0__/* .policySource */ .I)({ path: _policy_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_POLICY_PATH */ .lo, text: basePolicyText, at: { sha: base }, missingAt: 'at the base' }),
        };
    const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_5__.resolve)(io.cwd, policyArg);
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_4__.readFile)(abs, 'utf8').catch(() => {
        throw new UsageError(`--policy ${policyArg}: file not found`);
    });
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_5__.relative)(root, abs).split(node_path__WEBPACK_IMPORTED_MODULE_5__.sep).join('/') || policyArg;
    return {
        text,
        file,
        read: (p) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_4__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_5__.resolve)(root, p), 'utf8').catch(() => undefined),
        source: (0,_pipeline_policy_source_js__WEBPACK_IMPORTED_MODULE_0__/* .policySource */ .I)({ path: file, text, at: 'working tree' }),
    };
}
/** Load the policy and run the gate; an invalid policy is a verdict of its own. */
async function gateVerdict(io, policy, ctx, notes) {
    const { verdict, policy: enforced } = await (0,_pipeline_gate_js__WEBPACK_IMPORTED_MODULE_12__/* .gateChange */ .c)({
        attempt: await (0,_pipeline_policy_js__WEBPACK_IMPORTED_MODULE_11__/* .tryLoadPolicy */ .oB)(policy.text, policy.file, policy.read, await apiRemoteOptions(io)),
        ctx,
        policySource: policy.source,
        notes,
        // What the rules declare they will read is asked of git at once (one pipelined cat-file batch, see
        // src/change/git-objects.ts) instead of one answer awaited per file as the rules go. A failed read
        // stays in the cache and fails the rule that needs it, as before.
        prefetch: (plan) => Promise.allSettled([...plan.head.map((p) => ctx.changes.readHead(p)), ...plan.base.map((p) => ctx.changes.readBase(p))]),
    });
    return { verdict, labelPrefix: enforced?.waivers.label_prefix ?? _policy_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_LABEL_PREFIX */ .qu };
}
async function check(args, io) {
    const { values } = (0,node_util__WEBPACK_IMPORTED_MODULE_3__.parseArgs)({
        args,
        options: {
            base: { type: 'string' },
            head: { type: 'string' },
            policy: { type: 'string' },
            format: { type: 'string', default: 'text' },
            body: { type: 'string', default: '' },
            label: { type: 'string', multiple: true, default: [] },
            committed: { type: 'boolean', default: false },
        },
        strict: true,
        allowPositionals: false,
    });
    const format = values.format;
    if (!['text', 'markdown', 'json'].includes(format))
        throw new UsageError(`--format: expected text, markdown or json, got ${JSON.stringify(format)}`);
    const root = (await (0,_change_git_js__WEBPACK_IMPORTED_MODULE_6__/* .git */ .$Y)(io.cwd, ['rev-parse', '--show-toplevel']).catch(() => {
        throw new _change_git_js__WEBPACK_IMPORTED_MODULE_6__/* .GitError */ .XS(`${io.cwd} is not inside a git work tree`);
    })).trim();
    // An explicit --head names a commit: the range is committed history, whatever the working tree holds.
    const committedOnly = values.committed || values.head !== undefined;
    const range = await (0,_change_git_js__WEBPACK_IMPORTED_MODULE_6__/* .resolveRange */ .Ss)(root, values.base, values.head, { workingTree: !committedOnly });
    const body = values.body === '-' ? await readStdin() : values.body;
    // The diff, .gitattributes, the policy at the base and the head commit's author and subject: independent
    // reads, asked of git at once.
    const [changes, gitattributes, basePolicyText, headInfo] = await Promise.all([
        (0,_change_git_js__WEBPACK_IMPORTED_MODULE_6__/* .gitChangeSet */ .Jk)(root, range),
        (0,_change_git_js__WEBPACK_IMPORTED_MODULE_6__/* .readAtRef */ .Bg)(root, range.base, '.gitattributes'),
        values.policy ? undefined : (0,_change_git_js__WEBPACK_IMPORTED_MODULE_6__/* .readAtRef */ .Bg)(root, range.base, _policy_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_POLICY_PATH */ .lo),
        (0,_change_git_js__WEBPACK_IMPORTED_MODULE_6__/* .git */ .$Y)(root, ['log', '-1', '--format=%an%x00%s', range.head]).catch(() => ''),
    ]);
    (0,_change_generated_js__WEBPACK_IMPORTED_MODULE_7__/* .markExclusions */ .zj)(changes.files, gitattributes);
    const policy = await choosePolicy(io, root, range.base, values.policy, basePolicyText);
    const [author = '', title = ''] = headInfo
        .trim()
        .split('\0')
        .map((s) => s.trim());
    const ctx = {
        changes,
        pr: {
            title,
            body,
            author,
            labels: values.label,
        },
        evidence: (0,_evidence_workspace_js__WEBPACK_IMPORTED_MODULE_8__/* .workspaceEvidence */ .$W)(root),
        gitattributes,
        now: new Date(),
        mode: 'pull_request',
    };
    const notes = rangeNotes(range, committedOnly, values.head !== undefined);
    const { verdict, labelPrefix } = await gateVerdict(io, policy, ctx, notes);
    if (format === 'json')
        io.out(JSON.stringify((0,_report_json_report_js__WEBPACK_IMPORTED_MODULE_15__/* .toJsonReport */ .O)(verdict), null, 2) + '\n');
    else if (format === 'markdown')
        io.out((0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_14__/* .renderJobSummary */ .qE)(verdict, { labelPrefix, links: {} }) + '\n');
    else
        io.out((0,_report_terminal_js__WEBPACK_IMPORTED_MODULE_13__/* .renderText */ .S)(verdict));
    return (0,_pipeline_decision_js__WEBPACK_IMPORTED_MODULE_2__/* .exitCode */ .I$)(verdict);
}
/** Which diff was checked, in words: the base and how it was found, and whether uncommitted changes are in. */
function rangeNotes(range, committedOnly, explicitHead) {
    const wt = range.workingTree;
    const head = wt ? `${range.head.slice(0, 12)}+uncommitted` : range.head.slice(0, 12);
    const notes = [{ level: 'info', message: `Compared ${range.base.slice(0, 12)}\u2026${head} (base: ${range.baseLabel}).` }];
    if (wt)
        notes.push({
            level: 'info',
            message: `Included uncommitted changes: ${wt.files} file${wt.files === 1 ? '' : 's'} staged, ` +
                `modified or untracked; --committed checks commits only.`,
        });
    else if (committedOnly)
        notes.push({
            level: 'info',
            message: `Commits only (${explicitHead ? '--head given' : '--committed'}): uncommitted changes are not checked.`,
        });
    else
        notes.push({ level: 'info', message: 'No uncommitted changes: the working tree is clean.' });
    return notes;
}
async function validateCmd(args, io) {
    const { positionals, values } = (0,node_util__WEBPACK_IMPORTED_MODULE_3__.parseArgs)({
        args,
        options: { offline: { type: 'string', multiple: true, default: [] } },
        allowPositionals: true,
        strict: true,
    });
    const file = positionals[0] ?? _policy_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_POLICY_PATH */ .lo;
    const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_5__.resolve)(io.cwd, file);
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_4__.readFile)(abs, 'utf8').catch(() => undefined);
    if (text === undefined) {
        io.err(`pr-gate: ${file}: file not found\n`);
        return 2;
    }
    const root = (await (0,_change_git_js__WEBPACK_IMPORTED_MODULE_6__/* .git */ .$Y)(io.cwd, ['rev-parse', '--show-toplevel']).catch(() => io.cwd)).trim();
    const offline = values.offline;
    const remote = offline.length ? await offlineReader(offline, text, io) : await apiRemoteOptions(io);
    try {
        const { policy, sources, enforced } = await (0,_policy_load_js__WEBPACK_IMPORTED_MODULE_9__/* .loadPolicy */ .tb)(text, file, (p) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_4__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_5__.resolve)(root, p), 'utf8').catch(() => undefined), remote);
        if (enforced.length) {
            io.err(enforced.map(loosenedFloor).join('\n') + '\n');
            return 2;
        }
        const levels = Object.entries(policy.rules)
            .map(([id, r]) => `${id}=${r.level}`)
            .join(', ');
        io.out(`${file}: valid (from ${sources.join(' \u2192 ')}; ${levels})\n`);
        return 0;
    }
    catch (e) {
        if (e instanceof _policy_load_js__WEBPACK_IMPORTED_MODULE_9__/* .PolicyError */ .pn) {
            io.err(e.issues.map(_policy_load_js__WEBPACK_IMPORTED_MODULE_9__/* .formatIssue */ .Hd).join('\n') + '\n');
            return 2;
        }
        throw e;
    }
}
/** A key of the repository's policy that loosens an org floor, as `file:line:column: message`. */
function loosenedFloor(e) {
    const at = e.setBy ? (e.setBy.line !== undefined ? `${e.setBy.file}:${e.setBy.line}:${e.setBy.column ?? 1}: ` : `${e.setBy.file}: `) : '';
    return `${at}loosens an org floor: ${(0,_policy_load_js__WEBPACK_IMPORTED_MODULE_9__/* .describeEnforcement */ .u1)(e)} by the gate`;
}
const API_HINT = 'set GITHUB_TOKEN (or GH_TOKEN) to a token that can read it, or pass --offline ORGFILE';
/** Reads `github:` extends through the API when a token is in the environment; otherwise says how to provide one. */
async function apiRemoteOptions(io) {
    const token = process.env.GITHUB_TOKEN || process.env.GH_TOKEN;
    if (!token)
        return { remoteUnavailable: API_HINT };
    const [{ createClient }, { RemotePolicyReader }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(203), __webpack_require__.e(207), __webpack_require__.e(584)]).then(__webpack_require__.bind(__webpack_require__, 96584)),
        Promise.all(/* import() */[__webpack_require__.e(203), __webpack_require__.e(207), __webpack_require__.e(174), __webpack_require__.e(46)]).then(__webpack_require__.bind(__webpack_require__, 58808)),
    ]);
    const octokit = createClient({
        token,
        baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
        log: (m) => {
            io.err(`pr-gate: ${m}\n`);
        },
    });
    const reader = new RemotePolicyReader(octokit, {
        accessHint: 'Set GITHUB_TOKEN (or GH_TOKEN) to a token with contents: read on that repository, ' +
            'or pass --offline ORGFILE. See docs/policy.md, "Org policy".',
    });
    return { remote: reader.read };
}
/**
 * `--offline`: org files from disk instead of the API. `SPEC=FILE` answers that github: spec; a bare FILE
 * answers every github: spec the policy names directly in its `extends`.
 */
async function offlineReader(entries, policyText, io) {
    const named = new Map();
    let bare;
    for (const e of entries) {
        const eq = e.startsWith(_policy_load_js__WEBPACK_IMPORTED_MODULE_9__/* .REMOTE_PREFIX */ ._Q) ? e.lastIndexOf('=') : -1;
        if (eq > 0) {
            const spec = (0,_policy_load_js__WEBPACK_IMPORTED_MODULE_9__/* .parseRemoteSpec */ .Z_)(e.slice(0, eq));
            if (typeof spec === 'string')
                throw new UsageError(`--offline ${e}: ${spec}`);
            named.set((0,_policy_load_js__WEBPACK_IMPORTED_MODULE_9__/* .remoteName */ .iy)(spec), e.slice(eq + 1));
        }
        else if (bare !== undefined)
            throw new UsageError('--offline: only one ORGFILE without a github: spec; name the others as github:OWNER/REPO/PATH@REF=FILE');
        else
            bare = e;
    }
    const direct = new Set();
    try {
        const doc = (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 33243))).load(policyText);
        const ext = doc?.extends;
        for (const x of Array.isArray(ext) ? ext : [ext]) {
            const spec = typeof x === 'string' && x.startsWith(_policy_load_js__WEBPACK_IMPORTED_MODULE_9__/* .REMOTE_PREFIX */ ._Q) ? (0,_policy_load_js__WEBPACK_IMPORTED_MODULE_9__/* .parseRemoteSpec */ .Z_)(x) : undefined;
            if (spec && typeof spec !== 'string')
                direct.add((0,_policy_load_js__WEBPACK_IMPORTED_MODULE_9__/* .remoteName */ .iy)(spec));
        }
    }
    catch {
        // the loader reports the YAML error with its position
    }
    const read = async (spec) => {
        const name = (0,_policy_load_js__WEBPACK_IMPORTED_MODULE_9__/* .remoteName */ .iy)(spec);
        const path = named.get(name) ?? (direct.has(name) ? bare : undefined);
        if (path === undefined)
            throw new _policy_load_js__WEBPACK_IMPORTED_MODULE_9__/* .RemoteReadError */ .dd(`not available offline: pass --offline ${name}=FILE`);
        const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_4__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_5__.resolve)(io.cwd, path), 'utf8').catch(() => undefined);
        if (text === undefined)
            throw new _policy_load_js__WEBPACK_IMPORTED_MODULE_9__/* .RemoteReadError */ .dd(`--offline ${path}: file not found`);
        return text;
    };
    return { remote: read };
}
async function explain(args, io) {
    const id = args[0];
    if (!id) {
        for (const r of _rules_index_js__WEBPACK_IMPORTED_MODULE_16__/* .RULES */ .y0)
            io.out(`${r.id.padEnd(22)} default ${r.defaultLevel.padEnd(6)} ${r.description}\n`);
        return 0;
    }
    const rule = _rules_index_js__WEBPACK_IMPORTED_MODULE_16__/* .RULES */ .y0.find((r) => r.id === id);
    if (!rule) {
        const danger = _rules_migration_safety_dangers_js__WEBPACK_IMPORTED_MODULE_19__/* .DANGERS */ .zA[id];
        if (danger)
            return explainDanger(id, danger, io);
        const known = [..._rules_index_js__WEBPACK_IMPORTED_MODULE_16__/* .RULES */ .y0.map((r) => r.id), ...Object.keys(_rules_migration_safety_dangers_js__WEBPACK_IMPORTED_MODULE_19__/* .DANGERS */ .zA)];
        throw new UsageError(`unknown rule or migration danger ${JSON.stringify(id)}${hint((0,_policy_validate_js__WEBPACK_IMPORTED_MODULE_18__/* .didYouMean */ .au)(id, known))}; ` +
            `rules: ${_rules_index_js__WEBPACK_IMPORTED_MODULE_16__/* .RULES */ .y0.map((r) => r.id).join(', ')}; dangers: pr-gate explain migration-safety lists them`);
    }
    // The value a key takes when a policy leaves it out (nested defaults filled in: `sizes` is {XS: 10, \u2026},
    // not {}), and what the default preset sets where that differs.
    const resolved = (await (0,_policy_load_js__WEBPACK_IMPORTED_MODULE_9__/* .loadPolicy */ .tb)(undefined, _policy_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_POLICY_PATH */ .lo, () => Promise.resolve(undefined))).policy.rules;
    const preset = resolved[rule.id] ?? {};
    const entry = (0,_policy_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .ruleEntrySchema */ .gw)(rule);
    const presetLevel = preset.level !== rule.defaultLevel ? ` (the default preset sets ${String(preset.level)})` : '';
    io.out(`${rule.id}: ${rule.description}\ndefault level: ${rule.defaultLevel}${presetLevel}\ndocs: ` +
        `docs/rules/${rule.id}.md\noptions (default when left out):\n`);
    for (const [k, s] of Object.entries(entry.properties ?? {})) {
        if (k === 'level' || k === 'locked')
            continue;
        const def = (0,_policy_validate_js__WEBPACK_IMPORTED_MODULE_18__/* .applyDefaults */ .hq)(s, undefined);
        const inPreset = JSON.stringify(preset[k]) !== JSON.stringify(def) ? ` (the default preset sets ${JSON.stringify(preset[k])})` : '';
        io.out(`  ${k}: ${JSON.stringify(def)}${inPreset}${s.description ? ` \u2014 ${s.description}` : ''}\n`);
    }
    if (rule.id === 'migration-safety') {
        io.out('dangers (pr-gate explain <id> for one):\n');
        for (const [d, info] of Object.entries(_rules_migration_safety_dangers_js__WEBPACK_IMPORTED_MODULE_19__/* .DANGERS */ .zA))
            io.out(`  ${d.padEnd(34)} ${info.level.padEnd(6)} ${info.title}\n`);
    }
    return 0;
}
/** One migration danger: what it locks, why it hurts, the safe recipe, how to tune or suppress it. */
function explainDanger(id, d, io) {
    io.out([
        `${id} (migration-safety): ${d.title}`,
        `lock: ${d.lock}`,
        `why: ${d.why}`,
        `fix: ${d.fix}`,
        `default level: ${d.level} (policy: rules.migration-safety.dangers.${id}: off | notice | warn | fail)`,
        `suppress one statement: -- quality-gate: ignore ${id} <reason>   (# in Ruby and Python migrations)`,
        `docs: docs/rules/migration-safety.md, section \`${id}\``,
        '',
    ].join('\n'));
    return 0;
}
async function serveCmd(args, io) {
    (0,node_util__WEBPACK_IMPORTED_MODULE_3__.parseArgs)({ args, options: {}, allowPositionals: false, strict: true });
    const [{ ConfigError, loadAppConfig }, { serve }] = await Promise.all([__webpack_require__.e(/* import() */ 293).then(__webpack_require__.bind(__webpack_require__, 80293)), Promise.all(/* import() */[__webpack_require__.e(203), __webpack_require__.e(207), __webpack_require__.e(365), __webpack_require__.e(734), __webpack_require__.e(174), __webpack_require__.e(191), __webpack_require__.e(430), __webpack_require__.e(81), __webpack_require__.e(69)]).then(__webpack_require__.bind(__webpack_require__, 86375))]);
    let config;
    try {
        config = loadAppConfig(process.env);
    }
    catch (e) {
        if (e instanceof ConfigError) {
            io.err(e.message + '\n');
            return 2;
        }
        throw e;
    }
    const code = await serve(config);
    // Keep-alive sockets to GitHub would hold the process open after a graceful stop.
    process.exit(code);
}
/** `pr-gate report` lives in src/trends/ (loaded by the command only). */
async function reportCmd(args, io) {
    const { reportCmd: run, ReportUsageError } = await Promise.all(/* import() */[__webpack_require__.e(808), __webpack_require__.e(967)]).then(__webpack_require__.bind(__webpack_require__, 68427));
    try {
        return await run(args, io);
    }
    catch (e) {
        if (e instanceof ReportUsageError)
            throw new UsageError(e.message);
        throw e;
    }
}
async function queueCmd(args, io) {
    const { values, positionals } = (0,node_util__WEBPACK_IMPORTED_MODULE_3__.parseArgs)({
        args,
        options: { json: { type: 'boolean' }, all: { type: 'boolean' } },
        allowPositionals: true,
        strict: true,
    });
    const sub = positionals.at(0);
    const ids = positionals.slice(1);
    if (sub !== 'failed' && sub !== 'replay')
        throw new UsageError(`pr-gate queue: expected "failed" or "replay", got ${JSON.stringify(sub ?? '')}`);
    if (sub === 'failed' && ids.length)
        throw new UsageError('pr-gate queue failed: takes no delivery ids');
    if (sub === 'replay' && !values.all === !ids.length)
        throw new UsageError('pr-gate queue replay: give delivery ids, or --all (not both)');
    const [{ ConfigError, redisSettings }, { withQueue, listFailed, replayFailed }] = await Promise.all([
        __webpack_require__.e(/* import() */ 293).then(__webpack_require__.bind(__webpack_require__, 80293)),
        Promise.all(/* import() */[__webpack_require__.e(203), __webpack_require__.e(365), __webpack_require__.e(300)]).then(__webpack_require__.bind(__webpack_require__, 53796)),
    ]);
    const problems = [];
    const settings = redisSettings(process.env, problems);
    if (!settings && !problems.length)
        problems.push("REDIS_URL is not set: the Redis the App's replicas use (redis://HOST:PORT)");
    if (problems.length || !settings) {
        io.err(new ConfigError(problems).message.replace('pr-gate serve:', 'pr-gate queue:') + '\n');
        return 2;
    }
    try {
        return await withQueue(settings, async (q) => {
            if (sub === 'failed') {
                const failed = await listFailed(q);
                if (values.json)
                    io.out(JSON.stringify(failed, null, 2) + '\n');
                else if (!failed.length)
                    io.out('No failed deliveries.\n');
                else {
                    io.out(`${failed.length} failed ${failed.length === 1 ? 'delivery' : 'deliveries'} (replay: pr-gate queue replay ID... or --all):\n`);
                    for (const f of failed)
                        io.out(`${f.id}  ${f.event}  ${f.tries} ${f.tries === 1 ? 'try' : 'tries'}  ` +
                            `${f.failedAt ?? ''}  ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_17__/* .visibleControls */ .xx)(f.reason.slice(0, 300))}\n`);
                }
                return 0;
            }
            const { replayed, missing } = await replayFailed(q, values.all ? 'all' : ids);
            io.out(`Replayed ${replayed.length} ` +
                `${replayed.length === 1 ? 'delivery' : 'deliveries'}${replayed.length ? `: ${replayed.join(', ')}` : ''}.\n`);
            for (const m of missing)
                io.err(`pr-gate queue replay: ${m} is not in the failed set (pr-gate queue failed lists it)\n`);
            return missing.length ? 1 : 0;
        });
    }
    catch (e) {
        io.err(`pr-gate queue: cannot reach the queue at REDIS_URL: ${(0,_engine_run_js__WEBPACK_IMPORTED_MODULE_10__/* .errorMessage */ .gJ)(e)}\n`);
        return 2;
    }
}
async function releaseCmd(args, io) {
    const { values } = (0,node_util__WEBPACK_IMPORTED_MODULE_3__.parseArgs)({
        args,
        options: {
            repo: { type: 'string' },
            base: { type: 'string', default: 'auto' },
            head: { type: 'string' },
            environment: { type: 'string' },
            'check-name': { type: 'string', default: _policy_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_CHECK_NAME */ .nV },
            'gate-identity': { type: 'string', default: 'github-actions' },
            policy: { type: 'string', default: _policy_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_POLICY_PATH */ .lo },
            format: { type: 'string', default: 'text' },
        },
        strict: true,
        allowPositionals: false,
    });
    const [owner, repo] = (values.repo ?? '').split('/');
    if (!owner || !repo)
        throw new UsageError('--repo OWNER/NAME is required');
    if (!values.head)
        throw new UsageError('--head REF is required (the candidate SHA, tag or branch)');
    if (values.base === 'auto' && !values.environment)
        throw new UsageError('--base auto (the default) needs --environment');
    const format = values.format;
    if (!['text', 'markdown', 'json'].includes(format))
        throw new UsageError(`--format: expected text, markdown or json, got ${JSON.stringify(format)}`);
    const token = process.env.GITHUB_TOKEN || process.env.GH_TOKEN;
    if (!token)
        throw new UsageError('GITHUB_TOKEN is not set (contents, pull requests, checks and deployments: read)');
    const apiUrl = process.env.GITHUB_API_URL || 'https://api.github.com';
    const serverUrl = process.env.GITHUB_SERVER_URL || 'https://github.com';
    const [{ createClient }, { evaluateRelease }, { ReleaseError }, { renderReleaseMarkdown, renderReleaseText, toReleaseJson }, { parseGateIdentity },] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(203), __webpack_require__.e(207), __webpack_require__.e(584)]).then(__webpack_require__.bind(__webpack_require__, 96584)),
        Promise.all(/* import() */[__webpack_require__.e(203), __webpack_require__.e(207), __webpack_require__.e(174), __webpack_require__.e(191), __webpack_require__.e(430)]).then(__webpack_require__.bind(__webpack_require__, 26430)),
        Promise.all(/* import() */[__webpack_require__.e(203), __webpack_require__.e(207), __webpack_require__.e(344)]).then(__webpack_require__.bind(__webpack_require__, 25344)),
        __webpack_require__.e(/* import() */ 383).then(__webpack_require__.bind(__webpack_require__, 91383)),
        Promise.all(/* import() */[__webpack_require__.e(203), __webpack_require__.e(207), __webpack_require__.e(673)]).then(__webpack_require__.bind(__webpack_require__, 18673)),
    ]);
    try {
        const e = await evaluateRelease({
            octokit: createClient({
                token,
                baseUrl: apiUrl,
                log: (m) => {
                    io.err(`pr-gate: ${m}\n`);
                },
            }),
            repo: { owner, repo },
            base: values.base,
            head: values.head,
            environment: values.environment,
            checkName: values['check-name'],
            gateIdentity: parseGateIdentity(values['gate-identity']),
            policyPath: values.policy,
            evidence: (0,_evidence_workspace_js__WEBPACK_IMPORTED_MODULE_8__/* .workspaceEvidence */ .$W)(io.cwd),
        });
        if (format === 'json')
            io.out(JSON.stringify(toReleaseJson(e), null, 2) + '\n');
        else if (format === 'markdown')
            io.out(renderReleaseMarkdown(e, { repoUrl: `${serverUrl}/${owner}/${repo}` }) + '\n');
        else
            io.out(renderReleaseText(e));
        return (0,_pipeline_decision_js__WEBPACK_IMPORTED_MODULE_2__/* .exitCode */ .I$)(e.verdict);
    }
    catch (err) {
        if (err instanceof ReleaseError) {
            io.err(`pr-gate: ${err.message}\n`);
            return 2;
        }
        throw err;
    }
}


/***/ }),

/***/ 87496:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ renderText)
/* harmony export */ });
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14031);
/* harmony import */ var _waiver_audit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15946);


const ICON = { pass: 'PASS', notice: 'PASS', warn: 'WARN', fail: 'FAIL', error: 'ERROR', off: 'off', waived: 'WAIVED' };
/** Untrusted text for a terminal: ESC and every other C0/C1 control, and bidi controls, shown as `\uXXXX`. */
function clean(s) {
    return (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .visibleControls */ .xx)(s);
}
function renderText(v) {
    const out = [`quality gate: ${v.conclusion.toUpperCase()} \u2014 ${clean(v.title)}`, `policy: ${clean(v.policySource)}`, ''];
    for (const n of v.notes) {
        out.push(`${n.level}: ${clean(n.message)}`);
        if (n.detail)
            for (const d of n.detail.split('\n'))
                out.push(`  ${clean(d)}`);
    }
    if (v.notes.length)
        out.push('');
    for (const r of v.results) {
        // A pass with nothing to check is not a pass: say which it was.
        const quiet = r.status === 'pass' || r.status === 'notice';
        const word = quiet && r.applicability === 'not-applicable' ? 'N/A' : quiet && r.applicability === 'no-evidence' ? 'NO EVIDENCE' : ICON[r.status];
        out.push(`${word.padEnd(6)} ${r.id}${r.summary ? ` \u2014 ${clean(r.summary)}` : ''}`);
        if (r.waiver)
            out.push(`       ${clean((0,_waiver_audit_js__WEBPACK_IMPORTED_MODULE_1__/* .waiverText */ .Eu)(r.waiver))}`);
        for (const f of r.findings) {
            const where = f.path ? `${clean(f.path)}${f.line ? `:${f.line}` : ''}: ` : '';
            const lvl = f.kind === 'error' ? 'error' : f.kind === 'info' ? 'info' : (f.level ?? r.level);
            out.push(`       [${lvl}] ${where}${f.code ? `(${f.code}) ` : ''}${clean(f.message)}`);
            if (f.hint)
                out.push(`         fix: ${clean(f.hint)}`);
        }
    }
    return out.join('\n') + '\n';
}


/***/ })

};
