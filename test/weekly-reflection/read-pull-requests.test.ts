// The pull request reader through the emulator's GraphQL: the fewest calls (100 pull requests,
// GitHub's maximum, per call) and a smaller page when GitHub gives up on a big one.
import { createGitHubClient } from '../../src/core/github-client';
import { readPullRequests } from '../../src/weekly-reflection/github/read-pull-requests';
import { startEmulator, type Emulator } from '../support/emulator';
import { at } from './e2e-support';

const WEEK = '2026-W10';

describe('readPullRequests', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      owner: 'acme',
      repo: 'widgets',
      now: () => new Date(at(WEEK, 200)),
    });
    for (let i = 0; i < 250; i++)
      emulator.store.addPullRequest({
        author: 'hana',
        title: `Change ${i}`,
        createdAt: at(WEEK, i / 2),
        updatedAt: at(WEEK, i / 2 + 1),
      });
  });
  afterAll(async () => emulator?.close());

  const client = () =>
    createGitHubClient({
      token: emulator.token,
      baseUrl: emulator.url,
      spaceWrites: false,
      retries: 0,
    }).client;
  const graphqlCalls = () => emulator.requests.filter((r) => r.route === '/graphql').length;

  it('reads 250 pull requests of the week in 3 GraphQL calls', async () => {
    emulator.resetLog();
    const read = await readPullRequests(
      client(),
      { owner: 'acme', repo: 'widgets' },
      at(WEEK, 0),
      5000,
    );
    expect(read.pulls).toHaveLength(250);
    expect(read.pages).toBe(3);
    expect(graphqlCalls()).toBe(3);
  });

  it('asks again with half the page when GitHub answers 502 to a big page', async () => {
    emulator.resetLog();
    emulator.faults.add({ route: '/graphql', kind: 'server-error', status: 502, times: 1 });
    const read = await readPullRequests(
      client(),
      { owner: 'acme', repo: 'widgets' },
      at(WEEK, 0),
      5000,
    );
    expect(read.pulls).toHaveLength(250);
    expect(new Set(read.pulls.map((p) => p.number)).size).toBe(250);
    expect(read.pages).toBe(5); // 50 per page after the failure: 250 / 50
    expect(graphqlCalls()).toBe(6);
  });
});
