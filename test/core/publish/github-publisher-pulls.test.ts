import type { GitHubClient } from '../../../src/core/github-client';
import type { PullRequestSpec } from '../../../src/core/publish/publisher';
import { REPO, startHarness, type Harness } from './publisher-harness';

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});

afterEach(async () => {
  await h.gh.close();
});

const BRANCH = 'tend/doc-drift/fix-links';

const FIX: PullRequestSpec = {
  key: 'fix-links',
  title: 'Fix renamed link targets',
  body: 'The guide links to `setup.md`, which is now `install.md`.',
  commitMessage: 'docs: fix renamed link targets',
  changes: [
    { path: 'docs/guide.md', content: 'See [setup](install.md).\n' },
    { path: 'docs/old.md', content: null },
  ],
};

function fileAt(branch: string, file: string): string | undefined {
  const head = h.gh.store.branchSha(branch);
  const tree = head ? h.gh.store.git.readCommit(head)?.tree : undefined;
  const entry = tree ? h.gh.store.git.lookupPath(tree, file) : undefined;
  return entry ? h.gh.store.git.get(entry.sha)?.payload.toString('utf8') : undefined;
}

function parentOf(branch: string): string[] {
  return h.gh.store.git.readCommit(h.gh.store.branchSha(branch) ?? '')?.parents ?? [];
}

describe('GitHub publisher: pull requests', () => {
  it('commits the changes through the API on tend/<action>/<key>, on top of the base head, and opens the PR', async () => {
    const mainHead = h.gh.store.branchSha('main');
    const outcome = await h.run().publisher.upsertPullRequest(FIX);
    expect(outcome).toMatchObject({ kind: 'pull', key: 'fix-links', status: 'created', number: 1 });
    expect(parentOf(BRANCH)).toEqual([mainHead]);
    expect(fileAt(BRANCH, 'docs/guide.md')).toBe('See [setup](install.md).\n');
    expect(fileAt(BRANCH, 'docs/old.md')).toBeUndefined();
    expect(fileAt(BRANCH, 'README.md')).toBe('# widgets\n');
    expect(fileAt('main', 'docs/guide.md')).toBe('See [setup](setup.md).\n');
    const pull = h.gh.store.issue(1);
    expect(pull?.pull?.head.ref).toBe(BRANCH);
    expect(pull?.pull?.base.ref).toBe('main');
    expect(pull?.body?.split('\n')[0]).toBe('<!-- tend:doc-drift:fix-links -->');
    expect(pull?.labels).toEqual(['tend', 'tend:doc-drift']);
    const create = h.gh.requests.find(
      (r) => r.method === 'POST' && r.route === '/repos/{owner}/{repo}/pulls',
    );
    expect(create?.status).toBe(201);
  });

  it('opens the PR with maintainer_can_modify false', async () => {
    const bodies: unknown[] = [];
    const wrap = (client: GitHubClient) =>
      client.hook.before('request', (options) => {
        if (options.method === 'POST' && String(options.url).endsWith('/pulls'))
          bodies.push(options.maintainer_can_modify);
      });
    await h.run({ wrap }).publisher.upsertPullRequest(FIX);
    expect(bodies).toEqual([false]);
  });

  it('gives exactly one issue and one PR after the same publish run 50 times, with no write after the first', async () => {
    const issue = {
      key: 'broken-links',
      title: 'Broken links',
      body: '2 broken links',
      labels: ['tend:proposal'],
    };
    let firstRunWrites = 0;
    for (let run = 1; run <= 50; run += 1) {
      const { publisher } = h.run();
      const outcomes = [await publisher.upsertIssue(issue), await publisher.upsertPullRequest(FIX)];
      if (run === 1) {
        expect(outcomes.map((o) => o.status)).toEqual(['created', 'created']);
        firstRunWrites = h.writes().length;
        h.gh.resetLog();
      } else {
        expect(outcomes.map((o) => o.status)).toEqual(['unchanged', 'unchanged']);
      }
    }
    expect(firstRunWrites).toBeGreaterThan(0);
    expect(h.writes()).toEqual([]);
    expect(h.issues().filter((i) => !i.pull)).toHaveLength(1);
    expect(h.issues().filter((i) => i.pull)).toHaveLength(1);
    // Reads only, and few of them: an unchanged run costs a handful of GETs.
    expect(h.gh.requests.length / 49).toBeLessThanOrEqual(8);
  });

  it('updates the open PR in place: new commit on the rebuilt branch, new body, same number', async () => {
    await h.run().publisher.upsertPullRequest(FIX);
    h.gh.resetLog();
    const changed = {
      ...FIX,
      body: 'Now also fixes the README.',
      changes: [...FIX.changes, { path: 'README.md', content: '# Widgets\n' }],
    };
    const outcome = await h.run().publisher.upsertPullRequest(changed);
    expect(outcome).toMatchObject({ status: 'updated', number: 1 });
    expect(fileAt(BRANCH, 'README.md')).toBe('# Widgets\n');
    expect(h.gh.store.issue(1)?.body).toContain('Now also fixes the README.');
    expect(h.writes()).toEqual([
      'POST /repos/{owner}/{repo}/git/trees',
      'POST /repos/{owner}/{repo}/git/commits',
      'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
      'PATCH /repos/{owner}/{repo}/pulls/{pull_number}',
    ]);
    expect(h.issues()).toHaveLength(1);
  });

  it('rebuilds the branch on the new base head when the base branch moved', async () => {
    await h.run().publisher.upsertPullRequest(FIX);
    const newHead = h.gh.store.commitFiles(
      'main',
      { 'CHANGELOG.md': '# Changelog\n' },
      'Add changelog',
    );
    const outcome = await h.run().publisher.upsertPullRequest(FIX);
    expect(outcome.status).toBe('updated');
    expect(parentOf(BRANCH)).toEqual([newHead]);
    expect(fileAt(BRANCH, 'CHANGELOG.md')).toBe('# Changelog\n');
    expect(fileAt(BRANCH, 'docs/guide.md')).toBe('See [setup](install.md).\n');
  });

  it('does not reopen a PR closed unmerged and pushes nothing to its branch', async () => {
    await h.run().publisher.upsertPullRequest(FIX);
    await h.maintainer.rest.pulls.update({ ...REPO, pull_number: 1, state: 'closed' });
    const branchBefore = h.gh.store.branchSha(BRANCH);
    h.gh.resetLog();
    const { publisher, logger } = h.run();
    const outcome = await publisher.upsertPullRequest({
      ...FIX,
      body: 'Still broken.',
      changes: [FIX.changes[0]!],
    });
    expect(outcome).toMatchObject({ status: 'rejected', number: 1 });
    expect(h.writes()).toEqual([]);
    expect(h.gh.store.branchSha(BRANCH)).toBe(branchBefore);
    expect(h.gh.store.issue(1)?.state).toBe('closed');
    expect(logger.lines.join('\n')).toMatch(/closed unmerged; not reopening/);
  });

  it('treats a merged PR as done, and opens a new one only for different changes', async () => {
    await h.run().publisher.upsertPullRequest(FIX);
    await h.maintainer.rest.pulls.merge({ ...REPO, pull_number: 1 });
    await h.maintainer.rest.git.deleteRef({ ...REPO, ref: `heads/${BRANCH}` });
    h.gh.resetLog();
    expect(await h.run().publisher.upsertPullRequest(FIX)).toMatchObject({
      status: 'unchanged',
      number: 1,
    });
    expect(h.writes()).toEqual([]);

    const next = {
      ...FIX,
      changes: [{ path: 'docs/guide.md', content: 'See [install](install.md).\n' }],
    };
    const outcome = await h.run().publisher.upsertPullRequest(next);
    expect(outcome).toMatchObject({ status: 'created', number: 2 });
    expect(fileAt(BRANCH, 'docs/guide.md')).toBe('See [install](install.md).\n');
    expect(parentOf(BRANCH)).toEqual([h.gh.store.branchSha('main')]);
  });

  it('opens no PR when the base branch already has the changes', async () => {
    h.gh.store.commitFiles('main', {
      'docs/guide.md': 'See [setup](install.md).\n',
      'docs/old.md': null,
    });
    h.gh.resetLog();
    const outcome = await h.run().publisher.upsertPullRequest(FIX);
    expect(outcome).toMatchObject({ kind: 'pull', status: 'unchanged' });
    expect(outcome.number).toBeUndefined();
    expect(h.writes()).toEqual([]);
  });

  it('keeps the mode of an executable file it rewrites', async () => {
    const head = h.gh.store.branchSha('main') as string;
    const tree = h.gh.store.git.readCommit(head)?.tree as string;
    const script = h.gh.store.git.buildTree(tree, [
      { path: 'bin/run.sh', mode: '100755', content: 'echo old\n' },
    ]);
    const commit = h.gh.store.git.writeCommit({
      ...(h.gh.store.git.readCommit(head) as NonNullable<
        ReturnType<typeof h.gh.store.git.readCommit>
      >),
      tree: script,
      parents: [head],
    });
    h.gh.store.git.refs.set('refs/heads/main', commit);
    await h.run().publisher.upsertPullRequest({
      ...FIX,
      changes: [{ path: 'bin/run.sh', content: 'echo new\n' }],
    });
    const branchTree = h.gh.store.git.readCommit(h.gh.store.branchSha(BRANCH) as string)
      ?.tree as string;
    expect(h.gh.store.git.lookupPath(branchTree, 'bin/run.sh')?.mode).toBe('100755');
  });

  it('closes a resolved PR with a comment first and deletes tend’s branch', async () => {
    await h.run().publisher.upsertPullRequest(FIX);
    h.gh.resetLog();
    const outcome = await h
      .run()
      .publisher.closePullRequest(FIX.key, 'Resolved: the links were fixed by hand.');
    expect(outcome).toMatchObject({ kind: 'pull', status: 'closed', number: 1 });
    expect(h.writes()).toEqual([
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'PATCH /repos/{owner}/{repo}/pulls/{pull_number}',
      'DELETE /repos/{owner}/{repo}/git/refs/{ref}',
    ]);
    expect(h.gh.store.issue(1)?.comments.map((c) => c.body)).toEqual([
      'Resolved: the links were fixed by hand.',
    ]);
    expect(h.gh.store.branchSha(BRANCH)).toBeUndefined();
    h.gh.resetLog();
    expect((await h.run().publisher.closePullRequest(FIX.key, 'again')).status).toBe('absent');
    expect(h.writes()).toEqual([]);
  });

  it('never force-updates a branch that is not tend’s own', async () => {
    const mainBefore = h.gh.store.branchSha('main');
    await h.run().publisher.upsertPullRequest(FIX);
    await h.run().publisher.upsertPullRequest({
      ...FIX,
      body: 'again',
      changes: [{ path: 'a.md', content: 'a\n' }],
    });
    const refWrites = h.gh.requests.filter(
      (r) => r.method !== 'GET' && r.route.includes('/git/refs'),
    );
    expect(refWrites.length).toBeGreaterThan(0);
    expect(
      refWrites.every(
        (r) => decodeURIComponent(r.url).includes('tend/doc-drift/') || r.method === 'POST',
      ),
    ).toBe(true);
    expect(h.gh.store.branchSha('main')).toBe(mainBefore);
  });

  it('falls back to an issue with a compare link when GitHub forbids Actions to open PRs', async () => {
    const forbid = (client: GitHubClient) =>
      client.hook.before('request', (options) => {
        if (options.method === 'POST' && String(options.url).endsWith('/pulls')) {
          throw Object.assign(
            new Error('GitHub Actions is not permitted to create or approve pull requests.'),
            {
              status: 403,
              response: {
                data: {
                  message: 'GitHub Actions is not permitted to create or approve pull requests.',
                },
              },
            },
          );
        }
      });
    const { publisher, logger } = h.run({ wrap: forbid });
    const outcome = await publisher.upsertPullRequest(FIX);
    expect(outcome).toMatchObject({
      kind: 'issue',
      key: 'fix-links',
      status: 'created',
      number: 1,
    });
    const issue = h.gh.store.issue(1);
    expect(issue?.pull).toBeNull();
    expect(issue?.body).toContain(
      'https://github.com/acme/widgets/compare/main...tend/doc-drift/fix-links',
    );
    expect(issue?.body).toContain(FIX.body);
    expect(fileAt(BRANCH, 'docs/guide.md')).toBe('See [setup](install.md).\n');
    expect(logger.lines.join('\n')).toMatch(
      /warning: GitHub Actions is not permitted to create pull requests/,
    );

    // A rerun neither duplicates the issue nor pushes again.
    h.gh.resetLog();
    expect((await h.run({ wrap: forbid }).publisher.upsertPullRequest(FIX)).status).toBe(
      'unchanged',
    );
    expect(h.writes()).toEqual([]);
    expect(h.issues()).toHaveLength(1);

    // Once PRs are allowed, the PR is opened and the stand-in issue closed.
    const outcome2 = await h.run().publisher.upsertPullRequest(FIX);
    expect(outcome2).toMatchObject({ kind: 'pull', status: 'created', number: 2 });
    expect(h.gh.store.issue(1)).toMatchObject({ state: 'closed', state_reason: 'completed' });
  });

  it('uses the repository default branch when no base is given, and spec.base when it is', async () => {
    h.gh.store.createBranch('develop');
    (h.gh.store.repository as { default_branch: string }).default_branch = 'develop';
    await h.run().publisher.upsertPullRequest({ ...FIX, key: 'on-main', base: 'main' });
    expect(h.gh.store.issue(1)?.pull?.base.ref).toBe('main');
    expect(
      h.gh.requests.some((r) => r.route === '/repos/{owner}/{repo}' && r.method === 'GET'),
    ).toBe(false);
    await h.run().publisher.upsertPullRequest(FIX);
    expect(h.gh.store.issue(2)?.pull?.base.ref).toBe('develop');
  });
});
