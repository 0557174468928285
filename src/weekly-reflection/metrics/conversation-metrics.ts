// Clarification requests (an agent asking a question in a PR or issue comment) and escalations
// (issues labelled tend:escalation).
import { classifyAuthor, type AuthorLists } from './classify-author';
import type { CommentRecord, IssueRecord, PullRequestRecord } from './pull-request-record';
import { inWindow, type WeekWindow } from './week-window';

export const ESCALATION_LABEL = 'tend:escalation';

/** A question to a human: a sentence ending with `?` outside code blocks and quotes. */
export function asksQuestion(body: string): boolean {
  const prose = body
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>'))
    .join('\n');
  return /[A-Za-z0-9)\]"'][ \t]*\?(\s|$)/.test(prose);
}

export interface ConversationMetrics {
  clarificationRequests: number;
  /** Links of the comments (up to 20) for the report's details. */
  clarificationExamples: string[];
  escalationsOpened: number;
  escalationsOpen: number;
  escalationsClosed: number;
}

export function conversationMetrics(
  prs: PullRequestRecord[],
  issues: IssueRecord[],
  window: WeekWindow,
  lists: AuthorLists = {},
): ConversationMetrics {
  const comments: CommentRecord[] = [
    ...prs.flatMap((p) => p.comments),
    ...issues.flatMap((i) => i.comments),
  ];
  const questions = comments.filter(
    (c) =>
      inWindow(window, c.createdAt) &&
      c.author.login !== '' &&
      classifyAuthor(c.author, lists) === 'agent' &&
      asksQuestion(c.body),
  );
  const escalations = issues.filter((i) => i.labels.includes(ESCALATION_LABEL));
  const endTime = new Date(window.end).getTime();
  return {
    clarificationRequests: questions.length,
    clarificationExamples: questions.slice(0, 20).map((c) => c.url ?? c.createdAt),
    escalationsOpened: escalations.filter((i) => inWindow(window, i.createdAt)).length,
    escalationsOpen: escalations.filter(
      (i) =>
        new Date(i.createdAt).getTime() < endTime &&
        (!i.closedAt || new Date(i.closedAt).getTime() >= endTime),
    ).length,
    escalationsClosed: escalations.filter((i) => inWindow(window, i.closedAt)).length,
  };
}
