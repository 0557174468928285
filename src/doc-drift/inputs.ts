// doc-drift's inputs, parsed once (action inputs override `.github/tend.yml`).
import { booleanInput, enumInput, globsInput, intInput, type InputReader } from '../core/inputs';
import { DEFAULT_DOC_GLOBS } from './analyze';

export const FAIL_ON = ['error', 'warning', 'notice', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface DocDriftOptions {
  /** Globs of the Markdown/MDX docs to check. */
  docs: string[];
  /** Globs of public modules whose exports docs should mention (empty: package entry points). */
  public: string[];
  undocumentedExports: boolean;
  staleDays: number;
  ignore: string[];
  failOn: FailOn;
  createIssue: boolean;
  createPr: boolean;
}

export function parseInputs(reader: InputReader): DocDriftOptions {
  return {
    docs: globsInput(reader, 'docs', DEFAULT_DOC_GLOBS),
    public: globsInput(reader, 'public', []),
    undocumentedExports: booleanInput(reader, 'undocumented-exports', true),
    staleDays: intInput(reader, 'stale-days', { min: 1, max: 3650, fallback: 90 }),
    ignore: globsInput(reader, 'ignore', []),
    failOn: enumInput(reader, 'fail-on', FAIL_ON, 'error'),
    createIssue: booleanInput(reader, 'create-issue', true),
    createPr: booleanInput(reader, 'create-pr', true),
  };
}
