/**
 * Fuzzing the reading and parsing stages: mutates the seed plans the way broken scraped files are broken
 * (lines deleted, duplicated or swapped, binary bytes inserted, the file cut short, re-encoded, line ends
 * changed) and runs readPlanText + parsePlan on each. Every case must give a Plan (tasks numbered 1…N,
 * sources inside the input) or a PlanParseError; anything else fails the run with the case to reproduce.
 * One case in four makes only changes no parser should see (re-encoding, line ends, zero-width
 * characters): its tasks must equal the seed's exactly.
 *
 *   npm run fuzz                         500 cases from seed 1
 *   FUZZ_SEED=7 FUZZ_RUNS=5000 npm run fuzz
 *   FUZZ_SEED=7 FUZZ_CASE=123 npm run fuzz   re-runs one case, printing its mutations
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { PlanParseError } from '../src/errors';
import { readPlanText } from '../src/io/read';
import { parsePlan } from '../src/parse/plan';
import { mulberry32 as prng } from './random';

/** Options of `fuzz`. */
export interface FuzzOptions {
  /** Run seed (default 1) */
  seed?: number;
  /** Number of cases (default 500) */
  runs?: number;
  /** Run only this case number */
  only?: number;
  /** A case slower than this many milliseconds is a failure (default 10,000) */
  maxMs?: number;
  /** The seed plan files (default: every file in seeds/) */
  seedFiles?: string[];
}

/** A case that broke a rule. */
export interface FuzzFailure {
  /** Case number; re-run it with FUZZ_SEED and FUZZ_CASE */
  case: number;
  /** The mutations applied, in order */
  mutations: string[];
  /** What went wrong */
  error: string;
  /** Where the failing input bytes were saved, when they were */
  savedTo: string | null;
}

/** Outcome counts of a fuzz run. */
export interface FuzzReport {
  seed: number;
  runs: number;
  /** Cases that gave a Plan */
  parsed: number;
  /** Cases refused with PlanParseError, by error code */
  refused: Record<string, number>;
  /** Cases that broke a rule */
  failures: FuzzFailure[];
  /** Slowest case in milliseconds, and its number */
  slowest: { case: number; ms: number };
  /** Wall time of the run in milliseconds */
  totalMs: number;
}


type Random = () => number;
const int = (random: Random, n: number): number => Math.floor(random() * n);
const pick = <T>(random: Random, list: readonly T[]): T => list[int(random, list.length)]!;

/** Mutations that change no task: the parsed tasks must equal the seed's. */
const LOSSLESS_MUTATIONS: Record<string, (lines: string[], random: Random) => void> = {
  'zero-width characters': (lines, random) => {
    const invisible = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];
    for (let n = 1 + int(random, 200); n > 0; n--) {
      const k = int(random, lines.length);
      const line = lines[k]!;
      const at = int(random, line.length + 1);
      lines[k] = line.slice(0, at) + pick(random, invisible) + line.slice(at);
    }
  },
};

/** Line-level mutations of the text. */
const LINE_MUTATIONS: Record<string, (lines: string[], random: Random) => void> = {
  'delete lines': (lines, random) => {
    const at = int(random, lines.length);
    lines.splice(at, 1 + int(random, 20));
  },
  'duplicate lines': (lines, random) => {
    const at = int(random, lines.length);
    lines.splice(at, 0, ...lines.slice(at, at + 1 + int(random, 20)));
  },
  'swap lines': (lines, random) => {
    for (let n = 1 + int(random, 10); n > 0; n--) {
      const i = int(random, lines.length);
      const j = int(random, lines.length);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    }
  },
  'blank out lines': (lines, random) => {
    const at = int(random, lines.length);
    for (let k = at; k < Math.min(lines.length, at + 1 + int(random, 30)); k++) lines[k] = '';
  },
  'keep headings and numbers only': (lines) => {
    for (let k = 0; k < lines.length; k++) if (!/^\s*([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+)/.test(lines[k]!)) lines[k] = '';
  },
  'odd characters': (lines, random) => {
    const odd = ['\u200B', '\u00A0', '\u3000', '\f', '\x07', '﹝', '﹞', '【', '】', '１', '\uFEFF', '\t', '（', '）', '〔'];
    for (let n = 1 + int(random, 40); n > 0; n--) {
      const k = int(random, lines.length);
      const line = lines[k]!;
      const at = int(random, line.length + 1);
      lines[k] = line.slice(0, at) + pick(random, odd) + line.slice(at);
    }
  },
  'split a line': (lines, random) => {
    const k = int(random, lines.length);
    const line = lines[k]!;
    const at = int(random, line.length + 1);
    lines.splice(k, 1, line.slice(0, at), line.slice(at));
  },
  'join lines': (lines, random) => {
    const k = int(random, Math.max(1, lines.length - 1));
    lines.splice(k, 2, (lines[k] ?? '') + (lines[k + 1] ?? ''));
  },
};

/** Byte-level mutations, applied after encoding. */
const BYTE_MUTATIONS: Record<string, (bytes: Buffer, random: Random) => Buffer> = {
  'insert binary bytes': (bytes, random) => {
    const junk = Buffer.from(Array.from({ length: 1 + int(random, 64) }, () => int(random, 256)));
    const at = int(random, bytes.length + 1);
    return Buffer.concat([bytes.subarray(0, at), junk, bytes.subarray(at)]);
  },
  'insert one stray byte': (bytes, random) => {
    const at = int(random, bytes.length + 1);
    return Buffer.concat([bytes.subarray(0, at), Buffer.from([pick(random, [0x00, 0x07, 0x1b, 0x80, 0xc3, 0xe4, 0xff])]), bytes.subarray(at)]);
  },
  truncate: (bytes, random) => bytes.subarray(0, int(random, bytes.length + 1)),
  'cut the start': (bytes, random) => bytes.subarray(int(random, bytes.length + 1)),
  'PDF header': (bytes) => Buffer.concat([Buffer.from('%PDF-1.7\n'), bytes]),
};

const ENCODINGS = ['utf-8', 'utf-8 with BOM', 'utf-16le with BOM', 'utf-16be with BOM', 'utf-16le', 'gb18030', 'gbk'] as const;

function encode(text: string, encoding: (typeof ENCODINGS)[number]): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8 with BOM':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le with BOM':
      return iconv.encode(text, 'utf-16le', { addBOM: true });
    case 'utf-16be with BOM':
      return iconv.encode(text, 'utf-16be', { addBOM: true });
    case 'utf-16le':
      return iconv.encode(text, 'utf-16le');
    default:
      return iconv.encode(text, encoding);
  }
}

/** Builds case `n` of run `seed`: the mutated bytes and the list of mutations applied. */
export function makeCase(
  seed: number,
  n: number,
  seeds: readonly { name: string; text: string }[],
): { bytes: Buffer; mutations: string[]; base: string; lossless: boolean } {
  const random = prng((Math.imul(seed, 0x9e3779b1) ^ Math.imul(n + 1, 0x85ebca6b)) >>> 0);
  const base = pick(random, seeds);
  const mutations = [`seed ${base.name}`];
  const lines = base.text.split('\n');
  // One case in four changes nothing a parser should see: the tasks must come out as the seed's.
  let lossless = random() < 0.25;
  if (lossless) {
    LOSSLESS_MUTATIONS['zero-width characters']!(lines, random);
    mutations.push('zero-width characters');
  }
  const lineOps = Object.keys(LINE_MUTATIONS);
  for (let k = lossless ? 0 : int(random, 4); k > 0; k--) {
    const op = pick(random, lineOps);
    LINE_MUTATIONS[op]!(lines, random);
    mutations.push(op);
  }
  const end = pick(random, ['\n', '\n', '\r\n', '\r', 'mixed']);
  if (end !== '\n') mutations.push(`line ends ${JSON.stringify(end)}`);
  const text =
    end === 'mixed'
      ? lines
          .map((l, k) => {
            if (k === lines.length - 1) return l;
            const e = pick(random, ['\n', '\r\n', '\r']);
            // A lone CR before an empty line would read as CRLF, one line end instead of two.
            return l + (e === '\r' && lines[k + 1] === '' ? '\r\n' : e);
          })
          .join('')
      : lines.join(end);
  // GBK cannot encode zero-width characters (they would become '?'), so a lossless case avoids it.
  const encoding = pick(
    random,
    ENCODINGS.filter((e) => !lossless || e !== 'gbk'),
  );
  mutations.push(`encoded ${encoding}`);
  let bytes = encode(text, encoding);
  const byteOps = Object.keys(BYTE_MUTATIONS);
  for (let k = lossless || random() < 0.5 ? 0 : 1 + int(random, 2); k > 0; k--) {
    const op = pick(random, byteOps);
    bytes = BYTE_MUTATIONS[op]!(bytes, random);
    mutations.push(op);
  }
  return { bytes, mutations, base: base.name, lossless };
}

/** The rules every parsed plan keeps; returns what is broken, or null. */
function checkPlan(plan: ReturnType<typeof parsePlan>, lineCount: number): string | null {
  if (plan.tasks.length === 0) return 'a plan with no tasks was returned instead of a no-tasks error';
  for (let k = 0; k < plan.tasks.length; k++) {
    const t = plan.tasks[k]!;
    if (t.seq !== k + 1) return `task ${k + 1} has seq ${t.seq}`;
    if (t.text.trim() === '') return `task ${t.seq} has empty text`;
    if (t.source.lineStart < 1 || t.source.lineEnd < t.source.lineStart || t.source.lineEnd > lineCount) {
      return `task ${t.seq} has source lines ${t.source.lineStart}–${t.source.lineEnd} outside 1–${lineCount}`;
    }
  }
  return null;
}

function loadSeeds(files?: string[]): { name: string; text: string }[] {
  const dir = join(import.meta.dirname ?? '.', '..', 'seeds');
  const list = files ?? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f));
  return list.map((f) => ({ name: f.split(/[\\/]/).pop()!, text: readFileSync(f, 'utf8') }));
}

/** Runs the fuzzer; returns the outcome counts and any failures (it never throws for a failing case). */
export function fuzz(options: FuzzOptions = {}): FuzzReport {
  const seed = options.seed ?? 1;
  const runs = options.runs ?? 500;
  const maxMs = options.maxMs ?? 10_000;
  const seeds = loadSeeds(options.seedFiles);
  const seedTasks = new Map<string, string>();
  const tasksOfSeed = (name: string): string => {
    let json = seedTasks.get(name);
    if (json === undefined) {
      json = JSON.stringify(parsePlan(seeds.find((s) => s.name === name)!.text, { file: 'fuzz.txt' }).tasks);
      seedTasks.set(name, json);
    }
    return json;
  };
  const report: FuzzReport = { seed, runs: 0, parsed: 0, refused: {}, failures: [], slowest: { case: -1, ms: 0 }, totalMs: 0 };
  const start = performance.now();
  const cases = options.only != null ? [options.only] : Array.from({ length: runs }, (_, n) => n);
  for (const n of cases) {
    const { bytes, mutations, base, lossless } = makeCase(seed, n, seeds);
    const t0 = performance.now();
    let problem: string | null = null;
    try {
      const read = readPlanText(bytes, 'fuzz.txt');
      const plan = parsePlan(read.text, { file: 'fuzz.txt' });
      problem = checkPlan(plan, read.text.split('\n').length);
      if (!problem && lossless && JSON.stringify(plan.tasks) !== tasksOfSeed(base)) {
        problem = 'a change no parser should see (encoding, line ends, zero-width characters) changed the tasks';
      }
      if (!problem) report.parsed++;
    } catch (error) {
      if (error instanceof PlanParseError) {
        report.refused[error.code] = (report.refused[error.code] ?? 0) + 1;
        if (!error.message.startsWith('fuzz.txt')) problem = `PlanParseError does not name the file: ${error.message}`;
        else if (lossless) problem = `a change no parser should see made the plan unreadable: ${error.message}`;
      } else {
        problem = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
      }
    }
    const ms = performance.now() - t0;
    if (ms > report.slowest.ms) report.slowest = { case: n, ms };
    if (!problem && ms > maxMs) problem = `took ${Math.round(ms)} ms (limit ${maxMs} ms)`;
    report.runs++;
    if (problem) {
      let savedTo: string | null = join(tmpdir(), `plandiff-fuzz-${seed}-${n}.bin`);
      try {
        writeFileSync(savedTo, bytes);
      } catch {
        savedTo = null;
      }
      report.failures.push({ case: n, mutations, error: problem, savedTo });
    }
  }
  report.totalMs = performance.now() - start;
  return report;
}

function envInt(name: string): number | undefined {
  const raw = process.env[name];
  if (raw == null || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`fuzz: ${name} must be a whole number, not "${raw}"\n`);
    process.exit(2);
  }
  return n;
}

function main(): void {
  const seed = envInt('FUZZ_SEED') ?? 1;
  const only = envInt('FUZZ_CASE');
  const options: FuzzOptions = { seed, runs: envInt('FUZZ_RUNS') ?? 500 };
  if (only !== undefined) options.only = only;
  const report = fuzz(options);
  const refused = Object.entries(report.refused)
    .sort()
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
  process.stdout.write(
    `fuzz: seed ${report.seed}, ${report.runs} cases in ${(report.totalMs / 1000).toFixed(1)} s: ` +
      `${report.parsed} parsed, refused ${refused || 'none'}, ${report.failures.length} failed; ` +
      `slowest case ${report.slowest.case} (${Math.round(report.slowest.ms)} ms)\n`,
  );
  if (only !== undefined && report.failures.length === 0) {
    process.stdout.write(`case ${only}: ${makeCase(seed, only, loadSeeds()).mutations.join(' → ')}\n`);
  }
  for (const f of report.failures) {
    process.stdout.write(
      `\nFAILED case ${f.case}: ${f.mutations.join(' → ')}\n  reproduce: FUZZ_SEED=${report.seed} FUZZ_CASE=${f.case} npm run fuzz\n` +
        (f.savedTo ? `  input bytes: ${f.savedTo}\n` : '') +
        `  ${f.error.split('\n').join('\n  ')}\n`,
    );
  }
  process.exitCode = report.failures.length > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
