/**
 * A problem the user can fix (bad input, bad config, missing permission).
 * The message says what is wrong and how to fix it.
 */
export class ConfigurationError extends Error {
  constructor(
    message: string,
    readonly fix?: string,
  ) {
    super(fix ? `${message}\nFix: ${fix}` : message);
    this.name = 'ConfigurationError';
  }
}

/** State on the state branch cannot be read or written safely; the branch was not touched. */
export class StateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StateError';
  }
}

/** The per-run GitHub API operations budget ran out. */
export class BudgetExceededError extends Error {
  constructor(readonly budget: number) {
    super(
      `GitHub API budget of ${budget} requests for this run is spent; raise the \`api-budget\` input or narrow the run.`,
    );
    this.name = 'BudgetExceededError';
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return `non-Error thrown: ${JSON.stringify(error)}`;
  } catch {
    return `non-Error thrown: ${String(error)}`;
  }
}
