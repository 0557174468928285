// The OSV API as the fake registries serve it: `POST /v1/querybatch` answers the ids seeded
// for each package version, `GET /v1/vulns/{id}` the seeded record.
import type { IncomingMessage } from 'node:http';

export interface FakeOsv {
  vulns: Map<string, Record<string, unknown>>;
  affected: { name: string; ecosystem: string; version: string; id: string }[];
}

type Send = (status: number, body: unknown) => void;

/**
 * Answers an OSV request and returns true, or returns false when the request is not for OSV.
 * `sameName` compares a seeded name with a queried one (PyPI names are normalised).
 */
export function serveOsv(
  req: IncomingMessage,
  url: URL,
  osv: FakeOsv,
  send: Send,
  sameName: (seeded: string, queried: string) => boolean = (a, b) => a === b,
): boolean {
  if (req.method === 'POST' && url.pathname === '/v1/querybatch') {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const { queries } = JSON.parse(raw) as {
        queries: { package: { name: string; ecosystem: string }; version: string }[];
      };
      send(200, {
        results: queries.map((q) => {
          const ids = osv.affected
            .filter(
              (a) =>
                a.ecosystem === q.package.ecosystem &&
                sameName(a.name, q.package.name) &&
                a.version === q.version,
            )
            .map((a) => ({ id: a.id, modified: '2024-01-01T00:00:00Z' }));
          return ids.length > 0 ? { vulns: ids } : {};
        }),
      });
    });
    return true;
  }
  const vuln = /^\/v1\/vulns\/(.+)$/.exec(url.pathname);
  if (vuln) {
    const record = osv.vulns.get(decodeURIComponent(vuln[1]!));
    if (record) send(200, record);
    else send(404, { code: 5, message: 'Bug not found.' });
    return true;
  }
  return false;
}
