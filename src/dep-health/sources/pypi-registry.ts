// PyPI JSON API: GET /pypi/<project>/json (https://docs.pypi.org/api/json/).
import type { HttpClient } from './http-client';
import type { RegistryClient } from './package-info';

interface PypiProject {
  info: {
    name: string;
    version: string;
    project_urls?: Record<string, string> | null;
    home_page?: string | null;
  };
  releases?: Record<
    string,
    { upload_time_iso_8601?: string; yanked?: boolean; yanked_reason?: string | null }[]
  >;
}

export function pypiRegistry(http: HttpClient, baseUrl: string): RegistryClient {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    host: new URL(base).host,
    async fetch(name) {
      const doc = await http.getJson<PypiProject>(`${base}/pypi/${encodeURIComponent(name)}/json`);
      if (!doc) return undefined;
      const time: Record<string, string> = {};
      const deprecated: Record<string, string> = {};
      const versions: string[] = [];
      for (const [version, files] of Object.entries(doc.releases ?? {})) {
        if (files.length === 0) continue;
        versions.push(version);
        const uploads = files
          .map((f) => f.upload_time_iso_8601)
          .filter((t): t is string => typeof t === 'string')
          .sort();
        if (uploads[0]) time[version] = uploads[0];
        if (files.every((f) => f.yanked))
          deprecated[version] =
            `yanked${files[0]?.yanked_reason ? `: ${files[0].yanked_reason}` : ''}`;
      }
      const urls = doc.info.project_urls ?? {};
      const homepage =
        urls.Changelog ??
        urls.Source ??
        urls['Source Code'] ??
        urls.Repository ??
        urls.Homepage ??
        doc.info.home_page ??
        undefined;
      return {
        ecosystem: 'PyPI',
        name,
        versions,
        latest: doc.info.version,
        time,
        deprecated,
        homepage,
      };
    },
  };
}
