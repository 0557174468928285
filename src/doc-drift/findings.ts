// Building findings: severity by kind, stable ids, evidence lines for commits, suppression.
import { createHash } from 'node:crypto';
import type { DriftFinding, DriftKind, ParsedDoc } from './model';
import { SEVERITY } from './model';
import type { CommitInfo } from './path-history';

export type CommitLinker = (sha: string) => string | undefined;

export function draft(
  kind: DriftKind,
  fields: Omit<DriftFinding, 'id' | 'kind' | 'severity' | 'evidence'> & { evidence?: string[] },
): DriftFinding {
  return { id: '', kind, severity: SEVERITY[kind], evidence: [], ...fields } as DriftFinding;
}

/** `abc1234 (2024-05-01) "subject"`, linked when a commit URL is known. */
export function describeCommit(commit: CommitInfo, link: CommitLinker): string {
  const short = commit.sha.slice(0, 7);
  const url = link(commit.sha);
  const date = new Date(commit.time * 1000).toISOString().slice(0, 10);
  const subject = commit.subject.replace(/[\r\n]+/g, ' ').slice(0, 120);
  return `${url ? `[${short}](${url})` : short} (${date}) ${JSON.stringify(subject)}`;
}

/** Stable ids: the same problem (kind, file, target, occurrence) gets the same id on every run. */
export function assignIds(findings: DriftFinding[]): DriftFinding[] {
  const seen = new Map<string, number>();
  for (const f of findings) {
    const key = `${f.kind}\0${f.file}\0${f.target ?? f.message}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    f.id = `dd-${createHash('sha1').update(`${key}\0${n}`).digest('hex').slice(0, 12)}`;
  }
  return findings;
}

/** Drops findings on suppressed lines of their doc. */
export function unsuppressed(
  findings: DriftFinding[],
  docs: Map<string, ParsedDoc>,
): DriftFinding[] {
  return findings.filter((f) => !docs.get(f.file)?.suppressed.has(f.line));
}

const ORDER: Record<DriftKind, number> = {
  'broken-link': 0,
  'broken-anchor': 1,
  'stale-reference': 2,
  'stale-doc': 3,
  'undocumented-export': 4,
};

export function sortFindings(findings: DriftFinding[]): DriftFinding[] {
  return findings.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      ORDER[a.kind] - ORDER[b.kind] ||
      (a.target ?? '').localeCompare(b.target ?? ''),
  );
}
