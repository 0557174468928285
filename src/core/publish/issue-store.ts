// tend's issues for one action, found by fingerprint marker through the list endpoint
// (label `tend:<action>`, every state), never the search API.

import type { Logger, RepoRef } from '../context';
import type { GitHubClient } from '../github-client';
import type { PublishOutcome } from '../types';
import { fitBody } from './body-limit';
import { hasMarker, withMarker } from './fingerprint';
import { createLabelManager, labelsFor, type LabelManager } from './labels';
import { neutraliseForTitle } from './neutralise';
import type { IssueSpec } from './publisher';

export interface IssueRecord {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason: string | null;
  labels: string[];
  url: string;
}

interface RawIssue {
  number: number;
  title: string;
  body?: string | null;
  state: string;
  state_reason?: string | null;
  labels: (string | { name?: string })[];
  html_url: string;
  pull_request?: unknown;
}

function toRecord(issue: RawIssue): IssueRecord {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body ?? '',
    state: issue.state === 'open' ? 'open' : 'closed',
    stateReason: issue.state_reason ?? null,
    labels: issue.labels
      .map((label) => (typeof label === 'string' ? label : (label.name ?? '')))
      .filter(Boolean),
    url: issue.html_url,
  };
}

/** Bodies compare equal when they differ only in line endings or trailing whitespace. */
export function sameBody(a: string, b: string): boolean {
  const norm = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  return norm(a) === norm(b);
}

/** Closed as not planned (or as a duplicate): a maintainer's "no", never reopened. */
function isRejected(issue: IssueRecord): boolean {
  return (
    issue.state === 'closed' &&
    (issue.stateReason === 'not_planned' || issue.stateReason === 'duplicate')
  );
}

/** Labels in `wanted` the item does not carry yet (case-insensitive). */
export function missingLabels(current: string[], wanted: string[]): string[] {
  const have = new Set(current.map((label) => label.toLowerCase()));
  return wanted.filter((label) => !have.has(label.toLowerCase()));
}

export interface IssueStore {
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
  let listed: Promise<IssueRecord[]> | undefined;

  async function all(): Promise<IssueRecord[]> {
    listed ??= client
      .paginate(client.rest.issues.listForRepo, {
        ...repo,
        labels: `tend:${action}`,
        state: 'all',
        per_page: 100,
      })
      .then((issues) =>
        (issues as RawIssue[]).filter((issue) => !issue.pull_request).map(toRecord),
      );
    return listed;
  }

  async function remember(record: IssueRecord): Promise<void> {
    const issues = await all();
    const index = issues.findIndex((issue) => issue.number === record.number);
    if (index >= 0) issues[index] = record;
    else issues.push(record);
  }

  async function find(key: string): Promise<IssueRecord | undefined> {
    const matches = (await all()).filter((issue) => hasMarker(issue.body, action, key));
    const open = matches
      .filter((issue) => issue.state === 'open')
      .sort((a, b) => a.number - b.number);
    if (open[0]) return open[0];
    return matches.sort((a, b) => b.number - a.number)[0];
  }

  async function upsert(spec: IssueSpec): Promise<PublishOutcome> {
    const title = neutraliseForTitle(spec.title) || `tend ${action}: ${spec.key}`;
    const body = fitBody(withMarker(spec.body, action, spec.key));
    const wanted = labelsFor(action, spec.labels);
    const existing = await find(spec.key);
    const outcome = (status: PublishOutcome['status'], issue: IssueRecord): PublishOutcome => ({
      kind: 'issue',
      key: spec.key,
      status,
      number: issue.number,
      url: issue.url,
    });

    if (!existing) {
      await labels.ensure(wanted);
      const { data } = await client.rest.issues.create({ ...repo, title, body, labels: wanted });
      const record = toRecord(data as RawIssue);
      await remember(record);
      logger.info(`Opened issue #${record.number} for tend:${action}:${spec.key}.`);
      return outcome('created', record);
    }
    if (isRejected(existing)) {
      logger.info(
        `Issue #${existing.number} for tend:${action}:${spec.key} was closed as not planned; not reopening it.`,
      );
      return outcome('rejected', existing);
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
    const record = toRecord(data as RawIssue);
    await remember(record);
    logger.info(
      reopen
        ? `Reopened issue #${record.number} for tend:${action}:${spec.key}: the problem is back.`
        : `Updated issue #${record.number} for tend:${action}:${spec.key}.`,
    );
    return outcome('updated', record);
  }

  async function close(key: string, comment: string): Promise<PublishOutcome> {
    const existing = await find(key);
    if (!existing || existing.state !== 'open') return { kind: 'issue', key, status: 'absent' };
    await client.rest.issues.createComment({
      ...repo,
      issue_number: existing.number,
      body: fitBody(comment),
    });
    const { data } = await client.rest.issues.update({
      ...repo,
      issue_number: existing.number,
      state: 'closed',
      state_reason: 'completed',
    });
    const record = toRecord(data as RawIssue);
    await remember(record);
    logger.info(`Closed issue #${record.number} for tend:${action}:${key}: resolved.`);
    return { kind: 'issue', key, status: 'closed', number: record.number, url: record.url };
  }

  return { find, upsert, close };
}
