/**
 * tend's state store: JSON files on a dedicated branch, one atomic commit per update, with a
 * GitHub backend (Git Data API) and a local git backend (plumbing) behind the same contract.
 */
export type { StateBackend, StateCommit, StateStore, StateTransaction } from './state-store';
export { createStateStore, type StateStoreOptions } from './create-state-store';
export {
  StateSchemas,
  defaultStateSchemas,
  registerStateSchema,
  type StateData,
  type StateFileSchema,
  type StateMigration,
} from './schemas';
export { createLocalGitStateBackend } from './local-git-backend';
export { createGitHubStateBackend } from './github-backend';
