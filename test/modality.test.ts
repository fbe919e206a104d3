import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modalityOf, modalityRank, taskModality } from '../src/modality/modality';
import { compareScope, scopeOf } from '../src/modality/scope';

describe('modalityOf', () => {
  it.each([
    ['探索建立市民企业参与政策制定机制', 'explore', '探索', 0],
    ['研究探索建立统一的政务征询平台', 'explore', '研究', 0],
    ['鼓励引入专家学者参与政策宣传', 'explore', '鼓励', 0],
    ['试点开展政策集成式发布', 'explore', '试点', 0],
    ['持续推进反不正当竞争执法信息公开', 'advance', '持续', 0],
    ['做好美丽街区等环境提升工程进展的信息披露', 'advance', '做好', 0],
    ['依法完善餐饮企业安装燃气报警装置的信息公开', 'advance', '完善', 2],
    ['深化专项转移支付绩效信息公开试点', 'advance', '深化', 0],
    ['严格落实各渠道办理时限', 'must', '严格落实', 0],
    ['全面落实办理中国政府网转办留言工作的各项要求', 'must', '全面落实', 0],
    ['制定涉企政策应当听取相关企业和行业协会意见', 'must', '应当', 6],
    ['制文单位要加强对留言板的动态维护', 'advance', '要', 4],
    ['制文单位要切实加强对留言板的动态维护', 'must', '切实', 5],
    ['确保本区入库公文全量覆盖', 'must', '确保', 0],
    ['必须在规定时限内答复', 'mandatory', '必须', 0],
    ['各单位不得公开涉密信息', 'mandatory', '不得', 3],
    ['严禁泄露个人隐私', 'mandatory', '严禁', 0],
  ] as const)('%s → %s', (text, level, cue, start) => {
    expect(modalityOf(text)).toEqual({ level, cue, start });
  });

  it('reads 要 and 应 only as modal verbs, not inside 主要, 重要, 要求, 回应, 应用', () => {
    expect(modalityOf('加强重要政策和主要内容的回应').level).toBe('advance');
    expect(modalityOf('落实有关要求，扩大应用场景').level).toBe('advance');
  });

  it('cancels a negated cue: 不再探索 binds no more than explore', () => {
    expect(modalityOf('不再探索主题政策订阅推送')).toEqual({ level: 'explore', cue: '不再探索', start: 0 });
    expect(modalityOf('暂不推进该项工作').level).toBe('explore');
  });

  it('ignores cues inside an exception (除…外) and inside quotes', () => {
    expect(modalityOf('除依法依规不得公开的情形外，将检查结果及时向社会公开')).toEqual({
      level: 'advance',
      cue: '及时',
      start: 19,
    });
    expect(modalityOf('坚持“三同步”要求，“应解读、尽解读”')).toEqual({ level: 'advance', cue: null, start: -1 });
  });

  it('has no cue and level advance for a plain clause', () => {
    expect(modalityOf('年度重大行政决策事项目录')).toEqual({ level: 'advance', cue: null, start: -1 });
    expect(modalityOf('')).toEqual({ level: 'advance', cue: null, start: -1 });
  });
});

describe('taskModality', () => {
  it('takes the strongest clause', () => {
    expect(taskModality('加强留言答复审核把关，确保回复质量')).toEqual({ level: 'must', cue: '确保', start: 11 });
    expect(taskModality('探索主题政策订阅推送等增值服务；各单位不得擅自发布')).toEqual({
      level: 'mandatory',
      cue: '不得',
      start: 19,
    });
  });

  it('lets the main verb govern the comma-joined phrases after it', () => {
    expect(taskModality('研究探索建立统一的政务征询平台，实现意见的一口归集，提高公众参与的集中显示度。')).toEqual({
      level: 'explore',
      cue: '研究',
      start: 0,
    });
    expect(taskModality('探索在草案阶段同步开展解读，讲明讲透政策初衷和内涵。')).toEqual({ level: 'explore', cue: '探索', start: 0 });
    expect(taskModality('加强个人隐私保护，探索个人信息保护的制度研究。').level).toBe('advance');
    expect(taskModality('探索政策订阅推送，严格落实推送时限。')).toEqual({ level: 'must', cue: '严格落实', start: 9 });
  });

  it('keeps the first clause on ties', () => {
    expect(taskModality('探索政策订阅推送。鼓励社会参与')).toEqual({ level: 'explore', cue: '探索', start: 0 });
  });

  it('ranks the scale explore < advance < must < mandatory', () => {
    expect(['explore', 'advance', 'must', 'mandatory'].map((l) => modalityRank(l as never))).toEqual([0, 1, 2, 3]);
  });
});

describe('scopeOf', () => {
  it('finds actors at clause starts, not inside objects', () => {
    const s = scopeOf('区政府年内邀请公众代表列席区政府常务会议不少于 4 次，各单位年内邀请公众代表列席本单位决策会议不少于1次。');
    expect(s.actors.map((a) => [a.kind, a.name, a.start])).toEqual([
      ['district-government', '区政府', 0],
      ['all-units', '各单位', 28],
    ]);
    expect(s.breadth).toBe(3);
  });

  it('reads actors from the responsible units', () => {
    const s = scopeOf('推进政府债务信息公开', { lead: ['区财政局'], support: [], raw: '区财政局' });
    expect(s.actors).toEqual([{ kind: 'unit', name: '区财政局', source: 'units', start: -1 }]);
    expect(s.breadth).toBe(1);
  });

  it('counts departments and streets together as every unit, and a coverage marker as one more', () => {
    const s = scopeOf('确保本区入库公文全量覆盖', { lead: ['区政府各部门', '各街镇'], support: [], raw: '' });
    expect(s.coverage).toEqual([{ word: '全量覆盖', start: 8 }]);
    expect(s.breadth).toBe(4);
  });

  it('compares scopes', () => {
    const narrow = scopeOf('区政府年内邀请公众代表列席常务会议不少于4次');
    const wide = scopeOf('各单位年内邀请公众代表列席本单位决策会议不少于1次');
    expect(compareScope(narrow, wide)).toBe('wider');
    expect(compareScope(wide, narrow)).toBe('narrower');
    expect(compareScope(wide, wide)).toBe('same');
  });

  it('does not read a coverage marker inside a word that means something else (均衡, 平均, 所有权)', () => {
    expect(scopeOf('围绕人口长期均衡发展等领域开展政策集成式发布').coverage).toEqual([]);
    expect(scopeOf('压缩平均受理时间，明确土地所有权登记要求').coverage).toEqual([]);
    expect(scopeOf('政策文件均应通过政府网站公开').coverage).toEqual([{ word: '均', start: 4 }]);
  });

  it('compares actors only when both texts name one: a subject left to the units column is not narrower', () => {
    const everyUnit = scopeOf('各单位年内邀请公众代表列席本单位决策会议不少于1次');
    const silent = scopeOf('年内邀请公众代表列席决策会议不少于1次');
    expect(compareScope(everyUnit, silent)).toBe('same');
    expect(compareScope(silent, everyUnit)).toBe('same');
  });

  it('counts a coverage marker gained or lost as one step', () => {
    expect(compareScope(scopeOf('确保入库公文全量覆盖'), scopeOf('确保入库公文及时归集'))).toBe('narrower');
    expect(compareScope(scopeOf('公文类信息主动公开'), scopeOf('公文类信息应当全量主动公开'))).toBe('wider');
  });

  it('counts every unit as reaching every case, like a coverage marker', () => {
    // 全部 (a marker, no actor) and 每家单位 (every unit, no marker) say the same reach
    expect(compareScope(scopeOf('全部政策文件公开解读'), scopeOf('每家单位公开解读政策文件'))).toBe('same');
    // a marker gained beside a narrower actor: a named body of all departments, then every organ of the district
    expect(compareScope(scopeOf('决策单位编制发布年度目录'), scopeOf('及时发布全区各级行政机关年度目录'))).toBe('wider');
  });

  it('ignores actor words inside quotes', () => {
    expect(scopeOf('“各单位”专栏建设').actors).toEqual([]);
  });
});

describe('properties', () => {
  const pieces = fc.constantFrom(
    '探索', '推进', '确保', '必须', '不得', '不再', '除', '外', '要', '主要', '应', '回应', '“', '”', '，', '。', '各单位', '区政府', '全覆盖', '公开', ' ',
  );
  const texts = fc.oneof(fc.string(), fc.array(pieces, { maxLength: 25 }).map((a) => a.join('')));

  it('modalityOf and taskModality never throw, and the cue is quoted at its offset', () => {
    fc.assert(
      fc.property(texts, (text) => {
        for (const r of [modalityOf(text), taskModality(text)]) {
          expect(['explore', 'advance', 'must', 'mandatory']).toContain(r.level);
          if (r.cue === null) expect(r.start).toBe(-1);
          else expect(text.slice(r.start, r.start + r.cue.length)).toBe(r.cue);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a task is at least as binding as each of its sentences that has a cue', () => {
    const words = fc.constantFrom('探索', '推进', '确保', '必须', '不得', '不再', '要', '主要', '应', '回应', '公开', '各单位');
    const plain = fc.array(words, { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(plain, { minLength: 1, maxLength: 4 }), (parts) => {
        const task = taskModality(parts.join('。'));
        for (const p of parts) {
          const own = taskModality(p);
          if (own.cue !== null) expect(modalityRank(task.level)).toBeGreaterThanOrEqual(modalityRank(own.level));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('scopeOf never throws and its breadth is in 0…4', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const s = scopeOf(text, { lead: [text], support: [], raw: text });
        expect(s.breadth).toBeGreaterThanOrEqual(0);
        expect(s.breadth).toBeLessThanOrEqual(4);
      }),
      { numRuns: 1000 },
    );
  });
});
