/**
 * Turns a failed Git Data API request of the state backend into an error a user can act on:
 * a missing permission becomes a ConfigurationError naming the repository, the branch and the
 * `contents: write` fix; rate limits and 5xx (after the client's retries) become a StateError
 * saying whether the branch was touched.
 */
import { ConfigurationError, StateError } from '../errors';

export interface GitHubStateErrorContext {
  /** What the backend was doing: `writing the state tree`. */
  action: string;
  /** `branch tend-state of owner/repo`. */
  description: string;
  repository: string;
  branch: string;
  /** Whether the request writes (the token then needs `contents: write`). */
  writes: boolean;
  /** The request may have moved the branch before failing (a ref update). */
  uncertain?: boolean;
}

interface RequestErrorShape {
  status?: number;
  message?: string;
  response?: { data?: unknown; headers?: Record<string, string | number | undefined> };
}

/** GitHub's own message when the body has one, else the error's. */
function gitHubMessage(error: RequestErrorShape): string {
  const data = error.response?.data;
  if (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { message?: unknown }).message === 'string'
  ) {
    return (data as { message: string }).message;
  }
  return error.message ?? String(error);
}

/** Whether a request error is GitHub's answer that the ref move is refused as a lost race. */
export function isLostRace(error: unknown): boolean {
  const shape = error as RequestErrorShape;
  return (
    shape?.status === 422 &&
    /fast.forward|already exists|does not exist/i.test(gitHubMessage(shape))
  );
}

export function explainGitHubStateError(error: unknown, context: GitHubStateErrorContext): Error {
  const shape = (
    typeof error === 'object' && error !== null ? error : { message: String(error) }
  ) as RequestErrorShape;
  const status = shape.status;
  const message = gitHubMessage(shape);
  const where = `while ${context.action} on ${context.description}`;
  const outcome = context.uncertain
    ? "The branch may or may not have moved to this run's commit; every earlier record is still there."
    : 'The branch was left untouched.';
  const rateLimited =
    (status === 403 || status === 429) &&
    (String(shape.response?.headers?.['x-ratelimit-remaining']) === '0' ||
      /rate limit/i.test(message));
  if (rateLimited) {
    return new StateError(
      `GitHub's rate limit stopped tend ${where} (${message}) and the retries ran out. ${outcome} ` +
        'Fix: rerun the job later, or run fewer tend jobs at the same time.',
    );
  }
  if (status === 401) {
    return new ConfigurationError(
      `GitHub rejected the token (401 ${message}) ${where}.`,
      'pass a valid token in the `token` input (the default `${{ github.token }}` works).',
    );
  }
  if (status === 403 || status === 404) {
    const need = context.writes ? 'contents: write' : 'contents: read';
    return new ConfigurationError(
      `tend cannot ${context.writes ? 'write' : 'read'} its state on ${context.description}: GitHub answered ${status} (${message}) while ${context.action}. ${outcome}`,
      `give the token \`${need}\` on ${context.repository} (in the workflow job: \`permissions: { contents: write }\`), and check that the repository ${context.repository} exists and the branch name ${context.branch} is right.`,
    );
  }
  const what = status ? `HTTP ${status}: ${message}` : message;
  return new StateError(
    `GitHub failed ${where} (${what})${status && status >= 500 ? ', even after retries' : ''}. ${outcome} Fix: rerun the job.`,
  );
}
