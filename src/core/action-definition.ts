import type { RunContext } from './context';
import type { InputReader } from './inputs';
import type { ActionName, ActionResult } from './types';

/**
 * One tend action: how it reads its inputs and what it does. The runner wrapper
 * (GitHub Actions) and the CLI both drive an action through this shape.
 */
export interface ActionDefinition<Options> {
  name: ActionName;
  /** Parses inputs once; errors are ConfigurationErrors naming the input. */
  parseInputs(reader: InputReader): Options;
  run(ctx: RunContext, options: Options): Promise<ActionResult>;
}
