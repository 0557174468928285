// GitHub shows at most 10 annotations of each kind (error, warning, notice) per step. The
// best findings become annotations; the rest are counted so the summary can say so. Pure:
// the runner wrapper emits what is selected.
import type { Finding, Severity } from './types';

export const ANNOTATIONS_PER_KIND = 10;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };
const CONFIDENCE_WORDS: Record<string, number> = { certain: 1, high: 0.9, medium: 0.6, low: 0.3 };

/**
 * A finding's confidence in [0, 1]: a number, or `high` / `medium` / `low`. A finding that
 * states none is certain (a broken link is not a guess).
 */
export function confidenceOf(finding: Finding): number {
  const value = finding.confidence;
  if (typeof value === 'number' && Number.isFinite(value)) return Math.min(Math.max(value, 0), 1);
  if (typeof value === 'string') return CONFIDENCE_WORDS[value.toLowerCase()] ?? 0.5;
  return 1;
}

/** Most severe first, then most confident, then by file and line (located before unlocated). */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    confidenceOf(b) - confidenceOf(a) ||
    (a.file === undefined ? 1 : 0) - (b.file === undefined ? 1 : 0) ||
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER)
  );
}

export interface AnnotationSelection {
  /** Findings to annotate, best first, at most `perKind` of each severity. */
  annotations: Finding[];
  /** How many findings were not annotated. */
  overflow: number;
  /** Those findings, best first. */
  rest: Finding[];
}

export function selectAnnotations(
  findings: readonly Finding[],
  options: { perKind?: number } = {},
): AnnotationSelection {
  const perKind = Math.max(0, Math.trunc(options.perKind ?? ANNOTATIONS_PER_KIND));
  const ranked = [...findings].sort(compareFindings);
  const taken: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const annotations: Finding[] = [];
  const rest: Finding[] = [];
  for (const finding of ranked) {
    if (taken[finding.severity] < perKind) {
      taken[finding.severity] += 1;
      annotations.push(finding);
    } else {
      rest.push(finding);
    }
  }
  return { annotations, overflow: rest.length, rest };
}

/** The summary line for what was not annotated: `and 37 more findings in the summary`. */
export function overflowLine(overflow: number): string {
  if (overflow <= 0) return '';
  return `and ${overflow} more finding${overflow === 1 ? '' : 's'} in the summary`;
}
