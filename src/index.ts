/**
 * plandiff — parse, align and diff Chinese local-government work plans (政务公开工作要点).
 *
 * Every function returns plain, JSON-serializable data; none prints, exits or reads global state. File
 * I/O happens only in the corpus loader (`loadPlan`, `loadCorpus`, …), the `readPlanFile` helper and the
 * readers of decisions and embeddings files.
 */

// Input: bytes → text
export { decodeBytes } from './io/decode';
export { readPlanText, readPlanFile, DEFAULT_MAX_BYTES } from './io/read';
export { normalizeText, squeezeSpaces } from './text/normalize';

// Parsing
export { parsePlan } from './parse/plan';
export { parseUnits } from './parse/units';
export { parseTimeNode, compareTimeNodes } from './parse/timenode';

// Corpus
export { loadPlan, loadPlans, loadPlanFile, loadCorpus, loadCorpusPlans, bundledCorpusDir, findEntry } from './corpus';

// Text
export { tokenize } from './text/tokenize';
export { clauses } from './text/clauses';
export { announcePlan, defaultTokenizer } from './text/tokenizer-jieba';
export { createCachedTokenizer } from './io/token-cache';

// Alignment
export { alignPlans } from './align/align';
export { preparePlan } from './align/prepare';
export { alignmentToJson } from './align/json';
export { alignMany, pairFromMany, planAgainstCorpus } from './align/many';
export { DEFAULT_ALIGN_CONFIG } from './align/config';
export { taskHash } from './align/decisions';
export { reviewQueue } from './align/review';
export { needsCheck } from './align/check';

// Obligations, modality, scope
export { extractObligations } from './obligations/extract';
export { modalityOf, taskModality } from './modality/modality';
export { scopeOf, compareScope } from './modality/scope';

// Diff
export { diffPlans, classifyPair } from './diff/diff';
export { diffToJson, obligationToJson, obligationsToJson } from './diff/json';

// Audit and trace
export { auditConvergence, ADOPTED_SIMILARITY } from './audit/audit';
export { traceTask } from './audit/trace';

// Reports
export {
  renderReport,
  toRows,
  REPORT_COLUMNS,
  REPORT_FORMATS,
  renderAudit,
  toAuditRows,
  AUDIT_COLUMNS,
  AUDIT_FORMATS,
  renderTrace,
  renderAlignment,
  renderObligations,
  renderReview,
  reviewSheet,
} from './report/index';
export { notebookView, JUPYTER_DISPLAY } from './notebook';

// Reader decisions and embeddings files
export { readDecisionsFile, parseDecisionsFile, decisionsFor, formatDecisionsFile } from './io/decisions';
export { readEmbeddingsFile, parseEmbeddingsFile } from './io/embeddings';

// Errors
export { PlanParseError, UsageError } from './errors';

export type {
  SourceSpan,
  Message,
  NormalizedText,
  Units,
  TimeNodeKind,
  TimeNode,
  Heading,
  PlanLayout,
  Task,
  PlanMeta,
  Plan,
  ParseOptions,
  CorpusEntry,
  Token,
  Clause,
  ObligationKind,
  Comparator,
  Obligation,
  Modality,
  Evidence,
  LinkBasis,
  TaskPair,
  PlanRef,
  Alignment,
  Link,
  Decision,
  DecisionsFile,
  ReviewQuestion,
  ReviewItem,
  ReviewSheet,
  Embeddings,
  EmbeddingsFile,
  AlignOptions,
  ChangeKind,
  Direction,
  Change,
  PairStatus,
  DiffSegment,
  DiffPair,
  PlanDiff,
  AdoptionStatus,
  AdoptionCell,
  PlanConvergence,
  ConvergenceTrend,
  Convergence,
  TraceStep,
  Trace,
} from './types';
export type { PlanErrorCode } from './errors';
export type { Corpus, LoadOptions, LoadedPlans, SkippedPlan } from './corpus';
export type { Tokenizer, TokenizeOptions } from './text/tokenize';
export type { JiebaTokenizer } from './text/tokenizer-jieba';
export type { CachedTokenizer, TokenCacheOptions } from './io/token-cache';
export type { AlignPlansOptions } from './align/align';
export type { ReviewOptions } from './align/review';
export type { AlignmentJson, AlignmentPairJson } from './align/json';
export type {
  AlignManyOptions,
  ManyAlignment,
  TaskFamily,
  FamilyMember,
  RelatedFamily,
  ManyStats,
  ManyPair,
  ManyPairAlignment,
  PairFromManyOptions,
  CorpusOverlap,
  ManyProgress,
} from './align/many';
export type { ModalityResult } from './modality/modality';
export type { Scope } from './modality/scope';
export type { DiffOptions } from './diff/diff';
export type { PlanDiffJson, DiffPairJson, DiffTaskJson, ObligationJson } from './diff/json';
export type { AuditOptions } from './audit/audit';
export type { TraceOptions } from './audit/trace';
export type {
  ReportFormat,
  ReportOptions,
  ReportRow,
  AuditFormat,
  AuditReportOptions,
  AuditRow,
  TaskReportOptions,
  ReviewFormat,
  ReviewJson,
} from './report/index';
export type { NotebookView, NotebookViewOptions, MimeBundle } from './notebook';
