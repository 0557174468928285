// A local npm registry + OSV server on 127.0.0.1 for dep-health tests. Packuments follow
// https://github.com/npm/registry/blob/main/docs/responses/package-metadata.md; tarballs are
// real `npm pack` output of tiny packages the test writes. OSV shapes follow
// https://google.github.io/osv.dev/post-v1-querybatch/ and https://google.github.io/osv.dev/get-v1-vulns/.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serveOsv, type FakeOsv } from './fake-osv';

export interface FakeVersion {
  version: string;
  /** The module's source (`index.js`). */
  source: string;
  /** Release time (ISO). */
  time: string;
  deprecated?: string;
}

interface Packed {
  version: string;
  time: string;
  deprecated?: string;
  file: string;
  shasum: string;
  integrity: string;
}

export interface FakeServers {
  url: string;
  /** Versions visible in packuments, per package (add later to "publish"). */
  visible: Map<string, Set<string>>;
  osv: FakeOsv;
  requests: string[];
  /** When set, every request gets this status (an unreachable-looking host). */
  failWith?: number;
  close(): Promise<void>;
}

export function packPackage(root: string, name: string, v: FakeVersion): Packed {
  const dir = path.join(root, `${name}-${v.version}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name, version: v.version, main: 'index.js', license: 'MIT' }, null, 2),
  );
  writeFileSync(path.join(dir, 'index.js'), v.source);
  const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', root], {
    cwd: dir,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .at(-1)!;
  const file = path.join(root, out);
  const data = readFileSync(file);
  return {
    version: v.version,
    time: v.time,
    deprecated: v.deprecated,
    file,
    shasum: createHash('sha1').update(data).digest('hex'),
    integrity: `sha512-${createHash('sha512').update(data).digest('base64')}`,
  };
}

export async function startFakeServers(
  packages: Record<string, FakeVersion[]>,
): Promise<FakeServers> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'tend-fake-registry-'));
  const packed = new Map<string, Packed[]>();
  for (const [name, versions] of Object.entries(packages))
    packed.set(
      name,
      versions.map((v) => packPackage(root, name, v)),
    );
  const state: Omit<FakeServers, 'url' | 'close'> = {
    visible: new Map(
      [...packed].map(([name, list]) => [name, new Set(list.map((p) => p.version))]),
    ),
    osv: { vulns: new Map(), affected: [] },
    requests: [],
  };
  let base = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    state.requests.push(`${req.method} ${url.pathname}`);
    const send = (status: number, body: unknown, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type, connection: 'close' });
      res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
    };
    if ((state as FakeServers).failWith)
      return send((state as FakeServers).failWith!, { error: 'down' });
    if (serveOsv(req, url, state.osv, send)) return;
    const tarball = /^\/(.+)\/-\/([^/]+\.tgz)$/.exec(decodeURIComponent(url.pathname));
    if (tarball) {
      const list = packed.get(tarball[1]!) ?? [];
      const match = list.find(
        (p) => path.basename(p.file) === tarball[2] || p.file.endsWith(tarball[2]!),
      );
      return match
        ? send(200, readFileSync(match.file), 'application/octet-stream')
        : send(404, { error: 'not found' });
    }
    const name = decodeURIComponent(url.pathname.slice(1));
    const list = (packed.get(name) ?? []).filter((p) => state.visible.get(name)?.has(p.version));
    if (list.length === 0) return send(404, { error: 'Not found' });
    const latest = list.at(-1)!.version;
    const versions = Object.fromEntries(
      list.map((p) => [
        p.version,
        {
          name,
          version: p.version,
          ...(p.deprecated ? { deprecated: p.deprecated } : {}),
          dist: {
            tarball: `${base}/${name}/-/${path.basename(p.file)}`,
            shasum: p.shasum,
            integrity: p.integrity,
          },
        },
      ]),
    );
    const time = {
      created: list[0]!.time,
      modified: list.at(-1)!.time,
      ...Object.fromEntries(list.map((p) => [p.version, p.time])),
    };
    return send(200, {
      _id: name,
      name,
      'dist-tags': { latest },
      versions,
      time,
      repository: { type: 'git', url: `git+https://github.com/example/${name}.git` },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const servers = state as FakeServers;
  servers.url = base;
  servers.close = () => new Promise((resolve) => server.close(() => resolve()));
  return servers;
}
