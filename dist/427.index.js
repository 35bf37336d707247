export const id = 427;
export const ids = [427];
export const modules = {

/***/ 9393:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   zj: () => (/* binding */ markExclusions)
/* harmony export */ });
/* unused harmony exports BUILTIN_EXCLUSIONS, parseGitattributes, attributesFor, exclusionFor */
/* harmony import */ var _glob_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82236);

const BUILTIN_EXCLUSIONS = [
    // lock files: npm, yarn, pnpm, bun, bundler, poetry, pipenv, uv, cargo, go, composer, mix, gradle, nuget, swift
    ...[
        'package-lock.json',
        'npm-shrinkwrap.json',
        'yarn.lock',
        'pnpm-lock.yaml',
        'bun.lockb',
        'bun.lock',
        'Gemfile.lock',
        'poetry.lock',
        'Pipfile.lock',
        'uv.lock',
        'Cargo.lock',
        'go.sum',
        'composer.lock',
        'mix.lock',
        'gradle.lockfile',
        'packages.lock.json',
        'Package.resolved',
        'flake.lock',
    ].map((f) => ({ glob: `**/${f}`, reason: 'lockfile' })),
    { glob: '**/dist/**', reason: 'generated' },
    { glob: '**/*.pb.go', reason: 'generated' },
    { glob: '**/*_pb2.py', reason: 'generated' },
    { glob: '**/*.generated.*', reason: 'generated' },
    { glob: '**/vendor/**', reason: 'vendored' },
    { glob: '**/node_modules/**', reason: 'vendored' },
    { glob: '**/third_party/**', reason: 'vendored' },
    { glob: '**/*.min.*', reason: 'minified' },
    { glob: '**/*.map', reason: 'minified' },
    { glob: '**/__snapshots__/**', reason: 'snapshot' },
    { glob: '**/*.snap', reason: 'snapshot' },
];
/** Parses .gitattributes into ordered rules (later lines win, as in git). */
function parseGitattributes(text) {
    const rules = [];
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (!line || line.startsWith('#') || line.startsWith('[attr]'))
            continue;
        const parts = line.split(/\s+/);
        const pattern = parts[0];
        const attrs = new Map();
        for (const a of parts.slice(1)) {
            if (a.startsWith('-'))
                attrs.set(a.slice(1), false);
            else if (a.startsWith('!'))
                attrs.delete(a.slice(1));
            else if (a.includes('=')) {
                const [k, v] = a.split('=', 2);
                attrs.set(k, v === 'false' ? false : v === 'true' ? true : v);
            }
            else
                attrs.set(a, true);
        }
        if (attrs.has('binary'))
            attrs.set('diff', false);
        rules.push({ pattern, attrs });
    }
    return rules;
}
function attrMatches(pattern, path) {
    let p = pattern;
    const anchored = p.startsWith('/') || p.slice(0, -1).includes('/');
    if (p.startsWith('/'))
        p = p.slice(1);
    if (p.endsWith('/'))
        p = p + '**';
    // git's wildmatch has no brace expansion: `{a,b}` in .gitattributes is literal. A line over the glob
    // length cap matches nothing.
    try {
        return (0,_glob_js__WEBPACK_IMPORTED_MODULE_0__/* .globMatch */ .eu)(path, p, { matchBase: !anchored, nobrace: true });
    }
    catch (e) {
        if (e instanceof _glob_js__WEBPACK_IMPORTED_MODULE_0__/* .GlobError */ .pZ)
            return false;
        throw e;
    }
}
/** The attributes that apply to `path` (last matching line wins per attribute). */
function attributesFor(rules, path) {
    const out = new Map();
    for (const r of rules)
        if (attrMatches(r.pattern, path))
            for (const [k, v] of r.attrs)
                out.set(k, v);
    return out;
}
let builtins;
/** The built-in exclusions, compiled once per process (they are ours: no policy budget to spend on them). */
function builtinMatchers() {
    builtins ??= BUILTIN_EXCLUSIONS.map((b) => ({ matcher: (0,_glob_js__WEBPACK_IMPORTED_MODULE_0__/* .compiledGlob */ .A7)(b.glob), reason: b.reason }));
    return builtins;
}
/** Decides the exclusion of one path: .gitattributes overrides the built-ins both ways. */
function exclusionFor(path, attrRules) {
    const attrs = attributesFor(attrRules, path);
    if (attrs.get('linguist-generated') === true)
        return 'generated';
    if (attrs.get('linguist-vendored') === true)
        return 'vendored';
    if (attrs.get('diff') === false)
        return 'no-diff';
    const builtin = builtinMatchers().find((b) => (0,_glob_js__WEBPACK_IMPORTED_MODULE_0__/* .quickMatch */ .RM)(b.matcher, path));
    if (builtin) {
        // `linguist-generated=false` / `linguist-vendored=false` opt a path back in.
        if (builtin.reason === 'vendored' && attrs.get('linguist-vendored') === false)
            return undefined;
        if (builtin.reason !== 'vendored' && attrs.get('linguist-generated') === false)
            return undefined;
        return builtin.reason;
    }
    return undefined;
}
/** Sets `excluded` on every file (in place) and returns the files. */
function markExclusions(files, gitattributes) {
    const rules = gitattributes ? parseGitattributes(gitattributes) : [];
    for (const f of files) {
        const reason = exclusionFor(f.path, rules);
        if (reason)
            f.excluded = reason;
        else
            delete f.excluded;
    }
    return files;
}


/***/ }),

/***/ 82236:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A7: () => (/* binding */ compiledGlob),
/* harmony export */   AI: () => (/* binding */ globProblem),
/* harmony export */   R4: () => (/* binding */ filterPaths),
/* harmony export */   RM: () => (/* binding */ quickMatch),
/* harmony export */   _I: () => (/* binding */ matchesAny),
/* harmony export */   eu: () => (/* binding */ globMatch),
/* harmony export */   gu: () => (/* binding */ GLOB_OPTIONS),
/* harmony export */   pZ: () => (/* binding */ GlobError)
/* harmony export */ });
/* unused harmony exports MAX_GLOB_ALTERNATIVES, MAX_GLOB_LENGTH, requiredLiterals */
/* harmony import */ var minimatch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91138);
/* harmony import */ var _sinclair_typebox__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(53646);
/* harmony import */ var _policy_budget_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(41213);



/** One set of minimatch options for every glob in the project: dotfiles match, paths are POSIX. */
const GLOB_OPTIONS = { dot: true, nocomment: true, nonegate: false };
/** Most alternatives one glob may expand to (`{a,b}` is 2, `{a,b}{c,d}` is 4). */
const MAX_GLOB_ALTERNATIVES = 256;
/** Longest glob accepted (characters). */
const MAX_GLOB_LENGTH = 1000;
/** Why `glob` is not acceptable (too long, or expanding to too many alternatives), or undefined. */
function globProblem(glob) {
    if (glob.length > MAX_GLOB_LENGTH)
        return { message: `glob longer than ${MAX_GLOB_LENGTH} characters (${glob.length})` };
    if (!glob.includes('{'))
        return undefined;
    // Expands at most one alternative past the cap: the cost of the check is bounded by the cap.
    const n = (0,minimatch__WEBPACK_IMPORTED_MODULE_0__/* .braceExpand */ .KA)(glob, { ...GLOB_OPTIONS, braceExpandMax: MAX_GLOB_ALTERNATIVES + 1 }).length;
    if (n > MAX_GLOB_ALTERNATIVES)
        return {
            message: `glob expands to more than ${MAX_GLOB_ALTERNATIVES} alternatives (brace expansion \`{a,b}\` multiplies)`,
            offset: glob.indexOf('{'),
        };
    return undefined;
}
// `format: "glob"` in an option schema: TypeBox's own checks (Value.Check) agree with policy validation.
if (!_sinclair_typebox__WEBPACK_IMPORTED_MODULE_2__/* .Has */ .ru('glob'))
    _sinclair_typebox__WEBPACK_IMPORTED_MODULE_2__/* .Set */ .NZ('glob', (v) => globProblem(v) === undefined);
class GlobError extends Error {
    glob;
    constructor(glob, problem) {
        super(`invalid glob ${JSON.stringify(glob.length > 60 ? glob.slice(0, 60) + '\u2026' : glob)}: ${problem.message}`);
        this.glob = glob;
        this.name = 'GlobError';
    }
}
const cache = new Map();
const CACHE_MAX = 5000;
/**
 * The compiled matcher of `glob` with `options` (on top of GLOB_OPTIONS), built once per run and reused
 * for every path: building one costs far more than matching with it. A glob over the caps throws
 * GlobError (the rule using it is then not evaluated, never passed).
 */
function compiledGlob(glob, options = {}) {
    const key = `${options.matchBase ? 'b' : '-'}${options.nobrace ? 'n' : '-'}${glob}`;
    let m = cache.get(key);
    if (!m) {
        (0,_policy_budget_js__WEBPACK_IMPORTED_MODULE_1__/* .spend */ .Rf)();
        const problem = options.nobrace ? (glob.length > MAX_GLOB_LENGTH ? globProblem(glob) : undefined) : globProblem(glob);
        m = problem ? new GlobError(glob, problem) : new minimatch__WEBPACK_IMPORTED_MODULE_0__/* .Minimatch */ .VR(glob, { ...GLOB_OPTIONS, ...options });
        if (cache.size >= CACHE_MAX)
            cache.clear();
        cache.set(key, m);
    }
    if (m instanceof GlobError)
        throw m;
    return m;
}
/** `minimatch(path, glob, options)` through the compiled-glob cache. */
function globMatch(path, glob, options = {}) {
    const m = compiledGlob(glob, options);
    (0,_policy_budget_js__WEBPACK_IMPORTED_MODULE_1__/* .spend */ .Rf)();
    return quickMatch(m, path);
}
/**
 * For each alternative of a glob (after brace expansion), a literal that every path it matches contains,
 * or null when some alternative has none (`*`, `**`, `[abc]`) or the glob is negated. Most changed
 * paths contain none of a policy glob's literals (`src/a.ts` and `docs/runbooks/\u2026`), and
 * `path.includes` rejects them at a fraction of the cost of minimatch's segment-by-segment match: on a
 * 300-file PR, matching was the largest part of the gate's own work.
 */
const literals = new WeakMap();
function requiredLiterals(m) {
    let known = literals.get(m);
    if (known === undefined) {
        known = m.negate ? null : literalsOfPattern(m.pattern, m.options);
        literals.set(m, known);
    }
    return known;
}
/**
 * `requiredLiterals` from the glob's text and options, without compiling it: one literal per alternative of
 * its brace expansion as written (minimatch folds a last segment's braces into an extglob), or null. A
 * leading `!` (negation) gives null.
 */
function literalsOfPattern(pattern, options) {
    if (pattern === '' || pattern.startsWith('!') || options.nocase === true)
        return null;
    const alternatives = options.nobrace === true ? [pattern] : (0,minimatch__WEBPACK_IMPORTED_MODULE_0__/* .braceExpand */ .KA)(pattern, { ...GLOB_OPTIONS, ...options, braceExpandMax: MAX_GLOB_ALTERNATIVES + 1 });
    const each = [];
    for (const alt of alternatives)
        for (const one of expandOneOf(alt)) {
            const literal = longestLiteral(one.split('/'));
            if (literal === undefined)
                return null;
            each.push(literal);
        }
    return each;
}
/** One alternative of `@(\u2026)` that is plain text (nothing minimatch reads as a pattern). */
const PLAIN_TEXT = /^[^*?[\]{}()!+@\\|/]*$/;
/**
 * `alt` with each exactly-one-of extglob of plain alternatives written out: `*.@(yml|yaml)` is `*.yml` or
 * `*.yaml`, so each gets its own literal (`.yml`, `.yaml`) where the group alone would give none. Only
 * groups that no other group holds, and only when every parenthesis opens or closes an extglob (no escape,
 * no parenthesis in a class or on its own), so each group is read as minimatch reads it; otherwise, or past
 * MAX_GLOB_ALTERNATIVES, `[alt]` as it is.
 */
function expandOneOf(alt) {
    if (!alt.includes('@(') || alt.includes('\\') || /\[[^\]]*[()]/.test(alt))
        return [alt];
    const outer = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < alt.length; i++) {
        if (alt[i] === '(') {
            if (!'?*+@!'.includes(alt[i - 1] ?? ''))
                return [alt];
            if (depth++ === 0)
                start = i - 1;
        }
        else if (alt[i] === ')') {
            if (depth === 0)
                return [alt];
            if (--depth === 0)
                outer.push([start, i]);
        }
    }
    if (depth !== 0)
        return [alt];
    let out = [''];
    let last = 0;
    for (const [from, to] of outer) {
        const choices = alt.slice(from + 2, to).split('|');
        if (alt[from] !== '@' || !choices.every((c) => PLAIN_TEXT.test(c)))
            continue;
        const before = alt.slice(last, from);
        out = out.flatMap((o) => choices.map((c) => o + before + c));
        if (out.length > MAX_GLOB_ALTERNATIVES)
            return [alt];
        last = to + 1;
    }
    return out.map((o) => o + alt.slice(last));
}
/**
 * The longest run of plain characters in one of the segments, or undefined. A segment matches a path part
 * only if the part contains each run of plain characters of the segment (`plainRuns`). Runs never contain
 * `/`, so the part's run is a substring of the whole path. A glob with a `.` or `..` segment has none:
 * minimatch may fold those away.
 */
function longestLiteral(segments) {
    let best = '';
    for (const segment of segments) {
        if (segment === '.' || segment === '..')
            return undefined;
        for (const run of plainRuns(segment))
            if (run.length > best.length)
                best = run;
    }
    return best === '' ? undefined : best;
}
/**
 * The runs of plain characters of a segment, each of which every part the segment matches contains: the
 * text between wildcards (`*`, `?`), classes (`[a-z]`, one character) and extglobs (`?(\u2026)`, `*(\u2026)`, `+(\u2026)`,
 * `@(\u2026)`, `!(\u2026)`; what they match is not read), up to the first thing read no further: a brace, an escape,
 * a class or an extglob that is not flat (it holds a bracket, a parenthesis or a brace, or starts with `]`),
 * or a `]`, `(`, `)`, `|`, `!`, `+`, `@` outside of them.
 */
function plainRuns(segment) {
    const runs = [];
    let run = '';
    const cut = () => {
        runs.push(run);
        run = '';
    };
    for (let i = 0; i < segment.length; i++) {
        const c = segment[i];
        const end = groupEnd(segment, i);
        if (end === null)
            break;
        if (end !== undefined) {
            cut();
            i = end;
        }
        else if (c === '*' || c === '?')
            cut();
        else if ('[](){}!+@\\|'.includes(c))
            break;
        else
            run += c;
    }
    runs.push(run);
    return runs;
}
/**
 * Where the class or extglob starting at `i` ends (the index of its `]` or `)`), undefined when none starts
 * there, null when one starts there that is not flat (read no further).
 */
function groupEnd(segment, i) {
    const c = segment[i];
    if (c === '[') {
        const from = segment[i + 1] === '!' || segment[i + 1] === '^' ? i + 2 : i + 1;
        const close = segment.indexOf(']', from);
        return close <= from || /[[()\\]/.test(segment.slice(from, close)) ? null : close;
    }
    if ('?*+@!'.includes(c) && segment[i + 1] === '(') {
        const close = segment.indexOf(')', i + 2);
        return close < 0 || /[()[\]{}\\]/.test(segment.slice(i + 2, close)) ? null : close;
    }
    return undefined;
}
/** `m.match(path)`, answered without matching when the path lacks every literal the glob requires. */
function quickMatch(m, path) {
    const required = requiredLiterals(m);
    if (required !== null && !required.some((l) => path.includes(l)))
        return false;
    (0,_policy_budget_js__WEBPACK_IMPORTED_MODULE_1__/* .spend */ .Rf)();
    return m.match(path);
}
/**
 * True when `path` matches any of the globs. As in .gitignore: a glob without a slash matches the file
 * name at any depth; a glob with a slash is relative to the root; a leading `./` or `/` anchors a
 * slash-less glob at the root (`./*.sarif` is only the root's SARIF files).
 */
function matchesAny(path, globs) {
    // Every call spends, even when every glob is rejected by its literals: a loop of glob work always
    // meets the policy budget (src/policy/budget.ts).
    (0,_policy_budget_js__WEBPACK_IMPORTED_MODULE_1__/* .spend */ .Rf)();
    const list = preparedList(globs);
    if (list.hasError) {
        for (const entry of list.entries) {
            if (entry.error)
                throw entry.error;
            if (entryMatches(entry, path))
                return true;
        }
        return false;
    }
    if (list.anyLiteral?.test(path) === true)
        for (const e of list.withLiterals)
            if (entryMatches(e, path))
                return true;
    for (const e of list.withoutLiterals)
        if (entryMatches(e, path))
            return true;
    return false;
}
function entryMatches(e, path) {
    if (e.literals !== null && !e.literals.some((l) => path.includes(l)))
        return false;
    e.matcher ??= compiledGlob(e.glob, e.options);
    (0,_policy_budget_js__WEBPACK_IMPORTED_MODULE_1__/* .spend */ .Rf)();
    return e.matcher.match(path);
}
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
function prepareGlob(raw) {
    const anchored = raw.startsWith('./') || raw.startsWith('/');
    const glob = anchored ? raw.replace(/^\.?\//, '') : raw;
    const options = { matchBase: !anchored && !glob.includes('/') };
    const problem = globProblem(glob);
    if (problem)
        return { raw, glob, options, error: new GlobError(glob, problem), literals: null };
    return { raw, glob, options, literals: literalsOfPattern(glob, options) };
}
/**
 * The prepared globs of a list, kept per list: a rule asks `matchesAny(path, sameList)` for every changed
 * file. A list changed in place since (same array, other strings) is prepared again.
 */
const prepared = new WeakMap();
function preparedList(globs) {
    const known = prepared.get(globs);
    if (known && known.entries.length === globs.length && known.entries.every((e, i) => e.raw === globs[i]))
        return known;
    (0,_policy_budget_js__WEBPACK_IMPORTED_MODULE_1__/* .spend */ .Rf)();
    const list = { entries: globs.map(prepareGlob), hasError: false, withLiterals: [], withoutLiterals: [], anyLiteral: null };
    const all = new Set();
    for (const e of list.entries) {
        if (e.error)
            list.hasError = true;
        else if (e.literals === null)
            list.withoutLiterals.push(e);
        else {
            list.withLiterals.push(e);
            for (const l of e.literals)
                all.add(l);
        }
    }
    if (all.size > 0)
        list.anyLiteral = new RegExp([...all].map(escapeRegExp).join('|'));
    prepared.set(globs, list);
    return list;
}
/** Files matching `include` and not `exclude`. */
function filterPaths(items, include, exclude = []) {
    return items.filter((i) => matchesAny(i.path, include) && !matchesAny(i.path, exclude));
}


/***/ }),

/***/ 29705:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $b: () => (/* binding */ findReasonedDeclaration),
/* harmony export */   gB: () => (/* binding */ visibleLines),
/* harmony export */   jS: () => (/* binding */ findDeclarations),
/* harmony export */   qx: () => (/* binding */ isPlaceholderReason)
/* harmony export */ });
/**
 * Declarations written in a pull request's description: lines such as `Runbook: not needed \u2014 only a log
 * message changed` or `Changelog: not needed - internal refactor`. Generic: any rule (or the waiver logic)
 * gives the phrase it looks for and, when it wants one, the minimum length of the reason.
 *
 * What counts as a declaration line:
 * - the phrase at the start of a line (case-insensitive, runs of whitespace equal), after optional Markdown
 *   decoration: quote `>`, list bullet `-`/`*`/`+`, task box `[x]`, emphasis `**`/`__`/`_`/`*`, backticks;
 * - followed by a separator (`\u2014`, `\u2013`, `-`, `:`, `=`) or whitespace, then the reason (the rest of the line,
 *   decoration stripped);
 * - NOT inside an HTML comment (`<!-- \u2026 -->`, where PR templates keep their examples) nor inside a fenced
 *   code block (```).
 * A reason that is still a template placeholder (`<reason>`, `\u2026`, `TODO`) is no reason.
 */
const DECORATION = /^(?:\s*(?:>|[-*+]\s|\d+[.)]\s|\[[ xX]\]|\*\*|__|`+|_|\*))+/;
const SEPARATOR = /^\s*(?:[\u2014\u2013=:]|-{1,2}(?=\s|$))\s*/;
const PLACEHOLDER = /^(?:<[^>]*>|\.\.\.|\u2026|todo|tbd|n\/?a|none|-+)$/i;
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** The body's lines with HTML comments and fenced code blocks blanked out (line numbers are kept). */
function visibleLines(body) {
    const noComments = body.replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?(?:-->|$)/g, (m) => m.replace(/[^\n]/g, ''));
    const lines = noComments.split('\n');
    let fence;
    for (let i = 0; i < lines.length; i++) {
        const m = /^\s{0,3}(`{3,}|~{3,})/.exec(lines[i]);
        if (fence) {
            if (m && m[1][0] === fence[0] && m[1].length >= fence.length)
                fence = undefined;
            lines[i] = '';
        }
        else if (m) {
            fence = m[1];
            lines[i] = '';
        }
    }
    return lines;
}
function stripTrailingDecoration(s) {
    return s.replace(/(?:\s*(?:\*\*|__|`+|_|\*))+\s*$/, '').trim();
}
/**
 * Every line of `body` that declares `phrase`, in order. The phrase may itself end with a separator
 * (`Runbook:`); a phrase like `Runbook: not needed` also matches `runbook:not needed` and `Runbook :  not needed`.
 */
function findDeclarations(body, phrase, opts = {}) {
    if (!body || !phrase.trim())
        return [];
    const words = phrase
        .trim()
        .split(/\s+/)
        .map((w) => escapeRegExp(w).replace(/(\\?[:=\u2014\u2013])$/, '\\s*$1'));
    const head = new RegExp('^' + words.join('\\s*') + (opts.exact ? '(?![\\w]|-\\w)' : '') + '(?=$|[\\s\u2014\u2013=:*_`-])', 'i');
    const out = [];
    visibleLines(body).forEach((raw, i) => {
        const undecorated = raw.replace(DECORATION, '').trimStart();
        const m = head.exec(undecorated);
        if (!m)
            return;
        let rest = undecorated.slice(m[0].length);
        rest = rest.replace(/^(?:\*\*|__|`+|_|\*)+/, ''); // emphasis closing right after the phrase
        rest = rest.replace(SEPARATOR, '');
        out.push({ phrase, reason: stripTrailingDecoration(rest), line: i + 1, text: raw.trim() });
    });
    return out;
}
/** True when the reason is a template placeholder rather than an explanation. */
function isPlaceholderReason(reason) {
    return PLACEHOLDER.test(reason.trim());
}
/**
 * The first declaration of `phrase` whose reason has at least `minReasonLength` characters (after trimming,
 * placeholders rejected), and the ones rejected with why.
 */
/** The length of `s` in code points (Array.from iterates a string by code point, as `[...s]` does). */
const codePoints = (s) => Array.from(s).length;
function findReasonedDeclaration(body, phrase, minReasonLength, opts = {}) {
    const rejected = [];
    for (const d of findDeclarations(body, phrase, opts)) {
        const reason = d.reason.trim();
        if (!reason)
            rejected.push({ declaration: d, why: 'no reason given' });
        else if (isPlaceholderReason(reason))
            rejected.push({ declaration: d, why: `the reason "${reason}" is a template placeholder` });
        else if (codePoints(reason) < minReasonLength)
            rejected.push({ declaration: d, why: `the reason is ${codePoints(reason)} characters, at least ${minReasonLength} are required` });
        else
            return { accepted: d, rejected };
    }
    return { rejected };
}


/***/ }),

/***/ 30955:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ planReads)
/* harmony export */ });
/* harmony import */ var _rules_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83808);
/* harmony import */ var _rules_define_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25544);


function planReads(policy, files, mode, rules = _rules_index_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES */ .y0) {
    const head = new Set();
    const base = new Set();
    for (const rule of rules) {
        const raw = policy.rules[rule.id];
        if (!(0,_rules_define_js__WEBPACK_IMPORTED_MODULE_1__/* .isCommonRuleOptions */ .on)(raw) || raw.level === 'off')
            continue;
        if (mode === 'release' && !rule.release)
            continue;
        const b = rule.bind(raw);
        if (!b.ok || !b.bound.plan)
            continue; // the engine reports the options' fault when the rule runs
        let plan;
        try {
            plan = b.bound.plan({ files, mode });
        }
        catch {
            continue;
        }
        for (const p of plan.head ?? [])
            if (p)
                head.add(p);
        for (const p of plan.base ?? [])
            if (p)
                base.add(p);
    }
    return { head: [...head], base: [...base] };
}


/***/ }),

/***/ 62515:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GS: () => (/* binding */ policyErrorVerdict),
/* harmony export */   Rg: () => (/* binding */ runGate),
/* harmony export */   gJ: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_1__.gJ),
/* harmony export */   zF: () => (/* binding */ infrastructureErrorVerdict)
/* harmony export */ });
/* unused harmony exports runRule, decide */
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(16141);
/* harmony import */ var _rules_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83808);
/* harmony import */ var _waivers_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3151);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(48992);
/* harmony import */ var _rules_define_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(25544);







/** Caps a finding's level at the rule's level. */
function effectiveLevel(f, ruleLevel) {
    const own = f.level ?? ruleLevel;
    return (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .levelRank */ .Le)(own) <= (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .levelRank */ .Le)(ruleLevel) ? own : ruleLevel;
}
/**
 * Runs one rule with the options the policy gives it (`raw`: checked against the rule's schema by
 * `bindRule`). Options that do not check are the rule's error, never a pass.
 */
async function runRule(rule, ctx, raw) {
    const level = (0,_rules_define_js__WEBPACK_IMPORTED_MODULE_2__/* .isCommonRuleOptions */ .on)(raw) ? raw.level : 'fail';
    const base = { id: rule.id, description: rule.description, level };
    if (level === 'off')
        return { ...base, status: 'off', findings: [] };
    if (ctx.mode === 'release' && !rule.release)
        return { ...base, status: 'off', findings: [], summary: 'not evaluated in release mode' };
    const started = performance.now();
    const b = rule.bind(raw);
    if (!b.ok)
        return {
            ...base,
            status: 'error',
            findings: [{ kind: 'error', message: `rule ${rule.id} could not be evaluated: ${b.why}` }],
            error: b.why,
            durationMs: 0,
        };
    try {
        const out = await b.bound.evaluate(ctx);
        const findings = out.findings.map((f) => (f.kind === 'error' || f.kind === 'info' ? f : { ...f, level: effectiveLevel(f, level) }));
        let status = 'pass';
        let worst = 'off';
        for (const f of findings)
            if ((f.kind ?? 'violation') === 'violation')
                worst = (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .maxLevel */ .Lf)(worst, f.level ?? level);
        if (worst !== 'off')
            status = worst;
        const errors = findings.filter((f) => f.kind === 'error');
        if (errors.length)
            status = 'error';
        return {
            ...base,
            status,
            applicability: out.applicability ?? 'applicable',
            findings,
            summary: out.summary,
            tables: out.tables,
            error: errors.length ? errors.map((e) => e.message).join('; ') : undefined,
            durationMs: Math.round(performance.now() - started),
            labels: out.labels,
            notes: out.notes?.length ? out.notes : undefined,
            data: out.data,
        };
    }
    catch (e) {
        return {
            ...base,
            status: 'error',
            findings: [{ kind: 'error', message: `rule ${rule.id} could not be evaluated: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e)}` }],
            error: (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e),
            durationMs: Math.round(performance.now() - started),
        };
    }
}
async function runGate(input) {
    const { policy, ctx } = input;
    const rules = input.rules ?? _rules_index_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES */ .y0;
    const notes = [...(input.notes ?? [])];
    const results = [];
    for (const rule of rules) {
        const options = policy.rules[rule.id] ?? { level: 'off' };
        const result = await runRule(rule, ctx, options);
        if (result.status === 'error') {
            // A waiver accepts findings a reviewer has read; a rule that could not be evaluated has none to accept.
            // Waiving it would turn a fault (an outage, an unreadable report) into a green check. (Only the label is
            // looked at here: no record is read for a waiver that could not apply anyway.)
            const label = `${policy.waivers.label_prefix}${rule.id}`;
            if (ctx.pr.labels.some((l) => l.toLowerCase() === label.toLowerCase())) {
                notes.push({
                    level: 'warning',
                    message: `Waiver for ${rule.id} not applied: the rule could not be evaluated, ` +
                        `and a waiver covers findings, not a failure to evaluate. Re-run the check once the cause is fixed.`,
                });
            }
        }
        else if (result.status === 'fail' || result.status === 'warn') {
            await applyWaiver(result, ctx, policy, notes);
        }
        if (result.notes)
            notes.push(...result.notes);
        results.push(result);
    }
    if (ctx.changes.truncated) {
        notes.push({
            level: 'error',
            message: `Partial evaluation: GitHub lists at most ${(0,_text_js__WEBPACK_IMPORTED_MODULE_4__/* .groupDigits */ .K9)(ctx.changes.files.length)} ` +
                `files and this change has ${(0,_text_js__WEBPACK_IMPORTED_MODULE_4__/* .groupDigits */ .K9)(ctx.changes.totalFiles)}. ` +
                `Files beyond the list were not checked; the conclusion is at best ${policy.conclusion.partial}.`,
        });
    }
    return decide({ results, notes, policy, ctx, policySource: input.policySource });
}
/** The paths a rule's findings name (all changed files when they name none): whose CODEOWNERS may waive it. */
function pathsOf(result, ctx) {
    const named = [...new Set(result.findings.map((f) => f.path).filter((p) => !!p))];
    return named.length ? named : ctx.changes.files.map((f) => f.path);
}
/**
 * Applies the waiver of a failing or warning rule. With GitHub's records (Action, App) only a verified act
 * of an approver counts; without them (the CLI) the `--label` given by the operator does, and says so.
 */
async function applyWaiver(result, ctx, policy, notes) {
    if (!ctx.waiverRecords) {
        const w = (0,_waivers_js__WEBPACK_IMPORTED_MODULE_5__/* .waiverFor */ .Qd)(result.id, ctx.pr, policy.waivers);
        if (w?.waived) {
            result.waiver = {
                rule: result.id,
                by: 'command line',
                via: 'a --label given to the CLI, not verified against GitHub',
                head: ctx.changes.head,
                reason: w.reason,
                kind: 'local',
                label: w.label,
            };
            result.status = 'waived';
        }
        else if (w?.rejected)
            notes.push({ level: 'warning', message: `Waiver for ${result.id} not applied: ${w.rejected}.` });
        return;
    }
    // A result's id may have no entry in the policy (the release-only rule, a rule a test injects).
    const own = policy.rules[result.id]?.approvers;
    const v = await (0,_waivers_js__WEBPACK_IMPORTED_MODULE_5__/* .verifyWaiver */ .Gk)({
        ruleId: result.id,
        pr: ctx.pr,
        head: ctx.changes.head,
        settings: policy.waivers,
        approvers: own ?? policy.waivers.approvers,
        invalidateOnPush: (0,_waivers_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidatesOnPush */ .Ud)(policy.waivers, result.id),
        paths: pathsOf(result, ctx),
        records: ctx.waiverRecords,
    });
    if (v.waived && v.audit) {
        result.waiver = v.audit;
        result.status = 'waived';
        return;
    }
    if (v.unverified.length) {
        notes.push({
            level: 'warning',
            message: `Waiver for ${result.id} not verified, so not applied: ${v.unverified[0]}.`,
            detail: v.unverified.length > 1 ? v.unverified.slice(1).join('\n') : undefined,
        });
    }
    if (v.rejected.length) {
        notes.push({
            level: 'warning',
            message: `Waiver for ${result.id} not applied: ${v.rejected[0]}.`,
            detail: v.rejected.length > 1 ? v.rejected.slice(1).join('\n') : undefined,
        });
    }
}
/** The conclusion, from results and gate-level facts. */
function decide(args) {
    const { results, notes, policy, ctx } = args;
    const failed = results.filter((r) => r.status === 'fail').map((r) => r.id);
    const errored = results.filter((r) => r.status === 'error').map((r) => r.id);
    const warned = results.filter((r) => r.status === 'warn').map((r) => r.id);
    let conclusion = 'success'; // raised by worse(), a closure control-flow analysis does not follow
    const worse = (c) => {
        const order = ['success', 'neutral', 'failure'];
        if (order.indexOf(c) > order.indexOf(conclusion))
            conclusion = c;
    };
    if (warned.length)
        worse(policy.conclusion.warnings);
    if (errored.length)
        worse(policy.conclusion.on_error);
    if (ctx.changes.truncated)
        worse(policy.conclusion.partial);
    if (failed.length || args.policyError)
        worse('failure');
    // Never a silent green when something could not be evaluated.
    if (conclusion === 'success' && (errored.length || ctx.changes.truncated))
        conclusion = 'neutral';
    const parts = [];
    if (args.policyError)
        parts.push('policy error');
    if (failed.length)
        parts.push(`${failed.length} failed: ${failed.join(', ')}`);
    if (errored.length)
        parts.push(`${errored.length} not evaluated: ${errored.join(', ')}`);
    if (warned.length)
        parts.push(`${warned.length} warning${warned.length > 1 ? 's' : ''}: ${warned.join(', ')}`);
    if (ctx.changes.truncated)
        parts.push('partial evaluation');
    const waived = results.filter((r) => r.status === 'waived').map((r) => r.id);
    if (waived.length)
        parts.push(`waived: ${waived.join(', ')}`);
    const ran = results.filter((r) => r.status !== 'off').length;
    // Not applicable and no evidence are not a pass: the title counts them apart.
    const na = results.filter((r) => r.status !== 'off' && r.status !== 'error' && r.applicability === 'not-applicable').length;
    const none = results.filter((r) => r.status !== 'off' && r.status !== 'error' && r.applicability === 'no-evidence').length;
    const apart = [na ? `${na} not applicable` : '', none ? `${none} without evidence` : ''].filter(Boolean);
    const passed = ran - na - none;
    const title = parts.length
        ? parts.join(' \u00b7 ')
        : apart.length
            ? [`${passed} rule${passed === 1 ? '' : 's'} passed`, ...apart].join(', ')
            : `all ${ran} rule${ran === 1 ? '' : 's'} passed`;
    const labels = { add: [], remove: [] };
    for (const r of results) {
        if (r.labels) {
            labels.add.push(...r.labels.add);
            labels.remove.push(...r.labels.remove);
        }
    }
    const failedRules = [...(args.policyError ? ['policy'] : []), ...failed, ...errored];
    return {
        conclusion,
        title,
        results,
        failedRules,
        ...(args.policyError ? { policyError: true } : {}),
        notes,
        labels,
        policySource: args.policySource,
        mode: ctx.mode,
        pr: ctx.pr,
        head: ctx.changes.head,
        base: ctx.changes.base,
    };
}
/** The verdict when the policy itself is broken: fail closed, with every problem named. */
function policyErrorVerdict(messages, ctx, policySource, policy) {
    const notes = [
        {
            level: 'error',
            message: `The policy ${policySource} is invalid, so no rule was evaluated ` +
                `and the gate fails closed. Fix the policy on the base branch:`,
            detail: messages.join('\n'),
        },
    ];
    return decide({ results: [], notes, policy, ctx, policySource, policyError: true });
}
/**
 * The verdict when the pull request could not be evaluated at all (an API call failed after its
 * retries): the policy's on_error decides, never success, and the note says which call failed.
 */
function infrastructureErrorVerdict(message, ctx, policySource, policy) {
    const notes = [
        {
            level: 'error',
            message: `The gate could not evaluate this pull request: ${message}. No rule was evaluated; re-run the job once GitHub answers.`,
        },
    ];
    const results = [
        {
            id: 'gate',
            description: 'Reading the pull request from GitHub',
            level: 'fail',
            status: 'error',
            findings: [{ kind: 'error', message }],
            error: message,
        },
    ];
    return decide({ results, notes, policy, ctx, policySource });
}


/***/ }),

/***/ 3151:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A6: () => (/* binding */ verifyReleaseApproval),
/* harmony export */   Gk: () => (/* binding */ verifyWaiver),
/* harmony export */   Qd: () => (/* binding */ waiverFor),
/* harmony export */   Ud: () => (/* binding */ invalidatesOnPush)
/* harmony export */ });
/* unused harmony export waiveCommands */
/* harmony import */ var _change_pr_body_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29705);

function waiverFor(ruleId, pr, settings) {
    const label = `${settings.label_prefix}${ruleId}`;
    if (!pr.labels.some((l) => l.toLowerCase() === label.toLowerCase()))
        return undefined;
    if (!settings.require_reason) {
        const reason = (0,_change_pr_body_js__WEBPACK_IMPORTED_MODULE_0__/* .findDeclarations */ .jS)(pr.body, label, { exact: true })
            .map((d) => d.reason.trim())
            .find((r) => r && !(0,_change_pr_body_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlaceholderReason */ .qx)(r));
        return { waived: true, label, reason };
    }
    const { accepted, rejected } = (0,_change_pr_body_js__WEBPACK_IMPORTED_MODULE_0__/* .findReasonedDeclaration */ .$b)(pr.body, label, settings.min_reason_length, { exact: true });
    if (accepted)
        return { waived: true, label, reason: accepted.reason.trim() };
    const first = rejected.at(0);
    if (!first) {
        return {
            waived: false,
            label,
            rejected: `label ${label} is set but the PR description has no line "${label} ` +
                `<reason>" (lines inside HTML comments or code blocks do not count)`,
        };
    }
    const reason = first.declaration.reason.trim() || undefined;
    if (reason && (0,_change_pr_body_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlaceholderReason */ .qx)(reason))
        return { waived: false, label, reason, rejected: `the waiver reason "${reason}" is a template placeholder, not a reason` };
    if (reason)
        return { waived: false, label, reason, rejected: `the waiver reason is shorter than ${settings.min_reason_length} characters` };
    return { waived: false, label, rejected: `label ${label} is set but the line "${label}" in the PR description gives no reason` };
}
/** `/gate waive <rule> <reason>` lines of a review or comment (outside HTML comments and code fences). */
function waiveCommands(body) {
    const out = [];
    for (const line of (0,_change_pr_body_js__WEBPACK_IMPORTED_MODULE_0__/* .visibleLines */ .gB)(body ?? '')) {
        const m = /^\s*(?:>\s*)*\/gate\s+waive\s+([A-Za-z0-9_.-]+)(?:[ \t]+(.*))?$/i.exec(line);
        if (m)
            out.push({ rule: m[1].toLowerCase(), reason: (m.at(2) ?? '').trim() }); // the reason group is optional
    }
    return out;
}
const short = (sha) => (sha ? sha.slice(0, 12) : '?');
function what(c) {
    const who = c.act.actor ? `@${c.act.actor}` : 'an unknown user';
    if (c.act.kind === 'label')
        return `the label ${c.label} added by ${who} at ${c.act.at}`;
    const noun = c.act.kind === 'review' ? 'review' : c.act.kind === 'review-comment' ? 'review comment' : 'comment';
    return `the /gate waive ${noun} by ${who} at ${c.act.at}`;
}
function reasonProblem(reason, settings) {
    if (!settings.require_reason)
        return undefined;
    const r = (reason ?? '').trim();
    if (!r)
        return 'it gives no reason';
    if ((0,_change_pr_body_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlaceholderReason */ .qx)(r))
        return `its reason "${r}" is a template placeholder`;
    // Counted in code points (Array.from iterates a string by code point, as [...r] does).
    if (Array.from(r).length < settings.min_reason_length)
        return `its reason is shorter than ${settings.min_reason_length} characters`;
    return undefined;
}
/** The label's candidate: only its latest event counts (added by the author, removed, re-added by an approver: the approver's). */
function labelCandidate(input, label, labelEvents, out) {
    const { pr, settings } = input;
    const events = labelEvents.filter((e) => e.label.toLowerCase() === label.toLowerCase());
    const last = events.at(-1); // none when no event of the label
    if (!last || last.event !== 'labeled') {
        out.rejected.push(`the label ${label} is set, but GitHub's events show no one adding it`);
        return undefined;
    }
    const { accepted, rejected } = settings.require_reason
        ? (0,_change_pr_body_js__WEBPACK_IMPORTED_MODULE_0__/* .findReasonedDeclaration */ .$b)(pr.body, label, settings.min_reason_length, { exact: true })
        : { accepted: (0,_change_pr_body_js__WEBPACK_IMPORTED_MODULE_0__/* .findDeclarations */ .jS)(pr.body, label, { exact: true })[0], rejected: [] };
    const c = {
        act: { kind: 'label', actor: last.actor, at: last.at, url: last.url, label },
        label,
        reason: accepted?.reason.trim() || undefined,
    };
    if (settings.require_reason && !accepted) {
        const first = rejected.at(0);
        c.problem = first
            ? `the PR description's reason line is rejected: ${first.why}`
            : `the PR description has no line "${label} <reason>" (lines inside HTML comments or code blocks do not count)`;
    }
    return c;
}
/** The `/gate waive <rule>` commands for this rule in reviews and comments. */
function commandCandidates(input, acts) {
    const candidates = [];
    for (const act of acts) {
        for (const cmd of waiveCommands(act.body)) {
            if (cmd.rule !== input.ruleId.toLowerCase())
                continue;
            const c = { act, reason: cmd.reason || undefined };
            if (act.kind === 'review' && act.state !== 'approved')
                c.problem = `the review is not an approval (${act.state || 'no state'}); use an approving review or a review comment`;
            else
                c.problem = reasonProblem(cmd.reason, input.settings);
            candidates.push(c);
        }
    }
    return candidates;
}
/** The checks that need no API call, in order: self-waiver, author, reason, edits. */
function staticFault(c, actor, input) {
    const { pr, settings } = input;
    if (!settings.allow_self && actor.toLowerCase() === pr.author.toLowerCase())
        return { rejected: 'it was given by the PR author, and a waiver needs someone else (waivers.allow_self is false)' };
    if (!pr.author)
        return { unverified: `${what(c)} could not be verified: the PR's author is unknown` };
    if (c.problem)
        return { rejected: c.problem };
    if (c.act.edited)
        return { rejected: "it was edited after it was written, so its text may not be its author's" };
    return undefined;
}
/** With waivers.invalidate_on_push: the act must be bound to the current head. */
async function headBindingFault(c, input) {
    if (!input.invalidateOnPush)
        return undefined;
    const { ruleId } = input;
    if (c.act.kind === 'review' || c.act.kind === 'review-comment') {
        if (c.act.commitId === input.head)
            return undefined;
        return {
            rejected: `it was given on commit ${short(c.act.commitId)}, not on the current head ${short(input.head)}, ` +
                `and waivers.invalidate_on_push covers ${ruleId}: it must be given again`,
        };
    }
    const pushed = await input.records.headPushedAt();
    if (!pushed.ok)
        return { unverified: `${what(c)} could not be bound to the current head ${short(input.head)}: ${pushed.why}` };
    if (Date.parse(c.act.at) > Date.parse(pushed.value))
        return undefined;
    return {
        rejected: `it was given before the current head ${short(input.head)} was pushed (${pushed.value}), ` +
            `and waivers.invalidate_on_push covers ${ruleId}: it must be given again`,
    };
}
/**
 * The waiver of one rule, verified from GitHub's records: the newest act that passes every check counts.
 * Checks that need no API call come first (author, reason, edits, head binding); the approver check last.
 */
async function verifyWaiver(input) {
    const { ruleId, pr, settings } = input;
    const label = `${settings.label_prefix}${ruleId}`;
    const labelSet = pr.labels.some((l) => l.toLowerCase() === label.toLowerCase());
    const out = { waived: false, rejected: [], unverified: [] };
    const recs = await input.records.records();
    if (!recs.ok) {
        if (labelSet)
            out.unverified.push(`the label ${label} is set, but who set it could not be read: ${recs.why}`);
        else
            out.unverified.push(`waivers given in reviews and comments could not be read: ${recs.why}`);
        return out;
    }
    const candidates = [];
    const fromLabel = labelSet ? labelCandidate(input, label, recs.value.labelEvents, out) : undefined;
    if (fromLabel)
        candidates.push(fromLabel);
    candidates.push(...commandCandidates(input, recs.value.acts));
    candidates.sort((a, b) => Date.parse(b.act.at) - Date.parse(a.act.at));
    for (const c of candidates) {
        const actor = c.act.actor;
        if (!actor) {
            out.rejected.push(`${what(c)} does not count: GitHub's record names no actor`);
            continue;
        }
        const fault = staticFault(c, actor, input) ?? (await headBindingFault(c, input));
        if (fault) {
            if ('unverified' in fault)
                out.unverified.push(fault.unverified);
            else
                out.rejected.push(`${what(c)} does not count: ${fault.rejected}`);
            continue;
        }
        const check = await input.records.approver(actor, input.approvers, input.paths);
        if (!check.approver) {
            if (check.unverified)
                out.unverified.push(`${what(c)}: ${check.why}`);
            else
                out.rejected.push(`${what(c)} does not count: ${check.why}`);
            continue;
        }
        out.waived = true;
        out.audit = {
            rule: ruleId,
            by: actor,
            via: check.via,
            at: c.act.at,
            head: input.head,
            reason: c.reason,
            kind: c.act.kind,
            url: c.act.url,
            label: c.label,
        };
        return out;
    }
    return out;
}
/** Does `waivers.invalidate_on_push` cover this rule? */
function invalidatesOnPush(settings, ruleId) {
    const v = settings.invalidate_on_push;
    return v === true || (Array.isArray(v) && v.includes(ruleId));
}
/**
 * Was the approval label on this merged PR given by a release approver who is not its author? The latest
 * `labeled` event counts. A label added after the merge approves what was merged; one added before must
 * come after the push of the PR's last head (GitHub's activity record), or it approved something else.
 */
async function verifyReleaseApproval(records, pull, label, approvers, paths, allowSelf = false) {
    if (!pull.labels.some((l) => l.toLowerCase() === label.toLowerCase()))
        return { approved: false, why: `no ${label} label` };
    const recs = await records.records();
    if (!recs.ok)
        return { approved: false, unverified: true, why: `the ${label} label could not be verified: ${recs.why}` };
    const events = recs.value.labelEvents.filter((e) => e.label.toLowerCase() === label.toLowerCase());
    const last = events.at(-1); // none when no event of the label
    if (!last || last.event !== 'labeled')
        return { approved: false, why: `the ${label} label is set, but GitHub's events show no one adding it` };
    if (!last.actor)
        return { approved: false, why: `GitHub's record of the ${label} label names no actor` };
    const who = `@${last.actor}`;
    if (!allowSelf && (!pull.author || last.actor.toLowerCase() === pull.author.toLowerCase()))
        return {
            approved: false,
            why: `the ${label} label was added ` +
                `by ${pull.author ? 'the PR author' : 'someone'} ${who}${pull.author ? '' : ' while the PR author is unknown'}, ` +
                `and an approval needs someone else`,
        };
    const afterMerge = pull.mergedAt && Date.parse(last.at) >= Date.parse(pull.mergedAt);
    if (!afterMerge) {
        const pushed = await records.headPushedAt();
        if (!pushed.ok)
            return {
                approved: false,
                unverified: true,
                why: `the ${label} label by ${who} was added before the merge and could ` +
                    `not be bound to the merged head ${short(pull.headSha)}: ${pushed.why}`,
            };
        if (!(Date.parse(last.at) > Date.parse(pushed.value)))
            return {
                approved: false,
                why: `the ${label} label by ${who} was added before the last push to the PR (${pushed.value}): it approved an earlier version`,
            };
    }
    const check = await records.approver(last.actor, approvers, paths);
    if (!check.approver)
        return { approved: false, unverified: check.unverified, why: `the ${label} label was added by ${who}, but ${check.why}` };
    return { approved: true, by: last.actor, via: check.via, at: last.at, url: last.url };
}


/***/ }),

/***/ 43881:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P8: () => (/* binding */ parseLineNumber),
/* harmony export */   oI: () => (/* binding */ addHits),
/* harmony export */   s1: () => (/* binding */ emptyCoverageIndex),
/* harmony export */   zq: () => (/* binding */ parseCount)
/* harmony export */ });
/**
 * The coverage model every parser produces: per source file, the executable lines and their hit counts.
 * Lines absent from `lines` are not executable. Paths are as written in the report (after joining a
 * Cobertura `<source>` root or a JaCoCo package); matching them to repository paths is `paths.ts`'s job.
 */
/** Adds `hits` to line `line` of `map` (several records for one line add up). */
function addHits(map, line, hits) {
    const prev = map.get(line);
    map.set(line, prev === undefined ? hits : prev + hits);
}
/** Parses a non-negative integer hit count; lcov and Cobertura may write large counts or floats like "1.0". */
function parseCount(text) {
    if (text === undefined)
        return undefined;
    const t = text.trim();
    if (!/^\d+(\.\d+)?(e\+?\d+)?$/i.test(t))
        return undefined;
    const n = Number(t);
    return Number.isFinite(n) ? n : undefined;
}
/** Parses a positive integer line number. */
function parseLineNumber(text) {
    if (text === undefined)
        return undefined;
    const t = text.trim();
    if (!/^\d+$/.test(t))
        return undefined;
    const n = Number(t);
    return n >= 1 && Number.isSafeInteger(n) ? n : undefined;
}
/** An index with no file: what a run without a coverage report starts from (and what merging starts from). */
function emptyCoverageIndex() {
    return { files: new Map(), matched: new Map(), ambiguous: [] };
}


/***/ }),

/***/ 4488:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UH: () => (/* binding */ redactedOf),
/* harmony export */   _I: () => (/* binding */ scrub),
/* harmony export */   ax: () => (/* binding */ fingerprintOf)
/* harmony export */ });
/* unused harmony export PREVIEW_MIN_LENGTH */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * How a detected secret is named on every surface without echoing it: a stable fingerprint (a prefix of
 * its SHA-256, what allowlists match) and a redacted preview (the first and last 4 characters, only when
 * the secret is long enough that they are a small part of it). The secret text itself never leaves here.
 */

/** Shortest secret whose first and last 4 characters may be shown (8 of 24+: a third at most). */
const PREVIEW_MIN_LENGTH = 24;
/** `sha256:` + the first 16 hex digits of the SHA-256 of the secret (UTF-8). Allowlists match this. */
function fingerprintOf(secret) {
    return 'sha256:' + (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(secret, 'utf8').digest('hex').slice(0, 16);
}
/**
 * `AKIA\u2026MPLE (sha256:\u2026)` when the secret is at least PREVIEW_MIN_LENGTH characters of one line; else only
 * the fingerprint. The preview characters are restricted to [A-Za-z0-9_-] (a key block's dashes, a token's
 * prefix): anything else, and multi-line secrets, are shown as the fingerprint alone.
 */
function redactedOf(secret) {
    const fp = fingerprintOf(secret);
    const s = secret.trim();
    if (s.length < PREVIEW_MIN_LENGTH || /[\r\n]/.test(s))
        return fp;
    const head = s.slice(0, 4);
    const tail = s.slice(-4);
    if (!/^[A-Za-z0-9_-]{4}$/.test(head) || !/^[A-Za-z0-9_-]{4}$/.test(tail))
        return fp;
    return `${head}\u2026${tail} (${fp})`;
}
/**
 * Replaces every occurrence of any of `secrets` (and of any 12-character piece of one) in `text` with its
 * fingerprint: applied to every string the secrets rule outputs that came from the diff (an inline
 * allow comment's reason may quote the key it allows).
 */
function scrub(text, secrets) {
    const long = [...new Set(secrets)].filter((x) => x.length >= 8).sort((a, b) => b.length - a.length);
    let s = text;
    // Whole secrets first (longest first), then pieces: two fakes may share a piece.
    for (const secret of long)
        if (s.includes(secret))
            s = s.split(secret).join(fingerprintOf(secret));
    for (const secret of long) {
        // A part of it (a quoted half of a key): any 12-character window.
        for (let i = 0; i + 12 <= secret.length && s.length >= 12; i += 1) {
            const w = secret.slice(i, i + 12);
            if (s.includes(w))
                s = s.split(w).join('[redacted]');
        }
    }
    return s;
}


/***/ }),

/***/ 50728:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $g: () => (/* reexport */ model/* ReportError */.$g),
  oC: () => (/* reexport */ model/* SEVERITIES */.oC),
  zg: () => (/* reexport */ model/* advisoryIdsIn */.zg),
  Le: () => (/* reexport */ model/* advisoryUrl */.Le),
  Nr: () => (/* reexport */ model/* mergeVulnerabilities */.Nr),
  GU: () => (/* reexport */ model/* normaliseId */.GU),
  MM: () => (/* binding */ parseReport),
  qI: () => (/* reexport */ model/* severityFromScore */.qI),
  GX: () => (/* reexport */ model/* severityFromWord */.GX),
  qs: () => (/* reexport */ model/* severityRank */.qs)
});

// UNUSED EXPORTS: findJsonError, lineColumn, parseJsonReport, parseNpmAudit, parseOsv, parseSarif, preferredId, splitNameVersion

// EXTERNAL MODULE: ./src/evidence/scanners/json-parse.ts
var json_parse = __webpack_require__(82193);
// EXTERNAL MODULE: ./src/json.ts
var json = __webpack_require__(8301);
// EXTERNAL MODULE: ./src/evidence/scanners/model.ts
var model = __webpack_require__(18640);
;// CONCATENATED MODULE: ./src/evidence/scanners/npm-audit.ts
/**
 * `npm audit --json` (npm 7+, auditReportVersion 2) \u2192 Vulnerability. One record per advisory that a
 * package is itself affected by (`via` entries that are objects); packages listed only because a dependency
 * is vulnerable (`via` of names) are not separate advisories. The report does not state installed versions:
 * `nodes` (lockfile paths) are kept so the rule can resolve them from package-lock.json. The npm 6 format
 * (`advisories`) and npm's own error object (audit endpoint failure) are reported, not guessed at.
 */


function looksLikeNpmAudit(doc) {
    return (0,json/* isObject */.Gv)(doc) && (doc.auditReportVersion !== undefined || ((0,json/* isObject */.Gv)(doc.vulnerabilities) && (0,json/* isObject */.Gv)(doc.metadata)));
}
function looksLikeNpmAuditV1(doc) {
    return (0,json/* isObject */.Gv)(doc) && (0,json/* isObject */.Gv)(doc.advisories) && (0,json/* isObject */.Gv)(doc.metadata);
}
/** The object `npm audit --json` prints when the audit itself failed (e.g. the endpoint answered 405). */
function looksLikeNpmError(doc) {
    return (0,json/* isObject */.Gv)(doc) && typeof doc.message === 'string' && (typeof doc.statusCode === 'number' || (0,json/* isObject */.Gv)(doc.error)) && !('runs' in doc);
}
function parseNpmAudit(path, doc) {
    if (doc.auditReportVersion !== undefined && doc.auditReportVersion !== 2) {
        throw new model/* ReportError */.$g(path, `${path}: npm audit report version ${(0,json/* textOf */.b6)(doc.auditReportVersion, 'null')} ` +
            `is not supported (expected auditReportVersion 2, npm 7 or later)`);
    }
    const vulns = [];
    const entries = (0,json/* isObject */.Gv)(doc.vulnerabilities) ? doc.vulnerabilities : {};
    for (const [key, raw] of Object.entries(entries)) {
        if (!(0,json/* isObject */.Gv)(raw))
            continue;
        const name = typeof raw.name === 'string' ? raw.name : key;
        const nodes = Array.isArray(raw.nodes) ? raw.nodes.filter((n) => typeof n === 'string') : undefined;
        const fix = raw.fixAvailable;
        const fixedVersion = (0,json/* isObject */.Gv)(fix) && fix.name === name && typeof fix.version === 'string' ? fix.version : undefined;
        for (const via of Array.isArray(raw.via) ? raw.via : []) {
            if (!(0,json/* isObject */.Gv)(via))
                continue; // a name: vulnerable through that dependency, which has its own entry
            const url = typeof via.url === 'string' ? via.url : undefined;
            const ids = (0,model/* advisoryIdsIn */.zg)(url);
            const source = via.source !== undefined ? `npm-advisory-${(0,json/* textOf */.b6)(via.source, 'null')}` : undefined;
            const aliases = [...ids, ...(source ? [source] : [])];
            const cvss = (0,json/* isObject */.Gv)(via.cvss) && typeof via.cvss.score === 'number' && via.cvss.score > 0 ? via.cvss.score : undefined;
            vulns.push({
                id: aliases[0] ?? `${name} (npm audit)`,
                aliases: aliases.length ? aliases : [`${name} (npm audit)`],
                package: typeof via.name === 'string' ? via.name : name,
                fixedVersion,
                ecosystem: 'npm',
                severity: (0,model/* severityFromWord */.GX)(typeof via.severity === 'string' ? via.severity : undefined) ??
                    (0,model/* severityFromWord */.GX)(String(raw.severity)) ??
                    'unknown',
                cvss,
                title: typeof via.title === 'string' ? via.title : undefined,
                url,
                nodes,
                sources: ['npm audit'],
                reports: [path],
            });
        }
    }
    return { path, format: 'npm-audit', tool: 'npm audit', vulnerabilities: vulns, skipped: 0 };
}

;// CONCATENATED MODULE: ./src/evidence/scanners/osv.ts
/**
 * OSV-Scanner `--format json` \u2192 Vulnerability. Shape (google/osv-scanner docs, "Output"): `results[]` with
 * `source {path, type}` and `packages[]` of `{ package {name, version, ecosystem}, vulnerabilities[] (OSV
 * records), groups[] {ids, aliases, max_severity} }`. One record per group (a group is one advisory under
 * several ids); severity from the group's `max_severity` (CVSS score) or the records'
 * `database_specific.severity`; fixed version from the record's `affected[].ranges[].events[].fixed`.
 */


const strs = (v) => (0,json/* list */.p_)(v).filter((x) => typeof x === 'string');
function looksLikeOsv(doc) {
    return ((0,json/* isObject */.Gv)(doc) &&
        Array.isArray(doc.results) &&
        doc.results.every((r) => (0,json/* isObject */.Gv)(r) && ((0,json/* isObject */.Gv)(r.source) || Array.isArray(r.packages))));
}
/** Loose version order (numeric segments compared as numbers): enough to pick the affected range. */
function compareVersions(a, b) {
    const pa = a.replace(/^v/, '').split(/[.+-]/);
    const pb = b.replace(/^v/, '').split(/[.+-]/);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const x = pa[i] ?? '0';
        const y = pb[i] ?? '0';
        const nx = Number(x);
        const ny = Number(y);
        const c = Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x.localeCompare(y);
        if (c !== 0)
            return c;
    }
    return 0;
}
/** The `fixed` event of the range that contains `version` (else the first fixed version named). */
function fixedIn(record, pkgName, version) {
    let first;
    for (const a of (0,json/* list */.p_)(record.affected)) {
        if (!(0,json/* isObject */.Gv)(a))
            continue;
        if ((0,json/* isObject */.Gv)(a.package) && typeof a.package.name === 'string' && a.package.name !== pkgName)
            continue;
        for (const r of (0,json/* list */.p_)(a.ranges)) {
            if (!(0,json/* isObject */.Gv)(r))
                continue;
            let introduced = '0';
            for (const e of (0,json/* list */.p_)(r.events)) {
                if (!(0,json/* isObject */.Gv)(e))
                    continue;
                if (typeof e.introduced === 'string')
                    introduced = e.introduced;
                if (typeof e.fixed !== 'string')
                    continue;
                first ??= e.fixed;
                if (version && compareVersions(version, introduced) >= 0 && compareVersions(version, e.fixed) < 0)
                    return e.fixed;
            }
        }
    }
    return first;
}
function parseOsv(path, doc) {
    const vulns = [];
    for (const res of (0,json/* list */.p_)(doc.results)) {
        if (!(0,json/* isObject */.Gv)(res))
            continue;
        const source = (0,json/* isObject */.Gv)(res.source) && typeof res.source.path === 'string' ? res.source.path : undefined;
        for (const p of (0,json/* list */.p_)(res.packages)) {
            if (!(0,json/* isObject */.Gv)(p) || !(0,json/* isObject */.Gv)(p.package))
                continue;
            const name = (0,json/* textOf */.b6)(p.package.name, '(unknown package)');
            const version = typeof p.package.version === 'string' ? p.package.version : undefined;
            const ecosystem = typeof p.package.ecosystem === 'string' ? p.package.ecosystem : undefined;
            const records = (0,json/* list */.p_)(p.vulnerabilities).filter(json/* isObject */.Gv);
            const byId = new Map(records.map((r) => [String(r.id), r]));
            const groups = (0,json/* list */.p_)(p.groups).filter(json/* isObject */.Gv);
            const grouped = groups.length
                ? groups.map((g) => ({ ids: strs(g.ids), aliases: strs(g.aliases), max: g.max_severity }))
                : records.map((r) => ({ ids: [String(r.id)], aliases: strs(r.aliases), max: undefined }));
            for (const g of grouped) {
                const members = g.ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
                const aliases = [...new Set([...g.ids, ...g.aliases, ...members.flatMap((m) => strs(m.aliases))].map(model/* normaliseId */.GU))];
                const ids = aliases.flatMap((a) => (0,model/* advisoryIdsIn */.zg)(a));
                const maxScore = typeof g.max === 'string' || typeof g.max === 'number' ? Number.parseFloat(String(g.max)) : NaN;
                let severity = Number.isFinite(maxScore) ? (0,model/* severityFromScore */.qI)(maxScore) : 'unknown';
                for (const m of members) {
                    const ds = (0,json/* isObject */.Gv)(m.database_specific) ? m.database_specific : undefined;
                    const w = (0,model/* severityFromWord */.GX)(typeof ds?.severity === 'string' ? ds.severity : undefined);
                    if (w && (0,model/* severityRank */.qs)(w) > (0,model/* severityRank */.qs)(severity))
                        severity = w;
                }
                const id = (0,model/* preferredId */.L2)(ids.length ? ids : aliases);
                const first = members.at(0); // none when no record of the group is in the report
                vulns.push({
                    id,
                    aliases,
                    package: name,
                    version,
                    fixedVersion: members.map((m) => fixedIn(m, name, version)).find((f) => f !== undefined),
                    ecosystem,
                    severity,
                    cvss: Number.isFinite(maxScore) && maxScore > 0 ? maxScore : undefined,
                    title: typeof first?.summary === 'string' ? first.summary : undefined,
                    url: `https://osv.dev/vulnerability/${g.ids[0] ?? id}`,
                    manifest: source,
                    sources: ['OSV-Scanner'],
                    reports: [path],
                });
            }
        }
    }
    return { path, format: 'osv-scanner', tool: 'OSV-Scanner', vulnerabilities: vulns, skipped: 0 };
}

;// CONCATENATED MODULE: ./src/evidence/scanners/sarif.ts
/**
 * SARIF 2.1.0 \u2192 Vulnerability. Works for any scanner by reading the places tools actually use:
 * - severity: `properties["security-severity"]` (CVSS, result then rule), then severity words in tags
 *   (Trivy), then the result's / rule's level (error \u2192 high, warning \u2192 medium, note \u2192 low);
 * - package and version: result/rule properties, then the message formats of Trivy ("Package: x\nInstalled
 *   Version: y"), Grype ("package: x, version y was found"), OSV-Scanner ("Package 'x@y' is vulnerable"),
 *   Snyk ("x@y" in the rule's full description), and location messages ("lockfile: x@y");
 * - advisory ids: GHSA/CVE in the rule id, rule name, tags, help URI, descriptions and message;
 * - age: `provenance.firstDetectionTimeUtc`; relation to the base: `baselineState`.
 * Results that name no package and no advisory (code findings of CodeQL/Semgrep) are counted as skipped.
 * Suppressed results (an accepted suppression) are skipped too.
 */

function isObj(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function str(v) {
    return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}
function arr(v) {
    return Array.isArray(v) ? v : [];
}
function sarif_text(v) {
    return isObj(v) ? (str(v.text) ?? str(v.markdown)) : undefined;
}
function looksLikeSarif(doc) {
    return isObj(doc) && Array.isArray(doc.runs) && (typeof doc.version === 'string' || typeof doc.$schema === 'string');
}
function score(v) {
    const n = typeof v === 'number' ? v : typeof v === 'string' ? Number.parseFloat(v) : NaN;
    return Number.isFinite(n) ? n : undefined;
}
const PROP_NAME_KEYS = ['packageName', 'package_name', 'pkgName', 'package', 'purl', 'componentName'];
const PROP_VERSION_KEYS = [
    'packageVersion',
    'package_version',
    'installedVersion',
    'installed_version',
    'pkgVersion',
    'version',
    'componentVersion',
];
const PROP_FIXED_KEYS = ['fixedVersion', 'fixed_version', 'fixVersion', 'patchedVersion'];
function fromProps(props) {
    if (!props)
        return {};
    let name;
    let version;
    for (const k of PROP_NAME_KEYS) {
        const v = str(props[k]);
        if (v) {
            if (k === 'purl') {
                const m = /^pkg:[^/]+\/(?:[^@]*\/)?([^@/?#]+)@([^?#]+)/.exec(decodeURIComponent(v));
                if (m) {
                    name = m[1];
                    version = m[2];
                }
            }
            else
                name = v;
            if (name)
                break;
        }
    }
    if (!version)
        for (const k of PROP_VERSION_KEYS)
            if ((version = str(props[k])))
                break;
    let fixed;
    for (const k of PROP_FIXED_KEYS)
        if ((fixed = str(props[k])))
            break;
    return { name, version, fixed };
}
const MESSAGE_PATTERNS = [
    /Package:\s*(?<name>\S+)\s*[\r\n]+\s*Installed Version:\s*(?<version>\S+)/i, // Trivy
    /package:\s*(?<name>[^,\s]+),\s*version\s+(?<version>\S+?)\s+was found/i, // Grype
    /Package '(?<nv>[^']+)' is vulnerable/i, // OSV-Scanner
    /(?:vulnerable|introduces)\s+(?:package\s+)?(?<nv>(?:@[\w.-]+\/)?[\w.-]+@\d[^\s,;)]*)/i,
];
function fromMessages(texts) {
    for (const t of texts) {
        if (!t)
            continue;
        for (const re of MESSAGE_PATTERNS) {
            const m = re.exec(t);
            if (!m?.groups)
                continue;
            if (m.groups.nv) {
                const { name, version } = (0,model/* splitNameVersion */.uK)(m.groups.nv);
                return { name, version };
            }
            return { name: m.groups.name, version: m.groups.version };
        }
    }
    // "package-lock.json: lodash@4.17.20" (Trivy location message), "(CVE-\u2026) lodash@4.17.20" (Snyk)
    for (const t of texts) {
        if (!t)
            continue;
        const m = /(?:^|[\s:(])((?:@[\w.-]+\/)?[A-Za-z0-9][\w.\-/:]*@v?\d[\w.+\-~]*)/.exec(t);
        if (m)
            return (0,model/* splitNameVersion */.uK)(m[1]);
    }
    return {};
}
const FIXED_PATTERNS = [
    /Fix(?:ed)? Version:\s*(?<v>[^\s|,]+)/i, // Trivy, Grype
    /Upgrade to (?:(?:@[\w.-]+\/)?[\w.-]+@)?(?<v>v?\d[^\s,;)]*)/i, // Snyk fixes
    /fixed in (?:version )?(?<v>v?\d[^\s,;)]*)/i,
];
function fixedFrom(texts) {
    for (const t of texts) {
        if (!t)
            continue;
        for (const re of FIXED_PATTERNS) {
            const m = re.exec(t);
            const groups = m?.groups; // `v` is unset when its group did not take part
            const v = groups?.v?.replace(/\.$/, '');
            if (v && v !== '-' && !/^(none|n\/a|unknown)$/i.test(v))
                return v;
        }
    }
    return undefined;
}
function levelSeverity(level) {
    if (level === 'error')
        return 'high';
    if (level === 'warning')
        return 'medium';
    if (level === 'note')
        return 'low';
    return 'unknown';
}
function locationUri(loc) {
    if (!isObj(loc))
        return undefined;
    const phys = loc.physicalLocation;
    if (!isObj(phys) || !isObj(phys.artifactLocation))
        return undefined;
    const uri = str(phys.artifactLocation.uri);
    if (!uri)
        return undefined;
    let p = uri.replace(/^file:\/\//, '');
    try {
        p = decodeURIComponent(p);
    }
    catch {
        /* keep as written */
    }
    return p.replace(/^\.\//, '');
}
function ecosystemFromTags(tags) {
    const known = ['npm', 'pypi', 'maven', 'go', 'golang', 'cargo', 'crates.io', 'rubygems', 'nuget', 'composer', 'pip', 'yarn', 'gradle'];
    return tags.map((t) => t.toLowerCase()).find((t) => known.includes(t));
}
function parseSarif(path, doc) {
    const vulns = [];
    const tools = [];
    let skipped = 0;
    for (const run of arr(doc.runs)) {
        if (!isObj(run))
            continue;
        const sarifRun = readRun(run);
        if (!tools.includes(sarifRun.tool))
            tools.push(sarifRun.tool);
        for (const result of arr(run.results)) {
            if (!isObj(result))
                continue;
            const vuln = resultVulnerability(result, sarifRun, path);
            if (vuln)
                vulns.push(vuln);
            else
                skipped++;
        }
    }
    return { path, format: 'sarif', tool: tools.join(', ') || 'unknown SARIF tool', vulnerabilities: vulns, skipped };
}
function readRun(run) {
    const driver = isObj(run.tool) && isObj(run.tool.driver) ? run.tool.driver : undefined;
    const tool = str(driver?.name) ?? 'unknown SARIF tool';
    const rules = arr(driver?.rules).filter(isObj);
    const extRules = isObj(run.tool)
        ? arr(run.tool.extensions)
            .filter(isObj)
            .flatMap((e) => arr(e.rules).filter(isObj))
        : [];
    return { tool, rules, allRules: [...rules, ...extRules] };
}
/** The result's rule: by index when it agrees with the rule id, else by id among the driver's and extensions' rules. */
function resultRule(result, ruleId, run) {
    const { rules } = run;
    const idx = typeof result.ruleIndex === 'number'
        ? result.ruleIndex
        : isObj(result.rule) && typeof result.rule.index === 'number'
            ? result.rule.index
            : -1;
    return ((idx >= 0 && idx < rules.length && (!ruleId || rules[idx].id === ruleId) ? rules[idx] : undefined) ??
        run.allRules.find((r) => r.id === ruleId));
}
/** A vulnerability, or undefined when the result is skipped (suppressed, no package nor advisory, fixed). */
function resultVulnerability(result, run, path) {
    if (arr(result.suppressions).some((s) => isObj(s) && (s.status === undefined || s.status === 'accepted')))
        return undefined;
    const ruleId = str(result.ruleId) ?? (isObj(result.rule) ? str(result.rule.id) : undefined);
    const rule = resultRule(result, ruleId, run);
    const rprops = isObj(rule?.properties) ? rule.properties : undefined;
    const props = isObj(result.properties) ? result.properties : undefined;
    const tags = [...arr(rprops?.tags), ...arr(props?.tags)].filter((t) => typeof t === 'string');
    const facts = { ruleId, rule, rprops, props, tags, message: sarif_text(result.message) };
    const { message } = facts;
    const locMessages = arr(result.locations).map((l) => (isObj(l) ? sarif_text(l.message) : undefined));
    const ruleTexts = [sarif_text(rule?.shortDescription), sarif_text(rule?.fullDescription), sarif_text(rule?.help), str(rule?.name)];
    const { ids, toolId, aliases } = advisoryAliases(facts);
    const own = Object.entries(fromProps(props)); // its keys are optional
    const p = { ...fromProps(rprops), ...Object.fromEntries(own.filter(([, v]) => v !== undefined)) };
    let name = p.name;
    let version = p.version;
    if (!name) {
        const m = fromMessages([message, ...locMessages, sarif_text(rule?.fullDescription), sarif_text(rule?.help)]);
        name = m.name;
        version ??= m.version;
    }
    if (!name && ids.length === 0)
        return undefined;
    const { severity, cvss } = resultSeverity(result, facts);
    const fixes = arr(result.fixes).map((f) => (isObj(f) ? sarif_text(f.description) : undefined));
    const fixed = p.fixed ?? fixedFrom([message, ...fixes, sarif_text(rule?.help), ...ruleTexts]);
    const provenance = isObj(result.provenance) ? result.provenance : undefined;
    const baseline = str(result.baselineState);
    if (baseline === 'absent')
        return undefined; // present in the baseline, gone now: fixed
    const origin = baseline === 'new' ? 'introduced' : baseline === 'unchanged' || baseline === 'updated' ? 'present' : undefined;
    const id = (0,model/* preferredId */.L2)(aliases.length ? aliases : [toolId ?? '(unknown advisory)']);
    const helpUri = str(rule?.helpUri);
    return {
        id,
        aliases: aliases.length ? aliases : [id],
        package: name ?? '(unknown package)',
        version,
        fixedVersion: fixed,
        ecosystem: ecosystemFromTags(tags),
        severity,
        cvss,
        title: sarif_text(rule?.shortDescription) ?? message?.split('\n')[0],
        url: helpUri && /^https?:/.test(helpUri) ? helpUri : undefined,
        manifest: arr(result.locations)
            .map(locationUri)
            .find((u) => u !== undefined),
        firstSeen: str(provenance?.firstDetectionTimeUtc),
        origin,
        sources: [run.tool],
        reports: [path],
    };
}
/** Advisory ids named anywhere in the result or its rule, and the tool's own id as an alias. */
function advisoryAliases(facts) {
    const { ruleId, rule, rprops, props, tags, message } = facts;
    const ids = [];
    for (const t of [
        ruleId,
        str(rule?.name),
        str(rule?.helpUri),
        ...tags,
        sarif_text(rule?.shortDescription),
        sarif_text(rule?.fullDescription),
        message,
    ])
        ids.push(...(0,model/* advisoryIdsIn */.zg)(t));
    const fromPropsIds = [props?.cve, props?.ghsa, rprops?.cve, props?.identifiers, rprops?.identifiers]
        .flatMap((v) => (Array.isArray(v) ? v : [v]))
        .filter((v) => typeof v === 'string');
    for (const t of fromPropsIds)
        ids.push(...(0,model/* advisoryIdsIn */.zg)(t));
    const toolId = ruleId ? (0,model/* normaliseId */.GU)(ruleId) : undefined;
    // The tool's own id is an alias unless it merely wraps an advisory id (Grype: "CVE-2021-23337-lodash").
    const wraps = toolId !== undefined && ids.some((i) => toolId.toUpperCase().includes(i.toUpperCase()));
    const aliases = [...new Set([...ids, ...(toolId && !wraps ? [toolId] : [])])];
    return { ids, toolId, aliases };
}
/** Severity from the CVSS score, then severity words in tags, then the result's or rule's level. */
function resultSeverity(result, facts) {
    const { rule, rprops, props, tags } = facts;
    let sev;
    const cvss = score(props?.['security-severity']) ??
        score(rprops?.['security-severity']) ??
        score(props?.cvssv3_baseScore) ??
        score(rprops?.cvssv3_baseScore);
    if (cvss !== undefined)
        sev = (0,model/* severityFromScore */.qI)(cvss);
    if (!sev || sev === 'unknown') {
        for (const t of tags) {
            const s = /^(critical|high|medium|moderate|low)$/i.test(t) ? (0,model/* severityFromWord */.GX)(t) : undefined;
            if (s) {
                sev = s;
                break;
            }
        }
    }
    if (!sev || sev === 'unknown') {
        const lvl = str(result.level) ?? (isObj(rule?.defaultConfiguration) ? str(rule.defaultConfiguration.level) : undefined) ?? 'warning';
        sev = levelSeverity(lvl);
    }
    return { severity: sev, cvss: cvss !== undefined && cvss <= 0 ? undefined : cvss };
}

;// CONCATENATED MODULE: ./src/evidence/scanners/index.ts
/**
 * Reads one scanner report: detects the format from its content (not its name), parses it into the shared
 * Vulnerability model, and throws ReportError naming the file (and the JSON position) for anything it
 * cannot use. A broken report must never read as "no vulnerabilities".
 */











function parseReport(path, text) {
    const doc = (0,json_parse/* parseJsonReport */.qo)(path, text);
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
        throw new model/* ReportError */.$g(path, `${path} is not a SARIF / npm audit / OSV-Scanner report: ` +
            `the JSON is ${Array.isArray(doc) ? 'an array' : doc === null ? 'null' : typeof doc}, not an object`);
    }
    const o = doc;
    if (looksLikeSarif(o)) {
        if (o.version !== undefined && o.version !== '2.1.0')
            throw new model/* ReportError */.$g(path, `${path}: SARIF version ${(0,json/* textOf */.b6)(o.version, 'null')} is not supported (expected 2.1.0)`);
        return parseSarif(path, o);
    }
    if (looksLikeNpmAudit(o))
        return parseNpmAudit(path, o);
    if (looksLikeNpmAuditV1(o))
        throw new model/* ReportError */.$g(path, `${path} is an npm 6 audit report (advisories): run npm 7 or later, whose \`npm audit --json\` writes auditReportVersion 2`);
    if (looksLikeNpmError(o))
        throw new model/* ReportError */.$g(path, `${path}: npm audit did not run: ${String(o.message)}`);
    if (looksLikeOsv(o))
        return parseOsv(path, o);
    const keys = Object.keys(o).slice(0, 5);
    throw new model/* ReportError */.$g(path, `${path} is not a SARIF / npm audit / OSV-Scanner report (top-level keys: ${keys.length ? keys.join(', ') : 'none'})`);
}


/***/ }),

/***/ 82193:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _l: () => (/* binding */ findJsonError),
/* harmony export */   qo: () => (/* binding */ parseJsonReport),
/* harmony export */   rv: () => (/* reexport safe */ _text_js__WEBPACK_IMPORTED_MODULE_1__.rv)
/* harmony export */ });
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(18640);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48992);
/**
 * JSON.parse with a position that people can find: V8's messages carry "at position N" only for some errors
 * (not for `Unexpected token 'x', "..." is not valid JSON`), so on failure a small validating scanner finds
 * the first offending offset and it is turned into line and column.
 */


function parseJsonReport(path, text) {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (body.trim() === '')
        throw new _model_js__WEBPACK_IMPORTED_MODULE_0__/* .ReportError */ .$g(path, `${path} is empty (0 bytes of JSON): the scanner step wrote no report`);
    try {
        return JSON.parse(body);
    }
    catch (e) {
        const { offset, reason } = findJsonError(body);
        const { line, column } = (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .lineColumn */ .rv)(body, offset);
        const detail = reason ?? (e instanceof Error ? e.message : String(e));
        throw new _model_js__WEBPACK_IMPORTED_MODULE_0__/* .ReportError */ .$g(path, `${path} is not valid JSON: ${detail} at line ${line}, column ${column} (offset ${offset})`, line, column);
    }
}

class Stop {
    offset;
    reason;
    constructor(offset, reason) {
        this.offset = offset;
        this.reason = reason;
    }
}
/** Offset and reason of the first JSON syntax error (offset = text.length for a truncated document). */
function findJsonError(text) {
    const scanner = new JsonScanner(text);
    try {
        scanner.document();
    }
    catch (e) {
        if (e instanceof Stop)
            return { offset: e.offset, reason: e.reason };
        // The scanner is recursive: ~10,000 unclosed `[` overflow the stack. Name where it gave up.
        if (e instanceof RangeError)
            return { offset: scanner.i, reason: 'arrays/objects nested too deeply' };
        throw e;
    }
    return { offset: text.length };
}
/** A validating JSON scanner: walks the text and throws a Stop at the first syntax error. */
class JsonScanner {
    text;
    i = 0;
    constructor(text) {
        this.text = text;
    }
    /** One value and nothing after it but whitespace. */
    document() {
        this.value();
        this.ws();
        if (this.i < this.text.length)
            this.fail(`unexpected ${this.show()} after the end of the JSON value`);
    }
    ws() {
        while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i]))
            this.i++;
    }
    fail(reason) {
        throw new Stop(this.i, this.i >= this.text.length ? 'unexpected end of input' : reason);
    }
    show() {
        return this.i < this.text.length ? JSON.stringify(this.text[this.i]) : 'end of input';
    }
    str() {
        const text = this.text;
        this.i++; // opening quote
        while (this.i < text.length) {
            const c = text[this.i];
            if (c === '"') {
                this.i++;
                return;
            }
            if (c === '\\') {
                const n = text.at(this.i + 1); // none when the text ends after the backslash
                if (n === 'u') {
                    if (!/^[0-9a-fA-F]{4}$/.test(text.slice(this.i + 2, this.i + 6)))
                        this.fail('bad \\u escape in string');
                    this.i += 6;
                }
                else if (n !== undefined && '"\\/bfnrt'.includes(n))
                    this.i += 2;
                else {
                    this.i++;
                    this.fail(`bad escape ${this.show()} in string`);
                }
                continue;
            }
            if (c.charCodeAt(0) < 0x20)
                this.fail('control character in string (unescaped newline?)');
            this.i++;
        }
        this.fail('unterminated string');
    }
    num() {
        const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.i, this.i + 400));
        if (!m || m[0] === '-' || m[0] === '')
            this.fail(`unexpected ${this.show()}`);
        this.i += m[0].length;
    }
    /**
     * One value. Objects and arrays are scanned here rather than in methods of their own: one stack frame per
     * nesting level keeps the depth at which the scanner gives up ("nested too deeply") where it was.
     */
    value() {
        const text = this.text;
        this.ws();
        const c = text.at(this.i); // none at the end of the text
        if (c === '{') {
            this.i++;
            this.ws();
            if (text[this.i] === '}') {
                this.i++;
                return;
            }
            for (;;) {
                this.ws();
                if (text[this.i] !== '"')
                    this.fail(`expected a property name in double quotes, got ${this.show()}`);
                this.str();
                this.ws();
                if (text[this.i] !== ':')
                    this.fail(`expected ':' after property name, got ${this.show()}`);
                this.i++;
                this.value();
                this.ws();
                if (text[this.i] === ',') {
                    this.i++;
                    continue;
                }
                if (text[this.i] === '}') {
                    this.i++;
                    return;
                }
                this.fail(`expected ',' or '}' after property value, got ${this.show()}`);
            }
        }
        if (c === '[') {
            this.i++;
            this.ws();
            if (text[this.i] === ']') {
                this.i++;
                return;
            }
            for (;;) {
                this.value();
                this.ws();
                if (text[this.i] === ',') {
                    this.i++;
                    continue;
                }
                if (text[this.i] === ']') {
                    this.i++;
                    return;
                }
                this.fail(`expected ',' or ']' after array element, got ${this.show()}`);
            }
        }
        if (c === '"') {
            this.str();
            return;
        }
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
            this.num();
            return;
        }
        for (const lit of ['true', 'false', 'null']) {
            if (text.startsWith(lit, this.i)) {
                this.i += lit.length;
                return;
            }
        }
        this.fail(`unexpected ${this.show()}`);
    }
}


/***/ }),

/***/ 18640:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $g: () => (/* binding */ ReportError),
/* harmony export */   GU: () => (/* binding */ normaliseId),
/* harmony export */   GX: () => (/* binding */ severityFromWord),
/* harmony export */   L2: () => (/* binding */ preferredId),
/* harmony export */   Le: () => (/* binding */ advisoryUrl),
/* harmony export */   Nr: () => (/* binding */ mergeVulnerabilities),
/* harmony export */   oC: () => (/* binding */ SEVERITIES),
/* harmony export */   qI: () => (/* binding */ severityFromScore),
/* harmony export */   qs: () => (/* binding */ severityRank),
/* harmony export */   uK: () => (/* binding */ splitNameVersion),
/* harmony export */   zg: () => (/* binding */ advisoryIdsIn)
/* harmony export */ });
/**
 * One model for dependency vulnerabilities, whatever reported them (SARIF from any scanner, npm audit,
 * OSV-Scanner, GitHub dependency review, Dependabot alerts). Parsers fill what their format knows and leave
 * the rest undefined; `mergeVulnerabilities` folds records of the same advisory + package + version.
 */
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'unknown'];
/** critical 4 \u2026 low 1, unknown 0. */
function severityRank(s) {
    return { critical: 4, high: 3, medium: 2, low: 1, unknown: 0 }[s];
}
/** CVSS v3 qualitative bands (NVD): 9.0+ critical, 7.0+ high, 4.0+ medium, 0.1+ low. */
function severityFromScore(score) {
    if (!Number.isFinite(score) || score <= 0)
        return 'unknown';
    if (score >= 9)
        return 'critical';
    if (score >= 7)
        return 'high';
    if (score >= 4)
        return 'medium';
    return 'low';
}
/** Maps the words scanners use (CRITICAL, High, moderate, important, negligible, info\u2026) onto Severity. */
function severityFromWord(word) {
    if (!word)
        return undefined;
    const w = word.trim().toLowerCase();
    if (w === 'critical')
        return 'critical';
    if (w === 'high' || w === 'important' || w === 'error')
        return 'high';
    if (w === 'medium' || w === 'moderate' || w === 'warning')
        return 'medium';
    if (w === 'low' || w === 'negligible' || w === 'info' || w === 'note' || w === 'minor')
        return 'low';
    if (w === 'unknown' || w === 'none')
        return 'unknown';
    return undefined;
}
/** A report that cannot be used: unreadable, invalid JSON, unknown format, a failed scanner run. */
class ReportError extends Error {
    path;
    line;
    column;
    constructor(path, message, 
    /** 1-based position in the file, when known. */
    line, column) {
        super(message);
        this.path = path;
        this.line = line;
        this.column = column;
        this.name = 'ReportError';
    }
}
const GHSA = /\bGHSA(?:-[23456789cfghjmpqrvwx]{4}){3}\b/gi;
const CVE = /\bCVE-\d{4}-\d{4,}\b/gi;
/** GHSA and CVE ids mentioned in free text (upper-cased GHSA prefix, lower-case GHSA body as GitHub writes it). */
function advisoryIdsIn(text) {
    if (!text)
        return [];
    const out = [];
    for (const m of text.matchAll(GHSA))
        out.push(normaliseId(m[0]));
    for (const m of text.matchAll(CVE))
        out.push(normaliseId(m[0]));
    return out;
}
function normaliseId(id) {
    const t = id.trim();
    if (/^ghsa-/i.test(t))
        return 'GHSA-' + t.slice(5).toLowerCase();
    if (/^cve-/i.test(t))
        return t.toUpperCase();
    return t;
}
/** GHSA first, then CVE, then anything else (stable otherwise). */
function preferredId(ids) {
    const ghsa = ids.find((i) => i.startsWith('GHSA-'));
    if (ghsa)
        return ghsa;
    const cve = ids.find((i) => i.startsWith('CVE-'));
    if (cve)
        return cve;
    return ids[0] ?? '(unknown advisory)';
}
function advisoryUrl(id) {
    if (id.startsWith('GHSA-'))
        return `https://github.com/advisories/${id}`;
    if (id.startsWith('CVE-'))
        return `https://nvd.nist.gov/vuln/detail/${id}`;
    return undefined;
}
function uniq(xs) {
    return [...new Set(xs)];
}
function normalisePackage(name) {
    return name.trim().toLowerCase().replace(/[_.]/g, '-');
}
function laterOrigin(a, b) {
    // A source that knows beats one that does not; "introduced" (the PR adds it) beats "present".
    if (a === 'introduced' || b === 'introduced')
        return 'introduced';
    if (a === 'present' || b === 'present')
        return 'present';
    return a ?? b;
}
/**
 * Merges records of the same advisory (sharing any id or alias) for the same package and version. A record
 * without a version (npm audit, Dependabot) merges into one with a version when the rest matches. The most
 * severe rating, the earliest first-seen time and every source are kept.
 *
 * Linear in the number of records and aliases (union-find keyed by package + version + alias), not a
 * pairwise comparison: a 50 MB SARIF report holds hundreds of thousands of results.
 *   1. records WITH a version: one group per package + version, joined through any shared alias
 *      (A has a CVE, B the GHSA, C both: A, B and C are one advisory);
 *   2. records WITHOUT a version: the same per package;
 *   3. each version-less group joins the versioned groups of the same package it shares an alias with,
 *      those of the earliest such group's version (a version-less record cannot tell two versions apart).
 * Within a group, records are folded in input order into the first; groups keep the input order.
 */
function mergeVulnerabilities(list) {
    const recs = list.map((v) => ({
        ...v,
        aliases: uniq(v.aliases.length ? v.aliases : [v.id]),
        sources: uniq(v.sources),
        reports: uniq(v.reports),
    }));
    const parent = recs.map((_, i) => i);
    const find = (i) => {
        let r = i;
        while (parent[r] !== r)
            r = parent[r];
        while (parent[i] !== r) {
            const next = parent[i];
            parent[i] = r;
            i = next;
        }
        return r;
    };
    // The root is always the lowest index of its group: the record the others fold into.
    const union = (a, b) => {
        const ra = find(a);
        const rb = find(b);
        if (ra < rb)
            parent[rb] = ra;
        else if (rb < ra)
            parent[ra] = rb;
    };
    const pkgOf = recs.map((v) => normalisePackage(v.package));
    const keyOf = (i, alias) => `${pkgOf[i]}\u0000${recs[i].version ?? '\u0001'}\u0000${alias.toUpperCase()}`;
    // 1 + 2: join records of the same package, version (or lack of one) and an alias.
    const byKey = new Map();
    recs.forEach((v, i) => {
        for (const a of v.aliases) {
            const k = keyOf(i, a);
            const seen = byKey.get(k);
            if (seen === undefined)
                byKey.set(k, i);
            else
                union(seen, i);
        }
    });
    // 3: version-less groups into the versioned groups they share an alias with.
    const versioned = new Map(); // package + alias \u2192 versioned records
    recs.forEach((v, i) => {
        if (v.version === undefined)
            return;
        for (const a of v.aliases) {
            const k = `${pkgOf[i]}\u0000${a.toUpperCase()}`;
            const at = versioned.get(k);
            if (at)
                at.push(i);
            else
                versioned.set(k, [i]);
        }
    });
    if (versioned.size) {
        const loose = new Map(); // root of a version-less group \u2192 its records
        recs.forEach((v, i) => {
            if (v.version !== undefined)
                return;
            const r = find(i);
            const at = loose.get(r);
            if (at)
                at.push(i);
            else
                loose.set(r, [i]);
        });
        for (const members of loose.values()) {
            const linked = [];
            for (const i of members)
                for (const a of recs[i].aliases)
                    linked.push(...(versioned.get(`${pkgOf[i]}\u0000${a.toUpperCase()}`) ?? []));
            if (!linked.length)
                continue;
            // The version of the earliest group among those linked (each linked record carries its own version).
            let first = linked[0];
            for (const i of linked)
                if (find(i) < find(first))
                    first = i;
            const version = recs[first].version;
            for (const i of linked)
                if (recs[i].version === version)
                    union(members[0], i);
        }
    }
    // Fold each group, in input order, into its first record.
    const out = [];
    recs.forEach((v, i) => {
        const r = find(i);
        if (r === i)
            out.push(v);
        else
            absorb(recs[r], v);
    });
    return out;
}
function absorb(same, v) {
    same.aliases = uniq([...same.aliases, ...v.aliases]);
    same.id = preferredId(same.aliases);
    same.version ??= v.version;
    same.fixedVersion ??= v.fixedVersion;
    same.ecosystem ??= v.ecosystem;
    if (severityRank(v.severity) > severityRank(same.severity))
        same.severity = v.severity;
    if (v.cvss !== undefined && (same.cvss === undefined || v.cvss > same.cvss))
        same.cvss = v.cvss;
    same.title ??= v.title;
    if (!same.url?.includes('/advisories/GHSA-'))
        same.url = v.url ?? same.url;
    same.manifest ??= v.manifest;
    if (v.nodes)
        same.nodes = uniq([...(same.nodes ?? []), ...v.nodes]);
    if (v.firstSeen && (!same.firstSeen || Date.parse(v.firstSeen) < Date.parse(same.firstSeen)))
        same.firstSeen = v.firstSeen;
    same.origin = laterOrigin(same.origin, v.origin);
    same.sources = uniq([...same.sources, ...v.sources]);
    same.reports = uniq([...same.reports, ...v.reports]);
}
/** Splits "name@version" on the last @ (scoped npm names keep their leading @). */
function splitNameVersion(s) {
    const at = s.lastIndexOf('@');
    if (at <= 0)
        return { name: s };
    return { name: s.slice(0, at), version: s.slice(at + 1) || undefined };
}


/***/ }),

/***/ 21592:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $W: () => (/* binding */ workspaceEvidence)
/* harmony export */ });
/* unused harmony exports MAX_ENTRIES, couldHoldMatch */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var minimatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91138);
/* harmony import */ var _change_glob_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(82236);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);
/**
 * Report files (coverage, scanner output) found in a directory: the Action's workspace, or the CLI's
 * checkout. Only files matching the policy's globs are listed; nothing is read until a rule asks.
 *
 * A listing that could not see everything never reads as "no report": a directory that cannot be listed
 * (permissions, I/O) where a glob could match, or a workspace over the entry cap, makes `findReports`
 * throw, so the rule asking is "not evaluated" instead of passing on missing evidence. A workspace root
 * that does not exist is simply empty (no checkout).
 */





const SKIP_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn']);
const MAX_ENTRIES = 200_000;
async function walk(root, dir, out, max) {
    if (out.truncated)
        return;
    let entries;
    try {
        entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir, { withFileTypes: true });
    }
    catch (e) {
        if (dir === root && e?.code === 'ENOENT')
            return; // no workspace: nothing to find
        out.unreadable.push({ dir: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, dir).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/'), reason: (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .plainMessage */ .C5)(e) });
        return;
    }
    for (const e of entries) {
        if (out.truncated)
            return;
        const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, e.name);
        if (e.isDirectory()) {
            if (!SKIP_DIRS.has(e.name))
                await walk(root, full, out, max);
        }
        else if (e.isFile()) {
            if (out.files.length >= max)
                out.truncated = true;
            else
                out.files.push((0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, full).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/'));
        }
    }
}
/** Whether a file matching `glob` (with matchesAny's semantics) could lie under the directory `dir`. */
function couldHoldMatch(dir, glob) {
    const anchored = glob.startsWith('./') || glob.startsWith('/');
    const g = anchored ? glob.replace(/^\.?\//, '') : glob;
    if (dir === '')
        return true;
    if (!g.includes('/'))
        return !anchored; // a slash-less glob matches at any depth, unless anchored at the root
    return new minimatch__WEBPACK_IMPORTED_MODULE_2__/* .Minimatch */ .VR(g, _change_glob_js__WEBPACK_IMPORTED_MODULE_3__/* .GLOB_OPTIONS */ .gu).match(dir, true);
}
function workspaceEvidence(root, origin = 'workspace', maxEntries = MAX_ENTRIES) {
    let listing;
    return {
        async findReports(globs) {
            if (!globs.length)
                return [];
            listing ??= (async () => {
                const out = { files: [], unreadable: [], truncated: false };
                await walk(root, root, out, maxEntries);
                out.files.sort();
                return out;
            })();
            const l = await listing;
            const blind = l.unreadable.find((u) => globs.some((g) => couldHoldMatch(u.dir, g)));
            const where = origin === 'pr-artifact' ? 'artifact' : 'workspace';
            if (blind) {
                throw new Error(`the ${where} directory ${blind.dir || '.'} could not be listed (${blind.reason}), ` +
                    `and a report matching ${globs.join(', ')} may be in it`);
            }
            if (l.truncated) {
                throw new Error(`the ${where} holds more than ${maxEntries} files; reports matching ${globs.join(', ')} beyond them were not looked for`);
            }
            const paths = l.files.filter((p) => (0,_change_glob_js__WEBPACK_IMPORTED_MODULE_3__/* .matchesAny */ ._I)(p, globs));
            return Promise.all(paths.map(async (p) => {
                const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, p);
                const { size } = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(full);
                return { path: p, origin, size, read: () => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(full, 'utf8') };
            }));
        },
    };
}


/***/ }),

/***/ 94126:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I$: () => (/* binding */ exitCode),
/* harmony export */   Us: () => (/* binding */ isBlocking),
/* harmony export */   VC: () => (/* binding */ failsJob),
/* harmony export */   gj: () => (/* binding */ deploymentDecision)
/* harmony export */ });
/** Rule statuses that hold a merge or deploy back (or warn about it): the surfaces list these first. */
const BLOCKING = new Set(['fail', 'warn', 'error']);
function isBlocking(status) {
    return BLOCKING.has(status);
}
/**
 * The CLI's exit code: 2 when the policy could not be loaded (a configuration error, as for a usage
 * error), 1 when the gate fails, 0 otherwise (success or neutral).
 */
function exitCode(v) {
    if (v.policyError)
        return 2;
    return v.conclusion === 'failure' ? 1 : 0;
}
function failsJob(v, failOn) {
    return failOn === 'failure' && v.conclusion === 'failure';
}
/** The answer to a deployment protection rule (the App's release gate). */
function deploymentDecision(v) {
    return v.conclusion === 'failure' ? 'rejected' : 'approved';
}


/***/ }),

/***/ 1255:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ gateChange)
/* harmony export */ });
/* harmony import */ var _engine_plan_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(30955);
/* harmony import */ var _engine_run_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(62515);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91130);
/**
 * The one pipeline of a change once a face has read it: the enforced policy (or its errors) \u2192 the reads the
 * rules plan, asked of the face's source in its own batches (GraphQL for the Action and the App, one git
 * cat-file batch for the CLI) \u2192 the rules \u2192 the verdict. A policy that does not load is the policy-error
 * verdict, never a pass. Every face that gates a pull request or a local diff goes through here; release mode
 * shares its pieces (`tryLoadPolicy`, `planReads`, `runGate`) around its own release-only rule.
 */



async function gateChange(input) {
    const { attempt, ctx, policySource } = input;
    if (!attempt.loaded)
        return { verdict: (0,_engine_run_js__WEBPACK_IMPORTED_MODULE_1__/* .policyErrorVerdict */ .GS)(attempt.errors, ctx, policySource, (0,_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .defaultResolvedPolicy */ .aW)()), leadingNotes: 0 };
    const { policy } = attempt.loaded;
    await input.prefetch?.((0,_engine_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .planReads */ .z)(policy, ctx.changes.files, ctx.mode));
    const notes = [...(input.notes ?? []), ...(0,_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .enforcementNotes */ .Yy)(attempt.loaded)];
    const verdict = await (0,_engine_run_js__WEBPACK_IMPORTED_MODULE_1__/* .runGate */ .Rg)({ policy, ctx, policySource, notes });
    return { verdict, policy, leadingNotes: notes.length };
}


/***/ }),

/***/ 21566:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ policySource)
/* harmony export */ });
/* harmony import */ var _policy_load_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40949);
/**
 * Where the enforced policy came from, in words, for every face (comment, check run, CLI, release, trends):
 * `<path>@<ref>`, the working-tree file the CLI was given, or the embedded default when the repository has
 * none at the ref. One function, so the faces cannot drift apart.
 */

function policySource(o) {
    const where = o.at === 'working tree' ? 'working tree' : 'ref' in o.at ? o.at.ref : o.at.sha.slice(0, 12);
    if (o.text === undefined)
        return `embedded default policy (no ${o.path} ${o.missingAt ?? (o.at === 'working tree' ? 'in the working tree' : `at ${where}`)})`;
    const empty = (0,_policy_load_js__WEBPACK_IMPORTED_MODULE_0__/* .isEmptyPolicy */ .kj)(o.text) ? ' (empty: the default preset applies)' : '';
    return o.at === 'working tree' ? `${o.path} (working tree)${empty}` : `${o.path}@${where}${empty}`;
}


/***/ }),

/***/ 91130:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Yy: () => (/* binding */ enforcementNotes),
/* harmony export */   aW: () => (/* binding */ defaultResolvedPolicy),
/* harmony export */   oB: () => (/* binding */ tryLoadPolicy)
/* harmony export */ });
/* harmony import */ var _policy_load_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40949);
/* harmony import */ var _policy_resolved_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(30760);
/**
 * The enforced policy, loaded the same way by every face (Action, App, CLI, release mode, trends): a broken
 * policy becomes its formatted messages (`file:line:column: \u2026`) instead of a throw, so each face can turn it
 * into the policy-error verdict; a loaded one carries the notes of the org floors it had to enforce.
 */


/** The embedded default policy, resolved: what applies when there is none, or none that loads. */
function defaultResolvedPolicy() {
    return (0,_policy_resolved_js__WEBPACK_IMPORTED_MODULE_1__/* .resolvePolicy */ .nZ)((0,_policy_resolved_js__WEBPACK_IMPORTED_MODULE_1__/* .fillDefaults */ .wG)({}));
}
/** Loads a policy through a reader; a broken policy becomes a list of messages instead of a throw. */
async function tryLoadPolicy(text, path, read, options = {}) {
    try {
        return { loaded: await (0,_policy_load_js__WEBPACK_IMPORTED_MODULE_0__/* .loadPolicy */ .tb)(text, path, read, options) };
    }
    catch (e) {
        if (e instanceof _policy_load_js__WEBPACK_IMPORTED_MODULE_0__/* .PolicyError */ .pn)
            return { errors: e.issues.map(_policy_load_js__WEBPACK_IMPORTED_MODULE_0__/* .formatIssue */ .Hd) };
        throw e;
    }
}
/** The gate-level notes that say which org floors were enforced (shown in the comment, check run and JSON). */
function enforcementNotes(loaded) {
    if (!loaded.enforced.length)
        return [];
    const keys = loaded.enforced.length === 1 ? 'one locked key' : `${loaded.enforced.length} locked keys`;
    return [
        {
            level: 'warning',
            message: `Org policy enforced: ${keys} of the org policy could not be loosened by this repository's policy; the org values apply.`,
            detail: loaded.enforced.map(_policy_load_js__WEBPACK_IMPORTED_MODULE_0__/* .describeEnforcement */ .u1).join('\n'),
        },
    ];
}


/***/ }),

/***/ 41213:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L$: () => (/* binding */ BudgetExceeded),
/* harmony export */   Rf: () => (/* binding */ spend),
/* harmony export */   Y$: () => (/* binding */ withBudget)
/* harmony export */ });
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16698);
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_async_hooks__WEBPACK_IMPORTED_MODULE_0__);
/**
 * An execution budget for work driven by untrusted patterns (the PR's own policy, previewed for
 * information). Every regex and glob operation calls `spend()`; inside `withBudget` it throws
 * `BudgetExceeded` once the budget's deadline has passed, or once the current synchronous stretch has kept
 * the event loop from turning for longer than `maxBlockMs` (an App serves other installations and
 * /healthz on the same loop). Outside `withBudget` (the enforced run) `spend()` costs one lookup.
 *
 * Why cooperative rather than a worker thread: after the regex engine became linear-time (RE2) and globs are
 * compiled once with a capped expansion, each single operation is bounded; what stays unbounded is only
 * how many of them a policy asks for (entries \u00d7 files \u00d7 lines). Checking at every operation bounds that
 * number by time, while the preview keeps the evaluation context (API readers, evidence) that a worker
 * would have to proxy across threads.
 */

class BudgetExceeded extends Error {
    why;
    constructor(why) {
        super(why);
        this.why = why;
        this.name = 'BudgetExceeded';
    }
}
const storage = new node_async_hooks__WEBPACK_IMPORTED_MODULE_0__.AsyncLocalStorage();
const tookLonger = (ms) => `it took longer than ${ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`}`;
/** Throws BudgetExceeded when the active budget (if any) is spent. Cheap enough to call per match. */
function spend() {
    const b = storage.getStore();
    if (!b)
        return;
    if (b.exceeded)
        throw new BudgetExceeded(b.exceeded);
    const now = Date.now();
    if (now > b.deadline)
        b.exceeded = tookLonger(b.ms);
    else if (now - b.lastTurn > b.maxBlockMs)
        b.exceeded = `it kept the event loop busy for more than ${b.maxBlockMs} ms at once`;
    if (b.exceeded)
        throw new BudgetExceeded(b.exceeded);
}
/**
 * Runs `fn` under a budget of `ms` milliseconds (wall time, API waits included) and at most `maxBlockMs` of
 * event-loop blocking at once. Never throws BudgetExceeded: the outcome says whether the budget held. When
 * the time runs out while `fn` waits, the result is abandoned (any further pattern work of it throws).
 */
async function withBudget(ms, maxBlockMs, fn) {
    const budget = { ms, deadline: Date.now() + ms, maxBlockMs, lastTurn: Date.now() };
    const ticker = setInterval(() => (budget.lastTurn = Date.now()), Math.max(1, Math.floor(maxBlockMs / 4)));
    ticker.unref();
    let timer;
    const timeout = new Promise((resolve) => {
        timer = setTimeout(() => {
            budget.exceeded ??= tookLonger(ms);
            resolve({ ok: false, why: budget.exceeded });
        }, ms);
        timer.unref();
    });
    const run = storage.run(budget, async () => {
        try {
            const value = await fn();
            return budget.exceeded ? { ok: false, why: budget.exceeded } : { ok: true, value };
        }
        catch (e) {
            if (budget.exceeded)
                return { ok: false, why: budget.exceeded };
            throw e;
        }
    });
    try {
        return await Promise.race([run, timeout]);
    }
    finally {
        clearInterval(ticker);
        clearTimeout(timer);
        budget.exceeded ??= 'it was abandoned';
    }
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


/***/ }),

/***/ 40949:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pn: () => (/* binding */ PolicyError),
  _Q: () => (/* binding */ REMOTE_PREFIX),
  dd: () => (/* binding */ RemoteReadError),
  u1: () => (/* binding */ describeEnforcement),
  Hd: () => (/* binding */ formatIssue),
  kj: () => (/* binding */ isEmptyPolicy),
  tb: () => (/* binding */ loadPolicy),
  Z_: () => (/* binding */ parseRemoteSpec),
  iy: () => (/* binding */ remoteName)
});

// UNUSED EXPORTS: PRESET_NAMES, deepMerge, parsePolicyText

// EXTERNAL MODULE: ./src/policy/resolved.ts
var resolved = __webpack_require__(30760);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(33243);
// EXTERNAL MODULE: ./src/policy/schema.ts + 1 modules
var policy_schema = __webpack_require__(21458);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(48992);
;// CONCATENATED MODULE: ./src/policy/positions.ts
/**
 * Source positions for a YAML document: maps each value's path ("rules.pr-size.fail_lines") to the
 * line/column of its key and of its value, from js-yaml's event stream. Used to put file:line:column on
 * every policy error.
 */



/** Builds the path \u2192 position map. Never throws: on a parse error it returns what it has. */
function positionsOf(source) {
    const out = new Map();
    let events;
    try {
        events = (0,js_yaml.parseEvents)(source, {});
    }
    catch {
        return out;
    }
    const stack = [];
    const put = (path, valuePos, keyPos) => {
        const k = path.join('.');
        if (!out.has(k))
            out.set(k, { value: (0,src_text/* lineColumn */.rv)(source, valuePos), key: keyPos === undefined ? undefined : (0,src_text/* lineColumn */.rv)(source, keyPos) });
    };
    // Resolve where the next value goes; returns its path and the key position, advancing the parent.
    const place = () => {
        const top = stack.at(-1);
        if (!top)
            return { path: [] };
        if (top.kind === 'seq')
            return { path: [...top.path, String(top.index++)] };
        if (top.pendingKey) {
            const key = top.pendingKey;
            top.pendingKey = undefined;
            top.expectKey = true;
            return { path: [...top.path, key.name], keyPos: key.pos };
        }
        return undefined;
    };
    for (const ev of events) {
        if (ev.type === js_yaml.EVENT_ID.SCALAR) {
            const top = stack.at(-1);
            if (top && top.kind === 'map' && top.expectKey) {
                top.pendingKey = { name: (0,js_yaml.getScalarValue)(source, ev), pos: Math.max(0, ev.valueStart) };
                top.expectKey = false;
                continue;
            }
            const p = place();
            if (p)
                put(p.path, Math.max(0, ev.valueStart), p.keyPos);
        }
        else if (ev.type === js_yaml.EVENT_ID.MAPPING || ev.type === js_yaml.EVENT_ID.SEQUENCE) {
            const top = stack.at(-1);
            if (top && top.kind === 'map' && top.expectKey) {
                // complex key: skip its content
                top.expectKey = false;
                top.pendingKey = { name: '?', pos: Math.max(0, ev.start) };
            }
            const p = place() ?? { path: ['?'] };
            put(p.path, Math.max(0, ev.start), p.keyPos);
            stack.push(ev.type === js_yaml.EVENT_ID.MAPPING ? { kind: 'map', path: p.path, expectKey: true } : { kind: 'seq', path: p.path, index: 0 });
        }
        else if (ev.type === js_yaml.EVENT_ID.ALIAS) {
            const top = stack.at(-1);
            if (top && top.kind === 'map' && top.expectKey) {
                top.pendingKey = { name: '*', pos: ev.anchorStart };
                top.expectKey = false;
                continue;
            }
            const p = place();
            if (p)
                put(p.path, Math.max(0, ev.anchorStart), p.keyPos);
        }
        else if (ev.type === js_yaml.EVENT_ID.POP) {
            stack.pop();
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/policy/validate.ts
var validate = __webpack_require__(17766);
;// CONCATENATED MODULE: ./src/policy/presets.generated.ts
// GENERATED by scripts/gen-presets.mjs from policies/*.yml: do not edit.
const PRESETS = {
    "default": "# yaml-language-server: $schema=./schema.json\n# pr-quality-gate \u2014 the default preset: the team's documented backend engineering standards.\n# A repository's .github/quality-gate.yml starts with `extends: default` and overrides rule by rule.\n#\n# Standards this preset encodes (each rule cites its own below):\n#   1. Pull requests stay small: PRs trend toward a median under 300 changed lines.\n#   2. Business-critical paths need tests and coverage on the changed code, not one global percentage.\n#   3. Database migrations are safe (no long locks on hot tables) and reversible.\n#   4. Runbooks are updated for all major operational changes.\n#   5. Dependency scanning runs in CI; critical vulnerabilities are fixed within 7-14 days.\n#   6. Secret scanning and basic SAST are integrated into CI/CD.\n\nrules:\n  # Standard 1: median under 300 changed lines. Warn well above the median (400), fail at 1000, where\n  # review quality collapses. Lock files, generated and vendored files never count.\n  pr-size:\n    level: warn\n    warn_lines: 400\n    fail_lines: 1000\n    warn_files: 50\n    fail_files: 0\n\n  # Standard 2: business-critical paths need tests and coverage on the changed code, not one global\n  # percentage. Areas are repository-specific, so none are named here: a repository lists its critical\n  # paths (include globs), their tests, and the diff-coverage threshold. Example in docs/rules.\n  critical-path-tests:\n    level: fail\n    areas: []\n    missing_report: warn\n\n  # Standard 3: database migrations are safe and reversible. Statements that take long ACCESS EXCLUSIVE\n  # locks or rewrite tables fail, with the safe recipe on the offending line; style advice is a notice.\n  migration-safety:\n    level: fail\n    pg_version: 14\n    dangers: { prefer-jsonb: notice, prefer-bigint-key: notice, prefer-timestamptz: notice, prefer-text: notice }\n\n  # Standard 4: runbooks are updated for all major operational changes (deploy manifests, infrastructure,\n  # alerts and dashboards, deploying workflows, schedules, new environment variables). Satisfied by a\n  # changed runbook or ops doc (RELEASING.md, docs/ops/**, \u2026) or a reasoned line \"Runbook: not needed \u2014 <reason>\"\n  # in the PR description.\n  runbook:\n    level: warn\n\n  # Generic \"when X changes, Y must change too\". Examples from the standards: a new service needs an\n  # ADR; a public API spec change needs a CHANGELOG entry; proto changes need API docs.\n  co-change:\n    level: warn\n    rules:\n      - name: adr-for-new-service\n        when: [\"services/*/package.json\", \"services/*/go.mod\", \"services/*/pyproject.toml\", \"services/*/pom.xml\"]\n        only_added: true\n        require: [\"docs/adr/**\", \"docs/decisions/**\", \"adr/**\"]\n        or_declaration: \"ADR: not needed\"\n      - name: changelog-for-api-spec\n        when: [\"**/openapi.{yaml,yml,json}\"]\n        require: [\"CHANGELOG.md\", \"**/CHANGELOG.md\"]\n        or_declaration: \"Changelog: not needed\"\n      - name: api-docs-for-proto\n        when: [\"proto/**/*.proto\"]\n        added_lines_match: \"^\\\\s*(rpc|message|service|enum)\\\\s\"\n        require: [\"docs/api/**\", \"**/*.md\"]\n        or_declaration: \"API docs: not needed\"\n\n  # Standard 5: dependency scanning runs in CI and critical vulnerabilities are fixed within 7-14 days.\n  # Reads the reports your scanners leave in the workspace (SARIF, npm audit, OSV-Scanner) and GitHub's\n  # dependency review. Only where CI writes reports (the workspace root and reports/), never committed\n  # fixtures deeper in the tree. Globs that match nothing give a notice; list a plain path to require one.\n  dependencies:\n    level: fail\n    reports: [\"./*.sarif\", \"reports/**/*.sarif\", \"./{npm-audit,osv-scanner}.json\", \"reports/**/{npm-audit,osv-scanner}.json\"]\n    fail_on: high\n    new_only: true\n    fix_within_days: { critical: 7, high: 14 }\n    use_dependency_review: true\n    use_dependabot_alerts: false\n\n  # Standard 6: secret scanning runs in CI. The lines a PR adds are scanned with secretlint's recommended\n  # rules (binary and lock files skipped), with GitHub's own secret-scanning alerts when the token may read\n  # them. A credential fails: rotate it first, then remove it from history. The gate never prints it.\n  # Fake keys of tests: allowlist them by path, detector or fingerprint with a reason.\n  secrets:\n    level: fail\n    allow: []\n    inline_allow: true\n    # GitHub's own secret-scanning alerts: off here, like Dependabot alerts (one more API call a run, and a\n    # token that may read them: `security-events: read`; a GitHub App: \"Secret scanning alerts: read\").\n    use_secret_scanning_alerts: false\n\n  # Standard 6, SAST half: basic SAST runs in CI. Off here because it needs a SAST tool writing SARIF (or\n  # GitHub code scanning); the strict preset turns it on. When on, it gates the results a PR introduces on\n  # the lines it changes (baselineState, else fingerprints against a base report, else \"on a changed line\").\n  code-scanning:\n    level: off\n    reports: [\"./*.sarif\", \"reports/**/*.sarif\"]\n    only: new-on-changed-lines\n    fail_on: high\n    use_code_scanning_alerts: true\n\n# When the sticky PR comment is written; the check run always has the full report. always: on every PR,\n# updated in place (a passing PR gets a few lines). Quieter: on-failure (none while green; a red comment\n# already there turns green) or on-change (only when the verdict or findings change). never: check run only.\ncomment: always\n\nconclusion:\n  warnings: neutral   # only warnings -> neutral check (does not block, but is visible)\n  on_error: failure   # a rule that could not be evaluated never lets the gate pass\n  partial: failure    # more than GitHub's 3000 listed files: the gate cannot vouch for the rest\n\nwaivers:\n  label_prefix: \"gate-waive:\"\n  require_reason: true\n  min_reason_length: 10\n",
    "relaxed": "# yaml-language-server: $schema=./schema.json\n# pr-quality-gate \u2014 the relaxed preset: the default standards as advice. Nothing blocks a merge except\n# rules that cannot be evaluated; use it to introduce the gate to a repository before enforcing it.\nextends: default\n\nrules:\n  # Standard 1 (median under 300 changed lines) as advice only.\n  pr-size:\n    level: notice\n    warn_lines: 600\n    fail_lines: 2000\n\n  critical-path-tests:\n    level: warn\n    missing_report: ignore\n\n  migration-safety:\n    level: warn\n    dangers: { prefer-jsonb: off, prefer-bigint-key: off, prefer-timestamptz: off, prefer-text: off, missing-down: notice, expand-contract: notice }\n\n  runbook:\n    level: notice\n    disable: [dockerfile, new-env-var]\n\n  co-change:\n    level: notice\n\n  dependencies:\n    level: warn\n    fail_on: critical\n    fix_within_days: { critical: 14, high: null }\n    missing_report: warn\n\nconclusion:\n  warnings: success\n",
    "strict": "# yaml-language-server: $schema=./schema.json\n# pr-quality-gate \u2014 the strict preset: the default standards, enforced (warnings become failures where\n# the standard is a hard rule). For services with on-call rotations and regulated data.\nextends: default\n\nrules:\n  # Standard 1 (median under 300 changed lines), enforced: fail above 600 lines or 60 files.\n  pr-size:\n    level: fail\n    warn_lines: 300\n    fail_lines: 600\n    warn_files: 30\n    fail_files: 60\n    labels: true\n\n  # Standard 2, enforced: a named area whose coverage report is missing fails.\n  critical-path-tests:\n    level: fail\n    missing_report: fail\n\n  # Standard 3, enforced: every DDL file sets lock_timeout; irreversible migrations and expand/contract\n  # violations fail.\n  migration-safety:\n    level: fail\n    require_lock_timeout: true\n    dangers: { lock-timeout-missing: fail, missing-down: fail, expand-contract: fail, enum-add-value-unordered: fail }\n\n  # Standard 4, enforced: operational changes without a runbook update fail.\n  runbook:\n    level: fail\n    min_reason_length: 30\n\n  co-change:\n    level: fail\n\n  # Standard 5, enforced more tightly: medium and above fail; Dependabot alert ages count against the SLA.\n  dependencies:\n    level: fail\n    fail_on: medium\n    fix_within_days: { critical: 7, high: 14, medium: 60 }\n    use_dependabot_alerts: true\n    licenses: { deny: [\"AGPL-3.0-only\", \"AGPL-3.0-or-later\", \"SSPL-1.0\"] }\n\n  # Standard 6, enforced: secrets fail (as in default), and SAST results the PR introduces on its changed\n  # lines fail from medium up (an ESLint/Semgrep warning is medium), from the workspace SARIF and GitHub code scanning.\n  code-scanning:\n    level: fail\n    fail_on: medium\n\n  # GitHub's own secret-scanning alerts as well as the diff scan (one more API call a run; needs a token\n  # that may read them, else a notice).\n  secrets:\n    use_secret_scanning_alerts: true\n\nconclusion:\n  warnings: neutral\n\n# Team trends (pr-gate report --fail-on-trend): a weekly median over 300 lines for 2 weeks in a row, any\n# vulnerability past its fix SLA, or more than 10% failing gates among merged pull requests fails the report.\nreport:\n  size_threshold: 300\n  fail_on_trend: { median_over_weeks: 2, sla_breach: true, max_failure_share: 10 }\n",
};

// EXTERNAL MODULE: ./node_modules/minimatch/dist/esm/index.js + 8 modules
var esm = __webpack_require__(91138);
;// CONCATENATED MODULE: ./src/policy/floors.ts
/**
 * Org floors: what "tighter" means for each policy key, in ONE table. A key an org policy marks `locked`
 * (see docs/policy.md, "Org policy") may be tightened by the policies that extend it, never loosened; a
 * looser value is replaced by the org's, and the verdict says which org rule was enforced.
 *
 * A key not in the table, or whose values the order below does not cover, has no "tighter": a locked value
 * simply cannot be changed (any other value is enforced back to the org's).
 */

const LEVELS = ['off', 'notice', 'warn', 'fail'];
/** The table: path patterns (minimatch over dotted paths, `*` = one segment) \u2192 how the value may move. */
const TIGHTENING = [
    ['rules.*.level', { kind: 'level' }],
    ['rules.pr-size.{warn_lines,fail_lines,warn_files,fail_files}', { kind: 'max' }],
    ['rules.*.min_reason_length', { kind: 'min' }],
    ['rules.*.exclude', { kind: 'subset' }],
    ['rules.*.ignore', { kind: 'subset' }],
    ['rules.critical-path-tests.coverage', { kind: 'superset' }],
    ['rules.migration-safety.paths', { kind: 'superset' }],
    ['rules.migration-safety.{require_lock_timeout,builtin_layouts}', { kind: 'true' }],
    ['rules.migration-safety.{app_exclude}', { kind: 'subset' }],
    ['rules.runbook.{triggers,runbooks,manifest_paths,deploy_commands,deploy_actions,deploy_job_names}', { kind: 'superset' }],
    [
        'rules.runbook.{disable,dev_tooling,non_production_paths,non_production_environments,non_production_events,env_var_ignore}',
        { kind: 'subset' },
    ],
    ['rules.co-change.rules', { kind: 'superset' }],
    ['rules.dependencies.reports', { kind: 'superset' }],
    ['rules.dependencies.fail_on', { kind: 'order', tightestFirst: ['low', 'medium', 'high', 'critical', 'none'] }],
    ['rules.dependencies.fix_within_days.*', { kind: 'max' }],
    ['rules.dependencies.licenses.deny', { kind: 'superset' }],
    ['rules.dependencies.licenses.allow', { kind: 'subset' }],
    ['rules.dependencies.{use_dependency_review,use_dependabot_alerts}', { kind: 'true' }],
    ['rules.dependencies.new_only', { kind: 'false' }],
    ['conclusion.{on_error,partial}', { kind: 'order', tightestFirst: ['failure', 'neutral'] }],
    ['conclusion.warnings', { kind: 'order', tightestFirst: ['neutral', 'success'] }],
    ['waivers.require_reason', { kind: 'true' }],
    ['waivers.min_reason_length', { kind: 'min' }],
    ['release.dangerous_rules', { kind: 'superset' }],
];
function tighteningOf(path, value) {
    const slashed = path.replace(/\./g, '/');
    for (const [pattern, how] of TIGHTENING)
        if ((0,esm/* minimatch */.xF)(slashed, pattern.replace(/\./g, '/'), { dot: true }))
            return how;
    // Any other level-valued key (danger levels, release levels, missing_report\u2026): a level.
    if (typeof value === 'string' && LEVELS.includes(value))
        return { kind: 'level' };
    return { kind: 'equal' };
}
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
/** Whether `value` is at least as tight as the locked `floor` under `how`. */
function atLeastAsTight(how, floor, value) {
    if (same(floor, value))
        return true;
    switch (how.kind) {
        case 'level': {
            const f = LEVELS.indexOf(floor);
            const v = LEVELS.indexOf(value);
            return f >= 0 && v >= f;
        }
        case 'max': {
            const unlimited = (x) => x === null || x === undefined || x === 0;
            if (unlimited(value))
                return false;
            if (unlimited(floor))
                return typeof value === 'number';
            return typeof value === 'number' && typeof floor === 'number' && value <= floor;
        }
        case 'min':
            return typeof value === 'number' && typeof floor === 'number' && value >= floor;
        case 'true':
            return value === true;
        case 'false':
            return value === false;
        case 'superset':
            return Array.isArray(value) && Array.isArray(floor) && floor.every((f) => value.some((v) => same(v, f)));
        case 'subset':
            return Array.isArray(value) && Array.isArray(floor) && value.every((v) => floor.some((f) => same(v, f)));
        case 'order': {
            const f = how.tightestFirst.indexOf(floor);
            const v = how.tightestFirst.indexOf(value);
            return f >= 0 && v >= 0 && v <= f;
        }
        case 'equal':
            return false;
    }
}
/** In words, for the note: "may only go up (off < notice < warn < fail)". */
function describeTightening(how) {
    switch (how.kind) {
        case 'level':
            return 'a level may only go up (off < notice < warn < fail)';
        case 'max':
            return 'a limit may only go down (0 = no limit is the loosest)';
        case 'min':
            return 'a minimum may only go up';
        case 'true':
            return 'may only be true';
        case 'false':
            return 'may only be false';
        case 'superset':
            return 'the list may gain entries, never lose one';
        case 'subset':
            return 'the list of exemptions may lose entries, never gain one';
        case 'order':
            return `tightest first: ${how.tightestFirst.join(' < ')}`;
        case 'equal':
            return 'it has no "tighter": it cannot be changed';
    }
}
const isMapping = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function getPath(doc, path) {
    let cur = doc;
    for (const k of path) {
        if (!isMapping(cur))
            return undefined;
        cur = cur[k];
    }
    return cur;
}
function setPath(doc, path, value) {
    let cur = doc;
    for (const k of path.slice(0, -1)) {
        if (!isMapping(cur[k]))
            cur[k] = {};
        cur = cur[k];
    }
    cur[path[path.length - 1]] = structuredClone(value);
}
/**
 * Applies the locks to the final resolved policy (in place): every leaf under a locked path that is
 * looser than its floor is set back to the floor. Returns what was enforced, in lock order.
 */
function enforceFloors(resolved, locks) {
    const out = [];
    const visit = (lock, path, floor) => {
        const dotted = path.join('.');
        const how = tighteningOf(dotted, floor);
        // A mapping without its own entry in the table is locked key by key (`rules.pr-size` locks each option).
        if (isMapping(floor) && how.kind === 'equal' && !TIGHTENING.some(([p]) => p === dotted)) {
            for (const [k, v] of Object.entries(floor))
                visit(lock, [...path, k], v);
            return;
        }
        const value = getPath(resolved, path);
        if (atLeastAsTight(how, floor, value))
            return;
        setPath(resolved, path, floor);
        out.push({
            path: dotted,
            requested: value,
            enforced: floor,
            lockedBy: { file: lock.file, line: lock.line, column: lock.column },
            rule: describeTightening(how),
        });
    };
    for (const lock of locks)
        visit(lock, lock.path.split('.'), lock.floor);
    return out;
}

;// CONCATENATED MODULE: ./src/policy/load.ts
/**
 * Loads a policy: parse YAML, validate every file of the `extends` chain with file:line:column errors,
 * deep-merge (rule by rule; lists and scalars replace), then fill defaults from the schema.
 */







function formatIssue(i) {
    const where = i.line !== undefined ? `${i.file}:${i.line}:${i.column ?? 1}` : i.file;
    return `${where}: ${i.message}`;
}
class PolicyError extends Error {
    issues;
    constructor(issues) {
        super(issues.map(formatIssue).join('\n'));
        this.issues = issues;
        this.name = 'PolicyError';
    }
}
const PRESET_NAMES = Object.keys(PRESETS);
function load_isMapping(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** Parses and validates one policy file; returns the raw mapping or throws PolicyError. */
function parsePolicyText(text, file) {
    const { doc, issues } = parseAndValidate(text, file);
    if (issues.length)
        throw new PolicyError(issues);
    return doc;
}
/**
 * Parses one policy file (invalid YAML throws PolicyError: there is no document to go on with) and
 * validates it, returning the mapping with its issues, so the caller can add the `extends` chain's issues
 * and report every problem at once.
 */
function parseAndValidate(text, file) {
    let doc;
    try {
        doc = text.trim() === '' ? {} : (0,js_yaml.load)(text, { filename: file });
    }
    catch (e) {
        // js-yaml 5 rejects a stream without a document (only comments, a BOM, `...`): that is an empty policy.
        if (e instanceof js_yaml.YAMLException && !e.mark && /input is empty/.test(e.reason))
            return { doc: {}, issues: [] };
        if (e instanceof js_yaml.YAMLException && e.mark) {
            throw new PolicyError([{ file, line: e.mark.line + 1, column: e.mark.column + 1, message: `invalid YAML: ${e.reason}` }]);
        }
        // js-yaml gives no mark for "more than one document": point at the `---` that starts the second one.
        if (e instanceof js_yaml.YAMLException)
            throw new PolicyError([{ file, line: secondDocumentLine(text), column: 1, message: `invalid YAML: ${e.reason}` }]);
        throw new PolicyError([{ file, message: `invalid YAML: ${e instanceof Error ? e.message : String(e)}` }]);
    }
    if (doc === null || doc === undefined)
        doc = {};
    if (!load_isMapping(doc))
        throw new PolicyError([
            { file, line: 1, column: 1, message: 'expected a mapping at the top level (keys such as extends, rules, waivers)' },
        ]);
    const schema = (0,policy_schema/* policySchema */.wh)();
    const issues = (0,validate/* validate */.tf)(schema, doc, [], [], {
        unknownLabel: (path) => (path.length === 1 && path[0] === 'rules' ? 'unknown rule' : undefined),
    });
    // Positions need a second parse of the text: only for a policy with something to point at.
    const positions = issues.length > 0 ? positionsOf(text) : new Map();
    return {
        doc,
        issues: issues.map((i) => {
            const p = positions.get(i.path.join('.')) ?? nearest(positions, i.path);
            const at = i.atKey ? (p?.key ?? p?.value) : (p?.value ?? p?.key);
            const pos = at && i.offset !== undefined && !i.atKey && p?.value ? inScalar(text, at, i.offset) : at;
            const name = i.path.length ? `${i.atKey ? i.path.slice(0, -1).join('.') || '(top level)' : i.path.join('.')}: ` : '';
            return { file, line: pos?.line, column: pos?.column, message: `${name}${i.message}` };
        }),
    };
}
/**
 * Where character `offset` of the string value starting at `at` is in the source: through the escapes of
 * a one-line quoted scalar, or straight on for a plain one. Block scalars and
 * values that continue on the next line keep the value's own position.
 */
function inScalar(text, at, offset) {
    const line = text.split('\n')[at.line - 1] ?? '';
    let i = at.column - 1;
    if (line[i] === '|' || line[i] === '>')
        return at;
    // js-yaml places a quoted scalar's value just past its opening quote.
    const quote = line[i - 1];
    if (quote === '"' || quote === "'") {
        for (let k = 0; k < offset && i < line.length; k++)
            i += (quote === '"' && line[i] === '\\') || (quote === "'" && line[i] === "'") ? 2 : 1;
    }
    else
        i += offset;
    return i < line.length ? { line: at.line, column: i + 1 } : at;
}
/** 1-based line of the `---` that starts a second document (1 when there is none to point at). */
function secondDocumentLine(text) {
    const lines = text.split('\n');
    let content = false;
    for (let i = 0; i < lines.length; i++) {
        const l = lines[i];
        if (/^---(\s|$)/.test(l)) {
            if (content)
                return i + 1;
            if (!/^---\s*(#.*)?$/.test(l))
                content = true;
        }
        else if (!/^\s*(#.*)?$/.test(l) && !/^(%|\.\.\.(\s|$))/.test(l))
            content = true;
    }
    return 1;
}
function nearest(positions, path) {
    for (let n = path.length - 1; n >= 0; n--) {
        const p = positions.get(path.slice(0, n).join('.'));
        if (p)
            return p;
    }
    return undefined;
}
/** Deep merge: mappings merge key by key, everything else (lists, scalars) is replaced by `over`. */
function deepMerge(base, over) {
    if (load_isMapping(base) && load_isMapping(over)) {
        const out = { ...base };
        for (const [k, v] of Object.entries(over))
            out[k] = k in out ? deepMerge(out[k], v) : v;
        return out;
    }
    return over === undefined ? base : over;
}
const MAX_DEPTH = 8;
function presetGuess(name) {
    const g = (0,validate/* didYouMean */.au)(name, PRESET_NAMES);
    return g ? ` (did you mean ${JSON.stringify(g)}?)` : '';
}
class RemoteReadError extends Error {
    constructor(message) {
        super(message);
        this.name = 'RemoteReadError';
    }
}
const REMOTE_PREFIX = 'github:';
/** Parses `github:owner/repo/path@ref`; a string naming what is wrong when it is malformed. */
function parseRemoteSpec(s) {
    const m = /^github:([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})\/([^@]+?)(?:@([^@\s]+))?$/.exec(s);
    if (!m)
        return `expected github:<owner>/<repo>/<path>@<ref>, e.g. github:acme/.github/quality-gate/org.yml@main`;
    const path = m[3].replace(/^\/+/, '');
    if (path.split('/').some((seg) => seg === '..' || seg === '.' || seg === ''))
        return `the path ${JSON.stringify(path)} must be a plain path inside the repository`;
    return { owner: m[1], repo: m[2], path, ref: m.at(4) ?? 'HEAD' }; // the @ref group is optional
}
const remoteName = (r) => `${REMOTE_PREFIX}${r.owner}/${r.repo}/${r.path}${r.ref === 'HEAD' ? '' : `@${r.ref}`}`;
const remoteKey = (r) => `${REMOTE_PREFIX}${r.owner.toLowerCase()}/${r.repo.toLowerCase()}/${r.path}@${r.ref}`;
/** Removes the `locked` markers from a file's own mapping and returns the locks they declare (positioned). */
function extractLocks(own, text, file, issues) {
    let parsed;
    // A second parse of the text, made only when a lock or a bad lock needs a position.
    const positions = { get: (p) => (parsed ??= positionsOf(text)).get(p) };
    const pos = (p) => {
        const at = positions.get(p);
        return at ? { line: (at.key ?? at.value).line, column: (at.key ?? at.value).column } : {};
    };
    const out = [];
    const schema = (0,policy_schema/* policySchema */.wh)();
    const known = (path) => {
        let node = schema;
        for (const k of path)
            node = node?.properties?.[k] ?? (typeof node?.additionalProperties === 'object' ? node.additionalProperties : undefined);
        return node !== undefined;
    };
    if (Array.isArray(own.locked)) {
        own.locked.forEach((p, i) => {
            if (typeof p !== 'string')
                return;
            const path = p.split('.');
            if (!known(path) || path.includes('locked') || path[0] === 'extends' || path[0] === '$schema')
                issues.push({
                    file,
                    ...positionAt(positions, `locked.${i}`),
                    message: `locked: ${JSON.stringify(p)} is not a policy key (e.g. conclusion.on_error, rules.pr-size.fail_lines)`,
                });
            else
                out.push({ path: p, file, ...pos(`locked.${i}`) });
        });
    }
    delete own.locked;
    if (load_isMapping(own.rules)) {
        const rules = { ...own.rules };
        for (const [id, entry] of Object.entries(rules)) {
            if (!load_isMapping(entry) || entry.locked === undefined)
                continue;
            const where = pos(`rules.${id}.locked`);
            if (entry.locked === true)
                out.push({ path: `rules.${id}`, file, ...where });
            else if (Array.isArray(entry.locked)) {
                entry.locked.forEach((k, i) => {
                    if (typeof k !== 'string')
                        return;
                    if (k === 'locked' || !known(['rules', id, k]))
                        issues.push({
                            file,
                            ...positionAt(positions, `rules.${id}.locked.${i}`),
                            message: `rules.${id}.locked: ${JSON.stringify(k)} is not an option ` +
                                `of ${id}${hintFor(k, Object.keys(policySchemaRuleProps(id)))}`,
                        });
                    else
                        out.push({ path: `rules.${id}.${k}`, file, ...where });
                });
            }
            const { locked: _locked, ...rest } = entry;
            rules[id] = rest;
        }
        own.rules = rules;
    }
    return out;
}
function positionAt(positions, p) {
    const at = positions.get(p);
    return at ? { line: at.value.line, column: at.value.column } : {};
}
function policySchemaRuleProps(id) {
    const rules = (0,policy_schema/* policySchema */.wh)().properties.rules.properties;
    return rules[id]?.properties ?? {};
}
function hintFor(name, options) {
    const g = (0,validate/* didYouMean */.au)(name, options.filter((o) => o !== 'locked'));
    return g ? ` (did you mean ${JSON.stringify(g)}?)` : '';
}
/** The policy `merged` resolves to, with every default filled in (as loadPolicy returns it). */
const withDefaults = resolved/* fillDefaults */.wG;
/** The target of the `extends` entry `name` in a file from `origin`, or the issue that says why there is none. */
function extendsTarget(name, origin, st) {
    if (name.startsWith(REMOTE_PREFIX)) {
        const spec = parseRemoteSpec(name);
        if (typeof spec === 'string')
            return `extends: ${JSON.stringify(name)}: ${spec}`;
        return remoteTarget(spec, st);
    }
    // Own keys only: any name may be asked for (`extends: constructor` is no preset).
    const preset = Object.hasOwn(PRESETS, name) ? PRESETS[name] : undefined;
    if (preset !== undefined) {
        return {
            key: `preset:${name}`,
            file: `policies/${name}.yml`,
            origin: { kind: 'local' },
            load: () => Promise.resolve(preset),
            missing: '',
        };
    }
    if (name.includes('/') || /\.ya?ml$/.test(name)) {
        const path = name.replace(/^\.?\//, '');
        if (origin.kind === 'remote')
            return remoteTarget({ ...origin.spec, path }, st);
        return {
            key: path,
            file: path,
            origin,
            load: () => st.read(path),
            missing: `extends: ${JSON.stringify(name)} was not found in the repository at the enforced ref`,
        };
    }
    return (`extends: unknown preset ${JSON.stringify(name)}${presetGuess(name)}; ` +
        `shipped presets: ${PRESET_NAMES.join(', ')} (or a repository path such as .github/policies/base.yml, ` +
        `or github:<owner>/<repo>/<path>@<ref>)`);
}
/**
 * The target and text of the `extends` entry `name` (the chain so far is `seen`), or the issue that
 * stops it: an unknown name, a cycle, a chain too deep, a read that failed, a file that is not there.
 */
async function readExtended(name, origin, seen, st) {
    const target = extendsTarget(name, origin, st);
    if (typeof target === 'string')
        return target;
    if (seen.includes(target.key))
        return `extends cycle: ${[...seen, target.key].join(' \u2192 ')}`;
    if (seen.length + 1 > MAX_DEPTH)
        return `extends chain deeper than ${MAX_DEPTH}: ${[...seen, target.key].join(' \u2192 ')}`;
    let text;
    try {
        text = await target.load();
    }
    catch (e) {
        if (!(e instanceof RemoteReadError))
            throw e;
        return `extends: ${JSON.stringify(name)}: ${e.message}`;
    }
    if (text === undefined)
        return target.missing;
    return { target, text };
}
async function resolveChain(text, file, origin, seen, st) {
    // This file's own issues and those of its `extends` chain are reported together: one run of
    // `pr-gate validate` names every problem, not one layer at a time.
    const { doc: raw, issues } = parseAndValidate(text, file);
    const ext = raw.extends === undefined ? [] : Array.isArray(raw.extends) ? raw.extends : [raw.extends];
    // Errors about an `extends` entry point at that entry (file:line:column), like every other policy error.
    const at = (i) => {
        const p = positionsOf(text).get(Array.isArray(raw.extends) ? `extends.${i}` : 'extends');
        return p ? { line: p.value.line, column: p.value.column } : {};
    };
    let merged = {};
    for (const [i, name] of ext.entries()) {
        if (typeof name !== 'string')
            continue; // a type error, already among this file's issues
        const child = await readExtended(name, origin, seen, st);
        if (typeof child === 'string') {
            issues.push({ file, ...at(i), message: child });
            continue;
        }
        try {
            merged = deepMerge(merged, await resolveChain(child.text, child.target.file, child.target.origin, [...seen, child.target.key], st));
        }
        catch (e) {
            if (!(e instanceof PolicyError))
                throw e;
            issues.push(...e.issues);
        }
    }
    const own = { ...raw };
    delete own.extends;
    delete own.$schema;
    const locks = extractLocks(own, text, file, issues);
    if (issues.length)
        throw new PolicyError(issues);
    st.sources.push(file);
    st.layers.push({ file, own, text });
    const result = deepMerge(merged, own);
    if (locks.length) {
        const resolved = withDefaults(result);
        for (const l of locks)
            st.locks.push({ ...l, floor: structuredClone(getPath(resolved, l.path.split('.'))) });
    }
    return result;
}
function remoteTarget(spec, st) {
    const name = remoteName(spec);
    return {
        key: remoteKey(spec),
        file: name,
        origin: { kind: 'remote', spec },
        load: () => {
            if (!st.options.remote)
                throw new RemoteReadError(`a policy in another repository is read through the GitHub API, and there is no token ` +
                    `to read it${st.options.remoteUnavailable ? ` (${st.options.remoteUnavailable})` : ''}`);
            return st.options.remote(spec);
        },
        missing: `extends: ${JSON.stringify(name)} was not found: no file ${spec.path} in ${spec.owner}/${spec.repo} ` +
            `at ${spec.ref === 'HEAD' ? 'its default branch' : spec.ref} (or the token cannot read that repository)`,
    };
}
/**
 * Whether a policy file holds no document at all (empty, only comments, `---`, or `null`). Such a file
 * means the default preset, exactly as if the repository had none: an empty file must not silently turn
 * the preset off (a file with keys and no `extends` starts from the schema's defaults instead).
 */
function isEmptyPolicy(text) {
    if (text.trim() === '')
        return true;
    try {
        const doc = (0,js_yaml.load)(text);
        return doc === null || doc === undefined;
    }
    catch (e) {
        return e instanceof js_yaml.YAMLException && !e.mark && /input is empty/.test(e.reason);
    }
}
/**
 * Loads the policy at `file` with content `text` (undefined = the repository has none, or an empty file
 * (see isEmptyPolicy): the embedded default preset is used). Throws PolicyError with every issue found.
 */
async function loadPolicy(text, file, read, options = {}) {
    const st = { read, options, sources: [], locks: [], layers: [] };
    const empty = text !== undefined && isEmptyPolicy(text);
    const merged = text === undefined || empty
        ? await resolveChain(PRESETS.default, 'policies/default.yml', { kind: 'local' }, ['preset:default'], st)
        : await resolveChain(text, file, { kind: 'local' }, [file], st);
    if (empty)
        st.sources.push(`${file} (empty: the default preset applies)`);
    // Every registered rule gets an entry, so the engine never meets an unconfigured rule.
    const full = withDefaults(merged);
    const enforced = enforceFloors(full, st.locks).map((e) => ({ ...e, setBy: whoSet(st.layers, e.path, e.lockedBy.file) }));
    return { policy: (0,resolved/* resolvePolicy */.nZ)(full), sources: st.sources, enforced };
}
/** The last file of the chain (the closest to the repository) that set `path` or a key above it, after `lockFile`. */
function whoSet(layers, path, lockFile) {
    const segs = path.split('.');
    const lockAt = layers.findIndex((l) => l.file === lockFile);
    for (let i = layers.length - 1; i > lockAt; i--) {
        const l = layers[i];
        for (let n = segs.length; n > 0; n--) {
            if (getPath(l.own, segs.slice(0, n)) === undefined)
                continue;
            const p = positionsOf(l.text).get(segs.slice(0, n).join('.'));
            return { file: l.file, line: p?.key?.line ?? p?.value.line, column: p?.key?.column ?? p?.value.column };
        }
    }
    return undefined;
}
/** One enforced org floor in words, for the verdict's notes and `pr-gate validate`. */
function describeEnforcement(e) {
    const where = (w) => w.line !== undefined ? `${w.file}:${w.line}:${w.column ?? 1}` : w.file;
    const asked = e.setBy
        ? `${where(e.setBy)} sets ${JSON.stringify(e.requested ?? null)}`
        : `the policy asks for ${JSON.stringify(e.requested ?? null)}`;
    return (`${e.path}: ${asked}, looser than the org floor ${JSON.stringify(e.enforced)} locked ` +
        `at ${where(e.lockedBy)} (${e.rule}); ${JSON.stringify(e.enforced)} is enforced`);
}


/***/ }),

/***/ 97749:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hs: () => (/* binding */ regexProblem),
/* harmony export */   _H: () => (/* binding */ policyRegex),
/* harmony export */   cj: () => (/* binding */ PolicyRegexError)
/* harmony export */ });
/* unused harmony exports MAX_REGEX_LENGTH, MAX_REGEX_PROGRAM */
/* harmony import */ var re2js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2856);
/* harmony import */ var _sinclair_typebox__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(53646);
/* harmony import */ var _budget_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41213);
/**
 * Regular expressions written in a policy run on RE2 semantics (re2js, pure JavaScript): matching takes
 * time linear in the input whatever the pattern, so `^(a+)+$` cannot hang a run. RE2 has no
 * backreferences and no lookaround; `regexProblem` names such a construct and where it is, for
 * `pr-gate validate` and the policy loader.
 */



/** Longest pattern accepted (characters). */
const MAX_REGEX_LENGTH = 1000;
/** Largest compiled program accepted (RE2 instructions; matching costs up to this much per input character). */
const MAX_REGEX_PROGRAM = 2000;
/** Why RE2 rejects a construct, in words a policy author can act on. */
function constructName(fragment, description) {
    if (/^\\[1-9]/.test(fragment))
        return `backreference \`${fragment}\` is not supported (RE2 has no backreferences)`;
    if (fragment === '(?P' && description.includes('Perl'))
        return 'named backreference `(?P=\u2026)` is not supported (RE2 has no backreferences)';
    if (fragment.startsWith('\\k'))
        return 'named backreference `\\k<\u2026>` is not supported (RE2 has no backreferences)';
    if (fragment.startsWith('(?=') || fragment.startsWith('(?!'))
        return `lookahead \`${fragment.slice(0, 3)}\` is not supported (RE2 has no lookaround)`;
    if (fragment.startsWith('(?<=') || fragment.startsWith('(?<!'))
        return `lookbehind \`${fragment.slice(0, 4)}\` is not supported (RE2 has no lookaround)`;
    if (/^[*+?}]{1,2}$|^[*+?]\+$/.test(fragment) && /nested repetition/.test(description))
        return `possessive or nested quantifier \`${fragment}\` is not supported`;
    return `${description}: \`${fragment.length > 40 ? fragment.slice(0, 40) + '\u2026' : fragment}\``;
}
const cache = new Map();
const CACHE_MAX = 1000;
function compile(source) {
    const hit = cache.get(source);
    if (hit)
        return hit;
    (0,_budget_js__WEBPACK_IMPORTED_MODULE_0__/* .spend */ .Rf)();
    let out;
    if (source.length > MAX_REGEX_LENGTH)
        out = { message: `longer than ${MAX_REGEX_LENGTH} characters (${source.length})` };
    else {
        try {
            const re = re2js__WEBPACK_IMPORTED_MODULE_1__/* .RE2JS */ .L3.compile(source);
            out =
                re.programSize() > MAX_REGEX_PROGRAM
                    ? {
                        message: `too large once compiled (${re.programSize()} RE2 instructions, at most ${MAX_REGEX_PROGRAM}); ` +
                            'large counted repetitions such as `x{500}` cost the most',
                    }
                    : re;
        }
        catch (e) {
            if (e instanceof re2js__WEBPACK_IMPORTED_MODULE_1__/* .RE2JSSyntaxException */ .pB) {
                // re2js words lookbehind as "invalid named capture" and carries the rest of the pattern as the input.
                const fragment = e.input ?? '';
                const at = !fragment ? -1 : fragment === '(?P' && source.includes('(?P=') ? source.indexOf('(?P=') : source.indexOf(fragment);
                const look = at >= 0 ? /^\(\?<[=!]/.exec(fragment) : null;
                out = { message: look ? constructName(look[0], e.error) : constructName(fragment, e.error), offset: at >= 0 ? at : undefined };
            }
            else if (e instanceof re2js__WEBPACK_IMPORTED_MODULE_1__/* .RE2JSException */ .o_)
                out = { message: e.message };
            else
                throw e;
        }
    }
    if (cache.size >= CACHE_MAX)
        cache.clear();
    cache.set(source, out);
    return out;
}
/** Why `source` is not an acceptable policy regex, or undefined when it is. */
function regexProblem(source) {
    const c = compile(source);
    return c instanceof re2js__WEBPACK_IMPORTED_MODULE_1__/* .RE2JS */ .L3 ? undefined : c;
}
// `format: "regex"` in an option schema: TypeBox's own checks (Value.Check) agree with policy validation.
if (!_sinclair_typebox__WEBPACK_IMPORTED_MODULE_2__/* .Has */ .ru('regex'))
    _sinclair_typebox__WEBPACK_IMPORTED_MODULE_2__/* .Set */ .NZ('regex', (v) => regexProblem(v) === undefined);
class PolicyRegexError extends Error {
    source;
    problem;
    constructor(source, problem) {
        const shown = JSON.stringify(source.length > 60 ? source.slice(0, 60) + '\u2026' : source);
        const at = problem.offset !== undefined ? ` (at character ${problem.offset + 1})` : '';
        super(`invalid regular expression ${shown}: ${problem.message}${at}`);
        this.source = source;
        this.problem = problem;
        this.name = 'PolicyRegexError';
    }
}
/** Compiles (once per pattern) a policy regex; throws PolicyRegexError for a pattern RE2 rejects. */
function policyRegex(source) {
    const c = compile(source);
    if (!(c instanceof re2js__WEBPACK_IMPORTED_MODULE_1__/* .RE2JS */ .L3))
        throw new PolicyRegexError(source, c);
    return {
        source,
        test(text) {
            (0,_budget_js__WEBPACK_IMPORTED_MODULE_0__/* .spend */ .Rf)();
            return c.test(text);
        },
        exec(text) {
            (0,_budget_js__WEBPACK_IMPORTED_MODULE_0__/* .spend */ .Rf)();
            const m = c.exec(text);
            return Array.isArray(m) ? m.map((g) => (typeof g === 'string' ? g : undefined)) : null;
        },
    };
}


/***/ }),

/***/ 30760:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   nZ: () => (/* binding */ resolvePolicy),
/* harmony export */   wG: () => (/* binding */ fillDefaults)
/* harmony export */ });
/* unused harmony export ruleOptions */
/* harmony import */ var _rules_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83808);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(21458);
/* harmony import */ var _validate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17766);



const isRaw = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * A rule's options as the loader resolves them: `partial` (a policy's entry for the rule) with every
 * default of the rule's entry schema filled in. Tests build options through this, as production does.
 */
function ruleOptions(rule, partial) {
    const filled = applyDefaults(ruleEntrySchema(rule), partial ?? {});
    const b = rule.bind(filled);
    if (!b.ok)
        throw new Error(`ruleOptions: ${b.why}`);
    if (!isOptionsOf(rule, filled))
        throw new Error(`ruleOptions: the options of ${rule.id} are not a mapping`);
    return filled;
}
/** `value` is `rule`'s options: `bind` checked them against the rule's schema. */
function isOptionsOf(rule, value) {
    return isRaw(value) && rule.bind(value).ok;
}
function isResolvedPolicy(doc) {
    const rules = doc.rules;
    return (0,_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .validate */ .tf)((0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .policySchema */ .wh)(), doc).length === 0 && isRaw(rules) && _rules_index_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES */ .y0.every((r) => r.bind(rules[r.id]).ok);
}
/** The merged document with every default filled in and every registered rule given an entry. */
function fillDefaults(merged) {
    const full = (0,_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .applyDefaults */ .hq)((0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .policySchema */ .wh)(), merged ?? {});
    if (!isRaw(full))
        throw new Error('internal error: the resolved policy is not a mapping');
    const rules = isRaw(full.rules) ? { ...full.rules } : {};
    for (const r of _rules_index_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES */ .y0)
        rules[r.id] = (0,_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .applyDefaults */ .hq)((0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .ruleEntrySchema */ .gw)(r), rules[r.id] ?? {});
    return { ...full, rules };
}
/** The filled document (`fillDefaults`), checked and typed. */
function resolvePolicy(doc) {
    if (isResolvedPolicy(doc))
        return doc;
    const rules = isRaw(doc.rules) ? doc.rules : {};
    const issue = (0,_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .validate */ .tf)((0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .policySchema */ .wh)(), doc).at(0);
    const rule = _rules_index_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES */ .y0.map((r) => r.bind(rules[r.id])).find((b) => !b.ok);
    throw new Error(`internal error: the resolved policy does not ` +
        `check: ${issue ? `${issue.path.join('.')}: ${issue.message}` : rule ? rule.why : 'unknown'}`);
}


/***/ }),

/***/ 21458:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  nV: () => (/* reexport */ defaults/* DEFAULT_CHECK_NAME */.nV),
  qu: () => (/* reexport */ defaults/* DEFAULT_LABEL_PREFIX */.qu),
  lo: () => (/* reexport */ defaults/* DEFAULT_POLICY_PATH */.lo),
  qF: () => (/* binding */ policyJsonSchema),
  wh: () => (/* binding */ policySchema),
  gw: () => (/* binding */ ruleEntrySchema)
});

// UNUSED EXPORTS: ApproversSchema, COMMENT_MODES, CommentSetting, ConclusionSettings, ExtendsSetting, LevelSchema, LockedPaths, ReleaseSettings, RuleLockSetting, SCHEMA_ID, WaiverSettings

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/type/index.mjs + 100 modules
var type = __webpack_require__(82078);
// EXTERNAL MODULE: ./src/rules/index.ts + 42 modules
var src_rules = __webpack_require__(83808);
;// CONCATENATED MODULE: ./src/trends/settings.ts
/** The policy's `report:` section (team trends, `pr-gate report`): see docs/report.md. */

const ReportSettings = type/* Type */.ZU.Object({
    size_threshold: type/* Type */.ZU.Integer({
        minimum: 1,
        default: 300,
        description: 'The changed-lines mark of the trend report: the share of pull requests over it, ' +
            'and the weekly median it is held to (`fail_on_trend.median_over_weeks`).',
    }),
    fail_on_trend: type/* Type */.ZU.Object({
        median_over_weeks: type/* Type */.ZU.Integer({
            minimum: 0,
            default: 4,
            description: 'Fail the report when the weekly median PR size is over `size_threshold` this many ' +
                'ISO weeks in a row (weeks without merges break no run and extend none). 0: never.',
        }),
        sla_breach: type/* Type */.ZU.Boolean({
            default: true,
            description: 'Fail the report on any vulnerability fixed after its fix SLA, ' +
                'or still open past it, in the window (needs the Dependabot alerts).',
        }),
        max_failure_share: type/* Type */.ZU.Number({
            minimum: 0,
            maximum: 100,
            default: 100,
            description: 'Fail the report when more than this percentage of the merged pull requests had a failing gate. 100: never.',
        }),
    }, {
        additionalProperties: false,
        default: {},
        description: 'What fails the report (`pr-gate report --fail-on-trend`): a trend that breaches the standards.',
    }),
}, {
    additionalProperties: false,
    default: {},
    description: 'Team trends (`pr-gate report`): the size mark and the trends that fail the report.',
});

// EXTERNAL MODULE: ./src/policy/defaults.ts
var defaults = __webpack_require__(66794);
;// CONCATENATED MODULE: ./src/policy/schema.ts
/**
 * THE policy schema: the single source of the policy's types, defaults and documentation. The JSON Schema
 * for editors (policies/schema.json) is generated from `policySchema()` (`pr-gate schema`), and a test
 * fails when the committed file is stale. Rule options come from each rule's own `options` schema.
 */




const SCHEMA_ID = 'https://github.com/pr-quality-gate/pr-quality-gate/policies/schema.json';
const LevelSchema = type/* Type */.ZU.Unsafe({
    type: 'string',
    enum: ['off', 'notice', 'warn', 'fail'],
    description: 'off: not evaluated \u00b7 notice: reported, never blocks \u00b7 warn: conclusion neutral (or success) \u00b7 fail: conclusion failure',
});
const ConclusionSettings = type/* Type */.ZU.Object({
    warnings: type/* Type */.ZU.Unsafe({
        type: 'string',
        enum: ['neutral', 'success'],
        default: 'neutral',
        description: 'Check conclusion when the worst result is a warning.',
    }),
    on_error: type/* Type */.ZU.Unsafe({
        type: 'string',
        enum: ['failure', 'neutral'],
        default: 'failure',
        description: 'Conclusion when a rule could not be evaluated (API error, unreadable report). Never success.',
    }),
    partial: type/* Type */.ZU.Unsafe({
        type: 'string',
        enum: ['failure', 'neutral'],
        default: 'failure',
        description: 'Conclusion floor when the PR has more files than GitHub lists (3000): the evaluation is partial.',
    }),
}, { additionalProperties: false, default: {}, description: 'How results become the check conclusion.' });
/** Who may give a waiver or a release approval (GitHub's own records are checked for each). */
const ApproversSchema = type/* Type */.ZU.Object({
    users: type/* Type */.ZU.Optional(type/* Type */.ZU.Array(type/* Type */.ZU.String({ minLength: 1 }), { description: 'Logins that may approve.' })),
    teams: type/* Type */.ZU.Optional(type/* Type */.ZU.Array(type/* Type */.ZU.String({ pattern: '^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$' }), {
        description: 'Teams as `org/team-slug`; membership is read from the API (the token needs ' +
            'organization `members: read`; a workflow GITHUB_TOKEN cannot read it).',
    })),
    permission: type/* Type */.ZU.Optional(type/* Type */.ZU.Unsafe({
        type: 'string',
        enum: ['triage', 'write', 'maintain', 'admin'],
        description: 'Anyone whose repository role is this or higher (read from the API).',
    })),
    codeowners: type/* Type */.ZU.Optional(type/* Type */.ZU.Boolean({ description: "A code owner (CODEOWNERS read from the base commit) of every path the rule's findings name." })),
}, {
    additionalProperties: false,
    description: 'Who may approve. Any one of the listed kinds qualifies; the PR author never does unless `waivers.allow_self`.',
});

const WaiverSettings = type/* Type */.ZU.Object({
    label_prefix: type/* Type */.ZU.String({
        default: defaults/* DEFAULT_LABEL_PREFIX */.qu,
        minLength: 1,
        description: "A PR label `<prefix><rule-id>` waives that rule when GitHub's events show an approver (not the author) added it.",
    }),
    require_reason: type/* Type */.ZU.Boolean({
        default: true,
        description: 'A label waiver needs a line `<prefix><rule-id> <reason>` in the PR body; ' +
            'a `/gate waive <rule-id> <reason>` command needs its reason.',
    }),
    min_reason_length: type/* Type */.ZU.Integer({ minimum: 0, default: 10, description: 'Minimum length of the reason.' }),
    approvers: type/* Type */.ZU.Unsafe({
        ...ApproversSchema,
        default: { permission: 'write' },
        description: 'Who may waive a rule that sets no `approvers` of its own. Default: anyone with write access or more, other than the author.',
    }),
    allow_self: type/* Type */.ZU.Boolean({
        default: false,
        description: 'Let the PR author waive their own PR (a label they added, a command they wrote). Off by default.',
    }),
    invalidate_on_push: type/* Type */.ZU.Union([type/* Type */.ZU.Boolean(), type/* Type */.ZU.Array(type/* Type */.ZU.String({ minLength: 1 }))], {
        default: ['migration-safety', 'dependencies'],
        description: 'Rules whose waivers a push voids (true: every rule, false: none): ' +
            'the waiver must be given on the current head commit (a review on it, or a label or comment after its push).',
    }),
}, {
    additionalProperties: false,
    default: {},
    description: "Waivers: how an approver lets a PR pass a rule on purpose, verified from GitHub's records.",
});
const COMMENT_MODES = ['always', 'on-failure', 'on-change', 'never'];
const CommentSetting = type/* Type */.ZU.Unsafe({
    type: 'string',
    enum: [...COMMENT_MODES],
    default: 'always',
    description: 'When the sticky PR comment is written; the check run always has the full report. always (default): on every run, ' +
        'updated in place. on-failure: only when the conclusion is not success; a comment already there is updated, ' +
        'so a red comment never outlives the fix. on-change: only when what the comment shows (conclusion, findings, waivers, ' +
        'notes) differs from the comment already there; a PR that passes from the start gets none. never: check run only.',
});
const levelWithDefault = (def, description) => type/* Type */.ZU.Unsafe({ ...LevelSchema, default: def, description });
/** Release mode (`mode: release` in the Action, deployment protection rules in the App): see docs/release.md. */
const ReleaseSettings = type/* Type */.ZU.Object({
    missing_gate_result: levelWithDefault('fail', 'Level of a pull request merged in the release range that has no gate result (no check run or commit ' +
        'status named like the gate on its head SHA, or one still in progress). `fail`: the release is blocked.'),
    failed_gate_result: levelWithDefault('fail', 'Level of a pull request in the range whose gate concluded failure (or cancelled, timed out, action required, stale).'),
    direct_commits: levelWithDefault('warn', 'Level of commits in the range that belong to no merged pull request (pushed directly, so never gated).'),
    approval_label: type/* Type */.ZU.String({
        default: 'release-approved',
        minLength: 1,
        description: 'A label on a pull request that approves, for release, the findings of the `dangerous_rules` in ' +
            'the files that pull request changed (e.g. a dangerous migration the release manager accepts).',
    }),
    dangerous_rules: type/* Type */.ZU.Array(type/* Type */.ZU.String({ minLength: 1 }), {
        default: ['migration-safety'],
        description: 'Rules whose findings on the release diff need the approval label on every pull request of the ' +
            'range that changed the file; without it they count at their level (a `fail` blocks the release).',
    }),
    approvers: type/* Type */.ZU.Unsafe({
        ...ApproversSchema,
        default: { permission: 'maintain' },
        description: "Who may approve a dangerous finding for release: the approval label counts only when GitHub's " +
            'events show one of them (not the PR author) added it. Default: maintainers and admins.',
    }),
    max_pull_requests: type/* Type */.ZU.Integer({
        minimum: 1,
        default: 500,
        description: 'Most pull requests a release may contain; a larger range is reported as ' +
            'partial (the rest is not checked) and concludes at best `conclusion.partial`.',
    }),
}, {
    additionalProperties: false,
    default: {},
    description: 'Release mode: how the pull requests merged between the last deployment and the candidate, ' +
        'and the release diff, decide whether the release may deploy.',
});
/* \u2500\u2500 Org policy (issue 19): remote `extends` and org floors (`locked`). Kept in one block; see
 * src/policy/floors.ts for what "tighter" means per key, and docs/policy.md "Org policy". \u2500\u2500 */
/** `extends` entries: a preset, a repository path, or `github:<owner>/<repo>/<path>@<ref>`. */
const ExtendsSetting = type/* Type */.ZU.Union([type/* Type */.ZU.String({ minLength: 1 }), type/* Type */.ZU.Array(type/* Type */.ZU.String({ minLength: 1 }))], {
    description: 'What this policy starts from: a shipped preset name (default, strict, relaxed), ' +
        'a path to another policy file in this repository, or a policy in another repository, ' +
        "`github:<owner>/<repo>/<path>@<ref>` (usually the org's `.github` repository, e.g. " +
        "github:acme/.github/quality-gate/org.yml@main), read through the API with the gate's token. " +
        'Later entries override earlier ones; this file overrides them all.',
});
/** Per rule: `locked: true` (every option and the level) or a list of the locked option names. */
const RuleLockSetting = type/* Type */.ZU.Union([type/* Type */.ZU.Literal(true), type/* Type */.ZU.Array(type/* Type */.ZU.String({ minLength: 1 }), { minItems: 1 })], {
    description: "Org floor: `true` locks this rule's level and every option at this file's values; " +
        'a list locks only the named keys (e.g. [level, fail_lines]). Policies that extend this file may tighten a locked key, ' +
        'never loosen it: a looser value is replaced by this one and the verdict names the org rule that was enforced. ' +
        'See docs/policy.md, "Org policy".',
});
/** Top level: dotted paths of other locked keys (conclusion, waivers, release, comment, or rule keys). */
const LockedPaths = type/* Type */.ZU.Array(type/* Type */.ZU.String({ minLength: 1, pattern: '^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$' }), {
    description: 'Org floor for keys outside a rule entry, as dotted paths: conclusion.on_error, waivers.require_reason, ' +
        "release.dangerous_rules, rules.pr-size.fail_lines, \u2026 Same meaning as a rule's `locked`.",
});
/* \u2500\u2500 end of the org policy block \u2500\u2500 */
/** The per-rule entry: `level` plus the rule's own options (and the org floor `locked`). */
function ruleEntrySchema(rule) {
    const own = rule.options.properties;
    return type/* Type */.ZU.Object({
        level: { ...LevelSchema, default: rule.defaultLevel },
        approvers: type/* Type */.ZU.Optional(type/* Type */.ZU.Unsafe({ ...ApproversSchema, description: `Who may waive ${rule.id} (instead of waivers.approvers).` })),
        ...own,
        locked: type/* Type */.ZU.Optional(RuleLockSetting),
    }, { additionalProperties: false, default: {}, description: rule.description });
}
function policySchema(rules = src_rules/* RULES */.y0) {
    const ruleProps = {};
    for (const r of rules)
        ruleProps[r.id] = type/* Type */.ZU.Optional(ruleEntrySchema(r));
    return type/* Type */.ZU.Object({
        $schema: type/* Type */.ZU.Optional(type/* Type */.ZU.String({ description: 'JSON Schema reference for editors.' })),
        extends: type/* Type */.ZU.Optional(ExtendsSetting),
        locked: type/* Type */.ZU.Optional(LockedPaths),
        rules: type/* Type */.ZU.Optional(type/* Type */.ZU.Object(ruleProps, { additionalProperties: false, default: {}, description: 'Rules by id.' })),
        conclusion: type/* Type */.ZU.Optional(ConclusionSettings),
        waivers: type/* Type */.ZU.Optional(WaiverSettings),
        release: type/* Type */.ZU.Optional(ReleaseSettings),
        report: type/* Type */.ZU.Optional(ReportSettings),
        comment: type/* Type */.ZU.Optional(CommentSetting),
    }, { additionalProperties: false, $id: SCHEMA_ID, title: 'pr-quality-gate policy' });
}
/**
 * The JSON Schema document written to policies/schema.json. TypeBox lists every non-Optional property as
 * `required`, but a key with a default may be left out of a policy (the loader fills it in): an editor
 * must not ask for it. So `required` keeps only the keys without a default (e.g. a co-change rule's `name`).
 */
function policyJsonSchema() {
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        ...withoutDefaultedRequired(JSON.parse(JSON.stringify(policySchema()))),
    };
}
function withoutDefaultedRequired(node) {
    if (Array.isArray(node))
        return node.map(withoutDefaultedRequired);
    if (typeof node !== 'object' || node === null)
        return node;
    const out = {};
    for (const [k, v] of Object.entries(node))
        out[k] = withoutDefaultedRequired(v);
    const props = out.properties;
    if (Array.isArray(out.required) && typeof props === 'object' && props !== null) {
        const p = props;
        const required = out.required.filter((k) => typeof k === 'string' && p[k]?.default === undefined);
        if (required.length)
            out.required = required;
        else
            delete out.required;
    }
    return out;
}


/***/ }),

/***/ 17766:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   au: () => (/* binding */ didYouMean),
/* harmony export */   hq: () => (/* binding */ applyDefaults),
/* harmony export */   tf: () => (/* binding */ validate)
/* harmony export */ });
/* unused harmony exports describeValue, describeExpected, distance */
/* harmony import */ var _change_glob_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82236);
/* harmony import */ var _regex_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(97749);
/**
 * Validates a parsed policy document against the policy JSON Schema (the subset TypeBox emits: object,
 * array, string, integer, number, boolean, enum/const unions, patternProperties) and applies defaults.
 * Written here rather than with a generic validator because the messages are the product: each error says
 * what was expected and what was found, names the path, and carries a "did you mean" for unknown keys.
 * Strings with `format: "regex"` must compile under RE2 (see regex.ts); globs (`format: "glob"`, or a
 * string or list of strings whose description says "glob") must stay within the glob caps (see glob.ts).
 */


const MENTIONS_GLOB = /\bglobs?\b/i;
function isGlobString(s) {
    return s.format === 'glob' || (s.type === 'string' && s.format === undefined && MENTIONS_GLOB.test(s.description ?? ''));
}
function describeValue(v) {
    if (v === null || v === undefined)
        return 'nothing';
    if (typeof v === 'string')
        return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '\u2026' : v);
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a mapping';
    return String(v); // what typeof leaves
}
function literals(s) {
    if (s.enum)
        return s.enum;
    if (s.const !== undefined)
        return [s.const];
    if (s.anyOf && s.anyOf.every((m) => m.const !== undefined || m.enum))
        return s.anyOf.flatMap((m) => literals(m) ?? []);
    return undefined;
}
function describeExpected(s) {
    const lits = literals(s);
    if (lits)
        return lits.length === 1 ? JSON.stringify(lits[0]) : `one of ${lits.map((l) => String(l)).join(', ')}`;
    if (s.anyOf)
        return s.anyOf.map(describeExpected).join(' or ');
    switch (s.type) {
        case 'integer':
            if (s.minimum === 1 || s.exclusiveMinimum === 0)
                return 'a positive integer';
            if (s.minimum === 0)
                return 'a non-negative integer';
            return 'an integer';
        case 'number':
            if (s.minimum !== undefined && s.maximum !== undefined)
                return `a number from ${s.minimum} to ${s.maximum}`;
            return 'a number';
        case 'string':
            if (s.format === 'date')
                return 'a date (YYYY-MM-DD)';
            return s.minLength ? 'a non-empty string' : 'a string';
        case 'boolean':
            return 'true or false';
        case 'array':
            return s.items ? `a list of ${plural(describeExpected(s.items))}` : 'a list';
        case 'object':
            return 'a mapping';
        default:
            return 'a value';
    }
}
function plural(d) {
    return d.replace(/^an? /, '').replace(/^(.*?)( from .*)?$/, (_m, a, b) => (a.endsWith('s') ? a : a + 's') + (b ?? ''));
}
function typeOk(s, v) {
    const t = s.type;
    if (t === undefined)
        return true;
    const types = Array.isArray(t) ? t : [t];
    return types.some((ty) => {
        switch (ty) {
            case 'integer':
                return typeof v === 'number' && Number.isInteger(v);
            case 'number':
                return typeof v === 'number' && Number.isFinite(v);
            case 'string':
                return typeof v === 'string';
            case 'boolean':
                return typeof v === 'boolean';
            case 'array':
                return Array.isArray(v);
            case 'object':
                return typeof v === 'object' && v !== null && !Array.isArray(v);
            case 'null':
                return v === null;
            default:
                return true;
        }
    });
}
/** Levenshtein distance, for "did you mean". */
function distance(a, b) {
    const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let prev = dp[0];
        dp[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = dp[j];
            dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = tmp;
        }
    }
    return dp[b.length];
}
function didYouMean(word, candidates) {
    let best;
    let bestD = Infinity;
    for (const c of candidates) {
        const d = distance(word.toLowerCase(), c.toLowerCase());
        if (d < bestD) {
            bestD = d;
            best = c;
        }
    }
    if (best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)))
        return best;
    // A longer or shorter spelling of one candidate ("warning" for "warn"): the one that shares the prefix.
    const w = word.toLowerCase();
    return w.length >= 3
        ? candidates.find((c) => c.length >= 3 && (w.startsWith(c.toLowerCase()) || c.toLowerCase().startsWith(w)))
        : undefined;
}
/** Validates without applying defaults; every problem is reported, not just the first. */
function validate(schema, value, path = [], issues = [], opts = {}) {
    const lits = literals(schema);
    if (lits) {
        validateLiteral(schema, lits, value, path, issues);
        return issues;
    }
    if (schema.anyOf) {
        const ok = schema.anyOf.some((m) => validate(m, value, path, [], opts).length === 0);
        if (!ok) {
            // When exactly one member has the right type, report its detailed errors instead of a generic one.
            const sameType = schema.anyOf.filter((m) => typeOk(m, value));
            if (sameType.length === 1)
                validate(sameType[0], value, path, issues, opts);
            else
                issues.push({ path, message: `expected ${describeExpected(schema)}, got ${describeValue(value)}` });
        }
        return issues;
    }
    if (!typeOk(schema, value)) {
        issues.push({ path, message: `expected ${describeExpected(schema)}, got ${describeValue(value)}` });
        return issues;
    }
    if (typeof value === 'number') {
        if ((schema.minimum !== undefined && value < schema.minimum) ||
            (schema.maximum !== undefined && value > schema.maximum) ||
            (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum)) {
            issues.push({ path, message: `expected ${describeExpected(schema)}, got ${value}` });
        }
    }
    if (typeof value === 'string')
        validateString(schema, value, path, issues);
    if (Array.isArray(value))
        validateArray(schema, value, path, issues, opts);
    if (isPlainObject(value) && (schema.type === 'object' || schema.properties))
        validateObject(schema, value, path, issues, opts);
    return issues;
}
function isPlainObject(v) {
    return typeOk({ type: 'object' }, v);
}
/** A value of an enum / const schema: one of its literals, with a guess for a misspelt string. */
function validateLiteral(schema, lits, value, path, issues) {
    if (lits.includes(value))
        return;
    const guess = typeof value === 'string'
        ? didYouMean(value, lits.filter((l) => typeof l === 'string'))
        : undefined;
    issues.push({
        path,
        message: `expected ${describeExpected(schema)}, got ${describeValue(value)}${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ''}`,
    });
}
/** Length, date format, pattern, and the RE2 / glob syntax of regex and glob strings. */
function validateString(schema, value, path, issues) {
    if (schema.minLength !== undefined && value.length < schema.minLength)
        issues.push({ path, message: `expected ${describeExpected(schema)}, got ${describeValue(value)}` });
    if (schema.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value))
        issues.push({ path, message: `expected a date (YYYY-MM-DD), got ${describeValue(value)}` });
    if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value))
        issues.push({ path, message: `expected a string matching /${schema.pattern}/, got ${describeValue(value)}` });
    if (schema.format === 'regex') {
        const p = (0,_regex_js__WEBPACK_IMPORTED_MODULE_1__/* .regexProblem */ .Hs)(value);
        if (p)
            issues.push({ path, message: `invalid regular expression (RE2 syntax): ${p.message}`, offset: p.offset });
    }
    else if (isGlobString(schema)) {
        const p = (0,_change_glob_js__WEBPACK_IMPORTED_MODULE_0__/* .globProblem */ .AI)(value);
        if (p)
            issues.push({ path, message: `invalid glob: ${p.message}`, offset: p.offset });
    }
}
function validateArray(schema, value, path, issues, opts) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
        issues.push({ path, message: `expected at least ${schema.minItems} item(s), got ${value.length}` });
    // A list described as globs holds globs, whatever its items say.
    const items = schema.items && schema.items.type === 'string' && schema.items.format === undefined && MENTIONS_GLOB.test(schema.description ?? '')
        ? { ...schema.items, format: 'glob' }
        : schema.items;
    if (items)
        value.forEach((item, i) => validate(items, item, [...path, String(i)], issues, opts));
}
/** Each key against its property, pattern property or additional properties; unknown keys with a guess; required keys. */
function validateObject(schema, obj, path, issues, opts) {
    const props = schema.properties ?? {};
    for (const key of Object.keys(obj)) {
        if (key in props) {
            validate(props[key], obj[key], [...path, key], issues, opts);
            continue;
        }
        const pattern = Object.entries(schema.patternProperties ?? {}).find(([re]) => new RegExp(re).test(key));
        if (pattern) {
            validate(pattern[1], obj[key], [...path, key], issues, opts);
            continue;
        }
        if (typeof schema.additionalProperties === 'object') {
            validate(schema.additionalProperties, obj[key], [...path, key], issues, opts);
            continue;
        }
        if (schema.additionalProperties === false) {
            const known = Object.keys(props);
            const label = opts.unknownLabel?.(path) ?? 'unknown key';
            const guess = didYouMean(key, known);
            issues.push({
                path: [...path, key],
                atKey: true,
                message: `${label} ${JSON.stringify(key)}${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ''}; valid: ${known.join(', ')}`,
            });
        }
    }
    for (const req of schema.required ?? []) {
        const sub = props[req]; // a required key the schema does not describe has no default
        if (!(req in obj) && sub?.default === undefined)
            issues.push({ path, message: `missing required key ${JSON.stringify(req)}` });
    }
}
/** Returns a copy of `value` with schema defaults filled in (objects with a default are created). */
function applyDefaults(schema, value) {
    if (value === undefined) {
        if (schema.default === undefined)
            return undefined;
        value = structuredClone(schema.default);
    }
    if (schema.properties && typeof value === 'object' && value !== null && !Array.isArray(value)) {
        const obj = { ...value };
        for (const [k, sub] of Object.entries(schema.properties)) {
            const filled = applyDefaults(sub, obj[k]);
            if (filled !== undefined)
                obj[k] = filled;
        }
        return obj;
    }
    if (schema.items && Array.isArray(value))
        return value.map((v) => applyDefaults(schema.items, v) ?? v);
    return value;
}


/***/ }),

/***/ 4225:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ toJsonReport)
/* harmony export */ });
/* unused harmony export REPORT_VERSION */
/* harmony import */ var _waiver_audit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15946);

const REPORT_VERSION = 1;
/** The JSON report (output `report`): every finding, nothing truncated. */
function toJsonReport(v) {
    return {
        version: REPORT_VERSION,
        tool: 'pr-quality-gate',
        conclusion: v.conclusion,
        title: v.title,
        mode: v.mode,
        base: v.base,
        head: v.head,
        pullRequest: v.pr?.number,
        policy: v.policySource,
        failedRules: v.failedRules,
        notes: v.notes,
        labels: v.labels,
        /** The audit trail: every waiver applied (rule, who, how they qualify, when, head, reason, record). */
        waivers: (0,_waiver_audit_js__WEBPACK_IMPORTED_MODULE_0__/* .waiversOf */ .Rh)(v),
        rules: v.results.map((r) => ({
            id: r.id,
            level: r.level,
            status: r.status,
            applicability: r.applicability,
            summary: r.summary,
            waiver: r.waiver,
            error: r.error,
            durationMs: r.durationMs,
            findings: r.findings,
            tables: r.tables,
        })),
    };
}


/***/ }),

/***/ 54285:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IM: () => (/* binding */ renderCheckOutput),
/* harmony export */   Jt: () => (/* binding */ SUMMARY_LIMIT),
/* harmony export */   PW: () => (/* binding */ commentState),
/* harmony export */   W$: () => (/* binding */ COMMENT_LIMIT),
/* harmony export */   _Z: () => (/* binding */ markerFor),
/* harmony export */   jO: () => (/* binding */ CHECK_TEXT_LIMIT),
/* harmony export */   qE: () => (/* binding */ renderJobSummary),
/* harmony export */   wQ: () => (/* binding */ renderComment)
/* harmony export */ });
/* unused harmony exports STATUS_ICON, headerBlock, resultOf, bySeverity, tableBlock, notesBlock, ruleDetailBlocks, waiverAuditBlock, waiverBlock, assemble, verdictState, OPEN_ITEMS */
/* harmony import */ var _pipeline_decision_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(94126);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(14031);
/* harmony import */ var _waiver_audit_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(15946);
/**
 * Renders one Verdict as Markdown: the sticky PR comment, the check-run summary/text and the job summary
 * are all cut from the same blocks, so every surface says the same thing.
 */




const COMMENT_LIMIT = 65536;
const CHECK_TEXT_LIMIT = 65535;
const SUMMARY_LIMIT = 1024 * 1024;
const STATUS_ICON = {
    pass: '\u2705',
    notice: '\u2705',
    warn: '\u26a0\ufe0f',
    fail: '\u274c',
    error: '\u2757',
    off: '\u23ed\ufe0f',
    waived: '\u2611\ufe0f',
};
const STATUS_WORD = {
    pass: 'pass',
    notice: 'pass (notices)',
    warn: 'warning',
    fail: 'fail',
    error: 'not evaluated',
    off: 'off',
    waived: 'waived',
};
const CONCLUSION_ICON = { success: '\u2705', neutral: '\u26a0\ufe0f', failure: '\u274c' };
function markerFor(checkName) {
    return `<!-- pr-quality-gate:${checkName.replace(/-->/g, '')} -->`;
}
function location(f, v, links) {
    if (!f.path)
        return '';
    const lines = f.line ? (f.endLine && f.endLine !== f.line ? `${f.line}-${f.endLine}` : `${f.line}`) : '';
    const label = (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(f.path + (lines ? `:${lines}` : ''), 300);
    if (!links.repoUrl || !v.head)
        return label;
    const anchor = f.line ? `#L${f.line}${f.endLine && f.endLine !== f.line ? `-L${f.endLine}` : ''}` : '';
    return `[${label}](${links.repoUrl}/blob/${encodeURIComponent((0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .wellFormed */ .ES)(v.head))}/${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .encodePath */ .O0)(f.path)}${anchor})`;
}
const LEVEL_ICON = { fail: '\u274c', warn: '\u26a0\ufe0f', notice: '\u2139\ufe0f', off: '' };
function findingIcon(f) {
    if (f.kind === 'error')
        return '\u2757';
    if (f.kind === 'info')
        return '\u2139\ufe0f';
    return LEVEL_ICON[f.level ?? 'fail'];
}
function countFindings(r) {
    const n = r.findings.filter((f) => f.kind !== 'info').length;
    return n === 0 ? 'no findings' : `${n} finding${n === 1 ? '' : 's'}`;
}
function headerBlock(v) {
    const mode = v.mode === 'release' ? 'Release gate' : 'Quality gate';
    return { lines: [`## ${CONCLUSION_ICON[v.conclusion]} ${mode}: ${v.conclusion}`, '', (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(v.title), ''], essential: true };
}
/**
 * What a rule's result is, in one word: its status, except that a rule which passed without having
 * anything to check says so (not applicable), as does one that had nothing to check it by (no evidence).
 */
function resultOf(r) {
    if ((r.status === 'pass' || r.status === 'notice') && r.applicability === 'not-applicable')
        return { icon: '\u2796', word: 'not applicable' };
    if ((r.status === 'pass' || r.status === 'notice') && r.applicability === 'no-evidence')
        return { icon: '\u2754', word: 'no evidence' };
    return { icon: STATUS_ICON[r.status], word: STATUS_WORD[r.status] };
}
/** Worst first: what blocks, then what warns, what was waived, and last what had nothing to check. */
function resultRank(r) {
    const base = { error: 0, fail: 1, warn: 2, waived: 3, notice: 4, pass: 5, off: 8 }[r.status];
    if (r.status !== 'pass' && r.status !== 'notice')
        return base;
    return r.applicability === 'no-evidence' ? 6 : r.applicability === 'not-applicable' ? 7 : base;
}
/** The results in severity order (the engine's rule order among equals). */
function bySeverity(results) {
    return results
        .map((r, i) => ({ r, i }))
        .sort((a, b) => resultRank(a.r) - resultRank(b.r) || a.i - b.i)
        .map((x) => x.r);
}
function tableBlock(v) {
    if (!v.results.length)
        return { lines: [] };
    const lines = ['| Rule | Result | Summary |', '|---|---|---|'];
    for (const r of bySeverity(v.results)) {
        const summary = r.status === 'off'
            ? r.summary
                ? (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(r.summary)
                : 'off in the policy'
            : r.status === 'waived'
                ? r.waiver
                    ? (0,_waiver_audit_js__WEBPACK_IMPORTED_MODULE_3__/* .waiverSentence */ .ER)(r.waiver)
                    : 'waived'
                : (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(r.summary ?? countFindings(r), 500);
        const { icon, word } = resultOf(r);
        lines.push(`| \`${r.id}\` | ${icon} ${word} | ${summary} |`);
    }
    lines.push('');
    return { lines, essential: true };
}
function notesBlock(v) {
    const lines = [];
    for (const n of v.notes) {
        const icon = n.level === 'error' ? '\u2757' : n.level === 'warning' ? '\u26a0\ufe0f' : '\u2139\ufe0f';
        lines.push(`> ${icon} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(n.message, 3000)}`);
        if (n.detail) {
            lines.push('>');
            for (const d of n.detail.split('\n').slice(0, 50))
                lines.push(`> - ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .renderRich */ .Jp)(d, 1000)}`);
        }
        lines.push('');
    }
    return { lines, essential: true };
}
function ruleDetailBlocks(v, links) {
    const blocks = [];
    for (const r of bySeverity(v.results)) {
        if (r.status === 'off' || (r.findings.length === 0 && !r.tables?.length))
            continue;
        const open = r.status === 'fail' || r.status === 'error' ? ' open' : '';
        const { icon } = resultOf(r);
        const lines = [
            `<details${open}><summary>${icon} <b>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(r.id)}</b> \u2014 ${countFindings(r)}</summary>`,
            '',
            (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(r.description),
            '',
        ];
        if (r.findings.length) {
            lines.push('| | Where | Finding | How to fix |', '|---|---|---|---|');
            for (const f of r.findings) {
                const what = (f.code ? `${codeOf(f)} ` : '') + (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .renderRich */ .Jp)(f.message);
                lines.push(`| ${findingIcon(f)} | ${location(f, v, links)} | ${what} | ${f.hint ? (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .renderRich */ .Jp)(f.hint) : ''} |`);
            }
            lines.push('');
        }
        for (const t of r.tables ?? []) {
            if (t.title)
                lines.push(`**${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(t.title)}**`, '');
            lines.push(`| ${t.columns.map((c) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(c)).join(' | ')} |`, `|${t.columns.map(() => '---').join('|')}|`);
            for (const row of t.rows)
                lines.push(`| ${row.map((c) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .renderRich */ .Jp)(c, 1000)).join(' | ')} |`);
            lines.push('');
        }
        blocks.push({ lines, closer: '</details>\n' });
    }
    return blocks;
}
/** How to waive, in one sentence (Markdown; arguments already escaped). */
function howToWaive(prefix, rule) {
    return (`An approver named by the policy (never the PR author) adds the label <code>${prefix}${rule}</code>, ` +
        `with a line <code>${prefix}${rule} &lt;reason&gt;</code> in the PR description, or submits an approving review (or ` +
        `a review comment) with the line <code>/gate waive ${rule} &lt;reason&gt;</code>. Only GitHub's own record of who ` +
        `did it counts.`);
}
/** The audit table of the waivers applied (check run, job summary). */
function waiverAuditBlock(v) {
    return { lines: (0,_waiver_audit_js__WEBPACK_IMPORTED_MODULE_3__/* .waiverAuditLines */ .lB)(v) };
}
function waiverBlock(v, labelPrefix) {
    const blocking = v.results.filter((r) => (0,_pipeline_decision_js__WEBPACK_IMPORTED_MODULE_0__/* .isBlocking */ .Us)(r.status));
    if (!blocking.length)
        return { lines: [] };
    const example = blocking[0].id;
    return {
        lines: [
            '<details><summary>How to waive a rule</summary>',
            '',
            `${howToWaive((0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(labelPrefix), (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(example))} The waiver, who gave it and its reason are shown here and ` +
                `in the check run. The policy itself is read from the base branch: editing it in this PR does not change this result.`,
            '',
            '</details>',
            '',
        ],
    };
}
function footerBlock(v, links) {
    const parts = [`policy: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(v.policySource)}`];
    // <code> + escaping, not backticks: in the CLI `head` is a ref name, which may hold ` and <.
    if (v.head)
        parts.push(`head: <code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(v.head.slice(0, 12))}</code>`);
    if (links.runUrl)
        parts.push(`[run](${links.runUrl})`);
    return { lines: [`<sub>pr-quality-gate \u00b7 ${parts.join(' \u00b7 ')}</sub>`], essential: true };
}
/**
 * Joins blocks under `limit` characters. Essential blocks always go in; other blocks go in line by line,
 * and the first line that would not fit ends the output with a pointer to the full report.
 */
function assemble(blocks, limit, pointer, measure = (s) => s.length) {
    const tail = blocks.filter((b) => b.essential && b === blocks[blocks.length - 1]);
    const body = blocks.filter((b) => !tail.includes(b));
    const tailText = tail.map((b) => b.lines.join('\n')).join('\n');
    const full = body.map((b) => b.lines.join('\n') + (b.closer ? '\n' + b.closer : '')).join('\n') + '\n' + tailText;
    if (measure(full) <= limit)
        return full;
    const note = `\n> \u2702\ufe0f ${pointer}\n`;
    const budget = limit - measure(tailText) - measure(note) - 40;
    const out = [];
    let used = 0;
    let truncated = false;
    for (const b of body) {
        const closer = b.closer ?? '';
        for (const line of b.lines) {
            if (used + measure(line) + 1 + measure(closer) > budget) {
                truncated = true;
                break;
            }
            out.push(line);
            used += measure(line) + 1;
        }
        if (truncated) {
            if (closer)
                out.push(closer);
            break;
        }
        if (closer) {
            out.push(closer);
            used += measure(closer) + 1;
        }
    }
    return out.join('\n') + note + tailText;
}
/**
 * The state a sticky comment shows, as a short hash: the conclusion and every rule's result, findings,
 * waivers and the gate's notes. Not the head SHA nor links: a push that changes nothing the reviewer
 * reads keeps the state (this is what `comment: on-change` compares).
 */
function verdictState(v) {
    const state = {
        conclusion: v.conclusion,
        title: v.title,
        notes: v.notes.map((n) => [n.level, n.message, n.detail ?? '']),
        results: v.results.map((r) => ({
            id: r.id,
            status: r.status,
            applicability: r.applicability,
            waiver: r.waiver,
            findings: r.findings.map((f) => [
                f.kind ?? 'violation',
                f.level ?? '',
                f.code ?? '',
                f.path ?? '',
                f.line ?? 0,
                f.endLine ?? 0,
                f.message,
                f.hint ?? '',
            ]),
        })),
    };
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256').update(JSON.stringify(state)).digest('hex').slice(0, 16);
}
const STATE_PREFIX = '<!-- pr-quality-gate-state:';
/** The state written in a sticky comment by `renderComment`, or undefined (an older comment, or none). */
function commentState(body) {
    const firstLine = body.split('\n', 1)[0];
    const at = firstLine.indexOf(STATE_PREFIX);
    if (at < 0)
        return undefined;
    const m = /^([0-9a-f]{16}) -->/.exec(firstLine.slice(at + STATE_PREFIX.length));
    return m?.[1];
}
function rankOf(f, r) {
    if (f.kind === 'error')
        return 0;
    if (f.kind === 'info')
        return undefined;
    const level = f.level ?? r.level;
    return level === 'fail' ? 1 : level === 'warn' ? 2 : undefined;
}
/** The findings that block (errors, failures) or warn, in rules not waived: worst first, rule order among equals. */
function blockingFindings(v) {
    const out = [];
    for (const r of v.results) {
        if (r.status !== 'fail' && r.status !== 'warn' && r.status !== 'error')
            continue;
        for (const f of r.findings) {
            const rank = rankOf(f, r);
            if (rank !== undefined)
                out.push({ rule: r, finding: f, rank });
        }
    }
    return out
        .map((b, i) => ({ b, i }))
        .sort((x, y) => x.b.rank - y.b.rank || x.i - y.i)
        .map((x) => x.b);
}
/** Findings of one rule at one rank with the same fix: one item, the fix written once. */
function groupBlocking(items) {
    const groups = [];
    const byKey = new Map();
    for (const b of items) {
        const key = b.finding.hint ? JSON.stringify([b.rank, b.rule.id, b.finding.hint]) : undefined;
        const g = key ? byKey.get(key) : undefined;
        if (g)
            g.push(b);
        else {
            const fresh = [b];
            groups.push(fresh);
            if (key)
                byKey.set(key, fresh);
        }
    }
    return groups;
}
const RANK_ICON = ['\u2757', '\u274c', '\u26a0\ufe0f'];
/** At most this many "to fix" items are shown open; the rest are collapsed under them. */
const OPEN_ITEMS = 10;
/** At most this many locations are listed in one item that shares a fix. */
const GROUP_LOCATIONS = 10;
/** A finding's code, linked to its help page when it has a safe one (see `safeLink`). */
function codeOf(f) {
    const code = `<code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(f.code ?? '')}</code>`;
    const url = f.url ? (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .safeLink */ .o3)(f.url) : undefined;
    return url ? `[${code}](${url})` : code;
}
function findingLine(f, v, links) {
    const where = location(f, v, links);
    return [where, f.code ? codeOf(f) : '', (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .renderRich */ .Jp)(f.message)].filter(Boolean).join(' \u00b7 ');
}
function itemOf(group, n, v, links) {
    const { rule, finding, rank } = group[0];
    const head = `${n}. ${RANK_ICON[rank]} **${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(rule.id)}**`;
    const fix = finding.hint ? `<br>**Fix:** ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .renderRich */ .Jp)(finding.hint)}` : '';
    if (group.length === 1)
        return `${head} \u00b7 ${findingLine(finding, v, links)}${fix}`;
    const shown = group.slice(0, GROUP_LOCATIONS).map((b) => `<br>\u2022 ${findingLine(b.finding, v, links)}`);
    const more = group.length > GROUP_LOCATIONS ? `<br>\u2022 \u2026 and ${group.length - GROUP_LOCATIONS} more in the check run` : '';
    return `${head} \u00b7 ${group.length} findings, one fix:${shown.join('')}${more}${fix}`;
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function idList(rs) {
    return rs.map((r) => `<code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(r.id)}</code>`).join(', ');
}
/**
 * One line: which rules passed, had nothing to check, or nothing to check it by. `summaries`: each rule
 * that passed with its one-line summary (the passing comment has no table, and a pass can rest on a
 * declaration a reviewer should read, such as a runbook opt-out).
 */
function outcomeLine(v, summaries = false) {
    const evaluated = v.results.filter((r) => r.status === 'pass' || r.status === 'notice');
    const passed = evaluated.filter((r) => (r.applicability ?? 'applicable') === 'applicable');
    const na = evaluated.filter((r) => r.applicability === 'not-applicable');
    const none = evaluated.filter((r) => r.applicability === 'no-evidence');
    const parts = [];
    if (passed.length && summaries)
        parts.push(`\u2705 Passed: ${passed.map((r) => `<code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(r.id)}</code>${r.summary ? ` (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(r.summary, 300)})` : ''}`).join(', ')}`);
    else if (passed.length)
        parts.push(`\u2705 Passed: ${idList(passed)}`);
    if (na.length)
        parts.push(`\u2796 Not applicable: ${idList(na)}`);
    if (none.length)
        parts.push(`\u2754 No evidence: ${idList(none)}`);
    return parts.join(' \u00b7 ');
}
function countNotices(v) {
    let n = 0;
    for (const r of v.results) {
        if (r.status === 'off')
            continue;
        for (const f of r.findings)
            if (f.kind === 'info' || (f.kind !== 'error' && (f.level ?? r.level) === 'notice'))
                n++;
    }
    return n;
}
function commentFooter(v, links, extra = []) {
    const parts = [...extra, `policy: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(v.policySource)}`];
    // <code> + escaping, not backticks: in the CLI `head` is a ref name, which may hold ` and <.
    if (v.head)
        parts.push(`head: <code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(v.head.slice(0, 12))}</code>`);
    if (links.checkUrl)
        parts.push(`[check run](${links.checkUrl})`);
    if (links.runUrl)
        parts.push(`[run](${links.runUrl})`);
    return `<sub>pr-quality-gate \u00b7 ${parts.join(' \u00b7 ')}</sub>`;
}
/**
 * The sticky PR comment, read in ten seconds: the verdict; then what blocks, worst first, each finding
 * once with its location and its fix (a fix shared by several findings of a rule is written once); then
 * everything else collapsed. A passing pull request gets a few lines. The check run keeps every detail
 * (rule descriptions, tables, notices).
 */
function renderComment(v, o) {
    const pointer = o.links.checkUrl
        ? `Truncated: the full report is in the [check run](${o.links.checkUrl}) and the job summary.`
        : 'Truncated: the full report is in the check run and the job summary.';
    const first = { lines: [`${markerFor(o.checkName)}${STATE_PREFIX}${verdictState(v)} -->`], essential: true };
    const mode = v.mode === 'release' ? 'Release gate' : 'Quality gate';
    const header = `## ${CONCLUSION_ICON[v.conclusion]} ${mode}: ${v.conclusion}`;
    const waived = v.results.filter((r) => r.status === 'waived');
    const loud = v.notes.filter((n) => n.level !== 'info');
    const notices = countNotices(v);
    const noticeText = notices ? `\u2139\ufe0f ${plural(notices, 'notice')} in the check run` : '';
    if (v.conclusion === 'success' && !waived.length && !loud.length) {
        // At most 8 lines: marker, verdict, what passed or did not apply, up to two notes, footer.
        const lines = [header, '', outcomeLine(v, true) || (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(v.title), ''];
        for (const n of v.notes.slice(0, 1))
            lines.push(`> \u2139\ufe0f ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(n.message, 500)}`, '');
        const more = v.notes.length > 1 ? [`${plural(v.notes.length - 1, 'more note')} in the check run`] : [];
        return assemble([
            first,
            { lines, essential: true },
            { lines: [commentFooter(v, o.links, [...(noticeText ? [noticeText] : []), ...more])], essential: true },
        ], o.limit ?? COMMENT_LIMIT, pointer);
    }
    const blocks = [first, { lines: [header, '', `**${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(v.title)}**`, ''], essential: true }];
    if (loud.length)
        blocks.push(notesBlock({ ...v, notes: loud }));
    blocks.push(...blockingBlocks(v, o.links));
    for (const r of waived) {
        const n = r.findings.filter((f) => f.kind !== 'info').length;
        blocks.push({
            lines: [
                `\u2611\ufe0f **${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(r.id)}** ${r.waiver ? (0,_waiver_audit_js__WEBPACK_IMPORTED_MODULE_3__/* .waiverSentence */ .ER)(r.waiver) : 'waived'} (${plural(n, 'finding')} accepted, listed below)`,
                '',
            ],
        });
    }
    const outcome = outcomeLine(v);
    if (outcome)
        blocks.push({ lines: [outcome, ''] });
    const rest = collapsedRest(v, o, notices, waived.length > 0);
    if (rest.length > 2)
        blocks.push({ lines: rest, closer: '</details>\n' });
    blocks.push({ lines: [commentFooter(v, o.links)], essential: true });
    return assemble(blocks, o.limit ?? COMMENT_LIMIT, pointer);
}
/** What blocks (or is to fix), worst first: the first OPEN_ITEMS open, the rest collapsed. */
function blockingBlocks(v, links) {
    const groups = groupBlocking(blockingFindings(v));
    if (!groups.length)
        return [];
    const title = v.conclusion === 'failure' ? 'What blocks, worst first' : 'What to fix, worst first';
    const blocks = [{ lines: [`### ${title}`, '', ...groups.slice(0, OPEN_ITEMS).map((g, i) => itemOf(g, i + 1, v, links)), ''] }];
    if (groups.length > OPEN_ITEMS) {
        blocks.push({
            lines: [
                `<details><summary>${groups.length - OPEN_ITEMS} more to fix</summary>`,
                '',
                ...groups.slice(OPEN_ITEMS).map((g, i) => itemOf(g, OPEN_ITEMS + i + 1, v, links)),
                '',
            ],
            closer: '</details>\n',
        });
    }
    return blocks;
}
/**
 * Everything else, collapsed: every rule's result, the findings that do not block (notices, waived),
 * the gate's informational notes, how to waive. Two lines (the summary and a blank) when there is nothing.
 */
function collapsedRest(v, o, notices, anyWaived) {
    const rest = [
        `<details><summary>All rules${notices ? ` \u00b7 ${plural(notices, 'notice')}` : ''}${anyWaived ? ' \u00b7 waived findings' : ''}</summary>`,
        '',
    ];
    rest.push(...tableBlock(v).lines);
    const quiet = [];
    for (const r of bySeverity(v.results)) {
        if (r.status === 'off')
            continue;
        for (const f of r.findings) {
            if (r.status !== 'waived' && rankOf(f, r) !== undefined && r.status !== 'pass' && r.status !== 'notice')
                continue; // listed above
            const icon = r.status === 'waived' ? '\u2611\ufe0f' : findingIcon(f);
            quiet.push(`- ${icon} **${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(r.id)}** \u00b7 ${findingLine(f, v, o.links)}${f.hint ? `<br>**Fix:** ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .renderRich */ .Jp)(f.hint)}` : ''}`);
        }
    }
    if (quiet.length)
        rest.push(...quiet, '');
    for (const n of v.notes.filter((x) => x.level === 'info'))
        rest.push(`> \u2139\ufe0f ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(n.message, 3000)}`, '');
    const blocking = v.results.filter((r) => (0,_pipeline_decision_js__WEBPACK_IMPORTED_MODULE_0__/* .isBlocking */ .Us)(r.status));
    if (blocking.length) {
        rest.push(`To waive a rule on purpose: ${howToWaive((0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(o.labelPrefix), (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(blocking[0].id))} ` +
            `The policy is read from the base branch: editing it in this PR does not change this result.`, '');
    }
    return rest;
}
/** Check-run output: summary = overview, text = details (each \u2264 65,535 characters). */
function renderCheckOutput(v, o) {
    const summary = assemble([headerBlock(v), tableBlock(v), notesBlock(v), footerBlock(v, o.links)], o.limit ?? CHECK_TEXT_LIMIT, 'Truncated: see the job summary for the full report.');
    const text = assemble([waiverAuditBlock(v), ...ruleDetailBlocks(v, o.links), waiverBlock(v, o.labelPrefix), { lines: [''], essential: true }], o.limit ?? CHECK_TEXT_LIMIT, `Truncated: the JSON report (output \`report\`) and the job summary have every finding.`);
    return { title: v.title.length > 255 ? v.title.slice(0, 254) + '\u2026' : v.title, summary, text };
}
function renderJobSummary(v, o) {
    return assemble([
        headerBlock(v),
        tableBlock(v),
        notesBlock(v),
        waiverAuditBlock(v),
        ...ruleDetailBlocks(v, o.links),
        waiverBlock(v, o.labelPrefix),
        footerBlock(v, o.links),
    ], o.limit ?? SUMMARY_LIMIT - 1024, 'Truncated at the 1 MiB job-summary limit: the JSON report (output `report`) has every finding.', (text) => Buffer.byteLength(text));
}


/***/ }),

/***/ 15946:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ER: () => (/* binding */ waiverSentence),
/* harmony export */   Eu: () => (/* binding */ waiverText),
/* harmony export */   Rh: () => (/* binding */ waiversOf),
/* harmony export */   lB: () => (/* binding */ waiverAuditLines)
/* harmony export */ });
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14031);

const KIND = {
    label: 'label',
    review: 'approving review',
    'review-comment': 'review comment',
    comment: 'comment',
    local: 'CLI --label',
};
function waiversOf(v) {
    return v.results.flatMap((r) => (r.status === 'waived' && r.waiver ? [r.waiver] : []));
}
/** A safe http(s) link to GitHub's record, or undefined. */
function link(url) {
    if (!url || !/^https?:\/\/[^\s<>"'`]+$/.test(url))
        return undefined;
    return url;
}
/** One line in Markdown: "waived by @alice (repository role maintain) with a label on abc123 at \u2026: reason (record)". */
function waiverSentence(w) {
    if (w.kind === 'local')
        return (`waived by the label <code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(w.label ?? '')}</code> given on the command ` +
            `line (not verified against GitHub)${w.reason ? `: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(w.reason, 300)}` : ''}`);
    const who = `<code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(w.by)}</code>`;
    const how = w.kind === 'label' && w.label ? `the label <code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(w.label)}</code>` : KIND[w.kind];
    const when = w.at ? ` at ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(w.at)}` : '';
    const url = link(w.url);
    const record = url ? ` ([record](${url}))` : '';
    const reason = w.reason ? `: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(w.reason, 300)}` : '';
    return `waived by ${who} (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(w.via)}) with ${how} on <code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(w.head.slice(0, 12))}</code>${when}${reason}${record}`;
}
/** The audit table (Markdown), or no lines when nothing was waived. */
function waiverAuditLines(v) {
    const ws = waiversOf(v);
    if (!ws.length)
        return [];
    const lines = ['### Waivers', '', '| Rule | By | As | How | Head | When | Reason | Record |', '|---|---|---|---|---|---|---|---|'];
    for (const w of ws) {
        const url = link(w.url);
        lines.push(`| \`${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(w.rule)}\` | ${w.kind === 'local' ? (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(w.by) : `<code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(w.by)}</code>`} ` +
            `| ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(w.via, 200)} ` +
            `| ${w.kind === 'label' && w.label ? `label <code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(w.label)}</code>` : KIND[w.kind]} | ` +
            `<code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(w.head.slice(0, 12))}</code> | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(w.at ?? '')} ` +
            `| ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(w.reason ?? '', 300).replace(/\|/g, '\\|')} | ${url ? `[link](${url})` : ''} |`);
    }
    lines.push('');
    return lines;
}
/** Plain text for logs and the CLI. */
function waiverText(w) {
    if (w.kind === 'local')
        return `waived by the label ${w.label ?? ''} given on the command line (not verified against GitHub)${w.reason ? `: ${w.reason}` : ''}`;
    const how = w.kind === 'label' && w.label ? `label ${w.label}` : KIND[w.kind];
    return (`waived by ${w.by} (${w.via}) ` +
        `with ${how} ` +
        `on ${w.head.slice(0, 12)}${w.at ? ` at ${w.at}` : ''}${w.reason ? `: ${w.reason}` : ''}${w.url ? ` <${w.url}>` : ''}`);
}


/***/ }),

/***/ 25544:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Km: () => (/* binding */ defineRule),
/* harmony export */   on: () => (/* binding */ isCommonRuleOptions)
/* harmony export */ });
/* unused harmony export CommonRuleOptionsSchema */
/* harmony import */ var _sinclair_typebox__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(82078);
/* harmony import */ var _sinclair_typebox__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(53646);
/* harmony import */ var _sinclair_typebox_value__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(76849);
/* harmony import */ var _sinclair_typebox_value__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(53355);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(16141);
/* harmony import */ var _change_glob_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82236);
/* harmony import */ var _policy_regex_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(97749);






function defineRule(rule) {
    return { ...rule, bind: (raw) => bindRule(rule, raw) };
}
// The string formats the policy schema uses, with the loader's own checks (src/policy/validate.ts), so
// `Value.Check` in `bindRule` accepts exactly what the loader accepts.
if (!_sinclair_typebox__WEBPACK_IMPORTED_MODULE_2__/* .Has */ .ru('date'))
    _sinclair_typebox__WEBPACK_IMPORTED_MODULE_2__/* .Set */ .NZ('date', (v) => /^\d{4}-\d{2}-\d{2}$/.test(v));
if (!_sinclair_typebox__WEBPACK_IMPORTED_MODULE_2__/* .Has */ .ru('regex'))
    _sinclair_typebox__WEBPACK_IMPORTED_MODULE_2__/* .Set */ .NZ('regex', (v) => !(0,_policy_regex_js__WEBPACK_IMPORTED_MODULE_1__/* .regexProblem */ .Hs)(v));
if (!_sinclair_typebox__WEBPACK_IMPORTED_MODULE_2__/* .Has */ .ru('glob'))
    _sinclair_typebox__WEBPACK_IMPORTED_MODULE_2__/* .Set */ .NZ('glob', (v) => !(0,_change_glob_js__WEBPACK_IMPORTED_MODULE_0__/* .globProblem */ .AI)(v));
/** The keys every rule entry has next to the rule's own options (see `ruleEntrySchema`). */
const ENTRY_KEYS = new Set(['level', 'approvers', 'locked']);
/** The options every rule entry has, whatever the rule. */
const CommonRuleOptionsSchema = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_3__/* .Type */ .ZU.Object({ level: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_3__/* .Type */ .ZU.Union(_types_js__WEBPACK_IMPORTED_MODULE_4__/* .LEVELS */ .A_.map((l) => _sinclair_typebox__WEBPACK_IMPORTED_MODULE_3__/* .Type */ .ZU.Literal(l))) });
function isCommonRuleOptions(value) {
    return _sinclair_typebox_value__WEBPACK_IMPORTED_MODULE_5__/* .Check */ .J(CommonRuleOptionsSchema, value);
}
/**
 * Binds a rule to the options the policy gives it. The loader has already validated and defaulted the
 * policy, so a failure here is a fault of the program (or of a test that built a policy by hand), and it
 * is reported as the rule's error, never as a pass.
 */
function bindRule(rule, raw) {
    if (!isCommonRuleOptions(raw))
        return { ok: false, why: `the options of ${rule.id} have no valid level` };
    const own = Object.fromEntries(Object.entries(raw).filter(([k]) => !ENTRY_KEYS.has(k)));
    if (!_sinclair_typebox_value__WEBPACK_IMPORTED_MODULE_5__/* .Check */ .J(rule.options, own)) {
        const first = _sinclair_typebox_value__WEBPACK_IMPORTED_MODULE_6__/* .Errors */ .I(rule.options, own).First();
        return {
            ok: false,
            why: `the options of ${rule.id} do not match its schema${first ? ` at ${first.path || '/'}: ${first.message}` : ''}`,
        };
    }
    const options = { ...own, level: raw.level };
    const plan = rule.plan?.bind(rule);
    return {
        ok: true,
        bound: {
            id: rule.id,
            options,
            plan: plan && ((input) => plan(input, options)),
            evaluate: (ctx) => rule.evaluate(ctx, options),
        },
    };
}


/***/ }),

/***/ 83808:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  y0: () => (/* binding */ RULES)
});

// UNUSED EXPORTS: findRule, isRuleId

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/type/index.mjs + 100 modules
var type = __webpack_require__(82078);
// EXTERNAL MODULE: ./src/change/glob.ts
var glob = __webpack_require__(82236);
// EXTERNAL MODULE: ./src/rules/define.ts
var rules_define = __webpack_require__(25544);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(48992);
;// CONCATENATED MODULE: ./src/rules/pr-size.ts
/**
 * pr-size: changed lines (additions + deletions) and files, without generated, vendored and lock files.
 * The standard behind it: small PRs get better reviews; teams trend toward a median under 300 changed
 * lines. Optionally maintains size labels (XS\u2026XXL).
 */




const SIZE_NAMES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
const prSizeOptions = type/* Type */.ZU.Object({
    warn_lines: type/* Type */.ZU.Integer({
        minimum: 0,
        default: 400,
        description: 'Warn above this many changed lines (additions + deletions). 0 = no limit.',
    }),
    fail_lines: type/* Type */.ZU.Integer({ minimum: 0, default: 1000, description: 'Fail above this many changed lines. 0 = no limit.' }),
    warn_files: type/* Type */.ZU.Integer({ minimum: 0, default: 50, description: 'Warn above this many changed files. 0 = no limit.' }),
    fail_files: type/* Type */.ZU.Integer({ minimum: 0, default: 0, description: 'Fail above this many changed files. 0 = no limit.' }),
    exclude: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: [],
        description: 'More globs (minimatch) whose files do not count, on top of lock/generated/vendored files and .gitattributes.',
    }),
    labels: type/* Type */.ZU.Boolean({ default: false, description: 'Apply a size label (e.g. size/M) and remove the other size labels.' }),
    label_prefix: type/* Type */.ZU.String({ default: 'size/', description: 'Prefix of the size labels.' }),
    sizes: type/* Type */.ZU.Object({
        XS: type/* Type */.ZU.Integer({ minimum: 0, default: 10 }),
        S: type/* Type */.ZU.Integer({ minimum: 0, default: 30 }),
        M: type/* Type */.ZU.Integer({ minimum: 0, default: 100 }),
        L: type/* Type */.ZU.Integer({ minimum: 0, default: 500 }),
        XL: type/* Type */.ZU.Integer({ minimum: 0, default: 1000 }),
    }, {
        additionalProperties: false,
        default: {},
        description: 'Upper bounds (changed lines, exclusive) of each size label; above XL is XXL.',
    }),
});
function sizeLabel(lines, sizes) {
    for (const name of SIZE_NAMES.slice(0, -1))
        if (lines < sizes[name])
            return name;
    return 'XXL';
}
const fmt = src_text/* groupDigits */.K9;
/** Top directories by changed lines (first two path segments). */
function largestDirectories(files, n) {
    const by = new Map();
    for (const f of files) {
        const parts = f.path.split('/');
        const dir = parts.length > 2 ? parts.slice(0, 2).join('/') + '/' : parts.length === 2 ? parts[0] + '/' : '(root)';
        const cur = by.get(dir) ?? [0, 0];
        cur[0] += f.additions + f.deletions;
        cur[1] += 1;
        by.set(dir, cur);
    }
    return [...by.entries()]
        .map(([d, [l, c]]) => [d, l, c])
        .sort((a, b) => b[1] - a[1] || (0,src_text/* compareText */.n6)(a[0], b[0]))
        .slice(0, n);
}
const prSize = (0,rules_define/* defineRule */.Km)({
    id: 'pr-size',
    description: 'Keeps pull requests reviewable: changed lines and files, without generated, vendored and lock files.',
    options: prSizeOptions,
    defaultLevel: 'warn',
    evaluate(ctx, o) {
        const counted = [];
        const excluded = [];
        for (const f of ctx.changes.files) {
            if (f.excluded)
                excluded.push({ file: f, reason: f.excluded });
            else if (o.exclude.length && (0,glob/* matchesAny */._I)(f.path, o.exclude))
                excluded.push({ file: f, reason: 'policy exclude' });
            else
                counted.push(f);
        }
        const lines = counted.reduce((s, f) => s + f.additions + f.deletions, 0);
        const files = counted.length;
        const excludedLines = excluded.reduce((s, e) => s + e.file.additions + e.file.deletions, 0);
        const partial = ctx.changes.truncated
            ? ` (at least: GitHub listed ${fmt(ctx.changes.files.length)} of ${fmt(ctx.changes.totalFiles)} files)`
            : '';
        const size = sizeLabel(lines, o.sizes);
        const summary = `${(0,src_text/* countOf */.pq)(lines, 'changed line')} in ${(0,src_text/* countOf */.pq)(files, 'file')}${partial}; size ${size}` +
            (excluded.length ? `; excluded ${(0,src_text/* countOf */.pq)(excluded.length, 'file')} (${(0,src_text/* countOf */.pq)(excludedLines, 'line')})` : '');
        const findings = [];
        const check = (value, warn, fail, what) => {
            let level;
            let limit = 0;
            if (fail > 0 && value > fail)
                [level, limit] = ['fail', fail];
            else if (warn > 0 && value > warn)
                [level, limit] = ['warn', warn];
            if (!level)
                return;
            const top = largestDirectories(counted, 3)
                .map(([d, l]) => `${d} (${fmt(l)})`)
                .join(', ');
            findings.push({
                code: what === 'lines' ? 'too-many-lines' : 'too-many-files',
                level,
                message: `${fmt(value)} changed ${what}${partial} is over the ${level === 'fail' ? 'failure' : 'warning'} ` +
                    `limit of ${fmt(limit)}. Largest directories: ${top || 'none'}.`,
                hint: 'Split the change into smaller pull requests (e.g. refactoring first, then behaviour; ' +
                    'one service at a time), or exclude generated files in .gitattributes with linguist-generated.',
            });
        };
        check(lines, o.warn_lines, o.fail_lines, 'lines');
        check(files, o.warn_files, o.fail_files, 'files');
        const tables = [];
        const dirs = largestDirectories(counted, 5);
        if (dirs.length)
            tables.push({
                title: 'Largest directories',
                columns: ['Directory', 'Changed lines', 'Files'],
                rows: dirs.map(([d, l, c]) => [d, fmt(l), fmt(c)]),
            });
        if (excluded.length) {
            const shown = excluded.slice(0, 20);
            const rows = shown.map((e) => [e.file.path, e.reason, fmt(e.file.additions + e.file.deletions)]);
            if (excluded.length > shown.length)
                rows.push([`\u2026 and ${fmt(excluded.length - shown.length)} more`, '', '']);
            tables.push({ title: 'Not counted', columns: ['File', 'Why', 'Lines'], rows });
        }
        const labels = o.labels
            ? { add: [`${o.label_prefix}${size}`], remove: SIZE_NAMES.filter((s) => s !== size).map((s) => `${o.label_prefix}${s}`) }
            : undefined;
        return { findings, summary, tables, labels, data: { lines, files, size, excludedFiles: excluded.length, excludedLines } };
    },
});

;// CONCATENATED MODULE: ./src/change/patch.ts
/**
 * Unified-diff hunk parsing. GitHub's files API gives each file's hunks (from `@@`); `git diff` gives the
 * same after the file header. Everything that needs "which head lines changed" goes through here.
 */
class PatchParseError extends Error {
    patchLine;
    constructor(message, 
    /** 1-based line of the patch text where parsing failed. */
    patchLine) {
        super(message);
        this.patchLine = patchLine;
        this.name = 'PatchParseError';
    }
}
// `s`: the section (git's function-context line) may hold U+2028/U+2029 or a lone CR, which `.` does not match.
const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/s;
/**
 * Parses the hunks of one file's patch. Lines before the first hunk header (a `diff --git` header) are
 * skipped. `\ No newline at end of file` markers are ignored. A malformed hunk header throws
 * PatchParseError naming the line; a hunk shorter than its header says is accepted as far as it goes
 * (GitHub truncates very long patches).
 */
function parsePatch(patch) {
    const hunks = [];
    const text = patch.replace(/\r\n/g, '\n');
    const rows = text.split('\n');
    if (rows.length > 0 && rows[rows.length - 1] === '')
        rows.pop();
    let current;
    let oldNo = 0;
    let newNo = 0;
    for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        if (row.startsWith('@@')) {
            const m = HUNK_HEADER.exec(row);
            if (!m)
                throw new PatchParseError(`malformed hunk header ${JSON.stringify(row.slice(0, 80))}`, i + 1);
            current = {
                oldStart: Number(m[1]),
                oldLines: m.at(2) === undefined ? 1 : Number(m.at(2)), // optional groups: undefined when absent
                newStart: Number(m[3]),
                newLines: m.at(4) === undefined ? 1 : Number(m.at(4)),
                section: m.at(5) ?? '',
                lines: [],
            };
            hunks.push(current);
            oldNo = current.oldStart;
            newNo = current.newStart;
            continue;
        }
        if (!current)
            continue; // file header lines (diff --git, index, ---, +++)
        if (row.startsWith('\\'))
            continue; // "\ No newline at end of file"
        const type = row[0];
        const body = row.slice(1);
        if (type === '+') {
            current.lines.push({ type: '+', text: body, newLine: newNo++ });
        }
        else if (type === '-') {
            current.lines.push({ type: '-', text: body, oldLine: oldNo++ });
        }
        else if (type === ' ' || row === '') {
            // An empty row inside a hunk is a context line whose leading space was stripped by some tools.
            current.lines.push({ type: ' ', text: body, newLine: newNo++, oldLine: oldNo++ });
        }
        else {
            throw new PatchParseError(`unexpected line in hunk: ${JSON.stringify(row.slice(0, 80))}`, i + 1);
        }
    }
    return hunks;
}
/** Head-side line numbers of added lines, with their text, in order. */
function addedLines(patch) {
    const out = [];
    for (const h of parsePatch(patch)) {
        for (const l of h.lines)
            if (l.type === '+' && l.newLine !== undefined)
                out.push({ line: l.newLine, text: l.text });
    }
    return out;
}
/** Base-side removed lines, with their text, in order. */
function removedLines(patch) {
    const out = [];
    for (const h of parsePatch(patch)) {
        for (const l of h.lines)
            if (l.type === '-' && l.oldLine !== undefined)
                out.push({ line: l.oldLine, text: l.text });
    }
    return out;
}
/** Groups sorted line numbers into inclusive ranges: [3,4,5,9] -> [[3,5],[9,9]]. */
function toRanges(lines) {
    const sorted = [...new Set(lines)].sort((a, b) => a - b);
    const ranges = [];
    for (const n of sorted) {
        const last = ranges.at(-1);
        if (last && n === last[1] + 1)
            last[1] = n;
        else
            ranges.push([n, n]);
    }
    return ranges;
}

// EXTERNAL MODULE: ./src/evidence/coverage/model.ts
var model = __webpack_require__(43881);
;// CONCATENATED MODULE: ./src/rules/critical-path-tests/options.ts
/** Options of `critical-path-tests` (the policy schema and its defaults are generated from this). */

const DEFAULT_COVERAGE_GLOBS = [
    'coverage/lcov.info',
    '**/coverage/lcov.info',
    '**/cobertura-coverage.xml',
    '**/coverage.xml',
    '**/jacoco*.xml',
    '**/coverage/coverage-final.json',
    '**/cover.out',
    '**/coverage.out',
    '**/*.coverprofile',
];
const TestMap = type/* Type */.ZU.Object({
    source: type/* Type */.ZU.String({
        description: 'Pattern of a source file with `{dir}` (any folders, possibly none) and `{name}` (file name without the ' +
            'extension written after it) placeholders, e.g. `src/{dir}/{name}.ts`. `*` and `**` work as in globs.',
    }),
    tests: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        minItems: 1,
        description: 'Where the test for that file lives, with the same placeholders, e.g. ' +
            '`src/{dir}/{name}.test.ts` or `__tests__/{dir}/{name}.test.ts`; changing any one of them satisfies the mapping.',
    }),
}, { additionalProperties: false, description: 'Name-based test mapping: the test for THIS file must change, not just any test.' });
const Area = type/* Type */.ZU.Object({
    name: type/* Type */.ZU.String({ minLength: 1, description: 'Name of the critical area, shown in the comment (e.g. `payments`).' }),
    include: type/* Type */.ZU.Array(type/* Type */.ZU.String(), { minItems: 1, description: "Globs of the area's files." }),
    exclude: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: [],
        description: 'Globs of files inside `include` that are not critical code (docs, fixtures, config).',
    }),
    tests: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: [],
        description: "Globs of the area's tests. With `tests-changed`, " +
            'a change to a critical file that has no `test_map` entry needs a change to one of these.',
    }),
    test_map: type/* Type */.ZU.Array(TestMap, {
        default: [],
        description: 'Name-based mapping from a source file to its test file(s); takes precedence over `tests` for the files it matches.',
    }),
    require: type/* Type */.ZU.Array(type/* Type */.ZU.Union([type/* Type */.ZU.Literal('tests-changed'), type/* Type */.ZU.Literal('diff-coverage')]), {
        default: ['tests-changed', 'diff-coverage'],
        description: '`tests-changed`: changed critical code comes with a changed test. `diff-coverage`: ' +
            'the changed executable lines are covered at least `min_diff_coverage` percent.',
    }),
    min_diff_coverage: type/* Type */.ZU.Number({
        minimum: 0,
        maximum: 100,
        default: 80,
        description: 'Minimum percentage of changed executable lines of the area that the coverage reports show as run.',
    }),
}, { additionalProperties: false });
const Options = type/* Type */.ZU.Object({
    areas: type/* Type */.ZU.Array(Area, {
        default: [],
        description: 'Business-critical areas. Empty (the default): the rule checks nothing, so repositories without coverage are not failed.',
    }),
    coverage: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: DEFAULT_COVERAGE_GLOBS,
        description: 'Globs of coverage reports in the workspace (lcov, Cobertura XML, JaCoCo XML, Istanbul coverage-final.json, ' +
            'Go cover profiles; the format is detected from the content). Several reports merge. Files under node_modules/ are ' +
            'ignored.',
    }),
    missing_report: type/* Type */.ZU.Union([type/* Type */.ZU.Literal('fail'), type/* Type */.ZU.Literal('warn'), type/* Type */.ZU.Literal('ignore')], {
        default: 'warn',
        description: 'What a changed critical file that no coverage report mentions (or no report at all) ' +
            "concludes: `fail` at the rule's level, `warn`, or `ignore`.",
    }),
    max_report_mb: type/* Type */.ZU.Number({
        minimum: 1,
        default: 200,
        description: 'Reports larger than this many MiB are not read (an error finding says so).',
    }),
    max_uncovered_findings: type/* Type */.ZU.Integer({
        minimum: 0,
        default: 100,
        description: 'At most this many uncovered-range findings (annotations); the rest are counted in one more finding.',
    }),
});

// EXTERNAL MODULE: ./node_modules/minimatch/dist/esm/index.js + 8 modules
var esm = __webpack_require__(91138);
;// CONCATENATED MODULE: ./src/rules/critical-path-tests/mapping.ts
/** `{dir}` / `{name}` test mapping: "the test for THIS file". */


function regexEscape(s) {
    return s.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}
/** Compiles a source pattern (`src/{dir}/{name}.ts`, globs allowed) to a regex with `dir`/`name` groups. */
function compileSourcePattern(pattern) {
    let re = '';
    let i = 0;
    while (i < pattern.length) {
        const rest = pattern.slice(i);
        if (rest.startsWith('{dir}/')) {
            re += '(?:(?<dir>.+)/)?';
            i += 6;
        }
        else if (rest.startsWith('{dir}')) {
            re += '(?<dir>.*)';
            i += 5;
        }
        else if (rest.startsWith('{name}')) {
            re += '(?<name>[^/]+)';
            i += 6;
        }
        else if (rest.startsWith('**/')) {
            re += '(?:.*/)?';
            i += 3;
        }
        else if (rest.startsWith('**')) {
            re += '.*';
            i += 2;
        }
        else if (rest[0] === '*') {
            re += '[^/]*';
            i += 1;
        }
        else if (rest[0] === '?') {
            re += '[^/]';
            i += 1;
        }
        else {
            re += regexEscape(rest[0]);
            i += 1;
        }
    }
    return new RegExp('^' + re + '$');
}
/** A test pattern with placeholders as a glob matching every possible test (to recognise test files). */
function testPatternGlob(pattern) {
    return pattern
        .replace(/\{dir\}\//g, '**/')
        .replace(/\{dir\}/g, '**')
        .replace(/\{name\}/g, '*');
}
function substitute(pattern, dir, name, esc) {
    return pattern
        .replace(/\{dir\}\//g, dir ? esc(dir) + '/' : '')
        .replace(/\{dir\}/g, esc(dir))
        .replace(/\{name\}/g, esc(name));
}
/** The tests mapped to `path` by the first matching entry, or undefined when no entry matches. */
function mappedTests(path, map) {
    for (const entry of map) {
        const m = compileSourcePattern(entry.source).exec(path);
        if (!m)
            continue;
        const dir = m.groups?.['dir'] ?? '';
        const name = m.groups?.['name'] ?? '';
        return {
            display: entry.tests.map((t) => substitute(t, dir, name, (s) => s)),
            globs: entry.tests.map((t) => substitute(t, dir, name, (s) => (0,esm/* escape */.ih)(s))),
        };
    }
    return undefined;
}
/** True when `path` is a test according to the area's `tests` globs or any `test_map` test pattern. */
function isTestPath(path, tests, map) {
    if ((0,glob/* matchesAny */._I)(path, tests))
        return true;
    for (const entry of map)
        if ((0,glob/* matchesAny */._I)(path, entry.tests.map(testPatternGlob)))
            return true;
    return false;
}

;// CONCATENATED MODULE: ./src/rules/critical-path-tests/trivial.ts
/**
 * "Comment or blank" line detection for the languages critical code is written in. Line-based on purpose
 * (no parser): a line is trivial when it is blank or starts with the language's line-comment marker or a
 * block-comment delimiter/continuation. Unknown extensions: only blank lines are trivial.
 */
const C_LIKE = new Set([
    'ts',
    'tsx',
    'mts',
    'cts',
    'js',
    'jsx',
    'mjs',
    'cjs',
    'java',
    'kt',
    'kts',
    'scala',
    'groovy',
    'go',
    'rs',
    'c',
    'h',
    'cc',
    'cpp',
    'cxx',
    'hpp',
    'cs',
    'swift',
    'dart',
    'php',
    'proto',
]);
const HASH = new Set([
    'py',
    'pyi',
    'rb',
    'sh',
    'bash',
    'zsh',
    'pl',
    'pm',
    'r',
    'ex',
    'exs',
    'tf',
    'hcl',
    'yml',
    'yaml',
    'toml',
    'cfg',
    'ini',
    'conf',
    'cmake',
    'mk',
]);
const DASH = new Set(['sql', 'lua', 'hs', 'elm', 'ada']);
function ext(path) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    if (base === 'Dockerfile' || base === 'Makefile')
        return 'sh';
    const dot = base.lastIndexOf('.');
    return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}
function isTrivialLine(path, text) {
    const t = text.trim();
    if (t === '')
        return true;
    const e = ext(path);
    if (C_LIKE.has(e))
        return t.startsWith('//') || t.startsWith('/*') || t.startsWith('*') || t === '*/';
    if (HASH.has(e))
        return t.startsWith('#') && !t.startsWith('#!');
    if (DASH.has(e))
        return t.startsWith('--');
    return false;
}

;// CONCATENATED MODULE: ./src/rules/critical-path-tests/index.ts








const RANGES_IN_TABLE = 3;
/** Which head lines of a changed file count as changed code, or why the file needs no tests. */
function analyse(file) {
    if (file.status === 'removed')
        return { file, skip: 'removed' };
    if (file.excluded && file.excluded !== 'no-diff')
        return { file, skip: 'excluded' };
    if (file.binary)
        return { file, skip: 'binary' };
    if ((file.status === 'renamed' || file.status === 'copied') && file.additions === 0 && file.deletions === 0)
        return { file, skip: 'rename' };
    if (file.patch === undefined) {
        if (file.additions === 0 && file.deletions === 0 && file.status !== 'added')
            return { file, skip: 'rename' };
        return { file };
    }
    let hunks;
    try {
        hunks = parsePatch(file.patch);
    }
    catch (e) {
        const msg = e instanceof PatchParseError ? `${e.message} (patch line ${e.patchLine})` : String(e instanceof Error ? e.message : e);
        return { file, patchError: msg };
    }
    const lines = [];
    let meaningful = false;
    for (const h of hunks) {
        for (const l of h.lines) {
            if (l.type === ' ')
                continue;
            const trivial = isTrivialLine(file.path, l.text);
            if (!trivial)
                meaningful = true;
            if (l.type === '+' && l.newLine !== undefined && !trivial)
                lines.push(l.newLine);
        }
    }
    if (!meaningful)
        return { file, lines, skip: file.status === 'renamed' && hunks.length === 0 ? 'rename' : 'trivial' };
    return { file, lines };
}
function pct(covered, executable) {
    const p = (covered / executable) * 100;
    return `${Number.isInteger(p) ? p : p.toFixed(1)}%`;
}
function rangeText([a, b]) {
    return a === b ? `${a}` : `${a}-${b}`;
}
function firstFew(items, n) {
    if (items.length === 0)
        return 'none';
    return items.length <= n ? items.join(', ') : `${items.slice(0, n).join(', ')} and ${items.length - n} more`;
}
function code(s) {
    return '`' + s.replace(/`/g, "'") + '`';
}
function missingLevel(m) {
    return m === 'warn' ? 'warn' : undefined;
}
function extOf(p) {
    const base = p.slice(p.replace(/\\/g, '/').lastIndexOf('/') + 1);
    const dot = base.lastIndexOf('.');
    return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}
async function loadCoverage(ctx, options, wanted) {
    const extensions = new Set();
    const findings = [];
    const reports = [];
    const files = (await ctx.evidence.findReports(options.coverage)).filter((r) => !/(^|\/)node_modules\//.test(r.path));
    if (files.length === 0)
        return { index: (0,model/* emptyCoverageIndex */.s1)(), reports, extensions, findings };
    // The readers, and the XML parser behind Cobertura and JaCoCo, load only when there is a report to read
    // (issue 15: the common path loads no parser).
    const { mergeCoverage, parseReport, PathMatcher } = await Promise.all(/* import() */[__webpack_require__.e(893), __webpack_require__.e(192)]).then(__webpack_require__.bind(__webpack_require__, 78192));
    const matcher = new PathMatcher(wanted);
    const maxBytes = options.max_report_mb * 1024 * 1024;
    for (const rf of files) {
        if (rf.size > maxBytes) {
            findings.push({
                kind: 'error',
                path: rf.path,
                message: `Coverage report ${rf.path} is ${(rf.size / 1024 / 1024).toFixed(1)} MiB, ` +
                    `above max_report_mb (${options.max_report_mb}); it was not read.`,
                hint: 'Raise `max_report_mb` or narrow the report to the code under test.',
            });
            continue;
        }
        let text;
        try {
            text = await rf.read();
        }
        catch (e) {
            findings.push({
                kind: 'error',
                path: rf.path,
                message: `Coverage report ${rf.path} could not be read: ${e instanceof Error ? e.message : String(e)}`,
            });
            continue;
        }
        const parsed = parseReport(text, rf.path, {
            keep: (p) => {
                extensions.add(extOf(p));
                return matcher.mightMatch(p);
            },
        });
        reports.push(parsed);
        if (parsed.problems.length > 0) {
            const [first, ...rest] = parsed.problems;
            const where = first.line !== undefined ? ` at line ${first.line}` : first.element ? ` at ${first.element}` : '';
            const fatal = parsed.problems.some((p) => p.fatal);
            findings.push({
                kind: 'error',
                path: rf.path,
                ...(first.line !== undefined ? { line: first.line } : {}),
                message: `Coverage report ${rf.path} (${parsed.format}) ` +
                    `is malformed${where}: ${first.message}${fatal ? ' \u2014 it was not used.' : ' \u2014 the readable part was used.'}`,
                ...(rest.length > 0
                    ? {
                        hint: `Also: ${rest
                            .slice(0, 3)
                            .map((p) => (p.line !== undefined ? `line ${p.line}: ` : p.element ? `${p.element}: ` : '') + p.message)
                            .join('; ')}${rest.length > 3 ? ` (and ${rest.length - 3} more)` : ''}`,
                    }
                    : { hint: 'Regenerate the report (a truncated upload or a failed test run often causes this).' }),
            });
        }
    }
    const index = mergeCoverage(reports, matcher);
    return { index, reports, extensions, findings };
}
const criticalPathTests = (0,rules_define/* defineRule */.Km)({
    id: 'critical-path-tests',
    description: 'Changed business-critical code comes with tests and with coverage of the changed lines.',
    options: Options,
    defaultLevel: 'fail',
    release: true,
    async evaluate(ctx, options) {
        const areas = options.areas;
        if (areas.length === 0)
            return { findings: [], summary: 'No critical areas configured.', applicability: 'not-applicable' };
        const findings = [];
        const changed = ctx.changes.files;
        const present = changed.filter((f) => f.status !== 'removed');
        // Pass 1: the files of each area and which of them need tests / coverage.
        const results = areaResults(areas, changed, present);
        for (const r of results) {
            for (const s of r.needing) {
                if (s.patchError) {
                    findings.push({
                        kind: 'error',
                        path: s.file.path,
                        message: `The patch of ${s.file.path} could not be read: ${s.patchError}; its changed lines are unknown.`,
                    });
                }
            }
        }
        // Pass 2: tests changed.
        for (const r of results)
            findings.push(...missingTestFindings(r, present));
        // Pass 3: diff coverage.
        const coverage = await diffCoverage(ctx, options, results);
        findings.push(...coverage.findings);
        // Table and summary.
        const parts = results
            .filter((r) => r.sources.length > 0)
            .map((r) => {
            const bits = [];
            if (r.missingTests > 0)
                bits.push('tests missing');
            if (r.executable > 0)
                bits.push(`${pct(r.covered, r.executable)} ${r.failedCoverage ? '<' : '>='} ${r.area.min_diff_coverage}%`);
            else if (r.noData.length > 0)
                bits.push('no coverage data');
            if (r.needing.length === 0)
                bits.push('no code changes needing tests');
            return `${r.area.name}: ${bits.join(', ') || 'ok'}`;
        });
        const summary = (parts.length === 0 ? `No changes in ${results.length} critical area${results.length === 1 ? '' : 's'}.` : parts.join('; ')) +
            (coverage.summaryNote ? ` (${coverage.summaryNote})` : '') +
            (ctx.changes.truncated ? ` (only ${changed.length} of ${ctx.changes.totalFiles} files listed)` : '');
        return {
            findings,
            summary,
            ...(parts.length === 0 ? { applicability: 'not-applicable' } : {}),
            tables: [areaTable(results)],
            data: {
                areas: results.map((r) => ({
                    name: r.area.name,
                    files: r.sources.map((s) => s.file.path),
                    needTests: r.needing.map((s) => s.file.path),
                    testsChanged: r.testsChanged,
                    covered: r.covered,
                    executable: r.executable,
                    threshold: r.area.min_diff_coverage,
                    noData: r.noData,
                })),
            },
        };
    },
});
/** The changed files of each area, its sources (analysed once each) and which of them need tests, and its changed tests. */
function areaResults(areas, changed, present) {
    const analysed = new Map();
    const analysis = (f) => {
        let a = analysed.get(f.path);
        if (!a)
            analysed.set(f.path, (a = analyse(f)));
        return a;
    };
    return areas.map((area) => {
        const tests = area.tests;
        const map = area.test_map;
        const inArea = (0,glob/* filterPaths */.R4)(changed, area.include, area.exclude);
        const sources = inArea.filter((f) => !isTestPath(f.path, tests, map)).map(analysis);
        const testsChanged = present.filter((f) => isTestPath(f.path, tests, map)).map((f) => f.path);
        const needing = sources.filter((s) => !s.skip);
        return {
            area,
            sources,
            needing,
            testsChanged,
            covered: 0,
            executable: 0,
            noData: [],
            uncovered: [],
            failedCoverage: false,
            missingTests: 0,
        };
    });
}
/** Sources of an area that requires tests-changed, changed without their mapped test (or any area test); counts them. */
function missingTestFindings(r, present) {
    const require = r.area.require;
    if (!require.includes('tests-changed') || r.needing.length === 0)
        return [];
    const findings = [];
    const map = r.area.test_map;
    const tests = r.area.tests;
    const unmapped = [];
    for (const s of r.needing) {
        const mapped = mappedTests(s.file.path, map);
        if (!mapped) {
            unmapped.push(s.file.path);
            continue;
        }
        if (present.some((f) => (0,glob/* matchesAny */._I)(f.path, mapped.globs)))
            continue;
        r.missingTests++;
        findings.push({
            path: s.file.path,
            ...(s.lines && s.lines.length > 0 ? { line: s.lines[0] } : {}),
            code: 'missing-test',
            message: `${s.file.path} (critical area "${r.area.name}") changed without a change to its test.`,
            hint: `Add or update ` +
                `${code(mapped.display[0])}${mapped.display.length > 1 ? ` (or ${mapped.display.slice(1).map(code).join(', ')})` : ''}.`,
        });
    }
    if (unmapped.length === 0)
        return findings;
    if (tests.length === 0) {
        findings.push({
            kind: 'error',
            code: 'no-test-globs',
            message: `Area "${r.area.name}" requires tests-changed but ${firstFew(unmapped, 3)} ` +
                `match no test_map entry and the area has no \`tests\` globs.`,
            hint: 'Add `tests` globs or a `test_map` entry for these files to the area in the policy.',
        });
        return findings;
    }
    const areaTests = present.filter((f) => (0,glob/* matchesAny */._I)(f.path, tests));
    if (areaTests.length > 0)
        return findings;
    r.missingTests += unmapped.length;
    findings.push({
        code: 'missing-test',
        message: `Critical area "${r.area.name}": ${unmapped.length} changed ` +
            `file${unmapped.length === 1 ? '' : 's'} (${firstFew(unmapped, 3)}) and no test changed.`,
        hint: `Add or update a test matching ${tests.map(code).join(' or ')}.`,
    });
    return findings;
}
/** The diff coverage of the areas that require it: fills each area's counts and returns the findings. */
async function diffCoverage(ctx, options, results) {
    const covAreas = results.filter((r) => r.area.require.includes('diff-coverage') && r.needing.length > 0);
    if (covAreas.length === 0)
        return { findings: [], summaryNote: '' };
    const wanted = [...new Set(covAreas.flatMap((r) => r.needing.map((s) => s.file.path)))];
    const loaded = await loadCoverage(ctx, options, wanted);
    const findings = [...loaded.findings];
    if (loaded.reports.length === 0 && loaded.findings.length === 0) {
        if (options.missing_report !== 'ignore') {
            const missLevel = missingLevel(options.missing_report);
            findings.push({
                code: 'no-coverage-report',
                ...(missLevel ? { level: missLevel } : {}),
                message: `No coverage report matched ${options.coverage.map(code).join(', ')}, ` +
                    `so the diff coverage of ${covAreas.map((r) => `"${r.area.name}"`).join(', ')} is unknown.`,
                hint: 'Run the tests with coverage before the gate (e.g. `jest --coverage`, `coverage xml`, ' +
                    '`go test -coverprofile=cover.out`) or set `coverage` to where the reports are written.',
            });
        }
        for (const r of covAreas)
            r.noData = r.needing.map((s) => s.file.path);
        return { findings, summaryNote: 'no coverage report found' };
    }
    const budget = { max: options.max_uncovered_findings, shown: 0, hidden: 0 };
    for (const r of covAreas)
        findings.push(...areaCoverageFindings(r, loaded, options, budget));
    if (budget.hidden > 0) {
        findings.push({
            code: 'uncovered-lines',
            kind: 'info',
            level: 'notice',
            message: `And ${budget.hidden} more uncovered changed ranges (not annotated; see max_uncovered_findings).`,
        });
    }
    return { findings, summaryNote: '' };
}
/** One area's coverage: files without data, the threshold, then its uncovered changed ranges (within the budget). */
function areaCoverageFindings(r, loaded, options, budget) {
    const findings = [];
    for (const s of r.needing) {
        const noData = measureFile(r, s, loaded, options);
        if (noData)
            findings.push(noData);
    }
    const min = r.area.min_diff_coverage;
    r.failedCoverage = r.executable > 0 && (r.covered / r.executable) * 100 < min;
    if (r.failedCoverage) {
        const worst = [...r.uncovered].sort((a, b) => count(b.ranges) - count(a.ranges)).at(0);
        const mapped = worst ? mappedTests(worst.path, r.area.test_map) : undefined;
        findings.push({
            code: 'diff-coverage',
            message: `Diff coverage of critical area "${r.area.name}" is ${pct(r.covered, r.executable)} ` +
                `(${r.covered} of ${r.executable} changed executable lines), below the required ${min}%.`,
            hint: worst
                ? `Cover the uncovered changed lines (annotated), starting with ${worst.path}${mapped ? ` in ${code(mapped.display[0])}` : ''}.`
                : 'Cover the uncovered changed lines (annotated).',
        });
    }
    for (const u of r.uncovered) {
        for (const range of u.ranges) {
            if (budget.shown >= budget.max) {
                budget.hidden++;
                continue;
            }
            budget.shown++;
            findings.push({
                code: 'uncovered-lines',
                path: u.path,
                line: range[0],
                ...(range[1] !== range[0] ? { endLine: range[1] } : {}),
                message: range[0] === range[1]
                    ? `Changed line ${range[0]} is not covered by tests.`
                    : `Changed lines ${range[0]}-${range[1]} are not covered by tests.`,
                ...(r.failedCoverage ? {} : { kind: 'info', level: 'notice' }),
            });
        }
    }
    return findings;
}
/**
 * Adds one changed file's covered and executable lines to its area; a file no report covers is recorded
 * as without data, and returns its finding (none when missing_report is ignore).
 */
function measureFile(r, s, loaded, options) {
    const path = s.file.path;
    const merged = loaded.index.files.get(path);
    if (!merged) {
        const usable = loaded.reports.filter((p) => !p.problems.some((x) => x.fatal));
        // A language none of the reports covers (a YAML file in a JS area) is not "missing".
        if (usable.length > 0 && !loaded.extensions.has(extOf(path)))
            return undefined;
        r.noData.push(path);
        const amb = loaded.index.ambiguous.filter((a) => a.candidates.includes(path));
        if (options.missing_report === 'ignore')
            return undefined;
        const searched = usable.map((p) => `${p.reportPath} (${p.totalFiles} files${(loaded.index.matched.get(p.reportPath) ?? 0) === 0 ? ', no changed file' : ''})`);
        const missLevel = missingLevel(options.missing_report);
        return {
            code: 'no-coverage-data',
            path,
            ...(s.lines && s.lines.length > 0 ? { line: s.lines[0] } : {}),
            ...(missLevel ? { level: missLevel } : {}),
            message: amb.length > 0
                ? `${path} could not be told apart in the coverage reports: ` +
                    `${amb.map((a) => `${a.reportPath} names ${JSON.stringify(a.path)}, which fits ${a.candidates.join(', ')}`).join('; ')}.`
                : `${path} (critical area "${r.area.name}") is not in any coverage report; ` +
                    `searched ${searched.length > 0 ? searched.join(', ') : 'no readable report'}.`,
            hint: 'Make sure the tests that cover this file run with coverage, ' +
                'and that the report includes it (e.g. jest `collectCoverageFrom`, coverage.py `--source`).',
        };
    }
    // Changed lines; without a patch (too large for GitHub to inline) the whole file counts.
    const lines = s.lines ?? [...merged.lines.keys()];
    const uncoveredLines = [];
    for (const l of lines) {
        const hits = merged.lines.get(l);
        if (hits === undefined)
            continue;
        r.executable++;
        if (hits > 0)
            r.covered++;
        else
            uncoveredLines.push(l);
    }
    if (uncoveredLines.length > 0)
        r.uncovered.push({ path, ranges: toRanges(uncoveredLines) });
    return undefined;
}
function areaTable(results) {
    return {
        title: 'Critical areas',
        columns: ['Area', 'Files changed', 'Tests changed', 'Diff coverage', 'Threshold', 'Uncovered changed lines'],
        rows: results.map((r) => {
            const require = r.area.require;
            const wantsCov = require.includes('diff-coverage');
            const skipped = r.sources.length - r.needing.length;
            const files = `${r.sources.length}${skipped > 0 ? ` (${skipped} need no tests)` : ''}`;
            const tests = r.testsChanged.length > 0
                ? firstFew(r.testsChanged, 3)
                : r.needing.length > 0 && require.includes('tests-changed')
                    ? 'none (required)'
                    : 'none';
            const cov = !wantsCov
                ? 'not required'
                : r.needing.length === 0
                    ? 'n/a'
                    : r.executable > 0
                        ? `${pct(r.covered, r.executable)} (${r.covered}/${r.executable})` +
                            (r.noData.length > 0 ? `, no data for ${r.noData.length} file${r.noData.length === 1 ? '' : 's'}` : '')
                        : r.noData.length > 0
                            ? `no data (${firstFew(r.noData, 2)})`
                            : 'n/a (no executable changed lines)';
            const ranges = r.uncovered.flatMap((u) => u.ranges.map((rg) => `${u.path}:${rangeText(rg)}`));
            return [
                r.area.name,
                files,
                tests,
                cov,
                wantsCov ? `${r.area.min_diff_coverage}%` : '-',
                ranges.length > 0 ? firstFew(ranges, RANGES_IN_TABLE) : '-',
            ];
        }),
    };
}
function count(ranges) {
    return ranges.reduce((n, [a, b]) => n + b - a + 1, 0);
}
/* harmony default export */ const critical_path_tests = ((/* unused pure expression or super */ null && (criticalPathTests)));

// EXTERNAL MODULE: ./src/rules/migration-safety/dangers/types.ts
var types = __webpack_require__(54511);
;// CONCATENATED MODULE: ./src/rules/migration-safety/detect.ts
/**
 * Which changed files are migrations, of which framework, and whether they are forward migrations (analysed)
 * or rollbacks/repeatables (only checked for edits).
 */

const BUILTIN = [
    { layout: 'golang-migrate down', globs: ['**/*.down.sql'], kind: 'sql', forward: false },
    { layout: 'golang-migrate', globs: ['**/*.up.sql'], kind: 'sql' },
    { layout: 'flyway undo', globs: ['**/U[0-9]*__*.sql'], kind: 'sql', forward: false },
    { layout: 'flyway repeatable', globs: ['**/R__*.sql'], kind: 'sql', immutable: false },
    { layout: 'flyway', globs: ['**/V[0-9]*__*.sql'], kind: 'sql' },
    { layout: 'prisma', globs: ['**/prisma/migrations/*/migration.sql'], kind: 'sql' },
    { layout: 'sqitch revert', globs: ['**/revert/**/*.sql'], kind: 'sql', forward: false },
    { layout: 'sqitch', globs: ['**/deploy/**/*.sql'], kind: 'sql' },
    { layout: 'liquibase', globs: ['**/changelog/**/*.sql', '**/changelogs/**/*.sql'], kind: 'sql' },
    { layout: 'sql migrations dir', globs: ['**/migrations/**/*.sql', '**/migrate/**/*.sql'], kind: 'sql' },
    { layout: 'rails', globs: ['**/db/migrate/**/*.rb'], kind: 'rails' },
    { layout: 'alembic', globs: ['**/versions/*.py'], kind: 'python', flavour: 'alembic' },
    { layout: 'django', globs: ['**/migrations/[0-9]*.py'], kind: 'python', flavour: 'django' },
];
/**
 * A folder of test code: migrations there belong to a test app or a fixture (a Rails engine's `test/dummy`, a
 * Django package's `tests/` app, netbox's `tests/dummy_plugin`) and never run in production. The built-in
 * layouts skip them; `paths` can still name them.
 */
const TEST_FOLDER = /(?:^|\/)(?:tests?|spec|__tests__|testdata|fixtures)\//;
function classify(path, extra, exclude, builtin) {
    if (exclude.length && (0,glob/* matchesAny */._I)(path, exclude))
        return undefined;
    if (builtin && !TEST_FOLDER.test(path)) {
        for (const b of BUILTIN) {
            if ((0,glob/* matchesAny */._I)(path, b.globs))
                return { kind: b.kind, flavour: b.flavour, layout: b.layout, forward: b.forward ?? true, immutable: b.immutable ?? true };
        }
    }
    if (extra.length && (0,glob/* matchesAny */._I)(path, extra)) {
        const kind = path.endsWith('.sql')
            ? 'sql'
            : path.endsWith('.rb')
                ? 'rails'
                : path.endsWith('.py')
                    ? 'python'
                    : undefined;
        if (kind)
            return { kind, layout: 'policy paths', forward: !/\.down\.sql$/.test(path), immutable: true };
    }
    return undefined;
}
/** golang-migrate: the down file matching an up file. */
function downPathFor(path) {
    return path.endsWith('.up.sql') ? path.slice(0, -'.up.sql'.length) + '.down.sql' : undefined;
}
/** sqitch: revert/x.sql for deploy/x.sql. */
function sqitchRevertFor(path) {
    const i = path.lastIndexOf('/deploy/');
    if (i < 0 && !path.startsWith('deploy/'))
        return undefined;
    return i < 0 ? 'revert/' + path.slice('deploy/'.length) : path.slice(0, i) + '/revert/' + path.slice(i + '/deploy/'.length);
}

// EXTERNAL MODULE: ./src/rules/migration-safety/dangers/foreign-syntax.ts
var foreign_syntax = __webpack_require__(78368);
;// CONCATENATED MODULE: ./src/rules/migration-safety/text-index.ts
/**
 * Offsets to lines. libpg-query reports statement locations and scan tokens in UTF-8 BYTES and syntax
 * errors in CHARACTERS (code points); tree-sitter reports rows. Everything the rule shows is a 1-based line (and column).
 */
class TextIndex {
    text;
    bytes;
    ascii;
    /** Byte offset where each line starts. */
    lineStarts;
    /** Index into lineStarts of the last answer: statements are looked up in file order. */
    hint = 0;
    constructor(text) {
        this.text = text;
        this.bytes = Buffer.from(text, 'utf8');
        this.ascii = this.bytes.length === text.length;
        const starts = [0];
        const b = this.bytes;
        for (let i = 0; i < b.length; i++)
            if (b[i] === 10)
                starts.push(i + 1);
        this.lineStarts = starts;
    }
    /** 1-based line of a byte offset. */
    lineOfByte(offset) {
        const s = this.lineStarts;
        const h = this.hint;
        if (s[h] <= offset) {
            // the same line as last time, or the next one
            if (h + 1 >= s.length || offset < s[h + 1])
                return h + 1;
            if (h + 2 >= s.length || offset < s[h + 2])
                return (this.hint = h + 1) + 1;
        }
        let lo = 0;
        let hi = s.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (s[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        this.hint = lo;
        return lo + 1;
    }
    /** 1-based column (in characters) of a byte offset. */
    columnOfByte(offset) {
        const line = this.lineOfByte(offset);
        const start = this.lineStarts[line - 1];
        if (this.ascii)
            return offset - start + 1;
        return this.bytes.subarray(start, offset).toString('utf8').length + 1;
    }
    /** Byte offset of a character offset. */
    charToByte(charOffset) {
        if (this.ascii)
            return charOffset;
        return Buffer.byteLength(this.text.slice(0, charOffset), 'utf8');
    }
    /**
     * The byte offset `count` characters after byte `from`, counting characters as PostgreSQL does (code
     * points: an emoji is one, where a JS string counts two): the parser's error cursor is in those.
     */
    advanceCodePoints(from, count) {
        if (this.ascii)
            return Math.min(from + count, this.bytes.length);
        const b = this.bytes;
        let i = from;
        for (let n = 0; n < count && i < b.length; n++) {
            i++;
            while (i < b.length && (b[i] & 0xc0) === 0x80)
                i++;
        }
        return i;
    }
    slice(startByte, endByte) {
        if (this.ascii)
            return this.text.slice(startByte, endByte);
        return this.bytes.subarray(startByte, endByte).toString('utf8');
    }
}
/**
 * Skips whitespace and SQL comments (`--` to the end of the line, nested slash-star) from `pos`, before
 * `end`. With `comments`, pushes the [start, end) byte span of each comment skipped.
 */
function skipSqlTrivia(b, pos, end, comments) {
    let i = pos;
    while (i < end) {
        const c = b[i];
        if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11) {
            i++;
        }
        else if (c === 45 && b[i + 1] === 45) {
            const s = i;
            while (i < end && b[i] !== 10 && b[i] !== 13)
                i++;
            comments?.push([s, i]);
        }
        else if (c === 47 && b[i + 1] === 42) {
            const s = i;
            let depth = 1;
            i += 2;
            while (i < end && depth > 0) {
                if (b[i] === 47 && b[i + 1] === 42) {
                    depth++;
                    i += 2;
                }
                else if (b[i] === 42 && b[i + 1] === 47) {
                    depth--;
                    i += 2;
                }
                else
                    i++;
            }
            comments?.push([s, i]);
        }
        else
            break;
    }
    return i;
}
/** Trims trailing whitespace and a trailing semicolon from [start, end). */
function trimSqlEnd(b, start, end) {
    let e = end;
    while (e > start && (b[e - 1] === 32 || b[e - 1] === 9 || b[e - 1] === 10 || b[e - 1] === 13 || b[e - 1] === 59))
        e--;
    return e;
}
/** First line of a statement, shortened for a table cell. */
function shortStatement(s, max = 90) {
    const nl = s.indexOf('\n');
    const line = (nl < 0 ? s : s.slice(0, nl)).trim();
    const first = /\s\s|[\t\r\f\v]/.test(line) ? line.replace(/\s+/g, ' ') : line;
    const more = nl >= 0 || first.length > max;
    return first.length > max ? first.slice(0, max - 1) + '\u2026' : more ? first + ' \u2026' : first;
}

;// CONCATENATED MODULE: ./src/rules/migration-safety/mysql.ts


/**
 * The statements of a MySQL file: split at `;` outside quotes ('\u2026', "\u2026", `\u2026`) and comments (`-- `, `#`,
 * `/* \u2026 *\/`). A file that changes its DELIMITER (stored routines) is not split: undefined.
 */
function splitMysql(sql, comments = []) {
    if (/^\s*DELIMITER\s/im.test(sql))
        return undefined;
    const out = [];
    let start = 0;
    let line = 1;
    let startLine = 1;
    let seen = false;
    let depth = 0;
    let deepest = 0;
    const push = (end) => {
        const text = sql.slice(start, end).trim();
        if (text && seen)
            out.push({ text, line: startLine, endLine: line, depth: deepest });
        seen = false;
        depth = 0;
        deepest = 0;
    };
    for (let i = 0; i < sql.length; i++) {
        const c = sql[i];
        if (c === '\n') {
            line++;
            continue;
        }
        if ((c === '-' && sql[i + 1] === '-' && /[\s]/.test(sql[i + 2] ?? '\n')) || c === '#') {
            const from = i;
            while (i < sql.length && sql[i] !== '\n')
                i++;
            comments.push({ line, text: sql.slice(from, i) });
            i--;
            continue;
        }
        if (c === '/' && sql[i + 1] === '*') {
            const end = sql.indexOf('*/', i + 2);
            const stop = end < 0 ? sql.length : end + 2;
            comments.push({ line, text: sql.slice(i, stop) });
            for (let k = i; k < stop; k++)
                if (sql[k] === '\n')
                    line++;
            i = stop - 1;
            continue;
        }
        if (/\s/.test(c))
            continue;
        if (!seen) {
            seen = true;
            startLine = line;
            start = i;
        }
        if (c === "'" || c === '"' || c === '`') {
            let k = i + 1;
            for (; k < sql.length; k++) {
                if (sql[k] === '\\' && c !== '`')
                    k++;
                else if (sql[k] === c) {
                    if (sql[k + 1] === c)
                        k++;
                    else
                        break;
                }
            }
            for (let n = i; n < Math.min(k, sql.length); n++)
                if (sql[n] === '\n')
                    line++;
            i = k;
            continue;
        }
        if (c === '(')
            deepest = Math.max(deepest, ++depth);
        else if (c === ')')
            depth = Math.max(0, depth - 1);
        else if (c === ';') {
            push(i);
            start = i + 1;
        }
    }
    push(sql.length);
    return out;
}
let parser;
/** node-sql-parser's MySQL build, loaded on first use (only when a PR changes a MySQL migration). */
function loadMysql() {
    parser ??= __webpack_require__.e(/* import() */ 442).then(__webpack_require__.t.bind(__webpack_require__, 56442, 23)).then((m) => {
        // a UMD module: its names are on the namespace (bundled) or on its default export (Node's ESM loader)
        const P = typeof m.Parser === 'function' ? m.Parser : 'default' in m ? m.default?.Parser : undefined;
        if (!P)
            throw new Error('node-sql-parser/build/mysql has no Parser');
        return new P();
    });
    return parser;
}
const isAst = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);
const mysql_name = (c) => {
    const v = typeof c?.column === 'string' ? c.column : c?.column?.expr?.value;
    return v?.toLowerCase();
};
/** Synonyms MySQL stores as one type. */
const SAME = { INTEGER: 'INT', BOOL: 'TINYINT', BOOLEAN: 'TINYINT', DEC: 'DECIMAL', NUMERIC: 'DECIMAL' };
function typeOf(d) {
    if (!d || Array.isArray(d) || typeof d.dataType !== 'string')
        return undefined;
    const upper = d.dataType.toUpperCase();
    const unsigned = Array.isArray(d.suffix) && d.suffix.some((s) => String(s).toUpperCase() === 'UNSIGNED');
    return {
        name: SAME[upper] ?? upper,
        ...(typeof d.length === 'number' ? { length: d.length } : {}),
        ...(typeof d.scale === 'number' ? { scale: d.scale } : {}),
        ...(unsigned ? { unsigned } : {}),
    };
}
const showType = (t) => t.name + (t.length !== undefined ? `(${t.length}${t.scale !== undefined ? `,${t.scale}` : ''})` : '') + (t.unsigned ? ' UNSIGNED' : '');
/** Bytes of a VARCHAR's length prefix at utf8mb4 (MySQL 8's default): 1 up to 255 bytes, else 2. */
const prefix = (chars) => (chars * 4 <= 255 ? 1 : 2);
/** Why MySQL must copy the table to go from `before` to `after`, or undefined when it changes the column in place. */
function copyReason(before, after) {
    if (before.name === after.name &&
        before.length === after.length &&
        before.scale === after.scale &&
        !!before.unsigned === !!after.unsigned)
        return undefined;
    if (before.name === 'VARCHAR' && after.name === 'VARCHAR' && before.length !== undefined && after.length !== undefined) {
        if (after.length < before.length)
            return 'a VARCHAR made shorter';
        if (prefix(before.length) !== prefix(after.length))
            return 'a VARCHAR widened past 255 bytes (its length prefix grows)';
        return undefined;
    }
    return 'the data type changes';
}
/** `table.column` \u2192 type after each statement, learnt in order (CREATE TABLE, ADD, MODIFY, CHANGE, RENAME COLUMN). */
function learnTypes(asts, into) {
    for (const a of asts) {
        const table = a.table?.[0]?.table?.toLowerCase();
        if (!table)
            continue;
        if (a.type === 'create' && a.keyword === 'table')
            for (const d of a.create_definitions ?? []) {
                const col = d.resource === 'column' ? mysql_name(d.column) : undefined;
                const t = typeOf(d.definition);
                if (col && t)
                    into.set(`${table}.${col}`, t);
            }
        if (a.type === 'alter')
            for (const e of a.expr ?? []) {
                if (e.resource !== 'column')
                    continue;
                const col = mysql_name(e.column);
                if (!col)
                    continue;
                if (e.action === 'rename' || e.action === 'change') {
                    const old = mysql_name(e.old_column);
                    const t = old ? into.get(`${table}.${old}`) : undefined;
                    if (old)
                        into.delete(`${table}.${old}`);
                    if (t && e.action === 'rename')
                        into.set(`${table}.${col}`, t);
                }
                const t = typeOf(e.definition);
                if (t && (e.action === 'add' || e.action === 'modify' || e.action === 'change'))
                    into.set(`${table}.${col}`, t);
            }
    }
}
/** The statements read: the ones that define or change columns. */
const SCHEMA_STATEMENT = /^(?:ALTER|CREATE)\s+(?:TEMPORARY\s+)?TABLE\b/i;
/** Longer statements are not parsed (a generated schema dump of one table is far shorter). */
const MAX_STATEMENT = 64 * 1024;
/**
 * Deeper statements are not parsed. node-sql-parser backtracks exponentially on nested expressions: six nested
 * `CAST(` in a DEFAULT took seconds, ten took minutes and fifteen crashed Node (an array past V8's limit), so
 * a hostile migration of 200 bytes could hang or kill the gate. A column's type needs depth 3 at most
 * (`CREATE TABLE t (c DECIMAL(10,2) DEFAULT (0))`); anything deeper is listed as not checked.
 */
const MAX_DEPTH = 3;
/**
 * Milliseconds of MySQL parsing per run (`MysqlBudget`): at depth 3 a statement parses in a few milliseconds,
 * the worst in tens, so a PR of thousands of such statements stops here and lists the rest as not checked.
 */
const MYSQL_PARSE_BUDGET_MS = 5000;
/** Every statement node-sql-parser can read (the others are skipped), with its place. */
async function parseMysql(sql, budget = { leftMs: MYSQL_PARSE_BUDGET_MS }) {
    const comments = [];
    const stmts = splitMysql(sql, comments);
    if (!stmts)
        return { parsed: [], unread: [{ text: 'DELIMITER', line: 1, endLine: 1 }], comments, statements: [] };
    const p = await loadMysql();
    const parsed = [];
    const unread = [];
    for (const at of stmts) {
        // only the statements that define columns are read: data (INSERT, UPDATE) may be megabytes
        if (!SCHEMA_STATEMENT.test(at.text))
            continue;
        if (at.text.length > MAX_STATEMENT || (at.depth ?? 0) > MAX_DEPTH || budget.leftMs <= 0) {
            unread.push(at);
            continue;
        }
        const t0 = performance.now();
        try {
            const r = p.astify(at.text, { database: 'MySQL' });
            for (const ast of Array.isArray(r) ? r : [r])
                if (isAst(ast))
                    parsed.push({ ast, at });
        }
        catch {
            unread.push(at);
        }
        budget.leftMs -= performance.now() - t0;
    }
    return { parsed, unread, comments, statements: stmts };
}
/** The column types a MySQL file leaves (a rollback file, an earlier migration). */
async function mysqlTypesSetBy(sql, into = new Map(), budget) {
    const { parsed } = await parseMysql(sql, budget);
    learnTypes(parsed.map((p) => p.ast), into);
    return into;
}
/** `table.column` of every column a file's MODIFY / CHANGE changes (whose type before is needed). */
async function mysqlColumnsChanged(sql, budget) {
    const out = new Set();
    for (const { ast } of (await parseMysql(sql, budget)).parsed) {
        const table = ast.table?.[0]?.table?.toLowerCase();
        if (ast.type !== 'alter' || !table)
            continue;
        for (const e of ast.expr ?? []) {
            const col = e.resource === 'column' ? mysql_name(e.action === 'change' ? e.old_column : e.column) : undefined;
            if (col && (e.action === 'modify' || e.action === 'change'))
                out.add(`${table}.${col}`);
        }
    }
    return out;
}
/**
 * The dangers of a forward MySQL file: `table-copy-alter` for a MODIFY / CHANGE whose type differs from the
 * column's type before (`before`: the rollback file's and the earlier migrations' types), unless the ALTER
 * names its ALGORITHM or LOCK. Tables the file creates are learnt as it goes.
 */
async function analyzeMysql(sql, before, budget) {
    const { parsed, unread, comments, statements: all } = await parseMysql(sql, budget);
    const known = new Map(before);
    const created = [];
    const issues = [];
    for (const at of all) {
        const f = (0,foreign_syntax/* foreignSyntax */.s)(at.text);
        if (f)
            issues.push({
                id: 'foreign-syntax',
                line: at.line,
                endLine: at.endLine,
                statement: shortStatement(at.text),
                detail: `${f.what} is PostgreSQL: MySQL rejects it`,
                names: { value: f.instead },
            });
    }
    for (const { ast, at } of parsed) {
        const table = ast.table?.[0]?.table?.toLowerCase();
        if (ast.type === 'create' && ast.keyword === 'table' && table)
            created.push(table);
        if (ast.type === 'alter' && table && !created.includes(table)) {
            const exprs = ast.expr ?? [];
            const explicit = exprs.some((e) => e.resource === 'algorithm' || e.resource === 'lock');
            for (const e of explicit ? [] : exprs) {
                if (e.resource !== 'column' || (e.action !== 'modify' && e.action !== 'change'))
                    continue;
                const col = mysql_name(e.column);
                const old = e.action === 'change' ? mysql_name(e.old_column) : col;
                const after = typeOf(e.definition);
                const was = old ? known.get(`${table}.${old}`) : undefined;
                if (!col || !after || !was)
                    continue;
                const why = copyReason(was, after);
                if (!why)
                    continue;
                issues.push({
                    id: 'table-copy-alter',
                    line: at.line,
                    endLine: at.endLine,
                    statement: shortStatement(at.text),
                    detail: `${e.action === 'change' ? 'CHANGE' : 'MODIFY'} ${table}.${old} ${showType(was)} -> ${showType(after)}: ` +
                        `${why}, so MySQL copies the table (ALGORITHM=COPY)`,
                    table,
                    column_name: col,
                    names: { table, column: col, type: showType(after), oldType: showType(was), value: at.text.replace(/\s+/g, ' ').trim() },
                });
            }
        }
        learnTypes([ast], known);
    }
    // listed in the file's table as not checked (MySQL syntax): syntax-error holds for PostgreSQL files only
    for (const at of unread)
        issues.push({
            id: 'syntax-error',
            line: at.line,
            endLine: at.endLine,
            statement: shortStatement(at.text),
            detail: at.text === 'DELIMITER'
                ? 'the file changes its DELIMITER (stored routines): its statements are not read, so type changes in it are not checked'
                : "MySQL's grammar here (node-sql-parser) did not read this statement (it rejected it, or it nests more than " +
                    `${MAX_DEPTH} parentheses deep, or the run's ${MYSQL_PARSE_BUDGET_MS / 1000} s of MySQL parsing was spent): ` +
                    'a type change in it is not checked',
        });
    const statements = parsed.map((p) => ({ line: p.at.line, endLine: p.at.endLine }));
    return { issues, statements, comments, created, count: parsed.length };
}

;// CONCATENATED MODULE: ./src/rules/migration-safety/dialect.ts
/**
 * Which database a migration file runs on, per file. First answer wins:
 *  1. the policy, per glob (`dialects: [{ paths, dialect }]`);
 *  2. the file name: a dialect part before the extension, as gobuffalo/pop and others write one file per
 *     database (`x.mysql.up.sql`, `x.sqlite3.up.sql`, `x.cockroach.up.sql`, `x.postgres.up.sql`);
 *  3. a folder of the path named after a database (`mysql/`, `sqlite/`, `postgres(ql)/`, Flyway's
 *     `db/migration/{vendor}`);
 *  4. the policy, globally (`dialect:` other than `auto`);
 *  5. the tool's configuration, read at the head (else the base) of the PR: Prisma `migration_lock.toml`
 *     provider, Rails `config/database.yml` adapter (else the Gemfile's driver gem), Django `ENGINE` of the
 *     settings module `manage.py` names, Alembic's URL in `alembic.ini` / `env.py`;
 *  6. the SQL itself, for markers no PostgreSQL file has (backquoted identifiers, ENGINE=InnoDB,
 *     AUTO_INCREMENT, AUTOINCREMENT, PRAGMA, GO batches, [dbo]);
 *  7. otherwise PostgreSQL (assumed).
 */

const WORDS = [
    [/^(postgres|postgresql|pg|pgsql|psql)$/, 'postgres'],
    [/^(mysql\d*|mariadb)$/, 'mysql'],
    [/^(sqlite|sqlite3)$/, 'sqlite'],
    [/^(cockroach|cockroachdb|crdb)$/, 'cockroach'],
    [/^(mssql|sqlserver|tsql)$/, 'sqlserver'],
    [/^(oracle|oracledb)$/, 'oracle'],
    [/^(h2|hsqldb|derby|db2|sybase|informix|firebird|clickhouse|snowflake|redshift|spanner|tidb)$/, 'other'],
];
function word(w) {
    const s = w.toLowerCase();
    for (const [re, d] of WORDS)
        if (re.test(s))
            return d;
    return undefined;
}
/** A dialect named in the file name, between the name and the extension(s): `x.mysql.up.sql`. */
function dialectOfFileName(path) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    const parts = base.split('.');
    for (let i = 1; i < parts.length - 1; i++) {
        const d = word(parts[i]);
        if (d)
            return d;
    }
    return undefined;
}
/** A folder of the path named after a database: `db/migration/mysql/V1__x.sql`. */
function dialectOfFolder(path) {
    const dirs = path.split('/').slice(0, -1);
    for (let i = dirs.length - 1; i >= 0; i--) {
        const d = word(dirs[i]);
        if (d)
            return { dialect: d, folder: dirs[i] };
    }
    return undefined;
}
/** Driver names in URLs, adapters and engines. */
function driver(s) {
    const t = s.toLowerCase();
    if (/cockroach/.test(t))
        return 'cockroach';
    if (/postgres|postgis|psycopg|asyncpg|\bpg\b/.test(t))
        return 'postgres';
    if (/mysql|mariadb|trilogy/.test(t))
        return 'mysql';
    if (/sqlite/.test(t))
        return 'sqlite';
    if (/mssql|sqlserver|sql_server|pyodbc|tds/.test(t))
        return 'sqlserver';
    if (/oracle|oci8/.test(t))
        return 'oracle';
    return undefined;
}
/** Prisma's migration_lock.toml: `provider = "postgresql"`. */
function prismaProvider(toml) {
    const m = /^\s*provider\s*=\s*"([^"]+)"/m.exec(toml);
    return m ? driver(m[1]) : undefined;
}
/** Rails config/database.yml: the production adapter, else the first one (ERB defaults included). */
function railsAdapter(yml) {
    const lines = yml.split(/\r?\n/);
    const adapters = [];
    let production = -1;
    lines.forEach((l, i) => {
        if (/^production\s*:/.test(l))
            production = i;
        const m = /^\s*adapter\s*:\s*(.+)$/.exec(l);
        if (m)
            adapters.push({ line: i, d: driver(m[1]) });
    });
    const prod = production >= 0 ? adapters.find((a) => a.line > production && a.d) : undefined;
    return (prod ?? adapters.find((a) => a.d))?.d;
}
/** Gemfile driver gems, when database.yml is not committed. */
function gemfileDriver(gemfile) {
    const has = (g) => new RegExp(`^\\s*gem\\s+["']${g}["']`, 'm').test(gemfile);
    if (has('activerecord-cockroachdb-adapter'))
        return 'cockroach';
    if (has('pg'))
        return 'postgres';
    if (has('mysql2') || has('trilogy'))
        return 'mysql';
    if (has('sqlite3'))
        return 'sqlite';
    return undefined;
}
/** Django settings: the ENGINE of the default database. */
function djangoEngine(settings) {
    for (const l of settings.split(/\r?\n/)) {
        if (/ENGINE['"]?\s*[:=]/.test(l)) {
            const d = driver(l.replace(/.*ENGINE['"]?\s*[:=]/, ''));
            if (d)
                return d;
        }
    }
    const url = /(?:default|DATABASE_URL)[^\n]*?\b(postgres(?:ql)?|mysql|sqlite|cockroachdb)(?:\+\w+)?:\/\//.exec(settings);
    return url ? driver(url[1]) : undefined;
}
/** Alembic: the scheme of a SQLAlchemy URL (alembic.ini sqlalchemy.url, env.py). */
function sqlalchemyUrl(text) {
    const m = /\b(postgres(?:ql)?|mysql|mariadb|sqlite|mssql|oracle|cockroachdb)(?:\+\w+)?:\/\//.exec(text);
    return m ? driver(m[1]) : undefined;
}
/** Markers of other databases in SQL text that PostgreSQL would reject anyway (comments ignored). */
function sniffSql(sql) {
    const code = sql
        .replace(/--[^\n]*/g, '')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/'(?:[^']|'')*'/g, "''");
    if (/`[^`\n]+`/.test(code) ||
        /\bENGINE\s*=\s*\w+/i.test(code) ||
        /\bAUTO_INCREMENT\b/i.test(code) ||
        /\bMODIFY\s+(COLUMN\s+)?`?\w/i.test(code) ||
        /\bUNSIGNED\b/i.test(code))
        return 'mysql';
    if (/\bAUTOINCREMENT\b/i.test(code) || /^\s*PRAGMA\b/im.test(code) || /\bWITHOUT\s+ROWID\b/i.test(code))
        return 'sqlite';
    if (/^\s*GO\s*$/im.test(code) || /\[dbo\]/i.test(code) || /\bNVARCHAR\s*\(\s*MAX\s*\)/i.test(code))
        return 'sqlserver';
    return undefined;
}
function dirOf(p) {
    const i = p.lastIndexOf('/');
    return i < 0 ? '' : p.slice(0, i);
}
const join = (d, f) => (d ? `${d}/${f}` : f);
/** The directories from `dir` up to the repository root. */
function ancestors(dir) {
    const out = [];
    let d = dir;
    for (;;) {
        out.push(d);
        if (!d)
            return out;
        d = dirOf(d);
    }
}
/**
 * The configuration files the detection reads for one migration (declared here, read through the change
 * set's readHead/readBase and cached per path by the caller): see configFor.
 */
async function fromConfig(path, mig, read) {
    const dir = dirOf(path);
    if (mig.layout === 'prisma') {
        const lock = join(dirOf(dir), 'migration_lock.toml');
        const text = await read(lock);
        const d = text ? prismaProvider(text) : undefined;
        if (d)
            return { dialect: d, source: lock };
    }
    if (mig.kind === 'rails') {
        const i = path.lastIndexOf('db/migrate/');
        const root = i <= 0 ? '' : path.slice(0, i - 1);
        for (const f of ['config/database.yml', 'config/database.yml.example', 'config/database.yml.sample']) {
            const text = await read(join(root, f));
            const d = text ? railsAdapter(text) : undefined;
            if (d)
                return { dialect: d, source: join(root, f) };
        }
        const gem = await read(join(root, 'Gemfile'));
        const d = gem ? gemfileDriver(gem) : undefined;
        if (d)
            return { dialect: d, source: join(root, 'Gemfile') };
    }
    if (mig.kind === 'python' && mig.flavour === 'django') {
        for (const a of ancestors(dirOf(dir)).slice(0, 4)) {
            const manage = await read(join(a, 'manage.py'));
            const m = manage ? /DJANGO_SETTINGS_MODULE["']\s*,\s*["']([\w.]+)["']/.exec(manage) : null;
            if (!m)
                continue;
            const mod = m[1].replace(/\./g, '/');
            for (const f of [`${mod}.py`, `${mod}/__init__.py`, `${mod}/base.py`, `${mod}/production.py`]) {
                const text = await read(join(a, f));
                const d = text ? djangoEngine(text) : undefined;
                if (d)
                    return { dialect: d, source: join(a, f) };
            }
        }
    }
    if (mig.kind === 'python' && mig.flavour === 'alembic') {
        const scriptDir = dirOf(dir);
        for (const f of [
            join(scriptDir, 'env.py'),
            ...ancestors(dirOf(scriptDir))
                .slice(0, 3)
                .map((a) => join(a, 'alembic.ini')),
        ]) {
            const text = await read(f);
            const d = text ? sqlalchemyUrl(text) : undefined;
            if (d)
                return { dialect: d, source: f };
        }
    }
    return undefined;
}
/** The dialect of one migration file. `content` is its text at the head, when read. */
/** Per-database files of the same migration beside a generic one: `x.postgres.up.sql` beside `x.up.sql`. */
const SIBLING_WORDS = [
    ['postgres', 'postgres'],
    ['postgresql', 'postgres'],
    ['cockroach', 'cockroach'],
    ['crdb', 'cockroach'],
];
async function dialectSiblings(path, read) {
    const slash = path.lastIndexOf('/') + 1;
    const base = path.slice(slash);
    const dot = base.indexOf('.');
    const out = new Set();
    if (dot <= 0)
        return out;
    for (const [w, d] of SIBLING_WORDS) {
        if (out.has(d))
            continue;
        if ((await read(path.slice(0, slash) + base.slice(0, dot) + '.' + w + base.slice(dot))) !== undefined)
            out.add(d);
    }
    return out;
}
async function detectDialect(path, mig, policy, read, content) {
    for (const d of policy.dialects)
        if ((0,glob/* matchesAny */._I)(path, d.paths))
            return { dialect: d.dialect, source: 'policy (dialects)' };
    const name = dialectOfFileName(path);
    if (name)
        return { dialect: name, source: 'file name' };
    const sibling = mig.kind === 'sql' ? await dialectSiblings(path, read) : undefined;
    if (sibling?.has('postgres')) {
        // gobuffalo/pop: a database with its own file runs that file, the others run the generic one.
        return sibling.has('cockroach')
            ? {
                dialect: 'other',
                source: 'generic file beside PostgreSQL and CockroachDB files of the same migration (runs on the other databases)',
            }
            : {
                dialect: 'cockroach',
                source: 'generic file beside a PostgreSQL file of the same migration (runs on CockroachDB and the other databases, not PostgreSQL)',
            };
    }
    const folder = dialectOfFolder(path);
    if (folder)
        return { dialect: folder.dialect, source: `folder ${folder.folder}/` };
    if (policy.dialect !== 'auto')
        return { dialect: policy.dialect, source: 'policy (dialect)' };
    const cfg = await fromConfig(path, mig, read);
    if (cfg)
        return cfg;
    if (mig.kind === 'sql' && content !== undefined) {
        const s = sniffSql(content);
        if (s)
            return { dialect: s, source: 'SQL syntax' };
    }
    return { dialect: 'postgres', source: 'default', assumed: true };
}

// EXTERNAL MODULE: ./src/rules/migration-safety/dangers/change-column-type.ts
var change_column_type = __webpack_require__(21384);
// EXTERNAL MODULE: ./src/rules/migration-safety/dangers.ts
var dangers = __webpack_require__(18157);
// EXTERNAL MODULE: ./src/rules/migration-safety/dangers/index.ts + 29 modules
var migration_safety_dangers = __webpack_require__(50308);
// EXTERNAL MODULE: ./src/rules/migration-safety/dangers/backfill-in-transaction.ts
var backfill_in_transaction = __webpack_require__(3417);
// EXTERNAL MODULE: ./src/rules/migration-safety/dangers/constraint-not-valid-missing.ts
var constraint_not_valid_missing = __webpack_require__(45697);
// EXTERNAL MODULE: ./src/rules/migration-safety/sql-ast.ts
var sql_ast = __webpack_require__(79836);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(78877);
;// CONCATENATED MODULE: ./src/wasm-tier.ts
/**
 * Keep WebAssembly on V8's baseline compiler (Liftoff): no function is tiered up to the optimising
 * compiler (TurboFan).
 *
 * Why: libpg-query's parser is one bison function of about 100 KB of wasm (`base_yyparse`). Parsing even
 * five statements makes it hot, and V8 then compiles it with TurboFan on a background thread. Measured with
 * `--trace-wasm-compilation-times` on a five-statement file:
 *   - Node 24 (V8 13.6, the Action's runtime): that one compile takes ~315 ms and ~610 MB of compiler
 *     memory. The process cannot exit before it ends, so a five-statement migration took 362 ms instead of
 *     54 ms, with a 607 MB peak RSS instead of 65 MB.
 *   - Node 20, 22 and 26 are hit less hard (57 ms and 8 MB on Node 20) but still pay for it: 115 vs 206 ms
 *     (Node 20), 55 vs 165 ms (Node 22), 54 vs 143 ms (Node 26).
 * The optimised code never pays back within one run: a 10,000-statement file is faster on Liftoff alone on
 * every version measured (bench/migration-safety). Only a file ten times larger comes out ~4% slower.
 *
 * How: `--wasm-tier-up-filter=N` tiers up only the function with index N, and no module can have
 * 1,000,000 functions (V8's limit), so nothing is tiered up. It is read when a tier-up is considered, so
 * setting it at run time works, unlike `--liftoff-only` (read at start-up on Node 24). Node does not let an
 * Action pass V8 flags on the command line, hence `v8.setFlagsFromString`.
 *
 * The flag is process-wide and V8 prints "unrecognized flag" on stderr if it does not know it, so it is set
 * once, and only on the V8 versions where it was verified (11 to 14: Node 20 to 26). A test checks that the
 * running node still knows it.
 */

const WASM_TIER_FLAG = '--wasm-tier-up-filter=1000000';
const VERIFIED_V8_MAJORS = [11, 14];
let applied = false;
/** True when this V8 is one the flag was verified on. */
function wasmTierFlagSupported(v8Version = process.versions.v8) {
    const major = Number.parseInt(v8Version, 10);
    return major >= VERIFIED_V8_MAJORS[0] && major <= VERIFIED_V8_MAJORS[1];
}
/** Call before compiling or running any wasm module (`locateAsset` does, for every parser). Idempotent. */
function keepWasmOnBaselineTier() {
    if (applied)
        return;
    applied = true;
    if (wasmTierFlagSupported())
        (0,external_node_v8_.setFlagsFromString)(WASM_TIER_FLAG);
}

;// CONCATENATED MODULE: ./src/runtime-assets.ts
/**
 * Files the bundle loads at run time (wasm parsers and their glue), and how they are found: beside the
 * bundle (scripts/build.mjs copies them into dist/, ncc does not) or, unbundled (jest, a checkout), in
 * node_modules found by walking up from this module and from the working directory.
 *
 * Some of these packages locate their wasm through the free variable `__dirname`, which ESM bundles do
 * not have. `withGlobalDirname` provides it for the duration of one import, one import at a time, so two
 * loads in the same process (the App evaluates PRs concurrently) cannot see each other's value.
 */




/** Every run-time asset: its path inside dist/ and inside node_modules. The build copies each into dist/. */
const RUNTIME_ASSETS = {
    pg: { dist: 'libpg-query.wasm', pkg: 'libpg-query/wasm/libpg-query.wasm' },
    treeSitter: { dist: 'web-tree-sitter.wasm', pkg: 'web-tree-sitter/web-tree-sitter.wasm' },
    treeSitterJs: { dist: 'web-tree-sitter.js', pkg: 'web-tree-sitter/web-tree-sitter.js' },
    ruby: { dist: 'tree-sitter-ruby.wasm', pkg: '@repomix/tree-sitter-wasms/out/tree-sitter-ruby.wasm' },
    python: { dist: 'tree-sitter-python.wasm', pkg: '@repomix/tree-sitter-wasms/out/tree-sitter-python.wasm' },
    hcl: { dist: 'hcl2json/main.wasm.gz', pkg: '@cdktn/hcl2json/main.wasm.gz' },
};
function moduleDir() {
    try {
        return (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
    }
    catch {
        return undefined;
    }
}
/** Directories that may hold the bundle: this module's, and the entry script's (node dist/index.js). */
function bundleDirs() {
    const dirs = [];
    const here = moduleDir();
    if (here)
        dirs.push(here);
    if (process.argv[1])
        dirs.push((0,external_node_path_.dirname)((0,external_node_path_.resolve)(process.argv[1])));
    return dirs;
}
function walkUp(start, rel) {
    let dir = start;
    for (;;) {
        const candidate = (0,external_node_path_.join)(dir, 'node_modules', rel);
        if ((0,external_node_fs_.existsSync)(candidate))
            return candidate;
        const parent = (0,external_node_path_.dirname)(dir);
        if (parent === dir)
            return undefined;
        dir = parent;
    }
}
/** The copy beside the bundle, when running from the bundle. */
function besideBundle(asset) {
    return bundleDirs()
        .map((d) => (0,external_node_path_.join)(d, RUNTIME_ASSETS[asset].dist))
        .find((p) => (0,external_node_fs_.existsSync)(p));
}
/** Absolute path of an asset, or an Error naming every place looked at. */
function locateAsset(asset) {
    keepWasmOnBaselineTier(); // every wasm parser is located here before it is compiled (see wasm-tier.ts)
    const { dist, pkg } = RUNTIME_ASSETS[asset];
    const bundled = besideBundle(asset);
    if (bundled)
        return bundled;
    const looked = bundleDirs().map((d) => (0,external_node_path_.join)(d, dist));
    for (const start of [moduleDir(), process.cwd()]) {
        if (!start)
            continue;
        const p = walkUp(start, pkg);
        if (p)
            return p;
        looked.push(`node_modules/${pkg} above ${start}`);
    }
    throw new Error(`${dist} not found (looked in ${looked.join(', ')}); the build must copy it beside the bundle`);
}
let dirnameQueue = Promise.resolve();
/** Runs `load` with `globalThis.__dirname` set to `dir`, restoring it after; loads are serialised. */
function withGlobalDirname(dir, load) {
    const run = async () => {
        const g = globalThis;
        const had = Object.prototype.hasOwnProperty.call(g, '__dirname');
        const previous = g.__dirname;
        g.__dirname = dir;
        try {
            return await load();
        }
        finally {
            if (had)
                g.__dirname = previous;
            else
                delete g.__dirname;
        }
    };
    const result = dirnameQueue.then(run, run);
    dirnameQueue = result.catch(() => undefined);
    return result;
}

;// CONCATENATED MODULE: ./src/rules/migration-safety/wasm.ts
/**
 * Lazy loaders for the two wasm parsers the rule needs: libpg-query (the PostgreSQL 18 parser) and
 * web-tree-sitter with the Ruby and Python grammars. Nothing here runs at import time: the parsers are
 * loaded on first use, i.e. only when the PR changes a migration of that kind.
 *
 * Where the wasm files are found, first match wins:
 *   1. beside the running bundle (`dist/libpg-query.wasm`, `dist/web-tree-sitter.wasm`,
 *      `dist/tree-sitter-ruby.wasm`, `dist/tree-sitter-python.wasm`): ncc does not copy them, the build
 *      does;
 *   2. in `node_modules` (jest, ts sources, the CLI run from a checkout), found by walking up from this
 *      module and from the working directory.
 *
 * libpg-query's emscripten glue reads the free variable `__dirname` once, synchronously, when its module
 * is evaluated (`scriptDirectory = __dirname + "/"`), and then loads `scriptDirectory + "libpg-query.wasm"`.
 * Unbundled it is a CommonJS module with its own `__dirname`. In ncc's ESM bundle there is no `__dirname`,
 * so the loader defines `globalThis.__dirname` as the directory holding the wasm just for the import and
 * restores it afterwards.
 *
 * Locating a wasm (`locateAsset`) first keeps wasm on V8's baseline tier (src/wasm-tier.ts): tiering the
 * parsers up costs far more than it saves in a run.
 */




let pgPromise;
function loadPg() {
    pgPromise ??= (async () => {
        return withGlobalDirname((0,external_node_path_.dirname)(locateAsset('pg')), async () => {
            const mod = await __webpack_require__.e(/* import() */ 627).then(__webpack_require__.t.bind(__webpack_require__, 2627, 23));
            await mod.loadModule();
            return { parseSync: mod.parseSync, scanSync: mod.scanSync };
        });
    })();
    pgPromise.catch(() => {
        pgPromise = undefined;
    });
    return pgPromise;
}
function toSyntaxError(e) {
    if (e && typeof e === 'object') {
        const details = 'sqlDetails' in e ? e.sqlDetails : undefined;
        const position = details && typeof details === 'object' && 'cursorPosition' in details ? details.cursorPosition : undefined;
        const cursor = typeof position === 'number' ? position : undefined;
        // The message of what was thrown, else (no message, or a nullish one) what String() makes of the thrown value itself.
        const shown = ('message' in e ? e.message : undefined) ?? e;
        return { message: String(shown), cursor };
    }
    return { message: String(e) };
}
/**
 * A node's children as web-tree-sitter builds them. Its types say `Node[]`, but each entry comes from its
 * `unmarshalNode`, which returns null for a node id of 0, so callers check every entry.
 */
function childrenOf(n) {
    return n.children;
}
/** A node's named children, each possibly null (see `childrenOf`). */
function namedChildrenOf(n) {
    return n.namedChildren;
}
/**
 * `fn` on the tree of `source`, then the tree is freed. web-tree-sitter's trees live in the wasm heap until
 * `delete()`: a long-lived process (the App, a 100,000-case fuzz run) that never freed them ran out of wasm
 * memory, and from then on every parse aborted ("Aborted()", after ~80,000 Python migrations in one process).
 * `fn` must not keep nodes past its end (line numbers and text are copied out).
 */
function withTree(parser, source, fn) {
    const tree = parser.parse(source);
    try {
        return fn(tree);
    }
    finally {
        tree?.delete();
    }
}
/** `withTree` for an analysis that awaits (its nodes are used until the promise settles). */
async function withTreeAsync(parser, source, fn) {
    const tree = parser.parse(source);
    try {
        return await fn(tree);
    }
    finally {
        tree?.delete();
    }
}
let tsPromise;
const parsers = new Map();
/**
 * web-tree-sitter is NOT bundled: webpack turns its `await import("module")` into a namespace object
 * without `createRequire` (ncc 0.45), so the bundled copy throws at init. The build copies
 * `web-tree-sitter.js` (self-contained ESM) beside the bundle and it is imported from there, by URL;
 * unbundled (jest, tsc output) the package is imported by name. Both imports are hidden from webpack.
 */
function loadTreeSitter() {
    tsPromise ??= (async () => {
        const wasm = (0,external_node_fs_.readFileSync)(locateAsset('treeSitter'));
        const beside = besideBundle('treeSitterJs');
        const mod = (beside
            ? await import(/* webpackIgnore: true */ (0,external_node_url_.pathToFileURL)(beside).href)
            : await import(/* webpackIgnore: true */ 'web-tree-sitter'));
        await mod.Parser.init({ wasmBinary: new Uint8Array(wasm).buffer });
        return mod;
    })();
    tsPromise.catch(() => {
        tsPromise = undefined;
    });
    return tsPromise;
}
/** A parser for the language; the grammar wasm is loaded once. */
function loadParser(lang) {
    let p = parsers.get(lang);
    if (!p) {
        p = (async () => {
            const mod = await loadTreeSitter();
            const language = await mod.Language.load((0,external_node_fs_.readFileSync)(locateAsset(lang)));
            const parser = new mod.Parser();
            parser.setLanguage(language);
            return parser;
        })();
        p.catch(() => parsers.delete(lang));
        parsers.set(lang, p);
    }
    return p;
}

;// CONCATENATED MODULE: ./src/rules/migration-safety/sql.ts
/**
 * PostgreSQL migration analysis over libpg-query's parse tree. Pure: give it the parser and the text, get
 * issues with 1-based lines relative to that text.
 */







const sharedConstraints = () => ({ notValid: new Map(), notNullChecks: new Map(), validatedNotNull: new Set() });
/** A SET [LOCAL] lock_timeout to a value other than 0 (0 turns the timeout off). */
function setsLockTimeout(stmt) {
    if (!('VariableSetStmt' in stmt))
        return false;
    const v = stmt.VariableSetStmt;
    if (v.name?.toLowerCase() !== 'lock_timeout' || v.kind !== 'VAR_SET_VALUE' || !v.args)
        return false;
    const text = JSON.stringify(v.args[0] ?? {});
    return !/^\{"A_Const":\{"ival":\{(?:"ival":0)?\}/.test(text) && !/"sval":"0+\s*(?:ms|s|min)?"/.test(text);
}
/** Bytes per chunk: files up to this size are parsed in one call. */
const CHUNK_BYTES = 64 * 1024;
/**
 * Where the file is cut into chunks: after a `;` that ends a line (LF or CRLF), every CHUNK_BYTES or so.
 *
 * A cut whose chunk parses is a real statement boundary. The chunk ends right after a `;`. Were that `;`
 * inside a string, quoted identifier, dollar quote or block comment, the chunk would end inside it and the
 * lexer would fail ("unterminated ..."); inside a `--` comment the comment ends at the newline anyway. The
 * only statement with `;` tokens inside is a `BEGIN ATOMIC ... END` function body, and a chunk cut inside
 * one lacks its `END` and fails to parse. So while the chunks parse, from the start of the file, their
 * statements are exactly the whole file's; at the first one that does not, the rest of the file is analysed
 * as one piece.
 */
function chunkCuts(bytes, size = CHUNK_BYTES) {
    const cuts = [];
    let base = 0;
    while (base < bytes.length) {
        let end = Math.min(bytes.length, base + size);
        while (end < bytes.length && !(bytes[end - 1] === 59 && (bytes[end] === 10 || bytes[end] === 13)))
            end++;
        cuts.push([base, end]);
        base = end;
    }
    return cuts;
}
/**
 * Parses and analyses a SQL migration. Never throws on bad SQL: a syntax error becomes a `syntax-error`
 * issue at the parser's cursor, and the statements around it are still analysed when the scanner can split
 * the file.
 */
function analyzeSql(pg, sql, opts, chunkBytes = CHUNK_BYTES) {
    // The parser takes a C string: a NUL byte would silently end the file there. PostgreSQL rejects it, so it
    // is a syntax error, and the rest is analysed as if it were a space (offsets and lines unchanged).
    const nul = sql.indexOf('\u0000');
    const run = new SqlRun(nul < 0 ? sql : sql.replaceAll('\u0000', ' '), opts, chunkBytes, pg);
    if (nul >= 0)
        run.result.issues.push(nulIssue(run.idx, nul));
    for (const [s, e] of run.cuts) {
        let stmts;
        try {
            stmts = pg.parseSync(run.idx.slice(s, e)).stmts ?? [];
        }
        catch {
            run.recover(pg, s);
            break;
        }
        run.add(stmts, s, e);
    }
    return run.finish();
}
/** Statements that read or write rows, or set the session: what a data-only migration runs. */
const ROW_STATEMENTS = ['SelectStmt', 'InsertStmt', 'UpdateStmt', 'DeleteStmt', 'VariableSetStmt'];
/**
 * One file's analysis, fed parsed chunks in file order. Each chunk's parse tree is analysed and dropped
 * before the next is parsed, so a large file's tree never lives whole (tens of MB the collector would
 * otherwise copy while it stays alive).
 */
class SqlRun {
    scanner;
    idx;
    result = {
        issues: [],
        statements: [],
        count: 0,
        comments: [],
        backfills: [],
        earlyBackfills: [],
        schemaChange: false,
        definesSchema: false,
        created: [],
        addedColumns: [],
        catchUps: [],
    };
    /** The chunks to parse, in order; none for a blank file. */
    cuts;
    state;
    /** The file has comment markers: stretches holding one are scanned for comments. */
    markers;
    /** End of the text already looked at for comments. */
    commentsTo = 0;
    /** recover() scanned the rest of the file: every comment is known. */
    commentsDone = false;
    /** `scanner` finds the comments, when the file has `--` or a block comment. */
    constructor(sql, opts, chunkBytes, scanner) {
        this.scanner = scanner;
        this.idx = new TextIndex(sql);
        this.state = new FileState(opts);
        this.markers = sql.includes('--') || sql.includes('/*');
        this.cuts = sql.trim() === '' ? [] : chunkCuts(this.idx.bytes, chunkBytes);
        if (this.cuts.length === 0)
            this.scanComments(0, this.idx.bytes.length);
    }
    finish() {
        this.result.schemaChange = this.state.schemaChange;
        // a backfill before a schema change of its own table still shares the lock: the change waits for nothing
        // and holds the table from there to the commit, with every row the backfill locked
        const ownTable = (i) => i.table !== undefined && this.state.schemaTables.has(i.table.toLowerCase());
        this.result.backfills.push(...this.result.earlyBackfills.filter(ownTable));
        this.result.earlyBackfills = this.result.earlyBackfills.filter((i) => !ownTable(i));
        this.result.created = [...this.state.createdTables];
        this.result.addedColumns = [...this.state.addedColumns];
        return this.result;
    }
    /** Statements parsed from the bytes [base, end); their locations are relative to `base`. */
    add(stmts, base, end) {
        const { idx, result } = this;
        const collect = this.markers && !this.commentsDone;
        for (let i = 0; i < stmts.length; i++) {
            const st = stmts[i];
            const rawStart = base + (st.stmt_location ?? 0);
            const rawEnd = st.stmt_len ? rawStart + st.stmt_len : i === stmts.length - 1 ? end : base + (stmts[i + 1].stmt_location ?? 0);
            const start = skipSqlTrivia(idx.bytes, rawStart, rawEnd);
            if (collect) {
                this.commentsBefore(start);
                this.scanComments(start, rawEnd);
            }
            const stop = Math.max(start + 1, trimSqlEnd(idx.bytes, start, rawEnd));
            const span = { line: idx.lineOfByte(start), endLine: idx.lineOfByte(stop - 1) };
            result.statements.push(span);
            result.count++;
            if (st.stmt)
                this.notice(st.stmt, span.line);
            const stmt = st.stmt;
            if (stmt && !ROW_STATEMENTS.some((k) => k in stmt))
                result.definesSchema = true;
            const schemaBefore = this.state.schemaChange;
            const found = st.stmt ? this.state.check(st.stmt) : [];
            if (found.length === 0)
                continue;
            const text = shortStatement(idx.slice(start, stop));
            // Built field by field: an object spread over findings of different shapes is megamorphic and was a
            // fifth of the analysis time on a 10,000-statement file.
            for (const f of found) {
                const issue = {
                    id: f.id,
                    line: span.line,
                    endLine: span.endLine,
                    column: f.column,
                    statement: text,
                    detail: f.detail,
                    table: f.table,
                    column_name: f.column_name,
                    names: f.names,
                };
                // a backfill before the schema change runs while no schema lock is held yet: it is a data statement of its own
                if (f.id === 'backfill-in-transaction')
                    (schemaBefore ? result.backfills : result.earlyBackfills).push(issue);
                else
                    result.issues.push(issue);
            }
        }
        if (collect && end === idx.bytes.length)
            this.commentsBefore(end);
    }
    /** What the catch-up exception needs (see catchUpOf): the file's lock_timeout and its catch-up UPDATEs. */
    notice(stmt, line) {
        if (this.result.lockTimeoutLine === undefined && setsLockTimeout(stmt))
            this.result.lockTimeoutLine = line;
        const c = 'UpdateStmt' in stmt ? (0,backfill_in_transaction/* catchUpOf */.wH)(stmt.UpdateStmt) : undefined;
        if (c)
            this.result.catchUps.push({ ...c, line });
    }
    /**
     * The chunk starting at `from` did not parse: analyse the rest of the file as one piece. If that does not
     * parse either, split it at top-level semicolons with the real scanner and parse each statement on its
     * own, so one bad statement does not hide the others.
     */
    recover(pg, from) {
        const { idx, result } = this;
        const end = idx.bytes.length;
        // comments between the last statement analysed and `from` (e.g. a chunk that was all comment)
        if (this.markers && !this.commentsDone)
            this.commentsBefore(from);
        const rest = idx.slice(from, end);
        let whole;
        try {
            this.add(pg.parseSync(rest).stmts ?? [], from, end);
            return;
        }
        catch (err) {
            whole = err;
        }
        let tokens;
        try {
            tokens = pg.scanSync(rest).tokens;
        }
        catch {
            tokens = undefined;
        }
        if (!tokens) {
            result.issues.push(syntaxIssue(idx, whole, from));
            return;
        }
        this.pushComments(tokens, from);
        this.commentsDone = true;
        let start = from;
        const cuts = [];
        for (const t of tokens)
            if (t.tokenName === 'ASCII_59') {
                cuts.push([start, from + t.end]);
                start = from + t.end;
            }
        if (skipSqlTrivia(idx.bytes, start, end) < end)
            cuts.push([start, end]);
        for (const [s, e] of cuts) {
            if (skipSqlTrivia(idx.bytes, s, e) >= trimSqlEnd(idx.bytes, s, e))
                continue;
            let stmts;
            try {
                stmts = pg.parseSync(idx.slice(s, e)).stmts ?? [];
            }
            catch (err) {
                result.issues.push(syntaxIssue(idx, err, s));
                continue;
            }
            this.add(stmts, s, e);
        }
    }
    /** Comment spans found by skipSqlTrivia between two statements. */
    trivia = [];
    /**
     * Comments between the previous statement and the next token at `to` (a statement's first token, or the
     * end of the file). The parser says that stretch holds only the previous `;`, empty statements,
     * whitespace and comments, so skipSqlTrivia delimits the comments without the scanner: that is where
     * migrations keep them (headers, suppressions, dbmate markers). Anything else it meets hands the stretch
     * to the scanner.
     */
    commentsBefore(to) {
        const b = this.idx.bytes;
        let i = this.commentsTo;
        for (;;) {
            i = skipSqlTrivia(b, i, to, this.trivia);
            if (i < to && b[i] === 59)
                i++;
            else
                break;
        }
        if (i < to) {
            this.trivia.length = 0;
            this.scanComments(this.commentsTo, to);
            return;
        }
        for (const [s, e] of this.trivia)
            this.result.comments.push({ line: this.idx.lineOfByte(s), text: this.idx.slice(s, e) });
        this.trivia.length = 0;
        this.commentsTo = to;
    }
    /** Comments in [from, to): scanned only when the stretch holds a comment marker. */
    scanComments(from, to) {
        if (to <= from)
            return;
        this.commentsTo = to;
        if (!this.markers)
            return;
        const text = this.idx.slice(from, to);
        if (!text.includes('--') && !text.includes('/*'))
            return;
        let tokens;
        try {
            tokens = this.scanner.scanSync(text).tokens;
        }
        catch {
            return;
        }
        this.pushComments(tokens, from);
    }
    /** The comment tokens of a scan of the text starting at byte `from`. */
    pushComments(tokens, from) {
        for (const t of tokens) {
            if (t.tokenName === 'SQL_COMMENT' || t.tokenName === 'C_COMMENT')
                this.result.comments.push({ line: this.idx.lineOfByte(from + t.start), text: t.text });
        }
    }
}
function nulIssue(idx, charOffset) {
    const byte = idx.charToByte(charOffset);
    const line = idx.lineOfByte(byte);
    const column = idx.columnOfByte(byte);
    return {
        id: 'syntax-error',
        line,
        endLine: line,
        column,
        statement: shortStatement(idx.text.split('\n')[line - 1] ?? ''),
        detail: `a NUL byte (\\0) at line ${line}, column ${column}: PostgreSQL rejects it; ` +
            `the rest of the file was checked as if it were a space`,
    };
}
function syntaxIssue(idx, err, baseByte) {
    const e = toSyntaxError(err);
    // cursorPosition is a 0-based offset in characters (code points) into the text that was parsed.
    const byte = e.cursor !== undefined ? idx.advanceCodePoints(baseByte, e.cursor) : baseByte;
    const line = idx.lineOfByte(byte);
    const column = idx.columnOfByte(byte);
    const lineText = idx.text.split('\n')[line - 1] ?? '';
    return {
        id: 'syntax-error',
        line,
        endLine: line,
        column,
        statement: shortStatement(lineText),
        detail: `${e.message} (line ${line}, column ${column})`,
    };
}
const isDangerFound = (f) => (0,dangers/* isDangerId */.tX)(f.id);
/** SQL hooks of every danger module, in the order of DANGER_LIST: statement hooks are looked up by kind. */
const STMT_HOOK_SETS = [];
const ALTER_HOOKS = new Map();
const COLUMN_HOOKS = [];
for (const d of migration_safety_dangers/* DANGER_LIST */.j) {
    const h = d.sql;
    if (!h)
        continue;
    if (h.stmt)
        STMT_HOOK_SETS.push(h.stmt);
    for (const [k, f] of Object.entries(h.alter ?? {}))
        ALTER_HOOKS.set(k, [...(ALTER_HOOKS.get(k) ?? []), f]);
    if (h.column)
        COLUMN_HOOKS.push(h.column);
}
/** The statement hooks for one kind of statement, gathered on first use. */
const stmtHooksByKind = {};
function stmtHooks(kind) {
    let hooks = stmtHooksByKind[kind];
    if (!hooks) {
        hooks = [];
        for (const set of STMT_HOOK_SETS) {
            const f = set[kind];
            if (f)
                hooks.push(f);
        }
        stmtHooksByKind[kind] = hooks;
    }
    return hooks;
}
/** Runs the statement hooks of the node's kind on its body. */
function runStmtHooks(kind, n, s, emit) {
    for (const hook of stmtHooks(kind))
        hook(n, s, emit);
}
/**
 * What the file did so far: objects it created, column types it knows, transaction state, lock_timeout.
 * The dangers themselves are detected by the hooks of the danger modules (./dangers/<id>.ts).
 */
class FileState {
    opts;
    createdTables = new Set();
    /** `table.column` of every ADD COLUMN. */
    addedColumns = new Set();
    createdIndexes = new Set();
    txDepth = 0;
    lockTimeout = false;
    lockTimeoutReported = false;
    /** A statement changed the schema of a table that existed before (for backfill-in-transaction). */
    schemaChange = false;
    /** The tables those statements changed, when known. */
    schemaTables = new Set();
    /** What the transaction knows of its constraints (shared with the other pieces of SQL it runs, if any). */
    constraints;
    types = new Map();
    pgVersion;
    constructor(opts) {
        this.opts = opts;
        this.pgVersion = opts.pgVersion;
        this.constraints = opts.shared ?? sharedConstraints();
    }
    inTx() {
        return this.opts.assumeInTransaction || this.txDepth > 0;
    }
    isNew(table) {
        return table !== undefined && this.createdTables.has(table);
    }
    isNewIndex(index) {
        return this.createdIndexes.has(index);
    }
    notNullProven(table, column) {
        return this.constraints.validatedNotNull.has(`${table}.${column}`);
    }
    addedNotValid(constraint) {
        return this.inTx() ? this.constraints.notValid.get(constraint.toLowerCase()) : undefined;
    }
    typeOf(table, column) {
        const key = `${table}.${column}`;
        return this.types.get(key) ?? this.opts.knownTypes?.get(key);
    }
    check(stmt) {
        const out = [];
        const u = (0,sql_ast/* unwrap */.oA)(stmt);
        const emit = (f) => {
            if (!isDangerFound(f))
                return;
            const d = dangers/* DANGERS */.zA[f.id];
            if (d.lockDanger && this.isNew(f.table))
                return;
            out.push(f);
        };
        runStmtHooks(u.kind, u.n, this, emit);
        const { locks, lockingTable } = this.track(u, out, emit);
        if (locks && this.lockTimeoutDue(lockingTable)) {
            this.lockTimeoutReported = true;
            out.push({
                id: 'lock-timeout-missing',
                detail: 'the first DDL on an existing table runs with no lock_timeout set earlier in the file',
            });
        }
        return out;
    }
    /** The first locking DDL on an existing table with no lock_timeout set before it (reported once per file). */
    lockTimeoutDue(lockingTable) {
        return (this.opts.requireLockTimeout &&
            !this.lockTimeout &&
            !this.lockTimeoutReported &&
            !(lockingTable && this.createdTables.has(lockingTable)));
    }
    /** A statement changed the schema of an existing table (`t` when known). */
    markSchema(t) {
        this.schemaChange = true;
        if (t)
            this.schemaTables.add(t.toLowerCase());
    }
    /** BEGIN opens a transaction; COMMIT or ROLLBACK ends it, and with it the lock an ADD ... NOT VALID took. */
    transaction(kind) {
        if (kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START')
            this.txDepth++;
        else if (kind === 'TRANS_STMT_COMMIT' || kind === 'TRANS_STMT_ROLLBACK') {
            this.txDepth = 0;
            this.constraints.notValid.clear();
        }
    }
    /**
     * What one statement changes in the file's state (transactions, lock_timeout, created objects, schema
     * changes), and whether it takes a lock on an existing table. `out` holds what the hooks found.
     */
    track(u, out, emit) {
        let lockingTable;
        let locks = false;
        switch (u.kind) {
            case 'TransactionStmt':
                this.transaction(u.n.kind);
                break;
            case 'VariableSetStmt':
                if (u.n.name?.toLowerCase() === 'lock_timeout')
                    this.lockTimeout = true;
                break;
            case 'CreateStmt': {
                const t = (0,sql_ast/* relName */.ve)(u.n.relation);
                if (t)
                    this.createdTables.add(t);
                this.checkColumns(t ?? '?', u.n.tableElts ?? [], emit);
                break;
            }
            case 'CreateTableAsStmt': {
                const t = (0,sql_ast/* relName */.ve)(u.n.into?.rel);
                if (t)
                    this.createdTables.add(t);
                break;
            }
            case 'IndexStmt': {
                const n = u.n;
                const t = (0,sql_ast/* relName */.ve)(n.relation);
                if (n.idxname)
                    this.createdIndexes.add(n.idxname.toLowerCase());
                if (this.isNew(t))
                    break;
                locks = true;
                lockingTable = t;
                if (!n.concurrent)
                    this.markSchema(t);
                break;
            }
            case 'DropStmt': {
                const type = u.n.removeType;
                if (type === 'OBJECT_INDEX' || type === 'OBJECT_TABLE') {
                    locks = out.length > 0;
                    if (locks && !u.n.concurrent)
                        this.markSchema(undefined);
                }
                break;
            }
            case 'ReindexStmt':
            case 'TruncateStmt':
            case 'ClusterStmt':
                locks = true;
                break;
            case 'VacuumStmt':
                locks = out.some((f) => f.id === 'vacuum-full');
                break;
            case 'AlterEnumStmt':
                locks = u.n.newVal !== undefined && u.n.oldVal === undefined;
                break;
            case 'RenameStmt': {
                const t = (0,sql_ast/* relName */.ve)(u.n.relation);
                if (this.isNew(t))
                    break;
                locks = true;
                lockingTable = t;
                this.markSchema(t);
                break;
            }
            case 'AlterTableStmt': {
                const n = u.n;
                if (n.objtype !== undefined && n.objtype !== 'OBJECT_TABLE')
                    break;
                const t = (0,sql_ast/* relName */.ve)(n.relation);
                const isNew = this.isNew(t);
                if (!isNew) {
                    locks = true;
                    lockingTable = t;
                    this.markSchema(t);
                }
                for (const c of n.cmds ?? [])
                    if ('AlterTableCmd' in c)
                        this.alterCmd(t ?? '?', isNew, c.AlterTableCmd, emit);
                break;
            }
            default:
                break;
        }
        return { locks, lockingTable };
    }
    column(col, c, emit) {
        for (const hook of COLUMN_HOOKS)
            hook(col, c, this, emit);
    }
    checkColumns(table, elts, emit) {
        const pkCols = new Set();
        for (const e of elts) {
            if ('Constraint' in e && e.Constraint.contype === 'CONSTR_PRIMARY')
                for (const k of e.Constraint.keys ?? [])
                    pkCols.add(String((0,sql_ast/* str */.gx)(k)).toLowerCase());
        }
        for (const e of elts) {
            if (!('ColumnDef' in e))
                continue;
            const col = e.ColumnDef;
            this.types.set(`${table}.${String(col.colname).toLowerCase()}`, (0,sql_ast/* typeNameOf */.BR)(col.typeName));
            this.column(col, { table, isPk: pkCols.has(String(col.colname).toLowerCase()), alterType: false }, emit);
        }
    }
    alterCmd(t, isNew, cmd, emit) {
        const sub = cmd.subtype;
        for (const hook of (sub && ALTER_HOOKS.get(sub)) ?? [])
            hook(cmd, t, isNew, this, emit);
        switch (sub) {
            case 'AT_AddColumn': {
                const col = (0,sql_ast/* columnDefOf */.lF)(cmd);
                if (!col)
                    return;
                this.column(col, { table: t, isPk: false, alterType: false }, emit);
                this.types.set(`${t}.${String(col.colname).toLowerCase()}`, (0,sql_ast/* typeNameOf */.BR)(col.typeName));
                this.addedColumns.add(`${t}.${String(col.colname).toLowerCase()}`);
                return;
            }
            case 'AT_AlterColumnType': {
                const col = (0,sql_ast/* columnDefOf */.lF)(cmd) ?? {};
                const colname = String(cmd.name);
                this.column({ ...col, colname }, { table: t, isPk: false, alterType: true }, emit);
                this.types.set(`${t}.${colname.toLowerCase()}`, (0,sql_ast/* typeNameOf */.BR)(col.typeName));
                return;
            }
            case 'AT_AddConstraint':
                this.addConstraint(t, cmd, isNew);
                return;
            case 'AT_ValidateConstraint': {
                const key = this.constraints.notNullChecks.get(String(cmd.name).toLowerCase());
                if (key)
                    this.constraints.validatedNotNull.add(key);
                return;
            }
            default:
                return;
        }
    }
    /** ADD CONSTRAINT ... CHECK (c IS NOT NULL): remembered, and proven unless NOT VALID (SET NOT NULL then skips the scan). */
    addConstraint(t, cmd, isNew) {
        const c = (0,sql_ast/* constraintOf */.vY)(cmd);
        if (c?.skip_validation && c.conname && !isNew && this.inTx())
            this.constraints.notValid.set(c.conname.toLowerCase(), { table: t, names: (0,constraint_not_valid_missing/* constraintNames */.Y)(t, c) });
        const expr = c?.raw_expr;
        const nt = expr && 'NullTest' in expr ? expr.NullTest : undefined;
        if (c && c.contype === 'CONSTR_CHECK' && nt && nt.nulltesttype === 'IS_NOT_NULL') {
            const name = c.conname ? c.conname : '(unnamed)';
            const arg = nt.arg;
            const fields = ((arg && 'ColumnRef' in arg ? arg.ColumnRef.fields : undefined) ?? []).map(sql_ast/* str */.gx);
            const key = `${t}.${String(fields[fields.length - 1]).toLowerCase()}`;
            this.constraints.notNullChecks.set(name.toLowerCase(), key);
            if (!c.skip_validation)
                this.constraints.validatedNotNull.add(key);
        }
    }
}
/**
 * Column types a statement list sets, `table.column` -> type: from ALTER COLUMN TYPE, ADD COLUMN and CREATE
 * TABLE. Used on a migration's rollback (its ALTER COLUMN TYPE restores the type the column had) and on a
 * base schema dump.
 */
function typesSetBy(pg, sql, into) {
    let stmts;
    try {
        stmts = pg.parseSync(sql).stmts ?? [];
    }
    catch {
        return into ?? new Map();
    }
    return typesSetByStatements(stmts, into);
}
/** typesSetBy over statements already parsed. */
function typesSetByStatements(stmts, into) {
    const out = into ?? new Map();
    for (const st of stmts) {
        const s = st.stmt;
        if (!s)
            continue;
        if ('CreateStmt' in s) {
            const t = (0,sql_ast/* relName */.ve)(s.CreateStmt.relation);
            for (const e of s.CreateStmt.tableElts ?? []) {
                const col = 'ColumnDef' in e ? e.ColumnDef : undefined;
                if (col && t)
                    out.set(`${t}.${String(col.colname).toLowerCase()}`, (0,sql_ast/* typeNameOf */.BR)(col.typeName));
            }
        }
        else if ('AlterTableStmt' in s) {
            const t = (0,sql_ast/* relName */.ve)(s.AlterTableStmt.relation);
            for (const c of s.AlterTableStmt.cmds ?? []) {
                if (!('AlterTableCmd' in c))
                    continue;
                const cmd = c.AlterTableCmd;
                const col = (0,sql_ast/* columnDefOf */.lF)(cmd);
                if (!t || !col)
                    continue;
                if (cmd.subtype === 'AT_AlterColumnType')
                    out.set(`${t}.${String(cmd.name).toLowerCase()}`, (0,sql_ast/* typeNameOf */.BR)(col.typeName));
                else if (cmd.subtype === 'AT_AddColumn')
                    out.set(`${t}.${String(col.colname).toLowerCase()}`, (0,sql_ast/* typeNameOf */.BR)(col.typeName));
            }
        }
        else if ('RenameStmt' in s) {
            renameTypes(s.RenameStmt, out);
        }
    }
    return out;
}
/** A renamed table or column keeps its columns' types under its new name (statements applied in order). */
function renameTypes(n, out) {
    const t = (0,sql_ast/* relName */.ve)(n.relation);
    if (n.renameType === 'OBJECT_TABLE') {
        const to = String(n.newname).toLowerCase();
        if (t)
            for (const [k, ty] of [...out])
                if (k.startsWith(`${t}.`)) {
                    out.delete(k);
                    out.set(`${to}.${k.slice(t.length + 1)}`, ty);
                }
    }
    else if (n.renameType === 'OBJECT_COLUMN') {
        // earlier files first: the column's type is known under its old name
        const from = `${t}.${String(n.subname).toLowerCase()}`;
        const ty = out.get(from);
        if (t && ty) {
            out.delete(from);
            out.set(`${t}.${String(n.newname).toLowerCase()}`, ty);
        }
    }
}

;// CONCATENATED MODULE: ./src/rules/migration-safety/rails-helpers.ts
/**
 * A Rails project's own migration helpers (issue 14: OSM `6e28c5fe`, `alter_primary_key` defined in
 * config/initializers/migrate.rb builds a unique index without CONCURRENTLY inside the migration's
 * transaction). A migration that calls a method Rails does not have, and does not define itself, runs the
 * project's definition: the gate reads it from the head tree (what the migration will run) and checks its body
 * as if it were written at the call, with the call's arguments in place of the parameters.
 */

/**
 * Methods Rails' migrations and schema statements have (ActiveRecord 4.2 to 8), Ruby's keywords and Kernel
 * methods a migration calls: a bare call of one of these is never looked up as a project helper.
 */
const RAILS_KNOWN = new Set(('add_belongs_to add_check_constraint add_column add_enum_value add_exclusion_constraint add_foreign_key add_index ' +
    'add_reference add_timestamps add_unique_constraint change_column change_column_comment change_column_default ' +
    'change_column_null change_table change_table_comment check_constraint_exists? column_exists? columns connection ' +
    'create_enum create_join_table create_schema create_table create_virtual_table disable_ddl_transaction! ' +
    'disable_extension drop_enum drop_join_table drop_schema drop_table drop_virtual_table enable_extension execute ' +
    'exec_delete exec_insert exec_query exec_update foreign_key_exists? foreign_keys index_exists? index_name_exists? ' +
    'indexes remove_belongs_to remove_check_constraint remove_column remove_columns remove_exclusion_constraint ' +
    'remove_foreign_key remove_index remove_reference remove_timestamps remove_unique_constraint rename_column ' +
    'rename_enum rename_enum_value rename_index rename_table reversible revert say say_with_time select_all ' +
    'select_one select_rows select_value select_values suppress_messages table_exists? tables transaction up_only ' +
    'validate_check_constraint validate_constraint validate_foreign_key safety_assured ' +
    'require require_relative raise puts print p pp sleep loop lambda proc include extend attr_accessor attr_reader ' +
    'private protected public def end if unless else elsif return class module do begin rescue ensure while until ' +
    'for case when yield super then and or not next break redo retry defined? alias undef').split(' '));
/** Bare method calls at the start of a line (`alter_primary_key :t, [...]`) that Rails does not have and the file does not define. */
function unknownRailsCalls(content) {
    const defined = new Set([...content.matchAll(/^\s*def\s+(?:self\.)?([a-z_]\w*[!?]?)/gm)].map((m) => m[1]));
    const out = new Set();
    for (const m of content.matchAll(/^\s*([a-z_]\w*[!?]?)(?=[ (]\s*[:"'[\w(])/gm))
        if (!RAILS_KNOWN.has(m[1]) && !defined.has(m[1]))
            out.add(m[1]);
    return out;
}
function named(n) {
    return n ? n.namedChildren : [];
}
/**
 * The definitions of `names` in one Ruby file (first definition wins). A method with keyword, splat or block
 * parameters is left out: its arguments cannot be put in place of the parameters one by one.
 */
function railsHelpersIn(parser, path, text, names) {
    const out = new Map();
    withTree(parser, text, (tree) => {
        if (!tree)
            return;
        const visit = (n) => {
            if (n.type === 'method') {
                const name = n.childForFieldName('name')?.text;
                if (name && names.has(name) && !out.has(name)) {
                    const h = helperOf(n, path);
                    if (h)
                        out.set(name, h);
                }
                return;
            }
            for (const c of named(n))
                visit(c);
        };
        visit(tree.rootNode);
    });
    return out;
}
function helperOf(method, path) {
    const params = [];
    for (const p of named(method.childForFieldName('parameters'))) {
        if (p.type === 'identifier')
            params.push({ name: p.text });
        else if (p.type === 'optional_parameter') {
            const name = p.childForFieldName('name')?.text;
            const value = p.childForFieldName('value')?.text;
            if (!name || value === undefined)
                return undefined;
            params.push({ name, default: value });
        }
        else
            return undefined;
    }
    const body = method.childForFieldName('body');
    if (!body)
        return undefined;
    const start = body.startIndex;
    const names = new Set(params.map((p) => p.name));
    const assigned = new Set();
    const refs = [];
    const walk = (n) => {
        if ((n.type === 'assignment' || n.type === 'operator_assignment') && n.childForFieldName('left')?.type === 'identifier')
            assigned.add(n.childForFieldName('left')?.text ?? '');
        // an identifier that reads a variable: not a method name (`x.table_name`), not a hash key
        if (n.type === 'identifier' && names.has(n.text) && n.parent?.childForFieldName('method')?.id !== n.id)
            refs.push([n.startIndex - start, n.endIndex - start, n.text]);
        for (const c of named(n))
            walk(c);
    };
    walk(body);
    return {
        path,
        line: method.startPosition.row + 1,
        params,
        body: body.text,
        refs: refs.filter(([, , name]) => !assigned.has(name)),
    };
}
/**
 * The helper written out for one call: `def <name>` whose first lines set each parameter to the call's
 * argument (or its default), with the arguments also written in place of every read of a parameter the body
 * never assigns, so that `add_index(table_name, \u2026)` reads `add_index(:relation_members, \u2026)`. `args` are the
 * call's argument texts in order, a trailing hash (`:name => "x"`) as one `{ \u2026 }`. Undefined when a parameter
 * gets no value or there are more arguments than parameters.
 */
function inlineSource(name, h, args) {
    if (args.length > h.params.length)
        return undefined;
    const values = [];
    for (const [i, p] of h.params.entries()) {
        const v = args.at(i) ?? p.default;
        if (v === undefined)
            return undefined;
        values.push(v);
    }
    const byName = new Map(h.params.map((p, i) => [p.name, values[i]]));
    let body = '';
    let at = 0;
    for (const [s, e, param] of [...h.refs].sort((a, b) => a[0] - b[0])) {
        body += h.body.slice(at, s) + (byName.get(param) ?? param);
        at = e;
    }
    body += h.body.slice(at);
    const sets = h.params.map((p, i) => `${p.name} = ${values[i]}`).join('\n');
    return `def ${name}\n${sets}\n${body}\nend\n`;
}
/** A call's arguments as texts, in order; `key => value` / `key: value` pairs gathered into one hash. */
function callArgTexts(call) {
    const out = [];
    let pairs = [];
    for (const a of named(call.childForFieldName('arguments'))) {
        if (a.type === 'pair') {
            pairs.push(a.text);
            continue;
        }
        if (pairs.length)
            out.push(`{ ${pairs.join(', ')} }`);
        pairs = [];
        out.push(a.text);
    }
    if (pairs.length)
        out.push(`{ ${pairs.join(', ')} }`);
    return out;
}

;// CONCATENATED MODULE: ./src/rules/migration-safety/orm.ts






const line = (n) => n.startPosition.row + 1;
const endLine = (n) => n.endPosition.row + 1;
function orm_named(n) {
    return n ? n.namedChildren.filter(Boolean) : [];
}
/** Visits `n` and its named descendants; `visit` returning false (and only false) skips a node's children. */
function walk(n, visit) {
    if (visit(n) === false)
        return;
    for (const c of orm_named(n))
        walk(c, visit);
}
class Collector {
    deps;
    result = {
        issues: [],
        statements: [],
        comments: [],
        waivers: [],
        count: 0,
        created: [],
        addedColumns: [],
        catchUps: [],
    };
    pending = [];
    /**
     * Backfill candidates, kept at the end when the same transaction also changes the schema, or when they
     * are batched (the batches then commit together with the migration's one transaction).
     */
    backfills = [];
    /** A forward operation changed the schema of an existing table inside the migration's transaction. */
    schemaChangeInTx = false;
    /** Forward code defines schema (an `op.*` other than execute and data helpers, or embedded SQL other than row statements). */
    definesSchema = false;
    /** An Alembic `downgrade()` that only passes: a notice in done() when the upgrade turns out to define no schema. */
    barePassDown;
    /** The constraints the forward code's pieces of SQL add and validate, in the migration's one transaction. */
    constraints = sharedConstraints();
    /** `table.column` \u2192 line of the embedded SQL that validated a CHECK (c IS NOT NULL) on it (forward code). */
    provenAt = new Map();
    constructor(deps) {
        this.deps = deps;
    }
    issue(node, id, detail, table, column_name, names, rollback) {
        const i = {
            id,
            line: line(node),
            endLine: endLine(node),
            statement: shortStatement(node.text),
            detail,
            table,
            column_name,
            names: names ?? (table ? { table, column: column_name } : undefined),
        };
        if (rollback)
            i.rollback = true;
        this.result.issues.push(i);
    }
    /**
     * A backfill candidate (update_all, RunPython .update(), op.execute("UPDATE ...")). `batched`: written in
     * batches (Rails in_batches, find_in_batches, find_each), which only helps outside a transaction.
     */
    backfill(issue, inTx, batched = false) {
        this.backfills.push({ issue, inTx, batched });
    }
    schemaOp(place) {
        if (place.inTx && !place.rollback)
            this.schemaChangeInTx = true;
    }
    statement(node) {
        this.result.statements.push({ line: line(node), endLine: endLine(node) });
        this.result.count++;
    }
    /**
     * Analyses embedded SQL whose first character is on `firstLine` (1-based); issues land on the SQL's own
     * lines. Not parsed at all when the file's dialect is not PostgreSQL or CockroachDB.
     */
    embeddedSql(sql, firstLine, call, place, waiverReason) {
        if (!this.deps.parseSql) {
            // not read: it may define anything
            if (!place.rollback)
                this.definesSchema = true;
            return;
        }
        // Copied now: the SQL is analysed later, and the syntax tree is freed when the file's analysis ends.
        const callLine = line(call);
        const callEnd = endLine(call);
        this.pending.push(this.deps.pg().then((pg) => {
            // the forward pieces of one transaction share its constraints: one may add NOT VALID what the next validates
            const shared = place.inTx && !place.rollback ? this.constraints : undefined;
            const proven = new Set(this.constraints.validatedNotNull);
            const r = analyzeSql(pg, sql, { ...this.deps.sql, assumeInTransaction: place.inTx, knownTypes: this.deps.knownTypes, shared });
            if (shared)
                for (const k of shared.validatedNotNull)
                    if (!proven.has(k))
                        this.provenAt.set(k, callLine);
            const at = (l) => Math.max(callLine, firstLine + l - 1);
            const shift = (i) => {
                const shifted = {
                    ...i,
                    line: at(i.line),
                    endLine: Math.min(callEnd, firstLine + i.endLine - 1),
                };
                if (shifted.endLine < shifted.line)
                    shifted.endLine = shifted.line;
                if (place.rollback)
                    shifted.rollback = true;
                return shifted;
            };
            this.result.created.push(...r.created);
            if (!place.rollback)
                this.learn(r, at);
            if (r.schemaChange)
                this.schemaOp(place);
            if (r.definesSchema && !place.rollback)
                this.definesSchema = true;
            // the operations around embedded SQL are not ordered with it: its backfills count before its schema change too
            for (const i of [...r.backfills, ...r.earlyBackfills])
                if (!waiverReason)
                    this.backfill(shift(i), place.inTx && !place.rollback);
            for (const i of r.issues) {
                const shifted = shift(i);
                if (waiverReason)
                    this.result.waivers.push({ id: i.id, line: shifted.line, reason: waiverReason, statement: i.statement });
                else
                    this.result.issues.push(shifted);
            }
        }));
    }
    /**
     * The findings of a project helper's body checked at its call (`sub`): on the call's line, saying which
     * helper, once the body's embedded SQL is analysed too.
     */
    inlined(sub, at, via) {
        const l = line(at);
        const e = endLine(at);
        const statement = shortStatement(at.text);
        if (sub.schemaChangeInTx)
            this.schemaChangeInTx = true;
        if (sub.definesSchema)
            this.definesSchema = true;
        this.pending.push(sub.done().then((r) => {
            if (sub.schemaChangeInTx)
                this.schemaChangeInTx = true;
            for (const i of r.issues)
                this.result.issues.push({ ...i, line: l, endLine: e, statement, detail: `${via}: ${i.detail}` });
            for (const w of r.waivers)
                this.result.waivers.push({ ...w, line: l, statement });
            this.result.created.push(...r.created);
        }));
    }
    /** A column the forward code adds (`table.column`). */
    added(table, column) {
        if (table && column)
            this.result.addedColumns.push(`${table}.${column}`.toLowerCase());
    }
    /** What forward embedded SQL tells the catch-up exception: columns added, catch-up UPDATEs, lock_timeout. */
    learn(r, at) {
        this.result.addedColumns.push(...r.addedColumns);
        for (const u of r.catchUps)
            this.result.catchUps.push({ ...u, line: at(u.line) });
        if (r.lockTimeoutLine !== undefined) {
            const l = at(r.lockTimeoutLine);
            if (this.result.lockTimeoutLine === undefined || l < this.result.lockTimeoutLine)
                this.result.lockTimeoutLine = l;
        }
    }
    async done() {
        await Promise.all(this.pending);
        // SET NOT NULL after embedded SQL validated a CHECK (c IS NOT NULL): PostgreSQL 12+ uses it and skips the scan
        const proven = (i) => {
            const at = i.names?.table && i.names.column ? this.provenAt.get(`${i.names.table}.${i.names.column}`.toLowerCase()) : undefined;
            return at !== undefined && at < i.line;
        };
        this.result.issues = this.result.issues.filter((i) => i.id !== 'set-not-null' || i.rollback || !proven(i));
        for (const b of this.backfills)
            if (b.inTx && (this.schemaChangeInTx || b.batched))
                this.result.issues.push(b.issue);
        if (this.barePassDown && !this.definesSchema) {
            this.barePassDown.detail += ', and upgrade() only reads or writes rows: there is no schema to put back';
            this.barePassDown.cap = { level: 'notice', why: 'data-only upgrade' };
        }
        this.result.issues.sort((a, b) => a.line - b.line);
        return this.result;
    }
}
function comments(root, c) {
    walk(root, (n) => {
        if (n.type === 'comment')
            c.result.comments.push({ line: line(n), text: n.text });
    });
}
// ---------------------------------------------------------------------------------------------------------
// Ruby (Rails)
function rubyValue(n) {
    if (!n)
        return undefined;
    switch (n.type) {
        case 'simple_symbol':
            return n.text.replace(/^:/, '');
        case 'hash_key_symbol':
        case 'identifier':
        case 'constant':
        case 'true':
        case 'false':
        case 'nil':
        case 'integer':
            return n.text;
        case 'string': {
            const parts = orm_named(n);
            if (parts.some((p) => p.type === 'interpolation'))
                return undefined;
            return parts
                .filter((p) => p.type === 'string_content')
                .map((p) => p.text)
                .join('');
        }
        default:
            return undefined;
    }
}
/**
 * The pairs a local hash holds where `at` reads it: its last assignment before `at` in the same method, a hash
 * literal or `x.merge(key => value, \u2026)` of such a hash (a project helper's `options = options.merge(:unique =>
 * true)` then `add_index(t, c, **options)`). Undefined when it cannot be read that way.
 */
function localHashPairs(name, at, depth = 0) {
    if (depth > 5)
        return undefined;
    let scope = at.parent;
    while (scope && scope.type !== 'method' && scope.type !== 'program')
        scope = scope.parent;
    let value;
    walk(scope ?? at, (n) => {
        if (n.startIndex >= at.startIndex)
            return false;
        if (n.type === 'assignment' && n.childForFieldName('left')?.text === name && n.endIndex <= at.startIndex)
            value = n.childForFieldName('right') ?? undefined;
        return undefined;
    });
    if (!value)
        return undefined;
    if (value.type === 'hash')
        return orm_named(value).filter((p) => p.type === 'pair');
    if (value.type === 'identifier')
        return localHashPairs(value.text, value, depth + 1);
    const receiver = value.childForFieldName('receiver');
    if (value.type === 'call' && rubyMethod(value) === 'merge' && receiver?.type === 'identifier') {
        const before = localHashPairs(receiver.text, value, depth + 1);
        const merged = orm_named(value.childForFieldName('arguments')).flatMap((a) => a.type === 'pair' ? [a] : a.type === 'hash' ? orm_named(a).filter((p) => p.type === 'pair') : [a]);
        return before && merged.every((p) => p.type === 'pair') ? [...before, ...merged] : undefined;
    }
    return undefined;
}
function rubyArgs(call) {
    const out = { positional: [], options: new Map() };
    for (const a of orm_named(call.childForFieldName('arguments'))) {
        if (a.type === 'hash_splat_argument') {
            const v = orm_named(a).at(0);
            const pairs = v?.type === 'identifier' ? localHashPairs(v.text, call) : undefined;
            if (!pairs)
                out.unknownOptions = true;
            for (const p of pairs ?? []) {
                const k = p.childForFieldName('key');
                const val = p.childForFieldName('value');
                if (k && val)
                    out.options.set(k.text.replace(/^:/, '').replace(/:$/, ''), val);
            }
            continue;
        }
        if (a.type === 'pair') {
            const k = a.childForFieldName('key');
            const v = a.childForFieldName('value');
            if (k && v)
                out.options.set(k.text
                    .replace(/^:/, '')
                    .replace(/:$/, '')
                    .replace(/^["']|["']$/g, ''), v);
        }
        else if (a.type === 'hash') {
            for (const p of orm_named(a))
                if (p.type === 'pair') {
                    const k = p.childForFieldName('key');
                    const v = p.childForFieldName('value');
                    if (k && v)
                        out.options.set(k.text.replace(/^:/, '').replace(/:$/, ''), v);
                }
        }
        else
            out.positional.push(a);
    }
    return out;
}
function rubyMethod(call) {
    return call.childForFieldName('method')?.text ?? '';
}
/** change_table calls that do not add a column (every other t.<type> :name does). */
const RAILS_TABLE_NOT_ADDING = new Set([
    'remove',
    'rename',
    'change',
    'change_default',
    'change_null',
    'index',
    'remove_index',
    'rename_index',
    'remove_references',
    'remove_belongs_to',
    'remove_timestamps',
    'check_constraint',
    'remove_check_constraint',
]);
const RAILS_IRREVERSIBLE_IN_CHANGE = new Set(['execute', 'change_column', 'change_column_default']);
/** A Rails column type (`:string, limit: 255`) as PostgreSQL's type. */
function railsType(type, opts) {
    const n = (s) => (s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined);
    const limit = n(opts.limit);
    switch (type) {
        case 'string':
            return limit !== undefined ? { name: 'varchar', mods: 1, args: [limit] } : { name: 'varchar', mods: 0, args: [] };
        case 'text':
        case 'citext':
        case 'inet':
        case 'cidr':
        case 'jsonb':
        case 'json':
        case 'uuid':
            return { name: type, mods: 0, args: [] };
        case 'integer':
            return { name: limit === 8 ? 'int8' : limit === 2 ? 'int2' : 'int4', mods: 0, args: [] };
        case 'bigint':
            return { name: 'int8', mods: 0, args: [] };
        case 'decimal':
        case 'numeric': {
            const p = n(opts.precision);
            const sc = n(opts.scale) ?? 0;
            return p !== undefined ? { name: 'numeric', mods: 2, args: [p, sc] } : { name: 'numeric', mods: 0, args: [] };
        }
        case 'datetime':
        case 'timestamp': {
            const p = n(opts.precision);
            return p !== undefined ? { name: 'timestamp', mods: 1, args: [p] } : { name: 'timestamp', mods: 0, args: [] };
        }
        case 'boolean':
            return { name: 'bool', mods: 0, args: [] };
        default:
            return type ? { name: type, mods: 0, args: [] } : undefined;
    }
}
/** Column types of a Rails db/schema.rb (`create_table "users"` ... `t.string "email", limit: 255`). */
function railsSchemaTypes(schema) {
    const out = new Map();
    let table;
    for (const l of schema.split(/\r?\n/)) {
        const ct = /^\s*create_table\s+"([^"]+)"/.exec(l);
        if (ct) {
            table = ct[1];
            continue;
        }
        if (/^\s*end\s*$/.test(l))
            continue;
        const col = /^\s*t\.(\w+)\s+"([^"]+)"(.*)$/.exec(l);
        if (!col || !table)
            continue;
        const opt = (k) => new RegExp(`\\b${k}:\\s*(\\d+)`).exec(col[3])?.[1];
        const t = railsType(col[1], { limit: opt('limit'), precision: opt('precision'), scale: opt('scale') });
        if (t)
            out.set(`${table}.${col[2]}`, t);
    }
    return out;
}
const RAILS_LOOPS = new Set(['find_each', 'find_in_batches', 'in_batches', 'each']);
/** Loops that write in batches: strong_migrations' backfill recipe, which needs disable_ddl_transaction! to work. */
const RAILS_BATCHES = new Set(['find_each', 'find_in_batches', 'in_batches']);
/**
 * Calls that write rows, in a loop's block: saves and updates, and the counter-cache helpers (Rails' documented way
 * to fill a new counter cache is `reset_counters` per record).
 */
const RAILS_WRITES = /\.(update|update!|update_column|update_columns|update_attribute|save|save!|update_all|touch|reset_counters|update_counters|increment_counter|decrement_counter)\b/;
async function analyzeRails(source, deps) {
    return withTreeAsync(deps.parser, source, (tree) => railsFromTree(tree, deps));
}
async function railsFromTree(tree, deps) {
    const c = new Collector(deps);
    if (!tree)
        return c.done();
    const root = tree.rootNode;
    comments(root, c);
    const v = new RailsVisitor(c, root);
    v.collectOld(root, false);
    v.visit(root, { inChange: false, reversible: false });
    return c.done();
}
/** How many project helpers deep a call is followed (a helper calling a helper calling a helper). */
const RAILS_HELPER_DEPTH = 3;
/** One Rails migration walked: one method per node kind, per place a call opens and per family of Rails calls. */
class RailsVisitor {
    c;
    /**
     * Check constraints validated in this migration's forward code: strong_migrations' NOT NULL recipe
     * (validate_check_constraint, then change_column_null false: PostgreSQL 12+ skips the scan).
     */
    validatedChecks = [];
    /** Foreign keys and checks this migration's forward code adds with validate: false (their lock lasts to the commit). */
    notValid = [];
    noTransaction;
    created = new Set();
    /** Types the rollback restores (`change_column` in def down / dir.down): the type the column had. */
    oldTypes = new Map();
    /** How deep in project helpers this visitor is (0: the migration itself). */
    depth;
    /** `inherit`: a helper's body checked at its call takes the migration's transaction, tables and depth. */
    constructor(c, root, inherit) {
        this.c = c;
        this.depth = inherit?.depth ?? 0;
        if (inherit) {
            this.noTransaction = inherit.noTransaction;
            this.created = inherit.created;
            return;
        }
        let noTransaction = false;
        walk(root, (n) => {
            if ((n.type === 'identifier' || n.type === 'call') &&
                (n.type === 'identifier' ? n.text : rubyMethod(n)) === 'disable_ddl_transaction!')
                noTransaction = true;
        });
        this.noTransaction = noTransaction;
    }
    get deps() {
        return this.c.deps;
    }
    provesNotNull(table, column) {
        return (this.deps.sql.pgVersion >= 12 &&
            table !== undefined &&
            column !== undefined &&
            this.validatedChecks.some((v) => v.table === table &&
                ((v.expr !== undefined &&
                    new RegExp(`^\\s*"?${column.replace(/[^\w]/g, '\\$&')}"?\\s+IS\\s+NOT\\s+NULL\\s*$`, 'i').test(v.expr)) ||
                    (v.expr === undefined && v.name !== undefined && v.name.toLowerCase().includes(column.toLowerCase())))));
    }
    place(ctx) {
        return { inTx: !this.noTransaction, rollback: ctx.rollback };
    }
    /** The rollback's change_column tells the type a column had before the forward change_column. */
    collectOld(n, rollback) {
        if (n.type === 'method' || n.type === 'singleton_method')
            rollback = n.childForFieldName('name')?.text === 'down';
        if (n.type === 'call' && rubyMethod(n) === 'down' && n.childForFieldName('receiver'))
            rollback = true;
        if (rollback && n.type === 'call' && rubyMethod(n) === 'change_column') {
            const a = rubyArgs(n);
            const t = railsType(rubyValue(a.positional[2]), {
                limit: rubyValue(a.options.get('limit')),
                precision: rubyValue(a.options.get('precision')),
                scale: rubyValue(a.options.get('scale')),
            });
            if (t)
                this.oldTypes.set(`${rubyValue(a.positional[0])}.${rubyValue(a.positional[1])}`, t);
        }
        for (const ch of orm_named(n))
            this.collectOld(ch, rollback);
    }
    visit(n, ctx) {
        // `def self.up` / `def self.down`: the migrations Rails wrote before 3.1
        if (n.type === 'method' || n.type === 'singleton_method') {
            const name = n.childForFieldName('name')?.text;
            for (const ch of orm_named(n.childForFieldName('body') ?? n))
                this.visit(ch, { ...ctx, inChange: name === 'change', rollback: name === 'down' || ctx.rollback });
            return;
        }
        if (n.type !== 'call') {
            for (const ch of orm_named(n))
                this.visit(ch, ctx);
            return;
        }
        if (this.block(n, ctx))
            return;
        const m = rubyMethod(n);
        const receiver = n.childForFieldName('receiver');
        const block = n.childForFieldName('block');
        if (receiver && this.backfill(n, m, receiver, block, ctx))
            return;
        if (receiver && ctx.table) {
            this.tableCall(n, m, ctx.table, ctx);
            return;
        }
        if (receiver) {
            for (const ch of orm_named(n))
                this.visit(ch, ctx);
            return;
        }
        this.call(n, m, block, ctx);
    }
    /** A block that changes the place of what it holds: safety_assured, reversible / up_only, dir.up / dir.down. */
    block(n, ctx) {
        const m = rubyMethod(n);
        const receiver = n.childForFieldName('receiver');
        const block = n.childForFieldName('block');
        if (m === 'safety_assured' && !receiver) {
            for (const ch of orm_named(block))
                this.visit(ch, { ...ctx, waiver: 'safety_assured block' });
            return true;
        }
        if ((m === 'reversible' || m === 'up_only') && !receiver) {
            for (const ch of orm_named(block))
                this.visit(ch, { ...ctx, reversible: true });
            return true;
        }
        // reversible do |dir| dir.up { } ; dir.down { } end
        if (receiver && (m === 'down' || m === 'up') && block && ctx.reversible) {
            for (const ch of orm_named(block))
                this.visit(ch, { ...ctx, rollback: m === 'down' || ctx.rollback });
            return true;
        }
        return false;
    }
    /** Backfills: update_all, or a batch loop over a model that writes rows. */
    backfill(n, m, receiver, block, ctx) {
        if (!(m === 'update_all' || (RAILS_LOOPS.has(m) && block && RAILS_WRITES.test(block.text))) || ctx.table)
            return false;
        const model = /^[A-Z]\w*/.exec(receiver.text)?.[0];
        // `Model.where(\u2026).in_batches(of: 1000).update_all(\u2026)` or `Model.in_batches { |b| b.update_all(\u2026) }`
        const batched = RAILS_BATCHES.has(m) || (m === 'update_all' && /\.\s*(in_batches|find_in_batches)\b/.test(receiver.text));
        const who = `${receiver.text.length > 40 ? (model ?? 'a model') : receiver.text}.${m}`;
        const issue = {
            id: 'backfill-in-transaction',
            line: line(n),
            endLine: endLine(n),
            statement: shortStatement(n.text),
            detail: batched
                ? `${who} updates rows in batches, but inside the migration's one transaction (no disable_ddl_transaction!): ` +
                    'every batch stays locked until the last one commits'
                : `${who} updates rows in the migration's transaction`,
            names: { model },
        };
        if (ctx.rollback)
            issue.rollback = true;
        if (!ctx.waiver)
            this.c.backfill(issue, !this.noTransaction && !ctx.rollback, batched);
        this.c.statement(n);
        return true;
    }
    /** t.* inside change_table / create_table blocks. */
    tableCall(n, m, t, ctx) {
        const args = rubyArgs(n);
        const table = rubyValue(args.positional[0]);
        const column = rubyValue(args.positional[1]);
        const opt = (k) => rubyValue(args.options.get(k));
        const found = [];
        if (m === 'remove')
            found.push(['drop-column', `change_table ${t}: t.remove ${column ?? table}`, { table: t, column: table }]);
        else if (m === 'rename')
            found.push(['rename-column', `change_table ${t}: t.rename ${table} to ${column}`, { table: t, column: table, newName: column }]);
        else if (m === 'change')
            found.push(['change-column-type', `change_table ${t}: t.change ${table}`, { table: t, column: table }]);
        else if (m === 'index' && !this.created.has(t) && opt('algorithm') !== 'concurrently')
            found.push([
                'create-index-non-concurrent',
                `change_table ${t}: t.index without algorithm: :concurrently`,
                { table: t, columns: rubyColumns(args.positional[0]), index: opt('name') },
            ]);
        else if (m === 'json')
            found.push(['prefer-jsonb', `${t}.${table} is json`, { table: t, column: table }]);
        // any other t.<type> :name (t.string, t.column, t.references) adds a column
        if (!ctx.rollback && !RAILS_TABLE_NOT_ADDING.has(m))
            for (const a of args.positional)
                this.c.added(t, m === 'references' || m === 'belongs_to' ? `${rubyValue(a) ?? ''}_id` : rubyValue(a));
        if (!this.created.has(t) && ['remove', 'rename', 'change', 'index', 'column', 'references', 'belongs_to'].includes(m))
            this.c.schemaOp(this.place(ctx));
        for (const [id, detail, names] of found)
            this.record(n, id, detail, t, ctx, id === 'drop-column' || id === 'rename-column' ? (column ?? table) : undefined, names);
        this.c.statement(n);
    }
    /** A Rails migration method (add_index, change_column, execute, \u2026): its dangers, then whether it can be reversed. */
    call(n, m, block, ctx) {
        const args = rubyArgs(n);
        const table = rubyValue(args.positional[0]);
        const column = rubyValue(args.positional[1]);
        const opt = (k) => rubyValue(args.options.get(k));
        const isNew = table !== undefined && this.created.has(table);
        const call = { n, m, args, block, table, column, opt, isNew, ctx, found: [] };
        if (!isNew && (/^(add_|remove_|change_|rename_)/.test(m) || m === 'drop_table'))
            this.c.schemaOp(this.place(ctx));
        switch (m) {
            case 'create_table':
            case 'change_table':
                this.tableBlock(call);
                break;
            case 'add_index':
            case 'remove_index':
                this.index(call);
                break;
            case 'add_reference':
            case 'add_belongs_to':
                this.reference(call);
                break;
            case 'add_foreign_key':
            case 'validate_check_constraint':
            case 'validate_foreign_key':
            case 'add_check_constraint':
                this.constraint(call);
                break;
            case 'add_column':
                this.addColumn(call);
                break;
            case 'change_column':
                this.changeColumn(call);
                break;
            case 'remove_column':
            case 'remove_columns':
            case 'rename_column':
            case 'rename_table':
            case 'change_column_null':
            case 'drop_table':
                this.columnOrTable(call);
                break;
            case 'execute':
                this.execute(call);
                break;
            default: {
                const helper = this.depth < RAILS_HELPER_DEPTH ? this.deps.railsHelpers?.get(m) : undefined;
                if (helper)
                    this.inline(call, helper);
                else
                    for (const ch of orm_named(block))
                        this.visit(ch, ctx);
                break;
            }
        }
        const { found } = call;
        if (ctx.inChange && !ctx.reversible && this.irreversible(call))
            found.push(['missing-down', `${m} is irreversible inside def change`]);
        for (const [id, detail, names] of found)
            this.record(n, id, detail, table, ctx, id === 'drop-column' || id === 'rename-column' ? column : undefined, names);
        const helper = this.depth < RAILS_HELPER_DEPTH && this.deps.railsHelpers?.has(m);
        if (['create_table', 'change_table'].includes(m) ||
            found.length ||
            m.startsWith('add_') ||
            m.startsWith('remove_') ||
            m === 'execute' ||
            helper)
            this.c.statement(n);
    }
    /** Inside def change, a call Rails cannot reverse. */
    irreversible({ m, args, block, column }) {
        return (
        // change_column_default with from: and to: knows its way back (Rails 5+)
        (RAILS_IRREVERSIBLE_IN_CHANGE.has(m) && !(m === 'change_column_default' && args.options.has('from') && args.options.has('to'))) ||
            (m === 'remove_column' && args.positional.length < 3) ||
            (m === 'remove_columns' && !args.options.has('type')) ||
            (m === 'drop_table' && !block) ||
            // remove_index with its columns (a symbol, or an array: [:a, :b]) can be recreated
            (m === 'remove_index' && !column && args.positional.length < 2 && !args.options.has('column')));
    }
    /** create_table (force:, id:) and change_table: their t.* calls are visited with the table. */
    tableBlock({ m, block, table, opt, ctx, found }) {
        if (m === 'create_table') {
            if (table) {
                this.created.add(table);
                this.c.result.created.push(table);
            }
            if (opt('force') === 'true' || opt('force') === 'cascade')
                found.push(['drop-table', `create_table ${table}, force: drops the existing table`, { table }]);
            if (opt('id') === 'integer' || opt('id') === 'serial')
                found.push(['prefer-bigint-key', `create_table ${table}, id: :${opt('id')}`, { table, column: 'id' }]);
        }
        for (const ch of orm_named(block))
            this.visit(ch, { ...ctx, table });
    }
    /** add_index / remove_index: concurrently, and then outside the migration's transaction. */
    index({ m, args, table, opt, isNew, found }) {
        if (m === 'add_index' && isNew)
            return;
        const names = m === 'add_index'
            ? { table, columns: rubyColumns(args.positional[1]), index: opt('name') }
            : { table, columns: rubyColumns(args.options.get('column') ?? args.positional[1]), index: opt('name') };
        // options from a `**hash` the gate cannot read may hold algorithm: :concurrently: no guess
        if (args.unknownOptions && opt('algorithm') === undefined)
            return;
        if (opt('algorithm') !== 'concurrently')
            found.push(m === 'add_index'
                ? ['create-index-non-concurrent', `add_index ${table} without algorithm: :concurrently`, names]
                : ['drop-index-non-concurrent', `remove_index ${table} without algorithm: :concurrently`, names]);
        else if (!this.noTransaction)
            found.push(['concurrently-in-transaction', `${m} ${table}, algorithm: :concurrently without disable_ddl_transaction!`, names]);
    }
    /** add_reference / add_belongs_to: the column, its index and its foreign key. */
    reference({ m, args, table, column, isNew, ctx, found }) {
        if (isNew)
            return;
        if (!ctx.rollback)
            this.c.added(table, column && `${column}_id`);
        const index = args.options.get('index');
        const idxConcurrent = index?.type === 'hash' && orm_named(index).some((p) => p.text.replace(/\s/g, '').includes('algorithm::concurrently'));
        if (rubyValue(index) !== 'false' && !idxConcurrent)
            found.push([
                'create-index-non-concurrent',
                `${m} ${table}, ${column} builds an index without algorithm: :concurrently (pass index: false and add it concurrently)`,
                { table, columns: [`${column}_id`] },
            ]);
        const fk = args.options.get('foreign_key');
        if (fk && rubyValue(fk) !== 'false' && !(fk.type === 'hash' && fk.text.replace(/\s/g, '').includes('validate:false')))
            found.push([
                'constraint-not-valid-missing',
                `${m} ${table}, ${column}, foreign_key: true validates every row`,
                { table, column: `${column}_id`, value: column ? `${column}s` : undefined },
            ]);
    }
    /** add_foreign_key and add_check_constraint validate every row unless validate: false; validated checks prove NOT NULL. */
    constraint({ m, table, column, opt, isNew, ctx, found }) {
        const forwardInTx = table !== undefined && !ctx.rollback && !this.noTransaction && !isNew;
        if (m === 'validate_check_constraint' || m === 'validate_foreign_key') {
            const kind = m === 'validate_check_constraint' ? 'check' : 'fk';
            if (kind === 'check' && table && !ctx.rollback)
                this.validatedChecks.push({ table, name: opt('name') });
            // strong_migrations: validate in a second migration; in this one the add's lock is held through the scan
            const name = opt('name');
            const added = forwardInTx
                ? this.notValid.find((x) => x.kind === kind && x.table === table && (name ? x.name === name : column === undefined || x.other === column || !x.other))
                : undefined;
            if (added)
                found.push([
                    'constraint-not-valid-missing',
                    `${m} ${table} in the same transaction as its ${kind === 'check' ? 'add_check_constraint' : 'add_foreign_key'} ` +
                        `validate: false: the add's lock is held until the migration commits, so the scan runs under it`,
                    { table, constraint: added.name, value: kind === 'fk' ? added.other : undefined },
                ]);
            return;
        }
        if (forwardInTx && opt('validate') === 'false')
            this.notValid.push({ kind: m === 'add_foreign_key' ? 'fk' : 'check', table, name: opt('name'), other: column });
        if (m === 'add_foreign_key') {
            if (!isNew && opt('validate') !== 'false')
                found.push([
                    'constraint-not-valid-missing',
                    `add_foreign_key ${table} -> ${column} without validate: false`,
                    { table, value: column, column: opt('column') },
                ]);
            return;
        }
        if (table && !ctx.rollback && opt('validate') !== 'false')
            this.validatedChecks.push({ table, expr: column });
        if (!isNew && opt('validate') !== 'false')
            found.push([
                'constraint-not-valid-missing',
                `add_check_constraint on ${table} without validate: false`,
                { table, constraint: opt('name') },
            ]);
    }
    addColumn({ args, table, column, opt, isNew, ctx, found }) {
        const type = rubyValue(args.positional[2]);
        if (!ctx.rollback)
            this.c.added(table, column);
        if (type === 'json')
            found.push(['prefer-jsonb', `${table}.${column} is json`, { table, column }]);
        if (isNew)
            return;
        if (opt('null') === 'false' && !args.options.has('default'))
            found.push(['add-column-not-null-no-default', `add_column ${table}, ${column}, null: false without default`, { table, column, type }]);
        const def = args.options.get('default');
        if (def && (def.type === 'lambda' || this.deps.sql.pgVersion < 11)) {
            const what = def.type === 'lambda' ? 'an SQL expression default' : `a default on PostgreSQL ${this.deps.sql.pgVersion}`;
            found.push(['add-column-volatile-default', `add_column ${table}, ${column} with ${what}`, { table, column, type }]);
        }
    }
    /** change_column rewrites the table unless the new type is a rewrite-free change of the old one. */
    changeColumn({ args, table, column, opt, isNew, ctx, found }) {
        const type = rubyValue(args.positional[2]);
        const now = railsType(type, { limit: opt('limit'), precision: opt('precision'), scale: opt('scale') });
        const key = `${table}.${column}`;
        if (ctx.rollback)
            return;
        const old = this.oldTypes.get(key) ?? this.deps.knownTypes?.get(key);
        if (!isNew && now && !(0,change_column_type/* rewriteFree */.V)(old, now, args.options.has('using')))
            found.push([
                'change-column-type',
                `change_column ${table}, ${column}, :${type}${old ? ` (from ${(0,sql_ast/* typeText */.wQ)(old)})` : ''}`,
                { table, column, type: (0,sql_ast/* typeText */.wQ)(now), oldType: old ? (0,sql_ast/* typeText */.wQ)(old) : undefined },
            ]);
    }
    /** Drops, renames and NOT NULL changes of an existing column or table. */
    columnOrTable({ m, args, table, column, isNew, ctx, found }) {
        if (isNew)
            return;
        if (m === 'remove_column' || m === 'remove_columns') {
            const cols = args.positional.slice(1).map(rubyValue);
            found.push(['drop-column', `${m} ${table}, ${cols.join(', ')}`, { table, column: cols[0] }]);
        }
        else if (m === 'rename_column')
            found.push([
                'rename-column',
                `rename_column ${table}, ${column} to ${rubyValue(args.positional[2])}`,
                { table, column, newName: rubyValue(args.positional[2]) },
            ]);
        else if (m === 'rename_table')
            found.push(['rename-table', `rename_table ${table} to ${column}`, { table, newName: column }]);
        else if (m === 'drop_table')
            found.push(['drop-table', `drop_table ${table}`, { table }]);
        else if (m === 'change_column_null') {
            const v = rubyValue(args.positional[2]);
            if (v === 'false' && !(!ctx.rollback && this.provesNotNull(table, column)))
                found.push(['set-not-null', `change_column_null ${table}, ${column}, false`, { table, column }]);
            else if (v === 'true')
                found.push(['drop-not-null', `change_column_null ${table}, ${column}, true`, { table, column }]);
        }
    }
    /** execute "SQL" or a heredoc: the SQL is analysed on its own lines. */
    execute({ n, args, ctx }) {
        const a = args.positional.at(0);
        if (a?.type === 'string') {
            const content = orm_named(a).find((p) => p.type === 'string_content');
            const sql = rubyValue(a);
            if (sql !== undefined && content)
                this.c.embeddedSql(sql, line(content), n, this.place(ctx), ctx.waiver);
        }
        else if (a?.type === 'heredoc_beginning') {
            // The body is a later sibling of the call.
            let s = n.nextNamedSibling;
            while (s && s.type !== 'heredoc_body')
                s = s.nextNamedSibling;
            if (s && !orm_named(s).some((p) => p.type === 'interpolation')) {
                const text = orm_named(s)
                    .filter((p) => p.type === 'heredoc_content')
                    .map((p) => p.text)
                    .join('');
                const first = orm_named(s).find((p) => p.type === 'heredoc_content');
                if (first)
                    this.c.embeddedSql(text, line(first), n, this.place(ctx), ctx.waiver);
            }
        }
    }
    /** A project helper's body, with the call's arguments in place of its parameters, checked as if written at the call. */
    inline({ n, m, ctx }, h) {
        const source = inlineSource(m, h, callArgTexts(n));
        if (source === undefined)
            return;
        const sub = new Collector(this.deps);
        withTree(this.deps.parser, source, (tree) => {
            if (!tree || tree.rootNode.hasError)
                return;
            const v = new RailsVisitor(sub, tree.rootNode, { noTransaction: this.noTransaction, created: this.created, depth: this.depth + 1 });
            for (const ch of orm_named(tree.rootNode))
                v.visit(ch, { ...ctx, inChange: false });
        });
        this.c.inlined(sub, n, `${m} (${h.path}:${h.line})`);
    }
    record(n, id, detail, table, ctx, column, names) {
        if (ctx.waiver && id !== 'missing-down')
            this.c.result.waivers.push({ id, line: line(n), reason: ctx.waiver, statement: shortStatement(n.text) });
        else
            this.c.issue(n, id, detail, table, column, names, ctx.rollback);
    }
}
/** Column names of `:email` or `[:a, :b]`. */
function rubyColumns(n) {
    if (!n)
        return undefined;
    if (n.type === 'array') {
        const v = orm_named(n).map(rubyValue);
        return v.every((x) => x !== undefined) ? v : undefined;
    }
    const v = rubyValue(n);
    return v !== undefined ? [v] : undefined;
}
// ---------------------------------------------------------------------------------------------------------
// Python (Django, Alembic)
/** A Python string literal's value (concatenations joined; an f-string with interpolations: undefined). */
function pyString(n) {
    if (!n)
        return undefined;
    if (n.type === 'string') {
        const parts = orm_named(n);
        if (parts.some((p) => p.type === 'interpolation'))
            return undefined;
        return parts
            .filter((p) => p.type === 'string_content' || p.type === 'escape_sequence')
            .map((p) => p.text)
            .join('');
    }
    if (n.type === 'concatenated_string') {
        const parts = orm_named(n).map(pyString);
        return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
    }
    return undefined;
}
function pyValue(n) {
    if (!n)
        return undefined;
    const s = pyString(n);
    if (s !== undefined)
        return s;
    if (['true', 'false', 'none', 'integer', 'identifier'].includes(n.type))
        return n.text;
    // Alembic's op.f("name"): the name as given (a naming-convention marker)
    if (n.type === 'call' && /^(op\.)?f$/.test(n.childForFieldName('function')?.text ?? '')) {
        const arg = n.childForFieldName('arguments')?.namedChildren[0];
        return arg ? pyString(arg) : undefined;
    }
    return undefined;
}
function pyCall(n) {
    if (n.type !== 'call')
        return undefined;
    const fn = n.childForFieldName('function');
    if (!fn)
        return undefined;
    const qualified = fn.text;
    const name = fn.type === 'attribute' ? (fn.childForFieldName('attribute')?.text ?? '') : fn.text;
    const out = { name, qualified, positional: [], kwargs: new Map() };
    for (const a of orm_named(n.childForFieldName('arguments'))) {
        if (a.type === 'keyword_argument') {
            const k = a.childForFieldName('name')?.text;
            const v = a.childForFieldName('value');
            if (k && v)
                out.kwargs.set(k, v);
        }
        else if (a.type !== 'comment')
            out.positional.push(a);
    }
    return out;
}
/** The string of a SQL argument: a string literal, sa.text("..."), or a list/tuple of strings (joined). */
function sqlArg(n) {
    if (!n)
        return undefined;
    const s = pyString(n);
    if (s !== undefined)
        return { sql: s, first: orm_named(n).find((p) => p.type === 'string_content') ?? n };
    const call = pyCall(n);
    if (call && call.name === 'text')
        return sqlArg(call.positional[0]);
    if (n.type === 'list' || n.type === 'tuple') {
        const items = orm_named(n).map((i) => sqlArg(i));
        const strings = items.filter((i) => i !== undefined);
        const head = strings.at(0);
        // every item a string (none left out), and at least one
        if (head && strings.length === items.length)
            return { sql: strings.map((i) => i.sql.trim().replace(/;?$/, ';')).join('\n'), first: head.first };
    }
    return undefined;
}
/**
 * A downgrade() that does nothing and says why, in a comment or docstring of its own: a forward-only choice
 * written down, as Rails' `raise IrreversibleMigration` or Django's `RunPython.noop` are. Alembic's template
 * writes a bare `pass` (or `pass` between its `# ### commands auto generated by Alembic` markers) when there is
 * nothing to undo: that one was never decided, so it does not count. Returns the line of the explanation.
 */
function explainedNoop(fn) {
    const body = fn.childForFieldName('body');
    let at;
    walk(fn, (n) => {
        if (at !== undefined)
            return false;
        const own = n.type === 'comment' && !/^#\s*###/.test(n.text) && /[a-z]{3,}/i.test(n.text);
        const doc = n.type === 'expression_statement' && n.parent?.id === body?.id && orm_named(n)[0]?.type === 'string';
        if (own || doc)
            at = line(n);
        return undefined;
    });
    return at;
}
function bodyIsOnlyPass(fn) {
    const body = fn.childForFieldName('body');
    const stmts = orm_named(body).filter((s) => s.type !== 'comment');
    return stmts.every((s) => s.type === 'pass_statement' || (s.type === 'expression_statement' && orm_named(s)[0]?.type === 'string'));
}
async function analyzePython(source, deps, hint) {
    return withTreeAsync(deps.parser, source, (tree) => pythonFromTree(tree, deps, hint));
}
async function pythonFromTree(tree, deps, hint) {
    const c = new Collector(deps);
    if (!tree)
        return { ...(await c.done()), notMigration: true };
    const root = tree.rootNode;
    comments(root, c);
    const fns = new Map();
    let migrationClass;
    for (const n of orm_named(root)) {
        const def = n.type === 'decorated_definition' ? n.childForFieldName('definition') : n;
        if (def?.type === 'function_definition')
            fns.set(def.childForFieldName('name')?.text ?? '', def);
        if (def?.type === 'class_definition' && def.childForFieldName('name')?.text === 'Migration')
            migrationClass = def;
    }
    const upgrade = fns.get('upgrade');
    if (upgrade && hint !== 'django')
        return { ...(await analyzeAlembic(upgrade, fns, c)), kind: 'alembic' };
    if (migrationClass && hint !== 'alembic')
        return { ...(await analyzeDjango(migrationClass, fns, c)), kind: 'django' };
    return { ...(await c.done()), notMigration: true };
}
/** SQLAlchemy type expressions (sa.String(length=255), VARCHAR(100), sa.Numeric(10, 2), postgresql.INET()) as PostgreSQL types. */
function sqlalchemyType(text) {
    const m = /^(?:[\w.]+\.)?(\w+)\s*(?:\((.*)\))?$/s.exec(text.trim());
    if (!m)
        return undefined;
    const args = (m.at(2) ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
    const num = (k, i) => {
        const kw = args.find((a) => a.startsWith(`${k}=`));
        const a = args.at(i);
        const v = kw ? kw.slice(k.length + 1) : a !== undefined && !a.includes('=') ? a : undefined;
        return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
    };
    const name = m[1].toLowerCase();
    switch (name) {
        case 'string':
        case 'varchar':
        case 'unicode':
        case 'nvarchar': {
            const len = num('length', 0);
            return len !== undefined ? { name: 'varchar', mods: 1, args: [len] } : { name: 'varchar', mods: 0, args: [] };
        }
        case 'text':
        case 'unicodetext':
            return { name: 'text', mods: 0, args: [] };
        case 'numeric':
        case 'decimal': {
            const p = num('precision', 0);
            return p !== undefined ? { name: 'numeric', mods: 2, args: [p, num('scale', 1) ?? 0] } : { name: 'numeric', mods: 0, args: [] };
        }
        case 'integer':
            return { name: 'int4', mods: 0, args: [] };
        case 'biginteger':
        case 'bigint':
            return { name: 'int8', mods: 0, args: [] };
        case 'smallinteger':
            return { name: 'int2', mods: 0, args: [] };
        case 'inet':
        case 'cidr':
        case 'citext':
        case 'jsonb':
        case 'json':
        case 'uuid':
            return { name, mods: 0, args: [] };
        case 'datetime':
        case 'timestamp':
            return { name: /timezone\s*=\s*True/.test(m.at(2) ?? '') ? 'timestamptz' : 'timestamp', mods: 0, args: [] };
        case 'boolean':
            return { name: 'bool', mods: 0, args: [] };
        default:
            return undefined;
    }
}
/** Alembic operations that define no schema: row writes (execute: its SQL decides), binds and literals. */
const ALEMBIC_ROW_OPS = new Set(['execute', 'bulk_insert', 'get_bind', 'get_context', 'inline_literal', 'f']);
const ALEMBIC_DATA_OPS = new Set(['execute', 'bulk_insert', 'get_bind', 'get_context', 'create_table', 'inline_literal', 'f']);
/** op.add_column: a JSON column, NOT NULL without server_default. */
function alembicAddColumn({ n, call, c, created, table }) {
    const t = table(0);
    if (t && created.has(t))
        return;
    const col = pyCall(call.positional[1] ?? n);
    if (col && col.name === 'Column') {
        const name = pyValue(col.positional[0]);
        c.added(t, name);
        const type = col.positional[1]?.text ?? '';
        if (/\bJSON\b/.test(type) && !/JSONB/.test(type))
            c.issue(n, 'prefer-jsonb', `${t}.${name} is JSON`, t, name);
        if (pyValue(col.kwargs.get('nullable')) === 'False' && !col.kwargs.has('server_default'))
            c.issue(n, 'add-column-not-null-no-default', `op.add_column('${t}', Column('${name}', nullable=False)) without server_default`, t, undefined, { table: t, column: name, type });
    }
}
/** op.alter_column: nullability changes, a type change that rewrites, a rename. */
function alembicAlterColumn({ n, call, c, created, table, kw }) {
    const t = table(0);
    const col = table(1);
    if (t && created.has(t))
        return;
    const existingNullable = kw('existing_nullable');
    if (kw('nullable') === 'False' && existingNullable !== 'False')
        c.issue(n, 'set-not-null', `op.alter_column('${t}', '${col}', nullable=False)`, t, undefined, { table: t, column: col });
    if (kw('nullable') === 'True' && existingNullable !== 'True')
        c.issue(n, 'drop-not-null', `op.alter_column('${t}', '${col}', nullable=True)`, t, undefined, { table: t, column: col });
    const typeNode = call.kwargs.get('type_');
    if (typeNode) {
        const text = typeNode.text;
        const now = sqlalchemyType(text);
        const oldNode = call.kwargs.get('existing_type');
        const old = (oldNode ? sqlalchemyType(oldNode.text) : undefined) ?? c.deps.knownTypes?.get(`${t}.${col}`);
        const free = now ? (0,change_column_type/* rewriteFree */.V)(old, now, call.kwargs.has('postgresql_using')) : /^(sa\.)?(Text|UnicodeText)\(\)$/.test(text);
        if (!free)
            c.issue(n, 'change-column-type', `op.alter_column('${t}', '${col}', type_=${text}${oldNode ? `, existing_type=${oldNode.text}` : ''})`, t, undefined, { table: t, column: col, type: now ? (0,sql_ast/* typeText */.wQ)(now) : text, oldType: old ? (0,sql_ast/* typeText */.wQ)(old) : undefined });
    }
    if (call.kwargs.has('new_column_name'))
        c.issue(n, 'rename-column', `op.alter_column('${t}', '${col}', new_column_name='${kw('new_column_name')}')`, t, col, {
            table: t,
            column: col,
            newName: kw('new_column_name'),
        });
}
/** op.create_index: not concurrent, or concurrent inside the transaction. */
function alembicCreateIndex({ n, call, c, created, autocommit, table, kw }) {
    const t = table(1);
    if (t && created.has(t))
        return;
    const cols = call.positional[2]?.type === 'list'
        ? orm_named(call.positional[2])
            .map(pyValue)
            .filter((x) => x !== undefined)
        : undefined;
    const names = { table: t, index: table(0), columns: cols };
    if (kw('postgresql_concurrently') !== 'True')
        c.issue(n, 'create-index-non-concurrent', `op.create_index(... '${t}' ...) without postgresql_concurrently=True`, t, undefined, names);
    else if (!autocommit)
        c.issue(n, 'concurrently-in-transaction', `op.create_index(..., postgresql_concurrently=True) outside op.get_context().autocommit_block()`, undefined, undefined, names);
}
/** op.drop_index: not concurrent, or concurrent inside the transaction. */
function alembicDropIndex({ n, c, autocommit, table, kw }) {
    const names = { index: table(0), table: kw('table_name') };
    if (kw('postgresql_concurrently') !== 'True')
        c.issue(n, 'drop-index-non-concurrent', `op.drop_index('${table(0)}') without postgresql_concurrently=True`, undefined, undefined, names);
    else if (!autocommit)
        c.issue(n, 'concurrently-in-transaction', `op.drop_index(..., postgresql_concurrently=True) outside op.get_context().autocommit_block()`, undefined, undefined, names);
}
/** op.create_foreign_key / op.create_check_constraint: validated at once unless NOT VALID. */
function alembicValidatedConstraint({ n, call, c, created, table, kw }) {
    const t = table(1);
    if (t && created.has(t))
        return;
    if (kw('postgresql_not_valid') !== 'True')
        c.issue(n, 'constraint-not-valid-missing', `op.${call.name}(... '${t}' ...) validates every row (add it with NOT VALID through op.execute, then VALIDATE CONSTRAINT)`, t, undefined, call.name === 'create_foreign_key'
            ? {
                table: t,
                constraint: table(0),
                value: table(2),
                columns: pyStrings(call.positional[3]),
                refColumns: pyStrings(call.positional[4]),
            }
            : { table: t, constraint: table(0), check: pyValue(call.positional[2]) });
}
/** A Python list or tuple of string literals (`["user_id"]`), else undefined. */
function pyStrings(n) {
    if (n?.type !== 'list' && n?.type !== 'tuple')
        return undefined;
    const out = orm_named(n).map(pyValue);
    const strings = out.filter((x) => x !== undefined);
    return strings.length && strings.length === out.length ? strings : undefined;
}
/** op.create_unique_constraint / op.create_primary_key: the index is built under the lock. */
function alembicUniqueConstraint({ n, call, c, created, table }) {
    const t = table(1);
    if (t && created.has(t))
        return;
    const cols = call.positional[2]?.type === 'list'
        ? orm_named(call.positional[2])
            .map(pyValue)
            .filter((x) => x !== undefined)
        : undefined;
    c.issue(n, 'unique-without-index', `op.${call.name}(... '${t}' ...) builds its index under the lock`, t, undefined, {
        table: t,
        constraint: table(0),
        columns: cols,
        value: call.name === 'create_primary_key' ? 'PRIMARY KEY' : 'UNIQUE',
    });
}
/** A downgrade() missing or only passing: missing-down, a notice when its own comment says why. */
function alembicMissingDown(upgrade, downgrade, c) {
    if (!downgrade || bodyIsOnlyPass(downgrade)) {
        const why = downgrade && explainedNoop(downgrade);
        c.issue(downgrade ?? upgrade, 'missing-down', !downgrade
            ? 'no downgrade() function'
            : why
                ? `downgrade() only passes, on purpose (its comment on line ${why} says why)`
                : 'downgrade() only passes');
        const issue = c.result.issues[c.result.issues.length - 1];
        if (why)
            issue.cap = { level: 'notice', why: 'a written forward-only choice' };
        else if (downgrade)
            c.barePassDown = issue;
    }
}
async function analyzeAlembic(upgrade, fns, c) {
    const downgrade = fns.get('downgrade');
    alembicMissingDown(upgrade, downgrade, c);
    const created = new Set();
    const visit = (n, autocommit) => {
        if (n.type === 'with_statement') {
            const isAuto = n.text.includes('autocommit_block');
            for (const ch of orm_named(n))
                visit(ch, autocommit || isAuto);
            return;
        }
        const call = pyCall(n);
        if (!call || !call.qualified.startsWith('op.')) {
            for (const ch of orm_named(n))
                visit(ch, autocommit);
            return;
        }
        const table = (i) => pyValue(call.positional[i]);
        const kw = (k) => pyValue(call.kwargs.get(k));
        const place = { inTx: !autocommit };
        const op = { n, call, c, created, autocommit, table, kw };
        c.statement(n);
        const target = call.name === 'create_index' || call.name.startsWith('create_') ? table(1) : table(0);
        if (!ALEMBIC_DATA_OPS.has(call.name) && !(target && created.has(target)))
            c.schemaOp(place);
        if (!ALEMBIC_ROW_OPS.has(call.name))
            c.definesSchema = true;
        switch (call.name) {
            case 'create_table': {
                const t = table(0);
                if (t) {
                    created.add(t);
                    c.result.created.push(t);
                }
                break;
            }
            case 'drop_table':
                c.issue(n, 'drop-table', `op.drop_table('${table(0)}')`, table(0));
                break;
            case 'rename_table':
                c.issue(n, 'rename-table', `op.rename_table('${table(0)}', '${table(1)}')`, table(0), undefined, {
                    table: table(0),
                    newName: table(1),
                });
                break;
            case 'drop_column':
                c.issue(n, 'drop-column', `op.drop_column('${table(0)}', '${table(1)}')`, table(0), table(1));
                break;
            case 'add_column':
                alembicAddColumn(op);
                break;
            case 'alter_column':
                alembicAlterColumn(op);
                break;
            case 'create_index':
                alembicCreateIndex(op);
                break;
            case 'drop_index':
                alembicDropIndex(op);
                break;
            case 'create_foreign_key':
            case 'create_check_constraint':
                alembicValidatedConstraint(op);
                break;
            case 'create_unique_constraint':
            case 'create_primary_key':
                alembicUniqueConstraint(op);
                break;
            case 'execute': {
                const s = sqlArg(call.positional[0] ?? call.kwargs.get('sqltext'));
                if (s)
                    c.embeddedSql(s.sql, line(s.first), n, place);
                // SQL built at run time (or not read in this dialect) may define anything
                else
                    c.definesSchema = true;
                break;
            }
            default:
                break;
        }
    };
    visit(upgrade, false);
    return c.done();
}
/** A RunPython function that writes rows: .update(), bulk_update, or .save() inside a loop. */
function writesRows(fn) {
    let found = false;
    walk(fn, (n) => {
        if (found)
            return false;
        const call = pyCall(n);
        if (call && (call.name === 'update' || call.name === 'bulk_update') && call.qualified.includes('.'))
            found = true;
        if (n.type === 'for_statement' && /\.save\(|\.update\(/.test(n.text))
            found = true;
        return undefined;
    });
    return found;
}
const DJANGO_SCHEMA_OPS = new Set([
    'AddField',
    'RemoveField',
    'AlterField',
    'RenameField',
    'AddIndex',
    'RemoveIndex',
    'AddConstraint',
    'RemoveConstraint',
    'RenameModel',
    'DeleteModel',
    'AlterUniqueTogether',
    'AlterIndexTogether',
    'RenameIndex',
    'AlterModelTable',
]);
/** AlterField: costed against the field's previous definition (earlier migrations, or earlier in this one). */
function djangoAlterField({ n, call, model, field, isNew, c }, local, place) {
    const now = asDjangoBase(fieldSummary(call.kwargs.get('field') ?? call.positional[2]), c.deps.djangoClasses);
    const key = `${model}.${field}`;
    const before = asDjangoBase(c.deps.djangoFields?.get(key) ?? local.get(key), c.deps.djangoClasses);
    if (now)
        local.set(key, now);
    if (isNew)
        return;
    // a change Django writes no SQL for takes no lock: a RunPython beside it updates rows as a data-only migration does
    if (!(before && now && alterFieldWritesNothing(before, now)))
        c.schemaOp(place);
    const costed = before && now ? alterFieldDangers(before, now) : undefined;
    if (costed && 'dangers' in costed) {
        for (const d of costed.dangers)
            c.issue(n, d.id, `AlterField ${model}.${field}: ${d.detail}`, model, d.id === 'rename-column' ? field : undefined, {
                table: model,
                model,
                column: djangoColumn(field, now),
                ...(d.id === 'constraint-not-valid-missing' && now?.cls !== 'ManyToManyField' ? { field, refModel: djangoTarget(now) ?? '' } : {}),
                ...(d.type ? { type: d.type, oldType: d.oldType } : {}),
            });
    }
    else
        c.issue(n, 'change-column-type', `AlterField ${model}.${field} can change the type, nullability or constraints under an ACCESS EXCLUSIVE lock ` +
            `(${alterFieldUncosted(before, now, costed)}: check manage.py sqlmigrate)`, model, undefined, { table: model, column: djangoColumn(field, now ?? before) });
}
/** The column a Django field writes: its `db_column`, else its name, with `_id` for a ForeignKey or OneToOneField. */
function djangoColumn(field, f) {
    if (field === undefined)
        return undefined;
    const dbColumn = /^(['"])(.+)\1$/.exec(f?.kw.db_column ?? '')?.[2];
    if (dbColumn)
        return dbColumn;
    return f && (f.cls === 'ForeignKey' || f.cls === 'OneToOneField') ? `${field}_id` : field;
}
/** Why an AlterField was not costed: no previous definition, a new one that is not a field call, or what alterFieldDangers says. */
function alterFieldUncosted(before, now, costed) {
    if (!before)
        return "the field's previous definition was not found";
    if (!now || !costed)
        return "the field's new definition is not a field call the gate can read";
    return costed.uncosted;
}
/**
 * Django fields that add no column to the model's table: a many-to-many (its own join table: ManyToManyField,
 * django-sortedm2m's SortedManyToManyField, modelcluster's ParentalManyToManyField), django-taggit's
 * TaggableManager (rows in its through table; netbox 5a59f235 adds 14) and contenttypes' GenericRelation.
 */
const NO_COLUMN_FIELD = /(?:^|\.)(?:\w*ManyToManyField|\w*TaggableManager|GenericRelation)$/;
/** AddField on an existing model: NOT NULL without a default, a validated foreign key. */
function djangoAddField({ n, call, model, field, c }, local) {
    const f = pyCall(call.kwargs.get('field') ?? n);
    if (!f)
        return;
    const added = fieldSummary(call.kwargs.get('field'));
    if (added)
        local.set(`${model}.${field}`, added);
    c.added(model, field);
    const fkw = (k) => pyValue(f.kwargs.get(k));
    const nullable = fkw('null') === 'True';
    const many = NO_COLUMN_FIELD.test(f.name);
    if (!nullable && !many && !f.kwargs.has('default') && !f.kwargs.has('db_default') && !djangoSuppliesDefault(f.name, fkw))
        c.issue(n, 'add-column-not-null-no-default', `AddField ${model}.${field} is NOT NULL without a default`, model, undefined, {
            table: model,
            column: djangoColumn(field, added),
        });
    if (['ForeignKey', 'OneToOneField'].includes(f.name) && fkw('db_constraint') !== 'False')
        c.issue(n, 'constraint-not-valid-missing', `AddField ${model}.${field} (${f.name}) adds a validated foreign key and a non-concurrent index`, model, undefined, { table: model, model, field, column: djangoColumn(field, added), refModel: djangoTarget(added) ?? '' });
}
/** A ForeignKey's target model when written as a string (`to="inventory.Store"`); `settings.AUTH_USER_MODEL` is not read. */
function djangoTarget(f) {
    return /^(['"])([\w.]+)\1$/.exec(f?.kw.to ?? '')?.[2];
}
/** RunPython: a missing reverse_code, and functions of the migration that write rows (a backfill). */
function djangoRunPython({ n, call, c }, fns, atomic) {
    const forward = call.positional.at(0) ?? call.kwargs.get('code');
    const reverse = call.positional.at(1) ?? call.kwargs.get('reverse_code');
    if (!reverse)
        c.issue(n, 'missing-down', 'RunPython without reverse_code');
    for (const [arg, rollback] of [
        [forward, false],
        [reverse, true],
    ]) {
        if (arg?.type !== 'identifier')
            continue;
        const fn = fns.get(arg.text);
        if (!fn || !writesRows(fn))
            continue;
        const issue = {
            id: 'backfill-in-transaction',
            line: line(n),
            endLine: endLine(n),
            statement: shortStatement(n.text),
            detail: `RunPython ${arg.text} updates rows inside the migration's transaction (atomic)`,
        };
        if (rollback)
            issue.rollback = true;
        c.backfill(issue, atomic && !rollback);
    }
}
/** The Migration class's `atomic` (False turns its transaction off) and `operations` list. */
function djangoMigrationClass(cls) {
    let atomic = true;
    let ops;
    for (const st of orm_named(cls.childForFieldName('body'))) {
        const asg = st.type === 'expression_statement' ? orm_named(st)[0] : undefined;
        if (asg?.type !== 'assignment')
            continue;
        const left = asg.childForFieldName('left')?.text;
        const right = asg.childForFieldName('right');
        if (left === 'atomic' && right?.text === 'False')
            atomic = false;
        if (left === 'operations' && right?.type === 'list')
            ops = right;
    }
    return { atomic, ops };
}
/** AddConstraint on an existing model: a unique constraint builds its index under the lock, others validate every row. */
function djangoAddConstraint({ n, call, model, c }) {
    const cons = pyCall(call.kwargs.get('constraint') ?? n);
    if (cons?.name === 'UniqueConstraint')
        c.issue(n, 'unique-without-index', `AddConstraint UniqueConstraint on ${model} builds its index under the lock`, model);
    else
        c.issue(n, 'constraint-not-valid-missing', `AddConstraint ${cons?.name ?? ''} on ${model} validates every row`.replace('  ', ' '), model);
}
/** RunSQL: its SQL analysed in the migration's transaction, and a missing reverse_sql. */
function djangoRunSql({ n, call, c }, place) {
    const s = sqlArg(call.positional[0] ?? call.kwargs.get('sql'));
    if (s)
        c.embeddedSql(s.sql, line(s.first), n, place);
    const reverse = call.positional.at(1) ?? call.kwargs.get('reverse_sql');
    if (!reverse)
        c.issue(n, 'missing-down', 'RunSQL without reverse_sql');
}
/** Django operations whose findings are about SQL or Python they run, not about the model they name. */
const EMBEDS = new Set(['RunSQL', 'RunPython', 'SeparateDatabaseAndState']);
async function analyzeDjango(cls, fns, c) {
    const { atomic, ops } = djangoMigrationClass(cls);
    const run = { created: new Set(), local: new Map(), place: { inTx: atomic }, fns, atomic, visit: visitOp };
    function visitOp(n) {
        const call = pyCall(n);
        if (!call)
            return;
        c.statement(n);
        const kw = (k) => pyValue(call.kwargs.get(k));
        const model = (kw('model_name') ?? kw('name') ?? pyValue(call.positional[0]))?.toLowerCase();
        const isNew = model !== undefined && run.created.has(model);
        // an AlterField says itself whether it writes any SQL (djangoAlterField)
        if (DJANGO_SCHEMA_OPS.has(call.name) && !isNew && call.name !== 'AlterField')
            c.schemaOp(run.place);
        const field = kw('name') ?? pyValue(call.positional[1]);
        const mark = c.result.issues.length;
        djangoOperation({ n, call, model, field, isNew, c, kw }, run);
        // An operation on a model names the model; its table (`<app>_<model>`) is named by decide.ts, which has the path.
        if (model && !EMBEDS.has(call.name))
            for (const i of c.result.issues.slice(mark))
                if (i.names?.table === model)
                    i.names.model ??= model;
    }
    for (const op of orm_named(ops))
        visitOp(op);
    return c.done();
}
/** One operation of a Django migration: the dangers it has. */
function djangoOperation(op, run) {
    const { n, call, model, field, isNew, c, kw } = op;
    const name = call.name;
    switch (name) {
        case 'CreateModel':
            if (model) {
                run.created.add(model);
                c.result.created.push(model);
            }
            break;
        case 'DeleteModel':
            c.issue(n, 'drop-table', `DeleteModel ${model}`, undefined, undefined, { table: model, model });
            break;
        case 'RenameModel':
            c.issue(n, 'rename-table', `RenameModel ${kw('old_name')} -> ${kw('new_name')}`, undefined, undefined, {
                table: kw('old_name'),
                newName: kw('new_name'),
            });
            break;
        case 'RemoveField':
            if (!isNew)
                c.issue(n, 'drop-column', `RemoveField ${model}.${field}`, model, field, {
                    table: model,
                    model,
                    column: djangoColumn(field, c.deps.djangoFields?.get(`${model}.${field}`) ?? run.local.get(`${model}.${field}`)),
                    field,
                });
            break;
        case 'RenameField':
            if (!isNew)
                c.issue(n, 'rename-column', `RenameField ${model}.${kw('old_name')} -> ${kw('new_name')}`, model, kw('old_name'), {
                    table: model,
                    column: kw('old_name'),
                    newName: kw('new_name'),
                });
            break;
        case 'AlterField':
            djangoAlterField(op, run.local, run.place);
            break;
        case 'AddField':
            if (!isNew)
                djangoAddField(op, run.local);
            break;
        case 'AddIndex':
            if (!isNew)
                c.issue(n, 'create-index-non-concurrent', `AddIndex on ${model} (use AddIndexConcurrently with atomic = False)`, model);
            break;
        case 'RemoveIndex':
            if (!isNew)
                c.issue(n, 'drop-index-non-concurrent', `RemoveIndex on ${model} (use RemoveIndexConcurrently with atomic = False)`, model);
            break;
        case 'AddIndexConcurrently':
        case 'RemoveIndexConcurrently':
            if (run.atomic)
                c.issue(n, 'concurrently-in-transaction', `${call.name} in a migration without atomic = False`);
            break;
        case 'AddConstraint':
            if (!isNew)
                djangoAddConstraint(op);
            break;
        case 'RunSQL':
            djangoRunSql(op, run.place);
            break;
        case 'RunPython':
            djangoRunPython(op, run.fns, run.atomic);
            break;
        case 'SeparateDatabaseAndState': {
            const dbOps = call.kwargs.get('database_operations');
            for (const o of orm_named(dbOps))
                run.visit(o);
            break;
        }
        default:
            break;
    }
}
function fieldSummary(n) {
    const call = n ? pyCall(n) : undefined;
    if (!call)
        return undefined;
    const kw = {};
    for (const [k, v] of call.kwargs)
        kw[k] = v.text;
    if (call.positional[0] && call.name === 'ForeignKey')
        kw.to = call.positional[0].text;
    return { cls: call.name, kw };
}
/** The dependencies and field definitions of a Django migration (CreateModel fields, AddField, AlterField, RemoveField). */
function djangoFileState(parser, source, app) {
    return withTree(parser, source, (tree) => djangoStateOf(tree, app));
}
function djangoStateOf(tree, app) {
    const out = { dependencies: [], defs: [], alters: [] };
    if (!tree)
        return out;
    let cls;
    for (const n of orm_named(tree.rootNode))
        if (n.type === 'class_definition' && n.childForFieldName('name')?.text === 'Migration')
            cls = n;
    if (!cls)
        return out;
    for (const st of orm_named(cls.childForFieldName('body'))) {
        const asg = st.type === 'expression_statement' ? orm_named(st)[0] : undefined;
        if (asg?.type !== 'assignment')
            continue;
        const left = asg.childForFieldName('left')?.text;
        const right = asg.childForFieldName('right');
        if (left === 'dependencies' && right) {
            for (const t of orm_named(right)) {
                const parts = orm_named(t).map(pyValue);
                if (t.type === 'tuple' && parts.length === 2 && parts[0] === app && parts[1])
                    out.dependencies.push(parts[1]);
            }
        }
        if (left === 'operations' && right) {
            const visit = (op) => {
                const call = pyCall(op);
                if (!call)
                    return;
                const kw = (k) => pyValue(call.kwargs.get(k));
                if (call.name === 'CreateModel') {
                    const model = (kw('name') ?? pyValue(call.positional[0]))?.toLowerCase();
                    const fields = call.kwargs.get('fields') ?? call.positional[1];
                    for (const f of orm_named(fields)) {
                        const parts = orm_named(f);
                        const name = pyValue(parts[0]);
                        if (model && name)
                            out.defs.push([`${model}.${name}`, fieldSummary(parts[1])]);
                    }
                }
                else if (call.name === 'AddField' || call.name === 'AlterField') {
                    const model = (kw('model_name') ?? pyValue(call.positional[0]))?.toLowerCase();
                    const name = kw('name') ?? pyValue(call.positional[1]);
                    if (model && name)
                        out.defs.push([`${model}.${name}`, fieldSummary(call.kwargs.get('field') ?? call.positional[2])]);
                    if (model && name && call.name === 'AlterField')
                        out.alters.push(`${model}.${name}`);
                }
                else if (call.name === 'RemoveField') {
                    const model = (kw('model_name') ?? pyValue(call.positional[0]))?.toLowerCase();
                    const name = kw('name') ?? pyValue(call.positional[1]);
                    if (model && name)
                        out.defs.push([`${model}.${name}`, undefined]);
                }
                else if (call.name === 'SeparateDatabaseAndState') {
                    for (const o of orm_named(call.kwargs.get('state_operations')))
                        visit(o);
                }
            };
            for (const op of orm_named(right))
                visit(op);
        }
    }
    return out;
}
const DJANGO_TYPES = {
    CharField: (kw) => varchar(kw.max_length),
    SlugField: (kw) => varchar(kw.max_length ?? '50'),
    EmailField: (kw) => varchar(kw.max_length ?? '254'),
    URLField: (kw) => varchar(kw.max_length ?? '200'),
    TextField: () => ({ name: 'text', mods: 0, args: [] }),
    IntegerField: () => ({ name: 'int4', mods: 0, args: [] }),
    BigIntegerField: () => ({ name: 'int8', mods: 0, args: [] }),
    SmallIntegerField: () => ({ name: 'int2', mods: 0, args: [] }),
    PositiveIntegerField: () => ({ name: 'int4', mods: 0, args: [] }),
    PositiveBigIntegerField: () => ({ name: 'int8', mods: 0, args: [] }),
    PositiveSmallIntegerField: () => ({ name: 'int2', mods: 0, args: [] }),
    AutoField: () => ({ name: 'int4', mods: 0, args: [] }),
    BigAutoField: () => ({ name: 'int8', mods: 0, args: [] }),
    SmallAutoField: () => ({ name: 'int2', mods: 0, args: [] }),
    DecimalField: (kw) => kw.max_digits && /^\d+$/.test(kw.max_digits)
        ? { name: 'numeric', mods: 2, args: [Number(kw.max_digits), Number(kw.decimal_places ?? 0)] }
        : { name: 'numeric', mods: 0, args: [] },
    DateTimeField: () => ({ name: 'timestamptz', mods: 0, args: [] }),
    DateField: () => ({ name: 'date', mods: 0, args: [] }),
    BooleanField: () => ({ name: 'bool', mods: 0, args: [] }),
    JSONField: () => ({ name: 'jsonb', mods: 0, args: [] }),
    UUIDField: () => ({ name: 'uuid', mods: 0, args: [] }),
    GenericIPAddressField: () => ({ name: 'inet', mods: 0, args: [] }),
};
/**
 * Field classes whose column carries a CHECK ("col" >= 0) on PostgreSQL (Django's data_type_check_constraints):
 * AlterField adds it, validated under the lock, when the class takes it on, and keeps it between two of them.
 */
const DJANGO_CHECKED = new Set(['PositiveIntegerField', 'PositiveBigIntegerField', 'PositiveSmallIntegerField']);
function varchar(n) {
    return n && /^\d+$/.test(n) ? { name: 'varchar', mods: 1, args: [Number(n)] } : { name: 'varchar', mods: 0, args: [] };
}
/**
 * Keywords of a model field Django's schema editor writes no SQL for when they change (its `non_db_attrs`, and
 * `default`: Django keeps defaults in Python and sets one in the database only on the way to NOT NULL, which is
 * a change of `null`).
 */
const DJANGO_NO_SQL = new Set([
    'choices',
    'help_text',
    'verbose_name',
    'blank',
    'validators',
    'editable',
    'default',
    'related_name',
    'related_query_name',
    'on_delete',
    'upload_to',
    'auto_now',
    'auto_now_add',
    'limit_choices_to',
    'serialize',
    'error_messages',
    'storage',
    'encoder',
    'decoder',
]);
/**
 * Keywords alterFieldDangers does not weigh one by one: those Django writes no SQL for, Python-only options of
 * particular field classes, and those its class and type comparison already covers (max_length, max_digits,
 * decimal_places, base_field, size) or that it lets pass (to_field, db_comment).
 */
const DJANGO_STATE_ONLY = new Set([
    ...DJANGO_NO_SQL,
    'to_field',
    'max_length',
    'max_digits',
    'decimal_places',
    'db_comment',
    'base_field',
    'size',
    'symmetrical',
    'through',
    'swappable',
    'protocol',
    'unpack_ipv4',
    'allow_unicode',
    'path',
    'match',
    'recursive',
    'allow_files',
    'allow_folders',
    'width_field',
    'height_field',
]);
/** A field argument's source text without module qualifiers, spaces or trailing commas; None is no argument. */
function fieldText(s) {
    if (s === undefined || s === 'None')
        return '';
    return s
        .replace(/\s+/g, '')
        .replace(/\b(?:[A-Za-z_]\w*\.)+(?=[A-Za-z_]\w*\()/g, '')
        .replace(/,\)/g, ')');
}
/**
 * A field of a project-defined class as its Django base: `ChoiceSetField(blank=True)` whose class is
 * `class ChoiceSetField(ArrayField)` and whose __init__ sets `kwargs['base_field'] = \u2026` is that ArrayField.
 */
function asDjangoBase(f, classes) {
    const base = f && classes?.get(f.cls);
    return f && base ? { cls: base.cls, kw: { ...f.kw, ...base.kw } } : f;
}
/**
 * A project-defined Django field class in a module's source: its base class (the last part of the first
 * one named) and the keyword arguments its __init__ fixes (`kwargs['k'] = v`), as source text. Undefined when the module has no such class.
 */
function djangoFieldClass(parser, source, cls) {
    return withTree(parser, source, (tree) => {
        if (!tree)
            return undefined;
        const def = orm_named(tree.rootNode)
            .map((n) => (n.type === 'decorated_definition' ? n.childForFieldName('definition') : n))
            .find((n) => n?.type === 'class_definition' && n.childForFieldName('name')?.text === cls);
        const base = orm_named(def?.childForFieldName('superclasses')).find((b) => b.type === 'identifier' || b.type === 'attribute');
        if (!def || !base)
            return undefined;
        const kw = {};
        walk(def, (n) => {
            if (n.type === 'assignment') {
                const left = n.childForFieldName('left');
                const right = n.childForFieldName('right');
                const key = left?.type === 'subscript' && left.childForFieldName('value')?.text === 'kwargs' ? left.childForFieldName('subscript') : null;
                const k = key ? pyValue(key) : undefined;
                if (k && right)
                    kw[k] = right.text;
            }
        });
        return { cls: base.type === 'attribute' ? (base.childForFieldName('attribute')?.text ?? base.text) : base.text, kw };
    });
}
/** The column type of a field class the table knows; its own keys only (a class named `constructor` is unknown). */
function djangoColumnType(f) {
    return Object.hasOwn(DJANGO_TYPES, f.cls) ? DJANGO_TYPES[f.cls]?.(f.kw) : undefined;
}
/**
 * What an AlterField does in the database, from the field before and after: nothing (choices, help_text,
 * a wider max_length\u2026), or the dangers it brings; or, when the change cannot be costed, why (`uncosted`,
 * the words a finding puts in its parentheses): a field class with no known column type on either side
 * (when the type may change), a changed keyword not costed here (db_default, db_collation\u2026), a primary_key change.
 */
function alterFieldDangers(old, now) {
    const out = [];
    const t0 = djangoColumnType(old);
    const t1 = djangoColumnType(now);
    if (old.cls !== now.cls ||
        old.kw.max_length !== now.kw.max_length ||
        old.kw.max_digits !== now.kw.max_digits ||
        old.kw.decimal_places !== now.kw.decimal_places ||
        fieldText(old.kw.base_field) !== fieldText(now.kw.base_field) ||
        fieldText(old.kw.size) !== fieldText(now.kw.size)) {
        if (!t0 || !t1)
            return { uncosted: uncostedClasses(t0 ? [] : [old.cls], t1 ? [] : [now.cls]) };
        if (!(0,change_column_type/* rewriteFree */.V)(t0, t1, false))
            out.push({
                id: 'change-column-type',
                detail: `${old.cls}(${(0,sql_ast/* typeText */.wQ)(t0)}) -> ${now.cls}(${(0,sql_ast/* typeText */.wQ)(t1)}) rewrites the table`,
                type: (0,sql_ast/* typeText */.wQ)(t1),
                oldType: (0,sql_ast/* typeText */.wQ)(t0),
            });
        if (!DJANGO_CHECKED.has(old.cls) && DJANGO_CHECKED.has(now.cls))
            out.push({ id: 'constraint-not-valid-missing', detail: `${now.cls} adds CHECK (column >= 0), validated under the lock` });
    }
    const flag = (s, k) => s.kw[k] === 'True';
    if (flag(old, 'null') && !flag(now, 'null'))
        out.push({ id: 'set-not-null', detail: 'null=True -> null=False sets NOT NULL' });
    if (!flag(old, 'null') && flag(now, 'null'))
        out.push({ id: 'drop-not-null', detail: 'null=False -> null=True drops NOT NULL' });
    if (!flag(old, 'unique') && flag(now, 'unique') && !flag(now, 'primary_key'))
        out.push({ id: 'unique-without-index', detail: 'unique=True builds a unique index under the lock' });
    if (!flag(old, 'db_index') && flag(now, 'db_index') && !flag(now, 'unique'))
        out.push({ id: 'create-index-non-concurrent', detail: 'db_index=True builds an index without CONCURRENTLY' });
    if ((flag(old, 'db_index') && !flag(now, 'db_index') && !flag(now, 'unique')) || (flag(old, 'unique') && !flag(now, 'unique')))
        out.push({ id: 'drop-index-non-concurrent', detail: 'dropping the index takes ACCESS EXCLUSIVE' });
    if ((old.kw.db_column ?? '') !== (now.kw.db_column ?? ''))
        out.push({ id: 'rename-column', detail: `db_column ${old.kw.db_column ?? '(default)'} -> ${now.kw.db_column ?? '(default)'}` });
    if ((old.kw.to ?? '') !== (now.kw.to ?? ''))
        out.push({
            id: 'constraint-not-valid-missing',
            detail: 'the foreign key now points elsewhere: a new constraint validated under the lock',
        });
    if (flag(old, 'db_constraint') !== flag(now, 'db_constraint') && now.kw.db_constraint !== 'False' && old.kw.db_constraint === 'False')
        out.push({ id: 'constraint-not-valid-missing', detail: 'db_constraint=True adds a validated foreign key' });
    // db_default, db_collation, ...: not costed here
    const changed = [...new Set([...Object.keys(old.kw), ...Object.keys(now.kw)])].filter((k) => !DJANGO_STATE_ONLY.has(k) && !COSTED_KEYWORDS.has(k) && old.kw[k] !== now.kw[k]);
    if ((old.kw.primary_key ?? '') !== (now.kw.primary_key ?? ''))
        changed.push('primary_key');
    if (changed.length)
        return { uncosted: `the change of ${wordList(changed)} is not one the gate can cost` };
    return { dangers: out };
}
/** An AlterField that makes Django write no SQL at all: the same field class, only keywords of DJANGO_NO_SQL changed. */
function alterFieldWritesNothing(old, now) {
    if (old.cls !== now.cls)
        return false;
    const keys = new Set([...Object.keys(old.kw), ...Object.keys(now.kw)]);
    return [...keys].every((k) => old.kw[k] === now.kw[k] || DJANGO_NO_SQL.has(k));
}
/** The keywords alterFieldDangers weighs one by one (primary_key too: a change of it is what it cannot cost). */
const COSTED_KEYWORDS = new Set(['null', 'unique', 'db_index', 'db_column', 'to', 'db_constraint', 'primary_key']);
/** `a`, `a and b`, `a, b and c`. */
function wordList(words) {
    return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.slice(-1).join('')}` : words.join('');
}
/** Why a change of type cannot be costed: the field classes (before, after) with no known column type. */
function uncostedClasses(before, after) {
    const classes = [...new Set([...before, ...after])];
    return classes.length === 1
        ? `${wordList(classes)} is a field class the gate cannot cost`
        : `${wordList(classes)} are field classes the gate cannot cost`;
}
/**
 * Django's schema editor adds a NOT NULL column with its "effective default" for existing rows, then drops that
 * default (BaseDatabaseSchemaEditor._effective_default): '' for a blank=True field whose class allows empty
 * strings (the string fields below; b'' for BinaryField), now() for auto_now / auto_now_add. A constant default
 * is catalog-only on PostgreSQL 11+, so such an AddField neither fails on rows nor rewrites. Project-defined field
 * classes are not known here: they stay reported.
 */
const DJANGO_EMPTY_STRING_FIELDS = new Set([
    'CharField',
    'TextField',
    'SlugField',
    'EmailField',
    'URLField',
    'FilePathField',
    'FileField',
    'ImageField',
    'BinaryField',
    'CICharField',
    'CITextField',
    'CIEmailField',
]);
function djangoSuppliesDefault(fieldClass, kw) {
    const cls = fieldClass.slice(fieldClass.lastIndexOf('.') + 1);
    if (kw('blank') === 'True' && DJANGO_EMPTY_STRING_FIELDS.has(cls))
        return true;
    return ['DateTimeField', 'DateField', 'TimeField'].includes(cls) && (kw('auto_now') === 'True' || kw('auto_now_add') === 'True');
}

;// CONCATENATED MODULE: ./src/rules/migration-safety/analyse.ts








/** A project whose strong_migrations initializer sets `StrongMigrations.lock_timeout` (not 0 nor nil). */
async function strongMigrationsLockTimeout(migrationPath, read) {
    const i = migrationPath.lastIndexOf('db/migrate/');
    const root = i <= 0 ? '' : migrationPath.slice(0, i - 1);
    const init = await read(joinPath(root, 'config/initializers/strong_migrations.rb'));
    return init !== undefined && /^\s*StrongMigrations\.lock_timeout\s*=\s*(?!0\b|nil\b)\S/m.test(init);
}
const NO_CATCH_UP = { addedColumns: [], catchUps: [] };
/**
 * A golang-migrate folder that, at the base, holds .up.sql files but not one .down.sql: the project ships
 * no rollbacks by convention (forward-only), so a new migration without one follows the convention.
 * Returns the number of .up.sql files, or 0 when the folder has rollbacks or cannot be listed.
 */
async function forwardOnlyFolder(ctx, path) {
    const dir = path.slice(0, path.lastIndexOf('/') + 1);
    if (!ctx.changes.listBase)
        return 0;
    const listed = await ctx.changes.listBase(dir.replace(/\/$/, '')).catch(() => undefined);
    if (!listed)
        return 0;
    let ups = 0;
    for (const p of listed) {
        if (!p.startsWith(dir) || p.slice(dir.length).includes('/'))
            continue;
        if (p.endsWith('.down.sql'))
            return 0;
        if (p.endsWith('.up.sql'))
            ups++;
    }
    return ups;
}
/** The file name without its dialect part (`x.mysql.down.sql` \u2192 `x.down.sql`), or undefined when it has none. */
function withoutDialectPart(path) {
    const slash = path.lastIndexOf('/') + 1;
    const parts = path.slice(slash).split('.');
    const i = parts.findIndex((p, k) => k > 0 && k < parts.length - 1 && dialectOfFileName(`x.${p}.sql`) !== undefined);
    if (i < 0)
        return undefined;
    return path.slice(0, slash) + [...parts.slice(0, i), ...parts.slice(i + 1)].join('.');
}
async function existsAtHead(ctx, path) {
    if (ctx.changes.files.some((f) => f.path === path && f.status !== 'removed'))
        return true;
    return (await ctx.changes.readHead(path)) !== undefined;
}
/** dbmate markers: `-- migrate:up [transaction:false]` / `-- migrate:down`. */
function dbmateSections(comments) {
    let up;
    let down;
    let noTransaction = false;
    for (const c of comments) {
        const t = c.text.replace(/^--\s*/, '').trim();
        if (t.startsWith('migrate:up')) {
            up = c.line;
            noTransaction = /transaction:\s*false/.test(t);
        }
        else if (t.startsWith('migrate:down'))
            down = c.line;
    }
    return { up, down, noTransaction };
}
/**
 * Column types set by the PR's SQL migrations, in path order, kept once: `before(path)` answers what the
 * migrations before `path` left (the latest setting wins), without a copy of everything per migration.
 */
class PrTypes {
    byKey = new Map();
    order = new Map();
    record(path, types) {
        const at = this.order.size;
        this.order.set(path, at);
        for (const [k, type] of types) {
            const h = this.byKey.get(k);
            if (h)
                h.push({ at, type });
            else
                this.byKey.set(k, [{ at, type }]);
        }
    }
    before(path) {
        const at = this.order.get(path);
        if (at === undefined)
            return undefined;
        return {
            get: (k) => {
                const h = this.byKey.get(k);
                if (h)
                    for (let i = h.length - 1; i >= 0; i--)
                        if (h[i].at < at)
                            return h[i].type;
                return undefined;
            },
        };
    }
}
/**
 * Each SQL migration of the PR parsed once (issue 15): the pass that learns the column types the PR's
 * migrations set (path order, before any is analysed) keeps its parse results, and the analysis of the same
 * text takes them instead of parsing again. Only texts the analysis parses in one call are kept (at most
 * CHUNK_BYTES: larger files are parsed chunk by chunk, each tree dropped before the next), up to KEEP_BYTES
 * of SQL in all; each result is handed out once, and what is not taken is dropped with the run.
 */
class ParsedOnce {
    pg;
    static KEEP_BYTES = 32 * 1024 * 1024;
    kept = new Map();
    bytes = 0;
    constructor(pg) {
        this.pg = pg;
    }
    /** Parses `sql` (throws what the parser throws), keeping the result for the analysis. */
    parse(sql) {
        const r = this.pg.parseSync(sql);
        const n = Buffer.byteLength(sql);
        if (n <= CHUNK_BYTES && this.bytes + n <= ParsedOnce.KEEP_BYTES && !this.kept.has(sql)) {
            this.kept.set(sql, r);
            this.bytes += n;
        }
        return r;
    }
    /** The parser for the analysis: a kept result when there is one for exactly this text. */
    api = {
        parseSync: (sql) => {
            const r = this.kept.get(sql);
            if (!r)
                return this.pg.parseSync(sql);
            this.kept.delete(sql);
            this.bytes -= Buffer.byteLength(sql);
            return r;
        },
        scanSync: (sql) => this.pg.scanSync(sql),
    };
}
const joinPath = (d, f) => (d ? `${d}/${f}` : f);
/** Column types before the migration runs: its rollback (golang-migrate .down.sql) and the base's schema dump. */
/** Earlier SQL migrations read (newest first) to learn the type a column had before a TYPE change. */
const SQL_TYPE_LOOKBACK = 50;
/**
 * The forward SQL migrations of the same folder and dialect that come before `file` at the base, the
 * SQL_TYPE_LOOKBACK newest of them, oldest first.
 */
async function earlierSqlMigrations(ctx, file, opts) {
    if (!ctx.changes.listBase)
        return [];
    const dir = file.path.slice(0, Math.max(0, file.path.lastIndexOf('/')));
    const listed = await ctx.changes.listBase(dir).catch(() => undefined);
    const own = dialectOfFileName(file.path);
    return (listed ?? [])
        .filter((p) => p < file.path && p !== file.path)
        .filter((p) => {
        const m = classify(p, opts.paths, opts.exclude, opts.builtin_layouts);
        return m !== undefined && m.kind === 'sql' && m.forward && dialectOfFileName(p) === own;
    })
        .sort()
        .slice(-SQL_TYPE_LOOKBACK);
}
/** One MySQL parsing budget per run (the run's ChangeSet): every MySQL file and lookback of a PR share it. */
const mysqlBudgets = new WeakMap();
function mysqlBudget(ctx) {
    let b = mysqlBudgets.get(ctx.changes);
    if (!b)
        mysqlBudgets.set(ctx.changes, (b = { leftMs: MYSQL_PARSE_BUDGET_MS }));
    return b;
}
/**
 * Column types before a MySQL migration runs: what its rollback file sets, else what the folder's earlier MySQL
 * migrations left (read only when the file changes a column's definition).
 */
async function mysqlTypesBefore(ctx, file, content, opts, readHead, readBase) {
    const out = new Map();
    if (!/\b(?:MODIFY|CHANGE)\b/i.test(content))
        return out;
    const budget = mysqlBudget(ctx);
    const needed = await mysqlColumnsChanged(content, budget);
    if (needed.size === 0)
        return out;
    // the rollback file puts back the type each column has before this migration
    const down = downPathFor(file.path);
    const text = down ? await readHead(down) : undefined;
    if (text !== undefined)
        await mysqlTypesSetBy(text, out, budget);
    if ([...needed].every((k) => out.has(k)))
        return out;
    const learnt = new Map();
    for (const p of await earlierSqlMigrations(ctx, file, opts)) {
        const t = await readBase(p);
        if (t !== undefined)
            await mysqlTypesSetBy(t, learnt, budget);
    }
    for (const [k, v] of learnt)
        if (!out.has(k))
            out.set(k, v);
    return out;
}
async function knownTypesFor(ctx, file, mig, content, opts, readHead, readBase) {
    const out = new Map();
    if (mig.kind === 'sql') {
        const down = downPathFor(file.path);
        const text = down ? await readHead(down) : undefined;
        if (text !== undefined)
            for (const [k, v] of typesSetBy(await loadPg(), text))
                out.set(k, v);
        // A TYPE change: the column's type before it is the one the earlier migrations of the same folder left
        // (CREATE TABLE, ADD COLUMN, an earlier TYPE change), read newest first at the base; the down file wins.
        if (/\bALTER\s+COLUMN\b[\s\S]*?\bTYPE\b/i.test(content)) {
            const earlier = await earlierSqlMigrations(ctx, file, opts);
            // applied oldest first, statement by statement, so renames carry a column's type to its new name
            const learnt = new Map();
            const pg = await loadPg();
            for (const p of earlier) {
                const t = await readBase(p);
                if (t !== undefined)
                    typesSetBy(pg, t, learnt);
            }
            for (const [k, v] of learnt)
                if (!out.has(k))
                    out.set(k, v);
        }
    }
    if (mig.kind === 'rails') {
        const i = file.path.lastIndexOf('db/migrate/');
        const root = i <= 0 ? '' : file.path.slice(0, i - 1);
        // The column types at the base: db/schema.rb, or db/structure.sql for apps that dump SQL
        // (config.active_record.schema_format = :sql) and keep no schema.rb.
        const schema = await readBase(joinPath(root, 'db/schema.rb'));
        if (schema !== undefined) {
            for (const [k, v] of railsSchemaTypes(schema))
                if (!out.has(k))
                    out.set(k, v);
        }
        else {
            const structure = await readBase(joinPath(root, 'db/structure.sql'));
            if (structure !== undefined)
                for (const [k, v] of typesSetBy(await loadPg(), structure))
                    if (!out.has(k))
                        out.set(k, v);
        }
    }
    return out;
}
/** A parser that parses the same text once: a dbmate file is analysed twice (with its transaction). */
function reusingParser(parser) {
    let last;
    return {
        parseSync: (sql) => (last?.sql === sql ? last.result : (last = { sql, result: parser.parseSync(sql) }).result),
        scanSync: (sql) => parser.scanSync(sql),
    };
}
/**
 * dbmate (`-- migrate:up` / `-- migrate:down`): only the up section counts, each section runs in a
 * transaction unless `transaction:false`, and a missing or empty down section is reported in `issues`.
 */
function dbmateResult(pg, first, content, opts, sqlOpts, issues) {
    const db = dbmateSections(first.comments);
    const up = db.up;
    if (up === undefined)
        return { r: first, transactional: true };
    let r = first;
    if (!db.noTransaction && !opts.assume_in_transaction)
        r = analyzeSql(pg, content, { ...sqlOpts, assumeInTransaction: true });
    const downLine = db.down;
    const inUp = (l) => downLine === undefined || l < downLine || (up > downLine && l > up);
    r = {
        ...r,
        issues: r.issues.filter((i) => inUp(i.line)),
        backfills: r.backfills.filter((i) => inUp(i.line)),
        earlyBackfills: r.earlyBackfills.filter((i) => inUp(i.line)),
    };
    const downStatements = downLine === undefined ? 0 : r.statements.filter((s) => !inUp(s.line)).length;
    if (downLine === undefined || downStatements === 0) {
        issues.push({
            id: 'missing-down',
            line: downLine ?? up,
            endLine: downLine ?? up,
            statement: '-- migrate:down',
            detail: downLine === undefined ? 'dbmate migration without a -- migrate:down section' : 'dbmate -- migrate:down section is empty',
        });
    }
    return { r, transactional: !db.noTransaction };
}
/** Statements that only read or write rows, or set the session: what a data-only migration runs. */
const ROW_STATEMENT = /^(?:UPDATE|INSERT|DELETE|SELECT|REPLACE|SET|WITH)\b/i;
/**
 * The file only reads or writes rows (a data fix, a purge): `definesSchema` from the PostgreSQL parse when there
 * is one, else every statement (split outside quotes and comments) starts as a row statement does. A piece the
 * split cannot read (dollar quoting, a DELIMITER) counts as schema.
 */
function rowsOnly(content, r) {
    if (r)
        return r.count > 0 && !r.definesSchema;
    const stmts = splitMysql(content);
    return stmts !== undefined && stmts.length > 0 && stmts.every((s) => ROW_STATEMENT.test(s.text));
}
/**
 * A golang-migrate / pop file without its down file, a sqitch change without its revert script. `rows`: the up
 * file only reads or writes rows, so there is no schema to put back (a notice, as for Alembic's bare downgrade()).
 */
async function missingRollbackFiles(ctx, file, mig, rows = false) {
    const issues = [];
    const down = downPathFor(file.path);
    // gobuffalo/pop: a database without its own down file runs the generic one (x.mysql.up.sql \u2192 x.down.sql).
    const genericDown = down ? withoutDialectPart(down) : undefined;
    if (down && !(await existsAtHead(ctx, down)) && !(genericDown && (await existsAtHead(ctx, genericDown)))) {
        const forwardOnly = await forwardOnlyFolder(ctx, file.path);
        issues.push({
            id: 'missing-down',
            line: 1,
            endLine: 1,
            statement: file.path.split('/').pop() ?? file.path,
            detail: `golang-migrate migration without ${down.split('/').pop()}` +
                (forwardOnly ? ` (the folder has ${forwardOnly} .up.sql files and no .down.sql at the base: forward-only by convention)` : '') +
                (rows && !forwardOnly ? ', and the up file only reads or writes rows: there is no schema to put back' : ''),
            ...(forwardOnly
                ? { cap: { level: 'notice', why: 'forward-only folder' } }
                : rows
                    ? { cap: { level: 'notice', why: 'data-only migration' } }
                    : {}),
        });
    }
    const revert = mig.layout === 'sqitch' ? sqitchRevertFor(file.path) : undefined;
    if (revert && !(await existsAtHead(ctx, revert))) {
        issues.push({
            id: 'missing-down',
            line: 1,
            endLine: 1,
            statement: file.path.split('/').pop() ?? file.path,
            detail: `sqitch change without ${revert}`,
        });
    }
    return issues;
}
/** A MySQL migration file: read with MySQL's grammar (see ./mysql.ts), rollback files checked. */
async function analyzeMysqlFile(ctx, file, mig, content, opts, readHead, readBase) {
    const issues = await missingRollbackFiles(ctx, file, mig, rowsOnly(content, undefined));
    if (!mig.forward)
        return sqlAnalysis(issues);
    return sqlAnalysis(issues, await analyzeMysql(content, await mysqlTypesBefore(ctx, file, content, opts, readHead, readBase), mysqlBudget(ctx)));
}
/** The Analysis of a SQL file: the rollback-file issues, then what its parse found (none when it was not parsed). */
function sqlAnalysis(issues, r) {
    if (!r)
        return { issues, statements: [], comments: [], waivers: [], count: 0, created: [], framework: 'sql', ...NO_CATCH_UP };
    return {
        issues: [...issues, ...r.issues],
        statements: r.statements,
        comments: r.comments,
        waivers: [],
        count: r.count,
        created: r.created,
        framework: 'sql',
        addedColumns: r.addedColumns ?? [],
        catchUps: r.catchUps ?? [],
        ...(r.lockTimeoutLine !== undefined ? { lockTimeoutLine: r.lockTimeoutLine } : {}),
    };
}
/** A SQL migration file: parsed when its dialect is PostgreSQL's family (`parser` given), rollback files checked either way. */
async function analyzeSqlFile(ctx, file, mig, content, opts, sqlOpts, parser) {
    const issues = [];
    const pg = parser && reusingParser(parser);
    let r = pg ? analyzeSql(pg, content, sqlOpts) : undefined;
    if (pg && r) {
        const db = dbmateResult(pg, r, content, opts, sqlOpts, issues);
        r = db.r;
        // A backfill counts when the same transaction (the file) also changes the schema of an existing table.
        if (r.schemaChange && db.transactional)
            issues.push(...r.backfills);
    }
    issues.push(...(await missingRollbackFiles(ctx, file, mig, rowsOnly(content, r))));
    return sqlAnalysis(issues, r);
}
async function analyzeFile(ctx, file, mig, content, opts, dialect, readHead, readBase, earlier, parsed) {
    if (mig.kind === 'sql' && dialect === 'mysql')
        return analyzeMysqlFile(ctx, file, mig, content, opts, readHead, readBase);
    // The file's own sources (rollback, schema dump) first, then what the PR's earlier migrations set: looked up,
    // never merged into a copy per file (that was quadratic in a PR of many migrations).
    const own = await knownTypesFor(ctx, file, mig, content, opts, readHead, readBase);
    const knownTypes = earlier ? { get: (k) => own.get(k) ?? earlier.get(k) } : own;
    const sqlOpts = {
        pgVersion: opts.pg_version,
        assumeInTransaction: opts.assume_in_transaction,
        requireLockTimeout: opts.require_lock_timeout,
        knownTypes,
    };
    const parseSql = types/* PG_FAMILY */.v5.includes(dialect);
    if (mig.kind === 'sql')
        return analyzeSqlFile(ctx, file, mig, content, opts, sqlOpts, parseSql ? (parsed?.api ?? (await loadPg())) : undefined);
    // Rails, Django and Alembic run each migration in a transaction unless told otherwise (the analysers say
    // where: disable_ddl_transaction!, atomic = False, autocommit_block).
    const parser = await loadParser(mig.kind === 'rails' ? 'ruby' : 'python');
    const djangoFields = mig.kind === 'python' && mig.flavour === 'django'
        ? await djangoFieldsBefore(parser, file.path, content, readHead, ctx.changes.listBase?.bind(ctx.changes))
        : undefined;
    const djangoClasses = djangoFields?.size ? await djangoProjectClasses(parser, file.path, content, readHead) : undefined;
    const railsHelpers = mig.kind === 'rails' ? await railsProjectHelpers(ctx, parser, file.path, content, readHead) : undefined;
    const deps = {
        parser,
        pg: loadPg,
        sql: { ...sqlOpts, requireLockTimeout: false, assumeInTransaction: true },
        parseSql,
        knownTypes,
        djangoFields,
        djangoClasses,
        railsHelpers,
    };
    const r = mig.kind === 'rails' ? await analyzeRails(content, deps) : await analyzePython(content, deps, mig.flavour);
    const framework = mig.kind === 'rails' ? 'rails' : 'kind' in r && r.kind === 'alembic' ? 'alembic' : 'django';
    if (r.notMigration)
        return { issues: [], statements: [], comments: [], waivers: [], count: 0, created: [], framework, ...NO_CATCH_UP };
    // strong_migrations sets its lock_timeout on every migration's connection
    const global = mig.kind === 'rails' && (await strongMigrationsLockTimeout(file.path, async (p) => (await readHead(p)) ?? (await readBase(p))))
        ? 0
        : undefined;
    return {
        issues: r.issues,
        statements: r.statements,
        comments: r.comments,
        waivers: r.waivers,
        count: r.count,
        created: r.created,
        framework,
        addedColumns: r.addedColumns,
        catchUps: r.catchUps,
        lockTimeoutLine: global ?? r.lockTimeoutLine,
    };
}
/** Migrations read at most for the tables unreleased merged migrations create. */
const MAX_UNRELEASED_READS = 50;
/**
 * Tables created by merged migrations (at the base, in the folders of the PR's migrations) that no release
 * tag holds yet: map table \u2192 migration path. Empty when the source has no tag information.
 */
async function tablesOfUnreleasedMigrations(ctx, prPaths, opts, policy, readHead, readBase, readConfig) {
    const out = new Map();
    if (!ctx.changes.listBase || !ctx.changes.releasedPaths || opts.release_tags.length === 0)
        return out;
    const inPr = new Set(prPaths);
    const candidates = new Map();
    for (const dir of new Set(prPaths.map((p) => p.slice(0, Math.max(0, p.lastIndexOf('/')))))) {
        const listed = await ctx.changes.listBase(dir).catch(() => undefined);
        for (const p of listed ?? []) {
            if (inPr.has(p))
                continue;
            const mig = classify(p, opts.paths, opts.exclude, opts.builtin_layouts);
            if (mig && mig.forward && mig.immutable)
                candidates.set(p, mig);
        }
    }
    if (candidates.size === 0)
        return out;
    const released = await ctx.changes.releasedPaths([...candidates.keys()], opts.release_tags).catch(() => undefined);
    if (!released)
        return out;
    const unreleased = [...candidates.keys()]
        .filter((p) => !released.has(p))
        .sort()
        .reverse()
        .slice(0, MAX_UNRELEASED_READS);
    for (const path of unreleased) {
        const mig = candidates.get(path);
        if (!mig)
            continue;
        const content = await readBase(path);
        if (content === undefined)
            continue;
        const dialect = await detectDialect(path, mig, policy, readConfig, content);
        try {
            const a = await analyzeFile(ctx, { path, status: 'added', additions: 0, deletions: 0 }, mig, content, opts, dialect.dialect, readHead, readBase);
            for (const t of a.created)
                if (!out.has(t.toLowerCase()))
                    out.set(t.toLowerCase(), path);
        }
        catch {
            // unparseable: it creates nothing we can name
        }
    }
    return out;
}
/**
 * Migrations read at most to find the fields a Django migration alters. A field is often defined far back
 * (netbox alters fields defined 80 migrations earlier, in a squashed migration); one read is one small file.
 */
const DJANGO_MAX_READS = 200;
/**
 * The definition each field a Django migration alters had before it: the migrations of the same app it
 * depends on are read (head), nearest first; when the chain breaks (a dependency squashed away into a
 * `0131_squashed_0159`-style file) or ends, the app's migration folder at the base is read newest first
 * below this migration's number. At most DJANGO_MAX_READS files in all.
 */
/** Modules of project-defined Django field classes read at most per migration. */
const DJANGO_CLASS_READS = 5;
/** Files read at most to find a Rails migration's project helpers (each may be an API call), and the largest one read. */
const RAILS_HELPER_READS = 10;
const RAILS_HELPER_BYTES = 512 * 1024;
/** Where a project keeps migration helpers, by file name (config/initializers/migrate.rb, lib/migration_helpers.rb). */
const RAILS_HELPER_FILE = /(?:migrat|schema|database|postgres|(?:^|[_-])(?:pg|db)(?:[_.-]|$))[^/]*\.rb$/i;
/**
 * The project helpers a Rails migration calls (see rails-helpers.ts), from the head tree: the files it
 * requires (`require "migrate"` is lib/migrate.rb), then the files of config/initializers/ and lib/ (two levels
 * deep) named for migrations or the database, at most RAILS_HELPER_READS files. Nothing is read when the
 * migration calls only methods Rails has; a read that fails makes the rule "not evaluated" (Reads).
 */
async function railsProjectHelpers(ctx, parser, path, content, readHead) {
    const wanted = unknownRailsCalls(content);
    if (!wanted.size)
        return undefined;
    const at = path.lastIndexOf('db/migrate/');
    const root = at > 0 ? path.slice(0, at) : '';
    const files = [...content.matchAll(/^\s*require\s+["']([\w/.-]+?)(?:\.rb)?["']/gm)].map((m) => `${root}lib/${m[1]}.rb`);
    const changed = ctx.changes.files.filter((f) => f.status !== 'removed').map((f) => f.path);
    for (const dir of ['config/initializers', 'lib']) {
        const under = `${root}${dir}/`;
        const listed = [...((await ctx.changes.listBase?.(`${root}${dir}`)) ?? []), ...changed.filter((p) => p.startsWith(under))];
        files.push(...listed.filter((p) => p.startsWith(under) && p.slice(under.length).split('/').length <= 2 && RAILS_HELPER_FILE.test(p.slice(p.lastIndexOf('/') + 1))));
    }
    const out = new Map();
    for (const f of [...new Set(files)].slice(0, RAILS_HELPER_READS)) {
        const text = await readHead(f);
        if (text === undefined || text.length > RAILS_HELPER_BYTES)
            continue;
        const missing = new Set([...wanted].filter((n) => !out.has(n) && text.includes(`def ${n}`)));
        if (missing.size)
            for (const [n, h] of railsHelpersIn(parser, f, text, missing))
                out.set(n, h);
        if (out.size === wanted.size)
            break;
    }
    return out.size ? out : undefined;
}
/**
 * The project-defined field classes a Django migration names (`extras.fields.ChoiceSetField(...)`, the way
 * makemigrations writes them), resolved to their Django base by reading the module at the head
 * (`<project>/extras/fields.py` or `\u2026/fields/__init__.py`, the project being the folder holding the app).
 * Django's own modules are not read; a class not found is left out (its AlterField stays uncosted).
 */
async function djangoProjectClasses(parser, path, content, readHead) {
    const out = new Map();
    const parts = path.split('/');
    const root = parts.slice(0, Math.max(0, parts.lastIndexOf('migrations') - 1)).join('/');
    const refs = new Map();
    for (const m of content.matchAll(/\b((?:[a-z_]\w*\.)+)([A-Z]\w*)\(/g)) {
        const mod = m[1].slice(0, -1);
        if (!/^(django|models|migrations|settings)\b/.test(mod) && !refs.has(m[2]))
            refs.set(m[2], mod);
    }
    const modules = [...new Set(refs.values())].slice(0, DJANGO_CLASS_READS);
    for (const mod of modules) {
        const file = joinPath(root, mod.replace(/\./g, '/'));
        const text = (await readHead(`${file}.py`)) ?? (await readHead(`${file}/__init__.py`));
        if (text === undefined)
            continue;
        for (const [cls, m] of refs) {
            const f = m === mod ? djangoFieldClass(parser, text, cls) : undefined;
            if (f)
                out.set(cls, f);
        }
    }
    return out;
}
async function djangoFieldsBefore(parser, path, content, readHead, listBase) {
    const out = new Map();
    const dir = path.slice(0, path.lastIndexOf('/'));
    const app = dir.split('/').slice(-2, -1)[0] ?? '';
    const own = djangoFileState(parser, content, app);
    const needed = new Set(own.alters);
    if (needed.size === 0)
        return out;
    const queue = [...own.dependencies];
    const seen = new Set(queue);
    let reads = 0;
    while (queue.length && needed.size && reads < DJANGO_MAX_READS) {
        const name = queue.shift();
        if (name === undefined)
            break;
        const text = await readHead(`${dir}/${name}.py`);
        reads++;
        if (text === undefined)
            continue;
        const st = djangoFileState(parser, text, app);
        for (let i = st.defs.length - 1; i >= 0; i--) {
            const [key, summary] = st.defs[i];
            if (!needed.has(key))
                continue;
            needed.delete(key);
            if (summary)
                out.set(key, summary);
        }
        for (const d of st.dependencies)
            if (!seen.has(d)) {
                seen.add(d);
                queue.push(d);
            }
    }
    if (needed.size && reads < DJANGO_MAX_READS && listBase) {
        const own = path.slice(dir.length + 1, -'.py'.length);
        const listed = (await listBase(dir).catch(() => undefined)) ?? [];
        const earlier = listed
            .filter((p) => p.startsWith(dir + '/') && /^\d+_\w*\.py$/.test(p.slice(dir.length + 1)))
            .map((p) => p.slice(dir.length + 1, -'.py'.length))
            .filter((n) => n < own && !seen.has(n))
            .sort()
            .reverse();
        for (const name of earlier) {
            if (!needed.size || reads >= DJANGO_MAX_READS)
                break;
            const text = await readHead(`${dir}/${name}.py`);
            reads++;
            if (text === undefined)
                continue;
            const st = djangoFileState(parser, text, app);
            for (let i = st.defs.length - 1; i >= 0; i--) {
                const [key, summary] = st.defs[i];
                if (!needed.has(key))
                    continue;
                needed.delete(key);
                if (summary)
                    out.set(key, summary);
            }
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/policy/validate.ts
var validate = __webpack_require__(17766);
;// CONCATENATED MODULE: ./src/rules/migration-safety/options.ts
/** migration-safety's options: the policy schema (see docs/rules/migration-safety.md). */


const DIALECTS = ['postgres', 'cockroach', 'mysql', 'sqlite', 'sqlserver', 'oracle', 'other'];
const DialectSchema = type/* Type */.ZU.Union(DIALECTS.map((d) => type/* Type */.ZU.Literal(d)));
const LevelSchema = (def, description) => type/* Type */.ZU.Union([type/* Type */.ZU.Literal('off'), type/* Type */.ZU.Literal('notice'), type/* Type */.ZU.Literal('warn'), type/* Type */.ZU.Literal('fail')], { default: def, description });
const DangerLevel = (id) => type/* Type */.ZU.Union([type/* Type */.ZU.Literal('off'), type/* Type */.ZU.Literal('notice'), type/* Type */.ZU.Literal('warn'), type/* Type */.ZU.Literal('fail')], {
    default: dangers/* DANGERS */.zA[id].level,
    description: `${dangers/* DANGERS */.zA[id].title}. Level of this danger (capped by the rule's level).`,
});
const options = type/* Type */.ZU.Object({
    paths: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: [],
        description: 'Extra globs of migration files (.sql, .rb, .py), on top of the built-in layouts.',
    }),
    builtin_layouts: type/* Type */.ZU.Boolean({
        default: true,
        description: 'Recognise the common layouts: Flyway, golang-migrate, dbmate, Prisma, sqitch, Liquibase SQL, Rails db/migrate, Django ' +
            'migrations, Alembic versions; files under a test folder (test, tests, spec, __tests__, testdata, fixtures) are skipped, ' +
            'as test apps and fixtures never run in production (paths can still name them).',
    }),
    exclude: type/* Type */.ZU.Array(type/* Type */.ZU.String(), { default: [], description: 'Globs of files never treated as migrations.' }),
    dialect: type/* Type */.ZU.Union([type/* Type */.ZU.Literal('auto'), ...DIALECTS.map((d) => type/* Type */.ZU.Literal(d))], {
        default: 'auto',
        description: 'Database the migrations run on. auto: per file, from a dialect in the file name (x.mysql.up.sql), a folder (mysql/, ' +
            'sqlite/, postgres/), else the tool configuration (Prisma migration_lock.toml, Rails config/database.yml, Django ENGINE, ' +
            'Alembic URL), else PostgreSQL. Files that are not PostgreSQL are never parsed as PostgreSQL.',
    }),
    dialects: type/* Type */.ZU.Array(type/* Type */.ZU.Object({ paths: type/* Type */.ZU.Array(type/* Type */.ZU.String({ format: 'glob' })), dialect: DialectSchema }, { additionalProperties: false }), {
        default: [],
        description: 'Dialect per glob, before anything detected: [{ paths: ["db/mysql/**"], dialect: mysql }].',
    }),
    release_tags: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: ['v[0-9]*', '[0-9]*'],
        description: 'Globs of the tag names that mark a release. A merged migration that no such tag (dated no later than the base commit, ' +
            'pre-releases such as v1.2.0-rc1 excluded unless the project had no final release yet) holds is not released yet: ' +
            'editing it is reported at unreleased_edit_level. [] = ' +
            'every merged migration counts as released. Needs the local git source (CLI); elsewhere every merged migration counts as ' +
            'released.',
    }),
    unreleased_edit_level: LevelSchema('notice', 'Level of an edit, rename or deletion of a merged migration that no release tag holds yet (still being developed).'),
    data_edit_level: LevelSchema('notice', 'Highest level of an edit of a merged Rails, Django or Alembic migration that changes only data or helper code (a row loop, a ' +
        'RunPython function, a model stub, a monkeypatch), not its schema statements nor the code that feeds them; and of an ' +
        'edit of a merged Django migration that changes only field options the database never sees (validators, help_text, ' +
        'choices, \u2026) or only drops dependencies (or adds ones that shipped no later than it); and of an edit that changes only ' +
        'how the statements run (an index built or dropped concurrently, the migration taken out of its transaction, ' +
        'IF [NOT] EXISTS), never the schema they leave.'),
    squash_level: LevelSchema('notice', 'Level of an Alembic squash: merged migrations deleted and replaced by one new root migration that keeps their head ' +
        'revision (databases at that head run nothing; one still behind it cannot upgrade).'),
    rollback_level: LevelSchema('notice', 'Highest level of a finding in rollback code (.down.sql, def down, dir.down, downgrade(), reverse_code) and of an edit of a ' +
        'merged rollback file.'),
    small_tables: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: [],
        description: 'Tables the team knows to be small (globs of table names, case-insensitive; a schema-qualified name also matches on its last ' +
            'part): dangers whose harm grows with the table (index builds, NOT NULL and constraint scans, type rewrites, backfills, ' +
            'CLUSTER, VACUUM FULL) are reported at small_table_level there. Drops and renames are not size dangers and stay.',
    }),
    small_table_level: LevelSchema('notice', 'Highest level of a size danger on a table listed in small_tables.'),
    released_copy_level: LevelSchema('notice', 'Highest level of a danger in a migration the PR adds that a release tag (release_tags, made no later than the base) ' +
        'already holds byte for byte at the same path: a released migration brought onto this branch (a cherry-pick or a ' +
        'merge of a release branch), whose statements already ran with that release. Needs the local git source (CLI).'),
    catch_up_level: LevelSchema('notice', 'Highest level of a catch-up backfill and the SET NOT NULL it precedes: UPDATE t SET c = <constant> WHERE c IS NULL, ' +
        'then SET NOT NULL on t.c in the same migration, on a column no migration of the PR adds, with a lock_timeout set ' +
        'before the UPDATE (SQL SET [LOCAL] lock_timeout, op.execute/RunSQL/execute of it, or the strong_migrations initializer).'),
    pg_version: type/* Type */.ZU.Integer({
        minimum: 9,
        maximum: 18,
        default: 14,
        description: 'Oldest PostgreSQL major version the migrations run on (defaults before 11 rewrite the table; REINDEX CONCURRENTLY needs 12; ' +
            'DETACH CONCURRENTLY 14).',
    }),
    assume_in_transaction: type/* Type */.ZU.Boolean({
        default: false,
        description: 'The migration tool wraps each SQL file in a transaction (Flyway, sqitch, golang-migrate with x-multi-statement off): ' +
            'CONCURRENTLY statements then fail.',
    }),
    require_lock_timeout: type/* Type */.ZU.Boolean({
        default: false,
        description: 'Report DDL on an existing table when no SET lock_timeout precedes it in the SQL file (on in the strict preset).',
    }),
    dangers: type/* Type */.ZU.Object(Object.fromEntries(dangers/* DANGER_IDS */.FH.map((id) => [id, type/* Type */.ZU.Optional(DangerLevel(id))])), {
        default: {},
        additionalProperties: false,
        description: 'Per-danger levels: { <danger id>: off | notice | warn | fail }. A finding never exceeds the rule level.',
    }),
    ignore: type/* Type */.ZU.Array(type/* Type */.ZU.Union(dangers/* DANGER_IDS */.FH.map((id) => type/* Type */.ZU.Literal(id))), {
        default: [],
        description: 'Danger ids not reported at all (same as level off).',
    }),
    app_paths: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: ['**/*.{rb,py,ts,tsx,js,jsx,mjs,cjs,go,java,kt,scala,cs,php,ex,exs,rs}'],
        description: 'Globs of application code: dropping/renaming a column in a PR that also changes these files is an expand-contract violation.',
    }),
    app_exclude: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: [
            '**/db/schema.rb',
            '**/db/structure.sql',
            '**/db/seeds.rb',
            '**/{test,tests,spec,specs,__tests__,testdata,fixtures,factories}/**',
            '**/*_test.{go,py,rb}',
            '**/test_*.py',
            '**/conftest.py',
            '**/*_spec.rb',
            '**/*.{test,spec}.{ts,tsx,js,jsx,mjs,cjs}',
            '**/*Test.{java,kt}',
        ],
        description: 'Globs never counted as application code for expand-contract: schema dumps, seeds and tests.',
    }),
}, { additionalProperties: false });
/** The level the policy sets for a danger (ignore: off; dangers: its own; else the danger's default). */
function levelFor(id, opts) {
    if (opts.ignore.includes(id))
        return 'off';
    const set = opts.dangers[id];
    return set ?? dangers/* DANGERS */.zA[id].level;
}
/** `level`, at most `cap`. */
function capLevel(level, cap) {
    const order = ['off', 'notice', 'warn', 'fail'];
    return order.indexOf(level) <= order.indexOf(cap) ? level : cap;
}

;// CONCATENATED MODULE: ./src/rules/migration-safety/render.ts



const oneLine = (s) => s.replace(/\s*\n\s*/g, ' ');
/** What was not checked in a file of this dialect (the dialect table's last column). */
function coverage(d, mig) {
    const name = types/* DIALECT_NAMES */.md[d.dialect];
    switch (d.dialect) {
        case 'postgres':
            return d.assumed ? 'all dangers (PostgreSQL assumed: no dialect in the file name, folder or tool configuration)' : 'all dangers';
        case 'cockroach':
            return ('not checked (CockroachDB): lock and rewrite dangers, since CockroachDB changes schemas online; ' +
                'checked: data loss, renames, backfills, missing rollback, edits');
        case 'sqlite':
            return ('not checked (SQLite): lock dangers and table rebuilds (SQLite alters tables by copying them); ' +
                (mig.kind === 'sql' ? 'the SQL is not parsed' : 'checked: drops, renames, missing rollback, edits'));
        case 'mysql':
            if (mig.kind === 'sql')
                return ('not checked (MySQL): lock dangers other than a type change that copies the table (the SQL is read with ' +
                    "MySQL's grammar, never as PostgreSQL); checked: type changes (table-copy-alter), PostgreSQL syntax MySQL " +
                    'rejects (foreign-syntax), edits of merged migrations, missing rollback');
            return coverageOther(name, mig);
        default:
            return coverageOther(name, mig);
    }
}
/** MySQL ORM files and the dialects nothing reads: what the dialect-independent dangers cover. */
function coverageOther(name, mig) {
    return (`not checked (${name}): PostgreSQL lock dangers` +
        (mig.kind === 'sql'
            ? ' (the SQL is not parsed as PostgreSQL); checked: edits of merged migrations, missing rollback'
            : ' and embedded SQL; checked: drops, renames, backfills, missing rollback, edits'));
}
/** What the stages report, in the order they report it, and the rule's output made of it. */
class Output {
    opts;
    findings = [];
    notes = [];
    suppressionsListed = [];
    reports = [];
    dialectRows = [];
    notChecked = new Map();
    dialectCount = new Map();
    statements = 0;
    constructor(opts) {
        this.opts = opts;
    }
    /** The table rows and findings of one migration file, listed in the order of the files. */
    report(path) {
        const report = { path, rows: [], findings: [], statements: 0, suppressed: 0 };
        this.reports.push(report);
        return report;
    }
    /** A file analysed: its statements count in the summary. */
    counted(report, statements) {
        this.statements += statements;
        report.statements = statements;
    }
    error(path, code, message) {
        this.findings.push({ kind: 'error', path, code, message });
    }
    /** The dialect of a migration file: its row in the dialect table, and a notice when it is not fully checked. */
    dialect(file, mig, dialect) {
        const checked = coverage(dialect, mig);
        const shown = types/* DIALECT_NAMES */.md[dialect.dialect] + (dialect.assumed ? ' (assumed)' : '');
        this.dialectRows.push([file.path, shown, dialect.source, checked]);
        this.dialectCount.set(shown, (this.dialectCount.get(shown) ?? 0) + 1);
        if (checked.startsWith('not checked')) {
            this.notChecked.set(types/* DIALECT_NAMES */.md[dialect.dialect], (this.notChecked.get(types/* DIALECT_NAMES */.md[dialect.dialect]) ?? 0) + 1);
            this.findings.push({
                kind: 'info',
                path: file.path,
                code: 'dialect',
                level: 'notice',
                message: `${types/* DIALECT_NAMES */.md[dialect.dialect]} migration (from the ${dialect.source}): ${checked}.`,
            });
        }
    }
    /** A danger reported at its level, capped at `cap` (`capWhy` says why in the table); nothing at level off. */
    pushFinding(report, id, f, statement, fix, cap, capWhy = 'rollback') {
        let level = levelFor(id, this.opts);
        if (cap)
            level = capLevel(level, cap);
        if (level === 'off')
            return;
        const finding = { ...f, code: id, level, kind: 'violation' };
        report.findings.push(finding);
        this.findings.push(finding);
        report.rows.push([
            f.line ? String(f.line) : '',
            statement,
            id + (cap && level !== levelFor(id, this.opts) ? ` (${capWhy}: ${level})` : ''),
            dangers/* DANGERS */.zA[id].lock,
            oneLine(fix),
        ]);
    }
    /**
     * The rule's output: the suppressions listed as notices; an error for each file the checks needed that could
     * not be read (`readFailures`: the result is incomplete, so the rule is not evaluated, on_error); the tables,
     * the summary and the data.
     */
    render(migrations, readFailures) {
        for (const s of this.suppressionsListed) {
            this.findings.push({
                kind: 'info',
                path: s.path,
                line: s.line,
                code: s.id,
                level: 'notice',
                message: `Suppressed ${s.id}: ${s.reason}`,
            });
        }
        const unreadableReported = new Set(this.findings.filter((f) => f.kind === 'error').map((f) => f.path));
        for (const [key, what] of readFailures) {
            const path = key.slice(key.indexOf(':') + 1);
            if (unreadableReported.has(path))
                continue;
            unreadableReported.add(path);
            this.error(path, 'unreadable', `Could not read ${what}: the migration checks that need it were not completed.`);
        }
        return {
            findings: this.findings,
            summary: this.summary(migrations.length),
            tables: this.tables(),
            notes: this.notes,
            data: {
                migrations: migrations.map((m, i) => ({
                    path: m.file.path,
                    layout: m.mig.layout,
                    status: m.file.status,
                    dialect: this.dialectRows[i]?.[1],
                    dialect_source: this.dialectRows[i]?.[2],
                })),
                suppressions: this.suppressionsListed,
            },
        };
    }
    tables() {
        const tables = this.reports
            .filter((r) => r.rows.length > 0)
            .map((r) => ({
            title: r.path,
            columns: ['Line', 'Statement', 'Danger', 'Lock', 'Fix'],
            rows: r.rows.sort((a, b) => Number(a[0] || 0) - Number(b[0] || 0)),
        }));
        tables.push({
            title: 'Dialect of each migration file',
            columns: ['File', 'Dialect', 'Detected from', 'Checked'],
            rows: this.dialectRows,
        });
        return tables;
    }
    summary(files) {
        const dangers = this.findings.filter((f) => f.kind === 'violation').length;
        const suppressed = this.suppressionsListed.length;
        const errors = this.findings.filter((f) => f.kind === 'error').length;
        const skipped = [...this.notChecked].map(([d, n]) => `${n} ${d}`).join(', ');
        const statements = this.statements;
        return (`${files} migration file${files === 1 ? '' : 's'}, ${statements} statement${statements === 1 ? '' : 's'}: ` +
            (dangers ? `${dangers} danger${dangers === 1 ? '' : 's'}` : 'no danger') +
            (suppressed ? `, ${suppressed} suppressed` : '') +
            (errors ? `, ${errors} not analysed` : '') +
            (skipped ? ` (partly or not checked: ${skipped})` : '') +
            `; dialect: ${[...this.dialectCount].map(([d, n]) => (this.dialectCount.size > 1 ? `${d} ${n}` : d)).join(', ')}`);
    }
}

;// CONCATENATED MODULE: ./src/rules/migration-safety/decide.ts
/**
 * migration-safety, stage 2 (decide): the level of each danger the analysis found, in the light of the whole PR
 * (tables it creates or drops, columns it adds, application code it deletes), the project (small tables,
 * strong_migrations) and the file's own suppression comments.
 */








/**
 * A table dropped together with its dead model: the PR deletes the application file that maps the table (a
 * class named after it, or the table name as a string: __tablename__, db_table, self.table_name) and the
 * rest of its application-code changes only delete lines that name that model (imports, exports). Had any
 * other code used the model, the PR would have had to change it, so the old code that is still running during
 * the deploy never touches the table, and the data is what the team chose to remove. Returns why, else
 * undefined (any added application line, another deleted file, or a deleted line that does not name the model).
 */
async function deadTable(table, appFiles, readBase) {
    const unq = table.replace(/"/g, '');
    const bare = unq.slice(unq.lastIndexOf('.') + 1).toLowerCase();
    const squash = (x) => x.toLowerCase().replace(/_/g, '');
    const names = new Set([squash(bare), squash(bare.replace(/s$/, '')), squash(bare.replace(/ies$/, 'y')), squash(bare.replace(/es$/, ''))]);
    const removed = appFiles.filter((f) => f.status === 'removed');
    if (!removed.length || appFiles.some((f) => f.additions > 0 || (f.status !== 'removed' && f.status !== 'modified')))
        return undefined;
    const models = [];
    for (const f of removed) {
        const text = await readBase(f.previousPath ?? f.path);
        if (text === undefined)
            return undefined;
        const classes = [...text.matchAll(/\bclass\s+([A-Za-z_]\w*)/g)].map((m) => m[1]);
        const mapped = classes.filter((c) => names.has(squash(c)));
        const named = new RegExp(`['"]${bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]`, 'i').test(text);
        if (!mapped.length && !named)
            return undefined; // a deleted file that is not this table's model: feature code went too
        models.push(...(mapped.length ? mapped : classes.slice(0, 1)));
    }
    if (!models.length)
        return undefined;
    const modules = removed.map((f) => f.path.slice(f.path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, ''));
    for (const f of appFiles.filter((x) => x.status === 'modified')) {
        if (f.patch === undefined)
            return undefined;
        for (const l of f.patch.split('\n')) {
            if (!l.startsWith('-') || l.startsWith('---'))
                continue;
            const line = l.slice(1);
            if (!line.trim())
                continue;
            const names = [...models, ...modules];
            if (!names.some((m) => line.includes(m)))
                return undefined;
            // only an import/require of it, or its bare name as an export entry (__all__, a list): never code that used it
            const t = line.trim();
            const isImport = /^(from\s+\S+\s+import\b|import\b|require(_relative)?\b|autoload\b|export\s*\{|export\s+\*\s+from\b)/.test(t);
            const isEntry = names.some((m) => new RegExp(`^['"]?${m}['"]?,?$`).test(t));
            if (!isImport && !isEntry)
                return undefined;
        }
    }
    return (`dead table: this PR deletes ${removed.map((f) => f.path).join(', ')}, which maps it, and its other application-code changes ` +
        `only delete lines naming ${[...new Set(models)].join(', ')}; nothing else used it`);
}
/** `target` (lower case, maybe schema-qualified) is one of the policy's small tables. */
function isSmallTable(target, globs) {
    if (!globs.length)
        return false;
    const bare = target.replace(/"/g, '');
    const last = bare.includes('.') ? bare.slice(bare.lastIndexOf('.') + 1) : bare;
    return globs.some((g) => (0,esm/* minimatch */.xF)(bare, g, { nocase: true }) || (0,esm/* minimatch */.xF)(last, g, { nocase: true }));
}
/** Django names a model; its table is `<app label>_<model>` (the app is the folder holding migrations/). */
function djangoTable(path, model) {
    const parts = path.split('/');
    const i = parts.lastIndexOf('migrations');
    return i > 0 ? `${parts[i - 1].toLowerCase()}_${model}` : model;
}
/**
 * The names a recipe writes: a Django operation names its model (`Interface`), whose table is
 * `<app>_<model>` (`dcim_interface`, Django's default; a model with its own `db_table` is not followed);
 * the Django code of a recipe still names the model (`names.model`). Other names are as found.
 */
function recipeNames(framework, path, names) {
    if (framework !== 'django' || !names)
        return names;
    const out = { ...names };
    if (names.model !== undefined && names.table === names.model)
        out.table = djangoTable(path, names.model);
    if (names.refModel) {
        // `'app.Model'` is the table `app_model`; a bare `'Model'` is a model of the migration's own app
        const [app, model] = names.refModel.includes('.') ? names.refModel.split('.', 2) : [undefined, names.refModel];
        out.value = app ? `${app}_${model}`.toLowerCase() : djangoTable(path, model.toLowerCase());
    }
    return out;
}
/**
 * A Rails project that runs strong_migrations has declared its migration policy there. strong_migrations'
 * `remove_index` check (non-concurrent index removal: a brief ACCESS EXCLUSIVE for a catalog change, the same
 * lock-queue risk as any DDL) is off unless the project turns it on (`StrongMigrations.enable_check(:remove_index)`),
 * so a `remove_index` without `algorithm: :concurrently` there is a notice. Returns why, or undefined when the
 * project does not use strong_migrations or has the check on.
 */
async function strongMigrationsRemoveIndex(migrationPath, read) {
    const i = migrationPath.lastIndexOf('db/migrate/');
    const root = i <= 0 ? '' : migrationPath.slice(0, i - 1);
    const at = (p) => (root ? `${root}/${p}` : p);
    const lock = await read(at('Gemfile.lock'));
    const gemfile = lock === undefined ? await read(at('Gemfile')) : undefined;
    const uses = lock !== undefined
        ? /^ {4}strong_migrations \(/m.test(lock)
        : gemfile !== undefined && /^\s*gem\s+['"]strong_migrations['"]/m.test(gemfile);
    if (!uses)
        return undefined;
    const init = await read(at('config/initializers/strong_migrations.rb'));
    if (init !== undefined && /^\s*StrongMigrations\.enable_check[\s(]+:remove_index\b/m.test(init))
        return undefined;
    const where = lock !== undefined ? at('Gemfile.lock') : at('Gemfile');
    return `this project runs strong_migrations (${where}), whose remove_index check is off unless enabled: a notice`;
}
/**
 * The enforce half of a catch-up: SET NOT NULL, or the scan of a CHECK (c IS NOT NULL) under the lock of its ADD
 * (validated in the same transaction, or added without NOT VALID): both read every row under ACCESS EXCLUSIVE.
 */
function enforcesNotNull(i) {
    return (i.id === 'set-not-null' ||
        (i.id === 'constraint-not-valid-missing' && i.names?.column !== undefined && /\bIS\s+NOT\s+NULL\b/i.test(i.names.check ?? '')));
}
/**
 * Issue 14, "catch-up then enforce" (Alembic's idiom; designed from the tuning commits polar 2a17dd1 and
 * 75b7eb1 only): `UPDATE t SET c = <constant> WHERE c IS NULL`, then SET NOT NULL on t.c in the same
 * migration, on a column no migration of the PR adds (it existed at the base, so an earlier, released
 * migration added it and the rows were backfilled out of band), with a lock_timeout set before the UPDATE.
 * The UPDATE only catches up the rows the backfill missed, and the lock_timeout makes the migration give up
 * rather than queue every query behind its lock. When `issue` is either half of such a pair, returns why
 * (with the recipe for a large table), else undefined: any condition missing leaves the finding as it was.
 */
function catchUpNote(issue, f) {
    if (issue.rollback || f.lockTimeoutLine === undefined || (issue.id !== 'backfill-in-transaction' && !enforcesNotNull(issue)))
        return undefined;
    const aliases = (t) => (f.framework === 'django' ? [t, djangoTable(f.path, t)] : [t]);
    const sameColumn = (u, s) => s.names?.table !== undefined &&
        s.names.column?.toLowerCase() === u.column &&
        aliases(s.names.table.toLowerCase()).includes(u.table) &&
        s.line >= u.line;
    const pair = (u) => f.lockTimeoutLine !== undefined &&
        f.lockTimeoutLine <= u.line &&
        !f.addedInPr.has(`${u.table}.${u.column}`) &&
        f.setNotNull.some((s) => sameColumn(u, s) && !aliases(s.names?.table?.toLowerCase() ?? '').some((t) => f.addedInPr.has(`${t}.${u.column}`)));
    const u = issue.id === 'backfill-in-transaction'
        ? f.catchUps.find((x) => x.line >= issue.line && x.line <= issue.endLine && pair(x))
        : f.catchUps.find((x) => sameColumn(x, issue) && pair(x));
    if (!u)
        return undefined;
    const t = (0,sql_ast/* ident */.bD)(u.table);
    const c = (0,sql_ast/* ident */.bD)(u.column);
    const where = f.lockTimeoutLine === 0
        ? 'the project sets a lock_timeout for every migration (strong_migrations)'
        : `the migration sets a lock_timeout first (line ${f.lockTimeoutLine})`;
    // the enforce half: SET NOT NULL, or a CHECK (c IS NOT NULL) checked under its ADD's lock
    const enforce = f.setNotNull.find((s) => sameColumn(u, s));
    const byCheck = enforce?.id === 'constraint-not-valid-missing';
    const k = (0,sql_ast/* ident */.bD)(byCheck && enforce.names?.constraint ? enforce.names.constraint : `${u.table}_${u.column}_not_null`);
    const enforcer = byCheck ? `a CHECK (${u.column} IS NOT NULL) checked in the same transaction` : 'SET NOT NULL';
    const head = `catch-up after an out-of-band backfill, under a lock_timeout: the UPDATE only fills the rows of ${u.table}.${u.column} still NULL, ` +
        `a column that existed before this PR, then ${enforcer} ` +
        `enforces it, and ${where}, so it gives up instead of queueing every query behind its lock: reported at catch_up_level. `;
    if (byCheck)
        return (head +
            `On a large table that check still scans every row under the ACCESS EXCLUSIVE lock of its ADD; validate it in a separate ` +
            `migration: ALTER TABLE ${t} ADD CONSTRAINT ${k} CHECK (${c} IS NOT NULL) NOT VALID; then, in the next migration, ` +
            `ALTER TABLE ${t} VALIDATE CONSTRAINT ${k}; ALTER TABLE ${t} ALTER COLUMN ${c} SET NOT NULL;`);
    return (head +
        `On a large table SET NOT NULL still scans every row under ACCESS EXCLUSIVE; ` +
        `prove the column first${f.pgVersion < 12 ? ' (PostgreSQL 12+ only)' : ''}: ` +
        `ALTER TABLE ${t} ADD CONSTRAINT ${k} CHECK (${c} IS NOT NULL) NOT VALID; ` +
        `ALTER TABLE ${t} VALIDATE CONSTRAINT ${k}; ALTER TABLE ${t} ALTER COLUMN ${c} SET NOT NULL;`);
}
const SUPPRESS = /quality-gate:\s*ignore\s+([A-Za-z0-9_-]+)(?:\s+(.*?))?\s*(?:\*\/)?\s*$/;
function parseSuppressions(comments) {
    const out = [];
    for (const c of comments) {
        const m = SUPPRESS.exec(c.text);
        if (m)
            out.push({ line: c.line, id: m[1], reason: (m.at(2) ?? '').trim() });
    }
    return out;
}
/** The statement a suppression comment applies to: the one whose lines contain it, else the next one. */
function suppressionSpan(s, spans) {
    let best;
    for (const sp of spans) {
        if (sp.line <= s.line && s.line <= sp.endLine && (!best || sp.endLine - sp.line < best.endLine - best.line))
            best = sp;
    }
    if (best)
        return best;
    for (const sp of spans)
        if (sp.line > s.line && (!best || sp.line < best.line))
            best = sp;
    return best;
}
function lockPhrase(id) {
    const lock = dangers/* DANGERS */.zA[id].lock;
    return lock === 'none' || lock === 'n/a' ? '' : ` \u2014 takes ${lock}`;
}
function messageFor(issue) {
    const d = dangers/* DANGERS */.zA[issue.id];
    return `${issue.detail}${lockPhrase(issue.id)}: ${d.why}.`;
}
async function prFacts(run, analysed) {
    const createdInPr = new Set(analysed.flatMap((a) => a.analysis.created.map((t) => t.toLowerCase())));
    const lockTargets = new Set(analysed
        .flatMap((a) => a.analysis.issues.filter((i) => dangers/* DANGERS */.zA[i.id].lockDanger && !i.rollback).map((i) => (i.names?.table ?? i.table)?.toLowerCase()))
        .filter((t) => t !== undefined && !createdInPr.has(t)));
    const createdUnreleased = lockTargets.size
        ? await tablesOfUnreleasedMigrations(run.ctx, analysed.map((a) => a.file.path), run.opts, run.policy, run.readHead, run.readBase, run.readConfig)
        : new Map();
    // Columns any migration of the PR adds: a catch-up UPDATE of one of them is its first backfill, not a catch-up.
    const addedInPr = new Set();
    for (const a of analysed)
        for (const k of a.analysis.addedColumns) {
            addedInPr.add(k);
            const dot = k.lastIndexOf('.');
            if (a.analysis.framework === 'django')
                addedInPr.add(`${djangoTable(a.file.path, k.slice(0, dot))}${k.slice(dot)}`);
        }
    return { createdInPr, createdUnreleased, catchUpFacts: { addedInPr, pgVersion: run.opts.pg_version } };
}
/** Each danger of one analysed file decided and reported, then its waivers and its misspelt suppressions. */
async function decideFile(run, a, pr, out) {
    const { file, analysis, report } = a;
    const issues = [...analysis.issues].sort((x, y) => x.line - y.line);
    const f = {
        sups: parseSuppressions(analysis.comments),
        spans: analysis.statements,
        setNotNull: analysis.issues.filter((i) => enforcesNotNull(i) && !i.rollback),
        // A table this migration drops is locked (ACCESS EXCLUSIVE) and gone with its indexes and constraints
        // anyway: the other lock dangers on it (dropping its indexes first, \u2026) add nothing; drop-table speaks.
        droppedHere: new Set(issues
            .filter((i) => i.id === 'drop-table' && !i.rollback)
            .map((i) => (i.names?.table ?? i.table)?.toLowerCase())
            .filter((t) => t !== undefined)),
    };
    for (const issue of issues)
        await decideIssue(run, a, issue, f, pr, out);
    for (const w of analysis.waivers) {
        out.suppressionsListed.push({ path: file.path, line: w.line, id: w.id, reason: w.reason });
        report.suppressed++;
        report.rows.push([String(w.line), w.statement, `${w.id} (waived)`, dangers/* DANGERS */.zA[w.id].lock, `reason: ${w.reason}`]);
    }
    for (const s of f.sups) {
        if ((0,dangers/* isDangerId */.tX)(s.id))
            continue;
        // A misspelt id suppresses nothing: say so as a gate note (every surface shows notes), not only in this table.
        const guess = (0,validate/* didYouMean */.au)(s.id, dangers/* DANGER_IDS */.FH);
        const mean = guess ? ` (did you mean "${guess}"?)` : '';
        report.rows.push([
            String(s.line),
            `quality-gate: ignore ${s.id}`,
            'invalid suppression',
            '',
            `unknown danger id "${s.id}"${mean}; valid ids: see docs/rules/migration-safety.md`,
        ]);
        out.notes.push({
            level: 'warning',
            message: `${file.path}:${s.line}: "quality-gate: ignore ${s.id}" names no migration danger${mean}, so it suppresses nothing. ` +
                'Valid ids: pr-gate explain migration-safety.',
        });
    }
}
/**
 * A danger that is not reported at all: one that does not hold for the file's dialect (a syntax error is
 * listed as not checked), a lock danger on a table the PR creates, or on one an unreleased migration created
 * (listed), or one on a table this migration drops anyway.
 */
function notReported(a, issue, target, f, pr) {
    const { dialect, report } = a;
    if (!(0,dangers/* holdsFor */.GY)(issue.id, dialect.dialect)) {
        if (issue.id === 'syntax-error')
            report.rows.push([
                String(issue.line),
                issue.statement,
                `not checked (${types/* DIALECT_NAMES */.md[dialect.dialect]} syntax)`,
                'unknown',
                oneLine(issue.detail),
            ]);
        return true;
    }
    if (dangers/* DANGERS */.zA[issue.id].lockDanger && target && pr.createdInPr.has(target))
        return true;
    const newTable = dangers/* DANGERS */.zA[issue.id].lockDanger && target && !issue.rollback ? pr.createdUnreleased.get(target) : undefined;
    if (newTable) {
        report.rows.push([
            String(issue.line),
            issue.statement,
            `${issue.id} (not reported: new table)`,
            dangers/* DANGERS */.zA[issue.id].lock,
            `${target} is created by ${newTable}, merged but in no release yet: no production table to lock`,
        ]);
        return true;
    }
    if (dangers/* DANGERS */.zA[issue.id].lockDanger && issue.id !== 'drop-table' && !issue.rollback && target && f.droppedHere.has(target))
        return true;
    return false;
}
/** The suppression comment (with a reason) that covers `issue`, and whether one without a reason does. */
function suppressionOf(issue, f) {
    let by;
    let missingReason = false;
    for (const s of f.sups) {
        if (s.id !== issue.id)
            continue;
        const sp = suppressionSpan(s, f.spans);
        const covers = sp ? sp.line <= issue.line && issue.line <= sp.endLine : s.line === issue.line || s.line === issue.line - 1;
        if (!covers)
            continue;
        if (!s.reason)
            missingReason = true;
        else
            by = s;
    }
    return { by, missingReason };
}
async function decideIssue(run, a, issue, f, pr, out) {
    const { file, analysis, report } = a;
    const target = (issue.names?.table ?? issue.table)?.toLowerCase();
    if (notReported(a, issue, target, f, pr))
        return;
    const { by, missingReason } = suppressionOf(issue, f);
    if (by) {
        report.suppressed++;
        out.suppressionsListed.push({ path: file.path, line: issue.line, id: issue.id, reason: by.reason });
        report.rows.push([String(issue.line), issue.statement, `${issue.id} (suppressed)`, dangers/* DANGERS */.zA[issue.id].lock, `reason: ${by.reason}`]);
        return;
    }
    const recipe = (0,dangers/* recipeFor */.Mu)(issue.id, {
        ...recipeNames(analysis.framework, file.path, issue.names),
        framework: analysis.framework,
        pgVersion: run.opts.pg_version,
    });
    const { cap, capWhy, capNote } = await capOf(run, a, issue, target, f, pr);
    out.pushFinding(report, issue.id, {
        path: file.path,
        line: issue.line,
        endLine: issue.endLine,
        column: issue.column,
        message: (issue.rollback ? 'In rollback code: ' : '') +
            messageFor(issue) +
            capNote +
            (missingReason ? ' (a quality-gate: ignore comment names this danger but gives no reason, so it does not count)' : ''),
        hint: recipe,
    }, issue.statement, recipe, cap, capWhy);
    if ((issue.id === 'drop-column' || issue.id === 'rename-column') && run.appFiles.length > 0 && !issue.rollback) {
        const appChanged = run.appFiles.map((x) => x.path);
        const shown = `${appChanged.slice(0, 3).join(', ')}${appChanged.length > 3 ? ', \u2026' : ''}`;
        out.pushFinding(report, 'expand-contract', {
            path: file.path,
            line: issue.line,
            endLine: issue.endLine,
            message: `${issue.detail} in the same PR as application code changes (${shown}): ${dangers/* DANGERS */.zA['expand-contract'].why}.`,
            hint: dangers/* DANGERS */.zA['expand-contract'].fix,
        }, issue.statement, dangers/* DANGERS */.zA['expand-contract'].fix);
    }
}
/**
 * The highest level of a danger and why, in rising precedence: rollback code or the analysis' own cap, a small
 * table, a released copy, a catch-up, a dead table, strong_migrations' remove_index policy.
 */
async function capOf(run, a, issue, target, f, pr) {
    const { opts } = run;
    const { file, analysis } = a;
    let cap = issue.rollback ? opts.rollback_level : issue.cap?.level;
    let capWhy = issue.rollback ? 'rollback' : issue.cap?.why;
    let capNote = '';
    if (!issue.rollback &&
        dangers/* DANGERS */.zA[issue.id].scalesWithTable &&
        target &&
        (isSmallTable(target, opts.small_tables) ||
            (analysis.framework === 'django' && isSmallTable(djangoTable(file.path, target), opts.small_tables)))) {
        cap = capLevel(cap ?? opts.small_table_level, opts.small_table_level);
        capWhy = 'small table';
        capNote = ` (${target} is listed in small_tables: reported at small_table_level)`;
    }
    const copyOf = issue.rollback ? undefined : run.releasedCopies?.get(file.path);
    if (copyOf) {
        cap = capLevel(cap ?? opts.released_copy_level, opts.released_copy_level);
        capWhy = 'released copy';
        capNote =
            ` (release ${copyOf} already holds this very file: the PR brings a released migration onto this branch, and its ` +
                'statements already ran on every database of that release; reported at released_copy_level)';
    }
    const catchUp = catchUpNote(issue, { ...pr.catchUpFacts, ...analysis, path: file.path, setNotNull: f.setNotNull });
    if (catchUp) {
        cap = capLevel(cap ?? opts.catch_up_level, opts.catch_up_level);
        capWhy = 'catch-up';
        capNote = ` (${catchUp})`;
    }
    if (!issue.rollback && issue.id === 'drop-table' && target) {
        const dead = await deadTable(target, run.appFiles, run.readBase);
        if (dead) {
            cap = 'notice';
            capWhy = 'dead table';
            capNote = ` (${dead})`;
        }
    }
    if (!issue.rollback &&
        issue.id === 'drop-index-non-concurrent' &&
        analysis.framework === 'rails' &&
        issue.detail.startsWith('remove_index ')) {
        const sm = await strongMigrationsRemoveIndex(file.path, run.readConfig);
        if (sm) {
            cap = 'notice';
            capWhy = 'strong_migrations';
            capNote = ` (${sm})`;
        }
    }
    return { cap, capWhy, capNote };
}

;// CONCATENATED MODULE: ./src/rules/migration-safety/squash.ts
/** `revision = "abc"` (typed or not) at the top level of an Alembic migration. */
const REVISION = /^revision\s*(?::[^=\n]+)?=\s*["']([^"'\n]+)["']/m;
/** `down_revision = None | "abc" | ("abc", "def")`: what it revises (none for a root). */
const DOWN_REVISION = /^down_revision\s*(?::[^=\n]+)?=\s*(None\b|["'][^"'\n]+["']|\([^)]*\))/m;
function revisionOf(path, text) {
    const revision = REVISION.exec(text)?.[1];
    const down = DOWN_REVISION.exec(text)?.[1];
    if (revision === undefined || down === undefined)
        return undefined;
    return { path, revision, down: down === 'None' ? [] : [...down.matchAll(/["']([^"'\n]+)["']/g)].map((m) => m[1]) };
}
const folder = (p) => p.slice(0, p.lastIndexOf('/') + 1);
/**
 * The PR's Alembic squash, if it has one: a migration it adds with no down_revision whose revision is the head
 * of migrations it deletes from the same folder, every ancestor of which it deletes too. undefined otherwise, or
 * when a file cannot be read or its revision is not written literally.
 */
async function alembicSquash(migrations, readHead, readBase) {
    const alembic = migrations.filter((m) => m.mig.layout === 'alembic');
    const added = alembic.filter((m) => m.file.status === 'added');
    const removed = alembic.filter((m) => m.file.status === 'removed');
    if (added.length === 0 || removed.length === 0)
        return undefined;
    const gone = new Map();
    for (const m of removed) {
        const text = await readBase(m.file.path);
        const r = text === undefined ? undefined : revisionOf(m.file.path, text);
        if (r)
            gone.set(r.revision, r);
    }
    for (const m of added) {
        const text = await readHead(m.file.path);
        const root = text === undefined ? undefined : revisionOf(m.file.path, text);
        if (!root || root.down.length > 0 || !gone.has(root.revision))
            continue;
        // the head of the deleted chain: no deleted migration revises it
        if ([...gone.values()].some((g) => g.down.includes(root.revision)))
            continue;
        const replaced = new Set();
        const todo = [root.revision];
        let whole = true;
        while (todo.length > 0) {
            const rev = todo.pop();
            const g = gone.get(rev);
            if (!g || folder(g.path) !== folder(root.path)) {
                whole = false;
                break;
            }
            if (replaced.has(g.path))
                continue;
            replaced.add(g.path);
            todo.push(...g.down);
        }
        if (whole)
            return { root: root.path, revision: root.revision, replaced };
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/json.ts
var src_json = __webpack_require__(8301);
;// CONCATENATED MODULE: ./src/rules/migration-safety/edits.ts
/**
 * Whether an edit of a merged migration changes what it does: the statements are compared as parse trees,
 * without comments, whitespace or positions (libpg-query for PostgreSQL/CockroachDB SQL, tree-sitter for
 * Ruby and Python), not as bytes. `# frozen_string_literal: true` or a reworded comment is no edit.
 */



/**
 * Session timeouts a migration sets for itself: changing their value changes how long it waits, never the
 * schema it leaves, so an edit that only bumps one (a migration that could not get its lock) is no edit.
 */
const TIMEOUTS = new Set(['lock_timeout', 'statement_timeout', 'idle_in_transaction_session_timeout']);
const SET_TIMEOUT = /^\s*SET\s+(?:LOCAL\s+|SESSION\s+)?(lock_timeout|statement_timeout|idle_in_transaction_session_timeout)\b[^;]*;?\s*$/i;
const treeReplacer = (k, v) => {
    if (k === 'location' || k === 'stmt_location' || k === 'stmt_len')
        return undefined;
    if (k === 'VariableSetStmt' && (0,src_json/* isObject */.Gv)(v) && typeof v.name === 'string' && TIMEOUTS.has(v.name))
        return { name: v.name, is_local: v.is_local };
    return v;
};
/** libpg-query's tree without positions (nor the values of timeouts); undefined when it does not parse. */
function pgTree(pg, sql) {
    try {
        return JSON.stringify(pg.parseSync(sql).stmts ?? [], treeReplacer);
    }
    catch {
        return undefined;
    }
}
/** One tree (as text, without positions) per statement; undefined when the SQL does not parse. */
function statementTrees(pg, sql) {
    try {
        return (pg.parseSync(sql).stmts ?? []).map((s) => JSON.stringify(s.stmt ?? {}, treeReplacer));
    }
    catch {
        return undefined;
    }
}
/**
 * A statement that leaves the same schema whether or not it already ran: `ADD COLUMN IF NOT EXISTS`,
 * `CREATE TABLE/INDEX \u2026 IF NOT EXISTS`, `DROP \u2026 IF EXISTS`, `CREATE OR REPLACE`.
 */
function isIdempotent(tree) {
    let v;
    try {
        v = JSON.parse(tree);
    }
    catch {
        return false;
    }
    if (!(0,src_json/* isObject */.Gv)(v))
        return false;
    const [kind, node] = Object.entries(v)[0] ?? [];
    if (!(0,src_json/* isObject */.Gv)(node))
        return false;
    switch (kind) {
        case 'CreateStmt':
        case 'IndexStmt':
        case 'CreateSeqStmt':
        case 'CreateSchemaStmt':
        case 'CreateExtensionStmt':
            return node.if_not_exists === true;
        case 'DropStmt':
            return node.missing_ok === true;
        case 'CreateFunctionStmt':
        case 'ViewStmt':
        case 'CreateTrigStmt':
            return node.replace === true;
        case 'AlterTableStmt': {
            const cmds = Array.isArray(node.cmds) ? node.cmds : [];
            return (cmds.length > 0 &&
                cmds.every((c) => {
                    const cmd = (0,src_json/* isObject */.Gv)(c) && (0,src_json/* isObject */.Gv)(c.AlterTableCmd) ? c.AlterTableCmd : undefined;
                    return cmd !== undefined && (cmd.subtype === 'AT_AddColumn' || cmd.subtype === 'AT_DropColumn') && cmd.missing_ok === true;
                }));
        }
        default:
            return false;
    }
}
/**
 * Statements an edit removed from a merged SQL migration, when it only removed (nothing added or changed):
 * undefined when it did more, or when either side does not parse.
 */
function removedStatements(pg, base, head) {
    const a = statementTrees(pg, base);
    const b = statementTrees(pg, head);
    if (!a || !b)
        return undefined;
    // the head must be the base with some statements taken out, the rest in the same order
    const removed = [];
    let j = 0;
    for (const t of a) {
        if (j < b.length && b[j] === t)
            j++;
        else
            removed.push(t);
    }
    return j === b.length ? removed : undefined;
}
/** SQL of any dialect without comments and with whitespace collapsed (strings kept as written). */
function normaliseSqlText(sql) {
    let out = '';
    let i = 0;
    while (i < sql.length) {
        const ch = sql[i];
        if (ch === "'" || ch === '"' || ch === '`') {
            const j = sql.indexOf(ch, i + 1);
            const end = j < 0 ? sql.length : j + 1;
            out += sql.slice(i, end);
            i = end;
        }
        else if (ch === '-' && sql[i + 1] === '-') {
            while (i < sql.length && sql[i] !== '\n')
                i++;
            out += ' ';
        }
        else if (ch === '#' && (i === 0 || sql[i - 1] === '\n')) {
            while (i < sql.length && sql[i] !== '\n')
                i++;
            out += ' ';
        }
        else if (ch === '/' && sql[i + 1] === '*') {
            const j = sql.indexOf('*/', i + 2);
            i = j < 0 ? sql.length : j + 2;
            out += ' ';
        }
        else {
            out += ch;
            i++;
        }
    }
    return out
        .replace(/\s+/g, ' ')
        .replace(/\s*([(),;=])\s*/g, '$1')
        .trim();
}
/**
 * Fields of libpg-query's tree that decide how a statement runs, never the schema it leaves where it ran:
 * `CONCURRENTLY` (IndexStmt, DropStmt), `IF NOT EXISTS` and `IF EXISTS`.
 */
const HOW_FIELDS = new Set(['concurrent', 'if_not_exists', 'missing_ok']);
const howReplacer = (k, v) => (HOW_FIELDS.has(k) ? undefined : treeReplacer(k, v));
/**
 * The statements without what only decides how they run: the fields above, transaction control (`BEGIN`,
 * `COMMIT`: a file taken out of its transaction to build an index concurrently) and session timeouts; with how
 * many transaction statements it had and whether it builds or drops something concurrently.
 */
function pgSchemaTree(pg, sql) {
    try {
        const all = pg.parseSync(sql).stmts ?? [];
        const isTransaction = (st) => (0,src_json/* isObject */.Gv)(st) && 'TransactionStmt' in st;
        const stmts = all.filter((s) => {
            const st = s.stmt;
            if (isTransaction(st))
                return false;
            const set = (0,src_json/* isObject */.Gv)(st) ? st['VariableSetStmt'] : undefined;
            return !((0,src_json/* isObject */.Gv)(set) && typeof set.name === 'string' && TIMEOUTS.has(set.name));
        });
        return {
            tree: JSON.stringify(stmts, howReplacer),
            transactions: all.filter((s) => isTransaction(s.stmt)).length,
            concurrent: JSON.stringify(all).includes('"concurrent":true'),
        };
    }
    catch {
        return undefined;
    }
}
/**
 * Two PostgreSQL texts that differ only in how their statements run (see pgSchemaTree): every database ends
 * with the same schema whichever one it ran. False when either does not parse, and when the head leaves the
 * transaction with nothing concurrent to run: that only loses atomicity.
 */
function sameSqlSchema(pg, base, head) {
    const a = pgSchemaTree(pg, base);
    const b = pgSchemaTree(pg, head);
    if (!a || !b || a.tree !== b.tree)
        return false;
    return !(b.transactions < a.transactions && !b.concurrent);
}
function sameSql(pg, base, head) {
    if (pg) {
        const a = pgTree(pg, base);
        const b = pgTree(pg, head);
        if (a !== undefined && b !== undefined)
            return a === b;
    }
    return normaliseSqlText(base) === normaliseSqlText(head);
}
/**
 * A leaf's text for comparison: the layout of a Ruby heredoc (`<<-SQL` vs `<<~SQL`, its indentation and
 * line breaks: rubocop's Layout/HeredocIndentation) and the value of a timeout a string sets
 * (`"SET LOCAL lock_timeout = '5s'"`) are not compared.
 */
function leafText(n) {
    // the delimiter's name (END_SQL, SQL) is only where the text ends; its quotes (no interpolation, a shell command) stay
    if (n.type === 'heredoc_beginning')
        return n.text.replace(/^<<[-~]?(['"`]?)\w+\1$/, '<<$1$1');
    if (n.type === 'heredoc_end')
        return '';
    if (n.type === 'heredoc_content')
        return n.text.replace(/\s+/g, ' ').trim();
    if (n.type === 'string_content') {
        const m = SET_TIMEOUT.exec(n.text);
        if (m)
            return `SET ${m[1].toLowerCase()}`;
    }
    return n.text;
}
/** The body of a Ruby heredoc, found from its `<<-SQL` (bodies follow their line, in the order the heredocs open). */
function heredocBody(beginning) {
    for (let a = beginning.parent; a; a = a.parent) {
        const bodies = a.descendantsOfType('heredoc_body');
        if (!bodies.length)
            continue;
        const i = a.descendantsOfType('heredoc_beginning').findIndex((b) => b.id === beginning.id);
        return i >= 0 ? (bodies[i] ?? undefined) : undefined;
    }
    return undefined;
}
/**
 * Ruby `<<-SQL.squish` (rubocop's Rails/SquishedSQLHeredocs): squish only joins the lines and spaces of the SQL,
 * which the comparison ignores already, unless a `--` comment would then swallow the rest of the statement.
 * Returns the heredoc without the squish, else undefined.
 */
function squishedHeredoc(n) {
    if (n.type !== 'call' || n.childForFieldName('method')?.text !== 'squish')
        return undefined;
    const receiver = n.childForFieldName('receiver');
    if (receiver?.type !== 'heredoc_beginning')
        return undefined;
    const body = heredocBody(receiver);
    return body && !body.text.includes('--') ? receiver : undefined;
}
/** A node that compares as its one inner node: parentheses around one expression, a squished heredoc. */
const unwrap = (n) => redundantParens(n) ?? squishedHeredoc(n);
/** Python `(expr)`: the parentheses around one expression change nothing (ruff/black remove them); `(x,)` is a tuple, not this. */
function redundantParens(n) {
    if (n.type !== 'parenthesized_expression')
        return undefined;
    const inner = namedChildrenOf(n).filter((c) => c !== null && c.type !== 'comment');
    return inner.length === 1 ? inner[0] : undefined;
}
/**
 * A comma between arguments (or a Ruby hash's pairs): the tree already separates them, so it says nothing. Leaving it out makes a
 * skipped argument leave no trace (`f(a=1, b=2)` without `b` reads as `f(a=1)`) and a trailing comma (black's
 * magic comma) no edit.
 */
const isArgumentComma = (n) => n.type === ',' && (n.parent?.type === 'argument_list' || n.parent?.type === 'hash' || n.parent?.type === 'dictionary');
/**
 * The literal strings a Ruby string expression joins, in order, when it is only literals: `"a" + "b"`, `"a" "b"`
 * and `"a" \` + newline + `"b"` (rubocop's Style/LineEndConcatenation) make the same string. Undefined otherwise.
 */
function rubyStringParts(n) {
    if (n.type === 'string')
        return [n];
    if (n.type === 'chained_string') {
        const parts = namedChildrenOf(n).filter((c) => c !== null && c.type !== 'comment');
        return parts.every((c) => c.type === 'string') ? parts : undefined;
    }
    if (n.type === 'binary' && n.childForFieldName('operator')?.text === '+') {
        const left = n.childForFieldName('left');
        const right = n.childForFieldName('right');
        const l = left ? rubyStringParts(left) : undefined;
        const r = right ? rubyStringParts(right) : undefined;
        return l && r ? [...l, ...r] : undefined;
    }
    return undefined;
}
/** Literals whose `.freeze` only stops later mutation. */
const FREEZABLE_LITERALS = new Set(['array', 'hash', 'string', 'chained_string', 'string_array', 'symbol_array']);
/**
 * `PERMISSIONS = [...].freeze` (rubocop's Style/MutableConstant): the literal a constant holds, frozen, reads the
 * same; only code that mutates it would tell, and it would then fail loudly. Returns the literal, else undefined.
 */
function frozenConstant(n) {
    if (n.type !== 'call' || n.childForFieldName('method')?.text !== 'freeze')
        return undefined;
    if (n.childForFieldName('arguments') || n.childForFieldName('block'))
        return undefined;
    const receiver = n.childForFieldName('receiver');
    const p = n.parent;
    const toConstant = p?.type === 'assignment' && p.childForFieldName('right')?.id === n.id && p.childForFieldName('left')?.type === 'constant';
    return receiver && toConstant && FREEZABLE_LITERALS.has(receiver.type) ? receiver : undefined;
}
/** Ruby's comparisons with 0 and the predicates rubocop's Style/NumericPredicate writes for them. */
const COMPARED_WITH_ZERO = { '==': 'zero?', '>': 'positive?', '<': 'negative?', '!=': 'nonzero?' };
const NUMERIC_PREDICATES = new Set(Object.values(COMPARED_WITH_ZERO));
/** The node is read only for its truth: a condition, or an operand of `!`, `not`, `&&`, `||`, `and`, `or`. */
function inBooleanContext(n) {
    const p = n.parent;
    if (!p)
        return false;
    if (['if', 'unless', 'while', 'until', 'if_modifier', 'unless_modifier', 'while_modifier', 'until_modifier', 'conditional'].includes(p.type))
        return p.childForFieldName('condition')?.id === n.id;
    if (p.type === 'unary')
        return ['!', 'not'].includes(p.childForFieldName('operator')?.text ?? '');
    if (p.type === 'binary')
        return ['&&', '||', 'and', 'or'].includes(p.childForFieldName('operator')?.text ?? '');
    if (p.type === 'assignment' && p.childForFieldName('right')?.id === n.id)
        return onlyTested(p.childForFieldName('left'));
    return p.type === 'parenthesized_statements' && inBooleanContext(p);
}
/** `flag = \u2026`: every other use of the local variable in its method is a test of its truth (`if flag`, `\u2026 if flag`). */
function onlyTested(variable) {
    if (variable?.type !== 'identifier')
        return false;
    let scope = variable.parent;
    while (scope && !['method', 'singleton_method', 'block', 'do_block', 'program'].includes(scope.type))
        scope = scope.parent;
    if (!scope)
        return false;
    const uses = scope.descendantsOfType('identifier').filter((x) => x.text === variable.text && x.id !== variable.id);
    return uses.length > 0 && uses.every((x) => x.parent?.type !== 'assignment' && inBooleanContext(x));
}
/**
 * `x == 0` and `x.zero?` (also `> 0` / `positive?`, `< 0` / `negative?`) are the same truth for a number, and
 * `x != 0` / `x.nonzero?` the same where only truth is read (`nonzero?` returns x or nil): rubocop's
 * Style/NumericPredicate rewrites one into the other (OSM de29e9b3). Returns the predicate and what it tests.
 */
function numericPredicate(n) {
    if (n.type === 'binary') {
        const name = COMPARED_WITH_ZERO[n.childForFieldName('operator')?.text ?? ''];
        const left = n.childForFieldName('left');
        if (!name || !left || n.childForFieldName('right')?.text !== '0')
            return undefined;
        return name !== 'nonzero?' || inBooleanContext(n) ? { name, of: left } : undefined;
    }
    if (n.type !== 'call' || n.childForFieldName('arguments') || n.childForFieldName('block'))
        return undefined;
    const name = n.childForFieldName('method')?.text ?? '';
    const receiver = n.childForFieldName('receiver');
    if (!NUMERIC_PREDICATES.has(name) || !receiver)
        return undefined;
    return name !== 'nonzero?' || inBooleanContext(n) ? { name, of: receiver } : undefined;
}
/** A syntax tree as text: node types and leaf texts, comments left out; `skip` drops whole subtrees. */
function treeText(n, skip) {
    if (n.type === 'comment' || isArgumentComma(n) || skip?.(n))
        return '';
    const unwrapped = unwrap(n);
    if (unwrapped)
        return treeText(unwrapped, skip);
    if (n.type === 'binary' || n.type === 'chained_string') {
        const parts = rubyStringParts(n);
        if (parts && parts.length > 1)
            return `(strings ${parts.map((p) => treeText(p, skip)).join(' ')})`;
    }
    const frozen = frozenConstant(n);
    if (frozen)
        return treeText(frozen, skip);
    const predicate = numericPredicate(n);
    if (predicate)
        return `(predicate ${predicate.name} ${treeText(predicate.of, skip)})`;
    // a call's arguments that all compare as nothing (`t.timestamps :null => true` at 4.2) are no arguments
    if (n.type === 'argument_list' && namedChildrenOf(n).every((c) => !c || treeText(c, skip) === ''))
        return '';
    // %w(a b) and %w[a b] (rubocop's Style/PercentLiteralDelimiters): the delimiters are syntax, the kind (%w, %W, %i, %I) is not
    if (n.type === 'string_array' || n.type === 'symbol_array') {
        const kind = (n.child(0)?.text ?? '').slice(0, 2);
        const items = namedChildrenOf(n).filter((c) => c !== null);
        return `(${n.type} ${kind} ${items.map((c) => treeText(c, skip)).join(' ')})`;
    }
    if (n.childCount === 0 || n.type === 'heredoc_content' || n.type === 'string_content')
        return leafText(n);
    let s = `(${n.type}`;
    for (const c of childrenOf(n)) {
        const t = c ? treeText(c, skip) : '';
        if (t)
            s += ' ' + t;
    }
    return s + ')';
}
/** Rollback code in a Rails or Alembic migration: def down (def self.down before Rails 3.1), dir.down blocks, def downgrade. */
function isRollbackNode(n) {
    if (n.type === 'method' || n.type === 'singleton_method' || n.type === 'function_definition') {
        const name = n.childForFieldName('name')?.text;
        return name === 'down' || name === 'downgrade';
    }
    if (n.type === 'call' &&
        n.childForFieldName('receiver') &&
        n.childForFieldName('method')?.text === 'down' &&
        n.childForFieldName('block'))
        return true;
    return false;
}
/**
 * Calls that change the schema, or may (SQL strings): Rails' schema statements and helpers named like them
 * (`add_*`, `remove_*`, `create_*`, `change_*`, `rename_*`, `alter_*`, `drop_*`, `execute`, \u2026), a migration
 * run from another (`up`, `change`, `revert`); Python's `op.*`, `schema_editor.*`, `migrations.*` except
 * `RunPython`, and any `execute`/`RunSQL`. Deliberately broad: a call it names is never treated as data code.
 */
const RUBY_SCHEMA = /^(?:(?:add|remove|drop|create|change|rename|alter|enable|disable|validate|exec|execute|load|set|reset|truncate|update_column_default)(?:_\w*)?[!?]?|up|down|change|migrate|revert|reversible|up_only|safety_assured|disable_ddl_transaction!|transaction|with_lock_timeout)$/;
const PY_SCHEMA_NAMES = new Set(['execute', 'executemany', 'executescript', 'RunSQL', 'SeparateDatabaseAndState', 'callproc', 'raw']);
const PY_SCHEMA_RECEIVERS = new Set(['op', 'schema_editor', 'migrations', 'connection']);
/**
 * ActiveRecord model class methods whose names read like schema statements: `UserRole.create(...)`,
 * `User.reset_counters(...)`, `Language.load(...)` write rows. Called on a constant (a model), they are row code;
 * any other name (`Helpers.add_index_concurrently`) and any other receiver (`connection.execute`) stay schema.
 */
const RUBY_MODEL_ROWS = /^(?:create!?|load|reset_counters|reset_column_information|update_counters)$/;
/**
 * Row writes whatever the receiver (`diary_entry.subscriptions.create(user: u)`, an association or a scope): no
 * Rails schema statement has these names, only a receiver-less call could be one of the project's helpers.
 */
const RUBY_ROWS_ANY_RECEIVER = /^(?:create!?|update_counters|reset_counters|find_or_create_by!?|first_or_create!?)$/;
function isSchemaCall(n, lang) {
    if (lang === 'ruby') {
        if (n.type === 'call') {
            const m = n.childForFieldName('method')?.text;
            const receiver = n.childForFieldName('receiver')?.type;
            if (m && (receiver === 'constant' || receiver === 'scope_resolution') && RUBY_MODEL_ROWS.test(m))
                return false;
            if (m && receiver !== undefined && RUBY_ROWS_ANY_RECEIVER.test(m))
                return false;
            return m !== undefined && RUBY_SCHEMA.test(m);
        }
        // a bare call without arguments or receiver (`disable_ddl_transaction!`) is an identifier statement
        return n.type === 'identifier' && n.parent !== null && RUBY_CONTAINERS.has(n.parent.type) && RUBY_SCHEMA.test(n.text);
    }
    if (n.type !== 'call')
        return false;
    const fn = n.childForFieldName('function');
    if (!fn)
        return false;
    if (fn.type === 'identifier')
        return PY_SCHEMA_NAMES.has(fn.text);
    if (fn.type !== 'attribute')
        return false;
    const name = fn.childForFieldName('attribute')?.text ?? '';
    const receiver = fn.childForFieldName('object')?.text ?? '';
    if (PY_SCHEMA_NAMES.has(name))
        return true;
    return PY_SCHEMA_RECEIVERS.has(receiver) && name !== 'RunPython';
}
const RUBY_CONTAINERS = new Set([
    'program',
    'body_statement',
    'block_body',
    'then',
    'else',
    'ensure',
    'begin',
    'do',
    'parenthesized_statements',
]);
const PY_CONTAINERS = new Set(['module', 'block']);
const NAME_LEAVES = new Set(['identifier', 'constant', 'instance_variable', 'class_variable', 'global_variable']);
function containsSchema(n, lang) {
    if (isSchemaCall(n, lang))
        return true;
    for (const c of namedChildrenOf(n))
        if (c && containsSchema(c, lang))
            return true;
    return false;
}
/** The names a statement defines: assignment targets, method/function and class names. */
function definedNames(n) {
    const out = [];
    const target = n.type === 'expression_statement' ? namedChildrenOf(n).at(0) : n;
    if (!target)
        return out;
    if (target.type === 'assignment' || target.type === 'operator_assignment' || target.type === 'augmented_assignment') {
        const left = target.childForFieldName('left');
        if (left)
            collectNames(left, out);
    }
    else if (['method', 'singleton_method', 'function_definition', 'class', 'class_definition', 'module', 'decorated_definition'].includes(target.type)) {
        const def = target.type === 'decorated_definition' ? target.childForFieldName('definition') : target;
        const name = def?.childForFieldName('name')?.text;
        if (name)
            out.push(name);
    }
    return out;
}
function collectNames(n, out) {
    if (NAME_LEAVES.has(n.type))
        out.push(n.text);
    for (const c of namedChildrenOf(n))
        if (c)
            collectNames(c, out);
}
/** A Python call that runs data code: the callables passed to RunPython are not schema references. */
const isRunPython = (n) => n.type === 'call' && /(?:^|\.)RunPython$/.test(n.childForFieldName('function')?.text ?? '');
/**
 * The migration's schema part as text: statements with no schema call, that define nothing the schema part
 * uses, are left out (data loops, row updates, model stubs, monkeypatches, RunPython functions). Names are
 * followed to a fixed point: a list that a loop of `add_index` calls walks over is schema, the function a
 * RunPython runs is not. Django's `class Migration` and Alembic's `upgrade`/`downgrade` are kept whole.
 */
function schemaText(root, lang, skip) {
    const containers = lang === 'ruby' ? RUBY_CONTAINERS : PY_CONTAINERS;
    const kept = new Set();
    for (let round = 0; round < 20; round++) {
        const refs = new Set();
        const stripped = [];
        const full = (n) => {
            if (n.type === 'comment' || skip(n))
                return '';
            if (lang === 'python' && isRunPython(n)) {
                // the callables it is given are data code; what it is given is still compared
                return treeText(n, skip);
            }
            if (NAME_LEAVES.has(n.type))
                refs.add(n.text);
            const unwrapped = unwrap(n);
            if (unwrapped)
                return full(unwrapped);
            if (n.childCount === 0 || n.type === 'heredoc_content' || n.type === 'string_content')
                return leafText(n);
            let s = `(${n.type}`;
            for (const c of childrenOf(n)) {
                const t = c ? full(c) : '';
                if (t)
                    s += ' ' + t;
            }
            return s + ')';
        };
        const keepWhole = (n) => {
            if (lang !== 'python')
                return false;
            const name = n.childForFieldName('name')?.text;
            return ((n.type === 'class_definition' && name === 'Migration') ||
                (n.type === 'function_definition' && (name === 'upgrade' || name === 'downgrade')));
        };
        const walk = (n) => {
            if (n.type === 'comment' || skip(n))
                return '';
            // a heredoc's body belongs to the call that opened it; a definition the schema part uses is kept whole
            if (isSchemaCall(n, lang) || keepWhole(n) || kept.has(n.id) || n.type === 'heredoc_body')
                return full(n);
            if (n.parent && containers.has(n.parent.type) && n.isNamed && !containsSchema(n, lang)) {
                stripped.push(n);
                return '';
            }
            if (NAME_LEAVES.has(n.type))
                refs.add(n.text);
            if (n.childCount === 0 || n.type === 'heredoc_content' || n.type === 'string_content')
                return leafText(n);
            let s = `(${n.type}`;
            for (const c of childrenOf(n)) {
                const t = c ? walk(c) : '';
                if (t)
                    s += ' ' + t;
            }
            return s + ')';
        };
        const text = walk(root);
        let grew = false;
        for (const n of stripped) {
            if (definedNames(n).some((name) => refs.has(name))) {
                kept.add(n.id);
                grew = true;
            }
        }
        if (!grew)
            return text;
    }
    return treeText(root, skip);
}
/**
 * A migration of the framework, not a helper module: Rails' `< ActiveRecord::Migration`, Django's `class Migration`,
 * Alembic's `upgrade`.
 */
function isFrameworkMigration(root, lang) {
    for (const c of namedChildrenOf(root)) {
        if (!c)
            continue;
        if (lang === 'ruby' && c.type === 'class' && /Migration/.test(c.childForFieldName('superclass')?.text ?? ''))
            return true;
        if (lang === 'python') {
            const name = c.childForFieldName('name')?.text;
            if (c.type === 'class_definition' && name === 'Migration')
                return true;
            if (c.type === 'function_definition' && name === 'upgrade')
                return true;
        }
    }
    return false;
}
/** Python imports: reordering or regrouping them (isort) changes no statement the migration runs. */
const isImport = (n) => n.type === 'import_statement' || n.type === 'import_from_statement' || n.type === 'future_import_statement';
/**
 * Keyword arguments of a Django model field that live only in Python: Django never writes them into the
 * database (its schema editor ignores them), so changing one alters no column. `default` (but in CreateModel,
 * see inCreateModelFields), `null`, `max_length`, `db_*`, `unique`, `on_delete` and the rest may change the
 * database and are compared.
 */
const DJANGO_STATE_KWARGS = new Set([
    'validators',
    'help_text',
    'verbose_name',
    'verbose_name_plural',
    'choices',
    'blank',
    'editable',
    'error_messages',
    'related_name',
    'related_query_name',
    'limit_choices_to',
    // FileField / ImageField: where files go and which fields hold an image's size
    'upload_to',
    'storage',
    'height_field',
    'width_field',
]);
/** A model field's constructor: `models.CharField(\u2026)`, `ForeignKey(\u2026)`, a project's `fields.IPNetworkField(\u2026)`. */
const FIELD_CALL = /(?:^|\.)(?:\w*Field|ForeignKey)$/;
/**
 * Options of a Django model that live only in Python (`CreateModel(options={\u2026})`, `AlterModelOptions`): ordering,
 * names, permissions, managers. Django writes no SQL for them (`AlterModelOptions.database_forwards` is empty).
 * `db_table`, `unique_together`, `indexes`, `constraints`, `managed`, `proxy`, `order_with_respect_to` are compared.
 */
const DJANGO_STATE_MODEL_OPTIONS = new Set([
    'ordering',
    'verbose_name',
    'verbose_name_plural',
    'permissions',
    'default_permissions',
    'get_latest_by',
    'default_related_name',
    'base_manager_name',
    'default_manager_name',
]);
function isStateModelOption(n) {
    if (n.type !== 'pair' || n.parent?.type !== 'dictionary')
        return false;
    const key = /^(['"])(\w+)\1$/.exec(n.childForFieldName('key')?.text ?? '')?.[2];
    const kw = n.parent.parent;
    return (key !== undefined &&
        DJANGO_STATE_MODEL_OPTIONS.has(key) &&
        kw?.type === 'keyword_argument' &&
        kw.childForFieldName('name')?.text === 'options');
}
/**
 * A field of `CreateModel(fields=[('name', models.XField(\u2026)), \u2026])`: Django creates the table without the fields'
 * `default` (its schema editor adds a default only to fill the rows of an existing table, in AddField and
 * AlterField), so there `default` lives only in Python (netbox b72793a8). `db_default` is compared.
 */
function inCreateModelFields(fieldCall) {
    const list = fieldCall.parent?.type === 'tuple' ? fieldCall.parent.parent : undefined;
    const kw = list?.type === 'list' ? list.parent : undefined;
    const op = kw?.type === 'keyword_argument' && kw.childForFieldName('name')?.text === 'fields' ? kw.parent?.parent : undefined;
    return op?.type === 'call' && /(?:^|\.)CreateModel$/.test(op.childForFieldName('function')?.text ?? '');
}
function isStateKwarg(n) {
    if (isStateModelOption(n))
        return true;
    const name = n.type === 'keyword_argument' ? (n.childForFieldName('name')?.text ?? '') : '';
    if (!DJANGO_STATE_KWARGS.has(name) && name !== 'default')
        return false;
    const call = n.parent?.parent;
    if (call?.type !== 'call' || !FIELD_CALL.test(call.childForFieldName('function')?.text ?? ''))
        return false;
    return name !== 'default' || inCreateModelFields(call);
}
/** `dependencies = [...]` in Django's `class Migration`. */
function isDependencies(n) {
    if (n.type !== 'expression_statement')
        return false;
    const a = namedChildrenOf(n).at(0);
    return a?.type === 'assignment' && a.childForFieldName('left')?.text === 'dependencies' && n.parent?.parent?.type === 'class_definition';
}
/**
 * The entries of the Django migration's `dependencies` list, as syntax trees, each with its target
 * (`('app', '0001_name')` \u2192 [app, name]; undefined for any other form); undefined when there is none.
 */
function dependencyEntries(root) {
    for (const c of namedChildrenOf(root)) {
        if (c?.type !== 'class_definition' || c.childForFieldName('name')?.text !== 'Migration')
            continue;
        for (const st of namedChildrenOf(c.childForFieldName('body') ?? c)) {
            if (!st || !isDependencies(st))
                continue;
            const list = namedChildrenOf(st).at(0)?.childForFieldName('right');
            if (list?.type !== 'list')
                return undefined;
            const out = new Map();
            for (const e of namedChildrenOf(list)) {
                if (!e || e.type === 'comment')
                    continue;
                const parts = namedChildrenOf(e).filter((x) => x?.type !== 'comment');
                const app = pyString(parts[0]);
                const name = pyString(parts[1]);
                out.set(treeText(e), e.type === 'tuple' && parts.length === 2 && app && name ? [app, name] : undefined);
            }
            return out;
        }
    }
    return undefined;
}
/**
 * A Django migration (`class Migration`) whose edit leaves the database the same: see EditKind.stateOnly.
 * `added`: dependencies the edit adds (otherwise state only), for the caller to weigh; `unknown` when one is
 * not an `('app', 'name')` pair.
 */
function djangoStateOnly(a, b) {
    const isMigration = (r) => namedChildrenOf(r).some((c) => c?.type === 'class_definition' && c.childForFieldName('name')?.text === 'Migration');
    if (!isMigration(a) || !isMigration(b))
        return undefined;
    const skip = (n) => isImport(n) || isStateKwarg(n) || isDependencies(n);
    if (treeText(a, skip) !== treeText(b, skip))
        return undefined;
    // dropping a dependency cannot leave an applied migration with an unapplied one; adding one can
    // (Django's InconsistentMigrationHistory on every database that applied this migration first)
    const before = dependencyEntries(a);
    const after = dependencyEntries(b);
    if (!before || !after)
        return before === after ? { added: [] } : undefined;
    const added = [...after].filter(([d]) => !before.has(d)).map(([, target]) => target);
    const known = added.filter((t) => t !== undefined);
    return { added: known.length === added.length ? known : 'unknown' };
}
/** Rails options of a schema call that decide how it runs: `algorithm: :concurrently`, `if_not_exists: true`, `if_exists: true`. */
const RUBY_HOW_KEYS = new Set(['algorithm', 'if_not_exists', 'if_exists']);
/** Alembic's keyword arguments that decide how an operation runs: `postgresql_concurrently=True`, `if_[not_]exists=True`. */
const PY_HOW_KWARGS = new Set(['postgresql_concurrently', 'if_not_exists', 'if_exists']);
/**
 * A piece of a migration that decides how its statements run, never the schema they leave: the options
 * above, Rails' `disable_ddl_transaction!` and Django's `atomic = False` (the migration runs outside a
 * transaction, as a concurrent index build must).
 */
function isHowNode(n, lang) {
    if (lang === 'ruby') {
        if (n.type === 'pair') {
            const key = (n.childForFieldName('key')?.text ?? '').replace(/^:|^["']|["']$/g, '');
            return RUBY_HOW_KEYS.has(key);
        }
        const bare = n.type === 'identifier' && n.parent !== null && RUBY_CONTAINERS.has(n.parent.type);
        const call = n.type === 'call' && !n.childForFieldName('receiver') && n.childForFieldName('method')?.text === 'disable_ddl_transaction!';
        return (bare && n.text === 'disable_ddl_transaction!') || call;
    }
    if (n.type === 'keyword_argument')
        return PY_HOW_KWARGS.has(n.childForFieldName('name')?.text ?? '');
    if (n.type !== 'expression_statement' || n.parent?.parent?.type !== 'class_definition')
        return false;
    const a = namedChildrenOf(n).at(0);
    return a?.type === 'assignment' && a.childForFieldName('left')?.text === 'atomic';
}
/**
 * The name of a Rails migration's class: Rails records a migration by the version in its file name
 * (schema_migrations), never by its class, so renaming the class (the inflection Zeitwerk expects, OSM 5677877e)
 * changes nothing a database knows.
 */
function isMigrationClassName(n) {
    const cls = n.parent;
    return (cls?.type === 'class' &&
        cls.childForFieldName('name')?.id === n.id &&
        /Migration/.test(cls.childForFieldName('superclass')?.text ?? '') &&
        cls.parent?.type === 'program');
}
/** Rails' reference helpers: their column is `bigint` by default since migrations version 5.1. */
const RAILS_REFERENCES = /^(?:references|belongs_to|add_reference|add_belongs_to)$/;
/** The version of the migration class a node sits in (`ActiveRecord::Migration[6.0]` \u2192 6.0); undefined without one. */
function railsMigrationVersion(n) {
    for (let p = n.parent; p; p = p.parent) {
        if (p.type !== 'class')
            continue;
        const m = /Migration\[(\d+\.\d+)\]/.exec(p.childForFieldName('superclass')?.text ?? '');
        if (m)
            return Number(m[1]);
    }
    return undefined;
}
/**
 * A Rails option written at the value Rails uses without it, so writing it or not changes no statement:
 * `type: :bigint` on a reference (`t.references`, `add_reference`, their `belongs_to` aliases) in a migration of
 * version 5.1 or later (OSM ce4fbc63 spells it out in old migrations for Rails 7), and `null: true` on a call that
 * creates a column (not `change_column`, where it drops a NOT NULL).
 */
function isRailsDefault(n, fourTwo) {
    if (n.type !== 'pair')
        return false;
    const key = (n.childForFieldName('key')?.text ?? '').replace(/^:|:$/g, '');
    const value = n.childForFieldName('value')?.text ?? '';
    const call = n.parent?.type === 'argument_list' ? n.parent.parent : n.parent?.parent?.type === 'argument_list' ? n.parent.parent.parent : null;
    const method = call?.type === 'call' ? call.childForFieldName('method')?.text : undefined;
    // a column is created nullable unless told otherwise; `change_column \u2026 null: true` drops a NOT NULL
    // timestamps are NOT NULL by default from version 5.0 on (Rails' Compatibility::FourTwoShared): `fourTwo`, both
    // sides of the comparison run as 4.2 or older
    if (key === 'null' && method !== undefined && /^(?:add_)?timestamps$/.test(method))
        return value === 'true' && fourTwo;
    if (key === 'null')
        return value === 'true' && method !== undefined && !method.startsWith('change');
    if (key !== 'type' || value !== ':bigint')
        return false;
    const version = railsMigrationVersion(n);
    return method !== undefined && RAILS_REFERENCES.test(method) && version !== undefined && version >= 5.1;
}
/**
 * The Rails version a migration's superclass names, and the node that names it: `ActiveRecord::Migration[5.0]` \u2192
 * '5.0'. `ActiveRecord::Migration` alone runs as 4.2 (Rails' Compatibility::Legacy shares 4.2's behaviour).
 */
function railsSuperclass(root) {
    for (const c of namedChildrenOf(root)) {
        if (c?.type !== 'class')
            continue;
        const sup = c.childForFieldName('superclass');
        const m = /^<\s*(?:::)?ActiveRecord::Migration(?:\[(\d+\.\d+)\])?$/.exec(sup?.text.trim() ?? '');
        const named = m?.[1];
        if (sup && m)
            return { node: sup, version: named ?? '4.2' };
    }
    return undefined;
}
/**
 * What Rails' compatibility layer runs differently for a 4.2 migration than for a 5.0 one (Compatibility::FourTwoShared):
 * each call, and the option that, written out, makes it the same in both.
 */
const FOUR_TWO_SHARED = {
    references: 'index',
    belongs_to: 'index',
    add_reference: 'index',
    add_belongs_to: 'index',
    timestamps: 'null',
    add_timestamps: 'null',
    'index_exists?': 'name',
    remove_index: 'name',
};
/** The keys of a call's options (`:null => true`, `null: true`). */
function optionKeys(call) {
    const keys = new Set();
    for (const arg of namedChildrenOf(call.childForFieldName('arguments') ?? call)) {
        const pairs = arg?.type === 'pair' ? [arg] : arg?.type === 'hash' ? namedChildrenOf(arg) : [];
        for (const p of pairs)
            if (p?.type === 'pair')
                keys.add((p.childForFieldName('key')?.text ?? '').replace(/^:|:$/g, ''));
    }
    return keys;
}
/** Whether `root` or a named node under it satisfies `test` (the walk stops at the first). */
function anyNode(root, test) {
    if (test(root))
        return true;
    for (const c of namedChildrenOf(root))
        if (c && anyNode(c, test))
            return true;
    return false;
}
/** Whether a migration makes a call that runs differently under 4.2 and 5.0 (a FOUR_TWO_SHARED call without its option). */
function usesFourTwoDifferences(root) {
    return anyNode(root, (n) => {
        const isMethod = n.parent?.type === 'call' && n.parent.childForFieldName('method')?.id === n.id;
        const name = n.type === 'call' ? n.childForFieldName('method')?.text : n.type === 'identifier' && !isMethod ? n.text : undefined;
        const option = name !== undefined ? FOUR_TWO_SHARED[name] : undefined;
        return option !== undefined && !(n.type === 'call' && optionKeys(n).has(option));
    });
}
/**
 * The superclass of a Rails migration whose version changed with no effect: Rails runs an old migration through
 * the compatibility layer of the version it names. `ActiveRecord::Migration` and `[4.2]` run the same; 4.2 and
 * 5.0 differ only in the calls FOUR_TWO_SHARED lists (OSM 38640e02 tags 95 migrations [5.0], b606acba tags them back
 * [4.2]). Any other change of version (5.0 \u2192 5.1 makes primary keys bigint, 6.1 \u2192 7.0 datetime precision, \u2026) counts.
 */
function sameRailsVersion(a, b) {
    const sa = railsSuperclass(a);
    const sb = railsSuperclass(b);
    if (!sa || !sb)
        return [];
    const pair = [sa.version, sb.version].sort().join(' ');
    const same = sa.version === sb.version || (pair === '4.2 5.0' && !usesFourTwoDifferences(a) && !usesFourTwoDifferences(b));
    return same ? [sa.node, sb.node] : [];
}
/** A migration that runs outside a transaction: Rails' `disable_ddl_transaction!`, Django's `atomic = False`. */
function outsideTransaction(root, lang) {
    return anyNode(root, (n) => isHowNode(n, lang) && (lang === 'ruby' ? /disable_ddl_transaction!/.test(n.text) : /^atomic\b/.test(n.text)));
}
/** A concurrent index build or drop, the one reason to take a migration out of its transaction. */
const CONCURRENT_TEXT = /algorithm:\s*:concurrently|:algorithm\s*=>\s*:concurrently|postgresql_concurrently\s*=\s*True|IndexConcurrently\b|\bCONCURRENTLY\b/i;
/**
 * The edit takes the migration out of its transaction but runs nothing that needs it (no concurrent build or
 * drop after it): it only loses atomicity (a failure halfway leaves half the schema change), which is more than
 * a change of how it runs (OSM 64952fef: disable_ddl_transaction! added, the index builds still blocking).
 */
function leavesTransactionForNothing(a, b, lang) {
    return !outsideTransaction(a, lang) && outsideTransaction(b, lang) && !CONCURRENT_TEXT.test(b.text);
}
function compareTrees(parser, base, head, lang) {
    return withTree(parser, base, (a) => withTree(parser, head, (b) => compareParsed(a, b, base, head, lang)));
}
/**
 * The forward code as text: Rails runs `def change` forward exactly as `def up`, so splitting a `change` into
 * `up` and `down` (rubocop's Rails/ReversibleMigration) keeps the forward code when the body is the same.
 */
function forwardText(root, skip, lang) {
    const text = treeText(root, skip);
    return lang === 'ruby' ? text.replace(/\(method def change(?= )/g, '(method def up') : text;
}
function compareParsed(a, b, base, head, lang) {
    const none = { rollbackOnly: false, dataOnly: false, stateOnly: false, howOnly: false };
    if (!a || !b)
        return { ...none, changed: base !== head };
    const sameVersion = lang === 'ruby' ? sameRailsVersion(a.rootNode, b.rootNode) : [];
    const oldRails = (root) => {
        const v = railsSuperclass(root)?.version;
        return v !== undefined && Number(v) <= 4.2;
    };
    const fourTwo = lang === 'ruby' && oldRails(a.rootNode) && oldRails(b.rootNode);
    const same = (n) => isImport(n) ||
        (lang === 'ruby' &&
            (isRailsDefault(n, fourTwo) || isMigrationClassName(n) || sameVersion.some((v) => v.id === n.id && v.tree === n.tree)));
    if (treeText(a.rootNode, same) === treeText(b.rootNode, same))
        return { ...none, changed: false };
    const state = lang === 'python' ? djangoStateOnly(a.rootNode, b.rootNode) : undefined;
    if (state && state.added !== 'unknown' && state.added.length === 0)
        return { ...none, changed: true, stateOnly: true };
    if (state && state.added !== 'unknown')
        return { ...none, changed: true, addedDependencies: state.added };
    const fwd = (n) => isImport(n) || isRollbackNode(n);
    const rollbackOnly = forwardText(a.rootNode, fwd, lang) === forwardText(b.rootNode, fwd, lang);
    if (rollbackOnly)
        return { ...none, changed: true, rollbackOnly };
    const how = (n) => isImport(n) || isHowNode(n, lang);
    if (treeText(a.rootNode, how) === treeText(b.rootNode, how) && !leavesTransactionForNothing(a.rootNode, b.rootNode, lang))
        return { ...none, changed: true, howOnly: true };
    const dataOnly = isFrameworkMigration(a.rootNode, lang) &&
        isFrameworkMigration(b.rootNode, lang) &&
        schemaText(a.rootNode, lang, isImport) === schemaText(b.rootNode, lang, isImport);
    return { ...none, changed: true, dataOnly };
}

;// CONCATENATED MODULE: ./src/rules/migration-safety/edited.ts
/**
 * migration-safety, the process danger: a migration the PR edits, renames or deletes after it was merged (it
 * existed on the base branch, so it has run). Decides whether the edit counts (comments and layout only,
 * statements moved into a new migration as no-ops, a rename that keeps the version), at what level (released
 * or not, rollback or data code only), and, for a migration not released yet, analyses what the edit adds.
 */







/** What a danger is about, to tell the dangers an edit adds from those the file had: id and the names involved. */
function issueKey(i) {
    const n = i.names ?? {};
    const low = (x) => (x ?? '').toLowerCase();
    return [
        i.id,
        low(n.table ?? i.table),
        low(n.column ?? i.column_name),
        low(n.index),
        low(n.constraint),
        low(n.newName),
        low(n.type),
        i.rollback ? 'down' : '',
    ].join('|');
}
function firstChangedLine(f) {
    if (!f.patch)
        return undefined;
    try {
        for (const h of parsePatch(f.patch))
            for (const l of h.lines)
                if (l.type !== ' ' && l.newLine !== undefined)
                    return l.newLine;
        for (const h of parsePatch(f.patch))
            return Math.max(1, h.newStart);
    }
    catch {
        return undefined;
    }
    return undefined;
}
/**
 * Tools that record a migration as applied by its version number alone (golang-migrate and gobuffalo/pop:
 * schema_migrations.version; Rails: the timestamp): renaming the file keeps it applied.
 */
const VERSION_KEYED = new Set(['golang-migrate', 'golang-migrate down', 'rails']);
async function compareEdit(run, mig, dialect, base, content, path) {
    try {
        if (mig.kind !== 'sql') {
            const lang = mig.kind === 'rails' ? 'ruby' : 'python';
            const e = compareTrees(await loadParser(lang), base, content, lang);
            if (e.addedDependencies?.length && mig.flavour === 'django') {
                const shippedWith = await dependenciesShippedWith(run, path, e.addedDependencies);
                if (shippedWith)
                    return { changed: true, rollbackOnly: false, dataOnly: false, stateOnly: true, shippedWith };
            }
            return {
                changed: e.changed,
                rollbackOnly: e.rollbackOnly,
                dataOnly: e.dataOnly,
                stateOnly: e.stateOnly,
                howOnly: e.howOnly && mig.forward,
            };
        }
        const pg = types/* PG_FAMILY */.v5.includes(dialect) ? await loadPg() : undefined;
        const changed = !sameSql(pg, base, content);
        // statements moved to a migration this PR adds, each of which leaves the same schema whether or not it
        // already ran (IF NOT EXISTS, IF EXISTS, OR REPLACE): databases that ran the old file run it again as a
        // no-op, new ones run it once; nothing diverges
        const removed = changed && pg && mig.forward ? removedStatements(pg, base, content) : undefined;
        let movedTo;
        if (removed && removed.length > 0 && removed.every(isIdempotent)) {
            const added = await run.addedStatements();
            const targets = removed.map((t) => added.get(t));
            if (targets.every((t) => t !== undefined))
                movedTo = [...new Set(targets)].join(', ');
        }
        const howOnly = changed && mig.forward && pg !== undefined && movedTo === undefined && sameSqlSchema(pg, base, content);
        return { changed, rollbackOnly: false, dataOnly: false, howOnly, movedTo };
    }
    catch {
        return { changed: true, rollbackOnly: false, dataOnly: false };
    }
}
/**
 * Dependencies added to a merged Django migration that shipped no later than it: every release tag holding the
 * migration holds them too (the oldest one does), so every database that applied it from a release applied
 * them in the same `migrate` or before, and Django's history check (InconsistentMigrationHistory) holds.
 * Returns what to say, or undefined when that is not known (no tag information, a dependency outside the
 * repository or in no release, or released later).
 */
async function dependenciesShippedWith(run, path, deps) {
    const m = /^(.*\/)?([^/]+)\/migrations\/[^/]+\.py$/.exec(path);
    const changes = run.ctx.changes;
    if (!m || !changes.firstReleases || run.opts.release_tags.length === 0)
        return undefined;
    const root = m[1];
    const depPaths = deps.map(([app, name]) => `${root ?? ''}${app}/migrations/${name}.py`);
    const first = await changes.firstReleases([path, ...depPaths], run.opts.release_tags).catch(() => undefined);
    const own = first?.get(path);
    if (!first || !own)
        return undefined;
    for (const p of depPaths) {
        const d = first.get(p);
        if (!d || d.date > own.date)
            return undefined;
    }
    const names = deps.map(([app, name]) => `${app}.${name}`).join(', ');
    return (` The dependencies it adds (${names}) shipped no later than this migration (it first shipped in ${own.tag}): every ` +
        'database that applied it from a release applied them too, so no history becomes inconsistent.');
}
/**
 * A merged migration the PR edits, renames or deletes: reported (or listed as harmless) in `report`. Returns
 * the analysis of what the edit adds when the migration is not released yet, else undefined.
 */
async function editedMigration(run, { file, mig }, dialect, report, content, out) {
    let edit = { changed: true, rollbackOnly: false, dataOnly: false };
    if (file.status !== 'removed' && file.status !== 'renamed') {
        const base = await run.readBase(file.previousPath ?? file.path);
        if (base !== undefined && content !== undefined) {
            edit = await compareEdit(run, mig, dialect.dialect, base, content, file.previousPath ?? file.path);
            if (!edit.changed) {
                report.rows.push([
                    '',
                    '(whole file)',
                    'edited: comments and layout only',
                    'none',
                    'not a migration-edited finding: the statements are unchanged',
                ]);
                return undefined;
            }
            if (edit.movedTo !== undefined) {
                movedFinding(file, edit.movedTo, report, out);
                return undefined;
            }
        }
    }
    if (await renamedSameVersion(run, file, mig, content)) {
        report.rows.push([
            '',
            '(whole file)',
            'renamed: same version and contents',
            'none',
            CONTENT_KEYED.has(mig.layout)
                ? `not a migration-edited finding: ${mig.layout} keys migrations by the revision written in the file, not by its name, ` +
                    'and the file is the same'
                : `not a migration-edited finding: ${mig.layout} keys migrations by their version number, which is unchanged, ` +
                    'and the statements are the same',
        ]);
        return undefined;
    }
    const unreleased = editFinding(run, { file, mig }, edit, report, out);
    // An unreleased migration still runs in production, at the release that ships it: the dangers this edit adds
    // (not in the file at the base) are checked as in a new migration. Dangers the base file had already were
    // reported when they were added; an edit that keeps them (a WHERE, an IF NOT EXISTS) adds nothing.
    // A released one edited in how it runs only still runs where it has not run yet (fresh installs, upgrades
    // from older releases): what the new text adds there (CONCURRENTLY inside a transaction, an index build
    // that lost CONCURRENTLY) is checked the same way.
    if ((unreleased || edit.howOnly === true) && file.status === 'modified' && mig.forward && content !== undefined)
        return addedByEdit(run, { file, mig }, dialect, report, content, out, unreleased ? 'edited before any release' : 'edited in how it runs only');
    return undefined;
}
/**
 * A file of an Alembic squash (squash.ts): the new root carries one finding at squash_level, saying what it
 * replaces and what that means; each migration it replaces is listed in its file's table, not reported. The root
 * is not analysed as a new migration: it runs only on an empty database.
 */
function squashed(squash, path, report, out, level) {
    if (path !== squash.root) {
        report.rows.push([
            '',
            '(whole file)',
            `deleted: squashed into ${squash.root}`,
            'none',
            'not a migration-edited finding: see the squash',
        ]);
        return;
    }
    const n = squash.replaced.size;
    out.pushFinding(report, 'migration-edited', {
        path,
        line: 1,
        endLine: 1,
        message: `Alembic squash: ${n} merged migration${n === 1 ? '' : 's'} deleted and replaced by this new root migration, which keeps ` +
            `their head revision ${squash.revision}. Databases at ${squash.revision} run nothing; new ones run this file once. A ` +
            'database still behind that revision cannot upgrade any more (Alembic cannot locate its revision): bring every ' +
            'environment to it with the old files first, and check that this file builds the schema the chain built (a schema ' +
            'diff of a fresh database against one at the head).',
        hint: 'upgrade every environment to the head revision before deploying the squash',
    }, '(whole file)', 'upgrade every environment to the head revision before deploying the squash', level, 'squash');
}
/** Statements moved out into migrations the PR adds, each a no-op where it already ran: a notice. */
function movedFinding(file, movedTo, report, out) {
    const why = `statements moved out of this merged migration into ${movedTo}, added by this PR; each leaves the same schema whether or not ` +
        'it already ran (IF NOT EXISTS / IF EXISTS / OR REPLACE), so databases that ran the old file and new ones end up alike';
    const line = firstChangedLine(file);
    out.pushFinding(report, 'migration-edited', {
        path: file.path,
        line,
        endLine: line,
        message: `Migration edited after it was merged: ${why}.`,
        hint: dangers/* DANGERS */.zA['migration-edited'].fix,
    }, '(whole file)', dangers/* DANGERS */.zA['migration-edited'].fix, 'notice', 'moved, idempotent');
}
/**
 * Tools that record a migration as applied by an identifier written inside the file, never by its name:
 * Alembic (`revision = "\u2026"`, stored in alembic_version).
 */
const CONTENT_KEYED = new Set(['alembic']);
/**
 * A rename in the same folder that keeps the contents and what the tool keys migrations by: the version number
 * in the name (VERSION_KEYED), or the identifier inside the file (CONTENT_KEYED: any new name).
 */
async function renamedSameVersion(run, file, mig, content) {
    if (file.status !== 'renamed' || !file.previousPath || content === undefined)
        return false;
    const version = (p) => /^(\d+)_/.exec(p.slice(p.lastIndexOf('/') + 1))?.[1];
    const keyKept = CONTENT_KEYED.has(mig.layout) ||
        (VERSION_KEYED.has(mig.layout) && version(file.path) !== undefined && version(file.path) === version(file.previousPath));
    const sameDir = file.previousPath.slice(0, file.previousPath.lastIndexOf('/')) === file.path.slice(0, file.path.lastIndexOf('/'));
    return keyKept && sameDir && (await run.readBase(file.previousPath)) === content;
}
const DATA_NOTE = ' Its schema statements, and the code that feeds them, are unchanged: the edit is in code that moves or fixes rows (or a helper), ' +
    'so the schema it leaves is the same; the new code runs only on databases that have not applied it yet (fresh installs, upgrades ' +
    'from older versions): check that it does the same to their data.';
const HOW_NOTE = ' Only how its statements run changed (an index built or dropped concurrently, the migration taken out of its transaction, ' +
    'IF [NOT] EXISTS): every database ends with the same schema whichever version it ran; what the new text adds where it has not ' +
    'run yet is checked as in a new migration.';
const STATE_NOTE = ' Only options the database never sees changed (validators, help_text, choices, verbose_name, \u2026) or dependencies were dropped: ' +
    'every database ends with the same schema whichever version it ran; what differs is the state Django records, which ' +
    'makemigrations compares the models with.';
/** The migration-edited finding, at the strictest cap that applies. Returns whether the migration is not released yet. */
function editFinding(run, { file, mig }, edit, report, out) {
    const { opts, released } = run;
    const { rollbackOnly, dataOnly, stateOnly, howOnly } = edit;
    const rollbackFile = !mig.forward;
    const what = file.status === 'removed'
        ? 'deleted'
        : file.status === 'renamed'
            ? `renamed from ${file.previousPath ?? '?'}`
            : rollbackOnly
                ? 'edited in its rollback code'
                : dataOnly
                    ? 'edited in its data or helper code only'
                    : stateOnly
                        ? "edited in Django's migration state only"
                        : howOnly
                            ? 'edited in how it runs only'
                            : 'edited';
    const line = file.status === 'removed' ? undefined : firstChangedLine(file);
    const tag = released?.get(file.previousPath ?? file.path);
    const unreleased = released !== undefined && tag === undefined;
    // the strictest cap that applies: not released yet, rollback code, data code only
    let cap;
    if (rollbackFile || rollbackOnly)
        cap = opts.rollback_level;
    if (dataOnly || stateOnly || howOnly)
        cap = opts.data_edit_level;
    if (unreleased)
        cap = capLevel(opts.unreleased_edit_level, cap ?? 'fail');
    const kind = rollbackFile ? 'Rollback migration' : 'Migration';
    const dataNote = dataOnly ? DATA_NOTE : stateOnly ? STATE_NOTE + (edit.shippedWith ?? '') : howOnly ? HOW_NOTE : '';
    const why = dangers/* DANGERS */.zA['migration-edited'].why;
    const message = unreleased
        ? `${kind} ${what} before any release: merged, but no release tag (${opts.release_tags.join(', ')}) made up to the base holds it, ` +
            'so it has run only where the development branch ran; it is still being developed and editing it is normal until it ships ' +
            '(a new migration is needed once it is released).'
        : tag !== undefined
            ? `${kind} ${what} after it was merged and released (tag ${tag} holds it): ${why}.${dataNote}`
            : `${kind} ${what} after it was merged: ${why} (no release tag information: counted as released).${dataNote}`;
    out.pushFinding(report, 'migration-edited', { path: file.path, line, endLine: line, message, hint: dangers/* DANGERS */.zA['migration-edited'].fix }, '(whole file)', dangers/* DANGERS */.zA['migration-edited'].fix, cap, unreleased
        ? 'not released yet'
        : dataOnly
            ? 'data code only'
            : stateOnly
                ? 'Django state only'
                : howOnly
                    ? 'how it runs only'
                    : 'rollback');
    return unreleased;
}
/** The dangers an edit of an unreleased migration adds: the head's analysis less what the base file had. */
async function addedByEdit(run, { file, mig }, dialect, report, content, out, label) {
    const baseText = await run.readBase(file.previousPath ?? file.path);
    if (baseText === undefined)
        return undefined;
    const { ctx, opts, readHead, readBase, prTypes } = run;
    let analysis;
    let before;
    try {
        analysis = await analyzeFile(ctx, file, mig, content, opts, dialect.dialect, readHead, readBase, prTypes.before(file.path), run.parsed);
        before = await analyzeFile(ctx, file, mig, baseText, opts, dialect.dialect, readHead, readBase, prTypes.before(file.path));
    }
    catch (e) {
        out.error(file.path, 'parser-unavailable', `Could not analyse ${file.path}: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
    }
    const had = new Set(before.issues.map(issueKey));
    const added = analysis.issues.filter((i) => !had.has(issueKey(i)));
    const kept = analysis.issues.length - added.length;
    report.rows.push([
        '',
        '(whole file)',
        label,
        'none',
        `dangers the edit adds are checked as in a new migration (${added.length} new; ${kept} already in the file at the base, not repeated)`,
    ]);
    out.counted(report, analysis.count);
    return { file, mig, dialect, analysis: { ...analysis, issues: added }, report };
}

;// CONCATENATED MODULE: ./src/rules/migration-safety/plan.ts


const plan_dirOf = (p) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
const plan_join = (d, f) => (d ? `${d}/${f}` : f);
/** `x.postgres.sql` \u2026 beside a generic `x.sql` (see dialectSiblings in dialect.ts). */
function siblings(path) {
    const slash = path.lastIndexOf('/') + 1;
    const base = path.slice(slash);
    const dot = base.indexOf('.');
    if (dot <= 0 || dialectOfFileName(path))
        return [];
    return ['postgres', 'postgresql', 'cockroach', 'crdb'].map((w) => path.slice(0, slash) + base.slice(0, dot) + '.' + w + base.slice(dot));
}
function planMigrationReads(input, opts) {
    const head = new Set();
    const base = new Set();
    const config = (p) => {
        head.add(p);
        base.add(p);
    };
    for (const f of input.files) {
        const mig = classify(f.path, opts.paths, opts.exclude, opts.builtin_layouts) ??
            (f.previousPath ? classify(f.previousPath, opts.paths, opts.exclude, opts.builtin_layouts) : undefined);
        if (!mig)
            continue;
        if (f.status !== 'removed')
            head.add(f.path);
        if (f.status !== 'added' && f.status !== 'copied' && mig.immutable)
            base.add(f.previousPath ?? f.path);
        if (f.status === 'removed')
            continue;
        if (mig.kind === 'sql') {
            const down = downPathFor(f.path);
            if (down)
                head.add(down);
            const revert = mig.layout === 'sqitch' ? sqitchRevertFor(f.path) : undefined;
            if (revert)
                head.add(revert);
            for (const s of siblings(f.path))
                config(s);
            if (mig.layout === 'prisma')
                config(plan_join(plan_dirOf(plan_dirOf(f.path)), 'migration_lock.toml'));
        }
        if (mig.kind === 'rails') {
            const i = f.path.lastIndexOf('db/migrate/');
            const root = i <= 0 ? '' : f.path.slice(0, i - 1);
            for (const c of [
                'config/database.yml',
                'config/database.yml.example',
                'config/database.yml.sample',
                'Gemfile',
                'Gemfile.lock',
                'config/initializers/strong_migrations.rb',
            ])
                config(plan_join(root, c));
            base.add(plan_join(root, 'db/schema.rb'));
        }
    }
    return { head: [...head], base: [...base] };
}

;// CONCATENATED MODULE: ./src/rules/migration-safety/run.ts






/**
 * Configuration and rollback files are read once each, through the change set (head, else base).
 * `undefined` is "the file does not exist"; a read that fails (API error, timeout, corrupt object store) is
 * recorded and makes the rule "not evaluated" (see Output.render), because an unread rollback, config or earlier
 * migration must never count as an absent one that might clear a danger.
 */
class Reads {
    ctx;
    cache = new Map();
    /** `side:path` \u2192 what could not be read, and why. */
    failures = new Map();
    head = (p) => this.cached('head', p);
    base = (p) => this.cached('base', p);
    config = async (p) => (await this.head(p)) ?? (await this.base(p));
    constructor(ctx) {
        this.ctx = ctx;
    }
    cached(side, p) {
        const key = `${side}:${p}`;
        let v = this.cache.get(key);
        if (!v) {
            v = (side === 'head' ? this.ctx.changes.readHead(p) : this.ctx.changes.readBase(p)).catch((e) => {
                if (!this.failures.has(key))
                    this.failures.set(key, `${p} (${side === 'head' ? 'head' : 'base'}): ${e instanceof Error ? e.message : String(e)}`);
                return undefined;
            });
            this.cache.set(key, v);
        }
        return v;
    }
}
/** The column types each SQL migration of the PR sets, learnt in path order (parsing each once) when it has more than one. */
async function learnPrTypes(migrations, readHead) {
    const prTypes = new PrTypes();
    const sqlForward = migrations
        .filter((m) => m.mig.kind === 'sql' && m.mig.forward && m.file.status !== 'removed')
        .sort((a, b) => a.file.path.localeCompare(b.file.path));
    if (sqlForward.length <= 1)
        return { prTypes };
    const parsed = new ParsedOnce(await loadPg());
    for (const m of sqlForward) {
        const text = await readHead(m.file.path);
        let types = new Map();
        if (text !== undefined) {
            try {
                types = typesSetByStatements(parsed.parse(text).stmts ?? []);
            }
            catch {
                // does not parse: the analysis reports where
            }
        }
        prTypes.record(m.file.path, types);
    }
    return { prTypes, parsed };
}
/** Which merged migrations of the PR have shipped in a release (tags); undefined: no tag information. */
async function releasedMigrations(ctx, migrations, opts) {
    const editedPaths = migrations
        .filter((m) => m.mig.immutable && m.file.status !== 'added' && m.file.status !== 'copied')
        .map((m) => m.file.previousPath ?? m.file.path);
    return editedPaths.length && opts.release_tags.length && ctx.changes.releasedPaths
        ? await ctx.changes.releasedPaths(editedPaths, opts.release_tags).catch(() => undefined)
        : undefined;
}
/**
 * Migrations the PR adds whose very text a release tag (made no later than the base) already holds at the same
 * path: a released migration brought onto this branch (a cherry-pick or a merge of a release branch), not a new
 * one. Map path \u2192 tag; empty without tag information.
 */
async function releasedCopies(ctx, migrations, opts, readHead) {
    const out = new Map();
    const added = migrations.filter((m) => m.file.status === 'added').map((m) => m.file.path);
    if (!added.length || !opts.release_tags.length || !ctx.changes.releasedTexts)
        return out;
    const texts = await ctx.changes.releasedTexts(added, opts.release_tags).catch(() => undefined);
    for (const [path, { tag, text }] of texts ?? [])
        if ((await readHead(path)) === text)
            out.set(path, tag);
    return out;
}
/** Run.addedStatements: read on the first call, once. */
function addedStatementsOf(migrations, policy, readHead, readConfig) {
    let addedSql;
    const read = async () => {
        const out = new Map();
        for (const { file, mig } of migrations) {
            if (file.status !== 'added' || mig.kind !== 'sql' || !mig.forward)
                continue;
            const text = await readHead(file.path);
            if (text === undefined)
                continue;
            const d = await detectDialect(file.path, mig, policy, readConfig, text);
            if (!types/* PG_FAMILY */.v5.includes(d.dialect))
                continue;
            for (const t of statementTrees(await loadPg(), text) ?? [])
                if (!out.has(t))
                    out.set(t, file.path);
        }
        return out;
    };
    return () => (addedSql ??= read());
}

;// CONCATENATED MODULE: ./src/rules/migration-safety/index.ts
/**
 * migration-safety: dangerous schema changes caught statically, on the offending line, with the safe
 * alternative. PostgreSQL SQL is parsed with libpg-query (the real parser, wasm); Rails, Django and Alembic
 * migrations with tree-sitter. Both parsers are loaded only when the PR changes a migration of that kind.
 * See docs/rules/migration-safety.md.
 *
 * The evaluation runs in stages: analyse each migration file (analyse.ts; edited.ts for merged migrations the
 * PR edits), decide the level of each danger in the light of the whole PR (decide.ts), render the findings,
 * tables and summary (render.ts).
 */
















/** The changed files that are migrations (by their path, else their path before a rename), and the others. */
function classifyChanges(ctx, opts) {
    const migrations = [];
    const others = [];
    for (const f of ctx.changes.files) {
        const mig = classify(f.path, opts.paths, opts.exclude, opts.builtin_layouts) ??
            (f.previousPath ? classify(f.previousPath, opts.paths, opts.exclude, opts.builtin_layouts) : undefined);
        if (mig)
            migrations.push({ file: f, mig });
        else
            others.push(f);
    }
    return { migrations, others };
}
/**
 * Stage 1 for one migration file: its dialect, then either the process danger (a merged migration edited,
 * renamed or deleted) or the analysis of a new forward migration. Returns what stage 2 decides on, if anything.
 */
async function analyseMigration(run, m, out) {
    const { file, mig } = m;
    const report = out.report(file.path);
    const content = file.status === 'removed' ? undefined : await run.readHead(file.path);
    const dialect = await detectDialect(file.path, mig, run.policy, run.readConfig, content);
    out.dialect(file, mig, dialect);
    if (run.squash && (run.squash.root === file.path || run.squash.replaced.has(file.path))) {
        squashed(run.squash, file.path, report, out, run.opts.squash_level);
        return undefined;
    }
    // Process danger: the file existed on the base branch, i.e. it is already merged (and has run).
    if (file.status !== 'added' && file.status !== 'copied' && mig.immutable)
        return editedMigration(run, m, dialect, report, content, out);
    if (file.status === 'removed' || !mig.forward)
        return undefined;
    if (content === undefined) {
        out.error(file.path, 'unreadable', `Could not read ${file.path} at the head commit: the migration was not checked.`);
        return undefined;
    }
    let analysis;
    try {
        const { ctx, opts, readHead, readBase, prTypes, parsed } = run;
        analysis = await analyzeFile(ctx, file, mig, content, opts, dialect.dialect, readHead, readBase, prTypes.before(file.path), parsed);
    }
    catch (e) {
        out.error(file.path, 'parser-unavailable', `Could not analyse ${file.path}: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
    }
    out.counted(report, analysis.count);
    return { file, mig, dialect, analysis, report };
}
async function evaluate(ctx, opts) {
    const { migrations, others } = classifyChanges(ctx, opts);
    if (migrations.length === 0)
        return { findings: [], summary: 'no migration changed', applicability: 'not-applicable' };
    const appFiles = others.filter((f) => !f.excluded && (0,glob/* matchesAny */._I)(f.path, opts.app_paths) && !(0,glob/* matchesAny */._I)(f.path, opts.app_exclude));
    const reads = new Reads(ctx);
    const policy = { dialect: opts.dialect, dialects: opts.dialects };
    const { prTypes, parsed } = await learnPrTypes(migrations, reads.head);
    const run = {
        ctx,
        opts,
        policy,
        readHead: reads.head,
        readBase: reads.base,
        readConfig: reads.config,
        appFiles,
        prTypes,
        parsed,
        released: await releasedMigrations(ctx, migrations, opts),
        releasedCopies: await releasedCopies(ctx, migrations, opts, reads.head),
        addedStatements: addedStatementsOf(migrations, policy, reads.head, reads.config),
        squash: await alembicSquash(migrations, reads.head, reads.base),
    };
    const out = new Output(opts);
    const analysed = [];
    for (const m of migrations) {
        const a = await analyseMigration(run, m, out);
        if (a)
            analysed.push(a);
    }
    const pr = await prFacts(run, analysed);
    for (const a of analysed)
        await decideFile(run, a, pr, out);
    return out.render(migrations, reads.failures);
}
const migrationSafety = (0,rules_define/* defineRule */.Km)({
    id: 'migration-safety',
    description: 'Migrations are safe and reversible: no long locks on hot tables, no edits of merged migrations, ' +
        'the safe recipe on the offending line.',
    options: options,
    defaultLevel: 'fail',
    release: true,
    plan: planMigrationReads,
    evaluate,
});


// EXTERNAL MODULE: ./src/change/pr-body.ts
var pr_body = __webpack_require__(29705);
;// CONCATENATED MODULE: ./src/rules/runbook/options.ts

/** Kinds of operational change the rule recognises (= the `code` of its findings). */
const TRIGGER_CODES = [
    'k8s-manifest',
    'helm',
    'kustomize',
    'docker-compose',
    'dockerfile',
    'procfile',
    'terraform',
    'pulumi',
    'cloudformation',
    'alert-rule',
    'dashboard',
    'datadog-monitor',
    'slo',
    'deploy-workflow',
    'cron',
    'new-env-var',
    'feature-flag',
    'path-trigger',
];
const RunbookOptions = type/* Type */.ZU.Object({
    runbooks: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: [
            '**/runbooks/**',
            '**/runbook/**',
            '**/RUNBOOK*.md',
            '**/runbook*.md',
            '**/playbooks/**',
            '**/RELEASING*.md',
            '**/releasing/**',
            '**/release-checklist*',
            '**/release-process*',
            '**/OPERATIONS*.md',
            '**/docs/ops/**',
            '**/docs/operations/**',
        ],
        description: 'Globs of runbook and operations docs (runbooks, playbooks, release process and checklist, ops docs): a change ' +
            'to one of them satisfies the rule for every trigger not covered by a `services` mapping.',
    }),
    services: type/* Type */.ZU.Array(type/* Type */.ZU.Object({
        path: type/* Type */.ZU.String({ description: 'Glob with a `{service}` placeholder, e.g. `services/{service}/**`.' }),
        runbooks: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
            description: 'Runbook globs for that service, e.g. `docs/runbooks/{service}.md`; only these satisfy its triggers.',
        }),
    }), {
        default: [],
        description: "Service mappings: a trigger under `path` is satisfied only by a change to that service's runbooks (first matching mapping wins).",
    }),
    disable: type/* Type */.ZU.Array(type/* Type */.ZU.Union(TRIGGER_CODES.map((c) => type/* Type */.ZU.Literal(c))), {
        default: [],
        description: `Built-in triggers to switch off, by code: ${TRIGGER_CODES.join(', ')}.`,
    }),
    triggers: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: [],
        description: 'Extra globs whose changes are operational (findings with code `path-trigger`).',
    }),
    feature_flags: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: [
            '**/feature-flags/**',
            '**/feature_flags/**',
            '**/featureflags/**',
            '**/*.flags.{json,yml,yaml}',
            '**/flagd*.json',
            '**/*.flagd.json',
            '**/flagd/*.json',
        ],
        description: 'Globs of feature-flag definition files (findings with code `feature-flag`).',
    }),
    manifest_paths: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: [
            '**/k8s/**',
            '**/kubernetes/**',
            '**/manifests/**',
            '**/deploy/**',
            '**/deployment/**',
            '**/deployments/**',
            '**/helm/**',
            '**/charts/**',
            '**/kustomize/**',
            '**/overlays/**',
        ],
        description: 'Path fallback for YAML that cannot be parsed (templated or invalid): such a file under these globs counts as a deploy manifest.',
    }),
    exclude: type/* Type */.ZU.Array(type/* Type */.ZU.String({ format: 'glob' }), {
        default: [
            '**/__tests__/**',
            '**/test/**',
            '**/tests/**',
            '**/spec/**',
            '**/testdata/**',
            '**/fixtures/**',
            '**/__mocks__/**',
            '**/*.test.*',
            '**/*.spec.*',
            '**/*_test.go',
            '**/test_*.py',
            '**/*_test.py',
            '**/*Test.java',
            '**/*_spec.rb',
            '**/node_modules/**',
            '**/vendor/**',
            '**/examples/**',
        ],
        description: 'Files never considered as triggers (tests, fixtures, vendored code, examples).',
    }),
    dev_tooling: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: [
            '**/skaffold*.y?(a)ml',
            '**/Tiltfile',
            '**/tilt_config.json',
            '**/tilt-*.y?(a)ml',
            '**/.devcontainer/**',
            '**/.devcontainer.json',
            '**/devcontainer.json',
            '**/?(docker-)compose[.-]@(override|dev|devel|development|local|test|tests|testing|ci|e2e|integration|debug)?([.-]*).@(yml|yaml)',
            '**/?(docker-)compose[.-]*[.-]@(override|dev|devel|development|local|test|tests|testing|ci|e2e|integration|debug).@(yml|yaml)',
            '**/kind-config*.y?(a)ml',
            '**/ctlptl*.y?(a)ml',
            '**/.gitpod.yml',
            '**/quickstart*.y?(a)ml',
        ],
        description: 'Globs of development and test tooling (Skaffold, Tilt, devcontainers, compose override/dev/test/CI files, ' +
            'quickstart compose files, local kind clusters): not production, never operational triggers.',
    }),
    non_production_paths: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: [
            '**/@(sandbox|staging|test|testing|dev|development|preview|previews|qa|e2e|ephemeral|pr)/**',
            '**/@(sandbox|staging|test|testing|dev|development|preview|qa|e2e|ephemeral|pr).@(tf|tfvars|tf.json|y?(a)ml|json|hcl)',
            '**/*[-_.]@(sandbox|staging|test|tests|testing|dev|development|preview|qa|e2e|ephemeral|pr).@(tf|tfvars|tf.json|y?(a)ml|json|hcl)',
        ],
        description: 'Globs of infrastructure and workflow files of non-production environments (a `sandbox/`, `staging/` or `test/` ' +
            'folder, `sandbox.tf`, `values-staging.yaml`, `.github/workflows/preview.yml`, `e2e-test.yml`): never ' +
            'operational triggers (env-var reads are still checked).',
    }),
    version_keys: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: [
            'image',
            'tag',
            'imageTag',
            'newTag',
            'digest',
            'version',
            'appVersion',
            'constraints',
            'hashes',
            'uses',
            '*_tag',
            '*Tag',
            '*-tag',
            '*_image',
            '*Image',
            '*_digest',
            '*Digest',
            'chart_version',
            'chartVersion',
        ],
        description: 'Keys (names, or globs with `*` such as `*_tag`) whose version-only changes are routine bumps, not operational ' +
            'changes: a change where every differing value sits under one of these keys and differs only in version tokens ' +
            '(tags, digests, dotted versions, commit SHAs, `latest`) or is the same image repository with another ' +
            'tag/digest is no trigger (`image: app:1.2 \u2192 app:1.3`, `published_tag = "1.4.0" \u2192 "1.4.1"` are; `image: redis \u2192 ' +
            'valkey` and `cluster_version` are not). Dockerfile `FROM` lines count as `image`. Empty: off.',
    }),
    deploy_environments: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: ['*'],
        description: 'A workflow job whose `environment:` name matches one of these globs deploys (`*`: any GitHub environment; ' +
            'narrow it to e.g. `[production, prod*, staging]`).',
    }),
    non_production_environments: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: [
            '*staging*',
            '*preview*',
            '*test*',
            'dev',
            'dev-*',
            '*-dev',
            '*development*',
            'pr-*',
            'pr',
            '*review*',
            '*sandbox*',
            '*qa*',
            '*ephemeral*',
            '*e2e*',
            'ci',
            'local',
        ],
        description: 'A job whose `environment:` name matches one of these globs deploys to a non-production target (PR previews, ' +
            'staging, test clusters): it is not a deploying job, whatever it runs.',
    }),
    non_production_events: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: ['pull_request', 'pull_request_target', 'merge_group'],
        description: 'A workflow triggered ONLY by these events (PR checks and previews) never deploys to production: its jobs are not deploying jobs.',
    }),
    repo_automation_actions: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: [
            'actions/checkout',
            'actions/github-script',
            'actions/stale',
            'actions/labeler',
            'actions/first-interaction',
            'actions/upload-artifact',
            'actions/download-artifact',
            'github/codeql-action/**',
            'ossf/scorecard-action',
            'slackapi/slack-github-action',
            'dessant/lock-threads',
            'peter-evans/create-issue-from-file',
        ],
        description: 'Globs of `uses:` actions (without `@ref`) that only automate the repository itself (stale bots, reports, ' +
            'CodeQL, labels, notices to chat): a scheduled workflow whose every step uses one of them, with no `run:` ' +
            'step and no reusable workflow, is repository automation, not an operational schedule.',
    }),
    deploy_actions: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: [
            '*/*deploy*',
            '*/*deploy*/**',
            './**/*deploy*',
            'aws-actions/amazon-ecs-*',
            'azure/functions-action',
            'azure/aks-set-context',
            'azure/k8s-*',
            'cloudflare/wrangler-action',
            'superfly/flyctl-actions*',
            'pulumi/actions',
            'appleboy/ssh-action',
            'deliverybot/helm',
            'wahyd4/kubectl-helm-action',
            'google-github-actions/get-gke-credentials',
        ],
        description: 'Globs of `uses:` actions (without `@ref`) whose step makes a job a deploying job (setup-only actions such as ' +
            'setup-kubectl do not deploy).',
    }),
    deploy_commands: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: [
            'kubectl apply',
            'kubectl create',
            'kubectl rollout',
            'kubectl set image',
            'kubectl replace',
            'kubectl patch',
            'kubectl delete',
            'helm upgrade',
            'helm install',
            'helm rollback',
            'helm uninstall',
            'helmfile apply',
            'helmfile sync',
            'terraform apply',
            'terraform destroy',
            'tofu apply',
            'terragrunt apply',
            'terragrunt run-all apply',
            'pulumi up',
            'cdk deploy',
            'sam deploy',
            'serverless deploy',
            'sls deploy',
            'fly deploy',
            'flyctl deploy',
            'vercel deploy',
            'vercel --prod',
            'netlify deploy',
            'gcloud run deploy',
            'gcloud app deploy',
            'gcloud functions deploy',
            'aws ecs update-service',
            'aws cloudformation deploy',
            'eb deploy',
            'kamal deploy',
            'argocd app sync',
            'wrangler deploy',
            'wrangler publish',
            'heroku container:release',
            'skaffold run',
            'skaffold deploy',
        ],
        description: "Commands (words, any whitespace between them) whose presence in a step's `run:` makes a job a deploying job.",
    }),
    deploy_job_names: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: ['deploy', 'release', 'rollout', 'promote'],
        description: 'Words that make a job a deploying job when its id or name contains one as a whole word (`deploy-prod`, ' +
            '`Release`; not `deployment-tests`).',
    }),
    env_var_ignore: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: [
            'NODE_ENV',
            'CI',
            'HOME',
            'PATH',
            'PWD',
            'USER',
            'SHELL',
            'TMPDIR',
            'TEMP',
            'TMP',
            'TZ',
            'LANG',
            'DEBUG',
            'HOSTNAME',
            'GITHUB_*',
            'RUNNER_*',
            'npm_*',
            'JEST_*',
            'VITEST*',
            'PYTEST_*',
        ],
        description: 'Env-var names (with `*` wildcards) that are never reported as new.',
    }),
    opt_out_phrase: type/* Type */.ZU.String({
        default: 'Runbook: not needed',
        description: 'Phrase of the opt-out line in the PR description, followed by a reason: `Runbook: not needed \u2014 <reason>`.',
    }),
    min_reason_length: type/* Type */.ZU.Integer({
        default: 20,
        minimum: 0,
        description: 'Minimum length (characters) of the opt-out reason; shorter reasons are rejected.',
    }),
    max_file_reads: type/* Type */.ZU.Integer({
        default: 400,
        minimum: 0,
        description: 'Budget of file contents read (head and base) to classify YAML/JSON/HCL and check env vars; past it files are ' +
            'classified by path only, and the rule says so.',
    }),
    max_file_bytes: type/* Type */.ZU.Integer({
        default: 1_000_000,
        minimum: 1,
        description: 'Files larger than this are classified by path only.',
    }),
    max_service_files: type/* Type */.ZU.Integer({
        default: 300,
        minimum: 0,
        description: 'Budget of base-side files read to decide whether an env var is new to its SERVICE (its code, Dockerfiles, env ' +
            'files, compose and Kubernetes YAML); searched nearest-first and only until every name is found.',
    }),
    max_findings: type/* Type */.ZU.Integer({
        default: 50,
        minimum: 1,
        description: 'At most this many trigger findings are listed; the rest are counted in one more finding.',
    }),
});

// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/change/envvars.ts
/**
 * Environment-variable reads in source code, by language. Used to find variables that a change starts
 * reading (a new configuration knob that on-call must know about). Line-based regular expressions: cheap,
 * bounded, and good enough for the literal-name reads that matter (a computed name cannot be documented
 * anyway).
 */
const NAME = '([A-Za-z_][A-Za-z0-9_]*)';
const Q = `(['"\`])${NAME}\\1`; // quoted literal name, group 1 = quote, group 2 = name
/** Configuration libraries read properties as well as variables: only upper-case names count there. */
const UPPER = '([A-Z_][A-Z0-9_]*)';
const QU = `(['"])${UPPER}\\1`;
const EXTENSIONS = {
    js: 'javascript',
    jsx: 'javascript',
    mjs: 'javascript',
    cjs: 'javascript',
    ts: 'javascript',
    tsx: 'javascript',
    mts: 'javascript',
    cts: 'javascript',
    vue: 'javascript',
    svelte: 'javascript',
    astro: 'javascript',
    py: 'python',
    pyw: 'python',
    java: 'java',
    kt: 'java',
    kts: 'java',
    scala: 'java',
    groovy: 'java',
    go: 'go',
    rb: 'ruby',
    rake: 'ruby',
    ru: 'ruby',
    erb: 'ruby',
    rs: 'rust',
    cs: 'csharp',
    php: 'php',
    sh: 'shell',
    bash: 'shell',
};
/** Patterns per language; each has the name in the group named by `group`. */
const PATTERNS = {
    javascript: [
        { re: new RegExp(`\\bprocess\\.env\\??\\.${NAME}`, 'g'), group: 1 },
        { re: new RegExp(`\\bprocess\\.env\\??\\.?\\[\\s*${Q}\\s*\\]`, 'g'), group: 2 },
        { re: new RegExp(`\\bimport\\.meta\\.env\\.${NAME}`, 'g'), group: 1 },
        { re: new RegExp(`\\bDeno\\.env\\.get\\(\\s*${Q}`, 'g'), group: 2 },
        { re: new RegExp(`\\bBun\\.env\\.${NAME}`, 'g'), group: 1 },
        // env-var: env.get('PORT').required().asPortNumber()
        { re: new RegExp(`\\benv\\.get\\(\\s*${QU}`, 'g'), group: 2 },
    ],
    python: [
        { re: new RegExp(`\\benviron\\[\\s*${Q}\\s*\\]`, 'g'), group: 2 },
        { re: new RegExp(`\\benviron\\.get\\(\\s*${Q}`, 'g'), group: 2 },
        { re: new RegExp(`\\bgetenv\\(\\s*${Q}`, 'g'), group: 2 },
        { re: new RegExp(`\\benviron\\.setdefault\\(\\s*${Q}`, 'g'), group: 2 },
        // environs / django-environ: env('X'), env.str('X'), env.int('X', default=3), \u2026
        {
            re: new RegExp(`\\benv(?:\\.(?:str|int|bool|float|decimal|list|dict|json|url|db_url|db|` +
                `cache_url|cache|email_url|path|timedelta|log_level))?\\(\\s*${QU}`, 'g'),
            group: 2,
        },
    ],
    java: [
        { re: new RegExp(`\\bSystem\\.getenv\\(\\s*${Q}\\s*\\)`, 'g'), group: 2 },
        // Spring: @Value("\${PAYMENTS_TIMEOUT:30s}") \u2014 an upper-case placeholder is an environment variable
        { re: new RegExp(`@Value\\(\\s*"\\$\\{${UPPER}(?::[^}"]*)?\\}"`, 'g'), group: 1 },
    ],
    go: [
        { re: new RegExp(`\\bos\\.Getenv\\(\\s*${Q}\\s*\\)`, 'g'), group: 2 },
        { re: new RegExp(`\\bos\\.LookupEnv\\(\\s*${Q}\\s*\\)`, 'g'), group: 2 },
        // struct tags of kelseyhightower/envconfig and caarlos0/env: `envconfig:"PORT"`, `env:"PORT" envDefault:"8080"`
        { re: new RegExp(`\\b(?:env|envconfig):"${UPPER}[",]`, 'g'), group: 1 },
    ],
    ruby: [
        { re: new RegExp(`\\bENV\\[\\s*${Q}\\s*\\]`, 'g'), group: 2 },
        { re: new RegExp(`\\bENV\\.(?:fetch|key\\?|has_key\\?|include\\?)\\(?\\s*${Q}`, 'g'), group: 2 },
    ],
    rust: [
        { re: new RegExp(`\\b(?:std::)?env::var(?:_os)?\\(\\s*${Q}\\s*\\)`, 'g'), group: 2 },
        { re: new RegExp(`\\b(?:option_)?env!\\(\\s*${Q}`, 'g'), group: 2 },
        { re: new RegExp(`\\bdotenvy?::var\\(\\s*${Q}\\s*\\)`, 'g'), group: 2 },
    ],
    csharp: [{ re: new RegExp(`\\bEnvironment\\.GetEnvironmentVariable\\(\\s*${Q}`, 'g'), group: 2 }],
    php: [
        { re: new RegExp(`\\bgetenv\\(\\s*${Q}`, 'g'), group: 2 },
        { re: new RegExp(`\\$_ENV\\[\\s*${Q}\\s*\\]`, 'g'), group: 2 },
    ],
    // Dockerfiles: `${X}` / `$X` in CMD/ENTRYPOINT, found per instruction by envVarReadsInText.
    dockerfile: [],
    // Shell (entrypoints, ops scripts): only the forms that say the value comes from outside, an upper-case
    // name with a default, an assignment, a required mark or an alternative (`${LOG_LEVEL:-info}`,
    // `${PORT:?}`); a plain `$X` is as often the script's own variable.
    shell: [{ re: new RegExp(`\\$\\{${UPPER}:?[-=?+]`, 'g'), group: 1 }],
};
/** An identifier (possibly qualified: `config.KEY`, `Keys::KEY`; the last segment is kept) as the argument of a read. */
const IDENT = '(?:[A-Za-z_][A-Za-z0-9_]*(?:\\.|::))*([A-Za-z_][A-Za-z0-9_]*)';
/** Reads through a named constant (`os.Getenv(KEY)`), per language; group 1 = the identifier. */
const IDENT_PATTERNS = {
    javascript: [
        new RegExp(`\\bprocess\\.env\\??\\.?\\[\\s*${IDENT}\\s*\\]`, 'g'),
        new RegExp(`\\bDeno\\.env\\.get\\(\\s*${IDENT}\\s*\\)`, 'g'),
    ],
    python: [
        new RegExp(`\\benviron\\[\\s*${IDENT}\\s*\\]`, 'g'),
        new RegExp(`\\benviron\\.(?:get|setdefault)\\(\\s*${IDENT}\\s*[,)]`, 'g'),
        new RegExp(`\\bgetenv\\(\\s*${IDENT}\\s*[,)]`, 'g'),
    ],
    java: [new RegExp(`\\bSystem\\.getenv\\(\\s*${IDENT}\\s*\\)`, 'g')],
    go: [new RegExp(`\\bos\\.(?:Getenv|LookupEnv)\\(\\s*${IDENT}\\s*\\)`, 'g')],
    ruby: [new RegExp(`\\bENV\\[\\s*${IDENT}\\s*\\]`, 'g'), new RegExp(`\\bENV\\.fetch\\(\\s*${IDENT}\\s*[,)]`, 'g')],
    rust: [new RegExp(`\\b(?:std::)?env::var(?:_os)?\\(\\s*${IDENT}\\s*\\)`, 'g')],
    csharp: [new RegExp(`\\bEnvironment\\.GetEnvironmentVariable\\(\\s*${IDENT}\\s*[,)]`, 'g')],
    php: [new RegExp(`\\bgetenv\\(\\s*${IDENT}\\s*[,)]`, 'g'), new RegExp(`\\$_ENV\\[\\s*\\$?${IDENT}\\s*\\]`, 'g')],
    dockerfile: [],
    shell: [],
};
/**
 * A constant holding an env-var name: `const KEY = "FOO"`, `KEY string = "FOO"` (Go), `static final String
 * KEY = "FOO"`, `KEY: &str = "FOO"` (Rust), `KEY = 'FOO'.freeze`, `define('KEY', 'FOO')` is not covered.
 * Group 1 = identifier, group 3 = upper-case value.
 */
const CONSTANT = /(?:^|[\s(,;{])\$?([A-Za-z_][A-Za-z0-9_]*)\s*(?::\s*&?'?[\w.<>[\] ]+?\s*|\s+string\s*)?:?=\s*(['"`])([A-Z_][A-Z0-9_]*)\2/g;
/** `const { A, B: b, C = 'x' } = process.env` (JavaScript destructuring). */
const JS_DESTRUCTURE = /\{([^{}]*)\}\s*=\s*(?:process\.env|import\.meta\.env|Bun\.env)\b/g;
/** Languages whose line comments start with these (block-comment bodies starting with `*` too). */
const COMMENT = /^\s*(?:\/\/|#|\/\*|\*|--)/;
/** Dockerfile names (as the runbook rule's path rules know them). */
const DOCKERFILE = /^(?:Dockerfile|Containerfile)(?:\.[\w.-]+)?$|\.(?:Dockerfile|dockerfile|Containerfile)$/;
function envLanguageOf(path) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    if (DOCKERFILE.test(base))
        return 'dockerfile';
    const dot = base.lastIndexOf('.');
    if (dot < 0)
        return base === 'Rakefile' || base === 'Gemfile' ? 'ruby' : undefined;
    const ext = base.slice(dot + 1).toLowerCase();
    return Object.hasOwn(EXTENSIONS, ext) ? EXTENSIONS[ext] : undefined;
}
/** The env-var names one line of code reads (comment lines read nothing). */
function envVarReadsInLine(text, language) {
    if (COMMENT.test(text))
        return [];
    const out = [];
    for (const { re, group } of PATTERNS[language]) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text))
            out.push({ name: m[group], column: m.index });
    }
    if (language === 'javascript') {
        JS_DESTRUCTURE.lastIndex = 0;
        for (let m = JS_DESTRUCTURE.exec(text); m; m = JS_DESTRUCTURE.exec(text)) {
            for (const part of m[1].split(',')) {
                const name = /^\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(part)?.[1];
                if (name)
                    out.push({ name, column: m.index });
            }
        }
    }
    return out.sort((a, b) => a.column - b.column);
}
/** True when a line may read an env var through a named constant (cheap pre-check before reading the file). */
function mayReadThroughConstant(text, language) {
    if (COMMENT.test(text))
        return false;
    if (language === 'dockerfile')
        return /\$\{?[A-Za-z_]/.test(text);
    return IDENT_PATTERNS[language].some((re) => {
        re.lastIndex = 0;
        return re.test(text);
    });
}
/** `$X` / `${X}` / `${X:-default}` references (shell syntax) in a text; not `$$` escapes. */
function shellReferences(text) {
    const out = [];
    const re = /(?<!\$)\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:[:?+=-][^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
        const name = m.at(1) ?? m.at(2); // one of the two alternatives matched
        if (name !== undefined)
            out.push(name);
    }
    return out;
}
/** Names a Dockerfile's CMD/ENTRYPOINT instructions read (`${PORT}`), with the line of each reference. */
function dockerfileReads(text) {
    const lines = text.split('\n');
    const out = [];
    let inRuntime = false;
    for (let i = 0; i < lines.length; i++) {
        const l = lines[i];
        if (/^\s*#/.test(l))
            continue;
        const start = /^\s*([A-Za-z]+)\b/.exec(l);
        const continuing = i > 0 && /\\\s*$/.test(lines[i - 1]) && inRuntime;
        if (!continuing)
            inRuntime = !!start && /^(?:CMD|ENTRYPOINT)$/i.test(start[1]);
        if (!inRuntime)
            continue;
        for (const name of shellReferences(continuing ? l : l.replace(/^\s*[A-Za-z]+/, '')))
            out.push({ name, line: i + 1 });
    }
    return out;
}
/** Constants holding env-var names in a text: identifier \u2192 value and line (first definition wins). */
function constantsIn(lines) {
    const out = new Map();
    lines.forEach((l, i) => {
        if (COMMENT.test(l))
            return;
        CONSTANT.lastIndex = 0;
        for (let m = CONSTANT.exec(l); m; m = CONSTANT.exec(l))
            if (!out.has(m[1]))
                out.set(m[1], { value: m[3], line: i + 1 });
    });
    return out;
}
/**
 * Every env-var read of a whole text with its line: literal reads, reads through a named constant defined
 * in the same file (`const KEY = "FOO"; os.Getenv(KEY)`), and for Dockerfiles the `${X}` of CMD/ENTRYPOINT.
 */
function envVarReadsInText(text, language) {
    if (language === 'dockerfile')
        return dockerfileReads(text);
    if (language !== 'shell' && !/env|ENV|environ|Getenv|getenv|GetEnvironmentVariable/.test(text))
        return [];
    const lines = text.split('\n');
    const out = [];
    let constants;
    lines.forEach((l, i) => {
        for (const r of envVarReadsInLine(l, language))
            out.push({ name: r.name, line: i + 1 });
        if (COMMENT.test(l))
            return;
        for (const re of IDENT_PATTERNS[language]) {
            re.lastIndex = 0;
            for (let m = re.exec(l); m; m = re.exec(l)) {
                constants ??= constantsIn(lines);
                const c = constants.get(m[1]);
                if (c)
                    out.push({ name: c.value, line: i + 1, constantLine: c.line });
            }
        }
    });
    return out;
}
/**
 * Every env-var name a whole file reads (the base-side check). A shell script's every `$X` counts there: a
 * name the service's scripts already use is not new to it, whichever form the new read takes.
 */
function envVarNamesInText(text, language) {
    if (language === 'shell')
        return new Set(text
            .split('\n')
            .filter((l) => !COMMENT.test(l))
            .flatMap((l) => shellReferences(l)));
    return new Set(envVarReadsInText(text, language).map((r) => r.name));
}
/**
 * Env-var names a configuration file DECLARES for a service: `.env` files (`KEY=value`), Dockerfile
 * `ENV`/`ARG`, and in YAML/JSON (compose, Kubernetes, Helm values) the names under `env:` lists
 * (`- name: KEY`) and `environment:` maps or `KEY=value` lists.
 */
function envVarNamesDeclared(path, text, parsed) {
    const names = new Set();
    const base = path.slice(path.lastIndexOf('/') + 1);
    if (/^\.env(?:[.\w-]*)$|\.env$/.test(base)) {
        for (const l of text.split('\n')) {
            const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(l);
            if (m)
                names.add(m[1]);
        }
        return names;
    }
    if (DOCKERFILE.test(base)) {
        for (const l of text.split('\n')) {
            const m = /^\s*(ENV|ARG)\s+(.*)$/i.exec(l);
            if (!m)
                continue;
            for (const part of m[2].split(/\s+/)) {
                const n = /^([A-Za-z_][A-Za-z0-9_]*)(?:=|$)/.exec(part);
                if (n)
                    names.add(n[1]);
                if (!part.includes('='))
                    break; // `ENV KEY value` (legacy form): one name
            }
        }
        return names;
    }
    const walk = (v, depth) => {
        if (depth > 40 || v === null || typeof v !== 'object')
            return;
        if (Array.isArray(v)) {
            v.forEach((x) => {
                walk(x, depth + 1);
            });
            return;
        }
        for (const [k, value] of Object.entries(v)) {
            const child = value; // parsed YAML/JSON: anything
            if ((k === 'env' || k === 'environment' || k === 'extraEnv' || k === 'envVars') && child !== null && typeof child === 'object') {
                if (Array.isArray(child)) {
                    for (const e of child) {
                        if (typeof e === 'string') {
                            const n = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(e);
                            if (n)
                                names.add(n[1]);
                        }
                        else if (e && typeof e === 'object' && 'name' in e && typeof e.name === 'string')
                            names.add(e.name);
                    }
                }
                else
                    for (const key of Object.keys(child))
                        if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key))
                            names.add(key);
            }
            walk(child, depth + 1);
        }
    };
    for (const d of parsed ?? [])
        walk(d, 0);
    return names;
}
/** `*` wildcards (names like `GITHUB_*`) to one RegExp. */
function namePatterns(patterns) {
    if (patterns.length === 0)
        return undefined;
    const alts = patterns.map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*'));
    return new RegExp(`^(?:${alts.join('|')})$`);
}

// EXTERNAL MODULE: ./src/policy/regex.ts
var regex = __webpack_require__(97749);
// EXTERNAL MODULE: ./src/policy/budget.ts
var budget = __webpack_require__(41213);
;// CONCATENATED MODULE: ./src/rules/runbook/template.ts
/**
 * Globs with named placeholders: `services/{service}/**` captures `service` from a path, and
 * `docs/runbooks/{service}.md` is filled with it. A placeholder is `{identifier}`; brace alternatives
 * (`{a,b}`) keep their glob meaning. The pattern comes from a policy (possibly the PR's own), so it is
 * matched by RE2 in linear time: a backtracking RegExp of many `*` takes exponential time on a long path.
 */


const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
function hasPlaceholders(pattern) {
    PLACEHOLDER.lastIndex = 0;
    return PLACEHOLDER.test(pattern);
}
function escapeRe(s) {
    return s.replace(/[.+^$()|[\]\\]/g, '\\$&');
}
/** Compiles a placeholder glob to a RegExp (`**`, `*`, `?`, `{a,b}` and `{name}` understood). */
function compileTemplate(pattern) {
    const names = [];
    const groups = [];
    let re = '';
    let i = 0;
    while (i < pattern.length) {
        const c = pattern[i];
        if (c === '*' && pattern[i + 1] === '*') {
            const slash = pattern[i + 2] === '/';
            re += slash ? '(?:.*/)?' : '.*';
            i += slash ? 3 : 2;
        }
        else if (c === '*') {
            re += '[^/]*';
            i++;
        }
        else if (c === '?') {
            re += '[^/]';
            i++;
        }
        else if (c === '{') {
            const end = pattern.indexOf('}', i);
            const inner = end > i ? pattern.slice(i + 1, end) : '';
            if (end > i && /^[A-Za-z_][A-Za-z0-9_]*$/.test(inner)) {
                // RE2 has no backreferences: each use captures, and capture() requires the same value.
                if (!names.includes(inner))
                    names.push(inner);
                groups.push(inner);
                re += '([^/]+)';
                i = end + 1;
            }
            else if (end > i && inner.includes(',')) {
                re +=
                    '(?:' +
                        inner
                            .split(',')
                            .map((a) => escapeRe(a).replace(/\*/g, '[^/]*'))
                            .join('|') +
                        ')';
                i = end + 1;
            }
            else {
                re += '\\{';
                i++;
            }
        }
        else {
            re += escapeRe(c);
            i++;
        }
    }
    return { pattern, names, regex: (0,regex/* policyRegex */._H)(`^${re}$`), groups };
}
/** The placeholder values captured from `path`, or undefined when it does not match. */
function capture(t, path) {
    (0,budget/* spend */.Rf)();
    const m = t.regex.exec(path);
    if (!m)
        return undefined;
    const values = {};
    for (const [i, name] of t.groups.entries()) {
        const v = m[i + 1];
        if (v === undefined || (name in values && values[name] !== v))
            return undefined;
        values[name] = v;
    }
    return values;
}
/** Fills the placeholders of `pattern` (glob metacharacters in values are escaped). */
function fill(pattern, values) {
    return pattern.replace(PLACEHOLDER, (whole, name) => (name in values ? values[name].replace(/[*?[\]{}()!+@]/g, '\\$&') : whole));
}

// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(33243);
;// CONCATENATED MODULE: ./src/rules/runbook/yaml.ts
/**
 * YAML loading for classification: the core schema plus merge keys (`<<:`), and any local tag (`!Ref`,
 * `!Sub`, `!GetAtt`\u2026 of CloudFormation, `!reference` of GitLab) loaded as its plain value, so real-world
 * manifests parse. Templated YAML (Helm `{{ }}`) does not parse: callers get a reason, never an exception.
 */

const anyScalar = (0,js_yaml.defineScalarTag)('!', { matchByTagPrefix: true, resolve: (source) => source, identify: () => false });
const anySequence = (0,js_yaml.defineSequenceTag)('!', {
    matchByTagPrefix: true,
    create: () => [],
    addItem: (c, item) => {
        c.push(item);
    },
    identify: () => false,
});
const anyMapping = (0,js_yaml.defineMappingTag)('!', {
    matchByTagPrefix: true,
    create: () => Object.create(null),
    addPair: (c, key, value) => {
        c[String(key)] = value;
        return '';
    },
    has: (c, key) => Object.prototype.hasOwnProperty.call(c, String(key)),
    keys: (r) => Object.keys(r),
    get: (r, key) => r[String(key)],
    identify: () => false,
});
const SCHEMA = js_yaml.CORE_SCHEMA.withTags(js_yaml.mergeTag, anyScalar, anySequence, anyMapping);
/** True when the text has template directives (Helm/Go templates, Jinja). */
function isTemplated(text) {
    // `${{ \u2026 }}` is a GitHub Actions expression, not a template directive.
    return /(?<!\$)\{\{-?\s|(?<!\$)\{\{[.$/a-zA-Z(]|\{%-?\s/.test(text);
}
function loadYamlDocs(text) {
    const templated = isTemplated(text);
    try {
        const docs = (0,js_yaml.loadAll)(text, { schema: SCHEMA }).filter((d) => d !== null && d !== undefined);
        return { ok: true, docs };
    }
    catch (e) {
        // Closing brackets of a flow sequence/mapping written at the parent's indentation (`on: [\n  a,\n]`):
        // GitHub and most YAML parsers accept them, js-yaml does not. They carry no meaning: indent and retry.
        const relaxed = relaxFlowClosers(text);
        if (relaxed !== text) {
            try {
                return { ok: true, docs: (0,js_yaml.loadAll)(relaxed, { schema: SCHEMA }).filter((d) => d !== null && d !== undefined) };
            }
            catch {
                // fall through: report the original error
            }
        }
        const msg = e instanceof Error ? e.message : String(e);
        return { ok: false, templated, reason: templated ? 'templated YAML (`{{ }}`)' : `invalid YAML: ${msg.split('\n')[0]}` };
    }
}
function loadJson(text) {
    try {
        return { ok: true, docs: [JSON.parse(text)] };
    }
    catch (e) {
        return { ok: false, templated: isTemplated(text), reason: `invalid JSON: ${e instanceof Error ? e.message : String(e)}` };
    }
}
/** Lines holding only closing flow brackets (`]`, `}`, `],`) indented one level deeper than the line before. */
function relaxFlowClosers(text) {
    const lines = text.split('\n');
    let prevIndent = 0;
    for (let i = 0; i < lines.length; i++) {
        const l = lines[i];
        if (!l.trim() || /^\s*#/.test(l))
            continue;
        const indent = l.length - l.trimStart().length;
        if (/^\s*[\]}][\]},\s]*$/.test(l) && indent <= prevIndent) {
            lines[i] = ' '.repeat(prevIndent + 1) + l.trim();
            continue;
        }
        prevIndent = indent;
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/rules/runbook/hcl.ts
/**
 * HCL (Terraform) parsing through `@cdktn/hcl2json` (HashiCorp's HCL parser compiled to wasm; the
 * maintained fork of `@cdktf/hcl2json`). Loaded lazily, on the first Terraform file of a run, and only after
 * checking that its wasm is present: the package reads the wasm at import time and an unreadable file
 * would surface as an unhandled rejection. When the parser is unavailable the caller falls back to path
 * rules (a `.tf` file is still a Terraform change, only without the list of resources).
 */


let loading;
/**
 * The package reads its wasm at `join(__dirname, '..', 'main.wasm.gz')` when it is imported: the wasm is
 * located first (beside the bundle or in node_modules) and `__dirname` is provided to match it.
 */
async function load() {
    try {
        const wasm = locateAsset('hcl');
        return await withGlobalDirname((0,external_node_path_.join)((0,external_node_path_.dirname)(wasm), 'build'), async () => {
            const mod = (await Promise.all(/* import() */[__webpack_require__.e(609), __webpack_require__.e(31)]).then(__webpack_require__.t.bind(__webpack_require__, 34609, 23)));
            return mod.parse ?? mod.default?.parse ?? 'HCL parser has no parse()';
        });
    }
    catch (e) {
        return `HCL parser unavailable: ${e instanceof Error ? e.message : String(e)}`;
    }
}
const TIMEOUT_MS = 10_000;
/** Parses one file; a string answer is why it could not be parsed. */
async function parseTerraform(path, text) {
    loading ??= load();
    const parse = await loading;
    if (typeof parse === 'string')
        return parse;
    let timer;
    try {
        const json = await Promise.race([
            parse(path.slice(path.lastIndexOf('/') + 1), text),
            new Promise((_, reject) => {
                timer = setTimeout(() => {
                    reject(new Error(`HCL parse took over ${TIMEOUT_MS} ms`));
                }, TIMEOUT_MS);
                timer.unref();
            }),
        ]);
        return { addresses: terraformAddresses(json), json };
    }
    catch (e) {
        return `could not parse HCL: ${(e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200)}`;
    }
    finally {
        if (timer)
            clearTimeout(timer);
    }
}
/** Addresses of the blocks in hcl2json output: resource/data `type.name`, `module.x`, `variable.x`, `output.x`. */
function terraformAddresses(json) {
    const out = [];
    const obj = (v) => v && typeof v === 'object' && !Array.isArray(v) ? v : {};
    for (const [type, byName] of Object.entries(obj(json.resource)))
        for (const name of Object.keys(obj(byName)))
            out.push(`${type}.${name}`);
    for (const [type, byName] of Object.entries(obj(json.data)))
        for (const name of Object.keys(obj(byName)))
            out.push(`data.${type}.${name}`);
    for (const kind of ['module', 'variable', 'output', 'provider'])
        for (const name of Object.keys(obj(json[kind])))
            out.push(`${kind}.${name}`);
    if (json.locals)
        out.push('locals');
    if (json.terraform)
        out.push('terraform');
    return out;
}

;// CONCATENATED MODULE: ./src/rules/runbook/semantic.ts
/**
 * Semantic comparison of structured operational files: a change counts when the PARSED structure differs
 * between base and head, not when bytes do. Comments, whitespace, key order, quoting and YAML/JSON/HCL
 * formatting are no operational change. What changed is said per unit (a Kubernetes object, a compose
 * service, a workflow job, a Terraform block) with the key paths that differ, and pointed at a line the
 * PR touched inside that unit.
 */


const str = (v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
/** Deep structural equality (key order ignored). */
function sameValue(a, b) {
    if (a === b)
        return true;
    if (Array.isArray(a) || Array.isArray(b)) {
        if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length)
            return false;
        return a.every((x, i) => sameValue(x, b[i]));
    }
    if ((0,src_json/* isObject */.Gv)(a) && (0,src_json/* isObject */.Gv)(b)) {
        const ka = Object.keys(a);
        const kb = Object.keys(b);
        if (ka.length !== kb.length)
            return false;
        return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue(a[k], b[k]));
    }
    if (a instanceof Date && b instanceof Date)
        return a.getTime() === b.getTime();
    return false;
}
/** A stable label for an array element: its `name`/`id`/`key` when it has one. */
function elementLabel(v) {
    if (!(0,src_json/* isObject */.Gv)(v))
        return undefined;
    return str(v.name) ?? str(v.id) ?? str(v.key) ?? str(v.alert) ?? str(v.record);
}
const keySegment = (k) => (/^[A-Za-z_][\w-]*$/.test(k) ? k : JSON.stringify(k));
/**
 * Key paths that differ between `a` and `b` (`spec.template.spec.containers[server].image`). Arrays of
 * one element on both sides are looked through (HCL blocks parse as one-element arrays); arrays of named
 * objects are matched by name; other arrays by index. At most `max` paths.
 */
function changedPaths(a, b, max = 12) {
    return changedLeaves(a, b, max).map((l) => l.path);
}
/** As changedPaths, with the values on both sides. */
function changedLeaves(a, b, max = 12) {
    const out = [];
    const walk = (x, y, path) => {
        if (out.length >= max || sameValue(x, y))
            return;
        if ((0,src_json/* isObject */.Gv)(x) && (0,src_json/* isObject */.Gv)(y)) {
            const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])];
            for (const k of keys)
                walk(x[k], y[k], path ? `${path}.${keySegment(k)}` : keySegment(k));
            return;
        }
        if (Array.isArray(x) && Array.isArray(y)) {
            if (x.length === 1 && y.length === 1) {
                // HCL blocks parse as one-element arrays: look through them; name a named element below the root.
                const l = path ? elementLabel(x[0]) : undefined;
                walk(x[0], y[0], l !== undefined && l === elementLabel(y[0]) ? `${path}[${l}]` : path);
                return;
            }
            const lx = x.map(elementLabel);
            const ly = y.map(elementLabel);
            if (lx.every((l) => l !== undefined) &&
                ly.every((l) => l !== undefined) &&
                new Set(lx).size === lx.length &&
                new Set(ly).size === ly.length) {
                const names = [...new Set([...lx, ...ly])];
                for (const n of names)
                    walk(x[lx.indexOf(n)], y[ly.indexOf(n)], `${path}[${n}]`);
                return;
            }
            if (x.every(src_json/* isObject */.Gv) && y.every(src_json/* isObject */.Gv) && x.length === y.length) {
                x.forEach((e, i) => {
                    const l = elementLabel(y[i]);
                    walk(e, y[i], `${path}[${l !== undefined && l === elementLabel(e) ? l : i}]`);
                });
                return;
            }
        }
        out.push({ path: path || '(whole document)', before: x, after: y });
    };
    walk(a, b, '');
    return out;
}
/** Version-like tokens: digests, commit SHAs, dotted versions (`v1.2.3-alpine`), bare numbers after `:`/`@`/`v`, `latest`. */
const VERSION_TOKEN = /sha256:[a-f0-9]{64}|\b[a-f0-9]{40}\b|\bv?\d+(?:\.\d+)+(?:[-+][0-9A-Za-z.]+)?|(?<=[:@=v\s~^<>]|^)v?\d+\b|(?<=[:@=\s]|^)latest\b/g;
/** The text with every version-like token replaced: equal results mean a change of versions only. */
function withoutVersions(text) {
    return text.replace(VERSION_TOKEN, '<v>');
}
/**
 * The repository of a container image reference (`registry/path/name`), without its `:tag` and
 * `@digest`; undefined when the text is not an image reference (spaces, template braces, empty).
 * `busybox:latest` and `busybox:1.38.0@sha256:\u2026` are the same repository.
 */
function imageRepository(ref) {
    const t = ref.trim();
    if (!t || /[\s{}$]/.test(t))
        return undefined;
    const noDigest = t.replace(/@sha256:[a-f0-9]{64}$/, '');
    const slash = noDigest.lastIndexOf('/');
    const colon = noDigest.lastIndexOf(':');
    const repo = colon > slash ? noDigest.slice(0, colon) : noDigest;
    return /^[a-z0-9][a-z0-9._\-/:]*$/i.test(repo) ? repo.toLowerCase() : undefined;
}
/** A predicate over key names from `version_keys` (exact names, or `*` wildcards matched case-sensitively). */
function versionKeyTest(keys) {
    const exact = new Set(keys.filter((k) => !k.includes('*')));
    const globs = keys
        .filter((k) => k.includes('*'))
        .map((k) => new RegExp(`^${k
        .split('*')
        .map((x) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`));
    return (key) => exact.has(key) || globs.some((g) => g.test(key));
}
function isVersionKey(keys, key) {
    return typeof keys === 'function' ? keys(key) : keys.has(key);
}
function anyVersionKeys(keys) {
    return typeof keys === 'function' || keys.size > 0;
}
/** Two values of a routine key that differ only in version: version tokens blanked, or the same image repository. */
function sameUpToVersion(before, after) {
    if (withoutVersions(before) === withoutVersions(after))
        return true;
    const a = imageRepository(before);
    return a !== undefined && a === imageRepository(after) && /[:@]/.test(before + after);
}
/**
 * True when every changed value is a version bump under a routine key: the leaf key is one of `keys`
 * (image, tag, version, `*_tag`, \u2026), the values are strings equal up to version tokens (or the same image
 * repository with another tag/digest; for `hashes`-like keys, any values), and nothing was added or
 * removed. `image: redis:7 \u2192 valkey:8` is not a bump.
 */
function onlyVersionBumps(leaves, keys) {
    if (!leaves.length || !anyVersionKeys(keys))
        return false;
    return leaves.every((l) => {
        const leaf = /([A-Za-z_][\w-]*)(?:\[[^\]]*\])?$/.exec(l.path)?.[1];
        if (!leaf || !isVersionKey(keys, leaf))
            return false;
        if (leaf === 'hashes')
            return true;
        if (typeof l.before === 'string' && typeof l.after === 'string')
            return sameUpToVersion(l.before, l.after);
        return false;
    });
}
/** True when every unit change is a version bump under a routine key (see onlyVersionBumps). */
function onlyVersionChanges(changes, keys) {
    return (changes.length > 0 &&
        changes.every((c) => c.change === 'changed') &&
        onlyVersionBumps(changes.flatMap((c) => c.leaves), keys));
}
/** Compares two maps of units; units in both with equal structure are not listed. */
function compareUnits(base, head) {
    const out = [];
    const b = new Map(base.map((u) => [u.label, u.value]));
    const h = new Map(head.map((u) => [u.label, u.value]));
    for (const [label, value] of h) {
        if (!b.has(label))
            out.push({ label, change: 'added', paths: [], leaves: [] });
        else if (!sameValue(b.get(label), value)) {
            const leaves = changedLeaves(b.get(label), value, 50);
            out.push({ label, change: 'changed', paths: leaves.slice(0, 12).map((l) => l.path), leaves });
        }
    }
    for (const label of b.keys())
        if (!h.has(label))
            out.push({ label, change: 'removed', paths: [], leaves: [] });
    return out;
}
function listOf(items, max) {
    return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
/**
 * What changed, in one phrase: `adds aws_db_instance.main; Deployment frontend: spec.replicas,
 * spec.template.spec.containers[server].image`.
 */
function describeChanges(changes, max = 4) {
    const added = changes.filter((c) => c.change === 'added').map((c) => c.label);
    const removed = changes.filter((c) => c.change === 'removed').map((c) => c.label);
    const changed = changes.filter((c) => c.change === 'changed');
    const parts = [];
    if (added.length)
        parts.push(`adds ${listOf(added, max)}`);
    if (removed.length)
        parts.push(`removes ${listOf(removed, max)}`);
    for (const c of changed.slice(0, max))
        parts.push(`${c.label}: ${c.paths.slice(0, 3).join(', ')}${c.paths.length > 3 ? ', \u2026' : ''}`);
    if (changed.length > max)
        parts.push(`${changed.length - max} more changed`);
    return parts.join('; ');
}
/**
 * A Dockerfile's instructions, normalised: comments and blank lines dropped, continuation lines joined,
 * whitespace collapsed, keywords upper-cased. Two Dockerfiles with equal instruction lists build the same
 * image (parser directives such as `# syntax=` are kept as instructions).
 */
function dockerInstructions(text) {
    const lines = text.replace(/\r\n/g, '\n').split('\n');
    const out = [];
    let escape = '\\';
    let inDirectives = true;
    let cur;
    for (let i = 0; i < lines.length; i++) {
        const raw = lines[i];
        const trimmed = raw.trim();
        if (inDirectives) {
            const d = /^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(trimmed);
            if (d && !cur) {
                if (d[1].toLowerCase() === 'escape')
                    escape = d[2];
                out.push({ keyword: `#${d[1].toLowerCase()}`, args: d[2], start: i + 1, end: i + 1 });
                continue;
            }
            if (trimmed)
                inDirectives = false;
        }
        if (trimmed.startsWith('#') || (!trimmed && !cur))
            continue;
        if (!trimmed)
            continue; // blank lines inside a continuation are ignored by BuildKit
        const continues = trimmed.endsWith(escape);
        const body = continues ? trimmed.slice(0, -escape.length) : trimmed;
        if (!cur)
            cur = { parts: [], start: i + 1 };
        cur.parts.push(body);
        if (!continues) {
            const joined = cur.parts.join(' ').replace(/\s+/g, ' ').trim();
            const m = /^(\S+)\s*(.*)$/.exec(joined);
            if (m)
                out.push({ keyword: m[1].toUpperCase(), args: normaliseArgs(m[1].toUpperCase(), m[2]), start: cur.start, end: i + 1 });
            cur = undefined;
        }
    }
    if (cur) {
        const joined = cur.parts.join(' ').replace(/\s+/g, ' ').trim();
        const m = /^(\S+)\s*(.*)$/.exec(joined);
        if (m)
            out.push({ keyword: m[1].toUpperCase(), args: normaliseArgs(m[1].toUpperCase(), m[2]), start: cur.start, end: lines.length });
    }
    return out;
}
/**
 * `ENV`/`LABEL` arguments in one form: the legacy `ENV KEY value with spaces` and `ENV KEY=value` (quoted
 * or not) both become `KEY=value`; `FROM` image names lower-cased up to the tag is not needed (case matters).
 */
function normaliseArgs(keyword, args) {
    if (keyword !== 'ENV' && keyword !== 'LABEL')
        return args;
    const unquote = (v) => /^"(.*)"$/s.test(v) ? v.slice(1, -1).replace(/\\(["\\$])/g, '$1') : /^'(.*)'$/s.test(v) ? v.slice(1, -1) : v;
    const legacy = /^([^\s=]+)\s+(.*)$/s.exec(args);
    if (legacy && !legacy[1].includes('='))
        return `${legacy[1]}=${unquote(legacy[2].trim())}`;
    const pairs = [];
    const re = /([^\s=]+)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g;
    for (let m = re.exec(args); m; m = re.exec(args))
        pairs.push(`${m[1]}=${unquote(m[2])}`);
    return pairs.length ? pairs.join(' ') : args;
}
/** Instructions that shape how the final image RUNS (its interface to operators), not how it is built. */
const RUNTIME_KEYWORDS = new Set(['EXPOSE', 'ENTRYPOINT', 'CMD', 'USER', 'HEALTHCHECK', 'VOLUME', 'STOPSIGNAL', 'ENV', 'SHELL', 'ONBUILD']);
/** `FROM [--platform=\u2026] image [AS name]` \u2192 image and alias. */
function fromParts(args) {
    const words = args.split(' ').filter((w) => !w.startsWith('--'));
    const as = words.findIndex((w) => w.toUpperCase() === 'AS');
    return { image: words[0] ?? '', alias: as >= 0 ? words[as + 1]?.toLowerCase() : undefined };
}
/**
 * The runtime contract of a Dockerfile's final image: the final stage (and the stages it inherits from by
 * `FROM <stage>`) reduced to what an operator sees \u2014 ports, entrypoint/command, user, health check,
 * volumes, stop signal, runtime env \u2014 and the external base image it starts from. Build stages, `RUN`,
 * `COPY`, `ARG` and `WORKDIR` only decide how the image is built.
 */
function dockerRuntime(instructions) {
    const stages = [];
    for (const i of instructions) {
        if (i.keyword === 'FROM')
            stages.push({ from: i, body: [] });
        else if (stages.length)
            stages[stages.length - 1].body.push(i);
    }
    if (!stages.length)
        return { runtime: instructions.filter((i) => RUNTIME_KEYWORDS.has(i.keyword)) };
    const chain = [];
    let cur = stages[stages.length - 1];
    while (cur && !chain.includes(cur)) {
        chain.unshift(cur);
        const image = fromParts(cur.from.args).image.toLowerCase();
        const at = stages.indexOf(cur);
        cur = stages
            .slice(0, at)
            .reverse()
            .find((st) => fromParts(st.from.args).alias === image);
    }
    return { base: chain[0].from, runtime: chain.flatMap((st) => st.body.filter((i) => RUNTIME_KEYWORDS.has(i.keyword))) };
}
/** The base image of a runtime, compared up to its version (tag, digest): `golang:1.22` = `golang:1.23`. */
function dockerBaseKey(base) {
    if (!base)
        return '';
    const image = fromParts(base.args).image;
    return imageRepository(image) ?? withoutVersions(image);
}
/* \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500 text fallbacks \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500 */
/**
 * Text with comments and blank lines removed and whitespace collapsed, for files that cannot be parsed
 * (templated YAML, invalid HCL): `#` comments (YAML/HCL/shell), `//` line comments (HCL) and Go-template
 * comments `{{/* \u2026 *\/}}` on their own lines.
 */
function normaliseText(text) {
    return text
        .replace(/\r\n/g, '\n')
        .replace(/\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g, '')
        .split('\n')
        .map((l) => l
        .replace(/^\s*(?:#|\/\/).*$/, '')
        .replace(/^([^"'#]*?)\s+#.*$/, '$1')
        .replace(/\s+/g, ' ')
        .trim())
        .filter(Boolean)
        .join('\n');
}
/**
 * Templated YAML (Helm) compared as text after dropping lines that hold only control directives
 * (`{{- if \u2026 }}`, `{{ else }}`, `{{- end }}`, `{{ with }}`, `{{ range }}`): moving a key across such a
 * line (a templating fix) renders the same keys and values. Inline expressions (`{{ .Values.x }}`) are kept.
 */
function normaliseTemplate(text) {
    return normaliseText(text)
        .split('\n')
        .filter((l) => !/^(?:\{\{-?\s*(?:if|else|end|with|range)\b[^}]*?-?\}\}\s*)+$/.test(l))
        .join('\n');
}
/* \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500 lines the PR touched \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500 */
/**
 * Head-side lines the patch touched: added lines, and for pure deletions the head line where the removed
 * lines were (so a removal also points somewhere real).
 */
function touchedLines(patch) {
    if (!patch)
        return [];
    const out = [];
    let hunks;
    try {
        hunks = parsePatch(patch);
    }
    catch {
        return [];
    }
    for (const h of hunks) {
        let next = h.newStart;
        for (const l of h.lines) {
            if (l.type === '+' && l.newLine !== undefined) {
                out.push({ line: l.newLine, text: l.text, added: true });
                next = l.newLine + 1;
            }
            else if (l.type === ' ' && l.newLine !== undefined)
                next = l.newLine + 1;
            else if (l.type === '-' && !out.some((o) => o.line === Math.max(1, next - 1) || o.line === next))
                out.push({ line: Math.max(1, next), text: '', added: false });
        }
    }
    return out;
}
/** Line ranges of the documents of a multi-document YAML text, in document order (empty documents skipped). */
function yamlDocRanges(text) {
    const lines = text.split('\n');
    const out = [];
    let start = 1;
    let content = false;
    const close = (end) => {
        if (content)
            out.push([start, end]);
        content = false;
    };
    for (let i = 0; i < lines.length; i++) {
        if (/^---(?:\s|$)/.test(lines[i]) || /^\.\.\.\s*$/.test(lines[i])) {
            close(i);
            start = i + 2;
            continue;
        }
        if (lines[i].trim() && !/^\s*#/.test(lines[i]) && !/^%/.test(lines[i]))
            content = true;
    }
    close(lines.length);
    return out;
}
/**
 * Line range of a YAML child mapping entry `key:` under a top-level `parent:` (compose `services.<key>`,
 * workflow `jobs.<key>`), inside [from, to].
 */
function yamlChildRange(text, parent, key, from = 1, to = Number.MAX_SAFE_INTEGER) {
    const lines = text.split('\n');
    const last = Math.min(to, lines.length);
    let p = -1;
    for (let i = from - 1; i < last; i++)
        if (new RegExp(`^["']?${semantic_escapeRe(parent)}["']?\\s*:`).test(lines[i])) {
            p = i;
            break;
        }
    if (p < 0)
        return undefined;
    let indent = -1;
    let start = -1;
    for (let i = p + 1; i < last; i++) {
        const l = lines[i];
        if (!l.trim() || /^\s*#/.test(l))
            continue;
        const ind = l.length - l.trimStart().length;
        if (ind === 0)
            return start >= 0 ? [start + 1, i] : undefined;
        if (indent < 0)
            indent = ind;
        if (ind === indent) {
            if (start >= 0)
                return [start + 1, i];
            if (new RegExp(`^\\s*["']?${semantic_escapeRe(key)}["']?\\s*:`).test(l))
                start = i;
        }
    }
    return start >= 0 ? [start + 1, last] : undefined;
}
/** Line range of a Terraform block (`resource "t" "n" {`, `module "m" {`, `locals {`) until the next top-level block. */
function hclBlockRange(text, address) {
    const lines = text.split('\n');
    const parts = address.split('.');
    let head;
    const q = (s) => `"?${semantic_escapeRe(s)}"?`;
    if (parts[0] === 'data' && parts.length >= 3)
        head = new RegExp(`^data\\s+${q(parts[1])}\\s+${q(parts.slice(2).join('.'))}\\s*\\{`);
    else if (['module', 'variable', 'output', 'provider'].includes(parts[0]))
        head = new RegExp(`^${parts[0]}\\s+${q(parts.slice(1).join('.'))}\\s*\\{`);
    else if (parts[0] === 'locals' || parts[0] === 'terraform')
        head = new RegExp(`^${parts[0]}\\s*\\{`);
    else if (parts.length >= 2)
        head = new RegExp(`^resource\\s+${q(parts[0])}\\s+${q(parts.slice(1).join('.'))}\\s*\\{`);
    else
        return undefined;
    const start = lines.findIndex((l) => head.test(l.trim()));
    if (start < 0)
        return undefined;
    for (let i = start + 1; i < lines.length; i++)
        if (/^[A-Za-z_][\w-]*(?:\s+"[^"]*"|\s+[\w-]+)*\s*\{/.test(lines[i]))
            return [start + 1, i];
    return [start + 1, lines.length];
}
function semantic_escapeRe(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/**
 * The best line to point at for a change inside `range`: a touched line in the range whose text names the
 * leaf key of one of `paths`, else the first touched line in the range, else the first touched line at
 * all, else the range's start.
 */
function pickLine(touched, range, paths) {
    const inRange = range ? touched.filter((t) => t.line >= range[0] && t.line <= range[1]) : touched;
    const leaves = paths.map((p) => /([A-Za-z_][\w-]*)(?:\[[^\]]*\])?$/.exec(p)?.[1]).filter((x) => !!x);
    for (const leaf of leaves) {
        const hit = inRange.find((t) => t.added && new RegExp(`(?:^|[^\\w-])["']?${semantic_escapeRe(leaf)}["']?\\s*[:=]`).test(t.text));
        if (hit)
            return hit.line;
    }
    return (inRange.find((t) => t.added)?.line ?? inRange.at(0)?.line ?? touched.find((t) => t.added)?.line ?? touched.at(0)?.line ?? range?.[0]);
}
/* \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500 units per file kind \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500 */
/** `Deployment shop/frontend`: the identity of a Kubernetes object (undefined for other documents). */
function k8sLabel(doc) {
    if (!(0,src_json/* isObject */.Gv)(doc))
        return undefined;
    const kind = str(doc.kind);
    if (!str(doc.apiVersion) || !kind)
        return undefined;
    const meta = (0,src_json/* isObject */.Gv)(doc.metadata) ? doc.metadata : {};
    const ns = str(meta.namespace);
    const name = str(meta.name) ?? str(meta.generateName);
    return `${kind}${name ? ` ${ns ? `${ns}/` : ''}${name}` : ''}`;
}
/** Units of a YAML/JSON file: one per Kubernetes object (by kind/namespace/name), else one per document. */
function docUnits(docs) {
    const seen = new Map();
    return docs.map((d, i) => {
        let label = k8sLabel(d) ?? (docs.length === 1 ? 'document' : `document ${i + 1}`);
        const n = seen.get(label) ?? 0;
        seen.set(label, n + 1);
        if (n)
            label = `${label} #${n + 1}`;
        return { label, value: d };
    });
}
/** Units of a mapping with one child section (compose `services`, workflow `jobs`), the rest by top-level key. */
function sectionUnits(doc, section, prefix) {
    if (!(0,src_json/* isObject */.Gv)(doc))
        return [{ label: 'document', value: doc }];
    const out = [];
    for (const [k, v] of Object.entries(doc)) {
        if (k === section && (0,src_json/* isObject */.Gv)(v))
            for (const [name, body] of Object.entries(v))
                out.push({ label: `${prefix} ${name}`, value: body });
        else
            out.push({ label: k, value: v });
    }
    return out;
}
/**
 * HCL block syntax and attribute syntax carry the same meaning (`kubernetes { host = \u2026 }` in Helm provider
 * 2.x, `kubernetes = { host = \u2026 }` in 3.x): hcl2json gives a block as a one-element list of objects and an
 * attribute as the object. Such lists are read as their element, everywhere in the tree.
 */
function hclBlocksAsObjects(v) {
    if (Array.isArray(v))
        return v.length === 1 && (0,src_json/* isObject */.Gv)(v[0]) ? hclBlocksAsObjects(v[0]) : v.map(hclBlocksAsObjects);
    if ((0,src_json/* isObject */.Gv)(v))
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, hclBlocksAsObjects(x)]));
    return v;
}
/** Units of a Terraform file (hcl2json output): one per block address; a variables file is one unit per variable. */
function terraformUnits(json, variablesFile) {
    if (!(0,src_json/* isObject */.Gv)(json))
        return [];
    return terraformUnitsRaw(json, variablesFile).map((u) => ({ label: u.label, value: hclBlocksAsObjects(u.value) }));
}
function terraformUnitsRaw(json, variablesFile) {
    const out = [];
    if (variablesFile) {
        for (const [k, v] of Object.entries(json))
            out.push({ label: `var.${k}`, value: v });
        return out;
    }
    const obj = (v) => ((0,src_json/* isObject */.Gv)(v) ? v : {});
    for (const [key, value] of Object.entries(json)) {
        if (key === 'resource' || key === 'data') {
            for (const [type, byName] of Object.entries(obj(value)))
                for (const [name, body] of Object.entries(obj(byName)))
                    out.push({ label: `${key === 'data' ? 'data.' : ''}${type}.${name}`, value: body });
        }
        else if (['module', 'variable', 'output', 'provider'].includes(key) && (0,src_json/* isObject */.Gv)(value)) {
            for (const [name, body] of Object.entries(value))
                out.push({ label: `${key}.${name}`, value: body });
        }
        else if (key === 'locals' && Array.isArray(value)) {
            // several `locals {}` blocks: one unit per local value
            for (const block of value)
                for (const [name, v] of Object.entries(obj(block)))
                    out.push({ label: `local.${name}`, value: v });
        }
        else
            out.push({ label: key, value });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/rules/runbook/detect.ts
/**
 * Operational-change detection: which changed files (and added lines) are deploy manifests, infrastructure,
 * alerting/monitoring, release workflows, schedules, new env vars or feature flags. Structured files are
 * parsed (YAML, JSON, HCL); what cannot be parsed falls back to path rules and is reported as such. Reads are
 * bounded by a budget: a 3000-file PR reads only the YAML/JSON/HCL files and the code files that add an
 * env-var read.
 */










class BudgetedReader {
    ctx;
    budget;
    maxBytes;
    reads = 0;
    cache = new Map();
    constructor(ctx, budget, maxBytes) {
        this.ctx = ctx;
        this.budget = budget;
        this.maxBytes = maxBytes;
    }
    head(path) {
        return this.read('head', path);
    }
    base(path) {
        return this.read('base', path);
    }
    read(side, path) {
        const key = `${side}:${path}`;
        let p = this.cache.get(key);
        if (!p) {
            p = this.doRead(side, path);
            this.cache.set(key, p);
        }
        return p;
    }
    async doRead(side, path) {
        if (this.reads >= this.budget)
            return { skip: `read budget of ${this.budget} files reached` };
        this.reads++;
        const text = side === 'head' ? await this.ctx.changes.readHead(path) : await this.ctx.changes.readBase(path);
        if (text === undefined)
            return { skip: `absent at ${side}` };
        if (text.length > this.maxBytes)
            return { skip: `larger than ${this.maxBytes} bytes` };
        return { text };
    }
}
const basename = (p) => p.slice(p.lastIndexOf('/') + 1);
const dirname = (p) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
const detect_join = (dir, name) => (dir ? `${dir}/${name}` : name);
const WORKFLOW = /^\.github\/workflows\/[^/]+\.ya?ml$/;
const detect_DOCKERFILE = /^(?:Dockerfile|Containerfile)(?:\.[\w.-]+)?$|\.(?:Dockerfile|dockerfile|Containerfile)$/;
const PROCFILE = /^Procfile(?:\.[\w.-]+)?$/;
const COMPOSE = /^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$/;
const KUSTOMIZATION = /^(?:kustomization\.ya?ml|Kustomization)$/;
const TERRAFORM = /\.(?:tf|tfvars)(?:\.json)?$|^terragrunt\.hcl$|^\.terraform\.lock\.hcl$/;
const PULUMI = /^Pulumi(?:\.[\w-]+)?\.ya?ml$/;
const SAM_CONFIG = /^samconfig\.(?:toml|ya?ml)$|^serverless\.(?:ya?ml|ts|js)$/;
const CHART_FILE = /^(?:Chart\.ya?ml|Chart\.lock|requirements\.ya?ml|\.helmignore)$/;
const VALUES_FILE = /^values(?:[.-][\w.-]+)?\.(?:ya?ml|json)$/;
const CRONTAB = /^(?:crontab|[\w.-]+\.cron|[\w.-]+\.crontab)$/;
const YAML = /\.ya?ml$/i;
const JSON_FILE = /\.json$/i;
/** JSON/YAML that is never operational: skip without reading. */
const NEVER_READ = /(?:^|\/)(?:package(?:-lock)?\.json|tsconfig[\w.-]*\.json|jsconfig\.json|composer\.(?:json|lock)|\.eslintrc[\w.]*|\.prettierrc[\w.]*|renovate\.json|\.?vscode\/[^/]+|pnpm-lock\.yaml|yarn\.lock|\.pre-commit-config\.yaml|mkdocs\.ya?ml|\.?codecov\.ya?ml|dependabot\.ya?ml|\.golangci\.ya?ml|CITATION\.cff|openapi[\w.-]*|swagger[\w.-]*)$/;
const MONITOR_TYPES = new Set([
    'metric alert',
    'query alert',
    'service check',
    'event alert',
    'event-v2 alert',
    'log alert',
    'process alert',
    'rum alert',
    'trace-analytics alert',
    'slo alert',
    'composite',
    'synthetics alert',
    'audit alert',
    'ci-pipelines alert',
    'error-tracking alert',
    'database-monitoring alert',
    'network-performance alert',
    'cost alert',
]);
const detect_str = (v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
function nameList(items, max = 4) {
    const uniq = [...new Set(items)];
    return uniq.length <= max ? uniq.join(', ') : `${uniq.slice(0, max).join(', ')} and ${uniq.length - max} more`;
}
/** First 1-based line of `text` matching `re`. */
function lineOf(text, re) {
    if (!text)
        return undefined;
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++)
        if (re.test(lines[i]))
            return i + 1;
    return undefined;
}
/** Classifies parsed YAML/JSON documents of one file. */
function classifyDocs(docs, text) {
    const k8s = new Map();
    const out = [];
    let k8sLine;
    for (const doc of docs) {
        if (!(0,src_json/* isObject */.Gv)(doc))
            continue;
        const apiVersion = detect_str(doc.apiVersion);
        const kind = detect_str(doc.kind);
        if (apiVersion && kind) {
            k8sLine ??= lineOf(text, new RegExp(`^kind:\\s*["']?${kind.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`)); // kind is the PR's text
            const cron = classifyK8sDoc(doc, apiVersion, kind, text, k8s);
            if (cron)
                out.push(cron);
            continue;
        }
        const c = classifyOtherDoc(doc, text);
        if (c)
            out.push(c);
    }
    for (const [code, items] of k8s) {
        const what = code === 'k8s-manifest'
            ? `Kubernetes manifest: ${nameList(items)}`
            : code === 'alert-rule'
                ? `Kubernetes alerting: ${nameList(items)}`
                : code === 'slo'
                    ? `SLO definition: ${nameList(items)}`
                    : code === 'dashboard'
                        ? `Grafana dashboard resource: ${nameList(items)}`
                        : `Kustomize overlay: ${nameList(items)}`;
        out.unshift({ code, what, line: code === 'k8s-manifest' ? k8sLine : undefined });
    }
    return out;
}
/**
 * A Kubernetes-style document (apiVersion and kind): a CronJob is classified on its own (returned); every
 * other kind is added to `k8s`, summarised per trigger code by the caller.
 */
function classifyK8sDoc(doc, apiVersion, kind, text, k8s) {
    const addK8s = (code, item) => {
        const l = k8s.get(code) ?? [];
        l.push(item);
        k8s.set(code, l);
    };
    const meta = (0,src_json/* isObject */.Gv)(doc.metadata) ? doc.metadata : {};
    const name = detect_str(meta.name);
    const label = name ? `${kind} ${name}` : kind;
    const spec = (0,src_json/* isObject */.Gv)(doc.spec) ? doc.spec : {};
    if (kind === 'CronJob') {
        const sched = detect_str(spec.schedule);
        return {
            code: 'cron',
            what: `Kubernetes CronJob ${name ?? ''}${sched ? ` (schedule "${sched}")` : ''}`.replace('  ', ' '),
            line: lineOf(text, /^\s*schedule:/),
        };
    }
    else if (kind === 'PrometheusRule') {
        const alerts = (0,src_json/* list */.p_)(spec.groups)
            .flatMap((g) => (0,src_json/* list */.p_)((0,src_json/* isObject */.Gv)(g) ? g.rules : undefined))
            .map((r) => ((0,src_json/* isObject */.Gv)(r) ? detect_str(r.alert) : undefined))
            .filter((x) => !!x);
        addK8s('alert-rule', `PrometheusRule ${name ?? ''}${alerts.length ? ` (alerts ${nameList(alerts)})` : ''}`.trim());
    }
    else if (apiVersion.startsWith('openslo/') || kind === 'PrometheusServiceLevel' || kind === 'ServiceLevelObjective') {
        addK8s('slo', label);
    }
    else if (kind === 'GrafanaDashboard') {
        addK8s('dashboard', label);
    }
    else if (kind === 'Kustomization' && apiVersion.startsWith('kustomize.config.k8s.io')) {
        addK8s('kustomize', 'Kustomization');
    }
    else if (kind === 'AlertmanagerConfig' || kind === 'Alertmanager') {
        addK8s('alert-rule', label);
    }
    else {
        addK8s('k8s-manifest', label);
    }
    return undefined;
}
/** A document of another kind: Prometheus/Alertmanager/Sloth, CloudFormation, Grafana, Datadog, Compose, Pulumi. */
function classifyOtherDoc(doc, text) {
    // Prometheus rule file: groups[].rules[] with alert/record.
    const groups = (0,src_json/* list */.p_)(doc.groups);
    if (groups.length && groups.every((g) => (0,src_json/* isObject */.Gv)(g) && Array.isArray(g.rules))) {
        const rules = groups.flatMap((g) => (0,src_json/* list */.p_)(g.rules)).filter(src_json/* isObject */.Gv);
        const alerts = rules.map((r) => detect_str(r.alert)).filter((x) => !!x);
        const records = rules.filter((r) => detect_str(r.record)).length;
        if (alerts.length || records) {
            const parts = [
                alerts.length ? `alerts ${nameList(alerts)}` : '',
                records ? `${records} recording rule${records === 1 ? '' : 's'}` : '',
            ].filter(Boolean);
            return { code: 'alert-rule', what: `Prometheus rules (${parts.join('; ')})`, line: lineOf(text, /^\s*-?\s*alert:/) };
        }
    }
    if ((0,src_json/* isObject */.Gv)(doc.route) && Array.isArray(doc.receivers)) {
        const receivers = doc.receivers.map((r) => ((0,src_json/* isObject */.Gv)(r) ? detect_str(r.name) : undefined)).filter((x) => !!x);
        return { code: 'alert-rule', what: `Alertmanager routing (receivers ${nameList(receivers)})` };
    }
    if (detect_str(doc.version)?.startsWith('prometheus/') && Array.isArray(doc.slos)) {
        const names = doc.slos.map((s) => ((0,src_json/* isObject */.Gv)(s) ? detect_str(s.name) : undefined)).filter((x) => !!x);
        return { code: 'slo', what: `Sloth SLOs of service ${detect_str(doc.service) ?? '?'} (${nameList(names)})` };
    }
    const resources = (0,src_json/* isObject */.Gv)(doc.Resources) ? doc.Resources : undefined;
    if (doc.AWSTemplateFormatVersion !== undefined ||
        (resources && Object.values(resources).some((r) => (0,src_json/* isObject */.Gv)(r) && /^(?:AWS|Custom|Alexa)::/.test(detect_str(r.Type) ?? '')))) {
        const transform = JSON.stringify(doc.Transform ?? '');
        const types = resources
            ? Object.values(resources)
                .map((r) => ((0,src_json/* isObject */.Gv)(r) ? detect_str(r.Type) : undefined))
                .filter((x) => !!x)
            : [];
        return {
            code: 'cloudformation',
            what: `${transform.includes('Serverless') ? 'SAM' : 'CloudFormation'} template (${nameList(types)})`,
        };
    }
    const dash = (0,src_json/* isObject */.Gv)(doc.dashboard) && Array.isArray(doc.dashboard.panels) ? doc.dashboard : doc;
    if (Array.isArray(dash.panels) && (dash.schemaVersion !== undefined || dash.title !== undefined || dash.uid !== undefined)) {
        return { code: 'dashboard', what: `Grafana dashboard "${detect_str(dash.title) ?? detect_str(dash.uid) ?? '?'}" (${dash.panels.length} panels)` };
    }
    const monitors = (Array.isArray(doc) ? doc : [doc]).filter((m) => (0,src_json/* isObject */.Gv)(m) && MONITOR_TYPES.has(detect_str(m.type) ?? '') && typeof m.query === 'string');
    if (monitors.length) {
        return { code: 'datadog-monitor', what: `Datadog monitor ${nameList(monitors.map((m) => `"${detect_str(m.name) ?? detect_str(m.query)}"`))}` };
    }
    if ((0,src_json/* isObject */.Gv)(doc.services) && Object.values(doc.services).some((s) => (0,src_json/* isObject */.Gv)(s) && (s.image !== undefined || s.build !== undefined))) {
        return { code: 'docker-compose', what: `Compose services ${nameList(Object.keys(doc.services))}` };
    }
    if (detect_str(doc.name) &&
        detect_str(doc.runtime) !== undefined &&
        Object.keys(doc).length < 12 &&
        (doc.runtime === 'nodejs' ||
            doc.runtime === 'python' ||
            doc.runtime === 'go' ||
            doc.runtime === 'dotnet' ||
            doc.runtime === 'java' ||
            doc.runtime === 'yaml' ||
            (0,src_json/* isObject */.Gv)(doc.runtime))) {
        return { code: 'pulumi', what: `Pulumi project ${detect_str(doc.name)}` };
    }
    return undefined;
}
/**
 * The jobs of a workflow (head or base side) that deploy, by id. A workflow that only runs for pull requests
 * (checks, previews) deploys nothing to production.
 */
function deployingJobs(hd, bd, rec, nonProductionEvents) {
    const jobsOf = (d) => ((0,src_json/* isObject */.Gv)(d) && (0,src_json/* isObject */.Gv)(d.jobs) ? d.jobs : {});
    const deploying = new Map();
    const prOnly = (d) => {
        if (!(0,src_json/* isObject */.Gv)(d))
            return true;
        const on = d.on ?? d['true'];
        const events = typeof on === 'string' ? [on] : Array.isArray(on) ? on.map(String) : (0,src_json/* isObject */.Gv)(on) ? Object.keys(on) : [];
        return events.length > 0 && events.every((e) => nonProductionEvents.includes(e));
    };
    if (!(prOnly(hd) && prOnly(bd)))
        for (const d of [hd, bd])
            for (const [id, job] of Object.entries(jobsOf(d))) {
                const r = jobDeploys(rec, id, job);
                if (r.deploys && !deploying.has(id))
                    deploying.set(id, r);
            }
    return deploying;
}
/**
 * Whether a modified file (both sides read) kept its meaning: the same parsed value, text or template once
 * comments and layout are gone ('no-change'), or only routine version bumps ('version-bump').
 */
function unchangedMeaning(s, parsed, baseParsed, versionKeys, versionKeyList) {
    if (s.head === undefined || s.base === undefined)
        return undefined;
    const single = (docs) => (docs.length === 1 ? docs[0] : docs);
    if ((parsed.ok && baseParsed?.ok && sameValue(parsed.docs, baseParsed.docs)) || normaliseText(s.head) === normaliseText(s.base))
        return 'no-change';
    if (!parsed.ok && isTemplated(s.head) && normaliseTemplate(s.head) === normaliseTemplate(s.base))
        return 'no-change';
    if (parsed.ok && baseParsed?.ok && onlyVersionBumps(changedLeaves(single(baseParsed.docs), single(parsed.docs), 50), versionKeys))
        return 'version-bump';
    if (!parsed.ok && versionKeyList.length && templatedVersionBump(s.base, s.head, versionKeyTest(versionKeyList)))
        return 'version-bump';
    return undefined;
}
/**
 * The triggers of a modified file: one per trigger code among the documents whose structure changed (added
 * or changed at head, removed at base), at the first changed line; or why there is none.
 */
function modifiedDocTriggers(m, t, versionKeys) {
    const hu = docUnits(m.headDocs);
    const bu = docUnits(m.baseDocs);
    const changes = compareUnits(bu, hu);
    if (!changes.length)
        return 'no-change';
    // Objects matched by identity (a reordered multi-document release manifest): only image tags moved.
    if (onlyVersionChanges(changes, versionKeys))
        return 'version-bump';
    const ranges = yamlDocRanges(m.text);
    const headRange = (label) => {
        if (JSON_FILE.test(m.name) || ranges.length !== m.parsedDocs.length)
            return undefined;
        const i = hu.findIndex((u) => u.label === label);
        return i >= 0 ? ranges[m.parsedDocs.indexOf(hu[i].value)] : undefined;
    };
    const changedLabels = new Set(changes.map((c) => c.label));
    const classes = [
        ...classifyDocs(hu.filter((u) => changedLabels.has(u.label)).map((u) => u.value), m.text),
        ...classifyDocs(bu.filter((u) => changes.some((c) => c.change === 'removed' && c.label === u.label)).map((u) => u.value), m.baseText),
    ];
    const seen = new Set();
    const first = changes.find((c) => c.change !== 'removed') ?? changes[0];
    const line = pickLine(t, headRange(first.label), first.paths);
    const k8sChanges = changes.filter((c) => !c.label.startsWith('document'));
    const triggers = [];
    for (const c of classes) {
        if (seen.has(c.code))
            continue;
        seen.add(c.code);
        const what = c.code === 'k8s-manifest' && k8sChanges.length
            ? `Kubernetes manifest: ${describeChanges(k8sChanges)}`
            : k8sChanges.length || !first.paths.length
                ? c.what
                : `${c.what}: ${nameList(first.paths, 3)}`;
        triggers.push({ code: c.code, what });
    }
    return { line, triggers };
}
/** What changed in a Helm file: the changed value paths, else what its documents are, else why it was not parsed. */
function helmDetail(paths, kinds, parsed) {
    if (paths.length)
        return `: ${nameList(paths, 3)}`;
    if (kinds.length)
        return `: ${kinds.join('; ')}`;
    return parsed.ok ? '' : ` (${parsed.reason}: classified by path)`;
}
/** Compiles the command list (`kubectl apply`) to one RegExp: words in order, any whitespace between. */
function commandPattern(commands) {
    const alts = commands
        .map((c) => c
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('\\s+'))
        .filter(Boolean);
    return alts.length ? new RegExp(`(?:^|[\\s;&|(\`'"])(?:${alts.join('|')})(?=$|[\\s;&|)\`'"])`, 'im') : undefined;
}
const recognisers = new WeakMap();
/** Whether one workflow job deploys, and why: by `environment:`, a deploy action, a deploy command, or its name. */
function jobDeploys(rec, id, job) {
    let fn = recognisers.get(rec);
    if (!fn) {
        const cmd = commandPattern(rec.commands);
        const names = new Set(rec.jobNames.map((n) => n.toLowerCase()));
        fn = (jobId, j) => {
            if (!(0,src_json/* isObject */.Gv)(j))
                return { deploys: false };
            const env = (0,src_json/* isObject */.Gv)(j.environment) ? detect_str(j.environment.name) : detect_str(j.environment);
            if (env && rec.nonProduction.some((g) => (0,esm/* minimatch */.xF)(env, g, { nocase: true })))
                return { deploys: false, environment: env };
            if (env && rec.environments.some((g) => (0,esm/* minimatch */.xF)(env, g, { nocase: true })))
                return { deploys: true, environment: env, why: `environment ${env}` };
            // A job named for a non-production target (deployment-tests, e2e, deploy-preview, deploy-pr) deploys to a test cluster.
            const named = [jobId, detect_str(j.name) ?? ''].filter(Boolean);
            const nameWords = named.flatMap((n) => n.toLowerCase().split(/[^a-z0-9]+/)).filter(Boolean);
            if ([...named, ...nameWords].some((w) => rec.nonProduction.some((g) => (0,esm/* minimatch */.xF)(w, g, { nocase: true }))))
                return { deploys: false, environment: env };
            for (const step of (0,src_json/* list */.p_)(j.steps)) {
                if (!(0,src_json/* isObject */.Gv)(step))
                    continue;
                const uses = detect_str(step.uses)?.replace(/@.*$/, '');
                if (uses && rec.actions.some((g) => (0,esm/* minimatch */.xF)(uses, g, { nocase: true, dot: true })))
                    return { deploys: true, environment: env, why: `uses ${uses}` };
                const run = detect_str(step.run);
                const m = run && cmd ? cmd.exec(run) : null;
                if (m)
                    return { deploys: true, environment: env, why: `runs ${m[0].trim().replace(/\s+/g, ' ')}` };
            }
            const words = `${jobId} ${detect_str(j.name) ?? ''}`.toLowerCase().split(/[^a-z0-9]+/);
            const word = words.find((w) => names.has(w));
            if (word)
                return { deploys: true, environment: env, why: `named ${word}` };
            return { deploys: false, environment: env };
        };
        recognisers.set(rec, fn);
    }
    return fn(id, job);
}
/** Jobs that deploy, with the environments they name. */
function workflowDeploys(doc, rec) {
    const environments = [];
    const jobs = [];
    if (!isObject(doc) || !isObject(doc.jobs))
        return { environments, jobs };
    for (const [id, job] of Object.entries(doc.jobs)) {
        const d = jobDeploys(rec, id, job);
        if (!d.deploys)
            continue;
        jobs.push(id);
        if (d.environment)
            environments.push(d.environment);
    }
    return { environments, jobs };
}
/**
 * A workflow whose every job runs only steps that `uses:` an action of `actions` (globs, without `@ref`): no
 * `run:` step, no reusable workflow (`jobs.<id>.uses`). Such a workflow works on the repository (stale issues,
 * reports, CodeQL), never on production, whatever its schedule.
 */
function repoAutomationOnly(doc, actions) {
    if (!(0,src_json/* isObject */.Gv)(doc) || !(0,src_json/* isObject */.Gv)(doc.jobs) || !actions.length)
        return false;
    const jobs = Object.values(doc.jobs);
    return (jobs.length > 0 &&
        jobs.every((job) => {
            if (!(0,src_json/* isObject */.Gv)(job) || job.uses !== undefined)
                return false;
            const steps = (0,src_json/* list */.p_)(job.steps);
            return (steps.length > 0 &&
                steps.every((step) => {
                    const uses = (0,src_json/* isObject */.Gv)(step) && step.run === undefined ? detect_str(step.uses)?.replace(/@.*$/, '') : undefined;
                    return uses !== undefined && actions.some((g) => (0,esm/* minimatch */.xF)(uses, g, { nocase: true, dot: true }));
                }));
        }));
}
function workflowSchedules(doc) {
    if (!(0,src_json/* isObject */.Gv)(doc))
        return [];
    const on = doc.on ?? doc['true']; // YAML 1.1 parsers read `on` as true
    if (!(0,src_json/* isObject */.Gv)(on))
        return [];
    return (0,src_json/* list */.p_)(on.schedule)
        .map((s) => ((0,src_json/* isObject */.Gv)(s) ? detect_str(s.cron) : undefined))
        .filter((x) => !!x);
}
const SKIP_EXCLUSIONS = new Set(['generated', 'vendored', 'minified', 'snapshot']);
/** API versions of tooling that look like Kubernetes objects but never reach a production cluster. */
const DEV_API_VERSIONS = /^(?:skaffold\/|kind\.x-k8s\.io\/|ctlptl\.dev\/|tilt\.dev\/|k3d\.io\/|kuttl\.dev\/|chainsaw\.kyverno\.io\/)/;
const removedNote = (f) => (f.status === 'removed' ? ' (removed)' : '');
const hasBase = (f) => f.status !== 'added';
const hasHead = (f) => f.status !== 'removed';
/** True when both sides exist and their texts carry the same meaning once comments and layout are gone. */
const sameText = (s) => s.head !== undefined && s.base !== undefined && normaliseText(s.head) === normaliseText(s.base);
const touched = (f) => touchedLines(f.patch);
const parseStructured = (path, text) => (JSON_FILE.test(path) ? loadJson(text) : loadYamlDocs(text));
const single = (docs) => (docs.length === 1 ? docs[0] : docs);
const dockerKey = (i) => `${i.keyword} ${i.args}`;
/** Instructions added at head, removed from base (as keys), and whether the same instructions were reordered. */
function instructionDiff(head, base) {
    const left = new Map();
    for (const i of base)
        left.set(dockerKey(i), (left.get(dockerKey(i)) ?? 0) + 1);
    const added = [];
    for (const i of head) {
        const n = left.get(dockerKey(i)) ?? 0;
        if (n > 0)
            left.set(dockerKey(i), n - 1);
        else
            added.push(i);
    }
    const removed = [...left].flatMap(([k, n]) => Array.from({ length: n }, () => k));
    const reordered = !added.length && !removed.length && head.map(dockerKey).join('\n') !== base.map(dockerKey).join('\n');
    return { added, removed, reordered };
}
/** One side of a Terraform file parsed: HCL, or JSON for `*.tf.json`/`*.tfvars.json`; undefined when the side is absent. */
async function parseTerraformSide(text, path) {
    if (text === undefined)
        return undefined;
    if (/\.json$/.test(path)) {
        const j = loadJson(text);
        return j.ok ? { ok: true, value: j.docs[0] } : { ok: false, reason: j.reason };
    }
    const p = await parseTerraform(path, text);
    return typeof p === 'string' ? { ok: false, reason: p } : { ok: true, value: p.json };
}
/** Documents that can reach production: all but those of development tooling (skaffold, kind, tilt, \u2026). */
const productionDocs = (docs) => docs.filter((d) => !((0,src_json/* isObject */.Gv)(d) && DEV_API_VERSIONS.test(detect_str(d.apiVersion) ?? '')));
/**
 * One run of the detection. Analysis: each changed file is classified by its path and, where it has one, by
 * the meaning of its change (the `classify*` methods). Decision: what they find is recorded here (a trigger,
 * or why there is none: no operational change, a version bump, build-only, dev tooling, not read, \u2026) and
 * handed back by `result`.
 */
class Detector {
    options;
    reader;
    disabled;
    /** The changed files the detection looks at (not excluded, not runbooks themselves). */
    files;
    notRead = [];
    triggers = [];
    unparsed = [];
    noOperationalChange = [];
    devTooling = [];
    versionBumps = [];
    buildOnly = [];
    nonProduction = [];
    versionKeys;
    hclUnavailable;
    rec;
    /** Paths that exist at head. */
    headPaths;
    chartRoots = new Map();
    constructor(ctx, options, runbookGlobs) {
        this.options = options;
        this.reader = new BudgetedReader(ctx, options.max_file_reads, options.max_file_bytes);
        this.disabled = new Set(options.disable);
        this.versionKeys = options.version_keys.length ? versionKeyTest(options.version_keys) : new Set();
        this.rec = {
            environments: options.deploy_environments,
            nonProduction: options.non_production_environments,
            actions: options.deploy_actions,
            commands: options.deploy_commands,
            jobNames: options.deploy_job_names,
        };
        this.files = ctx.changes.files.filter((f) => !(f.excluded && SKIP_EXCLUSIONS.has(f.excluded)) && !(0,glob/* matchesAny */._I)(f.path, options.exclude) && !(0,glob/* matchesAny */._I)(f.path, runbookGlobs));
        this.headPaths = new Set(ctx.changes.files.filter((f) => f.status !== 'removed').map((f) => f.path));
    }
    /** Records a trigger unless its code is disabled or the same one (code, path, env var) is already there. */
    push(t) {
        if (this.disabled.has(t.code))
            return;
        if (this.triggers.some((x) => x.code === t.code && x.path === t.path && x.envVar === t.envVar))
            return;
        this.triggers.push(t);
    }
    result() {
        return {
            triggers: this.triggers,
            unparsed: this.unparsed,
            notRead: this.notRead,
            noOperationalChange: [...new Set(this.noOperationalChange)],
            devTooling: this.devTooling,
            versionBumps: [...new Set(this.versionBumps)],
            buildOnly: this.buildOnly,
            nonProduction: this.nonProduction,
            hclUnavailable: this.hclUnavailable,
            reads: this.reader.reads,
        };
    }
    isChartRoot(dir) {
        let p = this.chartRoots.get(dir);
        if (!p) {
            p = this.headPaths.has(detect_join(dir, 'Chart.yaml'))
                ? Promise.resolve(true)
                : this.reader.head(detect_join(dir, 'Chart.yaml')).then((r) => 'text' in r);
            this.chartRoots.set(dir, p);
        }
        return p;
    }
    /** Reads the sides a file has (head unless removed, base unless added). */
    async sides(f) {
        const out = {};
        for (const side of ['head', 'base']) {
            if (side === 'head' ? !hasHead(f) : !hasBase(f))
                continue;
            const r = side === 'head' ? await this.reader.head(f.path) : await this.reader.base(f.previousPath ?? f.path);
            if ('text' in r)
                out[side] = r.text;
            else if (!r.skip.startsWith('absent'))
                out.skip ??= r.skip;
        }
        return out;
    }
    /**
     * The meaning of a YAML/JSON file changed? Undefined when it did (or cannot be told); the parsed
     * comparison when both sides parse; the text comparison otherwise.
     */
    structuredChange(f, s) {
        if (s.head === undefined || s.base === undefined)
            return { same: false, paths: [], bump: false };
        const h = parseStructured(f.path, s.head);
        const b = parseStructured(f.previousPath ?? f.path, s.base);
        if (h.ok && b.ok) {
            const leaves = changedLeaves(single(b.docs), single(h.docs), 50);
            return { same: leaves.length === 0, paths: leaves.slice(0, 12).map((l) => l.path), bump: onlyVersionBumps(leaves, this.versionKeys) };
        }
        return { same: sameText(s), paths: [], bump: false };
    }
    /** Path-classified structured files (Chart.yaml, kustomization, Pulumi, SAM config): a trigger only when their meaning changed. */
    async byPathIfChanged(f, code, what) {
        if (!hasBase(f) || !hasHead(f)) {
            this.push({ code, path: f.path, what: `${what}${removedNote(f)}`, how: 'path' });
            return;
        }
        const s = await this.sides(f);
        if (s.skip) {
            this.notRead.push({ path: f.path, reason: s.skip });
            this.push({ code, path: f.path, what, how: `path (${s.skip})` });
            return;
        }
        const c = YAML.test(f.path) || JSON_FILE.test(f.path) ? this.structuredChange(f, s) : { same: sameText(s), paths: [], bump: false };
        if (c.same)
            return void this.noOperationalChange.push(f.path);
        if (c.bump)
            return void this.versionBumps.push(f.path);
        this.push({
            code,
            path: f.path,
            line: pickLine(touched(f), undefined, c.paths),
            what: `${what}${c.paths.length ? `: ${nameList(c.paths, 3)}` : ''}`,
            how: 'content',
        });
    }
    /** Classifies one changed file: by the operational path globs, then by the kind of file it is. */
    async classify(f) {
        const name = basename(f.path);
        const dir = dirname(f.path);
        const options = this.options;
        if (options.triggers.length && (0,glob/* matchesAny */._I)(f.path, options.triggers))
            this.push({ code: 'path-trigger', path: f.path, what: `operational path${removedNote(f)}`, how: 'path' });
        if ((0,glob/* matchesAny */._I)(f.path, options.dev_tooling))
            return void this.devTooling.push(f.path);
        if ((0,glob/* matchesAny */._I)(f.path, options.non_production_paths))
            return void this.nonProduction.push(f.path);
        if ((0,glob/* matchesAny */._I)(f.path, options.feature_flags))
            await this.byPathIfChanged(f, 'feature-flag', 'feature-flag definition');
        if (WORKFLOW.test(f.path)) {
            if (this.disabled.has('deploy-workflow') && this.disabled.has('cron'))
                return;
            await this.classifyWorkflow(f);
            return;
        }
        if (detect_DOCKERFILE.test(name))
            await this.classifyDockerfile(f);
        else if (PROCFILE.test(name))
            await this.byPathIfChanged(f, 'procfile', 'process types (Procfile)');
        else if (KUSTOMIZATION.test(name))
            await this.byPathIfChanged(f, 'kustomize', `Kustomize overlay ${dir || '.'}`);
        else if (PULUMI.test(name))
            await this.byPathIfChanged(f, 'pulumi', 'Pulumi project/stack config');
        else if (SAM_CONFIG.test(name))
            await this.byPathIfChanged(f, 'cloudformation', name.startsWith('serverless') ? 'Serverless Framework service' : 'SAM deploy config');
        else if (CRONTAB.test(name) || /(?:^|\/)cron\.d\//.test(f.path))
            await this.byPathIfChanged(f, 'cron', 'crontab');
        else if (TERRAFORM.test(name))
            await this.classifyTerraform(f);
        else if (COMPOSE.test(name))
            await this.classifyCompose(f);
        else if (CHART_FILE.test(name))
            await this.byPathIfChanged(f, 'helm', `Helm chart ${dir || '.'} (${name})`);
        else if (YAML.test(name) || JSON_FILE.test(name))
            await this.classifyStructured(f);
    }
    async classifyWorkflow(f) {
        const s = await this.sides(f);
        if (s.head === undefined && s.base === undefined) {
            const why = s.skip ?? 'not readable';
            this.notRead.push({ path: f.path, reason: why });
            this.push({
                code: 'deploy-workflow',
                path: f.path,
                what: 'GitHub Actions workflow (not read: classified by path)',
                how: `path (${why})`,
            });
            return;
        }
        const h = s.head !== undefined ? loadYamlDocs(s.head) : undefined;
        const b = s.base !== undefined ? loadYamlDocs(s.base) : undefined;
        const bad = [h, b].find((x) => !!x && !x.ok);
        if (bad) {
            if (sameText(s))
                return void this.noOperationalChange.push(f.path);
            this.push({
                code: 'deploy-workflow',
                path: f.path,
                line: pickLine(touched(f), undefined, []),
                what: `GitHub Actions workflow (${bad.reason}: classified by path)`,
                how: `path (${bad.reason})`,
            });
            return;
        }
        const hd = h?.ok ? h.docs[0] : undefined;
        const bd = b?.ok ? b.docs[0] : undefined;
        const deploying = deployingJobs(hd, bd, this.rec, this.options.non_production_events);
        if (deploying.size && (hd === undefined || bd === undefined))
            this.workflowAddedOrRemoved(f, s, deploying);
        else if (deploying.size)
            this.workflowDeployChange(f, s, { hd, bd, deploying });
        this.workflowSchedules(f, s, hd, bd);
    }
    /** A whole workflow added or removed: its deploying jobs. */
    workflowAddedOrRemoved(f, s, deploying) {
        const jobs = [...deploying.keys()];
        const envs = [...new Set([...deploying.values()].map((d) => d.environment).filter((e) => !!e))];
        const range = s.head !== undefined ? yamlChildRange(s.head, 'jobs', jobs[0]) : undefined;
        const one = jobs.length === 1;
        const deploysTo = envs.length ? ` deploy${one ? 's' : ''} to environment ${nameList(envs)}` : '';
        this.push({
            code: 'deploy-workflow',
            path: f.path,
            line: range?.[0],
            what: `release workflow: job${one ? '' : 's'} ${nameList(jobs)}${deploysTo}${removedNote(f)}`,
            how: 'content',
        });
    }
    /** A modified workflow with deploying jobs: only changes inside a deploying job count, plus workflow-level keys that steer every job. */
    workflowDeployChange(f, s, w) {
        const { deploying } = w;
        const changes = compareUnits(sectionUnits(w.bd, 'jobs', 'job'), sectionUnits(w.hd, 'jobs', 'job'));
        const relevant = changes.filter((c) => (c.label.startsWith('job ') ? deploying.has(c.label.slice(4)) : WORKFLOW_LEVEL.has(c.label)));
        if (relevant.length && onlyVersionChanges(relevant, this.versionKeys))
            return void this.versionBumps.push(f.path);
        if (!relevant.length)
            return;
        const t = touched(f);
        const first = relevant[0];
        const range = s.head !== undefined
            ? first.label.startsWith('job ')
                ? yamlChildRange(s.head, 'jobs', first.label.slice(4))
                : yamlTopRange(s.head, first.label)
            : undefined;
        const jobs = relevant.filter((c) => c.label.startsWith('job ')).map((c) => c.label.slice(4));
        const envs = [...new Set(jobs.map((j) => deploying.get(j)?.environment).filter((e) => !!e))];
        const whys = [...new Set(jobs.map((j) => deploying.get(j)?.why).filter((e) => !!e))];
        const labelled = relevant.map((c) => ({
            ...c,
            label: c.label.startsWith('job ') ? `deploying job ${c.label.slice(4)}` : `workflow ${c.label}`,
        }));
        const envNote = envs.length ? ` (environment ${nameList(envs)})` : '';
        const whyNote = whys.length ? ` [deploys: ${nameList(whys, 2)}]` : '';
        this.push({
            code: 'deploy-workflow',
            path: f.path,
            line: pickLine(t, range, first.paths),
            what: `release workflow: ${describeChanges(labelled)}${envNote}${whyNote}${removedNote(f)}`,
            how: 'content',
        });
    }
    /** Schedules (`on.schedule` crons) added or removed; a workflow that only automates the repository is tooling. */
    workflowSchedules(f, s, hd, bd) {
        const hs = workflowSchedules(hd);
        const bs = workflowSchedules(bd);
        const added = hs.filter((x) => !bs.includes(x));
        const removed = bs.filter((x) => !hs.includes(x));
        if (!added.length && !removed.length)
            return;
        const automation = this.options.repo_automation_actions;
        if ([hd, bd].every((d) => d === undefined || repoAutomationOnly(d, automation)))
            return void this.devTooling.push(f.path);
        const parts = [
            added.length ? `cron ${added.map((x) => `"${x}"`).join(', ')} ${bs.length ? 'added' : 'scheduled'}` : '',
            removed.length ? `cron ${removed.map((x) => `"${x}"`).join(', ')} removed` : '',
        ];
        this.push({
            code: 'cron',
            path: f.path,
            line: pickLine(touched(f), undefined, ['cron']) ?? lineOf(s.head, /^\s*-?\s*cron:/),
            what: `scheduled workflow: ${parts.filter(Boolean).join('; ')}`,
            how: 'content',
        });
    }
    async classifyDockerfile(f) {
        if (!hasBase(f) || !hasHead(f)) {
            this.push({ code: 'dockerfile', path: f.path, what: `container image definition${removedNote(f)}`, how: 'path' });
            return;
        }
        const s = await this.sides(f);
        if (s.head === undefined || s.base === undefined) {
            this.notRead.push({ path: f.path, reason: s.skip ?? 'not readable' });
            this.push({ code: 'dockerfile', path: f.path, what: 'container image definition', how: `path (${s.skip ?? 'not readable'})` });
            return;
        }
        const hi = dockerInstructions(s.head);
        const bi = dockerInstructions(s.base);
        const all = instructionDiff(hi, bi);
        if (!all.added.length && !all.removed.length && !all.reordered)
            return void this.noOperationalChange.push(f.path);
        // What operators see of the final image: its runtime instructions and the base image it starts from.
        const hr = dockerRuntime(hi);
        const br = dockerRuntime(bi);
        const baseChanged = dockerBaseKey(hr.base) !== dockerBaseKey(br.base);
        const rt = instructionDiff(hr.runtime, br.runtime);
        if (!baseChanged && !rt.added.length && !rt.removed.length && !rt.reordered) {
            // Base images bumped and nothing else: a routine version bump (FROM counts as an `image` key).
            const unversioned = (list) => list.map((i) => (i.keyword === 'FROM' ? `FROM ${withoutVersions(i.args)}` : dockerKey(i))).join('\n');
            const vk = this.versionKeys;
            if (typeof vk === 'function' ? vk('image') : vk.has('image'))
                if (unversioned(hi) === unversioned(bi))
                    return void this.versionBumps.push(f.path);
            // Build stages, RUN/COPY/ARG, base-image versions: how the image is built, not how it runs.
            return void this.buildOnly.push(f.path);
        }
        const cut = (x) => (x.length > 60 ? `${x.slice(0, 57)}\u2026` : x);
        const shown = [...(baseChanged && hr.base ? [hr.base] : []), ...rt.added];
        const parts = [
            shown.length
                ? nameList(shown.map((i) => cut(dockerKey(i))), 2)
                : '',
            baseChanged && br.base ? `replaces base image ${cut(br.base.args)}` : '',
            rt.removed.length ? `removes ${nameList(rt.removed.map(cut), 2)}` : '',
            rt.reordered ? 'reorders runtime instructions' : '',
        ].filter(Boolean);
        const first = shown.at(0);
        this.push({
            code: 'dockerfile',
            path: f.path,
            line: pickLine(touched(f), first ? [first.start, first.end] : undefined, []),
            what: `container image definition: ${parts.join('; ')}`,
            how: 'content',
        });
    }
    async classifyCompose(f) {
        const s = await this.sides(f);
        if (s.head === undefined && s.base === undefined) {
            this.notRead.push({ path: f.path, reason: s.skip ?? 'not readable' });
            this.push({
                code: 'docker-compose',
                path: f.path,
                what: `Compose file${removedNote(f)}`,
                how: `path (${s.skip ?? 'not readable'})`,
            });
            return;
        }
        const h = s.head !== undefined ? loadYamlDocs(s.head) : undefined;
        const b = s.base !== undefined ? loadYamlDocs(s.base) : undefined;
        if ((h && !h.ok) || (b && !b.ok) || !hasBase(f) || !hasHead(f)) {
            if (sameText(s))
                return void this.noOperationalChange.push(f.path);
            this.push({
                code: 'docker-compose',
                path: f.path,
                line: hasHead(f) ? pickLine(touched(f), undefined, []) : undefined,
                what: `Compose file${removedNote(f)}`,
                how: 'path',
            });
            return;
        }
        const all = compareUnits(b?.ok ? sectionUnits(b.docs[0], 'services', 'service') : [], h?.ok ? sectionUnits(h.docs[0], 'services', 'service') : []);
        // A service whose only difference is its `depends_on` starts in another order: nothing else runs differently.
        const changes = all.filter((c) => !(c.label.startsWith('service ') &&
            c.change === 'changed' &&
            c.leaves.length > 0 &&
            c.leaves.every((l) => /^depends_on(?:[.[]|$)/.test(l.path))));
        if (!changes.length)
            return void this.noOperationalChange.push(f.path);
        if (onlyVersionChanges(changes, this.versionKeys))
            return void this.versionBumps.push(f.path);
        const first = changes.find((c) => c.change !== 'removed') ?? changes[0];
        const range = s.head !== undefined && first.label.startsWith('service ') ? yamlChildRange(s.head, 'services', first.label.slice(8)) : undefined;
        this.push({
            code: 'docker-compose',
            path: f.path,
            line: pickLine(touched(f), range, first.paths),
            what: `Compose: ${describeChanges(changes)}`,
            how: 'content',
        });
    }
    async classifyTerraform(f) {
        const base = { code: 'terraform', path: f.path, how: 'path' };
        const kind = f.path.endsWith('.lock.hcl') ? 'provider lock' : /tfvars/.test(f.path) ? 'variables' : 'configuration';
        const s = await this.sides(f);
        if (s.skip && (s.head === undefined || (hasBase(f) && s.base === undefined))) {
            this.notRead.push({ path: f.path, reason: s.skip });
            this.push({ ...base, what: `Terraform ${kind} ${basename(f.path)}${removedNote(f)}`, how: `path (${s.skip})` });
            return;
        }
        const h = await parseTerraformSide(s.head, f.path);
        const b = await parseTerraformSide(s.base, f.previousPath ?? f.path);
        const failure = [h, b].find((x) => !!x && !x.ok);
        if (failure) {
            if (/unavailable|not found|no parse/.test(failure.reason))
                this.hclUnavailable ??= failure.reason;
            if (sameText(s))
                return void this.noOperationalChange.push(f.path);
            this.push({
                ...base,
                line: pickLine(touched(f), undefined, []),
                what: `Terraform ${kind} (${failure.reason}: classified by path)${removedNote(f)}`,
                how: `path (${failure.reason})`,
            });
            return;
        }
        const vars = kind === 'variables';
        const all = compareUnits(b?.ok ? terraformUnits(b.value, vars) : [], h?.ok ? terraformUnits(h.value, vars) : []);
        // Outputs, newly added data sources (reads) and `depends_on` (apply order) change nothing that runs.
        const changes = all.filter((c) => !inertTerraformChange(c));
        if (!changes.length && all.length && hasBase(f) && hasHead(f))
            return void this.noOperationalChange.push(f.path);
        if (!changes.length) {
            if (hasBase(f) && hasHead(f))
                return void this.noOperationalChange.push(f.path);
            this.push({ ...base, what: `Terraform ${kind} ${basename(f.path)}${removedNote(f)}` });
            return;
        }
        if (onlyVersionChanges(changes, this.versionKeys))
            return void this.versionBumps.push(f.path);
        const first = changes.find((c) => c.change !== 'removed') ?? changes[0];
        const range = s.head !== undefined && !vars ? hclBlockRange(s.head, first.label) : undefined;
        this.push({
            ...base,
            how: 'content',
            line: hasHead(f) ? pickLine(touched(f), range, first.paths.length ? first.paths : vars ? [first.label.slice(4)] : []) : undefined,
            what: `Terraform: ${describeChanges(changes)}${removedNote(f)}`,
        });
    }
    /** Helm: templates/ of a chart, values files beside a Chart.yaml. */
    async chartPlace(f) {
        const templatesAt = f.path.lastIndexOf('/templates/');
        const chartDir = templatesAt >= 0 ? f.path.slice(0, templatesAt) : VALUES_FILE.test(basename(f.path)) ? dirname(f.path) : undefined;
        const inChart = chartDir !== undefined && (templatesAt === 0 ? false : await this.isChartRoot(chartDir));
        return { chartDir, templatesAt, inChart };
    }
    async classifyStructured(f) {
        if (NEVER_READ.test(f.path))
            return;
        const chart = await this.chartPlace(f);
        const s = await this.sides(f);
        const text = s.head ?? s.base;
        if (text === undefined || (s.skip && hasBase(f) && hasHead(f))) {
            this.structuredNotRead(f, s, chart);
            return;
        }
        const parsed = parseStructured(f.path, text);
        const baseParsed = s.base !== undefined && s.head !== undefined ? parseStructured(f.previousPath ?? f.path, s.base) : undefined;
        // Comment/whitespace/formatting-only edits are no operational change; routine version bumps are set aside.
        const meaning = unchangedMeaning(s, parsed, baseParsed, this.versionKeys, this.options.version_keys);
        if (meaning === 'no-change')
            return void this.noOperationalChange.push(f.path);
        if (meaning === 'version-bump')
            return void this.versionBumps.push(f.path);
        if (chart.inChart) {
            this.helmChange(f, chart, { text, parsed, baseParsed });
            return;
        }
        if (!parsed.ok || (baseParsed && !baseParsed.ok)) {
            this.structuredUnparsed(f, s, { text, parsed, baseParsed });
            return;
        }
        const headDocs = productionDocs(parsed.docs);
        if (s.base === undefined || s.head === undefined) {
            for (const c of classifyDocs(headDocs, text))
                this.push({ code: c.code, path: f.path, line: hasHead(f) ? c.line : undefined, what: c.what + removedNote(f), how: 'content' });
            return;
        }
        // Modified: only the documents (Kubernetes objects) whose structure changed, and what changed in them.
        const baseDocs = productionDocs(baseParsed?.ok ? baseParsed.docs : []);
        const m = { name: basename(f.path), text, baseText: s.base, parsedDocs: parsed.docs, headDocs, baseDocs };
        const changed = modifiedDocTriggers(m, touched(f), this.versionKeys);
        if (changed === 'no-change')
            return void this.noOperationalChange.push(f.path);
        if (changed === 'version-bump')
            return void this.versionBumps.push(f.path);
        for (const c of changed.triggers)
            this.push({ code: c.code, path: f.path, line: changed.line, what: c.what, how: 'content' });
    }
    /** A structured file not read: classified by path when it is a chart's or a deploy manifest. */
    structuredNotRead(f, s, chart) {
        const why = s.skip ?? 'not readable';
        this.notRead.push({ path: f.path, reason: why });
        if (chart.inChart)
            this.push({
                code: 'helm',
                path: f.path,
                what: `Helm chart ${chart.chartDir} (not read: classified by path)${removedNote(f)}`,
                how: `path (${why})`,
            });
        else if ((0,glob/* matchesAny */._I)(f.path, this.options.manifest_paths) && YAML.test(basename(f.path)))
            this.push({
                code: 'k8s-manifest',
                path: f.path,
                what: `deploy manifest (not read: classified by path)${removedNote(f)}`,
                how: `path (${why})`,
            });
    }
    /** A changed file of a Helm chart (a template or a values file): the value paths that changed, or what it is. */
    helmChange(f, chart, p) {
        const { parsed, baseParsed } = p;
        const name = basename(f.path);
        const kinds = parsed.ok ? classifyDocs(parsed.docs, p.text).map((c) => c.what) : [];
        const what = chart.templatesAt >= 0 ? `Helm template ${name} of chart ${chart.chartDir}` : `Helm values ${name} of chart ${chart.chartDir}`;
        const how = parsed.ok ? 'content' : `path (${parsed.reason}, not parsed)`;
        const paths = parsed.ok && baseParsed?.ok ? changedPaths(single(baseParsed.docs), single(parsed.docs)) : [];
        const detail = helmDetail(paths, kinds, parsed);
        this.push({
            code: 'helm',
            path: f.path,
            line: hasHead(f) ? pickLine(touched(f), undefined, paths) : undefined,
            what: `${what}${detail}${removedNote(f)}`,
            how,
        });
    }
    /** A structured file that did not parse (either side): a deploy manifest by path, else noted when templated. */
    structuredUnparsed(f, s, p) {
        const { parsed, baseParsed } = p;
        const reason = parsed.ok ? (baseParsed && !baseParsed.ok ? baseParsed.reason : '') : parsed.reason;
        const modified = s.base !== undefined && s.head !== undefined;
        if ((0,glob/* matchesAny */._I)(f.path, this.options.manifest_paths)) {
            this.push({
                code: 'k8s-manifest',
                path: f.path,
                line: modified ? pickLine(touched(f), undefined, []) : undefined,
                what: `deploy manifest (${reason}: classified by path)${removedNote(f)}`,
                how: `path (${reason}, not parsed)`,
            });
        }
        else if (!parsed.ok && (parsed.templated || isTemplated(p.text))) {
            this.unparsed.push({ path: f.path, reason });
        }
    }
}
async function detect(ctx, { options, runbookGlobs }) {
    const d = new Detector(ctx, options, runbookGlobs);
    for (const f of d.files)
        await d.classify(f);
    // New env vars: names the SERVICE did not read or declare at the base.
    const push = (t) => {
        d.push(t);
    };
    if (!d.disabled.has('new-env-var'))
        await detectEnvVars(ctx, d.files, d.reader, options, push, d.notRead);
    return d.result();
}
/**
 * A templated (unparsable) YAML edit that only bumps versions on lines of routine keys (`image: x:{{ \u2026 }}1.2`
 * \u2192 `1.3`, `version: 0.7.0`): every changed line pairs with a base line equal up to version tokens.
 */
function templatedVersionBump(base, head, keys) {
    const b = normaliseText(base).split('\n');
    const h = normaliseText(head).split('\n');
    if (b.length !== h.length)
        return false;
    let changed = 0;
    for (let i = 0; i < b.length; i++) {
        if (b[i] === h[i])
            continue;
        changed++;
        const hm = /^-?\s*["']?([A-Za-z_][\w-]*)["']?\s*:\s*(.*)$/.exec(h[i]);
        const bm = /^-?\s*["']?([A-Za-z_][\w-]*)["']?\s*:\s*(.*)$/.exec(b[i]);
        if (!hm || !bm || hm[1] !== bm[1] || !keys(hm[1]))
            return false;
        const unquote = (v) => v.replace(/^(["'])(.*)\1$/, '$2');
        if (!sameUpToVersion(unquote(bm[2]), unquote(hm[2])))
            return false;
    }
    return changed > 0;
}
/**
 * A Terraform unit change that changes nothing that runs: an output (added, changed or removed), a data
 * source that is new (a read; a changed data source such as an IAM policy document still counts), or a
 * resource whose only difference is its `depends_on` (apply order).
 */
function inertTerraformChange(c) {
    if (c.label.startsWith('output.'))
        return true;
    if (c.label.startsWith('data.') && c.change === 'added')
        return true;
    return c.change === 'changed' && c.leaves.length > 0 && c.leaves.every((l) => /(?:^|\.)depends_on(?:\[[^\]]*\])?$/.test(l.path));
}
/** Workflow-level keys that steer every job: a change there counts when the workflow has a deploying job. */
const WORKFLOW_LEVEL = new Set(['on', 'true', 'env', 'permissions', 'concurrency', 'defaults']);
/** Line range of a top-level YAML key. */
function yamlTopRange(text, key) {
    const lines = text.split('\n');
    const re = new RegExp(`^["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`);
    const start = lines.findIndex((l) => re.test(l));
    if (start < 0)
        return undefined;
    for (let i = start + 1; i < lines.length; i++)
        if (/^[^\s#]/.test(lines[i]))
            return [start + 1, i];
    return [start + 1, lines.length];
}
/** Files whose folder is a service (deployable unit) root. */
const SERVICE_MARKER = /^(?:Dockerfile|Containerfile|package\.json|go\.mod|pyproject\.toml|setup\.py|setup\.cfg|requirements\.txt|Pipfile|pom\.xml|build\.gradle(?:\.kts)?|Gemfile|Cargo\.toml|composer\.json|mix\.exs|[\w.-]+\.csproj|Procfile)$/;
/** Env files that document or set a service's variables. */
const ENV_FILE = /^\.env(?:\.[\w-]+)?$|^[\w-]+\.env$/;
const PROBES = ['.env.example', '.env.sample', '.env', 'Dockerfile'];
/**
 * Where a file's service lives: the folder captured by the first `services` mapping whose path matches,
 * else (when the source lists the base tree) the nearest folder with a service marker (Dockerfile,
 * package.json, go.mod, pyproject.toml, *.csproj, \u2026), else the repository root; without a listing, the
 * file's own folder.
 */
function serviceRootOf(options, path, listing) {
    const ancestors = [];
    for (let d = dirname(path); d; d = dirname(d))
        ancestors.unshift(d);
    for (const s of options.services) {
        const segs = s.path.split('/');
        const at = segs.findIndex((x) => hasPlaceholders(x));
        if (at < 0)
            continue;
        const prefix = compileTemplate(segs.slice(0, at + 1).join('/'));
        const root = ancestors.find((a) => capture(prefix, a));
        if (root !== undefined && capture(compileTemplate(s.path), path))
            return root;
    }
    if (!listing)
        return dirname(path);
    const markerDirs = new Set(listing.filter((p) => SERVICE_MARKER.test(basename(p))).map(dirname));
    for (let i = ancestors.length - 1; i >= 0; i--)
        if (markerDirs.has(ancestors[i]))
            return ancestors[i];
    return '';
}
/**
 * Names a service already reads or declares at the base: its code, Dockerfiles, env files, compose and
 * Kubernetes/Helm YAML under its folder, the repository's root env files, and the root compose file's
 * entry for the service. Files are searched nearest-first and only until every asked name is found, at
 * most `max_service_files` reads per run.
 */
class ServiceNames {
    ctx;
    options;
    perFile = new Map();
    listing;
    reads = 0;
    capped = [];
    listError;
    constructor(ctx, options) {
        this.ctx = ctx;
        this.options = options;
    }
    list() {
        this.listing ??= this.ctx.changes.listBase
            ? this.ctx.changes.listBase('').catch((e) => {
                // Said in the report: without the listing, declarations in the service's files are not looked up.
                this.listError = (0,src_errors/* errorMessage */.gJ)(e);
                return undefined;
            })
            : Promise.resolve(undefined);
        return this.listing;
    }
    namesIn(path, serviceName) {
        let p = this.perFile.get(path);
        if (!p) {
            p = (async () => {
                this.reads++;
                const text = await this.ctx.changes.readBase(path);
                if (text === undefined || text.length > this.options.max_file_bytes)
                    return new Set();
                const lang = envLanguageOf(path);
                const names = new Set();
                const name = basename(path);
                if (lang)
                    for (const n of envVarNamesInText(text, lang))
                        names.add(n);
                if (lang === 'dockerfile' || ENV_FILE.test(name))
                    for (const n of envVarNamesDeclared(path, text))
                        names.add(n);
                else if (YAML.test(name) || JSON_FILE.test(name)) {
                    const parsed = JSON_FILE.test(name) ? loadJson(text) : loadYamlDocs(text);
                    if (parsed.ok) {
                        // A root compose file: only the entry of this service (by name or build context).
                        const docs = COMPOSE.test(name) && !dirname(path) ? parsed.docs.map((d) => composeEntry(d, serviceName)) : parsed.docs;
                        for (const n of envVarNamesDeclared(path, text, docs))
                            names.add(n);
                    }
                }
                return names;
            })();
            this.perFile.set(path, p);
        }
        return p;
    }
    /** The subset of `names` the service at `root` already reads or declares at the base. */
    async known(root, names, changedPath) {
        const found = new Set();
        const listing = await this.list();
        const inRoot = (p) => !root || p.startsWith(`${root}/`);
        const relevant = (p) => {
            const name = basename(p);
            if ((0,glob/* matchesAny */._I)(p, this.options.exclude))
                return false;
            return !!envLanguageOf(p) || ENV_FILE.test(name) || ((YAML.test(name) || JSON_FILE.test(name)) && !NEVER_READ.test(p));
        };
        let candidates;
        if (listing) {
            candidates = listing.filter((p) => p !== changedPath && ((inRoot(p) && relevant(p)) || (!dirname(p) && (ENV_FILE.test(p) || COMPOSE.test(p)))));
        }
        else {
            // No listing (the API source): the service's env files and Dockerfile, the root env files and compose file.
            const probes = new Set();
            for (const d of [root, ''])
                for (const n of PROBES)
                    probes.add(detect_join(d, n));
            for (const n of ['docker-compose.yml', 'compose.yaml'])
                probes.add(n);
            probes.delete(changedPath);
            candidates = [...probes];
        }
        const dir = dirname(changedPath);
        const rank = (p) => (dirname(p) === dir ? 0 : 4) +
            (/config|setting|env|constant/i.test(basename(p)) || ENV_FILE.test(basename(p)) ? 0 : 2) +
            (envLanguageOf(p) ? 0 : 1);
        candidates.sort((a, b) => rank(a) - rank(b) || a.split('/').length - b.split('/').length || a.localeCompare(b));
        const serviceName = basename(root);
        for (const p of candidates) {
            if (found.size === names.size)
                break;
            if (!this.perFile.has(p) && this.reads >= this.options.max_service_files) {
                if (!this.capped.includes(root || '.'))
                    this.capped.push(root || '.');
                break;
            }
            for (const n of await this.namesIn(p, serviceName))
                if (names.has(n))
                    found.add(n);
        }
        return found;
    }
}
/** The compose service entry that is `name` (or builds from a folder named so); the whole document otherwise. */
function composeEntry(doc, name) {
    if (!(0,src_json/* isObject */.Gv)(doc) || !(0,src_json/* isObject */.Gv)(doc.services))
        return doc;
    const out = [];
    for (const [key, svc] of Object.entries(doc.services)) {
        const build = (0,src_json/* isObject */.Gv)(svc) ? svc.build : undefined;
        const ctxPath = typeof build === 'string' ? build : (0,src_json/* isObject */.Gv)(build) ? `${detect_str(build.context) ?? ''}/${detect_str(build.dockerfile) ?? ''}` : '';
        if (name && (key === name || key.replace(/service$/, '') === name.replace(/service$/, '') || ctxPath.split('/').includes(name)))
            out.push(svc);
    }
    return out;
}
/** Names read on removed lines anywhere in the PR: code that moved, not a new variable. */
function movedEnvNames(ctx) {
    const moved = new Set();
    for (const f of ctx.changes.files) {
        const lang = envLanguageOf(f.path);
        if (!lang || !f.patch)
            continue;
        try {
            for (const l of removedLines(f.patch))
                for (const r of envVarReadsInLine(l.text, lang))
                    moved.add(r.name);
        }
        catch {
            // an unparsable patch is handled below for the files we check
        }
    }
    return moved;
}
/** The env var reads a changed file adds: on its added lines (and through constants), or in the whole head file without a patch. */
async function addedEnvReads(f, lang, reader, notRead) {
    const reads = [];
    if (f.patch) {
        let lines;
        try {
            lines = addedLines(f.patch);
        }
        catch (e) {
            // Said, never silent: the file's env var reads were not checked.
            notRead.push({ path: f.path, reason: `env vars not checked: patch not parsable (${(0,src_errors/* errorMessage */.gJ)(e)})` });
            return [];
        }
        for (const l of lines)
            for (const r of envVarReadsInLine(l.text, lang))
                reads.push({ name: r.name, line: l.line });
        // Reads through a named constant, and Dockerfile CMD/ENTRYPOINT references: resolved on the whole head file.
        if (lines.some((l) => mayReadThroughConstant(l.text, lang))) {
            const head = await reader.head(f.path);
            if ('text' in head) {
                const added = new Set(lines.map((l) => l.line));
                for (const r of envVarReadsInText(head.text, lang))
                    if (added.has(r.line) || (r.constantLine !== undefined && added.has(r.constantLine)))
                        reads.push({ name: r.name, line: added.has(r.line) ? r.line : r.constantLine });
            }
            else if (!head.skip.startsWith('absent'))
                notRead.push({ path: f.path, reason: `env vars not checked: ${head.skip}` });
        }
    }
    else if (f.additions > 0 || f.status === 'added' || f.patch === undefined) {
        // No patch (too large): compare whole files, within the read budget.
        const head = await reader.head(f.path);
        if ('skip' in head) {
            if (!head.skip.startsWith('absent'))
                notRead.push({ path: f.path, reason: `env vars not checked: ${head.skip}` });
            return [];
        }
        for (const r of envVarReadsInText(head.text, lang))
            reads.push({ name: r.name, line: r.line });
    }
    return reads;
}
async function detectEnvVars(ctx, files, reader, options, push, notRead) {
    const ignore = namePatterns(options.env_var_ignore);
    const moved = movedEnvNames(ctx);
    const candidates = [];
    for (const f of files) {
        if (f.status === 'removed' || f.binary)
            continue;
        const lang = envLanguageOf(f.path);
        if (!lang)
            continue;
        // a shell script of a test, e2e or dev setup is tooling: its variables configure no running service
        if (lang === 'shell' && ((0,glob/* matchesAny */._I)(f.path, options.non_production_paths) || (0,glob/* matchesAny */._I)(f.path, options.dev_tooling)))
            continue;
        const reads = await addedEnvReads(f, lang, reader, notRead);
        const seen = new Set();
        const filtered = reads
            .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
            .filter((r) => {
            if (ignore?.test(r.name) || moved.has(r.name) || seen.has(r.name))
                return false;
            seen.add(r.name);
            return true;
        });
        if (filtered.length)
            candidates.push({ f, lang, reads: filtered });
    }
    const service = new ServiceNames(ctx, options);
    const listing = candidates.length ? await service.list() : undefined;
    if (service.listError !== undefined)
        notRead.push({
            path: '(base tree)',
            reason: `base tree not listed (${service.listError}): env var declarations in service files not checked`,
        });
    for (const { f, lang, reads } of candidates) {
        let baseNames = new Set();
        if (f.status !== 'added') {
            const base = await reader.base(f.previousPath ?? f.path);
            if ('skip' in base) {
                if (!base.skip.startsWith('absent')) {
                    notRead.push({ path: f.path, reason: `base side not read (${base.skip}): env vars not checked` });
                    continue;
                }
            }
            else {
                baseNames = envVarNamesInText(base.text, lang);
                if (lang === 'dockerfile')
                    for (const n of envVarNamesDeclared(f.path, base.text))
                        baseNames.add(n);
            }
        }
        const fresh = reads.filter((r) => !baseNames.has(r.name));
        if (!fresh.length)
            continue;
        // New to the file is not new to the service: look the names up in the service's other files at the base.
        const root = serviceRootOf(options, f.path, listing);
        const known = await service.known(root, new Set(fresh.map((r) => r.name)), f.previousPath ?? f.path);
        const usage = lang === 'dockerfile' ? 'used by the container command' : 'read by code';
        const where = root ? `service ${root}` : 'the repository';
        for (const r of fresh) {
            if (known.has(r.name))
                continue;
            push({
                code: 'new-env-var',
                path: f.path,
                line: r.line,
                envVar: r.name,
                what: `new env var ${r.name} (${usage}; not read or declared in ${where} at the base)`,
                how: 'diff',
            });
        }
    }
    for (const root of service.capped)
        notRead.push({
            path: root,
            reason: `env vars of service ${root} checked against the first ${options.max_service_files} of its files (max_service_files)`,
        });
}
/**
 * The files `detect` reads, declared before it runs (Rule.plan) so the pipeline reads them in batches:
 * both sides of the changed files it classifies by content (workflows, Dockerfiles, Procfiles, Kustomize,
 * Pulumi, SAM, crontabs, Terraform, compose, Helm, other YAML/JSON), the Chart.yaml beside values files,
 * and the base side of code files that add an env-var read. At most `max_file_reads` files, like the rule.
 */
function planRunbookReads(files, { options, runbookGlobs }) {
    const head = new Set();
    const base = new Set();
    const budget = options.max_file_reads;
    const room = () => head.size + base.size < budget;
    const sides = (f) => {
        if (f.status !== 'removed' && room())
            head.add(f.path);
        if (f.status !== 'added' && room())
            base.add(f.previousPath ?? f.path);
    };
    for (const f of files) {
        if (!room())
            break;
        if ((f.excluded && SKIP_EXCLUSIONS.has(f.excluded)) || (0,glob/* matchesAny */._I)(f.path, options.exclude) || (0,glob/* matchesAny */._I)(f.path, runbookGlobs))
            continue;
        if ((0,glob/* matchesAny */._I)(f.path, options.dev_tooling) || (0,glob/* matchesAny */._I)(f.path, options.non_production_paths))
            continue;
        const name = basename(f.path);
        const structured = (YAML.test(name) || JSON_FILE.test(name)) && !NEVER_READ.test(f.path);
        if ((0,glob/* matchesAny */._I)(f.path, options.feature_flags) ||
            WORKFLOW.test(f.path) ||
            detect_DOCKERFILE.test(name) ||
            PROCFILE.test(name) ||
            KUSTOMIZATION.test(name) ||
            PULUMI.test(name) ||
            SAM_CONFIG.test(name) ||
            CRONTAB.test(name) ||
            /(?:^|\/)cron\.d\//.test(f.path) ||
            TERRAFORM.test(name) ||
            COMPOSE.test(name) ||
            CHART_FILE.test(name) ||
            structured) {
            sides(f);
            if (structured && VALUES_FILE.test(name) && room())
                head.add(detect_join(dirname(f.path), 'Chart.yaml'));
            continue;
        }
        const lang = envLanguageOf(f.path);
        if (!lang || f.status === 'removed' || f.binary)
            continue;
        if (f.patch === undefined) {
            sides(f);
            continue;
        }
        try {
            const lines = addedLines(f.patch);
            if (lines.some((l) => envVarReadsInLine(l.text, lang).length > 0)) {
                if (f.status !== 'added' && room())
                    base.add(f.previousPath ?? f.path);
            }
            if (lines.some((l) => mayReadThroughConstant(l.text, lang)) && room())
                head.add(f.path);
        }
        catch {
            // an unparsable patch: the rule says so; nothing to plan
        }
    }
    return { head: [...head], base: [...base] };
}

;// CONCATENATED MODULE: ./src/rules/runbook/index.ts







function runbook_short(globs, max = 3) {
    const shown = globs.slice(0, max).map((g) => `\`${g}\``);
    return globs.length > max ? `${shown.join(', ')}, \u2026` : shown.join(', ');
}
/** Runbook files are never triggers themselves: the generic globs and every mapped template (placeholders as `*`). */
const runbookGlobsOf = (options) => [
    ...options.runbooks,
    ...options.services.flatMap((s) => s.runbooks.map((g) => g.replace(/\{[A-Za-z_]\w*\}/g, '*'))),
];
async function evaluateRunbook(ctx, options) {
    // Analyse: the operational changes, what each asks for, the opt-out.
    const detection = await detect(ctx, { options, runbookGlobs: runbookGlobsOf(options) });
    const changed = ctx.changes.files.filter((f) => f.status !== 'removed').map((f) => f.path);
    const requirementOf = requirementFinder(options, changed);
    const optOut = (0,pr_body/* findReasonedDeclaration */.$b)(ctx.pr.body, options.opt_out_phrase, options.min_reason_length);
    const triggers = [...detection.triggers].sort((a, b) => a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0) || a.code.localeCompare(b.code));
    // Decide: each trigger is satisfied, opted out or missing.
    const rows = [];
    const violations = [];
    for (const t of triggers) {
        const req = requirementOf(t);
        const target = req.service ? `${runbook_short(req.globs)} (service ${req.service})` : runbook_short(req.globs);
        let status;
        if (req.satisfiedBy.length)
            status = `satisfied by ${req.satisfiedBy.slice(0, 3).join(', ')}${req.satisfiedBy.length > 3 ? ', \u2026' : ''}`;
        else if (optOut.accepted)
            status = 'opted out in the PR description';
        else {
            status = 'missing';
            violations.push({ t, req });
        }
        rows.push([t.code, t.line ? `${t.path}:${t.line}` : t.path, t.what, t.how, target.replace(/`/g, ''), status]);
    }
    // Render.
    const findings = [...violationFindings(violations, options, optOut), ...coverageFindings(detection, ctx)];
    return {
        findings,
        summary: runbookSummary(triggers, violations, requirementOf, optOut, detection),
        tables: runbookTables(rows, optOut),
        ...(triggers.length ? {} : { applicability: 'not-applicable' }),
        data: {
            triggers: triggers.map((t) => ({ code: t.code, path: t.path, line: t.line, what: t.what, how: t.how, env_var: t.envVar })),
            violations: violations.length,
            opt_out: optOut.accepted ? { line: optOut.accepted.line, text: optOut.accepted.text, reason: optOut.accepted.reason } : null,
            reads: detection.reads,
            no_operational_change: detection.noOperationalChange,
            dev_tooling: detection.devTooling,
            version_bumps: detection.versionBumps,
            build_only: detection.buildOnly,
            non_production: detection.nonProduction,
        },
    };
}
/** The runbooks a trigger asks for: its service's (the first `services` mapping its path matches), else the generic globs. */
function requirementFinder(options, changed) {
    const mappings = options.services.map((s) => ({ path: compileTemplate(s.path), runbooks: s.runbooks }));
    return (t) => {
        for (const m of mappings) {
            const values = capture(m.path, t.path);
            if (!values)
                continue;
            const globs = m.runbooks.map((g) => fill(g, values));
            const service = Object.hasOwn(values, 'service') ? values.service : Object.values(values)[0];
            return { globs, service, satisfiedBy: changed.filter((p) => (0,glob/* matchesAny */._I)(p, globs)) };
        }
        return { globs: options.runbooks, satisfiedBy: changed.filter((p) => (0,glob/* matchesAny */._I)(p, options.runbooks)) };
    };
}
/** One finding per violation (up to max_findings), then one for the rest. */
function violationFindings(violations, options, optOut) {
    const findings = [];
    const reasonLine = `\`${options.opt_out_phrase} \u2014 <reason>\``;
    const optOutHint = `or add a line ${reasonLine} (at least ${options.min_reason_length} characters) to the PR description`;
    const rejectedNote = optOut.rejected.length
        ? ` The opt-out on line ${optOut.rejected[0].declaration.line} of the PR description was rejected: ${optOut.rejected[0].why}.`
        : '';
    for (const { t, req } of violations.slice(0, options.max_findings)) {
        const which = req.service ? `the runbook of service ${req.service} (${runbook_short(req.globs)})` : `a runbook (${runbook_short(req.globs)})`;
        const message = t.code === 'new-env-var'
            ? `New env var ${t.envVar}: document it in the runbook.`
            : `Operational change (${t.code}): ${t.what}, without a runbook update.`;
        findings.push({
            message,
            hint: `Update ${which}, ${optOutHint}.${rejectedNote}`,
            path: t.path,
            ...(t.line ? { line: t.line } : {}),
            code: t.code,
        });
    }
    if (violations.length > options.max_findings) {
        const rest = violations.slice(options.max_findings);
        const codes = [...new Set(rest.map((v) => v.t.code))].join(', ');
        findings.push({
            message: `${rest.length} more operational change${rest.length === 1 ? '' : 's'} without a runbook update (${codes}); see the table.`,
            hint: `Update the runbooks, ${optOutHint}.`,
            code: 'more',
        });
    }
    return findings;
}
/** Say what was not parsed or not read, so a pass is never silently partial. */
function coverageFindings(detection, ctx) {
    const findings = [];
    if (detection.unparsed.length) {
        const n = detection.unparsed.length;
        const paths = detection.unparsed
            .slice(0, 5)
            .map((u) => u.path)
            .join(', ');
        findings.push({
            kind: 'info',
            code: 'not-parsed',
            message: `${n} templated file${n === 1 ? '' : 's'} could not be parsed and matched no path rule, ` +
                `so ${n === 1 ? 'it was' : 'they were'} not treated as operational: ${paths}${n > 5 ? ', \u2026' : ''}.`,
            hint: 'Add their folders to `manifest_paths` (deploy manifests) or `triggers` if they are operational.',
        });
    }
    if (detection.notRead.length) {
        const n = detection.notRead.length;
        const reasons = [...new Set(detection.notRead.map((r) => r.reason))].slice(0, 3).join('; ');
        const paths = detection.notRead
            .slice(0, 5)
            .map((r) => r.path)
            .join(', ');
        findings.push({
            kind: 'info',
            code: 'not-read',
            message: `${n} file${n === 1 ? ' was' : 's were'} classified by path only (${reasons}): ${paths}${n > 5 ? ', \u2026' : ''}.`,
        });
    }
    if (detection.hclUnavailable) {
        findings.push({
            kind: 'info',
            code: 'hcl-unavailable',
            message: `Terraform files were classified by path only: ${detection.hclUnavailable}.`,
        });
    }
    if (ctx.changes.truncated) {
        findings.push({
            kind: 'info',
            code: 'truncated',
            message: `Only ${ctx.changes.files.length} of ${ctx.changes.totalFiles} changed files were listed; ` +
                'operational changes in the others were not checked.',
        });
    }
    return findings;
}
function runbookTables(rows, optOut) {
    const tables = [];
    if (rows.length)
        tables.push({ title: 'Operational changes', columns: ['Trigger', 'File', 'What', 'Detected by', 'Runbook', 'Status'], rows });
    const declRows = [];
    if (optOut.accepted)
        declRows.push([`line ${optOut.accepted.line}`, optOut.accepted.text, 'accepted']);
    for (const r of optOut.rejected)
        declRows.push([`line ${r.declaration.line}`, r.declaration.text, `rejected: ${r.why}`]);
    if (declRows.length)
        tables.push({ title: 'Runbook opt-out in the PR description', columns: ['Where', 'Declaration', 'Status'], rows: declRows });
    return tables;
}
/** "code \u00d7n" per trigger code. */
function counts(list) {
    const by = new Map();
    for (const t of list)
        by.set(t.code, (by.get(t.code) ?? 0) + 1);
    return [...by].map(([c, n]) => (n > 1 ? `${c} \u00d7${n}` : c)).join(', ');
}
/** The changed files the detection set aside as not operational, counted by why. */
function ignoredNote(detection) {
    const unchanged = detection.noOperationalChange.length;
    return [
        unchanged ? `${unchanged} file${unchanged === 1 ? '' : 's'} changed only in comments or formatting` : '',
        detection.devTooling.length
            ? `${detection.devTooling.length} dev/test tooling file${detection.devTooling.length === 1 ? '' : 's'} not treated as production`
            : '',
        detection.versionBumps.length
            ? `${detection.versionBumps.length} file${detection.versionBumps.length === 1 ? '' : 's'} with routine version bumps only`
            : '',
        detection.buildOnly.length
            ? `${detection.buildOnly.length} Dockerfile${detection.buildOnly.length === 1 ? '' : 's'} changed only in how the image is built`
            : '',
        detection.nonProduction.length
            ? `${detection.nonProduction.length} file${detection.nonProduction.length === 1 ? '' : 's'} of non-production environments`
            : '',
    ]
        .filter(Boolean)
        .join('; ');
}
function runbookSummary(triggers, violations, requirementOf, optOut, detection) {
    if (!triggers.length) {
        const ignored = ignoredNote(detection);
        return `No operational change detected.${ignored ? ` (${ignored}.)` : ''}`;
    }
    if (!violations.length) {
        const runbooks = [...new Set(triggers.flatMap((t) => requirementOf(t).satisfiedBy))];
        const parts = [];
        if (runbooks.length)
            parts.push(`runbook updated: ${runbooks.slice(0, 3).join(', ')}${runbooks.length > 3 ? ', \u2026' : ''}`);
        if (optOut.accepted && triggers.some((t) => !requirementOf(t).satisfiedBy.length))
            parts.push(`opted out: "${optOut.accepted.text}"`);
        return `${triggers.length} operational change${triggers.length === 1 ? '' : 's'} (${counts(triggers)}); ${parts.join('; ')}.`;
    }
    const codes = counts(violations.map((v) => v.t));
    const rejected = optOut.rejected.length ? ' Opt-out rejected: ' + optOut.rejected[0].why + '.' : '';
    const changes = `operational change${triggers.length === 1 ? '' : 's'}`;
    return `${violations.length} of ${triggers.length} ${changes} without a runbook update (${codes}).${rejected}`;
}
const runbook = (0,rules_define/* defineRule */.Km)({
    id: 'runbook',
    description: 'Operational changes (deploy manifests, infrastructure, alerts, release workflows, schedules, new env vars, ' +
        'feature flags) come with a runbook update or a reasoned opt-out.',
    options: RunbookOptions,
    defaultLevel: 'warn',
    release: true,
    plan: (input, options) => planRunbookReads(input.files, { options, runbookGlobs: runbookGlobsOf(options) }),
    evaluate: (ctx, options) => evaluateRunbook(ctx, options),
});

;// CONCATENATED MODULE: ./src/rules/co-change.ts
/**
 * Rule `co-change`: when files matching `when` change, files matching `require` must change too (or the PR
 * description carries a reasoned declaration). Generic and composable: ADR for a new service, CHANGELOG
 * for the public API spec, API docs for protobuf changes. Globs may capture `{name}` placeholders from the
 * trigger path and use them in `require` (`services/{svc}/**` \u2192 `docs/services/{svc}.md`).
 */








const CoChangeEntry = type/* Type */.ZU.Object({
    name: type/* Type */.ZU.String({ description: 'Name of this co-change requirement, shown in findings.' }),
    when: type/* Type */.ZU.Array(type/* Type */.ZU.String({ format: 'glob' }), {
        minItems: 1,
        description: 'Globs of trigger files; may capture `{placeholders}` used in `require`.',
    }),
    unless: type/* Type */.ZU.Optional(type/* Type */.ZU.Array(type/* Type */.ZU.String({ format: 'glob' }), { description: 'Globs of files that never trigger (e.g. tests).' })),
    only_added: type/* Type */.ZU.Optional(type/* Type */.ZU.Boolean({ description: 'Trigger only on files the PR adds (e.g. a new service manifest). Default false.' })),
    added_lines_match: type/* Type */.ZU.Optional(type/* Type */.ZU.String({
        format: 'regex',
        description: 'Trigger only when an added line matches this regular expression (a file without a ' +
            'patch counts as matching). RE2 syntax, matched in linear time: no backreferences (`\\1`) ' +
            'and no lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`); at most 1000 characters.',
    })),
    require: type/* Type */.ZU.Array(type/* Type */.ZU.String({ format: 'glob' }), {
        minItems: 1,
        description: 'Globs of which at least one file must change (not only be removed) in the same PR.',
    }),
    or_declaration: type/* Type */.ZU.Optional(type/* Type */.ZU.String({
        description: 'Phrase of a PR-description line that satisfies the requirement instead, followed by a reason (e.g. `Changelog: not needed`).',
    })),
    min_reason_length: type/* Type */.ZU.Optional(type/* Type */.ZU.Integer({ minimum: 0, description: 'Minimum reason length for `or_declaration`; defaults to the rule-level value.' })),
    message: type/* Type */.ZU.Optional(type/* Type */.ZU.String({ description: 'Finding message instead of the generated one.' })),
    hint: type/* Type */.ZU.Optional(type/* Type */.ZU.String({ description: 'Finding hint instead of the generated one.' })),
});
const CoChangeOptions = type/* Type */.ZU.Object({
    rules: type/* Type */.ZU.Array(CoChangeEntry, {
        default: [],
        description: 'Co-change requirements: when `when` files change, `require` files must change too (or `or_declaration` is declared).',
    }),
    min_reason_length: type/* Type */.ZU.Integer({
        default: 10,
        minimum: 0,
        description: 'Default minimum reason length for `or_declaration` lines.',
    }),
});
function co_change_short(items, max = 3) {
    return items.length > max ? `${items.slice(0, max).join(', ')} and ${items.length - max} more` : items.join(', ');
}
function matchesAddedLines(f, re) {
    if (!f.patch)
        return true; // never treat a missing patch as "no change"
    try {
        return addedLines(f.patch).some((l) => re.test(l.text));
    }
    catch (e) {
        if (e instanceof budget/* BudgetExceeded */.L$)
            throw e;
        return true; // an unreadable patch counts as matching
    }
}
function evaluateCoChange(ctx, options) {
    const findings = [];
    const rows = [];
    const files = ctx.changes.files;
    for (const entry of options.rules) {
        let lineRe;
        if (entry.added_lines_match !== undefined) {
            try {
                lineRe = (0,regex/* policyRegex */._H)(entry.added_lines_match);
            }
            catch (e) {
                if (!(e instanceof regex/* PolicyRegexError */.cj))
                    throw e;
                findings.push({ kind: 'error', code: 'bad-pattern', message: `co-change "${entry.name}": added_lines_match: ${e.message}` });
                continue;
            }
        }
        const matchers = entry.when.map((w) => (hasPlaceholders(w) ? compileTemplate(w) : [w])); // lists made once: prepared once
        const triggers = [];
        const required = new Set();
        for (const f of files) {
            if (entry.only_added && f.status !== 'added')
                continue;
            if (entry.unless && (0,glob/* matchesAny */._I)(f.path, entry.unless))
                continue;
            let values;
            let hit = false;
            for (let i = 0; i < entry.when.length && !hit; i++) {
                const t = matchers[i];
                values = Array.isArray(t) ? undefined : capture(t, f.path);
                hit = Array.isArray(t) ? (0,glob/* matchesAny */._I)(f.path, t) : values !== undefined;
            }
            if (!hit)
                continue;
            if (lineRe && !matchesAddedLines(f, lineRe))
                continue;
            triggers.push(f);
            for (const r of entry.require)
                required.add(values ? fill(r, values) : r);
        }
        if (!triggers.length)
            continue;
        const triggerPaths = new Set(triggers.map((t) => t.path));
        const requiredGlobs = [...required];
        const satisfiedBy = files
            .filter((f) => f.status !== 'removed' && !triggerPaths.has(f.path) && (0,glob/* matchesAny */._I)(f.path, requiredGlobs))
            .map((f) => f.path);
        const outcome = { triggers: [...triggerPaths], required: requiredGlobs, satisfiedBy };
        if (!satisfiedBy.length && entry.or_declaration) {
            const d = (0,pr_body/* findReasonedDeclaration */.$b)(ctx.pr.body, entry.or_declaration, entry.min_reason_length ?? options.min_reason_length);
            if (d.accepted)
                outcome.declaration = d.accepted.text;
            else if (d.rejected.length)
                outcome.rejected = `line ${d.rejected[0].declaration.line}: ${d.rejected[0].why}`;
        }
        const status = satisfiedBy.length
            ? `satisfied by ${co_change_short(satisfiedBy)}`
            : outcome.declaration
                ? `declared: "${outcome.declaration}"`
                : `missing${outcome.rejected ? ` (declaration rejected, ${outcome.rejected})` : ''}`;
        rows.push([entry.name, co_change_short(outcome.triggers), co_change_short(requiredGlobs), status]);
        if (satisfiedBy.length || outcome.declaration)
            continue;
        const first = triggers[0];
        const what = triggers.length === 1 ? first.path : `${triggers.length} files (${co_change_short(outcome.triggers)})`;
        findings.push({
            message: entry.message ?? `${entry.name}: ${what} changed without a change to ${co_change_short(requiredGlobs)}.`,
            hint: (entry.hint ??
                `Change a file matching ${co_change_short(requiredGlobs.map((g) => `\`${g}\``))}` +
                    (entry.or_declaration ? `, or add a line \`${entry.or_declaration} \u2014 <reason>\` to the PR description` : '') +
                    '.') + (outcome.rejected ? ` The declaration was rejected (${outcome.rejected}).` : ''),
            path: first.path,
            code: entry.name,
        });
    }
    const tables = rows.length
        ? [{ title: 'Co-change requirements', columns: ['Requirement', 'Changed', 'Requires', 'Status'], rows }]
        : [];
    const violated = findings.filter((f) => f.kind !== 'error' && f.kind !== 'info').length;
    const summary = !rows.length
        ? options.rules.length
            ? `None of the ${options.rules.length} co-change requirements triggered.`
            : 'No co-change requirements configured.'
        : violated
            ? `${violated} of ${rows.length} triggered co-change requirement${rows.length === 1 ? '' : 's'} unmet.`
            : `${rows.length} co-change requirement${rows.length === 1 ? '' : 's'} triggered, all met.`;
    return { findings, summary, tables, ...(rows.length ? {} : { applicability: 'not-applicable' }) };
}
const coChange = (0,rules_define/* defineRule */.Km)({
    id: 'co-change',
    description: 'When some files change, others must change with them (ADR for a new service, ' +
        'CHANGELOG for the API spec, docs for protos), or the PR declares why not.',
    options: CoChangeOptions,
    defaultLevel: 'warn',
    release: true,
    evaluate: (ctx, options) => evaluateCoChange(ctx, options),
});

// EXTERNAL MODULE: ./src/evidence/scanners/index.ts + 3 modules
var scanners = __webpack_require__(50728);
;// CONCATENATED MODULE: ./src/evidence/missing-report.ts
/**
 * The "listed report not found" decision shared by the rules that read scanner reports (dependencies,
 * code-scanning). A policy lists reports by plain path or by glob. A glob that matches nothing is a notice
 * (the rule's caller words it); a plain path that is not in the workspace follows the rule's
 * `missing_report` option: `fail` (a finding at the rule's level), `warn`, or `ignore` (a summary note).
 * A silent pass on a report that was expected is the worst outcome.
 */


/** The `missing_report` option of a rule's schema (default `fail`), with that rule's description. */
function missingReportOption(description) {
    return type/* Type */.ZU.Union([type/* Type */.ZU.Literal('fail'), type/* Type */.ZU.Literal('warn'), type/* Type */.ZU.Literal('ignore')], { default: 'fail', description });
}
const GLOB_MAGIC = /[*?[\]{}!]/;
function unfoundReports(listed, found) {
    const missing = [];
    const unmatched = [];
    for (const g of listed) {
        if (found.some((f) => (0,glob/* matchesAny */._I)(f.path, [g])))
            continue;
        if (GLOB_MAGIC.test(g))
            unmatched.push(g);
        else
            missing.push(g);
    }
    return { missing, unmatched };
}
/** What a listed report that is missing concludes: `fail` and `warn` add a finding, `ignore` a note. */
function reportMissing(sink, action, path, text) {
    const { message, hint } = text;
    if (action === 'fail')
        sink.findings.push({ message, hint, code: 'missing-report' });
    else if (action === 'warn')
        sink.findings.push({ message, level: 'warn', code: 'missing-report' });
    else
        sink.notes.push(`${path}: not found (ignored)`);
}

;// CONCATENATED MODULE: ./src/rules/dependencies/manifest.ts

const MANIFESTS = /(^|\/)(package\.json|requirements[^/]*\.txt|constraints[^/]*\.txt|Pipfile|pyproject\.toml|setup\.cfg|go\.mod|pom\.xml|build\.gradle(\.kts)?|Gemfile|Cargo\.toml|composer\.json|[^/]+\.csproj|packages\.config|Directory\.Packages\.props|mix\.exs|pubspec\.yaml)$/;
function isManifest(path) {
    return MANIFESTS.test(path);
}
function esc(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** Matches nothing: for a package name that names nothing a manifest line could declare. */
const NEVER = /(?!)/;
/**
 * A regex that matches a line declaring `pkg` in the manifest `path`. The package name comes from
 * scanner reports (the PR's own CI: attacker-controlled), so every piece of it is escaped: the name is
 * only ever a literal inside the pattern, and the pattern has no nested quantifier it could reach.
 */
function declarationPattern(path, pkg) {
    const base = path.split('/').pop() ?? path;
    // Maven "group:artifact" and purl-like names: the artifact is what the manifest line names.
    const artifact = pkg.slice(pkg.lastIndexOf(':') + 1);
    if (!artifact.trim())
        return NEVER;
    const name = esc(artifact);
    if (base === 'package.json' || base === 'composer.json')
        return new RegExp(`"${name}"\\s*:`);
    if (/^requirements|^constraints|^Pipfile$|pyproject\.toml|setup\.cfg/.test(base)) {
        // PEP 503: runs of - _ . are equivalent; the parts between them are literal text.
        const parts = artifact.split(/[-_.]+/).filter(Boolean);
        if (!parts.length)
            return NEVER;
        const py = parts.map(esc).join('[-_.]+');
        return new RegExp(`^\\s*["']?${py}\\s*(\\[[^\\]]*\\])?\\s*(==|>=|<=|~=|!=|>|<|=|;|"|'|$|\\s)`, 'i');
    }
    if (base === 'go.mod')
        return new RegExp(`^\\s*(require\\s+)?${name}\\s+v`);
    if (base === 'pom.xml')
        return new RegExp(`<artifactId>\\s*${name}\\s*</artifactId>`);
    if (base === 'Gemfile')
        return new RegExp(`^\\s*gem\\s+["']${name}["']`);
    if (base === 'Cargo.toml')
        return new RegExp(`^\\s*(${name}\\s*=|\\[[\\w.-]*dependencies\\.${name}\\])`);
    if (/\.csproj$|packages\.config|Directory\.Packages\.props/.test(base))
        return new RegExp(`(Include|id)="${name}"`, 'i');
    return new RegExp(`(^|[^\\w@/.-])${name}([^\\w/-]|$)`);
}
function manifest_dirOf(p) {
    const i = p.lastIndexOf('/');
    return i < 0 ? '' : p.slice(0, i);
}
/**
 * The added manifest line that declares `pkg`, preferring the manifest in the same directory as the
 * lockfile/manifest the scanner named (matched by path suffix, since scanners may write absolute paths).
 */
function findDeclaration(files, pkg, scannerPath) {
    const candidates = files.filter((f) => f.status !== 'removed' && !!f.patch && isManifest(f.path));
    const wantDir = scannerPath ? manifest_dirOf(scannerPath.replace(/^\/+/, '')) : undefined;
    const score = (f) => {
        if (wantDir === undefined)
            return 0;
        const d = manifest_dirOf(f.path);
        return wantDir === d || wantDir.endsWith('/' + d) || (d === '' && !wantDir.includes('/')) ? 1 : 0;
    };
    candidates.sort((a, b) => score(b) - score(a));
    for (const f of candidates) {
        const re = declarationPattern(f.path, pkg);
        let added;
        let removed;
        try {
            added = addedLines(f.patch);
            removed = removedLines(f.patch);
        }
        catch {
            continue;
        }
        const hit = added.find((l) => re.test(l.text));
        if (hit)
            return { path: f.path, line: hit.line, changed: removed.some((l) => re.test(l.text)) };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/rules/dependencies/index.ts
/**
 * dependencies: gates on the results of whatever dependency scanner a team already runs (SARIF from any
 * tool, npm audit, OSV-Scanner), optionally with GitHub dependency review and Dependabot alerts.
 * The standard behind it: dependency scanning runs in CI, and critical vulnerabilities are fixed within
 * 7\u201314 days. New vulnerabilities at or above `fail_on` fail; open ones older than their fix SLA fail;
 * waivers name a reason and expire; a missing or broken report never reads as "no vulnerabilities".
 */






const sla = (def, sev) => type/* Type */.ZU.Union([type/* Type */.ZU.Integer({ minimum: 0 }), type/* Type */.ZU.Null()], {
    default: def,
    description: `Days within which a ${sev} vulnerability must be fixed once known; null = no SLA.`,
});
const dependenciesOptions = type/* Type */.ZU.Object({
    reports: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: [],
        description: 'Scanner reports in the workspace (paths or globs): SARIF 2.1.0 (Trivy, Grype, Snyk, OSV-Scanner\u2026), ' +
            '`npm audit --json` (npm 7+), OSV-Scanner JSON. The format is detected from the content. ' +
            'A plain path that matches no file follows `missing_report`; a glob that matches nothing is a notice.',
    }),
    fail_on: type/* Type */.ZU.Union([type/* Type */.ZU.Literal('critical'), type/* Type */.ZU.Literal('high'), type/* Type */.ZU.Literal('medium'), type/* Type */.ZU.Literal('low'), type/* Type */.ZU.Literal('none')], {
        default: 'high',
        description: 'New vulnerabilities at or above this severity fail the PR (`none`: only SLAs and licenses fail).',
    }),
    new_only: type/* Type */.ZU.Boolean({
        default: true,
        description: 'Apply `fail_on` only to vulnerabilities this PR introduces (or whose origin is unknown); ' +
            'those already present on the base are held to `fix_within_days` instead. ' +
            'Origin comes from SARIF baselineState, dependency review, the manifest lines the PR adds, and Dependabot alerts.',
    }),
    fix_within_days: type/* Type */.ZU.Object({ critical: sla(7, 'critical'), high: sla(14, 'high'), medium: sla(null, 'medium'), low: sla(null, 'low') }, {
        default: {},
        description: 'Fix SLA per severity, in days since first detection (Dependabot alert created_at, ' +
            'SARIF firstDetectionTimeUtc). Without a known age only `fail_on` applies.',
    }),
    ignore: type/* Type */.ZU.Array(type/* Type */.ZU.Object({
        id: type/* Type */.ZU.String({ minLength: 1, description: "Advisory id (GHSA, CVE, or the tool's id such as SNYK-JS-\u2026); matches any alias." }),
        reason: type/* Type */.ZU.String({ minLength: 1, description: 'Why the vulnerability is accepted (required).' }),
        until: type/* Type */.ZU.Optional(type/* Type */.ZU.String({
            format: 'date',
            description: 'Last day (YYYY-MM-DD, UTC) the waiver applies; after it the vulnerability counts again and the comment says so.',
        })),
    }, { additionalProperties: false }), { default: [], description: 'Waived advisories, each with a reason and, preferably, an expiry date.' }),
    licenses: type/* Type */.ZU.Object({
        deny: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
            default: [],
            description: 'SPDX ids that added dependencies must not use (from dependency review data).',
        }),
        allow: type/* Type */.ZU.Array(type/* Type */.ZU.String(), { default: [], description: 'When not empty: the only SPDX ids added dependencies may use.' }),
    }, { default: {}, description: 'License policy for dependencies the PR adds (needs dependency review).' }),
    missing_report: missingReportOption('What a report path listed in `reports` (not a glob) that does not exist concludes: a silent pass is the worst outcome.'),
    use_dependency_review: type/* Type */.ZU.Boolean({
        default: true,
        description: 'Ask GitHub dependency review (base...head) for the vulnerabilities and licenses the PR adds; not available (403/404, ' +
            'CLI) \u2192 a notice; failed (5xx, timeout, rate limit, malformed answer) \u2192 the rule is not evaluated (`on_error`).',
    }),
    use_dependabot_alerts: type/* Type */.ZU.Boolean({
        default: false,
        description: 'Read open Dependabot alerts for the age of known vulnerabilities (needs `security-events: ' +
            'read`); not available \u2192 a notice; failed \u2192 the rule is not evaluated (`on_error`).',
    }),
});
const DAY = 86_400_000;
function dateString(v) {
    if (v instanceof Date && !Number.isNaN(v.getTime()))
        return v.toISOString().slice(0, 10);
    if (typeof v === 'string' && v.trim())
        return v.trim();
    return undefined;
}
/** A waiver applies through the whole of its `until` day (UTC). */
function waiverExpired(until, now) {
    if (!until)
        return false;
    const t = Date.parse(`${until.slice(0, 10)}T00:00:00Z`);
    if (Number.isNaN(t))
        return true; // an unreadable date must not waive forever
    return now.getTime() >= t + DAY;
}
function severityLabel(s) {
    return s === 'unknown' ? 'unknown' : s;
}
/** Denied / not allowed per a simple SPDX expression reading: OR = any branch may be chosen. */
function licenseVerdict(license, deny, allow) {
    if (!license)
        return {};
    const norm = (s) => s.trim().toLowerCase();
    const branches = license.split(/\s+OR\s+/i).map((b) => b
        .replace(/[()]/g, ' ')
        .split(/\s+(?:AND|WITH)\s+/i)
        .map((t) => t.trim())
        .filter(Boolean));
    const denySet = new Set(deny.map(norm));
    const allowSet = new Set(allow.map(norm));
    const branchDenied = (b) => b.find((t) => denySet.has(norm(t)));
    if (denySet.size && branches.every((b) => branchDenied(b)))
        return { denied: branches.map(branchDenied).find(Boolean) };
    if (allowSet.size && !branches.some((b) => b.every((t) => allowSet.has(norm(t)))))
        return { notAllowed: true };
    return {};
}
/**
 * npm audit does not state installed versions: read them from package-lock.json at head. A lock file that
 * is absent or not JSON leaves the version unknown (shown as `?`); a READ that fails (the API after its
 * retries) is thrown: the rule is then not evaluated rather than quietly missing evidence.
 */
async function resolveNpmVersions(ctx, vulns) {
    const pending = vulns.filter((v) => v.version === undefined && v.nodes?.length);
    if (!pending.length)
        return;
    const cache = new Map();
    const lock = async (p) => {
        if (!cache.has(p)) {
            let packages = null;
            let text;
            try {
                text = await ctx.changes.readHead(p);
            }
            catch (e) {
                throw new Error(`${p} at the head could not be read (to resolve npm audit's installed versions): ${(0,src_errors/* plainMessage */.C5)(e)}`);
            }
            try {
                if (text)
                    packages = lockPackages(JSON.parse(text));
            }
            catch {
                packages = null; // the PR's own lock file is not JSON: versions stay unknown, nothing is concluded from them
            }
            cache.set(p, packages);
        }
        return cache.get(p) ?? null;
    };
    for (const v of pending) {
        const dir = v.reports[0]?.includes('/') ? v.reports[0].slice(0, v.reports[0].lastIndexOf('/') + 1) : '';
        for (const p of [...new Set([`${dir}package-lock.json`, 'package-lock.json'])]) {
            const pk = await lock(p);
            const versions = [...new Set((v.nodes ?? []).map((n) => pk?.[n]?.version).filter((x) => !!x))];
            if (versions.length) {
                v.version = versions.join(', ');
                v.manifest ??= p;
                break;
            }
        }
    }
}
function lockPackages(doc) {
    const packages = typeof doc === 'object' && doc !== null ? doc.packages : undefined;
    return typeof packages === 'object' && packages !== null ? packages : null;
}
function fmtAge(r) {
    if (r.ageDays === undefined)
        return 'age unknown';
    const sla = r.slaDays;
    return sla === undefined || sla === null
        ? `${r.ageDays} d (no SLA)`
        : `${r.ageDays} d / SLA ${sla} d${r.ageDays > sla ? ' (breached)' : ''}`;
}
function originText(o) {
    return o === 'introduced' ? 'introduced by this PR' : o === 'present' ? 'already present' : 'unknown';
}
const dependencies = (0,rules_define/* defineRule */.Km)({
    id: 'dependencies',
    description: 'Gates on dependency-scanning results: new vulnerabilities, fix SLAs, expiring waivers, licenses.',
    options: dependenciesOptions,
    defaultLevel: 'fail',
    release: true,
    async evaluate(ctx, o) {
        const sink = { findings: [], notes: [], reportRows: [] };
        const { findings, notes } = sink;
        // 1. Reports.
        const parsed = await readScannerReports(ctx, o, sink);
        const all = parsed.flatMap((p) => p.vulnerabilities);
        // 2. Providers.
        const review = await readDependencyReview(ctx, o, sink);
        all.push(...review.vulns);
        const alerts = await readDependabotAlerts(ctx, o, sink);
        all.push(...alerts.vulns);
        try {
            await resolveNpmVersions(ctx, all);
        }
        catch (e) {
            findings.push({
                message: (0,src_errors/* plainMessage */.C5)(e),
                kind: 'error',
                code: 'read-failed',
                hint: "Re-run the job once GitHub answers; the policy's `on_error` decides what this run concludes.",
            });
        }
        const vulns = (0,scanners/* mergeVulnerabilities */.Nr)(all);
        // 3. Evaluate each vulnerability.
        const rows = evaluateVulnerabilities(vulns, ctx, o, review, findings);
        // 4. Licenses of added dependencies.
        findings.push(...licenseFindings(ctx, o, review, notes));
        // 5. Output.
        rows.sort((a, b) => (0,scanners/* severityRank */.qs)(b.v.severity) - (0,scanners/* severityRank */.qs)(a.v.severity) || a.v.package.localeCompare(b.v.package) || a.v.id.localeCompare(b.v.id));
        const tables = dependencyTables(rows, sink.reportRows);
        const bySev = scanners/* SEVERITIES */.oC.map((s) => [s, rows.filter((r) => r.v.severity === s).length]).filter(([, n]) => n > 0);
        const waived = rows.filter((r) => r.waiver && !r.waiver.expired).length;
        const failing = rows.filter((r) => r.failing.length).length;
        // Without any evidence the summary must not read "no vulnerabilities": nothing was looked at.
        const noEvidence = !parsed.length && !review.ok && !alerts.ok;
        const parts = [
            noEvidence
                ? 'no scanner evidence'
                : rows.length
                    ? `${rows.length} vulnerabilit${rows.length === 1 ? 'y' : 'ies'} (${bySev.map(([s, n]) => `${n} ${s}`).join(', ')})`
                    : 'no vulnerabilities',
            failing ? `${failing} failing` : '',
            waived ? `${waived} waived` : '',
            ...notes.filter((n) => !(noEvidence && n === 'no scanner report')),
        ].filter(Boolean);
        return {
            findings,
            summary: parts.join('; '),
            ...(noEvidence ? { applicability: 'no-evidence' } : {}),
            tables,
            data: {
                vulnerabilities: rows.map((r) => ({
                    ...r.v,
                    origin: r.origin,
                    ageDays: r.ageDays,
                    slaDays: r.slaDays,
                    waiver: r.waiver,
                    failing: r.failing,
                    annotation: r.annotation,
                })),
                reports: parsed.map((p) => ({
                    path: p.path,
                    format: p.format,
                    tool: p.tool,
                    vulnerabilities: p.vulnerabilities.length,
                    skipped: p.skipped,
                })),
            },
        };
    },
});
/** The scanner reports `reports` names; a listed path that is missing follows `missing_report`. */
async function readScannerReports(ctx, o, sink) {
    const { findings, notes, reportRows } = sink;
    const globs = o.reports;
    const files = globs.length ? await ctx.evidence.findReports(globs) : [];
    const { missing, unmatched } = unfoundReports(globs, files);
    for (const g of missing)
        reportMissing(sink, o.missing_report, g, {
            message: `Scanner report ${g} is listed in the policy but was not found in the workspace: ` + 'did the scanner step run and write it there?',
            hint: 'Run the scanner before the gate (same job, or download its artifact), or remove the path from `reports`.',
        });
    // One notice for all the globs that matched nothing (the default preset lists four): one row in every
    // comment of a repository without scanners, not four.
    if (unmatched.length) {
        findings.push({
            message: `No scanner report matched ${unmatched.join(', ')}: dependency scanning results are not visible to the gate.`,
            kind: 'info',
            code: 'no-report',
        });
        notes.push(unmatched.length === globs.length ? 'no scanner report' : `${unmatched.join(', ')}: no match`);
    }
    const parsed = [];
    for (const f of files) {
        try {
            const p = (0,scanners/* parseReport */.MM)(f.path, await f.read());
            parsed.push(p);
            reportRows.push([f.path, p.tool, p.format, String(p.vulnerabilities.length), String(p.skipped)]);
            if (p.vulnerabilities.length === 0)
                notes.push(`0 results from ${p.tool} (${f.path})`);
        }
        catch (e) {
            const message = e instanceof scanners/* ReportError */.$g ? e.message : `${f.path} could not be read: ${(0,src_errors/* plainMessage */.C5)(e)}`;
            findings.push({
                message,
                kind: 'error',
                code: 'bad-report',
                hint: 'Check the scanner step: it must write a complete SARIF 2.1.0, `npm audit --json` (npm 7+) or OSV-Scanner JSON report.',
            });
            reportRows.push([f.path, '?', 'unreadable', '-', '-']);
        }
    }
    return parsed;
}
async function readDependencyReview(ctx, o, sink) {
    const none = { vulns: [], added: [], ok: false };
    if (!o.use_dependency_review)
        return none;
    if (!ctx.evidence.dependencyReview) {
        sink.notes.push('dependency review: not available here');
        return none;
    }
    // Dependency review only reports what manifest and lock-file changes add: skip the API call otherwise.
    const touchesDeps = ctx.changes.truncated || ctx.changes.files.some((f) => isManifest(f.path) || f.excluded === 'lockfile');
    if (!touchesDeps) {
        sink.notes.push('dependency review: skipped, no manifest or lock file changed');
        return none;
    }
    const r = await ctx.evidence.dependencyReview();
    if (r.ok) {
        sink.notes.push(`dependency review: ${r.data.added.length} added dependencies, ${r.data.vulns.length} vulnerabilities`);
        return { vulns: r.data.vulns, added: r.data.added, ok: true };
    }
    if (r.unavailable)
        sink.findings.push({
            message: `GitHub dependency review is unavailable: ${r.reason}`,
            kind: 'info',
            code: 'dependency-review-unavailable',
        });
    else {
        // An outage is not "nothing added": the dependencies this PR adds were not checked.
        sink.findings.push({
            message: `GitHub dependency review failed, so the dependencies this PR adds were not checked: ${r.reason}`,
            kind: 'error',
            code: 'dependency-review-failed',
            hint: "Re-run the job once GitHub answers; the policy's `on_error` decides what this run concludes.",
        });
        sink.notes.push('dependency review: failed');
    }
    return none;
}
async function readDependabotAlerts(ctx, o, sink) {
    if (!o.use_dependabot_alerts)
        return { vulns: [], ok: false };
    if (!ctx.evidence.dependabotAlerts) {
        sink.notes.push('Dependabot alerts: not available here');
        return { vulns: [], ok: false };
    }
    const r = await ctx.evidence.dependabotAlerts();
    if (r.ok) {
        sink.notes.push(`Dependabot: ${r.data.length} open alerts`);
        return { vulns: r.data, ok: true };
    }
    if (r.unavailable)
        sink.findings.push({ message: `Dependabot alerts are unavailable: ${r.reason}`, kind: 'info', code: 'dependabot-unavailable' });
    else {
        sink.findings.push({
            message: `Reading Dependabot alerts failed, so the age of known vulnerabilities was not checked: ${r.reason}`,
            kind: 'error',
            code: 'dependabot-failed',
            hint: "Re-run the job once GitHub answers; the policy's `on_error` decides what this run concludes.",
        });
        sink.notes.push('Dependabot alerts: failed');
    }
    return { vulns: [], ok: false };
}
/** One row per vulnerability; the findings of those that fail (fail_on, fix SLA) or whose waiver expired. */
function evaluateVulnerabilities(vulns, ctx, o, review, findings) {
    const failRank = o.fail_on === 'none' ? Infinity : (0,scanners/* severityRank */.qs)(o.fail_on);
    const waivers = o.ignore.map((w) => ({
        id: (0,scanners/* normaliseId */.GU)(w.id),
        reason: w.reason,
        until: dateString(w.until),
    }));
    const rows = [];
    const expiredReported = new Set();
    for (const v of vulns) {
        const row = vulnerabilityRow(v, ctx, o, review, waivers);
        rows.push(row);
        if (row.waiver && !row.waiver.expired)
            continue;
        findings.push(...vulnerabilityFindings(row, o, failRank, expiredReported));
    }
    return rows;
}
/** Origin (introduced / present), age, fix SLA, waiver and where to annotate. */
function vulnerabilityRow(v, ctx, o, review, waivers) {
    const decl = findDeclaration(ctx.changes.files, v.package, v.manifest);
    let origin = v.origin ?? 'unknown';
    if (origin === 'unknown' && decl && !decl.changed)
        origin = 'introduced';
    if (origin === 'unknown' && review.ok && ctx.mode === 'pull_request') {
        // Dependency review lists every dependency the PR adds: a package it does not list was there before.
        const inReview = review.added.some((a) => a.name.toLowerCase() === v.package.toLowerCase());
        if (!inReview)
            origin = 'present';
    }
    const ageDays = v.firstSeen && !Number.isNaN(Date.parse(v.firstSeen))
        ? Math.max(0, Math.floor((ctx.now.getTime() - Date.parse(v.firstSeen)) / DAY))
        : undefined;
    const slaKey = v.severity === 'unknown' ? undefined : v.severity;
    const slaDays = slaKey ? o.fix_within_days[slaKey] : null;
    const w = waivers.find((x) => v.aliases.some((a) => a.toLowerCase() === x.id.toLowerCase()));
    const row = { v, origin, ageDays, slaDays, failing: [], annotation: decl ? { path: decl.path, line: decl.line } : undefined };
    if (w)
        row.waiver = { ...w, expired: waiverExpired(w.until, ctx.now) };
    return row;
}
/** The findings of a vulnerability that is not waived: an expired waiver (once per id), fail_on, the fix SLA. */
function vulnerabilityFindings(row, o, failRank, expiredReported) {
    const { v, origin, ageDays, slaDays } = row;
    const findings = [];
    const where = row.annotation ? { path: row.annotation.path, line: row.annotation.line } : {};
    const what = `${v.id} (${severityLabel(v.severity)}) in ${v.package}${v.version ? `@${v.version}` : ''}`;
    const fix = v.fixedVersion
        ? `Upgrade ${v.package} to ${v.fixedVersion} or later.`
        : 'No fixed version is known: remove or replace the dependency, or waive it with a reason and an expiry.';
    if (row.waiver?.expired && !expiredReported.has(row.waiver.id)) {
        expiredReported.add(row.waiver.id);
        findings.push({
            message: `The waiver for ${row.waiver.id} expired on ${row.waiver.until} and no longer applies (reason given: ${row.waiver.reason}).`,
            hint: `${fix} Or extend \`until\` in the policy if the risk is still accepted.`,
            code: 'waiver-expired',
            ...where,
        });
    }
    const counts = !o.new_only || origin !== 'present';
    if (counts && (0,scanners/* severityRank */.qs)(v.severity) >= failRank) {
        row.failing.push('fail_on');
        findings.push({
            message: `${what} ` +
                (origin === 'introduced' ? 'is introduced by this PR' : origin === 'present' ? 'is present' : 'is reported (origin unknown)') +
                `, at or above fail_on: ${o.fail_on}.`,
            hint: fix,
            code: 'vulnerability',
            ...where,
        });
    }
    if (ageDays !== undefined && slaDays !== null && slaDays !== undefined && ageDays > slaDays) {
        row.failing.push('sla');
        findings.push({
            message: `${what} has been open for ${ageDays} days, past the ${slaDays}-day fix SLA for ${v.severity} vulnerabilities.`,
            hint: fix,
            code: 'sla-breach',
            ...where,
        });
    }
    return findings;
}
/** Added dependencies under a denied license, or outside the allow list (needs dependency review). */
function licenseFindings(ctx, o, review, notes) {
    const deny = o.licenses.deny;
    const allow = o.licenses.allow;
    const findings = [];
    if ((deny.length || allow.length) && review.added.length) {
        for (const a of review.added) {
            const verdict = licenseVerdict(a.license, deny, allow);
            if (!verdict.denied && !verdict.notAllowed)
                continue;
            const decl = findDeclaration(ctx.changes.files, a.name, a.manifest);
            findings.push({
                message: verdict.denied
                    ? `${a.name}@${a.version} (${a.manifest}) is licensed ${a.license}, which the policy denies (${verdict.denied}).`
                    : `${a.name}@${a.version} (${a.manifest}) is licensed ${a.license}, which is not in the policy's allow list.`,
                hint: 'Choose a dependency under an allowed license, or get the license approved and update `licenses` in the policy.',
                code: 'license',
                ...(decl ? { path: decl.path, line: decl.line } : {}),
            });
        }
    }
    else if ((deny.length || allow.length) && !review.ok)
        notes.push('licenses: not checked (needs dependency review)');
    return findings;
}
function dependencyTables(rows, reportRows) {
    const tables = [];
    if (rows.length) {
        tables.push({
            title: 'Vulnerabilities by severity',
            columns: ['Severity', 'Advisory', 'Package', 'Installed \u2192 fixed', 'Origin', 'Age vs SLA', 'Waiver', 'Found by', 'Advisory URL'],
            rows: rows.map((r) => [
                severityLabel(r.v.severity) + (r.v.cvss !== undefined ? ` (${r.v.cvss})` : ''),
                r.v.id,
                r.v.package,
                `${r.v.version ?? '?'} \u2192 ${r.v.fixedVersion ?? 'no fix known'}`,
                originText(r.origin),
                fmtAge(r),
                r.waiver
                    ? `${r.waiver.expired ? 'EXPIRED ' : ''}${r.waiver.until ? `until ${r.waiver.until}` : 'no expiry'}: ${r.waiver.reason}`
                    : '',
                r.v.sources.join(', '),
                r.v.url ?? (0,scanners/* advisoryUrl */.Le)(r.v.id) ?? '',
            ]),
        });
    }
    if (reportRows.length)
        tables.push({ title: 'Reports', columns: ['File', 'Tool', 'Format', 'Vulnerabilities', 'Skipped results'], rows: reportRows });
    return tables;
}
/* harmony default export */ const rules_dependencies = ((/* unused pure expression or super */ null && (dependencies)));

// EXTERNAL MODULE: ./node_modules/@secretlint/core/module/index.js + 15 modules
var core_module = __webpack_require__(86707);
// EXTERNAL MODULE: ./node_modules/@secretlint/profiler/module/node.js + 1 modules
var node = __webpack_require__(806);
// EXTERNAL MODULE: ./node_modules/@secretlint/secretlint-rule-preset-recommend/module/index.js
var secretlint_rule_preset_recommend_module = __webpack_require__(31577);
;// CONCATENATED MODULE: ./src/rules/secrets/scan.ts
/**
 * Finds credentials in the lines a change ADDS, with secretlint's recommended rule set (no detector is
 * written here). Each changed file's added lines are laid out at their head line numbers (the other lines
 * empty), so a finding's line is the head line, and a multi-line secret added in one piece (a private key
 * block) is still seen whole. Binary files, lock files and removed files are skipped.
 *
 * Returned findings carry the raw secret ONLY in `secret`, for the caller to fingerprint, allowlist and
 * scrub with; nothing here formats it.
 */





/**
 * The recommended preset, less its comment filter: `secretlint-disable` comments in the PR would silence a
 * finding without a reason and without a reviewer seeing it. `pr-gate: allow-secret <reason>` replaces them.
 */
const CONFIG = {
    rules: [
        {
            id: '@secretlint/secretlint-rule-preset-recommend',
            rule: secretlint_rule_preset_recommend_module/* creator */.x,
            rules: [{ id: '@secretlint/secretlint-rule-filter-comments', disabled: true }],
        },
    ],
};
/**
 * secretlint's profiler (one instance per process, shared by every `lintSource` call) puts a mark on Node's
 * global performance timeline at the start and end of every rule and of every lint, and its observer keeps
 * each mark in an array that it searches on every new mark and never empties. Each scan therefore costs more
 * than the one before and the marks are never freed: quadratic time and unbounded memory in a long-lived
 * process (the App serving PRs for days; 10,000 fuzz cases did not finish in 13 minutes). The gate never
 * reads the profile, so marking is turned off here, once, before any scan. __tests__/rules/secrets checks
 * that scans leave no mark behind (it would catch a second, unpatched copy of the profiler).
 */
node/* secretLintProfiler */.z.mark = () => { };
/** Longest text scanned per file (a 5 MB generated blob is not where keys are pasted by hand). */
const MAX_SCAN_BYTES = 2 * 1024 * 1024;
/** Why a file is not scanned, or undefined when it is. */
function skipReason(f) {
    if (f.status === 'removed')
        return 'removed';
    if (f.binary)
        return 'binary';
    if (f.excluded === 'lockfile')
        return 'lockfile';
    return undefined;
}
/** The added lines of a patch (throws PatchParseError on a malformed one). */
function addedTextOf(path, patch) {
    const added = new Map();
    const known = new Map();
    for (const h of parsePatch(patch)) {
        for (const l of h.lines) {
            if (l.newLine === undefined)
                continue;
            known.set(l.newLine, l.text);
            if (l.type === '+')
                added.set(l.newLine, l.text);
        }
    }
    return { path, added, known };
}
/**
 * Added lines of a file the diff does not inline (too large): every line of an added file; otherwise the
 * head lines whose text does not occur on the base side as often (a multiset difference).
 */
function addedTextFromContents(path, head, base) {
    const headLines = head.split(/\r?\n/);
    const added = new Map();
    const known = new Map();
    const baseCount = new Map();
    if (base !== undefined)
        for (const l of base.split(/\r?\n/))
            baseCount.set(l, (baseCount.get(l) ?? 0) + 1);
    headLines.forEach((text, i) => {
        known.set(i + 1, text);
        const n = baseCount.get(text) ?? 0;
        if (n > 0)
            baseCount.set(text, n - 1);
        else
            added.set(i + 1, text);
    });
    return { path, added, known };
}
/** Looks binary: a NUL byte in the first 8 KiB (git's own test). */
function looksBinary(text) {
    return text.slice(0, 8192).includes('\u0000');
}
function layout(t) {
    let max = 0;
    for (const n of t.added.keys())
        if (n > max)
            max = n;
    const rows = new Array(max).fill('');
    for (const [n, text] of t.added)
        rows[n - 1] = text;
    return rows.join('\n');
}
function scan_extOf(path) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    const dot = base.lastIndexOf('.');
    return dot > 0 ? base.slice(dot) : '';
}
/**
 * The secret a message is about: secretlint reports it in its message data (KEY, TOKEN, URL, URI, \u2026); the
 * longest string value is the credential itself. Without data, the text of the reported range.
 */
function secretOf(data, content, range) {
    let best = '';
    if (typeof data === 'object' && data !== null) {
        for (const v of Object.values(data))
            if (typeof v === 'string' && v.length > best.length)
                best = v;
    }
    return best || content.slice(range[0], range[1]);
}
/** Files some detector reads by name or parses whole (GCP service-account JSON, .npmrc, package.json): scanned one by one. */
function scannedAlone(path) {
    return /\.json$/i.test(path) || /(?:^|\/)\.npmrc$/.test(path);
}
/**
 * A line between two files of a batch: its characters (`-` and `!`) are outside every multi-line pattern's
 * body (a PEM key body is base64 and whitespace), so no match runs from one file into the next.
 */
const BOUNDARY = '!-- pr-gate file boundary --!';
/** Largest batch of files scanned in one secretlint call. */
const BATCH_BYTES = 4 * 1024 * 1024;
/**
 * secretlint's result types its messages as `message` only, but its rule context also builds `ignore`
 * messages (RuleContext.js); typed as both, so the `type` check on each message stays a real check.
 */
async function lint(content, filePath, ext) {
    return (0,core_module/* lintSource */.n)({
        source: { content, filePath, ext, contentType: 'text' },
        // Unmasked, because the fingerprint is taken from the data; the message text (which then holds the
        // secret) is dropped right here and never read.
        options: { config: CONFIG, maskSecrets: false, noPhysicFilePath: true },
    });
}
/**
 * Scans the added lines of many files. secretlint's cost is mostly per call (every rule set up and run over
 * the text), so ordinary files are laid out one after another, separated by a boundary line, and scanned in
 * a few calls; each finding is mapped back to its file and head line. Files some detector reads by name
 * are scanned alone, with their real name and extension.
 */
async function scanAll(texts) {
    const hits = [];
    const batch = [];
    let parts = [];
    let bytes = 0;
    let line = 1;
    const flush = async () => {
        if (!batch.length)
            return;
        const content = parts.join('\n');
        const result = await lint(content, 'added-lines.txt', '.txt');
        const lines = (0,src_text/* lineStarts */._$)(content);
        for (const m of result.messages) {
            if (m.type !== 'message')
                continue;
            const { start, end } = linesOf(lines, m.range);
            const at = batch.find((b) => start >= b.first && start < b.first + b.lines);
            if (!at)
                continue; // on a boundary line: not any file's text
            hits.push(hitOf(m, at.t.path, start - at.first + 1, Math.min(end, at.first + at.lines - 1) - at.first + 1, content, lines));
        }
        batch.length = 0;
        parts = [];
        bytes = 0;
        line = 1;
    };
    for (const t of texts) {
        if (!t.added.size)
            continue;
        const content = layout(t);
        if (!content.trim() || content.length > MAX_SCAN_BYTES)
            continue;
        if (scannedAlone(t.path)) {
            const result = await lint(content, t.path, scan_extOf(t.path));
            const lines = (0,src_text/* lineStarts */._$)(content);
            for (const m of result.messages) {
                if (m.type !== 'message')
                    continue;
                const { start, end } = linesOf(lines, m.range);
                hits.push(hitOf(m, t.path, start, end, content, lines));
            }
            continue;
        }
        if (bytes + content.length > BATCH_BYTES)
            await flush();
        const lines = content.split('\n').length;
        batch.push({ t, first: line, lines });
        parts.push(content, BOUNDARY);
        line += lines + 1;
        bytes += content.length + BOUNDARY.length + 2;
    }
    await flush();
    return hits;
}
/**
 * First and last line of a message's range (its end offset is exclusive), counted from the characters: secretlint's
 * own `loc` also breaks lines at U+2028, U+2029 and a lone `\r` (JavaScript's line terminators), so on a line
 * holding one of them its line numbers ran ahead of the file's: a hit was put on the wrong line (another line's
 * allow comment applied to it) or, past the batch's last file, dropped as if on a boundary.
 */
function linesOf(starts, range) {
    const start = (0,src_text/* lineColumnIn */.oY)(starts, range[0]).line;
    return { start, end: Math.max(start, (0,src_text/* lineColumnIn */.oY)(starts, Math.max(range[0], range[1] - 1)).line) };
}
function hitOf(m, path, line, endLine, content, starts) {
    return {
        path,
        line,
        endLine: Math.max(endLine, line),
        column: (0,src_text/* lineColumnIn */.oY)(starts, m.range[0]).column,
        ruleId: m.ruleId,
        messageId: m.messageId,
        docsUrl: m.docsUrl,
        secret: secretOf(m.data, content, m.range),
    };
}
/** Scans one file's added lines. */
async function scanAdded(t) {
    return scanAll([t]);
}


// EXTERNAL MODULE: ./src/evidence/redact.ts
var redact = __webpack_require__(4488);
;// CONCATENATED MODULE: ./src/rules/secrets/index.ts
/**
 * secrets: credentials in the lines a pull request adds. The standard behind it: secret scanning runs in
 * CI. Detection is secretlint's recommended rule set (./scan.ts) over the ADDED lines only, plus GitHub's own
 * secret-scanning alerts for the PR's commits when the token may read them.
 *
 * A detected secret is never echoed: every surface shows the rule, file:line and a redacted fingerprint
 * (src/evidence/redact.ts), and every string this rule outputs is scrubbed of the secrets it found.
 * A new secret fails by default, with one recipe: rotate first, then remove it from history.
 */






const secretsOptions = type/* Type */.ZU.Object({
    allow: type/* Type */.ZU.Array(type/* Type */.ZU.Object({
        path: type/* Type */.ZU.Optional(type/* Type */.ZU.String({ minLength: 1, description: 'Glob of the files this entry allows (e.g. `test/fixtures/**`).' })),
        rule: type/* Type */.ZU.Optional(type/* Type */.ZU.String({
            minLength: 1,
            description: 'A detector: secretlint rule (`aws`, `@secretlint/secretlint-rule-aws`), ' +
                'its message id (`AWSSecretAccessKey`), or a GitHub secret type (`aws_access_key_id`).',
        })),
        fingerprint: type/* Type */.ZU.Optional(type/* Type */.ZU.String({
            pattern: '^sha256:[0-9a-f]{16}$',
            description: 'One secret, by the fingerprint the gate printed for it (`sha256:` + 16 hex digits).',
        })),
        reason: type/* Type */.ZU.String({
            minLength: 1,
            description: 'Why this is not a live credential (required), e.g. "fake keys of the parser tests".',
        }),
    }, { additionalProperties: false }), {
        default: [],
        description: 'Allowlist entries; an entry allows a finding when every field it names (`path`, ' +
            '`rule`, `fingerprint`) matches. An entry must name at least one of them.',
    }),
    inline_allow: type/* Type */.ZU.Boolean({
        default: true,
        description: 'Honour `pr-gate: allow-secret <reason>` on the line of the secret or the ' +
            'line above it (the reason is required); every use is listed for reviewers.',
    }),
    use_secret_scanning_alerts: type/* Type */.ZU.Boolean({
        default: false,
        description: "Read GitHub's secret-scanning alerts located in the PR's commits (needs `security-events: " +
            'read`). Not available (403/404, CLI) \u2192 a notice, and the diff scan still decides; ' +
            'failed (5xx, timeout, rate limit, malformed) \u2192 not evaluated (`on_error`).',
    }),
});
const RECIPE = 'Rotate the credential first: revoke it where it was issued and create a new one, because once pushed it must ' +
    'be treated as leaked, and deleting the line does not help. Then remove it from the history of the branch (rewrite ' +
    'the commits that added it, e.g. `git rebase -i` or `git filter-repo --replace-text`, and force-push), ' +
    'and read the new credential from a secret store or an environment variable. A fake key (a test fixture) ' +
    'can be allowlisted by fingerprint or path with a reason in the policy, or with `pr-gate: allow-secret <reason>` on its line.';
const INLINE = /pr-gate:\s*allow-secret\b(.*)$/i;
function shortRule(ruleId) {
    return ruleId.replace(/^@secretlint\/secretlint-rule-/, '');
}
/** The reason of an inline allow comment on `line` or the line above, or why it does not count. */
function inlineAllow(t, line) {
    if (!t)
        return {};
    for (const n of [line, line - 1]) {
        const text = t.known.get(n);
        const m = text === undefined ? null : INLINE.exec(text);
        if (!m)
            continue;
        const reason = m[1].replace(/(?:\*\/|-->|%>|#}|\}\}|;)\s*$/, '').trim();
        return reason.length >= 3 ? { reason } : { missing: n };
    }
    return {};
}
async function addedTexts(ctx, files, errors, skipped) {
    const out = [];
    for (const f of files) {
        const why = skipReason(f);
        if (why) {
            skipped.set(why, (skipped.get(why) ?? 0) + 1);
            continue;
        }
        if (f.patch !== undefined) {
            try {
                out.push(addedTextOf(f.path, f.patch));
                continue;
            }
            catch {
                /* a patch that cannot be parsed: read the file instead, below */
            }
        }
        // No inlined diff (too large): the lines of the head the base does not have.
        try {
            const head = await ctx.changes.readHead(f.path);
            if (head === undefined)
                continue;
            if (looksBinary(head)) {
                skipped.set('binary', (skipped.get('binary') ?? 0) + 1);
                continue;
            }
            const base = f.status === 'added' ? undefined : await ctx.changes.readBase(f.previousPath ?? f.path);
            out.push(addedTextFromContents(f.path, head, base));
        }
        catch (e) {
            errors.push({
                kind: 'error',
                code: 'read-failed',
                message: `${f.path} could not be read to scan it for secrets (its diff is not inlined): ${(0,src_errors/* plainMessage */.C5)(e)}`,
                hint: "Re-run the job once GitHub answers; the policy's `on_error` decides what this run concludes.",
            });
        }
    }
    return out;
}
const secrets = (0,rules_define/* defineRule */.Km)({
    id: 'secrets',
    description: 'Fails when the lines a PR adds contain a credential (secretlint rules, GitHub secret-scanning alerts); never echoes it.',
    options: secretsOptions,
    defaultLevel: 'fail',
    release: false,
    plan({ files }) {
        // Files whose diff is not inlined are compared whole: head, and base unless added.
        const head = [];
        const base = [];
        for (const f of files) {
            if (skipReason(f) || f.patch !== undefined)
                continue;
            head.push(f.path);
            if (f.status !== 'added')
                base.push(f.previousPath ?? f.path);
        }
        return { head, base };
    },
    async evaluate(ctx, o) {
        const findings = [];
        const notes = [];
        const allow = o.allow;
        const badEntry = allow.findIndex((a) => !a.path && !a.rule && !a.fingerprint);
        if (badEntry >= 0) {
            return {
                findings: [
                    {
                        kind: 'error',
                        code: 'bad-allow',
                        message: `rules.secrets.allow[${badEntry}] names no path, rule or fingerprint, so it would allow every secret.`,
                        hint: 'Name what it allows: `path` (a glob), `rule` (a detector) and/or `fingerprint` (sha256:\u2026 as the gate printed it).',
                    },
                ],
            };
        }
        // 1. The added lines, scanned.
        const skipped = new Map();
        const texts = await addedTexts(ctx, ctx.changes.files, findings, skipped);
        const hits = await scanAll(texts);
        const raws = [...new Set(hits.map((h) => h.secret))];
        for (const r of raws)
            (0,src_errors/* registerSecret */.cl)(r); // any error message that would echo it is redacted too
        const allowedBy = allowMatcher(allow);
        const rows = hitRows(hits, texts, allowedBy, o.inline_allow, notes);
        // 2. GitHub's own alerts.
        const alertsOk = await mergeAlerts(ctx, o, rows, allowedBy, findings, notes);
        // 3. Findings: one per secret that is not allowed.
        rows.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.kind.localeCompare(b.kind));
        findings.push(...secretFindings(rows, notes));
        // 4. Output, scrubbed of every secret found (a reason may quote one).
        const clean = (s) => (0,redact/* scrub */._I)(s, raws);
        const tables = secretTables(rows, clean);
        const failing = rows.filter((r) => !r.allowed).length;
        const allowed = rows.length - failing;
        const skippedText = [...skipped].map(([k, n]) => `${n} ${k}`).join(', ');
        const parts = [
            `${texts.length} file${texts.length === 1 ? '' : 's'} scanned (added lines)`,
            skippedText ? `skipped: ${skippedText}` : '',
            rows.length
                ? `${rows.length} secret${rows.length === 1 ? '' : 's'} found (${failing} failing${allowed ? `, ${allowed} allowed` : ''})`
                : 'no secrets found',
            ...notes.filter((x) => !x.includes('allow-secret without a reason')),
        ].filter(Boolean);
        const nothing = texts.length === 0 && !alertsOk;
        return {
            findings: findings.map((f) => ({ ...f, message: clean(f.message), ...(f.hint ? { hint: clean(f.hint) } : {}) })),
            summary: clean(parts.join('; ')),
            ...(nothing ? { applicability: 'not-applicable' } : {}),
            tables,
            data: {
                scanned: texts.length,
                skipped: Object.fromEntries(skipped),
                secrets: rows.map((r) => ({
                    path: r.path,
                    line: r.line,
                    kind: r.kind,
                    detector: r.detector,
                    fingerprint: r.fingerprint,
                    redacted: r.redacted,
                    foundBy: r.source,
                    allowed: r.allowed ? { how: r.allowed.how, reason: clean(r.allowed.reason) } : undefined,
                })),
            },
        };
    },
});
/** The first allow entry whose every named field (path, rule, fingerprint) matches. */
function allowMatcher(allow) {
    return (path, detectors, fingerprint) => allow.find((a) => {
        const rule = a.rule;
        return ((!a.path || (0,glob/* matchesAny */._I)(path, [a.path])) &&
            (!rule || detectors.some((d) => d.toLowerCase() === rule.toLowerCase())) &&
            (!a.fingerprint || a.fingerprint === fingerprint));
    });
}
/** One row per secret the diff scan found, allowed by the policy or an inline comment (with a reason). */
function hitRows(hits, texts, allowedBy, inlineAllowed, notes) {
    const byPath = new Map(texts.map((t) => [t.path, t]));
    const rows = [];
    for (const h of hits) {
        const fingerprint = (0,redact/* fingerprintOf */.ax)(h.secret);
        const row = {
            path: h.path,
            line: h.line,
            endLine: h.endLine,
            column: h.column,
            detector: shortRule(h.ruleId),
            kind: h.messageId,
            fingerprint,
            redacted: (0,redact/* redactedOf */.UH)(h.secret),
            source: 'secretlint',
            docsUrl: h.docsUrl,
        };
        const entry = allowedBy(h.path, [h.ruleId, shortRule(h.ruleId), h.messageId], fingerprint);
        if (entry)
            row.allowed = { how: 'policy', reason: entry.reason };
        else if (inlineAllowed) {
            const inl = inlineAllow(byPath.get(h.path), h.line);
            if (inl.reason)
                row.allowed = { how: 'inline', reason: inl.reason };
            else if (inl.missing !== undefined)
                notes.push(`${h.path}:${inl.missing}: pr-gate: allow-secret without a reason does not count`);
        }
        rows.push(row);
    }
    return rows;
}
/** Folds GitHub's secret-scanning alerts into the rows when the policy asks; true when they were read. */
async function mergeAlerts(ctx, o, rows, allowedBy, findings, notes) {
    if (!o.use_secret_scanning_alerts)
        return false;
    if (!ctx.evidence.secretScanningAlerts) {
        notes.push('GitHub secret scanning: not available here');
        return false;
    }
    const r = await ctx.evidence.secretScanningAlerts();
    if (r.ok) {
        let n = 0;
        for (const a of r.data)
            n += mergeAlert(rows, a, allowedBy);
        notes.push(`GitHub secret scanning: ${r.data.length} open alert${r.data.length === 1 ? '' : 's'} ` +
            `in this PR's commits${n ? ` (${n} not in the added lines)` : ''}`);
        return true;
    }
    if (r.unavailable) {
        findings.push({
            kind: 'info',
            code: 'secret-scanning-unavailable',
            message: `GitHub secret-scanning alerts are unavailable, so only the added lines were scanned: ${r.reason}`,
        });
    }
    else {
        findings.push({
            kind: 'error',
            code: 'secret-scanning-failed',
            message: `Reading GitHub secret-scanning alerts failed, so secrets GitHub found in this PR's commits were not checked: ${r.reason}`,
            hint: "Re-run the job once GitHub answers; the policy's `on_error` decides what this run concludes.",
        });
    }
    return false;
}
/** One finding per secret that is not allowed, then a notice per inline allow without a reason. */
function secretFindings(rows, notes) {
    const findings = [];
    for (const r of rows) {
        if (r.allowed)
            continue;
        const where = r.source === 'secretlint' ? 'is added' : `is in this PR's commits (${r.source})`;
        findings.push({
            message: `A credential (${r.kind}, detector ${r.detector}) ${where} at ${r.path}:${r.line}: ${r.redacted}.`,
            hint: RECIPE,
            code: r.kind,
            path: r.path,
            line: r.line,
            endLine: r.endLine,
            ...(r.column ? { column: r.column } : {}),
        });
    }
    for (const n of notes.filter((x) => x.includes('allow-secret without a reason')))
        findings.push({ kind: 'info', code: 'allow-without-reason', message: n });
    return findings;
}
function secretTables(rows, clean) {
    const tables = [];
    if (rows.length) {
        tables.push({
            title: 'Secrets found',
            columns: ['Location', 'Kind', 'Detector', 'Fingerprint', 'Found by', 'Status'],
            rows: rows
                .map((r) => [
                `${r.path}:${r.line}`,
                r.kind,
                r.detector,
                r.redacted,
                r.source,
                r.allowed ? `allowed (${r.allowed.how === 'policy' ? 'policy' : 'inline comment'}): ${r.allowed.reason}` : 'failing',
            ])
                .map((c) => c.map(clean)),
        });
    }
    const inline = rows.flatMap((r) => (r.allowed?.how === 'inline' ? [{ ...r, reason: r.allowed.reason }] : []));
    if (inline.length) {
        tables.push({
            title: 'Allowed by inline `pr-gate: allow-secret` comments (for reviewers)',
            columns: ['Location', 'Kind', 'Fingerprint', 'Reason'],
            rows: inline.map((r) => [`${r.path}:${r.line}`, r.kind, r.redacted, r.reason].map(clean)),
        });
    }
    return tables;
}
/**
 * Folds one GitHub alert into the rows: a location the diff scan already found (same file, line and
 * fingerprint) is marked as found by both; other locations become rows of their own. Returns how many.
 */
function mergeAlert(rows, a, allowedBy) {
    let added = 0;
    const source = `GitHub alert #${a.number}`;
    for (const loc of a.locations) {
        const same = rows.find((r) => r.path === loc.path && r.line <= loc.endLine && loc.line <= r.endLine);
        if (same && (same.fingerprint === a.fingerprint || same.source === 'secretlint')) {
            if (!same.source.includes(source))
                same.source += `, ${source}`;
            continue;
        }
        const row = {
            path: loc.path,
            line: loc.line,
            endLine: loc.endLine,
            detector: 'github',
            kind: a.displayName,
            fingerprint: a.fingerprint,
            redacted: a.redacted,
            source: `${source} (commit ${loc.commit.slice(0, 7)})`,
        };
        const entry = allowedBy(loc.path, ['github', a.secretType], a.fingerprint);
        if (entry)
            row.allowed = { how: 'policy', reason: entry.reason };
        rows.push(row);
        added++;
    }
    return added;
}
/* harmony default export */ const rules_secrets = ((/* unused pure expression or super */ null && (secrets)));

// EXTERNAL MODULE: ./src/types.ts
var src_types = __webpack_require__(16141);
// EXTERNAL MODULE: ./src/evidence/scanners/model.ts
var scanners_model = __webpack_require__(18640);
// EXTERNAL MODULE: ./src/evidence/scanners/json-parse.ts
var json_parse = __webpack_require__(82193);
;// CONCATENATED MODULE: ./src/evidence/scanners/sarif-code.ts
/**
 * SARIF 2.1.0 \u2192 code findings (SAST): the results of any tool that name a location in the code (CodeQL,
 * Semgrep, ESLint via @microsoft/eslint-formatter-sarif, Bandit, \u2026). Results that name a GHSA/CVE advisory
 * are dependency vulnerabilities (the `dependencies` rule reads them) and are left out here.
 *
 * Read per result: rule (driver or extension rules, by index or id), level (result, else the rule's
 * defaultConfiguration, else `warning`), `security-severity` (result then rule properties), the first
 * physical location (uri through `uriBaseId`/`originalUriBaseIds`), `baselineState`, `partialFingerprints`,
 * accepted suppressions (skipped), the rule's help text and helpUri, and the tool's name and version.
 */



const sarif_code_str = (v) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const sarif_code_text = (v) => ((0,src_json/* isObject */.Gv)(v) ? (sarif_code_str(v.text) ?? sarif_code_str(v.markdown)) : undefined);
function score(v) {
    const n = typeof v === 'number' ? v : typeof v === 'string' ? Number.parseFloat(v) : NaN;
    return Number.isFinite(n) && n > 0 ? n : undefined;
}
function level(v) {
    return v === 'error' || v === 'warning' || v === 'note' || v === 'none' ? v : undefined;
}
function resolveUri(loc, bases) {
    let uri = sarif_code_str(loc.uri);
    if (!uri)
        return undefined;
    const baseId = sarif_code_str(loc.uriBaseId);
    if (baseId && !/^[a-z]+:/i.test(uri)) {
        const b = bases[baseId];
        const baseUri = (0,src_json/* isObject */.Gv)(b) ? sarif_code_str(b.uri) : undefined;
        if (baseUri && /^file:/i.test(baseUri))
            uri = baseUri.replace(/\/?$/, '/') + uri;
    }
    let p = uri.replace(/^file:\/\//i, '');
    try {
        p = decodeURIComponent(p);
    }
    catch {
        /* keep as written */
    }
    return p.replace(/^\.\//, '');
}
/** Parses a SARIF document already known to be SARIF 2.1.0. */
function parseSarifCode(path, doc) {
    const results = [];
    const tools = [];
    let skipped = 0;
    for (const run of (0,src_json/* list */.p_)(doc.runs)) {
        if (!(0,src_json/* isObject */.Gv)(run))
            continue;
        const driver = (0,src_json/* isObject */.Gv)(run.tool) && (0,src_json/* isObject */.Gv)(run.tool.driver) ? run.tool.driver : undefined;
        const tool = sarif_code_str(driver?.name) ?? 'unknown SARIF tool';
        const toolVersion = sarif_code_str(driver?.semanticVersion) ?? sarif_code_str(driver?.version);
        if (!tools.includes(tool))
            tools.push(tool);
        const rules = (0,src_json/* list */.p_)(driver?.rules).filter(src_json/* isObject */.Gv);
        const extRules = (0,src_json/* isObject */.Gv)(run.tool)
            ? (0,src_json/* list */.p_)(run.tool.extensions)
                .filter(src_json/* isObject */.Gv)
                .flatMap((e) => (0,src_json/* list */.p_)(e.rules).filter(src_json/* isObject */.Gv))
            : [];
        const bases = (0,src_json/* isObject */.Gv)(run.originalUriBaseIds) ? run.originalUriBaseIds : {};
        for (const result of (0,src_json/* list */.p_)(run.results)) {
            if (!(0,src_json/* isObject */.Gv)(result))
                continue;
            if ((0,src_json/* list */.p_)(result.suppressions).some((s) => (0,src_json/* isObject */.Gv)(s) && (s.status === undefined || s.status === 'accepted'))) {
                skipped++;
                continue;
            }
            const ruleId = sarif_code_str(result.ruleId) ?? ((0,src_json/* isObject */.Gv)(result.rule) ? sarif_code_str(result.rule.id) : undefined) ?? '(no rule id)';
            const idx = typeof result.ruleIndex === 'number'
                ? result.ruleIndex
                : (0,src_json/* isObject */.Gv)(result.rule) && typeof result.rule.index === 'number'
                    ? result.rule.index
                    : -1;
            const rule = (idx >= 0 && idx < rules.length && rules[idx].id === ruleId ? rules[idx] : undefined) ??
                [...rules, ...extRules].find((r) => r.id === ruleId);
            if ((0,scanners_model/* advisoryIdsIn */.zg)(ruleId).length || (0,scanners_model/* advisoryIdsIn */.zg)(sarif_code_str(rule?.helpUri)).length) {
                skipped++; // a dependency advisory: the `dependencies` rule's
                continue;
            }
            const props = (0,src_json/* isObject */.Gv)(result.properties) ? result.properties : {};
            const rprops = (0,src_json/* isObject */.Gv)(rule?.properties) ? rule.properties : {};
            const loc = (0,src_json/* list */.p_)(result.locations).find(src_json/* isObject */.Gv);
            const phys = loc && (0,src_json/* isObject */.Gv)(loc.physicalLocation) ? loc.physicalLocation : undefined;
            const art = phys && (0,src_json/* isObject */.Gv)(phys.artifactLocation) ? phys.artifactLocation : undefined;
            const region = phys && (0,src_json/* isObject */.Gv)(phys.region) ? phys.region : undefined;
            const uri = art ? resolveUri(art, bases) : undefined;
            if (!uri) {
                skipped++;
                continue;
            }
            const line = typeof region?.startLine === 'number' && region.startLine > 0 ? region.startLine : undefined;
            const endLine = typeof region?.endLine === 'number' && line !== undefined && region.endLine >= line ? region.endLine : line;
            const baseline = sarif_code_str(result.baselineState);
            const fps = {};
            for (const src of [result.partialFingerprints, result.fingerprints])
                if ((0,src_json/* isObject */.Gv)(src))
                    for (const [k, v] of Object.entries(src))
                        if (typeof v === 'string')
                            fps[k] = v;
            const helpText = sarif_code_text(rule?.help) ?? sarif_code_text(rule?.fullDescription) ?? sarif_code_text(rule?.shortDescription);
            const helpUri = sarif_code_str(rule?.helpUri);
            results.push({
                tool,
                toolVersion,
                ruleId,
                ruleName: sarif_code_str(rule?.name),
                help: helpText,
                helpUri: helpUri && /^https?:\/\//i.test(helpUri) ? helpUri : undefined,
                message: sarif_code_text(result.message) ?? sarif_code_text(rule?.shortDescription) ?? ruleId,
                level: level(result.level) ?? ((0,src_json/* isObject */.Gv)(rule?.defaultConfiguration) ? level(rule.defaultConfiguration.level) : undefined) ?? 'warning',
                securitySeverity: score(props['security-severity']) ?? score(rprops['security-severity']),
                uri,
                line,
                endLine,
                column: typeof region?.startColumn === 'number' ? region.startColumn : undefined,
                baselineState: baseline === 'new' || baseline === 'unchanged' || baseline === 'updated' || baseline === 'absent' ? baseline : undefined,
                fingerprints: fps,
                report: path,
            });
        }
    }
    return { path, tools, results, skipped };
}
/** Reads a SARIF report for code findings; anything that is not SARIF 2.1.0 throws ReportError naming the file. */
function parseCodeReport(path, content) {
    const doc = (0,json_parse/* parseJsonReport */.qo)(path, content);
    if (!(0,src_json/* isObject */.Gv)(doc) || !Array.isArray(doc.runs)) {
        const keys = (0,src_json/* isObject */.Gv)(doc) ? Object.keys(doc).slice(0, 5).join(', ') || 'none' : Array.isArray(doc) ? 'an array' : String(doc);
        throw new scanners_model/* ReportError */.$g(path, `${path} is not a SARIF report: no \`runs\` array (top-level: ${keys})`);
    }
    if (doc.version !== '2.1.0')
        throw new scanners_model/* ReportError */.$g(path, `${path}: SARIF version ${(0,src_json/* textOf */.b6)(doc.version, '(none)')} is not supported (expected 2.1.0)`);
    return parseSarifCode(path, doc);
}
/** A GitHub code-scanning alert (list-alerts-for-repo item) \u2192 CodeResult; undefined when it has no location. */
function alertResult(raw) {
    if (!(0,src_json/* isObject */.Gv)(raw) || !(0,src_json/* isObject */.Gv)(raw.rule))
        return undefined;
    const rule = raw.rule;
    const inst = (0,src_json/* isObject */.Gv)(raw.most_recent_instance) ? raw.most_recent_instance : {};
    const loc = (0,src_json/* isObject */.Gv)(inst.location) ? inst.location : {};
    const path = sarif_code_str(loc.path);
    if (!path)
        return undefined;
    const tool = (0,src_json/* isObject */.Gv)(raw.tool) ? raw.tool : {};
    const sec = sarif_code_str(rule.security_severity_level);
    const secScore = sec === 'critical' ? 9.5 : sec === 'high' ? 8 : sec === 'medium' ? 5.5 : sec === 'low' ? 2 : undefined;
    const line = typeof loc.start_line === 'number' && loc.start_line > 0 ? loc.start_line : undefined;
    const helpUri = sarif_code_str(rule.help_uri);
    return {
        tool: sarif_code_str(tool.name) ?? 'GitHub code scanning',
        toolVersion: sarif_code_str(tool.version),
        ruleId: sarif_code_str(rule.id) ?? sarif_code_str(rule.name) ?? '(no rule id)',
        ruleName: sarif_code_str(rule.name),
        help: sarif_code_str(rule.help) ?? sarif_code_str(rule.full_description) ?? sarif_code_str(rule.description),
        helpUri: helpUri && /^https?:\/\//i.test(helpUri) ? helpUri : undefined,
        message: ((0,src_json/* isObject */.Gv)(inst.message) ? sarif_code_str(inst.message.text) : undefined) ?? sarif_code_str(rule.description) ?? 'code-scanning alert',
        level: level(rule.severity) ?? 'warning',
        securitySeverity: secScore,
        uri: path,
        line,
        endLine: typeof loc.end_line === 'number' && line !== undefined && loc.end_line >= line ? loc.end_line : line,
        column: typeof loc.start_column === 'number' ? loc.start_column : undefined,
        fingerprints: {},
        report: 'GitHub code scanning',
        url: sarif_code_str(raw.html_url),
    };
}

;// CONCATENATED MODULE: ./src/rules/code-scanning/index.ts
/**
 * code-scanning: gates on SAST results (any SARIF 2.1.0 tool in the workspace, and GitHub code-scanning
 * alerts of the PR's merge ref) on the lines the PR changes. The standard behind it: basic SAST is part of
 * CI/CD, and a reviewer wants the findings the PR introduces, not the backlog.
 *
 * New versus existing, in order: SARIF `baselineState`; else `partialFingerprints` against a base report
 * (`baseline_reports`); else "on a changed line". Severity: `security-severity` (CVSS) first, then the
 * result's or rule's level. `only` chooses what is gated; `fail_on`, per-rule-id `levels` and `ignore`
 * (reason, expiry) decide each finding's level. A report that cannot be read fails closed, naming the file.
 */









const LevelLiteral = type/* Type */.ZU.Union(src_types/* LEVELS */.A_.map((l) => type/* Type */.ZU.Literal(l)));
const codeScanningOptions = type/* Type */.ZU.Object({
    reports: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: [],
        description: 'SARIF 2.1.0 reports in the workspace (paths or globs) from any SAST tool: CodeQL, Semgrep, ' +
            'ESLint (@microsoft/eslint-formatter-sarif), Bandit\u2026 Results naming a GHSA/CVE advisory are left to `dependencies`. ' +
            'A plain path that matches no file follows `missing_report`; a glob that matches nothing is a notice.',
    }),
    baseline_reports: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        default: [],
        description: 'SARIF reports of the BASE branch (paths or globs in the workspace): ' +
            'a result whose `partialFingerprints` match one of them is existing, not new. ' +
            'Used only for results without `baselineState`.',
    }),
    only: type/* Type */.ZU.Union([type/* Type */.ZU.Literal('new-on-changed-lines'), type/* Type */.ZU.Literal('all-new'), type/* Type */.ZU.Literal('all')], {
        default: 'new-on-changed-lines',
        description: 'Which results are gated: `new-on-changed-lines` (new AND on a line the PR adds or changes), ' +
            '`all-new` (new anywhere), `all` (every open result). The others are counted in the summary only.',
    }),
    fail_on: type/* Type */.ZU.Union([type/* Type */.ZU.Literal('critical'), type/* Type */.ZU.Literal('high'), type/* Type */.ZU.Literal('medium'), type/* Type */.ZU.Literal('low'), type/* Type */.ZU.Literal('none')], {
        default: 'high',
        description: 'Gated results at or above this severity fail; below it they are notices. Severity: `security-severity` (CVSS: ' +
            '9+ critical, 7+ high, 4+ medium), else the level (error \u2192 high, warning \u2192 medium, note \u2192 low).',
    }),
    levels: type/* Type */.ZU.Record(type/* Type */.ZU.String({ minLength: 1 }), LevelLiteral, {
        default: {},
        description: 'Level per rule id (`security/detect-child-process: warn`, `js/sql-injection: fail`), overriding `fail_on` for that ' +
            "rule; `off` drops its results. A key may also be the rule's name, for tools whose ids are opaque (Flawfinder `FF1044` " +
            'is `shell/system`, Bandit `B602` is `subprocess_popen_with_shell_equals_true`); the id wins when both are given.',
    }),
    ignore: type/* Type */.ZU.Array(type/* Type */.ZU.Object({
        id: type/* Type */.ZU.String({
            minLength: 1,
            description: 'Rule id as the tool reports it (e.g. `js/xss`, ' +
                "`security/detect-object-injection`, `FF1044`), or the rule's name (`shell/system`).",
        }),
        paths: type/* Type */.ZU.Optional(type/* Type */.ZU.Array(type/* Type */.ZU.String(), { description: 'Only in these files (globs); default everywhere.' })),
        reason: type/* Type */.ZU.String({ minLength: 1, description: 'Why the results are accepted (required).' }),
        until: type/* Type */.ZU.Optional(type/* Type */.ZU.String({
            format: 'date',
            description: 'Last day (YYYY-MM-DD, UTC) the waiver applies; after it the results count again and the comment says so.',
        })),
    }, { additionalProperties: false }), {
        default: [],
        description: 'Waived rule ids, each with a reason and, preferably, an expiry date (the same shape as `dependencies.ignore`).',
    }),
    missing_report: missingReportOption('What a report path listed in `reports` (not a glob) that does not exist concludes.'),
    use_code_scanning_alerts: type/* Type */.ZU.Boolean({
        default: true,
        description: "Read GitHub's code-scanning alerts of `refs/pull/N/merge` (needs `security-events: read`). " +
            'Not available (403/404, CLI) \u2192 a notice; failed (5xx, timeout, rate limit, malformed) \u2192 not evaluated (`on_error`).',
    }),
});
const code_scanning_DAY = 86_400_000;
const HELP_MAX = 300;
function levelSeverity(l) {
    return l === 'error' ? 'high' : l === 'warning' ? 'medium' : l === 'note' ? 'low' : 'unknown';
}
function severityOf(r) {
    if (r.securitySeverity !== undefined) {
        const s = (0,scanners/* severityFromScore */.qI)(r.securitySeverity);
        if (s !== 'unknown')
            return s;
    }
    return levelSeverity(r.level);
}
function code_scanning_waiverExpired(until, now) {
    if (!until)
        return false;
    const t = Date.parse(`${until.slice(0, 10)}T00:00:00Z`);
    if (Number.isNaN(t))
        return true;
    return now.getTime() >= t + code_scanning_DAY;
}
function code_scanning_dateString(v) {
    if (v instanceof Date && !Number.isNaN(v.getTime()))
        return v.toISOString().slice(0, 10);
    if (typeof v === 'string' && v.trim())
        return v.trim();
    return undefined;
}
/** The rule id, and its name when the tool gives one that says more (Flawfinder `FF1044 shell/system`). */
function ruleLabel(r) {
    return r.ruleName && r.ruleName !== r.ruleId ? `${r.ruleId} ${r.ruleName}` : r.ruleId;
}
/** Short plain text: the first paragraph of the help, Markdown marks dropped, at most HELP_MAX characters. */
function shortHelp(help) {
    if (!help)
        return undefined;
    const para = help
        .replace(/\r\n/g, '\n')
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .find((p) => p && !/^#/.test(p)) ?? help.trim();
    const flat = para
        .replace(/^\s*(?:#+|>)\s*/gm, '')
        .replace(/`|\*\*|__/g, '')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\s+/g, ' ')
        .trim();
    return flat.length > HELP_MAX ? flat.slice(0, HELP_MAX - 1) + '\u2026' : flat;
}
/** Head lines each file adds or changes; `all` for files added whole or whose diff is not inlined. */
function changedLines(files) {
    const out = new Map();
    for (const f of files) {
        if (f.status === 'removed')
            continue;
        if (f.status === 'added' || f.patch === undefined) {
            // No diff to tell old lines from new: every line counts as changed (never quietly "unchanged").
            out.set(f.path, 'all');
            continue;
        }
        const set = new Set();
        try {
            for (const h of parsePatch(f.patch))
                for (const l of h.lines)
                    if (l.type === '+' && l.newLine !== undefined)
                        set.add(l.newLine);
        }
        catch {
            out.set(f.path, 'all');
            continue;
        }
        out.set(f.path, set);
    }
    return out;
}
/**
 * Maps the paths results name onto repository paths: relative paths stay; an absolute one (ESLint writes
 * `file:///home/runner/work/r/r/src/a.js`) is matched to the changed file it ends with, and the root that
 * match reveals is stripped from the other absolute paths of the same report.
 */
function pathMapper(changed) {
    const roots = new Map(); // report \u2192 root
    return (r) => {
        const uri = r.uri;
        if (!uri)
            return undefined;
        if (!uri.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(uri))
            return uri;
        const norm = uri.replace(/\\/g, '/');
        const hit = changed.filter((p) => norm.endsWith('/' + p)).sort((a, b) => b.length - a.length)[0];
        if (hit) {
            if (!roots.has(r.report))
                roots.set(r.report, norm.slice(0, norm.length - hit.length));
            return hit;
        }
        const root = roots.get(r.report);
        return root && norm.startsWith(root) ? norm.slice(root.length) : norm;
    };
}
const codeScanning = (0,rules_define/* defineRule */.Km)({
    id: 'code-scanning',
    description: 'Gates on SAST results (SARIF from any tool, GitHub code-scanning alerts) that the PR introduces on the lines it changes.',
    options: codeScanningOptions,
    // Off unless a policy turns it on (as the default preset does not): it needs a SAST tool writing SARIF or GitHub
    // code scanning, and reading the alerts costs an API call a run.
    defaultLevel: 'off',
    release: false,
    async evaluate(ctx, o) {
        const sink = { findings: [], notes: [], reportRows: [] };
        const { findings, notes } = sink;
        // 1. Reports (same discipline as `dependencies`: a listed path that is missing is not "clean").
        const head = await readCodeReports(ctx, o, o.reports, 'SARIF report', sink);
        const base = await readCodeReports(ctx, o, o.baseline_reports, 'Baseline SARIF report', sink);
        // 2. GitHub code-scanning alerts.
        const alerts = await readCodeAlerts(ctx, o, sink);
        // 3. Classify each result.
        const classified = classifyResults([...head.results, ...alerts.results], base, ctx, o);
        const rows = classified.rows;
        findings.push(...classified.findings);
        // 4. Output.
        rows.sort((a, b) => Number(b.gated) - Number(a.gated) ||
            (0,scanners/* severityRank */.qs)(b.severity) - (0,scanners/* severityRank */.qs)(a.severity) ||
            a.path.localeCompare(b.path) ||
            (a.r.line ?? 0) - (b.r.line ?? 0));
        const tables = codeScanningTables(rows, sink.reportRows, o);
        const gated = rows.filter((x) => x.gated && !(x.waiver && !x.waiver.expired));
        const failing = gated.filter((x) => x.level === 'fail').length;
        const waived = rows.filter((x) => x.waiver && !x.waiver.expired).length;
        const outside = rows.length - rows.filter((x) => x.gated).length;
        const noEvidence = head.ok === 0 && !alerts.ok;
        const parts = [
            noEvidence ? 'no SAST evidence' : `${rows.length} result${rows.length === 1 ? '' : 's'}`,
            gated.length ? `${gated.length} gated (${failing} at or above ${o.fail_on})` : '',
            outside ? `${outside} not gated (only: ${o.only})` : '',
            waived ? `${waived} waived` : '',
            ...notes,
        ].filter(Boolean);
        return {
            findings,
            summary: parts.join('; '),
            ...(noEvidence ? { applicability: 'no-evidence' } : {}),
            tables,
            data: {
                results: rows.map((x) => ({
                    tool: x.r.tool,
                    ruleId: x.r.ruleId,
                    ...(x.r.ruleName && x.r.ruleName !== x.r.ruleId ? { ruleName: x.r.ruleName } : {}),
                    severity: x.severity,
                    path: x.path,
                    line: x.r.line,
                    new: x.isNew,
                    how: x.how,
                    onChangedLine: x.onChanged,
                    gated: x.gated,
                    level: x.level,
                    waiver: x.waiver,
                    helpUri: x.r.helpUri,
                    report: x.r.report,
                })),
            },
        };
    },
});
/** The results of the reports `globs` name; a listed path that is missing follows `missing_report`. */
async function readCodeReports(ctx, o, globs, kind, sink) {
    const { findings, reportRows } = sink;
    const files = globs.length ? await ctx.evidence.findReports(globs) : [];
    const { missing, unmatched } = unfoundReports(globs, files);
    for (const g of missing)
        reportMissing(sink, o.missing_report, g, {
            message: `${kind} ${g} is listed in the policy but was not found in the workspace: ` + 'did the scanner step run and write it there?',
            hint: 'Run the SAST tool before the gate (same job, or download its artifact), or remove the path from the policy.',
        });
    if (unmatched.length)
        findings.push({ kind: 'info', code: 'no-report', message: `No ${kind.toLowerCase()} matched ${unmatched.join(', ')}.` });
    const results = [];
    let ok = 0;
    for (const f of files) {
        try {
            const p = parseCodeReport(f.path, await f.read());
            ok++;
            results.push(...p.results);
            reportRows.push([
                f.path,
                kind === 'SARIF report' ? 'head' : 'base',
                p.tools.join(', ') || '?',
                String(p.results.length),
                String(p.skipped),
            ]);
        }
        catch (e) {
            const message = e instanceof scanners/* ReportError */.$g ? e.message : `${f.path} could not be read: ${(0,src_errors/* plainMessage */.C5)(e)}`;
            findings.push({
                kind: 'error',
                code: 'bad-report',
                message,
                hint: 'Check the SAST step: it must write a complete SARIF 2.1.0 file.',
            });
            reportRows.push([f.path, kind === 'SARIF report' ? 'head' : 'base', '?', 'unreadable', '-']);
        }
    }
    return { results, ok };
}
/** GitHub's code-scanning alerts of the PR's merge ref, when the policy asks and they can be read. */
async function readCodeAlerts(ctx, o, sink) {
    if (!o.use_code_scanning_alerts)
        return { results: [], ok: false };
    if (!ctx.evidence.codeScanningAlerts) {
        sink.notes.push('GitHub code scanning: not available here');
        return { results: [], ok: false };
    }
    const r = await ctx.evidence.codeScanningAlerts();
    if (r.ok) {
        const got = r.data.map(alertResult).filter((x) => x !== undefined);
        sink.notes.push(`GitHub code scanning: ${got.length} open alert${got.length === 1 ? '' : 's'} on the PR's merge ref`);
        return { results: got, ok: true };
    }
    if (r.unavailable)
        sink.findings.push({
            kind: 'info',
            code: 'code-scanning-unavailable',
            message: `GitHub code-scanning alerts are unavailable: ${r.reason}`,
        });
    else {
        sink.findings.push({
            kind: 'error',
            code: 'code-scanning-failed',
            message: `Reading GitHub code-scanning alerts failed, so the alerts on this PR were not checked: ${r.reason}`,
            hint: "Re-run the job once GitHub answers; the policy's `on_error` decides what this run concludes.",
        });
    }
    return { results: [], ok: false };
}
/** One row per distinct result (fixed and `off` ones dropped), and the findings of the gated ones. */
function classifyResults(all, base, ctx, o) {
    const changed = changedLines(ctx.changes.files);
    const mapPath = pathMapper([...changed.keys()]);
    for (const r of all)
        mapPath(r); // learn each report's root first: its first result may be outside the diff
    const baseFps = new Set();
    for (const b of base.results)
        for (const [k, v] of Object.entries(b.fingerprints))
            baseFps.add(`${b.ruleId}\u0000${k}\u0000${v}`);
    const judge = {
        o,
        now: ctx.now,
        changed,
        baseFps,
        baseOk: base.ok > 0,
        failRank: o.fail_on === 'none' ? Infinity : (0,scanners/* severityRank */.qs)(o.fail_on),
        waivers: o.ignore.map((w) => ({ ...w, until: code_scanning_dateString(w.until) })),
    };
    const rows = [];
    const findings = [];
    const seen = new Set();
    const expiredReported = new Set();
    for (const r of all) {
        if (r.baselineState === 'absent')
            continue; // fixed by this PR
        const path = mapPath(r) ?? '(no file)';
        const key = `${r.ruleId}\u0000${path}\u0000${r.line ?? ''}\u0000${r.message}`;
        if (seen.has(key))
            continue; // the same result from the workspace report and GitHub's alert
        seen.add(key);
        const row = classifyResult(r, path, judge);
        if (!row)
            continue;
        rows.push(row);
        if (!row.gated || (row.waiver && !row.waiver.expired))
            continue;
        findings.push(...gatedFindings(row, expiredReported));
    }
    return { rows, findings };
}
/** Whether the result touches a line the PR adds or changes. */
function onChangedLine(r, lines) {
    if (lines === 'all')
        return true;
    const line = r.line;
    if (lines === undefined || line === undefined)
        return false;
    return Array.from({ length: (r.endLine ?? line) - line + 1 }, (_, i) => line + i).some((n) => lines.has(n));
}
/** New or existing, and how that was told: baselineState, else the base report's fingerprints, else the changed lines. */
function newness(r, onChanged, judge) {
    if (r.baselineState)
        return { isNew: r.baselineState === 'new', how: `baselineState ${r.baselineState}` };
    if (judge.baseOk && Object.keys(r.fingerprints).length) {
        const isNew = !Object.entries(r.fingerprints).some(([k, v]) => judge.baseFps.has(`${r.ruleId}\u0000${k}\u0000${v}`));
        return { isNew, how: isNew ? 'not in the base report' : 'in the base report' };
    }
    return { isNew: onChanged, how: onChanged ? 'on a changed line' : 'not on a changed line' };
}
/** The result's row: new?, gated?, its waiver and level; undefined when its rule's level is `off`. */
function classifyResult(r, path, judge) {
    const { o } = judge;
    const onChanged = onChangedLine(r, judge.changed.get(path));
    const { isNew, how } = newness(r, onChanged, judge);
    const gated = o.only === 'all' ? true : o.only === 'all-new' ? isNew : isNew && onChanged;
    const row = { r, path, severity: severityOf(r), onChanged, isNew, how, gated };
    const w = judge.waivers.find((x) => (x.id === r.ruleId || (r.ruleName !== undefined && x.id === r.ruleName)) && (!x.paths?.length || (0,glob/* matchesAny */._I)(path, x.paths)));
    if (w)
        row.waiver = { reason: w.reason, until: w.until, expired: code_scanning_waiverExpired(w.until, judge.now) };
    const levels = o.levels;
    const own = Object.hasOwn(levels, r.ruleId)
        ? levels[r.ruleId]
        : r.ruleName !== undefined && Object.hasOwn(levels, r.ruleName)
            ? levels[r.ruleName]
            : undefined;
    if (own === 'off')
        return undefined;
    row.level = own ?? ((0,scanners/* severityRank */.qs)(row.severity) >= judge.failRank ? 'fail' : 'notice');
    return row;
}
/** The finding of a gated result, after a one-time notice that its rule's waiver expired. */
function gatedFindings(row, expiredReported) {
    const { r, path } = row;
    const findings = [];
    const tool = `${r.tool}${r.toolVersion ? ` ${r.toolVersion}` : ''}`;
    if (row.waiver?.expired && !expiredReported.has(r.ruleId)) {
        expiredReported.add(r.ruleId);
        findings.push({
            code: 'waiver-expired',
            message: `The waiver for ${r.ruleId} expired on ${row.waiver.until} and no longer applies (reason given: ${row.waiver.reason}).`,
            hint: 'Fix the results, or extend `until` in the policy if the risk is still accepted.',
        });
    }
    const help = shortHelp(r.help);
    const ruleRef = r.helpUri ? `${ruleLabel(r)} (${r.helpUri})` : ruleLabel(r);
    findings.push({
        message: `${tool} ${ruleRef} ` +
            `[${row.severity}${r.securitySeverity !== undefined ? `, security-severity ${r.securitySeverity}` : ''}]: ${r.message}`,
        // Flawfinder's message is `<name>:<short description>`, its help that description: not worth repeating.
        ...(help && !r.message.includes(help) ? { hint: help } : {}),
        code: r.ruleId,
        ...(r.helpUri ? { url: r.helpUri } : {}),
        level: row.level,
        ...(path !== '(no file)' && r.line
            ? { path, line: r.line, endLine: r.endLine ?? r.line, ...(r.column ? { column: r.column } : {}) }
            : {}),
    });
    return findings;
}
function codeScanningTables(rows, reportRows, o) {
    const tables = [];
    if (rows.length) {
        tables.push({
            title: 'SAST results',
            columns: ['Severity', 'Rule', 'Tool', 'Location', 'New?', 'Gated', 'Waiver', 'Help'],
            rows: rows.map((x) => [
                x.severity,
                ruleLabel(x.r),
                x.r.tool,
                `${x.path}${x.r.line ? `:${x.r.line}` : ''}`,
                `${x.isNew ? 'new' : 'existing'} (${x.how})`,
                x.gated ? `yes (${x.level})` : `no (only: ${o.only})`,
                x.waiver
                    ? `${x.waiver.expired ? 'EXPIRED ' : ''}${x.waiver.until ? `until ${x.waiver.until}` : 'no expiry'}: ${x.waiver.reason}`
                    : '',
                x.r.url ?? x.r.helpUri ?? '',
            ]),
        });
    }
    if (reportRows.length)
        tables.push({ title: 'Reports', columns: ['File', 'Side', 'Tool', 'Results', 'Skipped'], rows: reportRows });
    return tables;
}
/* harmony default export */ const code_scanning = ((/* unused pure expression or super */ null && (codeScanning)));

;// CONCATENATED MODULE: ./src/rules/index.ts








const RULES = [
    prSize,
    criticalPathTests,
    migrationSafety,
    runbook,
    coChange,
    dependencies,
    secrets,
    codeScanning,
];
const registryComplete = true;
void registryComplete;
function findRule(id) {
    return RULES.find((r) => r.id === id);
}
function isRuleId(id) {
    return RULES.some((r) => r.id === id);
}


/***/ }),

/***/ 18157:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FH: () => (/* binding */ DANGER_IDS),
/* harmony export */   GY: () => (/* binding */ holdsFor),
/* harmony export */   Mu: () => (/* binding */ recipeFor),
/* harmony export */   tX: () => (/* binding */ isDangerId),
/* harmony export */   zA: () => (/* binding */ DANGERS)
/* harmony export */ });
/* harmony import */ var _dangers_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50308);
/**
 * The catalogue of migration dangers, built from the one-module-per-danger list in ./dangers/: one id per
 * danger, the lock it takes, why it hurts, where it holds and the safe recipe. docs/rules/migration-safety.md
 * documents every id listed here (a test checks it).
 */

const DANGERS = Object.fromEntries(_dangers_index_js__WEBPACK_IMPORTED_MODULE_0__/* .DANGER_LIST */ .j.map((d) => [d.id, d]));
const DANGER_IDS = _dangers_index_js__WEBPACK_IMPORTED_MODULE_0__/* .DANGER_LIST */ .j.map((d) => d.id);
function isDangerId(s) {
    return Object.prototype.hasOwnProperty.call(DANGERS, s);
}
/** Whether a danger holds for a dialect. */
function holdsFor(id, dialect) {
    return DANGERS[id].dialects.includes(dialect);
}
/** The statement to paste, with the user's names, or the general fix when the names are not known. */
function recipeFor(id, r) {
    const d = DANGERS[id];
    return d.recipe?.(r) ?? d.fix;
}


/***/ }),

/***/ 3417:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ay: () => (__WEBPACK_DEFAULT_EXPORT__),
/* harmony export */   wH: () => (/* binding */ catchUpOf)
/* harmony export */ });
/* unused harmony export unbounded */
/* harmony import */ var _sql_ast_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(79836);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54511);


/**
 * Whether an UPDATE's or DELETE's WHERE bounds it: absent, or made only of tests a property many rows share
 * joined by AND/OR/NOT, it reaches every row that has the property, not a key range. Such tests are IS [NOT]
 * NULL / IS TRUE (the usual `WHERE c IS NULL` backfill), boolean function calls on the row (`jsonb_path_exists(
 * attrs, '$.x')`), [NOT] EXISTS subqueries and `x IN (SELECT \u2026)` without a LIMIT (semi- and anti-joins:
 * `NOT EXISTS (SELECT 1 FROM blob b WHERE b.digest = afb.digest)`), and a category column compared with
 * constants (`vendor_type = 'IMAGE_SCAN'`, `status IN ('a', 'b')`). Any other comparison, BETWEEN, or an
 * IN-subquery with a LIMIT narrows it (a key range, a batch, one setting: `WHERE key = 'mode'`).
 */
function unbounded(where) {
    if (where === undefined)
        return true;
    if ('NullTest' in where || 'BooleanTest' in where)
        return true;
    if ('SubLink' in where)
        return where.SubLink.subLinkType === 'EXISTS_SUBLINK' || semiJoin(where.SubLink);
    if ('A_Expr' in where)
        return categoryTest(where.A_Expr);
    if ('FuncCall' in where)
        return !(where.FuncCall.args ?? []).some((a) => JSON.stringify(a).includes('"SubLink"'));
    if ('BoolExpr' in where)
        return (where.BoolExpr.args ?? []).every((a) => unbounded(a));
    return false;
}
/**
 * `x IN (SELECT id FROM other)` over all of `other` (no WHERE, or one made of the tests above) and with no LIMIT:
 * a semi-join, every row that has a match, like EXISTS. A subquery narrowed by a comparison picks a few keys
 * (`IN (SELECT id FROM policy WHERE resource IN ('a', 'b'))`, as `IN (1, 2)`), and one with a LIMIT a batch.
 */
function semiJoin(l) {
    const sub = l.subselect && 'SelectStmt' in l.subselect ? l.subselect.SelectStmt : undefined;
    return (l.subLinkType === 'ANY_SUBLINK' &&
        sub !== undefined &&
        sub.limitCount === undefined &&
        sub.limitOffset === undefined &&
        unbounded(sub.whereClause));
}
/** A column that holds a category many rows share (`kind`, `status`, `vendor_type`, \u2026), not a key. */
const CATEGORY_COLUMN = /^(?:type|kind|status|state|category|[a-z0-9_]+_(?:type|kind|status|state|category))$/;
/** `vendor_type = 'IMAGE_SCAN'`, `status IN ('a', 'b')`: a category of rows, not a key range or one setting. */
function categoryTest(e) {
    if (e.kind !== 'AEXPR_OP' && e.kind !== 'AEXPR_IN')
        return false;
    const op = e.name?.map((n) => (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(n)).join('');
    if (op !== '=' && op !== '<>' && op !== '!=')
        return false;
    const col = e.lexpr && 'ColumnRef' in e.lexpr ? (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.lexpr.ColumnRef.fields?.at(-1))?.toLowerCase() : undefined;
    return col !== undefined && CATEGORY_COLUMN.test(col) && (isConstant(e.rexpr) || (e.rexpr !== undefined && 'List' in e.rexpr));
}
/** A literal, optionally cast (`'{}'::jsonb`, `0`, `false`, `'x'`): the same value for every row. */
function isConstant(v) {
    if (!v)
        return false;
    if ('A_Const' in v)
        return true;
    return 'TypeCast' in v && isConstant(v.TypeCast.arg);
}
/**
 * The catch-up shape of a backfill: `UPDATE t SET c = <constant> WHERE c IS NULL`, one column, no other
 * predicate, no FROM or WITH. It only fills the rows an earlier backfill left NULL in the very column a NOT
 * NULL is about to be set on. Returns the table and column, else undefined.
 */
function catchUpOf(n) {
    const table = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .relName */ .ve)(n.relation);
    const targets = n.targetList ?? [];
    if (!table || targets.length !== 1 || n.fromClause !== undefined || n.withClause !== undefined)
        return undefined;
    const target = 'ResTarget' in targets[0] ? targets[0].ResTarget : undefined;
    const column = target?.name?.toLowerCase();
    if (!target || !column || target.indirection !== undefined || !isConstant(target.val))
        return undefined;
    const where = n.whereClause;
    const test = where && 'NullTest' in where ? where.NullTest : undefined;
    if (!test || test.nulltesttype !== 'IS_NULL')
        return undefined;
    const arg = test.arg;
    const fields = arg && 'ColumnRef' in arg ? arg.ColumnRef.fields : undefined;
    const last = fields ? (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(fields.at(-1)) : undefined;
    return last?.toLowerCase() === column ? { table, column } : undefined;
}
/** The rows an unbounded UPDATE reaches, in words. */
function rowsOf(where) {
    if (!where)
        return 'every row';
    const tree = JSON.stringify(where);
    return tree.includes('"FuncCall"') || tree.includes('"SubLink"')
        ? 'every row the WHERE test matches'
        : 'every row the IS NULL test matches';
}
/** The assignments and WHERE of an UPDATE or DELETE as the recipe repeats them (undefined: not simple enough). */
function repeated(n) {
    const set = (n.targetList ?? []).map((x) => {
        const t = 'ResTarget' in x ? x.ResTarget : undefined;
        const value = t?.indirection === undefined ? (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .simpleSql */ .fP)(t?.val) : undefined;
        return t?.name && value ? { column: t.name, value } : undefined;
    });
    const where = n.whereClause ? (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .simpleSql */ .fP)(n.whereClause) : '';
    return {
        ...(set.length && set.every((x) => x !== undefined) ? { set: set } : {}),
        ...(where !== undefined ? { where } : {}),
    };
}
/** `SET a = 1, b = x` and the rows not done yet (`WHERE` as written, else any row whose value differs) for a batch. */
function batchParts(r) {
    const set = r.set?.length
        ? r.set.map((x) => `${(0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .ident */ .bD)(x.column)} = ${x.value}`).join(', ')
        : r.column
            ? `${(0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .ident */ .bD)(r.column)} = <value>`
            : '<column> = <value>';
    const differs = r.set?.map((x) => `${(0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .ident */ .bD)(x.column)} IS DISTINCT FROM ${x.value}`).join(' OR ');
    return { set, notDone: r.where || differs || '<not yet done>' };
}
/* harmony default export */ const __WEBPACK_DEFAULT_EXPORT__ = ((0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .defineDanger */ .$f)({
    id: 'backfill-in-transaction',
    title: "Backfill or bulk delete in the schema change's transaction",
    lock: 'ROW EXCLUSIVE on the table plus a row lock on every row, ' +
        "held together with the schema change's ACCESS EXCLUSIVE until the transaction commits",
    why: 'updating (or deleting) every row in the transaction that also alters the schema keeps the table locked (and ' +
        'every row it touched) for the whole backfill, and one huge transaction bloats the table and the WAL',
    fix: "move the backfill to a migration of its own, outside the schema change's transaction, " +
        'and update in batches (strong_migrations: "Backfilling data")',
    detection: 'an UPDATE or DELETE with no WHERE (or only IS NULL tests, boolean functions of the row, [NOT] EXISTS, IN a subquery ' +
        'of all rows with no LIMIT, a category column such as status or vendor_type compared with constants) over a table ' +
        'that existed before, ' +
        'in a transactional migration that also changes the schema (SQL files: after a schema change, or before one of the same ' +
        'table; op.execute, RunSQL, execute); ' +
        'Rails update_all and model batch loops in change/up, and a batched one (in_batches, find_in_batches, find_each) even ' +
        'without a schema change when the migration keeps its transaction (no disable_ddl_transaction!); ' +
        'Django RunPython whose function calls .update() or saves in a loop, beside an operation that writes SQL (an AlterField ' +
        'that changes only default, choices, help_text, \u2026 writes none)',
    level: 'fail',
    lockDanger: true,
    scalesWithTable: true,
    dialects: _types_js__WEBPACK_IMPORTED_MODULE_1__/* .PG_FAMILY */ .v5,
    recipe: (r) => {
        const t = r.table ?? '<table>';
        const { set, notDone } = batchParts(r);
        switch (r.framework) {
            case 'rails':
                return (`a separate migration with disable_ddl_transaction!, and: ` +
                    `${r.model ?? '<Model>'}.unscoped.in_batches(of: ` +
                    `10_000) { |batch| batch.update_all(${r.column ? `${r.column}: <value>` : '<column>: <value>'}); sleep(0.01) }`);
            case 'django':
                return (`a separate migration with atomic = False whose RunPython updates in batches: ` +
                    `for pks in batches of 10,000 primary keys: Model.objects.filter(pk__in=pks).update(...)`);
            case 'alembic':
                return (`a separate revision; with op.get_context().autocommit_block(): ` +
                    `run UPDATE ${t} SET ${set} WHERE id IN (SELECT id FROM ${t} WHERE ${notDone} LIMIT 10000) until it updates 0 rows`);
            default:
                if (r.verb === 'DELETE') {
                    const where = r.where === '' ? '' : ` WHERE ${r.where ?? '<the same condition>'}`;
                    return (`-- in a migration of its own, outside the schema change's transaction; repeat until it deletes 0 rows:\n` +
                        `DELETE FROM ${(0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .ident */ .bD)(t)} WHERE id IN (SELECT id FROM ${(0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .ident */ .bD)(t)}${where} LIMIT 10000);`);
                }
                return (`-- in a migration of its own, outside the schema change's transaction; ` +
                    `repeat until it updates 0 rows:\nUPDATE ${(0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .ident */ .bD)(t)} SET ${set} WHERE id IN (SELECT id FROM ` +
                    `${(0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .ident */ .bD)(t)} WHERE ${notDone} LIMIT 10000);`);
        }
    },
    sql: {
        stmt: {
            UpdateStmt: (n, s, emit) => {
                const t = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .relName */ .ve)(n.relation);
                if (!t || s.isNew(t) || !unbounded(n.whereClause))
                    return;
                const target = (n.targetList ?? []).map((x) => ('ResTarget' in x ? x.ResTarget.name : undefined)).filter((x) => !!x);
                emit({
                    id: 'backfill-in-transaction',
                    detail: `UPDATE ${t} SET ${target.join(', ')} over ${rowsOf(n.whereClause)}, in the schema change's transaction`,
                    table: t,
                    names: { table: t, column: target[0], ...repeated(n) },
                });
            },
            DeleteStmt: (n, s, emit) => {
                const t = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .relName */ .ve)(n.relation);
                if (!t || s.isNew(t) || !unbounded(n.whereClause))
                    return;
                emit({
                    id: 'backfill-in-transaction',
                    detail: `DELETE FROM ${t} over ${rowsOf(n.whereClause)}, in the schema change's transaction`,
                    table: t,
                    names: { table: t, verb: 'DELETE', ...repeated(n) },
                });
            },
        },
    },
}));


/***/ }),

/***/ 21384:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (__WEBPACK_DEFAULT_EXPORT__),
/* harmony export */   V: () => (/* binding */ rewriteFree)
/* harmony export */ });
/* harmony import */ var _sql_ast_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(79836);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54511);


const STRINGS = new Set(['varchar', 'text', 'citext']);
const PRECISION = new Set(['numeric', 'timestamp', 'timestamptz', 'interval', 'varbit', 'time', 'timetz']);
const ALIASES = {
    decimal: 'numeric',
    'character varying': 'varchar',
    int: 'int4',
    integer: 'int4',
    bigint: 'int8',
    smallint: 'int2',
    bool: 'bool',
    boolean: 'bool',
};
const canon = (n) => (Object.hasOwn(ALIASES, n) ? ALIASES[n] : n);
/**
 * Whether ALTER COLUMN TYPE from `old` to `now` needs no table rewrite, after the notes of PostgreSQL's ALTER
 * TABLE page and the 9.2 release notes: binary-coercible changes (varchar <-> text, cidr -> inet, xml -> text),
 * raising or removing a varchar/varbit length limit, raising numeric precision with the same scale or removing
 * the constraint, raising or removing timestamp/timestamptz/interval/time precision. `old` unknown: only a
 * change to text / unconstrained varchar / citext (what strings are widened to) counts as free.
 */
function rewriteFree(old, now, using) {
    if (using)
        return false;
    const n = canon(now.name);
    if (!old)
        return n === 'text' || n === 'citext' || (n === 'varchar' && now.mods === 0);
    const o = canon(old.name);
    if (o === n && old.args.join(',') === now.args.join(','))
        return true; // the type it already has
    if (STRINGS.has(o) && STRINGS.has(n)) {
        if (n === 'text' || n === 'citext' || now.mods === 0)
            return true;
        // to varchar(m): free from varchar(n <= m); from text or unconstrained varchar it must check every row
        return o === 'varchar' && old.mods > 0 && (old.args[0] ?? Infinity) <= (now.args[0] ?? -1);
    }
    if (o === 'cidr' && n === 'inet')
        return true;
    if (o === 'xml' && n === 'text')
        return true;
    if (o === n && PRECISION.has(n)) {
        if (now.mods === 0)
            return true;
        if (old.mods === 0)
            return false;
        if (n === 'numeric')
            return (old.args[1] ?? 0) === (now.args[1] ?? 0) && (old.args[0] ?? Infinity) <= (now.args[0] ?? -1);
        return (old.args[0] ?? Infinity) <= (now.args[0] ?? -1);
    }
    return false;
}
/* harmony default export */ const __WEBPACK_DEFAULT_EXPORT__ = ((0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .defineDanger */ .$f)({
    id: 'change-column-type',
    title: 'ALTER COLUMN TYPE (table rewrite)',
    lock: 'ACCESS EXCLUSIVE',
    why: 'changing a type that is not binary-coercible rewrites the table and every index on it under the ' +
        'lock, and breaks code that reads the old type',
    fix: 'add a new column of the new type, dual-write, backfill in batches, switch reads, ' +
        'drop the old column later (varchar(n) -> text or a larger varchar limit is safe)',
    detection: 'ALTER COLUMN ... TYPE (change_column, t.change, op.alter_column type_, ' +
        'AlterField) on an existing table, unless PostgreSQL needs no rewrite for it: the same type, ' +
        'varchar/text widening, numeric precision raised at the same scale, cidr -> inet, ' +
        '... (the old type is taken from the same change, the rollback of the migration, ' +
        'or the base schema dump)',
    level: 'fail',
    lockDanger: true,
    scalesWithTable: true,
    dialects: _types_js__WEBPACK_IMPORTED_MODULE_1__/* .PG_ONLY */ .fG,
    recipe: (r) => {
        if (!r.table || !r.column)
            return undefined;
        const nc = `${r.column}_new`;
        return (`ALTER TABLE ${(0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .ident */ .bD)(r.table)} ADD COLUMN ${(0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .ident */ .bD)(nc)} ${r.type ?? '<new type>'};\n` +
            `-- dual-write ${r.column} and ${nc} in the application, backfill ${nc} in batches, switch reads, ` +
            `then:\nALTER TABLE ${(0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .ident */ .bD)(r.table)} DROP COLUMN ${(0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .ident */ .bD)(r.column)}; -- in a later release`);
    },
    sql: {
        alter: {
            AT_AlterColumnType: (cmd, t, isNew, s, emit) => {
                if (isNew)
                    return;
                const col = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .columnDefOf */ .lF)(cmd) ?? {};
                const now = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .typeNameOf */ .BR)(col.typeName);
                const column = String(cmd.name).toLowerCase();
                const old = s.typeOf(t, column);
                const oldType = old ? (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .typeText */ .wQ)(old) : undefined;
                if (rewriteFree(old, now, col.raw_default !== undefined))
                    return;
                const newType = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .typeText */ .wQ)(now);
                const hint = !old && canon(now.name) === 'varchar' ? ' (old type unknown: safe only if it raises the varchar limit)' : '';
                emit({
                    id: 'change-column-type',
                    detail: `ALTER COLUMN ${t}.${column} TYPE ${newType}${oldType ? ` (from ${oldType})` : ''}${hint}`,
                    table: t,
                    names: { table: t, column, type: newType, oldType },
                });
            },
        },
    },
}));


/***/ }),

/***/ 45697:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (__WEBPACK_DEFAULT_EXPORT__),
/* harmony export */   Y: () => (/* binding */ constraintNames)
/* harmony export */ });
/* harmony import */ var _sql_ast_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(79836);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54511);


/** The column of a CHECK (c IS NOT NULL) (lower case), else undefined. */
function notNullColumn(c) {
    const e = c.raw_expr;
    const nt = e && 'NullTest' in e ? e.NullTest : undefined;
    if (c.contype !== 'CONSTR_CHECK' || nt?.nulltesttype !== 'IS_NOT_NULL')
        return undefined;
    const fields = (nt.arg && 'ColumnRef' in nt.arg ? nt.arg.ColumnRef.fields : undefined) ?? [];
    const last = fields.at(-1);
    return last && 'String' in last ? last.String.sval?.toLowerCase() : undefined;
}
/** The names a constraint gives the recipe: its own, its first column and referenced table (a foreign key), its condition (a CHECK). */
function constraintNames(t, c) {
    const fk = c.contype === 'CONSTR_FOREIGN';
    const column = fk ? (c.fk_attrs ?? []).map((a) => ('String' in a ? a.String.sval : undefined)).filter(Boolean)[0] : notNullColumn(c);
    return {
        table: t,
        constraint: c.conname ? c.conname : undefined,
        column,
        value: fk ? c.pktable?.relname : undefined,
        ...(fk ? {} : { check: (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .simpleSql */ .fP)(c.raw_expr) }),
    };
}
/* harmony default export */ const __WEBPACK_DEFAULT_EXPORT__ = ((0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .defineDanger */ .$f)({
    id: 'constraint-not-valid-missing',
    title: 'ADD FOREIGN KEY / CHECK without NOT VALID',
    lock: 'ACCESS EXCLUSIVE on the table (SHARE ROW EXCLUSIVE on both tables for a foreign key) while every row is checked',
    why: 'validating existing rows scans the table while holding a lock that blocks writes',
    fix: 'ALTER TABLE t ADD CONSTRAINT c ... NOT VALID; ' +
        'then, in a separate migration/transaction, ALTER TABLE t VALIDATE CONSTRAINT c (takes only SHARE UPDATE EXCLUSIVE)',
    detection: 'ADD CONSTRAINT ... FOREIGN KEY / CHECK without NOT VALID on an existing table (add_foreign_key / ' +
        'add_check_constraint without validate: false; foreign_key: true; op.create_foreign_key; AddConstraint), ' +
        'or its VALIDATE CONSTRAINT in the same transaction as the ADD ... NOT VALID (also across op.execute / RunSQL calls)',
    level: 'fail',
    lockDanger: true,
    scalesWithTable: true,
    dialects: _types_js__WEBPACK_IMPORTED_MODULE_1__/* .PG_ONLY */ .fG,
    recipe: (r) => {
        if (!r.table)
            return undefined;
        if (r.framework === 'rails') {
            return r.value
                ? `add_foreign_key :${r.table}, :${r.value}, validate: false; ` +
                    `then in a second migration: validate_foreign_key :${r.table}, :${r.value}`
                : `add_check_constraint :${r.table}, "<condition>", name: "${r.constraint ?? `${r.table}_check`}", ` +
                    `validate: false; then in a second migration: validate_check_constraint :${r.table}, name: ` +
                    `"${r.constraint ?? `${r.table}_check`}"`;
        }
        const fk = r.value !== undefined || r.refModel !== undefined;
        const column = r.column ?? r.columns?.[0];
        const c = r.constraint ?? `${r.table}_${column ?? 'new'}_${fk ? 'fkey' : 'check'}`;
        if (r.framework === 'alembic') {
            const q = (xs, fallback) => `[${(xs ?? [fallback]).map((x) => JSON.stringify(x)).join(', ')}]`;
            const add = fk
                ? `op.create_foreign_key(${JSON.stringify(c)}, ${JSON.stringify(r.table)}, ${JSON.stringify(r.value ?? '<referenced table>')}, ` +
                    `${q(r.columns, '<column>')}, ${q(r.refColumns, 'id')}, postgresql_not_valid=True)`
                : `op.create_check_constraint(${JSON.stringify(c)}, ${JSON.stringify(r.table)}, ${JSON.stringify(r.check ?? '<condition>')}, ` +
                    `postgresql_not_valid=True)`;
            return `${add}\n# then, in a separate revision:\nop.execute("ALTER TABLE ${(0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .ident */ .bD)(r.table)} VALIDATE CONSTRAINT ${(0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .ident */ .bD)(c)}")`;
        }
        const what = fk
            ? `FOREIGN KEY (${(0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .ident */ .bD)(column ?? '<column>')}) REFERENCES ${r.value ? (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .ident */ .bD)(r.value) : '<referenced table>'}`
            : `CHECK (${r.check ?? '<condition>'})`;
        if (r.framework === 'django' && fk && r.model && r.field)
            // Django builds a ForeignKey's constraint (DEFERRABLE INITIALLY DEFERRED) and its index under the AddField's lock
            return (`migrations.AddField("${r.model}", "${r.field}", models.ForeignKey(..., db_constraint=False, db_index=False)); ` +
                `in a migration with atomic = False: AddIndexConcurrently("${r.model}", models.Index(fields=["${r.field}"], ` +
                `name="${r.table}_${r.column ?? r.field}_idx")) (django.contrib.postgres.operations); and migrations.RunSQL:\n` +
                `ALTER TABLE ${(0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .ident */ .bD)(r.table)} ADD CONSTRAINT ${(0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .ident */ .bD)(c)} ${what} DEFERRABLE INITIALLY DEFERRED NOT VALID;\n` +
                `-- then, in a separate migration (migrations.RunSQL):\nALTER TABLE ${(0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .ident */ .bD)(r.table)} VALIDATE CONSTRAINT ${(0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .ident */ .bD)(c)};`);
        return (`ALTER TABLE ${(0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .ident */ .bD)(r.table)} ADD CONSTRAINT ${(0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .ident */ .bD)(c)} ${what} NOT VALID;\n` +
            `-- then, in a separate migration:\nALTER TABLE ${(0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .ident */ .bD)(r.table)} VALIDATE CONSTRAINT ${(0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .ident */ .bD)(c)};`);
    },
    sql: {
        alter: {
            AT_AddConstraint: (cmd, t, isNew, _s, emit) => {
                const c = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .constraintOf */ .vY)(cmd);
                if (!c || isNew || c.skip_validation)
                    return;
                if (c.contype !== 'CONSTR_FOREIGN' && c.contype !== 'CONSTR_CHECK')
                    return;
                const names = constraintNames(t, c);
                const kind = c.contype === 'CONSTR_FOREIGN' ? 'FOREIGN KEY' : 'CHECK';
                emit({
                    id: 'constraint-not-valid-missing',
                    detail: `ADD CONSTRAINT ${names.constraint ?? '(unnamed)'} ${kind} on ${t} without NOT VALID`,
                    table: t,
                    names,
                });
            },
            // squawk's constraint-missing-not-valid does the same: NOT VALID then VALIDATE in one transaction is no NOT VALID
            AT_ValidateConstraint: (cmd, t, _isNew, s, emit) => {
                const added = s.addedNotValid(String(cmd.name));
                if (!added)
                    return;
                emit({
                    id: 'constraint-not-valid-missing',
                    detail: `VALIDATE CONSTRAINT ${String(cmd.name)} on ${t} in the same transaction as its ADD ... NOT VALID: the ADD's lock is ` +
                        'held until COMMIT, so the scan runs under it as if NOT VALID were not there',
                    table: t,
                    names: added.names,
                });
            },
        },
    },
}));


/***/ }),

/***/ 78368:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (__WEBPACK_DEFAULT_EXPORT__),
/* harmony export */   s: () => (/* binding */ foreignSyntax)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54511);

/**
 * PostgreSQL forms MySQL (and MariaDB) has no grammar for: each one makes MySQL reject the statement. Checked on
 * the statement's text with its strings and comments blanked out; node-sql-parser is not the judge here, since it
 * also rejects valid MySQL.
 */
const FORMS = [
    {
        test: /^DROP\s+INDEX\s+(?:IF\s+EXISTS\s+)?([`\w$.]+)\s*$/i,
        what: 'DROP INDEX without ON <table>',
        instead: (m) => `DROP INDEX ${m[1]} ON <table>;`,
    },
    {
        test: /^(CREATE\s+(?:UNIQUE\s+)?INDEX|DROP\s+INDEX)\s+CONCURRENTLY\b/i,
        what: 'CONCURRENTLY',
        instead: (m) => `${m[1].toUpperCase().replace(/\s+/g, ' ')} ... (InnoDB builds and drops secondary indexes in place, without CONCURRENTLY)`,
    },
    {
        test: /^ALTER\s+TABLE\s+([`\w$.]+)\s.*\bALTER\s+(?:COLUMN\s+)?([`\w$]+)\s+(?:SET\s+DATA\s+)?TYPE\s+([^,;]+)/is,
        what: 'ALTER COLUMN ... TYPE',
        instead: (m) => `ALTER TABLE ${m[1]} MODIFY ${m[2]} ${m[3].trim()};`,
    },
    {
        test: /^ALTER\s+TABLE\s+([`\w$.]+)\s.*\bALTER\s+(?:COLUMN\s+)?([`\w$]+)\s+(SET|DROP)\s+NOT\s+NULL\b/is,
        what: 'ALTER COLUMN ... SET/DROP NOT NULL',
        instead: (m) => `ALTER TABLE ${m[1]} MODIFY ${m[2]} <its type> ${m[3].toUpperCase() === 'SET' ? 'NOT NULL' : 'NULL'};`,
    },
    {
        test: /^ALTER\s+TABLE\s+([`\w$.]+)\s.*\b(NOT\s+VALID|VALIDATE\s+CONSTRAINT)\b/is,
        what: 'NOT VALID / VALIDATE CONSTRAINT',
        instead: (m) => `ALTER TABLE ${m[1]} ADD CONSTRAINT ... (MySQL checks every row as it adds a constraint)`,
    },
    { test: /[\w)'`]::[a-z]/i, what: 'a :: cast', instead: () => 'CAST(<value> AS <type>)' },
];
/**
 * The statement's text with its strings ('\u2026', "\u2026") and comments (`-- `, `#`, `/* *\/`) left out: only the SQL
 * around them is matched. One pass, so a hostile statement (an unterminated string of a million escaped quotes)
 * costs its length, not its square, as a regular expression over it would.
 */
function code(statement) {
    const s = statement;
    const n = s.length;
    const parts = [];
    let from = 0;
    let i = 0;
    const cut = (end, instead) => {
        parts.push(s.slice(from, i), instead);
        i = end;
        from = end;
    };
    while (i < n) {
        const c = s[i];
        if (c === "'" || c === '"') {
            let j = i + 1;
            while (j < n && s[j] !== c)
                j += s[j] === '\\' ? 2 : 1;
            // a doubled quote stays inside the string
            while (j + 1 < n && s[j + 1] === c) {
                j += 2;
                while (j < n && s[j] !== c)
                    j += s[j] === '\\' ? 2 : 1;
            }
            cut(Math.min(j + 1, n), "''");
        }
        else if (c === '#' || (c === '-' && s[i + 1] === '-' && /\s/.test(s[i + 2] ?? '\n'))) {
            const end = s.indexOf('\n', i);
            cut(end < 0 ? n : end, ' ');
        }
        else if (c === '/' && s[i + 1] === '*') {
            const end = s.indexOf('*/', i + 2);
            cut(end < 0 ? n : end + 2, ' ');
        }
        else
            i++;
    }
    parts.push(s.slice(from));
    return parts.join('').trim();
}
/** The PostgreSQL form a MySQL statement uses, with the MySQL to write instead; undefined for none. */
function foreignSyntax(statement) {
    const text = code(statement).replace(/;\s*$/, '');
    for (const f of FORMS) {
        const m = f.test.exec(text);
        if (m)
            return { what: f.what, instead: f.instead(m) };
    }
    return undefined;
}
/* harmony default export */ const __WEBPACK_DEFAULT_EXPORT__ = ((0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .defineDanger */ .$f)({
    id: 'foreign-syntax',
    title: 'PostgreSQL syntax in a MySQL migration',
    lock: 'none: MySQL rejects the statement',
    why: 'MySQL rejects the statement, and MySQL commits every DDL statement on its own, so the statements before it stay ' +
        'applied: the migration stops half-done and the database is left between two versions',
    fix: "write the statement in MySQL's syntax (a file kept per database is often copied from the PostgreSQL one)",
    detection: 'MySQL files: PostgreSQL forms MySQL and MariaDB have no grammar for: DROP INDEX without ON <table>; CREATE/DROP ' +
        'INDEX CONCURRENTLY; ALTER COLUMN ... TYPE / SET DATA TYPE / SET NOT NULL / DROP NOT NULL; NOT VALID and VALIDATE ' +
        'CONSTRAINT; a :: cast (strings and comments left out)',
    level: 'fail',
    dialects: ['mysql'],
    recipe: (r) => r.value,
}));


/***/ }),

/***/ 50308:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  j: () => (/* binding */ DANGER_LIST)
});

// EXTERNAL MODULE: ./src/rules/migration-safety/sql-ast.ts
var sql_ast = __webpack_require__(79836);
// EXTERNAL MODULE: ./src/rules/migration-safety/dangers/types.ts
var types = __webpack_require__(54511);
;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/add-column-not-null-no-default.ts


/* harmony default export */ const add_column_not_null_no_default = ((0,types/* defineDanger */.$f)({
    id: 'add-column-not-null-no-default',
    title: 'ADD COLUMN NOT NULL without DEFAULT',
    lock: 'ACCESS EXCLUSIVE',
    why: 'fails on any table that has rows, and forces a deploy order where old code cannot insert',
    fix: 'ADD COLUMN c type NULL; backfill in batches; ' +
        'then the SET NOT NULL recipe (CHECK (c IS NOT NULL) NOT VALID, VALIDATE, ' +
        'SET NOT NULL) \u2014 or give it a constant DEFAULT (PostgreSQL 11+)',
    detection: 'ADD COLUMN ... NOT NULL with no DEFAULT, identity or generation expression, ' +
        'on a table that existed before this change (null: false without default; ' +
        'nullable=False without server_default; a Django field without null=True or a default)',
    level: 'fail',
    lockDanger: true,
    dialects: types/* PG_FAMILY */.v5,
    recipe: (r) => {
        if (!r.table || !r.column)
            return undefined;
        switch (r.framework) {
            case 'rails':
                return (`add_column :${r.table}, :${r.column}, :${r.type ?? 'string'}, default: <constant>, null: ` +
                    `false (a constant default is instant on PostgreSQL 11+), or add it nullable, backfill, ` +
                    `then add_check_constraint :${r.table}, "${r.column} IS NOT NULL", name: ` +
                    `"${r.table}_${r.column}_null", validate: false`);
            case 'django':
                return `give the field a default (db_default=... on Django 5+) or null=True, backfill, then make it NOT NULL`;
            case 'alembic':
                return `op.add_column("${r.table}", sa.Column("${r.column}", ${r.type ?? '<type>'}, nullable=False, server_default=<constant>))`;
            default:
                return (`ALTER TABLE ${(0,sql_ast/* ident */.bD)(r.table)} ADD COLUMN ${(0,sql_ast/* ident */.bD)(r.column)} ${r.type ?? '<type>'} NOT NULL DEFAULT ` +
                    `<constant>; -- or add it NULL, backfill in batches, then the SET NOT NULL recipe`);
        }
    },
    sql: {
        alter: {
            AT_AddColumn: (cmd, t, isNew, _s, emit) => {
                const col = (0,sql_ast/* columnDefOf */.lF)(cmd);
                if (!col || isNew)
                    return;
                const cons = (0,sql_ast/* constraintsOf */.Im)(col);
                const notNull = cons.some((c) => c.contype === 'CONSTR_NOTNULL');
                const def = cons.some((c) => c.contype === 'CONSTR_DEFAULT');
                const generated = cons.some((c) => c.contype === 'CONSTR_IDENTITY' || c.contype === 'CONSTR_GENERATED');
                const colname = String(col.colname);
                if (notNull && !def && !generated)
                    emit({
                        id: 'add-column-not-null-no-default',
                        detail: `ADD COLUMN ${t}.${colname} NOT NULL without a DEFAULT`,
                        table: t,
                        names: { table: t, column: colname, type: (0,sql_ast/* typeText */.wQ)((0,sql_ast/* typeNameOf */.BR)(col.typeName)) },
                    });
            },
        },
    },
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/add-column-volatile-default.ts


const VOLATILE_FUNCS = new Set([
    'random',
    'clock_timestamp',
    'timeofday',
    'statement_timestamp',
    'gen_random_uuid',
    'uuid_generate_v1',
    'uuid_generate_v1mc',
    'uuid_generate_v4',
    'uuidv4',
    'uuidv7',
    'nextval',
    'txid_current',
    'setseed',
]);
/** Functions known not to be volatile (fast default on PG 11+). */
const STABLE_FUNCS = new Set([
    'now',
    'current_timestamp',
    'transaction_timestamp',
    'current_date',
    'localtimestamp',
    'lower',
    'upper',
    'to_jsonb',
    'jsonb_build_object',
    'json_build_object',
    'array',
    'coalesce',
]);
function isVolatileDefault(expr) {
    for (const fn of (0,sql_ast/* exprFunctions */.pN)(expr)) {
        if (fn.startsWith('svfop_'))
            continue; // CURRENT_TIMESTAMP & co: stable
        if (VOLATILE_FUNCS.has(fn))
            return { volatile: true, fn };
        if (!STABLE_FUNCS.has(fn))
            return { volatile: true, fn }; // unknown function: cannot prove it is not volatile
    }
    return { volatile: false };
}
/* harmony default export */ const add_column_volatile_default = ((0,types/* defineDanger */.$f)({
    id: 'add-column-volatile-default',
    title: 'ADD COLUMN with a volatile default (table rewrite)',
    lock: 'ACCESS EXCLUSIVE',
    why: 'a volatile default (now(), random(), gen_random_uuid(), ' +
        'clock_timestamp()) \u2014 or any default before PostgreSQL 11 \u2014 rewrites the whole table under the lock',
    fix: 'ADD COLUMN c type (no default); ALTER COLUMN c SET DEFAULT ... (applies to new rows only); backfill existing rows in batches',
    detection: 'ADD COLUMN with a default that calls a volatile (or unknown) function, ' +
        'a GENERATED ... STORED column, or any default when pg_version < 11',
    level: 'fail',
    lockDanger: true,
    scalesWithTable: true,
    dialects: types/* PG_ONLY */.fG,
    recipe: (r) => {
        if (!r.table || !r.column)
            return undefined;
        if (r.framework === 'rails')
            return (`add_column :${r.table}, :${r.column}, :${r.type ?? '<type>'} (no default); ` +
                `change_column_default :${r.table}, :${r.column}, from: nil, to: -> { "<expression>" }; ` +
                `backfill existing rows in batches in another migration`);
        return (`ALTER TABLE ${(0,sql_ast/* ident */.bD)(r.table)} ADD COLUMN ${(0,sql_ast/* ident */.bD)(r.column)} ${r.type ?? '<type>'};\n` +
            `ALTER TABLE ${(0,sql_ast/* ident */.bD)(r.table)} ALTER COLUMN ${(0,sql_ast/* ident */.bD)(r.column)} SET DEFAULT <expression>; ` +
            `-- new rows only\n-- then backfill existing rows in batches, outside this transaction`);
    },
    sql: {
        alter: {
            AT_AddColumn: (cmd, t, isNew, s, emit) => {
                const col = (0,sql_ast/* columnDefOf */.lF)(cmd);
                if (!col || isNew)
                    return;
                const cons = (0,sql_ast/* constraintsOf */.Im)(col);
                const def = cons.find((c) => c.contype === 'CONSTR_DEFAULT');
                const colname = String(col.colname);
                const names = { table: t, column: colname, type: (0,sql_ast/* typeText */.wQ)((0,sql_ast/* typeNameOf */.BR)(col.typeName)) };
                if (cons.some((c) => c.contype === 'CONSTR_GENERATED'))
                    emit({
                        id: 'add-column-volatile-default',
                        detail: `ADD COLUMN ${t}.${colname} GENERATED ... STORED computes every row`,
                        table: t,
                        names,
                    });
                else if (def) {
                    if (s.pgVersion < 11)
                        emit({
                            id: 'add-column-volatile-default',
                            detail: `ADD COLUMN ${t}.${colname} with a DEFAULT on PostgreSQL ${s.pgVersion} (< 11 rewrites the table)`,
                            table: t,
                            names,
                        });
                    else {
                        const v = isVolatileDefault(def.raw_expr);
                        if (v.volatile)
                            emit({
                                id: 'add-column-volatile-default',
                                detail: `ADD COLUMN ${t}.${colname} DEFAULT ${v.fn}(): a volatile default rewrites the table`,
                                table: t,
                                names,
                            });
                    }
                }
            },
        },
    },
}));

// EXTERNAL MODULE: ./src/rules/migration-safety/dangers/backfill-in-transaction.ts
var backfill_in_transaction = __webpack_require__(3417);
// EXTERNAL MODULE: ./src/rules/migration-safety/dangers/change-column-type.ts
var change_column_type = __webpack_require__(21384);
;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/cluster.ts


/* harmony default export */ const cluster = ((0,types/* defineDanger */.$f)({
    id: 'cluster',
    title: 'CLUSTER',
    lock: 'ACCESS EXCLUSIVE',
    why: 'rewrites the whole table while nothing can read or write it',
    fix: 'pg_repack --order-by for an online reorder, outside migrations',
    detection: 'CLUSTER',
    level: 'fail',
    lockDanger: true,
    scalesWithTable: true,
    dialects: types/* PG_ONLY */.fG,
    recipe: (r) => r.table ? `remove CLUSTER ${r.table} from the migration; pg_repack --table ${r.table} --order-by <columns>, by hand` : undefined,
    sql: {
        stmt: {
            ClusterStmt: (n, _s, emit) => {
                const t = (0,sql_ast/* relName */.ve)(n.relation);
                emit({ id: 'cluster', detail: `CLUSTER ${t ?? ''}`.trim(), table: t, names: { table: t } });
            },
        },
    },
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/concurrently-in-transaction.ts


function dropNames(n) {
    return (n.objects ?? []).map((o) => {
        const items = ('List' in o ? o.List.items : undefined) ?? [];
        return ((0,sql_ast/* str */.gx)(items.at(-1)) ?? '').toLowerCase();
    });
}
/* harmony default export */ const concurrently_in_transaction = ((0,types/* defineDanger */.$f)({
    id: 'concurrently-in-transaction',
    title: 'CONCURRENTLY inside a transaction',
    lock: 'none (the statement errors)',
    why: 'CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and DETACH PARTITION CONCURRENTLY cannot run ' +
        'inside a transaction block: the migration fails',
    fix: 'run it outside the transaction: no BEGIN/COMMIT around it; Rails disable_ddl_transaction!; ' +
        'Django atomic = False; golang-migrate/dbmate: a migration of its own (dbmate: ' +
        '-- migrate:up transaction:false)',
    detection: 'a CONCURRENTLY statement inside BEGIN/COMMIT, ' +
        'in a file the tool wraps in a transaction (assume_in_transaction, dbmate), ' +
        'or in a Rails/Django/Alembic migration that keeps its transaction',
    level: 'fail',
    dialects: types/* PG_ONLY */.fG,
    recipe: (r) => {
        switch (r.framework) {
            case 'rails':
                return ('add disable_ddl_transaction! to the migration class (and keep the algorithm: ' +
                    ':concurrently operations in a migration of their own)');
            case 'django':
                return 'set atomic = False on this Migration class (and keep the concurrent operation in a migration of its own)';
            case 'alembic':
                return 'wrap the operation in: with op.get_context().autocommit_block():';
            default:
                return r.table || r.index
                    ? `move the statement on ${r.index ?? r.table} to a migration of its own, ` +
                        `with no BEGIN/COMMIT around it (dbmate: -- migrate:up transaction:false)`
                    : undefined;
        }
    },
    sql: {
        stmt: {
            IndexStmt: (n, s, emit) => {
                const t = (0,sql_ast/* relName */.ve)(n.relation);
                if (n.concurrent && !s.isNew(t) && s.inTx())
                    emit({
                        id: 'concurrently-in-transaction',
                        detail: `CREATE INDEX CONCURRENTLY on ${t} inside a transaction`,
                        names: { table: t, index: n.idxname ? n.idxname : undefined },
                    });
            },
            DropStmt: (n, s, emit) => {
                if (n.removeType !== 'OBJECT_INDEX' || !n.concurrent || !s.inTx())
                    return;
                const existing = dropNames(n).filter((x) => !s.isNewIndex(x));
                if (existing.length)
                    emit({
                        id: 'concurrently-in-transaction',
                        detail: `DROP INDEX CONCURRENTLY ${existing.join(', ')} inside a transaction`,
                        names: { index: existing[0] },
                    });
            },
            ReindexStmt: (n, s, emit) => {
                const concurrent = (n.params ?? []).some((p) => 'DefElem' in p && p.DefElem.defname === 'concurrently');
                const t = (0,sql_ast/* relName */.ve)(n.relation);
                if (concurrent && s.inTx())
                    emit({
                        id: 'concurrently-in-transaction',
                        detail: `REINDEX CONCURRENTLY ${t ?? ''} inside a transaction`.replace('  ', ' '),
                        names: { table: t },
                    });
            },
        },
        alter: {
            AT_DetachPartition: (cmd, t, _isNew, s, emit) => {
                const pc = (cmd.def && 'PartitionCmd' in cmd.def ? cmd.def.PartitionCmd : undefined) ?? {};
                if (pc.concurrent && s.inTx())
                    emit({
                        id: 'concurrently-in-transaction',
                        detail: `DETACH PARTITION CONCURRENTLY on ${t} inside a transaction`,
                        names: { table: t },
                    });
            },
        },
    },
}));


// EXTERNAL MODULE: ./src/rules/migration-safety/dangers/constraint-not-valid-missing.ts
var constraint_not_valid_missing = __webpack_require__(45697);
;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/create-index-non-concurrent.ts


/** The index name the framework would pick, when the migration does not name one. */
function indexName(r) {
    if (r.index)
        return r.index;
    if (!r.table || !r.columns?.length)
        return undefined;
    return r.framework === 'rails' ? `index_${r.table}_on_${r.columns.join('_and_')}` : `${r.table}_${r.columns.join('_')}_idx`;
}
/* harmony default export */ const create_index_non_concurrent = ((0,types/* defineDanger */.$f)({
    id: 'create-index-non-concurrent',
    title: 'CREATE INDEX without CONCURRENTLY',
    lock: 'SHARE (blocks INSERT/UPDATE/DELETE for the whole build)',
    why: 'writes to the table stop until the index is built, which takes minutes on a large table',
    fix: 'CREATE INDEX CONCURRENTLY ... (outside a transaction: Rails disable_ddl_transaction!, Django atomic = False)',
    detection: 'CREATE INDEX (add_index, t.index, add_reference, AddIndex, ' +
        'op.create_index) on a table that existed before this change, without CONCURRENTLY',
    level: 'fail',
    lockDanger: true,
    scalesWithTable: true,
    dialects: types/* PG_ONLY */.fG,
    recipe: (r) => {
        const name = indexName(r);
        if (!r.table || !r.columns?.length || !name)
            return undefined;
        const cols = r.columns;
        switch (r.framework) {
            case 'rails': {
                const list = cols.length === 1 ? `:${cols[0]}` : `[${cols.map((c) => `:${c}`).join(', ')}]`;
                return (`disable_ddl_transaction! (in the class body), then: add_index :${r.table}, ${list}, algorithm: ` +
                    `:concurrently${r.index ? `, name: "${r.index}"` : ''}`);
            }
            case 'django':
                return (`atomic = False on the Migration, and AddIndexConcurrently (django.contrib.postgres.operations) ` +
                    `instead of AddIndex for ${name}`);
            case 'alembic':
                return (`with op.get_context().autocommit_block():\n    op.create_index("${name}", "${r.table}", ` +
                    `[${cols.map((c) => `"${c}"`).join(', ')}], postgresql_concurrently=True)`);
            default:
                return (`CREATE INDEX CONCURRENTLY ${(0,sql_ast/* ident */.bD)(name)} ON ${(0,sql_ast/* ident */.bD)(r.table)} (${cols.map(sql_ast/* ident */.bD).join(', ')}); ` +
                    `-- in a migration of its own, outside a transaction`);
        }
    },
    sql: {
        stmt: {
            IndexStmt: (n, s, emit) => {
                const t = (0,sql_ast/* relName */.ve)(n.relation);
                if (n.concurrent || s.isNew(t))
                    return;
                const index = n.idxname ? n.idxname : undefined;
                emit({
                    id: 'create-index-non-concurrent',
                    detail: `CREATE INDEX${index ? ` ${index}` : ''} on ${t} without CONCURRENTLY`,
                    table: t,
                    names: { table: t, index, columns: (0,sql_ast/* indexColumns */.cW)(n.indexParams) },
                });
            },
        },
    },
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/detach-partition-non-concurrent.ts


/* harmony default export */ const detach_partition_non_concurrent = ((0,types/* defineDanger */.$f)({
    id: 'detach-partition-non-concurrent',
    title: 'DETACH PARTITION without CONCURRENTLY',
    lock: 'ACCESS EXCLUSIVE on the parent table',
    why: 'every query on the partitioned table waits for the detach',
    fix: 'ALTER TABLE parent DETACH PARTITION p CONCURRENTLY (PostgreSQL 14+, outside a transaction)',
    detection: 'ALTER TABLE ... DETACH PARTITION without CONCURRENTLY',
    level: 'fail',
    lockDanger: true,
    dialects: types/* PG_ONLY */.fG,
    recipe: (r) => r.table && r.value
        ? `ALTER TABLE ${(0,sql_ast/* ident */.bD)(r.table)} DETACH PARTITION ${(0,sql_ast/* ident */.bD)(r.value)} CONCURRENTLY; -- PostgreSQL 14+, outside a transaction`
        : undefined,
    sql: {
        alter: {
            AT_DetachPartition: (cmd, t, isNew, _s, emit) => {
                const pc = (cmd.def && 'PartitionCmd' in cmd.def ? cmd.def.PartitionCmd : undefined) ?? {};
                if (pc.concurrent || isNew)
                    return;
                const p = (0,sql_ast/* relName */.ve)(pc.name);
                emit({
                    id: 'detach-partition-non-concurrent',
                    detail: `DETACH PARTITION ${p ?? ''} from ${t} without CONCURRENTLY`,
                    table: t,
                    names: { table: t, value: p },
                });
            },
        },
    },
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/drop-column.ts

/* harmony default export */ const drop_column = ((0,types/* defineDanger */.$f)({
    id: 'drop-column',
    title: 'DROP COLUMN',
    lock: 'ACCESS EXCLUSIVE',
    why: 'code that is deployed (and ORM caches of the column list) still reads it; the data is gone with no way back',
    fix: 'stop reading/writing the column first (Rails: ignored_columns; ' +
        'Django: remove the field with SeparateDatabaseAndState), deploy, then drop it in a later migration',
    detection: 'DROP COLUMN (remove_column, t.remove, RemoveField, op.drop_column) of a column of an existing table',
    level: 'fail',
    lockDanger: true,
    dialects: types/* ALL_DIALECTS */.qV,
    recipe: (r) => {
        if (!r.table || !r.column)
            return undefined;
        switch (r.framework) {
            case 'rails':
                return (`first release: self.ignored_columns += ["${r.column}"] in the ${r.table} model; deploy; ` +
                    `then this migration: safety_assured { remove_column :${r.table}, :${r.column} }`);
            case 'django':
                return (`first release: migrations.SeparateDatabaseAndState(state_operations=[migrations.RemoveField("${r.model ?? r.table}", ` +
                    `"${r.field ?? r.column}")]) and deploy; then a later migration drops the column`);
            default:
                return (`first release: stop reading and writing ${r.table}.${r.column} and deploy; ` +
                    `then, in a later migration: ALTER TABLE ${r.table} DROP COLUMN ${r.column};`);
        }
    },
    sql: {
        alter: {
            AT_DropColumn: (cmd, t, isNew, _s, emit) => {
                if (isNew)
                    return;
                const column = String(cmd.name);
                emit({ id: 'drop-column', detail: `DROP COLUMN ${t}.${column}`, table: t, column_name: column, names: { table: t, column } });
            },
        },
    },
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/drop-database.ts

/* harmony default export */ const drop_database = ((0,types/* defineDanger */.$f)({
    id: 'drop-database',
    title: 'DROP DATABASE',
    lock: 'exclusive use of the database',
    why: 'irreversible loss of every table in it',
    fix: 'never from a migration: do it by hand, after a backup, with a change ticket',
    detection: 'DROP DATABASE',
    level: 'fail',
    dialects: types/* PG_FAMILY */.v5,
    recipe: (r) => (r.value ? `remove DROP DATABASE ${r.value} from the migration; drop it by hand after a backup` : undefined),
    sql: {
        stmt: {
            DropdbStmt: (n, _s, emit) => {
                emit({ id: 'drop-database', detail: `DROP DATABASE ${String(n.dbname)}`, names: { value: String(n.dbname) } });
            },
        },
    },
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/drop-index-non-concurrent.ts



/* harmony default export */ const drop_index_non_concurrent = ((0,types/* defineDanger */.$f)({
    id: 'drop-index-non-concurrent',
    title: 'DROP INDEX without CONCURRENTLY',
    lock: 'ACCESS EXCLUSIVE',
    why: 'every read and write of the table queues behind the drop, and behind any long query holding the table',
    fix: 'DROP INDEX CONCURRENTLY IF EXISTS ... (outside a transaction)',
    detection: 'DROP INDEX (remove_index, RemoveIndex, op.drop_index) of an index not created in this change, without CONCURRENTLY',
    level: 'fail',
    lockDanger: true,
    scalesWithTable: true,
    dialects: types/* PG_ONLY */.fG,
    recipe: (r) => {
        switch (r.framework) {
            case 'rails': {
                if (!r.table)
                    return undefined;
                const cols = r.columns?.length
                    ? `column: ${r.columns.length === 1 ? `:${r.columns[0]}` : `[${r.columns.map((c) => `:${c}`).join(', ')}]`}, `
                    : '';
                const which = cols || (r.index ? `name: "${r.index}", ` : '');
                return `disable_ddl_transaction! (in the class body), then: remove_index :${r.table}, ${which}algorithm: :concurrently`;
            }
            case 'django':
                return 'atomic = False on the Migration, and RemoveIndexConcurrently (django.contrib.postgres.operations) instead of RemoveIndex';
            case 'alembic':
                return r.index
                    ? `with op.get_context().autocommit_block():\n    ` +
                        `op.drop_index("${r.index}"${r.table ? `, table_name="${r.table}"` : ''}, ` +
                        `postgresql_concurrently=True)`
                    : undefined;
            default:
                return r.index
                    ? `DROP INDEX CONCURRENTLY IF EXISTS ${(0,sql_ast/* ident */.bD)(r.index)}; -- in a migration of its own, outside a transaction`
                    : undefined;
        }
    },
    sql: {
        stmt: {
            DropStmt: (n, s, emit) => {
                if (n.removeType !== 'OBJECT_INDEX' || n.concurrent)
                    return;
                const existing = dropNames(n).filter((x) => !s.isNewIndex(x));
                if (existing.length)
                    emit({
                        id: 'drop-index-non-concurrent',
                        detail: `DROP INDEX ${existing.join(', ')} without CONCURRENTLY`,
                        names: { index: existing[0] },
                    });
            },
        },
    },
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/drop-not-null.ts

/* harmony default export */ const drop_not_null = ((0,types/* defineDanger */.$f)({
    id: 'drop-not-null',
    title: 'DROP NOT NULL',
    lock: 'ACCESS EXCLUSIVE, for a catalog update only (no scan, no rewrite)',
    why: 'PostgreSQL only updates the catalog, so it is no lock danger; ' +
        'deployed code that assumes the column is never NULL may break on new NULLs',
    fix: 'make readers NULL-safe and deploy them first, then drop the constraint',
    detection: 'ALTER COLUMN ... DROP NOT NULL (change_column_null true, nullable=True); off by default: the statement is catalog-only',
    level: 'off',
    dialects: types/* PG_ONLY */.fG,
    sql: {
        alter: {
            AT_DropNotNull: (cmd, t, isNew, _s, emit) => {
                if (!isNew)
                    emit({
                        id: 'drop-not-null',
                        detail: `ALTER COLUMN ${t}.${String(cmd.name)} DROP NOT NULL`,
                        table: t,
                        names: { table: t, column: String(cmd.name) },
                    });
            },
        },
    },
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/drop-table.ts


/* harmony default export */ const drop_table = ((0,types/* defineDanger */.$f)({
    id: 'drop-table',
    title: 'DROP TABLE',
    lock: 'ACCESS EXCLUSIVE',
    why: 'irreversible data loss, and deployed code that still uses the table breaks',
    fix: 'remove all code using the table and deploy first; rename it aside (or back it up) and drop it in a later release',
    detection: 'DROP TABLE (drop_table, create_table force:, DeleteModel, op.drop_table) of a table not created in this change',
    level: 'fail',
    lockDanger: true,
    dialects: types/* ALL_DIALECTS */.qV,
    recipe: (r) => r.table
        ? `first release: remove every use of ${r.table} and deploy; ` +
            `then ALTER TABLE ${r.table} RENAME TO ${r.table}_to_drop; and DROP TABLE ${r.table}_to_drop; ` +
            `in a later release (after a backup)`
        : undefined,
    sql: {
        stmt: {
            DropStmt: (n, s, emit) => {
                if (n.removeType !== 'OBJECT_TABLE')
                    return;
                const existing = dropNames(n).filter((x) => !s.isNew(x));
                if (existing.length)
                    emit({ id: 'drop-table', detail: `DROP TABLE ${existing.join(', ')}`, names: { table: existing[0] } });
            },
        },
    },
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/enum-add-value-unordered.ts


/* harmony default export */ const enum_add_value_unordered = ((0,types/* defineDanger */.$f)({
    id: 'enum-add-value-unordered',
    title: 'ALTER TYPE ... ADD VALUE without a position',
    lock: 'ACCESS EXCLUSIVE',
    why: 'the value is appended last (enum order drives ORDER BY and comparisons), ' +
        'and before PostgreSQL 12 ADD VALUE cannot run in a transaction block; ' +
        'the new value cannot be used in the same transaction',
    fix: "ALTER TYPE t ADD VALUE IF NOT EXISTS 'v' BEFORE 'x' (or AFTER), in its own migration; " +
        'or a lookup table / text + CHECK instead of an enum',
    detection: 'ALTER TYPE ... ADD VALUE without BEFORE/AFTER',
    level: 'warn',
    dialects: types/* PG_ONLY */.fG,
    recipe: (r) => r.type && r.value
        ? `ALTER TYPE ${r.type} ADD VALUE IF NOT EXISTS '${r.value}' AFTER '<existing value>'; -- in a migration of its own`
        : undefined,
    sql: {
        stmt: {
            AlterEnumStmt: (n, s, emit) => {
                if (n.newVal === undefined || n.oldVal !== undefined || n.newValNeighbor)
                    return;
                const names = (n.typeName ?? []).map(sql_ast/* str */.gx).filter(Boolean);
                const fails = s.pgVersion < 12 && s.inTx() ? ' (and inside a transaction on PostgreSQL < 12: it fails)' : '';
                emit({
                    id: 'enum-add-value-unordered',
                    detail: `ALTER TYPE ... ADD VALUE '${n.newVal}' without BEFORE/AFTER${fails}`,
                    names: { type: names.join('.'), value: n.newVal },
                });
            },
        },
    },
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/expand-contract.ts

/* harmony default export */ const expand_contract = ((0,types/* defineDanger */.$f)({
    id: 'expand-contract',
    title: 'Column dropped/renamed together with application code',
    lock: 'none',
    why: 'the migration runs before (or after) the new code is live on every instance: ' +
        'old instances crash on the missing column during the deploy',
    fix: 'ship the code change first (stop using the column), then drop/rename it in a separate, later PR',
    detection: 'a drop-column / rename-column in a PR that also changes application code (app_paths, ' +
        'minus app_exclude: tests, schema dumps, other migrations)',
    level: 'warn',
    dialects: types/* ALL_DIALECTS */.qV,
}));

// EXTERNAL MODULE: ./src/rules/migration-safety/dangers/foreign-syntax.ts
var foreign_syntax = __webpack_require__(78368);
;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/lock-timeout-missing.ts

/* harmony default export */ const lock_timeout_missing = ((0,types/* defineDanger */.$f)({
    id: 'lock-timeout-missing',
    title: 'DDL without lock_timeout',
    lock: 'n/a',
    why: 'a DDL statement queued behind a long query blocks every query that arrives after it, for as long as it waits',
    fix: "SET lock_timeout = '2s'; at the top of the migration (retry the migration on timeout)",
    detection: 'with require_lock_timeout: the first statement of a SQL file that locks an existing table, ' +
        'when no SET lock_timeout precedes it (detected by the SQL analysis itself, ../sql.ts)',
    level: 'warn',
    dialects: types/* PG_ONLY */.fG,
    recipe: () => "SET lock_timeout = '2s'; -- first line of the migration",
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/migration-edited.ts

/* harmony default export */ const migration_edited = ((0,types/* defineDanger */.$f)({
    id: 'migration-edited',
    title: 'Already-merged migration edited, renamed or deleted',
    lock: 'none',
    why: 'it has already run in production (and on every developer database) and will not run again: ' +
        'the change never reaches them and the schemas drift',
    fix: 'revert the change to the existing file and write a new migration that makes the change',
    detection: 'a migration that existed on the base branch is deleted, renamed, ' +
        'or edited so that its statements change (parse trees compared without comments, layout, ' +
        'heredoc indentation or timeout values; rollback files capped at rollback_level); ' +
        'one that no release tag holds yet is capped at unreleased_edit_level (notice); ' +
        'an edit of a Rails/Django/Alembic migration in its data or helper code only (its schema calls and ' +
        'the code feeding them unchanged), or in how its statements run only (CONCURRENTLY, outside the ' +
        'transaction, IF [NOT] EXISTS: what the new text adds is checked as in a new migration), at data_edit_level (notice); ' +
        'idempotent SQL statements (IF NOT EXISTS, IF EXISTS, ' +
        'OR REPLACE) moved unchanged into a migration the same PR adds are a notice',
    level: 'fail',
    dialects: types/* ALL_DIALECTS */.qV,
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/missing-down.ts

/* harmony default export */ const missing_down = ((0,types/* defineDanger */.$f)({
    id: 'missing-down',
    title: 'No way back',
    lock: 'none',
    why: 'the framework supports a rollback but this migration gives none: a bad deploy cannot be rolled back quickly',
    fix: 'golang-migrate: add the matching .down.sql; dbmate: add a -- migrate:down section; ' +
        'Alembic: implement downgrade(); Django: give RunSQL a reverse_sql / RunPython a reverse_code; ' +
        'Rails: use up/down or reversible for irreversible operations',
    detection: 'a new .up.sql without its .down.sql (same dialect suffix, or the generic one; ' +
        'a notice in a folder that has no .down.sql at all), a dbmate file without -- migrate:down, ' +
        'a sqitch deploy without revert, an Alembic downgrade() that only passes (a notice when its own comment says why, ' +
        'or when upgrade() only reads or writes rows), ' +
        'RunSQL/RunPython without a reverse, an irreversible Rails operation in def change',
    level: 'warn',
    dialects: types/* ALL_DIALECTS */.qV,
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/prefer-bigint-key.ts


const INT_KEY_TYPES = new Set(['int4', 'int2', 'serial', 'serial4', 'smallserial', 'serial2', 'int', 'integer', 'smallint']);
/* harmony default export */ const prefer_bigint_key = ((0,types/* defineDanger */.$f)({
    id: 'prefer-bigint-key',
    title: 'int / serial key',
    lock: 'none',
    why: 'a 32-bit key runs out at 2.1 billion rows, and widening it later rewrites the table',
    fix: 'id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY (and bigint for the foreign keys pointing at it)',
    detection: "a primary key or serial column of a 32/16-bit integer type (CockroachDB's INT is 64-bit, so not there)",
    level: 'warn',
    dialects: types/* PG_ONLY */.fG,
    recipe: (r) => (r.column ? `${r.column} bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY` : undefined),
    sql: {
        column: (col, c, _s, emit) => {
            const name = (0,sql_ast/* typeNameOf */.BR)(col.typeName).name;
            if (!INT_KEY_TYPES.has(name))
                return;
            const pk = c.isPk || (0,sql_ast/* constraintsOf */.Im)(col).some((x) => x.contype === 'CONSTR_PRIMARY');
            if (pk || name.includes('serial'))
                emit({
                    id: 'prefer-bigint-key',
                    detail: `${pk ? 'key' : 'column'} ${col.colname ?? ''} is ${name}`,
                    names: { table: c.table, column: col.colname ?? '' },
                });
        },
    },
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/prefer-jsonb.ts


/* harmony default export */ const prefer_jsonb = ((0,types/* defineDanger */.$f)({
    id: 'prefer-jsonb',
    title: 'json column',
    lock: 'none',
    why: 'json keeps the raw text: no equality operator, no GIN indexing, reparsed on every access',
    fix: 'use jsonb',
    detection: 'a column of type json (CREATE TABLE, ADD COLUMN, ALTER COLUMN TYPE; ' +
        ":json in Rails, JSON in Alembic); CockroachDB's JSON is JSONB, so not there",
    level: 'warn',
    dialects: types/* PG_ONLY */.fG,
    recipe: (r) => (r.table && r.column ? (r.framework === 'rails' ? `t.jsonb :${r.column}` : `${r.column} jsonb`) : undefined),
    sql: {
        column: (col, c, _s, emit) => {
            if ((0,sql_ast/* typeNameOf */.BR)(col.typeName).name === 'json')
                emit({
                    id: 'prefer-jsonb',
                    detail: `column ${col.colname ?? ''} is json`,
                    names: { table: c.table, column: col.colname ?? '' },
                });
        },
    },
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/prefer-text.ts


/* harmony default export */ const prefer_text = ((0,types/* defineDanger */.$f)({
    id: 'prefer-text',
    title: 'char(n)',
    lock: 'none',
    why: 'char(n) pads with spaces and is no faster than text; padding surprises comparisons',
    fix: 'use text (with a CHECK (length(c) <= n) when a limit is needed) or varchar(n)',
    detection: 'a column of type char(n) / character(n)',
    level: 'warn',
    dialects: types/* PG_FAMILY */.v5,
    recipe: (r) => (r.column ? `${r.column} text` : undefined),
    sql: {
        column: (col, c, _s, emit) => {
            if ((0,sql_ast/* typeNameOf */.BR)(col.typeName).name === 'bpchar')
                emit({
                    id: 'prefer-text',
                    detail: `column ${col.colname ?? ''} is char(n)`,
                    names: { table: c.table, column: col.colname ?? '' },
                });
        },
    },
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/prefer-timestamptz.ts


/* harmony default export */ const prefer_timestamptz = ((0,types/* defineDanger */.$f)({
    id: 'prefer-timestamptz',
    title: 'timestamp without time zone',
    lock: 'none',
    why: 'values are stored without an offset: their meaning depends on each client session time zone',
    fix: 'use timestamptz (timestamp with time zone)',
    detection: 'a column of type timestamp without time zone',
    level: 'warn',
    dialects: types/* PG_FAMILY */.v5,
    recipe: (r) => (r.column ? `${r.column} timestamptz` : undefined),
    sql: {
        column: (col, c, _s, emit) => {
            if ((0,sql_ast/* typeNameOf */.BR)(col.typeName).name === 'timestamp')
                emit({
                    id: 'prefer-timestamptz',
                    detail: `column ${col.colname ?? ''} is timestamp without time zone`,
                    names: { table: c.table, column: col.colname ?? '' },
                });
        },
    },
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/reindex-non-concurrent.ts


/* harmony default export */ const reindex_non_concurrent = ((0,types/* defineDanger */.$f)({
    id: 'reindex-non-concurrent',
    title: 'REINDEX without CONCURRENTLY',
    lock: 'ACCESS EXCLUSIVE on the index, SHARE on the table',
    why: 'writes are blocked (and reads using the index) for the whole rebuild',
    fix: 'REINDEX INDEX CONCURRENTLY ... (PostgreSQL 12+, outside a transaction)',
    detection: 'REINDEX without CONCURRENTLY',
    level: 'fail',
    lockDanger: true,
    scalesWithTable: true,
    dialects: types/* PG_ONLY */.fG,
    recipe: (r) => {
        const name = r.index ?? r.table;
        if (!(r.index || r.table) || name === undefined)
            return undefined;
        return `REINDEX ${r.index ? 'INDEX' : 'TABLE'} CONCURRENTLY ${(0,sql_ast/* ident */.bD)(name)}; -- PostgreSQL 12+, outside a transaction`;
    },
    sql: {
        stmt: {
            ReindexStmt: (n, _s, emit) => {
                const concurrent = (n.params ?? []).some((p) => 'DefElem' in p && p.DefElem.defname === 'concurrently');
                if (concurrent)
                    return;
                const t = (0,sql_ast/* relName */.ve)(n.relation);
                const isIndex = n.kind === 'REINDEX_OBJECT_INDEX';
                emit({
                    id: 'reindex-non-concurrent',
                    detail: `REINDEX ${t ?? ''} without CONCURRENTLY`.replace('  ', ' '),
                    table: isIndex ? undefined : t,
                    names: isIndex ? { index: t } : { table: t },
                });
            },
        },
    },
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/rename-column.ts


/* harmony default export */ const rename_column = ((0,types/* defineDanger */.$f)({
    id: 'rename-column',
    title: 'RENAME COLUMN',
    lock: 'ACCESS EXCLUSIVE',
    why: 'code that is deployed reads the old name: it breaks between the migration and the deploy',
    fix: 'expand/contract: add the new column, dual-write, backfill, move reads, ' +
        'drop the old column in a later release (or a view exposing both names)',
    detection: 'RENAME COLUMN (rename_column, t.rename, RenameField, op.alter_column new_column_name) on an existing table',
    level: 'fail',
    lockDanger: true,
    dialects: types/* ALL_DIALECTS */.qV,
    recipe: (r) => {
        if (!r.table || !r.column || !r.newName)
            return undefined;
        return (`ALTER TABLE ${(0,sql_ast/* ident */.bD)(r.table)} ADD COLUMN ${(0,sql_ast/* ident */.bD)(r.newName)} <type of ${r.column}>;\n` +
            `-- dual-write ${r.column} and ${r.newName}, backfill ${r.newName} in batches, ` +
            `move reads to ${r.newName}, then in a later release:\n` +
            `ALTER TABLE ${(0,sql_ast/* ident */.bD)(r.table)} DROP COLUMN ${(0,sql_ast/* ident */.bD)(r.column)};`);
    },
    sql: {
        stmt: {
            RenameStmt: (n, s, emit) => {
                const t = (0,sql_ast/* relName */.ve)(n.relation);
                if (n.renameType !== 'OBJECT_COLUMN' || s.isNew(t))
                    return;
                const column = String(n.subname);
                emit({
                    id: 'rename-column',
                    detail: `RENAME COLUMN ${t}.${column} to ${String(n.newname)}`,
                    table: t,
                    column_name: column,
                    names: { table: t, column, newName: String(n.newname) },
                });
            },
        },
    },
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/rename-table.ts


/* harmony default export */ const rename_table = ((0,types/* defineDanger */.$f)({
    id: 'rename-table',
    title: 'RENAME TABLE',
    lock: 'ACCESS EXCLUSIVE',
    why: 'code that is deployed queries the old name: it breaks between the migration and the deploy',
    fix: 'create the new table and copy/dual-write, or rename and leave a view with the old name (CREATE VIEW ' +
        'old AS SELECT * FROM new) until the code moved',
    detection: 'ALTER TABLE ... RENAME TO (rename_table, RenameModel, op.rename_table) of an existing table',
    level: 'fail',
    lockDanger: true,
    dialects: types/* ALL_DIALECTS */.qV,
    recipe: (r) => r.table && r.newName
        ? `ALTER TABLE ${(0,sql_ast/* ident */.bD)(r.table)} RENAME TO ${(0,sql_ast/* ident */.bD)(r.newName)};\n` +
            `CREATE VIEW ${(0,sql_ast/* ident */.bD)(r.table)} AS SELECT * FROM ${(0,sql_ast/* ident */.bD)(r.newName)}; ` +
            `-- until no deployed code uses ${r.table}`
        : undefined,
    sql: {
        stmt: {
            RenameStmt: (n, s, emit) => {
                const t = (0,sql_ast/* relName */.ve)(n.relation);
                if (n.renameType !== 'OBJECT_TABLE' || s.isNew(t))
                    return;
                emit({
                    id: 'rename-table',
                    detail: `RENAME TABLE ${t} to ${String(n.newname)}`,
                    table: t,
                    names: { table: t, newName: String(n.newname) },
                });
            },
        },
    },
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/set-not-null.ts


/* harmony default export */ const set_not_null = ((0,types/* defineDanger */.$f)({
    id: 'set-not-null',
    title: 'SET NOT NULL on an existing column',
    lock: 'ACCESS EXCLUSIVE',
    why: 'PostgreSQL scans the whole table to check for NULLs while holding the lock',
    fix: 'ALTER TABLE t ADD CONSTRAINT t_c_not_null CHECK (c IS NOT NULL) NOT VALID; ' +
        'ALTER TABLE t VALIDATE CONSTRAINT t_c_not_null; ALTER TABLE t ALTER COLUMN c SET NOT NULL; ' +
        'ALTER TABLE t DROP CONSTRAINT t_c_not_null (PostgreSQL 12+ skips the scan)',
    detection: 'ALTER COLUMN ... SET NOT NULL (change_column_null false, nullable=False) on an existing table, ' +
        'unless a validated CHECK (c IS NOT NULL) precedes it',
    level: 'fail',
    lockDanger: true,
    scalesWithTable: true,
    dialects: types/* PG_ONLY */.fG,
    recipe: (r) => {
        if (!r.table || !r.column)
            return undefined;
        const c = `${r.table}_${r.column}_not_null`;
        if (r.framework === 'rails') {
            return (`add_check_constraint :${r.table}, "${r.column} IS NOT NULL", name: "${c}", validate: false; ` +
                `then in a second migration: validate_check_constraint :${r.table}, name: "${c}"; ` +
                `change_column_null :${r.table}, :${r.column}, false; ` +
                `remove_check_constraint :${r.table}, name: "${c}"`);
        }
        const t = (0,sql_ast/* ident */.bD)(r.table);
        const sql = `ALTER TABLE ${t} ADD CONSTRAINT ${(0,sql_ast/* ident */.bD)(c)} CHECK (${(0,sql_ast/* ident */.bD)(r.column)} IS NOT NULL) NOT VALID;\n` +
            `ALTER TABLE ${t} VALIDATE CONSTRAINT ${(0,sql_ast/* ident */.bD)(c)};\n` +
            `ALTER TABLE ${t} ALTER COLUMN ${(0,sql_ast/* ident */.bD)(r.column)} SET NOT NULL; ` +
            `-- PostgreSQL 12+ uses the constraint and skips the scan\n` +
            `ALTER TABLE ${t} DROP CONSTRAINT ${(0,sql_ast/* ident */.bD)(c)};`;
        if (r.framework === 'django')
            return `migrations.RunSQL(...) with:\n${sql}`;
        if (r.framework === 'alembic')
            return `op.execute(...) with:\n${sql}`;
        return sql;
    },
    sql: {
        alter: {
            AT_SetNotNull: (cmd, t, isNew, s, emit) => {
                const column = String(cmd.name).toLowerCase();
                if (isNew || s.notNullProven(t, column))
                    return;
                emit({ id: 'set-not-null', detail: `ALTER COLUMN ${t}.${column} SET NOT NULL`, table: t, names: { table: t, column } });
            },
        },
    },
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/syntax-error.ts

/* harmony default export */ const syntax_error = ((0,types/* defineDanger */.$f)({
    id: 'syntax-error',
    title: 'Unparseable SQL',
    lock: 'unknown',
    why: 'the migration could not be parsed by the PostgreSQL parser (syntax error or psql meta-command), so it was not checked',
    fix: 'fix the syntax; move psql meta-commands (\\set, \\i) out of the migration; ' +
        'if the file runs on another database, say so with the dialect option (per glob) or a dialect suffix/folder',
    detection: 'a PostgreSQL file the PostgreSQL parser rejects (files of other dialects are never parsed as ' +
        'PostgreSQL; CockroachDB-only syntax is listed as not checked)',
    level: 'fail',
    dialects: types/* PG_ONLY */.fG,
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/table-copy-alter.ts

/** A MySQL identifier, back-quoted when it is not a plain name. */
const q = (s) => (/^[a-z_][a-z0-9_$]*$/i.test(s) ? s : '`' + s.replace(/`/g, '``') + '`');
/* harmony default export */ const table_copy_alter = ((0,types/* defineDanger */.$f)({
    id: 'table-copy-alter',
    title: 'ALTER TABLE that MySQL runs by copying the table',
    lock: "MySQL's ALGORITHM=COPY: reads allowed, writes blocked until every row is copied to the new table",
    why: "changing a column's data type cannot be done in place: MySQL copies every row into a new table and blocks " +
        'writes for the whole copy, minutes to hours on a big table',
    fix: 'run the change with an online schema-change tool (gh-ost, pt-online-schema-change), or change the type in ' +
        'steps MySQL does in place (a VARCHAR widened within 255 bytes); ALGORITHM=INPLACE, LOCK=NONE on the ALTER ' +
        'makes MySQL refuse a copy instead of blocking writes',
    detection: "MySQL files (read with MySQL's grammar): MODIFY / CHANGE COLUMN whose type differs from the column's type " +
        "before it (from the migration's rollback file, else from the folder's earlier MySQL migrations), on a table " +
        'the migration does not create; the same type with other NULL / DEFAULT attributes and a VARCHAR widened within ' +
        'its length prefix (255 bytes, 63 characters at utf8mb4) are in place; nothing without a known type before, or ' +
        'when the ALTER names its ALGORITHM or LOCK; a statement the grammar cannot read, nested more than 3 parentheses deep ' +
        "or past the run's 5 s of MySQL parsing is listed as not checked (MySQL syntax)",
    level: 'fail',
    lockDanger: true,
    scalesWithTable: true,
    dialects: ['mysql'],
    recipe: (r) => r.table && r.column && r.type
        ? `gh-ost --database=<db> --table=${q(r.table)} --alter="MODIFY ${q(r.column)} ${r.type}" --execute ` +
            `(or: pt-online-schema-change --alter "MODIFY ${q(r.column)} ${r.type}" D=<db>,t=${q(r.table)} --execute)`
        : undefined,
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/truncate-cascade.ts


/* harmony default export */ const truncate_cascade = ((0,types/* defineDanger */.$f)({
    id: 'truncate-cascade',
    title: 'TRUNCATE ... CASCADE',
    lock: 'ACCESS EXCLUSIVE on every referencing table',
    why: 'silently empties every table that references this one through a foreign key',
    fix: 'TRUNCATE only the tables you name (RESTRICT, the default), or DELETE in batches',
    detection: 'TRUNCATE ... CASCADE',
    level: 'fail',
    dialects: types/* PG_FAMILY */.v5,
    recipe: (r) => (r.table ? `TRUNCATE ${r.table}; -- RESTRICT: fails instead of emptying the tables that reference ${r.table}` : undefined),
    sql: {
        stmt: {
            TruncateStmt: (n, _s, emit) => {
                if (n.behavior !== 'DROP_CASCADE')
                    return;
                const first = n.relations?.[0];
                const t = (0,sql_ast/* relName */.ve)(first && 'RangeVar' in first ? first.RangeVar : undefined);
                emit({ id: 'truncate-cascade', detail: 'TRUNCATE ... CASCADE', names: { table: t } });
            },
        },
    },
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/unique-without-index.ts


/* harmony default export */ const unique_without_index = ((0,types/* defineDanger */.$f)({
    id: 'unique-without-index',
    title: 'ADD UNIQUE / PRIMARY KEY building its index under the lock',
    lock: 'ACCESS EXCLUSIVE',
    why: 'the unique index is built while reads and writes are blocked',
    fix: 'CREATE UNIQUE INDEX CONCURRENTLY t_c_key ON t (c); ' +
        'ALTER TABLE t ADD CONSTRAINT t_c_key UNIQUE USING INDEX t_c_key (or PRIMARY KEY USING INDEX)',
    detection: 'ADD UNIQUE / PRIMARY KEY (constraint or column) on an existing table without USING INDEX',
    level: 'fail',
    lockDanger: true,
    scalesWithTable: true,
    dialects: types/* PG_ONLY */.fG,
    recipe: (r) => {
        if (!r.table || !r.columns?.length)
            return undefined;
        const name = r.constraint ?? `${r.table}_${r.columns.join('_')}_key`;
        const kind = r.value === 'PRIMARY KEY' ? 'PRIMARY KEY' : 'UNIQUE';
        return (`CREATE UNIQUE INDEX CONCURRENTLY ${(0,sql_ast/* ident */.bD)(name)} ON ${(0,sql_ast/* ident */.bD)(r.table)} ` +
            `(${r.columns.map(sql_ast/* ident */.bD).join(', ')}); -- outside a transaction\n` +
            `ALTER TABLE ${(0,sql_ast/* ident */.bD)(r.table)} ADD CONSTRAINT ${(0,sql_ast/* ident */.bD)(name)} ${kind} USING INDEX ${(0,sql_ast/* ident */.bD)(name)};`);
    },
    sql: {
        alter: {
            AT_AddColumn: (cmd, t, isNew, _s, emit) => {
                const col = (0,sql_ast/* columnDefOf */.lF)(cmd);
                if (!col || isNew)
                    return;
                const colname = String(col.colname);
                const c = (0,sql_ast/* constraintsOf */.Im)(col).find((x) => (x.contype === 'CONSTR_UNIQUE' || x.contype === 'CONSTR_PRIMARY') && !x.indexname);
                if (c)
                    emit({
                        id: 'unique-without-index',
                        detail: `ADD COLUMN ${t}.${colname} UNIQUE/PRIMARY KEY builds an index under the lock`,
                        table: t,
                        names: { table: t, columns: [colname], value: c.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : 'UNIQUE' },
                    });
            },
            AT_AddConstraint: (cmd, t, isNew, _s, emit) => {
                const c = (0,sql_ast/* constraintOf */.vY)(cmd);
                if (!c || isNew || c.indexname || (c.contype !== 'CONSTR_UNIQUE' && c.contype !== 'CONSTR_PRIMARY'))
                    return;
                const name = c.conname ? c.conname : undefined;
                const kind = c.contype === 'CONSTR_UNIQUE' ? 'UNIQUE' : 'PRIMARY KEY';
                emit({
                    id: 'unique-without-index',
                    detail: `ADD ${kind} ${name ?? '(unnamed)'} on ${t} builds its index under the lock`,
                    table: t,
                    names: { table: t, constraint: name, columns: (0,sql_ast/* keyNames */.mu)(c.keys), value: kind },
                });
            },
        },
    },
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/vacuum-full.ts


/* harmony default export */ const vacuum_full = ((0,types/* defineDanger */.$f)({
    id: 'vacuum-full',
    title: 'VACUUM FULL',
    lock: 'ACCESS EXCLUSIVE',
    why: 'rewrites the whole table while nothing can read or write it',
    fix: 'plain VACUUM (no lock on reads/writes), or pg_repack / pg_squeeze for an online rewrite',
    detection: 'VACUUM (FULL) / VACUUM FULL',
    level: 'fail',
    lockDanger: true,
    scalesWithTable: true,
    dialects: types/* PG_ONLY */.fG,
    recipe: (r) => (r.table ? `VACUUM ${r.table}; -- or pg_repack --table ${r.table} for an online rewrite` : undefined),
    sql: {
        stmt: {
            VacuumStmt: (n, _s, emit) => {
                const full = (n.options ?? []).some((p) => 'DefElem' in p && p.DefElem.defname === 'full');
                if (!full || n.is_vacuumcmd === false)
                    return;
                const rels = (n.rels ?? []).map((r) => (0,sql_ast/* relName */.ve)('VacuumRelation' in r ? r.VacuumRelation.relation : undefined));
                const table = rels.length === 1 ? rels[0] : undefined;
                emit({ id: 'vacuum-full', detail: `VACUUM FULL ${rels.join(', ')}`.trim(), table, names: { table } });
            },
        },
    },
}));

;// CONCATENATED MODULE: ./src/rules/migration-safety/dangers/index.ts
/**
 * Every migration danger, one module each, registered here. The order is the order of the docs and of
 * `pr-gate explain migration-safety`.
 */

































const DANGER_LIST = [
    create_index_non_concurrent,
    drop_index_non_concurrent,
    reindex_non_concurrent,
    concurrently_in_transaction,
    add_column_not_null_no_default,
    add_column_volatile_default,
    set_not_null,
    change_column_type/* default */.A,
    constraint_not_valid_missing/* default */.A,
    unique_without_index,
    rename_column,
    rename_table,
    drop_column,
    drop_table,
    drop_database,
    truncate_cascade,
    drop_not_null,
    detach_partition_non_concurrent,
    vacuum_full,
    cluster,
    enum_add_value_unordered,
    backfill_in_transaction/* default */.Ay,
    table_copy_alter,
    prefer_jsonb,
    prefer_bigint_key,
    prefer_timestamptz,
    prefer_text,
    lock_timeout_missing,
    syntax_error,
    foreign_syntax/* default */.A,
    migration_edited,
    missing_down,
    expand_contract,
];


/***/ }),

/***/ 54511:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $f: () => (/* binding */ defineDanger),
/* harmony export */   fG: () => (/* binding */ PG_ONLY),
/* harmony export */   md: () => (/* binding */ DIALECT_NAMES),
/* harmony export */   qV: () => (/* binding */ ALL_DIALECTS),
/* harmony export */   v5: () => (/* binding */ PG_FAMILY)
/* harmony export */ });
const DIALECT_NAMES = {
    postgres: 'PostgreSQL',
    cockroach: 'CockroachDB',
    mysql: 'MySQL',
    sqlite: 'SQLite',
    sqlserver: 'SQL Server',
    oracle: 'Oracle',
    other: 'another database',
};
/** Every dialect: dangers about data, deploy order and process, not about PostgreSQL's locks. */
const ALL_DIALECTS = ['postgres', 'cockroach', 'mysql', 'sqlite', 'sqlserver', 'oracle', 'other'];
/** PostgreSQL only: lock and rewrite dangers (CockroachDB changes schemas online, as background jobs). */
const PG_ONLY = ['postgres'];
/** PostgreSQL and CockroachDB: SQL-level dangers both hold (data loss, deploy order). */
const PG_FAMILY = ['postgres', 'cockroach'];
function defineDanger(d) {
    return d;
}


/***/ }),

/***/ 79836:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BR: () => (/* binding */ typeNameOf),
/* harmony export */   Im: () => (/* binding */ constraintsOf),
/* harmony export */   bD: () => (/* binding */ ident),
/* harmony export */   cW: () => (/* binding */ indexColumns),
/* harmony export */   fP: () => (/* binding */ simpleSql),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   lF: () => (/* binding */ columnDefOf),
/* harmony export */   mu: () => (/* binding */ keyNames),
/* harmony export */   oA: () => (/* binding */ unwrap),
/* harmony export */   pN: () => (/* binding */ exprFunctions),
/* harmony export */   vY: () => (/* binding */ constraintOf),
/* harmony export */   ve: () => (/* binding */ relName),
/* harmony export */   wQ: () => (/* binding */ typeText)
/* harmony export */ });
/* unused harmony exports isNode, hasKey */
/**
 * The kind and body of a node. libpg-query wraps each node as `{ Kind: body }`, with exactly one key, so its
 * key is its kind and its value the body of that kind; TypeScript types `Object.entries` with plain strings,
 * hence the one assertion that puts the two back together.
 */
function unwrap(node) {
    const [kind, n] = Object.entries(node)[0];
    const u = { kind, n };
    return u;
}
/**
 * Whether a value met in a walk of the tree (e.g. of an expression) is a node: an object with one key named
 * after its kind. Node kinds are PascalCase and the fields of a node's body lower case, so this tells the
 * `{ Kind: body }` wrappers from the bodies and from the structs that are not wrapped (a RangeVar, a TypeName).
 */
function isNode(x) {
    if (typeof x !== 'object' || x === null || Array.isArray(x))
        return false;
    const keys = Object.keys(x);
    return keys.length === 1 && /^[A-Z]/.test(keys[0]);
}
function str(n) {
    if (n && 'String' in n)
        return n.String.sval ?? '';
    return undefined;
}
function intval(n) {
    if (!('A_Const' in n))
        return undefined;
    return n.A_Const.ival?.ival ?? 0;
}
function typeNameOf(tn) {
    const t = tn ?? {};
    const names = (t.names ?? []).map(str).filter((s) => s !== undefined);
    const name = names.at(-1) ?? '';
    return { name: name.toLowerCase() + (t.arrayBounds ? '[]' : ''), mods: t.typmods?.length ?? 0, args: (t.typmods ?? []).map(intval) };
}
/** The type as SQL text: varchar(255), numeric(10,2), text. */
function typeText(t) {
    const alias = {
        int4: 'integer',
        int8: 'bigint',
        int2: 'smallint',
        bpchar: 'char',
        float8: 'double precision',
        float4: 'real',
        bool: 'boolean',
    };
    const base = alias[t.name] ?? t.name;
    return t.args.length && t.args.every((a) => a !== undefined) ? `${base}(${t.args.join(',')})` : base;
}
function relName(rv) {
    return rv?.relname?.toLowerCase();
}
/** The column definition an ALTER TABLE subcommand carries (ADD COLUMN, ALTER COLUMN TYPE). */
function columnDefOf(cmd) {
    const d = cmd.def;
    return d && 'ColumnDef' in d ? d.ColumnDef : undefined;
}
/** The constraint an ALTER TABLE subcommand carries (ADD CONSTRAINT). */
function constraintOf(cmd) {
    const d = cmd.def;
    return d && 'Constraint' in d ? d.Constraint : undefined;
}
function constraintsOf(col) {
    return (col.constraints ?? []).flatMap((c) => ('Constraint' in c ? [c.Constraint] : []));
}
function keyNames(keys) {
    return (keys ?? []).map(str).filter((s) => s !== undefined);
}
/** Columns of an index: plain column names, or the expression's text marker. */
function indexColumns(params) {
    return (params ?? []).map((p) => ('IndexElem' in p ? p.IndexElem.name : undefined) ?? '(expression)');
}
/** The last of a qualified name's parts (`pg_catalog.now` -> now), lower case; '' when there is none. */
function lastName(parts) {
    return (str((parts ?? []).at(-1)) ?? '').toLowerCase();
}
/** Walks an expression, returning the names of every function called (lower-case). */
function exprFunctions(expr, out = []) {
    if (Array.isArray(expr)) {
        for (const e of expr)
            exprFunctions(e, out);
    }
    else if (expr && typeof expr === 'object') {
        if (isNode(expr)) {
            if ('FuncCall' in expr)
                out.push(lastName(expr.FuncCall.funcname));
            else if ('SQLValueFunction' in expr)
                out.push((expr.SQLValueFunction.op ?? '').toLowerCase());
        }
        for (const v of Object.values(expr))
            exprFunctions(v, out);
    }
    return out;
}
/** Whether a node tree contains a key (e.g. SubLink, ColumnRef). */
function hasKey(n, key) {
    if (Array.isArray(n))
        return n.some((x) => hasKey(x, key));
    if (n && typeof n === 'object') {
        for (const [k, v] of Object.entries(n))
            if (k === key || hasKey(v, key))
                return true;
    }
    return false;
}
/**
 * PostgreSQL's keywords that cannot name a table or column unquoted (kwlist.h: RESERVED_KEYWORD and
 * TYPE_FUNC_NAME_KEYWORD; Appendix C of the manual). A recipe for a table named `order` or `user` must quote it.
 */
const RESERVED = new Set(('all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create ' +
    'current_catalog current_date current_role current_time current_timestamp current_user default deferrable desc ' +
    'distinct do else end except false fetch for foreign from grant group having in initially intersect into lateral ' +
    'leading limit localtime localtimestamp not null offset on only or order placing primary references returning ' +
    'select session_user some symmetric system_user table then to trailing true union unique user using variadic when ' +
    'where window with authorization binary collation concurrently cross current_schema freeze full ilike inner is ' +
    'isnull join left like natural notnull outer overlaps right similar tablesample verbose').split(' '));
/** Quotes an identifier for a recipe only when it needs it (not lower-case plain, or a reserved word). */
function ident(s) {
    return /^[a-z_][a-z0-9_$]*$/.test(s) && !RESERVED.has(s) ? s : `"${s.replace(/"/g, '""')}"`;
}
const COMPARISONS = new Set(['=', '<>', '!=', '<', '>', '<=', '>=']);
/**
 * A simple expression back as SQL, for a recipe to repeat what the user wrote: constants (cast or not),
 * column references, IS [NOT] NULL, comparisons and AND/OR/NOT of these. Anything else (a function, a
 * subquery, JSON operators) gives undefined: the recipe then keeps its placeholder rather than guess.
 */
function simpleSql(n) {
    if (!n)
        return undefined;
    if ('A_Const' in n) {
        const c = n.A_Const;
        if (c.isnull)
            return 'NULL';
        if (c.sval)
            return `'${(c.sval.sval ?? '').replace(/'/g, "''")}'`;
        if (c.ival)
            return String(c.ival.ival ?? 0);
        if (c.fval)
            return c.fval.fval;
        if (c.boolval)
            return c.boolval.boolval ? 'true' : 'false';
        return undefined;
    }
    if ('TypeCast' in n) {
        const arg = simpleSql(n.TypeCast.arg);
        const t = n.TypeCast.typeName;
        return arg && t ? `${arg}::${typeText(typeNameOf(t))}` : undefined;
    }
    if ('ColumnRef' in n) {
        const fields = n.ColumnRef.fields ?? [];
        const parts = fields.map(str).filter((p) => p !== undefined);
        return parts.length && parts.length === fields.length ? parts.map(ident).join('.') : undefined;
    }
    if ('NullTest' in n) {
        const arg = simpleSql(n.NullTest.arg);
        return arg && `${arg} ${n.NullTest.nulltesttype === 'IS_NULL' ? 'IS NULL' : 'IS NOT NULL'}`;
    }
    if ('A_Expr' in n && n.A_Expr.kind === 'AEXPR_OP') {
        const op = str(n.A_Expr.name?.[0]);
        const l = simpleSql(n.A_Expr.lexpr);
        const r = simpleSql(n.A_Expr.rexpr);
        return op && COMPARISONS.has(op) && l && r ? `${l} ${op} ${r}` : undefined;
    }
    if ('A_Expr' in n && n.A_Expr.kind === 'AEXPR_IN') {
        const l = simpleSql(n.A_Expr.lexpr);
        const r = n.A_Expr.rexpr;
        const items = r && 'List' in r ? (r.List.items ?? []).map((i) => simpleSql(i)) : [];
        if (!l || !items.length || items.some((i) => i === undefined))
            return undefined;
        return `${l} ${str(n.A_Expr.name?.[0]) === '<>' ? 'NOT IN' : 'IN'} (${items.join(', ')})`;
    }
    if ('BoolExpr' in n) {
        const args = (n.BoolExpr.args ?? []).map((a) => simpleSql(a));
        if (!args.length || args.some((a) => a === undefined))
            return undefined;
        if (n.BoolExpr.boolop === 'NOT_EXPR')
            return `NOT (${args[0]})`;
        return args.map((a) => (args.length > 1 ? `(${a})` : a)).join(n.BoolExpr.boolop === 'AND_EXPR' ? ' AND ' : ' OR ');
    }
    return undefined;
}


/***/ }),

/***/ 48992:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K9: () => (/* binding */ groupDigits),
/* harmony export */   _$: () => (/* binding */ lineStarts),
/* harmony export */   n6: () => (/* binding */ compareText),
/* harmony export */   oY: () => (/* binding */ lineColumnIn),
/* harmony export */   pq: () => (/* binding */ countOf),
/* harmony export */   rv: () => (/* binding */ lineColumn)
/* harmony export */ });
/**
 * Where each line of a text starts (character offsets). Lines end at `\n` only, as everywhere in the gate (GitHub's
 * line numbers); JavaScript's other line terminators (U+2028, U+2029, a lone `\r`) are characters of a line.
 */
function lineStarts(text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
        starts.push(i + 1);
    return starts;
}
/** 1-based line and column of a character offset, given the text's lineStarts (a binary search: many lookups, one text). */
function lineColumnIn(starts, offset) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] ?? 0) <= offset)
            lo = mid;
        else
            hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}
/** 1-based line and column of a character offset in a text (for every "file:line:column" message). */
function lineColumn(text, offset) {
    return lineColumnIn(lineStarts(text), offset);
}
/**
 * Orders two strings by UTF-16 code units (`"B" < "a"`), the order of `<`: for ties in sorted output. Unlike
 * `localeCompare`, it never builds ICU's collator, whose first use costs 15\u201325 ms on the Action's path.
 */
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** `n` with thousands separators and `word`, plural unless n is 1: "1 file", "3,000 files". */
function countOf(n, word) {
    return `${groupDigits(n)} ${word}${n === 1 ? '' : 's'}`;
}
/**
 * A count with thousands separators, as `n.toLocaleString('en-US')` writes it ("3,000"), without ICU: the first
 * `toLocaleString` call of a process builds ICU's number formatter, ~30 ms on the Action's start-up path.
 * Fractions (rare: trend medians) still go through `toLocaleString`.
 */
function groupDigits(n) {
    if (!Number.isSafeInteger(n))
        return n.toLocaleString('en-US');
    return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}


/***/ }),

/***/ 16141:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A_: () => (/* binding */ LEVELS),
/* harmony export */   Le: () => (/* binding */ levelRank),
/* harmony export */   Lf: () => (/* binding */ maxLevel)
/* harmony export */ });
const LEVELS = ['off', 'notice', 'warn', 'fail'];
function levelRank(level) {
    return LEVELS.indexOf(level);
}
function maxLevel(a, b) {
    return levelRank(a) >= levelRank(b) ? a : b;
}


/***/ })

};
