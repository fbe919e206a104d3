/**
 * The alignment options of the command line (`--decisions`, `--min-probability`, `--embeddings`, `--limit`):
 * checked, and the files they name read, into the options of `alignPlans`, `auditConvergence`, `traceTask`
 * and `reviewQueue`. Bad values are a `UsageError`; bad files a `PlanParseError` naming the file.
 */
import type { AlignPlansOptions } from '../align/align';
import { PlanParseError, UsageError } from '../errors';
import type { DecisionsFile, Plan } from '../types';
import { decisionsFor, readDecisionsFile } from './decisions';
import { readEmbeddingsFile } from './embeddings';

/** The alignment options of the command line, as given. */
export interface AlignArgs {
  /** Paths given with --decisions, in order */
  decisions: string[];
  /** --min-probability as typed */
  minProbability: string | undefined;
  /** Path given with --embeddings */
  embeddings: string | undefined;
  /** --limit as typed */
  limit: string | undefined;
}

/** Refuses an alignment option given to a command that does not take it. */
export function checkAlignArgs(command: string, args: AlignArgs): void {
  const takes: Record<string, string[]> = {
    align: ['decisions', 'min-probability', 'embeddings'],
    diff: ['decisions', 'min-probability', 'embeddings', 'limit'],
    review: ['decisions', 'min-probability', 'embeddings', 'limit'],
    audit: ['decisions', 'min-probability'],
    trace: ['decisions', 'min-probability'],
  };
  const given = { decisions: args.decisions.length > 0, 'min-probability': args.minProbability !== undefined, embeddings: args.embeddings !== undefined, limit: args.limit !== undefined };
  for (const [option, present] of Object.entries(given)) {
    if (present && !(takes[command] ?? []).includes(option)) throw new UsageError(`${command} does not take --${option}`);
  }
}

/** --min-probability as a number in [0, 1] (undefined when not given). */
export function minProbabilityOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const p = Number(value);
  if (value.trim() === '' || !Number.isFinite(p) || p < 0 || p > 1) {
    throw new UsageError(`--min-probability must be a number from 0 to 1, not "${value}"`);
  }
  return p;
}

/**
 * --limit as reviewQueue's option: a positive whole number of questions; when not given, as many as the
 * two plans have tasks together (`tasks`), the most decisions a review should need.
 */
export function limitOf(value: string | undefined, tasks: number): { limit: number } {
  if (value === undefined) return { limit: tasks };
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1) throw new UsageError(`--limit must be a whole number from 1, not "${value}"`);
  return { limit: n };
}

/** The decisions files given, each read and checked for its shape. */
export function decisionFilesOf(args: AlignArgs): { path: string; file: DecisionsFile }[] {
  return args.decisions.map((path) => ({ path, file: readDecisionsFile(path) }));
}

/** alignPlans options for plans a → b: the one decisions file (for this pair, either order), the cut and the vectors. */
export function alignOptionsOf(args: AlignArgs, a: Plan, b: Plan): Pick<AlignPlansOptions, 'decisions' | 'minProbability' | 'embeddings'> {
  if (args.decisions.length > 1) throw new UsageError('give one --decisions file for a pair of plans');
  const options: Pick<AlignPlansOptions, 'decisions' | 'minProbability' | 'embeddings'> = {};
  const [given] = decisionFilesOf(args);
  if (given) options.decisions = decisionsFor(given.file, a, b, given.path);
  const minProbability = minProbabilityOf(args.minProbability);
  if (minProbability !== undefined) options.minProbability = minProbability;
  if (args.embeddings) options.embeddings = readEmbeddingsFile(args.embeddings).vectors;
  return options;
}

/**
 * The decisions files of a command over many pairs (audit, trace): each must be about the first plan and one
 * of the others (in either order), one file per pair; its seqs are checked against those two plans.
 */
export function decisionFilesFor(args: AlignArgs, first: Plan, others: Plan[]): DecisionsFile[] {
  if (args.embeddings) throw new UsageError('--embeddings is for align, diff and review (one pair of plans)');
  const used = new Map<string, string>();
  return decisionFilesOf(args).map(({ path, file }) => {
    const other = others.find((p) => p.meta.id !== first.meta.id && [file.a, file.b].includes(p.meta.id) && [file.a, file.b].includes(first.meta.id));
    if (!other) throw new PlanParseError('bad-decisions', path, null, `this file holds decisions about ${file.a} ↔ ${file.b}, which is not a pair of ${first.meta.id} with a plan of this command`);
    if (used.has(other.meta.id)) throw new UsageError(`${used.get(other.meta.id)} and ${path} both hold decisions about ${first.meta.id} ↔ ${other.meta.id}; give one file per pair`);
    used.set(other.meta.id, path);
    decisionsFor(file, first, other, path);
    return file;
  });
}
