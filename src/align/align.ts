/**
 * `alignPlans`: which tasks of two plans carry the same obligation, with how sure each link is.
 *
 *  1. Both plans are tokenized once (or come prepared) and term weights (idf) are learned from their
 *     tasks plus any corpus plans; every task pair gets a score (scores.ts).
 *  2. The link rules (rules.ts) propose links; with the scores they make the candidate links and their
 *     features (features.ts). Sentence vectors, when given, are blended into the score the candidates are
 *     ranked and featured by (embeddings.ts).
 *  3. The learned model (model.ts, model.json) gives each candidate a calibrated probability.
 *  4. A reader's decisions force their links to 1 or 0 (decisions.ts).
 *  5. Links at or above `minProbability` become groups (grouping.ts), and the result lists them with
 *     evidence, the candidates, and the expected number of tasks without a counterpart (result.ts).
 */
import type { Alignment, AlignOptions, Decision, LinkBasis, Plan, PlanRef, Task } from '../types';
import { DEFAULT_ALIGN_CONFIG, type AlignConfig } from './config';
import { applyDecisions } from './decisions';
import { blendEmbeddings } from './embeddings';
import { candidateFeatures, type Candidate } from './features';
import { groupLinks, type ScoredLink } from './grouping';
import { linksToGroups } from './match';
import { checkModel, DEFAULT_LINK_MODEL, linkProbability, type LinkModel } from './model';
import { isPreparedPlan, preparePlan, type PreparedPlan } from './prepare';
import { buildResult, type ResultSide } from './result';
import { findLinks } from './rules';
import { planVectors, scoreMatrices } from './scores';
import { Vocab } from './similarity';
import { learnWeights, type TermWeights } from './weights';
import { pairCompounds, withCompoundParts } from './compounds';
import type { Tokenizer } from '../text/tokenize';
import { announcePlan, defaultTokenizer } from '../text/tokenizer-jieba';

/** Options of {@link alignPlans}: the documented thresholds plus the tokenizer and fine settings. */
export interface AlignPlansOptions extends Omit<AlignOptions, 'corpus'> {
  /** Extra plans whose tasks feed the term weights (IDF) */
  corpus?: (Plan | PreparedPlan)[];
  /** Word splitter for plans that are not prepared (default: nodejieba with the field dictionary) */
  tokenizer?: Tokenizer;
  /** Any other parameter of the alignment (defaults in src/align/config.ts) */
  config?: Partial<AlignConfig>;
  /** Term weights to use instead of learning them (alignMany learns them once for all plans) */
  weights?: TermWeights;
  /** Link model to use instead of the shipped one (src/align/model.json); the evaluation passes models
   * fitted without the pair it measures */
  model?: LinkModel;
}

/** Resolve the configuration from options. */
export function resolveConfig(options: AlignPlansOptions = {}): AlignConfig {
  const c = { ...DEFAULT_ALIGN_CONFIG, ...(options.config ?? {}) };
  if (options.pairThreshold !== undefined) c.pairThreshold = options.pairThreshold;
  if (options.groupThreshold !== undefined) c.groupThreshold = options.groupThreshold;
  if (options.minProbability !== undefined) c.minProbability = options.minProbability;
  return c;
}

/** The documents (term lists) a plan contributes to the weights: one per task. */
export function planDocuments(p: PreparedPlan): string[][] {
  return p.tasks.map((t) => (t.nameTerms.length ? [...t.terms, ...t.nameTerms] : t.terms));
}

/** The identity of a plan in results. */
export function planRef(plan: Plan): PlanRef {
  return { id: plan.meta.id, district: plan.meta.district, year: plan.meta.year };
}



/** Two plans scored: everything the alignment needs before decisions and grouping. */
export interface ScoredPlans {
  /** Plan a: tasks, prepared tasks and vectors in seq order */
  A: ResultSide;
  /** Plan b */
  B: ResultSide;
  /** The candidates with their features */
  candidates: Candidate[];
  /** Every candidate link with its probability */
  links: ScoredLink[];
  /** The rule that links a pair (key `i,j`) */
  rules: Map<string, LinkBasis>;
  /** Term score of every task pair */
  score: number[][];
  /** Term ids and weights */
  vocab: Vocab;
  /** The configuration */
  config: AlignConfig;
}

/** Tasks in seq order, matched to their prepared forms. */
function seqTasks(p: PreparedPlan, prepared: readonly { seq: number }[]): Task[] {
  const bySeq = new Map(p.plan.tasks.map((t) => [t.seq, t]));
  return prepared.map((t) => bySeq.get(t.seq) as Task);
}

/**
 * Stages 1–3 of the alignment: scores, rules, candidates with features and calibrated probabilities.
 */
export function scorePlans(a: Plan | PreparedPlan, b: Plan | PreparedPlan, options: AlignPlansOptions = {}): ScoredPlans {
  const config = resolveConfig(options);
  const model = options.model ?? DEFAULT_LINK_MODEL;
  checkModel(model);
  const prepared = (p: Plan | PreparedPlan): PreparedPlan => (isPreparedPlan(p) ? p : preparePlan(p, { tokenizer: options.tokenizer }));
  // every plain plan's texts announced before the first is cut: the default tokenizer loads their words once
  for (const p of [a, b, ...(options.corpus ?? [])]) if (!isPreparedPlan(p)) announcePlan(p, options.tokenizer ?? defaultTokenizer());
  const corpus = (options.corpus ?? []).map(prepared);
  const [pa, pb, ...more] = readCompounds(prepared(a), prepared(b), corpus, config) as [PreparedPlan, PreparedPlan, ...PreparedPlan[]];
  const weights = options.weights ?? learnWeights([...planDocuments(pa), ...planDocuments(pb), ...more.flatMap(planDocuments)]);
  const vocab = new Vocab(weights, config.idfPower);
  const VA = planVectors(pa, vocab, config);
  const VB = planVectors(pb, vocab, config);
  const A: ResultSide = { ref: planRef(pa.plan), tasks: seqTasks(pa, VA.tasks), prepared: VA.tasks, vectors: VA.vectors };
  const B: ResultSide = { ref: planRef(pb.plan), tasks: seqTasks(pb, VB.tasks), prepared: VB.tasks, vectors: VB.vectors };
  const m = scoreMatrices(A.vectors, B.vectors, vocab);
  const ruleLinks = findLinks(A.vectors, B.vectors, m, vocab, config);
  // sentence vectors, when given, move the score that ranks the candidates (the rules read the term score)
  const ranked = options.embeddings ? { ...m, score: blendEmbeddings(A.tasks, B.tasks, m.score, options.embeddings, config.embeddingWeight) } : m;
  const candidates = candidateFeatures(
    {
      tasksA: A.tasks,
      tasksB: B.tasks,
      preparedA: A.prepared,
      preparedB: B.prepared,
      va: A.vectors,
      vb: B.vectors,
      m: ranked,
      vocab,
      ruleLinks,
      ruleGroups: linksToGroups(ruleLinks),
    },
    config,
  );
  const rules = new Map<string, LinkBasis>();
  for (const c of candidates) if (c.via) rules.set(`${c.i},${c.j}`, c.via);
  const links = candidates.map((c) => ({ i: c.i, j: c.j, p: linkProbability(model, c.x) }));
  return { A, B, candidates, links, rules, score: m.score, vocab, config };
}

/**
 * Stages 4–5: apply a reader's decisions to scored plans, group the links at or above the cut and build
 * the result. Cheap: a review loop calls it after every answer.
 */
export function alignScored(s: ScoredPlans, options: { decisions?: readonly Decision[]; minProbability?: number } = {}): Alignment {
  const config = options.minProbability === undefined ? s.config : { ...s.config, minProbability: options.minProbability };
  const { links, messages } = applyDecisions(s.links, options.decisions ?? [], s.A.tasks, s.B.tasks);
  const groups = groupLinks(links, config.minProbability, config.groupFloor);
  return buildResult({ A: s.A, B: s.B, links, groups, rules: s.rules, score: s.score, vocab: s.vocab, config, messages });
}

/**
 * Align two plans: which tasks carry the same obligation, as 1:1, 1:n, n:1 and n:m groups with a
 * calibrated probability per link, the tasks of each plan that have no counterpart, and how many tasks
 * are expected to have none.
 *
 * @example const al = alignPlans(parsePlan(textA), parsePlan(textB), { minProbability: 0.5 });
 */
export function alignPlans(a: Plan | PreparedPlan, b: Plan | PreparedPlan, options: AlignPlansOptions = {}): Alignment {
  return alignScored(scorePlans(a, b, options), { decisions: options.decisions });
}

/**
 * The plans with the compounds that only one of `a` and `b` uses also read as their parts (see
 * compounds.ts), then the corpus plans with both sides' compounds read the same way (so that the weights
 * count a part wherever the compared plans count it); all unchanged when `config.compoundParts` is off.
 */
export function readCompounds(a: PreparedPlan, b: PreparedPlan, corpus: readonly PreparedPlan[], config: AlignConfig): PreparedPlan[] {
  if (!config.compoundParts) return [a, b, ...corpus];
  const parts = pairCompounds(a, b);
  const both = new Map([...parts.a, ...parts.b]);
  return [withCompoundParts(a, parts.a), withCompoundParts(b, parts.b), ...corpus.map((c) => withCompoundParts(c, both))];
}

