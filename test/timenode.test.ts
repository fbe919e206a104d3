import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTimeNodes, parseTimeNode } from '../src/parse/timenode';
import type { TimeNode } from '../src/types';

const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const tn = (raw: string): TimeNode => parseTimeNode(raw)!;
const shape = (raw: string) => {
  const n = tn(raw);
  return { kind: n.kind, start: n.start, end: n.end, months: n.months, yearOffset: n.yearOffset, year: n.year };
};
const node = (kind: TimeNode['kind'], start: string | null, end: string | null, months: number[], yearOffset = 0, year: number | null = null) => ({
  kind, start, end, months, yearOffset, year,
});

describe('parseTimeNode', () => {
  it('returns null for empty input', () => {
    expect(parseTimeNode('')).toBeNull();
    expect(parseTimeNode('  \n ')).toBeNull();
  });

  it('reads the whole year, halves and quarters', () => {
    expect(shape('全年')).toEqual(node('year', '01-01', '12-31', ALL_MONTHS));
    expect(shape('上半年')).toEqual(node('half', '01-01', '06-30', [1, 2, 3, 4, 5, 6]));
    expect(shape('下半年')).toEqual(node('half', '07-01', '12-31', [7, 8, 9, 10, 11, 12]));
    expect(shape('一季度')).toEqual(node('quarter', '01-01', '03-31', [1, 2, 3]));
    expect(shape('第一季度')).toEqual(node('quarter', '01-01', '03-31', [1, 2, 3]));
    expect(shape('1季度')).toEqual(node('quarter', '01-01', '03-31', [1, 2, 3]));
    expect(shape('二季度')).toEqual(node('quarter', '04-01', '06-30', [4, 5, 6]));
    expect(shape('三季度')).toEqual(node('quarter', '07-01', '09-30', [7, 8, 9]));
    expect(shape('四季度')).toEqual(node('quarter', '10-01', '12-31', [10, 11, 12]));
    expect(shape('二、三季度')).toEqual(node('quarter', '04-01', '09-30', [4, 5, 6, 7, 8, 9]));
    expect(shape('1-3季度')).toEqual(node('quarter', '01-01', '09-30', [1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(shape('二季度末')).toEqual(node('by-date', null, '06-30', []));
    expect(shape('三季度前')).toEqual(node('by-date', null, '06-30', []));
  });

  it('reads months, month ranges and month lists', () => {
    expect(shape('6月')).toEqual(node('months', '06-01', '06-30', [6]));
    expect(shape('8月份')).toEqual(node('months', '08-01', '08-31', [8]));
    expect(shape('3-6 月 9-10 月')).toEqual(node('months', '03-01', '10-31', [3, 4, 5, 6, 9, 10]));
    expect(shape('4月、10月')).toEqual(node('months', '04-01', '10-31', [4, 10]));
    expect(shape('9-10 月')).toEqual(node('months', '09-01', '10-31', [9, 10]));
    expect(shape('十二月')).toEqual(node('months', '12-01', '12-31', [12]));
    expect(shape('9月-10月')).toEqual(node('months', '09-01', '10-31', [9, 10]));
    expect(shape('1月1日至3月31日')).toEqual(node('by-date', '01-01', '03-31', [1, 2, 3]));
  });

  it('reads deadlines: 底前 is the end of that month, 前 the end of the month before', () => {
    expect(shape('3月底前')).toEqual(node('by-date', null, '03-31', []));
    expect(shape('11月底前')).toEqual(node('by-date', null, '11-30', []));
    expect(shape('10月前')).toEqual(node('by-date', null, '09-30', []));
    expect(shape('4月20日前')).toEqual(node('by-date', null, '04-20', []));
    expect(shape('3月31日前')).toEqual(node('by-date', null, '03-31', []));
    expect(shape('2月底前')).toEqual(node('by-date', null, '02-28', []));
    expect(shape('2024年2月底前')).toEqual(node('by-date', null, '02-29', [], 0, 2024));
    expect(shape('1月前')).toEqual(node('by-date', null, '12-31', [], -1));
  });

  it('reads year-end words as the year ending 12-31', () => {
    expect(shape('年底前')).toEqual(node('year', null, '12-31', []));
    expect(shape('年内')).toEqual(node('year', '01-01', '12-31', ALL_MONTHS));
    expect(shape('2023年底')).toEqual(node('year', null, '12-31', [], 0, 2023));
    expect(shape('年中')).toEqual(node('by-date', null, '06-30', []));
  });

  it('reads the printed year and 次年', () => {
    expect(shape('2024 年 1月')).toEqual(node('months', '01-01', '01-31', [1], 0, 2024));
    expect(shape('次年一季度')).toEqual(node('quarter', '01-01', '03-31', [1, 2, 3], 1));
    expect(shape('次年第一季度将评估结果向社会公布')).toEqual(node('quarter', '01-01', '03-31', [1, 2, 3], 1));
  });

  it('reads continuous work', () => {
    for (const raw of ['持续推进', '长期', '常态化']) expect(shape(raw)).toEqual(node('continuous', null, null, []));
  });

  it('finds a node after other words and keeps the printed text, squeezed, as raw', () => {
    expect(shape('力争3月底前完成')).toEqual(node('by-date', null, '03-31', []));
    expect(tn('3-6 月 9-10 月').raw).toBe('3-6月9-10月');
    expect(shape('完成时限')).toEqual(node('unknown', null, null, []));
  });

  it('never throws (property)', () => {
    const pieces = fc.constantFrom('次年', '2024年', '一', '十二', '季度', '月', '底前', '前', '-', '、', '日', '31', '13', '0', '上半年', ' ');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 12 }), (parts) => {
        const n = parseTimeNode(parts.join(''));
        if (n !== null) {
          if (n.end !== null) expect(n.end).toMatch(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
          for (const m of n.months) expect(m >= 1 && m <= 12).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('compareTimeNodes', () => {
  it('says b is tighter when its deadline is earlier, looser when later', () => {
    expect(compareTimeNodes(tn('全年'), tn('上半年'))).toBe('tighter');
    expect(compareTimeNodes(tn('上半年'), tn('全年'))).toBe('looser');
    expect(compareTimeNodes(tn('11月底前'), tn('10月底前'))).toBe('tighter');
    expect(compareTimeNodes(tn('四季度'), tn('次年一季度'))).toBe('looser');
    expect(compareTimeNodes(tn('4月20日前'), tn('3月31日前'))).toBe('tighter');
  });

  it('compares the window when the deadlines agree', () => {
    expect(compareTimeNodes(tn('全年'), tn('四季度'))).toBe('tighter');
    expect(compareTimeNodes(tn('12月'), tn('四季度'))).toBe('looser');
    expect(compareTimeNodes(tn('全年'), tn('年内'))).toBe('same');
    expect(compareTimeNodes(tn('全年'), tn('年底前'))).toBe('same');
    expect(compareTimeNodes(tn('3月底前'), tn('3月31日前'))).toBe('same');
  });

  it('cannot compare continuous or unknown nodes with deadlines', () => {
    expect(compareTimeNodes(tn('全年'), tn('常态化'))).toBe('incomparable');
    expect(compareTimeNodes(tn('完成时限'), tn('全年'))).toBe('incomparable');
    expect(compareTimeNodes(tn('常态化'), tn('持续推进'))).toBe('same');
  });
});

describe('parseTimeNode on long or odd input', () => {
  it('takes linear time on long runs of numerals, separators and months', () => {
    const started = performance.now();
    for (const s of ['一'.repeat(5000), '一、'.repeat(3000), '1-'.repeat(3000), '3月'.repeat(3000)]) parseTimeNode(s);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
