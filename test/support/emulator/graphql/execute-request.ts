// One GraphQL request end to end, as GitHub handles it: parse, validate against the published
// schema, coerce variables, check pagination and node limits, charge the rate limit, execute.
// Anything GitHub would reject for the query's shape is both answered with GitHub's errors and
// reported as a violation, so the test that sent it fails.
import {
  execute,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
} from 'graphql';
import type { EmulatorStore } from '../store';
import { fieldResolver, typeResolver, type ResolverContext } from './field-resolver';
import {
  fromExecutionError,
  fromSyntaxError,
  fromValidationError,
  type GitHubGraphQLError,
} from './github-errors';
import { githubSchema } from './github-schema';
import { createMapScope } from './mappers/map-repository';
import { queryRoot } from './mappers/map-root';
import { checkQueryLimits } from './query-limits';
import { charge, rateLimitHeaders, rateLimitOf } from './rate-limit';

export interface GraphQLViolation {
  /** `invalid-query`: GitHub would reject it; `unmapped-field`: the emulator lacks a mapping. */
  kind: 'invalid-query' | 'unmapped-field';
  message: string;
  query?: string;
  errors?: GitHubGraphQLError[];
}

export interface GraphQLResult {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  violations: GraphQLViolation[];
  /** The operation's rate-limit cost (0 when it did not run). */
  cost: number;
}

interface RequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

const DOCS = 'https://docs.github.com/graphql';

function readBody(raw: unknown): RequestBody | undefined {
  if (typeof raw === 'string') {
    try {
      return JSON.parse(raw) as RequestBody;
    } catch {
      return undefined;
    }
  }
  if (Buffer.isBuffer(raw)) return readBody(raw.toString('utf8'));
  return raw && typeof raw === 'object' ? (raw as RequestBody) : undefined;
}

export async function executeRequest(
  store: EmulatorStore,
  raw: unknown,
  viewerLogin: string,
): Promise<GraphQLResult> {
  const violations: GraphQLViolation[] = [];
  const rateLimit = rateLimitOf(store);
  const result = (body: unknown, status = 200, cost = 0): GraphQLResult => ({
    status,
    body,
    headers: rateLimitHeaders(rateLimit),
    violations,
    cost,
  });
  const reject = (
    errors: GitHubGraphQLError[],
    query: string | undefined,
    data?: null,
  ): GraphQLResult => {
    violations.push({
      kind: 'invalid-query',
      message: `GraphQL request GitHub would reject: ${errors.map((e) => e.message).join('; ')}`,
      query,
      errors,
    });
    return result(data === null ? { data: null, errors } : { errors });
  };

  const body = readBody(raw);
  if (!body) {
    violations.push({ kind: 'invalid-query', message: 'GraphQL request body is not JSON' });
    return result({ message: 'Problems parsing JSON', documentation_url: DOCS }, 400);
  }
  const query = body.query;
  if (typeof query !== 'string' || query.trim() === '') {
    return reject(
      [{ message: 'A query attribute must be specified and must be a string.' }],
      undefined,
    );
  }
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    if (error instanceof GraphQLError) return reject([fromSyntaxError(error)], query);
    throw error;
  }
  const schema = githubSchema();
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) {
    return reject(
      validationErrors.map((e) => fromValidationError(e, document)),
      query,
    );
  }
  const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
  const operation = getOperationAST(document, operationName);
  if (!operation) {
    const message = operationName
      ? `No operation named "${operationName}"`
      : 'An operation name is required';
    return reject([{ message }], query);
  }
  if (operation.operation !== 'query') {
    violations.push({
      kind: 'unmapped-field',
      message: `GitHub emulator: ${operation.operation} operations are not emulated; add them in test/support/emulator/graphql/.`,
      query,
    });
    return result({
      errors: [
        { message: `The GitHub emulator does not implement ${operation.operation} operations.` },
      ],
    });
  }
  const inputs = (
    body.variables && typeof body.variables === 'object' ? body.variables : {}
  ) as Record<string, unknown>;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs);
  if (coerced.errors)
    return reject(
      coerced.errors.map((e) => fromValidationError(e, document)),
      query,
    );

  const limits = checkQueryLimits(schema, document, operation, coerced.coerced);
  if (limits.errors.length > 0) return reject(limits.errors, query, null);
  if (!charge(rateLimit, limits.cost)) {
    return result({
      errors: [
        {
          type: 'RATE_LIMITED',
          message: `API rate limit exceeded for user ID ${store.users.get(viewerLogin.toLowerCase())?.id ?? 0}.`,
        },
      ],
    });
  }

  const scope = createMapScope(store, viewerLogin);
  const reported = new Set<string>();
  const context: ResolverContext = {
    reportUnmapped: (typeName, fieldName) => {
      const key = `${typeName}.${fieldName}`;
      if (reported.has(key)) return;
      reported.add(key);
      violations.push({
        kind: 'unmapped-field',
        message: `GitHub emulator: no mapping for the non-null field ${key}; add it to the ${typeName} mapping in test/support/emulator/graphql/mappers/.`,
        query,
      });
    },
  };
  const executed = await execute({
    schema,
    document,
    operationName,
    variableValues: inputs,
    rootValue: queryRoot(scope, { cost: limits.cost, nodeCount: limits.nodeCount, rateLimit }),
    contextValue: context,
    fieldResolver,
    typeResolver,
  });
  const errors = executed.errors?.map(fromExecutionError);
  return result(
    { data: executed.data ?? null, ...(errors?.length ? { errors } : {}) },
    200,
    limits.cost,
  );
}
