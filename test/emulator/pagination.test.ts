// Link-header pagination as GitHub sends it, followed by Octokit's paginate plugin.
import { createGitHubClient } from '../../src/core/github-client';
import { startEmulator, type Emulator } from '../support/emulator';
import { rawClient } from './api-client';

let gh: Emulator;

beforeEach(async () => {
  gh = await startEmulator();
  for (let i = 1; i <= 75; i++)
    gh.store.addIssue({ title: `issue ${i}`, createdAt: new Date(Date.UTC(2024, 0, 1, 0, i)) });
});

afterEach(async () => {
  await gh.close();
});

describe('pagination', () => {
  test('a middle page links prev, next, last and first, keeping the other query parameters', async () => {
    const res = await rawClient(gh)<unknown[]>(
      'GET',
      '/repos/acme/widgets/issues?state=all&per_page=20&page=2',
    );
    const base = `${gh.url}/repos/acme/widgets/issues?state=all&per_page=20`;
    expect(res.body).toHaveLength(20);
    expect(res.headers.get('link')).toBe(
      `<${base}&page=1>; rel="prev", <${base}&page=3>; rel="next", <${base}&page=4>; rel="last", <${base}&page=1>; rel="first"`,
    );
  });

  test('the first page has only next and last; a single page has no Link header', async () => {
    const call = rawClient(gh);
    const first = await call('GET', '/repos/acme/widgets/issues?per_page=50');
    expect(first.headers.get('link')).toBe(
      `<${gh.url}/repos/acme/widgets/issues?per_page=50&page=2>; rel="next", <${gh.url}/repos/acme/widgets/issues?per_page=50&page=2>; rel="last"`,
    );
    const single = await call('GET', '/repos/acme/widgets/labels');
    expect(single.headers.get('link')).toBeNull();
  });

  test('per_page defaults to 30 and is capped at 100', async () => {
    const call = rawClient(gh);
    for (let i = 76; i <= 130; i++) gh.store.addIssue({ title: `issue ${i}` });
    expect((await call<unknown[]>('GET', '/repos/acme/widgets/issues')).body).toHaveLength(30);
    expect(
      (await call<unknown[]>('GET', '/repos/acme/widgets/issues?per_page=500')).body,
    ).toHaveLength(100);
  });

  test('octokit.paginate follows the Link headers through every page, newest first', async () => {
    const { client } = createGitHubClient({ token: gh.token, baseUrl: gh.url });
    const issues = await client.paginate(client.rest.issues.listForRepo, {
      owner: 'acme',
      repo: 'widgets',
      per_page: 20,
    });
    expect(issues).toHaveLength(75);
    expect(issues[0]?.title).toBe('issue 75');
    expect(issues[74]?.title).toBe('issue 1');
    const pages = gh.requests.filter((r) => r.operationId === 'issues/list-for-repo');
    expect(pages.map((r) => new URL(r.url, gh.url).searchParams.get('page') ?? '1')).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
  });

  test('cursor pagination (Dependabot alerts) is followed by octokit.paginate too', async () => {
    for (let i = 0; i < 7; i++)
      gh.store.addDependabotAlert({
        package: `pkg-${i}`,
        createdAt: new Date(Date.UTC(2024, 1, i + 1)),
      });
    const { client } = createGitHubClient({ token: gh.token, baseUrl: gh.url });
    const alerts = await client.paginate(client.rest.dependabot.listAlertsForRepo, {
      owner: 'acme',
      repo: 'widgets',
      per_page: 3,
    });
    expect(alerts.map((a) => a.dependency.package?.name)).toEqual([
      'pkg-6',
      'pkg-5',
      'pkg-4',
      'pkg-3',
      'pkg-2',
      'pkg-1',
      'pkg-0',
    ]);
    expect(
      gh.requests.filter((r) => r.operationId === 'dependabot/list-alerts-for-repo'),
    ).toHaveLength(3);
  });
});
