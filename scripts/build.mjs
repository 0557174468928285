#!/usr/bin/env node
// Builds one ncc bundle per JavaScript action (and the CLI) into dist/<name>/.
// Usage: node scripts/build.mjs [name...]   (default: all)
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  chmodSync,
  readFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ALL = ['doc-drift', 'dep-health', 'review-miner', 'weekly-reflection', 'cli'];
const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ALL;
const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

for (const name of names) {
  if (!ALL.includes(name)) {
    console.error(`unknown bundle "${name}"; expected one of ${ALL.join(', ')}`);
    process.exit(2);
  }
  const entry = path.join(root, 'src', name, 'index.ts');
  const out = path.join(root, 'dist', name);
  rmSync(out, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [
      ncc,
      'build',
      entry,
      '-o',
      out,
      '--target',
      'es2022',
      '--transpile-only',
      '--quiet',
      '--license',
      'licenses.txt',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  const index = path.join(out, 'index.js');
  if (name === 'cli') {
    const code = readFileSync(index, 'utf8');
    if (!code.startsWith('#!')) writeFileSync(index, `#!/usr/bin/env node\n${code}`);
    chmodSync(index, 0o755);
  }
  // LF endings and no source maps in dist.
  for (const file of readdirSync(out, { recursive: true })) {
    const full = path.join(out, String(file));
    if (full.endsWith('.map')) rmSync(full);
  }
  const size = statSync(index).size;
  console.log(`dist/${name}/index.js ${(size / 1024).toFixed(0)} KiB`);
  if (!existsSync(path.join(out, 'package.json'))) {
    writeFileSync(path.join(out, 'package.json'), '{\n  "type": "module"\n}\n');
  }
}
