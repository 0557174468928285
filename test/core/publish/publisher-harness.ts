// Test helper: a GitHub API emulator with a seeded repository, and one fresh publisher per
// "run" (fresh caches, as in a new workflow run).
import { memoryLogger } from '../../../src/core/context';
import { createGitHubClient, type GitHubClient } from '../../../src/core/github-client';
import { createGitHubPublisher } from '../../../src/core/publish/github-publisher';
import type { Publisher } from '../../../src/core/publish/publisher';
import { startEmulator, type Emulator } from '../../support/emulator';

export const REPO = { owner: 'acme', repo: 'widgets' };

export interface Harness {
  gh: Emulator;
  /** A client for the test itself, acting as a maintainer. */
  maintainer: GitHubClient;
  /** A fresh client, as a new run would have. */
  client(): GitHubClient;
  run(options?: { action?: string; wrap?: (client: GitHubClient) => void }): {
    publisher: Publisher;
    logger: ReturnType<typeof memoryLogger>;
  };
  /** Requests that change something (anything but GET/HEAD) since the last resetLog. */
  writes(): string[];
  issues(): { number: number; title: string; body: string | null; state: string; pull: boolean }[];
}

export async function startHarness(): Promise<Harness> {
  const gh = await startEmulator({ owner: REPO.owner, repo: REPO.repo });
  gh.store.commitFiles(
    'main',
    {
      'README.md': '# widgets\n',
      'docs/guide.md': 'See [setup](setup.md).\n',
      'docs/old.md': 'old\n',
    },
    'Initial commit',
  );
  const client = () =>
    createGitHubClient({ token: gh.token, baseUrl: gh.url, retries: 0, spaceWrites: false }).client;
  return {
    gh,
    maintainer: client(),
    client,
    run(options = {}) {
      const logger = memoryLogger();
      const runClient = client();
      options.wrap?.(runClient);
      const publisher = createGitHubPublisher({
        client: runClient,
        repo: REPO,
        action: options.action ?? 'doc-drift',
        logger,
      });
      return { publisher, logger };
    },
    writes: () =>
      gh.requests
        .filter((r) => r.method !== 'GET' && r.method !== 'HEAD')
        .map((r) => `${r.method} ${r.route}`),
    issues: () =>
      [...gh.store.issues.values()].map((record) => ({
        number: record.number,
        title: record.title,
        body: record.body,
        state: record.state,
        pull: Boolean(record.pull),
      })),
  };
}

/** Holds every request `matches` picks until `parties` of them are waiting, then lets all go. */
export function meetAt(parties: number, matches: (method: string, url: string) => boolean) {
  let arrived = 0;
  let release: () => void = () => undefined;
  const together = new Promise<void>((resolve) => (release = resolve));
  return (client: GitHubClient) =>
    client.hook.before('request', async (options) => {
      if (!matches(String(options.method), String(options.url))) return;
      arrived += 1;
      if (arrived >= parties) release();
      await together;
    });
}
