// A local Python package index + OSV on 127.0.0.1 for dep-health tests: the PEP 503 "simple"
// repository API (https://peps.python.org/pep-0503/) serving real wheels, the PyPI JSON API
// (https://docs.pypi.org/api/json/) and OSV's querybatch/vulns endpoints. Wheels are built by
// Python's own zipfile module in the shape PEP 427 describes (METADATA, WHEEL, RECORD).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serveOsv, type FakeOsv } from './fake-osv';

export interface FakeRelease {
  version: string;
  /** The module's source (`<name_with_underscores>/__init__.py`). */
  source: string;
  /** Upload time (ISO). */
  time: string;
}

interface Wheel {
  version: string;
  time: string;
  file: string;
  sha256: string;
}

export interface PythonIndex {
  url: string;
  /** Versions the index lists, per project (add later to "publish"). */
  visible: Map<string, Set<string>>;
  osv: FakeOsv;
  requests: string[];
  close(): Promise<void>;
}

const BUILD_WHEEL = `
import base64, hashlib, json, sys, zipfile
spec = json.loads(sys.argv[1])
name, version, module = spec["name"], spec["version"], spec["name"].replace("-", "_")
dist = f"{module}-{version}.dist-info"
files = {
    f"{module}/__init__.py": spec["source"],
    f"{dist}/METADATA": f"Metadata-Version: 2.1\\nName: {name}\\nVersion: {version}\\n",
    f"{dist}/WHEEL": "Wheel-Version: 1.0\\nGenerator: tend-tests\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n",
}
record = []
for path, text in files.items():
    data = text.encode()
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    record.append(f"{path},sha256={digest},{len(data)}")
record.append(f"{dist}/RECORD,,")
files[f"{dist}/RECORD"] = "\\n".join(record) + "\\n"
out = f"{spec['dir']}/{module}-{version}-py3-none-any.whl"
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
    for path, text in files.items():
        info = zipfile.ZipInfo(path, date_time=(2020, 1, 1, 0, 0, 0))
        info.external_attr = 0o644 << 16
        zf.writestr(info, text)
print(out)
`;

/** Builds a pure-Python wheel of `name` at `release.version` into `dir`; returns its path. */
export function buildWheel(dir: string, name: string, release: FakeRelease): string {
  return execFileSync(
    'python3',
    [
      '-c',
      BUILD_WHEEL,
      JSON.stringify({ name, version: release.version, source: release.source, dir }),
    ],
    { encoding: 'utf8' },
  ).trim();
}

const normalise = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

export async function startPythonIndex(
  projects: Record<string, FakeRelease[]>,
): Promise<PythonIndex> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'tend-fake-pypi-'));
  const wheels = new Map<string, Wheel[]>();
  for (const [name, releases] of Object.entries(projects)) {
    wheels.set(
      normalise(name),
      releases.map((r) => {
        const file = buildWheel(root, name, r);
        const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
        return { version: r.version, time: r.time, file, sha256 };
      }),
    );
  }
  const state = {
    visible: new Map([...wheels].map(([n, list]) => [n, new Set(list.map((w) => w.version))])),
    osv: { vulns: new Map(), affected: [] } as FakeOsv,
    requests: [] as string[],
  };
  const listed = (name: string) =>
    (wheels.get(normalise(name)) ?? []).filter((w) =>
      state.visible.get(normalise(name))?.has(w.version),
    );
  let base = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    state.requests.push(`${req.method} ${url.pathname}`);
    const send = (status: number, body: unknown, type = 'application/json') => {
      res.writeHead(status, {
        'content-type': type,
        'cache-control': 'no-store',
        connection: 'close',
      });
      res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
    };
    if (serveOsv(req, url, state.osv, send, (a, b) => normalise(a) === normalise(b))) return;
    const file = /^\/packages\/([^/]+\.whl)$/.exec(url.pathname);
    if (file) {
      const wheel = [...wheels.values()].flat().find((w) => path.basename(w.file) === file[1]);
      return wheel
        ? send(200, readFileSync(wheel.file), 'application/octet-stream')
        : send(404, 'not found', 'text/plain');
    }
    const simple = /^\/simple\/([^/]+)\/?$/.exec(url.pathname);
    if (simple) {
      const list = listed(decodeURIComponent(simple[1]!));
      if (list.length === 0) return send(404, 'not found', 'text/plain');
      const links = list
        .map((w) => {
          const name = path.basename(w.file);
          return `    <a href="${base}/packages/${name}#sha256=${w.sha256}">${name}</a><br/>`;
        })
        .join('\n');
      return send(
        200,
        `<!DOCTYPE html>\n<html>\n  <body>\n${links}\n  </body>\n</html>\n`,
        'text/html',
      );
    }
    const json = /^\/pypi\/([^/]+)\/json$/.exec(url.pathname);
    if (json) {
      const name = decodeURIComponent(json[1]!);
      const list = listed(name);
      if (list.length === 0) return send(404, { message: 'Not Found' });
      return send(200, {
        info: { name, version: list.at(-1)!.version, project_urls: null, home_page: null },
        releases: Object.fromEntries(
          list.map((w) => [
            w.version,
            [{ filename: path.basename(w.file), upload_time_iso_8601: w.time, yanked: false }],
          ]),
        ),
      });
    }
    return send(404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    ...state,
    close: () =>
      new Promise((resolve) =>
        server.close(() => {
          rmSync(root, { recursive: true, force: true });
          resolve();
        }),
      ),
  };
}

/** An OSV record for a PyPI vulnerability fixed in `fixed`. */
export function osvRecord(id: string, name: string, fixed: string, summary: string) {
  return {
    id,
    summary,
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N' }],
    affected: [
      {
        package: { ecosystem: 'PyPI', name },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }],
      },
    ],
  };
}
