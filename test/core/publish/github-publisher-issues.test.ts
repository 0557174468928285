import { GITHUB_BODY_LIMIT } from '../../../src/core/publish/body-limit';
import { createLabelManager } from '../../../src/core/publish/labels';
import { quoteUserText } from '../../../src/core/publish/neutralise';
import { memoryLogger } from '../../../src/core/context';
import { REPO, startHarness, type Harness } from './publisher-harness';

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});

afterEach(async () => {
  // Rejects when any request broke GitHub's OpenAPI description.
  await h.gh.close();
});

const REPORT = {
  key: 'broken-links',
  title: 'Broken links in the docs',
  body: '2 broken links',
  labels: ['tend:proposal'],
};

describe('GitHub publisher: issues', () => {
  it('opens an issue with the marker and tend’s labels', async () => {
    const outcome = await h.run().publisher.upsertIssue(REPORT);
    expect(outcome).toMatchObject({
      kind: 'issue',
      key: 'broken-links',
      status: 'created',
      number: 1,
    });
    expect(outcome.url).toMatch(/\/acme\/widgets\/issues\/1$/);
    const issue = h.gh.store.issue(1);
    expect(issue?.body?.split('\n')[0]).toBe('<!-- tend:doc-drift:broken-links -->');
    expect(issue?.labels).toEqual(['tend', 'tend:doc-drift', 'tend:proposal']);
  });

  it('creates the labels once, with a colour and description, listing them at most once per run', async () => {
    for (let i = 0; i < 3; i += 1) {
      const { publisher } = h.run();
      await publisher.upsertIssue(REPORT);
      await publisher.upsertIssue({ ...REPORT, key: 'other', title: 'Other' });
    }
    const creates = h.gh.requests.filter((r) => r.method === 'POST' && r.route.endsWith('/labels'));
    expect(creates).toHaveLength(3);
    const lists = h.gh.requests.filter(
      (r) => r.method === 'GET' && r.route === '/repos/{owner}/{repo}/labels',
    );
    expect(lists).toHaveLength(1); // later runs find every label on the issues already
    expect(h.gh.store.label('tend')).toMatchObject({
      color: '5319e7',
      description: expect.stringContaining('tend'),
    });
    expect(h.gh.store.label('tend:doc-drift')?.description).toMatch(/doc-drift/);
  });

  it('tolerates a label a concurrent run created a moment earlier', async () => {
    const a = createLabelManager(h.client(), REPO, memoryLogger());
    const b = createLabelManager(h.client(), REPO, memoryLogger());
    await Promise.all([a.ensure(['tend', 'tend:doc-drift']), b.ensure(['tend', 'tend:doc-drift'])]);
    expect(
      h.gh.requests.filter((r) => r.method === 'POST' && r.status === 422).length,
    ).toBeGreaterThan(0);
    expect(h.gh.store.label('tend')).toBeDefined();
  });

  it('updates the open issue in place when the report changes', async () => {
    await h.run().publisher.upsertIssue(REPORT);
    h.gh.resetLog();
    const outcome = await h.run().publisher.upsertIssue({ ...REPORT, body: '3 broken links' });
    expect(outcome).toMatchObject({ status: 'updated', number: 1 });
    expect(h.writes()).toEqual(['PATCH /repos/{owner}/{repo}/issues/{issue_number}']);
    expect(h.gh.store.issue(1)?.body).toContain('3 broken links');
    expect(h.issues()).toHaveLength(1);
  });

  it('finds its issue through the list endpoint, never the search API: one labelled listing per rerun', async () => {
    const listings = () =>
      h.gh.requests
        .filter((r) => r.route === '/repos/{owner}/{repo}/issues' && r.method === 'GET')
        .map((r) => new URL(r.url, 'http://x').searchParams.get('labels'));
    await h.run().publisher.upsertIssue(REPORT);
    // First run: the label, a scan of recent issues (nothing labelled matched), the label again
    // after the create (to see a concurrent run's issue).
    expect(listings()).toEqual(['tend:doc-drift', null, 'tend:doc-drift']);
    h.gh.resetLog();
    await h.run().publisher.upsertIssue(REPORT);
    expect(listings()).toEqual(['tend:doc-drift']);
    expect(h.gh.requests.some((r) => r.route.startsWith('/search'))).toBe(false);
  });

  it('reopens an issue a maintainer closed as completed when the problem comes back', async () => {
    await h.run().publisher.upsertIssue(REPORT);
    await h.maintainer.rest.issues.update({
      ...REPO,
      issue_number: 1,
      state: 'closed',
      state_reason: 'completed',
    });
    const outcome = await h.run().publisher.upsertIssue(REPORT);
    expect(outcome).toMatchObject({ status: 'updated', number: 1 });
    expect(h.gh.store.issue(1)).toMatchObject({ state: 'open' });
    expect(h.issues()).toHaveLength(1);
  });

  it('finds its issue among more than one page of tend issues', async () => {
    for (let i = 0; i < 120; i += 1) {
      h.gh.store.addIssue({
        title: `noise ${i}`,
        body: `<!-- tend:doc-drift:noise-${i} -->`,
        labels: ['tend:doc-drift'],
      });
    }
    await h.run().publisher.upsertIssue(REPORT);
    h.gh.resetLog();
    const outcome = await h.run().publisher.upsertIssue(REPORT);
    expect(outcome.status).toBe('unchanged');
    expect(h.writes()).toEqual([]);
    expect(h.issues().filter((i) => i.body?.includes('tend:doc-drift:broken-links'))).toHaveLength(
      1,
    );
  });

  it('does not reopen an issue closed as not planned: rejected, nothing written', async () => {
    await h.run().publisher.upsertIssue(REPORT);
    await h.maintainer.rest.issues.update({
      ...REPO,
      issue_number: 1,
      state: 'closed',
      state_reason: 'not_planned',
    });
    h.gh.resetLog();
    const { publisher, logger } = h.run();
    const outcome = await publisher.upsertIssue({ ...REPORT, body: '5 broken links now' });
    expect(outcome).toMatchObject({
      status: 'rejected',
      number: 1,
      rejectionReason: 'not-planned',
      rejectedAt: h.gh.store.issue(1)?.closed_at,
    });
    expect(outcome.rejectedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(h.writes()).toEqual([]);
    expect(h.gh.store.issue(1)).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
    expect(h.issues()).toHaveLength(1);
    expect(logger.lines.join('\n')).toMatch(/not planned; not reopening/);
  });

  it('reopens an issue closed as completed with the new report when the problem comes back', async () => {
    await h.run().publisher.upsertIssue(REPORT);
    await h.run().publisher.closeIssue(REPORT.key, 'All links work again.');
    const outcome = await h
      .run()
      .publisher.upsertIssue({ ...REPORT, body: '1 broken link is back' });
    expect(outcome).toMatchObject({ status: 'updated', number: 1 });
    expect(h.gh.store.issue(1)).toMatchObject({ state: 'open' });
    expect(h.gh.store.issue(1)?.body).toContain('1 broken link is back');
    expect(h.issues()).toHaveLength(1);
  });

  it('closes a resolved issue with a comment first, as completed', async () => {
    await h.run().publisher.upsertIssue(REPORT);
    h.gh.resetLog();
    const outcome = await h.run().publisher.closeIssue(REPORT.key, 'Resolved: every link works.');
    expect(outcome).toMatchObject({ kind: 'issue', status: 'closed', number: 1 });
    expect(h.writes()).toEqual([
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
    ]);
    const issue = h.gh.store.issue(1);
    expect(issue).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(issue?.comments.map((c) => c.body)).toEqual(['Resolved: every link works.']);
  });

  it('reports absent when there is nothing open to close, and writes nothing', async () => {
    expect(await h.run().publisher.closeIssue('never-opened', 'x')).toEqual({
      kind: 'issue',
      key: 'never-opened',
      status: 'absent',
    });
    await h.run().publisher.upsertIssue(REPORT);
    await h.run().publisher.closeIssue(REPORT.key, 'done');
    h.gh.resetLog();
    expect((await h.run().publisher.closeIssue(REPORT.key, 'done')).status).toBe('absent');
    expect(h.writes()).toEqual([]);
  });

  it('trims a 200,000-character report under 65,536 characters with its controls intact', async () => {
    const controls = '## Decisions\n\n- [ ] accept P-1\n- [ ] accept P-2\n\n';
    let body = controls;
    for (let i = 0; body.length < 200_000; i += 1) {
      body += `<details><summary>Finding ${i}</summary>\n\n${'evidence line\n'.repeat(40)}\n</details>\n\n`;
    }
    await h.run().publisher.upsertIssue({ ...REPORT, body });
    const stored = h.gh.store.issue(1)?.body ?? '';
    expect(stored.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(stored).toContain(`<!-- tend:doc-drift:broken-links -->\n${controls}`);
    expect(stored).toMatch(/characters of details omitted/);
    h.gh.resetLog();
    expect((await h.run().publisher.upsertIssue({ ...REPORT, body })).status).toBe('unchanged');
    expect(h.writes()).toEqual([]);
  });

  it('quotes hostile review text so the issue pings nobody and closes nothing', async () => {
    const hostile = `@alice fixes #1 <img src=x onerror=alert(1)> acme/other#2 ${'x'.repeat(100_000)}`;
    await h
      .run()
      .publisher.upsertIssue({ ...REPORT, body: `Reviewers said:\n\n${quoteUserText(hostile)}` });
    const stored = h.gh.store.issue(1)?.body ?? '';
    expect(stored).not.toMatch(/@alice|fixes #1|<img|acme\/other#2/);
    expect(stored.length).toBeLessThan(10_000);
  });

  it('keeps the title GitHub accepts and does not rewrite it on every run', async () => {
    const title = `Broken link to @team's page ${'long '.repeat(80)}`;
    await h.run().publisher.upsertIssue({ ...REPORT, title });
    expect(h.gh.store.issue(1)?.title.length).toBeLessThanOrEqual(256);
    h.gh.resetLog();
    expect((await h.run().publisher.upsertIssue({ ...REPORT, title })).status).toBe('unchanged');
    expect(h.writes()).toEqual([]);
  });

  it('adds a missing tend label back without dropping a maintainer’s labels', async () => {
    await h.run().publisher.upsertIssue(REPORT);
    await h.maintainer.rest.issues.setLabels({
      ...REPO,
      issue_number: 1,
      labels: ['tend:doc-drift', 'priority'],
    });
    const outcome = await h.run().publisher.upsertIssue(REPORT);
    expect(outcome.status).toBe('updated');
    expect([...(h.gh.store.issue(1)?.labels ?? [])].sort()).toEqual([
      'priority',
      'tend',
      'tend:doc-drift',
      'tend:proposal',
    ]);
  });

  it('gives an issue with a blank title a title GitHub accepts', async () => {
    await h.run().publisher.upsertIssue({ ...REPORT, title: ' \n ' });
    expect(h.gh.store.issue(1)?.title).toBe('tend doc-drift: broken-links');
  });

  it('refuses a malformed key before any request', async () => {
    await expect(h.run().publisher.upsertIssue({ ...REPORT, key: 'Bad Key' })).rejects.toThrow(
      /Invalid fingerprint key/,
    );
    expect(h.gh.requests).toHaveLength(0);
  });
});
