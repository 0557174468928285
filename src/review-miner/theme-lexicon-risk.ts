// Lexicon for the two "risk" themes: performance (complexity, allocation, repeated work, I/O per
// item) and security (injection, secrets, unsafe deserialisation, TLS, permissions).
import { e, w, type LexiconEntry } from './lexicon-entry';

export const PERFORMANCE: LexiconEntry[] = [
  w(
    'performance perf performant inefficient inefficiency quadratic exponential memoize memoise memoized memoization memoisation preallocate prealloc bottleneck',
    3,
    'performance',
  ),
  e(
    /\bO\((n|n\^?2|n\*\*2|n ?log ?n|log ?n|1|n ?\* ?m|n\*k|n²|m\*n|2\^n)\)|\b(linear time|constant time|time complexity|space complexity|big-?o|hot (path|loop|code)|inner(most)? loop|tight loop|n ?\+ ?1( quer(y|ies)| problem)?|performs? (better|worse|poorly)|(won't|doesn't|does not|will not|wouldn't) scale)\b/i,
    3,
    'complexity',
    'o n linear constant time space big bigo hot tight perform performs scale inner innermost',
  ),
  w(
    'slow slower slowest slowness faster fastest speed speedup efficient efficiency optimize optimise optimization optimisation optimized optimised latency throughput expensive costly overhead wasteful benchmark benchmarks benchmarked benchmarking profile profiling profiler flamegraph allocation allocations allocate allocates allocating alloc allocs',
    2,
    'speed/cost',
  ),
  w(
    'cache caching cached uncached lazy lazily batch batched batching prefetch prefetching preload eager memory gc scalability scale scales',
    1.5,
    'cost lever',
  ),
  e(
    /\b((quer(y|ies)|calls?|requests?|fetch(es)?|lookups?|allocations?|io|i\/o|reads?|writes?) (\w+ )?(runs?|happens?|is|are|made|done)? ?(inside|within|in) (the|a|this|each|every) (loop|iteration)|(thousands|millions|hundreds|tens of thousands) of (times|calls|requests|rows|items|records|objects|elements|entries)|(times|calls|requests|queries|operations|ops|events|messages|writes|reads) (per|a|each) second|(twice|two times|three times|\d+ times|again) (per|for each|for every|on every|on each) (line|row|item|call|request|iteration|loop|element|record|entry|frame|render))\b/i,
    2.5,
    'repeated at scale',
    'loop loops iteration thousands millions hundreds tens second twice times again',
  ),
  e(
    /\b((hits?|hitting) the (database|db|network|disk|api|server|backend|filesystem)|\d+k? (extra |separate |individual )?(queries|requests|round ?trips|api calls|http calls|db calls)|(clones?|cloning|copies|copying|copy|allocat\w+|loads?|loading|reads?|reading|fetch(es|ing)?|materiali\w+|builds?|building|seriali[sz]\w+|pars(es|ing)|sorts?|sorting) (the )?(whole|entire|full) \w+ (just )?(to|for)|just to (read|get|check|count|find|access)|(large|big|huge|bigger|larger) (inputs?|files?|lists?|arrays?|datasets?|data sets?|tables?|repos|repositories|payloads?|collections?|responses?|documents?)|\d+k[- ](rows?|items?|records?|entries|files|lines|elements|repos|repositories|users|orgs|requests|documents|objects)|blow(s)? up (the )?memory|connection pool(ing)?)\b/i,
    2,
    'scale cost',
    'hit hits hitting queries requests round roundtrips trips calls clone clones cloning copies copying copy load loads loading read reads reading fetch fetches fetching build builds building sort sorts sorting parses parsing whole entire full just large big huge bigger larger blow blows connection pooling pool',
  ),
  w('choke chokes choking', 1.5, 'choke'),
  e(
    /\bdeep ?(cop(y|ies|ying)|clon(e|es|ing))|\bdeepcopy\b|\bstructuredClone\b/i,
    2,
    'deep copy',
    'deep deepcopy structuredclone',
  ),
  w('paginate paginated paginating pagination', 2, 'pagination'),
  e(
    /\b\d+(\.\d+)? ?(ms|s|sec|secs|seconds|minutes|min|x) (vs\.?|versus|compared to|instead of|->|→|to|on main|before)\b|\btakes? \d+(\.\d+)? ?(ms|s|sec|secs|seconds|minutes|min)\b|\bbacktrack(s|ing)?\b|\bbreak (out of the loop|early)|\bshort[- ]circuit|\b(stop|exit) (the loop|iterating|searching|early) (once|as soon as|when)|\b(filter|sort|aggregate|count|join|group)(ing)? (them |it |this )?in (python|memory|ruby|js|javascript|the app|application code|code|the loop)|\b(let|have) the (database|db|query) (do|handle)|\bthe (database|db) can do|\bpush (this|the \w+) (down )?(in)?to the (database|db|query)|\bload(s|ing)? all (the )?(rows|records|objects|items|entries)\b/i,
    2.5,
    'measured or avoidable work',
    'ms s sec secs seconds minutes min x take takes backtrack backtracks backtracking break short circuit stop exit filter filtering sort sorting aggregate count join group let have database db push load loads loading',
  ),
  e(
    /\bselect \*|\bonly need (the )?(two|three|a few|one|\d+|some) (columns|fields|attributes|properties|keys)\b/i,
    2.5,
    'over-fetching',
    'select only',
  ),
  e(
    /\b(new|open|opens|opening|create|creates|creating|spawn|spawns|spawning|start|starts) (a |an )?(new |fresh |separate )?(db |database |http |https |tcp |redis |sql |grpc )?(connection|client|session|socket|thread|process|pool|goroutine|worker|channel)s? (for|per|on|in) (each|every|the loop)\b/i,
    3,
    'per-item setup',
    'new open opens opening create creates creating spawn spawns spawning start starts',
  ),
  w(
    'materialize materialise materializes materialises materialized materialised materializing',
    2,
    'materialise',
  ),
  w(
    'loop loops iterate iterating iteration iterations copy copies copying clone clones cloning cpu heap linear lookups fast',
    1,
    'work words',
  ),
  e(
    /\b(on|for|in|after|before) (every|each) (call|request|iteration|render|rerender|keystroke|frame|loop|row|item|element|record|entry|line|event|lookup|query|invocation|tick|message|update)\b|\b(each|every) time (it's|it is|this is|we|the|this|through)\b|\bonce per\b|\bper[- ](row|item|element|record|object|entry|request|call|iteration|frame|tick|keystroke|event)\b/i,
    2,
    'per-item cost',
    'each every once per',
  ),
  e(
    /\b(avoid|extra|needless|unnecessary|redundant|additional|wasted|repeated|duplicate) (the |a |an )?(copy|copies|copying|clones?|cloning|allocations?|round ?trips?|quer(y|ies)|requests|(network |http |db |database |api )?calls|work|passes|iterations?|lookups?|computations?|conversions?|seriali[sz]ations?|re-?renders?|scans?)\b/i,
    2.5,
    'wasted work',
    'avoid extra needless unnecessary redundant additional wasted repeated duplicate',
  ),
  e(
    /\b(network|http|api|database|db|disk|rpc|remote|sql|io|i\/o|syscall|system) (calls?|requests?|round ?trips?|quer(y|ies)|access|reads?|writes?|hits?)\b|\bround ?trips?\b/i,
    1.5,
    'I/O cost',
    'network http api database db disk rpc remote sql io syscall system round roundtrip roundtrips trip trips',
  ),
  e(
    /\b((all|whole|entire) (file|table|list|array|dataset|response|result|thing|collection)s? (in|into) memory|(in|into) memory|stream (it|this|them|the)|all at once|in one go|in bulk|bulk (insert|query|fetch|load|update|write)s?|single (query|request|call|pass)|batch (the |these |those )?(inserts?|quer(y|ies)|requests|calls|writes|updates|reads)|concatenat(e|ing|ion) (strings? )?in (a|the) loop|stringbuilder|strings\.builder|(compile|precompile|cache) (the |this )?(regex|regexp|pattern)|hoist (it|this|that|the \w+)|(move|pull) (it|this|that) out of the loop|outside (of )?the loop|lazy[- ]?(load|loading|loaded|evaluation|init|initiali[sz]ation|import))\b/i,
    2,
    'bulk/lazy',
    'memory stream once go bulk single batch concatenate concatenating concatenation stringbuilder builder regex regexp pattern hoist loop lazy',
  ),
  e(
    /\b((use|using|with) (a |an )?`?(set|dict|hash ?set|hash ?map|frozenset|map|lookup table|index)`?( instead| for| lookup)|(sets?|hash ?map|dict(ionary)?) (lookup|instead)|membership (check|test)s?|instead of (a )?(list|array) (scan|search)|linear (scan|search|lookup)|is linear\b)/i,
    2.5,
    'data structure',
    'use using with set sets hash hashmap hashset dict dictionary frozenset map membership instead linear',
  ),
  e(
    /\bre-?(comput|calculat|pars|compil|fetch|render|read|allocat|sort|serializ|serialis|evaluat|creat)(e|es|ed|ing|ion|s)?\b/i,
    1.5,
    'recomputed',
    'recompute recomputed recomputes recomputing recalculate recalculated recalculating reparse reparsed reparsing recompile recompiled recompiling refetch refetched refetching rerender rerendered rerendering rerenders reread rereading reallocate reallocated resort resorted reserialize reevaluate reevaluated recreate recreated recreates recreating re',
  ),
  e(
    /\b(lock contention|contention|(hold|holds|holding|held) (the |a )?(lock|mutex|gil)|under (the |a )?(lock|mutex)|serializ(e|es|ing) (all )?(the )?(workers|requests|threads|callers)|(in|run) (parallel|concurrently)|sequentially|one at a time)\b/i,
    1.5,
    'concurrency cost',
    'contention lock mutex gil serialize serializes serializing parallel concurrently sequentially time',
  ),
  e(
    /\b(select_related|prefetch_related|joinedload|selectinload|eager[- ]?load(ing)?|includes\(|add (an? )?(db |database )?index|missing (an? )?(db |database )?index|full (table )?scan|table scan|(startup|start-up|load|loading|response|render|rendering|build|compile|boot|cold[- ]start|query) times?|blocking (call|the event loop|the main thread|the ui thread|io|i\/o)|event loop|main thread|debounce|throttle|memory (usage|footprint|pressure|leak)|gc (pressure|churn|pauses?)|garbage collect\w*)\b/i,
    2,
    'ORM/runtime cost',
    'select related prefetch joinedload selectinload eager includes add missing full table startup start load loading response render rendering build compile boot cold query blocking event main debounce throttle memory gc garbage',
  ),
];

export const SECURITY: LexiconEntry[] = [
  w(
    'security secure insecure insecurely vulnerable vulnerability vulnerabilities exploit exploitable exploited attacker attackers malicious cve xss csrf xsrf ssrf rce xxe sqli idor owasp clickjacking unsanitized unsanitised redact redacted redaction',
    3,
    'security',
  ),
  e(
    /\b((sql|command|shell|code|html|header|ldap|template|log|os command|script|prompt) injection|injection (attack|vuln\w*|risk)|injectable|path traversal|directory traversal|zip slip|sanitiz(e|ed|es|ing|ation)|sanitis(e|ed|es|ing|ation)|untrusted|(user|attacker|client)[- ](input|supplied|provided|controlled|controllable|content|data|generated)|without (escaping|sanitizing|sanitising|sanitization|validation|validating|encoding)|(server[- ]side|client[- ]side) (validation|checks?|checking)|checked (on the )?server[- ]side|not just (in the browser|client[- ]side|on the client)|(parameteri[sz]ed|bound|bind) (quer(y|ies)|statements?|param(eter)?s|variables)|prepared statements?|timing (attacks?|leaks?|side[- ]channels?)|constant[- ]time (comparison|compare|equality|check)|open redirects?|privilege escalation|least privilege|world[- ](writable|writeable|readable)|(disable|disabling|skip|skipping|turn(ing)? off) (ssl|tls|cert(ificate)?|host ?name) (verification|validation|checks?)|cert(ificate)? (verification|validation))\b/i,
    3,
    'injection/unsafe input',
    'sql shell html ldap template script prompt injection injectable traversal slip sanitize sanitized sanitizes sanitizing sanitization sanitise sanitised sanitises sanitising sanitisation untrusted user attacker input supplied provided controlled controllable content generated escaping encoding validation validating parameterized parameterised bound bind prepared timing constant redirect redirects privilege escalation world verification side server browser cert certificate disable disabling skip skipping',
  ),
  w(
    'injection traversal attack attacks attacked hijack hijacking spoof spoofing spoofed tampering tamper forged forgery',
    2.5,
    'attack',
  ),
  w(
    'escape escaping escaped unescaped validate validation allowlist whitelist denylist blocklist blacklist',
    1.25,
    'input handling',
  ),
  e(
    /\b(anyone|any user|anybody|someone|an? (unauthenticated|anonymous|untrusted|malicious|logged[- ]out|unprivileged) (user|caller|client|request)) (can|could|to|would be able to|is able to) (read|write|access|delete|execute|call|see|modify|escape|upload|inject|run|bypass|impersonate|list)\b|\barbitrary (code|commands?|files?|paths?|urls?|sql|html|scripts?|javascript|js|shell)\b|\b(read|write|delete|access|overwrite) any (file|path|record|user)\b|\b(comes|coming|came|taken) (straight |directly )?from (the |a |an )?(user|request|client|browser|query string|url|form|network|outside|(query|request|url|path|form|post|get|route) (param(eter)?s?|string|body|data|input|header))\b|\bvalidat(e|ion of|ing) (the )?(input|url|redirect|path|origin|signature|host|hostname|filename|file name)\b/i,
    2.5,
    'unsafe access',
    'anyone any anybody someone unauthenticated anonymous untrusted malicious logged unprivileged arbitrary read write delete access overwrite comes coming came taken validate validation validating',
  ),
  e(
    /\b(checked|validated) against (an? |the )?(allowlist|whitelist)|\b(isn't|is not|aren't|are not|never|not) (validated|sanitized|sanitised|escaped|checked against)\b|\b(public[- ](read|readable|write|writable|access)|publicly (readable|writable|accessible|exposed|available))\b|\b(a |the |an )?(pr|pull request|external|outside|untrusted|forked?) (author|contributor|user)s? (controls?|can (control|set|change|choose))|\b(concatenat\w+|interpolat\w+|string[- ]formatt?\w*|f-?strings?|string building|building|builds?|built|construct(s|ed|ing)?) .{0,30}\b(shell|command|commands|sql|query|queries|html)\b|\b(shell|command|sql|query|html) .{0,20}(built|constructed|assembled) (by|with|from|via) (string )?(concatenation|interpolation|formatting|user input)/i,
    2.5,
    'tainted input',
    "checked validated validate isn't never sanitized sanitised escaped concatenated concatenating concatenation interpolated interpolating interpolation formatting formatted fstring fstrings string building built constructed assembled allowlist whitelist public publicly pr pull external outside untrusted fork forked author builds build constructs constructed constructing",
  ),
  e(
    /\b(secrets?|credentials?|passwords?|api[- ]?keys?|private keys?|access[- ]tokens?|auth[- ]tokens?|bearer tokens?|session (ids?|tokens?|cookies?))\b.{0,40}\b(in|into|to) (the |our |plain ?text |debug )?(logs?|log output|output|urls?|query strings?|error messages?|repo|repository|git|source|source code|client|browser|frontend|plain ?text|stdout|console)\b|\b(log|logs|logged|logging|print|prints|printed|printing|leak|leaks|leaked|leaking|expose|exposes|exposed|exposing|commit|commits|committed|committing|hardcod\w*|hard-cod\w*) (the |a |an |any |our |their |users?'s? |your )?(plain ?text )?(secrets?|tokens?|passwords?|credentials?|api[- ]?keys?|private keys?|session (ids?|tokens?)|cookies?)\b/i,
    3,
    'secret handling',
    'secret secrets credential credentials password passwords api apikey apikeys key keys private access token tokens auth bearer session cookie cookies',
  ),
  e(
    /\b(secrets?|credentials?|passwords?|api[- ]?keys?|private keys?|access[- ]tokens?|auth[- ]tokens?|bearer tokens?|jwts?|csrf tokens?|plain ?text passwords?|password hash(ing|es)?|salt(ed)?)\b/i,
    2.5,
    'secret',
    'secret secrets credential credentials password passwords api apikey apikeys key keys private access token tokens auth bearer jwt jwts csrf plain plaintext salt salted',
  ),
  w(
    'md5 sha1 bcrypt scrypt argon2 pbkdf2 encrypt encrypted encryption decrypt decryption tls ssl certificate certificates cryptographic cryptographically csprng nonce hmac jwt cipher',
    2,
    'crypto',
  ),
  e(
    /\b(sensitive (data|information|info|values?|fields?)|pii|personal data|denial[- ]of[- ]service|dos attack|redos|rate[- ]limit(ing|ed|s)?|brute[- ]force|leak(s|ed|ing)? (the |a |any )?(secrets?|tokens?|passwords?|keys?|credentials|data|information|info|internal)|(is |are |be )?(dangerous|unsafe|risky) (to|for|with|if|when|because|as|since)|a (security|safety) (issue|risk|concern|hole|problem|bug))\b/i,
    2.5,
    'sensitive data',
    'sensitive pii personal denial dos redos rate brute leak leaks leaked leaking dangerous unsafe risky security safety',
  ),
  e(
    /\b((whatever|anything|any url|any path|any value) (the )?(user|users|caller|client|request|attacker) (passes|sends|provides|supplies|gives|wants|controls)|(non-?admins?|unprivileged|unauthori[sz]ed|unauthenticated|anonymous) (users?|callers?|clients?|requests?)|(other users'?|another user's|someone else's) (data|projects?|files?|records?|accounts?|resources?)|supply[- ]chain|typo-?squat\w*|pin(ned|ning)? (it |the \w+ )?(to )?(a |the )?(full )?(commit )?sha|internal (services|network|hosts?|endpoints))\b/i,
    2.5,
    'untrusted actor',
    'whatever anything any non nonadmin nonadmins admin admins unprivileged unauthorized unauthorised unauthenticated anonymous other another someone supply typo typosquat typosquatting pin pinned pinning internal',
  ),
  e(
    /\b((check|verify|ensure|make sure|confirm)(s|ing)? (that )?(the )?(current |requesting |calling |logged[- ]in )?(user|caller|requester|client) (owns|has access|is allowed|can access|has permission|is authori[sz]ed|is the owner|is a member)|(stack ?traces?|tracebacks?|internal (paths|errors?|details|ips?|hostnames)|error details|debug info) (are |is )?(returned |sent |shown |exposed )?(to|in) (the )?(client|user|response|browser|caller|end user)|(log|logs|logged|logging|print|prints|dump|dumps|dumping)(s|ged|ing)? (the )?(full |whole |raw |entire )?(request |http |response )?(headers|authorization|auth header|cookies|request body)|authorization header)\b/i,
    3,
    'access check / disclosure',
    'check checks checking verify verifies ensure ensures make confirm stack stacktrace stacktraces traceback tracebacks internal error debug log logs logged logging print prints dump dumps dumping authorization',
  ),
  e(
    /\b((doesn't|does not|never|don't|do not|not|without) (verify|verifying|validate|validating|check|checking) (the |a |its )?(signatures?|tokens?|hmac|origin|certificates?|csrf|jwt|webhook)|anyone (who|with|that) [^.]{0,40}\b(can|could)|(grants?|granting|requests?|requesting|asks? for|gives?) .{0,25}\b(permissions?|scopes?|privileges?|access)|(too |overly )?(broad|wide|excessive|elevated) (permissions?|scopes?|privileges?|access)|only needs? .{0,25}\b(read|permission|scope|access))\b/i,
    2.5,
    'verification / least privilege',
    'signature signatures token tokens hmac origin certificate certificates csrf jwt webhook anyone permission permissions scope scopes privilege privileges access read',
  ),
  e(
    /\b((validate|check|verify|ensure|make sure) (that )?.{0,30}\b(is on|belongs to|matches|is one of) (our|the|an allowed|the expected|a trusted|an allowlisted) (domains?|origins?|hosts?)|redirect_uri|return_to|(next|return|callback|redirect) (url|uri|param(eter)?) (is|isn't|is not|comes|can be))\b/i,
    2.5,
    'redirect target',
    'validate check verify ensure make redirect uri return next callback url',
  ),
  e(
    /\b((don't|do not|never|can't|cannot|shouldn't) trust (the |a |user |client )?[\w`-]+|trust(s|ing)? (the )?(client|user input|header|request)|spoofable|x-forwarded-for|too permissive|overly permissive|allows any origin)\b/i,
    2.5,
    'trust boundary',
    "don't do never can't cannot shouldn't trust trusts trusting spoofable forwarded permissive allows",
  ),
  e(
    /\b(log|logs|logged|logging|print|prints|printed|printing|dump|dumps)\b(?:[^.\n]|\.(?=\S)){0,80}\b(passwords?|secrets?|credentials?|api[- ]?keys?|access[- ]tokens?|auth[- ]tokens?|private keys?)\b|\b(passwords?|secrets?|credentials?|api[- ]?keys?|access[- ]tokens?|auth[- ]tokens?|private keys?)\b(?:[^.\n]|\.(?=\S)){0,80}\b(logged|printed|in the logs?|to the logs?|log output)\b/i,
    3,
    'secret in logs',
    'log logs logged logging print prints printed printing dump dumps',
  ),
  e(
    /\b(permissions? (check|checks|checking|model)|privileges?|auth(entication|orization|n|z)? (check|checks|checking|bypass|header)|access control|authori[sz]e[ds]?|unauthori[sz]ed|unauthenticated|authenticated|chmod|umask|0?777|0?666|(run|runs|running) as root|sudo|csp|cors|same-?site|httponly|content security policy|unsafe)\b/i,
    2,
    'access control',
    'permission permissions privilege privileges auth authentication authorization authn authz access authorize authorized authorizes authorise authorised unauthorized unauthorised unauthenticated authenticated chmod umask 777 0777 666 0666 run runs running sudo csp cors same samesite httponly content unsafe',
  ),
  e(
    /\b(shell=True|verify=False|eval\s*\(|exec\s*\(|os\.system|pickle\.loads?|yaml\.load\(|innerHTML|dangerouslySetInnerHTML|InsecureSkipVerify|rejectUnauthorized|NODE_TLS_REJECT_UNAUTHORIZED|mark_safe|html_safe|\|\s*safe\b|v-html|bypassSecurityTrust\w*|Math\.random|compare_digest|timingSafeEqual|subtle\.ConstantTimeCompare|Runtime(\.getRuntime\(\))?\.exec|child_process|os\.popen|\bpopen\(|\bsystem\()/,
    3,
    'unsafe call',
    'shell verify eval exec os pickle yaml innerhtml dangerouslysetinnerhtml insecureskipverify rejectunauthorized node_tls_reject_unauthorized node tls mark html safe v bypasssecuritytrusthtml bypasssecuritytrusturl bypasssecuritytrustresourceurl bypasssecuritytrustscript bypasssecuritytruststyle math compare_digest compare timingsafeequal subtle runtime getruntime child popen system',
  ),
  w('dangerous risky', 1, 'risk word'),
  w(
    'eval pickle unpickle unpickling deserialize deserialization deserializing sql',
    1,
    'risky word',
  ),
  w('permission permissions scope scopes', 1.5, 'permission word'),
];
