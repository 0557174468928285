// Sources against local HTTP servers answering in the documented response shapes:
// PyPI JSON API https://docs.pypi.org/api/json/, Go proxy https://go.dev/ref/mod#goproxy-protocol,
// OSV https://google.github.io/osv.dev/api/, npm https://github.com/npm/registry/blob/main/docs/responses/package-metadata.md
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gather } from '../../src/dep-health/gather';
import type { Dependency } from '../../src/dep-health/model';
import { cvssScore, labelOfScore } from '../../src/dep-health/sources/cvss';
import { escapeModulePath, goProxy } from '../../src/dep-health/sources/go-proxy';
import { createHttpClient } from '../../src/dep-health/sources/http-client';
import { fixInfo, type OsvRecord } from '../../src/dep-health/sources/osv';
import { pypiRegistry } from '../../src/dep-health/sources/pypi-registry';

let server: Server;
let base: string;
const routes = new Map<string, { status?: number; body: unknown }>();
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const route = routes.get(req.url ?? '');
    res.writeHead(route?.status ?? (route ? 200 : 404), {
      'content-type': 'application/json',
      connection: 'close',
    });
    res.end(
      route ? (typeof route.body === 'string' ? route.body : JSON.stringify(route.body)) : '{}',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('CVSS', () => {
  it('scores known vectors as FIRST publishes them', () => {
    expect(cvssScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBe(9.8);
    expect(cvssScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N')).toBe(6.1);
    expect(cvssScore('CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N')).toBe(3.7);
    expect(cvssScore('AV:N/AC:L/Au:N/C:P/I:P/A:P')).toBe(7.5);
    expect(cvssScore('not a vector')).toBeUndefined();
    expect([9.8, 7.5, 6.1, 3.7, 0].map(labelOfScore)).toEqual([
      'critical',
      'high',
      'moderate',
      'low',
      'unknown',
    ]);
  });
});

describe('OSV ranges', () => {
  const record: OsvRecord = {
    id: 'GHSA-x',
    affected: [
      {
        package: { ecosystem: 'npm', name: 'lodash' },
        ranges: [
          {
            type: 'SEMVER',
            events: [
              { introduced: '0' },
              { fixed: '4.17.12' },
              { introduced: '4.17.15' },
              { fixed: '4.17.21' },
            ],
          },
        ],
      },
      {
        package: { ecosystem: 'npm', name: 'other' },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.0.0' }] }],
      },
    ],
  };
  it('lists the affected ranges of the package and the lowest fix above the installed version', () => {
    expect(fixInfo(record, 'npm', 'lodash', '4.17.16')).toEqual({
      affected: ['<4.17.12', '>=4.17.15 <4.17.21'],
      fixedIn: '4.17.21',
    });
    expect(fixInfo(record, 'npm', 'lodash', '4.17.4').fixedIn).toBe('4.17.12');
  });
});

describe('PyPI and Go proxy clients', () => {
  it('reads versions, upload times and yanked releases from the PyPI JSON API', async () => {
    routes.set('/pypi/requests/json', {
      body: {
        info: {
          name: 'requests',
          version: '2.32.3',
          project_urls: { Source: 'https://github.com/psf/requests' },
        },
        releases: {
          '2.31.0': [{ upload_time_iso_8601: '2023-05-22T15:12:42.313790Z', yanked: false }],
          '2.32.0': [
            {
              upload_time_iso_8601: '2024-05-20T15:06:52.371451Z',
              yanked: true,
              yanked_reason: 'Yanked due to conflicts with CVE-2024-35195 mitigation',
            },
          ],
          '2.32.3': [{ upload_time_iso_8601: '2024-05-29T15:37:47.027631Z', yanked: false }],
          '0.0.1': [],
        },
      },
    });
    const info = await pypiRegistry(createHttpClient(), base).fetch('requests');
    expect(info?.latest).toBe('2.32.3');
    expect(info?.versions.sort()).toEqual(['2.31.0', '2.32.0', '2.32.3']);
    expect(info?.deprecated['2.32.0']).toBe(
      'yanked: Yanked due to conflicts with CVE-2024-35195 mitigation',
    );
    expect(info?.homepage).toBe('https://github.com/psf/requests');
  });

  it('escapes upper-case module paths and reads list, @latest and .info', async () => {
    expect(escapeModulePath('github.com/BurntSushi/toml')).toBe('github.com/!burnt!sushi/toml');
    routes.set('/github.com/!burnt!sushi/toml/@v/list', { body: 'v1.2.0\nv1.3.2\nv1.4.0\n' });
    routes.set('/github.com/!burnt!sushi/toml/@latest', {
      body: { Version: 'v1.4.0', Time: '2024-06-12T00:00:00Z' },
    });
    routes.set('/github.com/!burnt!sushi/toml/@v/v1.2.0.info', {
      body: { Version: 'v1.2.0', Time: '2022-06-08T00:00:00Z' },
    });
    const info = await goProxy(createHttpClient(), base).fetchWithCurrent(
      'github.com/BurntSushi/toml',
      'v1.2.0',
    );
    expect(info).toMatchObject({
      latest: 'v1.4.0',
      versions: ['v1.2.0', 'v1.3.2', 'v1.4.0'],
      time: { 'v1.4.0': '2024-06-12T00:00:00Z', 'v1.2.0': '2022-06-08T00:00:00Z' },
    });
  });

  it('also reads the release time of the newest version in the current major, for the soak', async () => {
    routes.set('/example.com/lib/@v/list', { body: 'v0.9.0\nv0.9.4\nv0.9.5-rc.1\nv1.0.0\n' });
    routes.set('/example.com/lib/@latest', {
      body: { Version: 'v1.0.0', Time: '2024-06-12T00:00:00Z' },
    });
    routes.set('/example.com/lib/@v/v0.9.0.info', {
      body: { Version: 'v0.9.0', Time: '2023-01-01T00:00:00Z' },
    });
    routes.set('/example.com/lib/@v/v0.9.4.info', {
      body: { Version: 'v0.9.4', Time: '2024-03-01T00:00:00Z' },
    });
    const info = await goProxy(createHttpClient(), base).fetchWithCurrent(
      'example.com/lib',
      'v0.9.0',
    );
    expect(info?.time['v0.9.4']).toBe('2024-03-01T00:00:00Z');
    expect(info?.time['v0.9.5-rc.1']).toBeUndefined();
  });
});

describe('gather', () => {
  const dep = (
    name: string,
    ecosystem: Dependency['ecosystem'],
    version: string,
    range?: string,
  ): Dependency => ({ ecosystem, name, version, range, file: 'x', direct: true, dev: false });

  it('names an unreachable host as partial and still reports what the other sources said', async () => {
    routes.set('/pypi/requests/json', {
      body: {
        info: { name: 'requests', version: '2.32.3' },
        releases: {
          '2.31.0': [{ upload_time_iso_8601: '2023-05-22T15:12:42Z' }],
          '2.32.3': [{ upload_time_iso_8601: '2024-05-29T15:37:47Z' }],
        },
      },
    });
    const http = createHttpClient({ retries: 1, retryBaseMs: 1 });
    const result = await gather(
      [dep('requests', 'PyPI', '2.31.0', '>=2'), dep('left-pad', 'npm', '1.0.0', '^1.0.0')],
      {
        osvUrl: 'http://127.0.0.1:9',
        npmRegistry: 'http://127.0.0.1:9',
        pypiUrl: base,
        goProxy: base,
        staleDays: 730,
        concurrency: 4,
      },
      http,
      new Date('2025-01-01T00:00:00Z'),
    );
    expect(result.partial).toEqual([
      expect.stringMatching(
        /^vulnerabilities were not checked: 127\.0\.0\.1:9 is unreachable: .*\(input `osv-url`\)$/,
      ),
      expect.stringMatching(
        /^freshness from 127\.0\.0\.1:9 is unreachable: .*\(input `npm-registry`\)$/,
      ),
    ]);
    expect(result.freshness).toHaveLength(1);
    expect(result.freshness[0]).toMatchObject({
      current: '2.31.0',
      latest: '2.32.3',
      latestInRange: '2.32.3',
      releasesBehind: 1,
      libyears: 1.02,
      stale: false,
    });
  });

  it('retries a 503 and then succeeds', async () => {
    let calls = 0;
    const http = createHttpClient({
      retries: 2,
      retryBaseMs: 1,
      fetch: (async () =>
        ++calls === 1
          ? new Response('busy', { status: 503 })
          : new Response(JSON.stringify({ ok: true }), { status: 200 })) as typeof fetch,
    });
    await expect(http.getJson('http://127.0.0.1:1/x')).resolves.toEqual({ ok: true });
    expect(calls).toBe(2);
    expect(http.totalRequests()).toBe(2);
  });
});
