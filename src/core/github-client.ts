import { Octokit } from '@octokit/core';
import { paginateGraphQL } from '@octokit/plugin-paginate-graphql';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { BudgetExceededError } from './errors';
import type { Logger } from './context';
import { USER_AGENT } from './version';

const TendOctokit = Octokit.plugin(
  restEndpointMethods,
  paginateRest,
  paginateGraphQL,
  retry,
  throttling,
);
export type GitHubClient = InstanceType<typeof TendOctokit>;

export interface GitHubClientOptions {
  token: string;
  /** REST base URL; GitHub Enterprise sets GITHUB_API_URL. */
  baseUrl?: string;
  /** Maximum number of requests this run may make (retries included). */
  budget?: number;
  logger?: Logger;
  /** Retries after a 5xx or a rate limit (0 disables). */
  retries?: number;
  /** Longest rate-limit wait worth retrying after, in seconds (default 120). */
  maxRetryAfterSeconds?: number;
  /**
   * Milliseconds per second of a retry wait (default 1000; TEND_RETRY_BASE_MS overrides):
   * GitHub's waits are honoured as given, a local emulator may shorten them.
   */
  retryAfterBaseMs?: number;
  /**
   * Space writes and GraphQL calls out as GitHub asks (1 s apart, 3 s for notifying ones).
   * Default true; TEND_SPACE_WRITES=false turns it off for runs against a local emulator.
   */
  spaceWrites?: boolean;
}

function envNumber(name: string): number | undefined {
  const value = process.env[name];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** A stand-in for the throttling plugin's Bottleneck group that runs every job at once. */
const unspaced = {
  key: () => ({ schedule: (_options: unknown, job: () => unknown) => Promise.resolve(job()) }),
};

export interface BudgetCounter {
  used: number;
  readonly budget: number;
}

/**
 * The one Octokit factory: retry and throttling plugins, the GitHub Enterprise base URL,
 * tend's user agent, and a per-run budget of requests.
 */
export function createGitHubClient(options: GitHubClientOptions): {
  client: GitHubClient;
  counter: BudgetCounter;
} {
  const budget = options.budget ?? 5000;
  const counter: BudgetCounter = { used: 0, budget };
  const retries = options.retries ?? 3;
  const maxWait = options.maxRetryAfterSeconds ?? 120;
  const log = options.logger;
  const retryAfterBaseValue = options.retryAfterBaseMs ?? envNumber('TEND_RETRY_BASE_MS') ?? 1000;
  const spaceWrites = options.spaceWrites ?? process.env.TEND_SPACE_WRITES !== 'false';
  /** Waits out a rate limit (logged) while retries remain and the wait is short enough. */
  const onLimit =
    (what: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _o: unknown,
      retryCount: number,
    ): boolean => {
      log?.warning(`GitHub ${what} on ${request.method} ${request.url}; retry in ${retryAfter}s.`);
      return retryCount < retries && retryAfter <= maxWait;
    };
  const client = new TendOctokit({
    auth: options.token,
    baseUrl: (options.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(
      /\/+$/,
      '',
    ),
    userAgent: USER_AGENT,
    request: {
      fetch: (url: string | URL | Request, init?: RequestInit) => {
        if (counter.used >= counter.budget) throw new BudgetExceededError(counter.budget);
        counter.used += 1;
        return fetch(url, init);
      },
    },
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: (message: string) => log?.warning(message),
      error: (message: string) => log?.debug(message),
    },
    retry: { retries, enabled: retries > 0, retryAfterBaseValue },
    throttle: {
      retryAfterBaseValue,
      ...(spaceWrites ? {} : { write: unspaced as never, notifications: unspaced as never }),
      onRateLimit: onLimit('rate limit hit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
    },
  });
  // Calls over budget stop before they start; the counter counts HTTP requests, retries included.
  client.hook.before('request', () => {
    if (counter.used >= counter.budget) throw new BudgetExceededError(counter.budget);
  });
  return { client, counter };
}
