// tend's labels: `tend`, `tend:<action>` and any extra label an action asks for, created
// when missing (listed once per run, cached).

import type { Logger, RepoRef } from '../context';
import type { GitHubClient } from '../github-client';
import { errorStatus } from './github-errors';

/** The labels an item of `action` carries: `tend`, `tend:<action>`, then the extras (deduplicated). */
export function labelsFor(action: string, extra: string[] = []): string[] {
  const all = [
    'tend',
    `tend:${action}`,
    ...extra.map((label) => label.trim()).filter((label) => label !== ''),
  ];
  const seen = new Set<string>();
  return all.filter((label) => {
    const folded = label.toLowerCase();
    if (seen.has(folded)) return false;
    seen.add(folded);
    return true;
  });
}

/** Colour and description for a label tend creates. */
export function labelStyle(name: string): { color: string; description: string } {
  if (name === 'tend')
    return { color: '5319e7', description: 'Opened and kept up to date by tend' };
  if (name === 'tend:proposal')
    return { color: 'fbca04', description: 'A tend proposal: accept, reject or defer it' };
  if (name.startsWith('tend:')) {
    return {
      color: '1d76db',
      description: `Opened by tend's ${name.slice('tend:'.length)} action`.slice(0, 100),
    };
  }
  return { color: 'ededed', description: 'Label used by tend' };
}

export interface LabelManager {
  /** Creates each label that does not exist yet; the repository's labels are listed once. */
  ensure(names: string[]): Promise<void>;
}

export function createLabelManager(
  client: GitHubClient,
  repo: RepoRef,
  logger: Logger,
): LabelManager {
  let known: Promise<Set<string>> | undefined;

  async function list(): Promise<Set<string>> {
    const labels = await client.paginate(client.rest.issues.listLabelsForRepo, {
      ...repo,
      per_page: 100,
    });
    return new Set(labels.map((label) => label.name.toLowerCase()));
  }

  return {
    async ensure(names: string[]): Promise<void> {
      known ??= list();
      const existing = await known;
      for (const name of names) {
        if (existing.has(name.toLowerCase())) continue;
        try {
          await client.rest.issues.createLabel({ ...repo, name, ...labelStyle(name) });
          logger.info(`Created label "${name}".`);
        } catch (error) {
          // A concurrent run created it first: that is fine.
          if (errorStatus(error) !== 422) throw error;
        }
        existing.add(name.toLowerCase());
      }
    },
  };
}
