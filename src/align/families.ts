/**
 * Task families: tasks of many plans grouped so that tasks carrying the same obligation share a family.
 *
 * Built in one pass over the distinct task texts (verbatim copies are one node), in a fixed order. Each
 * node looks up its rarest terms (among those another node holds too) in an inverted index of the nodes already placed, keeps the few families
 * whose members share the most rare weight with it, scores it against each such family's best-sharing
 * member and against the family's representative (its first node), and joins the family with the best
 * verified score; otherwise it starts a family of its own. Every member is thus verified against its
 * family's representative, so a family cannot drift away from it by chaining (A like B, B like C, …).
 *
 * The index keeps at most a few postings per (term, family): a family of a thousand rewordings of one
 * task costs a term's posting list a few entries, not a thousand, so the work per node stays bounded and
 * the whole pass grows with the number of distinct tasks.
 */
import { bigramDice, cosine, coverage, lighterCoverage, mixedScore, sharedIdf, type TaskVector } from './similarity';

/** Parameters of {@link buildFamilies}. */
export interface FamilyParams {
  /** Minimum verified score between a node and the family member it joins through */
  threshold: number;
  /** Minimum verified score between a node and the family's representative (guards against chaining) */
  representativeThreshold: number;
  /** Number of a node's heaviest terms looked up in the index */
  signatureSize: number;
  /** Number of a node's heaviest terms put into the index */
  indexSize: number;
  /** Families verified per node (those sharing the most rare weight) */
  candidates: number;
  /** Postings kept per (term, family) */
  postingsPerFamily: number;
  /** Two families are related when a member of one scored at least this against a member of the other */
  relatedThreshold: number;
}

/** Families of nodes: for each node its family index, the family's representative and the scores. */
export interface NodeFamilies {
  /** node → family (families numbered in order of their representative) */
  family: Int32Array;
  /** family → representative node */
  representative: number[];
  /** node → verified score against its family's representative (1 for the representative) */
  score: Float64Array;
  /** Node pairs whose score was computed */
  scored: number;
  /** Node–family candidates met in the index (before keeping the best few) */
  candidates: number;
  /** Related families: [f, g, best score of a member of f against a member of g, best coverage of a
   * member of f in a member of g, and of a member of g in a member of f], f < g, sorted */
  related: [number, number, number, number, number][];
}

/**
 * The alignment score of two task vectors (the same signals and combination as alignPlans' score
 * matrix): clause coverage is computed only where the terms the two share could reach 0.2 of either
 * task's weight.
 */
export function verifiedScore(x: TaskVector, y: TaskVector, idf: readonly number[]): number {
  return verify(x, y, idf)[0];
}

/** [score, coverage of x in y, coverage of y in x] (coverages 0 where they could not reach 0.2). */
function verify(x: TaskVector, y: TaskVector, idf: readonly number[]): [number, number, number] {
  const sh = sharedIdf(x, y, idf).sum;
  const reach = Math.max(x.weight > 0 ? sh / x.weight : 0, y.weight > 0 ? sh / y.weight : 0);
  const cxy = reach >= 0.2 ? coverage(x, y, idf) : 0;
  const cyx = reach >= 0.2 ? coverage(y, x, idf) : 0;
  return [mixedScore({ cosine: cosine(x, y), bigram: bigramDice(x, y), coverage: lighterCoverage(x, y, cxy, cyx) }), cxy, cyx];
}

/** The `k` heaviest text terms of a vector (ties: lower id) that another node also holds (`df` ≥ 2);
 * zero-weight terms left out. */
function heaviest(v: TaskVector, idf: readonly number[], df: Int32Array, k: number): number[] {
  return [...v.textIds]
    .filter((id) => (idf[id] as number) > 0 && (df[id] as number) >= 2)
    .sort((x, y) => (idf[y] as number) - (idf[x] as number) || x - y)
    .slice(0, k);
}

/**
 * Group nodes (distinct task vectors, in the order given) into families. Deterministic: the same nodes in
 * the same order give the same families.
 */
export function buildFamilies(
  nodes: readonly TaskVector[],
  idf: readonly number[],
  params: FamilyParams,
  onProgress?: (done: number, total: number) => void,
): NodeFamilies {
  const n = nodes.length;
  const family = new Int32Array(n).fill(-1);
  const score = new Float64Array(n);
  const representative: number[] = [];
  /** term → nodes posted (at most postingsPerFamily per family) */
  const postings = new Map<number, number[]>();
  /** `${term}:${family}` count of postings, packed into a number key */
  const perFamily = new Map<number, number>();
  const acc = new Float64Array(n);
  const touched: number[] = [];
  let scored = 0;
  let candidates = 0;
  const relation = new Map<number, [number, number, number]>();
  const famKey = (term: number, f: number): number => term * 2097152 + f;
  // terms held by one node only can bring no candidate: they are left out of signatures and the index
  let maxId = 0;
  for (const v of nodes) for (const id of v.textIds) if (id > maxId) maxId = id;
  const df = new Int32Array(maxId + 1);
  for (const v of nodes) for (const id of v.textIds) df[id] = (df[id] as number) + 1;
  for (let x = 0; x < n; x++) {
    if (onProgress && x % 1000 === 0) onProgress(x, n);
    const vx = nodes[x] as TaskVector;
    // 1. shared rare weight with the nodes already placed
    for (const t of heaviest(vx, idf, df, params.signatureSize)) {
      const w = idf[t] as number;
      for (const y of postings.get(t) ?? []) {
        if (acc[y] === 0) touched.push(y);
        acc[y] = (acc[y] as number) + w;
      }
    }
    // 2. the best-sharing member of each family met
    const best = new Map<number, number>();
    for (const y of touched) {
      const f = family[y] as number;
      const b = best.get(f);
      if (b === undefined || (acc[y] as number) > (acc[b] as number) || ((acc[y] as number) === (acc[b] as number) && y < b)) best.set(f, y);
    }
    candidates += best.size;
    const ranked = [...best.entries()]
      .sort((p, q) => (acc[q[1]] as number) - (acc[p[1]] as number) || p[0] - q[0])
      .slice(0, params.candidates);
    for (const y of touched) acc[y] = 0;
    touched.length = 0;
    // 3. verify against the member and the representative; join the best
    const met: [number, number, number, number][] = [];
    let joinF = -1;
    let joinScore = -1;
    let joinRep = 0;
    for (const [f, y] of ranked) {
      const [s, cxy, cyx] = verify(vx, nodes[y] as TaskVector, idf);
      scored++;
      met.push([f, s, cxy, cyx]);
      if (s < params.threshold) continue;
      const r = representative[f] as number;
      let sr = s;
      if (r !== y) {
        sr = verifiedScore(vx, nodes[r] as TaskVector, idf);
        scored++;
      }
      if (sr < params.representativeThreshold) continue;
      if (s > joinScore) {
        joinF = f;
        joinScore = s;
        joinRep = sr;
      }
    }
    if (joinF >= 0) {
      family[x] = joinF;
      score[x] = joinRep;
    } else {
      family[x] = representative.length;
      representative.push(x);
      score[x] = 1;
    }
    // 4. relations with the other families met: the best score of a member of one against a member of
    //    the other
    const f = family[x] as number;
    for (const [g, s, cxy, cyx] of met) {
      if (g === f || s < params.relatedThreshold) continue;
      const key = Math.min(f, g) * 2097152 + Math.max(f, g);
      let r = relation.get(key);
      if (!r) relation.set(key, (r = [0, 0, 0]));
      r[0] = Math.max(r[0], s);
      // coverage of the smaller family's member in the larger's, and the other way
      r[1] = Math.max(r[1], f < g ? cxy : cyx);
      r[2] = Math.max(r[2], f < g ? cyx : cxy);
    }
    // 5. index the node
    for (const t of heaviest(vx, idf, df, params.indexSize)) {
      const k = famKey(t, f);
      const c = perFamily.get(k) ?? 0;
      if (c >= params.postingsPerFamily) continue;
      perFamily.set(k, c + 1);
      const list = postings.get(t);
      if (list) list.push(x);
      else postings.set(t, [x]);
    }
  }
  const related: [number, number, number, number, number][] = [];
  for (const [key, [rs, cfg, cgf]] of relation) related.push([Math.floor(key / 2097152), key % 2097152, rs, cfg, cgf]);
  related.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return { family, representative, score, scored, candidates, related };
}
