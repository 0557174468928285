// The GitHub API emulator tests use instead of GitHub: a real HTTP server on 127.0.0.1 whose
// REST traffic is checked against GitHub's OpenAPI description. See README.md.
import { FaultInjector, type FaultSpec } from './faults';
import { EmulatorServer, type RequestLogEntry } from './server';
import { EmulatorStore } from './store';

export type { FaultKind, FaultSpec } from './faults';
export type { RequestLogEntry } from './server';
export { EmulatorStore } from './store';

export interface EmulatorOptions {
  owner?: string;
  repo?: string;
  defaultBranch?: string;
  /** Login the token belongs to (default github-actions[bot]). */
  viewer?: string;
  /** When false, OpenAPI violations are only recorded and `close()` resolves anyway (default true). */
  strict?: boolean;
  /** Seed of the fault injector's random source (default 1). */
  seed?: number;
  /** Clock for records created without an explicit date. */
  now?: () => Date;
}

export interface Emulator {
  /** REST base URL; GraphQL is POST `${url}/graphql`. */
  readonly url: string;
  /** A token the server accepts. */
  readonly token: string;
  readonly requests: RequestLogEntry[];
  resetLog(): void;
  readonly faults: { add(fault: FaultSpec): void; clear(): void };
  readonly store: EmulatorStore;
  /** OpenAPI (and GraphQL schema) violations recorded so far. */
  readonly violations: string[];
  /** Stops the server; rejects listing every violation when strict (the default). */
  close(): Promise<void>;
}

export class EmulatorViolationError extends Error {
  constructor(readonly violations: string[]) {
    super(
      `The GitHub API emulator saw ${violations.length} request(s) or response(s) that GitHub's API description does not allow:\n` +
        violations.map((v) => `  - ${v}`).join('\n'),
    );
    this.name = 'EmulatorViolationError';
  }
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const store = new EmulatorStore(options);
  const token = `ghs_emulator${Math.random().toString(36).slice(2, 12)}`;
  const faults = new FaultInjector(options.seed ?? 1, String(store.user(store.viewer).id));
  const requests: RequestLogEntry[] = [];
  const violations: string[] = [];
  const server = new EmulatorServer({ store, token, faults, requests, violations });
  const url = await server.listen();
  let closed = false;
  return {
    url,
    token,
    requests,
    resetLog: () => {
      requests.length = 0;
    },
    faults: { add: (fault) => faults.add(fault), clear: () => faults.clear() },
    store,
    violations,
    close: async () => {
      if (!closed) {
        closed = true;
        await server.close();
      }
      if (options.strict !== false && violations.length > 0)
        throw new EmulatorViolationError([...violations]);
    },
  };
}
