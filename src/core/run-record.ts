// Records one run on the state branch in one commit: the action's latest.json, its weekly
// history snapshot, and its proposals merged into proposals.json.
import type { RunContext } from './context';
import { isoWeek } from './iso-week';
import { normaliseProposalsFile, PROPOSALS_FILE, recordProposals } from './proposals';
import {
  historyPath,
  latestPath,
  registerRunStateFiles,
  type FindingCounts,
  type HistoryFile,
  type LatestFile,
} from './state-files';
import type { StateTransaction } from './state/state-store';
import type { ActionResult, Finding, Proposal } from './types';

export interface RunRecordExtra {
  /** Extra fields for `<action>/latest.json` (a cursor, per-run figures). */
  latest?: Record<string, unknown>;
  /** Extra fields for `<action>/history/<week>.json` (weekly metrics). */
  history?: Record<string, unknown>;
  /**
   * Further writes in the same state commit, applied after the run's own files (for instance
   * history files of earlier weeks). Re-applied with the rest on a concurrent write.
   */
  transaction?: (tx: StateTransaction, run: { week: string; runAt: string }) => void;
}

/** Findings counted by kind and severity. */
export function countFindings(findings: readonly Finding[]): FindingCounts {
  const byKind: Record<string, number> = {};
  const bySeverity = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) {
    byKind[finding.kind] = (byKind[finding.kind] ?? 0) + 1;
    bySeverity[finding.severity] += 1;
  }
  return { byKind, bySeverity, total: findings.length };
}

/**
 * Writes the run to the state branch in ONE commit and returns the result with proposal ids
 * (and their current lifecycle status) filled in. On a concurrent write the store re-applies
 * this against the fresh state, so another run's proposals are never lost. A partial run
 * withdraws nothing: a proposal it did not see may only have been out of reach.
 */
export async function recordRun(
  ctx: RunContext,
  result: ActionResult,
  extra: RunRecordExtra = {},
): Promise<ActionResult> {
  if (result.action !== ctx.action) {
    throw new Error(`recordRun: result of ${result.action} recorded in a ${ctx.action} run`);
  }
  registerRunStateFiles();
  const now = ctx.clock.now();
  const runAt = now.toISOString();
  const week = isoWeek(now);
  let proposals: Proposal[] = result.proposals;
  await ctx.state.update(`${result.action}: run of ${runAt}`, (tx) => {
    const merged = recordProposals(
      normaliseProposalsFile(tx.get(PROPOSALS_FILE)),
      result.action,
      result.proposals,
      now,
      {
        withdrawMissing: result.partial.length === 0,
      },
    );
    proposals = merged.proposals;
    tx.set(PROPOSALS_FILE, merged.file);
    const latest: LatestFile = {
      runAt,
      findings: result.findings,
      proposals,
      outputs: result.outputs,
      partial: result.partial,
      ...extra.latest,
    };
    tx.set(latestPath(result.action), latest);
    const history: HistoryFile = {
      week,
      runAt,
      counts: countFindings(result.findings),
      ...extra.history,
    };
    tx.set(historyPath(result.action, week), history);
    extra.transaction?.(tx, { week, runAt });
  });
  return { ...result, proposals };
}
