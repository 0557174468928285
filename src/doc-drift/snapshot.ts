// The weekly snapshot for weekly-reflection's trends: counts by kind and confidence, and how
// many findings that had a certain fix (so were in tend's PR) are gone since the last run.
import type { RunContext } from '../core/context';
import { isoWeek } from '../core/iso-week';
import type { DriftFinding } from './model';
import { countByKind } from './render';

export interface PreviousRun {
  /** Ids of findings that had a certain fix in the previous run. */
  fixable: string[];
  /** fixedByTend already counted this week. */
  fixedThisWeek: number;
}

export async function previousFixable(ctx: RunContext): Promise<PreviousRun> {
  const latest = await ctx.state.read<{ fixable?: unknown }>('doc-drift/latest.json');
  const week = await ctx.state.read<{ fixedByTend?: unknown }>(
    `doc-drift/history/${isoWeek(ctx.clock.now())}.json`,
  );
  return {
    fixable: Array.isArray(latest?.fixable)
      ? latest.fixable.filter((x): x is string => typeof x === 'string')
      : [],
    fixedThisWeek: typeof week?.fixedByTend === 'number' ? week.fixedByTend : 0,
  };
}

export function weeklySnapshot(
  findings: DriftFinding[],
  fixable: DriftFinding[],
  previous: PreviousRun,
): Record<string, unknown> {
  const now = new Set(findings.map((f) => String(f.id)));
  const fixedSinceLastRun = previous.fixable.filter((id) => !now.has(id)).length;
  const byConfidence: Record<string, number> = {};
  for (const f of findings)
    if (f.confidence) byConfidence[f.confidence] = (byConfidence[f.confidence] ?? 0) + 1;
  return {
    byKind: countByKind(findings),
    byConfidence,
    fixable: fixable.length,
    fixedByTend: previous.fixedThisWeek + fixedSinceLastRun,
  };
}
