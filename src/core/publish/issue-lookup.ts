// Finding tend's issues by fingerprint marker through the issues list endpoint, never the
// search API (capped and eventually consistent). The common path is one listing of the
// `tend:<action>` label per run; only when no labelled issue carries the marker (a maintainer
// removed the label, or the issue is new) are the repository's most recent issues scanned.

import type { RepoRef } from '../context';
import type { GitHubClient } from '../github-client';
import { isTendDuplicate } from './duplicates';
import { hasMarker } from './fingerprint';
import { issuesOnly, type IssueRecord } from './issue-records';

/** The fallback scan reads at most this many pages of 100 issues, newest first. */
export const SCAN_PAGES = 3;
const PER_PAGE = 100;

export interface IssueLookup {
  /** Issues of `key` among those labelled `tend:<action>` (every state), listed once per run. */
  labelled(key: string): Promise<IssueRecord[]>;
  /** Issues of `key` among the repository's most recent issues, labelled or not (scanned once per run). */
  scanned(key: string): Promise<IssueRecord[]>;
  /** Lists `tend:<action>` afresh (another run may have opened an issue since) and returns those of `key`. */
  relisted(key: string): Promise<IssueRecord[]>;
  /** Keeps the run's listing current after a write. */
  remember(record: IssueRecord): Promise<void>;
}

export function createIssueLookup(
  client: GitHubClient,
  repo: RepoRef,
  action: string,
): IssueLookup {
  let listed: Promise<IssueRecord[]> | undefined;
  let scan: Promise<IssueRecord[]> | undefined;

  /** The issues carrying the marker, except those tend itself closed as duplicates. */
  const ofKey = (issues: IssueRecord[], key: string) =>
    issues.filter(
      (issue) =>
        hasMarker(issue.body, action, key) &&
        !(issue.state === 'closed' && isTendDuplicate(issue.body)),
    );

  const listLabelled = async () =>
    issuesOnly(
      await client.paginate(client.rest.issues.listForRepo, {
        ...repo,
        labels: `tend:${action}`,
        state: 'all',
        per_page: PER_PAGE,
      }),
    );

  async function scanRecent(): Promise<IssueRecord[]> {
    const found: IssueRecord[] = [];
    let pages = 0;
    const iterator = client.paginate.iterator(client.rest.issues.listForRepo, {
      ...repo,
      state: 'all',
      sort: 'created',
      direction: 'desc',
      per_page: PER_PAGE,
    });
    for await (const { data } of iterator) {
      found.push(...issuesOnly(data));
      pages += 1;
      if (pages >= SCAN_PAGES) break;
    }
    return found;
  }

  return {
    async labelled(key) {
      listed ??= listLabelled();
      return ofKey(await listed, key);
    },
    async scanned(key) {
      scan ??= scanRecent();
      return ofKey(await scan, key);
    },
    async relisted(key) {
      const fresh = await listLabelled();
      listed = Promise.resolve(fresh);
      return ofKey(fresh, key);
    },
    async remember(record) {
      listed ??= listLabelled();
      const issues = await listed;
      const index = issues.findIndex((issue) => issue.number === record.number);
      if (index >= 0) issues[index] = record;
      else issues.push(record);
    },
  };
}

/** The issue tend keeps for a fingerprint: the oldest open one, else the most recent closed one. */
export function pickIssue(matches: IssueRecord[]): IssueRecord | undefined {
  const open = openOldestFirst(matches);
  if (open[0]) return open[0];
  return [...matches].sort((a, b) => b.number - a.number)[0];
}

export function openOldestFirst(matches: IssueRecord[]): IssueRecord[] {
  return matches.filter((issue) => issue.state === 'open').sort((a, b) => a.number - b.number);
}
