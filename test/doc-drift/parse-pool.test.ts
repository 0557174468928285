// Docs parsed on worker threads give exactly what the main thread gives.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDoc } from '../../src/doc-drift/parse-doc';
import { DOCS_PER_CHUNK, parseDocs } from '../../src/doc-drift/parse-pool';

test('worker threads parse every doc (unreadable ones left out) exactly as the main thread does', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tend-parse-pool-'));
  try {
    const files: string[] = [];
    for (let i = 0; i < 250; i++) {
      const file = `doc${i}.md`;
      writeFileSync(
        path.join(dir, file),
        `# Doc ${i}\n\nSee [next](doc${i + 1}.md#doc-${i + 1}) and \`createThing${i}()\`.\n`,
      );
      files.push(file);
    }
    files.push('missing.md');
    const stats = { workerChunks: 0, threads: 0 };
    const docs = await parseDocs(dir, files, { workers: 2, stats });
    // Every chunk was parsed on a worker (none fell back to the main thread).
    expect(stats.workerChunks).toBe(Math.ceil(files.length / DOCS_PER_CHUNK));
    expect(stats.threads).toBeGreaterThan(0);
    expect(docs.map((d) => d.path)).toEqual(files.slice(0, 250));
    const expected = parseDoc(
      'doc7.md',
      '# Doc 7\n\nSee [next](doc8.md#doc-8) and `createThing7()`.\n',
    );
    expect(docs[7]).toEqual(expected);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
