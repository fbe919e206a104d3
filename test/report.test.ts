import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { needsCheck } from '../src/align/check';
import { renderReport, toRows, REPORT_COLUMNS } from '../src/report/index';
import { sideRuns, findLoose } from '../src/report/highlight';
import { CHANGE_KINDS } from '../src/report/labels';
import { diffToJson, type PlanDiffJson } from '../src/diff/json';
import type { PlanDiff } from '../src/types';
import { parseCsv } from './helpers/csv';
import { loadPlan } from '../src/corpus';
import { diffPlans } from '../src/diff/diff';

/** The hand-built fixture: putuo-2023 against songjiang-2024, every status and change kind. */
function loadFixture(): PlanDiff {
  return JSON.parse(readFileSync(new URL('./fixtures/report/diff.json', import.meta.url), 'utf8')) as PlanDiff;
}

/** What the fixture was built to contain (see test/fixtures/report/build-fixture.ts). */
const EXPECTED_COUNTS = { unchanged: 1, reworded: 1, strengthened: 2, weakened: 2, mixed: 3, added: 3, dropped: 3 };


/** A copy of the fixture whose first pair's plan-a task text holds characters that need escaping. */
function withNastyText(text: string): PlanDiff {
  const diff = loadFixture();
  const pair = diff.pairs[0]!;
  const old = pair.a[0]!.text;
  pair.a[0]!.text = text;
  pair.textDiff = pair.textDiff.map((s) => (s.op !== '+' && s.text.includes(old) ? { ...s, text: s.text.replace(old, text) } : s));
  return diff;
}

describe('fixture', () => {
  it('covers every pair status and every change kind', () => {
    const diff = loadFixture();
    const statuses = new Set(diff.pairs.map((p) => p.status));
    expect([...statuses].sort()).toEqual(['mixed', 'reworded', 'strengthened', 'unchanged', 'weakened']);
    const kinds = new Set(diff.pairs.flatMap((p) => p.changes.map((c) => c.kind)));
    expect([...kinds].sort()).toEqual([...CHANGE_KINDS].sort());
    expect(diff.added).toHaveLength(3);
    expect(diff.dropped).toHaveLength(3);
  });
});

describe('toRows', () => {
  const rows = toRows(loadFixture());

  it('gives one row per pair, then dropped, then added', () => {
    expect(rows).toHaveLength(15);
    expect(rows.map((r) => r.status)).toEqual([
      'reworded', 'weakened', 'mixed', 'mixed', 'unchanged', 'strengthened', 'weakened', 'strengthened', 'mixed',
      'dropped', 'dropped', 'dropped', 'added', 'added', 'added',
    ]);
  });

  it('joins the seqs of a split task and keeps texts one per line', () => {
    const row = rows[2]!;
    expect(row.seqA).toBe('12;14');
    expect(row.seqB).toBe('6');
    expect(row.textA.split('\n')).toEqual([
      '及时公开本区碳达峰碳中和总体政策和试点示范建设情况。',
      '加强碳普惠制度和绿色降碳改造措施的宣传解读，开展面向企业的节能政策和技术培训。',
    ]);
    expect(row.timeNodeA).toBe('全年;全年');
    expect(row.sourceA).toBe('seeds/000_921286529f1403d5.txt:668–671;seeds/000_921286529f1403d5.txt:685–690');
  });

  it('lists change kinds, directions and values in the same order', () => {
    const row = rows[6]!;
    expect(row.seqA).toBe('74');
    expect(row.seqB).toBe('45');
    expect(row.score).toBe(0.74);
    expect(row.changeKinds).toBe('deadline;percentage;modality;scope');
    expect(row.directions).toBe('weaker;weaker;weaker;weaker');
    // modality levels read as the reports print them, not as codes
    expect(row.before.split('\n')).toEqual(['5个工作日', '100%', '应当类（确保、应当、严格落实）', '热线电话、领导信箱、人民建议征集信箱、网上咨询']);
    expect(row.after.split('\n')).toEqual(['10个工作日', '95%', '探索类（探索、鼓励、力争）', '热线电话、领导信箱、网上咨询']);
    expect(toRows(loadFixture(), { lang: 'en' })[6]!.before.split('\n')[2]).toBe('must (ensure, shall)');
    // a change with no "before" keeps its place as an empty line
    expect(rows[5]!.before.split('\n')).toEqual(['4次', '', '区府办牵头，重大行政决策涉及部门落实']);
  });

  it('leaves the absent side empty for unmatched tasks', () => {
    const dropped = rows[9]!;
    expect(dropped).toMatchObject({ status: 'dropped', seqA: '10', seqB: '', textB: '', score: null, changeKinds: '' });
    const added = rows[14]!;
    expect(added).toMatchObject({ status: 'added', seqA: '', seqB: '51', timeNodeB: '5月', unitsB: '区政府各部门、各街镇' });
    expect(added.sectionB).toBe('夯实工作基础，提升公开质效 / 加强组织领导和统筹协调');
  });

  it('has exactly the documented columns, as plain JSON data', () => {
    for (const row of rows) expect(Object.keys(row)).toEqual([...REPORT_COLUMNS]);
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
  });
});

describe('csv', () => {
  it('starts with a BOM, uses CRLF and has one record per row', () => {
    const csv = renderReport(loadFixture(), 'csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    const records = parseCsv(csv.slice(1));
    expect(records[0]).toEqual([...REPORT_COLUMNS]);
    expect(records).toHaveLength(1 + 15);
    for (const r of records) expect(r).toHaveLength(REPORT_COLUMNS.length);
    expect(records[3]![REPORT_COLUMNS.indexOf('seqA')]).toBe('12;14');
    expect(records[1]![REPORT_COLUMNS.indexOf('score')]).toBe('0.79');
    expect(records[10]![REPORT_COLUMNS.indexOf('score')]).toBe('');
  });

  it('keeps quotes, commas and line breaks inside a field intact', () => {
    const nasty = '公开"政策,解读"\n第二行，含 "引号"';
    const records = parseCsv(renderReport(withNastyText(nasty), 'csv').slice(1));
    expect(records).toHaveLength(16);
    expect(records[1]![REPORT_COLUMNS.indexOf('textA')]).toBe(nasty);
    expect(records[1]![REPORT_COLUMNS.indexOf('seqB')]).toBe('3');
  });
});

describe('json', () => {
  it('prints the stable diffToJson form, as the CLI does', () => {
    const diff = loadFixture();
    const json = renderReport(diff, 'json');
    expect(json).toBe(`${JSON.stringify(diffToJson(diff), null, 2)}\n`);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.split('\n')[1]).toMatch(/^ {2}"a": \{$/);
  });

  it('lists pairs, added and dropped by seq, with counts and the tasks behind the seqs', () => {
    const diff = loadFixture();
    const parsed = JSON.parse(renderReport(diff, 'json')) as PlanDiffJson;
    expect(Object.keys(parsed)).toEqual(['a', 'b', 'summary', 'pairs', 'dropped', 'added', 'tasks', 'messages']);
    expect(parsed.summary).toEqual(EXPECTED_COUNTS);
    // the fixture records no parse messages
    expect(parsed.messages).toEqual({ a: [], b: [] });
    expect(parsed.pairs).toHaveLength(9);
    expect(parsed.pairs[2]).toMatchObject({ a: [12, 14], b: [6], status: 'mixed' });
    expect(parsed.dropped).toEqual(diff.dropped.map((t) => t.seq));
    expect(parsed.added).toEqual(diff.added.map((t) => t.seq));
    expect(parsed.tasks.a['74']!.text).toBe(diff.pairs[6]!.a[0]!.text);
    expect(parsed.tasks.b['51']!.timeNode).toBe('5月');
    // every seq a pair or list names has its task in the map
    const seqsA = [...parsed.pairs.flatMap((p) => p.a), ...parsed.dropped].map(String).sort();
    expect(Object.keys(parsed.tasks.a).sort()).toEqual(seqsA);
  });

  it('prints the same bytes for a copy of the same diff', () => {
    const diff = loadFixture();
    const copy = JSON.parse(JSON.stringify(diff)) as PlanDiff;
    expect(renderReport(copy, 'json')).toBe(renderReport(diff, 'json'));
  });
});

describe('markdown', () => {
  const md = renderReport(loadFixture(), 'md');

  it('opens on a summary table with the counts', () => {
    const summary = md.slice(md.indexOf('## 概览'), md.indexOf('## 强化'));
    expect(summary).toContain('| 未变 | 1 |');
    expect(summary).toContain('| 改写 | 1 |');
    expect(summary).toContain('| 强化 | 2 |');
    expect(summary).toContain('| 弱化 | 2 |');
    expect(summary).toContain('| 有强有弱 | 3 |');
    expect(summary).toContain('| 新增 | 3 |');
    expect(summary).toContain('| 删除 | 3 |');
    expect(summary).toContain('| 配对任务合计 | 9 |');
  });

  it('has one section per status, changes first, each with its pairs', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    expect(headings).toEqual(['概览', '强化（2）', '弱化（2）', '有强有弱（3）', '新增（3）', '删除（3）', '改写（1）', '未变（1）']);
    const strengthened = md.slice(md.indexOf('## 强化'), md.indexOf('## 弱化'));
    expect(strengthened).toContain('### 甲 #73 ↔ 乙 #43 · 相似度 0.81');
    expect(strengthened).toContain('### 甲 #107 ↔ 乙 #49 · 相似度 0.71');
    expect(strengthened).toContain('| 数量 | 增强 | 4次 | 6次 |');
    expect(strengthened).toContain('不少于 <del>4</del><ins>6</ins>次');
    expect(strengthened).toContain('`seeds/000_921286529f1403d5.txt:1342–1352`');
    expect(md).toContain('### 甲 #12、#14 ↔ 乙 #6 · 相似度 0.64');
  });

  it('names modality levels instead of printing their codes', () => {
    // each side also quotes the words that set its level
    expect(md).toContain('| 措辞强度 | 减弱 | 应当类（确保、应当、严格落实）<br>「确保」 | 探索类（探索、鼓励、力争）<br>「力争」 |');
    expect(renderReport(loadFixture(), 'md', { lang: 'en' })).toContain('| Modality | weaker | must (ensure, shall)<br>「确保」 | explore (try, encourage)<br>「力争」 |');
  });

  it('escapes Markdown and HTML in task text', () => {
    const out = renderReport(withNastyText('<script>alert(1)</script> *强调* | 管道'), 'md');
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; \\*强调\\* \\| 管道');
  });
});

describe('html', () => {
  const diff = loadFixture();
  const html = renderReport(diff, 'html');

  it('is one self-contained page: no external resources', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.replace('<link rel="icon" href="data:,">', '')).not.toMatch(/\s(src|href)=/);
    expect(html).not.toMatch(/@import|url\(|@font-face/);
    expect(html).toContain("default-src 'none'");
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('carries the counts on the summary and one row per pair or task', () => {
    for (const [status, n] of Object.entries(EXPECTED_COUNTS)) {
      expect(html).toContain(`data-count-${status}="${n}"`);
      expect(html).toContain(`<td class="n" data-count="${status}">${n}</td>`);
      const rows = html.match(new RegExp(`<article class="row [^"]+" id="[^"]+" data-status="${status}"`, 'g')) ?? [];
      expect(rows).toHaveLength(n);
    }
    expect(html).toContain('<svg class="chart"');
  });

  it('marks the character diff and the changed numbers', () => {
    const pair = html.slice(html.indexOf('id="pair-6"'), html.indexOf('id="pair-7"'));
    expect(pair).toContain('data-status="strengthened"');
    expect(pair).toContain('<mark class="q" data-kind="count" title="数量 · 增强">不少于 <del>4</del>次</mark>');
    expect(pair).toContain('<mark class="q" data-kind="count" title="数量 · 增强">不少于 <ins>6</ins>次</mark>');
    expect(pair).toContain('seeds/002_99713b5ce46884d1.txt:862–876');
    expect(pair).toContain('<dd class="units">区府办牵头，重大行政决策涉及部门落实</dd>');
    expect(pair).toContain('<dd class="time">全年</dd>');
    expect(pair).toContain('data-section="围绕全过程人民民主深化政民互动和公众参与"');
    expect(pair).toContain('data-kinds="count clause units"');
  });

  it('escapes task text', () => {
    const out = renderReport(withNastyText('<script>alert("x")</script>&'), 'html');
    expect(out.match(/<script>/g)).toHaveLength(1);
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;');
  });

  it('switches labels but not content with lang en', () => {
    const en = renderReport(diff, 'html', { lang: 'en' });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Strengthened');
    expect(en).not.toContain('>强化<');
    expect(en).not.toContain('>责任单位<');
    expect(en).toContain('年内邀请公众代表列席区政府常务会议<mark class="q" data-kind="count" title="Count · stronger">不少于 <del>4</del>次</mark>');
    expect(en).toContain('区府办牵头，重大行政决策涉及部门落实');
    expect(html).toContain('<html lang="zh-CN">');
  });
});

describe('lang en in markdown', () => {
  it('translates the labels and leaves the plan text alone', () => {
    const md = renderReport(loadFixture(), 'md', { lang: 'en' });
    expect(md).toContain('| Strengthened | 2 |');
    expect(md).toContain('### A #73 ↔ B #43 · Similarity 0.81');
    expect(md).toContain('| Count | stronger | 4次 | 6次 |');
    expect(md).toContain('> 做好本区营商环境方案6.0版及细化改革举措的发布和解读。');
    expect(md).not.toMatch(/## 概览|\| 强化 \||责任单位：|相似度/);
  });
});

describe('highlight', () => {
  it('cuts each side into runs that rebuild the task texts and match the diff', () => {
    for (const pair of loadFixture().pairs) {
      for (const side of ['a', 'b'] as const) {
        const runs = sideRuns(pair, side);
        const tasks = side === 'a' ? pair.a : pair.b;
        expect(runs.map((r) => r.runs.map((x) => x.text).join(''))).toEqual(tasks.map((t) => t.text));
        const onlyHere = pair.textDiff.filter((s) => s.op === (side === 'a' ? '-' : '+')).map((s) => s.text.replace(/\n/g, '')).join('');
        const marked = runs.flatMap((r) => r.runs.filter((x) => x.changed).map((x) => x.text)).join('');
        expect(marked).toBe(onlyHere);
      }
    }
  });

  it('marks nothing as changed when the text diff does not fit the tasks', () => {
    const pair = { ...loadFixture().pairs[5]!, textDiff: [{ op: '=' as const, text: 'unrelated' }] };
    const runs = sideRuns(pair, 'a');
    expect(runs[0]!.runs.some((r) => r.changed)).toBe(false);
    expect(runs[0]!.runs.some((r) => r.change === 0)).toBe(true);
  });

  it('finds quotes ignoring spaces', () => {
    expect(findLoose('不少于 4次，并', '不少于4次')).toEqual([0, 6]);
    expect(findLoose('不少于4次', '不少于 5次')).toBeNull();
  });
});

describe('renderReport', () => {
  it('rejects an unknown format or language', () => {
    const diff = loadFixture();
    expect(() => renderReport(diff, 'pdf' as 'md')).toThrow(/unknown report format "pdf"/);
    expect(() => renderReport(diff, 'md', { lang: 'fr' as 'en' })).toThrow(/unknown report language "fr"/);
  });
});

describe('pairs to check and parse notes, on pudong-2022 → baoshan-2024', () => {
  const diff = diffPlans(loadPlan('pudong-2022'), loadPlan('baoshan-2024'));
  // the 待核 mark derives from the pair's calibrated probability (needsCheck: under 0.8)
  const weak = diff.pairs.filter((p) => p.probability < 0.8);

  it('marks exactly the pairs whose probability is under 0.8', () => {
    expect(diff.pairs.every((p) => needsCheck(p) === p.probability < 0.8)).toBe(true);
    expect(weak.length).toBeGreaterThan(0);
    expect(weak.length).toBeLessThan(diff.pairs.length);
    const md = renderReport(diff, 'md');
    const titles = md.split('\n').filter((l) => l.startsWith(`### 甲 #`));
    expect(titles).toHaveLength(diff.pairs.length);
    const marked = titles.filter((l) => l.endsWith(' · **待核**'));
    expect(marked).toHaveLength(weak.length);
    expect(md).toContain(`| 其中待核 | ${weak.length} |`);
    const html = renderReport(diff, 'html');
    expect(html.match(/<span class="weak"/g) ?? []).toHaveLength(weak.length);
    expect(html).toContain(`data-count="weak">${weak.length}<`);
  });

  it('lists what parsing noted about each plan, with places, in every format that has room for it', () => {
    const closing = diff.messages!.b.filter((m) => m.ruleId === 'body/closing-paragraph');
    expect(closing).toHaveLength(1);
    expect(closing[0]!.place).toEqual({ file: 'seeds/003_d488483787f5af7e.txt', lineStart: 139, lineEnd: 139 });
    // pudong-2022's table fills empty name cells from merged cells: more than five, so five are listed and
    // the rest counted
    const inherited = diff.messages!.a.filter((m) => m.ruleId === 'table/inherited-cell').length;
    expect(inherited).toBeGreaterThan(5);
    const md = renderReport(diff, 'md');
    const notes = md.slice(md.indexOf('## 解析提示'));
    expect(notes).toContain('区政府办公室应当加强日常检查和跟踪督查');
    expect(notes).toContain('`seeds/003_d488483787f5af7e.txt:139–139`');
    // in Chinese the rule's title and the places, with no English reason; in English the reasons
    expect(notes).toContain('- 空单元格沿用上一行（合并单元格）\n  - `seeds/001_683116b75f0fac5f.txt:107–107`');
    expect(notes).not.toMatch(/row \d+|table\/inherited-cell/);
    expect(notes.split('\n').filter((l) => /^ {2}- `seeds\/001_683116b75f0fac5f\.txt:\d+–\d+`$/.test(l))).toHaveLength(5);
    const en = renderReport(diff, 'md', { lang: 'en' });
    expect(en.slice(en.indexOf('## Parse notes'))).toContain('(table/inherited-cell)\n  - row 4: name cell');
    expect(notes).toContain(`  - 另有 ${inherited - 5} 条同类提示`);
    expect(notes).toContain('- 段落未读入任务\n  - “区政府办公室应当加强日常检查和跟踪督查');
    const html = renderReport(diff, 'html');
    expect(html).toContain('<section id="notes"');
    expect(html.match(/<li data-rule="table\/inherited-cell">/g) ?? []).toHaveLength(1);
    const json = JSON.parse(renderReport(diff, 'json')) as PlanDiffJson;
    expect(json.messages.a).toHaveLength(diff.messages!.a.length);
    expect(json.messages.b).toEqual([{ ruleId: 'body/closing-paragraph', reason: closing[0]!.reason, place: closing[0]!.place }]);
  });
});

describe('parse rule titles', () => {
  it('name, in both languages, every parse rule the source can emit', async () => {
    const { readdirSync } = await import('node:fs');
    const { LABELS } = await import('../src/report/labels');
    const ids = new Set<string>();
    const walk = (dir: URL): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(new URL(`${e.name}/`, dir));
        else if (e.name.endsWith('.ts')) for (const m of readFileSync(new URL(e.name, dir), 'utf8').matchAll(/ruleId: '([\w/-]+)'/g)) ids.add(m[1]!);
      }
    };
    walk(new URL('../src/', import.meta.url));
    expect(ids.size).toBe(18);
    for (const lang of ['zh', 'en'] as const) expect(Object.keys(LABELS[lang].ruleTitles).sort()).toEqual([...ids].sort());
  });
});

describe('pair probability in the headings', () => {
  it('each pair heading shows its calibrated probability, in Markdown and HTML, and none where a diff has none', () => {
    const diff = loadFixture();
    const withP: PlanDiff = { ...diff, pairs: diff.pairs.map((p, i) => ({ ...p, probability: i === 0 ? 0.625 : 0.9 })) };
    const md = renderReport(withP, 'md');
    const headings = md.split('\n').filter((l) => l.startsWith('### 甲 #'));
    expect(headings).toHaveLength(diff.pairs.length);
    expect(headings.filter((l) => l.includes(' · 概率 0.63'))).toHaveLength(1);
    expect(headings.filter((l) => l.includes(' · 概率 0.90'))).toHaveLength(diff.pairs.length - 1);
    expect(renderReport(withP, 'md', { lang: 'en' })).toContain(' · p 0.63');
    expect(renderReport(withP, 'html')).toContain(' · 概率 0.63</span>');
    expect(renderReport(diff, 'md')).not.toContain('概率 ');
  });
});
