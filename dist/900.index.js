export const id = 900;
export const ids = [900];
export const modules = {

/***/ 27900:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dependabotAlertsOf: () => (/* binding */ dependabotAlertsOf),
/* harmony export */   slaOf: () => (/* binding */ slaOf)
/* harmony export */ });
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96584);
/* harmony import */ var _sla_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(41130);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(40420);



async function dependabotAlertsOf(octokit, repos) {
    const items = [];
    for (const full of repos) {
        const [owner, repo] = full.split('/');
        let raw;
        try {
            raw = await octokit.paginate(octokit.rest.dependabot.listAlertsForRepo, {
                owner,
                repo,
                state: 'auto_dismissed,dismissed,fixed,open',
                per_page: 100,
            });
        }
        catch (e) {
            const s = (0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(e);
            const hint = s === 403
                ? ': the token cannot read them (in a workflow grant `permissions: ' +
                    'security-events: read`, or use a token with "Dependabot alerts: read")'
                : s === 404
                    ? ': Dependabot alerts are not enabled, or the token cannot see the repository'
                    : '';
            throw new _api_js__WEBPACK_IMPORTED_MODULE_1__.ApiSourceError((0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__.describeApiError)(`Dependabot alerts of ${full}`, e) + hint);
        }
        try {
            const alerts = (0,_sla_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDependabotAlerts */ .Nw)(JSON.stringify(raw), `Dependabot alerts of ${full}`);
            items.push(...(repos.length > 1 ? alerts.map((a) => ({ ...a, id: `${full} ${a.id}` })) : alerts));
        }
        catch (e) {
            if (e instanceof _sla_js__WEBPACK_IMPORTED_MODULE_2__/* .AlertsError */ .Yr)
                throw new _api_js__WEBPACK_IMPORTED_MODULE_1__.ApiSourceError(e.message);
            throw e;
        }
    }
    return { items, source: `Dependabot alerts of ${repos.join(', ')} (API)` };
}
/** The policy's fix SLA by severity (`rules.dependencies.fix_within_days`; none where unset). */
function slaOf(rules) {
    const fix = rules?.dependencies?.fix_within_days ?? {};
    return Object.fromEntries(_sla_js__WEBPACK_IMPORTED_MODULE_2__/* .SEVERITIES */ .oC.map((s) => [s, fix[s] ?? null]));
}


/***/ })

};
