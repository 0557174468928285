// The `tend` command line over the same code as the actions: offline, local state branch,
// would-be issues and PRs written as Markdown.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { parseArgs } from '../../src/cli/args';
import { jest } from '@jest/globals';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  });
}

/** A small repository with one broken link and one valid one. */
function makeRepo(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tend-cli-'));
  git(dir, 'init', '-q', '-b', 'main');
  mkdirSync(path.join(dir, 'docs'));
  writeFileSync(
    path.join(dir, 'README.md'),
    '# Demo\n\nSee [the guide](docs/guide.md) and [setup](docs/setup.md).\n',
  );
  writeFileSync(path.join(dir, 'docs', 'guide.md'), '# Guide\n\nHello.\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'init');
  return dir;
}

function capture(): { write(chunk: string): void; text: string } {
  return {
    text: '',
    write(chunk: string) {
      this.text += chunk;
    },
  };
}

describe('parseArgs', () => {
  it('separates the common flags from action inputs', () => {
    const args = parseArgs([
      'doc-drift',
      '--repo',
      'x',
      '--format=json',
      '--stale-days',
      '30',
      '--dry-run',
      '--undocumented-exports',
    ]);
    expect(args).toMatchObject({ command: 'doc-drift', repo: 'x', format: 'json', dryRun: true });
    expect(args.inputs).toEqual({ 'stale-days': '30', 'undocumented-exports': 'true' });
  });

  it('refuses an unknown format with the fix', () => {
    expect(() => parseArgs(['all', '--format', 'xml'])).toThrow(
      'use --format json or --format markdown',
    );
  });
});

describe('tend CLI', () => {
  it('prints findings as JSON with the documented fields', async () => {
    const repo = makeRepo();
    const out = capture();
    const code = await main(
      ['doc-drift', '--repo', repo, '--format', 'json', '--out', path.join(repo, '..', 'out-json')],
      out,
    );
    expect(code).toBe(0);
    const json = JSON.parse(out.text) as {
      action: string;
      findings: Record<string, unknown>[];
      proposals: unknown[];
    };
    expect(json.action).toBe('doc-drift');
    const broken = json.findings.filter((f) => f.kind === 'broken-link');
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({
      file: 'README.md',
      line: 3,
      severity: expect.any(String),
      message: expect.any(String),
    });
    expect(broken[0]).toHaveProperty('id');
    expect(broken[0]).toHaveProperty('evidence');
    expect(Array.isArray(json.proposals)).toBe(true);
  });

  it('keeps state on a local tend-state branch without touching the work tree', async () => {
    const repo = makeRepo();
    const before = git(repo, 'status', '--porcelain');
    const head = git(repo, 'rev-parse', 'HEAD');
    const out = capture();
    await main(['doc-drift', '--repo', repo, '--out', path.join(repo, '..', 'out-state')], out);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(repo, 'status', '--porcelain')).toBe(before);
    expect(git(repo, 'ls-tree', '-r', '--name-only', 'tend-state')).toContain(
      'doc-drift/latest.json',
    );
  });

  it('leaves the state branch alone with --dry-run', async () => {
    const repo = makeRepo();
    await main(
      ['doc-drift', '--repo', repo, '--dry-run', '--out', path.join(repo, '..', 'out-dry')],
      capture(),
    );
    expect(() => git(repo, 'rev-parse', '--verify', '-q', 'refs/heads/tend-state')).toThrow();
  });

  it('writes the would-be issue as Markdown under --out', async () => {
    const repo = makeRepo();
    const outDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'tend-cli-out-')), 'out');
    const out = capture();
    await main(['doc-drift', '--repo', repo, '--out', outDir], out);
    const files = readdirSync(path.join(outDir, 'doc-drift'));
    expect(files.some((f) => f.startsWith('issue-'))).toBe(true);
    expect(out.text).toContain('doc-drift');
  });

  it('exits 2 with the list of commands for an unknown command', async () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['doc-drfit'], capture())).toBe(2);
      expect(String(stderr.mock.calls[0]?.[0])).toContain('use one of: all, doc-drift');
    } finally {
      stderr.mockRestore();
    }
  });

  it('prints usage for --help and the version for --version', async () => {
    const help = capture();
    expect(await main(['--help'], help)).toBe(0);
    expect(help.text).toContain('Usage: tend <command>');
    const version = capture();
    expect(await main(['--version'], version)).toBe(0);
    expect(version.text).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('works on a folder that is not a git repository, keeping no state', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tend-cli-nogit-'));
    writeFileSync(path.join(dir, 'README.md'), '# x\n\n[gone](missing.md)\n');
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const out = capture();
      expect(
        await main(
          ['doc-drift', '--repo', dir, '--format', 'json', '--out', path.join(dir, 'o')],
          out,
        ),
      ).toBe(0);
      expect((JSON.parse(out.text) as { findings: unknown[] }).findings.length).toBeGreaterThan(0);
      expect(existsSync(path.join(dir, '.git'))).toBe(false);
    } finally {
      stderr.mockRestore();
    }
  });
});
