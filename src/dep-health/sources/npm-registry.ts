// npm registry packuments. The full document carries `time` (needed for libyears, the
// release-age soak and "no release in 2 years"); the abbreviated install document
// (`application/vnd.npm.install-v1+json`) is enough when only versions and dist-tags
// matter. Either way it is ONE request per package. https://github.com/npm/registry/blob/main/docs/responses/package-metadata.md
import type { HttpClient } from './http-client';
import type { PackageInfo, RegistryClient } from './package-info';

interface Packument {
  name: string;
  'dist-tags'?: Record<string, string>;
  versions?: Record<string, { deprecated?: string }>;
  time?: Record<string, string>;
  repository?: { url?: string } | string;
  homepage?: string;
}

/** `@scope/name` -> `@scope%2fname` as the registry expects. */
export function packumentPath(name: string): string {
  return name.startsWith('@') ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name);
}

function repositoryUrl(doc: Packument): string | undefined {
  const raw = typeof doc.repository === 'string' ? doc.repository : doc.repository?.url;
  if (!raw) return doc.homepage;
  const github =
    /github\.com[/:]([^/]+\/[^/.#]+)/.exec(raw) ??
    /^github:([^/]+\/[^/.#]+)/.exec(raw) ??
    /^([\w-]+\/[\w.-]+)$/.exec(raw);
  return github ? `https://github.com/${github[1]}` : doc.homepage;
}

export function npmRegistry(
  http: HttpClient,
  baseUrl: string,
  options: { abbreviated?: boolean } = {},
): RegistryClient {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    host: new URL(base).host,
    async fetch(name) {
      const doc = await http.getJson<Packument>(
        `${base}/${packumentPath(name)}`,
        options.abbreviated
          ? { accept: 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8' }
          : {},
      );
      if (!doc) return undefined;
      const versions = Object.keys(doc.versions ?? {});
      const deprecated: Record<string, string> = {};
      for (const [version, meta] of Object.entries(doc.versions ?? {})) {
        if (typeof meta?.deprecated === 'string' && meta.deprecated !== '')
          deprecated[version] = meta.deprecated;
      }
      const time: Record<string, string> = {};
      for (const [key, value] of Object.entries(doc.time ?? {}))
        if (key !== 'created' && key !== 'modified') time[key] = value;
      const info: PackageInfo = {
        ecosystem: 'npm',
        name,
        versions,
        latest: doc['dist-tags']?.latest,
        time,
        deprecated,
        homepage: repositoryUrl(doc),
      };
      return info;
    },
  };
}
