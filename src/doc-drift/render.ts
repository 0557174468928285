// Markdown for the drift issue, the fixes PR and the step summary. Text that comes from the
// repository (commit subjects, link targets) is neutralised: no pings, no closing keywords.
import { neutraliseReferences } from '../core/publish/neutralise';
import { code, details, fileLink, table, type LinkTarget } from '../core/report';
import type { DriftFinding, DriftKind } from './model';
import { DRIFT_KINDS } from './model';

const TITLE: Record<DriftKind, string> = {
  'broken-link': 'broken links',
  'broken-anchor': 'broken anchors',
  'stale-reference': 'stale references',
  'stale-doc': 'stale docs',
  'undocumented-export': 'undocumented exports',
};

export function countByKind(findings: DriftFinding[]): Record<DriftKind, number> {
  const counts = Object.fromEntries(DRIFT_KINDS.map((k) => [k, 0])) as Record<DriftKind, number>;
  for (const f of findings) counts[f.kind] += 1;
  return counts;
}

function countsTable(findings: DriftFinding[]): string {
  const counts = countByKind(findings);
  return table(
    ['kind', 'findings'],
    DRIFT_KINDS.filter((k) => counts[k] > 0).map((k) => [TITLE[k], counts[k]]),
    { align: ['left', 'right'], empty: 'No drift found.' },
  );
}

function findingLine(f: DriftFinding, target: LinkTarget): string {
  const where = fileLink(target, f.file, f.line).text;
  const fix =
    f.fix !== undefined && (f.confidence === 'renamed' || f.confidence === 'case-mismatch')
      ? ` Fix: ${code(f.fix).text}.`
      : '';
  const evidence = f.evidence.map((e) => `  - ${neutraliseReferences(e)}`).join('\n');
  return `- ${where} **${f.kind}**${f.confidence ? ` (${f.confidence})` : ''}: ${neutraliseReferences(f.message)}${fix}\n${evidence}`;
}

/** Findings grouped by file, each group folded when the list is long. */
export function groupedFindings(findings: DriftFinding[], target: LinkTarget): string {
  const groups = new Map<string, DriftFinding[]>();
  for (const f of findings) groups.set(f.file, [...(groups.get(f.file) ?? []), f]);
  const fold = findings.length > 30;
  return [...groups]
    .map(([file, list]) => {
      const body = list.map((f) => findingLine(f, target)).join('\n');
      const title = `${file} (${list.length})`;
      return fold ? details(title, body) : `### ${code(file).text} (${list.length})\n\n${body}\n`;
    })
    .join('\n');
}

export function issueBody(
  findings: DriftFinding[],
  target: LinkTarget,
  notes: string[],
  fixable: number,
): string {
  const lines = [
    `tend found ${findings.length} place(s) where the docs no longer match the code.`,
    fixable > 0
      ? `${fixable} of them have a certain fix in the \`doc-drift\` fixes pull request.`
      : '',
    '',
    countsTable(findings),
    '',
    groupedFindings(findings, target),
  ];
  if (notes.length > 0)
    lines.push(
      '',
      details('Not checked', notes.map((n) => `- ${neutraliseReferences(n)}`).join('\n')),
    );
  lines.push(
    '',
    '_Silence a line with `<!-- tend-ignore-next-line -->`, a block with `<!-- tend-ignore-start -->` ... `<!-- tend-ignore-end -->`, or paths with the `ignore` input. This issue is updated on every run and closed when nothing is left._',
  );
  return lines.filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n');
}

export function pullRequestBody(applied: DriftFinding[], target: LinkTarget): string {
  const rows = applied.map((f) => [
    fileLink(target, f.file, f.line),
    f.kind,
    code(f.target ?? ''),
    code(f.fix ?? ''),
    neutraliseReferences(f.evidence[0] ?? ''),
  ]);
  return [
    `tend fixes ${applied.length} doc reference(s) whose target was renamed; each one is certain from git history or from the file's real letter case. Nothing uncertain is edited.`,
    '',
    table(['where', 'kind', 'was', 'now', 'evidence'], rows),
    '',
    '_This pull request is rebuilt on every run and closed when no certain fix remains._',
  ].join('\n');
}

export function summary(
  findings: DriftFinding[],
  target: LinkTarget,
  notes: string[],
  extra: string[],
): string {
  const shown = findings.slice(0, 50);
  const lines = ['## doc-drift', '', countsTable(findings), ...extra.map((e) => `- ${e}`), ''];
  if (shown.length > 0) lines.push(groupedFindings(shown, target));
  if (findings.length > shown.length)
    lines.push(`\n_${findings.length - shown.length} more finding(s) not shown._`);
  if (notes.length > 0) lines.push('', ...notes.map((n) => `> ${neutraliseReferences(n)}`));
  return lines.join('\n');
}
