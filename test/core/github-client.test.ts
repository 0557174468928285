import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BudgetExceededError } from '../../src/core/errors';
import { createGitHubClient } from '../../src/core/github-client';
import { TEND_VERSION } from '../../src/core/version';

interface Seen {
  url: string;
  userAgent: string;
  authorization: string;
}

/** A bare HTTP server that answers every request with `{}` and records what it saw. */
async function recorder(
  status = 200,
): Promise<{ url: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  let failuresLeft = status === 200 ? 0 : 1;
  const server = http.createServer((req, res) => {
    seen.push({
      url: req.url ?? '',
      userAgent: String(req.headers['user-agent']),
      authorization: String(req.headers.authorization),
    });
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Server Error' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('createGitHubClient', () => {
  it("sends tend's user agent and the token", async () => {
    const server = await recorder();
    const { client } = createGitHubClient({ token: 'secret-token', baseUrl: server.url });
    await client.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'widgets' });
    expect(server.seen[0]?.userAgent).toContain(`tend/${TEND_VERSION}`);
    expect(server.seen[0]?.authorization).toBe('token secret-token');
    await server.close();
  });

  it('uses GITHUB_API_URL when no base URL is given (GitHub Enterprise Server)', async () => {
    const server = await recorder();
    const previous = process.env.GITHUB_API_URL;
    process.env.GITHUB_API_URL = `${server.url}/api/v3/`;
    try {
      const { client } = createGitHubClient({ token: 't' });
      await client.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'widgets' });
      expect(server.seen[0]?.url).toBe('/api/v3/repos/acme/widgets');
    } finally {
      if (previous === undefined) delete process.env.GITHUB_API_URL;
      else process.env.GITHUB_API_URL = previous;
      await server.close();
    }
  });

  it('stops at the per-run budget with an error that says how to raise it', async () => {
    const server = await recorder();
    const { client, counter } = createGitHubClient({ token: 't', baseUrl: server.url, budget: 3 });
    for (let i = 0; i < 3; i++)
      await client.request('GET /repos/{owner}/{repo}', { owner: 'a', repo: 'b' });
    await expect(
      client.request('GET /repos/{owner}/{repo}', { owner: 'a', repo: 'b' }),
    ).rejects.toThrow(BudgetExceededError);
    await expect(
      client.request('GET /repos/{owner}/{repo}', { owner: 'a', repo: 'b' }),
    ).rejects.toThrow(/api-budget/);
    expect(counter.used).toBe(3);
    expect(server.seen).toHaveLength(3);
    await server.close();
  });

  it('retries a server error once and succeeds', async () => {
    const server = await recorder(502);
    const { client, counter } = createGitHubClient({ token: 't', baseUrl: server.url, retries: 2 });
    const response = await client.request('GET /repos/{owner}/{repo}', { owner: 'a', repo: 'b' });
    expect(response.status).toBe(200);
    expect(server.seen).toHaveLength(2);
    // Retries spend the budget too: it counts requests sent, not calls made.
    expect(counter.used).toBe(2);
    await server.close();
  }, 30_000);
});
