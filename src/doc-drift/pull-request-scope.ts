// Pull-request mode: keep only the findings in docs the PR touched, or about code it touched.
import type { DriftFinding } from './model';

/** Paths a finding is about: its doc, and the code or doc it points at. */
export function relatedPaths(f: DriftFinding): string[] {
  const paths = [f.file];
  for (const key of ['targetPath', 'anchorFile', 'removedFrom'] as const) {
    const value = f[key];
    if (typeof value === 'string') paths.push(value);
  }
  if (f.kind === 'stale-doc' && f.target) paths.push(...f.target.split(', '));
  return paths;
}

export function inPullRequestScope(findings: DriftFinding[], touched: Set<string>): DriftFinding[] {
  return findings.filter((f) => relatedPaths(f).some((p) => touched.has(p)));
}

const RANK = { error: 3, warning: 2, notice: 1 } as const;

/** The findings at or above the `fail-on` severity. */
export function failing(
  findings: DriftFinding[],
  failOn: 'error' | 'warning' | 'notice' | 'never',
): DriftFinding[] {
  if (failOn === 'never') return [];
  return findings.filter((f) => RANK[f.severity] >= RANK[failOn]);
}
