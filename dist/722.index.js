export const id = 722;
export const ids = [722];
export const modules = {

/***/ 36722:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderTrendSvgs: () => (/* binding */ renderTrendSvgs),
/* harmony export */   trendSpecs: () => (/* binding */ trendSpecs)
/* harmony export */ });
const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
/** The vega-lite specs (data inlined). */
function trendSpecs(r) {
    const where = `${r.repository ? `${r.repository}${r.branch ? ' ' : ''}` : ''}${r.branch}, ${r.window.from.slice(0, 10)} ` +
        `\u2026 ${r.window.to.slice(0, 10)}`;
    const base = { $schema: SCHEMA, width: { step: 36 }, height: 240, background: 'white' };
    // Every week of the window, in order, whether or not a layer has a value for it.
    const WEEK = {
        field: 'week',
        type: 'ordinal',
        title: 'ISO week',
        scale: { domain: r.weeks.map((w) => w.label) },
        axis: { labelAngle: -45 },
    };
    const size = r.weeks.map((w) => ({ week: w.label, median: w.size.median ?? null, p90: w.size.p90 ?? null }));
    const shares = r.weeks.flatMap((w) => [
        { week: w.label, series: `over ${r.threshold} lines`, pct: w.size.overShare ?? null },
        { week: w.label, series: 'critical-area PRs with tests', pct: w.critical.testedShare ?? null },
    ]);
    const gate = r.weeks.flatMap((w) => ['success', 'neutral', 'failure']
        .filter((c) => w.conclusions[c] > 0)
        .map((c) => ({ week: w.label, conclusion: c, prs: w.conclusions[c] })));
    return [
        {
            name: 'size.svg',
            title: 'PR size per ISO week',
            spec: {
                ...base,
                title: {
                    text: 'PR size (changed lines) per ISO week',
                    subtitle: `bars: median \u00b7 line: p90 \u00b7 rule: ${r.threshold} lines \u00b7 ${where}`,
                },
                data: { values: size },
                layer: [
                    {
                        mark: { type: 'bar', color: '#4c78a8' },
                        encoding: { x: WEEK, y: { field: 'median', type: 'quantitative', title: 'changed lines' } },
                    },
                    { mark: { type: 'line', color: '#e45756', strokeWidth: 2 }, encoding: { x: WEEK, y: { field: 'p90', type: 'quantitative' } } },
                    // Its own one-row data: with the chart's, the rule would be drawn once per week.
                    { data: { values: [{}] }, mark: { type: 'rule', color: '#54a24b', strokeDash: [4, 4] }, encoding: { y: { datum: r.threshold } } },
                ],
            },
        },
        {
            name: 'shares.svg',
            title: 'Shares per ISO week',
            spec: {
                ...base,
                title: { text: 'Share of pull requests (%) per ISO week', subtitle: where },
                data: { values: shares },
                mark: { type: 'line', point: false, strokeWidth: 2 },
                encoding: {
                    x: WEEK,
                    y: { field: 'pct', type: 'quantitative', title: '%', scale: { domain: [0, 100] } },
                    color: { field: 'series', type: 'nominal', title: null, scale: { range: ['#e45756', '#4c78a8'] } },
                },
            },
        },
        {
            name: 'gate.svg',
            title: 'Gate conclusions per ISO week',
            spec: {
                ...base,
                title: { text: 'Gate conclusions of merged pull requests per ISO week', subtitle: where },
                data: { values: gate },
                mark: 'bar',
                encoding: {
                    x: WEEK,
                    y: { field: 'prs', type: 'quantitative', title: 'pull requests', stack: 'zero' },
                    color: {
                        field: 'conclusion',
                        type: 'nominal',
                        scale: { domain: ['success', 'neutral', 'failure'], range: ['#54a24b', '#bab0ac', '#e45756'] },
                    },
                },
            },
        },
    ];
}
/** Renders the charts to SVG strings. */
async function renderTrendSvgs(r) {
    // One after the other: they share modules, and jest's ESM loader races on parallel imports of those.
    const vega = await __webpack_require__.e(/* import() */ 972).then(__webpack_require__.bind(__webpack_require__, 33972));
    const vl = await Promise.all(/* import() */[__webpack_require__.e(972), __webpack_require__.e(994)]).then(__webpack_require__.bind(__webpack_require__, 10994));
    const out = [];
    for (const c of trendSpecs(r)) {
        const compiled = vl.compile(c.spec).spec;
        const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
        const svg = await view.toSVG();
        view.finalize();
        out.push({ ...c, svg });
    }
    return out;
}


/***/ })

};
