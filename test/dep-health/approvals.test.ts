// Approving a major update by ticking its box in the health issue: recorded only for people with
// write access; anyone else's tick is undone with a polite comment.
import { createGitHubClient } from '../../src/core/github-client';
import { fingerprintMarker } from '../../src/core/publish/fingerprint';
import {
  APPROVALS_FILE,
  approvalBoxes,
  approvalMarker,
  handleApprovalEvent,
  isHealthIssueEdit,
  newlyTicked,
  readApprovals,
  unrecordedTicks,
  untick,
} from '../../src/dep-health/approvals';
import { startEmulator, type Emulator } from '../support/emulator';
import { testContext } from './support/run-context';

const HEALTH = fingerprintMarker('dep-health', 'health');
const box = (ticked: boolean, key: string) =>
  `- [${ticked ? 'x' : ' '}] \`${key}\` update ${approvalMarker(key)}`;
const body = (ticks: Record<string, boolean>) =>
  [
    HEALTH,
    '### Major updates awaiting approval',
    '',
    ...Object.entries(ticks).map(([k, t]) => box(t, k)),
  ].join('\n');

describe('approval boxes', () => {
  it('finds every box with its key and state, whatever list marker or case of x', () => {
    const text = [
      box(false, 'npm:react@19.0.0'),
      `* [X] x ${approvalMarker('PyPI:django@5.0')}`,
      '- [x] an unrelated task',
    ].join('\n');
    expect([...approvalBoxes(text)]).toEqual([
      ['npm:react@19.0.0', false],
      ['PyPI:django@5.0', true],
    ]);
  });

  it('reports only boxes that went from unticked to ticked', () => {
    const before = body({ 'npm:a@2.0.0': false, 'npm:b@3.0.0': true, 'npm:c@1.0.0': false });
    const after = body({
      'npm:a@2.0.0': true,
      'npm:b@3.0.0': true,
      'npm:c@1.0.0': false,
      'npm:d@4.0.0': true,
    });
    expect(newlyTicked(before, after)).toEqual(['npm:a@2.0.0']);
  });

  it('unticks exactly the refused boxes', () => {
    const after = body({ 'npm:a@2.0.0': true, 'npm:b@3.0.0': true });
    const undone = untick(after, ['npm:a@2.0.0']);
    expect([...approvalBoxes(undone)]).toEqual([
      ['npm:a@2.0.0', false],
      ['npm:b@3.0.0', true],
    ]);
  });

  it('recognises an edit of the health issue and nothing else', () => {
    const issue = { number: 1, body: body({}) };
    expect(isHealthIssueEdit('issues', { action: 'edited', issue }, 'health')).toBe(true);
    expect(isHealthIssueEdit('issues', { action: 'opened', issue }, 'health')).toBe(false);
    expect(
      isHealthIssueEdit(
        'issues',
        { action: 'edited', issue: { number: 2, body: 'other' } },
        'health',
      ),
    ).toBe(false);
  });
});

describe('the issues: edited event', () => {
  let gh: Emulator;
  beforeEach(async () => {
    gh = await startEmulator({ owner: 'acme', repo: 'widgets' });
    gh.store.addCollaborator('maintainer', 'write');
    gh.store.addCollaborator('reader', 'read');
    gh.store.addUser('passer-by');
  });
  afterEach(() => gh.close());

  function context() {
    const test = testContext('/nonexistent');
    test.ctx.repo = { owner: 'acme', repo: 'widgets' };
    test.ctx.github = createGitHubClient({
      token: gh.token,
      baseUrl: gh.url,
      spaceWrites: false,
    }).client;
    return test;
  }

  function edit(sender: string) {
    const before = body({ 'npm:react@19.0.0': false, 'npm:vite@7.0.0': false });
    const after = body({ 'npm:react@19.0.0': true, 'npm:vite@7.0.0': false });
    const issue = gh.store.addIssue({ title: 'Dependency health: 80/100', body: after });
    return {
      action: 'edited',
      issue: { number: issue.number, body: after },
      changes: { body: { from: before } },
      sender: { login: sender },
    };
  }

  it('records a tick by someone with write access', async () => {
    const { ctx, state } = context();
    const result = await handleApprovalEvent(ctx, edit('maintainer'));
    expect(result.outputs.approved).toBe('1');
    expect(await readApprovals(ctx)).toEqual([
      {
        key: 'npm:react@19.0.0',
        by: 'maintainer',
        at: expect.any(String),
        issue: expect.any(Number),
      },
    ]);
    expect(state.commits).toHaveLength(1);
  });

  it.each(['reader', 'passer-by'])(
    'undoes a tick by %s, explains why, and records nothing',
    async (login) => {
      const { ctx } = context();
      const payload = edit(login);
      const result = await handleApprovalEvent(ctx, payload);
      expect(result.outputs.approved).toBe('0');
      expect(await ctx.state.read(APPROVALS_FILE)).toBeUndefined();
      const issue = gh.store.issue(payload.issue.number)!;
      expect(approvalBoxes(issue.body ?? '').get('npm:react@19.0.0')).toBe(false);
      expect(issue.comments.map((c) => c.body)).toEqual([
        expect.stringContaining('Only people with write access to this repository can approve'),
      ]);
    },
  );

  it('keeps earlier approvals when a new one is recorded', async () => {
    const { ctx } = context();
    await ctx.state.update('seed', (tx) =>
      tx.set(APPROVALS_FILE, {
        approvals: [{ key: 'npm:vite@7.0.0', by: 'admin', at: 'x', issue: 1 }],
      }),
    );
    await handleApprovalEvent(ctx, edit('maintainer'));
    expect((await readApprovals(ctx)).map((a) => a.key).sort()).toEqual([
      'npm:react@19.0.0',
      'npm:vite@7.0.0',
    ]);
  });

  it('names boxes ticked in the open health issue that no recorded approval matches', async () => {
    const { ctx } = context();
    gh.store.addIssue({
      title: 'Dependency health: 80/100',
      labels: ['tend', 'tend:dep-health'],
      body: body({ 'npm:react@19.0.0': true, 'npm:vite@7.0.0': true, 'npm:next@15.0.0': false }),
    });
    const recorded = [{ key: 'npm:vite@7.0.0', by: 'maintainer', at: 'x', issue: 1 }];
    expect(await unrecordedTicks(ctx, recorded)).toEqual(['npm:react@19.0.0']);
  });

  it('does nothing for an edit that ticks no approval box', async () => {
    const { ctx, state } = context();
    const same = body({ 'npm:react@19.0.0': false });
    const result = await handleApprovalEvent(ctx, {
      action: 'edited',
      issue: { number: 1, body: same },
      changes: { body: { from: same } },
      sender: { login: 'maintainer' },
    });
    expect(result.summary).toMatch(/No newly ticked approval/);
    expect(state.commits).toHaveLength(0);
    expect(gh.requests).toHaveLength(0);
  });
});
