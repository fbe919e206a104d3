/**
 * Every claim of the flagship report (putuo-2023 → songjiang-2024) is right and reads well, in every
 * format and both languages: time nodes read against each plan's year and issue date and each task's own
 * counterpart, modality judged on the shared clause and quoted, scope words whole and listed once, dates
 * as dates, one units label, no English in the Chinese report, readable CSV values, and a plan in
 * traditional characters quoted in them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../src/corpus';
import { diffPlans } from '../src/diff/diff';
import { compareInPlans } from '../src/diff/timenode';
import { extractObligations } from '../src/obligations/extract';
import { parseTimeNode } from '../src/parse/timenode';
import { renderAlignment, renderObligations, renderReport, toRows } from '../src/report/index';
import { alignPlans } from '../src/align/align';
import { renderSummary } from '../src/report/summary';
import type { DiffPair, PlanDiff } from '../src/types';
import { parseCsv } from './helpers/csv';

const putuo = loadPlan('putuo-2023');
const songjiang = loadPlan('songjiang-2024');
const diff = diffPlans(putuo, songjiang);

function pairOf(d: PlanDiff, seqA: number, seqB: number): DiffPair {
  const pair = d.pairs.find((p) => p.a.some((t) => t.seq === seqA) && p.b.some((t) => t.seq === seqB));
  expect(pair, `${seqA} ↔ ${seqB}`).toBeDefined();
  return pair!;
}

describe('time nodes', () => {
  const node = (raw: string) => parseTimeNode(raw)!;
  const putuoDates = { year: 2023, issueDate: '2023-04-12' };
  const songjiangDates = { year: 2024, issueDate: '2024-05-10' };

  it('are read against each plan’s issue date: 4月 issued in April and 5月 issued in May are the same', () => {
    expect(putuo.meta.issueDate).toBe('2023-04-12');
    expect(songjiang.meta.issueDate).toBe('2024-05-10');
    expect(compareInPlans(node('4月'), putuoDates, node('5月'), songjiangDates)).toBe('same');
    // without issue dates, the calendar decides
    expect(compareInPlans(node('4月'), { year: 2023, issueDate: null }, node('5月'), { year: 2024, issueDate: null })).toBe('looser');
    // a move that holds both on the calendar and counted from issue is one
    expect(compareInPlans(node('上半年'), putuoDates, node('全年'), songjiangDates)).toBe('looser');
    expect(compareInPlans(node('三季度'), putuoDates, node('8月'), songjiangDates)).toBe('tighter');
  });

  it('are read against each plan’s year: 2024年1月 in a 2023 plan is the next January', () => {
    expect(compareInPlans(node('2024年1月'), putuoDates, node('12月'), putuoDates)).toBe('tighter');
    expect(compareInPlans(node('次年1月'), putuoDates, node('2024年1月'), putuoDates)).toBe('same');
  });

  it('belong to their own task: putuo #116’s 4月 meets songjiang #51’s 5月, and #118’s 2024年1月 stays out', () => {
    const pair = pairOf(diff, 116, 51);
    expect(pair.a.map((t) => t.seq)).toEqual([116, 118]);
    const time = pair.changes.filter((c) => c.kind === 'timeNode');
    expect(time).toEqual([{ kind: 'timeNode', direction: 'neutral', before: '4月', after: '5月', quoteA: '4月', quoteB: '5月' }]);
    expect(pair.status).not.toBe('weakened');
    expect(pair.status).not.toBe('mixed');
  });
});

describe('modality', () => {
  it('is judged on the clause that carries the shared obligation, and quotes it on both sides', () => {
    const pair = pairOf(diff, 59, 38);
    const modality = pair.changes.filter((c) => c.kind === 'modality');
    expect(modality).toHaveLength(1);
    expect(modality[0]).toMatchObject({ direction: 'stronger', before: 'explore', after: 'must' });
    expect(modality[0]!.quoteA).toBe('鼓励引入专家学者、新闻媒体和第三方服务机构，以及行业协会、产业园区等社会力量和组织参与政策宣传和辅导');
    expect(modality[0]!.quoteB).toBe('加大对各类组织的政策辅导力度，确保政策信息精准传递');
    const md = renderReport(diff, 'md');
    expect(md).toContain('<br>「加大对各类组织的政策辅导力度，确保政策信息精准传递」');
  });

  it('no modal word of another clause decides: every modality change quotes a clause holding its cue', () => {
    for (const pair of diff.pairs) {
      for (const c of pair.changes.filter((x) => x.kind === 'modality')) {
        expect(pair.a.map((t) => t.text).join(''), c.quoteA!).toContain(c.quoteA!);
        expect(pair.b.map((t) => t.text).join(''), c.quoteB!).toContain(c.quoteB!);
        expect(c.quoteA).not.toMatch(/[。；]/);
        expect(c.quoteB).not.toMatch(/[。；]/);
      }
    }
  });
});

describe('scope', () => {
  it('names whole words, each once', () => {
    const scopes = diff.pairs.flatMap((p) => p.changes.filter((c) => c.kind === 'scope'));
    expect(scopes.length).toBeGreaterThan(0);
    for (const c of scopes) {
      for (const value of [c.before, c.after]) {
        if (value == null) continue;
        const words = value.split('、');
        expect(new Set(words).size, value).toBe(words.length);
      }
    }
    const decision = pairOf(diff, 68, 25).changes.find((c) => c.kind === 'scope');
    expect(decision).toMatchObject({ before: '决策单位', after: '全区各级' });
    expect(renderReport(diff, 'json')).not.toMatch(/各类、各类|全区各"/);
  });
});

describe('report text', () => {
  const zhMd = renderReport(diff, 'md');
  const enMd = renderReport(diff, 'md', { lang: 'en' });

  /** Everything of the report that the plans themselves wrote: whole task texts first, then the pieces
   * reports quote from them, each group longest first. */
  function planStrings(d: PlanDiff): string[] {
    const tasks = [...d.pairs.flatMap((p) => [...p.a, ...p.b]), ...d.dropped, ...d.added];
    const groups: string[][] = [
      tasks.map((t) => t.text),
      tasks.flatMap((t) => [t.name ?? '', ...t.section, t.units.raw, ...t.units.lead, ...t.units.support, t.timeNode?.raw ?? '']),
      d.pairs.flatMap((p) => p.textDiff.map((s) => s.text.replace(/\r?\n/g, ' ⏎ '))),
      d.pairs.flatMap((p) => p.changes.flatMap((c) => [c.quoteA ?? '', c.quoteB ?? ''])),
      Object.values(d.obligations).flatMap((list) => list.flatMap((o) => [o.quote, o.subject, o.unit])),
      [d.a.district ?? '', d.b.district ?? ''],
    ];
    const byLength = (list: string[]) => [...new Set(list)].filter((x) => x.length > 0).sort((x, y) => y.length - x.length);
    return [...byLength(groups[0]!), ...byLength(groups.slice(1).flat())];
  }

  /** The report with the plans' own words, file paths, plan ids and Markdown/HTML markup taken out. */
  function labelsOnly(report: string, d: PlanDiff): string {
    let rest = report
      // the character diffs: the plans' text cut into runs
      .replace(/<p class="text">[\s\S]*?<\/p>|^(Text diff|文字差异)[：:].*$/gm, ' ')
      .replace(/<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&lt;|&gt;|&amp;|&quot;|&#39;/g, ' ')
      .replace(/\\([\\`*_[\]|#~])/g, '$1')
      .replace(/`[^`]*`/g, ' ')
      .replace(/seeds\/[\w.]+:\d+–\d+/g, ' ')
      .replace(/\bplandiff( \w+)?\b|\b(putuo-2023|songjiang-2024)\b/g, ' ');
    for (const s of planStrings(d)) rest = rest.split(s).join(' ');
    return rest;
  }

  it('the Chinese report has no English words, in Markdown and HTML', () => {
    for (const report of [zhMd, renderReport(diff, 'html')]) {
      const words = labelsOnly(report, diff).match(/[A-Za-z]{2,}/g) ?? [];
      expect(words).toEqual([]);
    }
    expect(zhMd).toContain('每年≥4次');
    expect(zhMd).not.toContain('/year');
  });

  it('the English report has no untranslated labels', () => {
    for (const report of [enMd, renderReport(diff, 'html', { lang: 'en' })]) {
      const han = labelsOnly(report, diff).match(/[\p{Script=Han}、：；（）]+/gu) ?? [];
      expect(han).toEqual([]);
    }
    expect(enMd).toContain('≥4次/year');
    expect(enMd).toContain('### A #116, #118 ↔ B #51');
    expect(renderReport(diff, 'html', { lang: 'en' })).toContain('A #116, #118 ↔ B #51');
  });

  it('dates read as dates: 3月31日前 is ≤ 03-31', () => {
    const pudong = loadPlan('pudong-2022');
    const task = pudong.tasks.find((t) => extractObligations(t).some((o) => o.kind === 'date' && o.value === 331));
    expect(task).toBeDefined();
    const md = renderObligations(pudong, extractObligations, 'md');
    expect(md).toContain('**≤ 03-31**');
    expect(md).not.toMatch(/MM-DD|≤331/);
    const csv = renderObligations(pudong, extractObligations, 'csv');
    expect(csv).not.toMatch(/MM-DD/);
    for (const id of ['pudong-2022', 'jiading-2023'] as const) {
      const other = diffPlans(loadPlan(id), songjiang);
      for (const format of ['md', 'html', 'csv'] as const) expect(renderReport(other, format)).not.toMatch(/MM-DD|≤\d{3,4}[^\d]/);
    }
  });

  it('prints one units label: no 责任单位：责任单位：', () => {
    const baoshan = diffPlans(songjiang, loadPlan('baoshan-2024'));
    expect(baoshan.pairs.some((p) => p.b.some((t) => /^\s*(责任|牵头)单位[：:]/.test(t.units.raw)))).toBe(true);
    for (const format of ['md', 'html'] as const) {
      expect(renderReport(baoshan, format)).not.toMatch(/责任单位(：|<\/dt><dd[^>]*>)\s*责任单位/);
      // a units cell that opens with its own label (牵头单位：…) is printed without another one before it
      expect(renderReport(baoshan, format)).not.toMatch(/责任单位：\s*(牵头|责任)单位：/);
    }
  });

  it('CSV before/after values are readable, not codes', () => {
    const rows = parseCsv(renderReport(diff, 'csv').replace(/^\uFEFF/, ''));
    const header = rows[0]!;
    const before = header.indexOf('before');
    const after = header.indexOf('after');
    const values = rows.slice(1).flatMap((r) => [...r[before]!.split('\n'), ...r[after]!.split('\n')]);
    expect(values).toContain('探索类（探索、鼓励、力争）');
    for (const code of ['explore', 'advance', 'must', 'mandatory']) expect(values).not.toContain(code);
    expect(values.some((v) => /\/year|\/quarter/.test(v))).toBe(false);
    expect(toRows(diff, { lang: 'en' }).some((r) => r.before.includes('explore (try, encourage)'))).toBe(true);
  });

  it('the terminal summary carries no markup and no codes', () => {
    const summary = renderSummary(diff, { command: 'plandiff diff putuo-2023 songjiang-2024' });
    expect(summary).not.toMatch(/<\/?(del|ins)>|\b(explore|advance|must|year)\b/);
    expect(summary).toContain('甲 #59 → 乙 #38');
    const en = renderSummary(diff, { lang: 'en', fullReport: 'r.html' });
    expect(en).toContain('A #116, #118 → B #51: ');
    // Chinese punctuation only inside the plans' own words, never around a label
    expect(en).not.toMatch(/#\d+、|[A-Za-z)]\s*[：；（]/);
    expect(en.trimEnd().endsWith('Full report: r.html')).toBe(true);
  });

  it('the terminal summary gives, beside the added and dropped counts, how many are expected to have no counterpart', () => {
    const summary = renderSummary(diff).split('\n');
    expect(summary).toContain(`新增 ${diff.added.length}：据配对概率估计，约 ${Math.round(diff.expectedAdded!)} 项在对方确无对应`);
    expect(summary).toContain(`删除 ${diff.dropped.length}：据配对概率估计，约 ${Math.round(diff.expectedDropped!)} 项在对方确无对应`);
    const none = renderSummary({ ...diff, expectedAdded: undefined, expectedDropped: undefined });
    expect(none).not.toContain('据配对概率估计');
  });
});

describe('a plan in traditional characters', () => {
  it('is matched in simplified characters and quoted in its own', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const source = readFileSync(join(__dirname, '..', 'seeds', '002_99713b5ce46884d1.txt'), 'utf8');
    const traditional = toTraditional(source);
    const file = join(mkdtempSync(join(tmpdir(), 'plandiff-tw-')), 'songjiang-tw.txt');
    writeFileSync(file, traditional);
    const tw = diffPlans(putuo, loadPlan(file));
    // the same analysis as on the simplified plan
    expect(tw.pairs.map((p) => [p.a.map((t) => t.seq), p.b.map((t) => t.seq), p.status])).toEqual(
      diff.pairs.map((p) => [p.a.map((t) => t.seq), p.b.map((t) => t.seq), p.status]),
    );
    // every quoted task text of plan b is text of the traditional file, not of the simplified seed
    const flat = (s: string) => s.replace(/\s+/g, '');
    const twFile = flat(traditional);
    const tasksB = [...tw.pairs.flatMap((p) => p.b), ...tw.added];
    expect(tasksB.length).toBe(songjiang.tasks.length);
    let differs = 0;
    for (const t of tasksB) {
      expect(twFile, `#${t.seq}`).toContain(flat(t.text));
      if (flat(t.text) !== flat(songjiang.tasks[t.seq - 1]!.text)) differs++;
    }
    expect(differs).toBeGreaterThan(songjiang.tasks.length / 2);
    const md = renderReport(tw, 'md');
    const quote = toTraditional('加大对各类组织的政策辅导力度，确保政策信息精准传递');
    expect(quote).not.toBe('加大对各类组织的政策辅导力度，确保政策信息精准传递');
    expect(md).toContain(`「${quote}」`);
  });
});

describe('rows for a data frame', () => {
  it('carry each pair’s calibrated probability, and none for an unpaired task', () => {
    const rows = toRows(diff);
    const pairs = rows.slice(0, diff.pairs.length);
    expect(pairs.map((r) => r.probability)).toEqual(diff.pairs.map((p) => p.probability));
    expect(rows.slice(diff.pairs.length).every((r) => r.probability === null)).toBe(true);
    expect(renderReport(diff, 'csv').split('\r\n')[0]).toContain(',score,probability,basis,');
  });
});

describe('the alignment in Markdown', () => {
  it('gives each pair’s probability, and an English page uses English punctuation around its labels', () => {
    const al = alignPlans(putuo, songjiang);
    const zh = renderAlignment(al, 'md').split('\n');
    const row = zh.find((l) => l.startsWith('| #1 | #1 |'))!;
    const pair = al.pairs.find((p) => p.a[0]!.seq === 1 && p.b[0]!.seq === 1)!;
    expect(row.split(' | ')[3]).toBe(pair.probability.toFixed(2));
    expect(zh).toContain(`## 配对${'（'}${al.pairs.length}）`);
    const en = renderAlignment(al, 'md', { lang: 'en' });
    // labels, counts and task numbers: no Chinese punctuation outside the plans' own words
    const frame = en.split('\n').filter((l) => !l.startsWith('| #') && !l.startsWith('>') && !l.startsWith('- '));
    for (const line of frame) expect(line, line).not.toMatch(/[：（）、]/);
    expect(en).toContain(`## Pairs (${al.pairs.length})`);
  });
});
