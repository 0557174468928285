// Go module proxy protocol (https://go.dev/ref/mod#goproxy-protocol): `$module/@v/list`,
// `$module/@latest`, `$module/@v/$version.info` ({"Version","Time"}).
import type { HttpClient } from './http-client';
import type { PackageInfo, RegistryClient } from './package-info';
import { compareVersions, isPrerelease } from './versions';

/** Upper-case letters become `!` + lower case, as the proxy protocol requires. */
export function escapeModulePath(path: string): string {
  return path.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}

/** The newest stable version with the same major as `current` (undefined if none is newer). */
function newestInMajor(versions: string[], current: string): string | undefined {
  const major = (v: string) => /^v?(\d+)\./.exec(v)?.[1];
  const wanted = major(current);
  const newer = versions
    .filter((v) => !isPrerelease('Go', v) && major(v) === wanted)
    .filter((v) => compareVersions('Go', v, current) > 0)
    .sort((a, b) => compareVersions('Go', a, b));
  return newer.at(-1);
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
    // The likely update target (the newest release of the current major) needs its release
    // time too, for the soak: one more request when it is neither the current nor the latest.
    const target = current ? newestInMajor(versions, current) : undefined;
    if (target && !time[target]) {
      const info = await http.getJson<VersionInfo>(
        `${base}/${escaped}/@v/${escapeModulePath(target)}.info`,
      );
      if (info?.Time) time[info.Version] = info.Time;
    }
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
