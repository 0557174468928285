// The strongest automated check per theme, per linter. Themes without a rule fall back to an
// instruction line for agents / a checklist entry.
import type { Theme } from './taxonomy';

export type LinterKind = 'ruff' | 'eslint' | 'golangci-lint' | 'biome';

export interface RuffRule {
  /** Codes added to `select` / `extend-select` (a prefix selects a family). */
  select: string[];
  label: string;
}

export interface EslintRule {
  rule: string;
  value: string;
  /** The rule comes from a plugin that the config must already load. */
  plugin?: string;
}

export interface GolangciRule {
  linter: string;
}

export interface BiomeRule {
  group: string;
  rule: string;
}

export const RUFF_RULES: Partial<Record<Theme, RuffRule>> = {
  'type-annotations': { select: ['ANN'], label: 'flake8-annotations (`ANN`)' },
  'logging-debug': { select: ['T20'], label: 'flake8-print (`T20`)' },
  'unused-code': {
    select: ['F401', 'F841'],
    label: 'unused imports and variables (`F401`, `F841`)',
  },
  'magic-values': { select: ['PLR2004'], label: 'magic value comparison (`PLR2004`)' },
  naming: { select: ['N'], label: 'pep8-naming (`N`)' },
  'error-handling': {
    select: ['E722', 'BLE'],
    label: 'bare except / blind except (`E722`, `BLE`)',
  },
  'docs-comments': { select: ['D'], label: 'pydocstyle (`D`)' },
  security: { select: ['S'], label: 'flake8-bandit (`S`)' },
  'style-formatting': { select: ['E', 'W', 'I'], label: 'pycodestyle and isort (`E`, `W`, `I`)' },
  performance: { select: ['PERF'], label: 'Perflint (`PERF`)' },
};

export const ESLINT_RULES: Partial<Record<Theme, EslintRule>> = {
  'type-annotations': {
    rule: '@typescript-eslint/explicit-function-return-type',
    value: "'error'",
    plugin: '@typescript-eslint',
  },
  'logging-debug': { rule: 'no-console', value: "'error'" },
  'unused-code': { rule: 'no-unused-vars', value: "'error'" },
  'magic-values': { rule: 'no-magic-numbers', value: "['error', { ignore: [0, 1, -1] }]" },
  naming: {
    rule: '@typescript-eslint/naming-convention',
    value: "'error'",
    plugin: '@typescript-eslint',
  },
  'error-handling': { rule: 'no-empty', value: "'error'" },
  security: { rule: 'no-eval', value: "'error'" },
  'duplication-extract': { rule: 'no-dupe-else-if', value: "'error'" },
};

export const GOLANGCI_RULES: Partial<Record<Theme, GolangciRule>> = {
  'error-handling': { linter: 'errcheck' },
  'unused-code': { linter: 'unused' },
  'magic-values': { linter: 'mnd' },
  'logging-debug': { linter: 'forbidigo' },
  'docs-comments': { linter: 'godot' },
  security: { linter: 'gosec' },
  'typo-spelling': { linter: 'misspell' },
  'duplication-extract': { linter: 'dupl' },
};

export const BIOME_RULES: Partial<Record<Theme, BiomeRule>> = {
  'logging-debug': { group: 'suspicious', rule: 'noConsole' },
  'unused-code': { group: 'correctness', rule: 'noUnusedVariables' },
  'type-annotations': { group: 'nursery', rule: 'useExplicitType' },
  naming: { group: 'style', rule: 'useNamingConvention' },
};
