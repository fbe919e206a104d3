#!/usr/bin/env node
/**
 * plandiff's command line: parses arguments, calls the library, writes the result. No analysis here.
 */
import { parseArgs } from 'node:util';
import { PlanParseError, UsageError } from './errors';
import { loadCorpus, loadPlan, type LoadOptions } from './corpus';
import { writeOutput } from './io/write';
import { renderPlanOutline } from './outline';

const HELP = `plandiff — parse, align and diff Chinese government work plans (政务公开工作要点)

Usage:
  plandiff parse <plan> [--format json|md]
  plandiff corpus                         list the plans of the corpus

<plan> is a corpus id (e.g. putuo-2023) or a path to a plan text file.

Options:
  -f, --format <fmt>    output format (default depends on the command)
  -o, --output <file>   write to a file (atomically) instead of stdout
      --force           replace an existing output file
      --corpus <dir>    a folder with a manifest.json to resolve ids against (default: bundled corpus)
  -h, --help            this help
`;

interface Common {
  format: string | undefined;
  output: string | undefined;
  force: boolean;
  load: LoadOptions;
}

type Command = (args: string[], opts: Common) => { text: string; inputs: string[] };

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
    if (format === 'json') return { text: stableJson(corpus.entries), inputs: [] };
    const lines = ['| id | 区 | 年度 | 文号 | 成文日期 | 文件 |', '|---|---|---|---|---|---|'];
    for (const e of corpus.entries) {
      lines.push(`| ${e.id} | ${e.district} | ${e.year} | ${e.docNumber ?? '—'} | ${e.issueDate ?? '—'} | ${e.file} |`);
    }
    return { text: lines.join('\n') + '\n', inputs: [] };
  },
  parse(args, opts) {
    need(args, 1, 'plandiff parse <plan> [--format json|md]');
    const format = pickFormat(opts.format, ['json', 'md'], 'json');
    const plan = loadPlan(args[0]!, opts.load);
    return { text: format === 'md' ? renderPlanOutline(plan) : stableJson(plan), inputs: [plan.file] };
  },
};

/** Runs the CLI; returns the exit code. */
export function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean', default: false },
        corpus: { type: 'string' },
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
  const opts: Common = {
    format: parsed.values.format,
    output: parsed.values.output,
    force: parsed.values.force ?? false,
    load: parsed.values.corpus ? { corpusDir: parsed.values.corpus } : {},
  };
  try {
    const { text, inputs } = command(rest, opts);
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

process.exitCode = main(process.argv.slice(2));
