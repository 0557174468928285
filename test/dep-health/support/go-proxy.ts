// A local Go module proxy + OSV on 127.0.0.1 for dep-health tests. It speaks the GOPROXY
// protocol (https://go.dev/ref/mod#goproxy-protocol): `$module/@v/list`, `$module/@latest`,
// `$module/@v/$version.info|.mod|.zip`, with zips in the module zip format
// (https://go.dev/ref/mod#zip-files: every file under `module@version/`), built here without
// compression. `goSumLines` computes go.sum's `h1:` hashes the way golang.org/x/mod/sumdb/dirhash
// Hash1 does, so a fixture's go.sum verifies against what the proxy serves.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveOsv, type FakeOsv } from './fake-osv';

export interface GoRelease {
  version: string;
  /** Release time (ISO), answered in `.info` and `@latest`. */
  time: string;
  /** The module's files besides go.mod (`good.go`: source). */
  files: Record<string, string>;
}

export interface GoProxy {
  url: string;
  osv: FakeOsv;
  requests: string[];
  /** The go.sum lines (zip and go.mod hashes) of `module@version`. */
  goSumLines(module: string, version: string): string[];
  close(): Promise<void>;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip archive with the files stored as they are (method 0). */
export function storedZip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x21, 10); // DOS time 00:01:02
    local.writeUInt16LE(0x21, 12); // DOS date 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt16LE(0x21, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data);

/** dirhash.Hash1: SHA-256 over `sha256hex  name\n` lines of the files sorted by name. */
export function hash1(files: Record<string, string>): string {
  const summary = Object.keys(files)
    .sort()
    .map((name) => `${sha256(files[name]!).digest('hex')}  ${name}\n`)
    .join('');
  return `h1:${sha256(summary).digest('base64')}`;
}

const goModOf = (module: string) => `module ${module}\n\ngo 1.18\n`;

function zipFiles(module: string, release: GoRelease): Record<string, string> {
  const files = { 'go.mod': goModOf(module), ...release.files };
  return Object.fromEntries(
    Object.entries(files).map(([name, text]) => [`${module}@${release.version}/${name}`, text]),
  );
}

const unescape = (escaped: string) =>
  escaped.replace(/!([a-z])/g, (_, c: string) => c.toUpperCase());

export async function startGoProxy(modules: Record<string, GoRelease[]>): Promise<GoProxy> {
  const requests: string[] = [];
  const osv: FakeOsv = { vulns: new Map(), affected: [] };
  const find = (module: string, version: string) =>
    modules[module]?.find((r) => r.version === version);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${req.method} ${url.pathname}`);
    const send = (status: number, body: unknown, type = 'application/json') => {
      const data = Buffer.isBuffer(body) || typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, { 'content-type': type });
      res.end(data);
    };
    if (serveOsv(req, url, osv, send)) return;
    const match = /^\/(.+?)\/@(v\/list|latest|v\/(.+)\.(info|mod|zip))$/.exec(url.pathname);
    const module = match && unescape(decodeURIComponent(match[1]!));
    const releases = module ? modules[module] : undefined;
    if (!match || !module || !releases) return send(404, 'not found', 'text/plain');
    const info = (r: GoRelease) => ({ Version: r.version, Time: r.time });
    if (match[2] === 'v/list')
      return send(200, releases.map((r) => `${r.version}\n`).join(''), 'text/plain');
    if (match[2] === 'latest') return send(200, info(releases.at(-1)!));
    const release = find(module, unescape(match[3]!));
    if (!release) return send(404, `${module}@${match[3]}: not found`, 'text/plain');
    if (match[4] === 'info') return send(200, info(release));
    if (match[4] === 'mod') return send(200, goModOf(module), 'text/plain');
    return send(200, storedZip(zipFiles(module, release)), 'application/zip');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    osv,
    requests,
    goSumLines(module, version) {
      const release = find(module, version);
      if (!release) throw new Error(`the proxy has no ${module}@${version}`);
      return [
        `${module} ${version} ${hash1(zipFiles(module, release))}`,
        `${module} ${version}/go.mod ${hash1({ 'go.mod': goModOf(module) })}`,
      ];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
