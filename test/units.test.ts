import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUnits } from '../src/parse/units';

const units = (raw: string): [string[], string[]] => {
  const u = parseUnits(raw);
  return [u.lead, u.support];
};

describe('parseUnits', () => {
  it('reads 牵头 and 配合 clauses', () => {
    expect(units('区发改委牵头，各相关单位配合')).toEqual([['区发改委'], ['各相关单位']]);
    expect(units('区规划资源局、区推进办牵头，苏河水岸办、真如副中心管委办、桃浦智创城管委办配合')).toEqual([
      ['区规划资源局', '区推进办'],
      ['苏河水岸办', '真如副中心管委办', '桃浦智创城管委办'],
    ]);
    expect(units('区企业服务中心牵头，相关部门、大数据中心配合')).toEqual([['区企业服务中心'], ['相关部门', '大数据中心']]);
  });

  it('reads labelled fields: 牵头单位 leads, 责任单位 supports when a lead is named', () => {
    expect(units('（牵头单位：区政府办公室、区政务服务中心，责任单位：相关委办局）')).toEqual([
      ['区政府办公室', '区政务服务中心'],
      ['相关委办局'],
    ]);
    expect(units('（责任单位：区政府各部门，各街镇〔园区〕）')).toEqual([['区政府各部门', '各街镇〔园区〕'], []]);
    expect(units('牵头单位：区民政局；配合单位：各街镇')).toEqual([['区民政局'], ['各街镇']]);
    expect(units('主办单位:区司法局 协办单位:区法院')).toEqual([['区司法局'], ['区法院']]);
  });

  it('lists without a role word lead', () => {
    expect(units('区政府各部门、各街镇')).toEqual([['区政府各部门', '各街镇'], []]);
    expect(units('区教育局、区卫生健康委、区生态环境局、区建管委')).toEqual([
      ['区教育局', '区卫生健康委', '区生态环境局', '区建管委'],
      [],
    ]);
    expect(units('区政府办公室，区政务服务中心')).toEqual([['区政府办公室', '区政务服务中心'], []]);
  });

  it('落实 and 负责 support when another unit leads, and lead otherwise', () => {
    expect(units('区市场监管局牵头，区政府各部门落实')).toEqual([['区市场监管局'], ['区政府各部门']]);
    expect(units('区审计局牵头，各相关单位负责公开')).toEqual([['区审计局'], ['各相关单位']]);
    expect(units('区政务公开办牵头，决策承办单位落实')).toEqual([['区政务公开办'], ['决策承办单位']]);
    expect(units('各单位落实，区大数据中心配合')).toEqual([['各单位'], ['区大数据中心']]);
  });

  it('reads several role lists in one clause', () => {
    expect(units('区政府办公室牵头、各部门配合')).toEqual([['区政府办公室'], ['各部门']]);
    expect(units('区发改委牵头负责，区财政局配合')).toEqual([['区发改委'], ['区财政局']]);
    expect(units('配合区民政局')).toEqual([[], ['区民政局']]);
  });

  it('handles 会同, 分别 and 各自', () => {
    expect(units('区政府办公室会同区大数据中心负责')).toEqual([['区政府办公室'], ['区大数据中心']]);
    expect(units('区发改委、区财政局分别牵头')).toEqual([['区发改委', '区财政局'], []]);
    expect(units('各街镇各自负责')).toEqual([['各街镇'], []]);
  });

  it('joins names wrapped by PDF extraction and splits names separated by spaces', () => {
    expect(units('区生 态环境局')).toEqual([['区生态环境局'], []]);
    expect(units('区新闻办、大数 据中心牵头,相关单 位落实')).toEqual([['区新闻办', '大数据中心'], ['相关单位']]);
    expect(units('区绿化市容局、区房管局、区建\n\n管委')).toEqual([['区绿化市容局', '区房管局', '区建管委'], []]);
    expect(units('区民政局 区卫健委')).toEqual([['区民政局', '区卫健委'], []]);
    expect(parseUnits('区民政局 区卫健委').raw).toBe('区民政局 区卫健委');
  });

  it('splits at 和/及 only between whole names', () => {
    expect(units('区政务公开办牵 头,企业服务中心 和政策起草单位 配合')).toEqual([
      ['区政务公开办'],
      ['企业服务中心', '政策起草单位'],
    ]);
    expect(units('区人力资源和社会保障局')).toEqual([['区人力资源和社会保障局'], []]);
    expect(units('区住房和城乡建设管理委、区规划和自然资源局')).toEqual([['区住房和城乡建设管理委', '区规划和自然资源局'], []]);
  });

  it('drops 等/等部门 endings and keeps 各委、办、局 together', () => {
    expect(units('区科经委牵头,区发改委、商务委、人社局、知识产权局等部门配合')).toEqual([
      ['区科经委'],
      ['区发改委', '商务委', '人社局', '知识产权局'],
    ]);
    expect(units('区教育局、市场监管局等部门')).toEqual([['区教育局', '市场监管局'], []]);
    expect(units('区政府各委、办、局')).toEqual([['区政府各委、办、局'], []]);
  });

  it('keeps brackets that belong to a name', () => {
    expect(units('（责任单位：区政府各部门、各街镇（园区））')).toEqual([['区政府各部门', '各街镇（园区）'], []]);
    expect(units('区政府办公室（区政务公开办）牵头，各街镇配合')).toEqual([['区政府办公室（区政务公开办）'], ['各街镇']]);
  });

  it('reads a bare label or a "none" word as no unit', () => {
    expect(parseUnits('责任单位')).toEqual({ lead: [], support: [], raw: '责任单位' });
    expect(parseUnits('无')).toEqual({ lead: [], support: [], raw: '无' });
  });

  it('separates with / and ；', () => {
    expect(units('区委宣传部/区政府办公室；区融媒体中心')).toEqual([['区委宣传部', '区政府办公室', '区融媒体中心'], []]);
  });

  it('keeps the printed text, squeezed, as raw, and gives empty lists for empty text', () => {
    expect(parseUnits('区新闻办、大数 据中心牵头,相关单 位落实').raw).toBe('区新闻办、大数据中心牵头,相关单位落实');
    expect(parseUnits('   ')).toEqual({ lead: [], support: [], raw: '' });
    expect(parseUnits('')).toEqual({ lead: [], support: [], raw: '' });
  });

  it('reads every inline 责任单位 of the Baoshan seed without empty or verb-carrying names', () => {
    const file = readdirSync('seeds').find((f) => f.startsWith('003'))!;
    const text = readFileSync(`seeds/${file}`, 'utf8');
    const cells = [...text.matchAll(/（((?:牵头|责任)单位：[^（）]*(?:〔[^〕]*〕[^（）]*)*)）/g)].map((m) => m[1]!);
    expect(cells.length).toBeGreaterThanOrEqual(30);
    for (const cell of cells) {
      const u = parseUnits(cell);
      expect(u.lead.length).toBeGreaterThan(0);
      for (const name of [...u.lead, ...u.support]) {
        expect(name).not.toMatch(/^$|[，,、：:；]|牵头|配合|单位：/);
      }
    }
  });

  it('never throws and never returns an empty name (property)', () => {
    const pieces = fc.constantFrom('区发改委', '牵头', '配合', '，', '、', ' ', '（', '）', '牵头单位：', '会同', '和', '等', '落实', '：');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 20 }), (parts) => {
        const u = parseUnits(parts.join(''));
        for (const name of [...u.lead, ...u.support]) expect(name.trim()).not.toBe('');
        for (const name of u.support) expect(u.lead).not.toContain(name);
      }),
      { numRuns: 1000 },
    );
  });
});
