import {
  allows,
  rewritePyprojectConstraint,
  rewriteRequirementPin,
  rewriteRequirementSpecifier,
  widenSpecifier,
} from '../../src/dep-health/python-edits';
import {
  compileInvocation,
  declaredRequirements,
  pipCompileHeader,
  splitCommand,
} from '../../src/dep-health/python-project';

describe('rewriteRequirementPin', () => {
  it('moves only the version, keeping spelling, spacing, extras, markers and comments', () => {
    const text = [
      '# runtime',
      'Django == 4.2.7  # LTS',
      'requests[socks]==2.31.0 ; python_version >= "3.8"',
      'django-filter==23.1',
      '',
    ].join('\n');
    const result = rewriteRequirementPin(text, 'django', '4.2.8');
    expect(result).toEqual({
      text: text.replace('Django == 4.2.7', 'Django == 4.2.8'),
      changed: true,
    });
    const extras = rewriteRequirementPin(text, 'requests', '2.32.3');
    expect('text' in extras && extras.text.split('\n')[2]).toBe(
      'requests[socks]==2.32.3 ; python_version >= "3.8"',
    );
  });

  it('matches any PEP 503 spelling of the name and keeps CRLF line ends', () => {
    const result = rewriteRequirementPin(
      'Typing_Extensions==4.7.0\r\nsix==1.16.0\r\n',
      'typing-extensions',
      '4.8.0',
    );
    expect(result).toEqual({ text: 'Typing_Extensions==4.8.0\r\nsix==1.16.0\r\n', changed: true });
  });

  it('edits only the requirement on the given line when a name repeats with markers', () => {
    const text = 'numpy==1.24.4; python_version < "3.9"\nnumpy==1.26.0; python_version >= "3.9"\n';
    const result = rewriteRequirementPin(text, 'numpy', '1.26.4', 2);
    expect('text' in result && result.text).toBe(
      'numpy==1.24.4; python_version < "3.9"\nnumpy==1.26.4; python_version >= "3.9"\n',
    );
  });

  it('refuses a pin carrying --hash and says a tool is needed', () => {
    const text =
      'asgiref==3.6.0 \\\n    --hash=sha256:71e68008da809b957b7ee4b43dbccff33d1b23519fb8344e33f049897077afac\n    # via django\n';
    const result = rewriteRequirementPin(text, 'asgiref', '3.7.0');
    expect('error' in result && result.error).toMatch(
      /pinned with --hash.*pip-compile --generate-hashes/,
    );
  });

  it('refuses a requirement that is not pinned exactly', () => {
    const result = rewriteRequirementPin('flask>=2.0\n', 'flask', '3.0.0');
    expect('error' in result && result.error).toBe('flask is not pinned exactly (`>=2.0`)');
  });
});

describe('widenSpecifier', () => {
  it('leaves a specifier that already allows the version', () => {
    expect(widenSpecifier('>=2.0,<3', '2.5.0', 'pep440')).toBe('>=2.0,<3');
    expect(widenSpecifier('^1.2', '1.9.0', 'poetry')).toBe('^1.2');
    expect(widenSpecifier('', '9.9', 'pep440')).toBe('');
  });

  it('moves exact pins, compatible releases, carets, tildes and wildcards in their own style', () => {
    expect(widenSpecifier('==1.2.3', '1.2.4', 'pep440')).toBe('==1.2.4');
    expect(widenSpecifier('~=1.2', '2.1.0', 'pep440')).toBe('~=2.1');
    expect(widenSpecifier('==1.2.*', '1.3.1', 'pep440')).toBe('==1.3.*');
    expect(widenSpecifier('1.0.0', '1.0.1', 'poetry')).toBe('1.0.1');
    expect(widenSpecifier('^0.3.1', '0.4.2', 'poetry')).toBe('^0.4.2');
    expect(widenSpecifier('~1.2', '1.4.0', 'poetry')).toBe('~1.4');
    expect(widenSpecifier('>=1.0,==1.2.3', '1.2.5', 'pep440')).toBe('>=1.0,==1.2.5');
  });

  it('will not lift an upper bound or an exclusion', () => {
    expect(widenSpecifier('>=1,<2', '2.0.1', 'pep440')).toEqual({
      error: 'the constraint `>=1,<2` excludes 2.0.1 (`<2`); widen it by hand',
    });
    expect(widenSpecifier('!=1.0.1', '1.0.1', 'pep440')).toHaveProperty('error');
  });

  it('evaluates PEP 440 specifiers', () => {
    expect(allows('~=1.4.2', '1.4.9')).toBe(true);
    expect(allows('~=1.4.2', '1.5.0')).toBe(false);
  });
});

describe('rewriteRequirementSpecifier (pip-tools .in)', () => {
  it('widens the constraint in place and leaves bare names alone', () => {
    const text = 'django==4.2.7\nrequests\n';
    const widen = (to: string) => (current: string) => widenSpecifier(current, to, 'pep440');
    expect(rewriteRequirementSpecifier(text, 'django', widen('4.2.8'))).toEqual({
      text: 'django==4.2.8\nrequests\n',
      changed: true,
    });
    expect(rewriteRequirementSpecifier(text, 'requests', widen('2.32.0'))).toEqual({
      text,
      changed: false,
    });
  });
});

describe('rewritePyprojectConstraint', () => {
  const pyproject = [
    '[project]',
    'dependencies = [',
    '    "httpx[http2] == 0.27.0 ; python_version >= \'3.9\'",',
    '    "rich>=13",',
    ']',
    '',
    '[tool.poetry.dependencies]',
    'python = "^3.9"',
    'Flask = "2.3.2"',
    'sqlalchemy = { version = "^2.0", extras = ["asyncio"] }',
    '',
  ].join('\n');

  it('rewrites a PEP 508 string, a Poetry string and a Poetry table entry', () => {
    const to = (v: string) => (current: string, style: 'pep440' | 'poetry') =>
      widenSpecifier(current, v, style);
    const pep = rewritePyprojectConstraint(pyproject, 'httpx', to('0.28.1'));
    expect('text' in pep && pep.text).toContain(
      '"httpx[http2] == 0.28.1 ; python_version >= \'3.9\'",',
    );
    const flask = rewritePyprojectConstraint(pyproject, 'flask', to('2.3.3'));
    expect('text' in flask && flask.text).toContain('Flask = "2.3.3"');
    const table = rewritePyprojectConstraint(pyproject, 'sqlalchemy', to('3.0.1'));
    expect('text' in table && table.text).toContain(
      'sqlalchemy = { version = "^3.0", extras = ["asyncio"] }',
    );
  });

  it('says so when the dependency is not declared', () => {
    expect(rewritePyprojectConstraint(pyproject, 'attrs', () => '==1')).toEqual({
      error: 'no constraint for attrs found',
    });
  });

  it('lists every declared requirement for installing a project without a lock', () => {
    expect(declaredRequirements(pyproject)).toEqual([
      "httpx[http2] == 0.27.0 ; python_version >= '3.9'",
      'rich>=13',
      'Flask==2.3.2',
      'sqlalchemy>=2.0,<3',
    ]);
  });
});

describe('pip-compile header', () => {
  const header = [
    '#',
    '# This file is autogenerated by pip-compile with Python 3.8',
    '# by the following command:',
    '#',
    '#    pip-compile --generate-hashes --output-file=requirements/requirements.txt requirements/requirements.in',
    '#',
    'asgiref==3.6.0',
  ].join('\n');

  it('reads the recorded command and runs it where it was run, without one-off upgrades', () => {
    const args = pipCompileHeader(header)!;
    expect(args).toEqual([
      '--generate-hashes',
      '--output-file=requirements/requirements.txt',
      'requirements/requirements.in',
    ]);
    expect(
      compileInvocation(
        'requirements/requirements.txt',
        [...args, '-P', 'django', '--upgrade'],
        undefined,
        true,
      ),
    ).toEqual({
      cwd: '',
      args: [
        '--generate-hashes',
        '--output-file=requirements/requirements.txt',
        'requirements/requirements.in',
      ],
      sources: ['requirements/requirements.in'],
    });
  });

  it('relies on the implied output file when the header names none', () => {
    expect(
      compileInvocation('api/requirements.txt', ['requirements.in'], undefined, false),
    ).toEqual({
      cwd: 'api',
      args: ['requirements.in'],
      sources: ['requirements.in'],
    });
  });

  it('falls back to the .in beside the .txt (keeping hashes) when there is no header', () => {
    expect(
      compileInvocation('api/requirements-dev.txt', undefined, 'api/requirements-dev.in', true),
    ).toEqual({
      cwd: 'api',
      args: ['--generate-hashes', '--output-file=requirements-dev.txt', 'requirements-dev.in'],
      sources: ['requirements-dev.in'],
    });
  });

  it('splits shell-quoted arguments', () => {
    expect(splitCommand(`--extra 'dev tools' "--pip-args=--no-cache-dir -q" a\\ b.in`)).toEqual([
      '--extra',
      'dev tools',
      '--pip-args=--no-cache-dir -q',
      'a b.in',
    ]);
  });
});
