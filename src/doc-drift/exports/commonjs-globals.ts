// The TypeScript compiler is CommonJS and reads `__filename` when it loads. In the ESM bundle
// there is no such binding, so provide it (and `__dirname`) before `typescript` is imported.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const scope = globalThis as { __filename?: string; __dirname?: string };
if (scope.__filename === undefined) {
  scope.__filename = fileURLToPath(import.meta.url);
  scope.__dirname = path.dirname(scope.__filename);
}
