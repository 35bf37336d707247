import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 27485:
/***/ (function(__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Lo: () => (/* binding */ COMMANDS),
/* harmony export */   PZ: () => (/* binding */ isHelpOrVersion),
/* harmony export */   T3: () => (/* binding */ commandUsage),
/* harmony export */   Tl: () => (/* binding */ packageVersion),
/* harmony export */   u_: () => (/* binding */ USAGE)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_2__);
/**
 * The CLI's usage text and version, in a module of their own: `--help`, `<command> --help` and
 * `--version` are answered from here by src/main.ts without evaluating the rest of the CLI (issue 15
 * item 5: start-up).
 */



const COMMANDS = ['check', 'validate', 'explain', 'serve', 'queue', 'release', 'report', 'schema', 'help'];
const USAGE = `pr-gate \u2014 hold a change to the team's engineering standards

Usage:
  pr-gate check [--base REF] [--head REF] [--committed] [--policy FILE] [--format text|markdown|json]
                [--body TEXT|-] [--label NAME]...
      Evaluate the diff between base and head of the git checkout in the current directory. Base (default):
      the merge base with the default branch as git knows it (origin/HEAD, the upstream of the current
      branch, init.defaultBranch, then main, master, trunk); the output says which. Head (default): HEAD
      plus the uncommitted changes (staged, unstaged and untracked files); --committed checks commits
      only, and so does an explicit --head. --body - reads the PR description from standard input.
      Policy: --policy FILE from disk, else .github/quality-gate.yml at the base ref, else the embedded
      default policy.
  pr-gate validate [FILE] [--offline [SPEC=]ORGFILE]...
      Validate a policy file (default .github/quality-gate.yml) with its extends chain. A github: extends
      (org policy) is read through the API with GITHUB_TOKEN or GH_TOKEN (GITHUB_API_URL); --offline
      ORGFILE stands in for the github: files the policy extends directly, --offline
      github:OWNER/REPO/PATH@REF=ORGFILE for one of them (repeatable). Keys that loosen an org floor
      (locked) are reported (exit 2): the gate would enforce the org value.
  pr-gate explain [RULE|DANGER]  List the rules, show one rule's options and defaults, or one migration
                                 danger (e.g. create-index-non-concurrent): lock, why, safe recipe.
  pr-gate schema                 Print the policy JSON Schema (policies/schema.json).
  pr-gate release --repo OWNER/NAME --head REF [--base REF|auto] [--environment ENV] [--check-name NAME]
                  [--gate-identity LIST] [--policy PATH] [--format text|markdown|json]
      Is this release safe to deploy? The pull requests merged between base (default auto: the latest
      successful deployment to --environment) and head, their gate results, and the release diff, through
      the GitHub API (GITHUB_TOKEN, GITHUB_API_URL). Only gate results published by --gate-identity count
      (default github-actions: App slugs, App ids, user:LOGIN). See docs/release.md.
  pr-gate report [--since 90d|12w|DATE] [--from DATE] [--to DATE] [--branch REF] [--policy FILE]
                 [--threshold LINES] [--alerts FILE] [--fail-on-trend] [--format text|json|csv|markdown] [--svg DIR]
      Team trends over a window (default the last 90 days): the pull requests merged on the default
      branch (merge and squash commits), each evaluated by the gate against its first parent; per ISO
      week and over the window: PR size (median, p90, share over 300 lines), critical areas with tests,
      migration dangers, runbook opt-outs, vulnerability fix SLA (--alerts: Dependabot alerts JSON),
      gate conclusions, the rules that fail most. --svg DIR also writes the charts as SVG files.
      --fail-on-trend exits 1 when a trend breaches the policy's report.fail_on_trend.
      --source api [--repo OWNER/NAME]... [--org ORG] [--check-name NAME] [--gate-identity SPEC]: the merged
      pull requests through the GitHub API (GITHUB_TOKEN, GITHUB_API_URL), each with the record its gate
      check run holds (or its own additions/deletions without one); --alerts api reads the Dependabot
      alerts through the API too. See docs/report.md.
  pr-gate serve                  Run the GitHub App's webhook server. Settings from the environment:
      PORT, WEBHOOK_SECRET, APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, GITHUB_API_URL, REDIS_URL (see docs/app.md).
  pr-gate queue failed [--json] | pr-gate queue replay ID... | pr-gate queue replay --all
      The App's durable queue (REDIS_URL): list the deliveries that failed every try, or put them back
      in the queue for a fresh set of tries.
  pr-gate help, pr-gate --help, pr-gate <command> --help
  pr-gate --version

Exit codes: 0 gate passed (success or neutral), 1 gate failed, 2 usage or configuration error.
`;
/** The usage of one command: its lines of USAGE. */
function commandUsage(cmd) {
    const lines = USAGE.split('\n');
    const start = lines.findIndex((l) => l.startsWith(`  pr-gate ${cmd} `) || l === `  pr-gate ${cmd}`);
    if (start < 0)
        return undefined;
    let end = start + 1;
    while (end < lines.length && /^ {6,}\S/.test(lines[end]))
        end++;
    const exit = lines.find((l) => l.startsWith('Exit codes'));
    return `Usage:\n${lines.slice(start, end).join('\n')}\n\n${exit ?? ''}\n`;
}
/** The version of the package the bundle belongs to (the nearest package.json that names one). */
function packageVersion() {
    let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(import.meta.url));
    for (;;) {
        try {
            const pkg = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'package.json'), 'utf8'));
            if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string')
                return pkg.version;
        }
        catch {
            // no package.json here (or not JSON): look further up
        }
        const up = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir);
        if (up === dir)
            return 'unknown';
        dir = up;
    }
}
/**
 * The invocations src/main.ts answers from this module alone, without loading the CLI: no command,
 * `help`, `--help`, `-h`, `<command> --help`, `--version`. `main` (src/cli/main.ts) answers them the same way.
 */
function isHelpOrVersion(args) {
    const cmd = args.at(0);
    const rest = args.slice(1);
    if (cmd === undefined)
        return true;
    if (cmd === '--version' || cmd === '-V' || cmd === 'version')
        return true;
    if (cmd === 'help' || cmd === '--help' || cmd === '-h')
        return true;
    return COMMANDS.includes(cmd) && (rest.includes('--help') || rest.includes('-h'));
}


/***/ }),

/***/ 83916:
/***/ (function(__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C5: () => (/* binding */ plainMessage),
/* harmony export */   C8: () => (/* binding */ callOf),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   cl: () => (/* binding */ registerSecret),
/* harmony export */   d7: () => (/* binding */ isApiError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   gg: () => (/* binding */ describeApiError)
/* harmony export */ });
/* unused harmony export redactSecrets */
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(14031);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8301);
/**
 * One way to turn anything thrown into a one-line message: Error, string, API errors (naming the call,
 * never the token), or any other value. Used by every face, so no stack trace ever reaches a user.
 *
 * Tokens are redacted twice over, because an upstream (a proxy, GitHub Enterprise behind one) may echo
 * the request's Authorization header into an error body that ends up in a public comment:
 * - the token values in use, registered where each client is made (`registerSecret`: the Action's or
 *   CLI's token, every App installation token, the App's JWT), whole or in part (any run of 8 or more
 *   token characters that occurs in one of them);
 * - every token shape, known or not: `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_`/`github_pat_` (even the bare
 *   prefix), `v1.` + 40 hex (old installation tokens), JWTs (`eyJ\u2026`), and any credential-looking value
 *   after `token`, `bearer`, `basic` or `Authorization:` (a bare 40-hex classic token). A bare 40-hex
 *   elsewhere is a commit SHA and stays.
 */


const REDACTED = '***';
const MAX_SECRETS = 1000;
const secrets = new Set();
/** Remembers a token value so that it, and any part of it, is redacted from every message. */
function registerSecret(value) {
    if (!value || value.length < 8)
        return;
    secrets.delete(value); // re-inserted: most recent last, the oldest is evicted first
    secrets.add(value);
    if (secrets.size > MAX_SECRETS) {
        const oldest = secrets.values().next().value;
        if (oldest !== undefined)
            secrets.delete(oldest);
    }
}
const SHAPES = [
    /(?:gh[pousr]_|github_pat_)[A-Za-z0-9_]*/g,
    /v1\.[0-9a-f]{40}/gi,
    /eyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*){0,2}/g,
];
/** A credential after its scheme or header name; group 1 (the name) is kept. */
const AFTER_KEYWORD = /(\b(?:authorization|token|bearer|basic)\b["']?\s*[:=]?\s*(?:(?:token|bearer|basic)\s+)?)[A-Za-z0-9_\-.~+/]{16,}=*/gi;
const TOKEN_RUN = /[A-Za-z0-9_\-.]{8,}/g;
/** `text` with every registered token (whole or in part) and every token shape replaced by `***`. */
function redactSecrets(text) {
    let s = text;
    for (const secret of secrets)
        if (s.includes(secret))
            s = s.split(secret).join(REDACTED);
    if (secrets.size)
        s = s.replace(TOKEN_RUN, (run) => (isPartOfSecret(run) ? REDACTED : run));
    for (const shape of SHAPES)
        s = s.replace(shape, REDACTED);
    return s.replace(AFTER_KEYWORD, (_m, keyword) => keyword + REDACTED);
}
function isPartOfSecret(run) {
    for (const secret of secrets)
        if (secret.includes(run))
            return true;
    // A run that holds a part at its edge (`x-tail:abcd1234\u2026`): any 8-character window of it.
    if (run.length > 8 && run.length <= 200)
        for (let i = 0; i + 8 <= run.length; i++)
            for (const secret of secrets)
                if (secret.includes(run.slice(i, i + 8)))
                    return true;
    return false;
}
/** The API call an Octokit error belongs to, e.g. "GET /repos/o/r/pulls/7/files", when it carries one. */
function callOf(e) {
    const req = e?.request;
    if (!req || typeof req.method !== 'string' || typeof req.url !== 'string')
        return undefined;
    let path = req.url;
    try {
        const u = new URL(req.url);
        path = u.pathname + u.search;
    }
    catch {
        /* keep the raw url */
    }
    return `${req.method} ${path}`;
}
function statusOf(e) {
    const s = e?.status;
    return typeof s === 'number' ? s : undefined;
}
function rawMessage(e) {
    if (e instanceof Error)
        return e.message || e.name;
    if (typeof e === 'string')
        return e;
    try {
        return (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .stringify */ .As)(e) ?? String(e); // JSON.stringify gives undefined for undefined, a function, a symbol
    }
    catch {
        return String(e);
    }
}
/** The first line of what was thrown, tokens redacted and controls made visible, without naming the call. */
function plainMessage(e) {
    return (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .visibleControls */ .xx)(redactSecrets(rawMessage(e).split('\n')[0] ?? ''));
}
function errorMessage(e) {
    const text = plainMessage(e);
    const call = callOf(e);
    if (!call)
        return text;
    const status = statusOf(e);
    return `${call} failed${status ? ` (HTTP ${status})` : ''}: ${text}`;
}
/** A failure of an API call, named by what it was for: "sticky comment: POST /repos/\u2026 failed (HTTP 403): \u2026". */
function describeApiError(purpose, e) {
    return `${purpose}: ${errorMessage(e)}`;
}
/** True for errors that come from an API call (Octokit RequestError, including network failures). */
function isApiError(e) {
    return callOf(e) !== undefined;
}


/***/ }),

/***/ 8301:
/***/ (function(__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   As: () => (/* binding */ stringify),
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   WL: () => (/* binding */ obj),
/* harmony export */   at: () => (/* binding */ at),
/* harmony export */   b6: () => (/* binding */ textOf),
/* harmony export */   bu: () => (/* binding */ num),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   p_: () => (/* binding */ list)
/* harmony export */ });
/** `v` is a JSON object: not null, not an array. */
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function obj(v) {
    return isObject(v) ? v : undefined;
}
/** Follows a path of keys through nested objects. */
function at(v, ...path) {
    let cur = v;
    for (const k of path)
        cur = obj(cur)?.[k];
    return cur;
}
function str(v) {
    return typeof v === 'string' ? v : undefined;
}
function num(v) {
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
function list(v) {
    return Array.isArray(v) ? v : [];
}
/**
 * JSON.stringify, typed as it behaves: undefined for undefined, a function or a symbol (the standard
 * library's type says `string`).
 */
function stringify(v) {
    return JSON.stringify(v);
}
/**
 * A value read from outside, as text: `fallback` for null or undefined, a string as it is, a number or a
 * boolean as String() writes it, anything else (an object, a list) as its JSON \u2014 never "[object Object]".
 */
function textOf(v, fallback = '') {
    if (v === null || v === undefined)
        return fallback;
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint')
        return String(v);
    return stringify(v) ?? fallback;
}


/***/ }),

/***/ 41730:
/***/ (function(module, __unused_webpack___webpack_exports__, __nccwpck_require__) {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(98995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_module__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(83916);
/* harmony import */ var _cli_usage_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(27485);
/**
 * Entry of the bundle (dist/index.js): with a subcommand it is the `pr-gate` CLI; without one, inside
 * GitHub Actions, it is the Action.
 */


// The usage text and version only (a small module): `--help` and `--version` need nothing else.

// A library that fails in the background (e.g. a wasm that cannot load) must not crash the gate with a
// stack trace: say what happened in one line; the rule that needed it reports itself as not evaluated.
process.on('unhandledRejection', (e) => {
    process.stderr.write(`pr-quality-gate: background error: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e).split('\n')[0]}\n`);
});
const args = process.argv.slice(2);
// Each face is loaded only when it runs (issue 15 item 5): the Action never evaluates the CLI's modules
// (the App server, release mode, the schema printer), and the CLI never evaluates the Action's.
if (args.length === 0 && process.env.GITHUB_ACTIONS === 'true') {
    // The head start first (the inputs, the client, the PR's file list under way), then the rest of the
    // Action, loaded while GitHub answers (src/action/head-start.ts).
    const head = await (await Promise.all(/* import() */[__nccwpck_require__.e(203), __nccwpck_require__.e(207), __nccwpck_require__.e(421), __nccwpck_require__.e(174), __nccwpck_require__.e(131)]).then(__nccwpck_require__.bind(__nccwpck_require__, 22131))).headStart();
    const { run } = await Promise.all(/* import() */[__nccwpck_require__.e(203), __nccwpck_require__.e(207), __nccwpck_require__.e(66), __nccwpck_require__.e(421), __nccwpck_require__.e(174), __nccwpck_require__.e(191), __nccwpck_require__.e(427), __nccwpck_require__.e(81), __nccwpck_require__.e(816)]).then(__nccwpck_require__.bind(__nccwpck_require__, 88816));
    await run(head);
}
else if ((0,_cli_usage_js__WEBPACK_IMPORTED_MODULE_2__/* .isHelpOrVersion */ .PZ)(args)) {
    // `--help`, `<command> --help`, `--version`: printed from the usage module alone (issue 15 item 5), the
    // same text the CLI prints; a reader that goes away (`| head`) ends the output quietly.
    process.stdout.on('error', () => undefined);
    const cmd = args.at(0); // none: no command
    const rest = args.slice(1);
    if (cmd === '--version' || cmd === '-V' || cmd === 'version')
        process.stdout.write(`pr-gate ${(0,_cli_usage_js__WEBPACK_IMPORTED_MODULE_2__/* .packageVersion */ .Tl)()}\n`);
    else if (cmd !== undefined && _cli_usage_js__WEBPACK_IMPORTED_MODULE_2__/* .COMMANDS */ .Lo.includes(cmd) && (rest.includes('--help') || rest.includes('-h')))
        process.stdout.write((0,_cli_usage_js__WEBPACK_IMPORTED_MODULE_2__/* .commandUsage */ .T3)(cmd) ?? _cli_usage_js__WEBPACK_IMPORTED_MODULE_2__/* .USAGE */ .u_);
    else {
        process.stdout.write(_cli_usage_js__WEBPACK_IMPORTED_MODULE_2__/* .USAGE */ .u_);
        if (cmd === undefined)
            process.exitCode = 2; // no command: usage, as a usage error
    }
}
else {
    // Node 22.1+: V8's compile cache (in the OS temp dir, or NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE
    // turns it off) for the CLI, which runs again and again on one machine: a warm run skips compiling the
    // bundle's chunks (measured on Node 24 here: ~6 % of a small `check`). Not for the Action: a hosted
    // runner starts each job empty, where the cache would only cost its writing (~10 %, measured the same way).
    ;
    node_module__WEBPACK_IMPORTED_MODULE_0___default().enableCompileCache?.();
    const { main } = await Promise.all(/* import() */[__nccwpck_require__.e(66), __nccwpck_require__.e(427), __nccwpck_require__.e(92), __nccwpck_require__.e(957)]).then(__nccwpck_require__.bind(__nccwpck_require__, 12957));
    process.exitCode = await main(args);
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 14031:
/***/ (function(__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ES: () => (/* binding */ wellFormed),
/* harmony export */   Jp: () => (/* binding */ renderRich),
/* harmony export */   O0: () => (/* binding */ encodePath),
/* harmony export */   X1: () => (/* binding */ escapeText),
/* harmony export */   o3: () => (/* binding */ safeLink),
/* harmony export */   xx: () => (/* binding */ visibleControls)
/* harmony export */ });
/* unused harmony export quoteBlock */
/**
 * Escaping of untrusted text (file names, PR body, scanner messages, SQL identifiers) for GitHub Markdown:
 * no HTML injection, no Markdown structure (links, tables, code breakouts), no @mentions or #references
 * that would notify people or cross-link issues, no invisible characters that change what a reader sees.
 */
const ZWSP = '&#8203;';
/**
 * Characters that must never reach a reader as they are: C0 and C1 control characters (ESC starts a
 * terminal escape sequence), the Unicode bidirectional controls (U+202A\u2013U+202E, U+2066\u2013U+2069, U+200E,
 * U+200F, U+061C: a file name that reads differently from what it is) and the line/paragraph separators.
 * Tab and newline are left to each caller (a terminal keeps them, Markdown turns a newline into a space).
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** `\u202E` for U+202E: the visible escape a reader sees instead of the character itself. */
function visibleEscape(c) {
    return '\\u' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
}
/**
 * Untrusted text for a terminal or any plain-text surface (the CLI's output, logs): every control and
 * bidi character above becomes its visible `\uXXXX` escape; newlines and tabs are kept.
 */
function visibleControls(input) {
    return input.replace(INVISIBLE, visibleEscape);
}
/**
 * References GitHub turns into cross-references (a "mentioned this" event on the other issue or pull
 * request, even in another repository) when the bot posts them: an issue, pull request or discussion
 * URL (any host: GitHub Enterprise too; with or without a scheme, `www.` is autolinked as well), and
 * `owner/repo#N`. They are wrapped in a code span: GitHub links neither URLs nor references inside code
 * (the text of a code span is literal), and the reader sees exactly the characters that were written.
 * Not chosen: a zero-width character inside the reference (invisible: what is read is not what is
 * there), nor `&#47;` entities (GitHub's reference and autolink filters run on the rendered text, where
 * the entity is a slash again). The characters that would end or break a code span (backtick, pipe,
 * backslash, angle brackets, controls) end the match, so they are escaped as ordinary text.
 */
const REF_CHAR = '[^\\s<>`|\\\\' + INVISIBLE.source.slice(1);
const CROSS_REFERENCE = new RegExp(`(?:https?:\\/\\/|(?<![\\w.-])www\\.)${REF_CHAR}+|(?<![\\w./-])[A-Za-z0-9][A-Za-z0-9-]*\\/[\\w.-]+#\\d+(?!\\w)`, 'gi');
const ISSUE_PATH = /\/[^/]+\/[^/]+\/(?:issues|pull|pulls|discussions)\/\d+/i;
/** Escapes one line of plain text for inline use (paragraphs and table cells). */
function escapeText(input, max = 2000) {
    let s = input.length > max ? input.slice(0, max) + '\u2026' : input;
    s = s.replace(/\r?\n|\r/g, ' ');
    let out = '';
    let last = 0;
    for (const m of s.matchAll(CROSS_REFERENCE)) {
        // Trailing punctuation is the sentence's, not the URL's (GitHub's autolink leaves it out too).
        const ref = m[0].replace(/[).,;:!?'"*_~\]]+$/, '');
        if (/^(?:https?:|www\.)/i.test(ref) && !ISSUE_PATH.test(ref))
            continue; // an ordinary URL: escaped as text below
        out += escapePlain(s.slice(last, m.index)) + '`' + ref + '`';
        last = m.index + ref.length;
    }
    return out + escapePlain(s.slice(last));
}
function escapePlain(input) {
    let s = input.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    s = s.replace(/[\\`*_[\]()|~!{}]/g, (c) => '\\' + c);
    // One pass for both, so the entity inserted for one is never rewritten by the other.
    s = s.replace(/[@#](?=[A-Za-z0-9_-])/g, (c, offset, all) => (c === '#' && !/\d/.test(all[offset + 1]) ? c : c + ZWSP));
    // Last, so the backslash of the visible escape is not itself escaped (`\u` is literal in Markdown).
    return visibleControls(s);
}
/**
 * Rule-authored text that may carry `code` spans around interpolated, untrusted values: every segment is
 * escaped; code segments become <code> elements (no backtick can break out of them).
 */
function renderRich(input, max = 4000) {
    const text = input.length > max ? input.slice(0, max) + '\u2026' : input;
    return text
        .split('`')
        .map((seg, i) => (i % 2 === 1 ? `<code>${escapeText(seg, max)}</code>` : escapeText(seg, max)))
        .join('');
}
/** Encodes a repository path for a URL (each segment). */
function encodePath(path) {
    // encodeURIComponent throws URIError on a lone surrogate (possible in a path or ref from JSON): use U+FFFD.
    return wellFormed(path).split('/').map(encodeURIComponent).join('/');
}
/** The string with every unpaired UTF-16 surrogate replaced by U+FFFD (String#toWellFormed, ES2024). */
function wellFormed(s) {
    return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
/** Quotes multi-line untrusted text (e.g. a PR-body opt-out) as a Markdown blockquote, escaped. */
function quoteBlock(text, maxLines = 10) {
    const lines = text.split(/\r?\n/).slice(0, maxLines);
    return lines.map((l) => '> ' + escapeText(l, 500)).join('\n');
}
/**
 * A URL from untrusted input (a SARIF rule's helpUri) that may be a Markdown link target: http(s) only,
 * without characters that could end the link or start markup (spaces, quotes, angle brackets, parentheses,
 * backticks, backslashes, controls), and not an issue / pull request / discussion URL (GitHub would turn the
 * bot's link into a cross-reference event on it). Anything else: undefined (the text is shown unlinked).
 */
function safeLink(url) {
    if (url.length > 2000 || !/^https?:\/\/[^\s"'<>()`\\|[\]{}]+$/i.test(url))
        return undefined;
    if (new RegExp(INVISIBLE.source).test(url))
        return undefined;
    if (ISSUE_PATH.test(url))
        return undefined;
    return url;
}


/***/ }),

/***/ 42613:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 35317:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 49140:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("constants");

/***/ }),

/***/ 76982:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 72250:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 24434:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 91943:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 58611:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 65692:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 73339:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");

/***/ }),

/***/ 69278:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 31421:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 37540:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 98995:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 77030:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 41792:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 57075:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 41692:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 78877:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");

/***/ }),

/***/ 75919:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 53557:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 64756:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 43106:
/***/ (function(module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(41730);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
