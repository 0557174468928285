// PLACEHOLDER until the config loader lands: the TendConfig shape is the contract.
import type { ActionName } from './types';

export interface TendConfig {
  /** Repository-relative path the config was loaded from, when there was a file. */
  file?: string;
  /** State branch name (default `tend-state`). */
  stateBranch: string;
  /** Per-action sections; keys are the action's input names (kebab-case). */
  sections: Partial<Record<ActionName, Record<string, unknown>>>;
}

export const DEFAULT_CONFIG: TendConfig = { stateBranch: 'tend-state', sections: {} };
