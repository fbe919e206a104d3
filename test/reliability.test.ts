/**
 * Reliability: plandiff pointed at folders of scraped documents meets every kind of broken file. It must
 * keep working, say clearly what is wrong (a typed error naming the file), and in a batch skip the bad
 * file with its reason while the others still load. Encodings, line ends and character oddities that
 * extraction tools leave behind must give the same tasks as the clean UTF-8 text.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { loadCorpusPlans, loadPlan, loadPlans } from '../src/corpus';
import { PlanParseError } from '../src/errors';
import { decodeBytes } from '../src/io/decode';
import { readPlanFile, readPlanText } from '../src/io/read';
import { parsePlan } from '../src/parse/plan';
import type { Plan, Task } from '../src/types';
import { mulberry32 as prng } from '../scripts/random';

const SEEDS = {
  putuo: 'seeds/000_921286529f1403d5.txt',
  pudong: 'seeds/001_683116b75f0fac5f.txt',
  songjiang: 'seeds/002_99713b5ce46884d1.txt',
  baoshan: 'seeds/003_d488483787f5af7e.txt',
  jiading: 'seeds/004_779adca716a16d2b.txt',
} as const;
type SeedName = keyof typeof SEEDS;

const seedText = (name: SeedName): string => readFileSync(SEEDS[name], 'utf8');

const parsed = new Map<SeedName, Plan>();
function seedPlan(name: SeedName): Plan {
  let plan = parsed.get(name);
  if (!plan) {
    plan = parsePlan(seedText(name), { file: 'plan.txt' });
    parsed.set(name, plan);
  }
  return plan;
}

/** Parses bytes the way the loader does (decode, normalize, parse) under the label `plan.txt`. */
function parseBytes(bytes: Uint8Array): Plan {
  return parsePlan(readPlanText(bytes, 'plan.txt').text, { file: 'plan.txt' });
}

/** Everything a task carries. */
const tasksOf = (plan: Plan): Task[] => plan.tasks;

/** The error a function throws, as `code: message`; fails the test when it throws something else. */
function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof PlanParseError)) throw error;
    return `${error.code}: ${error.message}`;
  }
  return 'no error';
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'plandiff-reliability-'));
}

const HEADINGS_ONLY = '一、总体要求\n二、重点任务\n（一）推进决策公开\n（二）加强政策解读\n三、保障措施\n';
const PROSE_ONLY = '为做好今年的政务公开工作，现将有关事项通知如下。\n请各单位结合实际，认真贯彻执行。\n';
const NO_TASKS_REASON =
  'no recognizable tasks: expected a task table with 序号, numbered items (1. 2. …) or items closing with a 责任单位 parenthesis';

describe('files with nothing to parse: a typed error naming the file', () => {
  const dir = tempDir();
  const write = (name: string, content: string | Uint8Array): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const empty = write('empty.txt', '');
  const blank = write('blank.txt', ' \n\t\r\n\u3000\u200B\n  \n');
  const headings = write('headings.txt', HEADINGS_ONLY);
  const prose = write('prose.txt', PROSE_ONLY);

  it('an empty file', () => {
    expect(failure(() => loadPlan(empty))).toBe(`empty: ${empty}: the file is empty`);
  });

  it('a file of whitespace only (spaces, tabs, CRLF, ideographic space, zero-width space)', () => {
    expect(failure(() => loadPlan(blank))).toBe(`empty: ${blank}: the file is empty (it has only whitespace)`);
  });

  it('a file of headings only', () => {
    expect(failure(() => loadPlan(headings))).toBe(`empty: ${headings}: no text: the input has only headings`);
  });

  it('a plan with no recognizable tasks', () => {
    expect(failure(() => loadPlan(prose))).toBe(`no-tasks: ${prose}: ${NO_TASKS_REASON}`);
  });

  it('the same errors from parsePlan on text, naming the label it was given', () => {
    expect(failure(() => parsePlan('', { file: 'a.txt' }))).toBe('empty: a.txt: no text: the input is empty');
    expect(failure(() => parsePlan(' \n\u3000\n\t', { file: 'a.txt' }))).toBe('empty: a.txt: no text: the input is empty');
    expect(failure(() => parsePlan('\u200B\u200B\n\u00A0\n', { file: 'a.txt' }))).toBe(
      'empty: a.txt: no text: the input is empty',
    );
    expect(failure(() => parsePlan(HEADINGS_ONLY, { file: 'a.txt' }))).toBe('empty: a.txt: no text: the input has only headings');
    expect(failure(() => parsePlan(PROSE_ONLY, { file: 'a.txt' }))).toBe(`no-tasks: a.txt: ${NO_TASKS_REASON}`);
  });

  it('a missing file and a folder', () => {
    const missing = join(dir, 'missing.txt');
    expect(failure(() => readPlanFile(missing))).toBe(`not-found: ${missing}: no such file`);
    expect(failure(() => readPlanFile(dir))).toBe(`not-found: ${dir}: this is a folder, not a plan file`);
  });
});

describe('batch loading: bad plans are skipped with their reason, the others load', () => {
  const dir = tempDir();
  copyFileSync(SEEDS.pudong, join(dir, 'pudong.txt'));
  copyFileSync(SEEDS.baoshan, join(dir, 'baoshan.txt'));
  writeFileSync(join(dir, 'jiading-gbk.txt'), iconv.encode(seedText('jiading'), 'gbk'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'headings.txt'), HEADINGS_ONLY);
  writeFileSync(join(dir, 'prose.txt'), PROSE_ONLY);
  writeFileSync(join(dir, 'scan.pdf'), Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'));
  const entry = (id: string, file: string) => ({ id, district: '测试区', year: 2024, issuer: null, docNumber: null, issueDate: null, file });
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      plans: [
        entry('pudong', 'pudong.txt'),
        entry('empty', 'empty.txt'),
        entry('baoshan', 'baoshan.txt'),
        entry('headings', 'headings.txt'),
        entry('scan', 'scan.pdf'),
        entry('prose', 'prose.txt'),
        entry('missing', 'missing.txt'),
        entry('jiading', 'jiading-gbk.txt'),
      ],
    }),
  );
  const path = (name: string): string => join(dir, name);
  const expectedSkipped = [
    { ref: 'empty', file: path('empty.txt'), code: 'empty', reason: `${path('empty.txt')}: the file is empty` },
    { ref: 'headings', file: path('headings.txt'), code: 'empty', reason: `${path('headings.txt')}: no text: the input has only headings` },
    {
      ref: 'scan',
      file: path('scan.pdf'),
      code: 'pdf',
      reason: `${path('scan.pdf')}: this looks like a PDF; extract its text first (e.g. pdftotext -layout)`,
    },
    { ref: 'prose', file: path('prose.txt'), code: 'no-tasks', reason: `${path('prose.txt')}: ${NO_TASKS_REASON}` },
    { ref: 'missing', file: path('missing.txt'), code: 'not-found', reason: `${path('missing.txt')}: no such file` },
  ];

  it('loadCorpusPlans on a folder with a manifest', () => {
    const { plans, skipped } = loadCorpusPlans(dir);
    expect(plans.map((p) => p.meta.id)).toEqual(['pudong', 'baoshan', 'jiading']);
    expect(plans.map((p) => p.tasks.length)).toEqual([78, 32, 91]);
    expect(plans.map((p) => p.meta.district)).toEqual(['测试区', '测试区', '测试区']);
    expect(skipped).toEqual(expectedSkipped);
  });

  it('the GBK plan of the batch gives the same tasks as the UTF-8 seed', () => {
    const jiading = loadCorpusPlans(dir).plans.find((p) => p.meta.id === 'jiading')!;
    const original = parsePlan(seedText('jiading'), { file: jiading.file });
    expect(jiading.tasks).toEqual(original.tasks);
  });

  it('loadPlans on ids and paths, with an unknown id among them', () => {
    const { plans, skipped } = loadPlans(['empty', 'pudong', 'nowhere-2099', path('baoshan.txt'), path('scan.pdf')], { corpusDir: dir });
    expect(plans.map((p) => p.meta.id)).toEqual(['pudong', 'baoshan']);
    expect(plans.map((p) => p.tasks.length)).toEqual([78, 32]);
    expect(skipped).toEqual([
      expectedSkipped[0],
      {
        ref: 'nowhere-2099',
        file: 'nowhere-2099',
        code: 'not-found',
        reason:
          'nowhere-2099: no such file, and no plan with this id in the corpus (ids: pudong, empty, baoshan, headings, scan, prose, missing, jiading)',
      },
      { ...expectedSkipped[2], ref: path('scan.pdf') },
    ]);
  });

  it('a file that cannot be read (an I/O error) is skipped with its reason', () => {
    // /proc/self/mem is a file whose read fails with EIO (Linux); an unreadable file elsewhere fails alike.
    if (process.platform !== 'linux') return;
    const { plans, skipped } = loadPlans(['/proc/self/mem', path('baoshan.txt')]);
    expect(plans.map((p) => p.tasks.length)).toEqual([32]);
    expect(skipped).toEqual([
      { ref: '/proc/self/mem', file: '/proc/self/mem', code: 'not-found', reason: '/proc/self/mem: cannot read the file (EIO)' },
    ]);
  });

  it('bad manifest entries are skipped with their reasons; the other entries load', () => {
    const folder = tempDir();
    copyFileSync(SEEDS.baoshan, join(folder, 'a.txt'));
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify({ plans: [entry('a', 'a.txt'), { id: 'b' }, entry('a', 'a.txt'), 7] }));
    const manifest = join(folder, 'manifest.json');
    const { plans, skipped } = loadCorpusPlans(folder);
    expect(plans.map((p) => [p.meta.id, p.tasks.length])).toEqual([['a', 32]]);
    expect(skipped).toEqual([
      { ref: 'b', file: manifest, code: 'bad-manifest', reason: `${manifest}: plans[1] ("b") has no "file"` },
      { ref: 'a', file: manifest, code: 'bad-manifest', reason: `${manifest}: plan id "a" appears twice` },
      { ref: 'plans[3]', file: manifest, code: 'bad-manifest', reason: `${manifest}: plans[3] is not an object` },
    ]);
  });

  it('a broken manifest is one clear error, not a crash', () => {
    const bad = tempDir();
    writeFileSync(join(bad, 'manifest.json'), '{ "plans": [ ');
    expect(failure(() => loadCorpusPlans(bad))).toMatch(
      new RegExp(`^bad-manifest: ${join(bad, 'manifest.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: manifest is not valid JSON \\(`),
    );
    writeFileSync(join(bad, 'manifest.json'), '{ "files": [] }');
    expect(failure(() => loadCorpusPlans(bad))).toBe(`bad-manifest: ${join(bad, 'manifest.json')}: manifest needs a "plans" array`);
    const none = tempDir();
    expect(failure(() => loadCorpusPlans(none))).toBe(`not-found: ${join(none, 'manifest.json')}: no manifest.json in this folder`);
  });
});

describe('encodings give the same tasks as the UTF-8 text', () => {
  for (const name of ['pudong', 'baoshan', 'jiading', 'songjiang'] as const) {
    it(`${name}: UTF-8 with and without BOM, UTF-16 LE/BE with BOM, GB18030, GBK`, () => {
      const text = seedText(name);
      const original = tasksOf(seedPlan(name));
      const utf8 = Buffer.from(text, 'utf8');
      const cases: [string, Uint8Array][] = [
        ['utf-8', utf8],
        ['utf-8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])],
        ['utf-16le', iconv.encode(text, 'utf-16le', { addBOM: true })],
        ['utf-16be', iconv.encode(text, 'utf-16be', { addBOM: true })],
        ['gb18030', iconv.encode(text, 'gb18030')],
        ['gb18030', iconv.encode(text, 'gbk')],
      ];
      for (const [encoding, bytes] of cases) {
        expect(decodeBytes(bytes, 'plan.txt').encoding).toBe(encoding);
        expect(tasksOf(parseBytes(bytes))).toEqual(original);
      }
    });
  }

  it('the UTF-16 BOM is really in the bytes tested (not added by the decoder)', () => {
    expect([...iconv.encode('序号', 'utf-16le', { addBOM: true }).subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect([...iconv.encode('序号', 'utf-16be', { addBOM: true }).subarray(0, 2)]).toEqual([0xfe, 0xff]);
  });
});

describe('files that are not text are refused with what to do', () => {
  it('PDF bytes: "extract its text first", also after a BOM or leading blank lines', () => {
    const pdf = Buffer.from('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n4 0 obj\n<< /Length 5 /Filter /FlateDecode >>\nstream\n\x78\x9c\x03\x00\x00\x00\x00\x01\nendstream\n', 'latin1');
    const message = 'pdf: scan.pdf: this looks like a PDF; extract its text first (e.g. pdftotext -layout)';
    expect(failure(() => readPlanText(pdf, 'scan.pdf'))).toBe(message);
    expect(failure(() => readPlanText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), pdf]), 'scan.pdf'))).toBe(message);
    expect(failure(() => readPlanText(Buffer.concat([Buffer.from('\r\n\n  '), pdf]), 'scan.pdf'))).toBe(message);
  });

  it('random binary bytes, an image, a zip/docx, an old .doc', () => {
    const random = prng(20240601);
    const noise = Uint8Array.from({ length: 4096 }, () => Math.floor(random() * 256));
    expect(failure(() => readPlanText(noise, 'noise.bin'))).toMatch(
      /^binary: noise\.bin:\d+: this looks like a binary file, not text \((a NUL byte|control character U\+[0-9A-F]{4}|control characters) on line \d+\); save the plan as plain text first$/,
    );
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR')]);
    expect(failure(() => readPlanText(png, 'scan.png'))).toBe(
      // \r\n ends line 1, \x1a\n ends line 2: the first NUL is on line 3.
      'binary: scan.png:3: this looks like a binary file, not text (a NUL byte on line 3); save the plan as plain text first',
    );
    // A .docx is read now; a truncated one is refused as a Word file that cannot be opened, and a zip
    // that is not a Word file as before.
    expect(failure(() => readPlanText(Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'), 'plan.docx'))).toBe(
      'binary: plan.docx: this Word file cannot be opened (invalid zip data); save it again or as plain text',
    );
    expect(failure(() => readPlanText(Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'), 'archive.zip'))).toBe(
      'binary: archive.zip: this looks like a Word/zip file; save it as plain text first',
    );
    expect(failure(() => readPlanText(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'plan.doc'))).toBe(
      'binary: plan.doc: this looks like an old Word (.doc) file; save it as plain text first',
    );
  });

  it('a seed with binary garbage spliced into it names the line of the garbage', () => {
    const lines = seedText('baoshan').split('\n');
    const garbage = Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe, 0x00, 0x10]);
    const bytes = Buffer.concat([Buffer.from(lines.slice(0, 20).join('\n') + '\n'), garbage, Buffer.from(lines.slice(20).join('\n'))]);
    expect(failure(() => readPlanText(bytes, 'plan.txt'))).toBe(
      'binary: plan.txt:21: this looks like a binary file, not text (a NUL byte on line 21); save the plan as plain text first',
    );
  });
});

describe('every other refusal of the reading stage, by its text', () => {
  it('UTF-32, RTF, a byte order mark over bytes that do not match it, a file over the size limit', () => {
    const plan = Buffer.from('序号\t任务内容\n1\t做好政策解读工作。\n', 'utf8');
    expect(failure(() => readPlanText(Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('序', 'utf16le'), Buffer.from([0, 0])]), 'p.txt'))).toBe(
      'encoding: p.txt: the file is UTF-32, which plandiff does not read; save it as UTF-8',
    );
    expect(failure(() => readPlanText(Buffer.from('{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}}'), 'p.rtf'))).toBe(
      'binary: p.rtf: this looks like an RTF file; save it as plain text first',
    );
    expect(failure(() => readPlanText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode('序号 任务', 'gbk')]), 'p.txt'))).toBe(
      'encoding: p.txt: the file starts with a UTF-8 byte order mark but is not valid UTF-8; save it as UTF-8',
    );
    expect(failure(() => readPlanText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('序号', 'utf16le'), Buffer.from([0x41])]), 'p.txt'))).toBe(
      'encoding: p.txt: the file starts with a UTF-16LE byte order mark but is not valid UTF-16LE; save it as UTF-8',
    );
    expect(failure(() => readPlanText(plan, 'p.txt', { maxBytes: 16 }))).toBe(
      `too-large: p.txt: the file is ${plan.length} bytes, larger than the limit of 16 bytes (raise maxBytes to read it)`,
    );
    expect(readPlanText(plan, 'p.txt', { maxBytes: plan.length }).text).toBe('序号\t任务内容\n1\t做好政策解读工作。\n');
  });
});

describe('line ends: CRLF, CR and a mix give the same tasks and the same line numbers', () => {
  for (const name of ['putuo', 'pudong', 'songjiang', 'baoshan', 'jiading'] as const) {
    it(name, () => {
      const text = seedText(name);
      const original = tasksOf(seedPlan(name));
      const lines = text.split('\n');
      const ends = ['\r\n', '\r', '\n'];
      // A lone CR before an empty line would read as CRLF (one line end), so that one ends with CRLF.
      const end = (k: number): string => (k === lines.length - 1 ? '' : ends[k % 3] === '\r' && lines[k + 1] === '' ? '\r\n' : ends[k % 3]!);
      const mixed = lines.map((line, k) => line + end(k)).join('');
      expect(mixed.match(/\r(?!\n)/g)!.length).toBeGreaterThan(10);
      for (const variant of [lines.join('\r\n'), lines.join('\r'), mixed]) {
        expect(tasksOf(parseBytes(Buffer.from(variant, 'utf8')))).toEqual(original);
      }
    });
  }
});

describe('characters that extraction tools leave behind', () => {
  it('a whole seed converted to traditional characters (opencc cn→tw) parses to the same tasks', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    for (const name of ['songjiang', 'baoshan', 'jiading'] as const) {
      const traditional = toTraditional(seedText(name));
      expect(traditional).not.toBe(seedText(name));
      const read = readPlanText(Buffer.from(traditional, 'utf8'), 'plan.txt');
      expect(read.convertedFromTraditional).toBe(true);
      expect(tasksOf(parsePlan(read.text, { file: 'plan.txt' }))).toEqual(tasksOf(seedPlan(name)));
      const direct = parsePlan(traditional, { file: 'plan.txt' });
      expect(direct.messages.filter((m) => m.ruleId === 'text/converted-traditional')).toHaveLength(1);
      expect(tasksOf(direct)).toEqual(tasksOf(seedPlan(name)));
    }
  });

  it('a traditional-character file loaded from disk gives the same tasks and says it was converted', () => {
    const folder = tempDir();
    const file = join(folder, 'baoshan-tw.txt');
    writeFileSync(file, OpenCC.Converter({ from: 'cn', to: 'tw' })(seedText('baoshan')));
    const plan = loadPlan(file);
    expect(plan.tasks).toEqual(parsePlan(seedText('baoshan'), { file }).tasks);
    expect(plan.messages.filter((m) => m.ruleId === 'text/converted-traditional')).toHaveLength(1);
  });

  it('full-width digits and Latin letters', () => {
    const toFull = (s: string): string => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    for (const name of ['pudong', 'baoshan', 'jiading'] as const) {
      const text = seedText(name);
      expect(toFull(text)).not.toBe(text);
      expect(tasksOf(parsePlan(toFull(text), { file: 'plan.txt' }))).toEqual(tasksOf(seedPlan(name)));
    }
  });

  it('zero-width spaces and joiners sprinkled inside the text', () => {
    const random = prng(7);
    const invisible = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];
    for (const name of ['pudong', 'songjiang', 'baoshan'] as const) {
      const text = seedText(name).replace(/[^\n]/g, (c) => (random() < 0.05 ? invisible[Math.floor(random() * invisible.length)]! + c : c));
      expect(tasksOf(parsePlan(text, { file: 'plan.txt' }))).toEqual(tasksOf(seedPlan(name)));
    }
  });

  it('NBSP and other Unicode spaces in place of ordinary spaces', () => {
    for (const name of ['putuo', 'songjiang', 'baoshan'] as const) {
      const text = seedText(name);
      expect(text).toContain(' ');
      const variant = text.replace(/ /g, (_, offset: number) => (offset % 2 ? '\u00A0' : '\u2002'));
      expect(tasksOf(parsePlan(variant, { file: 'plan.txt' }))).toEqual(tasksOf(seedPlan(name)));
    }
  });

  it('stray control characters and form feeds (pdftotext page breaks)', () => {
    for (const name of ['putuo', 'pudong', 'baoshan'] as const) {
      const lines = seedText(name).split('\n');
      const variant = lines
        .map((line, k) => (k % 97 === 50 ? '\f' + line : k % 211 === 100 ? line.slice(0, 2) + '\x07' + line.slice(2) : line))
        .join('\n');
      expect(variant).not.toBe(seedText(name));
      expect(tasksOf(parseBytes(Buffer.from(variant, 'utf8')))).toEqual(tasksOf(seedPlan(name)));
    }
  });

  it('small-form and vertical brackets ﹝﹞ ︹︺ in a document number read as 〔〕', () => {
    const text = seedText('baoshan');
    const original = seedPlan('baoshan');
    expect(original.meta.docNumber).toMatch(/〔\d{4}〕/);
    for (const [open, close] of [['﹝', '﹞'], ['︹', '︺']] as const) {
      const variant = text.replace(/〔/g, open).replace(/〕/g, close);
      const plan = parsePlan(variant, { file: 'plan.txt' });
      expect(plan.meta).toEqual(original.meta);
      expect(plan.tasks).toEqual(original.tasks);
    }
  });

  it('【】 brackets inside task text stay in the text and do not break the task', () => {
    const text = [
      '2024年某区政务公开工作要点',
      '',
      '一、重点任务',
      '1.【政策解读】做好重要政策解读工作，全年发布解读材料不少于10篇。（责任单位：区府办）',
      '2.〔数据开放〕推进公共数据开放。（责任单位：区大数据中心）',
      '3.﹝平台建设﹞完善政府网站集约化平台。（责任单位：区府办）',
      '',
    ].join('\n');
    const plan = parsePlan(text, { file: 'plan.txt' });
    expect(plan.tasks.map((t) => [t.seq, t.text, t.units.lead, t.source.lineStart])).toEqual([
      [1, '【政策解读】做好重要政策解读工作，全年发布解读材料不少于10篇。', ['区府办'], 4],
      [2, '〔数据开放〕推进公共数据开放。', ['区大数据中心'], 5],
      [3, '〔平台建设〕完善政府网站集约化平台。', ['区府办'], 6],
    ]);
  });
});

describe('a tab-separated table whose row numbers start again at 1 (two tables, or two plans, in one file)', () => {
  it('every printed row is a task, renumbered, with messages at the repeated numbers', () => {
    const lines = seedText('pudong').split('\n');
    const first = lines.findIndex((l) => /^1\t/.test(l));
    let last = lines.length - 1;
    while (!/^\d+\t/.test(lines[last]!)) last--;
    // Rows 1…77 printed twice, then row 78.
    const text = [...lines.slice(0, last), ...lines.slice(first, last), ...lines.slice(last)].join('\n');
    const plan = parsePlan(text, { file: 'twice.txt' });
    const once = seedPlan('pudong').tasks;
    expect(plan.tasks.map((t) => t.seq)).toEqual(Array.from({ length: 155 }, (_, k) => k + 1));
    expect(plan.tasks.map((t) => t.text)).toEqual([...once.slice(0, 77), ...once].map((t) => t.text));
    expect(plan.messages.filter((m) => m.ruleId === 'numbering/repeated')).toHaveLength(77);
    expect(plan.messages.filter((m) => m.ruleId === 'numbering/renumbered')).toHaveLength(1);
  });
});
