import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderReport, toRows, REPORT_COLUMNS } from '../src/report/index';
import type { PlanDiffJson } from '../src/diff/json';
import type { PlanDiff, Task } from '../src/types';
import { parseCsv } from './helpers/csv';

function loadFixture(): PlanDiff {
  return JSON.parse(readFileSync(new URL('./fixtures/report/diff.json', import.meta.url), 'utf8')) as PlanDiff;
}

/** Characters that break formats when left unescaped, mixed with Chinese. */
const nasty = fc.string({
  unit: fc.constantFrom('<', '>', '&', '"', "'", ',', '\n', '\r', '|', '*', '_', '`', '#', '[', ']', '公', '开', '。', '，', ' ', 'a', '1'),
  maxLength: 40,
});

function withDroppedText(text: string, section: string): PlanDiff {
  const diff = loadFixture();
  const t = diff.dropped[0]!;
  t.text = text;
  t.section = [section];
  return diff;
}


describe('report properties', () => {
  it('CSV gives back any task text exactly', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        const records = parseCsv(renderReport(withDroppedText(text, 'x'), 'csv').slice(1));
        expect(records).toHaveLength(16);
        expect(records[10]![REPORT_COLUMNS.indexOf('textA')]).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('HTML never lets task text or section names open a tag or an attribute', () => {
    const tags = (s: string) => (s.match(/<[a-z/!]/gi) ?? []).length;
    const quotes = (s: string) => (s.match(/"/g) ?? []).length;
    const base = renderReport(withDroppedText('X', 'S'), 'html');
    fc.assert(
      fc.property(nasty, nasty, (text, section) => {
        // a section name of its own keeps the page's structure the same as with the plain placeholder
        const html = renderReport(withDroppedText(text, `S${section}`), 'html');
        expect(tags(html)).toBe(tags(base));
        expect(quotes(html)).toBe(quotes(base));
      }),
      { numRuns: 150 },
    );
  });

  it('JSON gives back any task text and section exactly', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        const diff = withDroppedText(text, text);
        const parsed = JSON.parse(renderReport(diff, 'json')) as PlanDiffJson;
        const task = parsed.tasks.a[String(diff.dropped[0]!.seq)]!;
        expect(task.text).toBe(text);
        expect(task.section).toEqual([text]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('edge cases', () => {
  const empty: PlanDiff = {
    a: { id: 'a', district: null, year: null },
    b: { id: 'b', district: null, year: null },
    pairs: [],
    dropped: [],
    added: [],
    obligations: {},
  };

  it('renders an empty diff in every format', () => {
    expect(toRows(empty)).toEqual([]);
    expect(renderReport(empty, 'csv')).toBe(`\uFEFF${REPORT_COLUMNS.join(',')}\r\n`);
    const md = renderReport(empty, 'md');
    expect(md).toContain('# 政务公开工作要点对比：a → b');
    expect(md).toContain('| 配对任务合计 | 0 |');
    expect(md).not.toContain('## 强化');
    const html = renderReport(empty, 'html');
    expect(html).toContain('data-count-strengthened="0"');
    expect(html).not.toContain('<article');
  });

  it('shows a task with no units, no time node and no section', () => {
    const bare: Task = {
      seq: 7,
      text: '做好政务公开工作。',
      name: '一级指标/二级指标',
      section: [],
      units: { lead: [], support: [], raw: '' },
      timeNode: null,
      source: { file: 'plan.txt', lineStart: 3, lineEnd: 3 },
    };
    const diff = { ...empty, added: [bare] };
    const html = renderReport(diff, 'html');
    expect(html).toContain('data-status="added" data-section="一级指标"');
    expect(html).toContain('<dd class="units"><span class="muted">无</span></dd>');
    expect(html).toContain('<code class="source">plan.txt:3–3</code>');
    const md = renderReport(diff, 'md');
    expect(md).toContain('责任单位：无 · 时间节点：无');
    expect(toRows(diff)[0]).toMatchObject({ status: 'added', seqB: '7', timeNodeB: '', unitsB: '', sectionB: '' });
  });

  it('counts changes by kind and direction', () => {
    const md = renderReport(loadFixture(), 'md');
    expect(md).toContain('| 范围 | 2 | 1 | 1 |');
    expect(md).toContain('| 责任单位 | 0 | 0 | 3 |');
    expect(md).toContain('| 时间节点 | 0 | 2 | 0 |');
  });
});
