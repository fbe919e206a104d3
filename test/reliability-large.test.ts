/**
 * Very large tables: a table is not capped at four-digit row numbers, and a table with hundreds of
 * thousands of messages still parses (a message list that large once overflowed the call stack).
 */
import { describe, expect, it } from 'vitest';
import { PlanParseError } from '../src/errors';
import { parsePlan } from '../src/parse/plan';

describe('very large tables', () => {
  it('rows numbered 10000 and up are rows of their own', () => {
    const rows = Array.from({ length: 10_050 }, (_, k) => `${k + 1}\t做好第${k + 1}项工作。\t区府办\t全年`);
    const plan = parsePlan(['附件', '序号\t任务内容\t责任单位\t时间节点', ...rows].join('\n'), { file: 'big.txt' });
    expect(plan.tasks).toHaveLength(10_050);
    expect(plan.tasks[9998]!.text).toBe('做好第9999项工作。');
    expect(plan.tasks[9999]!.text).toBe('做好第10000项工作。');
    expect(plan.tasks[10_049]!.text).toBe('做好第10050项工作。');
    expect(plan.tasks[10_049]!.source).toEqual({ file: 'big.txt', lineStart: 10_052, lineEnd: 10_052 });
    expect(plan.messages).toEqual([]);
  });

  it('200,000 rows with merged cells (600,000 messages) parse without a RangeError', () => {
    const rows = Array.from({ length: 200_000 }, (_, k) => `${k + 2}\t\t做好第${k + 2}项工作。\t\t`);
    const text = ['附件', '序号\t任务名称\t任务内容\t责任单位\t时间节点', '1\t名称\t做好第1项工作。\t区府办\t全年', ...rows].join('\n');
    let plan;
    try {
      plan = parsePlan(text, { file: 'big.txt' });
    } catch (error) {
      expect(error).toBeInstanceOf(PlanParseError);
      return;
    }
    expect(plan.tasks).toHaveLength(200_001);
    expect(plan.tasks[200_000]!.text).toBe('做好第200001项工作。');
    expect(plan.tasks[200_000]!.units.raw).toBe('区府办');
    expect(plan.messages.filter((m) => m.ruleId === 'table/inherited-cell')).toHaveLength(600_000);
  }, 60_000);
});
