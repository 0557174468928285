// The GraphQL side of the GitHub API emulator: `POST /graphql` validated against GitHub's
// published schema and executed against the emulator's store. See ../README.md ("GraphQL").
import type { EmulatorStore } from '../store';
import { executeRequest, type GraphQLViolation } from './execute-request';

export type { GraphQLViolation } from './execute-request';
export { githubSchema } from './github-schema';

export interface GraphQLHandlerOptions {
  /** Login the token belongs to, answered by `viewer` (default: the store's viewer). */
  viewer?: string;
  /** Violations are pushed here as messages too (the emulator's shared `violations` list). */
  violations?: string[];
}

export interface GraphQLResponse {
  status: number;
  body: unknown;
  /** GitHub's x-ratelimit-* headers for the GraphQL resource. */
  headers: Record<string, string>;
  /** What the request did that GitHub would reject, or that the emulator cannot answer. */
  violations: GraphQLViolation[];
}

/** Answers one `POST /graphql` request body (parsed JSON, or the raw text). */
export async function handleGraphQL(
  store: EmulatorStore,
  requestBody: unknown,
  options: GraphQLHandlerOptions = {},
): Promise<GraphQLResponse> {
  const result = await executeRequest(store, requestBody, options.viewer ?? store.viewer);
  if (options.violations) {
    for (const violation of result.violations) options.violations.push(violation.message);
  }
  return {
    status: result.status,
    body: result.body,
    headers: result.headers,
    violations: result.violations,
  };
}
