// tend's pull requests for one action: one branch `tend/<action>/<key>` per fingerprint,
// rebuilt on the current base head through the Git Data API, and found by head branch and
// marker with the pulls list endpoint. GitHub refuses a second open PR for one head, so two
// concurrent runs end with one PR: the later create's 422 turns into an update of that PR.

import type { Logger, RepoRef } from '../context';
import type { GitHubClient } from '../github-client';
import type { PublishOutcome } from '../types';
import { fitBody } from './body-limit';
import { postCommentOnce } from './comments';
import { fingerprintBranch, hasMarker, withMarker } from './fingerprint';
import type { GitBranches } from './git-branch';
import { isTendResolved, RESOLVED_MARKER, withStatusMarker } from './duplicates';
import { errorStatus, errorText } from './github-errors';
import { missingLabels, sameBody } from './issue-records';
import { labelsFor, type LabelManager } from './labels';
import { neutraliseForTitle } from './neutralise';
import type { PullRequestSpec } from './publisher';
import { createOnce, NO_RETRY } from './uncertain-write';

export interface PullRecord {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  merged: boolean;
  /** When it was closed or merged (ISO 8601), null while open. */
  closedAt: string | null;
  headSha: string;
  labels: string[];
  url: string;
}

interface RawPull {
  number: number;
  title: string;
  body?: string | null;
  state: string;
  merged_at?: string | null;
  closed_at?: string | null;
  head: { sha: string };
  labels?: { name?: string }[];
  html_url: string;
}

function toRecord(pull: RawPull): PullRecord {
  return {
    number: pull.number,
    title: pull.title,
    body: pull.body ?? '',
    state: pull.state === 'open' ? 'open' : 'closed',
    merged: Boolean(pull.merged_at),
    closedAt: pull.closed_at ?? null,
    headSha: pull.head.sha,
    labels: (pull.labels ?? []).map((label) => label.name ?? '').filter(Boolean),
    url: pull.html_url,
  };
}

/** GitHub's answer when the workflow token may not open pull requests (a repository setting). */
export function isPullRequestCreationForbidden(error: unknown): boolean {
  return (
    errorStatus(error) === 403 &&
    /not permitted to create or approve pull requests/i.test(errorText(error))
  );
}

export interface PullRequestStoreDeps {
  client: GitHubClient;
  repo: RepoRef;
  action: string;
  logger: Logger;
  labels: LabelManager;
  git: GitBranches;
  baseBranch: () => Promise<string>;
  /** Called when GitHub forbids opening the PR; publishes the fallback issue instead. */
  onForbidden: (spec: PullRequestSpec, branch: string, base: string) => Promise<PublishOutcome>;
}

export interface PullRequestStore {
  /** tend's PR for `key`: the open one, else the most recent closed one. */
  find(key: string): Promise<PullRecord | undefined>;
  upsert(spec: PullRequestSpec): Promise<PublishOutcome>;
  /** Closes the open PR (comment first) and deletes its branch; undefined when none is open. */
  close(key: string, comment: string): Promise<PublishOutcome | undefined>;
}

export function createPullRequestStore(deps: PullRequestStoreDeps): PullRequestStore {
  const { client, repo, action, logger, labels, git } = deps;

  async function find(key: string): Promise<PullRecord | undefined> {
    const branch = fingerprintBranch(action, key);
    const pulls = (
      (await client.paginate(client.rest.pulls.list, {
        ...repo,
        head: `${repo.owner}:${branch}`,
        state: 'all',
        per_page: 100,
      })) as RawPull[]
    ).map(toRecord);
    // The branch name is tend's fingerprint too; the marker breaks ties with anything else.
    const rank = (pull: PullRecord) => (hasMarker(pull.body, action, key) ? 0 : 1);
    const open = sortPulls(
      pulls.filter((pull) => pull.state === 'open'),
      rank,
      1,
    );
    return open[0] ?? sortPulls(pulls, rank, -1)[0];
  }

  async function ensureLabels(pull: PullRecord, wanted: string[]): Promise<boolean> {
    const missing = missingLabels(pull.labels, wanted);
    if (missing.length === 0) return false;
    await labels.ensure(missing);
    await client.rest.issues.addLabels({ ...repo, issue_number: pull.number, labels: missing });
    return true;
  }

  /** Makes the branch hold base head + changes; returns whether anything was written. */
  async function syncBranch(branch: string, base: string, spec: PullRequestSpec): Promise<boolean> {
    const baseHead = await git.head(base);
    if (!baseHead)
      throw new Error(`Base branch ${base} of ${repo.owner}/${repo.repo} does not exist.`);
    const current = await git.head(branch);
    if (current) {
      const commit = await git.commit(current);
      const onBase = commit.parents.length === 1 && commit.parents[0] === baseHead;
      if (onBase && (await git.holds(commit.tree, spec.changes))) return false;
    }
    const sha = await git.build(baseHead, spec.changes, spec.commitMessage);
    await git.point(branch, sha, current !== undefined);
    logger.info(`Pushed ${spec.changes.length} file change(s) to ${branch} on top of ${base}.`);
    return true;
  }

  async function upsert(spec: PullRequestSpec): Promise<PublishOutcome> {
    const branch = fingerprintBranch(action, spec.key);
    const title = neutraliseForTitle(spec.title) || `tend ${action}: ${spec.key}`;
    const body = fitBody(withMarker(spec.body, action, spec.key));
    const wanted = labelsFor(action, spec.labels);
    const result = (status: PublishOutcome['status'], pull?: PullRecord): PublishOutcome => ({
      kind: 'pull',
      key: spec.key,
      status,
      ...(pull ? { number: pull.number, url: pull.url } : {}),
    });
    const existing = await find(spec.key);
    const base = spec.base ?? (await deps.baseBranch());

    if (existing?.state === 'open') {
      const pushed = await syncBranch(branch, base, spec);
      const update: { title?: string; body?: string } = {};
      if (existing.title !== title) update.title = title;
      if (!sameBody(existing.body, body)) update.body = body;
      let pull = existing;
      if (Object.keys(update).length > 0) {
        const { data } = await client.rest.pulls.update({
          ...repo,
          pull_number: existing.number,
          ...update,
        });
        pull = toRecord(data as RawPull);
      }
      const labelled = await ensureLabels(pull, wanted);
      const changed = pushed || labelled || Object.keys(update).length > 0;
      if (changed)
        logger.info(`Updated pull request #${pull.number} for tend:${action}:${spec.key}.`);
      return result(changed ? 'updated' : 'unchanged', pull);
    }
    if (existing && isRejected(existing)) {
      logger.info(
        `Pull request #${existing.number} for tend:${action}:${spec.key} was closed unmerged; not reopening it.`,
      );
      return {
        ...result('rejected', existing),
        ...(existing.closedAt ? { rejectedAt: existing.closedAt } : {}),
        rejectionReason: 'closed-unmerged',
      };
    }
    if (existing?.merged) {
      const merged = await git.commit(existing.headSha);
      if (await git.holds(merged.tree, spec.changes)) return result('unchanged', existing);
    }
    // A PR tend closed as resolved is history: the problem is back, so a new PR is opened.
    const previous = existing?.merged ? existing : undefined;
    const baseHead = await git.head(base);
    if (baseHead && (await git.holds((await git.commit(baseHead)).tree, spec.changes))) {
      logger.info(
        `${base} already has the changes of tend:${action}:${spec.key}; no pull request needed.`,
      );
      return result('unchanged', previous);
    }
    await syncBranch(branch, base, spec);
    let created: PullRecord;
    try {
      created = await createOnce({
        create: async () => {
          const { data } = await client.rest.pulls.create({
            ...repo,
            title,
            body,
            head: branch,
            base,
            maintainer_can_modify: false,
            request: NO_RETRY,
          });
          return toRecord(data as RawPull);
        },
        // The answer was lost: the PR may exist already (GitHub allows one open PR per head).
        recover: async () => {
          const found = await find(spec.key);
          return found?.state === 'open' ? found : undefined;
        },
      });
    } catch (error) {
      if (isPullRequestCreationForbidden(error)) return deps.onForbidden(spec, branch, base);
      if (errorStatus(error) === 422 && /already exists/i.test(errorText(error))) {
        // A concurrent run opened it a moment ago: update that one instead.
        const raced = await find(spec.key);
        if (raced?.state === 'open') return upsert(spec);
      }
      throw error;
    }
    await ensureLabels(created, wanted);
    logger.info(`Opened pull request #${created.number} for tend:${action}:${spec.key}.`);
    return result('created', created);
  }

  async function close(key: string, comment: string): Promise<PublishOutcome | undefined> {
    const existing = await find(key);
    if (existing?.state !== 'open') return undefined;
    await postCommentOnce(client, repo, existing.number, comment);
    // The marker tells a later run that tend closed it, not a maintainer: no rejection.
    const { data } = await client.rest.pulls.update({
      ...repo,
      pull_number: existing.number,
      state: 'closed',
      body: fitBody(withStatusMarker(existing.body, RESOLVED_MARKER)),
    });
    await git.remove(fingerprintBranch(action, key));
    logger.info(
      `Closed pull request #${existing.number} for tend:${action}:${key} and deleted its branch: resolved.`,
    );
    return { kind: 'pull', key, status: 'closed', number: data.number, url: data.html_url };
  }

  return { find, upsert, close };
}

/**
 * Closed unmerged by a maintainer: a "no" to these changes, never reopened. A PR tend closed
 * itself because the problem was resolved is not a rejection.
 */
function isRejected(pull: PullRecord): boolean {
  return pull.state === 'closed' && !pull.merged && !isTendResolved(pull.body);
}

/** Marker holders first, then by number (ascending with `direction` 1, descending with -1). */
function sortPulls(
  pulls: PullRecord[],
  rank: (pull: PullRecord) => number,
  direction: 1 | -1,
): PullRecord[] {
  return [...pulls].sort((a, b) => rank(a) - rank(b) || direction * (a.number - b.number));
}
