import { classifyAuthor } from '../../src/weekly-reflection/metrics/classify-author';
import { ciMetrics } from '../../src/weekly-reflection/metrics/ci-metrics';
import {
  asksQuestion,
  conversationMetrics,
} from '../../src/weekly-reflection/metrics/conversation-metrics';
import type {
  PullRequestRecord,
  ReviewRecord,
} from '../../src/weekly-reflection/metrics/pull-request-record';
import {
  pullRequestMetrics,
  reviewRounds,
} from '../../src/weekly-reflection/metrics/pull-request-metrics';
import { median, percentile } from '../../src/weekly-reflection/metrics/statistics';
import { weekWindow } from '../../src/weekly-reflection/metrics/week-window';

const W = weekWindow('2026-W10'); // Mon 2026-03-02 .. Mon 2026-03-09
const at = (day: number, hour = 0) => new Date(Date.UTC(2026, 2, 2 + day, hour)).toISOString();
const user = (login: string) => ({ login, type: login.endsWith('[bot]') ? 'Bot' : 'User' });

function review(
  login: string,
  state: ReviewRecord['state'],
  when: string,
  comments = 0,
  body = '',
): ReviewRecord {
  return { author: user(login), state, submittedAt: when, body, comments };
}

function pr(number: number, fields: Partial<PullRequestRecord> = {}): PullRequestRecord {
  return {
    number,
    title: `PR ${number}`,
    url: `https://github.com/o/r/pull/${number}`,
    author: user('alice'),
    createdAt: at(0),
    isDraft: false,
    labels: [],
    reviews: [],
    commitDates: [at(0)],
    forcePushDates: [],
    readyForReviewDates: [],
    reviewRequestDates: [],
    convertToDraftDates: [],
    comments: [],
    ...fields,
  };
}

describe('statistics', () => {
  it('uses nearest-rank p90 and the mean of the middle pair for an even median', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(values, 90)).toBe(9);
    expect(median(values)).toBe(5.5);
    expect(median([])).toBeUndefined();
  });
});

describe('author classes', () => {
  it('tells agents, humans and dependency bots apart, with a configurable agent list', () => {
    expect(classifyAuthor(user('dependabot[bot]'))).toBe('dependency-bot');
    expect(classifyAuthor(user('renovate[bot]'))).toBe('dependency-bot');
    expect(classifyAuthor({ login: 'Copilot', type: 'Bot' })).toBe('agent');
    expect(classifyAuthor(user('devin-ai-integration[bot]'))).toBe('agent');
    expect(classifyAuthor(user('some-app[bot]'))).toBe('agent');
    expect(classifyAuthor(user('alice'))).toBe('human');
    expect(classifyAuthor(user('ci-robot'), { agents: ['ci-robot'] })).toBe('agent');
  });
});

describe('pull request metrics for one week', () => {
  const prs = [
    // 1: human, approved on first submission, merged in week
    pr(1, {
      createdAt: at(0, 9),
      mergedAt: at(1, 9),
      closedAt: at(1, 9),
      commitDates: [at(0, 8)],
      reviews: [review('bob', 'APPROVED', at(0, 11))],
    }),
    // 2: agent, changes requested, pushed again, approved: rework, 2 rounds, 3 human comments
    pr(2, {
      author: user('copilot-swe-agent[bot]'),
      createdAt: at(1, 0),
      mergedAt: at(2, 0),
      closedAt: at(2, 0),
      commitDates: [at(1, 0), at(1, 6)],
      reviews: [
        review('bob', 'CHANGES_REQUESTED', at(1, 4), 2, 'Please rename'),
        review('carol', 'APPROVED', at(1, 8)),
      ],
    }),
    // 3: agent, approved then a commit pushed after: not first-submission, rework
    pr(3, {
      author: user('copilot-swe-agent[bot]'),
      createdAt: at(2, 0),
      mergedAt: at(3, 0),
      closedAt: at(3, 0),
      commitDates: [at(2, 0), at(2, 10)],
      reviews: [review('bob', 'APPROVED', at(2, 2))],
    }),
    // 4: dependency bot, merged without review: counted in merged, not in quality metrics
    pr(4, {
      author: user('dependabot[bot]'),
      createdAt: at(3),
      mergedAt: at(3, 1),
      closedAt: at(3, 1),
    }),
    // 5: human, closed unmerged in week
    pr(5, { createdAt: at(-3), closedAt: at(4) }),
    // 6: draft, opened in week, reviewed while draft: excluded from time to first review
    pr(6, { createdAt: at(4), isDraft: true, reviews: [review('bob', 'COMMENTED', at(4, 2), 1)] }),
    // 7: opened as draft, ready at day 5 00:00, review requested day 5 02:00, reviewed day 5 04:00
    pr(7, {
      createdAt: at(4),
      readyForReviewDates: [at(5, 0)],
      reviewRequestDates: [at(5, 2)],
      reviews: [review('bob', 'COMMENTED', at(5, 4))],
    }),
    // 8: merged last week: ignored
    pr(8, { createdAt: at(-10), mergedAt: at(-5), closedAt: at(-5) }),
  ];
  const m = pullRequestMetrics(prs, W);

  it('counts opened, merged and closed-unmerged PRs, split by author class', () => {
    expect([m.opened, m.merged, m.closedUnmerged]).toEqual([6, 4, 1]);
    expect(m.openedBy).toEqual({ agent: 2, human: 3, 'dependency-bot': 1 });
    expect(m.mergedBy).toEqual({ agent: 2, human: 1, 'dependency-bot': 1 });
  });

  it('computes first-submission approval and rework over non-dependency merged PRs', () => {
    expect(m.firstSubmissionApproval).toEqual({ rate: 1 / 3, count: 1, of: 3 });
    expect(m.rework).toEqual({ rate: 2 / 3, count: 2, of: 3 });
    expect(m.firstSubmissionApprovalBy.agent).toEqual({ rate: 0, count: 0, of: 2 });
    expect(m.firstSubmissionApprovalBy.human).toEqual({ rate: 1, count: 1, of: 1 });
  });

  it('counts review rounds and human review comments per PR', () => {
    // rounds: PR1 1, PR2 2 (review, push, review), PR3 1
    expect(m.reviewRounds).toEqual({ mean: 4 / 3, median: 1, of: 3 });
    // comments: PR2 CHANGES_REQUESTED with 2 inline + body = 3; over 3 PRs
    expect(m.humanReviewCommentsPerPr).toEqual({ value: 1, comments: 3, of: 3 });
  });

  it('measures time to first review from ready for review, drafts excluded', () => {
    // PR1 2h, PR2 4h (created 00:00 non-draft), PR3 2h, PR7 4h (ready at 00:00); PR6 excluded (draft)
    expect(m.timeToFirstReviewHours).toEqual({ median: 3, p90: 4, of: 4 });
  });

  it('measures time to merge from ready for review', () => {
    // PR1 24h, PR2 24h, PR3 24h
    expect(m.timeToMergeHours).toEqual({ median: 24, p90: 24, of: 3 });
  });

  it('counts a force push after review as rework', () => {
    const p = pr(9, {
      mergedAt: at(2),
      commitDates: [at(0)],
      forcePushDates: [at(1, 5)],
      reviews: [review('bob', 'APPROVED', at(1))],
    });
    expect(pullRequestMetrics([p], W).rework.count).toBe(1);
    expect(reviewRounds(p)).toBe(1);
  });
});

describe('CI metrics', () => {
  it('computes the failure rate of completed runs and counts re-runs, per branch kind', () => {
    const run = (id: number, event: string, conclusion: string | null, attempt = 1, day = 1) => ({
      id,
      event,
      headBranch: event === 'push' ? 'main' : 'feature',
      status: conclusion ? 'completed' : 'in_progress',
      conclusion,
      runAttempt: attempt,
      createdAt: at(day),
    });
    const c = ciMetrics(
      [
        run(1, 'push', 'success'),
        run(2, 'push', 'failure'),
        run(3, 'pull_request', 'failure', 2),
        run(4, 'pull_request', 'cancelled'),
        run(5, 'pull_request', null),
        run(6, 'push', 'failure', 1, -2),
      ],
      W,
      'main',
    );
    expect(c.all).toEqual({ runs: 5, completed: 3, failed: 2, failureRate: 2 / 3, reruns: 1 });
    expect(c.defaultBranch).toEqual({
      runs: 2,
      completed: 2,
      failed: 1,
      failureRate: 0.5,
      reruns: 0,
    });
    expect(c.pullRequests).toEqual({ runs: 3, completed: 1, failed: 1, failureRate: 1, reruns: 1 });
  });
});

describe('clarifications and escalations', () => {
  it('counts agent questions outside code and quotes, and escalation issues', () => {
    expect(asksQuestion('Should the retry limit be 3 or 5?')).toBe(true);
    expect(asksQuestion('Done.\n```\nwhat?\n```\n> did you?')).toBe(false);
    const agent = user('copilot-swe-agent[bot]');
    const prs = [
      pr(1, {
        comments: [
          { author: agent, body: 'Which config file should I change?', createdAt: at(1) },
          { author: user('alice'), body: 'Why?', createdAt: at(1) },
          { author: agent, body: 'Did it?', createdAt: at(-3) },
        ],
      }),
    ];
    const issue = (n: number, createdAt: string, closedAt?: string) => ({
      number: n,
      title: 'x',
      url: '',
      author: user('tend[bot]'),
      createdAt,
      ...(closedAt ? { closedAt } : {}),
      labels: ['tend:escalation'],
      comments: [],
    });
    const c = conversationMetrics(
      prs,
      [issue(10, at(1)), issue(11, at(-8), at(2)), issue(12, at(-8))],
      W,
    );
    expect(c.clarificationRequests).toBe(1);
    expect([c.escalationsOpened, c.escalationsOpen, c.escalationsClosed]).toEqual([1, 2, 1]);
  });
});
