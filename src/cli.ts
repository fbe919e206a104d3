#!/usr/bin/env node
/**
 * plandiff's command line: parses arguments, calls the library, writes the result. No analysis here.
 */
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { alignPlans } from './align/align';
import { alignmentToJson } from './align/json';
import { loadCorpus, loadCorpusPlans, loadPlan, loadPlans, resolvePlanPath, type LoadOptions } from './corpus';
import { diffPlans } from './diff/diff';
import { diffToJson, obligationsToJson } from './diff/json';
import { PlanParseError, UsageError } from './errors';
import { createCachedTokenizer } from './io/token-cache';
import { createPlanCache, type PlanCache } from './io/plan-cache';
import { preparePlan, type PreparedPlan } from './align/prepare';
import { checkOutput, writeOutput } from './io/write';
import { extractObligations } from './obligations/extract';
import { renderPlanOutline } from './outline';
import { renderAlignment, renderAudit, renderObligations, renderReport, renderTrace, type ReportFormat } from './report/index';
import { auditConvergence } from './audit/audit';
import { traceTask } from './audit/trace';
import { createProgress } from './io/progress';
import type { Tokenizer } from './text/tokenize';
import { announcePlan } from './text/tokenizer-jieba';
import { alignOptionsOf, checkAlignArgs, decisionFilesFor, limitOf, minProbabilityOf, type AlignArgs } from './io/align-args';
import { reviewQueue } from './align/review';
import { renderReview, reviewSheet, type ReviewFormat } from './report/review';

const HELP = `plandiff — parse, align and diff Chinese government work plans (政务公开工作要点)

Usage:
  plandiff parse <plan> [--format json|md]            the plan's tasks, units and time nodes
  plandiff align <planA> <planB> [--format json|md]  which tasks carry the same obligation
  plandiff obligations <plan> [--format json|csv]     the numbers each task commits to
  plandiff diff <planA> <planB> [--format md|html|json|csv] [--lang zh|en]
                                                      added, dropped, strengthened, weakened
  plandiff audit --directive <plan> <plan…> [--format html|md|json|csv]
                                                      how closely each plan follows the directive
  plandiff trace <plan> <seq> [--format md|json]      one task followed across the corpus
  plandiff review <planA> <planB> [--limit N] [--format json|md|html]
                                                      the links whose answer would change the result most
  plandiff corpus [--format md|json]                  list the plans of the corpus

<plan> is a corpus id (e.g. putuo-2023) or a path to a plan text file.

Options:
  -f, --format <fmt>    output format (default depends on the command)
  -o, --output <file>   write to a file (atomically) instead of stdout
      --force           replace an existing output file
      --corpus <dir>    a folder with a manifest.json to resolve ids against (default: bundled corpus)
      --lang <zh|en>    report labels in Chinese (default) or English; plan text is never translated
      --no-cache        do not read or write the token and plan caches (PLANDIFF_CACHE_DIR, default ~/.cache/plandiff)

Alignment (align, diff, review, audit, trace):
      --decisions <file>       a reader's answers {"a", "b", "decisions": [...]}: confirmed links are kept,
                               rejected ones excluded (audit, trace: repeat it, one file per pair)
      --min-probability <p>    links below this calibrated probability are not paired (0–1, default 0.5)
      --embeddings <file>      sentence vectors {"model", "vectors": {"<taskHash>": [...]}} (align, diff, review)
      --limit <N>              review, diff --format html: ask at most N questions (default: as many as the
                               two plans have tasks)
  -h, --help            this help
`;

interface Common {
  directive: string | undefined;
  format: string | undefined;
  output: string | undefined;
  force: boolean;
  lang: 'zh' | 'en';
  load: LoadOptions;
  tokenizer: () => Tokenizer | undefined;
  /** A plan loaded and tokenized, through the plan cache unless --no-cache */
  prepared: (ref: string) => PreparedPlan;
  /** --decisions files, --min-probability, --embeddings and --limit as given */
  alignArgs: AlignArgs;
}

/** Plan cache entries of the bundled corpus made when the package was built: `plan-cache/` beside the
 * running bundle (dist/), filled by scripts/ship-plan-cache.mjs. */
function shippedCacheDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'plan-cache');
}

/** The cache folder (token and plan caches): $PLANDIFF_CACHE_DIR, else $XDG_CACHE_HOME/plandiff, else ~/.cache/plandiff. */
function cacheDir(): string {
  if (process.env.PLANDIFF_CACHE_DIR) return process.env.PLANDIFF_CACHE_DIR;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'plandiff');
}

function csvField(value: string | number | null): string {
  const s = value == null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

type Command = (args: string[], opts: Common) => string;

function stableJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

function need(args: string[], count: number, usage: string): void {
  if (args.length < count) throw new UsageError(`missing argument; usage: ${usage}`);
}

function pickFormat(format: string | undefined, allowed: string[], fallback: string): string {
  const f = format ?? fallback;
  if (!allowed.includes(f)) throw new UsageError(`unknown format "${f}"; use one of ${allowed.join(', ')}`);
  return f;
}

const commands: Record<string, Command> = {
  corpus(_args, opts) {
    const corpus = loadCorpus(opts.load.corpusDir);
    const format = pickFormat(opts.format, ['json', 'md'], 'md');
    if (format === 'json') return stableJson(corpus.entries);
    const lines = ['| id | 区 | 年度 | 文号 | 成文日期 | 文件 |', '|---|---|---|---|---|---|'];
    for (const e of corpus.entries) {
      lines.push(`| ${e.id} | ${e.district} | ${e.year} | ${e.docNumber ?? '—'} | ${e.issueDate ?? '—'} | ${e.file} |`);
    }
    return lines.join('\n') + '\n';
  },
  align(args, opts) {
    need(args, 2, 'plandiff align <planA> <planB> [--format json|md]');
    const format = pickFormat(opts.format, ['json', 'md'], 'json');
    const a = opts.prepared(args[0]!);
    const b = opts.prepared(args[1]!);
    const alignment = alignPlans(a, b, alignOptionsOf(opts.alignArgs, a.plan, b.plan));
    const text = format === 'md' ? renderAlignment(alignment, 'md', { lang: opts.lang }) : stableJson(alignmentToJson(alignment));
    return text;
  },
  obligations(args, opts) {
    need(args, 1, 'plandiff obligations <plan> [--format json|md|csv]');
    const format = pickFormat(opts.format, ['json', 'md', 'csv'], 'json');
    const plan = loadPlan(args[0]!, opts.load);
    if (format === 'md') return renderObligations(plan, extractObligations, 'md', { lang: opts.lang });
    const rows = obligationsToJson(plan.tasks, extractObligations);
    if (format === 'json') return stableJson(rows);
    const columns = ['seq', 'kind', 'comparator', 'value', 'valueMax', 'unit', 'period', 'subject', 'quote'] as const;
    const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => csvField(r[c])).join(','))];
    return '\uFEFF' + lines.join('\r\n') + '\r\n';
  },
  diff(args, opts) {
    need(args, 2, 'plandiff diff <planA> <planB> [--format md|html|json|csv]');
    const format = pickFormat(opts.format, ['md', 'html', 'json', 'csv'], 'md') as ReportFormat;
    const a = opts.prepared(args[0]!);
    const b = opts.prepared(args[1]!);
    const tokenizer = opts.tokenizer();
    const options = alignOptionsOf(opts.alignArgs, a.plan, b.plan);
    const alignment = alignPlans(a, b, options);
    const diff = diffPlans(a, b, { ...(tokenizer ? { tokenizer } : {}), ...options, alignment });
    if (format === 'json') return stableJson(diffToJson(diff));
    // the HTML report offers the review questions with same / different buttons
    const review = format === 'html' ? reviewSheet(a.plan, b.plan, reviewQueue(alignment, limitOf(opts.alignArgs.limit, a.plan.tasks.length + b.plan.tasks.length)), options.decisions) : undefined;
    return renderReport(diff, format, { lang: opts.lang, ...(review ? { review } : {}) });
  },
  audit(args, opts) {
    const usage = 'plandiff audit --directive <plan> <plan…> [--format html|md|json|csv]';
    if (!opts.directive) throw new UsageError(`missing --directive; usage: ${usage}`);
    need(args, 1, usage);
    const format = pickFormat(opts.format, ['html', 'md', 'json', 'csv'], 'md') as 'html' | 'md' | 'json' | 'csv';
    const directive = loadPlan(opts.directive, opts.load);
    const progress = createProgress(args.length * 2, 'audit');
    const { plans, skipped } = loadPlans(args, opts.load);
    progress.tick(args.length);
    const tokenizer = opts.tokenizer();
    const minProbability = minProbabilityOf(opts.alignArgs.minProbability);
    const conv = auditConvergence(directive, plans, {
      ...(tokenizer ? { tokenizer } : {}),
      ...(minProbability !== undefined ? { minProbability } : {}),
      decisionFiles: decisionFilesFor(opts.alignArgs, directive, plans),
      skipped: skipped.map((s) => ({ ref: s.ref, reason: s.reason })),
      onPlan: () => progress.tick(),
    });
    progress.finish();
    return renderAudit(conv, format, { lang: opts.lang });
  },
  trace(args, opts) {
    need(args, 2, 'plandiff trace <plan> <seq> [--format md|json]');
    const format = pickFormat(opts.format, ['md', 'json'], 'md') as 'md' | 'json';
    const seq = Number(args[1]);
    if (!Number.isInteger(seq) || seq < 1) throw new UsageError(`task number must be a positive integer, not "${args[1]}"`);
    const origin = loadPlan(args[0]!, opts.load);
    if (!origin.tasks.some((t) => t.seq === seq)) {
      throw new UsageError(`${origin.meta.id} has no task ${seq} (its tasks are numbered 1–${origin.tasks.length})`);
    }
    const { plans } = loadCorpusPlans(opts.load.corpusDir, opts.load);
    const tokenizer = opts.tokenizer();
    const minProbability = minProbabilityOf(opts.alignArgs.minProbability);
    const trace = traceTask(origin, seq, plans, {
      ...(tokenizer ? { tokenizer } : {}),
      ...(minProbability !== undefined ? { minProbability } : {}),
      decisionFiles: decisionFilesFor(opts.alignArgs, origin, plans),
    });
    return renderTrace(trace, format, { lang: opts.lang });
  },
  review(args, opts) {
    need(args, 2, 'plandiff review <planA> <planB> [--decisions <file>] [--limit N] [--format json|md|html]');
    const format = pickFormat(opts.format, ['json', 'md', 'html'], 'md') as ReviewFormat;
    const a = opts.prepared(args[0]!);
    const b = opts.prepared(args[1]!);
    const options = alignOptionsOf(opts.alignArgs, a.plan, b.plan);
    const questions = reviewQueue(alignPlans(a, b, options), limitOf(opts.alignArgs.limit, a.plan.tasks.length + b.plan.tasks.length));
    return renderReview(reviewSheet(a.plan, b.plan, questions, options.decisions), format, { lang: opts.lang });
  },
  parse(args, opts) {
    need(args, 1, 'plandiff parse <plan> [--format json|md]');
    const format = pickFormat(opts.format, ['json', 'md'], 'json');
    const plan = loadPlan(args[0]!, opts.load);
    return format === 'md' ? renderPlanOutline(plan) : stableJson(plan);
  },
};

/** Every file a command may read: the plans named, the corpus manifest and the corpus's plan files. */
function inputFiles(refs: string[], load: LoadOptions): string[] {
  const files = refs.map((ref) => resolvePlanPath(ref, load)).filter((p): p is string => p != null);
  try {
    const corpus = loadCorpus(load.corpusDir);
    files.push(join(corpus.dir, 'manifest.json'), ...corpus.entries.map((e) => e.file));
  } catch {
    // no usable manifest: the command itself reports it
  }
  return files;
}

/** Runs the CLI; returns the exit code. */
export function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        directive: { type: 'string', short: 'd' },
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean', default: false },
        corpus: { type: 'string' },
        lang: { type: 'string', default: 'zh' },
        'no-cache': { type: 'boolean', default: false },
        decisions: { type: 'string', multiple: true },
        'min-probability': { type: 'string' },
        embeddings: { type: 'string' },
        limit: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`plandiff: ${(err as Error).message}\n\n${HELP}`);
    return 2;
  }
  const [name, ...rest] = parsed.positionals;
  if (parsed.values.help || !name) {
    process.stdout.write(HELP);
    return name || parsed.values.help ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`plandiff: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  const lang = parsed.values.lang;
  if (lang !== 'zh' && lang !== 'en') {
    process.stderr.write(`plandiff: unknown language "${lang}"; use zh or en\n`);
    return 2;
  }
  let cached: ReturnType<typeof createCachedTokenizer> | undefined;
  let plans: PlanCache | undefined;
  const opts: Common = {
    directive: parsed.values.directive,
    format: parsed.values.format,
    output: parsed.values.output,
    force: parsed.values.force ?? false,
    lang,
    load: parsed.values.corpus ? { corpusDir: parsed.values.corpus } : {},
    tokenizer: () => {
      if (parsed.values['no-cache']) return undefined;
      cached ??= createCachedTokenizer({ dir: cacheDir() });
      return cached;
    },
    prepared: (ref) => {
      if (parsed.values['no-cache']) {
        const plan = loadPlan(ref, opts.load);
        announcePlan(plan);
        return preparePlan(plan);
      }
      plans ??= createPlanCache({ dir: cacheDir(), tokenizer: opts.tokenizer(), shipped: shippedCacheDir() });
      return plans.load(ref, opts.load);
    },
    alignArgs: {
      decisions: parsed.values.decisions ?? [],
      minProbability: parsed.values['min-probability'],
      embeddings: parsed.values.embeddings,
      limit: parsed.values.limit,
    },
  };
  try {
    const inputs = [
      ...inputFiles([...rest, ...(opts.directive ? [opts.directive] : [])], opts.load),
      ...opts.alignArgs.decisions,
      ...(opts.alignArgs.embeddings ? [opts.alignArgs.embeddings] : []),
    ];
    if (opts.output) checkOutput(opts.output, { force: opts.force, inputs });
    checkAlignArgs(name, opts.alignArgs);
    const text = command(rest, opts);
    if (opts.output) writeOutput(opts.output, text, { force: opts.force, inputs });
    else process.stdout.write(text);
    return 0;
  } catch (err) {
    if (err instanceof PlanParseError || err instanceof UsageError) {
      process.stderr.write(`${err.message}\n`);
      return err instanceof UsageError ? 2 : 1;
    }
    throw err;
  }
}

// A reader that stops early (`plandiff parse … | head`) closes the pipe: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
process.exitCode = main(process.argv.slice(2));
