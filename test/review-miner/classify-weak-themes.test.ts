import { classifyComment } from '../../src/review-miner/classify-comment';

const themeOf = (body: string, hunk?: string) => classifyComment(body, hunk).theme;

// Sentences written the way reviewers phrase these themes across ecosystems (Python, JS/TS, Go,
// Rust, Java, Ruby). None is copied from the labelled fixture sets.
describe('classifier: api-design across ecosystems', () => {
  it.each([
    'This changes the public signature of `parse()`; existing callers will break.',
    'Can we keep the old keyword argument around with a DeprecationWarning for one release?',
    "I'd make this keyword-only so callers can't pass it positionally by accident.",
    'Returning None on failure but a dict otherwise makes the return type contract awkward for callers.',
    'Do we really want to expose this helper? It should probably stay private to the module.',
    'Please bump the major version or add a compatibility shim, downstream projects rely on this.',
    'Instead of a boolean flag, consider two separate methods; flag arguments make call sites hard to read.',
    'Should this be part of the interface, or just an implementation detail of the Postgres store?',
    'Adding a required parameter to an exported function breaks backwards compatibility for downstream users.',
    "Let's accept an `io.Reader` rather than a file path so other callers can use it too.",
    'Mark this `@Deprecated` and point users to the replacement.',
    'A third overload makes this method confusing to use; maybe a builder?',
    'This should be an opt-in setting, not the default behaviour for every user of the library.',
    'Renaming this exported function will break every consumer of the package.',
  ])('reads it as api-design: %s', (body) => {
    expect(themeOf(body)).toBe('api-design');
  });
});

describe('classifier: performance across ecosystems', () => {
  it.each([
    'This allocates a new slice on every iteration; preallocate it with the known capacity.',
    'Nested loops over both lists make this quadratic for large inputs.',
    'This triggers an N+1 query: use `select_related` to fetch the authors in one go.',
    "Could we memoize this? It's recomputed on every render.",
    'Copying the whole buffer here is expensive, pass a reference instead.',
    'Did you benchmark this? It looks slower than the previous approach.',
    "Reading the entire file into memory won't scale for multi-GB logs, stream it instead.",
    'Batch these inserts instead of one round trip per row.',
    'The regex is recompiled on each call; hoist it to module level.',
    'Use a `Set` for the membership check, `includes` on an array is linear.',
    "Let's lazy-load this module so startup time doesn't regress.",
    'This sorts the list on each lookup, which is wasteful on a hot path.',
  ])('reads it as performance: %s', (body) => {
    expect(themeOf(body)).toBe('performance');
  });
});

describe('classifier: security across ecosystems', () => {
  it.each([
    'Building the query with an f-string is open to SQL injection; use bound parameters.',
    "Don't disable certificate verification (`verify=False`), even for internal hosts.",
    'This token ends up in the logs; please redact it.',
    '`subprocess.run(cmd, shell=True)` with a filename from the request allows command injection.',
    'The filename comes from the request, so `../` lets someone escape the upload directory.',
    'Unpickling data received over the network can execute arbitrary code.',
    "We need to escape this before inserting it into the page, otherwise it's an XSS.",
    'Please do not commit the API key; load it from the secret store.',
    'This endpoint is missing a CSRF check.',
    'Use `hmac.compare_digest` when comparing signatures.',
    'Never call `eval` on data that comes from the client.',
    'The file is created world-writable; use 0600.',
  ])('reads it as security: %s', (body) => {
    expect(themeOf(body)).toBe('security');
  });
});

describe('classifier: magic-values across ecosystems', () => {
  it.each([
    'Where does 3600 come from? A named constant like `CACHE_TTL_SECONDS` would help.',
    'Please avoid hard-coding the timeout here; make it a setting.',
    "What's the significance of `42`?",
    'These status strings should be an enum rather than bare literals scattered around.',
    'Could you pull the retry count into a constant at the top of the file?',
    'Port 8080 is baked in here, can we read it from config?',
    'Why 0.75? Please give the threshold a name.',
    "Avoid the magic string 'admin' here.",
    'Why sleep for 5 seconds?',
  ])('reads it as magic-values: %s', (body) => {
    expect(themeOf(body)).toBe('magic-values');
  });
});

describe('classifier: typo-spelling across ecosystems', () => {
  it.each([
    'typo: `recieve` → `receive`',
    "nit: spelling, 'seperate'",
    "Doubled word: 'the the'.",
    "Misspelled in the error message: 'occured'.",
    's/lenght/length/',
    "Grammar nit: it's should be its here.",
    '*retrieve*, not *retreive*',
    'Small spelling mistake in the heading.',
    'I think you meant "definitely".',
  ])('reads it as typo-spelling: %s', (body) => {
    expect(themeOf(body)).toBe('typo-spelling');
  });
});

describe('classifier: general words stay out of the weak themes', () => {
  it.each([
    ['other', 'Thanks! Could you rebase on main so CI picks up the fix?'],
    ['other', "I'm not sure this is the right approach; let's discuss in the issue first."],
    ['other', 'This breaks the build on Windows.'],
    ['other', 'Does this work with Python 3.8?'],
    ['tests', 'Please add a test for the timeout case.'],
    ['security', 'Use a constant-time comparison here.'],
    ['logging-debug', 'Please remove the debug print before merging.'],
  ])('reads it as %s: %s', (theme, body) => {
    expect(themeOf(body)).toBe(theme);
  });
});
