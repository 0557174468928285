// Reads and parses docs, on worker threads when there are many of them (Markdown parsing is
// most of the time a large repository takes). Each worker runs this same module: from source,
// or the action's bundle, in which case the module keeps the bundle from going on to start the
// action inside the worker. Any worker failure falls back to parsing on the main thread.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { ParsedDoc } from './model';
import { parseDoc } from './parse-doc';

const ROLE = 'tend-doc-drift-parser';

interface Request {
  id: number;
  root: string;
  files: string[];
}

interface Reply {
  id: number;
  /** null for a file that could not be read. */
  docs: (ParsedDoc | null)[];
}

function parseChunk(root: string, files: string[]): (ParsedDoc | null)[] {
  return files.map((file) => {
    let text: string;
    try {
      text = readFileSync(path.join(root, file), 'utf8');
    } catch {
      return null;
    }
    return parseDoc(file, text);
  });
}

export interface ParseOptions {
  /** Worker threads to use; 0 parses on the main thread. Default: one per core when there are `minDocsForWorkers` docs. */
  workers?: number;
  minDocsForWorkers?: number;
  /** Filled in: how many chunks of docs the workers parsed. */
  stats?: { workerChunks: number; threads: number };
}

export const DOCS_PER_CHUNK = 25;
/**
 * Starting a worker (loading the bundle) costs about what parsing a few hundred docs does: below
 * a few thousand docs the main thread alone is faster (measured on 2 cores: 618 real docs, 3.8 MB,
 * 1.3 s alone and 2.3 s with workers; 10,000 generated docs, 2.8 s alone and 2.0 s with workers).
 */
export const MIN_DOCS_FOR_WORKERS = 2000;
const CHUNK = DOCS_PER_CHUNK;

/** Parsed docs in the order of `files` (unreadable files left out). */
export async function parseDocs(
  root: string,
  files: string[],
  options: ParseOptions = {},
): Promise<ParsedDoc[]> {
  const cores =
    typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const wanted =
    options.workers ??
    (files.length >= (options.minDocsForWorkers ?? MIN_DOCS_FOR_WORKERS) && cores > 1 ? cores : 0);
  const count = Math.min(wanted, Math.ceil(files.length / CHUNK));
  const results: (ParsedDoc | null)[][] = [];
  const chunks: number[] = [];
  for (let i = 0; i * CHUNK < files.length; i++) chunks.push(i);
  const threads = count > 0 ? await inWorkers(root, files, chunks, results, count) : 0;
  if (options.stats)
    Object.assign(options.stats, {
      workerChunks: results.filter((r) => r !== undefined).length,
      threads,
    });
  // Whatever the workers did not do (none, or one failed), on this thread, letting other work
  // (the history walk's output) through between chunks.
  for (const i of chunks) {
    if (results[i]) continue;
    results[i] = parseChunk(root, files.slice(i * CHUNK, (i + 1) * CHUNK));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return results.flat().filter((d): d is ParsedDoc => d !== null);
}

function startWorker(): Worker {
  const options = {
    workerData: { role: ROLE },
    // Parsing makes many short-lived objects: a larger young generation spends less time in GC.
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  };
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(fileURLToPath(self), options);
  // From TypeScript source (scripts run with tsx): load this module through tsx's loader.
  const code = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(self)}); })`;
  return new Worker(code, { ...options, eval: true });
}

/** Parses chunks on `count` workers; returns how many of them parsed at least one chunk. */
async function inWorkers(
  root: string,
  files: string[],
  chunks: number[],
  results: (ParsedDoc | null)[][],
  count: number,
): Promise<number> {
  const queue = [...chunks];
  let working = 0;
  const run = (worker: Worker) =>
    new Promise<void>((resolve) => {
      const next = () => {
        const id = queue.shift();
        if (id === undefined) return done();
        const request: Request = { id, root, files: files.slice(id * CHUNK, (id + 1) * CHUNK) };
        worker.postMessage(request);
      };
      const done = () => {
        worker.removeAllListeners();
        void worker.terminate();
        resolve();
      };
      let replied = false;
      worker.on('message', (reply: Reply) => {
        if (!replied) working++;
        replied = true;
        results[reply.id] = reply.docs;
        next();
      });
      // A worker that cannot start or crashes leaves its chunk to the main thread.
      worker.on('error', done);
      worker.on('exit', done);
      next();
    });
  const workers: Worker[] = [];
  try {
    for (let i = 0; i < count; i++) {
      workers.push(startWorker());
    }
  } catch {
    // no worker threads here: parse on the main thread
  }
  await Promise.all(workers.map(run));
  return working;
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE && parentPort) {
  const port = parentPort;
  port.on('message', (request: Request) => {
    port.postMessage({
      id: request.id,
      docs: parseChunk(request.root, request.files),
    } satisfies Reply);
  });
  // In the bundle the action's entry imports this module: never finish loading, so the entry
  // does not run here (the main thread terminates the worker when parsing is done).
  await new Promise<never>(() => undefined);
}
