// Refs behave like GitHub's: fast-forward only unless forced, 422 on duplicates, trees built on
// a base tree with deletions, recursive listings.
import { startEmulator, type Emulator } from '../support/emulator';
import { rawClient } from './api-client';

let gh: Emulator;
let call: ReturnType<typeof rawClient>;
const REPO = '/repos/acme/widgets';

beforeEach(async () => {
  gh = await startEmulator();
  call = rawClient(gh);
});

afterEach(async () => {
  await gh.close();
});

async function commitOn(
  parent: string,
  files: Record<string, string | null>,
  message: string,
): Promise<string> {
  const baseTree = gh.store.git.readCommit(parent)?.tree;
  const tree = await call('POST', `${REPO}/git/trees`, {
    base_tree: baseTree,
    tree: Object.entries(files).map(([path, content]) =>
      content === null
        ? { path, mode: '100644', type: 'blob', sha: null }
        : { path, mode: '100644', type: 'blob', content },
    ),
  });
  const commit = await call('POST', `${REPO}/git/commits`, {
    message,
    tree: tree.body.sha,
    parents: [parent],
  });
  return commit.body.sha as string;
}

describe('git refs', () => {
  test('a fast-forward update moves the ref', async () => {
    const base = gh.store.commitFiles('main', { 'a.txt': 'a' }, 'base');
    const next = await commitOn(base, { 'b.txt': 'b' }, 'next');
    const res = await call('PATCH', `${REPO}/git/refs/heads/main`, { sha: next });
    expect(res.status).toBe(200);
    expect((res.body.object as { sha: string }).sha).toBe(next);
    expect(gh.store.branchSha('main')).toBe(next);
  });

  test('a non-fast-forward update is refused with 422 and leaves the ref alone', async () => {
    const base = gh.store.commitFiles('main', { 'a.txt': 'a' }, 'base');
    const ours = await commitOn(base, { 'ours.txt': '1' }, 'ours');
    const theirs = await commitOn(base, { 'theirs.txt': '2' }, 'theirs');
    await call('PATCH', `${REPO}/git/refs/heads/main`, { sha: ours });
    const res = await call('PATCH', `${REPO}/git/refs/heads%2Fmain`, { sha: theirs });
    expect(res.status).toBe(422);
    expect(res.body.message).toBe('Update is not a fast forward');
    expect(gh.store.branchSha('main')).toBe(ours);
  });

  test('force: true accepts a non-fast-forward update', async () => {
    const base = gh.store.commitFiles('main', { 'a.txt': 'a' }, 'base');
    const ours = await commitOn(base, { 'ours.txt': '1' }, 'ours');
    const theirs = await commitOn(base, { 'theirs.txt': '2' }, 'theirs');
    await call('PATCH', `${REPO}/git/refs/heads/main`, { sha: ours });
    const res = await call('PATCH', `${REPO}/git/refs/heads/main`, { sha: theirs, force: true });
    expect(res.status).toBe(200);
    expect(gh.store.branchSha('main')).toBe(theirs);
  });

  test('creating an existing ref answers 422 "Reference already exists"; a new one is readable', async () => {
    const base = gh.store.commitFiles('main', { 'a.txt': 'a' }, 'base');
    const dup = await call('POST', `${REPO}/git/refs`, { ref: 'refs/heads/main', sha: base });
    expect(dup.status).toBe(422);
    expect(dup.body.message).toBe('Reference already exists');
    const created = await call('POST', `${REPO}/git/refs`, {
      ref: 'refs/heads/tend-state',
      sha: base,
    });
    expect(created.status).toBe(201);
    const read = await call('GET', `${REPO}/git/ref/heads/tend-state`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      ref: 'refs/heads/tend-state',
      object: { sha: base, type: 'commit' },
    });
  });

  test('a missing ref is 404 on read and 422 on update or delete', async () => {
    expect((await call('GET', `${REPO}/git/ref/heads/nope`)).status).toBe(404);
    const base = gh.store.commitFiles('main', { 'a.txt': 'a' }, 'base');
    expect((await call('PATCH', `${REPO}/git/refs/heads/nope`, { sha: base })).status).toBe(422);
    expect((await call('DELETE', `${REPO}/git/refs/heads/nope`)).status).toBe(422);
  });

  test('deleting a ref removes it and matching-refs lists refs by prefix', async () => {
    const base = gh.store.commitFiles('main', { 'a.txt': 'a' }, 'base');
    gh.store.createBranch('tend/doc-drift/x', base);
    gh.store.createBranch('tend/dep-health/y', base);
    const listed = await call<Array<{ ref: string }>>(
      'GET',
      `${REPO}/git/matching-refs/heads/tend/`,
    );
    expect(listed.body.map((r) => r.ref)).toEqual([
      'refs/heads/tend/dep-health/y',
      'refs/heads/tend/doc-drift/x',
    ]);
    expect((await call('DELETE', `${REPO}/git/refs/heads/tend/doc-drift/x`)).status).toBe(204);
    expect(gh.store.branchSha('tend/doc-drift/x')).toBeUndefined();
  });

  test('a tree on a base tree keeps untouched files, deletes sha:null paths and lists recursively', async () => {
    const base = gh.store.commitFiles(
      'main',
      { 'keep.txt': 'k', 'dir/gone.txt': 'g', 'dir/stay.txt': 's', 'old/only.txt': 'o' },
      'base',
    );
    const next = await commitOn(
      base,
      { 'dir/gone.txt': null, 'old/only.txt': null, 'new/file.txt': 'n' },
      'edit',
    );
    const treeSha = gh.store.git.readCommit(next)?.tree;
    const flat = await call<{ tree: Array<{ path: string; type: string }> }>(
      'GET',
      `${REPO}/git/trees/${treeSha}?recursive=1`,
    );
    expect(
      flat.body.tree
        .filter((e) => e.type === 'blob')
        .map((e) => e.path)
        .sort(),
    ).toEqual(['dir/stay.txt', 'keep.txt', 'new/file.txt']);
    const top = await call<{ tree: Array<{ path: string }> }>(
      'GET',
      `${REPO}/git/trees/${treeSha}`,
    );
    expect(top.body.tree.map((e) => e.path).sort()).toEqual(['dir', 'keep.txt', 'new']);
  });

  test('file contents come back base64-encoded from the branch tip', async () => {
    gh.store.commitFiles('main', { 'docs/readme.md': 'hello ✓\n' }, 'seed');
    const res = await call('GET', `${REPO}/contents/docs/readme.md?ref=main`);
    expect(res.status).toBe(200);
    expect(Buffer.from(res.body.content as string, 'base64').toString('utf8')).toBe('hello ✓\n');
    expect((await call('GET', `${REPO}/contents/docs/missing.md`)).status).toBe(404);
  });

  test('compare lists the commits a branch is ahead by', async () => {
    const base = gh.store.commitFiles('main', { 'a.txt': 'a' }, 'base');
    gh.store.createBranch('feature', base);
    const one = gh.store.commitFiles('feature', { 'b.txt': 'b' }, 'one');
    const two = gh.store.commitFiles('feature', { 'c.txt': 'c' }, 'two');
    const res = await call<{
      status: string;
      ahead_by: number;
      behind_by: number;
      commits: Array<{ sha: string }>;
    }>('GET', `${REPO}/compare/main...feature`);
    expect(res.body).toMatchObject({ status: 'ahead', ahead_by: 2, behind_by: 0 });
    expect(res.body.commits.map((c) => c.sha)).toEqual([one, two]);
  });

  test('the commit list walks history newest first and filters by path', async () => {
    const one = gh.store.commitFiles('main', { 'docs/a.md': 'a' }, 'docs', {
      date: '2024-01-01T00:00:00Z',
    });
    const two = gh.store.commitFiles('main', { 'src/x.ts': 'x' }, 'code', {
      date: '2024-01-02T00:00:00Z',
    });
    const three = gh.store.commitFiles('main', { 'docs/a.md': 'b' }, 'docs again', {
      date: '2024-01-03T00:00:00Z',
    });
    const all = await call<Array<{ sha: string }>>('GET', `${REPO}/commits`);
    expect(all.body.map((c) => c.sha)).toEqual([three, two, one]);
    const docs = await call<Array<{ sha: string }>>('GET', `${REPO}/commits?path=docs/a.md`);
    expect(docs.body.map((c) => c.sha)).toEqual([three, one]);
    const since = await call<Array<{ sha: string }>>(
      'GET',
      `${REPO}/commits?since=2024-01-02T00:00:00Z`,
    );
    expect(since.body.map((c) => c.sha)).toEqual([three, two]);
  });
});
