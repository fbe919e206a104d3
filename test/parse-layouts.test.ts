/**
 * parsePlan on plans without a task table (body parts of the seeds) and on small tables with section
 * rows, lead/support unit columns and odd numbering. Expected values are read from the inputs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../src/parse/plan';
import { isTimeLike, isUnitsLike, splitTimeSuffix } from '../src/parse/cells';
import { matchHeading } from '../src/parse/headings';
import { readDate } from '../src/parse/meta';

/** The first `n` lines of a seed: its notice and body, without the appendix table. */
function head(file: string, n: number): string {
  return readFileSync(file, 'utf8').split('\n').slice(0, n).join('\n');
}

describe('parsePlan: body layouts', () => {
  it('unit sentences: songjiang-2024 without its table', () => {
    const plan = parsePlan(head('seeds/002_99713b5ce46884d1.txt', 403));
    expect(plan.layout).toBe('unit-sentences');
    // 50 sentence groups close with a units parenthesis; the closing paragraph has none.
    expect(plan.tasks).toHaveLength(50);
    const first = plan.tasks[0]!;
    expect(first.text).toBe('围绕服务“五个中心”建设，依法公开经济、金融、贸易、航运和科技创新领域有关工作推进落实情况。');
    expect(first.units.lead).toEqual(['区政府各部门', '各街镇']);
    expect(first.section).toEqual(['聚焦公众关心关切，持续深化重点领域信息公开', '围绕国家重大战略任务落实做好信息公开']);
    expect([first.source.lineStart, first.source.lineEnd]).toEqual([27, 31]);
    // Three sentences before one parenthesis make one task.
    const law = plan.tasks[26]!;
    expect(law.text).toBe('做好执法、普法以及涉外法律服务信息公开。及时公开公证、司法鉴定、法律服务等方面便民利民举措。提前公开各部门年度行政执法检查计划。');
    expect(law.units.lead).toEqual(['区司法局', '区政府各部门', '各街镇']);
    // A parenthesis that is not a list of units stays in the text.
    expect(plan.tasks[33]!.text).toContain('“四类推送法”（通过“一网通办”个人和企业专属空间开展精准推送');
    expect(plan.tasks[33]!.units.raw).toBe('区政府各部门、各街镇');
  });

  it('text closing a part after its last task is reported, not dropped silently', () => {
    // songjiang-2024's body ends with a paragraph after the last units parenthesis (lines 395–403).
    const songjiang = parsePlan(head('seeds/002_99713b5ce46884d1.txt', 403), { file: 'songjiang.txt' });
    const closing = songjiang.messages.filter((m) => m.ruleId === 'body/closing-paragraph');
    expect(closing).toHaveLength(1);
    expect(closing[0]!.place).toEqual({ file: 'songjiang.txt', lineStart: 395, lineEnd: 403 });
    expect(closing[0]!.reason).toContain('text after task 50 (lines 395–403)');
    expect(closing[0]!.reason).toContain('区政府各部门、各街镇要加强对政务公开工作的组织领导');
    expect(songjiang.tasks.at(-1)!.text).not.toContain('组织领导');
    // A numbered item closed by its units parenthesis, then a paragraph before the trailer.
    const text = '一、总体要求\n1.做好政务公开培训工作（责任单位：区政府办公室）。\n2.开展政府开放月活动（责任单位：区司法局）。\n区政府办公室应当加强日常检查。\n抄送：区委各部门\n';
    const plan = parsePlan(text, { file: 'f.txt' });
    expect(plan.tasks.map((t) => t.text)).toEqual(['做好政务公开培训工作。', '开展政府开放月活动。']);
    expect(plan.messages).toEqual([
      {
        reason: 'text after task 2 (line 4) closes its part outside any task and is not read as a task: “区政府办公室应当加强日常检查。”',
        place: { file: 'f.txt', lineStart: 4, lineEnd: 4 },
        ruleId: 'body/closing-paragraph',
        fatal: false,
      },
    ]);
  });

  it('sections: pudong-2022 without its table', () => {
    const plan = parsePlan(head('seeds/001_683116b75f0fac5f.txt', 95));
    expect(plan.layout).toBe('sections');
    // 一 has three （一） sections, 二 five, 三 three, 四 six, 五 two, 六 three.
    expect(plan.tasks).toHaveLength(22);
    expect(plan.tasks[3]!.text.startsWith('切实提升政策解读质量。严格落实政策解读“三同步”工作机制')).toBe(true);
    expect(plan.tasks[3]!.section).toEqual(['深化优化政策解读、回应关切和公众参与']);
    expect(plan.tasks[21]!.source).toMatchObject({ lineStart: 93, lineEnd: 95 });
  });

  it('numbered items restarting under each section are renumbered, with messages', () => {
    const text = [
      '一、总体要求',
      '（一）公开',
      '1.做好政策解读。（区府办）',
      '2.规范网站管理。（区大数据中心）',
      '（二）保障',
      '1.加强培训。（各单位）',
      '2.强化考核（完成时限：11月底前）。',
    ].join('\n');
    const plan = parsePlan(text);
    expect(plan.layout).toBe('numbered-items');
    expect(plan.tasks.map((t) => [t.seq, t.text])).toEqual([
      [1, '做好政策解读。'],
      [2, '规范网站管理。'],
      [3, '加强培训。'],
      [4, '强化考核。'],
    ]);
    expect(plan.tasks[3]!.timeNode).toMatchObject({ raw: '11月底前', kind: 'by-date', end: '11-30' });
    expect(plan.tasks[2]!.section).toEqual(['总体要求', '保障']);
    expect(plan.messages.map((m) => m.ruleId)).toEqual(['numbering/repeated', 'numbering/repeated', 'numbering/renumbered']);
  });

  it('item numbers out of sequence where an item begins are items, with messages; a number inside a sentence is not', () => {
    const items = (numbers: string[]) =>
      parsePlan(['一、重点任务', ...numbers.map((n, k) => `${n}做好第${k + 1}项工作。（区府办）`)].join('\n'));
    const skipped = items(['1.', '2.', '4.', '5.']);
    expect(skipped.tasks.map((t) => [t.seq, t.text, t.source.lineStart])).toEqual([
      [1, '做好第1项工作。', 2],
      [2, '做好第2项工作。', 3],
      [3, '做好第3项工作。', 4],
      [4, '做好第4项工作。', 5],
    ]);
    expect(skipped.messages.map((m) => [m.ruleId, m.place?.lineStart ?? null])).toEqual([
      ['numbering/gap', 4],
      ['numbering/renumbered', null],
    ]);
    expect(items(['1.', '2.', '3.', '3.', '4.']).tasks).toHaveLength(5);
    expect(items(['1.', '2.', '8.', '4.']).tasks.map((t) => t.text)).toHaveLength(4);
    // A wrapped line that begins with a number and goes on mid-sentence stays in its item.
    const wrapped = parsePlan('一、重点任务\n1.做好政策解读工作，在第\n3、4季度开展解读活动。（区府办）\n2.规范网站管理。（区府办）');
    expect(wrapped.tasks.map((t) => t.text)).toEqual(['做好政策解读工作，在第3、4季度开展解读活动。', '规范网站管理。']);
    const afterParenthesis = parsePlan('一、重点任务\n1.做好政策解读工作（2023年版）\n5、6月份开展解读活动。（区府办）\n2.规范网站管理。（区府办）');
    expect(afterParenthesis.tasks.map((t) => t.text)).toEqual(['做好政策解读工作（2023年版）5、6月份开展解读活动。', '规范网站管理。']);
  });

  it('markdown bold and letter-spaced text', () => {
    const text = '**2023 年 某 区 政 务 公 开 工 作 要 点**\n\n**一 、 总 体 要 求**\n\n1 . 做 好 政 策 解 读 工 作 。（ 区 府 办 ）\n';
    const plan = parsePlan(text);
    expect(plan.meta.title).toBe('2023年某区政务公开工作要点');
    expect(plan.headings[0]!.title).toBe('总体要求');
    expect(plan.tasks.map((t) => t.text)).toEqual(['做好政策解读工作。']);
    expect(plan.tasks[0]!.units.lead).toEqual(['区府办']);
  });
});

describe('parsePlan: small tables', () => {
  it('section rows and lead/support unit columns in a tab-separated table', () => {
    const text =
      '序号\t工作任务\t牵头单位\t配合单位\t完成时限\n一、深化政务公开\t\t\t\t\n1\t做好政策解读\t区府办\t各街镇\t全年\n' +
      '2\t规范网站管理\t区大数据中心\t\t6月底前\n二、强化保障\n3\t加强培训\t区府办\t各单位\t10月底前\n';
    const plan = parsePlan(text);
    expect(plan.tasks.map((t) => t.section)).toEqual([['深化政务公开'], ['深化政务公开'], ['强化保障']]);
    expect(plan.tasks[0]!.units).toMatchObject({ lead: ['区府办'], support: ['各街镇'] });
    expect(plan.tasks[1]!.units).toMatchObject({ lead: ['区大数据中心'], support: [] });
    expect(plan.tasks[2]!.timeNode).toMatchObject({ kind: 'by-date', end: '10-31' });
  });

  it('section rows between rows whose cells are on separate lines', () => {
    const text = '序号 任务分解 责任单位 时间节点\n一、深化政务公开\n1\n做好政策解读工作。\n区府办 全年\n二、强化保障\n2\n加强业务培训工作。\n区府办 10月底前\n';
    const plan = parsePlan(text);
    expect(plan.tasks.map((t) => [t.text, t.section, t.source.lineStart, t.source.lineEnd])).toEqual([
      ['做好政策解读工作。', ['深化政务公开'], 3, 5],
      ['加强业务培训工作。', ['强化保障'], 7, 9],
    ]);
  });

  it('row numbers out of order or repeated become messages', () => {
    const text = '序号\t任务内容\t责任单位\t时间节点\n1\t做好政策解读\t区府办\t全年\n3\t规范网站管理\t区大数据中心\t全年\n2\t加强培训\t各单位\t全年\n3\t强化考核\t区府办\t全年\n';
    const plan = parsePlan(text);
    expect(plan.tasks.map((t) => t.seq)).toEqual([1, 2, 3, 4]);
    expect(plan.tasks.map((t) => t.text)).toEqual(['做好政策解读', '规范网站管理', '加强培训', '强化考核']);
    expect(plan.messages.map((m) => [m.ruleId, m.place?.lineStart ?? null])).toEqual([
      ['numbering/gap', 3],
      ['numbering/out-of-order', 4],
      ['numbering/repeated', 5],
      ['numbering/renumbered', null],
    ]);
  });

  it('header cells read by keyword (重点任务, 主要措施, 责任部门, 完成时间)', () => {
    const text = '序号 重点任务 主要措施 责任部门 完成时间\n1\n政策解读\n做好政策解读工作。\n区府办\n全年\n2\n\n加强业务培训工作。\n各单位\n10月底前\n';
    const plan = parsePlan(text);
    expect(plan.tasks.map((t) => [t.name, t.text, t.units.raw, t.timeNode?.raw, t.source.lineStart, t.source.lineEnd])).toEqual([
      ['政策解读', '做好政策解读工作。', '区府办', '全年', 2, 6],
      ['政策解读', '加强业务培训工作。', '各单位', '10月底前', 7, 11],
    ]);
    const tabbed = parsePlan('序号\t工作类别\t具体工作举措\t责任部门（单位）\t时间进度\n1\t政策解读\t做好政策解读工作\t区府办\t全年\n');
    expect(tabbed.tasks.map((t) => [t.name, t.text, t.units.raw])).toEqual([['政策解读', '做好政策解读工作', '区府办']]);
  });

  it('a header repeated at a page top inside a row: the rest of the row after it joins the row', () => {
    const text =
      '序号\t任务名称\t任务内容\t责任单位\t时间节点\n1\t政策解读\t做好政策解读工作。\t区府办\t全年\n' +
      '2\t政策解读\t重要政策文件与解读材料\t区府办\t全年\n— 5 —\n序号\t任务名称\t任务内容\t责任单位\t时间节点\n' +
      '\t\t同步发布。\t\t\n3\t数据开放\t新增开放数据集。\t区大数据中心\t全年\n';
    const plan = parsePlan(text);
    expect(plan.tasks.map((t) => [t.text, t.source.lineStart, t.source.lineEnd])).toEqual([
      ['做好政策解读工作。', 2, 2],
      ['重要政策文件与解读材料同步发布。', 3, 6],
      ['新增开放数据集。', 7, 7],
    ]);
    expect(plan.messages).toEqual([]);
  });

  it('a row with only a number does not take the merged name above as its text', () => {
    const text = '序号\t任务名称\t任务内容\t责任单位\t时间节点\n1\t政策解读\t做好政策解读工作。\t区府办\t全年\n2\t\t\t\t\n';
    expect(() => parsePlan(text, { file: 'x.txt' })).toThrow('x.txt:3: table row 2 has a number but no content');
    // A name printed on the row itself stands in for an empty content cell, with a message.
    const named = parsePlan(text.replace('2\t\t', '2\t数据开放\t'));
    expect(named.tasks[1]!.text).toBe('数据开放');
    expect(named.messages.map((m) => m.ruleId)).toContain('table/missing-cell');
  });

  it('an empty 任务名称 goes with the name printed below when its body section bears that name', () => {
    const body = '一、公开重点\n（一）政策解读。做好政策解读工作。加强解读材料审核。\n（二）数据开放。推进公共数据开放。发布开放数据清单。\n';
    const table =
      '附件\n序号\t任务名称\t任务内容\t责任单位\t时间节点\n1\t政策解读\t做好政策解读工作。\t区府办\t全年\n' +
      '2\t\t加强解读材料审核。\t区府办\t全年\n3\t\t推进公共数据开放。\t区大数据中心\t全年\n' +
      '4\t数据开放\t发布开放数据清单。\t区大数据中心\t全年\n5\t\t完善平台功能。\t区大数据中心\t全年\n';
    const plan = parsePlan(body + table);
    expect(plan.tasks.map((t) => t.name)).toEqual(['政策解读', '政策解读', '数据开放', '数据开放', '数据开放']);
    expect(plan.tasks.map((t) => t.section.at(-1))).toEqual(['政策解读', '政策解读', '数据开放', '数据开放', '数据开放']);
    const inherited = plan.messages.filter((m) => m.ruleId === 'table/inherited-cell');
    expect(inherited.map((m) => [m.place?.lineStart, /row below/.test(m.reason)])).toEqual([
      [7, false],
      [8, true],
      [10, false],
    ]);
  });

  it('a row not found in the body takes the section of its name group, else of the heading it is named after', () => {
    const body = '一、公开重点\n（一）政策解读。做好政策解读工作。\n（二）数据开放。推进公共数据开放。\n（三）平台建设。加强政府网站管理。\n';
    const table =
      '附件\n序号\t任务名称\t任务内容\t责任单位\t时间节点\n1\t政策解读\t做好政策解读工作。\t区府办\t全年\n' +
      '2\t开放数据\t完善相关工作机制。\t区大数据中心\t全年\n3\t\t推进公共数据开放。\t区大数据中心\t全年\n' +
      '4\t平台建设\t落实专人专责。\t区府办\t全年\n5\t考核评估\t开展第三方评估。\t区府办\t全年\n';
    const plan = parsePlan(body + table);
    expect(plan.tasks.map((t) => t.section)).toEqual([
      ['公开重点', '政策解读'],
      ['公开重点', '数据开放'],
      ['公开重点', '数据开放'],
      ['公开重点', '平台建设'],
      ['公开重点', '平台建设'],
    ]);
  });

  it('row numbers that start again at 1 (a second table) are rows, with numbering messages', () => {
    const rows = ['做好政策解读工作。', '加强业务培训工作。'].map((t, k) => `${k + 1}\n${t}\n区府办 全年`).join('\n');
    const text = `序号 任务分解 责任单位 时间节点\n${rows}\n${rows}\n3\n规范网站管理。\n区大数据中心 全年\n`;
    const plan = parsePlan(text);
    expect(plan.tasks.map((t) => [t.seq, t.text, t.source.lineStart])).toEqual([
      [1, '做好政策解读工作。', 2],
      [2, '加强业务培训工作。', 5],
      [3, '做好政策解读工作。', 8],
      [4, '加强业务培训工作。', 11],
      [5, '规范网站管理。', 14],
    ]);
    expect(plan.messages.map((m) => [m.ruleId, m.place?.lineStart ?? null])).toEqual([
      ['numbering/repeated', 8],
      ['numbering/repeated', 11],
      ['numbering/renumbered', null],
    ]);
  });

  it('row numbers of five and six digits', () => {
    const rows = [99_999, 100_000, 100_001].map((n, k) => `${k + 1}\t做好第${n}项工作。\t区府办\t全年`);
    const text = ['序号\t任务内容\t责任单位\t时间节点', ...rows, '100000\t加强培训。\t区府办\t全年'].join('\n');
    const plan = parsePlan(text);
    expect(plan.tasks.map((t) => t.text)).toEqual(['做好第99999项工作。', '做好第100000项工作。', '做好第100001项工作。', '加强培训。']);
    expect(plan.tasks[3]!.source.lineStart).toBe(5);
  });

  it('full-width digits and ideographic spaces', () => {
    const text = '序号　任务内容　责任单位　时间节点\n１\n做好政策解读工作。\n区府办　全年\n２\n加强培训工作。\n各单位　３月底前\n';
    const plan = parsePlan(text);
    expect(plan.tasks.map((t) => [t.seq, t.text, t.units.raw, t.timeNode?.end])).toEqual([
      [1, '做好政策解读工作。', '区府办', '12-31'],
      [2, '加强培训工作。', '各单位', '03-31'],
    ]);
  });
});

describe('parse helpers', () => {
  it('isTimeLike', () => {
    for (const s of ['全年', '3-6 月', '2024 年 1月', '4月、10月', '3月31日前', '一季度', '10月前', '年底前', '持续推进', '8月份'])
      expect(isTimeLike(s), s).toBe(true);
    for (const s of ['区府办', '公开', '前', '8月集中组织开展', '2024', '做好 2023 年国民经济'])
      expect(isTimeLike(s), s).toBe(false);
  });
  it('isUnitsLike', () => {
    for (const s of ['区发改委牵头，各相关单位配合', '区审计局牵头，各相关单位负责公开', '重大行政决策涉及部门', '区委组织部，区政府各部门、各街镇', '牵头单位：区政府办公室，责任单位：相关委办局'])
      expect(isUnitsLike(s), s).toBe(true);
    for (const s of ['高质量发布行政规范性文件正式版本', '区府办将加强日常检查和跟踪督查', '通过“一网通办”个人和企业专属空间开展精准推送', '公开'])
      expect(isUnitsLike(s), s).toBe(false);
  });
  it('splitTimeSuffix', () => {
    expect(splitTimeSuffix('区政府各部门、各街镇 2024 年 1月')).toEqual({ head: '区政府各部门、各街镇', time: '2024 年 1月' });
    expect(splitTimeSuffix('区府办 4月、10月')).toEqual({ head: '区府办', time: '4月、10月' });
    expect(splitTimeSuffix('做好 2023 年国民经济')).toBeNull();
  });
  it('matchHeading', () => {
    expect(matchHeading('二十一、加强培训')).toMatchObject({ level: 1, number: 21, rest: '加强培训' });
    expect(matchHeading('(三) 主动回应社会关切。')).toMatchObject({ level: 2, number: 3, marker: '(三)' });
    expect(matchHeading('12.聚焦区委')).toMatchObject({ level: 3, number: 12 });
    expect(matchHeading('6.0版发布')).toBeNull();
    expect(matchHeading('一网通办')).toBeNull();
  });
  it('readDate', () => {
    expect(readDate('2023年4月12日')).toBe('2023-04-12');
    expect(readDate('二〇二三年四月十二日')).toBe('2023-04-12');
    expect(readDate('2023年13月1日')).toBeNull();
  });
});
