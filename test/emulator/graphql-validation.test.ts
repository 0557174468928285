// GraphQL queries are checked against GitHub's published schema and GitHub's static limits:
// what GitHub would reject fails here with GitHub's errors and is recorded as a violation.
import { createGitHubClient, type GitHubClient } from '../../src/core/github-client';
import { startEmulator, type Emulator } from '../support/emulator';

let emulator: Emulator;
let client: GitHubClient;

beforeEach(async () => {
  emulator = await startEmulator({ now: () => new Date('2024-05-01T10:00:00Z') });
  emulator.store.addPullRequest({ title: 'Add widgets', author: 'alice' });
  ({ client } = createGitHubClient({ token: emulator.token, baseUrl: emulator.url, retries: 0 }));
});

afterEach(async () => {
  // Tests below provoke violations on purpose and assert them; the rest must leave none.
  emulator.violations.length = 0;
  await emulator.close();
});

interface GraphQLFailure {
  errors: Array<{
    message: string;
    type?: string;
    path?: string[];
    extensions?: Record<string, unknown>;
  }>;
  data?: unknown;
}

async function failure(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLFailure> {
  try {
    await client.graphql(query, variables);
  } catch (error) {
    return error as GraphQLFailure;
  }
  throw new Error('expected the GraphQL request to fail');
}

test('a misspelt field fails with GitHub undefinedField error and is recorded as a violation', async () => {
  const error = await failure(
    'query { repository(owner: "acme", name: "widgets") { pullRequest(number: 1) { titel } } }',
  );
  expect(error.errors).toEqual([
    expect.objectContaining({
      message: "Field 'titel' doesn't exist on type 'PullRequest'",
      path: ['query', 'repository', 'pullRequest', 'titel'],
      extensions: expect.objectContaining({
        code: 'undefinedField',
        typeName: 'PullRequest',
        fieldName: 'titel',
      }),
    }),
  ]);
  expect(emulator.violations).toEqual([
    expect.stringContaining("Field 'titel' doesn't exist on type 'PullRequest'"),
  ]);
});

test('an unknown argument fails and is recorded as a violation', async () => {
  const error = await failure(
    '{ repository(owner: "acme", name: "widgets") { pullRequests(first: 5, status: OPEN) { totalCount } } }',
  );
  expect(error.errors[0]?.message).toBe("Field 'pullRequests' doesn't accept argument 'status'");
  expect(error.errors[0]?.extensions).toMatchObject({
    code: 'argumentNotAccepted',
    argumentName: 'status',
  });
  expect(emulator.violations).toHaveLength(1);
});

test('a missing required argument fails and is recorded as a violation', async () => {
  const error = await failure('{ repository(owner: "acme") { nameWithOwner } }');
  expect(error.errors[0]).toMatchObject({
    message: "Field 'repository' is missing required arguments: name",
    extensions: { code: 'missingRequiredArguments', arguments: 'name' },
  });
  expect(emulator.violations).toHaveLength(1);
});

test('a wrong enum value in a variable fails before anything runs', async () => {
  const error = await failure(
    'query($states: [PullRequestState!]) { repository(owner: "acme", name: "widgets") { pullRequests(first: 5, states: $states) { totalCount } } }',
    { states: ['DONE'] },
  );
  expect(error.errors[0]?.message).toMatch(
    /^Variable \$states of type \[PullRequestState!\] was provided invalid value/,
  );
  expect(emulator.violations).toHaveLength(1);
});

test('a connection without first or last fails with MISSING_PAGINATION_BOUNDARIES', async () => {
  const error = await failure(
    '{ repository(owner: "acme", name: "widgets") { pullRequests(states: OPEN) { totalCount } } }',
  );
  expect(error.data).toBeNull();
  expect(error.errors).toEqual([
    expect.objectContaining({
      type: 'MISSING_PAGINATION_BOUNDARIES',
      path: ['repository', 'pullRequests'],
      message:
        'You must provide a `first` or `last` value to properly paginate the `pullRequests` connection.',
    }),
  ]);
  expect(emulator.violations).toEqual([
    expect.stringContaining('must provide a `first` or `last` value'),
  ]);
});

test('a nested connection without first or last fails too', async () => {
  const error = await failure(
    '{ repository(owner: "acme", name: "widgets") { pullRequests(first: 10) { nodes { reviews { totalCount } } } } }',
  );
  expect(error.errors[0]).toMatchObject({
    type: 'MISSING_PAGINATION_BOUNDARIES',
    path: ['repository', 'pullRequests', 'nodes', 'reviews'],
  });
});

test.each([
  [
    'first: 101',
    'Requesting 101 records on the `pullRequests` connection exceeds the `first` limit of 100 records.',
  ],
  [
    'last: 500',
    'Requesting 500 records on the `pullRequests` connection exceeds the `last` limit of 100 records.',
  ],
])('%s on a connection fails with EXCESSIVE_PAGINATION', async (args, message) => {
  const error = await failure(
    `{ repository(owner: "acme", name: "widgets") { pullRequests(${args}) { totalCount } } }`,
  );
  expect(error.errors[0]).toMatchObject({ type: 'EXCESSIVE_PAGINATION', message });
  expect(emulator.violations).toHaveLength(1);
});

test('first: 0 is refused: GitHub allows 1 to 100 records per page', async () => {
  const error = await failure(
    '{ repository(owner: "acme", name: "widgets") { pullRequests(first: 0) { totalCount } } }',
  );
  expect(error.errors[0]?.type).toBe('INVALID_PAGINATION');
});

test('a query that could return more than 500,000 nodes is refused with MAX_NODE_LIMIT_EXCEEDED', async () => {
  const error = await failure(`{ repository(owner: "acme", name: "widgets") {
    pullRequests(first: 100) { nodes { reviews(first: 100) { nodes { comments(first: 100) { totalCount } } } } } } }`);
  expect(error.errors[0]).toMatchObject({ type: 'MAX_NODE_LIMIT_EXCEEDED' });
  expect(error.errors[0]?.message).toContain('1,010,100');
});

test('a page size given through a variable is checked like a literal one', async () => {
  const query =
    'query($n: Int!) { repository(owner: "acme", name: "widgets") { pullRequests(first: $n) { totalCount } } }';
  const error = await failure(query, { n: 250 });
  expect(error.errors[0]?.type).toBe('EXCESSIVE_PAGINATION');
  emulator.violations.length = 0;
  await expect(client.graphql(query, { n: 50 })).resolves.toEqual({
    repository: { pullRequests: { totalCount: 1 } },
  });
  expect(emulator.violations).toEqual([]);
});

test('a syntax error answers with a parse error and is recorded', async () => {
  const error = await failure('{ repository(owner: "acme", name: "widgets") { nameWithOwner }');
  expect(error.errors[0]?.message).toMatch(/^Parse error on .* at \[1, \d+\]$/);
  expect(emulator.violations).toHaveLength(1);
});

test('a selected non-null field the emulator does not map fails naming the field', async () => {
  const error = await failure(
    '{ repository(owner: "acme", name: "widgets") { pullRequest(number: 1) { title suggestedReviewers { isAuthor } } } }',
  );
  expect(error.errors[0]?.message).toContain(
    'no mapping for the non-null field PullRequest.suggestedReviewers',
  );
  expect(emulator.violations).toEqual([expect.stringContaining('PullRequest.suggestedReviewers')]);
});

test('a valid query records no violation and a missing pull request is NOT_FOUND as on GitHub', async () => {
  const error = await failure(
    '{ repository(owner: "acme", name: "widgets") { pullRequest(number: 999) { title } } }',
  );
  expect(error.data).toEqual({ repository: { pullRequest: null } });
  expect(error.errors).toEqual([
    expect.objectContaining({
      type: 'NOT_FOUND',
      path: ['repository', 'pullRequest'],
      message: 'Could not resolve to a PullRequest with the number of 999.',
    }),
  ]);
  expect(emulator.violations).toEqual([]);
});
