/**
 * Nothing lost without a word: text after the trailer (抄送 / 印发), a second document in the same file,
 * items numbered past 999, a text cut off inside its last task, and a plan of 100,000 items.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../src/parse/plan';
import { PlanParseError } from '../src/errors';

const PLAN_A = [
  '2024年上海市某某区政务公开工作要点',
  '一、加强政策公开',
  '1. 做好重大行政决策预公开，全年公开决策草案不少于5件。（区司法局、区政府办公室）',
  '2. 深化政策解读，重要政策文件与解读材料同步公开。（区政府各部门）',
  '二、优化政务服务',
  '3. 完善政务公开专区建设，每季度更新一次办事指南。（区行政服务中心）',
  '',
  '抄送：区委各部门，区人大常委会办公室，区政协办公室。',
  '上海市某某区人民政府办公室 2024年3月20日印发',
];

describe('text after the trailer', () => {
  it('a paragraph after the printing line is reported with its lines', () => {
    const text = [...PLAN_A, '', '附：本要点由区政务公开办负责解释，各单位于每季度末报送工作推进情况，全年不少于4次。'].join('\n');
    const plan = parsePlan(text, { file: 'a.txt' });
    expect(plan.tasks).toHaveLength(3);
    const notes = plan.messages.filter((m) => m.ruleId === 'document/after-trailer');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.place).toEqual({ file: 'a.txt', lineStart: 11, lineEnd: 11 });
  });

  it('a second plan after the first one is reported, with its title and lines', () => {
    const second = [
      '',
      '2023年上海市某某区政务公开工作要点',
      '一、深化决策公开',
      '1. 编制年度重大行政决策事项目录并向社会公开。（区司法局）',
      '2. 做好决策草案公开征求意见工作。（区政府各部门）',
    ];
    const plan = parsePlan([...PLAN_A, ...second].join('\n'), { file: 'two.txt' });
    expect(plan.tasks).toHaveLength(3);
    const notes = plan.messages.filter((m) => m.ruleId === 'document/second-document');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.reason).toContain('2023年上海市某某区政务公开工作要点');
    expect(notes[0]!.place).toEqual({ file: 'two.txt', lineStart: 11, lineEnd: 14 });
    // The trailer lines themselves are no message.
    expect(plan.messages.filter((m) => m.ruleId === 'document/after-trailer')).toHaveLength(0);
  });

  it('the trailer alone gives no message', () => {
    const plan = parsePlan(PLAN_A.join('\n'), { file: 'a.txt' });
    expect(plan.messages).toEqual([]);
  });
});

describe('items numbered past 999', () => {
  it('item 1000 and after are items of their own', () => {
    const lines = ['2024年某某区政务公开工作要点', '一、加强政策公开'];
    for (let k = 1; k <= 1005; k++) lines.push(`${k}. 做好第${k}项公开工作。`);
    const plan = parsePlan(lines.join('\n'), { file: 'many.txt' });
    expect(plan.tasks).toHaveLength(1005);
    expect(plan.tasks[998]!.text).toBe('做好第999项公开工作。');
    expect(plan.tasks[999]!.text).toBe('做好第1000项公开工作。');
    expect(plan.tasks[1004]!.source).toEqual({ file: 'many.txt', lineStart: 1007, lineEnd: 1007 });
  });

  it('（1000） items are read too', () => {
    const lines = ['2024年某某区政务公开工作要点', '一、加强政策公开'];
    for (let k = 1; k <= 1001; k++) lines.push(`（${k}）做好第${k}项公开工作。`);
    const plan = parsePlan(lines.join('\n'));
    expect(plan.headings[0]!.children).toHaveLength(1001);
  });
});

describe('a text cut off inside a task', () => {
  it('the last item ending without a full stop at the end of the text gets a message', () => {
    const text = [
      '2024年某某区政务公开工作要点',
      '一、加强政策公开',
      '1. 做好重大行政决策预公开。（区司法局）',
      '2. 深化政策解读，重要政策文件与解读材料同步',
    ].join('\n');
    const plan = parsePlan(text, { file: 'cut.txt' });
    expect(plan.tasks).toHaveLength(2);
    const notes = plan.messages.filter((m) => m.ruleId === 'body/cut-off');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.place).toEqual({ file: 'cut.txt', lineStart: 4, lineEnd: 4 });
    expect(notes[0]!.reason).toContain('task 2');
  });

  it('a last item that ends its sentence gets none', () => {
    const text = ['2024年某某区政务公开工作要点', '一、加强政策公开', '1. 做好重大行政决策预公开。', '2. 深化政策解读。'].join('\n');
    expect(parsePlan(text).messages.filter((m) => m.ruleId === 'body/cut-off')).toEqual([]);
  });
});

describe('a plan of 100,000 numbered items', () => {
  // The 50 MB plan of 300,000 items is measured by `npm run bench` (scripts/bench-scale.ts); this is the
  // same shape at a size a test can afford.
  it('is read whole, without a RangeError', () => {
    const lines = ['2024年某某区政务公开工作要点', '一、加强政策公开'];
    for (let k = 1; k <= 100_000; k++) lines.push(`${k}. 公开第${k}项。（区府办）`);
    let plan;
    try {
      plan = parsePlan(lines.join('\n'), { file: 'huge.txt' });
    } catch (error) {
      // Refusing is allowed only as a typed error that names the limit.
      expect(error).toBeInstanceOf(PlanParseError);
      expect(String(error)).toMatch(/limit/);
      return;
    }
    expect(plan.tasks).toHaveLength(100_000);
    expect(plan.tasks[99_999]!.text).toBe('公开第100000项。');
    expect(plan.tasks[99_999]!.units.lead).toEqual(['区府办']);
    expect(plan.tasks[99_999]!.source).toEqual({ file: 'huge.txt', lineStart: 100_002, lineEnd: 100_002 });
  }, 60_000);
});

describe('progress of a long parse', () => {
  it('is reported in percent, rising to 100', () => {
    const seen: number[] = [];
    parsePlan(PLAN_A.join('\n'), { onProgress: (done, total) => seen.push((done / total) * 100) });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(100);
  });
});

describe('a heading that reads like a title is no second document', () => {
  it('二、2024年重点工作 inside the body stays a heading', () => {
    const text = [
      '2024年某某区政务公开工作要点',
      '一、加强政策公开',
      '1. 做好政策解读。（区政府办公室）',
      '二、2024年重点工作',
      '（一）深化公开',
      '2. 做好决策公开。（区司法局）',
    ].join('\n');
    const plan = parsePlan(text);
    expect(plan.tasks.map((t) => t.text)).toEqual(['做好政策解读。', '做好决策公开。']);
    expect(plan.messages.filter((m) => m.ruleId.startsWith('document/'))).toEqual([]);
  });
});
