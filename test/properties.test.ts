/**
 * Property tests for reliability: no input, text or bytes, makes the reading and parsing stages fail with
 * anything but PlanParseError; normalization is idempotent and keeps lines; a generated task table whose
 * rows are permuted parses to the same tasks in the new order.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanParseError } from '../src/errors';
import { readPlanText } from '../src/io/read';
import { parsePlan } from '../src/parse/plan';
import { normalizeText } from '../src/text/normalize';

const SEED_LINES = [
  'seeds/000_921286529f1403d5.txt',
  'seeds/001_683116b75f0fac5f.txt',
  'seeds/002_99713b5ce46884d1.txt',
  'seeds/003_d488483787f5af7e.txt',
  'seeds/004_779adca716a16d2b.txt',
].flatMap((f) => readFileSync(f, 'utf8').split('\n'));

/** Only PlanParseError may escape; its fields must name the file and a line inside the input. */
function parseOrRefuse(run: () => unknown, file: string, lineCount: number): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof PlanParseError)) throw error;
    expect(error.file).toBe(file);
    expect(error.message.startsWith(`${file}`)).toBe(true);
    if (error.line !== null) {
      expect(error.line).toBeGreaterThanOrEqual(1);
      expect(error.line).toBeLessThanOrEqual(lineCount);
    }
  }
}

const countLines = (text: string): number => text.split(/\r\n|\r|\n/).length;

/** Characters that extraction leaves in plan text, to mix into generated strings. */
const ODD_CHARS = [
  '\u200B', '\u00A0', '\u3000', '\uFEFF', '\r', '\r\n', '\n', '\t', '\f', '\x07', '\x00', '\u2028',
  '〔', '〕', '【', '】', '﹝', '﹞', '（', '）', '１', '２', 'Ａ', '％', '⼀', '區', '與', '開', '發',
];

const oddString = fc
  .array(fc.oneof(fc.constantFrom(...ODD_CHARS), fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 80 })
  .map((parts) => parts.join(''));

/** A run of consecutive real seed lines with some lines dropped, duplicated or swapped. */
const seedExcerpt = fc
  .record({
    start: fc.nat({ max: SEED_LINES.length - 1 }),
    length: fc.integer({ min: 1, max: 120 }),
    edits: fc.array(fc.tuple(fc.constantFrom('drop', 'dup', 'swap', 'odd'), fc.nat(), fc.constantFrom(...ODD_CHARS)), { maxLength: 12 }),
  })
  .map(({ start, length, edits }) => {
    const lines = SEED_LINES.slice(start, start + length);
    for (const [op, at, ch] of edits) {
      if (lines.length === 0) break;
      const k = at % lines.length;
      if (op === 'drop') lines.splice(k, 1);
      else if (op === 'dup') lines.splice(k, 0, lines[k]!);
      else if (op === 'swap' && k + 1 < lines.length) [lines[k], lines[k + 1]] = [lines[k + 1]!, lines[k]!];
      else lines[k] = ch + lines[k];
    }
    return lines.join('\n');
  });

describe('nothing crashes the reading and parsing stages', () => {
  it('parsePlan on any string: a Plan or a PlanParseError naming the file and a line of the input', () => {
    fc.assert(
      fc.property(fc.oneof(oddString, fc.string({ unit: 'binary', maxLength: 200 }), seedExcerpt), (text) => {
        parseOrRefuse(() => parsePlan(text, { file: 'odd.txt' }), 'odd.txt', countLines(text));
      }),
      { numRuns: 400 },
    );
  });

  it('readPlanText + parsePlan on any bytes', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          seedExcerpt.map((t) => new Uint8Array(Buffer.from(t, 'utf8'))),
          seedExcerpt.map((t) => new Uint8Array(Buffer.from(t, 'utf16le'))),
          fc.tuple(seedExcerpt, fc.uint8Array({ minLength: 1, maxLength: 16 }), fc.nat()).map(([t, junk, at]) => {
            const bytes = Buffer.from(t, 'utf8');
            const k = at % (bytes.length + 1);
            return new Uint8Array(Buffer.concat([bytes.subarray(0, k), junk, bytes.subarray(k)]));
          }),
        ),
        (bytes) => {
          parseOrRefuse(
            () => {
              const read = readPlanText(bytes, 'odd.txt');
              parsePlan(read.text, { file: 'odd.txt' });
            },
            'odd.txt',
            Number.MAX_SAFE_INTEGER,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('normalizeText', () => {
  const text = fc.oneof(oddString, seedExcerpt, fc.string({ unit: 'binary', maxLength: 100 }));

  it('is idempotent', () => {
    fc.assert(
      fc.property(text, (s) => {
        const once = normalizeText(s).text;
        expect(normalizeText(once).text).toBe(once);
        expect(normalizeText(once).convertedFromTraditional).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the number of lines (LF, CR and CRLF each end one line) and leaves only LF', () => {
    fc.assert(
      fc.property(text, (s) => {
        const out = normalizeText(s).text;
        expect(out.split('\n')).toHaveLength(countLines(s));
        expect(out).not.toMatch(/\r/);
      }),
      { numRuns: 400 },
    );
  });
});

/* ───────────── a generator of small tab-separated task tables ───────────── */

const NAMES = ['政策解读', '数据开放', '平台建设', '决策公开', '基层公开', '依申请公开', '政府开放', '规范管理'];
const VERBS = ['做好', '推进', '加强', '完善', '持续开展', '规范', '扩大', '及时发布'];
const OBJECTS = [
  '重要政策文件解读工作', '公共数据开放', '政府网站集约化平台建设', '重大行政决策事项目录公开', '基层政务公开标准化建设',
  '依申请公开办理质量', '政府开放月活动', '政府信息公开年报发布', '政策咨询服务', '行政规范性文件公开',
];
const DETAILS = ['', '，全年发布解读材料不少于20篇', '，确保内容及时更新', '，新增开放数据集10个', '，每季度开展1次检查'];
const UNITS = ['区府办', '区大数据中心', '区司法局', '区发改委牵头，各相关单位配合', '区政务服务中心、各街镇', '区财政局'];
const TIMES = ['全年', '6月底前', '上半年', '三季度', '12月底前', '3月31日前'];

interface Row {
  name: string;
  content: string;
  units: string;
  time: string;
}

const rowArb: fc.Arbitrary<Row> = fc.record({
  name: fc.constantFrom(...NAMES),
  content: fc
    .tuple(fc.constantFrom(...VERBS), fc.constantFrom(...OBJECTS), fc.constantFrom(...DETAILS))
    .map(([v, o, d]) => `${v}${o}${d}。`),
  units: fc.constantFrom(...UNITS),
  time: fc.constantFrom(...TIMES),
});

/** Rows with distinct content, and a permutation of them. */
const tableArb = fc
  .uniqueArray(rowArb, { minLength: 2, maxLength: 14, selector: (r) => r.content })
  .chain((rows) =>
    fc.tuple(
      fc.constant(rows),
      fc.shuffledSubarray(
        rows.map((_, k) => k),
        { minLength: rows.length, maxLength: rows.length },
      ),
      fc.boolean(),
    ),
  );

function tabTable(rows: Row[], withBody: boolean): string {
  const head = withBody
    ? ['2024年某区政务公开工作要点', '', '一、重点任务', '（一）推进政务公开。做好政务公开各项工作。', '', '附件', '任务分解表']
    : ['附件', '任务分解表'];
  const body = rows.map((r, k) => [String(k + 1), r.name, r.content, r.units, r.time].join('\t'));
  return [...head, ['序号', '任务名称', '任务内容', '责任单位', '时间节点'].join('\t'), ...body, ''].join('\n');
}

describe('a task table with its rows permuted parses to the same tasks in the new order', () => {
  it('tab-separated tables, with and without body text', () => {
    const view = (text: string) =>
      parsePlan(text).tasks.map((t) => ({ name: t.name, text: t.text, units: t.units, time: t.timeNode, lines: t.source.lineEnd - t.source.lineStart }));
    fc.assert(
      fc.property(tableArb, ([rows, order, withBody]) => {
        const base = view(tabTable(rows, withBody));
        expect(base.map((t) => t.text)).toEqual(rows.map((r) => r.content));
        expect(base.map((t) => t.name)).toEqual(rows.map((r) => r.name));
        const permuted = parsePlan(tabTable(order.map((k) => rows[k]!), withBody));
        expect(permuted.tasks.map((t) => t.seq)).toEqual(rows.map((_, k) => k + 1));
        expect(view(tabTable(order.map((k) => rows[k]!), withBody))).toEqual(order.map((k) => base[k]));
      }),
      { numRuns: 150 },
    );
  });
});
