// The classifier's lexicon: weighted cues per theme, read against the reviewer's own words.
// Transparent on purpose: every match is reported as a cue, so a maintainer can see why.
// Two kinds of entry: `words` (any of these lower-case words, looked up in the comment's word
// set, cheap; inflections fold onto them, see lexicon-index.ts) and `pattern` (a phrase or code
// shape). Weights: 3+ is a strong cue that decides a theme alone, 1.5-2.5 a clear cue, below 1.5
// a weak cue that only counts with others. This file holds the code-hygiene themes; the design
// themes (magic values, performance, security, API) and spelling live next to it.
import { e, w, type LexiconEntry } from './lexicon-entry';
import type { Theme } from './taxonomy';
import { API_DESIGN, MAGIC_VALUES } from './theme-lexicon-api';
import { PERFORMANCE, SECURITY } from './theme-lexicon-risk';
import { TYPO_SPELLING } from './theme-lexicon-spelling';

export type { LexiconEntry } from './lexicon-entry';

export const LEXICON: Record<Exclude<Theme, 'other'>, LexiconEntry[]> = {
  'type-annotations': [
    e(/\b(type[- ]?(hints?|hinted|hinting|annotations?|signatures?|checks?|checking|checker|safety|safe|stubs?|alias(es)?|guards?|narrowing|inference|errors?)|typehints?|typings?)\b/i, 3, 'type hint'),
    e(/\b(return|param(eter)?|arg(ument)?|field|property|variable|generic|union|concrete|specific|precise|narrow(er)?|wider|broader|correct|right|wrong|explicit|inferred|static) types?\b/i, 2.5, 'kind of type', 'type types'),
    e(/\b(add|missing|need|needs|declare|specify|give it|annotate with) (a |an |the |its )?(explicit |return |proper )?types?\b|\btypes? (of|for) `/i, 2, 'add a type', 'type types'),
    w('annotate annotated annotating annotation annotations untyped typed mypy pyright pytype pyre tsc typescript flow noimplicitany generics generic typevar typeddict dataclass sorbet', 1.5, 'typing word'),
    e(/\b(strict (mode|null checks)|ts-ignore|ts-expect-error|type: ?ignore|as any|non-null assertion|type (assertion|cast)|cast(ing|s)? (it |this )?to|type parameters?|interface\{\}|lifetime annotations?)\b/i, 2, 'type escape hatch', 'strict ts ignore any non assertion cast casting casts parameter parameters interface lifetime'),
    e(/`[^`]*(->\s*\w|:\s*(str|int|float|bool|list|dict|None|string|number|boolean|any|unknown)\b)[^`]*`/, 1.5, 'annotation in code'),
    w('type types', 0.75, 'type'),
  ],
  'error-handling': [
    w('exception exceptions try catch catches catching caught except finally', 1.5, 'exception'),
    e(/\b(try\/except|try\/catch|try-catch|try-except|except(ion)? (clause|handler|block)|catch block|error handler)\b/i, 2.5, 'exception handler', 'try except exception catch error'),
    e(/\bbare (except|catch)\b|\bexcept\s*:|\bcatch\s*\(\s*\)|\bexcept Exception\b/i, 3, 'bare except', 'bare except catch'),
    w('raise raises raised throw throws thrown rethrow reraise propagate propagates propagated unwrap expect panic panics', 1, 'raise/throw'),
    e(/\b(wrap(s|ped|ping)? (the |this |that |an? )?(original )?(errors?|exceptions?)|(errors?|exceptions?) (chaining|wrapping|context)|raise \w+ from|fmt\.Errorf|errors\.(Wrap|Is|As)|%w\b)/i, 2.5, 'wrap the error', 'wrap wraps wrapped wrapping error errors exception exceptions raise fmt w'),
    e(/\b(error[- ]handling|handle (the |this |that |an? )?(errors?|failures?|exceptions?|case where)|error (path|case|message|code)s?|unhappy path)\b/i, 2.5, 'error handling', 'error errors handle handling path'),
    e(/\b(swallow(s|ed|ing)?|silently (ignore|fail|drop)s?|ignor(e|es|ed|ing) (the )?(errors?|exceptions?|return value)|unchecked (error|exception)|err != nil|if err|return(s|ed)? (an? )?err(or)?|\?-operator|the `\?` operator|unwrap\(\)|\.expect\()/i, 2.5, 'swallowed error', 'swallow swallows swallowed swallowing silently ignore ignores ignored ignoring unchecked err return returns returned operator unwrap expect'),
    e(/\b(errors?|exceptions?|return (value|code)|err) (returned |raised |thrown )?(by `?[\w.]+`? )?(is |are |gets |get )?(ignored|discarded|dropped|swallowed|lost|unhandled|not (checked|handled))\b/i, 2.5, 'ignored error', 'error errors exception exceptions return err'),
    e(/\b(what (happens )?(if|when) .{0,40}(fails?|null|none|nil|undefined|missing|empty|throws|raises|errors?))\b/i, 1.5, 'failure case', 'what'),
    e(/\b(null|nil|none|undefined) (check|pointer|dereference|safety)\b|\bnullable\b|\bnpe\b/i, 1.5, 'null check', 'null nil none undefined nullable npe'),
    w('fallback retry retries timeout crash crashes errno traceback', 0.75, 'failure mode'),
    w('error errors fail fails failed failure failures failing', 1, 'error/failure'),
  ],
  tests: [
    w('test tests unittest unittests pytest jest mocha vitest junit testify rspec', 1.5, 'test'),
    e(/\b(add|write|missing|need|needs|cover|covered|extend|update) (a |an |some |more |the )?(unit |integration |regression |e2e |snapshot )?(tests?|test cases?|specs?)\b|\b(no|without) tests?\b/i, 2.5, 'add a test', 'test tests spec specs case cases'),
    w('coverage assert asserts assertion assertions fixture fixtures mock mocks mocked mocking stub stubs stubbed parametrize parameterize', 1.5, 'test tooling'),
    w('flaky flakiness flake', 2, 'flaky'),
    e(/\btest_\w|\.(test|spec)\.[jt]sx?\b|_test\.(go|py)\b|\b(test case|edge cases?|corner cases?)\b/i, 1.5, 'test file/case'),
    w('tested untested testing', 1, 'tested'),
  ],
  naming: [
    w('rename renaming renamed renames naming', 3, 'rename'),
    e(/\b(better|clearer|good|bad|poor|vague|confusing|misleading|generic|descriptive|meaningful|explicit|specific|shorter|longer|consistent|inconsistent|odd|weird|unclear|accurate|different|new|old|current|proper) names?\b|\bnames? (is|isn't|seems|sounds|could|should|does|doesn't|feels|reads|implies|suggests)\b/i, 3, 'judges a name', 'name names'),
    e(/\b(variable|function|method|class|field|param(eter)?|argument|file|module|package|struct|type|constant|property|attribute|test|enum|key) names?\b/i, 2, 'names a kind of identifier', 'name names'),
    e(/\b(camel[ _]?case|snake[ _]?case|pascal[ _]?case|kebab[- _]?case|screaming[_ ](snake[_ ])?case|naming conventions?|lower ?case|upper ?case|title ?case)\b/i, 3, 'naming convention', 'case camel snake pascal kebab camelcase snakecase pascalcase kebabcase conventions convention lowercase uppercase titlecase lower upper title'),
    e(/\b(call(ed)? (it|this|them|that) `?\w+|should be (called|named)|(called|named) something like|name (it|this|them) `?\w+)/i, 2.5, 'call it X', 'call called name named'),
    e(/\bmore (descriptive|meaningful|explicit|specific|accurate)\b|\b(shadow(s|ing|ed)? (a |the )?(built-?ins?|globals?|outer|module))\b|\b(leading|trailing) underscore\b|\b(prefix|suffix)(ed)? (with|by)\b|\b(plural|singular)\b/i, 1.5, 'descriptive/convention', 'more shadow shadows shadowing shadowed leading trailing prefix suffix prefixed suffixed plural singular'),
    e(/`[A-Za-z_$][\w$]*` (sounds|reads|seems|is (a bit |quite |too |very )?(odd|weird|vague|unclear|confusing|misleading|generic|long|short))\b/i, 2, 'judges `identifier`'),
    e(/\b(should|could) (this |it )?be (called |named |renamed to )?`([a-z]+[A-Z]\w*|[a-z]+_\w+)`(?!\s*\()/, 1.5, 'should be `codeName`'),
    e(/\b(the|this|that|a|its) name\b/i, 1.5, 'the name', 'name'),
    w('name names named identifier identifiers abbreviation abbreviations abbreviated', 1, 'name mention'),
  ],
  'docs-comments': [
    w('docstring docstrings jsdoc javadoc godoc tsdoc typedoc rustdoc doxygen numpydoc sphinx docblock pydoc', 3, 'docstring'),
    e(/\b(doc[- ]?(strings?|comments?|blocks?|site|page)|api docs|inline docs|code comments?|@param|@returns?|@throws)\b/i, 3, 'doc comment', 'doc docs docstring docstrings comment comments api inline code param return returns throws'),
    w('documentation document documented documenting undocumented docs doc', 2, 'documentation'),
    w('readme changelog contributing', 2, 'readme/changelog'),
    e(/\b(add|adding|explain|clarify|update|leave|write|put) (a |an |the |some |this )?(short |brief |small )?comments?\b|\bcomments? (explaining|describing|here|about|saying|that|why|should|is|are|was|seems|needs)\b|\b(outdated|stale|misleading|wrong|old|obsolete|inaccurate|helpful|useful) comments?\b|\bto comment (the|this|obscure|on why|why)\b|\bcomment obscure\b/i, 2.5, 'code comment', 'comment comments'),
    e(/\b(release notes?|man page|help text|usage (text|message)|user guide|tutorial|example in the docs)\b/i, 2, 'user docs', 'release man help usage user tutorial example'),
    w('wording phrasing sentence paragraph rephrase reword reworded rephrased', 2, 'wording'),
    e(/\b(explain|describe|mention|note) (why|what|how|that)\b/i, 1, 'explain why', 'explain describe mention note'),
    e(/\.\.\s*\w+::|\.rst\b|\.md\b|\bdirective\b|\bmarkdown\b/i, 1, 'markup'),
  ],
  'duplication-extract': [
    w('duplicate duplicated duplicates duplication duplicating dedupe dedup deduplicate deduplication copypasta', 3, 'duplication'),
    e(/\b(copy[- ]?(and[- ])?past(e|ed|ing)|same (code|logic|thing|block|check)s? (as|in|is)|DRY\b|(don't|do not) repeat yourself|repeat(ed|ing)? (code|logic|yourself))\b/i, 3, 'copy-paste', 'copy paste pasted pasting copypaste copypasted same dry repeat repeated repeating'),
    e(/\b(repetitive|repetition|twice|in (both|several|multiple|two|many) (different )?places|(very |quite |almost |nearly )?(identical|similar) (to|code|logic|functions?|methods?|blocks?)|look(s)? (very |quite |almost |nearly )?(identical|similar|the same))\b/i, 2, 'repetition', 'repetitive repetition twice places identical similar same'),
    e(/\b(factor (this|it|that|these|them) out|refactor (this|it|them) (in)?to|common (function|helper|method|module|code|base class)|extract(ed|ing)? (this |it |that |these )?(in)?to|pull (this |it )?out into|move (this|it|these) (in)?to (a |an |its own )?(helper|function|method|util|module))\b/i, 2.5, 'factor out', 'factor refactor common extract extracted extracting pull move'),
    w('extract factor reuse reused reusing reusable', 2, 'extract/reuse'),
    e(/\bre-?us(e|ed|ing|able)\b|\b(helper|utility|util|shared) (function|method|class|module)\b|\b(already (a|an|the) (function|helper|method|util)|existing (helper|function|util|method))\b/i, 2, 'helper/reuse', 'reuse reused reusing reusable re helper utility util shared already existing'),
    e(/\b((we |there )?(already|also) (have|has|had|exists?|is) (a |an )?`?[\w.]+`? (in|that|which|for|helper|function|method|util)|(does|do) (exactly |basically |essentially )?the same( thing)?|reinvent(s|ing)? the wheel|(only|just) differ(s)? (in|by)|differ(s)? only (in|by))\b/i, 2.5, 'already exists', 'already also does do reinvent reinventing reinvents only just differ differs'),
    e(/\b(own function|separate function|its own (method|function)|a (small |little )?helper)\b/i, 2, 'own function', 'own separate helper'),
  ],
  'style-formatting': [
    w('formatting formatter formatted reformat reformatted prettier black gofmt goimports rustfmt isort autopep8 yapf lint linter linters linting eslint stylelint rubocop flake8 pycodestyle checkstyle clang fmt gofumpt biome dprint ktlint spotless scalafmt swiftlint standardrb', 2, 'formatter'),
    e(/\b(white ?space|indent(ation|ed|s)?|trailing (white ?space|spaces?|commas?|newlines?)|blank lines?|empty lines?|new ?lines?|line (length|breaks?|wrap)|too long|(80|100|120) char(acter)?s?|tabs|semicolons?|eol|end of (the )?file)\b/i, 2.5, 'whitespace', 'whitespace white space indent indentation indented indents trailing blank empty newline newlines new line lines long 80 100 120 char chars character characters tabs semicolon semicolons eol end'),
    e(/\b(cargo fmt|go fmt|gofmt|goimports|black \.|prettier --write|ruff format|clang-format|npm run (format|lint)|pre-commit)\b/i, 2.5, 'formatter command'),
    e(/\b(import (order|sorting)|sort(ed)? imports|code ?style|coding style|style ?guide|pep ?8|nit(pick)?:? (style|formatting|spacing)|run (the )?format|format (it|this|the code|your code))\b/i, 2.5, 'style', 'import imports sort sorted code coding codestyle style styleguide pep pep8 nit nitpick run format'),
    e(/\b(f-?strings?|string interpolation|template (literal|string)s?|quotes? (style|consistency)|single quotes|double quotes|curly braces)\b/i, 1.5, 'string style', 'f fstring fstrings string strings interpolation template quote quotes single double curly'),
    e(/\b(braces|parenthes[ie]s|brackets|parens) (are |is )?(not needed|unnecessary|redundant)\b|\b(unnecessary|redundant|extra) (parenthes[ie]s|parens|braces|brackets)\b/i, 2, 'redundant syntax', 'braces parentheses parenthesis brackets parens'),
    w('spacing spaces space style styling aesthetic cosmetic', 1.5, 'spacing/style'),
  ],
  'logging-debug': [
    e(/\b(console\.(log|debug|info|error|warn)|print\(|e?println!|fmt\.Print|System\.(out|err)|dbg!|printStackTrace|var_dump|print_r)/, 3, 'debug output'),
    e(/\b(debug(ging)? (prints?|output|statements?|code|logs?|logging|messages?)|print (statements?|calls?|debugging)|leftover (print|debug|log)|stray (prints?|logs?))\b/i, 3, 'leftover debug', 'debug debugging print leftover stray'),
    e(/\b(log (levels?|messages?|lines?|statements?|output|entry|entries|spam|noise)|(debug|info|warn|warning|error|trace|verbose)[- ]level|log(ged)? (at|as|with|to) (the )?(debug|info|warn|warning|error|trace)|(noisy|spammy|chatty|verbose) (logs?|logging|output)|(log|logs|logged|logging) (a |an |the |as )?(warnings?|errors?|info|debug|exceptions?))\b/i, 3, 'log level', 'log logs logging logged level noisy spammy chatty verbose'),
    w('log logs logged logger loggers logging syslog stacktrace slog logrus zap', 2, 'logging'),
    w('print prints printing printed verbose verbosity', 1.5, 'print'),
    w('debug debugging console stdout stderr', 1.25, 'debug/console'),
  ],
  'unused-code': [
    e(/\b(unused|not used|never used|isn't used|is not used|aren't used|no longer used|not being used|dead code|unreachable|never (called|read|reached))\b/i, 3, 'unused', 'unused used dead unreachable never'),
    e(/\b((still|even) (needed|used|necessary|called|required)|(any|no) (callers|usages|references|call sites)|(never|not) (called|referenced|imported|read)|nothing (calls|uses|references) (it|this))\b/i, 2.5, 'still needed?', 'still even any no never not nothing'),
    e(/\b(commented[- ]out|outcommented|commented code|remove (this|these|the) (unused )?(import|variable|line|code|function|method|block|parameter)s?|remov(e|ing) (dead )?code)\b/i, 2.5, 'remove code', 'commented outcommented remove removing'),
    e(/\b(unnecessary|redundant|not needed|no longer needed|leftover|obsolete|stale) (imports?|variables?|code|checks?|assignments?|parameters?|arguments?|functions?|methods?|branch(es)?|conditions?|dependenc(y|ies))\b/i, 2.5, 'redundant code', 'unnecessary redundant needed leftover obsolete stale'),
    w('import imports imported', 0.5, 'import'),
    e(/\b(remove|delete|drop) (this|these|it|them|that)\b|\b(no longer (needed|necessary)|isn't needed|is not needed|not needed|unneeded|obsolete|leftovers?|can be removed|can go)\b/i, 1.5, 'remove it', 'remove delete drop needed necessary unneeded obsolete leftover leftovers removed go'),
  ],
  'magic-values': MAGIC_VALUES,
  performance: PERFORMANCE,
  security: SECURITY,
  'typo-spelling': TYPO_SPELLING,
  'api-design': API_DESIGN,
};
