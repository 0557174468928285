// Injected faults look like GitHub's, and tend's client recovers from them.
import { createGitHubClient } from '../../src/core/github-client';
import { startEmulator, type Emulator } from '../support/emulator';
import { rawClient } from './api-client';

let gh: Emulator;
const REPO_ROUTE = '/repos/{owner}/{repo}';

beforeEach(async () => {
  gh = await startEmulator();
});

afterEach(async () => {
  await gh.close();
});

describe('fault injection', () => {
  test('a server error answers 5xx with a GitHub-like body, once, then the route works again', async () => {
    gh.faults.add({ route: REPO_ROUTE, kind: 'server-error', status: 502, times: 1 });
    const call = rawClient(gh);
    const failed = await call('GET', '/repos/acme/widgets');
    expect(failed.status).toBe(502);
    expect(failed.body.message).toBe('Server Error');
    expect((await call('GET', '/repos/acme/widgets')).status).toBe(200);
    expect(gh.requests.map((r) => [r.status, r.fault])).toEqual([
      [502, 'server-error'],
      [200, undefined],
    ]);
  });

  test('a primary rate limit answers 403 with the x-ratelimit headers GitHub sends', async () => {
    gh.faults.add({ kind: 'rate-limit', times: 1 });
    const res = await rawClient(gh)('GET', '/repos/acme/widgets');
    expect(res.status).toBe(403);
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(res.headers.get('x-ratelimit-limit')).toBe('5000');
    expect(res.headers.get('x-ratelimit-used')).toBe('5000');
    expect(res.headers.get('x-ratelimit-resource')).toBe('core');
    const reset = Number(res.headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThan(Date.now() / 1000 - 1);
    expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 1);
    expect(res.body.message).toMatch(/^API rate limit exceeded for /);
  });

  test('a secondary rate limit answers 403 with retry-after and GitHub message', async () => {
    gh.faults.add({ kind: 'secondary-rate-limit', times: 1 });
    const res = await rawClient(gh)('GET', '/repos/acme/widgets');
    expect(res.status).toBe(403);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.body.message).toMatch(/You have exceeded a secondary rate limit/);
  });

  test('a timeout fault holds the answer for delayMs', async () => {
    gh.faults.add({ kind: 'timeout', delayMs: 300, times: 1 });
    const started = Date.now();
    const res = await rawClient(gh)('GET', '/repos/acme/widgets');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(gh.requests[0]?.fault).toBe('timeout');
  });

  test('probability and method filter which requests a fault hits, reproducibly for a seed', async () => {
    const hits = async (seed: number) => {
      const emulator = await startEmulator({ seed });
      emulator.faults.add({ method: 'POST', kind: 'rate-limit' });
      emulator.faults.add({ method: 'GET', kind: 'server-error', probability: 0.5 });
      const call = rawClient(emulator);
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await call('GET', '/repos/acme/widgets')).status);
      await emulator.close();
      return statuses;
    };
    const first = await hits(7);
    expect(first.filter((s) => s === 500).length).toBeGreaterThan(3);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(3);
    expect(first).not.toContain(403);
    expect(await hits(7)).toEqual(first);
  });

  test('the client retries through one 500, one rate limit and one secondary rate limit', async () => {
    gh.faults.add({ route: REPO_ROUTE, kind: 'server-error', times: 1 });
    gh.faults.add({ route: '/repos/{owner}/{repo}/issues', kind: 'rate-limit', times: 1 });
    gh.faults.add({
      route: '/repos/{owner}/{repo}/labels',
      kind: 'secondary-rate-limit',
      times: 1,
    });
    const { client } = createGitHubClient({ token: gh.token, baseUrl: gh.url });
    const [repo, issues, labels] = await Promise.all([
      client.rest.repos.get({ owner: 'acme', repo: 'widgets' }),
      client.rest.issues.listForRepo({ owner: 'acme', repo: 'widgets' }),
      client.rest.issues.listLabelsForRepo({ owner: 'acme', repo: 'widgets' }),
    ]);
    expect(repo.data.default_branch).toBe('main');
    expect(issues.status).toBe(200);
    expect(labels.status).toBe(200);
    const faulted = gh.requests.filter((r) => r.fault).map((r) => `${r.operationId}:${r.status}`);
    expect(faulted.sort()).toEqual([
      'issues/list-for-repo:403',
      'issues/list-labels-for-repo:403',
      'repos/get:500',
    ]);
    expect(gh.requests).toHaveLength(6);
  });

  test('faults.clear() removes every pending fault', async () => {
    gh.faults.add({ kind: 'server-error' });
    gh.faults.clear();
    expect((await rawClient(gh)('GET', '/repos/acme/widgets')).status).toBe(200);
  });
});
