// The repository's open Dependabot alerts, when the token may read them (403/404 -> a note),
// merged with OSV's answers: an advisory both know is listed once (with the alert's link in its
// evidence); one only Dependabot knows is added to the dependency it names.
import type { RepoRef } from '../core/context';
import type { GitHubClient } from '../core/github-client';
import type { Dependency, OsvEcosystem } from './model';
import { normaliseLabel } from './sources/cvss';
import type { VulnerableDependency, Vulnerability } from './sources/osv';
import { compareVersions } from './sources/versions';

/** The fields of GitHub's Dependabot alert tend reads. */
export interface DependabotAlert {
  number: number;
  html_url?: string;
  dependency: { package: { ecosystem: string; name: string }; manifest_path: string };
  security_advisory: {
    ghsa_id: string;
    cve_id?: string | null;
    summary: string;
    severity: string;
    cvss?: { score?: number | null } | null;
    identifiers?: { type: string; value: string }[];
  };
  security_vulnerability: {
    vulnerable_version_range: string;
    first_patched_version?: { identifier: string } | null;
  };
}

/** Dependabot's ecosystem names (`pip`, `npm`, `go`, `actions`) in OSV's spelling. */
const ECOSYSTEMS: Record<string, OsvEcosystem> = {
  npm: 'npm',
  pip: 'PyPI',
  go: 'Go',
  actions: 'GitHub Actions',
};

const pep503 = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

export async function readDependabotAlerts(
  github: GitHubClient,
  repo: RepoRef,
): Promise<{ alerts?: DependabotAlert[]; note: string }> {
  try {
    const alerts = (await github.paginate('GET /repos/{owner}/{repo}/dependabot/alerts', {
      ...repo,
      state: 'open',
      per_page: 100,
    })) as unknown as DependabotAlert[];
    return {
      alerts,
      note: `Dependabot reports ${alerts.length} open alert(s) for this repository; they are merged with OSV's below.`,
    };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 403 || status === 404) {
      return {
        note: 'Dependabot alerts were not read: the token may not read them (the default workflow token cannot; a GitHub App or fine-grained token with "Dependabot alerts: read" can), or alerts are off. OSV results stand on their own.',
      };
    }
    return {
      note: `Dependabot alerts were not read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function alertMatches(alert: DependabotAlert, dep: Dependency): boolean {
  const ecosystem = ECOSYSTEMS[alert.dependency.package.ecosystem.toLowerCase()];
  if (ecosystem !== dep.ecosystem) return false;
  const name = alert.dependency.package.name;
  const same = ecosystem === 'PyPI' ? pep503(name) === pep503(dep.name) : name === dep.name;
  if (!same) return false;
  const manifest = alert.dependency.manifest_path;
  return dep.file === manifest || dep.lockfile === manifest;
}

function vulnerabilityOf(alert: DependabotAlert, dep: Dependency): Vulnerability {
  const advisory = alert.security_advisory;
  const fixed = alert.security_vulnerability.first_patched_version?.identifier;
  const aliases = [
    ...new Set(
      [advisory.cve_id, ...(advisory.identifiers ?? []).map((i) => i.value)].filter(
        (a): a is string => !!a && a !== advisory.ghsa_id,
      ),
    ),
  ];
  const score = advisory.cvss?.score || undefined;
  return {
    id: advisory.ghsa_id,
    aliases,
    summary: advisory.summary,
    score,
    severity: normaliseLabel(advisory.severity),
    affected: [alert.security_vulnerability.vulnerable_version_range],
    fixedIn:
      fixed && (!dep.version || compareVersions(dep.ecosystem, fixed, dep.version) > 0)
        ? fixed
        : undefined,
    url: alert.html_url ?? `https://github.com/advisories/${advisory.ghsa_id}`,
    sources: ['dependabot'],
  };
}

/**
 * OSV's vulnerable dependencies with the alerts merged in. Returns how many alerts matched an
 * advisory OSV already had, how many were added, and the ones that matched no dependency tend
 * found (listed in the report so nothing Dependabot knows is silently dropped).
 */
export function mergeDependabotAlerts(
  vulnerable: VulnerableDependency[],
  dependencies: Dependency[],
  alerts: DependabotAlert[],
): {
  vulnerable: VulnerableDependency[];
  confirmed: number;
  added: number;
  unmatched: DependabotAlert[];
} {
  const merged = vulnerable.map((v) => ({ ...v, vulnerabilities: [...v.vulnerabilities] }));
  let confirmed = 0;
  let added = 0;
  const unmatched: DependabotAlert[] = [];
  for (const alert of alerts) {
    const ghsa = alert.security_advisory.ghsa_id;
    const deps = dependencies.filter((d) => alertMatches(alert, d));
    if (deps.length === 0) {
      unmatched.push(alert);
      continue;
    }
    for (const dep of deps) {
      let entry = merged.find((v) => v.dependency === dep);
      const known = entry?.vulnerabilities.findIndex(
        (v) => v.id === ghsa || v.aliases.includes(ghsa),
      );
      if (entry && known !== undefined && known >= 0) {
        const v = entry.vulnerabilities[known]!;
        entry.vulnerabilities[known] = {
          ...v,
          sources: ['osv', 'dependabot'],
        };
        confirmed++;
        continue;
      }
      if (!entry) {
        entry = { dependency: dep, vulnerabilities: [] };
        merged.push(entry);
      }
      entry.vulnerabilities.push(vulnerabilityOf(alert, dep));
      added++;
    }
  }
  return { vulnerable: merged, confirmed, added, unmatched };
}
