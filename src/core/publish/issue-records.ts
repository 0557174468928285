// tend's view of an issue as GitHub's REST API returns it, and the comparisons the stores share.

export interface IssueRecord {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason: string | null;
  /** When it was last closed (ISO 8601), null while open or when GitHub does not say. */
  closedAt: string | null;
  labels: string[];
  url: string;
}

export interface RawIssue {
  number: number;
  title: string;
  body?: string | null;
  state: string;
  state_reason?: string | null;
  closed_at?: string | null;
  labels: (string | { name?: string })[];
  html_url: string;
  pull_request?: unknown;
}

export function toIssueRecord(issue: RawIssue): IssueRecord {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body ?? '',
    state: issue.state === 'open' ? 'open' : 'closed',
    stateReason: issue.state_reason ?? null,
    closedAt: issue.closed_at ?? null,
    labels: issue.labels
      .map((label) => (typeof label === 'string' ? label : (label.name ?? '')))
      .filter(Boolean),
    url: issue.html_url,
  };
}

/** Issues only: the issues list endpoints return pull requests too. */
export function issuesOnly(items: unknown[]): IssueRecord[] {
  return (items as RawIssue[]).filter((issue) => !issue.pull_request).map(toIssueRecord);
}

/** Bodies compare equal when they differ only in line endings or trailing whitespace. */
export function sameBody(a: string, b: string): boolean {
  const norm = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  return norm(a) === norm(b);
}

/** Labels in `wanted` the item does not carry yet (case-insensitive). */
export function missingLabels(current: string[], wanted: string[]): string[] {
  const have = new Set(current.map((label) => label.toLowerCase()));
  return wanted.filter((label) => !have.has(label.toLowerCase()));
}
