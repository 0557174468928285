import type { Logger } from './context';
import type { StateBackend } from './state/state-store';

/**
 * A state backend that reads the real branch but never writes: commits are computed and
 * discarded, so a dry run shows what would change without touching the branch.
 */
export function dryRunBackend(inner: StateBackend, logger: Logger): StateBackend {
  let counter = 0;
  return {
    description: `${inner.description} (dry run: nothing written)`,
    head: () => inner.head(),
    listFiles: (tree) => inner.listFiles(tree),
    readBlob: (blob) => inner.readBlob(blob),
    async commit(_parent, _baseTree, changes) {
      counter += 1;
      logger.info(
        `dry run: state commit with ${changes.size} file(s) not written: ${[...changes.keys()].join(', ')}`,
      );
      return `dry-run-${counter}`.padEnd(40, '0');
    },
    async swap() {
      return true;
    },
  };
}
