// The shapes every tend action shares. Keep these stable: the CLI's `--format json`
// output and the state branch files are built from them.

export const ACTION_NAMES = [
  'doc-drift',
  'dep-health',
  'review-miner',
  'weekly-reflection',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

export type Severity = 'error' | 'warning' | 'notice';

/** One concrete problem, with a location where it has one. */
export interface Finding {
  /** Stable id: the same problem gets the same id on every run. */
  id: string | number;
  kind: string;
  severity: Severity;
  /** Path relative to the repository root, POSIX separators. */
  file?: string;
  line?: number;
  endLine?: number;
  column?: number;
  message: string;
  /** Human-readable evidence lines (links, commits, counts). */
  evidence: string[];
  /** Action-specific fields (target, confidence, fix, theme...). */
  [extra: string]: unknown;
}

export type ProposalStatus =
  'proposed' | 'accepted' | 'rejected' | 'deferred' | 'implemented' | 'withdrawn';

export interface ProposalTransition {
  status: ProposalStatus;
  at: string;
  by?: string;
  reason?: string;
}

/** A file change a proposal would make; `content: null` deletes the file. */
export interface FileChange {
  path: string;
  content: string | null;
}

/** The metric an experiment compares before and after a proposal is implemented. */
export interface TargetMetric {
  /** Metric name as weekly-reflection records it, e.g. `review-theme:naming` or `first-submission-approval-rate`. */
  name: string;
  /** Which way is better. */
  better: 'lower' | 'higher';
}

/**
 * A proposal in the Process Observation format: pattern detected, evidence, impact,
 * proposed fix, decision needed.
 */
export interface Proposal {
  /** Stable key within the action (same pattern -> same key on every run). */
  key: string;
  /** Short public id (`P-12`), assigned when the proposal is first recorded in proposals.json. */
  id?: string;
  action: ActionName;
  title: string;
  /** Pattern detected, quantified. */
  pattern: string;
  /** Evidence: links, counts, quoted examples (already neutralised). */
  evidence: string[];
  /** Impact: hours, tokens, PRs. */
  impact: string;
  /** Proposed fix: concrete. */
  fix: string;
  /** Decision needed from a maintainer. */
  decision: string;
  /** Files the fix would change when it has a concrete patch (then it becomes a PR). */
  changes?: FileChange[];
  metric?: TargetMetric;
  /** Escalation: significant impact, systemic cause, authority needed, or risk. */
  escalate?: boolean;
  escalationReasons?: string[];
  status: ProposalStatus;
  detectedAt: string;
  history?: ProposalTransition[];
}

export interface ActionResult {
  action: ActionName;
  findings: Finding[];
  proposals: Proposal[];
  /** Markdown for the step summary and the CLI. */
  summary: string;
  /** Step outputs (action) — also printed by the CLI in markdown mode. */
  outputs: Record<string, string>;
  /** Set when the step should fail (for example `fail-on` in pull-request mode). */
  failure?: string;
  /** Parts of the run that could not be completed; the result is partial when non-empty. */
  partial: string[];
  /** Issues and PRs the run created, updated or closed. */
  published: PublishOutcome[];
  /** Extra top-level fields for `--format json` (e.g. per-session trace figures). */
  extra?: Record<string, unknown>;
}

export type PublishStatus =
  'created' | 'updated' | 'unchanged' | 'closed' | 'rejected' | 'absent' | 'dry-run';

export interface PublishOutcome {
  kind: 'issue' | 'pull';
  key: string;
  status: PublishStatus;
  number?: number;
  url?: string;
  /** Dry-run: the file the would-be item was written to. */
  path?: string;
  /** Status `rejected`: when the maintainer closed the item (ISO 8601), if GitHub says. */
  rejectedAt?: string;
  /** Status `rejected`: how it was closed. */
  rejectionReason?: 'not-planned' | 'duplicate' | 'closed-unmerged';
}
