// Lexicon for the themes about how code is written and checked: type annotations, error
// handling, tests and naming. See theme-lexicon.ts for how entries are read.
import { e, w, type LexiconEntry } from './lexicon-entry';

export const TYPE_ANNOTATIONS: LexiconEntry[] = [
  e(
    /\b(type[- ]?(hints?|hinted|hinting|annotations?|signatures?|checks?|checking|checker|safety|safe|stubs?|alias(es)?|guards?|narrowing|inference|errors?)|typehints?|typings)\b/i,
    3,
    'type hint',
    'type typehint typehints typing typings',
  ),
  e(
    /\b(return|param(eter)?|arg(ument)?|field|property|variable|generic|union|concrete|specific|precise|narrow(er)?|wider|broader|correct|right|wrong|explicit|inferred|static|proper|real|stricter|int|integer|string|str|float|bool|boolean|numeric|nullable|optional|primitive|literal) types?\b/i,
    2.5,
    'kind of type',
    'type types',
  ),
  e(
    /\b(add|missing|need|needs|declare|specify|give it|annotate with) (a |an |the |its )?(explicit |return |proper )?types?\b|\btypes? (of|for) `/i,
    2,
    'add a type',
    'type types',
  ),
  w(
    'annotate annotated annotating annotation annotations untyped typed mypy pyright pytype pyre tsc typescript flow noimplicitany generics generic typevar typeddict dataclass sorbet',
    1.5,
    'typing word',
  ),
  e(
    /\b(strict (mode|null checks)|ts-ignore|ts-expect-error|type: ?ignore|as any|non-null assertion|type (assertion|cast)|cast(ing|s)? (it |this )?to|type parameters?|interface\{\}|lifetime annotations?)\b/i,
    2,
    'type escape hatch',
    'strict ts ignore any non assertion cast casting casts parameter parameters interface lifetime',
  ),
  e(
    /`[^`\n]*(->\s*\w|:\s*(str|int|float|bool|list|dict|None|string|number|boolean|any|unknown)\b)/,
    1.5,
    'annotation in code',
  ),
  w('type types', 0.75, 'type'),
];

export const ERROR_HANDLING: LexiconEntry[] = [
  w('exception exceptions catch catches catching caught except finally', 1.5, 'exception'),
  e(
    /\b(try\/except|try\/catch|try-catch|try-except|except(ion)? (clause|handler|block)|catch block|error handler)\b/i,
    2.5,
    'exception handler',
    'try except exception catch error',
  ),
  e(
    /\bbare (except|catch)\b|\bexcept\s*:|\bcatch\s*\(\s*\)|\bexcept Exception\b/i,
    3,
    'bare except',
    'bare except catch',
  ),
  w(
    'raise raises raised throw throws thrown rethrow reraise propagate propagates propagated unwrap expect panic panics',
    1,
    'raise/throw',
  ),
  e(
    /\b(wrap(s|ped|ping)? (the |this |that |an? )?(original )?(errors?|exceptions?)|(errors?|exceptions?) (chaining|wrapping|context)|raise ([\w.]+|\.\.\.)( ?\(.*?\))? from|(original|underlying) (traceback|exception|cause)|exception chaining|keep the (original )?(traceback|stack ?trace)|fmt\.Errorf|errors\.(Wrap|Is|As)|%w\b)/i,
    2.5,
    'wrap the error',
    'wrap wraps wrapped wrapping error errors exception exceptions raise fmt w original underlying keep',
  ),
  e(
    /\b(error[- ]handling|handle (the |this |that |an? )?(errors?|failures?|exceptions?|case where|(missing|invalid|empty|null|none|nil|bad|malformed|unexpected) \w+)|error (path|case|message|code)s?|unhappy path)\b/i,
    2.5,
    'error handling',
    'error errors handle handling path',
  ),
  e(
    /\b((promise|rejection|future|task|errors?|exceptions?|failures?)s? (is |are |gets |get )?(never |not )?(handled|caught|awaited|checked)|unhandled (rejection|promise|exception|error)s?|uncaught (exception|error)s?)\b/i,
    2.5,
    'unhandled failure',
    'promise promises rejection future task error errors exception exceptions failure failures unhandled uncaught',
  ),
  e(
    /\b(return|returns|respond|responds|responding|send|sends|raise|raises|throw|throws) (with )?(a |an )?(http )?[45]\d\d\b|\b[45]\d\d (error|response|status)\b/i,
    2.5,
    'error status',
    'return returns respond responds responding send sends raise raises throw throws error response status',
  ),
  e(
    /\b(hid(e|es|ing) (real |the real |actual |underlying )?(bugs|errors?|failures?|exceptions?|problems)|mask(s|ing)? (the )?(real |underlying )?(errors?|failures?|bugs|exceptions?)|(clean ?up|cleanup|roll ?back|rollback|release|close|delete|remove) .{0,25}\b(on|after|in case of|if there's an?|when there's an?) (error|failure|exception|panic)|(close|release|clean up|cleanup|free|unlock) [^.]{0,30}(even )?(when|if) [^.]{0,25}(fails|raises|throws|errors|panics)|partial (file|write|state|data|download)|left (over )?behind|(try|with)[/-](finally|except)|finally (block|clause)|resource leaks?)\b/i,
    2.5,
    'failure cleanup',
    'hide hides hiding mask masks masking clean cleanup roll rollback release close delete remove partial left try with finally resource',
  ),
  e(
    /\b(fail(s|ing)?[- ](fast|early|loudly|loud|hard)|rais(e|es|ing) (early|immediately)|los(e|es|ing) (the )?(original )?(error )?(context|traceback|stack ?trace|cause))\b/i,
    2.5,
    'fail fast',
    'fail fails failing raise raises raising lose loses losing',
  ),
  e(
    /\b(silently )?return(s|ing)? (an? )?(empty|none|null|nil|default|zero) (result|value|list|string|object)? ?(on|when|if|instead of) (an? )?(error|failure|invalid|exception|raising|throwing)\b/i,
    1.5,
    'default on failure',
    'return returns returning',
  ),
  e(
    /\b(swallow(s|ed|ing)?|silently (ignore|fail|drop)s?|ignor(e|es|ed|ing) (the )?(errors?|exceptions?|return value)|unchecked (error|exception)|err != nil|if err|return(s|ed)? (an? |the )?err(or)?|\?-operator|the `\?` operator|unwrap\(\)|\.expect\()/i,
    2.5,
    'swallowed error',
    'swallow swallows swallowed swallowing silently ignore ignores ignored ignoring unchecked err return returns returned operator unwrap expect',
  ),
  e(
    /\b(errors?|exceptions?|return (value|code)|err) (returned |raised |thrown )?((by|from) `?[\w.]+`? )?(is |are |gets |get )?(ignored|discarded|dropped|swallowed|lost|unhandled|not (checked|handled))\b/i,
    2.5,
    'ignored error',
    'error errors exception exceptions return err',
  ),
  e(
    /\b(what (happens )?(if|when) .{0,40}(fails?|null|none|nil|undefined|missing|empty|throws|raises|errors?)|(we|it|this|that|the \w+) (will |would |could )?(crash|crashes|blows? up|panics?)\b)/i,
    1.5,
    'failure case',
    'what crash crashes blow blows panic panics',
  ),
  e(
    /\b(null|nil|none|undefined) (check|pointer|dereference|safety)\b|\bnullable\b|\bnpe\b/i,
    1.5,
    'null check',
    'null nil none undefined nullable npe',
  ),
  w('fallback retry retries timeout crash crashes errno traceback', 0.75, 'failure mode'),
  w('error errors fail fails failed failure failures failing', 1, 'error/failure'),
];

export const TESTS: LexiconEntry[] = [
  w(
    'test tests unittest unittests pytest jest mocha vitest junit testify rspec snapshot snapshots',
    1.5,
    'test',
  ),
  e(
    /\bassert(s|ing|ion)? (on|that|against)\b|\b(check|verify|test|asserts?) (that )?(it|this) (raises|throws|fails)|\brather than just (that )?(it )?(raises|throws|passes|runs)|\b(add|missing|another|a|one more) (test )?case (for|where|with)\b|\bcases? for (negative|empty|null|zero|invalid|large|unicode|edge|boundary)|\btest(ing)? the mock|\bmocks? (so much|too much|everything)/i,
    3,
    'assertion/case',
    'assert asserts asserting assertion check verify test rather case cases testing mock mocks',
  ),
  e(
    /\b(add|write|missing|need|needs|cover|covered|extend|update) (a |an |some |more |the )?(unit |integration |regression |e2e |snapshot )?(tests?|test cases?|specs?)\b|\b(no|without) tests?\b/i,
    2.5,
    'add a test',
    'test tests spec specs case cases',
  ),
  w(
    'coverage assert asserts assertion assertions fixture fixtures mock mocks mocked mocking stub stubs stubbed parametrize parameterize',
    1.5,
    'test tooling',
  ),
  w('flaky flakiness flake', 2, 'flaky'),
  e(
    /\btest_\w|\.(test|spec)\.[jt]sx?\b|_test\.(go|py)\b|\b(test case|edge cases?|corner cases?)\b/i,
    1.5,
    'test file/case',
    'test spec case cases',
  ),
  w('tested untested testing', 1, 'tested'),
];

export const NAMING: LexiconEntry[] = [
  w('rename renaming renamed renames naming', 3, 'rename'),
  e(
    /\b(better|clearer|good|bad|poor|vague|confusing|misleading|generic|descriptive|meaningful|explicit|specific|shorter|longer|consistent|inconsistent|odd|weird|unclear|accurate|different|new|old|current|proper) names?\b|\bnames? (is|isn't|seems|sounds|could|should|does|doesn't|feels|reads|implies|suggests)\b/i,
    3,
    'judges a name',
    'name names',
  ),
  e(
    /\b(variable|function|method|class|field|param(eter)?|argument|file|module|package|struct|type|constant|property|attribute|test|enum|key) names?\b/i,
    2,
    'names a kind of identifier',
    'name names',
  ),
  e(
    /\b((upper|screaming)[_ ]snake([_ ]?case)?|all[ -]caps|camel[ _]?case|snake[ _]?case|pascal[ _]?case|kebab[- _]?case|screaming[_ ](snake[_ ])?case|naming conventions?|lower ?case|upper ?case|title ?case)\b/i,
    3,
    'naming convention',
    'case camel snake pascal kebab camelcase snakecase pascalcase kebabcase conventions convention lowercase uppercase titlecase lower upper title',
  ),
  e(
    /\b(call(ed)? (it|this|them|that) (`\w+|[a-z]+[A-Z_]\w*|[A-Z]\w*[a-z]\w*[A-Z]\w*)|should be (called|named)|(called|named) something like|name (it|this|them) (`\w+|[a-z]+[A-Z_]\w*))/,
    2.5,
    'call it X',
    'call called name named',
  ),
  e(
    /`\w+` (prefix|suffix)|\b(prefix|suffix) (suggests|implies|means|is|should|makes)\b|\b(maybe|perhaps|how about|what about|suggest|consider|prefer)\s+`[a-z]+(?:[A-Z_]\w*)`\s*\?/i,
    2.5,
    'suggests a name',
    'prefix suffix maybe perhaps how what suggest consider prefer',
  ),
  e(
    /\bmore (descriptive|meaningful|explicit|specific|accurate)\b|\b(shadow(s|ing|ed)? (a |the )?(built-?ins?|globals?|outer|module))\b|\b(leading|trailing) underscore\b|\b(prefix|suffix)(ed)? (with|by)\b|\b(plural|singular)\b/i,
    1.5,
    'descriptive/convention',
    'more shadow shadows shadowing shadowed leading trailing prefix suffix prefixed suffixed plural singular',
  ),
  e(
    /`[A-Za-z_$][\w$]*` (doesn't|does not|don't|do not) (say|tell|convey|describe|explain|reflect|indicate|communicate|match)\b|`[A-Za-z_$][\w$]*` (sounds|reads|seems|is (a bit |quite |too |very )?(odd|weird|vague|unclear|confusing|misleading|generic|long|short))\b/i,
    2,
    'judges `identifier`',
    "sounds reads seems doesn't don't odd weird vague unclear confusing misleading generic long short",
  ),
  e(
    /\b(should|could) (this |it )?be (called |named |renamed to )?`([a-z]+[A-Z]\w*|[a-z]+_\w+)`(?!\s*\()/,
    1.5,
    'should be `codeName`',
    'should could',
  ),
  e(/\b(the|this|that|a|its) name\b/i, 1.5, 'the name', 'name'),
  e(
    /\b(isn't|is not|not) (very |really |particularly |that )?(descriptive|meaningful|self-explanatory)\b|\bsomething like `[a-z][\w]*[_A-Z][\w]*`|\b(would |doesn't |does not |to )?say what it (does|is|holds|returns)\b|\b(called|named) `[\w.]+` but\b|\bname `[\w.]+` (suggests|implies|says|sounds)|\bspell (it |`\w+` )?out\b|\b(don't|do not|avoid) abbreviat\w+|\babbreviations? (make|makes|are|is)\b/i,
    2.5,
    'abbreviation',
    "something say says descriptive meaningful self called named name spell don't do avoid abbreviation abbreviations abbreviate abbreviating",
  ),
  w(
    'name names named identifier identifiers abbreviation abbreviations abbreviated',
    1,
    'name mention',
  ),
];
