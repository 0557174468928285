// The domain store's seed helpers: deterministic ids, GitHub-like defaults, real git objects.
import { EmulatorStore } from '../support/emulator';
import { matchesDateFilter } from '../support/emulator/routes/repos';

function seed(store: EmulatorStore) {
  store.commitFiles('main', { 'README.md': 'hi\n' }, 'initial', { date: '2024-01-01T00:00:00Z' });
  store.addCollaborator('bob', 'write');
  store.addUser('copilot-swe-agent[bot]');
  const issue = store.addIssue({ title: 'bug', createdAt: '2024-01-02T00:00:00Z' });
  const pr = store.addPullRequest({
    author: 'copilot-swe-agent[bot]',
    title: 'fix',
    createdAt: '2024-01-03T00:00:00Z',
    reviews: [{ author: 'bob', state: 'APPROVED', submittedAt: '2024-01-04T00:00:00Z' }],
    timeline: [{ event: 'ready_for_review', createdAt: '2024-01-03T01:00:00Z' }],
  });
  return { issue, pr };
}

describe('emulator store', () => {
  test('the same seeding yields the same ids, node ids and commit ids', () => {
    const a = seed(new EmulatorStore());
    const b = seed(new EmulatorStore());
    expect(b.issue.id).toBe(a.issue.id);
    expect(b.pr.node_id).toBe(a.pr.node_id);
    expect(b.pr.pull?.head.sha).toBe(a.pr.pull?.head.sha);
    expect(b.pr.pull?.reviews[0]?.id).toBe(a.pr.pull?.reviews[0]?.id);
  });

  test('issues and pull requests share one number sequence', () => {
    const { issue, pr } = seed(new EmulatorStore());
    expect([issue.number, pr.number]).toEqual([1, 2]);
  });

  test('a login ending in [bot] is a Bot unless told otherwise; node ids decode like GitHub legacy ids', () => {
    const store = new EmulatorStore();
    const bot = store.addUser('copilot-swe-agent[bot]');
    expect(bot.type).toBe('Bot');
    expect(store.addUser('alice').type).toBe('User');
    expect(Buffer.from(bot.node_id, 'base64').toString()).toBe(
      `0${`Bot${bot.id}`.length}:Bot${bot.id}`,
    );
  });

  test('a seeded pull request gets a head branch with a real commit on top of its base', () => {
    const store = new EmulatorStore();
    const { pr } = seed(store);
    const head = pr.pull?.head.sha as string;
    expect(store.branchSha(pr.pull?.head.ref as string)).toBe(head);
    expect(store.git.isAncestor(store.branchSha('main') as string, head)).toBe(true);
    expect(pr.pull?.timeline.map((e) => [e.event, e.actor])).toEqual([
      ['ready_for_review', 'copilot-swe-agent[bot]'],
    ]);
  });

  test('a merged pull request defaults to closed with merged_by and no state_reason', () => {
    const store = new EmulatorStore();
    const pr = store.addPullRequest({ title: 'x', mergedAt: '2024-02-01T00:00:00Z' });
    expect(pr).toMatchObject({
      state: 'closed',
      state_reason: null,
      closed_at: '2024-02-01T00:00:00Z',
    });
    expect(pr.pull).toMatchObject({ merged_at: '2024-02-01T00:00:00Z', merged_by: 'acme' });
  });

  test('commitFiles deletes paths given null and keeps the rest', () => {
    const store = new EmulatorStore();
    store.commitFiles('main', { 'a.txt': 'a', 'b/c.txt': 'c' }, 'one');
    const sha = store.commitFiles('main', { 'b/c.txt': null }, 'two');
    const tree = store.git.readCommit(sha)?.tree as string;
    expect(store.git.flattenTree(tree).map((e) => e.path)).toEqual(['a.txt']);
  });

  test.each([
    ['2024-05-10T00:00:00Z', '>=2024-05-05', true],
    ['2024-05-01T00:00:00Z', '>=2024-05-05', false],
    ['2024-05-05T23:00:00Z', '2024-05-05', true],
    ['2024-05-06T00:00:00Z', '2024-05-01..2024-05-05', false],
    ['2024-05-03T00:00:00Z', '2024-05-01..2024-05-05', true],
    ['2024-05-05T12:00:00Z', '<=2024-05-05', true],
    ['2024-05-05T12:00:00Z', '<2024-05-05', false],
  ])('the created filter: %s against %s is %s', (value, filter, expected) => {
    expect(matchesDateFilter(value, filter)).toBe(expected);
  });
});
