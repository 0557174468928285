// dep-health findings from the analysis (pure).
import type { Finding, Severity } from '../core/types';
import type { Freshness } from './freshness';
import type { ParseProblem } from './model';
import type { SeverityLabel } from './sources/cvss';
import type { VulnerableDependency } from './sources/osv';
import type { OutdatedAction, UpdateOutcome } from './render';

const SEVERITY: Record<SeverityLabel, Severity> = {
  critical: 'error',
  high: 'error',
  moderate: 'warning',
  low: 'notice',
  unknown: 'warning',
};

export function buildFindings(input: {
  vulnerable: VulnerableDependency[];
  freshness: Freshness[];
  problems: ParseProblem[];
  unpinnedActions: { file: string; line?: number; uses: string }[];
  outdatedActions: OutdatedAction[];
  outcomes: UpdateOutcome[];
}): Finding[] {
  const findings: Finding[] = [];
  for (const { dependency: d, vulnerabilities } of input.vulnerable) {
    for (const v of vulnerabilities) {
      findings.push({
        id: `vulnerability:${v.id}:${d.ecosystem}:${d.name}@${d.version}:${d.file}`,
        kind: 'vulnerability',
        severity: SEVERITY[v.severity],
        file: d.file,
        line: d.line,
        message: `${d.name}@${d.version} has ${v.severity} vulnerability ${v.id}: ${v.summary}${v.fixedIn ? ` (fixed in ${v.fixedIn})` : ' (no fix yet)'}`,
        evidence: [v.url, ...v.aliases],
        sources: v.sources ?? ['osv'],
        package: d.name,
        ecosystem: d.ecosystem,
        version: d.version,
        advisory: v.id,
        cvss: v.score,
        fixedIn: v.fixedIn,
        direct: d.direct,
      });
    }
  }
  for (const f of input.freshness) {
    const d = f.dependency;
    if (f.deprecated) {
      findings.push({
        id: `deprecated:${d.ecosystem}:${d.name}@${f.current}`,
        kind: 'deprecated',
        severity: 'warning',
        file: d.file,
        line: d.line,
        message: `${d.name}@${f.current} is deprecated: ${f.deprecated}`,
        evidence: [],
        package: d.name,
      });
    }
    if (f.stale) {
      findings.push({
        id: `unmaintained:${d.ecosystem}:${d.name}`,
        kind: 'unmaintained',
        severity: 'notice',
        file: d.file,
        line: d.line,
        message: `${d.name} has had no release since ${f.lastRelease?.slice(0, 10)}`,
        evidence: f.homepage ? [f.homepage] : [],
        package: d.name,
      });
    }
    if (f.latestType === 'major') {
      findings.push({
        id: `outdated-major:${d.ecosystem}:${d.name}`,
        kind: 'outdated-major',
        severity: 'notice',
        file: d.file,
        line: d.line,
        message: `${d.name} ${f.current} is a major version behind ${f.latest}`,
        evidence: f.homepage ? [f.homepage] : [],
        package: d.name,
        latest: f.latest,
        libyears: f.libyears,
      });
    }
  }
  for (const a of input.unpinnedActions) {
    findings.push({
      id: `unpinned-action:${a.file}:${a.uses}`,
      kind: 'unpinned-action',
      severity: 'warning',
      file: a.file,
      line: a.line,
      message: `third-party action ${a.uses} is not pinned to a full commit SHA`,
      evidence: [
        'https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions',
      ],
    });
  }
  for (const a of input.outdatedActions) {
    findings.push({
      id: `outdated-action:${a.file}:${a.uses}:${a.latest}`,
      kind: 'outdated-action',
      severity: 'notice',
      file: a.file,
      line: a.line,
      message: `${a.uses} is on ${a.current}; major version ${a.latest} is out`,
      evidence: [a.releaseUrl],
      current: a.current,
      latest: a.latest,
    });
  }
  for (const p of input.problems) {
    findings.push({
      id: `unreadable:${p.file}`,
      kind: 'unreadable-manifest',
      severity: 'error',
      file: p.file,
      line: p.line,
      message: p.message,
      evidence: [],
    });
  }
  for (const o of input.outcomes) {
    for (const f of o.failed) {
      findings.push({
        id: `update-failed:${f.update.dependency.name}@${f.update.to}`,
        kind: 'update-failed',
        severity: 'warning',
        file: f.update.dependency.file,
        line: f.update.dependency.line,
        message: `updating ${f.update.dependency.name} ${f.update.from} -> ${f.update.to} breaks the tests`,
        evidence: [f.excerpt.split('\n').slice(-5).join('\n')],
        package: f.update.dependency.name,
      });
    }
  }
  return findings;
}
