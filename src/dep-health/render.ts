// Markdown for the weekly health issue, the update PRs and the step summary.
import { approvalMarker, type Approval } from './approvals';
import type { Freshness } from './freshness';
import type { ParseProblem } from './model';
import type { SeverityLabel } from './sources/cvss';
import type { VulnerableDependency } from './sources/osv';
import type { PlannedUpdate, UpdatePlan } from './update-plan';

export interface UpdateOutcome {
  group: string;
  passed: PlannedUpdate[];
  failed: { update: PlannedUpdate; excerpt: string }[];
  /** PR link or state, when one was opened. */
  pullRequest?: string;
  /** Why the group was not tried. */
  notTried?: string;
}

/** A workflow `uses:` reference with a newer major release of the action. */
export interface OutdatedAction {
  file: string;
  line?: number;
  uses: string;
  current: string;
  latest: string;
  releaseUrl: string;
}

export interface HealthReport {
  score: number;
  previousScore?: number;
  vulnerable: VulnerableDependency[];
  freshness: Freshness[];
  plan: UpdatePlan;
  outcomes: UpdateOutcome[];
  problems: ParseProblem[];
  partial: string[];
  notes: string[];
  unpinnedActions: { file: string; line?: number; uses: string }[];
  outdatedActions: OutdatedAction[];
  /** Approved majors on record (the boxes stay ticked). */
  approvals: Approval[];
  dependencyCount: { direct: number; transitive: number };
}

export const SEVERITIES: SeverityLabel[] = ['critical', 'high', 'moderate', 'low', 'unknown'];

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
const where = (file: string, line?: number) => `${file}${line ? `:${line}` : ''}`;

export function severityCounts(vulnerable: VulnerableDependency[]): Record<SeverityLabel, number> {
  const counts: Record<SeverityLabel, number> = {
    critical: 0,
    high: 0,
    moderate: 0,
    low: 0,
    unknown: 0,
  };
  const seen = new Set<string>();
  for (const { dependency, vulnerabilities } of vulnerable) {
    for (const v of vulnerabilities) {
      const key = `${v.id}|${dependency.ecosystem}|${dependency.name}|${dependency.version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      counts[v.severity]++;
    }
  }
  return counts;
}

function updateLine(u: PlannedUpdate): string {
  const notes = u.security ? ` — fixes ${u.fixes.join(', ')}` : '';
  return `${code(u.dependency.name)} ${u.from} → **${u.to}** (${u.type}${u.releaseUrl ? `, [release notes](${u.releaseUrl})` : ''})${notes}`;
}

/** Unreadable files and unreachable sources, each once. */
function couldNotCheck(report: Pick<HealthReport, 'partial' | 'problems'>): string[] {
  return [...new Set([...report.problems.map((p) => p.message), ...report.partial])];
}

/** A score computed without some of its sources is marked as such, never shown as if complete. */
export function partialMark(report: Pick<HealthReport, 'partial' | 'problems'>): string {
  return report.partial.length > 0 || report.problems.length > 0
    ? ' (partial: see "Could not check")'
    : '';
}

export function issueBody(report: HealthReport): string {
  const counts = severityCounts(report.vulnerable);
  const trend = report.previousScore !== undefined ? ` (last run ${report.previousScore})` : '';
  const lines: string[] = [
    `**Health score: ${report.score}/100**${trend}${partialMark(report)} · ${report.dependencyCount.direct} direct and ${report.dependencyCount.transitive} transitive dependencies`,
    '',
    `Vulnerabilities: ${
      SEVERITIES.filter((s) => counts[s] > 0)
        .map((s) => `${counts[s]} ${s}`)
        .join(', ') || 'none known'
    }`,
    '',
  ];
  const majors = report.plan.majors;
  const approvedMajors = report.plan.groups.flatMap((g) => g.updates.filter((u) => u.approvedBy));
  if (majors.length > 0 || approvedMajors.length > 0) {
    lines.push(
      '### Major updates awaiting approval',
      '',
      'Tick a box to approve (write access needed); tend then tests that update on its next run and proposes it like the others.',
      '',
    );
    const key = (u: PlannedUpdate) => `${u.dependency.ecosystem}:${u.dependency.name}@${u.to}`;
    for (const u of approvedMajors)
      lines.push(`- [x] ${updateLine(u)} — approved by @${u.approvedBy} ${approvalMarker(key(u))}`);
    for (const u of majors) lines.push(`- [ ] ${updateLine(u)} ${approvalMarker(key(u))}`);
    lines.push('');
  }
  const applied = report.outcomes.filter((o) => o.passed.length > 0);
  const failed = report.outcomes.flatMap((o) => o.failed.map((f) => ({ ...f, group: o.group })));
  if (applied.length > 0 || failed.length > 0 || report.outcomes.some((o) => o.notTried)) {
    lines.push('### Updates tested this week', '');
    for (const o of applied)
      lines.push(
        `- ✅ group ${code(o.group)}: ${o.passed.length} update(s), tests passed${o.pullRequest ? ` — ${o.pullRequest}` : ''}`,
      );
    for (const o of report.outcomes.filter((x) => x.notTried))
      lines.push(`- ⏸ group ${code(o.group)}: ${o.notTried}`);
    for (const f of failed) {
      lines.push(
        `- ❌ ${updateLine(f.update)} breaks the tests (group ${code(f.group)}); no pull request`,
      );
      lines.push(
        '',
        '<details><summary>test output</summary>',
        '',
        '```',
        f.excerpt.replace(/```/g, "'''"),
        '```',
        '',
        '</details>',
        '',
      );
    }
    lines.push('');
  }
  if (report.vulnerable.length > 0) {
    lines.push(
      '### Vulnerabilities',
      '',
      '| severity | package | installed | advisory | fixed in | where |',
      '|---|---|---|---|---|---|',
    );
    const rows = report.vulnerable.flatMap(({ dependency, vulnerabilities }) =>
      vulnerabilities.map((v) => ({ v, dependency })),
    );
    rows.sort((a, b) => SEVERITIES.indexOf(a.v.severity) - SEVERITIES.indexOf(b.v.severity));
    for (const { v, dependency } of rows.slice(0, 100)) {
      const ids = [v.id, ...v.aliases.filter((a) => /^(CVE|GHSA)-/.test(a))].slice(0, 3).join(', ');
      lines.push(
        `| ${v.severity}${v.score !== undefined ? ` (${v.score})` : ''} | ${code(dependency.name)}${dependency.direct ? '' : ' (transitive)'} | ${dependency.version} | [${ids}](${v.url}) | ${v.fixedIn ?? 'no fix yet'} | ${where(dependency.file, dependency.line)} |`,
      );
    }
    if (rows.length > 100) lines.push('', `…and ${rows.length - 100} more.`);
    lines.push('');
  }
  const stale = report.freshness.filter(
    (f) => f.deprecated || f.stale || f.latestType === 'major' || f.releasesBehind > 0,
  );
  if (stale.length > 0) {
    lines.push(
      '<details><summary>Freshness: ' +
        `${stale.length} dependencies behind, deprecated or unmaintained` +
        '</summary>',
      '',
      '| package | current | in range | latest | behind | libyears | note |',
      '|---|---|---|---|---|---|---|',
    );
    for (const f of stale.sort((a, b) => (b.libyears ?? 0) - (a.libyears ?? 0)).slice(0, 150)) {
      const note = [
        f.deprecated ? `deprecated: ${f.deprecated.slice(0, 80)}` : '',
        f.stale ? `no release since ${f.lastRelease?.slice(0, 10)}` : '',
      ]
        .filter(Boolean)
        .join('; ');
      lines.push(
        `| ${code(f.dependency.name)} | ${f.current ?? '?'} | ${f.latestInRange ?? ''} | ${f.latest ?? '?'} | ${f.releasesBehind} | ${f.libyears ?? ''} | ${note.replace(/\|/g, '/')} |`,
      );
    }
    lines.push('', '</details>', '');
  }
  if (report.outdatedActions.length > 0) {
    lines.push('### Actions with a newer major release', '');
    for (const a of report.outdatedActions)
      lines.push(
        `- ${code(a.uses)} in ${where(a.file, a.line)}: ${a.current} → **${a.latest}** ([releases](${a.releaseUrl}))`,
      );
    lines.push(
      '',
      'Workflow files are not changed by tend (the workflow token may not push them); update these by hand after reading the release notes.',
      '',
    );
  }
  if (report.unpinnedActions.length > 0) {
    lines.push('### Third-party actions not pinned to a commit SHA', '');
    for (const a of report.unpinnedActions)
      lines.push(`- ${code(a.uses)} in ${where(a.file, a.line)}`);
    lines.push('');
  }
  const skipped = report.plan.skipped;
  if (skipped.length > 0 || report.plan.unfixable.length > 0) {
    lines.push('<details><summary>Held back</summary>', '');
    for (const s of skipped.slice(0, 50))
      lines.push(`- ${code(s.dependency.name)} ${s.to}: ${s.reason}`);
    for (const u of report.plan.unfixable.slice(0, 50))
      lines.push(
        `- ${code(u.dependency.name)} ${u.dependency.version}: ${u.ids.join(', ')} — ${u.reason}`,
      );
    lines.push('', '</details>', '');
  }
  if (report.notes.length > 0) {
    lines.push('<details><summary>Notes</summary>', '');
    for (const n of report.notes) lines.push(`- ${n}`);
    lines.push('', '</details>', '');
  }
  if (report.problems.length > 0 || report.partial.length > 0) {
    lines.push('### Could not check', '');
    for (const p of couldNotCheck(report)) lines.push(`- ${p}`);
    lines.push('');
  }
  return lines.join('\n');
}

export function pullRequestBody(
  group: string,
  updates: PlannedUpdate[],
  testCommand: string,
  tool: string,
): string {
  return [
    `Updates in group ${code(group)}, applied with ${tool} in a clean copy of the repository; ${code(testCommand)} passed with them.`,
    '',
    ...updates.map((u) => `- ${updateLine(u)}`),
    '',
    'Closing this pull request without merging tells tend not to propose these versions again.',
  ].join('\n');
}

export function summary(report: HealthReport): string {
  const counts = severityCounts(report.vulnerable);
  return [
    '## dep-health',
    '',
    `Health score **${report.score}/100**${partialMark(report)}; vulnerabilities: ${
      SEVERITIES.filter((s) => counts[s] > 0)
        .map((s) => `${counts[s]} ${s}`)
        .join(', ') || 'none known'
    }.`,
    `${report.plan.groups.length} update group(s) planned, ${report.outcomes.filter((o) => o.passed.length > 0).length} passed the tests, ${report.outcomes.reduce((n, o) => n + o.failed.length, 0)} update(s) failed them; ${report.plan.majors.length} major update(s) await approval.`,
    ...couldNotCheck(report).map((p) => `- partial: ${p}`),
    ...report.notes.map((n) => `- ${n}`),
  ].join('\n');
}
