// Recurring themes -> one proposal (and one PR) each: skips themes rejected before unless they
// grew markedly, and keeps the open proposals of earlier runs that this run did not re-detect.
import type { RunContext } from '../core/context';
import type { Proposal, PublishOutcome } from '../core/types';
import type { ClassifiedComment } from './analyse-comments';
import { buildThemeProposal, pullRequestBody, themeKey } from './build-theme-proposal';
import { workspaceReader } from './detect-linters';
import { recurs, themeEvidence, type RememberedComment } from './find-recurring-themes';
import type { ReviewMinerOptions } from './inputs';
import { planCheck } from './plan-check';
import { mayProposeAgain, type CommentRecord, type LatestState } from './review-miner-state';
import type { Theme } from './taxonomy';

export interface ThemeProposals {
  proposals: Proposal[];
  published: PublishOutcome[];
  skipped: string[];
  rejected: NonNullable<LatestState['rejected']>;
  proposed: NonNullable<LatestState['proposed']>;
}

export async function proposeThemes(
  ctx: RunContext,
  options: ReviewMinerOptions,
  latest: LatestState,
  classified: ClassifiedComment[],
  remembered: Map<string, CommentRecord>,
): Promise<ThemeProposals> {
  const now = ctx.clock.now();
  const read = workspaceReader(ctx.workspace);
  const repo = ctx.repo ? `${ctx.repo.owner}/${ctx.repo.repo}` : undefined;
  const out: ThemeProposals = {
    proposals: [],
    published: [],
    skipped: [],
    rejected: { ...(latest.rejected ?? {}) },
    proposed: { ...(latest.proposed ?? {}) },
  };
  for (const theme of options.themes) {
    const members = classified.filter((c) => c.theme === theme).map((c) => c.comment);
    const earlier: RememberedComment[] = [...remembered]
      .filter(([, r]) => r.theme === theme)
      .map(([id, r]) => ({ id, ...r }));
    const evidence = themeEvidence(theme, members, earlier);
    if (!recurs(evidence, options)) continue;
    // Nothing new about a theme proposed before: its PR stays as it is (no write on a rerun).
    if (members.length === 0 && out.proposed[theme]) continue;
    if (!mayProposeAgain({ rejected: out.rejected }, theme, evidence.count)) {
      out.skipped.push(
        `${theme}: rejected before at ${out.rejected[theme]?.count} comments; now ${evidence.count}`,
      );
      continue;
    }
    const plan = planCheck(theme as Theme, read, evidence.pulls, options.instructionFile);
    if (plan.kind === 'none') {
      out.skipped.push(`${theme}: ${plan.summary}`);
      continue;
    }
    const proposal = buildThemeProposal(theme, theme, evidence, plan, {
      serverUrl: ctx.serverUrl,
      repo,
      now,
    });
    // A theme rejected once and grown markedly since gets a fresh key (the old PR stays closed).
    if (out.rejected[theme]) proposal.key = `${themeKey(theme)}-regrown-${evidence.count}`;
    const outcome = await ctx.publisher.upsertPullRequest({
      key: proposal.key,
      title: proposal.title,
      body: pullRequestBody(proposal, plan),
      labels: ['tend:proposal'],
      changes: plan.changes,
      commitMessage: `review-miner: ${plan.summary.replace(/`/g, '')}`,
    });
    out.published.push(outcome);
    if (outcome.status === 'rejected') {
      out.rejected[theme] = {
        count: out.proposed[theme]?.count ?? evidence.count,
        at: now.toISOString(),
        pull: outcome.number,
      };
      proposal.status = 'rejected';
    } else out.proposed[theme] = { count: evidence.count, key: proposal.key };
    out.proposals.push(proposal);
  }
  return out;
}
