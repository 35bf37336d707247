export const id = 596;
export const ids = [596];
export const modules = {

/***/ 18092:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


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
function isPrerelease(tag) {
    return PRERELEASE.test(tag);
}
/** Release tags (name matches a pattern, not a pre-release) made no later than `notAfter` (seconds), newest first. */
function releaseTags(refs, patterns, notAfter) {
    const globs = patterns.map((p) => new esm/* Minimatch */.VR(p, glob/* GLOB_OPTIONS */.gu));
    const out = [];
    for (const line of refs.split('\n')) {
        const [name, date, peeled, object] = line.split('\t');
        if (!name || !object)
            continue;
        const d = Number(date);
        if (!Number.isFinite(d) || d > notAfter)
            continue;
        if (isPrerelease(name) || !globs.some((g) => g.match(name)))
            continue;
        out.push({ name, commit: peeled || object, date: d });
    }
    return out.sort((a, b) => b.date - a.date);
}
function batchCheck(cwd, input) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('git', ['cat-file', '--batch-check=%(objecttype)'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        const chunks = [];
        child.stdout.on('data', (c) => chunks.push(c));
        child.on('error', reject);
        child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(new Error(`git cat-file exited with ${code}`))));
        child.stdin.end(input);
    });
}
/** Most tag × path lookups in one call (each is one line of `git cat-file --batch-check`). */
const MAX_LOOKUPS = 200_000;
/**
 * Map path → the newest release tag (made no later than the base commit) whose tree holds it; undefined
 * when there is no such tag (or git fails): no tag information, the caller keeps its default.
 */
async function releasedPathsInGit(cwd, base, paths, patterns) {
    if (patterns.length === 0)
        return undefined;
    try {
        const baseDate = Number((await git(cwd, ['show', '-s', '--format=%ct', base])).trim());
        const refs = await git(cwd, ['for-each-ref', 'refs/tags', '--format=%(refname:strip=2)%09%(creatordate:unix)%09%(*objectname)%09%(objectname)']);
        const tags = releaseTags(refs, patterns, baseDate);
        if (tags.length === 0)
            return undefined;
        const out = new Map();
        const todo = [...new Set(paths)];
        if (todo.length === 0)
            return out;
        const usable = tags.slice(0, Math.max(1, Math.floor(MAX_LOOKUPS / todo.length)));
        const lines = usable.flatMap((t) => todo.map((p) => `${t.commit}:${p}`));
        const types = (await batchCheck(cwd, lines.join('\n') + '\n')).split('\n');
        lines.forEach((_, i) => {
            const t = usable[Math.floor(i / todo.length)];
            const p = todo[i % todo.length];
            if (types[i]?.trim() === 'blob' && !out.has(p))
                out.set(p, t.name);
        });
        return out;
    }
    catch {
        return undefined;
    }
}

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
    return path !== '' && !path.startsWith('/') && !path.endsWith('/') && !path.includes('\n') && !path.split('/').some((s) => s === '' || s === '.' || s === '..');
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
        this.child.on('close', (code) => fail(new Error(`git cat-file --batch ended (${code ?? 'signal'})${stderr ? `: ${stderr.trim().split('\n')[0]}` : ''}`)));
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
    // The pipes are sockets (ref/unref), which the stream types do not say.
    busy() {
        this.child.ref();
        for (const s of [this.child.stdout, this.child.stderr, this.child.stdin])
            s.ref();
    }
    idle() {
        this.child.unref();
        for (const s of [this.child.stdout, this.child.stderr, this.child.stdin])
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
    if ((await tryGit(cwd, ['rev-parse', '--is-inside-work-tree'])) !== 'true')
        throw new GitError(`${cwd} is not inside a git work tree`);
    const head = await tryGit(cwd, ['rev-parse', '--verify', `${headArg}^{commit}`]);
    if (!head)
        throw new GitError(`--head ${headArg} is not a commit in this repository`);
    const workingTree = opts.workingTree ? await snapshotWorkingTree(cwd) : undefined;
    if (baseArg) {
        const b = await tryGit(cwd, ['rev-parse', '--verify', `${baseArg}^{commit}`]);
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
        return { base: head, head, baseLabel: `HEAD: no default branch found (tried ${names || 'origin/HEAD'}), so only the uncommitted changes`, workingTree };
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
            files.push({ path, previousPath, status: STATUS[letter], additions: 0, deletions: 0 });
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
        const c = counts[k];
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
        releasedPaths: (paths, patterns) => releasedPathsInGit(cwd, range.base, paths, patterns),
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


/***/ }),

/***/ 30596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// UNUSED EXPORTS: COMMANDS, USAGE, commandUsage, packageVersion

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/change/git.ts + 2 modules
var git = __webpack_require__(18092);
// EXTERNAL MODULE: ./src/change/generated.ts
var generated = __webpack_require__(9393);
// EXTERNAL MODULE: ./src/evidence/workspace.ts
var workspace = __webpack_require__(21592);
// EXTERNAL MODULE: ./src/policy/load.ts + 3 modules
var load = __webpack_require__(40949);
// EXTERNAL MODULE: ./src/policy/schema.ts + 1 modules
var schema = __webpack_require__(21458);
// EXTERNAL MODULE: ./src/engine/run.ts
var run = __webpack_require__(62515);
// EXTERNAL MODULE: ./src/engine/plan.ts
var engine_plan = __webpack_require__(30955);
// EXTERNAL MODULE: ./src/github/evaluate.ts + 3 modules
var evaluate = __webpack_require__(55425);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
// EXTERNAL MODULE: ./src/report/waiver-audit.ts
var waiver_audit = __webpack_require__(15946);
;// CONCATENATED MODULE: ./src/report/text.ts


const ICON = { pass: 'PASS', notice: 'PASS', warn: 'WARN', fail: 'FAIL', error: 'ERROR', off: 'off', waived: 'WAIVED' };
/** Untrusted text for a terminal: ESC and every other C0/C1 control, and bidi controls, shown as `\uXXXX`. */
function clean(s) {
    return (0,report_escape/* visibleControls */.xx)(s);
}
function renderText(v) {
    const out = [`quality gate: ${v.conclusion.toUpperCase()} — ${clean(v.title)}`, `policy: ${clean(v.policySource)}`, ''];
    for (const n of v.notes) {
        out.push(`${n.level}: ${clean(n.message)}`);
        if (n.detail)
            for (const d of n.detail.split('\n'))
                out.push(`  ${clean(d)}`);
    }
    if (v.notes.length)
        out.push('');
    for (const r of v.results) {
        // A pass with nothing to check is not a pass: say which it was.
        const quiet = r.status === 'pass' || r.status === 'notice';
        const word = quiet && r.applicability === 'not-applicable' ? 'N/A' : quiet && r.applicability === 'no-evidence' ? 'NO EVIDENCE' : ICON[r.status];
        out.push(`${word.padEnd(6)} ${r.id}${r.summary ? ` — ${clean(r.summary)}` : ''}`);
        if (r.waiver)
            out.push(`       ${clean((0,waiver_audit/* waiverText */.Eu)(r.waiver))}`);
        for (const f of r.findings) {
            const where = f.path ? `${clean(f.path)}${f.line ? `:${f.line}` : ''}: ` : '';
            const lvl = f.kind === 'error' ? 'error' : f.kind === 'info' ? 'info' : (f.level ?? r.level);
            out.push(`       [${lvl}] ${where}${f.code ? `(${f.code}) ` : ''}${clean(f.message)}`);
            if (f.hint)
                out.push(`         fix: ${clean(f.hint)}`);
        }
    }
    return out.join('\n') + '\n';
}

// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
// EXTERNAL MODULE: ./src/report/json.ts
var json = __webpack_require__(32794);
// EXTERNAL MODULE: ./src/rules/index.ts + 47 modules
var rules = __webpack_require__(83627);
// EXTERNAL MODULE: ./src/policy/validate.ts
var validate = __webpack_require__(17766);
// EXTERNAL MODULE: ./src/rules/migration-safety/dangers.ts
var dangers = __webpack_require__(18157);
// EXTERNAL MODULE: ./src/cli/usage.ts
var usage = __webpack_require__(27485);
;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * `pr-gate`: the gate on a local git checkout, with real git. Exit codes: 0 the gate passed (success or
 * neutral), 1 the gate failed, 2 usage or configuration error. Messages, never stack traces.
 */















// The App (`serve`) and release mode are loaded by their commands only (issue 15 item 5).





const hint = (s) => (s ? ` (did you mean "${s}"?)` : '');
const defaultIO = {
    out: (s) => {
        if (!stdoutClosed)
            process.stdout.write(s);
    },
    err: (s) => process.stderr.write(s),
    cwd: process.cwd(),
};
class UsageError extends Error {
}
let stdoutClosed = false;
/**
 * `pr-gate explain … | head`: once the reader goes away, writes fail with EPIPE. Stop writing, quietly;
 * the command still finishes and exits with its own code.
 */
function quietOnClosedStdout() {
    if (process.stdout.listenerCount('error') > 0)
        return;
    process.stdout.on('error', (e) => {
        if (e.code === 'EPIPE') {
            stdoutClosed = true;
            return;
        }
        process.stderr.write(`pr-gate: cannot write the output: ${(0,run/* errorMessage */.gJ)(e)}\n`);
        process.exitCode = 2;
    });
}
async function readStdin() {
    const chunks = [];
    for await (const c of process.stdin)
        chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
    return Buffer.concat(chunks).toString('utf8');
}
async function main(argv, io = defaultIO) {
    const [cmd, ...rest] = argv;
    if (io === defaultIO)
        quietOnClosedStdout();
    try {
        if (cmd === '--version' || cmd === '-V' || cmd === 'version') {
            io.out(`pr-gate ${(0,usage/* packageVersion */.Tl)()}\n`);
            return 0;
        }
        if (cmd && usage/* COMMANDS */.Lo.includes(cmd) && (rest.includes('--help') || rest.includes('-h'))) {
            io.out((0,usage/* commandUsage */.T3)(cmd) ?? usage/* USAGE */.u_);
            return 0;
        }
        switch (cmd) {
            case 'check':
                return await check(rest, io);
            case 'validate':
                return await validateCmd(rest, io);
            case 'explain':
                return await explain(rest, io);
            case 'serve':
                return await serveCmd(rest, io);
            case 'queue':
                return await queueCmd(rest, io);
            case 'release':
                return await releaseCmd(rest, io);
            case 'report':
                return await reportCmd(rest, io);
            case 'schema':
                io.out(JSON.stringify((0,schema/* policyJsonSchema */.qF)(), null, 2) + '\n');
                return 0;
            case undefined:
            case 'help':
            case '--help':
            case '-h':
                io.out(usage/* USAGE */.u_);
                return cmd === undefined ? 2 : 0;
            default:
                throw new UsageError(`unknown command ${JSON.stringify(cmd)}${hint((0,validate/* didYouMean */.au)(cmd, usage/* COMMANDS */.Lo))}`);
        }
    }
    catch (e) {
        if (e instanceof UsageError || e?.code?.startsWith?.('ERR_PARSE_ARGS')) {
            io.err(`pr-gate: ${(0,run/* errorMessage */.gJ)(e)}\n\n${usage/* USAGE */.u_}`);
            return 2;
        }
        if (e instanceof git/* GitError */.XS || e instanceof load/* PolicyError */.pn) {
            io.err(`pr-gate: ${(0,run/* errorMessage */.gJ)(e)}\n`);
            return 2;
        }
        io.err(`pr-gate: ${(0,run/* errorMessage */.gJ)(e)}\n`);
        return 2;
    }
}
async function check(args, io) {
    const { values } = (0,external_node_util_.parseArgs)({
        args,
        options: {
            base: { type: 'string' },
            head: { type: 'string' },
            policy: { type: 'string' },
            format: { type: 'string', default: 'text' },
            body: { type: 'string', default: '' },
            label: { type: 'string', multiple: true, default: [] },
            committed: { type: 'boolean', default: false },
        },
        strict: true,
        allowPositionals: false,
    });
    const format = values.format;
    if (!['text', 'markdown', 'json'].includes(format))
        throw new UsageError(`--format: expected text, markdown or json, got ${JSON.stringify(format)}`);
    const root = (await (0,git/* git */.$Y)(io.cwd, ['rev-parse', '--show-toplevel']).catch(() => {
        throw new git/* GitError */.XS(`${io.cwd} is not inside a git work tree`);
    })).trim();
    // An explicit --head names a commit: the range is committed history, whatever the working tree holds.
    const committedOnly = values.committed === true || values.head !== undefined;
    const range = await (0,git/* resolveRange */.Ss)(root, values.base, values.head, { workingTree: !committedOnly });
    const body = values.body === '-' ? await readStdin() : values.body;
    const changes = await (0,git/* gitChangeSet */.Jk)(root, range);
    const gitattributes = await (0,git/* readAtRef */.Bg)(root, range.base, '.gitattributes');
    (0,generated/* markExclusions */.zj)(changes.files, gitattributes);
    let policyText;
    let policyFile = evaluate/* DEFAULT_POLICY_PATH */.lo;
    let read = (p) => (0,git/* readAtRef */.Bg)(root, range.base, p);
    let policySource;
    if (values.policy) {
        const abs = (0,external_node_path_.resolve)(io.cwd, values.policy);
        policyText = await (0,promises_.readFile)(abs, 'utf8').catch(() => {
            throw new UsageError(`--policy ${values.policy}: file not found`);
        });
        policyFile = (0,external_node_path_.relative)(root, abs).split(external_node_path_.sep).join('/') || values.policy;
        read = (p) => (0,promises_.readFile)((0,external_node_path_.resolve)(root, p), 'utf8').catch(() => undefined);
        policySource = `${policyFile} (working tree)${(0,load/* isEmptyPolicy */.kj)(policyText) ? '; empty: the default preset applies' : ''}`;
    }
    else {
        policyText = await (0,git/* readAtRef */.Bg)(root, range.base, evaluate/* DEFAULT_POLICY_PATH */.lo);
        policySource = policyText === undefined ? `embedded default policy (no ${evaluate/* DEFAULT_POLICY_PATH */.lo} at the base)` : `${evaluate/* DEFAULT_POLICY_PATH */.lo}@${range.base.slice(0, 12)}${(0,load/* isEmptyPolicy */.kj)(policyText) ? ' (empty: the default preset applies)' : ''}`;
    }
    const author = (await (0,git/* git */.$Y)(root, ['log', '-1', '--format=%an', range.head]).catch(() => '')).trim();
    const ctx = {
        changes,
        pr: { title: (await (0,git/* git */.$Y)(root, ['log', '-1', '--format=%s', range.head]).catch(() => '')).trim(), body, author, labels: values.label },
        evidence: (0,workspace/* workspaceEvidence */.$W)(root),
        gitattributes,
        now: new Date(),
        mode: 'pull_request',
    };
    let verdict;
    try {
        const loaded = await (0,load/* loadPolicy */.tb)(policyText, policyFile, read, await apiRemoteOptions(io));
        // What the rules declare they will read is asked of git at once (one pipelined cat-file batch, see
        // src/change/git-objects.ts) instead of one answer awaited per file as the rules go. A failed read
        // stays in the cache and fails the rule that needs it, as before.
        const plan = (0,engine_plan/* planReads */.z)(loaded.policy, changes.files, 'pull_request');
        await Promise.allSettled([...plan.head.map((p) => changes.readHead(p)), ...plan.base.map((p) => changes.readBase(p))]);
        verdict = await (0,run/* runGate */.Rg)({ policy: loaded.policy, ctx, policySource, notes: [...rangeNotes(range, committedOnly, values.head !== undefined), ...(0,evaluate/* enforcementNotes */.Yy)(loaded)] });
    }
    catch (e) {
        if (!(e instanceof load/* PolicyError */.pn))
            throw e;
        verdict = (0,run/* policyErrorVerdict */.GS)(e.issues.map(load/* formatIssue */.Hd), ctx, policySource, (0,evaluate/* defaultResolvedPolicy */.aW)());
    }
    if (format === 'json')
        io.out(JSON.stringify((0,json/* toJsonReport */.O)(verdict), null, 2) + '\n');
    else if (format === 'markdown')
        io.out((0,markdown/* renderJobSummary */.qE)(verdict, { labelPrefix: 'gate-waive:', links: {} }) + '\n');
    else
        io.out(renderText(verdict));
    if (verdict.failedRules.includes('policy'))
        return 2;
    return verdict.conclusion === 'failure' ? 1 : 0;
}
/** Which diff was checked, in words: the base and how it was found, and whether uncommitted changes are in. */
function rangeNotes(range, committedOnly, explicitHead) {
    const wt = range.workingTree;
    const head = wt ? `${range.head.slice(0, 12)}+uncommitted` : range.head.slice(0, 12);
    const notes = [{ level: 'info', message: `Compared ${range.base.slice(0, 12)}…${head} (base: ${range.baseLabel}).` }];
    if (wt)
        notes.push({ level: 'info', message: `Included uncommitted changes: ${wt.files} file${wt.files === 1 ? '' : 's'} staged, modified or untracked; --committed checks commits only.` });
    else if (committedOnly)
        notes.push({ level: 'info', message: `Commits only (${explicitHead ? '--head given' : '--committed'}): uncommitted changes are not checked.` });
    else
        notes.push({ level: 'info', message: 'No uncommitted changes: the working tree is clean.' });
    return notes;
}
async function validateCmd(args, io) {
    const { positionals, values } = (0,external_node_util_.parseArgs)({ args, options: { offline: { type: 'string', multiple: true, default: [] } }, allowPositionals: true, strict: true });
    const file = positionals[0] ?? evaluate/* DEFAULT_POLICY_PATH */.lo;
    const abs = (0,external_node_path_.resolve)(io.cwd, file);
    const text = await (0,promises_.readFile)(abs, 'utf8').catch(() => undefined);
    if (text === undefined) {
        io.err(`pr-gate: ${file}: file not found\n`);
        return 2;
    }
    const root = (await (0,git/* git */.$Y)(io.cwd, ['rev-parse', '--show-toplevel']).catch(() => io.cwd)).trim();
    const offline = values.offline;
    const remote = offline.length ? await offlineReader(offline, text, io) : await apiRemoteOptions(io);
    try {
        const { policy, sources, enforced } = await (0,load/* loadPolicy */.tb)(text, file, (p) => (0,promises_.readFile)((0,external_node_path_.resolve)(root, p), 'utf8').catch(() => undefined), remote);
        if (enforced.length) {
            io.err(enforced.map(loosenedFloor).join('\n') + '\n');
            return 2;
        }
        const levels = Object.entries(policy.rules)
            .map(([id, r]) => `${id}=${r.level}`)
            .join(', ');
        io.out(`${file}: valid (from ${sources.join(' → ')}; ${levels})\n`);
        return 0;
    }
    catch (e) {
        if (e instanceof load/* PolicyError */.pn) {
            io.err(e.issues.map(load/* formatIssue */.Hd).join('\n') + '\n');
            return 2;
        }
        throw e;
    }
}
/** A key of the repository's policy that loosens an org floor, as `file:line:column: message`. */
function loosenedFloor(e) {
    const at = e.setBy ? (e.setBy.line !== undefined ? `${e.setBy.file}:${e.setBy.line}:${e.setBy.column ?? 1}: ` : `${e.setBy.file}: `) : '';
    return `${at}loosens an org floor: ${(0,load/* describeEnforcement */.u1)(e)} by the gate`;
}
const API_HINT = 'set GITHUB_TOKEN (or GH_TOKEN) to a token that can read it, or pass --offline ORGFILE';
/** Reads `github:` extends through the API when a token is in the environment; otherwise says how to provide one. */
async function apiRemoteOptions(io) {
    const token = process.env.GITHUB_TOKEN || process.env.GH_TOKEN;
    if (!token)
        return { remoteUnavailable: API_HINT };
    const [{ createClient }, { RemotePolicyReader }] = await Promise.all([Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 96584)), Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 58808))]);
    const octokit = createClient({ token, baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com', log: (m) => io.err(`pr-gate: ${m}\n`) });
    const reader = new RemotePolicyReader(octokit, {
        accessHint: 'Set GITHUB_TOKEN (or GH_TOKEN) to a token with contents: read on that repository, or pass --offline ORGFILE. See docs/policy.md, "Org policy".',
    });
    return { remote: reader.read };
}
/**
 * `--offline`: org files from disk instead of the API. `SPEC=FILE` answers that github: spec; a bare FILE
 * answers every github: spec the policy names directly in its `extends`.
 */
async function offlineReader(entries, policyText, io) {
    const named = new Map();
    let bare;
    for (const e of entries) {
        const eq = e.startsWith(load/* REMOTE_PREFIX */._Q) ? e.lastIndexOf('=') : -1;
        if (eq > 0) {
            const spec = (0,load/* parseRemoteSpec */.Z_)(e.slice(0, eq));
            if (typeof spec === 'string')
                throw new UsageError(`--offline ${e}: ${spec}`);
            named.set((0,load/* remoteName */.iy)(spec), e.slice(eq + 1));
        }
        else if (bare !== undefined)
            throw new UsageError('--offline: only one ORGFILE without a github: spec; name the others as github:OWNER/REPO/PATH@REF=FILE');
        else
            bare = e;
    }
    const direct = new Set();
    try {
        const doc = (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 33243))).load(policyText);
        const ext = doc?.extends;
        for (const x of Array.isArray(ext) ? ext : [ext]) {
            const spec = typeof x === 'string' && x.startsWith(load/* REMOTE_PREFIX */._Q) ? (0,load/* parseRemoteSpec */.Z_)(x) : undefined;
            if (spec && typeof spec !== 'string')
                direct.add((0,load/* remoteName */.iy)(spec));
        }
    }
    catch {
        // the loader reports the YAML error with its position
    }
    const read = async (spec) => {
        const name = (0,load/* remoteName */.iy)(spec);
        const path = named.get(name) ?? (direct.has(name) ? bare : undefined);
        if (path === undefined)
            throw new load/* RemoteReadError */.dd(`not available offline: pass --offline ${name}=FILE`);
        const text = await (0,promises_.readFile)((0,external_node_path_.resolve)(io.cwd, path), 'utf8').catch(() => undefined);
        if (text === undefined)
            throw new load/* RemoteReadError */.dd(`--offline ${path}: file not found`);
        return text;
    };
    return { remote: read };
}
async function explain(args, io) {
    const id = args[0];
    if (!id) {
        for (const r of rules/* RULES */.y)
            io.out(`${r.id.padEnd(22)} default ${r.defaultLevel.padEnd(6)} ${r.description}\n`);
        return 0;
    }
    const rule = rules/* RULES */.y.find((r) => r.id === id);
    if (!rule) {
        const danger = dangers/* DANGERS */.zA[id];
        if (danger)
            return explainDanger(id, danger, io);
        const known = [...rules/* RULES */.y.map((r) => r.id), ...Object.keys(dangers/* DANGERS */.zA)];
        throw new UsageError(`unknown rule or migration danger ${JSON.stringify(id)}${hint((0,validate/* didYouMean */.au)(id, known))}; rules: ${rules/* RULES */.y.map((r) => r.id).join(', ')}; dangers: pr-gate explain migration-safety lists them`);
    }
    // The value a key takes when a policy leaves it out (nested defaults filled in: `sizes` is {XS: 10, …},
    // not {}), and what the default preset sets where that differs.
    const preset = (await (0,load/* loadPolicy */.tb)(undefined, evaluate/* DEFAULT_POLICY_PATH */.lo, async () => undefined)).policy.rules[rule.id] ?? {};
    const entry = (0,schema/* ruleEntrySchema */.gw)(rule);
    const presetLevel = preset.level !== rule.defaultLevel ? ` (the default preset sets ${preset.level})` : '';
    io.out(`${rule.id}: ${rule.description}\ndefault level: ${rule.defaultLevel}${presetLevel}\ndocs: docs/rules/${rule.id}.md\noptions (default when left out):\n`);
    for (const [k, s] of Object.entries(entry.properties ?? {})) {
        if (k === 'level' || k === 'locked')
            continue;
        const def = (0,validate/* applyDefaults */.hq)(s, undefined);
        const inPreset = JSON.stringify(preset[k]) !== JSON.stringify(def) ? ` (the default preset sets ${JSON.stringify(preset[k])})` : '';
        io.out(`  ${k}: ${JSON.stringify(def)}${inPreset}${s.description ? ` — ${s.description}` : ''}\n`);
    }
    if (rule.id === 'migration-safety') {
        io.out('dangers (pr-gate explain <id> for one):\n');
        for (const [d, info] of Object.entries(dangers/* DANGERS */.zA))
            io.out(`  ${d.padEnd(34)} ${info.level.padEnd(6)} ${info.title}\n`);
    }
    return 0;
}
/** One migration danger: what it locks, why it hurts, the safe recipe, how to tune or suppress it. */
function explainDanger(id, d, io) {
    io.out([
        `${id} (migration-safety): ${d.title}`,
        `lock: ${d.lock}`,
        `why: ${d.why}`,
        `fix: ${d.fix}`,
        `default level: ${d.level} (policy: rules.migration-safety.dangers.${id}: off | notice | warn | fail)`,
        `suppress one statement: -- quality-gate: ignore ${id} <reason>   (# in Ruby and Python migrations)`,
        `docs: docs/rules/migration-safety.md, section \`${id}\``,
        '',
    ].join('\n'));
    return 0;
}
async function serveCmd(args, io) {
    (0,external_node_util_.parseArgs)({ args, options: {}, allowPositionals: false, strict: true });
    const [{ ConfigError, loadAppConfig }, { serve }] = await Promise.all([__webpack_require__.e(/* import() */ 293).then(__webpack_require__.bind(__webpack_require__, 80293)), Promise.all(/* import() */[__webpack_require__.e(365), __webpack_require__.e(734), __webpack_require__.e(430), __webpack_require__.e(69)]).then(__webpack_require__.bind(__webpack_require__, 86375))]);
    let config;
    try {
        config = loadAppConfig(process.env);
    }
    catch (e) {
        if (e instanceof ConfigError) {
            io.err(e.message + '\n');
            return 2;
        }
        throw e;
    }
    const code = await serve(config);
    // Keep-alive sockets to GitHub would hold the process open after a graceful stop.
    process.exit(code);
}
/** `pr-gate report` lives in src/trends/ (loaded by the command only). */
async function reportCmd(args, io) {
    const { reportCmd: run, ReportUsageError } = await __webpack_require__.e(/* import() */ 471).then(__webpack_require__.bind(__webpack_require__, 16471));
    try {
        return await run(args, io);
    }
    catch (e) {
        if (e instanceof ReportUsageError)
            throw new UsageError(e.message);
        throw e;
    }
}
async function queueCmd(args, io) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({ args, options: { json: { type: 'boolean' }, all: { type: 'boolean' } }, allowPositionals: true, strict: true });
    const [sub, ...ids] = positionals;
    if (sub !== 'failed' && sub !== 'replay')
        throw new UsageError(`pr-gate queue: expected "failed" or "replay", got ${JSON.stringify(sub ?? '')}`);
    if (sub === 'failed' && ids.length)
        throw new UsageError('pr-gate queue failed: takes no delivery ids');
    if (sub === 'replay' && !values.all === !ids.length)
        throw new UsageError('pr-gate queue replay: give delivery ids, or --all (not both)');
    const [{ ConfigError, redisSettings }, { withQueue, listFailed, replayFailed }] = await Promise.all([__webpack_require__.e(/* import() */ 293).then(__webpack_require__.bind(__webpack_require__, 80293)), Promise.all(/* import() */[__webpack_require__.e(365), __webpack_require__.e(300)]).then(__webpack_require__.bind(__webpack_require__, 53796))]);
    const problems = [];
    const settings = redisSettings(process.env, problems);
    if (!settings && !problems.length)
        problems.push('REDIS_URL is not set: the Redis the App\'s replicas use (redis://HOST:PORT)');
    if (problems.length || !settings) {
        io.err(new ConfigError(problems).message.replace('pr-gate serve:', 'pr-gate queue:') + '\n');
        return 2;
    }
    try {
        return await withQueue(settings, async (q) => {
            if (sub === 'failed') {
                const failed = await listFailed(q);
                if (values.json)
                    io.out(JSON.stringify(failed, null, 2) + '\n');
                else if (!failed.length)
                    io.out('No failed deliveries.\n');
                else {
                    io.out(`${failed.length} failed ${failed.length === 1 ? 'delivery' : 'deliveries'} (replay: pr-gate queue replay ID... or --all):\n`);
                    for (const f of failed)
                        io.out(`${f.id}  ${f.event}  ${f.tries} ${f.tries === 1 ? 'try' : 'tries'}  ${f.failedAt ?? ''}  ${(0,report_escape/* visibleControls */.xx)(f.reason.slice(0, 300))}\n`);
                }
                return 0;
            }
            const { replayed, missing } = await replayFailed(q, values.all ? 'all' : ids);
            io.out(`Replayed ${replayed.length} ${replayed.length === 1 ? 'delivery' : 'deliveries'}${replayed.length ? `: ${replayed.join(', ')}` : ''}.\n`);
            for (const m of missing)
                io.err(`pr-gate queue replay: ${m} is not in the failed set (pr-gate queue failed lists it)\n`);
            return missing.length ? 1 : 0;
        });
    }
    catch (e) {
        io.err(`pr-gate queue: cannot reach the queue at REDIS_URL: ${(0,run/* errorMessage */.gJ)(e)}\n`);
        return 2;
    }
}
async function releaseCmd(args, io) {
    const { values } = (0,external_node_util_.parseArgs)({
        args,
        options: {
            repo: { type: 'string' },
            base: { type: 'string', default: 'auto' },
            head: { type: 'string' },
            environment: { type: 'string' },
            'check-name': { type: 'string', default: 'quality-gate' },
            'gate-identity': { type: 'string', default: 'github-actions' },
            policy: { type: 'string', default: evaluate/* DEFAULT_POLICY_PATH */.lo },
            format: { type: 'string', default: 'text' },
        },
        strict: true,
        allowPositionals: false,
    });
    const [owner, repo] = (values.repo ?? '').split('/');
    if (!owner || !repo)
        throw new UsageError('--repo OWNER/NAME is required');
    if (!values.head)
        throw new UsageError('--head REF is required (the candidate SHA, tag or branch)');
    if (values.base === 'auto' && !values.environment)
        throw new UsageError('--base auto (the default) needs --environment');
    const format = values.format;
    if (!['text', 'markdown', 'json'].includes(format))
        throw new UsageError(`--format: expected text, markdown or json, got ${JSON.stringify(format)}`);
    const token = process.env.GITHUB_TOKEN || process.env.GH_TOKEN;
    if (!token)
        throw new UsageError('GITHUB_TOKEN is not set (contents, pull requests, checks and deployments: read)');
    const apiUrl = process.env.GITHUB_API_URL || 'https://api.github.com';
    const serverUrl = process.env.GITHUB_SERVER_URL || 'https://github.com';
    const [{ createClient }, { evaluateRelease }, { ReleaseError }, { renderReleaseMarkdown, toReleaseJson }, { parseGateIdentity }] = await Promise.all([
        Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 96584)),
        __webpack_require__.e(/* import() */ 430).then(__webpack_require__.bind(__webpack_require__, 26430)),
        __webpack_require__.e(/* import() */ 344).then(__webpack_require__.bind(__webpack_require__, 25344)),
        __webpack_require__.e(/* import() */ 823).then(__webpack_require__.bind(__webpack_require__, 89823)),
        __webpack_require__.e(/* import() */ 673).then(__webpack_require__.bind(__webpack_require__, 18673)),
    ]);
    try {
        const e = await evaluateRelease({
            octokit: createClient({ token, baseUrl: apiUrl, log: (m) => io.err(`pr-gate: ${m}\n`) }),
            repo: { owner, repo },
            base: values.base,
            head: values.head,
            environment: values.environment,
            checkName: values['check-name'],
            gateIdentity: parseGateIdentity(values['gate-identity']),
            policyPath: values.policy,
            evidence: (0,workspace/* workspaceEvidence */.$W)(io.cwd),
        });
        if (format === 'json')
            io.out(JSON.stringify(toReleaseJson(e), null, 2) + '\n');
        else if (format === 'markdown')
            io.out(renderReleaseMarkdown(e, { repoUrl: `${serverUrl}/${owner}/${repo}` }) + '\n');
        else {
            const f = e.facts;
            io.out(`Release ${f.base.sha?.slice(0, 12) ?? '?'}…${f.head.sha.slice(0, 12)}: ${f.pulls.length} pull request(s), ${f.totalCommits} commit(s)\n`);
            for (const p of f.pulls)
                io.out(`  #${p.number} ${p.gate.state.padEnd(8)} ${(0,report_escape/* visibleControls */.xx)(p.title)}\n`);
            io.out(renderText(e.verdict));
        }
        if (e.verdict.failedRules.includes('policy'))
            return 2;
        return e.verdict.conclusion === 'failure' ? 1 : 0;
    }
    catch (err) {
        if (err instanceof ReleaseError) {
            io.err(`pr-gate: ${err.message}\n`);
            return 2;
        }
        throw err;
    }
}


/***/ })

};
