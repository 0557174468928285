import type { GitHubClient } from './github-client';
import type { Publisher } from './publish/publisher';
import type { StateStore } from './state/state-store';
import type { TendConfig } from './config';
import type { ActionName } from './types';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface EventInfo {
  name: string;
  payload: Record<string, unknown>;
}

/**
 * Everything an action's `run` may touch. Effects arrive here so the same analysis runs
 * in the action, the CLI and the tests.
 */
export interface RunContext {
  action: ActionName;
  /** Absolute path of the repository checkout. */
  workspace: string;
  /** The GitHub repository, when running against GitHub (absent offline). */
  repo?: RepoRef;
  /** Web URL of the GitHub server for links, e.g. https://github.com. */
  serverUrl: string;
  defaultBranch: string;
  /** Present when a token is available. */
  github?: GitHubClient;
  event?: EventInfo;
  config: TendConfig;
  state: StateStore;
  publisher: Publisher;
  logger: Logger;
  clock: Clock;
  dryRun: boolean;
}

/** A logger that remembers what it was told; used by the CLI and tests. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (message: string) => void lines.push(`${level}: ${message}`);
  return {
    lines,
    debug: push('debug'),
    info: push('info'),
    warning: push('warning'),
    error: push('error'),
  };
}
