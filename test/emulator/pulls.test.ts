// Pull requests, reviews, review comments, merges, permissions, workflow runs and alerts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type Emulator } from '../support/emulator';
import { rawClient } from './api-client';

let gh: Emulator;
let call: ReturnType<typeof rawClient>;
const REPO = '/repos/acme/widgets';

beforeEach(async () => {
  gh = await startEmulator();
  call = rawClient(gh);
  gh.store.commitFiles('main', { 'README.md': '# widgets\n' }, 'initial');
});

afterEach(async () => {
  await gh.close();
});

type Pull = {
  number: number;
  state: string;
  draft: boolean;
  merged: boolean;
  head: { ref: string; sha: string };
  commits: number;
};

describe('pull requests', () => {
  test('creating a PR needs an existing head branch with commits, and one open PR per head', async () => {
    const missing = await call('POST', `${REPO}/pulls`, { title: 't', head: 'nope', base: 'main' });
    expect(missing.status).toBe(422);
    gh.store.createBranch('tend/doc-drift/fix');
    const empty = await call('POST', `${REPO}/pulls`, {
      title: 't',
      head: 'tend/doc-drift/fix',
      base: 'main',
    });
    expect(empty.status).toBe(422);
    const tip = gh.store.commitFiles('tend/doc-drift/fix', { 'docs/a.md': 'fixed' }, 'Fix docs');
    const created = await call<Pull>('POST', `${REPO}/pulls`, {
      title: 'Fix docs',
      head: 'acme:tend/doc-drift/fix',
      base: 'main',
      draft: true,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      state: 'open',
      draft: true,
      merged: false,
      head: { ref: 'tend/doc-drift/fix', sha: tip },
      commits: 1,
    });
    const again = await call<{ errors: Array<{ message: string }> }>('POST', `${REPO}/pulls`, {
      title: 'Again',
      head: 'tend/doc-drift/fix',
      base: 'main',
    });
    expect(again.status).toBe(422);
    expect(again.body.errors[0]?.message).toBe(
      'A pull request already exists for acme:tend/doc-drift/fix.',
    );
  });

  test('an open PR follows its head branch; the list filters by head and state', async () => {
    gh.store.addPullRequest({ title: 'one', head: 'feature-a' });
    gh.store.addPullRequest({ title: 'two', head: 'feature-b', state: 'closed' });
    const newTip = gh.store.commitFiles('feature-a', { 'more.txt': 'more' }, 'more');
    const byHead = await call<Pull[]>('GET', `${REPO}/pulls?head=acme:feature-a`);
    expect(byHead.body.map((p) => [p.head.ref, p.head.sha])).toEqual([['feature-a', newTip]]);
    expect(
      (await call<Pull[]>('GET', `${REPO}/pulls?state=closed`)).body.map((p) => p.head.ref),
    ).toEqual(['feature-b']);
    expect((await call<Pull[]>('GET', `${REPO}/pulls?state=all&base=main`)).body).toHaveLength(2);
    expect((await call<Pull>('GET', `${REPO}/pulls/1`)).body.commits).toBe(2);
  });

  test('updating a PR closes it; merging moves the base branch and marks it merged', async () => {
    const pr = gh.store.addPullRequest({ title: 'to merge', head: 'feature-m' });
    const other = gh.store.addPullRequest({ title: 'to close', head: 'feature-c' });
    const closed = await call<Pull>('PATCH', `${REPO}/pulls/${other.number}`, { state: 'closed' });
    expect(closed.body).toMatchObject({ state: 'closed', merged: false });
    const merged = await call<{ merged: boolean; sha: string }>(
      'PUT',
      `${REPO}/pulls/${pr.number}/merge`,
      { merge_method: 'squash' },
    );
    expect(merged.body.merged).toBe(true);
    expect(gh.store.branchSha('main')).toBe(merged.body.sha);
    const read = await call<Pull & { merged_at: string | null }>(
      'GET',
      `${REPO}/pulls/${pr.number}`,
    );
    expect(read.body).toMatchObject({ state: 'closed', merged: true });
    expect(read.body.merged_at).not.toBeNull();
    expect((await call('PUT', `${REPO}/pulls/${pr.number}/merge`, {})).status).toBe(405);
  });

  test('seeded reviews and review comments are served per pull and for the repository', async () => {
    gh.store.addPullRequest({
      author: 'alice',
      title: 'reviewed',
      createdAt: '2024-05-01T10:00:00Z',
      mergedAt: '2024-05-02T10:00:00Z',
      reviews: [
        {
          author: 'bob',
          state: 'CHANGES_REQUESTED',
          body: 'please fix',
          submittedAt: '2024-05-01T11:00:00Z',
        },
        { author: 'bob', state: 'APPROVED', submittedAt: '2024-05-01T12:00:00Z' },
      ],
      reviewComments: [
        {
          author: 'bob',
          body: 'use a const',
          path: 'src/a.ts',
          line: 3,
          createdAt: '2024-05-01T11:00:00Z',
        },
      ],
    });
    const reviews = await call<Array<{ state: string; user: { login: string } }>>(
      'GET',
      `${REPO}/pulls/1/reviews`,
    );
    expect(reviews.body.map((r) => [r.user.login, r.state])).toEqual([
      ['bob', 'CHANGES_REQUESTED'],
      ['bob', 'APPROVED'],
    ]);
    const perPull = await call<Array<{ body: string; path: string; line: number }>>(
      'GET',
      `${REPO}/pulls/1/comments`,
    );
    expect(perPull.body).toEqual([
      expect.objectContaining({ body: 'use a const', path: 'src/a.ts', line: 3 }),
    ]);
    const repoWide = await call<unknown[]>(
      'GET',
      `${REPO}/pulls/comments?since=2024-05-01T00:00:00Z`,
    );
    expect(repoWide.body).toHaveLength(1);
    const pull = await call<Pull & { merged_at: string }>('GET', `${REPO}/pulls/1`);
    expect(pull.body).toMatchObject({
      state: 'closed',
      merged: true,
      merged_at: '2024-05-02T10:00:00Z',
    });
  });

  test('collaborator permission reports the role and the legacy permission', async () => {
    gh.store.addCollaborator('bob', 'maintain');
    gh.store.addUser('outsider');
    const bob = await call('GET', `${REPO}/collaborators/bob/permission`);
    expect(bob.body).toMatchObject({ permission: 'write', role_name: 'maintain' });
    const outsider = await call('GET', `${REPO}/collaborators/outsider/permission`);
    expect(outsider.body).toMatchObject({ permission: 'none' });
    expect((await call('GET', `${REPO}/collaborators/ghost/permission`)).status).toBe(404);
  });

  test('workflow runs filter by branch and created date; Dependabot alerts by state', async () => {
    gh.store.addWorkflowRun({
      headBranch: 'main',
      createdAt: '2024-05-01T00:00:00Z',
      conclusion: 'failure',
    });
    gh.store.addWorkflowRun({ headBranch: 'main', createdAt: '2024-05-10T00:00:00Z' });
    gh.store.addWorkflowRun({ headBranch: 'other', createdAt: '2024-05-10T00:00:00Z' });
    type Runs = {
      total_count: number;
      workflow_runs: Array<{ head_branch: string; conclusion: string }>;
    };
    const main = await call<Runs>('GET', `${REPO}/actions/runs?branch=main`);
    expect(main.body.total_count).toBe(2);
    const recent = await call<Runs>(
      'GET',
      `${REPO}/actions/runs?branch=main&created=%3E%3D2024-05-05`,
    );
    expect(recent.body.workflow_runs.map((r) => r.conclusion)).toEqual(['success']);
    gh.store.addDependabotAlert({ package: 'lodash' });
    gh.store.addDependabotAlert({ package: 'minimist', state: 'fixed' });
    const open = await call<Array<{ dependency: { package: { name: string } } }>>(
      'GET',
      `${REPO}/dependabot/alerts?state=open`,
    );
    expect(open.body.map((a) => a.dependency.package.name)).toEqual(['lodash']);
  });

  test('the files of a pull request carry status, line counts and the patch git diff prints', async () => {
    const before = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const after = before
      .replace('line 3\n', 'line three\n')
      .replace('line 10\n', 'line 10\nline 10.5\n');
    gh.store.commitFiles('main', { 'docs/a.md': before, 'gone.txt': 'bye\n' }, 'base');
    gh.store.createBranch('edit');
    gh.store.commitFiles(
      'edit',
      { 'docs/a.md': after, 'gone.txt': null, 'new.txt': 'hi\n' },
      'edit',
    );
    const { number } = gh.store.addPullRequest({ title: 'edit', head: 'edit' });
    type File = {
      filename: string;
      status: string;
      additions: number;
      deletions: number;
      patch: string;
    };
    const files = await call<File[]>('GET', `${REPO}/pulls/${number}/files`);
    expect(files.body.map((f) => [f.filename, f.status, f.additions, f.deletions])).toEqual([
      ['docs/a.md', 'modified', 2, 1],
      ['gone.txt', 'removed', 0, 1],
      ['new.txt', 'added', 1, 0],
    ]);
    expect(files.body.map((f) => f.patch.split('\n')[0])).toEqual([
      '@@ -1,6 +1,6 @@',
      '@@ -1 +0,0 @@',
      '@@ -0,0 +1 @@',
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), 'tend-emulator-diff-'));
    try {
      writeFileSync(path.join(dir, 'before'), before);
      writeFileSync(path.join(dir, 'after'), after);
      let gitDiff = '';
      try {
        execFileSync('git', ['diff', '--no-index', '-U3', 'before', 'after'], {
          cwd: dir,
          encoding: 'utf8',
        });
      } catch (error) {
        gitDiff = (error as { stdout: string }).stdout; // exit code 1 means "differs"
      }
      const hunks = gitDiff.slice(gitDiff.indexOf('@@')).trimEnd();
      expect(files.body[0]?.patch).toBe(hunks);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
