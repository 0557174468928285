// The one parser of weekly-reflection's inputs (action inputs, CLI flags, .github/tend.yml).
import { ConfigurationError } from '../core/errors';
import { booleanInput, intInput, listInput, optionalInput, type InputReader } from '../core/inputs';
import { parseIsoWeek } from '../core/iso-week';

export interface WeeklyReflectionOptions {
  /** Globs of agent trace files (relative to the workspace, or absolute). */
  traces: string[];
  /** ISO week to report (`2026-W07`), or undefined: the last complete week. */
  week?: string;
  /** Extra logins counted as coding agents (besides the built-in list). */
  agentAuthors: string[];
  /** Extra logins counted as dependency bots. */
  dependencyBots: string[];
  /** Weeks of history shown in trends and used for the normal band. */
  trendWeeks: number;
  /** Weeks before and after an implemented proposal an experiment compares. */
  experimentWeeks: number;
  /** Upper bound on pull requests read for one week (a safety net for huge repositories). */
  maxPullRequests: number;
  /** Open or update the weekly report issue. */
  report: boolean;
}

export function parseInputs(reader: InputReader): WeeklyReflectionOptions {
  const week = optionalInput(reader, 'week');
  if (week !== undefined && week !== 'last') {
    try {
      parseIsoWeek(week);
    } catch (error) {
      throw new ConfigurationError(
        `Invalid ${reader.source} \`week\`: ${JSON.stringify(week)} (${(error as Error).message}).`,
        'set `week` to an ISO week like `2026-W07`, or leave it empty for the last complete week.',
      );
    }
  }
  return {
    traces: listInput(reader, 'traces'),
    ...(week !== undefined && week !== 'last' ? { week } : {}),
    agentAuthors: listInput(reader, 'agent-authors').map((a) => a.toLowerCase()),
    dependencyBots: listInput(reader, 'dependency-bots').map((a) => a.toLowerCase()),
    trendWeeks: intInput(reader, 'trend-weeks', { min: 2, max: 52, fallback: 8 }),
    experimentWeeks: intInput(reader, 'experiment-weeks', { min: 1, max: 26, fallback: 3 }),
    maxPullRequests: intInput(reader, 'max-pull-requests', { min: 1, max: 100000, fallback: 5000 }),
    report: booleanInput(reader, 'report', true),
  };
}
