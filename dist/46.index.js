export const id = 46;
export const ids = [46];
export const modules = {

/***/ 58808:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   APP_ACCESS_HINT: () => (/* binding */ APP_ACCESS_HINT),
/* harmony export */   DEFAULT_ACCESS_HINT: () => (/* binding */ DEFAULT_ACCESS_HINT),
/* harmony export */   RESOLVE_REF_QUERY: () => (/* binding */ RESOLVE_REF_QUERY),
/* harmony export */   RemotePolicyCache: () => (/* binding */ RemotePolicyCache),
/* harmony export */   RemotePolicyCaches: () => (/* binding */ RemotePolicyCaches),
/* harmony export */   RemotePolicyReader: () => (/* binding */ RemotePolicyReader)
/* harmony export */ });
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96584);
/* harmony import */ var _contents_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33113);
/* harmony import */ var _policy_load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(40949);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8301);




const RESOLVE_REF_QUERY = `query prGateRemotePolicyRef($owner: String!, $name: String!, $ref: String!) {
  repository(owner: $owner, name: $name) {
    object(expression: $ref) { oid }
  }
}`;
/** Files of org policy repositories at commit SHAs, kept across deliveries (bounded, least recently used out). */
class RemotePolicyCache {
    maxEntries;
    map = new Map();
    constructor(maxEntries = 500) {
        this.maxEntries = maxEntries;
    }
    get(key) {
        const v = this.map.get(key);
        if (v !== undefined) {
            this.map.delete(key);
            this.map.set(key, v);
        }
        return v;
    }
    set(key, value) {
        this.map.delete(key);
        this.map.set(key, value);
        while (this.map.size > this.maxEntries)
            this.map.delete(this.map.keys().next().value);
    }
    get size() {
        return this.map.size;
    }
}
/** One cache per App installation (what one installation's token may read is never served to another). */
class RemotePolicyCaches {
    maxInstallations;
    entriesEach;
    caches = new Map();
    constructor(maxInstallations = 1000, entriesEach = 200) {
        this.maxInstallations = maxInstallations;
        this.entriesEach = entriesEach;
    }
    forInstallation(id) {
        let c = this.caches.get(id);
        if (c)
            this.caches.delete(id);
        else
            c = new RemotePolicyCache(this.entriesEach);
        this.caches.set(id, c);
        while (this.caches.size > this.maxInstallations)
            this.caches.delete(this.caches.keys().next().value);
        return c;
    }
}
/** The "cannot read" advice for the App: its installation token reads only the repositories it is installed on. */
const APP_ACCESS_HINT = 'The App reads it with its installation token, which can read only the repositories the App is installed on: ' +
    "install the App on that repository too (for the org's .github repository, " +
    '"All repositories" or add it to the selected ones). See docs/policy.md, "Org policy".';
const DEFAULT_ACCESS_HINT = "The Action's GITHUB_TOKEN can read only the workflow's own repository: pass a token that can read it as " +
    'the `policy-token` input (a fine-grained token or a GitHub App token with contents: read on that repository), ' +
    'or run the gate as the GitHub App installed on that repository too. See docs/policy.md, "Org policy".';
const SHA = /^[0-9a-f]{40}$/i;
class RemotePolicyReader {
    octokit;
    options;
    stats = { resolves: 0, reads: 0, cacheHits: 0 };
    shas = new Map();
    files = new Map();
    stores = new Map();
    constructor(octokit, options = {}) {
        this.octokit = octokit;
        this.options = options;
    }
    read = (spec) => {
        const repoKey = `${spec.owner}/${spec.repo}`.toLowerCase();
        const runKey = `${repoKey}@${spec.ref}:${spec.path}`;
        let p = this.files.get(runKey);
        if (!p) {
            p = this.resolve(spec).then((sha) => this.readAt(spec, repoKey, sha));
            this.files.set(runKey, p);
        }
        return p;
    };
    resolve(spec) {
        if (SHA.test(spec.ref))
            return Promise.resolve(spec.ref.toLowerCase());
        const key = `${spec.owner}/${spec.repo}@${spec.ref}`.toLowerCase();
        let p = this.shas.get(key);
        if (!p) {
            p = this.resolveOnce(spec);
            this.shas.set(key, p);
        }
        return p;
    }
    async resolveOnce(spec) {
        const repo = `${spec.owner}/${spec.repo}`;
        this.stats.resolves++;
        let data;
        try {
            data = await (0,_client_js__WEBPACK_IMPORTED_MODULE_0__.graphqlReader)(this.octokit)(RESOLVE_REF_QUERY, { owner: spec.owner, name: spec.repo, ref: spec.ref });
        }
        catch (e) {
            const errors = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .list */ .p_)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__.at)(e, 'errors'));
            const types = errors.map((err) => (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__.at)(err, 'type')));
            if (types.includes('NOT_FOUND') || (0,_client_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(e) === 404)
                throw new _policy_load_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteReadError */ .dd(this.cannotRead(repo, 'GitHub answers that the repository does not exist or that this token cannot see it (NOT_FOUND)'));
            if (types.includes('FORBIDDEN') || (0,_client_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(e) === 403 || (0,_client_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(e) === 401)
                throw new _policy_load_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteReadError */ .dd(this.cannotRead(repo, `GitHub refuses this token (${types.includes('FORBIDDEN') ? 'FORBIDDEN' : (0,_client_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(e)})`));
            throw new _policy_load_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteReadError */ .dd(`${(0,_client_js__WEBPACK_IMPORTED_MODULE_0__.describeApiError)(`resolving ${spec.ref} in ${repo}`, e)}; the policy cannot be read, so the gate fails closed`);
        }
        const oid = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__.at)(data, 'repository', 'object', 'oid'));
        if (!oid)
            throw new _policy_load_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteReadError */ .dd(`${repo} has no ${spec.ref === 'HEAD' ? 'default branch' : `branch, tag or commit ${JSON.stringify(spec.ref)}`}`);
        return oid;
    }
    cannotRead(repo, why) {
        return `cannot read ${repo}: ${why}. ${this.options.accessHint ?? DEFAULT_ACCESS_HINT}`;
    }
    async readAt(spec, repoKey, sha) {
        const cacheKey = `${repoKey}@${sha}:${spec.path}`;
        const cached = this.options.cache?.get(cacheKey);
        if (cached !== undefined) {
            this.stats.cacheHits++;
            return cached ?? undefined;
        }
        let store = this.stores.get(repoKey);
        if (!store)
            this.stores.set(repoKey, (store = new _contents_js__WEBPACK_IMPORTED_MODULE_1__/* .ContentStore */ .Vh(this.octokit, { owner: spec.owner, repo: spec.repo }, { log: this.options.log })));
        this.stats.reads++;
        let text;
        try {
            text = await store.read(sha, spec.path);
        }
        catch (e) {
            const status = (0,_client_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(e);
            if (status === 403 || status === 401)
                throw new _policy_load_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteReadError */ .dd(this.cannotRead(`${spec.owner}/${spec.repo}`, `GitHub refuses this token (${status})`));
            throw new _policy_load_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteReadError */ .dd(`${(0,_client_js__WEBPACK_IMPORTED_MODULE_0__.describeApiError)(`reading ${spec.path} of ${spec.owner}/${spec.repo} at ${sha.slice(0, 12)}`, e)}; ` +
                `the policy cannot be read, so the gate fails closed`);
        }
        this.options.cache?.set(cacheKey, text ?? null);
        return text;
    }
}


/***/ })

};
