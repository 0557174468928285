// Asks OSV and the registries about the inventory; a host that cannot be reached becomes a
// `partial` entry naming it, and everything else is still reported.
import { computeFreshness, type Freshness } from './freshness';
import type { DepHealthOptions } from './inputs';
import type { Dependency, OsvEcosystem } from './model';
import type { GitHubClient } from '../core/github-client';
import { currentRelease, readActionTags } from './sources/github-actions';
import { goProxy } from './sources/go-proxy';
import {
  createLimiter,
  HostUnreachableError,
  HttpStatusError,
  type HttpClient,
} from './sources/http-client';
import { npmRegistry } from './sources/npm-registry';
import { osvClient, type VulnerableDependency } from './sources/osv';
import type { RegistryClient } from './sources/package-info';
import { pypiRegistry } from './sources/pypi-registry';

export interface Gathered {
  vulnerable: VulnerableDependency[];
  freshness: Freshness[];
  partial: string[];
  notes: string[];
}

function describe(error: unknown): string {
  if (error instanceof HostUnreachableError || error instanceof HttpStatusError)
    return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** Freshness of workflow `uses:` references from their repositories' tags (one request each). */
async function actionFreshness(
  actions: Dependency[],
  github: GitHubClient,
  limit: <T>(task: () => Promise<T>) => Promise<T>,
  now: Date,
  staleDays: number,
  notes: string[],
): Promise<Freshness[]> {
  const repositories = [...new Set(actions.map((d) => d.name))];
  const tags = new Map(
    await Promise.all(
      repositories.map((name) =>
        limit(async () => [name, await readActionTags(github, name)] as const),
      ),
    ),
  );
  const unseen = repositories.filter((name) => !tags.get(name));
  if (unseen.length > 0)
    notes.push(
      `Not found through the GitHub API, so not checked for newer majors: ${unseen.map((n) => `\`${n}\``).join(', ')} (private, renamed, or on another GitHub host).`,
    );
  return actions.flatMap((dep) => {
    const found = tags.get(dep.name);
    const current = found && currentRelease(dep, found);
    return found && current ? [computeFreshness(dep, found.info, now, staleDays, current)] : [];
  });
}

export async function gather(
  dependencies: Dependency[],
  options: Pick<
    DepHealthOptions,
    'osvUrl' | 'npmRegistry' | 'pypiUrl' | 'goProxy' | 'staleDays' | 'concurrency'
  >,
  http: HttpClient,
  now: Date,
  /** For the tags of the actions workflows use; without it they are not checked (a note says so). */
  github?: GitHubClient,
): Promise<Gathered> {
  const partial: string[] = [];
  const notes: string[] = [];
  let vulnerable: VulnerableDependency[] = [];
  try {
    vulnerable = await osvClient(http, options.osvUrl).scan(dependencies);
  } catch (error) {
    partial.push(`vulnerabilities were not checked: ${describe(error)} (input \`osv-url\`)`);
  }

  const go = goProxy(http, options.goProxy);
  const registries: Partial<Record<OsvEcosystem, { client: RegistryClient; input: string }>> = {
    npm: { client: npmRegistry(http, options.npmRegistry), input: 'npm-registry' },
    PyPI: { client: pypiRegistry(http, options.pypiUrl), input: 'pypi-url' },
    Go: { client: go, input: 'go-proxy' },
  };
  const direct = dependencies.filter((d) => d.direct && registries[d.ecosystem]);
  const unique = new Map<string, Dependency>();
  for (const dep of direct)
    unique.set(`${dep.ecosystem}|${dep.name}|${dep.version ?? dep.range ?? ''}`, dep);
  const limit = createLimiter(options.concurrency);
  const failedHosts = new Map<string, string>();
  const freshness: Freshness[] = [];
  const infoCache = new Map<string, Promise<Freshness['info'] | undefined>>();
  await Promise.all(
    [...unique.values()].map((dep) =>
      limit(async () => {
        const registry = registries[dep.ecosystem]!;
        const cacheKey = `${dep.ecosystem}|${dep.name}${dep.ecosystem === 'Go' ? `|${dep.version}` : ''}`;
        if (!infoCache.has(cacheKey)) {
          infoCache.set(
            cacheKey,
            dep.ecosystem === 'Go'
              ? go.fetchWithCurrent(dep.name, dep.version)
              : registry.client.fetch(dep.name),
          );
        }
        try {
          const info = await infoCache.get(cacheKey)!;
          if (!info) {
            notes.push(`${dep.name} is not published on ${registry.client.host}`);
            return;
          }
          freshness.push(computeFreshness(dep, info, now, options.staleDays));
        } catch (error) {
          if (!failedHosts.has(registry.client.host))
            failedHosts.set(
              registry.client.host,
              `freshness from ${describe(error)} (input \`${registry.input}\`)`,
            );
        }
      }),
    ),
  );
  for (const message of failedHosts.values()) partial.push(message);
  const actions = dependencies.filter((d) => d.ecosystem === 'GitHub Actions' && d.direct);
  const actionRows: Freshness[] = [];
  if (actions.length > 0 && github) {
    try {
      actionRows.push(
        ...(await actionFreshness(actions, github, limit, now, options.staleDays, notes)),
      );
    } catch (error) {
      partial.push(`action versions from the GitHub API: ${describe(error)}`);
    }
  } else if (actions.length > 0) {
    notes.push(
      `${actions.length} workflow \`uses:\` reference(s) were not checked for newer majors: that needs the GitHub API (a token).`,
    );
  }
  // Every dependency sharing the same facts gets its own freshness row (same package in two manifests).
  const byDep = new Map(
    freshness.map((f) => [
      `${f.dependency.ecosystem}|${f.dependency.name}|${f.dependency.version ?? f.dependency.range ?? ''}`,
      f,
    ]),
  );
  const all = direct.flatMap((dep) => {
    const found = byDep.get(`${dep.ecosystem}|${dep.name}|${dep.version ?? dep.range ?? ''}`);
    return found ? [found.dependency === dep ? found : { ...found, dependency: dep }] : [];
  });
  return { vulnerable, freshness: [...all, ...actionRows], partial, notes };
}
