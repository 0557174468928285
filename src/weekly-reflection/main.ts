// weekly-reflection: the weekly metacognitive loop. A scheduled run measures the week and
// publishes the report; an `issues: edited` or `issue_comment` event applies decisions.
import type { ActionDefinition } from '../core/action-definition';
import { handleDecisionEvent } from './validate/handle-decision-event';
import { parseInputs, type WeeklyReflectionOptions } from './inputs';
import { runWeekly } from './weekly-run';

export const definition: ActionDefinition<WeeklyReflectionOptions> = {
  name: 'weekly-reflection',
  parseInputs,
  async run(ctx, options) {
    const event = ctx.event;
    if (event && (event.name === 'issues' || event.name === 'issue_comment')) {
      return handleDecisionEvent(ctx, event.name, event.payload);
    }
    return runWeekly(ctx, options);
  },
};
