// The classifier's lexicon: weighted patterns per theme, read against the reviewer's own words.
// Transparent on purpose: every match is reported as a cue, so a maintainer can see why.
import type { Theme } from './taxonomy';

export interface LexiconEntry {
  pattern: RegExp;
  weight: number;
  cue: string;
}

const e = (pattern: RegExp, weight: number, cue: string): LexiconEntry => ({ pattern, weight, cue });

export const LEXICON: Record<Exclude<Theme, 'other'>, LexiconEntry[]> = {
  'type-annotations': [
    e(/\btype (hints?|annotations?|hinting|signature)\b/i, 3, 'type hint'),
    e(/\b(return|param(eter)?|argument) type\b/i, 2.5, 'return/param type'),
    e(/\b(annotate|annotated|annotation|typed|untyped|typing)\b/i, 1.5, 'annotation'),
    e(/\b(mypy|pyright|typescript types?|tsc|type ?check(er|ing)?|ty check)\b/i, 1.5, 'type checker'),
    e(/(`|\b)(any|unknown|Optional\[|Union\[|TypeVar|Protocol|TypedDict|Literal\[)(`|\b)/, 0.75, 'type construct'),
    e(/`[^`]*(->\s*\w|:\s*(str|int|float|bool|list|dict|None|string|number|boolean)\b)[^`]*`/, 1.5, 'annotation in code'),
    e(/\bexplicit (return )?types?\b/i, 2, 'explicit type'),
    e(/\b(type (assertion|cast)|as any|cast(ing|s)? (to|it|this)|generics?|type parameters?|non-null assertion)\b/i, 2, 'type cast/generic'),
  ],
  'error-handling': [
    e(/\b(exception|exceptions|try\/except|try\/catch|try-catch|catch(es|ing)?|except(ion)? clause)\b/i, 1.5, 'exception'),
    e(/\bbare (except|catch)\b|\bexcept\s*:/i, 3, 'bare except'),
    e(/\b(raise|throw|rethrow|re-raise|propagate)s?\b/i, 1, 'raise/throw'),
    e(/\b(error handling|handle (the |this |that )?(error|failure|case where)|error path|error case)\b/i, 2.5, 'error handling'),
    e(/\b(swallow(s|ed|ing)?|silently (ignore|fail)|ignored? (the )?errors?|unchecked error|err != nil|return(ed)? error)\b/i, 2.5, 'swallowed error'),
    e(/\b(what (happens )?if .{0,40}(fails?|null|none|undefined|missing|empty|throws))\b/i, 1.5, 'failure case'),
    e(/\b(null|nil|none|undefined) (check|pointer|dereference)\b|\bnullable\b/i, 1.5, 'null check'),
    e(/\b(fallback|retry|timeout|crash(es)?|panic)\b/i, 0.75, 'failure mode'),
    e(/\b(errors?|fail(s|ed|ure|ures|ing)?)\b/i, 1, 'error/failure'),
  ],
  tests: [
    e(/\b(unit |integration |regression |e2e )?tests?\b(?! (server|environment|data))/i, 1.5, 'test'),
    e(/\b(add|write|missing|need|cover|covered|extend) (a |an |some |more )?(unit |regression )?tests?\b/i, 2.5, 'add a test'),
    e(/\b(test coverage|coverage|assert(ion)?s?|fixtures?|mock(s|ed|ing)?|pytest|jest|unittest|spec file|test case)\b/i, 1.5, 'test tooling'),
    e(/\bflak(y|iness)\b/i, 2, 'flaky'),
    e(/\b(test_\w+|\w+\.(test|spec)\.[jt]sx?|\w+_test\.(go|py)|tested|untested|testing)\b/i, 1, 'test file/testing'),
  ],
  naming: [
    e(/\b(rename|renaming|renamed)\b/i, 2.5, 'rename'),
    e(/\b(naming|name (is|isn't|seems|sounds|could|should)|better name|more (descriptive|meaningful|explicit) name|misleading name|variable name|function name|method name|the name)\b/i, 2.5, 'name'),
    e(/\b(camel ?case|snake ?case|pascal ?case|kebab ?case|naming convention)\b/i, 3, 'naming convention'),
    e(/\bcall (it|this|them) `?\w+/i, 1.5, 'call it X'),
    e(/\b(prefix|suffix)(ed)? with\b/i, 1, 'prefix/suffix'),
    e(/\b(names?|named|identifiers?)\b/i, 1, 'name mention'),
  ],
  'docs-comments': [
    e(/\b(docstrings?|jsdoc|javadoc|godoc|tsdoc|doc ?comments?|doc block)\b/i, 3, 'docstring'),
    e(/\b(documentation|document (this|it|that|the)|documented|docs)\b/i, 2, 'documentation'),
    e(/\b(readme|changelog|release notes?)\b/i, 2, 'readme/changelog'),
    e(/\b(add|explain|clarify|update) (a |the )?comment\b|\bcomment (explaining|here|about|is (wrong|outdated|stale))\b/i, 2.5, 'code comment'),
    e(/\b(wording|phrasing|sentence|paragraph|rephrase|reword)\b/i, 2, 'wording'),
    e(/^s\/[^/]+\/[^/]*\/?$/m, 2, 'text substitution'),
    e(/\.\.\s*\w+::|\.rst\b|\bdirective\b/i, 1, 'rst'),
  ],
  'duplication-extract': [
    e(/\b(duplicat(e|ed|es|ion)|copy[- ]?past(e|ed)|same (code|logic) (as|in)|DRY|dedup(e|licate|lication)?)\b/, 3, 'duplication'),
    e(/\b(repeated|repetitive|repetition|twice|in (both|several|multiple) places)\b/i, 1.5, 'repetition'),
    e(/\b(factor (this|it|that|these) out|refactor (this|it) (in)?to|common (function|helper|method|module|code))\b/i, 2.5, 'factor out'),
    e(/\b(extract|factor out|pull out|move (this|it) (into|to) (a |its own )?(helper|function|method))\b/i, 2.5, 'extract'),
    e(/\b(helper|utility|util) (function|method)\b|\breuse\b|\bshared (function|helper)\b/i, 2, 'helper/reuse'),
    e(/\b(own function|separate function|its own method)\b/i, 2, 'own function'),
  ],
  'style-formatting': [
    e(/\b(format(ting|ter)?|prettier|black|gofmt|rustfmt|clang-format|isort|autopep8|yapf|lint(er|ing)?|eslint|ruff format)\b/i, 2, 'formatter'),
    e(/\b(white ?space|indent(ation|ed)?|trailing (space|comma|newline)|blank line|new ?line|line length|too long|80 char|tabs? vs|semicolons?)\b/i, 2.5, 'whitespace'),
    e(/\b(import order|sort(ed)? imports|code style|style guide|pep ?8|nit(pick)?:? (style|formatting|spacing))\b/i, 2.5, 'style'),
    e(/\b(f-?strings?|string interpolation|template literal|quotes? (style|consistency)|single quotes|double quotes)\b/i, 1.5, 'string style'),
    e(/\b(braces|parenthes[ie]s|brackets) (are |is )?(not needed|unnecessary|redundant)\b/i, 1.5, 'redundant syntax'),
    e(/\b(spacing|spaces|extra (space|line)|style)\b/i, 1.5, 'spacing/style'),
  ],
  'logging-debug': [
    e(/\b(console\.(log|debug|info)|print\(|println!?|printf|fmt\.Print|System\.out)/, 3, 'debug output'),
    e(/\b(debug(ging)? (print|output|statement|code|log)|leftover|left over|stray print)\b/i, 2.5, 'leftover debug'),
    e(/\b(log(ger|ging)?|log level|logger\.(debug|info|warn(ing)?|error))\b/i, 1.5, 'logging'),
    e(/\bprints?\b|\bverbose\b/i, 2, 'print'),
    e(/\b(debug(ging)?|console|stdout|stderr)\b/i, 1.5, 'debug/console'),
  ],
  'unused-code': [
    e(/\b(unused|not used|never used|isn't used|is not used|no longer used|dead code|unreachable)\b/i, 3, 'unused'),
    e(/\b(commented[- ]out|remove (this|these|the) (import|variable|line|code|function))\b/i, 2.5, 'remove code'),
    e(/\b(unnecessary|redundant|not needed|no longer needed|leftover) (import|variable|code|check|assignment|parameter|argument)s?\b/i, 2.5, 'redundant code'),
    e(/\b(import(s|ed)?)\b/i, 0.5, 'import'),
    e(/\b(remove|delete|drop) (this|these|it|them)\b|\b(no longer (needed|necessary)|unneeded|obsolete|leftovers?)\b/i, 1.5, 'remove it'),
  ],
  'magic-values': [
    e(/\bmagic (numbers?|values?|constants?|strings?)\b/i, 3.5, 'magic number'),
    e(/\b(named (\w+ )?constants?|constant (for|instead)|make (this|it) a constant|extract (it |this )?(in)?to a constant|create a constant|move (this |it )?to a constant|as a constant|const(ant)? (variable|value))\b/i, 3, 'named constant'),
    e(/\b(hard[- ]?coded|hardcode|hard code)\b/i, 2, 'hardcoded'),
    e(/\b(configurable|config(uration)? (value|option|setting))\b/i, 0.75, 'config value'),
    e(/\bconstants?\b/i, 1.5, 'constant'),
  ],
  performance: [
    e(/\b(performance|perf|faster|slower|slow|efficient|inefficient|efficiency|speed ?up|optimi[sz](e|ation|ed)|performs? (better|worse|poorly))\b/i, 2.5, 'performance'),
    e(/\bO\((n|n\^?2|n log n|1|n\*m)\)|\b(quadratic|linear time|complexity)\b/i, 3, 'complexity'),
    e(/\b(allocat(e|ion|ions)|memory|cache|caching|cached|memoi[sz]e|lazy|n\+1|batch(ed|ing)?|benchmarks?|hot path|loop(s)?)\b/i, 1.25, 'cost'),
    e(/\b(sets?|hash ?map|dict(ionary)?) (lookup|instead)\b|\binstead of (a )?(list|array)\b/i, 1, 'data structure'),
    e(/\b(expensive|costly|overhead|unnecessary (copy|copies|allocation|work|call)|redundant (call|computation|lookup)s?)\b/i, 2, 'cost words'),
  ],
  security: [
    e(/\b(security|secure|insecure|vulnerab(le|ility)|exploit|attacker|malicious|CVE)\b/i, 3, 'security'),
    e(/\b(sql injection|injection|xss|csrf|ssrf|path traversal|escape|escaping|sanitiz(e|ation)|untrusted|user input)\b/i, 2.5, 'injection'),
    e(/\b(secrets?|credentials?|password|api key|private key|tokens? (leak|in (the )?(logs?|code|source)))\b/i, 2.5, 'secret'),
    e(/\b(permissions?|privileges?|auth(entication|orization)?|access control|chmod|0777|shell=True|eval\(|exec\(|pickle)\b/i, 1.5, 'permissions'),
  ],
  'typo-spelling': [
    e(/\b(typo|typos|misspell(ed|ing)?|spelling|spelt|spelled)\b/i, 3.5, 'typo'),
    e(/\b(grammar|grammatical|capitali[sz](e|ation|ed))\b/i, 1.5, 'grammar'),
  ],
  'api-design': [
    e(/\b(public (api|interface|method|function)|api (design|surface)|breaking change|backwards?[- ]compat(ible|ibility)?|deprecat(e|ed|ion))\b/i, 3, 'public API'),
    e(/\b(signature|parameter|argument|kwarg|keyword argument|option|overload|return value|return type of the api)\b/i, 1, 'parameters'),
    e(/\b(configurable|should be (an )?option|expose|exposed|encapsulat(e|ion)|callers?|consumers?)\b/i, 2, 'interface'),
    e(/\b(endpoint|interface|contract|semver|major version)\b/i, 1.25, 'contract'),
    e(/\b(should (take|accept|return|expose)|return (a|an) \w+ instead|(this|the) (api|method|function) should)\b/i, 1.5, 'interface shape'),
  ],
};
