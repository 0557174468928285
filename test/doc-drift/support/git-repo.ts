// Small real git repositories for doc-drift tests: files written, moved and deleted, committed
// with fixed dates so history-based findings are reproducible.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestRepo {
  dir: string;
  write(files: Record<string, string>): TestRepo;
  remove(...files: string[]): TestRepo;
  move(from: string, to: string): TestRepo;
  /** Commits everything; `daysAgo` sets author and committer dates relative to `now`. */
  commit(message: string, daysAgo?: number): string;
  git(...args: string[]): string;
  cleanup(): void;
}

export const NOW = new Date('2026-01-15T12:00:00Z');

export function createTestRepo(): TestRepo {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tend-doc-drift-'));
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir };
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'dev@example.com');
  git('config', 'user.name', 'Dev');
  git('config', 'commit.gpgsign', 'false');
  const repo: TestRepo = {
    dir,
    write(files) {
      for (const [file, content] of Object.entries(files)) {
        const full = path.join(dir, file);
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
      return repo;
    },
    remove(...files) {
      for (const file of files) rmSync(path.join(dir, file), { recursive: true, force: true });
      return repo;
    },
    move(from, to) {
      mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
      renameSync(path.join(dir, from), path.join(dir, to));
      return repo;
    },
    commit(message, daysAgo = 0) {
      const date = new Date(NOW.getTime() - daysAgo * 86400_000).toISOString();
      git('add', '-A');
      execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], {
        cwd: dir,
        env: { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      });
      return git('rev-parse', 'HEAD');
    },
    git,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
  return repo;
}
