// Before/after measurement of implemented proposals: the target metric over N weeks before the
// week the fix was merged and N weeks after it (that week itself excluded). The change is
// "clear" when the difference of the means exceeds both the pooled standard deviation and 10%
// of the earlier mean; then the proposal helped or hurt according to the metric's direction.
import { addWeeks, isoWeek } from '../../core/iso-week';
import type { ProposalsFile } from '../../core/proposals';
import type { TargetMetric } from '../../core/types';
import { mean, standardDeviation } from '../metrics/statistics';
import type { MetricMap } from './weekly-snapshot';

export type Verdict = 'helped' | 'no clear change' | 'hurt' | 'waiting';

export interface Experiment {
  proposalId: string;
  proposalKey: string;
  action: string;
  title: string;
  metric: TargetMetric;
  implementedAt: string;
  implementedWeek: string;
  before: { weeks: string[]; values: number[]; mean: number | null };
  after: { weeks: string[]; values: number[]; mean: number | null };
  verdict: Verdict;
  /** A fix that hurt is flagged for revert. */
  flaggedForRevert: boolean;
  updatedAt: string;
}

export interface ExperimentsFile {
  experiments: Record<string, Experiment>;
}

export function implementedAt(
  history: { status: string; at: string }[] | undefined,
): string | undefined {
  return [...(history ?? [])].reverse().find((t) => t.status === 'implemented')?.at;
}

export function judge(
  before: number[],
  after: number[],
  better: 'higher' | 'lower',
): Exclude<Verdict, 'waiting'> {
  const b = mean(before) as number;
  const a = mean(after) as number;
  const pooled = Math.sqrt(
    ((standardDeviation(before) as number) ** 2 + (standardDeviation(after) as number) ** 2) / 2,
  );
  const diff = a - b;
  if (Math.abs(diff) <= Math.max(pooled, 0.1 * Math.abs(b), 1e-9)) return 'no clear change';
  const improved = better === 'lower' ? diff < 0 : diff > 0;
  return improved ? 'helped' : 'hurt';
}

/**
 * Experiments for every implemented proposal with a target metric. `metricsByWeek` holds the
 * weekly metric maps known so far (snapshots plus the current week).
 */
export function evaluateExperiments(
  registry: ProposalsFile,
  metricsByWeek: Map<string, MetricMap>,
  currentWeek: string,
  weeks: number,
  now: Date,
): Experiment[] {
  const out: Experiment[] = [];
  for (const p of Object.values(registry.proposals)) {
    if (p.status !== 'implemented' || !p.metric) continue;
    const at = implementedAt(p.history) ?? p.detectedAt;
    const week = isoWeek(new Date(at));
    const side = (offsets: number[]) => {
      const ws = offsets.map((o) => addWeeks(week, o)).filter((w) => w <= currentWeek);
      const pairs = ws
        .map((w) => [w, metricsByWeek.get(w)?.[(p.metric as TargetMetric).name]] as const)
        .filter((x): x is readonly [string, number] => typeof x[1] === 'number');
      return { weeks: pairs.map((x) => x[0]), values: pairs.map((x) => x[1]) };
    };
    const before = side(Array.from({ length: weeks }, (_, i) => -weeks + i));
    const after = side(Array.from({ length: weeks }, (_, i) => i + 1));
    const ready = before.values.length >= weeks && after.values.length >= weeks;
    const verdict: Verdict = ready
      ? judge(before.values, after.values, p.metric.better)
      : 'waiting';
    out.push({
      proposalId: p.id,
      proposalKey: `${p.action}:${p.key}`,
      action: p.action,
      title: p.title,
      metric: p.metric,
      implementedAt: at,
      implementedWeek: week,
      before: { ...before, mean: mean(before.values) ?? null },
      after: { ...after, mean: mean(after.values) ?? null },
      verdict,
      flaggedForRevert: verdict === 'hurt',
      updatedAt: now.toISOString(),
    });
  }
  return out.sort((a, b) => a.proposalId.localeCompare(b.proposalId, 'en', { numeric: true }));
}
