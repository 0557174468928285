import { addEslintRule } from '../../src/review-miner/edit-eslint-config';
import { enableGolangciLinter } from '../../src/review-miner/edit-golangci-config';
import { addRuffCodes } from '../../src/review-miner/edit-ruff-config';
import { ESLINT_RULES } from '../../src/review-miner/theme-rules';

const noConsole = ESLINT_RULES['logging-debug']!;

describe('ruff config edits', () => {
  it('appends to a multi-line select array and keeps comments and layout', () => {
    const text =
      '[tool.ruff]\nline-length = 100\n\n[tool.ruff.lint]\n# house rules\nselect = [\n    "E",  # pycodestyle\n    "F"\n]\n';
    const edit = addRuffCodes(text, ['T20'], 'pyproject.toml');
    expect(edit.text).toBe(
      '[tool.ruff]\nline-length = 100\n\n[tool.ruff.lint]\n# house rules\nselect = [\n    "E",  # pycodestyle\n    "F",\n    "T20",\n]\n',
    );
  });

  it('appends to a one-line extend-select array', () => {
    const edit = addRuffCodes('[lint]\nextend-select = ["I"]\n', ['ANN'], 'ruff.toml');
    expect(edit.text).toBe('[lint]\nextend-select = ["I", "ANN"]\n');
  });

  it('adds a lint table when the config selects nothing yet', () => {
    const edit = addRuffCodes('[tool.ruff]\nline-length = 88\n', ['N'], 'pyproject.toml');
    expect(edit.text).toBe(
      '[tool.ruff]\nline-length = 88\n\n[tool.ruff.lint]\nextend-select = ["N"]\n',
    );
  });

  it('changes nothing when a prefix or ALL already selects the code', () => {
    expect(addRuffCodes('[lint]\nselect = ["PL"]\n', ['PLR2004'], 'ruff.toml').changed).toBe(false);
    expect(addRuffCodes('select = ["ALL"]\n', ['ANN'], 'ruff.toml').changed).toBe(false);
  });
});

describe('ESLint config edits', () => {
  it('inserts the rule into the rules object of a flat config, matching its quotes and indentation', () => {
    const text =
      "import js from '@eslint/js';\n\nexport default [\n  js.configs.recommended,\n  {\n    rules: {\n      // strict\n      eqeqeq: 'error',\n    },\n  },\n];\n";
    const edit = addEslintRule(
      { kind: 'eslint', file: 'eslint.config.js', format: 'js', text },
      noConsole,
    );
    expect(edit.text).toBe(
      "import js from '@eslint/js';\n\nexport default [\n  js.configs.recommended,\n  {\n    rules: {\n      'no-console': 'error',\n      // strict\n      eqeqeq: 'error',\n    },\n  },\n];\n",
    );
  });

  it('appends a config object when a flat config has no rules yet', () => {
    const text = "import js from '@eslint/js';\n\nexport default [js.configs.recommended];\n";
    const edit = addEslintRule(
      { kind: 'eslint', file: 'eslint.config.mjs', format: 'js', text },
      noConsole,
    );
    expect(edit.text).toContain("rules: {\n      'no-console': 'error',\n    },");
    expect(
      edit.text.startsWith(
        "import js from '@eslint/js';\n\nexport default [js.configs.recommended,",
      ),
    ).toBe(true);
  });

  it('inserts into the rules of a legacy .eslintrc.json as valid JSON', () => {
    const text =
      '{\n  "extends": "eslint:recommended",\n  "rules": {\n    "semi": "error"\n  }\n}\n';
    const edit = addEslintRule(
      { kind: 'eslint', file: '.eslintrc.json', format: 'json', text, legacy: true },
      ESLINT_RULES['magic-values']!,
    );
    expect(JSON.parse(edit.text).rules).toEqual({
      'no-magic-numbers': ['error', { ignore: [0, 1, -1] }],
      semi: 'error',
    });
  });

  it('leaves a config alone when the rule is there or its plugin is not loaded', () => {
    const withRule = "export default [{ rules: { 'no-console': 'warn' } }];\n";
    expect(
      addEslintRule(
        { kind: 'eslint', file: 'eslint.config.js', format: 'js', text: withRule },
        noConsole,
      ).changed,
    ).toBe(false);
    const noPlugin = 'export default [{ rules: {} }];\n';
    expect(
      addEslintRule(
        { kind: 'eslint', file: 'eslint.config.js', format: 'js', text: noPlugin },
        ESLINT_RULES.naming!,
      ).changed,
    ).toBe(false);
  });
});

describe('golangci-lint config edits', () => {
  it('adds the linter to linters.enable', () => {
    const text = 'run:\n  timeout: 5m\nlinters:\n  enable:\n    - govet # vet\n    - staticcheck\n';
    expect(enableGolangciLinter(text, 'errcheck').text).toBe(
      'run:\n  timeout: 5m\nlinters:\n  enable:\n    - govet # vet\n    - staticcheck\n    - errcheck\n',
    );
  });
});
