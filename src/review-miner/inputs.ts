import { ConfigurationError } from '../core/errors';
import { intInput, listInput, optionalInput, type InputReader } from '../core/inputs';
import { isTheme, THEMES, type Theme } from './taxonomy';

export interface ReviewMinerOptions {
  /** Offline input: a REST review-comments file (`gh api --paginate .../pulls/comments`). */
  commentsFile?: string;
  lookbackDays: number;
  minComments: number;
  minPulls: number;
  minReviewers: number;
  /** Themes that may become proposals (default: every theme but `other`). */
  themes: Theme[];
  maxPulls: number;
  instructionFile?: string;
  llmEndpoint?: string;
  llmModel: string;
  llmToken?: string;
}

export function parseInputs(reader: InputReader): ReviewMinerOptions {
  const themes = listInput(
    reader,
    'themes',
    THEMES.filter((t) => t !== 'other'),
  );
  for (const theme of themes) {
    if (!isTheme(theme)) {
      throw new ConfigurationError(
        `Invalid ${reader.source} \`themes\`: ${JSON.stringify(theme)} is not a theme.`,
        `use themes from: ${THEMES.join(', ')}.`,
      );
    }
  }
  const llmEndpoint = optionalInput(reader, 'llm-endpoint');
  if (llmEndpoint !== undefined && !/^https?:\/\//.test(llmEndpoint)) {
    throw new ConfigurationError(
      `Invalid ${reader.source} \`llm-endpoint\`: ${JSON.stringify(llmEndpoint)}.`,
      'set `llm-endpoint` to the base URL of an OpenAI-compatible API (for example https://models.github.ai/inference).',
    );
  }
  return {
    commentsFile: optionalInput(reader, 'comments'),
    lookbackDays: intInput(reader, 'lookback-days', { min: 1, max: 3650, fallback: 180 }),
    minComments: intInput(reader, 'min-comments', { min: 1, max: 10_000, fallback: 3 }),
    minPulls: intInput(reader, 'min-pulls', { min: 1, max: 10_000, fallback: 2 }),
    minReviewers: intInput(reader, 'min-reviewers', { min: 1, max: 10_000, fallback: 2 }),
    themes: themes as Theme[],
    maxPulls: intInput(reader, 'max-pulls', { min: 1, max: 100_000, fallback: 2000 }),
    instructionFile: optionalInput(reader, 'instruction-file'),
    llmEndpoint,
    llmModel: optionalInput(reader, 'llm-model', 'openai/gpt-4o-mini'),
    llmToken: optionalInput(reader, 'llm-token'),
  };
}
