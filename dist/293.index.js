export const id = 293;
export const ids = [293];
export const modules = {

/***/ 80293:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ConfigError: () => (/* binding */ ConfigError),
/* harmony export */   loadAppConfig: () => (/* binding */ loadAppConfig),
/* harmony export */   redisSettings: () => (/* binding */ redisSettings)
/* harmony export */ });
/* harmony import */ var _policy_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(21458);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/**
 * The App's settings, from environment variables only (the one place the App reads process.env), checked
 * at start: every problem is named at once, with what to set, never a stack trace.
 */



class ConfigError extends Error {
    problems;
    constructor(problems) {
        super(`pr-gate serve: invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        this.problems = problems;
        this.name = 'ConfigError';
    }
}
function int(env, name, fallback, min, max, problems) {
    const raw = env[name];
    if (raw === undefined || raw === '')
        return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
        problems.push(`${name}=${JSON.stringify(raw)}: expected an integer from ${min} to ${max}`);
        return fallback;
    }
    return n;
}
function loadAppConfig(env = process.env) {
    const problems = [];
    const port = int(env, 'PORT', 3000, 0, 65535, problems);
    const webhookSecret = env.WEBHOOK_SECRET ?? '';
    if (!webhookSecret)
        problems.push("WEBHOOK_SECRET is not set: the secret configured on the App's webhook (every delivery is verified with it)");
    const appId = env.APP_ID ?? '';
    if (!appId)
        problems.push("APP_ID is not set: the numeric App ID from the App's settings page");
    else if (!/^\d+$/.test(appId))
        problems.push(`APP_ID=${JSON.stringify(appId)}: expected the numeric App ID`);
    let privateKey = env.PRIVATE_KEY ?? '';
    if (!privateKey && env.PRIVATE_KEY_PATH) {
        try {
            privateKey = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(env.PRIVATE_KEY_PATH, 'utf8');
        }
        catch (e) {
            problems.push(`PRIVATE_KEY_PATH=${env.PRIVATE_KEY_PATH}: cannot read it (${e.code ?? 'error'})`);
        }
    }
    else if (!privateKey) {
        problems.push("PRIVATE_KEY (PEM text) or PRIVATE_KEY_PATH (a .pem file) is not set: the App's private key");
    }
    if (privateKey) {
        // Keys pasted into one-line env vars often carry literal \n.
        if (!privateKey.includes('\n') && privateKey.includes('\\n'))
            privateKey = privateKey.replace(/\\n/g, '\n');
        try {
            (0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.createPrivateKey)(privateKey);
        }
        catch {
            problems.push('the private key is not a PEM private key (expected "-----BEGIN RSA PRIVATE KEY-----" or "-----BEGIN PRIVATE KEY-----")');
        }
    }
    const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
    try {
        new URL(apiUrl);
    }
    catch {
        problems.push(`GITHUB_API_URL=${JSON.stringify(apiUrl)}: not a URL`);
    }
    const concurrency = int(env, 'CONCURRENCY', 8, 1, 256, problems);
    const maxQueue = int(env, 'MAX_QUEUE', 1000, 0, 1_000_000, problems);
    const dedupeSize = int(env, 'DEDUPE_SIZE', 10_000, 1, 10_000_000, problems);
    const shutdownTimeoutMs = int(env, 'SHUTDOWN_TIMEOUT_MS', 25_000, 1000, 3_600_000, problems);
    const maxBodyBytes = int(env, 'MAX_BODY_BYTES', 25 * 1024 * 1024, 1024, 25 * 1024 * 1024, problems);
    const bodyBudgetBytes = int(env, 'BODY_BUDGET_BYTES', 4 * maxBodyBytes, maxBodyBytes, 2 ** 40, problems);
    const redis = redisSettings(env, problems);
    if (problems.length)
        throw new ConfigError(problems);
    return {
        port,
        host: env.HOST || '0.0.0.0',
        webhookSecret,
        appId,
        privateKey,
        apiUrl,
        serverUrl: (env.GITHUB_SERVER_URL || (apiUrl === 'https://api.github.com' ? 'https://github.com' : new URL(apiUrl).origin)).replace(/\/+$/, ''),
        checkName: env.CHECK_NAME || _policy_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_CHECK_NAME */ .nV,
        policyPath: env.POLICY_PATH || _policy_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_POLICY_PATH */ .lo,
        concurrency,
        maxQueue,
        dedupeSize,
        botLogin: env.APP_BOT_LOGIN || undefined,
        comment: !/^(false|no|off|0)$/i.test(env.COMMENT ?? ''),
        shutdownTimeoutMs,
        maxBodyBytes,
        bodyBudgetBytes,
        throttle: !/^(false|no|off|0)$/i.test(env.GITHUB_THROTTLE ?? ''),
        ...(redis ? { redis } : {}),
    };
}
/** REDIS_URL and the queue's settings (also read by `pr-gate queue`). */
function redisSettings(env, problems) {
    const url = env.REDIS_URL ?? '';
    const settings = {
        url,
        prefix: env.QUEUE_PREFIX || 'pr-gate',
        dedupeTtlS: int(env, 'DEDUPE_TTL_S', 3 * 86_400, 60, 30 * 86_400, problems),
        attempts: int(env, 'QUEUE_ATTEMPTS', 5, 1, 100, problems),
        backoffMs: int(env, 'QUEUE_BACKOFF_MS', 10_000, 10, 3_600_000, problems),
        lockMs: int(env, 'QUEUE_LOCK_MS', 30_000, 500, 600_000, problems),
    };
    if (!url)
        return undefined;
    try {
        const u = new URL(url);
        if (u.protocol !== 'redis:' && u.protocol !== 'rediss:')
            problems.push(`REDIS_URL: expected redis://HOST:PORT or rediss://HOST:PORT, got the scheme ${JSON.stringify(u.protocol)}`);
    }
    catch {
        problems.push('REDIS_URL is not a URL: expected redis://[USER:PASSWORD@]HOST:PORT[/DB]');
    }
    return settings;
}


/***/ })

};
