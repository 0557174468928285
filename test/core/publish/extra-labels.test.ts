import { withExtraLabels } from '../../../src/core/publish/extra-labels';
import type { IssueSpec, Publisher, PullRequestSpec } from '../../../src/core/publish/publisher';

function recording(): Publisher & { specs: (IssueSpec | PullRequestSpec)[] } {
  const specs: (IssueSpec | PullRequestSpec)[] = [];
  const done = async () => ({ kind: 'issue' as const, key: 'k', status: 'created' as const });
  return {
    specs,
    upsertIssue: async (spec) => (specs.push(spec), done()),
    upsertPullRequest: async (spec) => (specs.push(spec), done()),
    closeIssue: done,
    closePullRequest: done,
  };
}

describe('withExtraLabels', () => {
  it("adds the config file's labels to every issue and PR, without repeating one", async () => {
    const inner = recording();
    const publisher = withExtraLabels(inner, ['team:docs', 'bot']);
    await publisher.upsertIssue({ key: 'a', title: 't', body: 'b', labels: ['bot'] });
    await publisher.upsertPullRequest({
      key: 'b',
      title: 't',
      body: 'b',
      changes: [],
      commitMessage: 'm',
    });
    expect(inner.specs.map((s) => s.labels)).toEqual([
      ['bot', 'team:docs'],
      ['team:docs', 'bot'],
    ]);
  });

  it('hands the publisher through unchanged when the config has no labels', () => {
    const inner = recording();
    expect(withExtraLabels(inner, undefined)).toBe(inner);
    expect(withExtraLabels(inner, [])).toBe(inner);
  });
});
