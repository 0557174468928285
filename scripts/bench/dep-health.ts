// Freshness of a real 170-dependency package.json (renovatebot/renovate package.json at
// 4ab97afff91625338942a4d2388a94a6dd6bccd2, scripts/contributors trimmed) against the real npm
// registry: tend's npm client beside `npm-check-updates`, in one run, with the same "latest"
// answers checked. Request counts come from a counting proxy on 127.0.0.1 in front of the registry.
import { execFile } from 'node:child_process';
import { mkdtempSync, copyFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseNpmProject } from '../../src/dep-health/parse/npm';
import { createHttpClient, createLimiter } from '../../src/dep-health/sources/http-client';
import { npmRegistry } from '../../src/dep-health/sources/npm-registry';

const REGISTRY = 'https://registry.npmjs.org';
const here = path.dirname(fileURLToPath(import.meta.url));
const manifest = path.join(here, 'dep-health-renovate-package.json');
const ncuBin = path.join(here, '..', '..', 'node_modules', '.bin', 'ncu');

async function countingProxy() {
  let count = 0;
  const server = createServer(async (req, res) => {
    count++;
    const upstream = await fetch(`${REGISTRY}${req.url}`, {
      headers: { accept: String(req.headers.accept ?? 'application/json') },
    });
    const body = Buffer.from(await upstream.arrayBuffer());
    res.writeHead(upstream.status, {
      'content-type': upstream.headers.get('content-type') ?? 'application/json',
      'content-length': body.length,
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    count: () => count,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

async function tend(registry: string, abbreviated: boolean) {
  const { dependencies } = parseNpmProject({
    file: 'package.json',
    text: readFileSync(manifest, 'utf8'),
  });
  const http = createHttpClient({ concurrency: 8, retryBaseMs: 200 });
  const client = npmRegistry(http, registry, { abbreviated });
  const limit = createLimiter(8);
  const started = performance.now();
  const latest = new Map<string, string>();
  await Promise.all(
    dependencies.map((d) =>
      limit(async () => {
        const info = await client.fetch(d.name);
        if (info?.latest) latest.set(d.name, info.latest);
      }),
    ),
  );
  return {
    ms: performance.now() - started,
    requests: http.totalRequests(),
    latest,
    count: dependencies.length,
  };
}

async function ncu(registry: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tend-bench-ncu-'));
  copyFileSync(manifest, path.join(dir, 'package.json'));
  const started = performance.now();
  const { stdout } = await promisify(execFile)(
    ncuBin,
    ['--jsonAll', '--registry', registry, '--concurrency', '8', '--cwd', dir],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return {
    ms: performance.now() - started,
    all: JSON.parse(stdout) as Record<string, Record<string, string>>,
  };
}

const clean = (spec: string) => spec.replace(/^[\^~>=<]+/, '');

const proxy = await countingProxy();
try {
  // Wall time against the registry directly; request counts through the proxy.
  const ncuDirect = await ncu(REGISTRY);
  const tendAbbrev = await tend(REGISTRY, true);
  const tendFull = await tend(REGISTRY, false);
  const before = proxy.count();
  await ncu(proxy.url);
  const ncuRequests = proxy.count() - before;

  // ncu --jsonAll gives every dependency with its upgraded spec (latest); compare with tend's latest.
  const ncuLatest = new Map<string, string>();
  for (const section of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    for (const [name, spec] of Object.entries(ncuDirect.all[section] ?? {}))
      ncuLatest.set(name, clean(spec));
  }
  const original = JSON.parse(readFileSync(manifest, 'utf8')) as Record<
    string,
    Record<string, string>
  >;
  const compared: string[] = [];
  const differences: string[] = [];
  for (const [name, version] of tendAbbrev.latest) {
    const theirs = ncuLatest.get(name);
    if (theirs === undefined) continue;
    const declared =
      original.dependencies?.[name] ??
      original.devDependencies?.[name] ??
      original.optionalDependencies?.[name];
    if (theirs === declared && version !== declared) continue; // ncu left it (pinned newer than latest / non-registry)
    compared.push(name);
    if (theirs !== version) differences.push(`${name}: tend ${version}, ncu ${theirs}`);
  }
  console.log(
    `dep-health freshness bench: ${tendAbbrev.count} dependencies of renovate's package.json, registry.npmjs.org`,
  );
  console.log(
    `  tend (abbreviated packuments)  ${tendAbbrev.ms.toFixed(0).padStart(6)} ms  ${tendAbbrev.requests} requests`,
  );
  console.log(
    `  tend (full packuments, action) ${tendFull.ms.toFixed(0).padStart(6)} ms  ${tendFull.requests} requests`,
  );
  console.log(
    `  npx npm-check-updates          ${ncuDirect.ms.toFixed(0).padStart(6)} ms  ${ncuRequests} requests (counted through a local proxy)`,
  );
  console.log(
    `  identical "latest" answers: ${compared.length - differences.length}/${compared.length}${differences.length ? `; differ: ${differences.join('; ')}` : ''}`,
  );
} finally {
  await proxy.close();
}
