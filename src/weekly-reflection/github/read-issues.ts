// Issues for clarification requests and escalations, in one GraphQL request per page: issues
// updated since the week began (with their latest comments) and every issue labelled
// tend:escalation.
import type { GitHubClient } from '../../core/github-client';
import type { RepoRef } from '../../core/context';
import { ESCALATION_LABEL } from '../metrics/conversation-metrics';
import type { IssueRecord } from '../metrics/pull-request-record';
import { actorOf } from './read-pull-requests';

const QUERY = `query($owner: String!, $name: String!, $since: DateTime!, $labels: [String!], $cursor: String, $escalationCursor: String, $withRecent: Boolean!, $withEscalations: Boolean!) {
  repository(owner: $owner, name: $name) {
    recent: issues(first: 100, after: $cursor, filterBy: {since: $since}, orderBy: {field: UPDATED_AT, direction: DESC}) @include(if: $withRecent) {
      pageInfo { hasNextPage endCursor }
      nodes { ...issueFields }
    }
    escalations: issues(first: 100, after: $escalationCursor, labels: $labels, orderBy: {field: CREATED_AT, direction: DESC}) @include(if: $withEscalations) {
      pageInfo { hasNextPage endCursor }
      nodes { ...issueFields }
    }
  }
}
fragment issueFields on Issue {
  number title url createdAt closedAt
  author { __typename login }
  labels(first: 20) { nodes { name } }
  comments(last: 30) { nodes { author { __typename login } body createdAt url } }
}`;

interface RawIssue {
  number: number;
  title: string;
  url: string;
  createdAt: string;
  closedAt: string | null;
  author: { __typename?: string; login?: string } | null;
  labels: { nodes: { name: string }[] };
  comments: {
    nodes: {
      author: { __typename?: string; login?: string } | null;
      body: string;
      createdAt: string;
      url: string;
    }[];
  };
}

interface Page {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: (RawIssue | null)[];
}

interface Response {
  repository: { recent?: Page; escalations?: Page } | null;
}

function toIssue(raw: RawIssue): IssueRecord {
  return {
    number: raw.number,
    title: raw.title,
    url: raw.url,
    author: actorOf(raw.author),
    createdAt: raw.createdAt,
    ...(raw.closedAt ? { closedAt: raw.closedAt } : {}),
    labels: raw.labels.nodes.map((l) => l.name),
    comments: raw.comments.nodes.map((c) => ({
      author: actorOf(c.author),
      body: c.body,
      createdAt: c.createdAt,
      url: c.url,
    })),
  };
}

export async function readIssues(
  client: GitHubClient,
  repo: RepoRef,
  since: string,
  maxPages = 20,
): Promise<{ issues: IssueRecord[]; pages: number }> {
  const byNumber = new Map<number, IssueRecord>();
  let cursor: string | null = null;
  let escalationCursor: string | null = null;
  let withRecent = true;
  let withEscalations = true;
  let pages = 0;
  while ((withRecent || withEscalations) && pages < maxPages) {
    const data: Response = await client.graphql<Response>(QUERY, {
      owner: repo.owner,
      name: repo.repo,
      since,
      labels: [ESCALATION_LABEL],
      cursor,
      escalationCursor,
      withRecent,
      withEscalations,
    });
    pages += 1;
    const recent = data.repository?.recent;
    const escalations = data.repository?.escalations;
    for (const node of [...(recent?.nodes ?? []), ...(escalations?.nodes ?? [])])
      if (node) byNumber.set(node.number, toIssue(node));
    withRecent = withRecent && !!recent?.pageInfo.hasNextPage;
    withEscalations = withEscalations && !!escalations?.pageInfo.hasNextPage;
    cursor = recent?.pageInfo.endCursor ?? cursor;
    escalationCursor = escalations?.pageInfo.endCursor ?? escalationCursor;
  }
  return { issues: [...byNumber.values()], pages };
}
