// The classifier's lexicon: weighted cues per theme, read against the reviewer's own words.
// Transparent on purpose: every match is reported as a cue, so a maintainer can see why.
// Two kinds of entry: `words` (any of these lower-case words, looked up in the comment's word
// set, cheap) and `pattern` (a phrase or code shape). Weights: 3+ is a strong cue that decides a
// theme alone, 1.5-2.5 a clear cue, below 1.5 a weak cue that only counts with others.
import type { Theme } from './taxonomy';

export interface LexiconEntry {
  pattern?: RegExp;
  /** A pattern is only tried when the comment has one of these words (speed, not meaning). */
  gate?: ReadonlySet<string>;
  words?: ReadonlySet<string>;
  weight: number;
  cue: string;
}

const e = (pattern: RegExp, weight: number, cue: string, gate?: string): LexiconEntry =>
  gate ? { pattern, weight, cue, gate: new Set(gate.split(' ')) } : { pattern, weight, cue };
const w = (words: string, weight: number, cue: string): LexiconEntry => ({ words: new Set(words.split(' ')), weight, cue });

/** Frequent misspellings seen in code, comments and docs (a reviewer quoting them is pointing one out). */
const MISSPELLINGS =
  'teh recieve recieved reciever seperate seperated seperator occured occurence occurrance definately accross adress ' +
  'lenght heigth widht paramter paramters arguement arguements enviroment existant dependancy dependancies retreive ' +
  'succesful successfull succesfully begining commited comming untill wierd thier neccessary necesary accomodate ' +
  'acheive noticable refered responsability sucess supress tommorow truely writting similiar funtion fucntion retrun ' +
  'reponse resposne initalize intialize instanciate availible avaliable compatability priviledge wether cancelation ' +
  'explicitely implicitely unecessary unneccessary overriden reproducable guarentee garantee mesage messsage ' +
  'udpate upate calback valdiate vaildate exeption excpetion propery proprety attribtue usefull independant ' +
  'requried requred recomend reccomend appropiate approriate consistant enought containes alredy allready aswell';

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
    e(/\b(camel ?case|snake ?case|pascal ?case|kebab ?case|screaming[_ ]case|naming conventions?|lower ?case|upper ?case|title ?case)\b/i, 3, 'naming convention', 'case camel snake pascal kebab camelcase snakecase pascalcase kebabcase conventions convention lowercase uppercase titlecase lower upper title'),
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
  'magic-values': [
    e(/\bmagic (numbers?|values?|constants?|strings?|literals?)\b/i, 3.5, 'magic number', 'magic'),
    e(/\b(named (\w+ )?constants?|constant (for|instead)|make (this|it) a constant|extract (it |this )?(in)?to a constant|create a constant|move (this |it )?to a constant|as a constant|const(ant)? (variable|value)|an enum (instead|for))\b/i, 3, 'named constant', 'named constant constants enum'),
    e(/\b(hard[- ]?cod(ed|ing|e)|hardcode)\b/i, 2.5, 'hardcoded', 'hard hardcoded hardcode hardcoding hardcodes'),
    e(/\b(configurable|config(uration)? (value|option|setting))\b/i, 0.75, 'config value', 'configurable config configuration'),
    w('constant constants literal literals', 1.5, 'constant'),
    w('magic', 2, 'magic'),
    e(/\b(arbitrary|unexplained|unnamed|random) (numbers?|values?|limits?|timeouts?|constants?|delays?|sizes?|thresholds?)\b|\b(use|define|introduce|add) (a |an )?(named )?(constant|enum)\b/i, 2.5, 'arbitrary value', 'arbitrary unexplained unnamed random use define introduce add'),
    e(/\b(why|what is|what's|what does) (\w+ ){0,3}\d+(\.\d+)?\b(?! ?%)|\bwhere does (the |this )?(\d+|number|value) come from\b/i, 1.5, 'unexplained number', 'why where what'),
  ],
  performance: [
    w('performance perf performant faster slower slow efficient inefficient efficiency speedup optimize optimise optimization optimisation optimized optimised latency throughput', 2.5, 'performance'),
    e(/\bO\((n|n\^?2|n\*\*2|n log n|log n|1|n\*m|n²)\)|\b(quadratic|linear time|constant time|time complexity|complexity)\b|\bperforms? (better|worse|poorly)\b/i, 3, 'complexity'),
    w('allocate allocates allocation allocations memory cache caching cached memoize memoise memoization lazy lazily batch batched batching benchmark benchmarks loop loops iterate iterating', 1.25, 'cost'),
    e(/\b(n\+1|hot path|tight loop|on every (call|request|iteration|render)|each time|every time)\b/i, 1.5, 'repeated cost', 'n hot tight every each'),
    e(/\b(sets?|hash ?map|dict(ionary)?) (lookup|instead)\b|\binstead of (a )?(list|array)\b|\b(set|dict|map) instead\b/i, 1.5, 'data structure', 'set sets hash hashmap dict dictionary map instead'),
    e(/\b(expensive|costly|overhead|unnecessary (copy|copies|allocation|work|calls?|iterations?|queries)|redundant (calls?|computation|lookups?|queries))\b/i, 2, 'cost words', 'expensive costly overhead unnecessary redundant'),
    e(/\b(once|one (query|call|request|lookup)) (per|for (each|every))\b|\b(for|on|in) (each|every) (row|item|element|iteration|call|request|render|record|entry|line|loop|frame|event)\b|\b(network|http|api|database|db|disk|rpc|remote) (calls?|requests?|round ?trips?|quer(y|ies)|access|reads?|writes?)\b/i, 1.5, 'per-item cost', 'once one for on in network http api database db disk rpc remote'),
    e(/\b((all|whole|entire) (file|table|list|array|dataset|response|result) (in|into) memory|(in|into) memory|stream (it|this|them|the)|all at once|in bulk|bulk (insert|query|fetch|load)|single query|concatenat(e|ing|ion) (strings? )?in (a|the) loop|stringbuilder|strings\.builder|(compile|precompile) (the |this )?(regex|pattern)|hoist (it|this))\b/i, 2, 'memory/bulk', 'all whole entire in into stream bulk single concatenate concatenating concatenation stringbuilder strings compile precompile hoist'),
    w('fast speed cpu rerender rerenders scalability scales linear logarithmic lookups', 1.25, 'speed words'),
    e(/\b(re-?renders?|in (a |one )?(single|one) (pass|iteration|query|request|round ?trip)|big-?o|blocking (call|the event loop|io)|event loop|round ?trips?)\b/i, 2, 'wasted work', 're rerender rerenders renders render single one big bigo blocking event round roundtrip roundtrips trips'),
  ],
  security: [
    w('security secure insecure vulnerable vulnerability vulnerabilities exploit exploitable attacker attackers malicious cve xss csrf ssrf rce owasp', 3, 'security'),
    e(/\b(sql injection|injection|path traversal|sanitiz(e|ed|ation)|sanitis(e|ed|ation)|untrusted|user[- ]input|user[- ]supplied|parameteri[sz]ed (query|queries|statements?)|prepared statements?|timing attacks?|open redirects?)\b/i, 2.5, 'injection', 'sql injection traversal sanitize sanitized sanitization sanitise sanitised sanitisation untrusted user prepared parameterized parameterised timing redirect'),
    w('escape escaping unescaped', 1.5, 'escaping'),
    e(/\b(anyone|any user|an? (unauthenticated|anonymous|untrusted) (user|caller|client)) (can|could|to) (read|write|access|delete|execute|call|see|modify)\b|\barbitrary (code|commands?|files?|paths?|urls?|sql|html|scripts?) (execution|read|write|access)?|\b(read|write|delete|access) any file\b|\.env\b|\bcommit(ted|ting)? (the |your |a )?(secrets?|keys?|credentials|passwords?|tokens?)\b|\bvalidat(e|ion of) (the )?(input|url|redirect|path|user|origin|signature)\b/i, 2.5, 'unsafe access'),
    w('attack attacks', 2.5, 'attack'),
    w('md5 sha1 bcrypt argon2 encrypt encrypted encryption decrypt tls ssl certificate certificates cryptographic cryptographically csprng nonce', 2, 'crypto'),
    e(/\b(sensitive (data|information|info|values?|fields?)|pii|personal data|denial of service|dos attack|redos|rate[- ]limit(ing|ed)?|brute[- ]force|leak(s|ed|ing)? (the |a |any )?(secrets?|tokens?|passwords?|keys?|credentials|data|information|info)|(is |are |be )?(dangerous|unsafe) (to|for|with|if|when))\b/i, 2.5, 'sensitive data', 'sensitive pii personal denial dos redos rate brute leak leaks leaked leaking dangerous unsafe'),
    e(/\b(secrets?|credentials?|passwords?|api[- ]?keys?|private keys?|access tokens?|tokens? (leak|in (the )?(logs?|code|source|url)))\b/i, 2.5, 'secret', 'secret secrets credential credentials password passwords api apikey apikeys key keys private access token tokens'),
    e(/\b(permissions?|privileges?|auth(entication|orization|n|z)?|access control|chmod|0777|shell=True|eval\(|exec\(|pickle|dangerouslySetInnerHTML|innerHTML|verify=False|csp|cors)\b/i, 1.5, 'permissions'),
    w('sql', 0.75, 'sql'),
  ],
  'typo-spelling': [
    w('typo typos typos misspell misspelled misspelling misspellings misspelt spelling spelt spellcheck codespell', 3.5, 'typo'),
    e(/\b(spelled|spelt) (wrong|wrongly|incorrectly)\b|\b(sp\.|\(sic\))|\b(missing|extra) (an? )?(letter|["'`“]\w{1,2}["'`”])|\bdouble (word|the|a)\b/i, 3, 'spelling phrase'),
    w('grammar grammatical capitalize capitalise capitalized capitalised capitalization capitalisation punctuation apostrophe', 1.5, 'grammar'),
    w(MISSPELLINGS, 1.5, 'common misspelling'),
  ],
  'api-design': [
    e(/\b(public (api|interface|method|function|class|surface)|api (design|surface|change)|breaking changes?|backwards?[- ]compat(ible|ibility)?|deprecat(e|ed|ion|ing))\b/i, 3, 'public API', 'public api breaking backward backwards compatible compatibility compat deprecate deprecated deprecation deprecating'),
    w('signature parameter parameters argument arguments kwarg kwargs overload overloads', 1, 'parameters'),
    e(/\b(keyword argument|return value|default value|optional (param(eter)?|argument)|positional argument)s?\b/i, 1.5, 'parameter shape', 'argument arguments value parameter param optional'),
    w('configurable expose exposed exposing encapsulate encapsulation caller callers consumer consumers', 2, 'interface'),
    w('endpoint endpoints interface contract semver', 1.25, 'contract'),
    e(/\b(options? (object|struct|bag|dict)|boolean (flags?|param(eter)?s?|arg(ument)?s?)|too many (param(eter)?s|arg(ument)?s)|builder pattern|call sites?|user-facing|breaking|(make|keep) (this|it) (private|internal)|should(n't| not)? be (public|private|internal|exported))\b/i, 2.5, 'interface shape', "option options boolean too builder call site sites user facing breaking make keep should shouldn't"),
    w('abstraction abstractions coupling coupled decouple decoupled ergonomic ergonomics usability visibility', 1.5, 'design words'),
    w('public private internal internally visibility exported unexported pub', 1.5, 'visibility'),
    e(/\b(keyword[- ]only|positional[- ]only|default (value|argument|behaviou?r)s?|(new|extra|another) (flag|option|parameter|argument|setting)|env(ironment)? var(iable)?s?|config(uration)? (file|key)|(cli|command[- ]line) (flag|option|argument)s?|belongs? (in|to|on)|should live (in|on)|free function|single responsibility|return (a|an) (result|error|option|optional|promise|iterator|generator|tuple|list|dict|map|struct|object|enum)\b)/i, 1.5, 'API shape', 'keyword positional default new extra another env environment config configuration cli command belong belongs live free single return'),
    e(/\b(should (take|accept|return|expose)|return (a|an) \w+ instead|(this|the) (api|method|function) should|leaky abstraction|separation of concerns)\b/i, 1.5, 'interface shape', 'should return abstraction separation'),
  ],
};
