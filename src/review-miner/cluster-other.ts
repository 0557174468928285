// Groups `other` comments by TF-IDF cosine similarity, so a recurring theme outside the
// taxonomy still surfaces; each cluster is named by its most telling terms.
import { ownText } from './filter-comments';

export interface Cluster<T> {
  /** Stable name from the top terms, e.g. `migration-schema`. */
  name: string;
  terms: string[];
  members: T[];
}

const STOPWORDS = new Set(
  `a about above after again all also am an and any are as at be because been before being below between both but by
  can could did do does doing don't done down during each few for from further had has have having he her here hers
  how i i'm if in into is it it's its itself just let's me more most my no nor not now of off on once only or other
  our ours out over own same she should so some such than that that's the their theirs them then there these they
  this those through to too under until up very was we we're were what when where which while who whom why will with
  would you your yours maybe think please thanks thank like use using used one make get here's there's i'd i've we'd
  you'd isn't aren't doesn't didn't won't can't shouldn't wouldn't need needs want could't also still even really
  might may much many way something thing things sure yes ok okay good nice lgtm pr code line lines file change changes`.split(
    /\s+/,
  ),
);

export function tokenize(text: string): string[] {
  return (
    ownText(text)
      .toLowerCase()
      .match(/[a-z][a-z0-9_'-]{2,}/g) ?? []
  )
    .map((t) => t.replace(/'s$/, ''))
    .filter((t) => !STOPWORDS.has(t));
}

type Vector = Map<string, number>;

function norm(v: Vector): number {
  let sum = 0;
  for (const x of v.values()) sum += x * x;
  return Math.sqrt(sum);
}

function cosine(a: Vector, b: Vector, na: number, nb: number): number {
  if (na === 0 || nb === 0) return 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, x] of small) dot += x * (large.get(term) ?? 0);
  return dot / (na * nb);
}

export interface ClusterOptions {
  /** Cosine similarity to a cluster's centroid needed to join it (default 0.3). */
  threshold?: number;
  /** Terms in a cluster's name (default 2). */
  nameTerms?: number;
}

/** Deterministic single-pass clustering against running centroids; largest clusters first. */
export function clusterOther<T>(
  items: T[],
  text: (item: T) => string,
  options: ClusterOptions = {},
): Cluster<T>[] {
  const threshold = options.threshold ?? 0.3;
  const tokens = items.map((item) => tokenize(text(item)));
  const df = new Map<string, number>();
  for (const list of tokens)
    for (const term of new Set(list)) df.set(term, (df.get(term) ?? 0) + 1);
  const n = items.length;
  const vectors: Vector[] = tokens.map((list) => {
    const tf = new Map<string, number>();
    for (const term of list) tf.set(term, (tf.get(term) ?? 0) + 1);
    const v: Vector = new Map();
    for (const [term, count] of tf)
      v.set(term, (1 + Math.log(count)) * Math.log(1 + n / (df.get(term) ?? 1)));
    return v;
  });
  const clusters: { centroid: Vector; members: number[] }[] = [];
  vectors.forEach((v, index) => {
    const nv = norm(v);
    let best = -1;
    let bestSim = threshold;
    clusters.forEach((cluster, ci) => {
      const sim = cosine(v, cluster.centroid, nv, norm(cluster.centroid));
      if (sim >= bestSim) {
        best = ci;
        bestSim = sim;
      }
    });
    if (best < 0 || nv === 0) {
      clusters.push({ centroid: new Map(v), members: [index] });
      return;
    }
    const cluster = clusters[best] as { centroid: Vector; members: number[] };
    cluster.members.push(index);
    for (const [term, x] of v) cluster.centroid.set(term, (cluster.centroid.get(term) ?? 0) + x);
  });
  return clusters
    .map((cluster) => {
      // Most telling terms: weight summed over members, counting terms shared by 2+ members first.
      const support = new Map<string, number>();
      for (const m of cluster.members)
        for (const term of (vectors[m] as Vector).keys())
          support.set(term, (support.get(term) ?? 0) + 1);
      const terms = [...cluster.centroid]
        .sort((a, b) => {
          const shared =
            Number((support.get(b[0]) ?? 0) > 1) - Number((support.get(a[0]) ?? 0) > 1);
          return shared !== 0 ? shared : b[1] - a[1] || a[0].localeCompare(b[0]);
        })
        .slice(0, options.nameTerms ?? 2)
        .map(([term]) => term);
      return {
        name: terms.join('-') || 'misc',
        terms,
        members: cluster.members.map((i) => items[i] as T),
      };
    })
    .sort((a, b) => b.members.length - a.members.length || a.name.localeCompare(b.name));
}
