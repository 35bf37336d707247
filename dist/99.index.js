export const id = 99;
export const ids = [99];
export const modules = {

/***/ 98337:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

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
    return s.length > n ? s.slice(0, n - 1) + '…' : s;
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
            return `\n\n<!-- ${RECORD_MARKER} ${JSON.stringify({ v: RECORD_VERSION, conclusion: v.conclusion, failed: [], errored: [], warned: [], waived: [], truncated: true })} -->\n`;
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


/***/ })

};
