// Go modules: go.mod `require` (direct vs `// indirect`), `replace`; go.sum completeness.
import type { Dependency, ParseResult } from '../model';

interface Replacement {
  path: string;
  version?: string;
}

function unquote(token: string): string {
  return token.replace(/^"(.*)"$/, '$1').replace(/^`(.*)`$/, '$1');
}

/** Module paths and versions listed in go.sum (`mod ver[/go.mod] hash`). */
export function parseGoSum(text: string): Set<string> {
  const entries = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const [mod, version] = line.trim().split(/\s+/);
    if (mod && version) entries.add(`${mod}@${version.replace(/\/go\.mod$/, '')}`);
  }
  return entries;
}

export function parseGoMod(
  manifest: { file: string; text: string },
  sum?: { file: string; text: string },
): ParseResult {
  const { file, text } = manifest;
  const problems: ParseResult['problems'] = [];
  const requires: { path: string; version: string; indirect: boolean; line: number }[] = [];
  const replaces = new Map<string, Replacement>();
  let block: string | undefined;
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = index + 1;
    const indirect = /\/\/\s*indirect\b/.test(rawLine);
    const content = rawLine.replace(/\/\/.*$/, '').trim();
    if (content === '') return;
    if (block) {
      if (content === ')') {
        block = undefined;
        return;
      }
      handle(block, content, line, indirect);
      return;
    }
    const directive = /^(\w+)\s*(\(?)\s*(.*)$/.exec(content);
    if (!directive) {
      problems.push({
        file,
        line,
        message: `${file}:${line}: unknown go.mod line ${JSON.stringify(content)}`,
      });
      return;
    }
    const [, verb, open, rest] = directive;
    if (
      ![
        'module',
        'go',
        'toolchain',
        'require',
        'replace',
        'exclude',
        'retract',
        'godebug',
        'tool',
        'ignore',
      ].includes(verb!)
    ) {
      problems.push({
        file,
        line,
        message: `${file}:${line}: unknown go.mod directive \`${verb}\``,
      });
      return;
    }
    if (open === '(') {
      block = verb;
      return;
    }
    handle(verb!, rest!, line, indirect);
  });
  if (block) problems.push({ file, message: `${file}: \`${block} (\` block is never closed` });

  function handle(verb: string, rest: string, line: number, indirect: boolean) {
    const tokens = rest.trim().split(/\s+/).map(unquote);
    if (verb === 'require') {
      if (tokens.length < 2 || !/^v\d/.test(tokens[1]!)) {
        problems.push({
          file,
          line,
          message: `${file}:${line}: malformed require ${JSON.stringify(rest.trim())}`,
        });
        return;
      }
      requires.push({ path: tokens[0]!, version: tokens[1]!, indirect, line });
    } else if (verb === 'replace') {
      const arrow = tokens.indexOf('=>');
      if (arrow < 1) {
        problems.push({
          file,
          line,
          message: `${file}:${line}: malformed replace ${JSON.stringify(rest.trim())}`,
        });
        return;
      }
      replaces.set(tokens[0]!, { path: tokens[arrow + 1]!, version: tokens[arrow + 2] });
    }
  }

  const sums = sum ? parseGoSum(sum.text) : undefined;
  const dependencies: Dependency[] = requires.map((req) => {
    const replacement = replaces.get(req.path);
    const local =
      replacement && (replacement.path.startsWith('.') || replacement.path.startsWith('/'));
    const name = replacement && !local ? replacement.path : req.path;
    const version = local ? undefined : (replacement?.version ?? req.version);
    const notes = [
      ...(req.indirect ? ['indirect'] : []),
      ...(replacement
        ? [
            local
              ? `replaced by local path ${replacement.path}`
              : `replaces ${req.path}@${req.version}`,
          ]
        : []),
    ];
    if (sums && version && !local && !sums.has(`${name}@${version}`)) {
      problems.push({
        file: sum!.file,
        message: `${sum!.file} has no checksum for ${name}@${version}: run \`go mod tidy\``,
      });
    }
    return {
      ecosystem: 'Go' as const,
      name,
      file,
      line: req.line,
      range: req.version,
      version,
      direct: !req.indirect,
      dev: false,
      lockfile: version ? file : undefined,
      ...(notes.length > 0 ? { notes } : {}),
    };
  });
  return { dependencies, problems };
}
