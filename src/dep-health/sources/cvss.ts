// CVSS vectors (v2, v3.0, v3.1, v4.0) -> base score and label, via ae-cvss-calculator.
import * as cvssModule from 'ae-cvss-calculator';

// The package is CommonJS: its classes sit on the namespace or on `default` depending on the loader.
const cvss = (cvssModule as unknown as { Cvss3P1?: unknown }).Cvss3P1
  ? cvssModule
  : (cvssModule as unknown as { default: typeof cvssModule }).default;

export type SeverityLabel = 'critical' | 'high' | 'moderate' | 'low' | 'unknown';

/** Qualitative rating of a score (CVSS v3/v4 scale; "medium" is called "moderate" as GitHub does). */
export function labelOfScore(score: number): SeverityLabel {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'moderate';
  if (score > 0) return 'low';
  return 'unknown';
}

/** Base score of a vector; undefined when the vector cannot be read. */
export function cvssScore(vector: string): number | undefined {
  try {
    const v = vector.trim();
    const model = v.startsWith('CVSS:4.0/')
      ? new cvss.Cvss4P0(v)
      : v.startsWith('CVSS:3.1/')
        ? new cvss.Cvss3P1(v)
        : v.startsWith('CVSS:3.0/')
          ? new cvss.Cvss3P0(v)
          : new cvss.Cvss2(v);
    const scores = model.calculateScores() as { base?: number; overall?: number };
    const score = scores.base ?? scores.overall;
    return typeof score === 'number' && Number.isFinite(score) ? score : undefined;
  } catch {
    return undefined;
  }
}

const LABELS: Record<string, SeverityLabel> = {
  critical: 'critical',
  high: 'high',
  moderate: 'moderate',
  medium: 'moderate',
  low: 'low',
};

export function normaliseLabel(label: string | undefined): SeverityLabel {
  return LABELS[(label ?? '').toLowerCase()] ?? 'unknown';
}
