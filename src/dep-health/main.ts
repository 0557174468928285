// dep-health: vulnerabilities, freshness and test-gated updates for a repository's dependencies.
import type { ActionDefinition } from '../core/action-definition';
import type { ActionResult } from '../core/types';
import { parseInputs, type DepHealthOptions } from './inputs';

export const definition: ActionDefinition<DepHealthOptions> = {
  name: 'dep-health',
  parseInputs,
  async run(): Promise<ActionResult> {
    return {
      action: 'dep-health',
      findings: [],
      proposals: [],
      summary: '## dep-health\n\nNot implemented yet.',
      outputs: {},
      partial: ['dep-health analysis is not implemented yet'],
      published: [],
    };
  },
};
