// Health score: 100 is healthy, 0 is the worst. Documented in actions/dep-health/README.md.
import type { Freshness } from './freshness';
import type { Dependency } from './model';
import type { SeverityLabel } from './sources/cvss';
import type { Vulnerability } from './sources/osv';

export const VULNERABILITY_PENALTY: Record<SeverityLabel, number> = {
  critical: 40,
  high: 30,
  moderate: 15,
  low: 5,
  unknown: 10,
};

export interface DependencyScore {
  dependency: Dependency;
  score: number;
  reasons: string[];
}

/** One dependency: vulnerabilities, deprecation, major versions behind, libyears, abandonment. */
export function scoreDependency(
  dependency: Dependency,
  vulnerabilities: Vulnerability[],
  freshness?: Freshness,
): DependencyScore {
  let score = 100;
  const reasons: string[] = [];
  for (const vulnerability of vulnerabilities) {
    score -= VULNERABILITY_PENALTY[vulnerability.severity];
    reasons.push(
      `${vulnerability.severity} ${vulnerability.id} (-${VULNERABILITY_PENALTY[vulnerability.severity]})`,
    );
  }
  if (freshness?.deprecated) {
    score -= 30;
    reasons.push('deprecated (-30)');
  }
  if (freshness?.latestType === 'major') {
    score -= 10;
    reasons.push('a major version behind (-10)');
  }
  if (freshness?.libyears !== undefined && freshness.libyears > 0) {
    const penalty = Math.min(25, Math.round(freshness.libyears * 5));
    if (penalty > 0) {
      score -= penalty;
      reasons.push(`${freshness.libyears} libyears (-${penalty})`);
    }
  }
  if (freshness?.stale) {
    score -= 15;
    reasons.push('no release in the stale window (-15)');
  }
  return { dependency, score: Math.max(0, score), reasons };
}

/**
 * The repository: the mean score of its direct dependencies, minus 5 per vulnerable
 * transitive dependency (at most 30). 100 when there is nothing to score.
 */
export function repositoryScore(scores: DependencyScore[]): number {
  const direct = scores.filter((s) => s.dependency.direct);
  const mean =
    direct.length > 0 ? direct.reduce((sum, s) => sum + s.score, 0) / direct.length : 100;
  const vulnerableTransitive = scores.filter(
    (s) =>
      !s.dependency.direct &&
      s.reasons.some((r) => /^(critical|high|moderate|low|unknown) /.test(r)),
  ).length;
  return Math.max(0, Math.round(mean - Math.min(30, vulnerableTransitive * 5)));
}
