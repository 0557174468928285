// The documented taxonomy of review feedback themes. Order matters only for display.

export const THEMES = [
  'type-annotations',
  'error-handling',
  'tests',
  'naming',
  'docs-comments',
  'duplication-extract',
  'style-formatting',
  'logging-debug',
  'unused-code',
  'magic-values',
  'performance',
  'security',
  'typo-spelling',
  'api-design',
  'other',
] as const;

export type Theme = (typeof THEMES)[number];

export const THEME_DESCRIPTIONS: Record<Theme, string> = {
  'type-annotations': 'missing or wrong type hints, return types, `any`',
  'error-handling': 'exceptions, error paths, bare `except`, unchecked errors',
  tests: 'missing, weak or flaky tests',
  naming: 'names of variables, functions, files that mislead or break conventions',
  'docs-comments': 'docstrings, comments, README and documentation wording',
  'duplication-extract': 'repeated code that should be extracted or reused',
  'style-formatting': 'formatting, whitespace, import order, formatter runs',
  'logging-debug': 'leftover prints / console.log, log levels, debug output',
  'unused-code': 'unused imports, variables, dead or commented-out code',
  'magic-values': 'unexplained literals that should be named constants or configuration',
  performance: 'complexity, allocations, needless work, caching',
  security: 'injection, secrets, unsafe input handling, permissions',
  'typo-spelling': 'typos and spelling mistakes',
  'api-design': 'public interfaces, parameters, configurability, breaking changes',
  other: 'feedback outside the taxonomy (clustered separately)',
};

export function isTheme(value: string): value is Theme {
  return (THEMES as readonly string[]).includes(value);
}
