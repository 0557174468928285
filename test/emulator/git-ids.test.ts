// The emulator's git object ids are git's own: checked against the git CLI on the same content.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type Emulator } from '../support/emulator';
import { hashObject } from '../support/emulator/git-objects';

const FILES: Record<string, string> = {
  'README.md': '# widgets\n',
  'a.txt': 'plain file sorted before the a/ directory\n',
  'a/b.txt': 'nested\n',
  'a-b.txt': 'dash sorts between "a" and "a/"\n',
  'docs/guide/deep.md': 'deeply nested ünïcode\n',
  'empty.txt': '',
};

function git(
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
  input?: string,
): string {
  return execFileSync('git', args, {
    cwd,
    env: { ...process.env, ...env },
    input,
    encoding: 'utf8',
  }).trim();
}

let dir: string;
let gh: Emulator;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tend-emulator-git-'));
  git(dir, ['init', '-q']);
  for (const [file, content] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
});

beforeEach(async () => {
  gh = await startEmulator();
});

afterEach(async () => {
  await gh.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function post(
  route: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${gh.url}/repos/acme/widgets${route}`, {
    method: 'POST',
    headers: { authorization: `token ${gh.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('git object ids', () => {
  test('a blob created through the API has the id git hash-object computes', async () => {
    const content = 'hello world\nsecond line ✓\n';
    writeFileSync(path.join(dir, 'blob-check.txt'), content);
    const expected = git(dir, ['hash-object', 'blob-check.txt']);
    const utf8 = await post('/git/blobs', { content, encoding: 'utf-8' });
    const base64 = await post('/git/blobs', {
      content: Buffer.from(content).toString('base64'),
      encoding: 'base64',
    });
    expect(utf8.status).toBe(201);
    expect(utf8.body.sha).toBe(expected);
    expect(base64.body.sha).toBe(expected);
  });

  test('a tree of nested files has the id git write-tree computes, including git entry order', () => {
    git(dir, ['add', '-A', '--', ...Object.keys(FILES)]);
    const expected = git(dir, ['write-tree']);
    const commit = gh.store.commitFiles('main', FILES, 'seed');
    expect(gh.store.git.readCommit(commit)?.tree).toBe(expected);
  });

  test('an executable file keeps mode 100755 and the tree id matches git mktree', async () => {
    const script = 'run.sh';
    writeFileSync(path.join(dir, script), '#!/bin/sh\necho hi\n');
    chmodSync(path.join(dir, script), 0o755);
    const blob = git(dir, ['hash-object', '-w', script]);
    const expected = git(dir, ['mktree'], {}, `100755 blob ${blob}\t${script}\n`);
    const tree = await post('/git/trees', {
      tree: [{ path: script, mode: '100755', type: 'blob', content: '#!/bin/sh\necho hi\n' }],
    });
    expect(tree.body.sha).toBe(expected);
  });

  test('a commit created through the API has the id git commit-tree computes', async () => {
    git(dir, ['add', '-A', '--', ...Object.keys(FILES)]);
    const treeSha = git(dir, ['write-tree']);
    const date = '2024-03-05T12:34:56Z';
    const env = {
      GIT_AUTHOR_NAME: 'Alice',
      GIT_AUTHOR_EMAIL: 'alice@example.com',
      GIT_AUTHOR_DATE: `${Date.parse(date) / 1000} +0000`,
      GIT_COMMITTER_NAME: 'Bob',
      GIT_COMMITTER_EMAIL: 'bob@example.com',
      GIT_COMMITTER_DATE: `${Date.parse(date) / 1000 + 60} +0000`,
    };
    const root = git(dir, ['commit-tree', treeSha, '-m', 'first'], env);
    const child = git(
      dir,
      ['commit-tree', treeSha, '-p', root, '-m', 'second\n\nwith a body'],
      env,
    );

    const apiTree = gh.store.git.readCommit(gh.store.commitFiles('main', FILES, 'seed'))?.tree;
    const author = { name: 'Alice', email: 'alice@example.com', date };
    const committer = { name: 'Bob', email: 'bob@example.com', date: '2024-03-05T12:35:56Z' };
    // git commit-tree -m adds a trailing newline to the message, as git commit does
    const first = await post('/git/commits', {
      message: 'first\n',
      tree: apiTree,
      parents: [],
      author,
      committer,
    });
    const second = await post('/git/commits', {
      message: 'second\n\nwith a body\n',
      tree: apiTree,
      parents: [first.body.sha],
      author,
      committer,
    });
    expect(first.body.sha).toBe(root);
    expect(second.body.sha).toBe(child);
    expect(git(dir, ['cat-file', '-p', child])).toContain(`parent ${root}`);
  });

  test('hashObject matches git for an empty blob and an empty tree', () => {
    expect(hashObject('blob', Buffer.alloc(0))).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
    expect(hashObject('tree', Buffer.alloc(0))).toBe('4b825dc642cb6eb9a060e54bf8d69288fbee4904');
  });
});
