// Maps a recurring theme to the strongest check the repository can take: a rule in its own
// linter config first, an instruction or checklist line otherwise.
import type { FileChange } from '../core/types';
import { detectLinters, type FileReader, type LinterConfig } from './detect-linters';
import { addEslintRule } from './edit-eslint-config';
import { enableGolangciLinter } from './edit-golangci-config';
import { addRuffCodes } from './edit-ruff-config';
import { addInstructionLine, GUIDANCE } from './instruction-files';
import type { Theme } from './taxonomy';
import { ESLINT_RULES, GOLANGCI_RULES, RUFF_RULES } from './theme-rules';

export interface CheckPlan {
  kind: 'linter' | 'instructions' | 'checklist' | 'none';
  /** One line: what the change does. */
  summary: string;
  changes: FileChange[];
  /** Linter rules enabled (for the PR body). */
  rules: string[];
  notes: string[];
}

function linterPlan(theme: Theme, config: LinterConfig): CheckPlan | string {
  if (config.kind === 'ruff') {
    const rule = RUFF_RULES[theme];
    if (!rule) return `ruff has no rule for ${theme}`;
    const edit = addRuffCodes(config.text, rule.select, config.file);
    if (!edit.changed) return `ruff already selects ${rule.select.join(', ')} in ${config.file}`;
    return {
      kind: 'linter',
      summary: `enable ruff ${rule.label} in \`${config.file}\``,
      changes: [{ path: config.file, content: edit.text }],
      rules: edit.added.map((code) => `ruff ${code}`),
      notes: [],
    };
  }
  if (config.kind === 'eslint') {
    const rule = ESLINT_RULES[theme];
    if (!rule) return `ESLint has no rule for ${theme}`;
    const edit = addEslintRule(config, rule);
    if (!edit.changed) return `ESLint: ${edit.reason ?? 'no change'} (${config.file})`;
    return {
      kind: 'linter',
      summary: `enable the ESLint rule \`${rule.rule}\` in \`${config.file}\``,
      changes: [{ path: config.file, content: edit.text }],
      rules: [`eslint ${rule.rule}`],
      notes: [],
    };
  }
  if (config.kind === 'golangci-lint' && config.format === 'yaml') {
    const rule = GOLANGCI_RULES[theme];
    if (!rule) return `golangci-lint has no linter for ${theme}`;
    const edit = enableGolangciLinter(config.text, rule.linter);
    if (!edit.changed) return `golangci-lint already enables ${rule.linter}`;
    return {
      kind: 'linter',
      summary: `enable golangci-lint's \`${rule.linter}\` in \`${config.file}\``,
      changes: [{ path: config.file, content: edit.text }],
      rules: [`golangci-lint ${rule.linter}`],
      notes: [],
    };
  }
  return `${config.kind} (${config.file}) is detected but tend does not edit it yet`;
}

export function planCheck(
  theme: Theme,
  read: FileReader,
  sourcePulls: number[],
  instructionFile?: string,
): CheckPlan {
  const notes: string[] = [];
  const plans: CheckPlan[] = [];
  for (const config of detectLinters(read)) {
    const plan = linterPlan(theme, config);
    if (typeof plan === 'string') notes.push(plan);
    else plans.push(plan);
  }
  if (plans.length > 0) {
    return {
      kind: 'linter',
      summary: plans.map((p) => p.summary).join('; '),
      changes: plans.flatMap((p) => p.changes),
      rules: plans.flatMap((p) => p.rules),
      notes,
    };
  }
  const cited = sourcePulls
    .slice(0, 8)
    .map((n) => `#${n}`)
    .join(', ');
  const line = `${GUIDANCE[theme]}${cited ? ` (recurring review feedback in ${cited})` : ''}`;
  const edit = addInstructionLine(read, theme, line, instructionFile);
  if (!edit.changed)
    return {
      kind: 'none',
      summary: `\`${edit.path}\` already carries this guidance`,
      changes: [],
      rules: [],
      notes,
    };
  return {
    kind: edit.kind,
    summary:
      edit.kind === 'checklist'
        ? `add a checklist entry to \`${edit.path}\``
        : `add a line to \`${edit.path}\` (the instructions agents and contributors read)`,
    changes: [{ path: edit.path, content: edit.content }],
    rules: [],
    notes,
  };
}
