// The core runner wrapper, exercised as the runner does: a bundle built with ncc, executed by
// the runner harness against the GitHub API emulator.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator, type Emulator } from '../support/emulator';
import { ROOT, runBundle, type RunBundleOptions } from '../support/runner-harness';

const SAMPLE = path.join(ROOT, 'test', 'fixtures', 'sample-action');
let bundle: string;
let gh: Emulator;
let workspace: string;

beforeAll(() => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'tend-sample-bundle-'));
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
      'build',
      path.join(SAMPLE, 'index.ts'),
      '-o',
      out,
      '--transpile-only',
      '--quiet',
    ],
    { cwd: ROOT, stdio: 'pipe' },
  );
  bundle = path.join(out, 'index.js');
  workspace = mkdtempSync(path.join(os.tmpdir(), 'tend-sample-ws-'));
}, 120_000);

beforeEach(async () => {
  gh = await startEmulator({ owner: 'acme', repo: 'widgets' });
});

afterEach(async () => {
  await gh.close();
});

function run(inputs: Record<string, string>, extra: Partial<RunBundleOptions> = {}) {
  return runBundle('sample', {
    bundle,
    metadataFile: path.join(SAMPLE, 'action.yml'),
    workspace,
    emulator: gh,
    inputs,
    ...extra,
  });
}

describe('runAction through the runner harness', () => {
  it('sets outputs, writes the step summary, annotates and exits 0', async () => {
    const result = await run({ greeting: 'hello', count: '2' });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.outputs.greeting).toBe('hello');
    expect(result.outputs['issue-number']).toMatch(/^\d+$/);
    expect(result.summary).toContain('hello');
    expect(result.annotations.filter((a) => a.level === 'warning')).toHaveLength(2);
    expect(result.annotations[0]?.properties).toMatchObject({ file: 'README.md', line: '1' });
  });

  it('keeps state across runs on the state branch and updates the same issue', async () => {
    const first = await run({ greeting: 'one' });
    const second = await run({ greeting: 'two' });
    expect(second.exitCode).toBe(0);
    expect(second.outputs['issue-number']).toBe(first.outputs['issue-number']);
    const { data } = await fetch(
      `${gh.url}/repos/acme/widgets/contents/sample/greetings.json?ref=tend-state`,
      {
        headers: { authorization: `token ${gh.token}` },
      },
    ).then(async (r) => ({ data: (await r.json()) as { content: string } }));
    const stored = JSON.parse(Buffer.from(data.content, 'base64').toString('utf8')) as {
      greetings: string[];
    };
    expect(stored.greetings).toEqual(['one', 'two']);
  });

  it('fails a ConfigurationError with the input name and the fix, exit code 1', async () => {
    const result = await run({ count: '99', greeting: 'x' });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('::error::doc-drift: Invalid input `count`');
    expect(result.stdout).toContain('Fix: set `count` to a whole number from 1 to 30');
  });

  it('names a missing required input', async () => {
    const result = await run({});
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('Missing required input `greeting`');
  });

  it('reports a bug as an unexpected failure with its message', async () => {
    const result = await run({ greeting: 'crash' });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('failed unexpectedly: boom');
  });

  it('fails the step when the action asks to, after writing its outputs', async () => {
    const result = await run({ greeting: 'fail' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.greeting).toBe('fail');
    expect(result.stdout).toContain('::error::doc-drift: asked to fail');
  });

  it('caps annotations at 10 per kind and sends the rest to the summary', async () => {
    const result = await run({ greeting: 'many', count: '12' });
    expect(result.exitCode).toBe(0);
    expect(result.annotations.filter((a) => a.level === 'warning')).toHaveLength(10);
    expect(result.summary).toContain('2 more findings');
  });

  it('refuses an empty token with the fix', async () => {
    const result = await run(
      { greeting: 'x', token: '' },
      { emulator: { ...gh, token: '' } as unknown as Emulator },
    );
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('Input `token` is empty');
  });

  it('writes nothing to GitHub in dry-run mode', async () => {
    gh.resetLog();
    const result = await run({ greeting: 'dry', 'dry-run': 'true' });
    expect(result.exitCode).toBe(0);
    const writes = gh.requests.filter((r) => r.method !== 'GET' && r.route !== '/graphql');
    expect(writes).toEqual([]);
  });
});
