// Go module proxy protocol (https://go.dev/ref/mod#goproxy-protocol): `$module/@v/list`,
// `$module/@latest`, `$module/@v/$version.info` ({"Version","Time"}).
import type { HttpClient } from './http-client';
import type { PackageInfo, RegistryClient } from './package-info';

/** Upper-case letters become `!` + lower case, as the proxy protocol requires. */
export function escapeModulePath(path: string): string {
  return path.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}

interface VersionInfo {
  Version: string;
  Time?: string;
}

export function goProxy(
  http: HttpClient,
  baseUrl: string,
): RegistryClient & {
  fetchWithCurrent(name: string, current?: string): Promise<PackageInfo | undefined>;
} {
  const base = baseUrl.replace(/\/+$/, '');
  const fetchWithCurrent = async (
    name: string,
    current?: string,
  ): Promise<PackageInfo | undefined> => {
    const escaped = escapeModulePath(name);
    const [list, latest, currentInfo] = await Promise.all([
      http.getText(`${base}/${escaped}/@v/list`),
      http.getJson<VersionInfo>(`${base}/${escaped}/@latest`),
      current
        ? http.getJson<VersionInfo>(`${base}/${escaped}/@v/${escapeModulePath(current)}.info`)
        : Promise.resolve(undefined),
    ]);
    if (list === undefined && !latest) return undefined;
    const versions = (list ?? '')
      .split('\n')
      .map((v) => v.trim())
      .filter(Boolean);
    if (latest && !versions.includes(latest.Version)) versions.push(latest.Version);
    const time: Record<string, string> = {};
    if (latest?.Time) time[latest.Version] = latest.Time;
    if (currentInfo?.Time) time[currentInfo.Version] = currentInfo.Time;
    const homepage = name.startsWith('github.com/')
      ? `https://${name.split('/').slice(0, 3).join('/')}`
      : `https://pkg.go.dev/${name}`;
    return {
      ecosystem: 'Go',
      name,
      versions,
      latest: latest?.Version,
      time,
      deprecated: {},
      homepage,
    };
  };
  return { host: new URL(base).host, fetch: (name) => fetchWithCurrent(name), fetchWithCurrent };
}
