import type { ActionDefinition } from '../core/action-definition';
import type { ActionName } from '../core/types';
import { definition as depHealth } from '../dep-health/main';
import { definition as docDrift } from '../doc-drift/main';
import { definition as reviewMiner } from '../review-miner/main';
import { definition as weeklyReflection } from '../weekly-reflection/main';

/** Every action, in the order `tend all` runs them (weekly-reflection last: it reads the others). */
export const ACTIONS: Record<ActionName, ActionDefinition<unknown>> = {
  'doc-drift': docDrift as ActionDefinition<unknown>,
  'dep-health': depHealth as ActionDefinition<unknown>,
  'review-miner': reviewMiner as ActionDefinition<unknown>,
  'weekly-reflection': weeklyReflection as ActionDefinition<unknown>,
};
