import type { Publisher } from './publisher';

/** Adds the config file's `labels:` to every issue and PR a publisher opens. */
export function withExtraLabels(inner: Publisher, labels: string[] | undefined): Publisher {
  if (!labels || labels.length === 0) return inner;
  const merge = (own: string[] | undefined) => [...new Set([...(own ?? []), ...labels])];
  return {
    upsertIssue: (spec) => inner.upsertIssue({ ...spec, labels: merge(spec.labels) }),
    closeIssue: (key, comment) => inner.closeIssue(key, comment),
    upsertPullRequest: (spec) => inner.upsertPullRequest({ ...spec, labels: merge(spec.labels) }),
    closePullRequest: (key, comment) => inner.closePullRequest(key, comment),
  };
}
