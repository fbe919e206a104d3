/**
 * plandiff's command line: parses arguments, calls the library, writes the result. No analysis and no
 * rendering here (that is src/report/); `src/bin.ts` runs {@link main} with the process's streams.
 *
 * Every command is one entry of {@link COMMANDS} (its arguments, formats, help line and what it runs) and
 * every option one entry of {@link OPTIONS}; the help text is made from those two tables.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { alignPlans } from './align/align';
import { preparePlan, type PreparedPlan } from './align/prepare';
import { currentDecisions } from './align/decisions';
import { reviewQueue } from './align/review';
import { auditConvergence } from './audit/audit';
import { traceTask } from './audit/trace';
import { loadCorpus, loadPlan, loadPlanFile, resolvePlanPath, type LoadOptions, type SkippedPlan } from './corpus';
import { diffPlans } from './diff/diff';
import { PlanParseError, UsageError } from './errors';
import { alignOptionsOf, checkAlignArgs, decisionFilesFor, limitOf, minProbabilityOf, type AlignArgs } from './io/align-args';
import { createProgress } from './io/progress';
import { createCachedTokenizer, type CachedTokenizer } from './io/token-cache';
import { checkOutput, writeOutput } from './io/write';
import { extractObligations } from './obligations/extract';
import { createPlanCache, type PlanCache } from './plan-cache';
import { renderCorpus } from './report/corpus';
import { renderAlignment, renderAudit, renderObligations, renderReport, renderTrace, type ReportLang } from './report/index';
import { renderPlan } from './report/plan';
import { renderReview, reviewSheet, type ReviewFormat } from './report/review';
import { renderSummary } from './report/summary';
import type { Tokenizer } from './text/tokenize';
import type { Decision, Plan } from './types';
import { announcePlan } from './text/tokenizer-jieba';

/** The part of a writable stream the command line uses (`process.stdout` fits). */
export interface CliStream {
  /** Writes a chunk */
  write(chunk: string): unknown;
  /** True when the stream is a terminal */
  isTTY?: boolean;
  /** Terminal width, when known */
  columns?: number;
}

/** Where {@link main} writes and what environment it reads (default: the process's). */
export interface CliIo {
  /** Output of the command */
  stdout: CliStream;
  /** Errors, progress and the summary that goes with `-o` */
  stderr: CliStream;
  /** Environment variables (PLANDIFF_CACHE_DIR, XDG_CACHE_HOME) */
  env: Record<string, string | undefined>;
}

/** Every output format a command may write. */
export type CliFormat = 'md' | 'html' | 'json' | 'csv';

/** What a command runs with: its arguments and the parsed common options. */
export interface CommandContext {
  /** Positional arguments after the command name */
  args: string[];
  /** The output format, chosen from --format, the -o file's extension or the command's default */
  format: CliFormat;
  /** Report language */
  lang: ReportLang;
  /** --directive (audit) */
  directive: string | undefined;
  /** Where plan ids are resolved */
  load: LoadOptions;
  /** The tokenizer to use (the token cache), or undefined for the default one */
  tokenizer(): Tokenizer | undefined;
  /** A plan, loaded and tokenized through the plan cache (unless --no-cache) */
  prepared(ref: string): PreparedPlan;
  /** Every plan of the corpus (--corpus, default the bundled one) through the plan cache, and those skipped */
  corpusPlans(): { plans: PreparedPlan[]; skipped: SkippedPlan[] };
  /** Where progress is drawn (a terminal only) */
  stderr: CliStream;
  /** --decisions files, --min-probability, --embeddings and --limit as given */
  alignArgs: AlignArgs;
}

/** What a command gives back: the text to write, and for long reports a short summary for a terminal. */
export interface CommandResult {
  /** The full output in the chosen format */
  text: string;
  /** The terminal summary; `fullReport` is the file the report went to, `command` the command line typed */
  summary?: (where: { fullReport?: string; command?: string }) => string;
}

/** One command of the command line. */
export interface CommandSpec {
  /** Its arguments as the help shows them (`<planA> <planB>`) */
  args: string;
  /** How many positional arguments it needs at least */
  minArgs: number;
  /** Options besides the common ones, as the help shows them (`--directive <plan>`) */
  extra?: string;
  /** Options besides the common ones that its help lists */
  options?: readonly OptionName[];
  /** Output formats it writes, its default first */
  formats: readonly CliFormat[];
  /** One line on what it prints */
  about: string;
  /** Runs it */
  run(ctx: CommandContext): CommandResult;
}

/** Loads plans one by one through `load`; a plan that fails is listed with its reason and the rest still load. */
function loadEach<T>(refs: string[], load: (ref: string) => T): { plans: T[]; skipped: SkippedPlan[] } {
  const plans: T[] = [];
  const skipped: SkippedPlan[] = [];
  for (const ref of refs) {
    try {
      plans.push(load(ref));
    } catch (err) {
      if (!(err instanceof PlanParseError)) throw err;
      skipped.push({ ref, file: err.file, code: err.code, reason: err.message });
    }
  }
  return { plans, skipped };
}

/** Says on stderr which decisions of a decisions file were not applied (a task whose text changed since, or
 * one the plan does not have), so that a skipped answer is never silent. */
function noteSkipped(ctx: CommandContext, alignment: { messages?: readonly { reason: string }[] }): void {
  for (const m of alignment.messages ?? []) ctx.stderr.write(`plandiff: note: ${m.reason}\n`);
}

/** The decisions that apply to these two plans: the ones a review sheet keeps for its export (a skipped one
 * is asked again, and must not be exported twice). */
function applied(decisions: readonly Decision[] | undefined, a: PreparedPlan, b: PreparedPlan): Decision[] {
  return currentDecisions(decisions ?? [], a.plan.tasks, b.plan.tasks);
}

/** The commands. Adding a command is adding an entry here; the help lists it from this table. */
export const COMMANDS: Record<string, CommandSpec> = {
  parse: {
    args: '<plan>',
    minArgs: 1,
    formats: ['json', 'md'],
    about: "the plan's tasks, units and time nodes",
    run: (ctx) => ({ text: renderPlan(loadPlan(ctx.args[0]!, ctx.load), ctx.format as 'json' | 'md') }),
  },
  align: {
    args: '<planA> <planB>',
    minArgs: 2,
    formats: ['json', 'md'],
    about: 'which tasks carry the same obligation',
    options: ['decisions', 'min-probability', 'embeddings'],
    run: (ctx) => {
      const a = ctx.prepared(ctx.args[0]!);
      const b = ctx.prepared(ctx.args[1]!);
      const alignment = alignPlans(a, b, alignOptionsOf(ctx.alignArgs, a.plan, b.plan));
      noteSkipped(ctx, alignment);
      return { text: renderAlignment(alignment, ctx.format as 'json' | 'md', { lang: ctx.lang }) };
    },
  },
  obligations: {
    args: '<plan>',
    minArgs: 1,
    formats: ['json', 'md', 'csv'],
    about: 'the numbers each task commits to',
    run: (ctx) => {
      const plan = ctx.prepared(ctx.args[0]!).plan;
      return { text: renderObligations(plan, extractObligations, ctx.format as 'json' | 'md' | 'csv', { lang: ctx.lang }) };
    },
  },
  diff: {
    args: '<planA> <planB>',
    minArgs: 2,
    formats: ['md', 'html', 'json', 'csv'],
    about: 'added, dropped, strengthened, weakened',
    options: ['decisions', 'min-probability', 'embeddings', 'limit'],
    run: (ctx) => {
      const tokenizer = ctx.tokenizer();
      const a = ctx.prepared(ctx.args[0]!);
      const b = ctx.prepared(ctx.args[1]!);
      const options = alignOptionsOf(ctx.alignArgs, a.plan, b.plan);
      const alignment = alignPlans(a, b, options);
      noteSkipped(ctx, alignment);
      const diff = diffPlans(a, b, { ...(tokenizer ? { tokenizer } : {}), ...options, alignment });
      // the HTML report offers the review questions with same / different buttons
      const review =
        ctx.format === 'html'
          ? reviewSheet(a.plan, b.plan, reviewQueue(alignment, limitOf(ctx.alignArgs.limit, a.plan.tasks.length + b.plan.tasks.length)), applied(options.decisions, a, b))
          : undefined;
      return {
        text: renderReport(diff, ctx.format, { lang: ctx.lang, ...(review ? { review } : {}) }),
        summary: (where) => renderSummary(diff, { lang: ctx.lang, ...where }),
      };
    },
  },
  audit: {
    args: '<plan…>',
    minArgs: 1,
    extra: '--directive <plan>',
    formats: ['md', 'html', 'json', 'csv'],
    about: 'how closely each plan follows the directive',
    options: ['directive', 'decisions', 'min-probability'],
    run: (ctx) => {
      if (!ctx.directive) throw new UsageError(`missing --directive; usage: ${synopsis('audit')}`);
      const directive = ctx.prepared(ctx.directive);
      const progress = createProgress(ctx.args.length * 2, 'audit', ctx.stderr);
      const { plans, skipped } = loadEach(ctx.args, ctx.prepared);
      progress.tick(ctx.args.length);
      const tokenizer = ctx.tokenizer();
      const minProbability = minProbabilityOf(ctx.alignArgs.minProbability);
      const conv = auditConvergence(directive, plans, {
        ...(tokenizer ? { tokenizer } : {}),
        ...(minProbability !== undefined ? { minProbability } : {}),
        decisionFiles: decisionFilesFor(ctx.alignArgs, directive.plan, plans.map((p) => p.plan)),
        skipped: skipped.map((s) => ({ ref: s.ref, reason: s.reason })),
        onPlan: () => progress.tick(),
      });
      progress.finish();
      return { text: renderAudit(conv, ctx.format, { lang: ctx.lang }) };
    },
  },
  trace: {
    args: '<plan> <seq>',
    minArgs: 2,
    formats: ['md', 'json'],
    about: 'one task followed across the corpus',
    options: ['decisions', 'min-probability'],
    run: (ctx) => {
      const seq = Number(ctx.args[1]);
      if (!Number.isInteger(seq) || seq < 1) throw new UsageError(`task number must be a positive integer, not "${ctx.args[1]}"`);
      const origin = ctx.prepared(ctx.args[0]!);
      const count = origin.plan.tasks.length;
      if (!origin.plan.tasks.some((t) => t.seq === seq)) {
        throw new UsageError(`${origin.plan.meta.id} has no task ${seq} (its tasks are numbered 1–${count})`);
      }
      const tokenizer = ctx.tokenizer();
      const { plans } = ctx.corpusPlans();
      const minProbability = minProbabilityOf(ctx.alignArgs.minProbability);
      const trace = traceTask(origin, seq, plans, {
        ...(tokenizer ? { tokenizer } : {}),
        ...(minProbability !== undefined ? { minProbability } : {}),
        decisionFiles: decisionFilesFor(ctx.alignArgs, origin.plan, plans.map((p) => p.plan)),
      });
      return { text: renderTrace(trace, ctx.format as 'md' | 'json', { lang: ctx.lang }) };
    },
  },
  review: {
    args: '<planA> <planB>',
    minArgs: 2,
    formats: ['md', 'json', 'html'],
    about: 'the links whose answer would change the result most',
    options: ['decisions', 'min-probability', 'embeddings', 'limit'],
    run: (ctx) => {
      const a = ctx.prepared(ctx.args[0]!);
      const b = ctx.prepared(ctx.args[1]!);
      const options = alignOptionsOf(ctx.alignArgs, a.plan, b.plan);
      const alignment = alignPlans(a, b, options);
      noteSkipped(ctx, alignment);
      const questions = reviewQueue(alignment, limitOf(ctx.alignArgs.limit, a.plan.tasks.length + b.plan.tasks.length));
      return { text: renderReview(reviewSheet(a.plan, b.plan, questions, applied(options.decisions, a, b)), ctx.format as ReviewFormat, { lang: ctx.lang }) };
    },
  },
  corpus: {
    args: '',
    minArgs: 0,
    formats: ['md', 'json'],
    about: 'the plans of the corpus',
    run: (ctx) => ({ text: renderCorpus(loadCorpus(ctx.load.corpusDir).entries, ctx.format as 'md' | 'json') }),
  },
};

/** One option of the command line, as `node:util` parseArgs takes it plus its help. */
interface OptionSpec {
  type: 'string' | 'boolean';
  /** May be given more than once */
  multiple?: boolean;
  short?: string;
  /** The value's name in the help (`<file>`) */
  value?: string;
  help: string;
}

/** The options. Adding an option is adding an entry here (and reading it where it is used). */
export const OPTIONS = {
  format: { type: 'string', short: 'f', value: '<fmt>', help: "output format (default: the command's first; with -o, the file's extension)" },
  output: { type: 'string', short: 'o', value: '<file>', help: 'write to a file (atomically) instead of stdout; .md .html .json .csv pick the format' },
  force: { type: 'boolean', help: 'replace an existing output file' },
  directive: { type: 'string', short: 'd', value: '<plan>', help: 'the plan the audit measures against' },
  corpus: { type: 'string', value: '<dir>', help: 'a folder with a manifest.json to resolve ids against (default: bundled corpus)' },
  lang: { type: 'string', value: '<zh|en>', help: 'report labels in Chinese (default) or English; plan text is never translated' },
  'no-cache': { type: 'boolean', help: 'do not read or write the token and plan caches (PLANDIFF_CACHE_DIR, default ~/.cache/plandiff)' },
  decisions: { type: 'string', multiple: true, value: '<file>', help: "a reader's answers (plandiff review): confirmed links kept, rejected ones excluded; audit, trace: one file per pair, repeated" },
  'min-probability': { type: 'string', value: '<p>', help: 'links below this calibrated probability are not paired (0–1, default 0.5)' },
  embeddings: { type: 'string', value: '<file>', help: 'your own sentence vectors {"model", "vectors": {"<taskHash>": [...]}} (docs/notebook.md)' },
  limit: { type: 'string', value: '<N>', help: 'review, diff --format html: ask at most N questions (default: as many as the two plans have tasks)' },
  version: { type: 'boolean', help: "plandiff's version" },
  help: { type: 'boolean', short: 'h', help: 'this help; after a command, that command’s help' },
} satisfies Record<string, OptionSpec>;

/** The name of an option. */
type OptionName = keyof typeof OPTIONS;

/** The file extensions that name an output format. */
const EXTENSION_FORMATS: Record<string, CliFormat> = { '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.json': 'json', '.csv': 'csv' };

/** A command's usage line: `plandiff diff <planA> <planB> [--format md|html|json|csv] [--lang zh|en]`. */
export function synopsis(name: string): string {
  const spec = COMMANDS[name]!;
  const parts = ['plandiff', name, spec.extra, spec.args, `[--format ${spec.formats.join('|')}]`];
  if (name !== 'parse' && name !== 'corpus') parts.push('[--lang zh|en]');
  return parts.filter((p) => p).join(' ');
}

function optionLines(names: readonly OptionName[]): string[] {
  return names.map((name) => {
    const o: OptionSpec = OPTIONS[name];
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.value ? ` ${o.value}` : ''}`;
    return `  ${flag.padEnd(24)} ${o.help}`;
  });
}

const COMMON_OPTIONS = ['format', 'output', 'force', 'corpus', 'lang', 'no-cache', 'help'] as const;

/** The help of the whole program. */
export function helpText(): string {
  const lines = ['plandiff — parse, align and diff Chinese government work plans (政务公开工作要点)', '', 'Usage:'];
  for (const [name, spec] of Object.entries(COMMANDS)) lines.push(`  ${synopsis(name)}`, `      ${spec.about}`);
  lines.push(
    '',
    '<plan> is a corpus id (e.g. putuo-2023) or a path to a plan text file.',
    'On a terminal, diff prints a summary and says how to get the full report; piped or with -o it writes the full report.',
    '',
    'Options:',
    ...optionLines([...COMMON_OPTIONS, 'directive', 'version']),
    '',
    'Alignment options (align, diff, review, audit, trace):',
    ...optionLines(['decisions', 'min-probability', 'embeddings', 'limit']),
    '',
    '`plandiff <command> --help` shows one command.',
    '',
  );
  return lines.join('\n');
}

/** The help of one command. */
export function commandHelp(name: string): string {
  const spec = COMMANDS[name]!;
  const names: OptionName[] = [...COMMON_OPTIONS, ...(spec.options ?? [])];
  return [`Usage: ${synopsis(name)}`, '', `  ${spec.about}`, `  formats: ${spec.formats.join(', ')} (default ${spec.formats[0]})`, '', 'Options:', ...optionLines(names), ''].join('\n');
}

/** plandiff's version, from the package.json beside `src/` and `dist/`. */
function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * The format to write: --format when given, else the -o file's extension when it names one, else the
 * command's default. A --format that the file's extension contradicts is an error, so is a format the
 * command does not write.
 */
export function chooseFormat(name: string, given: string | undefined, output: string | undefined): CliFormat {
  const spec = COMMANDS[name]!;
  const ext = output ? extname(output).toLowerCase() : '';
  const fromFile = Object.hasOwn(EXTENSION_FORMATS, ext) ? EXTENSION_FORMATS[ext] : undefined;
  const allowed = spec.formats.join(', ');
  if (given != null) {
    if (!(spec.formats as readonly string[]).includes(given)) throw new UsageError(`unknown format "${given}" for ${name}; use one of ${allowed}`);
    if (fromFile && fromFile !== given) {
      throw new UsageError(`--format ${given} contradicts the output file ${output} (${ext} is ${fromFile}); drop --format or rename the file`);
    }
    return given as CliFormat;
  }
  if (fromFile) {
    if (!spec.formats.includes(fromFile)) throw new UsageError(`${name} cannot write ${fromFile} (${output}); its formats are ${allowed}`);
    return fromFile;
  }
  return spec.formats[0]!;
}

/** Plan cache entries of the bundled corpus made when the package was built: `plan-cache/` beside the
 * running bundle (dist/), filled by scripts/ship-plan-cache.mjs. */
function shippedCacheDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'plan-cache');
}

/** The cache folder (token and plan caches): $PLANDIFF_CACHE_DIR, else $XDG_CACHE_HOME/plandiff, else ~/.cache/plandiff. */
function cacheDir(env: CliIo['env']): string {
  if (env.PLANDIFF_CACHE_DIR) return env.PLANDIFF_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'plandiff');
}

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

/** A plan prepared without the plan cache, after telling the tokenizer its texts (it then loads only the words they need). */
function prepareAnnounced(plan: Plan): PreparedPlan {
  announcePlan(plan);
  return preparePlan(plan);
}

/** The process's own streams and environment. */
function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** Runs the command line with `argv` (the arguments after the program name); returns the exit code. */
export function main(argv: string[], io: CliIo = processIo()): number {
  const fail = (code: number, message: string, help = ''): number => {
    io.stderr.write(`plandiff: ${message}\n${help ? `\n${help}` : ''}`);
    return code;
  };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (err) {
    return fail(2, (err as Error).message, helpText());
  }
  const values = parsed.values;
  const [name, ...args] = parsed.positionals;
  if (values.version) {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  if (!name) {
    (values.help ? io.stdout : io.stderr).write(helpText());
    return values.help ? 0 : 2;
  }
  const spec = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!spec) return fail(2, `unknown command "${name}"`, helpText());
  if (values.help) {
    io.stdout.write(commandHelp(name));
    return 0;
  }
  const lang = values.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') return fail(2, `unknown language "${lang}"; use zh or en`);
  const noCache = values['no-cache'] ?? false;
  const dir = cacheDir(io.env);
  let tokens: CachedTokenizer | undefined;
  let plans: PlanCache | undefined;
  const tokenizer = (): Tokenizer | undefined => {
    if (noCache) return undefined;
    tokens ??= createCachedTokenizer({ dir, flushOnExit: false });
    return tokens;
  };
  const planCache = (): PlanCache => {
    plans ??= createPlanCache({ dir, tokenizer: tokenizer(), shipped: shippedCacheDir(), flushOnExit: false });
    return plans;
  };
  const load: LoadOptions = values.corpus ? { corpusDir: values.corpus } : {};
  const alignArgs: AlignArgs = {
    decisions: values.decisions ?? [],
    minProbability: values['min-probability'],
    embeddings: values.embeddings,
    limit: values.limit,
  };
  const ctx: CommandContext = {
    args,
    format: 'md',
    lang,
    directive: values.directive,
    load,
    tokenizer,
    stderr: io.stderr,
    alignArgs,
    prepared: (ref) => (noCache ? prepareAnnounced(loadPlan(ref, load)) : planCache().load(ref, load)),
    corpusPlans: () => {
      const corpus = loadCorpus(load.corpusDir);
      const byId = new Map(corpus.entries.map((e) => [e.id, e]));
      const loaded = loadEach(corpus.entries.map((e) => e.id), (id) => {
        const entry = byId.get(id)!;
        return noCache ? prepareAnnounced(loadPlanFile(entry.file, entry, load)) : planCache().loadFile(entry.file, entry, load);
      });
      return { plans: loaded.plans, skipped: [...corpus.problems, ...loaded.skipped] };
    },
  };
  try {
    if (args.length < spec.minArgs) throw new UsageError(`missing argument; usage: ${synopsis(name)}`);
    const output = values.output;
    ctx.format = chooseFormat(name, values.format, output);
    const inputs = [
      ...inputFiles([...args, ...(values.directive ? [values.directive] : [])], load),
      ...alignArgs.decisions,
      ...(alignArgs.embeddings ? [alignArgs.embeddings] : []),
    ];
    if (output) checkOutput(output, { force: values.force ?? false, inputs });
    checkAlignArgs(name, alignArgs);
    const result = spec.run(ctx);
    if (output) {
      writeOutput(output, result.text, { force: values.force ?? false, inputs });
      if (result.summary && io.stderr.isTTY) io.stderr.write(result.summary({ fullReport: output }));
    } else if (result.summary && io.stdout.isTTY && values.format == null) {
      io.stdout.write(result.summary({ command: ['plandiff', ...argv].join(' ') }));
    } else {
      io.stdout.write(result.text);
    }
    return 0;
  } catch (err) {
    if (err instanceof UsageError) return fail(2, err.message);
    if (err instanceof PlanParseError) return fail(1, err.message);
    throw err;
  } finally {
    tokens?.flush();
    plans?.flush();
  }
}
