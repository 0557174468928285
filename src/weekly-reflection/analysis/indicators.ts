// Leading and lagging indicators and the north star (definitions in the action's README).
import type { ProposalsFile } from '../../core/proposals';
import type { Proposal } from '../../core/types';
import { median, ratio } from '../metrics/statistics';

export interface Indicators {
  /** Proposals new in this week's report (every action; see new-proposals.ts and the README). */
  proposalsThisWeek: number;
  /** Of those, the ones escalated (label `tend:escalation`): the escalation frequency. */
  escalationsThisWeek?: number;
  /** Accepted or implemented, among proposals a maintainer decided on (ever). */
  acceptanceRate: number | null;
  decided: number;
  /** Median days from a pattern's first sighting to its proposal, for this week's proposals. */
  detectionToProposalDays: number | null;
  /**
   * North star: implemented / (proposed + deferred + accepted + implemented) over every proposal
   * tend has recorded. Rejected (the maintainers judged it not worth fixing) and withdrawn
   * (no longer detected before anyone decided) proposals are not systemic issues.
   */
  northStar: number | null;
  systemicIssues: number;
  addressed: number;
}

const FIRST_SEEN = /first seen (\d{4}-\d{2}-\d{2})/i;

function firstSeen(proposal: Proposal): string {
  for (const line of proposal.evidence) {
    const match = FIRST_SEEN.exec(line);
    if (match) return `${match[1]}T00:00:00.000Z`;
  }
  return proposal.detectedAt;
}

function decidedByMaintainer(proposal: Proposal): boolean {
  return (proposal.history ?? []).some(
    (t) =>
      t.by !== undefined &&
      t.by !== 'tend' &&
      ['accepted', 'rejected', 'implemented'].includes(t.status),
  );
}

export function computeIndicators(registry: ProposalsFile, newIds: readonly string[]): Indicators {
  const all = Object.values(registry.proposals);
  const ids = new Set(newIds);
  const thisWeek = all.filter((p) => ids.has(p.id));
  const decided = all.filter((p) => decidedByMaintainer(p) || p.status === 'implemented');
  const accepted = decided.filter(
    (p) =>
      p.status === 'accepted' ||
      p.status === 'implemented' ||
      (p.history ?? []).some((t) => t.status === 'accepted'),
  );
  const days = thisWeek.map((p) =>
    Math.max(0, (new Date(p.detectedAt).getTime() - new Date(firstSeen(p)).getTime()) / 86_400_000),
  );
  const systemic = all.filter((p) =>
    ['proposed', 'deferred', 'accepted', 'implemented'].includes(p.status),
  );
  const addressed = systemic.filter((p) => p.status === 'implemented');
  return {
    proposalsThisWeek: thisWeek.length,
    escalationsThisWeek: thisWeek.filter((p) => p.escalate === true).length,
    acceptanceRate: ratio(accepted.length, decided.length),
    decided: decided.length,
    detectionToProposalDays: median(days) ?? null,
    northStar: ratio(addressed.length, systemic.length),
    systemicIssues: systemic.length,
    addressed: addressed.length,
  };
}
