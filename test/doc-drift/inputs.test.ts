import { recordReader } from '../../src/core/inputs';
import { parseInputs } from '../../src/doc-drift/inputs';

test('defaults apply when no input is given', () => {
  expect(parseInputs(recordReader({}))).toEqual({
    docs: ['**/*.md', '**/*.mdx'],
    public: [],
    undocumentedExports: true,
    staleDays: 90,
    ignore: [],
    failOn: 'error',
    createIssue: true,
    createPr: true,
  });
});

test('inputs are parsed and bad values name the input', () => {
  const options = parseInputs(
    recordReader({
      docs: 'docs/**/*.md\nREADME.md',
      'stale-days': '30',
      'fail-on': 'warning',
      'create-pr': 'false',
      'undocumented-exports': 'no',
    }),
  );
  expect(options).toMatchObject({
    docs: ['docs/**/*.md', 'README.md'],
    staleDays: 30,
    failOn: 'warning',
    createPr: false,
    undocumentedExports: false,
  });
  expect(() => parseInputs(recordReader({ 'stale-days': '0' }))).toThrow(/stale-days/);
  expect(() => parseInputs(recordReader({ 'fail-on': 'always' }))).toThrow(/fail-on/);
  expect(() => parseInputs(recordReader({ docs: '../outside/**' }))).toThrow(/docs/);
});
