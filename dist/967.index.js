export const id = 967;
export const ids = [967];
export const modules = {

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
