import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractObligations } from '../src/obligations/extract';
import { parseChineseNumeral, parseNumber } from '../src/text/numerals';
import type { Obligation } from '../src/types';

/** The fields the evaluation scores, plus period. */
const core = (o: Obligation) => ({
  kind: o.kind,
  comparator: o.comparator,
  value: o.value,
  valueMax: o.valueMax,
  unit: o.unit,
  period: o.period,
});

describe('numerals', () => {
  it.each([
    ['一', 1],
    ['两', 2],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['一百二十', 120],
    ['两千五', 2500],
    ['两千零五', 2005],
    ['五万', 50000],
    ['4', 4],
    ['４', 4],
    ['１０', 10],
    ['1.5', 1.5],
    ['1000万', 10_000_000],
  ])('%s reads %d', (s, v) => {
    expect(parseNumber(s)).toBe(v);
  });

  it.each(['十四五', '一一', '百', '', '三同步', '一网通办'])('%s is not a numeral', (s) => {
    expect(parseChineseNumeral(s)).toBeNull();
  });
});

describe('extractObligations: the kinds of the issue', () => {
  const cases: [string, Partial<Obligation>][] = [
    ['年内邀请公众代表列席区政府常务会议不少于 4 次', { kind: 'count', comparator: '>=', value: 4, valueMax: null, unit: '次', period: 'year' }],
    ['列席常务会议不少于4次', { kind: 'count', comparator: '>=', value: 4, unit: '次', period: null }],
    ['每家单位至少选择1个项目', { kind: 'count', comparator: '>=', value: 1, unit: '个', period: null }],
    ['每份政策文件应采取至少3种以上解读方式', { kind: 'count', comparator: '>=', value: 3, unit: '种', period: null }],
    ['每月至少开展1—2场政策“公开讲堂”', { kind: 'frequency', comparator: 'range', value: 1, valueMax: 2, unit: '场', period: 'month' }],
    ['每季度突出一个主题', { kind: 'frequency', comparator: '=', value: 1, unit: '个', period: 'quarter' }],
    ['主要负责同志每年至少专题听取 2次工作汇报', { kind: 'frequency', comparator: '>=', value: 2, unit: '次', period: 'year' }],
    ['每月开展至少一次走进社区活动', { kind: 'frequency', comparator: '>=', value: 1, unit: '次', period: 'month' }],
    ['答复期限不超过5个工作日', { kind: 'deadline', comparator: '<=', value: 5, unit: '个工作日', period: null }],
    ['决策出台后的10个工作日内向社会详细公开', { kind: 'deadline', comparator: '<=', value: 10, unit: '个工作日' }],
    ['于本工作要点发布后 30 日内报送', { kind: 'deadline', comparator: '<=', value: 30, unit: '日' }],
    ['数据申请平均受理答复时间达到3个工作日以内', { kind: 'deadline', comparator: '<=', value: 3, unit: '个工作日' }],
    ['简单问题1个工作日内完成答复', { kind: 'deadline', comparator: '<=', value: 1, unit: '个工作日' }],
    ['在十个工作日内答复', { kind: 'deadline', comparator: '<=', value: 10, unit: '个工作日' }],
    ['十五日内办结', { kind: 'deadline', comparator: '<=', value: 15, unit: '日' }],
    ['于３月３１日前向社会公开', { kind: 'date', comparator: '<=', value: 331, unit: 'MM-DD' }],
    ['于3月31日前向社会公开', { kind: 'date', comparator: '<=', value: 331, unit: 'MM-DD' }],
    ['于10月底前全面完成', { kind: 'date', comparator: '<=', value: 1031, unit: 'MM-DD' }],
    ['于十月底前全面完成', { kind: 'date', comparator: '<=', value: 1031, unit: 'MM-DD' }],
    ['于年底前全面完成本区居（村）务公开标准目录体系建设', { kind: 'date', comparator: '<=', value: 1231, unit: 'MM-DD' }],
    ['于2月底前报送', { kind: 'date', comparator: '<=', value: 228, unit: 'MM-DD' }],
    ['于6月中旬前完成', { kind: 'date', comparator: '<=', value: 620, unit: 'MM-DD' }],
    ['于10月前完成', { kind: 'month', comparator: '<=', value: 10, unit: '月' }],
    ['在3—6月集中开展', { kind: 'month', comparator: 'range', value: 3, valueMax: 6, unit: '月' }],
    ['答复时间不超过24小时', { kind: 'deadline', comparator: '<=', value: 24, unit: '小时' }],
    ['3个月内完成整改', { kind: 'deadline', comparator: '<=', value: 3, unit: '个月' }],
    ['发布解读信息50篇以上', { kind: 'count', comparator: '>=', value: 50, unit: '篇' }],
    ['满意度达到90%以上', { kind: 'percentage', comparator: '>=', value: 90, unit: '%' }],
    ['每半年至少通报1次', { kind: 'frequency', comparator: '>=', value: 1, unit: '次', period: 'half' }],
    ['在 8月集中组织开展', { kind: 'month', comparator: '=', value: 8, unit: '月', period: null }],
    ['每年8月集中组织开展', { kind: 'month', comparator: '=', value: 8, unit: '月', period: 'year' }],
    ['分值权重不低于4%的指标要求', { kind: 'percentage', comparator: '>=', value: 4, unit: '%' }],
    ['确保办事事项100%上线', { kind: 'percentage', comparator: '=', value: 100, unit: '%' }],
    ['预算金额1000万元以上的项目', { kind: 'amount', comparator: '>=', value: 1000, unit: '万元' }],
    ['预算金额1亿元以上的项目', { kind: 'amount', comparator: '>=', value: 10000, unit: '万元' }],
    ['区政府年内选择1个政策文件开展草案解读', { kind: 'count', comparator: '=', value: 1, unit: '个', period: 'year' }],
    ['每年至少开展两次培训', { kind: 'frequency', comparator: '>=', value: 2, unit: '次', period: 'year' }],
    ['每年开展不少于两次', { kind: 'frequency', comparator: '>=', value: 2, unit: '次', period: 'year', subject: '开展' }],
    ['各街镇每季度至少举办1—2场', { kind: 'frequency', comparator: 'range', value: 1, valueMax: 2, period: 'quarter', subject: '举办' }],
    ['全年开展活动不少于10场次', { kind: 'count', comparator: '>=', value: 10, unit: '场次', period: 'year', subject: '开展活动' }],
    ['公开率达到１００％', { kind: 'percentage', comparator: '=', value: 100, unit: '%' }],
    ['于2023年6月30日前完成', { kind: 'date', comparator: '<=', value: 630, unit: 'MM-DD' }],
  ];
  it.each(cases)('%s', (text, expected) => {
    const found = extractObligations(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject(expected);
  });

  it('finds both obligations of a two-clause task, with their subjects', () => {
    const found = extractObligations(
      '区政府年内邀请公众代表列席区政府常务会议不少于 4 次，各单位年内邀请公众代表列席本单位决策会议不少于1次。',
    );
    expect(found.map(core)).toEqual([
      { kind: 'count', comparator: '>=', value: 4, valueMax: null, unit: '次', period: 'year' },
      { kind: 'count', comparator: '>=', value: 1, valueMax: null, unit: '次', period: 'year' },
    ]);
    expect(found[0]?.subject).toContain('列席区政府常务会议');
    expect(found[1]?.subject).toContain('列席本单位决策会议');
  });

  it('quotes the span it read', () => {
    const text = '主要负责同志每年至少专题听取 2次工作汇报。';
    const [o] = extractObligations(text);
    expect(o?.quote).toBe('每年至少专题听取 2次');
    expect(o?.span).toEqual({ start: 6, end: 17 });
    expect(o?.subject).toBe('专题听取工作汇报');
  });

  it('keeps a target the plan reports on apart as kind reported', () => {
    const found = extractObligations(
      '按季度公开本区推进“全市创建50个停车治理先行项目、新增6000个公共泊位、推进100个道路拥堵点改善工作”的进展情况。',
    );
    expect(found.map((o) => [o.kind, o.value])).toEqual([
      ['reported', 50],
      ['reported', 6000],
      ['reported', 100],
    ]);
  });

  it('accepts a Task as well as a string', () => {
    const task = {
      seq: 1,
      text: '各单位每年至少开展1次政务公开专题培训。',
      name: null,
      section: [],
      units: { lead: [], support: [], raw: '' },
      timeNode: null,
      source: { file: 'x', lineStart: 1, lineEnd: 1 },
    };
    expect(extractObligations(task).map(core)).toEqual([
      { kind: 'frequency', comparator: '>=', value: 1, valueMax: null, unit: '次', period: 'year' },
    ]);
  });
});

describe('extractObligations: never an obligation', () => {
  it.each([
    '做好第五次经济普查机构设置和实施方案等内容公开',
    '暨第十九届上海苏州河城市龙舟国际邀请赛',
    '做好本区营商环境方案6.0版及细化改革举措的发布和解读',
    '实施“十四五”规划',
    '坚持“三同步”要求',
    '落实“三审三校”制度',
    '集中公开“两旧一村”改造相关信息',
    '持续提高 12345 市民服务热线服务水平',
    '持续提高“12345”市民服务热线接通率',
    '加大“一带一心一城”重点地区规划',
    '动态优化“3+5+X”产业政策体系',
    '及时公开本区落实“三大任务”“五个中心”等国家重大战略',
    '做好“15分钟社区生活圈”建设情况公开',
    '继续依托“一网通办”个人主页开展推送',
    '加大 2023 年-2026 年区级就业促进政策的解读',
    '按照《关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发〔2019〕54号）',
    '上海国际 10公里精英赛等重大活动',
    '结合“千人（企）千面”建设',
    '对照国家基层政务公开标准化规范化 26个试点领域',
    '加强“2023嘉定购物节”、第三届上海杯象棋大师公开赛等活动赛事宣传推广',
    '编制本单位2023年度重大行政决策事项目录',
    '第一时间向社会公开',
    '进一步加大公开力度，高效办成一件事，举一反三',
    '及时发布远香文化源“新三件套”开发建设进展信息',
    '年内形成二次解读材料',
    '年内推出一批典型案例',
    '年内完成一户一档建设',
    '年内高效办成一件事',
    '次年年底前完成',
    '每月15日前报送',
  ])('%s', (text) => {
    expect(extractObligations(text)).toEqual([]);
  });
});

describe('extractObligations: properties', () => {
  it('never throws, and every span quotes the text exactly', () => {
    const pieces = fc.constantFrom(
      '不少于', '至少', '以上', '以内', '内', '前', '每年', '年内', '每月', '月', '日', '底', '个工作日', '次', '个',
      '%', '万元', '一', '两', '十', '五', '1', '12', '３', '—', '-', '“', '”', '第', ' ', '，', '。', '公开', '情况', '的',
    );
    const texts = fc.oneof(fc.string(), fc.array(pieces, { maxLength: 30 }).map((a) => a.join('')));
    fc.assert(
      fc.property(texts, (text) => {
        const found = extractObligations(text);
        for (const o of found) {
          expect(text.slice(o.span.start, o.span.end)).toBe(o.quote);
          expect(Number.isFinite(o.value)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('stays linear on long unpunctuated input and deeply nested quotes', () => {
    const long = '年内邀请公众代表“列席”区政府常务会议不少于 4 次各单位每年至少开展1次培训3月31日前'.repeat(3000);
    const nested = '“'.repeat(20000) + '1个' + '”'.repeat(20000);
    const t0 = Date.now();
    expect(extractObligations(long)).toHaveLength(9000);
    expect(extractObligations(nested)).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(15_000);
  });

  it('returns nothing for empty or odd input', () => {
    expect(extractObligations('')).toEqual([]);
    expect(extractObligations(undefined as unknown as string)).toEqual([]);
  });
});

describe('extractObligations: fixtures', () => {
  const root = join(__dirname, 'fixtures', 'obligations');
  for (const name of readdirSync(root)) {
    it(name, () => {
      const text = readFileSync(join(root, name, 'input.txt'), 'utf8');
      const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as unknown[];
      expect(extractObligations(text.trim()).map(core)).toEqual(expected);
    });
  }
});
