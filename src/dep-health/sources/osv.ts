// OSV (https://google.github.io/osv.dev/api/): POST /v1/querybatch for ids per package
// version, then GET /v1/vulns/{id} once per distinct id for the details.
import type { Dependency, OsvEcosystem } from '../model';
import { cvssScore, labelOfScore, normaliseLabel, type SeverityLabel } from './cvss';
import type { HttpClient } from './http-client';
import { compareVersions } from './versions';

interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

export interface OsvRecord {
  id: string;
  aliases?: string[];
  summary?: string;
  details?: string;
  severity?: { type: string; score: string }[];
  affected?: {
    package?: { name: string; ecosystem: string };
    ranges?: { type: string; events: OsvEvent[] }[];
    versions?: string[];
    database_specific?: { severity?: string };
    ecosystem_specific?: { severity?: string };
  }[];
  database_specific?: { severity?: string };
  references?: { type: string; url: string }[];
}

export interface Vulnerability {
  id: string;
  aliases: string[];
  summary: string;
  score?: number;
  severity: SeverityLabel;
  /** Human-readable affected ranges for this package (`>=1.0.0 <1.2.3`). */
  affected: string[];
  /** Lowest version above the installed one that fixes it, if any. */
  fixedIn?: string;
  url: string;
  /** Who reported it, when not OSV alone (a Dependabot alert, or both). */
  sources?: ('osv' | 'dependabot')[];
}

export interface VulnerableDependency {
  dependency: Dependency;
  vulnerabilities: Vulnerability[];
}

const BATCH = 1000;

function severityOf(record: OsvRecord): { score?: number; severity: SeverityLabel } {
  const scores = (record.severity ?? [])
    .map((s) => cvssScore(s.score))
    .filter((s): s is number => s !== undefined);
  if (scores.length > 0) {
    const score = Math.max(...scores);
    return { score, severity: labelOfScore(score) };
  }
  const label =
    record.database_specific?.severity ??
    record.affected?.find((a) => a.database_specific?.severity)?.database_specific?.severity;
  return { severity: normaliseLabel(label) };
}

/** Affected ranges and the lowest fixed version above `installed` for this package. */
export function fixInfo(
  record: OsvRecord,
  ecosystem: OsvEcosystem,
  name: string,
  installed: string,
): { affected: string[]; fixedIn?: string } {
  const affected: string[] = [];
  const fixes: string[] = [];
  for (const entry of record.affected ?? []) {
    if (
      entry.package &&
      (entry.package.ecosystem !== ecosystem ||
        entry.package.name.toLowerCase() !== name.toLowerCase())
    )
      continue;
    for (const range of entry.ranges ?? []) {
      if (range.type === 'GIT') continue;
      let introduced: string | undefined;
      for (const event of range.events) {
        if (event.introduced !== undefined) introduced = event.introduced;
        const end = event.fixed ?? event.last_affected ?? event.limit;
        if (end === undefined) continue;
        affected.push(
          `${introduced && introduced !== '0' ? `>=${introduced} ` : ''}${event.fixed ? '<' : '<='}${end}`,
        );
        if (event.fixed && compareVersions(ecosystem, event.fixed, installed) > 0)
          // OSV writes Go versions without the `v` that go.mod and the module proxy use.
          fixes.push(
            ecosystem === 'Go' && /^\d/.test(event.fixed) ? `v${event.fixed}` : event.fixed,
          );
        introduced = undefined;
      }
      if (introduced !== undefined)
        affected.push(introduced === '0' ? 'all versions' : `>=${introduced}`);
    }
  }
  fixes.sort((a, b) => compareVersions(ecosystem, a, b));
  return { affected, fixedIn: fixes[0] };
}

export interface OsvClient {
  scan(dependencies: Dependency[]): Promise<VulnerableDependency[]>;
}

export function osvClient(http: HttpClient, baseUrl: string): OsvClient {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    async scan(dependencies) {
      const queryable = dependencies.filter((d) => d.version && !/^[0-9a-f]{40}$/i.test(d.version));
      const unique = new Map<string, Dependency>();
      for (const dep of queryable) unique.set(`${dep.ecosystem}|${dep.name}|${dep.version}`, dep);
      const targets = [...unique.values()];
      const idsByTarget: string[][] = [];
      for (let i = 0; i < targets.length; i += BATCH) {
        const slice = targets.slice(i, i + BATCH);
        const response = await http.postJson<{ results: { vulns?: { id: string }[] }[] }>(
          `${base}/v1/querybatch`,
          {
            queries: slice.map((d) => ({
              package: { name: d.name, ecosystem: d.ecosystem },
              version: d.ecosystem === 'Go' ? d.version!.replace(/^v/, '') : d.version,
            })),
          },
        );
        slice.forEach((_, index) =>
          idsByTarget.push((response.results[index]?.vulns ?? []).map((v) => v.id)),
        );
      }
      const ids = [...new Set(idsByTarget.flat())];
      const records = new Map<string, OsvRecord>();
      await Promise.all(
        ids.map(async (id) => {
          const record = await http.getJson<OsvRecord>(
            `${base}/v1/vulns/${encodeURIComponent(id)}`,
          );
          if (record) records.set(id, record);
        }),
      );
      const out: VulnerableDependency[] = [];
      targets.forEach((target, index) => {
        const vulnerabilities = idsByTarget[index]!.flatMap((id) => {
          const record = records.get(id);
          if (!record) return [];
          const { affected, fixedIn } = fixInfo(
            record,
            target.ecosystem,
            target.name,
            target.version!,
          );
          return [
            {
              id,
              aliases: record.aliases ?? [],
              summary: record.summary ?? record.details?.slice(0, 160) ?? id,
              ...severityOf(record),
              affected,
              fixedIn,
              url: `https://osv.dev/vulnerability/${id}`,
            },
          ];
        });
        if (vulnerabilities.length === 0) return;
        for (const dep of queryable) {
          if (
            dep.ecosystem === target.ecosystem &&
            dep.name === target.name &&
            dep.version === target.version
          )
            out.push({ dependency: dep, vulnerabilities });
        }
      });
      return out;
    },
  };
}
