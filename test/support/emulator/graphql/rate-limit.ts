// GitHub's GraphQL primary rate limit: 5,000 points an hour per token, each query costing
// what query-limits computes. Kept per store, so every emulator starts with a full budget.
export const GRAPHQL_POINTS_PER_HOUR = 5000;

export interface RateLimitState {
  limit: number;
  used: number;
  resetAt: Date;
}

const states = new WeakMap<object, RateLimitState>();

export function rateLimitOf(owner: object, now = new Date()): RateLimitState {
  let state = states.get(owner);
  if (!state || state.resetAt <= now) {
    state = {
      limit: GRAPHQL_POINTS_PER_HOUR,
      used: 0,
      resetAt: new Date(now.getTime() + 3600_000),
    };
    states.set(owner, state);
  }
  return state;
}

/** Charges `cost` points; false (nothing charged) when the budget cannot cover it. */
export function charge(state: RateLimitState, cost: number): boolean {
  if (state.used + cost > state.limit) return false;
  state.used += cost;
  return true;
}

/** The `x-ratelimit-*` headers GitHub sends with GraphQL responses. */
export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    'x-ratelimit-limit': String(state.limit),
    'x-ratelimit-remaining': String(Math.max(0, state.limit - state.used)),
    'x-ratelimit-used': String(state.used),
    'x-ratelimit-reset': String(Math.floor(state.resetAt.getTime() / 1000)),
    'x-ratelimit-resource': 'graphql',
  };
}
