// The shipped bundle (dist/review-miner/index.js) run as the runner runs it, against the GitHub
// API emulator: review history in, linter-config and instruction PRs out, reruns idempotent, a
// closed-unmerged PR remembered as rejected. Build first: `node scripts/build.mjs review-miner`.
import { jest } from '@jest/globals';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGitHubClient } from '../../src/core/github-client';
import { startEmulator, type Emulator } from '../support/emulator';
import { runBundle } from '../support/runner-harness';

jest.setTimeout(120_000);

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

const PYPROJECT = `[project]
name = "widgets"

[tool.ruff]
line-length = 100  # keep in step with black

[tool.ruff.lint]
# The rules the team agreed on.
select = [
    "E",  # pycodestyle
    "F",
]
`;
const ESLINT = `// Flat config for the web client.
import js from '@eslint/js';

export default [
  js.configs.recommended,
  {
    files: ['web/**/*.js'],
    rules: {
      semi: ['error', 'always'], // house style
    },
  },
];
`;
const AGENTS = '# Agent instructions\n\nRun `make test` before pushing.\n';
const FILES = { 'pyproject.toml': PYPROJECT, 'eslint.config.js': ESLINT, 'AGENTS.md': AGENTS };

const HOSTILE = `@octocat @acme/core fixes #1, closes acme/widgets#2. <img src=x onerror=alert(1)><script>alert(2)</script> This loop is quadratic; use a set for the lookup instead, it will be much faster. ${'x'.repeat(100_000)}`;

const FEEDBACK: Record<string, string[]> = {
  performance: [
    HOSTILE,
    'Performance: this re-reads the file on every iteration, cache it outside the loop.',
    'This loop is quadratic; use a set for the lookup instead, it will be much faster.',
  ],
  duplication: [
    'This duplicates the logic in `parse_args`; please extract a shared helper.',
    'This duplicates the logic in `load_config`; please extract a shared helper.',
    'This duplicates the logic in the CLI module; please extract a shared helper.',
  ],
  tests: [
    'Please add a unit test for this case.',
    'Can you add a test covering the empty input?',
    'Missing tests for the error path.',
  ],
};

let gh: Emulator;
let workspace: string;

function seed(): void {
  gh.store.commitFiles('main', FILES, 'init');
  gh.store.addUser('codecov[bot]');
  for (let i = 0; i < 3; i += 1) {
    const closed = daysAgo(10 - i);
    const pr = gh.store.addPullRequest({
      author: 'alice',
      title: `Feature ${i}`,
      createdAt: daysAgo(20),
      mergedAt: closed,
      updatedAt: closed,
      comments: [
        {
          author: 'codecov[bot]',
          body: 'Coverage decreased (-2%). Please add tests.',
          createdAt: daysAgo(15),
        },
      ],
      reviews: [{ author: 'carol', state: 'APPROVED', body: 'LGTM', submittedAt: daysAgo(12) }],
      reviewComments: Object.values(FEEDBACK).map((bodies, t) => ({
        author: i % 2 ? 'bob' : 'carol',
        body: bodies[i] as string,
        path: 'src/widgets/core.py',
        line: 10 + t,
        createdAt: daysAgo(14 - i),
      })),
    });
    const [first] = gh.store.issue(pr.number)?.pull?.review_comments ?? [];
    gh.store.addReviewComment(pr.number, {
      author: 'alice',
      body: 'Done in e68588e',
      inReplyToId: first?.id,
      path: 'src/widgets/core.py',
      createdAt: daysAgo(13),
    });
  }
}

function client() {
  return createGitHubClient({ token: gh.token, baseUrl: gh.url, spaceWrites: false }).client;
}

async function fileOn(ref: string, file: string): Promise<string | undefined> {
  try {
    const { data } = await client().rest.repos.getContent({
      owner: 'acme',
      repo: 'widgets',
      path: file,
      ref,
    });
    return Buffer.from((data as { content: string }).content, 'base64').toString('utf8');
  } catch {
    return undefined;
  }
}

async function stateFile<T>(file: string): Promise<T | undefined> {
  const text = await fileOn('tend-state', file);
  return text === undefined ? undefined : (JSON.parse(text) as T);
}

async function tendPulls() {
  const { data } = await client().rest.pulls.list({
    owner: 'acme',
    repo: 'widgets',
    state: 'all',
    per_page: 100,
  });
  return data.filter((p) => p.head.ref.startsWith('tend/review-miner/'));
}

const run = () =>
  runBundle('review-miner', {
    workspace,
    emulator: gh,
    inputs: {},
    env: { TEND_SPACE_WRITES: 'false', TEND_RETRY_BASE_MS: '10' },
  });

/** Lines of `after` that are not in `before` (and vice versa): the edit, nothing else. */
function lineDiff(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  return { added: b.filter((l) => !a.includes(l)), removed: a.filter((l) => !b.includes(l)) };
}

beforeAll(async () => {
  gh = await startEmulator({ owner: 'acme', repo: 'widgets' });
  workspace = mkdtempSync(path.join(tmpdir(), 'review-miner-e2e-'));
  mkdirSync(workspace, { recursive: true });
  for (const [name, text] of Object.entries(FILES)) writeFileSync(path.join(workspace, name), text);
  seed();
});

afterAll(async () => {
  await gh.close();
});

describe('review-miner bundle against the emulator', () => {
  it('opens a ruff PR, an ESLint PR and an AGENTS.md PR, each a minimal edit that keeps comments and layout', async () => {
    const result = await run();
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.exitCode).toBe(0);
    expect(result.outputs.proposals).toBe('3');

    const pulls = await tendPulls();
    expect(pulls.map((p) => p.head.ref).sort()).toEqual([
      'tend/review-miner/theme-duplication-extract',
      'tend/review-miner/theme-performance',
      'tend/review-miner/theme-tests',
    ]);

    const ruff = (await fileOn('tend/review-miner/theme-performance', 'pyproject.toml')) as string;
    expect(lineDiff(PYPROJECT, ruff)).toEqual({ added: ['    "PERF",'], removed: [] });
    expect(await fileOn('tend/review-miner/theme-performance', 'eslint.config.js')).toBe(ESLINT);

    const eslint = (await fileOn(
      'tend/review-miner/theme-duplication-extract',
      'eslint.config.js',
    )) as string;
    expect(lineDiff(ESLINT, eslint)).toEqual({
      added: ["      'no-dupe-else-if': 'error',"],
      removed: [],
    });
    expect(await fileOn('tend/review-miner/theme-duplication-extract', 'pyproject.toml')).toBe(
      PYPROJECT,
    );

    const agents = (await fileOn('tend/review-miner/theme-tests', 'AGENTS.md')) as string;
    expect(agents.startsWith(AGENTS)).toBe(true);
    expect(agents).toMatch(/Add or update a test.*#1, #2, #3/);

    const summary = await stateFile<{ kept: number }>('review-miner/latest.json');
    expect(summary).toMatchObject({
      counts: { kept: 9, byReason: { bot: 3, 'pr-author': 3, 'approval-or-emoji': 3 } },
    });
    const registry = await stateFile<{ proposals: Record<string, { status: string }> }>(
      'proposals.json',
    );
    expect(Object.keys(registry?.proposals ?? {}).sort()).toEqual([
      'review-miner:theme-duplication-extract',
      'review-miner:theme-performance',
      'review-miner:theme-tests',
    ]);
  });

  it("quotes the hostile comment without pings, closing keywords or HTML, inside GitHub's body limit", async () => {
    const [perf] = (await tendPulls()).filter((p) => p.head.ref.endsWith('theme-performance'));
    const body = perf?.body ?? '';
    expect(body).toContain('octocat');
    expect(body).not.toMatch(/(^|[^\w`])@octocat/);
    expect(body).not.toMatch(/@acme\/core/);
    expect(body).not.toMatch(/\b(fixes|closes) (acme\/widgets)?#\d/i);
    expect(body).not.toMatch(/<img|<script/i);
    expect(body.length).toBeLessThan(65_536);
  });

  it('changes nothing on GitHub when rerun: no new PR and no write outside the state branch', async () => {
    gh.resetLog();
    const result = await run();
    expect(result.exitCode).toBe(0);
    expect(await tendPulls()).toHaveLength(3);
    const writes = gh.requests.filter((r) => r.method !== 'GET' && r.route !== '/graphql');
    const outsideState = writes.filter(
      (r) => !/\/git\/(blobs|trees|commits)$/.test(r.route) && !/tend-state/.test(r.url),
    );
    expect(outsideState).toEqual([]);
    const registry = await stateFile<{ proposals: Record<string, { status: string }> }>(
      'proposals.json',
    );
    expect(Object.values(registry?.proposals ?? {}).map((p) => p.status)).toEqual([
      'proposed',
      'proposed',
      'proposed',
    ]);
  });

  it('remembers a PR closed unmerged as rejected and does not propose its theme again', async () => {
    const [testsPull] = (await tendPulls()).filter((p) => p.head.ref.endsWith('theme-tests'));
    await client().rest.pulls.update({
      owner: 'acme',
      repo: 'widgets',
      pull_number: testsPull?.number as number,
      state: 'closed',
    });
    gh.store.addPullRequest({
      author: 'dave',
      title: 'One more',
      createdAt: daysAgo(1),
      mergedAt: new Date().toISOString(),
      reviewComments: [
        {
          author: 'bob',
          body: 'Please add a unit test for the retry case.',
          path: 'src/retry.py',
          line: 3,
        },
      ],
    });

    const result = await run();
    expect(result.exitCode).toBe(0);
    const latest = await stateFile<{ rejected: Record<string, { count: number }> }>(
      'review-miner/latest.json',
    );
    expect(latest?.rejected.tests).toMatchObject({ count: 3 });
    const registry = await stateFile<{ proposals: Record<string, { status: string }> }>(
      'proposals.json',
    );
    expect(registry?.proposals['review-miner:theme-tests']?.status).toBe('rejected');
    expect(registry?.proposals['review-miner:theme-performance']?.status).toBe('proposed');
    const pulls = await tendPulls();
    expect(pulls).toHaveLength(3);
    expect(pulls.filter((p) => p.state === 'open')).toHaveLength(2);
  });
});
