/**
 * The types that pass between plandiff's stages. Every value here is plain, JSON-serializable data.
 *
 *   text ──normalize──▶ NormalizedText ──parse──▶ Plan{tasks} ──tokenize/clauses──▶ Clause[]
 *        ──extract──▶ Obligation[] ──align──▶ Alignment ──classify──▶ PlanDiff ──render──▶ md | html | json | csv
 *                                                 └──audit──▶ Convergence
 */

/* ───────────────────────────── provenance and messages ───────────────────────────── */

/** Where a node came from in the user's input file. Lines are 1-based and inclusive. */
export interface SourceSpan {
  /** The file path (or label) the text was read from */
  file: string;
  /** First input line (1-based) */
  lineStart: number;
  /** Last input line (1-based, inclusive) */
  lineEnd: number;
}

/** A recoverable oddity found while processing, attached to the result rather than thrown. */
export interface Message {
  /** What is odd, in words a researcher understands */
  reason: string;
  /** Where it is */
  place: SourceSpan | null;
  /** Stable identifier of the rule that noticed it, e.g. `table/empty-cell` */
  ruleId: string;
  /** True when the problem made part of the input unusable */
  fatal: boolean;
}

/* ───────────────────────────── input text ───────────────────────────── */

/** Text decoded from bytes and normalized, with a map back to the original lines. */
export interface NormalizedText {
  /** The normalized text; it has exactly as many lines as the decoded input */
  text: string;
  /** The encoding the bytes were decoded from, e.g. `utf-8`, `utf-8-bom`, `utf-16le`, `gb18030` */
  encoding: string;
  /** True when traditional characters were converted to simplified */
  convertedFromTraditional: boolean;
  /** What the text was extracted from, when not a plain-text file: an HTML page or a Word (.docx) file */
  format?: 'html' | 'docx';
}

/* ───────────────────────────── plans and tasks ───────────────────────────── */

/** 责任单位: the lead (牵头) and support (配合) units of a task. */
export interface Units {
  /** Lead units (牵头 / 负责 / plain listing) */
  lead: string[];
  /** Supporting units (配合 / 协同 / 参与) */
  support: string[];
  /** The unit text as printed, normalized; empty when the plan states none */
  raw: string;
}

/** Coarse shape of a time node (时间节点). */
export type TimeNodeKind = 'year' | 'half' | 'quarter' | 'months' | 'by-date' | 'continuous' | 'unknown';

/** 时间节点, normalized so that two of them can be compared for tighter or looser. */
export interface TimeNode {
  /** The time node as printed (normalized), e.g. `3月31日前` */
  raw: string;
  /** Coarse shape */
  kind: TimeNodeKind;
  /** First day of the window as `MM-DD`, null when the window is open at the start */
  start: string | null;
  /** Last day by which the work must be done, as `MM-DD`; null when unknown */
  end: string | null;
  /** Months (1–12) the window covers, ascending; empty when unknown */
  months: number[];
  /** 0 for the plan's own year, 1 for 次年 (the following year) */
  yearOffset: number;
  /** The year when the node prints one (`2024 年 1月`), else null */
  year: number | null;
}

/** A numbered heading of the plan body: 一、 / （一） / 1. and their variants. */
export interface Heading {
  /** Nesting level: 1 for 一、, 2 for （一）, 3 for 1. */
  level: number;
  /** The printed marker, e.g. `二、`, `（三）`, `4.` */
  marker: string;
  /** The number the marker stands for */
  number: number;
  /** The heading's title: its text up to the first 。 (or the whole line when short) */
  title: string;
  /** Where it is */
  source: SourceSpan;
  /** Sub-headings */
  children: Heading[];
}

/** How a plan's tasks were found. */
export type PlanLayout = 'table' | 'numbered-items' | 'unit-sentences' | 'sections';

/** One task (工作任务) of a plan. */
export interface Task {
  /** Printed number (序号 or item number); tasks are numbered 1…N in order */
  seq: number;
  /** The task content only: no row number, no name cell, no units, no time node */
  text: string;
  /** 任务名称 or indicator path (levels joined by `/`) where the layout has one, else null */
  name: string | null;
  /** Titles of the body headings the task belongs to, outermost first */
  section: string[];
  /** Responsible units */
  units: Units;
  /** Time node, null when the plan states none for this task */
  timeNode: TimeNode | null;
  /** Input lines the task was read from */
  source: SourceSpan;
}

/** Metadata read from a plan's text (or its corpus manifest entry). */
export interface PlanMeta {
  /** Corpus id, e.g. `putuo-2023`, or a name derived from the file */
  id: string;
  /** District, e.g. `普陀区`; null when the text names none */
  district: string | null;
  /** Plan year */
  year: number | null;
  /** Title, e.g. `2023 年上海市普陀区政务公开工作要点` (spaces removed) */
  title: string | null;
  /** Issuing office, e.g. `上海市普陀区人民政府办公室` */
  issuer: string | null;
  /** Document number, e.g. `普府办〔2023〕14号` */
  docNumber: string | null;
  /** Issue date as `YYYY-MM-DD` */
  issueDate: string | null;
}

/** A parsed work plan. */
export interface Plan {
  /** Metadata */
  meta: PlanMeta;
  /** The file the plan was read from */
  file: string;
  /** How the tasks were found */
  layout: PlanLayout;
  /** Body heading tree */
  headings: Heading[];
  /** Tasks, in printed order */
  tasks: Task[];
  /** Recoverable oddities met while parsing */
  messages: Message[];
  /**
   * For a plan read from traditional characters (and converted to simplified for matching): each
   * simplified character that stands for another character of the source, and that character, so that
   * reports quote the plan as it was written (see `loadPlanFile`, `displayDiff`). Absent otherwise.
   */
  sourceChars?: Record<string, string>;
  /** For such a plan, each task's text as the source wrote it, by seq (same length as `text`), where it could
   * be read from the task's source lines */
  sourceTexts?: Record<string, string>;
}

/** Options of `parsePlan`. */
export interface ParseOptions {
  /** File path or label used in sources and errors (default `<input>`) */
  file?: string;
  /** Plan id (default: derived from the file name) */
  id?: string;
  /** Called as the parse goes on with the share done, in percent (`done` of `total` = 100); for progress bars on long texts */
  onProgress?: (done: number, total: number) => void;
}

/* ───────────────────────────── corpus ───────────────────────────── */

/** One entry of a corpus manifest (`corpus/manifest.json`). */
export interface CorpusEntry {
  /** Id such as `putuo-2023` */
  id: string;
  /** District, e.g. `普陀区` (or `上海市` for a city directive) */
  district: string;
  /** Plan year */
  year: number;
  /** Issuing office */
  issuer: string | null;
  /** Document number where the text has one */
  docNumber: string | null;
  /** Issue date `YYYY-MM-DD` where the text has one */
  issueDate: string | null;
  /** Plan file, relative to the manifest's folder */
  file: string;
}

/* ───────────────────────────── text ───────────────────────────── */

/** A token with its offsets in the text it was cut from. */
export interface Token {
  /** The token's text */
  text: string;
  /** Start offset (UTF-16 code units) */
  start: number;
  /** End offset (exclusive) */
  end: number;
}

/** A clause of a task: a span that carries one obligation. */
export interface Clause {
  /** Clause text */
  text: string;
  /** Start offset in the task text */
  start: number;
  /** End offset (exclusive) */
  end: number;
}

/* ───────────────────────────── obligations ───────────────────────────── */

/** Kinds of quantitative obligation. `reported` marks a target the plan reports on, not one it commits to. */
export type ObligationKind =
  | 'count'
  | 'frequency'
  | 'deadline'
  | 'date'
  | 'month'
  | 'percentage'
  | 'amount'
  | 'reported';

/** How the value binds: at least, at most, exactly, or a range. */
export type Comparator = '>=' | '<=' | '=' | 'range';

/** A number a task commits the government to. */
export interface Obligation {
  /** What kind of number */
  kind: ObligationKind;
  /** How it binds */
  comparator: Comparator;
  /** The value (dates: month*100+day, e.g. 331 for 3月31日; months 1–12; amounts in 万元) */
  value: number;
  /** Upper end of a range (1—2场), else null */
  valueMax: number | null;
  /** Unit as printed after normalization: 次, 个, 个工作日, 日, %, 万元, 月 … */
  unit: string;
  /** Period the count is per: year, half, quarter, month, week; null when none */
  period: string | null;
  /** Short phrase of what is counted or bounded */
  subject: string;
  /** The words quoted from the task text */
  quote: string;
  /** Span of the quote in the task text */
  span: { start: number; end: number };
}

/** Modality scale of a clause or task: how binding its verbs are. */
export type Modality = 'explore' | 'advance' | 'must' | 'mandatory';

/* ───────────────────────────── alignment ───────────────────────────── */

/** The signals behind a pair's score, so that a reader can check it. */
/**
 * The rule that linked two tasks of a pair (docs/method.md, "Links"): `verbatim` near-verbatim copies;
 * `assignment` the optimal 1:1 assignment on the score; `quantity` the same counted obligation; `clause` a
 * clause of one found in the other; `home` largely found in, or clearly closest to, the other; `leftover`
 * two tasks left unlinked that are each other's best; `name` a task stating the other's indicator name;
 * `reader` a link a reader confirmed (a decisions file). The rules are signals of the learned model: a
 * pair's groups come from the calibrated probabilities of its links (docs/method.md, "Probabilities").
 */
export type LinkBasis = 'verbatim' | 'assignment' | 'quantity' | 'clause' | 'home' | 'leftover' | 'name' | 'reader';

export interface Evidence {
  /** Weighted token cosine (0–1) */
  cosine: number;
  /** Character-bigram overlap, Dice (0–1) */
  bigram: number;
  /** 1 − normalized edit distance (0–1) */
  edit: number;
  /** Share of the smaller side's clauses found in the other side (0–1) */
  coverage: number;
  /** The highest-weight tokens the two sides share, heaviest first */
  sharedTerms: string[];
  /** The rules whose links made the pair, in the order of {@link LinkBasis} (alignment pairs only) */
  basis?: LinkBasis[];
}

/** A group of tasks of plan a matched with a group of tasks of plan b (1:1, 1:n, n:1). */
export interface TaskPair {
  /** Tasks of plan a */
  a: Task[];
  /** Tasks of plan b */
  b: Task[];
  /** Similarity in [0, 1] */
  score: number;
  /** Why */
  evidence: Evidence;
  /** Calibrated probability of the group: the lowest probability among its links */
  probability: number;
  /** The links that make the group, with their probabilities (a-seq, then b-seq order) */
  links: Link[];
}

/** One scored candidate link between a task of plan a and a task of plan b. */
export interface Link {
  /** Seq of the task of a */
  a: number;
  /** Seq of the task of b */
  b: number;
  /** Calibrated probability that the two tasks share a concrete work obligation, in [0, 1] */
  probability: number;
  /** Set when a reader decided this link (a decisions file): then probability is 1 or 0 */
  decided?: 'same' | 'different';
}

/** A reader's answer about one candidate link. */
export interface Decision {
  /** Seq of the task of a */
  a: number;
  /** Seq of the task of b */
  b: number;
  /** True: the two tasks carry the same obligation; false: they do not */
  same: boolean;
  /** taskHash of the task of a when decided (a mismatch means its text changed: the decision is skipped
   * and reported as a Message, never applied to a different text) */
  aHash?: string;
  /** taskHash of the task of b when decided */
  bHash?: string;
}

/** The decisions file: `{"a": "<plan id>", "b": "<plan id>", "decisions": [...]}`. */
export interface DecisionsFile {
  /** Plan id of a */
  a: string;
  /** Plan id of b */
  b: string;
  /** The answers */
  decisions: Decision[];
}

/** One question of the review queue: a candidate link whose answer would change the result most. */
export interface ReviewQuestion {
  /** Seq of the task of a */
  a: number;
  /** Seq of the task of b */
  b: number;
  /** The link's calibrated probability */
  probability: number;
  /** Why asking this one changes the result, in plain words */
  why: string;
  /** taskHash of the task of a, for the decisions file */
  aHash: string;
  /** taskHash of the task of b */
  bHash: string;
}


/** Identity of a plan in results. */
export interface PlanRef {
  /** Plan id */
  id: string;
  /** District */
  district: string | null;
  /** Year */
  year: number | null;
}

/** Which tasks of two plans carry the same obligation. */
export interface Alignment {
  /** Plan a */
  a: PlanRef;
  /** Plan b */
  b: PlanRef;
  /** Matched groups, ordered by their first task of a */
  pairs: TaskPair[];
  /** Tasks of a with no counterpart in b */
  dropped: Task[];
  /** Tasks of b with no counterpart in a */
  added: Task[];
  /**
   * For each task left unpaired (`dropped` and `added`), the task of the other plan that scored highest
   * with it, keyed `a:seq` / `b:seq`: a pointer for a reader who checks whether a task is really gone, not
   * a pair (it did not meet the alignment's rules). Absent for a task that shares nothing with the other
   * plan, and in alignments read from `alignMany`.
   */
  nearest?: Record<string, NearestTask>;
  /** Every scored candidate link with probability ≥ 0.01, by probability descending, then a, b */
  candidates: Link[];
  /** Expected number of tasks of a with no counterpart in b (sum over a's tasks of P(no counterpart)) */
  expectedDropped: number;
  /** Expected number of tasks of b with no counterpart in a */
  expectedAdded: number;
  /** The cut used: links below it are not paired */
  minProbability: number;
  /** For each unpaired task, keyed `a:seq` / `b:seq`, its likeliest counterparts (up to 3) */
  likeliest: Record<string, Link[]>;
  /** What the alignment noted: decisions skipped because a task's text changed, decisions naming no task */
  messages: Message[];
}

/** The highest-scoring task of the other plan for an unpaired task (see {@link Alignment.nearest}). */
export interface NearestTask {
  /** Its seq in the other plan */
  seq: number;
  /** The pair score, 0–1 */
  score: number;
}

/** Options of `alignPlans`; every threshold is documented in docs/method.md. */
export interface AlignOptions {
  /** Minimum score for a 1:1 pair of the link rules, whose groups are one of the link model's features
   * (pairs themselves are cut by `minProbability`; default in src/align/config.ts) */
  pairThreshold?: number;
  /** Minimum clause share for the link rules' split/merge groups (a feature of the link model, as above) */
  groupThreshold?: number;
  /** Extra plans whose tasks feed the term weights (IDF) */
  corpus?: Plan[];
  /** Links below this calibrated probability are not paired (default 0.5) */
  minProbability?: number;
  /** A reader's decisions: confirmed links are kept, rejected ones excluded, the rest regrouped */
  decisions?: Decision[];
  /** Sentence vectors keyed by taskHash(task) (any model); a feature when present */
  embeddings?: Embeddings;
}

/* ───────────────────────────── diff ───────────────────────────── */

/** What kind of thing changed inside a matched pair. */
export type ChangeKind =
  | 'count'
  | 'frequency'
  | 'deadline'
  | 'date'
  | 'month'
  | 'percentage'
  | 'amount'
  | 'modality'
  | 'units'
  | 'timeNode'
  | 'scope'
  | 'clause';

/** Whether a change binds the government more (stronger), less (weaker), or neither. */
export type Direction = 'stronger' | 'weaker' | 'neutral';

/** One change inside a matched pair. */
export interface Change {
  /** What changed */
  kind: ChangeKind;
  /** Which way */
  direction: Direction;
  /** The value before, as readable text */
  before: string | null;
  /** The value after */
  after: string | null;
  /** Words quoted from plan a */
  quoteA: string | null;
  /** Words quoted from plan b */
  quoteB: string | null;
  /** For a change of a quantified obligation, the obligation of plan a, so that a report can write it in its
   * own language (not in the JSON form, whose tasks list every obligation) */
  obligationA?: Obligation;
  /** The same for plan b */
  obligationB?: Obligation;
}

/** Status of a matched pair. */
export type PairStatus = 'unchanged' | 'reworded' | 'strengthened' | 'weakened' | 'mixed';

/** A piece of a character-level diff. */
export interface DiffSegment {
  /** `=` kept, `-` only in a, `+` only in b */
  op: '=' | '-' | '+';
  /** The characters */
  text: string;
}

/** A matched pair with its classification. */
export interface DiffPair extends TaskPair {
  /** Classification */
  status: PairStatus;
  /** What changed */
  changes: Change[];
  /** Character-level diff of the joined texts of a and b */
  textDiff: DiffSegment[];
}

/** The diff of two plans. */
export interface PlanDiff {
  /** Plan a */
  a: PlanRef;
  /** Plan b */
  b: PlanRef;
  /** Classified pairs */
  pairs: DiffPair[];
  /** Tasks of a with no counterpart */
  dropped: Task[];
  /** Tasks of b with no counterpart */
  added: Task[];
  /** Obligations of every task, keyed `a:seq` / `b:seq` */
  obligations: Record<string, Obligation[]>;
  /** For unpaired tasks, the highest-scoring task of the other plan (see {@link Alignment.nearest}) */
  nearest?: Record<string, NearestTask>;
  /** Expected number of tasks of a with no counterpart (see {@link Alignment.expectedDropped}) */
  expectedDropped?: number;
  /** Expected number of tasks of b with no counterpart (see {@link Alignment.expectedAdded}) */
  expectedAdded?: number;
  /** For unpaired tasks, the likeliest counterparts (see {@link Alignment.likeliest}) */
  likeliest?: Record<string, Link[]>;
  /** What parsing noted about each plan ({@link Plan.messages}): text read into no task, cells filled
   * from merged cells, numbering repaired… (absent in diffs built by older versions) */
  messages?: { a: Message[]; b: Message[] };
}

/* ───────────────────────────── convergence audit ───────────────────────────── */

/** How a plan treats one directive task: copied nearly verbatim, aligned but reworded, or absent. */
export type AdoptionStatus = 'adopted' | 'adapted' | 'missing';

/** One directive task as one plan treats it. */
export interface AdoptionCell {
  /** Directive task seq */
  directiveSeq: number;
  /** How the plan treats it */
  status: AdoptionStatus;
  /** Seqs of the plan's matching tasks (empty when missing) */
  planSeqs: number[];
  /** Pair score (0 when missing) */
  score: number;
  /** The pair's diff status when aligned, else null */
  pairStatus: PairStatus | null;
  /** Obligations the plan sets stricter (stronger) or looser (weaker) than the directive */
  changes: Change[];
}

/** One plan's convergence with the directive. */
export interface PlanConvergence {
  /** The plan */
  plan: PlanRef;
  /** One cell per directive task, in directive order */
  cells: AdoptionCell[];
  /** Counts of each status */
  counts: Record<AdoptionStatus, number>;
  /** Share of directive tasks the plan carries (adopted + adapted) / directive tasks */
  coverage: number;
  /** Convergence score in [0, 1]; formula in docs/method.md */
  score: number;
  /** Seqs of the plan's tasks that have no counterpart in the directive */
  beyond: number[];
  /** Number of changes (obligations, modality, time node, scope) where the plan binds more than the directive */
  stricter: number;
  /** Number of changes where it binds less */
  looser: number;
}

/** A district's convergence score by year, where the audit has several years of one district. */
export interface ConvergenceTrend {
  /** District */
  district: string;
  /** Points in year order */
  points: { year: number; planId: string; coverage: number; score: number }[];
}

/** The convergence audit of plans against a directive. */
export interface Convergence {
  /** The directive */
  directive: PlanRef;
  /** The directive's tasks (seq and text), the rows of the matrix */
  directiveTasks: { seq: number; text: string }[];
  /** One entry per audited plan, in input order */
  plans: PlanConvergence[];
  /** Trends by district (only districts with two or more years) */
  trends: ConvergenceTrend[];
  /** Plans that could not be audited, and why */
  skipped: { ref: string; reason: string }[];
}

/** One step of a task's trace across the corpus. */
export interface TraceStep {
  /** The plan */
  plan: PlanRef;
  /** Matching tasks of that plan (empty when it has none) */
  tasks: { seq: number; text: string; obligations: Obligation[] }[];
  /** Pair score with the traced task (1 for the traced plan itself) */
  score: number;
}

/** A task followed across plans in year order. */
export interface Trace {
  /** The traced plan */
  origin: PlanRef;
  /** The traced task's seq */
  seq: number;
  /** Steps in year order (then id) */
  steps: TraceStep[];
}

/* ───────────────────────────── review sheet and embeddings file ───────────────────────────── */

/** Sentence vectors keyed by taskHash */
export type Embeddings = Record<string, number[]>;

/** One question of the review queue with both tasks' texts and source lines, as `plandiff review` prints it */
export interface ReviewItem extends ReviewQuestion {
  /** Text of the task of a */
  aText: string;
  /** Text of the task of b */
  bText: string;
  /** Where the task of a is in its file */
  aSource: SourceSpan;
  /** Where the task of b is in its file */
  bSource: SourceSpan;
}

/** The review queue of two plans: the questions whose answers would change the alignment most */
export interface ReviewSheet {
  /** Plan a */
  a: PlanRef;
  /** Plan b */
  b: PlanRef;
  /** The questions, most useful first */
  queue: ReviewItem[];
  /** Decisions already made (from the decisions files given), which the page keeps and exports */
  decided: Decision[];
}

/** A file of sentence vectors: {"model": "…", "vectors": {"<taskHash>": [numbers]}} */
export interface EmbeddingsFile {
  /** Name of the model that made the vectors (as the file says; plandiff does not check it) */
  model: string;
  /** One vector per task text, keyed by taskHash; all of one length */
  vectors: Embeddings;
}
