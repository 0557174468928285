// Never a duplicate issue: a maintainer removing tend's label, two runs at once, and a create
// whose answer GitHub lost.
import { memoryLogger } from '../../../src/core/context';
import { createGitHubClient } from '../../../src/core/github-client';
import { createGitHubPublisher } from '../../../src/core/publish/github-publisher';
import { meetAt, REPO, startHarness, type Harness } from './publisher-harness';

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});

afterEach(async () => {
  await h.gh.close();
});

const REPORT = {
  key: 'broken-links',
  title: 'Broken links in the docs',
  body: '2 broken links',
  labels: ['tend:proposal'],
};
const MARKER = '<!-- tend:doc-drift:broken-links -->';
const ISSUES_ROUTE = '/repos/{owner}/{repo}/issues';

const issueCreate = (method: string, url: string) => method === 'POST' && url.endsWith('/issues');

function withMarkerIn(body: string | null) {
  return (body ?? '').includes(MARKER);
}

describe('GitHub publisher: an issue whose label a maintainer removed', () => {
  it('finds it by marker among recent issues, puts tend’s labels back and updates it, opening nothing', async () => {
    await h.run().publisher.upsertIssue(REPORT);
    await h.maintainer.rest.issues.setLabels({ ...REPO, issue_number: 1, labels: ['docs'] });
    for (let i = 0; i < 150; i += 1)
      h.gh.store.addIssue({ title: `other ${i}`, body: 'unrelated' });

    const outcome = await h.run().publisher.upsertIssue({ ...REPORT, body: '3 broken links' });

    expect(outcome).toMatchObject({ status: 'updated', number: 1 });
    expect(h.issues().filter((issue) => withMarkerIn(issue.body))).toHaveLength(1);
    expect([...(h.gh.store.issue(1)?.labels ?? [])].sort()).toEqual([
      'docs',
      'tend',
      'tend:doc-drift',
      'tend:proposal',
    ]);
    expect(h.gh.store.issue(1)?.body).toContain('3 broken links');
    expect(h.gh.requests.some((r) => r.route.startsWith('/search'))).toBe(false);
  });

  it('puts the labels back even when the report did not change', async () => {
    await h.run().publisher.upsertIssue(REPORT);
    await h.maintainer.rest.issues.update({ ...REPO, issue_number: 1, labels: [] });
    expect(await h.run().publisher.upsertIssue(REPORT)).toMatchObject({
      status: 'updated',
      number: 1,
    });
    expect(h.gh.store.issue(1)?.labels).toEqual(['tend', 'tend:doc-drift', 'tend:proposal']);
    h.gh.resetLog();
    expect((await h.run().publisher.upsertIssue(REPORT)).status).toBe('unchanged');
    expect(h.writes()).toEqual([]);
  });

  it('scans at most three pages of 100 issues, newest first, and opens a new issue past them', async () => {
    h.gh.store.addIssue({ title: 'Broken links (old)', body: `${MARKER}\nold report` });
    for (let i = 0; i < 320; i += 1)
      h.gh.store.addIssue({ title: `other ${i}`, body: 'unrelated' });
    h.gh.resetLog();

    const outcome = await h.run().publisher.upsertIssue(REPORT);

    expect(outcome).toMatchObject({ status: 'created', number: 322 });
    const scans = h.gh.requests.filter(
      (r) => r.method === 'GET' && r.route === ISSUES_ROUTE && !r.url.includes('labels='),
    );
    expect(scans).toHaveLength(3);
    expect(scans.every((r) => /sort=created&direction=desc&per_page=100/.test(r.url))).toBe(true);
  });

  it('reports a label-less issue closed as not planned as rejected and writes nothing', async () => {
    h.gh.store.addIssue({
      title: 'Broken links',
      body: `${MARKER}\nold report`,
      state: 'closed',
      stateReason: 'not_planned',
      closedAt: '2024-05-01T10:00:00Z',
    });
    h.gh.resetLog();
    const outcome = await h.run().publisher.upsertIssue(REPORT);
    expect(outcome).toMatchObject({
      status: 'rejected',
      number: 1,
      rejectedAt: '2024-05-01T10:00:00Z',
      rejectionReason: 'not-planned',
    });
    expect(h.writes()).toEqual([]);
  });
});

describe('GitHub publisher: two runs at the same moment', () => {
  it('ends with exactly one open issue, the oldest; the newer is closed as a marked duplicate', async () => {
    const wrap = meetAt(2, issueCreate);
    const outcomes = await Promise.all([
      h.run({ wrap }).publisher.upsertIssue(REPORT),
      h.run({ wrap }).publisher.upsertIssue(REPORT),
    ]);

    const creates = h.gh.requests.filter((r) => r.method === 'POST' && r.route === ISSUES_ROUTE);
    expect(creates).toHaveLength(2); // both runs really did open one
    const open = h.issues().filter((issue) => issue.state === 'open' && withMarkerIn(issue.body));
    expect(open.map((issue) => issue.number)).toEqual([1]);
    expect(outcomes.map((o) => o.number)).toEqual([1, 1]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['created', 'unchanged']);

    const duplicate = h.gh.store.issue(2);
    expect(duplicate).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
    expect(duplicate?.body).toContain('<!-- tend:duplicate -->');
    expect(duplicate?.comments.map((c) => c.body)).toEqual([
      'Duplicate of #1 (opened by a concurrent run).\n\n<!-- tend:duplicate -->',
    ]);
  });

  it('a later run updates the kept issue and never takes the duplicate for a rejection', async () => {
    const wrap = meetAt(2, issueCreate);
    await Promise.all([
      h.run({ wrap }).publisher.upsertIssue(REPORT),
      h.run({ wrap }).publisher.upsertIssue(REPORT),
    ]);

    const third = await h.run().publisher.upsertIssue({ ...REPORT, body: '4 broken links' });
    expect(third).toMatchObject({ status: 'updated', number: 1 });
    expect(h.gh.store.issue(2)?.state).toBe('closed');

    // Resolved, then back: #1 is reopened; the newer closed duplicate does not count as a "no".
    await h.run().publisher.closeIssue(REPORT.key, 'All links work.');
    const back = await h.run().publisher.upsertIssue({ ...REPORT, body: '1 broken link' });
    expect(back).toMatchObject({ status: 'updated', number: 1 });
    expect(h.gh.store.issue(1)?.state).toBe('open');
    expect(h.gh.store.issue(2)?.state).toBe('closed');
    expect(h.issues()).toHaveLength(2);
  });

  it('closes duplicates an earlier race left open, keeping the oldest', async () => {
    for (const body of ['first', 'second', 'third']) {
      h.gh.store.addIssue({ title: 'x', body: `${MARKER}\n${body}`, labels: ['tend:doc-drift'] });
    }
    const outcome = await h.run().publisher.upsertIssue(REPORT);
    expect(outcome).toMatchObject({ status: 'updated', number: 1 });
    expect(h.issues().map((issue) => issue.state)).toEqual(['open', 'closed', 'closed']);
    expect(h.gh.store.issue(3)?.comments[0]?.body).toMatch(/^Duplicate of #1 /);
  });
});

describe('GitHub publisher: a create whose answer was lost', () => {
  it('opens exactly one issue when GitHub created it but answered 502', async () => {
    h.gh.faults.add({
      method: 'POST',
      route: ISSUES_ROUTE,
      kind: 'server-error',
      status: 502,
      times: 1,
      afterHandler: true,
    });
    const outcome = await h.run().publisher.upsertIssue(REPORT);
    expect(h.gh.requests.filter((r) => r.fault === 'server-error')).toHaveLength(1);
    expect(outcome).toMatchObject({ status: 'created', number: 1 });
    expect(h.issues()).toHaveLength(1);
  });

  it('opens exactly one issue when the client’s own retries are on', async () => {
    h.gh.faults.add({
      method: 'POST',
      route: ISSUES_ROUTE,
      kind: 'server-error',
      status: 502,
      times: 1,
      afterHandler: true,
    });
    const { client } = createGitHubClient({
      token: h.gh.token,
      baseUrl: h.gh.url,
      retries: 3,
      retryAfterBaseMs: 1,
      spaceWrites: false,
    });
    const publisher = createGitHubPublisher({
      client,
      repo: REPO,
      action: 'doc-drift',
      logger: memoryLogger(),
    });
    expect(await publisher.upsertIssue(REPORT)).toMatchObject({ status: 'created', number: 1 });
    expect(h.issues()).toHaveLength(1);
  });

  it('sends the create again when the 500 came before anything was created', async () => {
    h.gh.faults.add({ method: 'POST', route: ISSUES_ROUTE, kind: 'server-error', times: 1 });
    const outcome = await h.run().publisher.upsertIssue(REPORT);
    expect(outcome).toMatchObject({ status: 'created', number: 1 });
    expect(
      h.gh.requests.filter((r) => r.method === 'POST' && r.route === ISSUES_ROUTE),
    ).toHaveLength(2);
    expect(h.issues()).toHaveLength(1);
  });

  it('posts a closing comment once when its answer was lost', async () => {
    await h.run().publisher.upsertIssue(REPORT);
    h.gh.faults.add({
      method: 'POST',
      route: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      kind: 'server-error',
      status: 502,
      times: 1,
      afterHandler: true,
    });
    expect((await h.run().publisher.closeIssue(REPORT.key, 'Resolved.')).status).toBe('closed');
    expect(h.gh.store.issue(1)?.comments.map((c) => c.body)).toEqual(['Resolved.']);
    expect(h.gh.store.issue(1)?.state).toBe('closed');
  });
});
