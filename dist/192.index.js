export const id = 192;
export const ids = [192];
export const modules = {

/***/ 78192:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PathMatcher: () => (/* reexport */ PathMatcher),
  mergeCoverage: () => (/* binding */ mergeCoverage),
  parseReport: () => (/* binding */ parseReport)
});

// UNUSED EXPORTS: addHits, detectFormat, emptyCoverageIndex, normalizePath, parseCobertura, parseCount, parseGoCover, parseIstanbulJson, parseJacoco, parseLcov, parseLineNumber

// EXTERNAL MODULE: ./src/evidence/coverage/model.ts
var model = __webpack_require__(43881);
// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/fxp.js
var fxp = __webpack_require__(75824);
// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/xmlparser/XMLParser.js + 26 modules
var XMLParser = __webpack_require__(69658);
;// CONCATENATED MODULE: ./src/evidence/coverage/xml.ts
/** fast-xml-parser setup shared by the Cobertura and JaCoCo readers (no hand-written XML parsing). */

function parseXml(text, arrayTags) {
    const valid = fxp/* XMLValidator */.iI.validate(text, { allowBooleanAttributes: true });
    if (valid !== true) {
        const { msg, line, col } = valid.err;
        // Unclosed elements at the end of the text (a truncated upload): the validator names the open tags but
        // reports line 1; the truncation is at the last line.
        const open = /^Invalid '\[(.*)\]' found/s.exec(msg);
        if (open) {
            const tags = open[1]
                .split(',')
                .map((t) => t.trim().replace(/^"|"$/g, ''))
                .filter(Boolean);
            const last = text.split('\n').length;
            return {
                problem: {
                    message: `truncated XML: the file ends inside <${tags.join('> > <')}>`,
                    line: last,
                    element: tags.join(' > '),
                    fatal: true,
                },
            };
        }
        return { problem: { message: `not well-formed XML: ${msg} (line ${line}, column ${col})`, line, fatal: true } };
    }
    const tags = new Set(arrayTags);
    const parser = new XMLParser/* default */.A({
        ignoreAttributes: false,
        attributeNamePrefix: '@',
        parseAttributeValue: false,
        parseTagValue: false,
        ignoreDeclaration: true,
        ignorePiTags: true,
        isArray: (name) => tags.has(name),
    });
    try {
        return { doc: parser.parse(text) };
    }
    catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        const line = parserErrorLine(text, msg);
        return {
            problem: { message: `not well-formed XML: ${msg}`, ...(line !== undefined ? { line } : { element: 'document' }), fatal: true },
        };
    }
}
/**
 * The parser's own errors (DOCTYPE and entity problems the validator lets through) carry no line: use the
 * offset they name, else the DOCTYPE they are about.
 */
function parserErrorLine(text, msg) {
    const lineAt = (offset) => text.slice(0, offset).split('\n').length;
    const pos = /position (\d+)/.exec(msg);
    if (pos)
        return lineAt(Math.min(Number(pos[1]), text.length));
    const doctypes = [...text.matchAll(/<!DOCTYPE/g)];
    if (doctypes.length)
        return lineAt(doctypes[/Multiple DOCTYPE/.test(msg) && doctypes.length > 1 ? 1 : 0].index);
    return undefined;
}
/** The child elements named `name` of `node` (always an array; empty elements parse as ''). */
function children(node, name) {
    if (!node || typeof node !== 'object')
        return [];
    const v = node[name];
    if (v === undefined || v === null)
        return [];
    const arr = Array.isArray(v) ? v : [v];
    return arr.map((x) => (x && typeof x === 'object' ? x : {}));
}
/** Attribute value, or undefined. */
function attr(node, name) {
    const v = node['@' + name];
    // Attribute values are strings, or numbers/booleans when the parser converts them; never objects.
    return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}
/** Text content of a simple element (`<source>/x</source>`). */
function xml_text(node) {
    if (typeof node === 'string' || typeof node === 'number')
        return String(node);
    if (node && typeof node === 'object' && '#text' in node)
        return String(node['#text']);
    return '';
}

;// CONCATENATED MODULE: ./src/evidence/coverage/cobertura.ts
/**
 * Cobertura XML reader (coverage.py `coverage xml`, Istanbul/c8/jest `cobertura`, gcovr, Coverlet, ...).
 * Uses the class-level `<lines>` (method-level `<lines>` repeat them). `filename` is relative to one of
 * the `<sources><source>` roots (often absolute paths of the CI checkout), which are kept as `roots`.
 */


const MAX_PROBLEMS = 20;
function parseCobertura(xml, reportPath, options = {}) {
    const keep = options.keep ?? (() => true);
    const result = { reportPath, format: 'cobertura', files: [], totalFiles: 0, problems: [] };
    const parsed = parseXml(xml, ['source', 'package', 'class', 'line']);
    if (!parsed.doc) {
        result.problems.push(parsed.problem);
        return result;
    }
    const doc = parsed.doc;
    const coverage = doc['coverage'];
    if (!coverage || typeof coverage !== 'object') {
        result.problems.push({ message: 'no <coverage> root element: not a Cobertura report', element: 'coverage', fatal: true });
        return result;
    }
    const problems = [];
    const add = (p) => {
        if (problems.length < MAX_PROBLEMS)
            problems.push(p);
    };
    const sources = coverage['sources'];
    const rawRoots = sources && typeof sources === 'object' ? sources['source'] : undefined;
    const roots = (Array.isArray(rawRoots) ? rawRoots : rawRoots === undefined ? [] : [rawRoots])
        .map((s) => xml_text(s).trim())
        .filter((s) => s !== '');
    const byPath = new Map();
    const seen = new Set();
    const packages = children(children(coverage, 'packages')[0], 'package');
    packages.forEach((pkg, pi) => {
        const pkgName = attr(pkg, 'name') ?? `#${pi + 1}`;
        children(children(pkg, 'classes')[0], 'class').forEach((cls, ci) => {
            const where = `package ${JSON.stringify(pkgName)} > class #${ci + 1}`;
            const filename = attr(cls, 'filename')?.trim();
            if (!filename) {
                add({ message: `<class> without a filename attribute`, element: where, fatal: false });
                return;
            }
            if (!seen.has(filename)) {
                seen.add(filename);
                result.totalFiles++;
            }
            if (!keep(filename))
                return;
            let file = byPath.get(filename);
            if (!file) {
                file = { path: filename, lines: new Map(), ...(roots.length > 0 ? { roots } : {}) };
                byPath.set(filename, file);
                result.files.push(file);
            }
            children(children(cls, 'lines')[0], 'line').forEach((line, li) => {
                const n = (0,model/* parseLineNumber */.P8)(attr(line, 'number'));
                const hits = (0,model/* parseCount */.zq)(attr(line, 'hits'));
                if (n === undefined || hits === undefined) {
                    add({
                        message: `<line> with number=${JSON.stringify(attr(line, 'number') ?? null)} hits=${JSON.stringify(attr(line, 'hits') ?? null)}` +
                            ` in ${JSON.stringify(filename)}`,
                        element: `${where} > line #${li + 1}`,
                        fatal: false,
                    });
                    return;
                }
                (0,model/* addHits */.oI)(file.lines, n, hits);
            });
        });
    });
    result.problems.push(...problems);
    return result;
}

;// CONCATENATED MODULE: ./src/evidence/coverage/gocover.ts
/**
 * Go cover profile reader (`go test -coverprofile=cover.out`). Format (golang.org/x/tools/cover): a first
 * line `mode: set|count|atomic`, then one block per line:
 *   `<import path>/<file>.go:<startLine>.<startCol>,<endLine>.<endCol> <numStmts> <count>`
 * A block makes every line from startLine to endLine executable; a line's hits are the highest count of the
 * blocks touching it (so a line shared by a covered and an uncovered block counts as covered, as in
 * Codecov). Profiles concatenated from several packages (repeated `mode:` lines) are accepted. File paths
 * are import paths (`example.com/shop/payments/charge.go`), matched to the repository by suffix.
 */

const gocover_MAX_PROBLEMS = 20;
const BLOCK = /^(.+):(\d+)\.(\d+),(\d+)\.(\d+) (\d+) (\d+)$/;
/**
 * A block is one basic block of one Go file; every line of it is stored. A block claiming more lines than
 * any real one (`a.go:1.1,99999999.1 1 1`) would exhaust the Map (RangeError) or stall the gate: malformed.
 */
const MAX_BLOCK_LINES = 100_000;
function parseGoCover(text, reportPath, options = {}) {
    const keep = options.keep ?? (() => true);
    const result = { reportPath, format: 'go', files: [], totalFiles: 0, problems: [] };
    const problems = [];
    const add = (p) => {
        if (problems.length < gocover_MAX_PROBLEMS)
            problems.push(p);
    };
    const byPath = new Map();
    let pos = 0;
    let lineNo = 0;
    let sawMode = false;
    while (pos < text.length) {
        let end = text.indexOf('\n', pos);
        if (end === -1)
            end = text.length;
        lineNo++;
        const row = text.slice(pos, end).replace(/\r$/, '');
        pos = end + 1;
        if (row.trim() === '')
            continue;
        if (row.startsWith('mode:')) {
            const mode = row.slice(5).trim();
            if (!['set', 'count', 'atomic'].includes(mode))
                add({ message: `unknown cover mode ${JSON.stringify(mode)}`, line: lineNo, fatal: false });
            sawMode = true;
            continue;
        }
        if (!sawMode) {
            result.problems.push({ message: 'first line is not "mode: set|count|atomic": not a Go cover profile', line: lineNo, fatal: true });
            return result;
        }
        const m = BLOCK.exec(row);
        const startLine = m ? (0,model/* parseLineNumber */.P8)(m[2]) : undefined;
        const endLine = m ? (0,model/* parseLineNumber */.P8)(m[4]) : undefined;
        if (!m || startLine === undefined || endLine === undefined || endLine < startLine || endLine - startLine >= MAX_BLOCK_LINES) {
            add({
                message: `malformed block ${JSON.stringify(row.slice(0, 100))} (expected file:l.c,l.c stmts count)`,
                line: lineNo,
                fatal: false,
            });
            continue;
        }
        const path = m[1];
        let file = byPath.get(path);
        if (file === undefined) {
            result.totalFiles++;
            file = keep(path) ? { path, lines: new Map() } : null;
            byPath.set(path, file);
            if (file)
                result.files.push(file);
        }
        if (!file || Number(m[6]) === 0)
            continue;
        const count = Number(m[7]);
        for (let l = startLine; l <= endLine; l++) {
            const prev = file.lines.get(l);
            if (prev === undefined || prev < count)
                file.lines.set(l, count);
        }
    }
    if (!sawMode)
        result.problems.push({ message: 'empty: no "mode:" line, not a Go cover profile', fatal: true });
    result.problems.push(...problems);
    return result;
}

// EXTERNAL MODULE: ./src/evidence/scanners/json-parse.ts
var json_parse = __webpack_require__(82193);
// EXTERNAL MODULE: ./src/json.ts
var src_json = __webpack_require__(8301);
;// CONCATENATED MODULE: ./src/evidence/coverage/istanbul.ts
/**
 * Istanbul `coverage-final.json` reader (jest `--coverageReporters=json`, nyc, c8 `--reporter=json`).
 * Line hits are derived the way istanbul-lib-coverage's `getLineCoverage()` does: each statement counts on
 * its start line, the line's hits being the highest count of the statements starting there. Accepts the
 * older `{ path: { data: {...} } }` wrapping.
 */


const istanbul_MAX_PROBLEMS = 20;
/** 1-based line of a character offset. */
function lineOf(text, offset) {
    let line = 1;
    for (let i = 0; i < offset && i < text.length; i++)
        if (text.charCodeAt(i) === 10)
            line++;
    return line;
}
function jsonErrorLine(text, message) {
    const lc = /line (\d+) column (\d+)/.exec(message);
    if (lc)
        return Number(lc[1]);
    const pos = /position (\d+)/.exec(message);
    if (pos)
        return lineOf(text, Number(pos[1]));
    return undefined;
}
function parseIstanbulJson(json, reportPath, options = {}) {
    const keep = options.keep ?? (() => true);
    const result = { reportPath, format: 'istanbul', files: [], totalFiles: 0, problems: [] };
    let doc;
    // Reporters on Windows (PowerShell redirection) write a UTF-8 BOM, which JSON.parse rejects.
    if (json.charCodeAt(0) === 0xfeff)
        json = json.slice(1);
    try {
        doc = JSON.parse(json);
    }
    catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        // V8 gives no position for `Unexpected token 'x', "..." is not valid JSON` nor for a truncated file.
        const line = jsonErrorLine(json, msg) ?? (0,json_parse/* lineColumn */.rv)(json, (0,json_parse/* findJsonError */._l)(json).offset).line;
        result.problems.push({ message: `not valid JSON (truncated?): ${msg}`, line, fatal: true });
        return result;
    }
    if (!(0,src_json/* isObject */.Gv)(doc)) {
        result.problems.push({ message: 'top level is not an object of file coverage: not an Istanbul coverage-final.json', fatal: true });
        return result;
    }
    const problems = [];
    for (const [key, raw] of Object.entries(doc)) {
        const entry = (0,src_json/* isObject */.Gv)(raw) && (0,src_json/* isObject */.Gv)(raw['data']) && !('statementMap' in raw) ? raw['data'] : raw;
        if (!(0,src_json/* isObject */.Gv)(entry) || !(0,src_json/* isObject */.Gv)(entry['statementMap']) || !(0,src_json/* isObject */.Gv)(entry['s'])) {
            if (problems.length < istanbul_MAX_PROBLEMS)
                problems.push({ message: `entry has no statementMap/s objects`, element: JSON.stringify(key), fatal: false });
            continue;
        }
        const path = typeof entry['path'] === 'string' && entry['path'] !== '' ? entry['path'] : key;
        result.totalFiles++;
        if (!keep(path))
            continue;
        const file = { path, lines: new Map() };
        const statementMap = entry['statementMap'];
        for (const [id, count] of Object.entries(entry['s'])) {
            const loc = statementMap[id];
            const start = (0,src_json/* isObject */.Gv)(loc) && (0,src_json/* isObject */.Gv)(loc['start']) ? loc['start']['line'] : undefined;
            if (typeof start !== 'number' || !Number.isInteger(start) || start < 1 || typeof count !== 'number' || count < 0) {
                if (problems.length < istanbul_MAX_PROBLEMS)
                    problems.push({
                        message: `statement ${JSON.stringify(id)} has no valid start line or count`,
                        element: `${JSON.stringify(path)} > s.${id}`,
                        fatal: false,
                    });
                continue;
            }
            const prev = file.lines.get(start);
            if (prev === undefined || prev < count)
                file.lines.set(start, count);
        }
        result.files.push(file);
    }
    result.problems.push(...problems);
    return result;
}

;// CONCATENATED MODULE: ./src/evidence/coverage/jacoco.ts
/**
 * JaCoCo XML reader (`jacoco:report`, Gradle `jacocoTestReport`). Source paths are `<package name>` (with
 * `/` separators) + `/` + `<sourcefile name>`, i.e. relative to a source root such as `src/main/java`,
 * which the path matcher resolves by suffix. `<group>` elements (multi-module reports) nest packages.
 * A line is executable when it has instructions (`mi + ci > 0`) and covered when `ci > 0`.
 * Packages without classes or source files are normal (the `jacoco-parse` package crashes on them).
 */


const jacoco_MAX_PROBLEMS = 20;
function parseJacoco(xml, reportPath, options = {}) {
    const keep = options.keep ?? (() => true);
    const result = { reportPath, format: 'jacoco', files: [], totalFiles: 0, problems: [] };
    const parsed = parseXml(xml, ['group', 'package', 'sourcefile', 'line', 'class']);
    if (!parsed.doc) {
        result.problems.push(parsed.problem);
        return result;
    }
    const doc = parsed.doc;
    const report = doc['report'];
    if (!report || typeof report !== 'object') {
        result.problems.push({ message: 'no <report> root element: not a JaCoCo XML report', element: 'report', fatal: true });
        return result;
    }
    const problems = [];
    const add = (p) => {
        if (problems.length < jacoco_MAX_PROBLEMS)
            problems.push(p);
    };
    const byPath = new Map();
    const visit = (node, where) => {
        children(node, 'group').forEach((g, gi) => {
            visit(g, `${where} > group ${JSON.stringify(attr(g, 'name') ?? `#${gi + 1}`)}`);
        });
        children(node, 'package').forEach((pkg, pi) => {
            const pkgName = attr(pkg, 'name');
            const pwhere = `${where} > package ${pkgName !== undefined ? JSON.stringify(pkgName) : `#${pi + 1}`}`;
            if (pkgName === undefined)
                add({ message: '<package> without a name attribute', element: pwhere, fatal: false });
            children(pkg, 'sourcefile').forEach((sf, si) => {
                const name = attr(sf, 'name');
                const swhere = `${pwhere} > sourcefile ${name ? JSON.stringify(name) : `#${si + 1}`}`;
                if (!name) {
                    add({ message: '<sourcefile> without a name attribute', element: swhere, fatal: false });
                    return;
                }
                const path = pkgName ? `${pkgName.replace(/\./g, '/').replace(/\/+$/, '')}/${name}` : name;
                result.totalFiles++;
                if (!keep(path))
                    return;
                let file = byPath.get(path);
                if (!file) {
                    file = { path, lines: new Map() };
                    byPath.set(path, file);
                    result.files.push(file);
                }
                children(sf, 'line').forEach((line, li) => {
                    const nr = (0,model/* parseLineNumber */.P8)(attr(line, 'nr'));
                    const mi = (0,model/* parseCount */.zq)(attr(line, 'mi') ?? '0');
                    const ci = (0,model/* parseCount */.zq)(attr(line, 'ci') ?? '0');
                    if (nr === undefined || mi === undefined || ci === undefined) {
                        add({
                            message: `<line> with nr=${JSON.stringify(attr(line, 'nr') ?? null)} mi=${JSON.stringify(attr(line, 'mi') ?? null)}` +
                                ` ci=${JSON.stringify(attr(line, 'ci') ?? null)}`,
                            element: `${swhere} > line #${li + 1}`,
                            fatal: false,
                        });
                        return;
                    }
                    if (mi + ci === 0)
                        return;
                    (0,model/* addHits */.oI)(file.lines, nr, ci);
                });
            });
        });
    };
    visit(report, 'report');
    result.problems.push(...problems);
    return result;
}

;// CONCATENATED MODULE: ./src/evidence/coverage/lcov.ts
/**
 * lcov tracefile reader (`lcov.info`, written by Istanbul/c8/jest, lcov/geninfo, grcov, cargo-llvm-cov, ...).
 *
 * Hand-written on purpose rather than `lcov-parse`: that package is unmaintained (last release 2019),
 * materialises every record and every DA/BRDA line as objects and splits the whole text into an array.
 * This reader walks the text once with indexOf, keeps only DA (line hits) and only for the files the
 * caller wants, so a 50 MB tracefile costs the string plus the kept maps. The format is line-based
 * (geninfo(1) "TRACEFILE FORMAT"): `SF:<path>` opens a record, `DA:<line>,<hits>[,<checksum>]` gives line
 * hits, `end_of_record` closes it; other keys (TN, FN, FNDA, FNF, FNH, BRDA, BRF, BRH, LF, LH, VER, FNL,
 * FNA) are accepted and ignored.
 */

const lcov_MAX_PROBLEMS = 20;
/** Problems found while reading, capped at MAX_PROBLEMS with a count of the rest. */
class ProblemList {
    items = [];
    extra = 0;
    add(p) {
        if (this.items.length < lcov_MAX_PROBLEMS)
            this.items.push(p);
        else
            this.extra++;
    }
    /** The kept problems plus an "and N more" line when some were dropped. */
    finish() {
        if (this.extra > 0)
            this.items.push({ message: `and ${this.extra} more problems`, fatal: false });
        return this.items;
    }
}
function parseLcov(text, reportPath, options = {}) {
    const state = {
        keep: options.keep ?? (() => true),
        files: [],
        problems: new ProblemList(),
        totalFiles: 0,
        current: undefined,
        currentKept: false,
        currentLine: 0,
        sawRecord: false,
    };
    let pos = 0;
    let lineNo = 0;
    const len = text.length;
    // Skip a UTF-8 BOM.
    if (text.charCodeAt(0) === 0xfeff)
        pos = 1;
    while (pos < len) {
        let end = text.indexOf('\n', pos);
        if (end === -1)
            end = len;
        lineNo++;
        let row = text.slice(pos, end);
        pos = end + 1;
        if (row.endsWith('\r'))
            row = row.slice(0, -1);
        if (row.length === 0)
            continue;
        if (readRow(state, row, lineNo) === 'stop')
            break;
    }
    finishRecords(state, lineNo);
    return { reportPath, format: 'lcov', files: state.files, totalFiles: state.totalFiles, problems: state.problems.finish() };
}
/** Reads one non-empty line; 'stop' when the text is not an lcov file at all. */
function readRow(state, row, lineNo) {
    // Fast path for the bulk of the file.
    if (row.startsWith('DA:')) {
        readLineHits(state, row, lineNo);
        return 'next';
    }
    if (row.startsWith('SF:')) {
        openRecord(state, row, lineNo);
        return 'next';
    }
    if (row === 'end_of_record' || row.trim() === 'end_of_record') {
        if (!state.current)
            state.problems.add({ message: 'end_of_record without an open SF record', line: lineNo, fatal: false });
        state.current = undefined;
        state.currentKept = false;
        return 'next';
    }
    const colon = row.indexOf(':');
    if (colon <= 0 || !/^[A-Z]+$/.test(row.slice(0, colon))) {
        const notLcov = !state.sawRecord && lineNo <= 5;
        state.problems.add({ message: `not an lcov record: ${JSON.stringify(row.slice(0, 80))}`, line: lineNo, fatal: notLcov });
        if (notLcov)
            return 'stop';
    }
    return 'next';
}
/** `DA:<line>,<hits>[,<checksum>]`: adds the hits to the open record when the caller keeps its file. */
function readLineHits(state, row, lineNo) {
    const current = state.current;
    if (!current) {
        state.problems.add({ message: 'DA record outside an SF ... end_of_record block', line: lineNo, fatal: false });
        return;
    }
    if (!state.currentKept)
        return;
    const body = row.slice(3);
    const comma = body.indexOf(',');
    const ln = comma === -1 ? undefined : (0,model/* parseLineNumber */.P8)(body.slice(0, comma));
    const rest = comma === -1 ? '' : body.slice(comma + 1);
    const comma2 = rest.indexOf(',');
    const hitsText = comma2 === -1 ? rest : rest.slice(0, comma2);
    // geninfo can write negative counts for gcov oddities; treat them as 0 rather than rejecting the file.
    const hits = hitsText.startsWith('-') && /^-\d+$/.test(hitsText) ? 0 : (0,model/* parseCount */.zq)(hitsText);
    if (ln === undefined || hits === undefined) {
        const message = `malformed DA record ${JSON.stringify(row.slice(0, 80))} (expected DA:<line>,<hits>)`;
        state.problems.add({ message, line: lineNo, fatal: false });
        return;
    }
    (0,model/* addHits */.oI)(current.lines, ln, hits);
}
/** `SF:<path>`: opens a record, noting a previous one left without end_of_record. */
function openRecord(state, row, lineNo) {
    if (state.current) {
        state.problems.add({
            message: `record for ${JSON.stringify(state.current.path)} (line ${state.currentLine}) has no end_of_record before the next SF`,
            line: lineNo,
            fatal: false,
        });
    }
    const path = row.slice(3).trim();
    if (path === '') {
        state.problems.add({ message: 'SF record with an empty path', line: lineNo, fatal: false });
    }
    state.totalFiles++;
    state.sawRecord = true;
    const current = { path, lines: new Map() };
    state.current = current;
    state.currentKept = path !== '' && state.keep(path);
    if (state.currentKept)
        state.files.push(current);
    state.currentLine = lineNo;
}
/** The end-of-text problems: a record left open, or no record at all. */
function finishRecords(state, lineNo) {
    if (state.current) {
        state.problems.add({
            message: `truncated: the record for ${JSON.stringify(state.current.path)} (from line ${state.currentLine}) has no end_of_record`,
            line: lineNo,
            fatal: false,
        });
    }
    if (!state.sawRecord && !state.problems.items.some((p) => p.fatal)) {
        state.problems.add({ message: 'no SF records: empty or not an lcov tracefile', fatal: true });
    }
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/evidence/coverage/paths.ts
/**
 * Matching paths written in coverage reports to the repository paths of changed files.
 *
 * Reports name files in many ways: relative to the repository (`src/a.ts`), absolute on the CI machine
 * (`/home/runner/work/repo/repo/src/a.ts`, `D:\a\repo\repo\src\a.ts`), relative to the folder of the report
 * (a monorepo package's `coverage/lcov.info` with `SF:src/a.ts`), relative to a Cobertura `<source>` root,
 * relative to a Java source root (JaCoCo `com/acme/A.java`), or as a Go import path
 * (`example.com/shop/pkg/a.go`). The matcher tries, in order:
 *   1. the path (joined to each root first) relative to the report's folder and each of its ancestors;
 *   2. the longest segment-suffix of the path that is a changed file (absolute paths, import paths);
 *      a one-segment suffix (a file at the repository root) only when the prefix it leaves is a checkout
 *      root already established by a longer match in the same report;
 *   3. a changed file that ends with the path (JaCoCo packages, `SF:` relative to a sub-folder), when
 *      exactly one does (ties broken by the longest common folder with the report).
 * A path that matches nothing is simply not a changed file; one that matches several is reported.
 */

/** POSIX-normalises a reported path: `file://`, backslashes, `./`, `..`, duplicate and trailing slashes. */
function normalizePath(p) {
    let s = p.trim();
    if (s.startsWith('file://'))
        s = s.slice(7);
    s = s.replace(/\\/g, '/');
    // `/C:/x` (file:///C:/x) -> `C:/x`
    if (/^\/[A-Za-z]:\//.test(s))
        s = s.slice(1);
    const drive = /^[A-Za-z]:\//.exec(s)?.[0] ?? '';
    const rest = s.slice(drive.length);
    let n = external_node_path_.posix.normalize(rest);
    if (n === '.')
        n = '';
    if (n.length > 1 && n.endsWith('/'))
        n = n.slice(0, -1);
    if (n.startsWith('./'))
        n = n.slice(2);
    return drive + n;
}
function isAbsolutePath(p) {
    return p.startsWith('/') || /^[A-Za-z]:\//.test(p);
}
function baseName(p) {
    const n = p.replace(/\\/g, '/');
    return n.slice(n.lastIndexOf('/') + 1);
}
function joinPath(root, p) {
    return normalizePath(root.replace(/[\\/]+$/, '') + '/' + p);
}
/** Segment-suffixes of a path, longest first, including the whole path. */
function suffixes(p) {
    const segs = p.split('/').filter((s) => s !== '');
    const out = [];
    for (let i = 0; i < segs.length; i++)
        out.push(segs.slice(i).join('/'));
    return out;
}
function commonDirPrefix(a, b) {
    const as = a.split('/');
    const bs = b.split('/');
    let n = 0;
    while (n < as.length - 1 && n < bs.length - 1 && as[n] === bs[n])
        n++;
    return n;
}
class PathMatcher {
    changed;
    /** Proper segment-suffixes of changed paths -> the changed paths ending with them. */
    tails = new Map();
    baseNames = new Set();
    constructor(changedPaths) {
        this.changed = new Set(changedPaths.map(normalizePath));
        for (const c of this.changed) {
            this.baseNames.add(baseName(c));
            for (const s of suffixes(c).slice(1)) {
                const list = this.tails.get(s);
                if (list)
                    list.push(c);
                else
                    this.tails.set(s, [c]);
            }
        }
    }
    /** Cheap pre-filter for parsers: could this reported path be one of the changed files? */
    mightMatch = (reported) => this.baseNames.has(baseName(reported.trim()));
    /**
     * Matches every file of one report. `knownRoots` (checkout roots learned from earlier matches of the
     * same report) let one-segment suffixes match.
     */
    matchAll(reportPath, files) {
        const knownRoots = new Set();
        const results = files.map((f) => this.match(reportPath, f, knownRoots, false));
        // Second pass for root-level files, now that the report's checkout root may be known.
        if (knownRoots.size > 0) {
            files.forEach((f, i) => {
                if (results[i].kind === 'none')
                    results[i] = this.match(reportPath, f, knownRoots, true);
            });
        }
        return results;
    }
    match(reportPath, file, knownRoots = new Set(), allowRootFiles = false) {
        const p = normalizePath(file.path);
        if (p === '')
            return { kind: 'none' };
        const bases = isAbsolutePath(p) ? [p] : [...(file.roots ?? []).map((r) => joinPath(normalizePath(r), p)), p];
        const reportDir = external_node_path_.posix.dirname(normalizePath(reportPath));
        // 1. relative to the report's folder and its ancestors (nearest first), then the repository root.
        for (const base of bases) {
            if (isAbsolutePath(base))
                continue;
            let dir = reportDir === '.' ? '' : reportDir;
            for (;;) {
                const cand = dir ? normalizePath(dir + '/' + base) : base;
                if (this.changed.has(cand))
                    return { kind: 'match', path: cand, via: 'relative' };
                if (!dir)
                    break;
                const parent = external_node_path_.posix.dirname(dir);
                dir = parent === '.' || parent === '/' ? '' : parent;
            }
        }
        // 2. the longest suffix that is a changed file.
        for (const base of bases) {
            const sfx = suffixes(base);
            for (let i = 1; i < sfx.length; i++) {
                const s = sfx[i];
                if (!this.changed.has(s))
                    continue;
                const prefix = base.slice(0, base.length - s.length);
                if (s.includes('/')) {
                    knownRoots.add(prefix);
                    return { kind: 'match', path: s, via: 'suffix' };
                }
                if (allowRootFiles && knownRoots.has(prefix))
                    return { kind: 'match', path: s, via: 'suffix' };
            }
        }
        // 3. a changed file ending with the path.
        for (const base of bases) {
            if (isAbsolutePath(base))
                continue;
            const cands = this.tails.get(base);
            if (!cands || cands.length === 0)
                continue;
            if (cands.length === 1)
                return { kind: 'match', path: cands[0], via: 'tail' };
            const scored = cands.map((c) => ({ c, score: commonDirPrefix(c, reportDir + '/x') }));
            const best = Math.max(...scored.map((s) => s.score));
            const top = scored.filter((s) => s.score === best);
            if (top.length === 1 && best > 0)
                return { kind: 'match', path: top[0].c, via: 'tail' };
            return { kind: 'ambiguous', candidates: cands.slice().sort() };
        }
        return { kind: 'none' };
    }
}

;// CONCATENATED MODULE: ./src/evidence/coverage/index.ts
/**
 * Coverage evidence: detect a report's format from its content, parse it, and merge several reports into
 * line hits per changed file. Formats: lcov, Cobertura XML, JaCoCo XML, Istanbul coverage-final.json, Go
 * cover profiles.
 */









/** Format from the first bytes (file names lie: `coverage.xml` is Cobertura or JaCoCo, `cover.out` anything). */
function detectFormat(text) {
    const head = text
        .slice(0, 4096)
        .replace(/^\uFEFF/, '')
        .trimStart();
    if (head.startsWith('<')) {
        // Skip the prolog, comments and DOCTYPE: the first element name decides.
        const m = /<([A-Za-z_][\w.-]*)[\s>/]/.exec(head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ''));
        if (m?.[1] === 'coverage')
            return 'cobertura';
        if (m?.[1] === 'report')
            return 'jacoco';
        return undefined;
    }
    if (head.startsWith('{'))
        return 'istanbul';
    if (head.startsWith('mode:'))
        return 'go';
    if (/^(TN|SF|VER):/m.test(head))
        return 'lcov';
    return undefined;
}
function parseReport(text, reportPath, options = {}) {
    const format = detectFormat(text);
    switch (format) {
        case 'lcov':
            return parseLcov(text, reportPath, options);
        case 'cobertura': {
            const r = parseCobertura(text, reportPath, options);
            if (r.totalFiles === 0 && r.problems.length === 0 && /<project[\s>]/.test(text.slice(0, 4096)) && !/<packages[\s>]/.test(text)) {
                r.problems.push({
                    message: 'this looks like a Clover report (<coverage><project>), which is not supported: write lcov or Cobertura instead',
                    element: 'coverage > project',
                    fatal: true,
                });
            }
            return r;
        }
        case 'jacoco':
            return parseJacoco(text, reportPath, options);
        case 'istanbul':
            return parseIstanbulJson(text, reportPath, options);
        case 'go':
            return parseGoCover(text, reportPath, options);
        default:
            return {
                reportPath,
                format: 'unknown',
                files: [],
                totalFiles: 0,
                problems: [
                    text.trim() === ''
                        ? { message: 'the report is empty', fatal: true }
                        : {
                            message: 'unrecognised coverage format (expected lcov, Cobertura or JaCoCo XML, Istanbul JSON, or a Go cover profile)',
                            line: 1,
                            fatal: true,
                        },
                ],
            };
    }
}
/**
 * Merges parsed reports onto the changed paths. Hits add up across reports and records: a line is
 * executable when any report lists it, covered when any report saw it run.
 */
function mergeCoverage(reports, matcher) {
    const index = (0,model/* emptyCoverageIndex */.s1)();
    for (const report of reports) {
        const results = matcher.matchAll(report.reportPath, report.files);
        const found = new Set();
        results.forEach((res, i) => {
            const file = report.files[i];
            if (res.kind === 'ambiguous') {
                index.ambiguous.push({ reportPath: report.reportPath, path: file.path, candidates: res.candidates });
                return;
            }
            if (res.kind !== 'match')
                return;
            found.add(res.path);
            let merged = index.files.get(res.path);
            if (!merged) {
                merged = { lines: new Map(), reports: [] };
                index.files.set(res.path, merged);
            }
            if (!merged.reports.includes(report.reportPath))
                merged.reports.push(report.reportPath);
            for (const [line, hits] of file.lines)
                merged.lines.set(line, (merged.lines.get(line) ?? 0) + hits);
        });
        index.matched.set(report.reportPath, found.size);
    }
    return index;
}


/***/ })

};
