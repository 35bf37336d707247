export const id = 92;
export const ids = [92];
export const modules = {

/***/ 18092:
/***/ (function(__unused_webpack_module, __webpack_exports__, __webpack_require__) {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  XS: () => (/* binding */ GitError),
  $Y: () => (/* binding */ git),
  Jk: () => (/* binding */ gitChangeSet),
  Bg: () => (/* binding */ readAtRef),
  Ss: () => (/* binding */ resolveRange)
});

// UNUSED EXPORTS: MAX_PATCH_BYTES, snapshotWorkingTree

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/minimatch/dist/esm/index.js + 8 modules
var esm = __webpack_require__(91138);
// EXTERNAL MODULE: ./src/change/glob.ts
var glob = __webpack_require__(82236);
;// CONCATENATED MODULE: ./src/change/tags.ts
/**
 * Release tags of a local git checkout: which paths had shipped in a release when the base commit was made.
 * Used by migration-safety to tell a released migration (editing it is a real problem) from one that is
 * merged but not released yet (still being developed; editing it is normal).
 */




/** A semver pre-release (`v1.2.0-rc1`, `1.0.0-beta.2`, `v2.0.0.rc1`): not a release. */
const PRERELEASE = /[-.+_]?(rc|alpha|beta|pre|preview|dev|snapshot|nightly|canary)[-.]?\d*(\.\d+)?$/i;
/** A word of the version's suffix that makes it a pre-release wherever it stands (`-alpha.10+oryOS.15`, `-tech-preview`). */
const PRERELEASE_WORD = /^(rc|alpha|beta|pre|preview|dev|snapshot|nightly|canary|tech|tp)\d*$/i;
/**
 * Not a release: a pre-release word at the end (above), or anywhere in the suffix after the version numbers, so
 * build metadata after it (`v0.0.1-alpha.10+oryOS.15`) or a misspelt last word (harbor `v2.1.0-tech-prview`, a
 * technology preview) still mark it. A suffix without such a word stays a release (netbox `v1.9.4-r1`).
 */
function isPrerelease(tag) {
    if (PRERELEASE.test(tag))
        return true;
    const suffix = /^\D*\d+(?:\.\d+)*(.*)$/.exec(tag)?.[1] ?? '';
    return suffix.split(/[-.+_]/).some((w) => PRERELEASE_WORD.test(w));
}
/**
 * Release tags (name matches a pattern, not a pre-release) made no later than `notAfter` (seconds), newest first.
 * A project that had published no final release by then ships its pre-releases (ory/kratos' v0.x are all
 * `-alpha.N`): its pre-release tags count.
 */
function releaseTags(refs, patterns, notAfter) {
    const globs = patterns.map((p) => new esm/* Minimatch */.VR(p, glob/* GLOB_OPTIONS */.gu));
    const finals = [];
    const pre = [];
    for (const line of refs.split('\n')) {
        const [name, date, peeled, object] = line.split('\t');
        if (!name || !object)
            continue;
        const d = Number(date);
        if (!Number.isFinite(d) || d > notAfter)
            continue;
        if (!globs.some((g) => g.match(name)))
            continue;
        (isPrerelease(name) ? pre : finals).push({ name, commit: peeled || object, date: d });
    }
    return (finals.length ? finals : pre).sort((a, b) => b.date - a.date);
}
function batchCheck(cwd, input) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('git', ['cat-file', '--batch-check=%(objecttype) %(objectname)'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        const chunks = [];
        child.stdout.on('data', (c) => chunks.push(c));
        child.on('error', reject);
        child.on('close', (code) => {
            if (code === 0)
                resolve(Buffer.concat(chunks).toString('utf8'));
            else
                reject(new Error(`git cat-file exited with ${String(code)}`));
        });
        child.stdin.end(input);
    });
}
/** Most tag \u00d7 path lookups in one call (each is one line of `git cat-file --batch-check`). */
const MAX_LOOKUPS = 200_000;
/**
 * Map path \u2192 the newest release tag (made no later than the base commit) whose tree holds it, with the blob
 * it holds there; undefined when there is no such tag (or git fails): no tag information.
 */
async function releasedBlobsInGit(cwd, base, paths, patterns, oldest = false) {
    if (patterns.length === 0)
        return undefined;
    try {
        const baseDate = Number((await git(cwd, ['show', '-s', '--format=%ct', base])).trim());
        const refs = await git(cwd, [
            'for-each-ref',
            'refs/tags',
            '--format=%(refname:strip=2)%09%(creatordate:unix)%09%(*objectname)%09%(objectname)',
        ]);
        const tags = releaseTags(refs, patterns, baseDate);
        if (tags.length === 0)
            return undefined;
        const out = new Map();
        const todo = [...new Set(paths)];
        if (todo.length === 0)
            return out;
        const usable = tags.slice(0, Math.max(1, Math.floor(MAX_LOOKUPS / todo.length)));
        const lines = usable.flatMap((t) => todo.map((p) => `${t.commit}:${p}`));
        const found = (await batchCheck(cwd, lines.join('\n') + '\n')).split('\n');
        lines.forEach((_, i) => {
            const t = usable[Math.floor(i / todo.length)];
            const p = todo[i % todo.length];
            const [type, blob] = (found[i] ?? '').trim().split(' ');
            // tags come newest first: the first found is the newest, the last the oldest
            if (type === 'blob' && blob && (oldest || !out.has(p)))
                out.set(p, { tag: t.name, blob, date: t.date });
        });
        return out;
    }
    catch {
        return undefined;
    }
}
/**
 * Map path \u2192 the newest release tag (made no later than the base commit) whose tree holds it; undefined
 * when there is no such tag (or git fails): no tag information, the caller keeps its default.
 */
async function releasedPathsInGit(cwd, base, paths, patterns) {
    const blobs = await releasedBlobsInGit(cwd, base, paths, patterns);
    return blobs && new Map([...blobs].map(([p, { tag }]) => [p, tag]));
}
/**
 * Map path \u2192 the oldest release tag (made no later than the base commit) whose tree holds it, with its date;
 * undefined when there is no such tag (or git fails). Only the newest tags are looked at when there are very
 * many paths (MAX_LOOKUPS), so the answer is then the oldest of those.
 */
async function firstReleasesInGit(cwd, base, paths, patterns) {
    const blobs = await releasedBlobsInGit(cwd, base, paths, patterns, true);
    return blobs && new Map([...blobs].map(([p, { tag, date }]) => [p, { tag, date }]));
}
/** Map path \u2192 the newest release tag holding it (as releasedPathsInGit) and the text the file has there. */
async function releasedTextsInGit(cwd, base, paths, patterns) {
    const blobs = await releasedBlobsInGit(cwd, base, paths, patterns);
    if (!blobs)
        return undefined;
    const out = new Map();
    for (const [p, { tag, blob }] of blobs) {
        const text = await git(cwd, ['cat-file', 'blob', blob]).catch(() => undefined);
        if (text !== undefined)
            out.set(p, { tag, text });
    }
    return out;
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
;// CONCATENATED MODULE: ./src/change/git-objects.ts
/**
 * Reading many files at two refs of a local checkout without a `git show` per file (issue 15 item 4): one
 * `git ls-tree -r` per ref says which paths exist there (and their blob ids), one long-lived
 * `git cat-file --batch` answers every blob by id. On a PR of 1,000 migrations the CLI went from ~2,700
 * `git show` processes (~27 s) to two listings and one process.
 *
 * Same answers as `readAtRef`: a path the ref's tree does not list is absent (undefined); a blob is its
 * text; anything this reader does not handle exactly as `git show` does (a directory, a submodule, a path
 * not in canonical form, a ref whose tree cannot be listed) is read by `readAtRef`. A blob the tree lists
 * but git cannot produce (a missing object in a partial clone) throws: never "absent".
 */



/** Paths `git show <ref>:<path>` reads as repository-relative as they are. */
function canonical(path) {
    return (path !== '' &&
        !path.startsWith('/') &&
        !path.endsWith('/') &&
        !path.includes('\n') &&
        !path.split('/').some((s) => s === '' || s === '.' || s === '..'));
}
class GitObjects {
    cwd;
    trees = new Map();
    batch;
    constructor(cwd) {
        this.cwd = cwd;
    }
    /** The file at `ref` (a commit or a tree id): its text, or undefined when the ref has no such file. */
    async read(ref, path) {
        if (!canonical(path))
            return readAtRef(this.cwd, ref, path);
        const tree = await this.tree(ref);
        if (!tree)
            return readAtRef(this.cwd, ref, path);
        const entry = tree.entries.get(path);
        if (!entry)
            return tree.dirs.has(path) ? readAtRef(this.cwd, ref, path) : undefined;
        if (entry.type !== 'blob')
            return readAtRef(this.cwd, ref, path);
        this.batch ??= new CatFileBatch(this.cwd);
        try {
            return (await this.batch.blob(entry.oid)).toString('utf8');
        }
        catch (e) {
            throw new GitError(`cannot read ${path} at ${ref.slice(0, 12)}: ${e instanceof Error ? e.message : String(e)}`);
        }
    }
    tree(ref) {
        let t = this.trees.get(ref);
        if (!t) {
            t = git(this.cwd, ['ls-tree', '-r', '-z', '--full-tree', ref]).then((out) => {
                const entries = new Map();
                const dirs = new Set();
                for (const row of out.split('\0')) {
                    if (!row)
                        continue;
                    // "<mode> SP <type> SP <oid> TAB <path>"
                    const tab = row.indexOf('\t');
                    const [, type, oid] = row.slice(0, tab).split(' ');
                    const path = row.slice(tab + 1);
                    entries.set(path, { type, oid });
                    for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1))
                        dirs.add(path.slice(0, i));
                }
                return { entries, dirs };
            }, () => undefined);
            this.trees.set(ref, t);
        }
        return t;
    }
}
/**
 * One `git cat-file --batch` answering blobs by object id, in order. The process is referenced only while
 * an answer is awaited, so it never keeps the CLI alive; it ends with its stdin when the CLI exits.
 */
class CatFileBatch {
    child;
    waiting = [];
    /** Output not parsed yet, kept as chunks: a big blob is joined once, not once per chunk. */
    chunks = [];
    length = 0;
    /** Bytes the first awaited answer needs before it can be parsed (0: a header line is enough to try). */
    need = 0;
    failed;
    constructor(cwd) {
        this.child = (0,external_node_child_process_.spawn)('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        this.child.stdout.on('data', (d) => {
            this.chunks.push(d);
            this.length += d.length;
            if (this.length >= this.need)
                this.drain();
        });
        let stderr = '';
        this.child.stderr.on('data', (d) => (stderr += d.toString('utf8')));
        const fail = (e) => {
            this.failed ??= e;
            for (const w of this.waiting.splice(0))
                w.reject(this.failed);
        };
        this.child.on('error', fail);
        this.child.stdin.on('error', fail);
        this.child.on('close', (code) => {
            fail(new Error(`git cat-file --batch ended (${code ?? 'signal'})${stderr ? `: ${stderr.trim().split('\n')[0]}` : ''}`));
        });
        this.idle();
    }
    blob(oid) {
        if (this.failed)
            return Promise.reject(this.failed);
        return new Promise((resolve, reject) => {
            if (this.waiting.length === 0)
                this.busy();
            this.waiting.push({ oid, resolve, reject });
            this.child.stdin.write(`${oid}\n`);
        });
    }
    /** Parses as many complete answers as arrived: "<oid> <type> <size>\n<bytes>\n" or "<oid> missing\n". */
    drain() {
        let buf = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
        this.need = 0;
        while (this.waiting.length) {
            const nl = buf.indexOf(10);
            if (nl === -1)
                break;
            const header = buf.subarray(0, nl).toString('utf8').split(' ');
            const w = this.waiting[0];
            if (header.length !== 3) {
                this.waiting.shift();
                buf = buf.subarray(nl + 1);
                w.reject(new Error(`git cat-file: ${header.slice(1).join(' ') || 'no answer'} for ${w.oid}`));
                continue;
            }
            const end = nl + 1 + Number(header[2]);
            if (buf.length < end + 1) {
                this.need = end + 1;
                break;
            }
            this.waiting.shift();
            const body = Buffer.from(buf.subarray(nl + 1, end));
            buf = buf.subarray(end + 1);
            if (header[1] !== 'blob')
                w.reject(new Error(`git cat-file: ${w.oid} is a ${header[1]}, not a blob`));
            else
                w.resolve(body);
        }
        this.chunks = buf.length ? [buf] : [];
        this.length = buf.length;
        if (this.waiting.length === 0)
            this.idle();
    }
    // The pipes are sockets (ref/unref), which the stream types do not say: checked, not cast.
    pipes() {
        return [this.child.stdout, this.child.stderr, this.child.stdin].filter((s) => s instanceof external_node_net_.Socket);
    }
    busy() {
        this.child.ref();
        for (const s of this.pipes())
            s.ref();
    }
    idle() {
        this.child.unref();
        for (const s of this.pipes())
            s.unref();
    }
}

;// CONCATENATED MODULE: ./src/change/git.ts
/**
 * The local git source (CLI): builds the same ChangeSet as the GitHub source, from real `git` on a
 * checkout. Base defaults to the merge base with the default branch (GitHub's three-dot diff); head, in
 * the CLI, to HEAD plus the uncommitted changes (see snapshotWorkingTree).
 */






const MAX_BUFFER = 1024 * 1024 * 1024;
/** Like GitHub, a file's patch is not inlined above this size; its line counts still come from numstat. */
const MAX_PATCH_BYTES = 1024 * 1024;
class GitError extends Error {
    constructor(message) {
        super(message);
        this.name = 'GitError';
    }
}
function git(cwd, args, env) {
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_.execFile)('git', ['-c', 'core.quotepath=false', ...args], { cwd, maxBuffer: MAX_BUFFER, encoding: 'utf8', env: env ? { ...process.env, ...env } : undefined }, (err, stdout, stderr) => {
            if (err)
                reject(new GitError(`git ${args.join(' ')}: ${(stderr || err.message).trim().split('\n')[0]}`));
            else
                resolve(stdout);
        });
    });
}
async function tryGit(cwd, args) {
    try {
        return (await git(cwd, args)).trim();
    }
    catch {
        return undefined;
    }
}
/**
 * The working tree as a tree object, written through a temporary index (a copy of the real one, so stat
 * data spares rehashing unchanged files): the repository's index and work tree are left as they were.
 * Undefined when nothing differs from HEAD.
 */
async function snapshotWorkingTree(cwd) {
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'pr-gate-index-'));
    try {
        const tmpIndex = (0,external_node_path_.join)(dir, 'index');
        const env = { GIT_INDEX_FILE: tmpIndex };
        const realIndex = (0,external_node_path_.resolve)(cwd, (await git(cwd, ['rev-parse', '--git-path', 'index'])).trim());
        const copied = await (0,promises_.copyFile)(realIndex, tmpIndex).then(() => true, () => false);
        if (!copied)
            await git(cwd, ['read-tree', 'HEAD'], env);
        try {
            await git(cwd, ['add', '-A'], env);
        }
        catch (e) {
            if (!copied)
                throw e;
            // An index this git cannot reuse elsewhere (e.g. a split index): start from HEAD instead.
            await git(cwd, ['read-tree', 'HEAD'], env);
            await git(cwd, ['add', '-A'], env);
        }
        const tree = (await git(cwd, ['write-tree'], env)).trim();
        const headTree = (await git(cwd, ['rev-parse', 'HEAD^{tree}'])).trim();
        if (tree === headTree)
            return undefined;
        const changed = (await git(cwd, ['diff-tree', '-r', '--name-only', '-z', headTree, tree])).split('\0').filter(Boolean);
        return { tree, files: changed.length };
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
/** The names the default branch usually has, after origin/HEAD, the upstream and init.defaultBranch. */
const USUAL_DEFAULT_BRANCHES = ['main', 'master', 'trunk'];
/**
 * Resolves --base/--head. Without --base, the base is the merge base with the default branch as git
 * knows it: `origin/HEAD`, then the upstream of the current branch, then `init.defaultBranch`, then the
 * usual names (main, master, trunk; local, then on origin). On the default branch itself: HEAD (only
 * the uncommitted changes) when there are some, else HEAD~1 (the last commit).
 */
async function resolveRange(cwd, baseArg, headArg = 'HEAD', opts = {}) {
    // Independent questions go to git at once (each answer is a process start, ~10\u201325 ms); the errors are still
    // reported in this order.
    const [inside, head, givenBase] = await Promise.all([
        tryGit(cwd, ['rev-parse', '--is-inside-work-tree']),
        tryGit(cwd, ['rev-parse', '--verify', `${headArg}^{commit}`]),
        baseArg ? tryGit(cwd, ['rev-parse', '--verify', `${baseArg}^{commit}`]) : undefined,
    ]);
    if (inside !== 'true')
        throw new GitError(`${cwd} is not inside a git work tree`);
    if (!head)
        throw new GitError(`--head ${headArg} is not a commit in this repository`);
    const workingTree = opts.workingTree ? await snapshotWorkingTree(cwd) : undefined;
    if (baseArg) {
        const b = givenBase;
        if (!b)
            throw new GitError(`--base ${baseArg} is not a commit in this repository`);
        const mb = (await tryGit(cwd, ['merge-base', b, head])) ?? b;
        return { base: mb, head, baseLabel: `merge base of ${baseArg} and ${headArg}`, workingTree };
    }
    const candidates = [];
    const originHead = await tryGit(cwd, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
    if (originHead)
        candidates.push({ ref: originHead, why: 'origin/HEAD' });
    const branch = await tryGit(cwd, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
    const upstream = branch ? await tryGit(cwd, ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}']) : undefined;
    if (upstream)
        candidates.push({ ref: upstream, why: `upstream of ${branch}`, upstream: true });
    const configured = await tryGit(cwd, ['config', '--get', 'init.defaultBranch']);
    if (configured)
        candidates.push({ ref: configured, why: 'init.defaultBranch' }, { ref: `origin/${configured}`, why: 'init.defaultBranch on origin' });
    for (const name of USUAL_DEFAULT_BRANCHES)
        candidates.push({ ref: name, why: 'a usual default-branch name' }, { ref: `origin/${name}`, why: 'a usual default-branch name' });
    for (const cand of candidates) {
        const b = await tryGit(cwd, ['rev-parse', '--verify', '--quiet', `${cand.ref}^{commit}`]);
        if (!b)
            continue;
        const mb = await tryGit(cwd, ['merge-base', b, head]);
        if (!mb)
            continue; // unrelated history
        if (mb !== head)
            return { base: mb, head, baseLabel: `merge base with ${cand.ref} (${cand.why})`, workingTree };
        // Everything up to HEAD is in the upstream (already pushed): that says nothing of the default branch.
        if (cand.upstream)
            continue;
        // HEAD is on the default branch (or behind it).
        if (workingTree)
            return { base: head, head, baseLabel: `HEAD: ${cand.ref} (${cand.why}) contains HEAD, so only the uncommitted changes`, workingTree };
        const parent = await tryGit(cwd, ['rev-parse', '--verify', '--quiet', `${head}~1^{commit}`]);
        if (!parent)
            throw new GitError(`no base to compare with: HEAD is the first commit of ${cand.ref} (${cand.why}); pass --base REF`);
        return { base: parent, head, baseLabel: `${headArg}~1: ${cand.ref} (${cand.why}) contains ${headArg}, so only its last commit` };
    }
    const names = [...new Set(candidates.map((c) => c.ref))].join(', ');
    if (workingTree)
        return {
            base: head,
            head,
            baseLabel: `HEAD: no default branch found (tried ${names || 'origin/HEAD'}), so only the uncommitted changes`,
            workingTree,
        };
    const parent = await tryGit(cwd, ['rev-parse', '--verify', '--quiet', `${head}~1^{commit}`]);
    if (!parent)
        throw new GitError(`no base to compare with: the repository has a single commit and no default branch to diff against (tried ${names}); pass --base REF`);
    return { base: parent, head, baseLabel: `${headArg}~1: no default branch found (tried ${names}), so only the last commit` };
}
const STATUS = { A: 'added', D: 'removed', M: 'modified', R: 'renamed', C: 'copied', T: 'changed' };
/** Splits `git diff` output into per-file sections (each starts with "diff --git"). */
function splitSections(patch) {
    const out = [];
    let start = -1;
    let idx = patch.startsWith('diff --git ') ? 0 : patch.indexOf('\ndiff --git ');
    while (idx !== -1) {
        const s = idx === 0 && start === -1 ? 0 : idx + 1;
        if (start !== -1)
            out.push(patch.slice(start, s - 1));
        start = s;
        idx = patch.indexOf('\ndiff --git ', s);
    }
    if (start !== -1)
        out.push(patch.slice(start));
    return out;
}
async function gitChangeSet(cwd, range) {
    const headSide = range.workingTree?.tree ?? range.head;
    const common = ['--no-color', '--no-ext-diff', '-M', range.base, headSide];
    const [nameStatus, numstat, patch] = await Promise.all([
        git(cwd, ['diff', '--name-status', '-z', ...common]),
        git(cwd, ['diff', '--numstat', '-z', ...common]),
        git(cwd, ['diff', '--unified=3', ...common]),
    ]);
    // name-status -z: STATUS\0path\0 or Rnnn\0old\0new\0
    const ns = nameStatus.split('\0');
    const files = [];
    for (let i = 0; i < ns.length - 1;) {
        const code = ns[i++];
        if (!code)
            continue;
        const letter = code[0];
        if (letter === 'R' || letter === 'C') {
            const previousPath = ns[i++];
            const path = ns[i++];
            files.push({ path, previousPath, status: letter === 'R' ? 'renamed' : 'copied', additions: 0, deletions: 0 });
        }
        else {
            files.push({ path: ns[i++], status: STATUS[letter] ?? 'modified', additions: 0, deletions: 0 });
        }
    }
    // numstat -z: "a\td\tpath\0" or "a\td\t\0old\0new\0" for renames
    const nm = numstat.split('\0');
    const counts = [];
    for (let i = 0; i < nm.length;) {
        const row = nm[i++];
        if (!row)
            continue;
        const [a, d, p] = row.split('\t');
        if (p === '')
            i += 2;
        counts.push({ add: a === '-' ? 0 : Number(a), del: d === '-' ? 0 : Number(d), binary: a === '-' });
    }
    const sections = splitSections(patch);
    files.forEach((f, k) => {
        const c = counts.at(k); // none when --numstat listed fewer files
        if (c) {
            f.additions = c.add;
            f.deletions = c.del;
            if (c.binary)
                f.binary = true;
        }
        const sec = sections[k];
        if (sec && !f.binary && sec.length <= MAX_PATCH_BYTES) {
            const at = sec.indexOf('\n@@');
            if (at !== -1)
                f.patch = sec.slice(at + 1).replace(/\n$/, '');
        }
    });
    const cache = new Map();
    const objects = new GitObjects(cwd);
    const show = (ref, path) => {
        const key = `${ref}:${path}`;
        let p = cache.get(key);
        if (!p) {
            p = objects.read(ref, path);
            cache.set(key, p);
        }
        return p;
    };
    const listings = new Map();
    const listBase = (dir) => {
        let p = listings.get(dir);
        if (!p) {
            p = tryGitRaw(cwd, ['ls-tree', '-r', '-z', '--name-only', range.base, ...(dir ? ['--', dir] : [])]).then((out) => out === undefined ? undefined : out.split('\0').filter(Boolean));
            listings.set(dir, p);
        }
        return p;
    };
    return {
        base: range.base,
        head: range.head,
        files,
        totalFiles: files.length,
        truncated: false,
        readHead: (p) => show(headSide, p),
        readBase: (p) => show(range.base, p),
        listBase,
        ...releaseAnswers(cwd, range.base),
    };
}
/** What the release tags say, at the base commit: the local git source's answers to ChangeSet's release questions. */
function releaseAnswers(cwd, base) {
    return {
        releasedPaths: (paths, patterns) => releasedPathsInGit(cwd, base, paths, patterns),
        releasedTexts: (paths, patterns) => releasedTextsInGit(cwd, base, paths, patterns),
        firstReleases: (paths, patterns) => firstReleasesInGit(cwd, base, paths, patterns),
    };
}
async function tryGitRaw(cwd, args) {
    try {
        return await git(cwd, args);
    }
    catch {
        return undefined;
    }
}
/** What git says when `ref:path` names no file at that ref (the only failure that means "absent"). */
const ABSENT_AT_REF = /does not exist in '|exists on disk, but not in '/;
/**
 * Reads a file at a ref: undefined when the file does not exist there. Any other failure (a missing
 * object in a partial clone, a corrupt pack, git itself failing) throws: "absent" is evidence a rule
 * acts on, so an unreadable file must never pass for one (the rule then reports "not evaluated").
 */
async function readAtRef(cwd, ref, path) {
    try {
        return await git(cwd, ['show', `${ref}:${path}`]);
    }
    catch (e) {
        if (e instanceof GitError && ABSENT_AT_REF.test(e.message))
            return undefined;
        throw e instanceof GitError ? new GitError(`cannot read ${path} at ${ref.slice(0, 12)}: ${e.message}`) : e;
    }
}


/***/ })

};
