// Lexicon for the upkeep themes: docs and comments, duplication, style and formatting, logging
// and debug output, unused code. See theme-lexicon.ts for how entries are read.
import { e, w, type LexiconEntry } from './lexicon-entry';

export const DOCS_COMMENTS: LexiconEntry[] = [
  w(
    'docstring docstrings jsdoc javadoc godoc tsdoc typedoc rustdoc doxygen numpydoc sphinx docblock pydoc',
    3,
    'docstring',
  ),
  e(
    /\b(doc[- ]?(strings?|comments?|blocks?|site|page)|api docs|inline docs|code comments?|@param|@returns?|@throws)\b/i,
    3,
    'doc comment',
    'doc docs docstring docstrings comment comments api inline code param return returns throws',
  ),
  w('documentation document documented documenting undocumented docs', 2, 'documentation'),
  w('doc', 1.25, 'doc'),
  w('readme contributing', 2, 'readme'),
  w('todo todos fixme', 2, 'TODO comment'),
  e(
    /\b(add|adding|explain|clarify|update|leave|write|put) (a |an |the |some |this )?(short |brief |small )?comments?\b|\bcomments? (explaining|describing|here|about|saying|that|why|should|is|are|was|seems|needs)\b|\b(outdated|stale|misleading|wrong|old|obsolete|inaccurate|helpful|useful) comments?\b|\b(opposite|contrary) of what the code does|\b(doesn't|does not|no longer) match (what )?the code|\bout of sync with the code|\b(the|this|that|corresponding|related) comments? ((above|below|here|there)( this line| it)? )?((does|doesn't|does not|no longer|is no longer|isn't|is not|is now|are now|still) (make sense|apply|applies|match|matches|accurate|correct|true|valid|describe|relevant|needed|say)|(describes|says|mentions|refers to|explains|is (outdated|stale|wrong|misleading|out of date|inaccurate|out-of-date)|needs (updating|to be updated)))|\bto comment (the|this|obscure|on why|why)\b|\bcomment obscure\b/i,
    2.5,
    'code comment',
    'comment comments',
  ),
  e(
    /\b((api )?reference (page|docs|documentation)|(docs?|documentation|readme|page|guide|wiki|reference|example|examples|usage) (needs?|should be|must be|has to be) (updat\w+|changed|adjusted|extended|regenerated)|(docs?|documentation|readme|guide|wiki) (is|are) (out of date|outdated|stale|wrong))\b/i,
    2.5,
    'docs need updating',
    'reference doc docs documentation readme page guide wiki example examples usage',
  ),
  e(
    /\b(man page|help text|usage (text|message)|user guide|(upgrade|migration|developer|contributing|installation|getting started|admin|operator|deployment) (guide|docs|notes)|tutorial|example in the docs)\b/i,
    2,
    'user docs',
    'man help usage user tutorial example guide docs notes upgrade migration developer contributing installation getting admin operator deployment',
  ),
  w('wording phrasing sentence paragraph rephrase reword reworded rephrased', 2, 'wording'),
  e(
    /\b(explain|describe|mention|note) (why|what|how|that)\b/i,
    1,
    'explain why',
    'explain describe mention note',
  ),
  e(/\.\.\s*\w+::/, 1, 'markup'),
  e(/\.rst\b|\.md\b|\bdirective\b|\bmarkdown\b/i, 1, 'markup', 'rst md directive markdown'),
];

export const DUPLICATION_EXTRACT: LexiconEntry[] = [
  e(
    /\b(consolidat\w+|unif(y|ied|ying)|(several|multiple|three|two|different|slightly different|competing) (versions|copies|implementations|variants) of)\b/i,
    2.5,
    'consolidate',
    'consolidate consolidated consolidating consolidation unify unified unifying several multiple three two different slightly competing',
  ),
  w(
    'duplicate duplicated duplicates duplication duplicating dedupe dedup deduplicate deduplication copypasta',
    3,
    'duplication',
  ),
  e(/\bDRY\b(?!-)/, 3, 'DRY', 'dry'),
  e(
    /\b((is|are) repeated (in|across|between)|repeated in (both|two|three|several|all|`))|\balready (has|have|provides|offers|ships|includes|contains|implements|does) (a |an |the |this )?`[\w.]+`|\b(no need to|don't need to|do not need to|shouldn't|should not) (write|implement|roll|reinvent|re-?implement) (our|your|this|it|a|an) ?(own)?|\broll(ing)? (our|your) own\b/i,
    2.5,
    'already available',
    'repeated already roll rolling own',
  ),
  e(
    /\b(copy[- ]?(and[- ])?past(e|ed|ing)|same (code|logic|thing|block|check)s? (as|in|is)|(don't|do not) repeat yourself|repeat(ed|ing)? (code|logic|yourself))\b/i,
    3,
    'copy-paste',
    'copy paste pasted pasting copypaste copypasted same dry repeat repeated repeating',
  ),
  e(
    /\b(is|this is|that's|it's) (basically|essentially|just|exactly|effectively) `[\w.]+`|\bcall `?super(\(\))?`? instead\b|\blooks? (a lot |very much |a bit |quite a bit |pretty much )?like `[\w.]+`|\b(call|use|reuse|re-use) (that|it|this|the existing one|the existing (function|helper|method)|`[\w.]+`) instead\b/i,
    2.5,
    'reuse existing',
    'basically essentially exactly effectively super look looks reuse instead',
  ),
  e(
    /\b(are|is|look|looks|seem|seems) (very |quite |almost |nearly |basically |essentially |pretty much |virtually )?(identical|the same(?! as)|duplicates?|copies)\b|\b(third|second|another|yet another) copy of\b/i,
    2.5,
    'near-identical',
    'identical same duplicate duplicates copies copy',
  ),
  e(
    /\b(repetitive|repetition|twice|in (both|several|multiple|two|many) (different )?places|(very |quite |almost |nearly )?(identical|similar) (to|code|logic|functions?|methods?|blocks?)|look(s)? (very |quite |almost |nearly )?(identical|similar|the same))\b/i,
    2,
    'repetition',
    'repetitive repetition twice places identical similar same',
  ),
  e(
    /\b(factor (this|it|that|these|them) out|refactor (this|it|them) (in)?to|common (function|helper|method|module|code|base class)|extract(ed|ing)? (this |it |that |these )?(in)?to|pull (this |it )?out into|move (this|it|these) (in)?to (a |an |its own )?(helper|function|method|util|module))\b/i,
    2.5,
    'factor out',
    'factor refactor common extract extracted extracting pull move',
  ),
  w('extract reuse reused reusing reusable', 2, 'extract/reuse'),
  e(
    /\bre-?us(e|ed|ing|able)\b|\b(helper|utility|util|shared) (function|method|class|module)\b|\b(already (a|an|the) (function|helper|method|util)|existing (helper|function|util|method))\b/i,
    2,
    'helper/reuse',
    'reuse reused reusing reusable re helper utility util shared already existing',
  ),
  e(
    /\b((we |there )?(already|also) (have|has|had|exists?|is) (a |an )?`?[\w.]+`? (in|that|which|for|helper|function|method|util)|(does|do) (exactly |basically |essentially )?the same( thing)?|reinvent(s|ing)? the wheel|(only|just) differ(s)? (in|by)|differ(s)? only (in|by))\b/i,
    2.5,
    'already exists',
    'already same reinvent reinventing reinvents differ differs',
  ),
  e(
    /\b(own function|separate function|its own (method|function)|a (small |little )?helper)\b/i,
    2,
    'own function',
    'own separate helper',
  ),
];

export const STYLE_FORMATTING: LexiconEntry[] = [
  w(
    'formatting formatter formatted reformat reformatted prettier black gofmt goimports rustfmt isort autopep8 yapf lint linter linters linting eslint stylelint rubocop flake8 pycodestyle checkstyle clang fmt gofumpt biome dprint ktlint spotless scalafmt swiftlint standardrb',
    2,
    'formatter',
  ),
  e(
    /\b(line endings?|crlf|white ?space|indent(ation|ed|s)?|trailing (white ?space|spaces?|commas?|newlines?)|blank lines?|empty lines?|new ?lines?|line (length|breaks?|wrap)|too long|(80|100|120) char(acter)?s?|tabs|semicolons?|eol|end of (the )?file)\b/i,
    2.5,
    'whitespace',
    'crlf ending endings whitespace white space indent indentation indented indents trailing blank empty newline newlines new line lines long 80 100 120 char chars character characters tabs semicolon semicolons eol end',
  ),
  e(
    /\b(cargo fmt|go fmt|gofmt|goimports|black \.|prettier --write|ruff format|clang-format|npm run (format|lint)|pre-commit)\b/i,
    2.5,
    'formatter command',
    'cargo fmt gofmt goimports black prettier ruff clang format lint pre',
  ),
  e(
    /\b(import (order|sorting)|sort(ed|ing)? (the |these |your |all )?imports|code ?style|coding style|style ?guide|pep ?8|nit(pick)?:? (style|formatting|spacing)|run (the )?format|format (it|this|the code|your code))\b/i,
    2.5,
    'style',
    'import imports sort sorted code coding codestyle style styleguide pep pep8 nit nitpick run format',
  ),
  e(
    /\b(f-?strings?|string interpolation|template (literal|string)s?|quotes? (style|consistency)|single quotes|double quotes|curly braces)\b/i,
    1.5,
    'string style',
    'f fstring fstrings string strings interpolation template quote quotes single double curly',
  ),
  e(
    /\b(braces|parenthes[ie]s|brackets|parens) (are |is )?(not needed|unnecessary|redundant)\b|\b(unnecessary|redundant|extra) (parenthes[ie]s|parens|braces|brackets)\b/i,
    2,
    'redundant syntax',
    'braces parentheses parenthesis brackets parens',
  ),
  w('spacing spaces space style styling aesthetic cosmetic', 1.5, 'spacing/style'),
  w('alphabetize alphabetise alphabetized alphabetised alphabetical alphabetically', 2, 'ordering'),
  e(
    /\b(early returns?|return early|guard clauses?|reduce (the )?nesting|(deep|deeply|too) nested|nesting (level|depth)|flatten (this|the) (code|logic|conditions?))\b/i,
    2,
    'nesting/readability',
    'early return guard reduce deep deeply too nesting flatten',
  ),
];

export const LOGGING_DEBUG: LexiconEntry[] = [
  e(
    /\b(console\.(log|debug|info|error|warn)|print\(|e?println!|fmt\.Print|System\.(out|err)|dbg!|printStackTrace|var_dump|print_r)/,
    3,
    'debug output',
    'console print println eprintln fmt system dbg printstacktrace var dump r',
  ),
  e(
    /\b(debug(ging)? (prints?|output|statements?|code|logs?|logging|messages?)|print (statements?|calls?|debugging)|leftover (print|debug|log)|stray (prints?|logs?))\b/i,
    3,
    'leftover debug',
    'debug debugging print leftover stray',
  ),
  e(
    /\b(log (levels?|messages?|lines?|statements?|output|entry|entries|spam|noise)|(debug|info|warn|warning|error|trace|verbose)[- ]level|log(ged)? (at|as|with|to) (the )?(debug|info|warn|warning|error|trace)|(noisy|spammy|chatty|verbose) (logs?|logging|output)|(log|logs|logged|logging) (a |an |the |as )?(warnings?|errors?|info|debug|exceptions?))\b/i,
    3,
    'log level',
    'log logs logging logged level noisy spammy chatty verbose',
  ),
  w('log logs logged logger loggers logging syslog stacktrace slog logrus zap', 2, 'logging'),
  w('print prints printing printed verbose verbosity', 1.5, 'print'),
  w('debug debugging console stdout stderr', 1.25, 'debug/console'),
];

export const UNUSED_CODE: LexiconEntry[] = [
  e(
    /\b((isn't|aren't|is not|are not|no longer|never|not) (being )?(referenced|used|called|imported|read|needed) (anywhere|anymore|any more)|used nowhere|nowhere (used|referenced|called)|dead (branch|branches|path|paths|store|stores|assignment|assignments|function|functions|method|methods|code)|can never (be (true|false|reached|hit|null|none)|happen|run|execute))\b/i,
    3,
    'never used',
    'anywhere anymore more nowhere dead never',
  ),
  e(
    /\b(unused|not used|never used|isn't used|is not used|aren't used|no longer used|not being used|dead code|unreachable|never (called|read|reached))\b/i,
    3.5,
    'unused',
    'unused used dead unreachable never',
  ),
  e(
    /\b((still|even) (need|needed|used|necessary|called|required)|(any|no) (callers|usages|references|call sites)|(never|not) (called|referenced|imported|read)|nothing (calls|uses|references|reads|imports) (it|this|that|them|`[\w.]+`)|(was|were|is|are) only (used|needed|called|referenced|imported) (by|for|in)|can (it|this|that|they|these) go\b|(since|now that) (we )?(dropped|removed|no longer support|don't support|stopped supporting)|\b(shim|polyfill|workaround|fallback|backport) can go\b)\b/i,
    2.5,
    'still needed?',
    'still even callers usages references called referenced imported read nothing only go dropped removed support supporting',
  ),
  e(
    /\b(commented[- ]out|outcommented|commented code|remove (this|these|the) (unused )?(import|variable|line|code|function|method|block|parameter)s?|remov(e|ing) (dead )?code)\b/i,
    2.5,
    'remove code',
    'commented outcommented remove removing',
  ),
  e(
    /\b(unnecessary|redundant|not needed|no longer needed|leftover|obsolete|stale) (imports?|variables?|code|checks?|assignments?|parameters?|arguments?|functions?|methods?|branch(es)?|conditions?|dependenc(y|ies))\b/i,
    2.5,
    'redundant code',
    'unnecessary redundant needed leftover obsolete stale',
  ),
  w('import imports imported', 0.5, 'import'),
  e(
    /\b(remove|delete|drop) (this|these|it|them|that)\b|\b(no longer (needed|necessary)|isn't needed|is not needed|not needed|unneeded|obsolete|leftovers?|can be removed|can go)\b/i,
    1.5,
    'remove it',
    'remove delete drop needed necessary unneeded obsolete leftover leftovers removed go',
  ),
];
