// The weekly run: gather (traces, GitHub, state) -> measure -> detect patterns -> record
// state in one commit -> publish the report (and escalations) -> result.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunContext } from '../core/context';
import { addWeeks } from '../core/iso-week';
import { renderProposal } from '../core/proposals';
import type { ActionResult, PublishOutcome } from '../core/types';
import { INSTRUCTION_FILES, pickInstructionFile } from './analysis/instruction-file';
import { computeWeek, type Gathered, type WeekOutcome } from './compute-week';
import { readGitHub } from './gather/read-github';
import type { WeeklyReflectionOptions } from './inputs';
import { lastCompleteWeek, weekWindow } from './metrics/week-window';
import { renderReport } from './report/render-report';
import { analyseTraces, type TraceAnalysis } from './traces/analyse-traces';
import { loadTraces } from './traces/load-traces';

async function readInstructionFiles(
  workspace: string,
): Promise<Record<string, string | undefined>> {
  const out: Record<string, string | undefined> = {};
  for (const file of INSTRUCTION_FILES)
    out[file] = await readFile(path.join(workspace, file), 'utf8').catch(() => undefined);
  return out;
}

export function reportKey(week: string): string {
  return `report-${week.toLowerCase()}`;
}

export async function runWeekly(
  ctx: RunContext,
  options: WeeklyReflectionOptions,
): Promise<ActionResult> {
  const now = ctx.clock.now();
  const week = options.week ?? lastCompleteWeek(now);
  const window = weekWindow(week);
  const notes: string[] = [];
  const partial: string[] = [];

  // Gather.
  let traces: TraceAnalysis | undefined;
  if (options.traces.length > 0) {
    const loaded = await loadTraces(ctx.workspace, options.traces);
    traces = analyseTraces(loaded.files);
    for (const problem of loaded.unreadable) partial.push(`trace ${problem}`);
    if (traces.totals.unrecognisedFiles.length)
      notes.push(
        `${traces.totals.unrecognisedFiles.length} trace file(s) matched no known format and were skipped.`,
      );
    if (traces.totals.malformedLines)
      notes.push(`${traces.totals.malformedLines} malformed trace line(s) were skipped.`);
  }
  const github = await readGitHub(ctx, window, options.maxPullRequests);
  partial.push(...github.partial);
  notes.push(...github.notes);
  const gathered: Gathered = {
    window,
    now,
    options,
    defaultBranch: ctx.defaultBranch,
    ...(traces ? { traces } : {}),
    github,
    instructionFile: pickInstructionFile(await readInstructionFiles(ctx.workspace)),
    partial,
  };

  // Measure, detect, record: one state transaction, one commit.
  let outcome: WeekOutcome | undefined;
  await ctx.state.update(`weekly-reflection: report for ${week}`, (tx) => {
    outcome = computeWeek(tx, gathered);
  });
  const {
    proposals: recorded,
    registry: registryAfter,
    snapshot: snap,
    trend,
    experiments,
    implemented,
    findings,
  } = outcome as WeekOutcome;
  const metrics = snap.metrics;

  // Report.
  const all = Object.values(registryAfter.proposals);
  const newIds = new Set(snap.newProposals ?? []);
  const newProposals = all
    .filter((p) => newIds.has(p.id))
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  const earlier = all
    .filter((p) => !newIds.has(p.id) && p.status !== 'withdrawn')
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  const experimentList = Object.values(experiments.experiments).sort((a, b) =>
    a.proposalId.localeCompare(b.proposalId, 'en', { numeric: true }),
  );
  if (implemented.length)
    notes.push(`Implemented (pull request merged): ${implemented.join(', ')}.`);
  const body = renderReport({
    week,
    snapshot: snap,
    history: trend,
    newProposals,
    earlierProposals: earlier,
    experiments: experimentList,
    sessions: traces?.sessions ?? [],
    findings,
    notes,
  });
  const published: PublishOutcome[] = [];
  if (options.report) {
    const report = await ctx.publisher.upsertIssue({
      key: reportKey(week),
      title: `tend weekly report: ${week}`,
      body,
      labels: ['tend:report'],
    });
    published.push(report);
    const previous = await ctx.publisher.closeIssue(
      reportKey(addWeeks(week, -1)),
      `Superseded by the report for ${week}${report.url ? `: ${report.url}` : report.number ? `: #${report.number}` : ''}.`,
    );
    if (previous.status !== 'absent') published.push(previous);
    for (const p of recorded.filter((x) => x.escalate && x.status === 'proposed')) {
      published.push(
        await ctx.publisher.upsertIssue({
          key: `escalation-${p.key}`,
          title: `Escalation: ${p.title}`,
          body: renderProposal(p),
          labels: ['tend:escalation', 'tend:proposal'],
        }),
      );
    }
  }
  const reportOutcome = published[0];
  return {
    action: 'weekly-reflection',
    findings,
    proposals: recorded,
    summary: body,
    outputs: {
      week,
      'report-issue': reportOutcome?.number !== undefined ? String(reportOutcome.number) : '',
      'report-url': reportOutcome?.url ?? reportOutcome?.path ?? '',
      proposals: String(recorded.length),
      'first-submission-approval-rate':
        metrics['first-submission-approval-rate'] == null
          ? ''
          : String(metrics['first-submission-approval-rate']),
      'rework-rate': metrics['rework-rate'] == null ? '' : String(metrics['rework-rate']),
      'wasted-tokens': String(traces?.totals.wastedTokens ?? 0),
      inefficiencies: String(findings.length),
    },
    partial,
    published,
    extra: {
      week,
      sessions: traces?.sessions ?? [],
      traceTotals: traces?.totals ?? null,
      metrics,
      experiments: experimentList,
    },
  };
}
