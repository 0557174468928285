// A proposal whose pull request (branch `tend/<action>/<key>`) was merged is implemented: the
// lifecycle moves to accepted (when it was still proposed or deferred) and then implemented,
// dated at the merge so experiments split the weeks at the right place.
import { transitionProposal, type ProposalsFile } from '../../core/proposals';
import type { PullRequestRecord } from '../metrics/pull-request-record';

export function markImplemented(
  registry: ProposalsFile,
  pulls: PullRequestRecord[],
): { registry: ProposalsFile; implemented: string[] } {
  const merged = new Map(
    pulls
      .filter((p) => p.mergedAt && p.headRefName?.startsWith('tend/'))
      .map((p) => [p.headRefName as string, p]),
  );
  let file = registry;
  const implemented: string[] = [];
  for (const proposal of Object.values(registry.proposals)) {
    if (!['proposed', 'deferred', 'accepted'].includes(proposal.status)) continue;
    const pr = merged.get(`tend/${proposal.action}/${proposal.key}`);
    if (!pr) continue;
    const at = pr.mergedAt as string;
    if (proposal.status !== 'accepted') {
      file = transitionProposal(file, proposal.id, 'accepted', {
        by: 'tend',
        at,
        reason: `pull request #${pr.number} merged`,
      }).file;
    }
    file = transitionProposal(file, proposal.id, 'implemented', {
      by: 'tend',
      at,
      reason: `pull request #${pr.number} merged`,
    }).file;
    implemented.push(proposal.id);
  }
  return { registry: file, implemented };
}
