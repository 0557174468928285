// Never a duplicate PR, and what a closed PR means: two runs at once, a create whose answer was
// lost, a maintainer's rejection, tend's own resolution, and the cost of an unchanged rerun.
import type { PullRequestSpec } from '../../../src/core/publish/publisher';
import { meetAt, REPO, startHarness, type Harness } from './publisher-harness';

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});

afterEach(async () => {
  await h.gh.close();
});

const FIX: PullRequestSpec = {
  key: 'fix-links',
  title: 'Fix renamed link targets',
  body: 'The guide links to `setup.md`, which is now `install.md`.',
  commitMessage: 'docs: fix renamed link targets',
  changes: [{ path: 'docs/guide.md', content: 'See [setup](install.md).\n' }],
};
const PULLS_ROUTE = '/repos/{owner}/{repo}/pulls';

const pulls = () => h.issues().filter((item) => item.pull);

describe('GitHub publisher: pull requests without duplicates', () => {
  it('two runs at the same moment end with one PR: the later create updates the one GitHub kept', async () => {
    const wrap = meetAt(2, (method, url) => method === 'POST' && url.endsWith('/pulls'));
    const outcomes = await Promise.all([
      h.run({ wrap }).publisher.upsertPullRequest(FIX),
      h.run({ wrap }).publisher.upsertPullRequest(FIX),
    ]);
    const creates = h.gh.requests.filter((r) => r.method === 'POST' && r.route === PULLS_ROUTE);
    expect(creates.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(pulls()).toHaveLength(1);
    expect(outcomes.map((o) => o.number)).toEqual([1, 1]);
    expect(outcomes.map((o) => o.status)).toContain('created');
    expect(outcomes.every((o) => o.kind === 'pull')).toBe(true);
  });

  it('opens exactly one PR when GitHub created it but answered 502', async () => {
    h.gh.faults.add({
      method: 'POST',
      route: PULLS_ROUTE,
      kind: 'server-error',
      status: 502,
      times: 1,
      afterHandler: true,
    });
    const outcome = await h.run().publisher.upsertPullRequest(FIX);
    expect(h.gh.requests.filter((r) => r.fault === 'server-error')).toHaveLength(1);
    expect(outcome).toMatchObject({ kind: 'pull', status: 'created', number: 1 });
    expect(pulls()).toHaveLength(1);
    expect(h.gh.store.issue(1)?.labels).toEqual(['tend', 'tend:doc-drift']);
  });
});

describe('GitHub publisher: closed pull requests', () => {
  it('reports a PR closed unmerged as rejected with when it was closed and why', async () => {
    await h.run().publisher.upsertPullRequest(FIX);
    await h.maintainer.rest.pulls.update({ ...REPO, pull_number: 1, state: 'closed' });
    const outcome = await h.run().publisher.upsertPullRequest({ ...FIX, body: 'changed' });
    expect(outcome).toMatchObject({
      status: 'rejected',
      number: 1,
      rejectionReason: 'closed-unmerged',
      rejectedAt: h.gh.store.issue(1)?.closed_at,
    });
    expect(outcome.rejectedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('opens a new PR when a problem tend itself closed as resolved comes back', async () => {
    await h.run().publisher.upsertPullRequest(FIX);
    await h.run().publisher.closePullRequest(FIX.key, 'Resolved by hand.');
    expect(h.gh.store.issue(1)?.body).toContain('<!-- tend:resolved -->');
    const outcome = await h.run().publisher.upsertPullRequest(FIX);
    expect(outcome).toMatchObject({ kind: 'pull', status: 'created', number: 2 });
    expect(h.gh.store.issue(2)?.state).toBe('open');
  });
});

describe('GitHub publisher: cost of an unchanged rerun', () => {
  it('an unchanged rerun of one issue and one PR costs 8 GETs and no write', async () => {
    const issue = { key: 'broken-links', title: 'Broken links', body: '2 broken links' };
    const first = h.run().publisher;
    await first.upsertIssue(issue);
    await first.upsertPullRequest(FIX);
    h.gh.resetLog();

    const { publisher } = h.run();
    expect((await publisher.upsertIssue(issue)).status).toBe('unchanged');
    expect((await publisher.upsertPullRequest(FIX)).status).toBe('unchanged');

    expect(h.gh.requests.map((r) => `${r.method} ${r.route}`)).toEqual([
      'GET /repos/{owner}/{repo}/issues', // tend:doc-drift, once
      'GET /repos/{owner}/{repo}/pulls', // head=tend/doc-drift/fix-links
      'GET /repos/{owner}/{repo}', // default branch
      'GET /repos/{owner}/{repo}/git/ref/{ref}', // base head
      'GET /repos/{owner}/{repo}/git/ref/{ref}', // PR branch head
      'GET /repos/{owner}/{repo}/git/commits/{commit_sha}',
      'GET /repos/{owner}/{repo}/git/trees/{tree_sha}', // root
      'GET /repos/{owner}/{repo}/git/trees/{tree_sha}', // docs/
    ]);
  });
});
