export const id = 18;
export const ids = [18];
export const modules = {

/***/ 96018:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadRunEvidence: () => (/* binding */ loadRunEvidence)
});

// UNUSED EXPORTS: ArtifactRejected, MAX_ARTIFACT_BYTES, MAX_ARTIFACT_FILES, PR_MANIFEST, extractArtifact, triggeringRun

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/fflate/esm/index.mjs
var esm = __webpack_require__(51306);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/action/zip.ts
/**
 * A bounded unzip for artifacts built by the PR's own code (untrusted). The sizes a zip declares are
 * claims: an entry declared at 10 bytes may inflate to a gibibyte, and a whole-buffer inflate (fflate's
 * `unzipSync`) burns the CPU for all of it before anything can be checked. Here every entry is inflated
 * as a stream, in small slices of compressed input, and abandoned as soon as its output passes its
 * declared size; the declared sizes together must fit the archive budget before anything is inflated,
 * so the real output is bounded by the budget too. Any lie or excess is a ZipRejected naming the entry.
 *
 * Read from the central directory (what unzip tools trust), zip64 included; stored and deflated entries
 * only; encrypted entries are refused.
 */


class ZipRejected extends Error {
    constructor(message) {
        super(message);
        this.name = 'ZipRejected';
    }
}
/** Compressed bytes given to the inflater at a time: at DEFLATE's ~1032:1 ceiling, \u2264 17 MB of output each. */
const SLICE = 16 * 1024;
const u16 = (b, o) => b[o] | (b[o + 1] << 8);
const u32 = (b, o) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
const u64 = (b, o) => u32(b, o) + u32(b, o + 4) * 0x100000000;
function need(zip, at, length, what) {
    if (at < 0 || at + length > zip.length)
        throw new ZipRejected(`${what} lies outside the archive (truncated?)`);
}
function endOfCentralDirectory(zip) {
    const stop = Math.max(0, zip.length - 22 - 0xffff);
    for (let i = zip.length - 22; i >= stop; i--) {
        if (u32(zip, i) !== 0x06054b50)
            continue;
        let count = u16(zip, i + 10);
        let size = u32(zip, i + 12);
        let offset = u32(zip, i + 16);
        if ((count === 0xffff || offset === 0xffffffff || size === 0xffffffff) && i >= 20 && u32(zip, i - 20) === 0x07064b50) {
            const z = u64(zip, i - 12);
            need(zip, z, 56, 'the zip64 end of central directory');
            if (u32(zip, z) !== 0x06064b50)
                throw new ZipRejected('the zip64 end of central directory is missing');
            count = u64(zip, z + 32);
            size = u64(zip, z + 40);
            offset = u64(zip, z + 48);
        }
        return { count, offset, size };
    }
    throw new ZipRejected('no end of central directory record (not a zip, or truncated)');
}
function centralDirectory(zip, limits) {
    const end = endOfCentralDirectory(zip);
    if (end.count > limits.maxEntries)
        throw new ZipRejected(`the archive has ${end.count} entries, more than the ${limits.maxEntries} allowed`);
    const entries = [];
    let at = end.offset;
    let declared = 0;
    for (let n = 0; n < end.count; n++) {
        need(zip, at, 46, `central directory entry ${n}`);
        if (u32(zip, at) !== 0x02014b50)
            throw new ZipRejected(`central directory entry ${n} is corrupt`);
        const flags = u16(zip, at + 8);
        const method = u16(zip, at + 10);
        let compressedSize = u32(zip, at + 20);
        let size = u32(zip, at + 24);
        const nameLength = u16(zip, at + 28);
        const extraLength = u16(zip, at + 30);
        const commentLength = u16(zip, at + 32);
        let localOffset = u32(zip, at + 42);
        need(zip, at + 46, nameLength + extraLength, `central directory entry ${n}`);
        const raw = zip.subarray(at + 46, at + 46 + nameLength);
        const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(raw);
        // zip64: the sizes and offset that do not fit 32 bits are in extra field 0x0001, in this order.
        for (let e = at + 46 + nameLength, stop = e + extraLength; e + 4 <= stop;) {
            const id = u16(zip, e);
            const length = u16(zip, e + 2);
            if (id === 0x0001) {
                let f = e + 4;
                const take = () => {
                    if (f + 8 > e + 4 + length)
                        throw new ZipRejected(`entry ${JSON.stringify(name)} has a short zip64 field`);
                    const v = u64(zip, f);
                    f += 8;
                    return v;
                };
                if (size === 0xffffffff)
                    size = take();
                if (compressedSize === 0xffffffff)
                    compressedSize = take();
                if (localOffset === 0xffffffff)
                    localOffset = take();
            }
            e += 4 + length;
        }
        declared += size;
        if (declared > limits.maxBytes)
            throw new ZipRejected(`the archive declares more than ${limits.maxBytes} bytes uncompressed (at ${JSON.stringify(name)})`);
        entries.push({ name, method, flags, compressedSize, size, localOffset });
        at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
}
function inflateBounded(data, e) {
    const out = new Uint8Array(e.size);
    let written = 0;
    let done = false; // set by the inflater's callback, which control-flow analysis does not follow
    const inflater = new esm/* Inflate */.EL((chunk, final) => {
        if (written + chunk.length > e.size)
            throw new ZipRejected(`entry ${JSON.stringify(e.name)} inflates to more than its declared ${e.size} bytes: the archive lies about its sizes`);
        out.set(chunk, written);
        written += chunk.length;
        if (final)
            done = true;
    });
    try {
        for (let i = 0; i < data.length; i += SLICE)
            inflater.push(data.subarray(i, Math.min(data.length, i + SLICE)), i + SLICE >= data.length);
        if (data.length === 0)
            inflater.push(new Uint8Array(0), true);
    }
    catch (err) {
        if (err instanceof ZipRejected)
            throw err;
        throw new ZipRejected(`entry ${JSON.stringify(e.name)} does not inflate: ${(0,errors/* plainMessage */.C5)(err)}`);
    }
    if (!done || written !== e.size)
        throw new ZipRejected(`entry ${JSON.stringify(e.name)} inflates to ${written} bytes, not its declared ${e.size}`);
    return out;
}
/** Every entry of the archive (directories skipped), inflated within its declared size and the limits. */
function unzipBounded(zip, limits) {
    const out = [];
    for (const e of centralDirectory(zip, limits)) {
        if (e.name.endsWith('/'))
            continue;
        if (e.flags & 1)
            throw new ZipRejected(`entry ${JSON.stringify(e.name)} is encrypted`);
        need(zip, e.localOffset, 30, `entry ${JSON.stringify(e.name)}`);
        if (u32(zip, e.localOffset) !== 0x04034b50)
            throw new ZipRejected(`entry ${JSON.stringify(e.name)} has no local header where the central directory says`);
        const start = e.localOffset + 30 + u16(zip, e.localOffset + 26) + u16(zip, e.localOffset + 28);
        need(zip, start, e.compressedSize, `the data of entry ${JSON.stringify(e.name)}`);
        const data = zip.subarray(start, start + e.compressedSize);
        if (e.method === 0) {
            if (e.compressedSize !== e.size)
                throw new ZipRejected(`stored entry ${JSON.stringify(e.name)} is ${e.compressedSize} bytes, not its declared ${e.size}`);
            out.push({ name: e.name, bytes: data.slice() });
        }
        else if (e.method === 8)
            out.push({ name: e.name, bytes: inflateBounded(data, e) });
        else
            throw new ZipRejected(`entry ${JSON.stringify(e.name)} uses compression method ${e.method} (only stored and deflate are read)`);
    }
    return out;
}

// EXTERNAL MODULE: ./src/github/source.ts
var source = __webpack_require__(51094);
// EXTERNAL MODULE: ./src/json.ts
var json = __webpack_require__(8301);
;// CONCATENATED MODULE: ./src/action/workflow-run.ts
/**
 * The `workflow_run` publishing mode, for fork pull requests. The PR's own workflow (read-only token)
 * runs its tests and uploads an artifact with its evidence (coverage, scanner reports) and a `pr.json`
 * naming the PR. This workflow, triggered by `workflow_run` with a write token:
 *   1. downloads that artifact from the triggering run (never runs anything from it);
 *   2. checks that it belongs to the run's PR: the PR it names must have the run's head SHA and head
 *      repository, else it is rejected and nothing is published;
 *   3. re-evaluates the PR from the API (a verdict inside the artifact is never trusted), with the
 *      artifact's files as evidence labelled as coming from the PR's own workflow;
 *   4. publishes like the `pull_request` Action.
 */







const PR_MANIFEST = 'pr.json';
/** Limits against zip bombs: total uncompressed bytes and entry count. */
const MAX_ARTIFACT_BYTES = 200 * 1024 * 1024;
const MAX_ARTIFACT_FILES = 10_000;
class ArtifactRejected extends Error {
    constructor(message) {
        super(message);
        this.name = 'ArtifactRejected';
    }
}
function triggeringRun(event) {
    const id = (0,json/* num */.bu)((0,json.at)(event, 'workflow_run', 'id'));
    const headSha = (0,json/* str */.gx)((0,json.at)(event, 'workflow_run', 'head_sha'));
    if (id === undefined || headSha === undefined)
        throw new ArtifactRejected('the workflow_run event carries no workflow_run with an id and head_sha');
    return {
        id,
        headSha,
        headRepo: (0,json/* str */.gx)((0,json.at)(event, 'workflow_run', 'head_repository', 'full_name')),
        pullNumbers: (0,json/* list */.p_)((0,json.at)(event, 'workflow_run', 'pull_requests'))
            .map((p) => (0,json/* num */.bu)((0,json.at)(p, 'number')))
            .filter((n) => n !== undefined),
    };
}
/**
 * Unzips into a fresh directory, refusing absolute paths, `..`, and archives over the limits. Entries are
 * inflated as streams and abandoned at their declared size (see zip.ts): a zip that lies about its sizes
 * is rejected after at most MAX_ARTIFACT_BYTES of work, never inflated whole.
 */
function extractArtifact(zip, intoDir, limits = { maxBytes: MAX_ARTIFACT_BYTES, maxEntries: MAX_ARTIFACT_FILES }) {
    let entries;
    try {
        entries = unzipBounded(zip, limits);
    }
    catch (e) {
        if (e instanceof ZipRejected)
            throw new ArtifactRejected(`the artifact is not a readable zip within the limits (${limits.maxEntries} ` +
                `files, ${Math.round(limits.maxBytes / 1024 / 1024)} MB uncompressed): ${e.message}`);
        throw new ArtifactRejected(`the artifact is not a readable zip: ${(0,errors/* errorMessage */.gJ)(e)}`);
    }
    const dir = intoDir ?? (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'pr-gate-artifact-'));
    const files = [];
    for (const { name, bytes } of entries) {
        const clean = (0,external_node_path_.normalize)(name).split(external_node_path_.sep).join('/');
        if (clean.startsWith('/') || clean.startsWith('../') || clean === '..' || /^[A-Za-z]:/.test(clean)) {
            throw new ArtifactRejected(`the artifact holds a path outside its folder: ${JSON.stringify(name)}`);
        }
        const full = (0,external_node_path_.join)(dir, clean);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(full), { recursive: true });
        (0,external_node_fs_.writeFileSync)(full, bytes);
        files.push(clean);
    }
    return { dir, files: files.sort() };
}
async function downloadArtifact(octokit, repo, runId, name) {
    const { data } = await octokit.rest.actions.listWorkflowRunArtifacts({ owner: repo.owner, repo: repo.repo, run_id: runId, per_page: 100 });
    const artifact = data.artifacts.find((a) => a.name === name);
    if (!artifact)
        throw new ArtifactRejected(`the triggering run ${runId} has no artifact named ${JSON.stringify(name)} ` +
            `(artifacts: ${data.artifacts.map((a) => a.name).join(', ') || 'none'})`);
    if (artifact.expired)
        throw new ArtifactRejected(`the artifact ${JSON.stringify(name)} of run ${runId} has expired`);
    try {
        const res = await octokit.rest.actions.downloadArtifact({
            owner: repo.owner,
            repo: repo.repo,
            artifact_id: artifact.id,
            archive_format: 'zip',
        });
        return new Uint8Array(res.data);
    }
    catch (e) {
        if ((0,errors/* statusOf */.c2)(e) === 410)
            throw new ArtifactRejected(`the artifact ${JSON.stringify(name)} of run ${runId} has expired`);
        throw e;
    }
}
/**
 * Downloads and verifies the evidence of the triggering run. Throws ArtifactRejected when the artifact
 * is missing, unreadable, or belongs to another PR or commit.
 */
async function loadRunEvidence(octokit, repo, event, artifactName) {
    const run = triggeringRun(event);
    const zip = await downloadArtifact(octokit, repo, run.id, artifactName);
    const { dir, files } = extractArtifact(zip);
    let claimed = run.pullNumbers.length === 1 ? run.pullNumbers[0] : undefined;
    if (files.includes(PR_MANIFEST)) {
        let parsed;
        try {
            const { readFileSync } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 73024, 23));
            parsed = JSON.parse(readFileSync((0,external_node_path_.join)(dir, PR_MANIFEST), 'utf8'));
        }
        catch (e) {
            throw new ArtifactRejected(`${PR_MANIFEST} in the artifact is not valid JSON: ${(0,errors/* errorMessage */.gJ)(e)}`);
        }
        // Any JSON may arrive (null, a number, a list): only an object with an integer "number" names a PR.
        const manifest = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
        if (typeof manifest.number !== 'number' || !Number.isInteger(manifest.number))
            throw new ArtifactRejected(`${PR_MANIFEST} in the artifact has no integer "number"`);
        if (claimed !== undefined && claimed !== manifest.number) {
            throw new ArtifactRejected(`the artifact names PR #${manifest.number} but the triggering run belongs to PR #${claimed}`);
        }
        claimed = manifest.number;
    }
    if (claimed === undefined)
        throw new ArtifactRejected(`no pull request: the run lists none and the artifact has no ${PR_MANIFEST}`);
    const pr = await (0,source/* fetchPull */.ey)(octokit, repo, claimed);
    if (pr.headSha !== run.headSha) {
        throw new ArtifactRejected(`the artifact is for PR #${claimed}, whose head is ${pr.headSha.slice(0, 12)}, ` +
            `but the triggering run built ${run.headSha.slice(0, 12)}: rejected`);
    }
    if (run.headRepo && pr.headRepo && run.headRepo !== pr.headRepo) {
        throw new ArtifactRejected(`the artifact is for PR #${claimed} from ${pr.headRepo}, but the triggering run built ${run.headRepo}: rejected`);
    }
    return { pr, dir, files: files.filter((f) => f !== PR_MANIFEST), artifactName, runId: run.id };
}


/***/ })

};
