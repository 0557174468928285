// tend's issues for one action: create-or-update by fingerprint marker (see issue-lookup.ts for
// how they are found). Never a duplicate: a create whose answer was lost is looked for before
// it is sent again, and after a create the label is listed again so that, when a concurrent run
// opened the same issue, the oldest stays open and the newer ones are closed as duplicates.

import type { Logger, RepoRef } from '../context';
import type { GitHubClient } from '../github-client';
import type { PublishOutcome } from '../types';
import { fitBody } from './body-limit';
import { postCommentOnce } from './comments';
import {
  DUPLICATE_MARKER,
  duplicateComment,
  isTendDuplicate,
  withStatusMarker,
} from './duplicates';
import { withMarker } from './fingerprint';
import { createIssueLookup, openOldestFirst, pickIssue } from './issue-lookup';
import {
  missingLabels,
  sameBody,
  toIssueRecord,
  type IssueRecord,
  type RawIssue,
} from './issue-records';
import { createLabelManager, labelsFor, type LabelManager } from './labels';
import { neutraliseForTitle } from './neutralise';
import type { IssueSpec } from './publisher';
import { createOnce, NO_RETRY } from './uncertain-write';

export { missingLabels, sameBody, type IssueRecord } from './issue-records';

/**
 * Closed as not planned (or as a duplicate) by a maintainer: a "no", never reopened. An issue
 * tend itself closed as a duplicate of its own is not a rejection.
 */
function isRejected(issue: IssueRecord): boolean {
  return (
    issue.state === 'closed' &&
    (issue.stateReason === 'not_planned' || issue.stateReason === 'duplicate') &&
    !isTendDuplicate(issue.body)
  );
}

/** Open issues of the same fingerprint besides `kept`, not yet marked as tend's duplicates. */
function raceLeftovers(kept: IssueRecord, matches: IssueRecord[]): IssueRecord[] {
  const seen = new Set([kept.number]);
  return openOldestFirst(matches).filter((issue) => {
    if (seen.has(issue.number) || isTendDuplicate(issue.body)) return false;
    seen.add(issue.number);
    return true;
  });
}

export interface IssueStore {
  /** tend's issue for `key`: the oldest open one, else the most recent closed one. */
  find(key: string): Promise<IssueRecord | undefined>;
  upsert(spec: IssueSpec): Promise<PublishOutcome>;
  close(key: string, comment: string): Promise<PublishOutcome>;
}

export function createIssueStore(
  client: GitHubClient,
  repo: RepoRef,
  action: string,
  logger: Logger,
  labels: LabelManager = createLabelManager(client, repo, logger),
): IssueStore {
  const lookup = createIssueLookup(client, repo, action);

  /** Labelled issues first; a scan of recent issues only when none carries the marker. */
  async function matches(key: string): Promise<IssueRecord[]> {
    const labelled = await lookup.labelled(key);
    return labelled.length > 0 ? labelled : lookup.scanned(key);
  }

  async function find(key: string): Promise<IssueRecord | undefined> {
    return pickIssue(await matches(key));
  }

  const comment = (issue: number, body: string) => postCommentOnce(client, repo, issue, body);

  async function closeDuplicates(kept: IssueRecord, duplicates: IssueRecord[], key: string) {
    for (const duplicate of duplicates) {
      await comment(duplicate.number, duplicateComment(kept.number));
      const { data } = await client.rest.issues.update({
        ...repo,
        issue_number: duplicate.number,
        body: fitBody(withStatusMarker(duplicate.body, DUPLICATE_MARKER)),
        state: 'closed',
        state_reason: 'not_planned',
      });
      await lookup.remember(toIssueRecord(data as RawIssue));
      logger.info(
        `Closed issue #${duplicate.number} as a duplicate of #${kept.number} for tend:${action}:${key} ` +
          '(opened by a concurrent run).',
      );
    }
  }

  /** Opens the issue; a create whose answer was lost is found by its marker, not sent again. */
  async function create(key: string, title: string, body: string, wanted: string[]) {
    await labels.ensure(wanted);
    const record = await createOnce({
      create: async () => {
        const { data } = await client.rest.issues.create({
          ...repo,
          title,
          body,
          labels: wanted,
          request: NO_RETRY,
        });
        return toIssueRecord(data as RawIssue);
      },
      recover: async () => openOldestFirst(await lookup.relisted(key))[0],
    });
    await lookup.remember(record);
    return record;
  }

  /**
   * After a create: when a concurrent run opened the same issue, the oldest open one wins and
   * this run closes its own newer one as a duplicate (each run closes only what it opened, so
   * no duplicate gets two comments; a leftover is closed by the next run). Returns the one kept.
   */
  async function settle(key: string, created: IssueRecord): Promise<IssueRecord> {
    const listed = await lookup.relisted(key);
    const [kept = created] = openOldestFirst([
      created,
      ...listed.filter((issue) => issue.number !== created.number && !isTendDuplicate(issue.body)),
    ]);
    if (kept.number !== created.number) await closeDuplicates(kept, [created], key);
    return kept;
  }

  async function upsert(spec: IssueSpec): Promise<PublishOutcome> {
    const title = neutraliseForTitle(spec.title) || `tend ${action}: ${spec.key}`;
    const body = fitBody(withMarker(spec.body, action, spec.key));
    const wanted = labelsFor(action, spec.labels);
    const outcome = (status: PublishOutcome['status'], issue: IssueRecord): PublishOutcome => ({
      kind: 'issue',
      key: spec.key,
      status,
      number: issue.number,
      url: issue.url,
    });

    const found = await matches(spec.key);
    let existing = pickIssue(found);
    if (!existing) {
      const created = await create(spec.key, title, body, wanted);
      const kept = await settle(spec.key, created);
      if (kept.number === created.number) {
        logger.info(`Opened issue #${created.number} for tend:${action}:${spec.key}.`);
        return outcome('created', created);
      }
      existing = kept;
    } else if (existing.state === 'open') {
      // Left over from a race an earlier run did not see settled: close the newer ones now.
      await closeDuplicates(existing, raceLeftovers(existing, found), spec.key);
    }

    if (isRejected(existing)) {
      logger.info(
        `Issue #${existing.number} for tend:${action}:${spec.key} was closed as not planned; not reopening it.`,
      );
      return {
        ...outcome('rejected', existing),
        ...(existing.closedAt ? { rejectedAt: existing.closedAt } : {}),
        rejectionReason: existing.stateReason === 'duplicate' ? 'duplicate' : 'not-planned',
      };
    }
    const missing = missingLabels(existing.labels, wanted);
    const reopen = existing.state === 'closed';
    const update: { title?: string; body?: string; labels?: string[]; state?: 'open' } = {};
    if (existing.title !== title) update.title = title;
    if (!sameBody(existing.body, body)) update.body = body;
    if (missing.length > 0) update.labels = [...existing.labels, ...missing];
    if (reopen) update.state = 'open';
    if (Object.keys(update).length === 0) return outcome('unchanged', existing);

    if (missing.length > 0) await labels.ensure(missing);
    const { data } = await client.rest.issues.update({
      ...repo,
      issue_number: existing.number,
      ...update,
    });
    const record = toIssueRecord(data as RawIssue);
    await lookup.remember(record);
    logger.info(
      reopen
        ? `Reopened issue #${record.number} for tend:${action}:${spec.key}: the problem is back.`
        : `Updated issue #${record.number} for tend:${action}:${spec.key}.`,
    );
    return outcome('updated', record);
  }

  /**
   * Closes the open issue of `key` as completed (comment first). Only labelled issues are
   * looked at: an issue a maintainer took tend's label off is left alone.
   */
  async function close(key: string, text: string): Promise<PublishOutcome> {
    const found = await lookup.labelled(key);
    const existing = openOldestFirst(found)[0];
    if (!existing) return { kind: 'issue', key, status: 'absent' };
    await comment(existing.number, text);
    const { data } = await client.rest.issues.update({
      ...repo,
      issue_number: existing.number,
      state: 'closed',
      state_reason: 'completed',
    });
    const record = toIssueRecord(data as RawIssue);
    await lookup.remember(record);
    await closeDuplicates(existing, raceLeftovers(existing, found), key);
    logger.info(`Closed issue #${record.number} for tend:${action}:${key}: resolved.`);
    return { kind: 'issue', key, status: 'closed', number: record.number, url: record.url };
  }

  return { find, upsert, close };
}
