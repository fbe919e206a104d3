/**
 * parsePlan on the five seed plans. Expected values are read from the seed files themselves (line
 * numbers as an editor counts them), not from the parser's output.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { parsePlan } from '../src/parse/plan';
import { PlanParseError } from '../src/errors';
import type { Plan, Task } from '../src/types';

const SEEDS = {
  putuo: 'seeds/000_921286529f1403d5.txt',
  pudong: 'seeds/001_683116b75f0fac5f.txt',
  songjiang: 'seeds/002_99713b5ce46884d1.txt',
  baoshan: 'seeds/003_d488483787f5af7e.txt',
  jiading: 'seeds/004_779adca716a16d2b.txt',
} as const;

const cache = new Map<string, Plan>();
function seed(name: keyof typeof SEEDS): Plan {
  let plan = cache.get(name);
  if (!plan) {
    plan = parsePlan(readFileSync(SEEDS[name], 'utf8'), { file: SEEDS[name] });
    cache.set(name, plan);
  }
  return plan;
}

function task(name: keyof typeof SEEDS, seq: number): Task {
  const t = seed(name).tasks[seq - 1];
  if (!t) throw new Error(`no task ${seq} in ${name}`);
  expect(t.seq).toBe(seq);
  return t;
}

function lines(t: Task): [number, number] {
  return [t.source.lineStart, t.source.lineEnd];
}

describe('parsePlan: task counts of the seeds', () => {
  it.each([
    ['putuo', 118, 'table'],
    ['pudong', 78, 'table'],
    ['songjiang', 51, 'table'],
    ['baoshan', 32, 'numbered-items'],
    ['jiading', 91, 'table'],
  ] as const)('%s has %i tasks numbered 1…N (%s layout), none empty', (name, count, layout) => {
    const plan = seed(name);
    expect(plan.layout).toBe(layout);
    expect(plan.tasks).toHaveLength(count);
    expect(plan.tasks.map((t) => t.seq)).toEqual(Array.from({ length: count }, (_, k) => k + 1));
    for (const t of plan.tasks) {
      expect(t.text.length).toBeGreaterThan(4);
      expect(t.text).not.toMatch(/\*\*|—\s*\d+\s*—|\t/);
      expect(t.source.file).toBe(SEEDS[name]);
      expect(t.source.lineEnd).toBeGreaterThanOrEqual(t.source.lineStart);
    }
  });
});

describe('parsePlan: metadata', () => {
  it('reads the letterhead and notice of putuo-2023', () => {
    const { meta } = seed('putuo');
    expect(meta).toEqual({
      id: '000_921286529f1403d5',
      district: '普陀区',
      year: 2023,
      title: '2023年上海市普陀区政务公开工作要点',
      issuer: '上海市普陀区人民政府办公室',
      docNumber: '普府办〔2023〕14号',
      issueDate: '2023-04-12',
    });
  });
  it('reads pudong-2022, songjiang-2024 and baoshan-2024', () => {
    expect(seed('pudong').meta).toMatchObject({
      district: '浦东新区',
      year: 2022,
      title: '2022年浦东新区政务公开工作要点',
      issuer: '上海市浦东新区人民政府办公室',
      docNumber: '浦府办〔2022〕4号',
      issueDate: '2022-03-18',
    });
    expect(seed('songjiang').meta).toMatchObject({
      district: '松江区',
      year: 2024,
      title: '2024年松江区政务公开工作要点',
      issuer: '上海市松江区人民政府办公室',
      docNumber: '沪松府办〔2024〕12号',
      issueDate: '2024-05-10',
    });
    expect(seed('baoshan').meta).toMatchObject({
      district: '宝山区',
      year: 2024,
      issuer: '上海市宝山区人民政府办公室',
      docNumber: '宝府办〔2024〕14号',
      issueDate: '2024-04-28',
    });
  });
  it('leaves what jiading-2023 (a table alone) does not print as null', () => {
    expect(seed('jiading').meta).toMatchObject({
      district: '嘉定区',
      year: 2023,
      title: '2023年上海市嘉定区政务公开工作要点',
      issuer: null,
      docNumber: null,
      issueDate: null,
    });
  });
  it('takes the id from options, else from the file name', () => {
    const text = readFileSync(SEEDS.baoshan, 'utf8');
    expect(parsePlan(text, { file: 'x/baoshan-2024.txt', id: 'baoshan-2024' }).meta.id).toBe('baoshan-2024');
    expect(parsePlan(text, { file: 'x/y/baoshan-2024.txt' }).meta.id).toBe('baoshan-2024');
  });
});

describe('parsePlan: headings', () => {
  it('builds the heading tree of putuo-2023 with wrapped titles joined', () => {
    const { headings } = seed('putuo');
    expect(headings.map((h) => h.marker)).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、']);
    expect(headings[0]!.title).toBe('总体要求');
    expect(headings[0]!.children.map((c) => c.title)).toEqual(['指导思想', '工作目标']);
    // （三） wraps onto the next line before its 。
    expect(headings[1]!.children[0]!.title).toBe('国家重大战略任务落实和城市空间格局优化提升信息公开');
    expect(headings[1]!.children[0]!.source.lineStart).toBe(67);
    expect(headings.reduce((n, h) => n + h.children.length, 0)).toBe(32);
  });
  it('reads half-width bracket markers and numbered items of baoshan-2024', () => {
    const { headings } = seed('baoshan');
    expect(headings).toHaveLength(5);
    const third = headings[2]!;
    expect(third.children[0]!.marker).toBe('(一)');
    expect(third.children[0]!.title).toBe('加强政策制定“全过程”公众参与');
    const first = headings[0]!.children[0]!;
    expect(first.children.map((c) => c.number)).toEqual([1, 2, 3]);
    expect(first.children[0]!.title).toBe('创建“公开讲堂”直播课');
  });
});

describe('parsePlan: putuo-2023 (cells on separate lines, wrapped units, repeated headers, footers)', () => {
  it('row 1', () => {
    const t = task('putuo', 1);
    expect(t.text).toBe('及时公开本区落实“三大任务”“五个中心”等国家重大战略相关政策制度、工作方案、典型案例、创新成果。');
    expect(t.name).toBeNull();
    expect(t.units.lead).toEqual(['区发改委']);
    expect(t.units.support).toEqual(['各相关单位']);
    expect(t.timeNode?.kind).toBe('year');
    expect(t.timeNode?.end).toBe('12-31');
    expect(lines(t)).toEqual([559, 567]);
    expect(t.section).toEqual(['围绕推动高质量发展强化信息公开', '国家重大战略任务落实和城市空间格局优化提升信息公开']);
  });
  it('row 2: units wrapped over three lines', () => {
    const t = task('putuo', 2);
    expect(t.text).toBe('加大“一带一心一城”重点地区规划和重大项目推进建设信息公开力度。');
    expect(t.units.lead).toEqual(['区规划资源局', '区推进办']);
    expect(t.units.support).toEqual(['苏河水岸办', '真如副中心管委办', '桃浦智创城管委办']);
    expect(lines(t)).toEqual([569, 580]);
  });
  it('row 25: a time node of two lines', () => {
    const t = task('putuo', 25);
    expect(t.units.lead).toEqual(['区商务委', '区文旅局']);
    expect(t.timeNode?.kind).toBe('months');
    expect(t.timeNode?.months).toEqual([3, 4, 5, 6, 9, 10]);
    expect(lines(t)).toEqual([786, 794]);
  });
  it('row 36: `公开` on its own line belongs to the units, not the content', () => {
    const t = task('putuo', 36);
    expect(t.text).toBe('推进被审计单位依法向社会公开审计查出问题的整改结果，自觉接受社会监督。');
    expect(t.units.raw).toBe('区审计局牵头，各相关单位负责公开');
    expect(t.units.lead).toEqual(['区审计局']);
    expect(t.timeNode?.raw).toBe('全年');
    expect(lines(t)).toEqual([905, 913]);
  });
  it('row 54 after a page footer and a repeated header', () => {
    const t = task('putuo', 54);
    expect(t.text.startsWith('探索在草案公开征集意见阶段')).toBe(true);
    expect(t.units.lead).toEqual(['重大行政决策涉及部门']);
    expect(t.timeNode?.kind).toBe('by-date');
    expect(lines(t)).toEqual([1145, 1153]);
    expect(task('putuo', 53).source.lineEnd).toBe(1137);
  });
  it('row 110 and row 118: time node on the units line', () => {
    expect(task('putuo', 110).timeNode?.months).toEqual([4, 10]);
    const t = task('putuo', 118);
    expect(t.text).toBe('本工作要点的落实情况纳入各单位政府信息公开工作年度报告予以公开。');
    expect(t.timeNode?.year).toBe(2024);
    expect(t.units.lead).toEqual(['区政府各部门', '各街镇']);
    expect(lines(t)).toEqual([1839, 1843]);
  });
  it('row 117: content that begins with a unit name stays content', () => {
    const t = task('putuo', 117);
    expect(t.text.startsWith('区府办将加强日常检查和跟踪督查')).toBe(true);
    expect(t.text.endsWith('并按季度通报。')).toBe(true);
    expect(t.units.raw).toBe('区府办');
  });
});

describe('parsePlan: pudong-2022 (tab-separated, merged cells, continuation lines, second header)', () => {
  it('row 1', () => {
    const t = task('pudong', 1);
    expect(t.name).toBe('强化非密政府公文全量备案');
    expect(t.text).toBe('除已确定为国家秘密的，其他所有政府公文均应通过区政务公开工作平台进行全量备案；备案要素应完整准确、格式规范');
    expect(t.units.lead).toEqual(['各单位']);
    expect(lines(t)).toEqual([104, 104]);
    expect(t.section).toEqual(['深化优化政务公开基础工作', '强化政府公文全量备案和集中规范公开']);
  });
  it('row 4: an empty 任务名称 inherits the row above', () => {
    expect(task('pudong', 4).name).toBe('加强历史公文转化公开（仅限于未移交国家档案馆的公文）');
  });
  it('row 35 after the second header row: name and units from row 34', () => {
    const t = task('pudong', 35);
    expect(t.text).toBe('鼓励通过公开报名遴选的方式，确定列席代表。');
    expect(t.name).toBe('推进决策审议过程公众参与');
    expect(t.units.raw).toBe(task('pudong', 34).units.raw);
    expect(t.units.lead).toEqual(['区政务公开办']);
    expect(lines(t)).toEqual([143, 143]);
    expect(seed('pudong').messages.some((m) => m.ruleId === 'table/inherited-cell' && m.place?.lineStart === 143)).toBe(true);
  });
  it('row 51: a continuation line with empty cells joins the content', () => {
    const t = task('pudong', 51);
    expect(t.text).toBe(
      '强化停车信息公开，优化停车场（库）点位、泊位信息查询功能。按季度公开本区推进“全市创建50个停车治理先行项目、新增6000个公共泊位、推进100个道路拥堵点改善工作”的进展情况',
    );
    expect(t.units.lead).toEqual(['区建交委']);
    expect(lines(t)).toEqual([160, 162]);
  });
  it('row 76: a continuation line splitting a word', () => {
    const t = task('pudong', 76);
    expect(t.text.startsWith('区政务公开办要加强对各单位工作的日常指导')).toBe(true);
    expect(t.text).toContain('落实情况。依据《条例》《规定》完善问责机制');
    expect(t.text.endsWith('依法向有权机关提出')).toBe(true);
    expect(lines(t)).toEqual([189, 191]);
  });
  it('rows 53 and 56: a 任务名称 cell centred in its merged span names the rows printed above it', () => {
    // Body: （四）推进教育卫生等领域信息公开。继续做好常态化疫情防控… / （五）优化涉企服务信息供给。提高涉企决策的靶向性…
    expect(task('pudong', 52).name).toBe('推进道路交管领域信息公开');
    expect(task('pudong', 53).name).toBe('推进教育卫生等领域信息公开');
    expect(task('pudong', 55).name).toBe('推进教育卫生等领域信息公开');
    expect(task('pudong', 56).name).toBe('优化涉企服务信息供给');
    expect(task('pudong', 58).name).toBe('优化涉企服务信息供给');
    // Top-aligned spans stay with the name above: rows 12-15 under row 11's name.
    expect([12, 13, 14, 15].map((n) => task('pudong', n).name)).toEqual(Array(4).fill('提升依申请办理服务和保障水平'));
    const below = seed('pudong').messages.filter((m) => m.ruleId === 'table/inherited-cell' && /row below/.test(m.reason));
    expect(below.map((m) => m.place?.lineStart)).toEqual([164, 167]);
  });
  it('rows 8, 60 and 62: time nodes and spaces inside cells', () => {
    expect(task('pudong', 8).timeNode).toMatchObject({ kind: 'by-date', end: '01-31' });
    expect(task('pudong', 60).name).toBe('继续推动公共数据开放');
    expect(task('pudong', 62).units.lead).toEqual(['区大数据中心', '各单位']);
  });
});

describe('parsePlan: songjiang-2024 (three indicator columns)', () => {
  it('row 43: name levels joined with /, text after the indicators', () => {
    const t = task('songjiang', 43);
    expect(t.name).toBe('深入践行人民城市理念，优化政民互动和公众参与/持续优化公众代表列席政府决策会议机制');
    expect(t.text.startsWith('推动更多与企业群众')).toBe(true);
    expect(t.text.endsWith('做好相关会议信息的主动公开。')).toBe(true);
    expect(t.units.lead).toEqual(['区政府办公室', '区政府各部门', '各街镇']);
    expect(lines(t)).toEqual([860, 875]);
  });
  it('row 1: both indicator levels printed before the content', () => {
    const t = task('songjiang', 1);
    expect(t.name).toBe('聚焦公众关心关切，持续深化重点领域信息公开/围绕国家重大战略任务落实做好信息公开');
    expect(t.text).toBe('围绕服务“五个中心”建设，依法公开经济、金融、贸易、航运和科技创新领域有关工作推进落实情况。');
    expect(t.units.lead).toEqual(['区政府各部门', '各街镇']);
    expect(lines(t)).toEqual([408, 426]);
    expect(task('songjiang', 2).name).toBe(t.name);
  });
  it('row 10: number, content, units and time node on one line', () => {
    const t = task('songjiang', 10);
    expect(t.text).toBe('做好重点企业“服务包”政策落实情况公开和宣传。');
    expect(t.units.raw).toBe('区经委、区政府各相关部门、各街镇');
    expect(t.timeNode?.raw).toBe('全年');
    expect(lines(t)).toEqual([505, 505]);
  });
  it('row 19: a letter-spaced indicator', () => {
    expect(task('songjiang', 19).name).toBe('聚焦公众关心关切，持续深化重点领域信息公开/围绕推进城市治理现代化做好信息公开');
  });
  it('row 45: `8 月` at a line start is not a row number', () => {
    const t = task('songjiang', 45);
    expect(t.text).toContain('8月集中组织开展以民心工程');
    expect(t.text.endsWith('推动政府开放活动常态化。')).toBe(true);
    expect(t.timeNode).toMatchObject({ kind: 'months', months: [8] });
  });
  it('row 51: an indicator not among the body headings', () => {
    const t = task('songjiang', 51);
    expect(t.name).toBe('夯实工作基础，提升公开质效/加强组织领导和统筹协调');
    expect(t.timeNode).toMatchObject({ kind: 'months', end: '05-31' });
    expect(lines(t)).toEqual([977, 990]);
  });
});

describe('parsePlan: baoshan-2024 (numbered items with unit parentheses)', () => {
  it('item 1', () => {
    const t = task('baoshan', 1);
    expect(t.text.startsWith('创建“公开讲堂”直播课。依托区政务服务中心')).toBe(true);
    expect(t.text.endsWith('传递给更广泛的目标群体。')).toBe(true);
    expect(t.units.lead).toEqual(['区政府办公室', '区政务服务中心']);
    expect(t.units.support).toEqual(['相关委办局']);
    expect(t.timeNode).toBeNull();
    expect(t.name).toBeNull();
    expect(lines(t)).toEqual([23, 23]);
    expect(t.section).toEqual(['以更加扎实可见的公开实效，助力服务“一地两区”建设', '创新打造宝山区政务公开品牌“宝公开”']);
  });
  it('item 6: bold marks removed, units on a line of their own', () => {
    const t = task('baoshan', 6);
    expect(t.text).toContain('民心工程建设信息公开。及时发布');
    expect(t.text.endsWith('民生保障待遇标准调整信息及时发布。')).toBe(true);
    expect(t.units.lead).toEqual(['各相关职能部门', '各街镇〔园区〕']);
    expect(lines(t)).toEqual([41, 45]);
  });
  it('item 32 ends at its units; the closing paragraph is not part of it', () => {
    const t = task('baoshan', 32);
    expect(t.text.endsWith('确保各项任务落到实处。')).toBe(true);
    expect(lines(t)).toEqual([137, 137]);
  });
});

describe('parsePlan: jiading-2023 (one cell per line)', () => {
  it('row 5: empty 任务名称 and 责任单位 inherit row 4', () => {
    const t = task('jiading', 5);
    expect(t.text).toBe('及时发布解读新能源汽车、集成电路、生物医药、数字经济等产业规划、扶持政策等。');
    expect(t.name).toBe('扩大有效投资和产业发展信息公开');
    expect(t.units).toEqual(task('jiading', 4).units);
    expect(t.units.lead).toEqual(['区发展改革委', '区经委', '区商务委', '区科委', '区建设管理委', '各街镇']);
    expect(lines(t)).toEqual([36, 40]);
  });
  it('rows 40, 62 and 91', () => {
    expect(task('jiading', 40).timeNode).toMatchObject({ kind: 'by-date', end: '04-20' });
    expect(task('jiading', 62).timeNode).toMatchObject({ kind: 'by-date', end: '03-31' });
    const t = task('jiading', 91);
    expect(t.text).toBe('强化对各单位政务公开工作的日常指导，不定期开展督促和检查，实时跟踪推进，视情开展工作情况通报。');
    expect(t.name).toBe('狠抓工作落实');
    expect(t.units.lead).toEqual(['区政府办公室']);
    expect(lines(t)).toEqual([552, 556]);
  });
});

describe('parsePlan: errors', () => {
  const code = (text: string): string => {
    try {
      parsePlan(text, { file: 'x.txt' });
    } catch (e) {
      expect(e).toBeInstanceOf(PlanParseError);
      return `${(e as PlanParseError).code}: ${(e as PlanParseError).message}`;
    }
    return 'parsed';
  };
  it('empty or whitespace-only text', () => {
    expect(code('')).toBe('empty: x.txt: no text: the input is empty');
    expect(code(' \n\t\n　\n')).toMatch(/^empty: .*no text/);
  });
  it('text with headings only', () => {
    expect(code('一、总体要求\n（一）指导思想\n（二）工作目标\n')).toBe('empty: x.txt: no text: the input has only headings');
  });
  it('text without tasks', () => {
    expect(code('这是一段说明文字，没有任务。\n另一段文字。')).toBe(
      'no-tasks: x.txt: no recognizable tasks: expected a task table with 序号, numbered items (1. 2. …) or items closing with a 责任单位 parenthesis',
    );
  });
  it('a numbered table row without content names its line', () => {
    const lined = '序号 任务分解 责任单位 时间节点\n1\n做好政策解读工作。\n区府办 全年\n2\n\n3\n做好政府网站管理。\n区府办 全年\n';
    expect(code(lined)).toBe('empty-row: x.txt:5: table row 2 has a number but no content');
    const tabbed = '序号\t任务内容\t责任单位\t时间节点\n1\t做好政策解读\t区府办\t全年\n2\t\t\t\n';
    expect(code(tabbed)).toBe('empty-row: x.txt:3: table row 2 has a number but no content');
  });
});

describe('parsePlan: traditional characters', () => {
  it('a traditional-character copy of a seed gives the same tasks', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    for (const name of ['putuo', 'pudong'] as const) {
      const text = readFileSync(SEEDS[name], 'utf8');
      const traditional = toTraditional(text);
      expect(traditional).not.toBe(text);
      const plan = parsePlan(traditional, { file: SEEDS[name] });
      expect(plan.messages.some((m) => m.ruleId === 'text/converted-traditional')).toBe(true);
      const original = seed(name);
      expect(plan.tasks.map((t) => t.seq)).toEqual(original.tasks.map((t) => t.seq));
      expect(plan.tasks.map((t) => t.source)).toEqual(original.tasks.map((t) => t.source));
      expect(plan.tasks.map((t) => t.units.lead.length)).toEqual(original.tasks.map((t) => t.units.lead.length));
      expect(plan.tasks.map((t) => t.timeNode?.end ?? null)).toEqual(original.tasks.map((t) => t.timeNode?.end ?? null));
      // Round-tripping through traditional characters may change a rare character; the texts stay nearly equal.
      const same = plan.tasks.filter((t, k) => t.text === original.tasks[k]!.text).length;
      expect(same / plan.tasks.length).toBeGreaterThan(0.9);
    }
  });
});
