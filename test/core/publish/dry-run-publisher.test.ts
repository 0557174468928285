import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createDryRunPublisher } from '../../../src/core/publish/dry-run-publisher';

let outDir: string;
let workspace: string;

beforeEach(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'tend-dry-run-'));
  workspace = await mkdtemp(path.join(os.tmpdir(), 'tend-dry-ws-'));
});

afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
  await rm(workspace, { recursive: true, force: true });
});

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('dry-run publisher', () => {
  it('writes a would-be issue as Markdown under <outDir>/<action>/issue-<key>.md', async () => {
    const publisher = createDryRunPublisher({ outDir, action: 'doc-drift' });
    const outcome = await publisher.upsertIssue({
      key: 'broken-links',
      title: 'Broken links in docs',
      body: '3 broken links',
      labels: ['tend:proposal'],
    });
    expect(outcome).toEqual({
      kind: 'issue',
      key: 'broken-links',
      status: 'dry-run',
      path: path.join(outDir, 'doc-drift', 'issue-broken-links.md'),
    });
    const text = await readFile(outcome.path as string, 'utf8');
    expect(text).toContain('# Broken links in docs');
    expect(text).toContain('<!-- tend:doc-drift:broken-links -->');
    expect(text).toContain('3 broken links');
    expect(text).toContain('`tend`, `tend:doc-drift`, `tend:proposal`');
  });

  it('writes a would-be PR with its changed files and a diff against the checkout', async () => {
    await mkdir(path.join(workspace, 'docs'), { recursive: true });
    await writeFile(path.join(workspace, 'docs/guide.md'), 'one\ntwo\nsee [old](old.md)\nfour\n');
    await writeFile(path.join(workspace, 'stale.md'), 'stale\n');
    const publisher = createDryRunPublisher({ outDir, action: 'doc-drift', workspace });
    const outcome = await publisher.upsertPullRequest({
      key: 'fix-links/guide',
      title: 'Fix renamed link targets',
      body: 'Fixes the links.',
      commitMessage: 'docs: fix renamed link targets',
      changes: [
        { path: 'docs/guide.md', content: 'one\ntwo\nsee [new](new.md)\nfour\n' },
        { path: 'docs/new-page.md', content: '# New\n' },
        { path: 'stale.md', content: null },
      ],
    });
    expect(outcome.status).toBe('dry-run');
    expect(outcome.kind).toBe('pull');
    expect(outcome.path).toBe(path.join(outDir, 'doc-drift', 'pr-fix-links__guide.md'));
    const text = await readFile(outcome.path as string, 'utf8');
    expect(text).toContain('`tend/doc-drift/fix-links/guide`');
    expect(text).toMatch(/- `docs\/guide.md`\n- `docs\/new-page.md`\n- `stale.md` \(deleted\)/);
    expect(text).toContain('-see [old](old.md)\n+see [new](new.md)');
    expect(text).toContain('+++ b/docs/new-page.md');
    expect(text).toContain('--- a/stale.md\n+++ /dev/null');
  });

  it('shows the new contents when there is no checkout to diff against', async () => {
    const publisher = createDryRunPublisher({ outDir, action: 'review-miner' });
    const outcome = await publisher.upsertPullRequest({
      key: 'agents-md',
      title: 't',
      body: 'b',
      commitMessage: 'm',
      changes: [{ path: 'AGENTS.md', content: 'Use ```code``` fences\n' }],
    });
    const text = await readFile(outcome.path as string, 'utf8');
    expect(text).toContain('New contents:\n\n````\nUse ```code``` fences\n````');
  });

  it('never writes outside the output folder, whatever the key', async () => {
    const publisher = createDryRunPublisher({ outDir, action: 'doc-drift' });
    await expect(
      publisher.upsertIssue({ key: '../../etc/passwd', title: 't', body: 'b' }),
    ).rejects.toThrow(/Invalid fingerprint key/);
    await expect(publisher.upsertIssue({ key: '/abs', title: 't', body: 'b' })).rejects.toThrow();
    await publisher.upsertIssue({ key: 'a/b/c', title: 't', body: 'b' });
    expect(await listFiles(outDir)).toEqual([path.join('doc-drift', 'issue-a__b__c.md')]);
  });

  it('writes nothing when closing and reports dry-run', async () => {
    const publisher = createDryRunPublisher({ outDir, action: 'doc-drift' });
    expect(await publisher.closeIssue('k', 'resolved')).toEqual({
      kind: 'issue',
      key: 'k',
      status: 'dry-run',
    });
    expect(await publisher.closePullRequest('k', 'resolved')).toEqual({
      kind: 'pull',
      key: 'k',
      status: 'dry-run',
    });
    expect(await listFiles(outDir)).toEqual([]);
  });

  it('keeps the would-be body under GitHub’s limit, as the real publisher would', async () => {
    const publisher = createDryRunPublisher({ outDir, action: 'weekly-reflection' });
    const body = `controls\n<details>\n\n${'evidence line\n'.repeat(20_000)}</details>`;
    const outcome = await publisher.upsertIssue({ key: 'weekly', title: 't', body });
    const text = await readFile(outcome.path as string, 'utf8');
    expect(text.length).toBeLessThan(66_000);
    expect(text).toMatch(/characters of details omitted/);
  });

  it('makes no network request at all', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests += 1;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const publisher = createDryRunPublisher({ outDir, action: 'dep-health' });
      await publisher.upsertIssue({ key: 'k', title: 't', body: 'b' });
      await publisher.upsertPullRequest({
        key: 'k',
        title: 't',
        body: 'b',
        commitMessage: 'm',
        changes: [],
      });
      await publisher.closeIssue('k', 'c');
      await publisher.closePullRequest('k', 'c');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(requests).toBe(0);
  });
});
