// Moves theme proposals along their lifecycle in proposals.json when tend's PR for them was
// merged (accepted, then implemented) or closed unmerged (rejected). Runs inside the state
// transaction, after recordRun merged the run's proposals.
import {
  normaliseProposalsFile,
  PROPOSALS_FILE,
  registryKey,
  transitionProposal,
  TRANSITIONS,
  type ProposalsFile,
} from '../core/proposals';
import type { StateTransaction } from '../core/state/state-store';
import type { ProposalStatus } from '../core/types';
import type { ThemePullEvent } from './gather-feedback';

function move(
  file: ProposalsFile,
  key: string,
  path: ProposalStatus[],
  event: ThemePullEvent,
  reason: string,
): ProposalsFile {
  let current = file;
  for (const status of path) {
    const entry = current.proposals[registryKey('review-miner', key)];
    if (!entry || entry.status === status || !TRANSITIONS[entry.status].includes(status)) continue;
    current = transitionProposal(current, entry.id, status, {
      at: event.at,
      by: 'tend',
      reason,
    }).file;
  }
  return current;
}

export function applyThemePullOutcomes(
  tx: StateTransaction,
  keys: Record<string, string>,
  merged: Record<string, ThemePullEvent>,
  closedUnmerged: Record<string, ThemePullEvent>,
): void {
  if (Object.keys(merged).length === 0 && Object.keys(closedUnmerged).length === 0) return;
  let file = normaliseProposalsFile(tx.get(PROPOSALS_FILE));
  for (const [theme, event] of Object.entries(merged)) {
    const key = keys[theme];
    if (key) file = move(file, key, ['accepted', 'implemented'], event, `PR #${event.pull} merged`);
  }
  for (const [theme, event] of Object.entries(closedUnmerged)) {
    const key = keys[theme];
    if (key)
      file = move(file, key, ['rejected'], event, `PR #${event.pull} closed without merging`);
  }
  tx.set(PROPOSALS_FILE, file);
}
