/**
 * Properties of parsePlan: it never fails with anything but PlanParseError, its tasks are numbered
 * 1…N with sources inside the input, permuting the rows of a table permutes its tasks, and it stays
 * linear on large and pathological inputs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePlan } from '../src/parse/plan';
import { PlanParseError } from '../src/errors';
import type { Plan } from '../src/types';

const PIECES = [
  '\n', '\n', '\n', '\t', ' ', '\r\n', '　',
  '序号', '任务名称', '任务内容', '任务分解', '责任单位', '时间节点', '一级指标', '二级指标',
  '1', '2', '3', '10', '118', '8 月', '2024 年 1月',
  '一、', '二、', '（一）', '(二)', '（十一）', '1.', '2.', '3、', '（1）',
  '区发改委', '牵头', '配合', '负责', '，', '、', '。', '；', '（', '）', '(', ')', '〔', '〕',
  '全年', '3月底前', '上半年', '三季度', '10月前',
  '区政府各部门、各街镇', '各街镇', '区府办', '做好政策解读工作', '持续推进政务公开标准化建设',
  '（责任单位：区政府办公室）', '（牵头单位：区政务服务中心，责任单位：相关委办局）',
  '— 3 —', '- 5 -', '附件', '抄送：区委各部门', '**', '2023年普陀区政务公开工作要点', '任务分解表',
  '普府办〔2023〕14号', '2023年4月12日', '上海市普陀区人民政府办公室', '2023 年 4月 12日印发', '續表', '區',
];

const planLike = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((parts) => parts.join(''));

function checkPlan(plan: Plan, text: string): void {
  const lineCount = text.split(/\r\n|\r|\n/).length;
  expect(plan.tasks.length).toBeGreaterThan(0);
  plan.tasks.forEach((t, k) => {
    expect(t.seq).toBe(k + 1);
    expect(t.text.trim()).not.toBe('');
    expect(t.source.lineStart).toBeGreaterThanOrEqual(1);
    expect(t.source.lineEnd).toBeGreaterThanOrEqual(t.source.lineStart);
    expect(t.source.lineEnd).toBeLessThanOrEqual(lineCount);
  });
  expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
}

function parseOrError(text: string): Plan | PlanParseError {
  try {
    return parsePlan(text, { file: 'fuzz.txt' });
  } catch (e) {
    if (e instanceof PlanParseError) return e;
    throw e;
  }
}

describe('parsePlan: any string', () => {
  it('parses plan-like fragments or throws PlanParseError', () => {
    fc.assert(
      fc.property(planLike, (text) => {
        const r = parseOrError(text);
        if (!(r instanceof PlanParseError)) checkPlan(r, text);
      }),
      { numRuns: 400 },
    );
  });
  it('parses arbitrary strings or throws PlanParseError', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const r = parseOrError(text);
        if (!(r instanceof PlanParseError)) checkPlan(r, text);
      }),
      { numRuns: 300 },
    );
  });
  it('is deterministic', () => {
    const text = readFileSync('seeds/002_99713b5ce46884d1.txt', 'utf8');
    expect(parsePlan(text)).toEqual(parsePlan(text));
  });
});

const TAB_ROWS = [
  ['做好政策解读材料的发布', '同步发布解读材料，做到应解读、尽解读', '区政府各部门、各街镇', '全年'],
  ['规范政府网站管理', '加强政府网站内容管理，确保信息发布准确', '区大数据中心', '6月底前'],
  ['推进重大行政决策公开', '于3月31日前公开年度重大行政决策事项目录', '区政府办公室牵头，各部门配合', '3月底前'],
  ['开展政府开放活动', '在8月集中组织开展线下开放活动', '区政府办公室', '8月'],
  ['加强业务培训', '每年至少开展1次政务公开专题培训', '各单位', '四季度'],
  ['完善依申请办理', '规范依申请公开答复，强化与申请人沟通', '区司法局牵头，相关单位配合', '上半年'],
];

const LINE_ROWS = [
  ['及时公开本区碳达峰碳中和总体政策和试点', '示范建设情况。', '区发改委牵头，各相关单位配合', '全年'],
  ['继续做好住房保障政策发布，及时公开廉租', '住房等相关信息。', '区房管局', '上半年'],
  ['加大新能源车、绿色智能家电等促进绿色消', '费的政策宣传力度。', '区商务委、区生态环境局、区', '建管委', '3-6 月'],
  ['推进被审计单位依法向社会公开审计查出问', '题的整改结果。', '区审计局牵头，各相关单位负责', '公开', '全年'],
  ['定期做好政务公开专区巡检工作。', '区府办、区政务服务中心 10月前'],
];

function tabTable(order: number[]): string {
  const head = '附件\n2023年某区政务公开工作要点任务分解表\n序号\t任务名称\t任务内容\t责任单位\t时间节点\n';
  return head + order.map((k) => `${k + 1}\t${TAB_ROWS[k]!.join('\t')}`).join('\n') + '\n';
}

function lineTable(order: number[]): string {
  const head = '附件\n序号 任务分解 责任单位 时间节点\n\n';
  return head + order.map((k) => [`${k + 1}`, '', ...LINE_ROWS[k]!].join('\n')).join('\n\n') + '\n';
}

const view = (plan: Plan) =>
  plan.tasks.map((t) => ({ text: t.text, name: t.name, units: t.units, time: t.timeNode?.raw ?? null }));

describe('parsePlan: permuting the rows of a table permutes its tasks', () => {
  for (const [label, build, size] of [
    ['tab-separated', tabTable, TAB_ROWS.length],
    ['cells on separate lines', lineTable, LINE_ROWS.length],
  ] as const) {
    it(label, () => {
      const identity = Array.from({ length: size }, (_, k) => k);
      const base = view(parsePlan(build(identity)));
      expect(base).toHaveLength(size);
      fc.assert(
        fc.property(fc.shuffledSubarray(identity, { minLength: size, maxLength: size }), (order) => {
          const plan = parsePlan(build(order));
          expect(view(plan)).toEqual(order.map((k) => base[k]));
          expect(plan.tasks.map((t) => t.seq)).toEqual(identity.map((k) => k + 1));
        }),
        { numRuns: 60 },
      );
    });
  }
  it('reads the cells of the line fixture', () => {
    const plan = parsePlan(lineTable([0, 1, 2, 3, 4]));
    expect(plan.tasks.map((t) => t.text)).toEqual([
      '及时公开本区碳达峰碳中和总体政策和试点示范建设情况。',
      '继续做好住房保障政策发布，及时公开廉租住房等相关信息。',
      '加大新能源车、绿色智能家电等促进绿色消费的政策宣传力度。',
      '推进被审计单位依法向社会公开审计查出问题的整改结果。',
      '定期做好政务公开专区巡检工作。',
    ]);
    expect(plan.tasks.map((t) => t.units.raw)).toEqual([
      '区发改委牵头，各相关单位配合',
      '区房管局',
      '区商务委、区生态环境局、区建管委',
      '区审计局牵头，各相关单位负责公开',
      '区府办、区政务服务中心',
    ]);
    expect(plan.tasks.map((t) => t.timeNode?.kind)).toEqual(['year', 'half', 'months', 'year', 'by-date']);
  });
});

describe('parsePlan: linear time', () => {
  const putuo = readFileSync('seeds/000_921286529f1403d5.txt', 'utf8');
  it('parses a 118-row plan quickly', () => {
    parsePlan(putuo);
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) parsePlan(putuo);
    expect((performance.now() - t0) / 5).toBeLessThan(250);
  });
  it('stays linear on large and pathological inputs', () => {
    const cases = [
      // 40 copies of a plan (~2 MB)
      Array(40).fill(putuo).join('\n'),
      // one table row followed by 100k short lines (name-level and units candidates)
      '序号 一级指标 二级指标 三级指标 责任单位 时间节点\n1\n' + '围绕推进\n'.repeat(100_000) + '做好某事。\n区府办 全年\n',
      // one 2 MB line with spaces and brackets
      '序号 任务分解 责任单位 时间节点\n1\n' + '做好 某事（区府办 '.repeat(200_000) + '\n区府办 全年\n',
      // 200k numbered body items
      '一、总体要求\n' + Array.from({ length: 50_000 }, (_, k) => `${(k % 999) + 1}.做好第${k}项工作（区府办）。`).join('\n'),
    ];
    for (const text of cases) {
      const t0 = performance.now();
      try {
        parsePlan(text);
      } catch (e) {
        expect(e).toBeInstanceOf(PlanParseError);
      }
      expect(performance.now() - t0).toBeLessThan(15_000);
    }
  });
});
