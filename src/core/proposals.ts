// Proposals: building one, rendering it in the Process Observation format, and its lifecycle
// in the registry `proposals.json` on the state branch. Pure: callers read and write the
// registry inside a state transaction.
import { ConfigurationError, StateError } from './errors';
import type { ActionName, Proposal, ProposalStatus, ProposalTransition } from './types';

export { renderProposal, type RenderOptions } from './proposal-render';

export const PROPOSALS_FILE = 'proposals.json';

/** The registry: every proposal ever recorded, keyed `<action>:<key>`. */
export interface ProposalsFile {
  /** Number of the next id to assign (`P-<nextId>`). */
  nextId: number;
  proposals: Record<string, RecordedProposal>;
}

/** A proposal as the registry keeps it: always with an id, and when it was last detected. */
export type RecordedProposal = Proposal & { id: string; lastDetectedAt: string };

/** What a maintainer (or tend) may do from each status. */
export const TRANSITIONS: Readonly<Record<ProposalStatus, readonly ProposalStatus[]>> = {
  proposed: ['accepted', 'rejected', 'deferred', 'withdrawn'],
  deferred: ['proposed', 'accepted', 'rejected', 'withdrawn'],
  accepted: ['implemented', 'rejected'],
  implemented: ['rejected'],
  rejected: ['proposed', 'accepted'],
  withdrawn: ['proposed'],
};

export const NO_LONGER_DETECTED = 'no longer detected';
export const DETECTED_AGAIN = 'detected again';

export type ProposalInput = Omit<Proposal, 'id' | 'status' | 'detectedAt' | 'history'> & {
  status?: ProposalStatus;
};

/** A new proposal, `proposed` unless said otherwise; refuses empty required fields. */
export function buildProposal(input: ProposalInput, now: Date): Proposal {
  for (const field of ['key', 'title', 'pattern', 'impact', 'fix', 'decision'] as const) {
    if (typeof input[field] !== 'string' || input[field].trim() === '') {
      throw new Error(
        `proposal ${JSON.stringify(input.key)} of ${input.action}: \`${field}\` is empty`,
      );
    }
  }
  return {
    ...input,
    evidence: [...input.evidence],
    status: input.status ?? 'proposed',
    detectedAt: now.toISOString(),
  };
}

export function emptyProposalsFile(): ProposalsFile {
  return { nextId: 1, proposals: {} };
}

export function registryKey(action: ActionName, key: string): string {
  return `${action}:${key}`;
}

function idNumber(id: string): number {
  const match = /^P-(\d+)$/i.exec(id.trim()) ?? /^(\d+)$/.exec(id.trim());
  return match ? Number(match[1]) : Number.NaN;
}

/** Normalises a registry read from the state branch (absent -> empty); refuses a broken one. */
export function normaliseProposalsFile(data: unknown): ProposalsFile {
  if (data === undefined || data === null) return emptyProposalsFile();
  const file = data as Partial<ProposalsFile>;
  if (typeof file !== 'object' || typeof file.proposals !== 'object' || file.proposals === null) {
    throw new StateError(
      `${PROPOSALS_FILE} on the state branch has no \`proposals\` object; repair or delete it.`,
    );
  }
  const highest = Math.max(
    0,
    ...Object.values(file.proposals)
      .map((p) => idNumber(p.id))
      .filter(Number.isFinite),
  );
  const nextId = Number.isInteger(file.nextId)
    ? Math.max(file.nextId as number, highest + 1)
    : highest + 1;
  return { nextId, proposals: { ...file.proposals } };
}

/** Finds a proposal by id (`P-12`, `p-12` or `12`). */
export function findProposal(
  file: ProposalsFile,
  id: string,
): [string, RecordedProposal] | undefined {
  const n = idNumber(id);
  if (!Number.isFinite(n)) return undefined;
  return Object.entries(file.proposals).find(([, p]) => idNumber(p.id) === n);
}

function withTransition(
  proposal: RecordedProposal,
  transition: ProposalTransition,
): RecordedProposal {
  return {
    ...proposal,
    status: transition.status,
    history: [...(proposal.history ?? []), transition],
  };
}

export interface TransitionOptions {
  /** Who decided: a GitHub login, or `tend`. */
  by?: string;
  /** ISO timestamp. */
  at: string;
  reason?: string;
}

/**
 * Moves a proposal to `status`, recording who, when and why. Refuses an unknown id or a
 * transition the lifecycle does not allow (ConfigurationError saying what is allowed).
 * The same status again changes nothing (`changed: false`).
 */
export function transitionProposal(
  file: ProposalsFile,
  id: string,
  status: ProposalStatus,
  options: TransitionOptions,
): { file: ProposalsFile; proposal: RecordedProposal; changed: boolean } {
  const found = findProposal(file, id);
  if (!found) {
    const known = Object.values(file.proposals).map((p) => p.id);
    throw new ConfigurationError(
      `There is no proposal ${id}.`,
      known.length > 0
        ? `use the id shown in tend's report (for example ${known.at(-1)}).`
        : 'no proposal has been recorded yet.',
    );
  }
  const [key, proposal] = found;
  if (proposal.status === status) return { file, proposal, changed: false };
  const allowed = TRANSITIONS[proposal.status];
  if (!allowed.includes(status)) {
    throw new ConfigurationError(
      `Proposal ${proposal.id} is ${proposal.status}; it cannot become ${status}.`,
      allowed.length > 0
        ? `from ${proposal.status} it can become: ${allowed.join(', ')}.`
        : `${proposal.status} is final.`,
    );
  }
  const transition: ProposalTransition = { status, at: options.at };
  if (options.by !== undefined) transition.by = options.by;
  if (options.reason !== undefined) transition.reason = options.reason;
  const next = withTransition(proposal, transition);
  return {
    file: { ...file, proposals: { ...file.proposals, [key]: next } },
    proposal: next,
    changed: true,
  };
}

/** The fields re-detection refreshes; the lifecycle (id, status, history, detectedAt) stays. */
function refreshed(known: RecordedProposal, seen: Proposal, at: string): RecordedProposal {
  const next: RecordedProposal = {
    ...seen,
    id: known.id,
    status: known.status,
    detectedAt: known.detectedAt,
    lastDetectedAt: at,
  };
  if (known.history !== undefined) next.history = known.history;
  else delete next.history;
  return next;
}

/** A registry entry as the run reports it (without registry bookkeeping). */
function visible(entry: RecordedProposal): Proposal {
  const proposal: Proposal & { lastDetectedAt?: string } = { ...entry };
  delete proposal.lastDetectedAt;
  return proposal;
}

export interface RecordOptions {
  /**
   * Withdraw this action's `proposed` proposals that were not detected (default true).
   * Turn it off for a partial run, where "not detected" may only mean "not looked at".
   */
  withdrawMissing?: boolean;
}

/**
 * Merges one run's proposals of `action` into the registry: a new one gets the next id
 * `P-<n>`; a known one keeps its id and lifecycle and gets the new pattern, evidence,
 * impact and fix (a proposal withdrawn earlier comes back as `proposed`); a `proposed` one
 * of this action that was not detected this time is withdrawn ("no longer detected").
 * Returns the new registry and the run's proposals with their ids and current status.
 */
export function recordProposals(
  file: ProposalsFile,
  action: ActionName,
  proposals: readonly Proposal[],
  now: Date,
  options: RecordOptions = {},
): { file: ProposalsFile; proposals: Proposal[] } {
  const at = now.toISOString();
  const registry: Record<string, RecordedProposal> = { ...file.proposals };
  let nextId = file.nextId;
  const seen = new Set<string>();
  const out: Proposal[] = [];
  for (const proposal of proposals) {
    if (proposal.action !== action) {
      throw new Error(
        `recordProposals(${action}): proposal ${proposal.key} belongs to ${proposal.action}`,
      );
    }
    const key = registryKey(action, proposal.key);
    seen.add(key);
    const known = registry[key];
    let entry: RecordedProposal;
    if (known) {
      entry = refreshed(known, proposal, at);
      if (entry.status === 'withdrawn') {
        entry = withTransition(entry, {
          status: 'proposed',
          at,
          by: 'tend',
          reason: DETECTED_AGAIN,
        });
      }
    } else {
      const status = proposal.status ?? 'proposed';
      entry = {
        ...proposal,
        id: `P-${nextId}`,
        status,
        detectedAt: at,
        lastDetectedAt: at,
        history: [{ status, at, by: 'tend', reason: 'detected' }],
      };
      nextId += 1;
    }
    registry[key] = entry;
    out.push(visible(entry));
  }
  if (options.withdrawMissing ?? true) {
    for (const [key, entry] of Object.entries(registry)) {
      if (entry.action === action && entry.status === 'proposed' && !seen.has(key)) {
        registry[key] = withTransition(entry, {
          status: 'withdrawn',
          at,
          by: 'tend',
          reason: NO_LONGER_DETECTED,
        });
      }
    }
  }
  return { file: { nextId, proposals: registry }, proposals: out };
}
