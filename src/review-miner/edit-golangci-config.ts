// Enables one linter in `.golangci.yml` (`linters.enable` list), editing the YAML text in place.

export function enableGolangciLinter(
  text: string,
  linter: string,
): { text: string; changed: boolean } {
  if (new RegExp(`^\\s*-\\s*${linter}\\s*(#.*)?$`, 'm').test(text)) return { text, changed: false };
  const linters = /^linters:[ \t]*$/m.exec(text);
  if (!linters) {
    const sep = text.endsWith('\n') ? '' : '\n';
    return { text: `${text}${sep}linters:\n  enable:\n    - ${linter}\n`, changed: true };
  }
  const after = text.slice(linters.index + linters[0].length);
  const enable = /\n([ \t]+)enable:[ \t]*\n((?:\1[ \t]+-[^\n]*\n?)*)/.exec(after);
  if (enable) {
    const items = enable[2] as string;
    const indent = /^([ \t]+)-/.exec(items)?.[1] ?? `${enable[1]}  `;
    const at = linters.index + linters[0].length + enable.index + enable[0].length;
    const needsNewline = items !== '' && !items.endsWith('\n');
    return {
      text: `${text.slice(0, at)}${needsNewline ? '\n' : ''}${indent}- ${linter}\n${text.slice(at)}`,
      changed: true,
    };
  }
  const at = linters.index + linters[0].length;
  const indent = /\n([ \t]+)\S/.exec(after)?.[1] ?? '  ';
  return {
    text: `${text.slice(0, at)}\n${indent}enable:\n${indent}  - ${linter}${text.slice(at)}`,
    changed: true,
  };
}
