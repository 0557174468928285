// Record builders for the store's simpler seeds, and the id / date conventions every record uses.
import type { AlertSeed, DateInput, WorkflowRunSeed } from './store-seeds';
import type { DependabotAlertRecord, WorkflowRunRecord } from './store-types';

/** `04:User1`-style legacy node ids, base64 encoded as GitHub's are. */
export function legacyNodeId(type: string, id: number): string {
  const raw = `${type}${id}`;
  return Buffer.from(`0${raw.length}:${raw}`).toString('base64');
}

/** ISO 8601 without milliseconds, as GitHub writes dates. */
export function isoDate(date: DateInput): string {
  return new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface RunDefaults {
  id: number;
  runNumber: number;
  now: Date;
  defaultBranch: string;
  /** Login of the actor (already registered as a user). */
  actor: string;
  branchSha: (branch: string) => string | undefined;
}

export function buildWorkflowRun(seed: WorkflowRunSeed, d: RunDefaults): WorkflowRunRecord {
  const created = isoDate(seed.createdAt ?? d.now);
  const branch = seed.headBranch ?? d.defaultBranch;
  const status = seed.status ?? 'completed';
  const defaultConclusion = status === 'completed' ? 'success' : null;
  return {
    id: d.id,
    node_id: legacyNodeId('WorkflowRun', d.id),
    name: seed.name ?? 'CI',
    workflow_id: seed.workflowId ?? 1,
    path: seed.path ?? '.github/workflows/ci.yml',
    head_branch: branch,
    head_sha: seed.headSha ?? d.branchSha(branch) ?? '0'.repeat(40),
    event: seed.event ?? 'push',
    status,
    conclusion: seed.conclusion === undefined ? defaultConclusion : seed.conclusion,
    run_number: d.runNumber,
    run_attempt: seed.runAttempt ?? 1,
    actor: d.actor,
    created_at: created,
    updated_at: isoDate(seed.updatedAt ?? created),
    run_started_at: created,
    pull_requests: [...(seed.pullRequests ?? [])],
  };
}

export function buildDependabotAlert(
  seed: AlertSeed,
  number: number,
  now: Date,
): DependabotAlertRecord {
  const created = isoDate(seed.createdAt ?? now);
  const updated = isoDate(seed.updatedAt ?? created);
  const state = seed.state ?? 'open';
  const pkg = seed.package ?? 'lodash';
  return {
    number,
    state,
    ecosystem: seed.ecosystem ?? 'npm',
    package: pkg,
    manifest_path: seed.manifestPath ?? 'package-lock.json',
    scope: seed.scope === undefined ? 'runtime' : seed.scope,
    severity: seed.severity ?? 'high',
    ghsa_id: seed.ghsaId ?? `GHSA-${String(number).padStart(4, '0')}-xxxx-xxxx`,
    cve_id: seed.cveId ?? null,
    summary: seed.summary ?? `Vulnerability in ${pkg}`,
    description: seed.description ?? '',
    vulnerable_version_range: seed.vulnerableVersionRange ?? '< 4.17.21',
    first_patched_version:
      seed.firstPatchedVersion === undefined ? '4.17.21' : seed.firstPatchedVersion,
    created_at: created,
    updated_at: updated,
    dismissed_at: state === 'dismissed' ? updated : null,
    dismissed_reason: state === 'dismissed' ? (seed.dismissedReason ?? 'tolerable_risk') : null,
    fixed_at: state === 'fixed' ? updated : null,
  };
}
