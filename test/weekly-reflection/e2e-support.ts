// Helpers for weekly-reflection's end-to-end tests: a git workspace, reading the state branch
// of the emulator, and seeding a week of pull requests whose metrics are known by construction.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Emulator } from '../support/emulator';
import { weekStart } from '../../src/core/iso-week';

export function workspace(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tend-wr-ws-'));
  execFileSync('git', ['init', '-q'], { cwd: dir });
  return dir;
}

/** A JSON file on the emulator's state branch (schemaVersion included), or undefined. */
export function readState<T = Record<string, unknown>>(
  emulator: Emulator,
  file: string,
  branch = 'tend-state',
): T | undefined {
  const git = emulator.store.git;
  const head = git.refs.get(`refs/heads/${branch}`);
  if (!head) return undefined;
  const commit = git.readCommit(head);
  const entry = commit && git.lookupPath(commit.tree, file);
  const blob = entry && git.get(entry.sha);
  return blob ? (JSON.parse(blob.payload.toString('utf8')) as T) : undefined;
}

/** Writes state files as another action's run would (one commit on the state branch). */
export function writeState(emulator: Emulator, files: Record<string, unknown>): void {
  const texts = Object.fromEntries(
    Object.entries(files).map(([p, data]) => [
      p,
      `${JSON.stringify({ schemaVersion: 1, ...(data as object) }, null, 2)}\n`,
    ]),
  );
  emulator.store.commitFiles('tend-state', texts, 'seed state');
}

export const HOUR = 3_600_000;

export function at(week: string, hours: number): string {
  return new Date(weekStart(week).getTime() + hours * HOUR).toISOString();
}

export interface SeededWeek {
  agents: number;
  humans: number;
  dependency: number;
  ciFailures: number;
}

/**
 * One week of activity: `agents` agent PRs (the first one gets a change request with 2 inline
 * comments and a body, a new commit, then an approval), `humans` human PRs and one Dependabot
 * PR, all approved 2 h after opening and merged 24 h after (Dependabot: 1 h, no review); one
 * agent question in a comment; four workflow runs (one re-run, one cancelled, `ciFailures`
 * failures on the default branch).
 */
export function seedWeek(emulator: Emulator, week: string, shape: SeededWeek): void {
  const store = emulator.store;
  let slot = 0;
  const next = () => 1 + 3 * slot++;
  for (let k = 0; k < shape.agents; k++) {
    const t = next();
    const rework = k === 0;
    const created = at(week, t);
    const pr = store.addPullRequest({
      author: 'copilot-swe-agent[bot]',
      title: `Agent change ${week} ${k}`,
      createdAt: created,
      updatedAt: at(week, t + 24),
      mergedAt: at(week, t + 24),
      commits: rework
        ? [{ committedAt: created }, { committedAt: at(week, t + 4) }]
        : [{ committedAt: created }],
      comments: rework
        ? [
            {
              author: 'copilot-swe-agent[bot]',
              body: 'Should the new option default to true?',
              createdAt: at(week, t + 1),
            },
          ]
        : [],
    });
    if (rework) {
      const review = store.addReview(pr.number, {
        author: 'rita',
        state: 'CHANGES_REQUESTED',
        body: 'Please rename these.',
        submittedAt: at(week, t + 2),
      });
      for (const body of ['rename this', 'and this'])
        store.addReviewComment(pr.number, {
          author: 'rita',
          body,
          reviewId: review.id,
          createdAt: at(week, t + 2),
        });
      store.addReview(pr.number, {
        author: 'sam',
        state: 'APPROVED',
        submittedAt: at(week, t + 6),
      });
    } else {
      store.addReview(pr.number, {
        author: 'rita',
        state: 'APPROVED',
        submittedAt: at(week, t + 2),
      });
    }
  }
  for (let k = 0; k < shape.humans; k++) {
    const t = next();
    const pr = store.addPullRequest({
      author: 'hana',
      title: `Human change ${week} ${k}`,
      createdAt: at(week, t),
      updatedAt: at(week, t + 24),
      mergedAt: at(week, t + 24),
    });
    store.addReview(pr.number, { author: 'rita', state: 'APPROVED', submittedAt: at(week, t + 2) });
  }
  for (let k = 0; k < shape.dependency; k++) {
    const t = next();
    store.addPullRequest({
      author: 'dependabot[bot]',
      title: `Bump ${week} ${k}`,
      createdAt: at(week, t),
      updatedAt: at(week, t + 1),
      mergedAt: at(week, t + 1),
    });
  }
  store.addWorkflowRun({
    event: 'push',
    headBranch: 'main',
    status: 'completed',
    conclusion: 'success',
    createdAt: at(week, 30),
  });
  store.addWorkflowRun({
    event: 'push',
    headBranch: 'main',
    status: 'completed',
    conclusion: shape.ciFailures > 0 ? 'failure' : 'success',
    createdAt: at(week, 31),
  });
  store.addWorkflowRun({
    event: 'pull_request',
    headBranch: 'feature',
    status: 'completed',
    conclusion: 'success',
    runAttempt: 2,
    createdAt: at(week, 32),
  });
  store.addWorkflowRun({
    event: 'pull_request',
    headBranch: 'feature',
    status: 'completed',
    conclusion: 'cancelled',
    createdAt: at(week, 33),
  });
}
