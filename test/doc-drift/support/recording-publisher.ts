// A Publisher that keeps issues and PRs in memory by key, as the GitHub publisher would.
import type { IssueSpec, Publisher, PullRequestSpec } from '../../../src/core/publish/publisher';
import type { PublishOutcome } from '../../../src/core/types';

export interface RecordingPublisher extends Publisher {
  issues: Map<string, { spec: IssueSpec; open: boolean; number: number }>;
  pulls: Map<string, { spec: PullRequestSpec; open: boolean; number: number }>;
}

export function recordingPublisher(): RecordingPublisher {
  let next = 1;
  const issues: RecordingPublisher['issues'] = new Map();
  const pulls: RecordingPublisher['pulls'] = new Map();
  const upsert = <S>(
    store: Map<string, { spec: S; open: boolean; number: number }>,
    kind: 'issue' | 'pull',
    key: string,
    spec: S,
  ): PublishOutcome => {
    const existing = store.get(key);
    if (existing?.open) {
      const same = JSON.stringify(existing.spec) === JSON.stringify(spec);
      existing.spec = spec;
      return { kind, key, status: same ? 'unchanged' : 'updated', number: existing.number };
    }
    const number = next++;
    store.set(key, { spec, open: true, number });
    return { kind, key, status: 'created', number };
  };
  const close = <S>(
    store: Map<string, { spec: S; open: boolean; number: number }>,
    kind: 'issue' | 'pull',
    key: string,
  ): PublishOutcome => {
    const existing = store.get(key);
    if (!existing?.open) return { kind, key, status: 'absent' };
    existing.open = false;
    return { kind, key, status: 'closed', number: existing.number };
  };
  return {
    issues,
    pulls,
    upsertIssue: async (spec) => upsert(issues, 'issue', spec.key, spec),
    closeIssue: async (key) => close(issues, 'issue', key),
    upsertPullRequest: async (spec) => upsert(pulls, 'pull', spec.key, spec),
    closePullRequest: async (key) => close(pulls, 'pull', key),
  };
}
