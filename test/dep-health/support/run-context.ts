// A RunContext for dep-health tests: memory state, recording publisher, fixed clock, offline.
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { memoryLogger, type RunContext } from '../../../src/core/context';
import { createMemoryStateStore } from '../../support/memory-state-store';
import { recordingPublisher } from '../../doc-drift/support/recording-publisher';

export function testContext(workspace: string, now = new Date()) {
  const publisher = recordingPublisher();
  const state = createMemoryStateStore();
  const logger = memoryLogger();
  const ctx: RunContext = {
    action: 'dep-health',
    workspace,
    serverUrl: 'https://github.com',
    defaultBranch: 'main',
    config: DEFAULT_CONFIG,
    state,
    publisher,
    logger,
    clock: { now: () => now },
    dryRun: false,
  };
  return { ctx, publisher, state, logger };
}
