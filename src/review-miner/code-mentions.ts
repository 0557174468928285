// Code the reviewer quotes (inline `code` and fenced examples, not ```suggestion blocks): a
// mention of `console.log`, `logger.warning(...)` or `Optional[int]` says what the comment is about.
import type { CodeCue } from './code-cues';

const ONE_LINE_FENCE = /```([^`\n]+)```/g;
const FENCE = /```(?!suggestion)[^\n`]*\n([\s\S]*?)(?:```|$)/g;
const INLINE = /`([^`\n]+)`/g;

/** Inline code spans and fenced examples, excluding suggestion blocks. */
export function quotedCode(text: string): { inline: string[]; fenced: string[] } {
  const body = text.replace(ONE_LINE_FENCE, '`$1`');
  const fenced = [...body.matchAll(FENCE)].map((m) => m[1] ?? '');
  const withoutFences = body.replace(/```[\s\S]*?(?:```|$)/g, ' ');
  const inline = [...withoutFences.matchAll(INLINE)].map((m) => m[1] ?? '');
  return { inline, fenced };
}

export const DEBUG_CALL =
  /\b(?:console\.(?:log|debug|info|trace|dir)|print(?:ln)?\s*\(|e?println!|e?print!|dbg!|fmt\.Print(?:ln|f)?|System\.(?:out|err)\.print|printStackTrace|var_dump|print_r|pprint\s*\(|puts\s)/;
export const LOGGER_CALL =
  /\b(?:log(?:ger)?|logging|LOG|LOGGER|Log|slog|zap|logrus|tracing|log::)\s*(?:\.|::)\s*(?:debug|info|warn(?:ing)?|error|trace|exception|critical|fatal|Printf|Println|With(?:Field|Fields|Error)?)\b|\b(?:debug|info|warn|error|trace)!\s*\(|\bWithFields?\s*\(/;
/** Type syntax: subscripted or generic types, return arrows, annotations with a known type. */
export const TYPE_SYNTAX =
  /\b(?:Optional|Union|List|Dict|Set|Tuple|Type|Iterable|Iterator|Sequence|Mapping|Callable|Generator|Awaitable|Literal|Final|ClassVar|Annotated|list|dict|set|tuple|type)\[|\b(?:Array|Promise|Record|Partial|Readonly|Map|Set|List|Vec|Option|Result|Box|HashMap|Optional)<[\w\s,<>[\]|]+>|\)\s*->\s*[\w[\].]+|\b\w+\s*:\s*(?:str|int|float|bool|bytes|None|Any|string|number|boolean|unknown|any|void|never)\b|\b(?:TypeVar|Protocol|TypedDict|NoReturn|Self|interface\{\})|\|\s*(?:None|undefined|null)\b|\bas\s+(?:any|unknown)\b/;
/** A quoted name alone is a type when it is one of the typing vocabulary. */
const TYPE_WORD =
  /^(?:Any|any|unknown|never|Optional|Union|Dict|List|Tuple|Set|FrozenSet|DefaultDict|OrderedDict|Type|Iterable|Iterator|Sequence|Mapping|Callable|Generator|Awaitable|TypeVar|Generic|Protocol|TypedDict|Literal|Final|NoReturn|Self|interface\{\}|Record|Partial|Readonly)$/;

/** Deprecation markers across ecosystems: quoting one is about the public API's lifecycle. */
const DEPRECATION =
  /(?:@[Dd]eprecated|#\[deprecated|\[\[deprecated|\[Obsolete|DeprecationWarning|FutureWarning|warnings\.deprecated|\bDeprecated:|@typing_extensions\.deprecated|\bdeprecate\()/;
/** Visibility and export markers: which names callers can reach. */
const VISIBILITY =
  /^(?:pub(?:\(crate\)|\(super\))?|__all__|@internal|@public|@api|export(?: default)?|internal|private|protected|public|@VisibleForTesting|@PublicApi|@Beta)$/;
/** A bare numeric literal (`4096`, `0.75`, `60 * 60`): the reviewer is asking about a value. */
const NUMBER_LITERAL =
  /^-?(?:0x[\da-f_]+|0b[01_]+|0o[0-7_]+|\d[\d_,.]*(?:\s*[*x/]\s*\d[\d_,.]*)*(?:ms|s|m|h|kb|mb|gb|px)?)$|^['"]#[\da-f]{3,8}['"]$/i;
const VERSION_LIKE = /^\d+\.\d+\.\d+|^v\d/;
/** Calls and settings that are unsafe with untrusted input. */
const UNSAFE_CALL =
  /(?:shell\s*=\s*True|verify\s*=\s*False|\beval\b|\bexec\s*\(|os\.system|pickle\.loads?|yaml\.load\b|innerHTML|dangerouslySetInnerHTML|InsecureSkipVerify|rejectUnauthorized|mark_safe|html_safe|\|\s*safe\b|v-html|Math\.random|Runtime(?:\.getRuntime\(\))?\.exec|child_process\.exec|os\.popen|compare_digest|timingSafeEqual|ConstantTimeCompare|chmod\s+(?:0?777|a\+w)|\b0o?777\b)/;
/** An error dropped on the floor: `except: pass`, `catch (e) {}`, `_ = err`, `rescue nil`. */
const SWALLOWED =
  /^(?:except(?:\s+\w+(?:\s+as\s+\w+)?)?\s*:\s*(?:pass|\.\.\.|continue)|catch\s*(?:\(\s*\w*\s*\))?\s*\{\s*\}|_\s*=\s*err|rescue(?:\s+\w+)?\s*(?:=>\s*\w+\s*)?;?\s*nil|\.catch\(\s*\(\)\s*=>\s*\{?\s*\}?\s*\)|on error resume next)$/i;
/** An exception handler or error check: `except KeyError`, `catch (IOException e)`, `if err != nil`. */
const HANDLER =
  /^(?:try|except(?:\s+[\w.(), ]+)?:?|catch(?:\s*\([^)]*\))?|rescue(?:\s+[\w:]+)?|finally|if err != nil|errors\.(?:Is|As)\(.*|raise \w+(?:\(.*\))?(?: from \w+)?|throw new \w+.*)$/;
/** A debugger hook or a print function named on its own: something left over from debugging. */
const LEFTOVER_DEBUG =
  /^(?:debugger;?|breakpoint\(\)|pdb|import pdb|(?:i?pdb\.)?set_trace\(\)|binding\.pry|byebug|pprint|pp|print|println!?|console\.(?:log|debug|dir|trace)|dbg!|var_dump|print_r|dd|dump|puts|fmt\.Print(?:ln|f)?|System\.out\.println)$/;
/** Calls that are about cost: memoisation, eager loading, capacity, copies. */
const COST_CALL =
  /(?:select_related|prefetch_related|joinedload|selectinload|useMemo|useCallback|React\.memo|lru_cache|functools\.cache|cached_property|StringBuilder|strings\.Builder|with_capacity|\.reserve\(|\.clone\(\)|\bmemo\b|bytes\.Buffer)/;

function valueCues(code: string, push: (cue: CodeCue) => void): void {
  const trimmed = code.trim();
  if (DEPRECATION.test(trimmed))
    push({ theme: 'api-design', weight: 3, cue: 'quotes a deprecation marker' });
  else if (VISIBILITY.test(trimmed))
    push({ theme: 'api-design', weight: 1.5, cue: 'quotes a visibility keyword' });
  if (NUMBER_LITERAL.test(trimmed) && !VERSION_LIKE.test(trimmed)) {
    const single = /^-?\d$/.test(trimmed);
    push({ theme: 'magic-values', weight: single ? 1.5 : 2, cue: 'quotes a bare number' });
  }
  if (UNSAFE_CALL.test(trimmed))
    push({ theme: 'security', weight: 2.5, cue: 'quotes an unsafe call' });
  if (trimmed === '?' || trimmed === '.unwrap()' || trimmed === 'unwrap()')
    push({ theme: 'error-handling', weight: 2.5, cue: 'quotes error propagation' });
  if (SWALLOWED.test(trimmed))
    push({ theme: 'error-handling', weight: 3, cue: 'quotes a swallowed error' });
  else if (HANDLER.test(trimmed))
    push({ theme: 'error-handling', weight: 2.5, cue: 'quotes an exception handler' });
  if (LEFTOVER_DEBUG.test(trimmed))
    push({ theme: 'logging-debug', weight: 3, cue: 'quotes a leftover debug call' });
  if (
    /^(?:if |while |return |assert )?[\w.[\]()]+\s*(?:[=!]==?|[<>]=?)\s*-?\d*[2-9]\d*(?:\.\d+)?\)?:?$/.test(
      trimmed,
    )
  ) {
    push({ theme: 'magic-values', weight: 1.5, cue: 'quotes a comparison with a literal' });
  }
  if (/^[A-Za-z_]\w*\s*[=:]\s*-?\d[\d_.]*(?:ms|s)?$/.test(trimmed)) {
    push({ theme: 'magic-values', weight: 2, cue: 'quotes a literal setting' });
  }
  if (/^(?:\*\*?|\.\.\.)(?:kwargs|args|options|opts|props|rest|params)$/.test(trimmed)) {
    push({ theme: 'api-design', weight: 1.5, cue: 'quotes a catch-all parameter' });
  }
  if (/^\.\.[\\/]?$/.test(trimmed))
    push({ theme: 'security', weight: 2.5, cue: 'quotes a parent-directory path' });
  if (COST_CALL.test(trimmed))
    push({ theme: 'performance', weight: 2, cue: 'quotes a cost-related call' });
}

export function codeMentionCues(body: string): CodeCue[] {
  const { inline, fenced } = quotedCode(body);
  const cues: CodeCue[] = [];
  const push = (cue: CodeCue) => {
    if (!cues.some((c) => c.cue === cue.cue)) cues.push(cue);
  };
  for (const code of inline) {
    if (DEBUG_CALL.test(code))
      push({ theme: 'logging-debug', weight: 2.5, cue: 'quotes a debug print' });
    else if (LOGGER_CALL.test(code))
      push({ theme: 'logging-debug', weight: 2, cue: 'quotes a logger call' });
    if (TYPE_SYNTAX.test(code))
      push({ theme: 'type-annotations', weight: 1.5, cue: 'quotes type syntax' });
    else if (/^(any|Any|unknown)$/.test(code.trim()))
      push({ theme: 'type-annotations', weight: 2, cue: 'quotes `any`/`unknown`' });
    else if (TYPE_WORD.test(code.trim()))
      push({ theme: 'type-annotations', weight: 2, cue: 'quotes a typing name' });
    valueCues(code, push);
  }
  for (const code of fenced) {
    if (LOGGER_CALL.test(code))
      push({ theme: 'logging-debug', weight: 1, cue: 'example uses a logger' });
    if (/\)\s*->\s*[\w[\].]+\s*:/.test(code))
      push({ theme: 'type-annotations', weight: 1.5, cue: 'example has a return annotation' });
  }
  return cues;
}
