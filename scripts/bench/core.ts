// Core figures: API calls per state commit (from the emulator's request log) and the cold
// start and size of every committed bundle. Run with `npm run bench -- core`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGitHubClient } from '../../src/core/github-client';
import { createGitHubStateBackend, createStateStore } from '../../src/core/state';
import { startEmulator } from '../../test/support/emulator';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function apiCallsPerCommit(): Promise<void> {
  const gh = await startEmulator();
  const { client } = createGitHubClient({ token: gh.token, baseUrl: gh.url });
  const store = createStateStore(
    createGitHubStateBackend(client, { owner: 'acme', repo: 'widgets' }, 'tend-state'),
    {
      branch: 'tend-state',
    },
  );
  console.log('API calls per state commit (files written -> requests: routes)');
  let round = 0;
  for (const files of [1, 10, 100, 500]) {
    round += 1;
    gh.resetLog();
    await store.update(`bench ${files}`, (tx) => {
      for (let i = 0; i < files; i++) tx.set(`bench/${round}/file-${i}.json`, { i, round });
    });
    const writes = gh.requests.map((r) => `${r.method} ${r.route}`);
    console.log(
      `  ${String(files).padStart(4)} files -> ${writes.length} requests: ${writes.join(', ')}`,
    );
  }
  await gh.close();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function dirSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true })) {
    const full = path.join(dir, String(entry));
    if (statSync(full).isFile()) total += statSync(full).size;
  }
  return total;
}

function coldStarts(): void {
  console.log(
    '\nBundle cold start (node dist/<name>/index.js with an empty token: loads, fails cleanly; median of 7) and size',
  );
  const node = process.env.TEND_NODE ?? process.execPath;
  console.log(`  node: ${execFileSync(node, ['--version']).toString().trim()}`);
  for (const name of ['doc-drift', 'dep-health', 'review-miner', 'weekly-reflection', 'cli']) {
    const bundle = path.join(root, 'dist', name, 'index.js');
    if (!existsSync(bundle)) {
      console.log(`  ${name}: no bundle`);
      continue;
    }
    const args = name === 'cli' ? [bundle, '--version'] : [bundle];
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const started = process.hrtime.bigint();
      spawnSync(node, args, {
        env: { PATH: process.env.PATH, INPUT_TOKEN: '', GITHUB_REPOSITORY: 'acme/widgets' },
      });
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const size = statSync(bundle).size;
    console.log(
      `  ${name.padEnd(18)} ${median(times).toFixed(0).padStart(5)} ms   index.js ${(size / 1024).toFixed(0)} KiB, dist/${name}/ ${(dirSize(path.dirname(bundle)) / 1024).toFixed(0)} KiB`,
    );
  }
  const bare = [];
  for (let i = 0; i < 7; i++) {
    const started = process.hrtime.bigint();
    spawnSync(node, ['-e', '0']);
    bare.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  console.log(`  (bare node -e 0: ${median(bare).toFixed(0)} ms)`);
}

await apiCallsPerCommit();
coldStarts();
