// Commands run through the shell: names and versions from manifests and registries are quoted,
// so the shell sees them as one literal argument whatever they contain.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { quote, shellCommandRunner } from '../../src/dep-health/command-runner';

describe('quote', () => {
  it.each([
    'lodash@4.17.21',
    '@types/node@22.0.0',
    "it's; rm -rf /tmp/x",
    '1.0.0 && echo pwned',
    '$(id)`id`',
    'a\nb',
    '',
  ])('passes %j to the command as one literal argument', async (value) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tend-quote-'));
    try {
      const result = await shellCommandRunner(`printf '[%s]' ${quote(value)}`, { cwd: dir });
      expect(result).toEqual({ code: 0, output: `[${value}]` });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
