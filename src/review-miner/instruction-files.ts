// When no linter rule fits: a line in the agent instruction file the repository uses, or a
// checklist entry in its PR template.
import type { FileReader } from './detect-linters';
import type { Theme } from './taxonomy';

export const INSTRUCTION_FILES = ['AGENTS.md', 'CLAUDE.md', '.github/copilot-instructions.md'];
export const PR_TEMPLATES = [
  '.github/pull_request_template.md',
  '.github/PULL_REQUEST_TEMPLATE.md',
  'pull_request_template.md',
  'PULL_REQUEST_TEMPLATE.md',
  'docs/pull_request_template.md',
];

export const GUIDANCE: Record<Theme, string> = {
  'type-annotations': 'Annotate every new or changed function with parameter and return types.',
  'error-handling':
    'Handle errors explicitly: catch specific exceptions, never swallow an error silently, and test the failure path.',
  tests:
    'Add or update a test for every behaviour change, including the edge cases reviewers asked about before.',
  naming:
    'Use descriptive names that follow the project conventions; rename what a reader could misread.',
  'docs-comments':
    'Document public functions and keep comments and docs in step with the code they describe.',
  'duplication-extract':
    'Do not copy logic: extract a shared helper when the same code appears twice.',
  'style-formatting': 'Run the project formatter before committing; keep the existing style.',
  'logging-debug':
    'Remove debug prints before committing; use the project logger at the right level.',
  'unused-code': 'Remove unused imports, variables and commented-out code.',
  'magic-values':
    'Name literal values as constants (or configuration) instead of inlining magic numbers and strings.',
  performance:
    'Avoid needless work in loops and hot paths (repeated lookups, quadratic scans, extra allocations).',
  security: 'Treat all input as untrusted: escape or parameterise it, and never commit secrets.',
  'typo-spelling': 'Spell-check identifiers, comments and docs before committing.',
  'api-design':
    'Keep public interfaces small and backward compatible; make behaviour configurable where callers need it.',
  other: 'Address the recurring review feedback listed below before asking for review.',
};

const SECTION = '## Recurring review feedback';

export interface InstructionEdit {
  path: string;
  content: string;
  changed: boolean;
  /** `instructions` (agent file) or `checklist` (PR template). */
  kind: 'instructions' | 'checklist';
}

export function addInstructionLine(
  read: FileReader,
  theme: Theme,
  line: string,
  preferred?: string,
): InstructionEdit {
  const candidates = preferred ? [preferred, ...INSTRUCTION_FILES] : INSTRUCTION_FILES;
  const agentFile = candidates.find((file) => read(file) !== undefined);
  const template = agentFile ? undefined : PR_TEMPLATES.find((file) => read(file) !== undefined);
  const file = agentFile ?? template ?? 'AGENTS.md';
  const kind = template ? 'checklist' : 'instructions';
  const text = read(file) ?? '';
  const marker = `<!-- tend:review-miner:${theme} -->`;
  const entry = kind === 'checklist' ? `- [ ] ${line} ${marker}` : `- ${line} ${marker}`;
  if (text.includes(marker)) {
    const updated = text.replace(
      new RegExp(`^.*${marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*$`, 'm'),
      entry,
    );
    return { path: file, content: updated, changed: updated !== text, kind };
  }
  if (kind === 'checklist') {
    const sep = text === '' || text.endsWith('\n') ? '' : '\n';
    return { path: file, content: `${text}${sep}${entry}\n`, changed: true, kind };
  }
  if (text.includes(SECTION)) {
    const at = text.indexOf(SECTION) + SECTION.length;
    const next = text.indexOf('\n', at);
    const insertAt = next < 0 ? text.length : next + 1;
    const body = text.slice(insertAt);
    const end = body.search(/\n(?=#{1,2} )/);
    const pos = end < 0 ? text.length : insertAt + end;
    const head = text.slice(0, pos).replace(/\n*$/, '\n');
    return { path: file, content: `${head}${entry}\n${text.slice(pos)}`, changed: true, kind };
  }
  const sep = text === '' ? '' : text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
  return { path: file, content: `${text}${sep}${SECTION}\n\n${entry}\n`, changed: true, kind };
}
