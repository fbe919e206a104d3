/**
 * Audit, trace, alignment and obligation reports on real audits of the bundled plans:
 *   1. the four other plans against jiading-2023 as directive,
 *   2. baoshan-2024 against songjiang-2024.
 *
 * The check, exactly: for every audited plan P, align the directive with P (`alignPlans(directive, P)`,
 * default options, as `auditConvergence` does through `diffPlans`). A directive task is *covered* when its
 * seq appears in the `a` side of some pair of that alignment; every other directive task is *missing*. Then
 *   - the Convergence's counts.adopted + counts.adapted = covered, counts.missing = missing,
 *     coverage = covered / N (rounded to 4 decimals), the non-missing cells are exactly the covered seqs,
 *     and beyond = the seqs of the alignment's `added` tasks;
 *   - the numbers each report shows (Markdown summary row, HTML summary attributes and heatmap cells, CSV
 *     rows) equal those counted from the Convergence's cells.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { alignPlans } from '../src/align/align';
import { auditConvergence } from '../src/audit/audit';
import { traceTask } from '../src/audit/trace';
import { loadPlan } from '../src/corpus';
import { extractObligations } from '../src/obligations/extract';
import { AUDIT_COLUMNS, renderAlignment, renderAudit, renderObligations, renderTrace, toAuditRows } from '../src/report/index';
import type { AdoptionStatus, Alignment, Convergence, Plan, PlanConvergence } from '../src/types';
import { parseCsv } from './helpers/csv';


function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? m[1]! : null;
}

/** Status counts taken from the cells themselves (not from the `counts` field). */
function cellCounts(p: PlanConvergence): Record<AdoptionStatus, number> {
  const counts = { adopted: 0, adapted: 0, missing: 0 };
  for (const c of p.cells) counts[c.status]++;
  return counts;
}

function name(p: { district: string | null; year: number | null; id: string }): string {
  return `${p.district} ${p.year} (${p.id})`;
}

interface Case {
  title: string;
  directive: Plan;
  plans: Plan[];
  conv: Convergence;
  alignments: Alignment[];
}

const cases: Case[] = [];

beforeAll(() => {
  const jiading = loadPlan('jiading-2023');
  const others = ['putuo-2023', 'pudong-2022', 'songjiang-2024', 'baoshan-2024'].map((id) => loadPlan(id));
  const songjiang = others[2]!;
  const baoshan = others[3]!;
  for (const [title, directive, plans] of [
    ['four plans against jiading-2023', jiading, others],
    ['baoshan-2024 against songjiang-2024', songjiang, [baoshan]],
  ] as const) {
    cases.push({
      title,
      directive,
      plans: [...plans],
      conv: auditConvergence(directive, [...plans]),
      alignments: plans.map((p) => alignPlans(directive, p)),
    });
  }
}, 300_000);

describe.each([0, 1])('audit case %i', (index) => {
  const get = () => cases[index]!;

  it('counts covered and missing directive tasks as the alignment does', () => {
    const { directive, conv, alignments, plans } = get();
    const n = directive.tasks.length;
    expect(conv.directiveTasks.map((t) => t.seq)).toEqual(directive.tasks.map((t) => t.seq));
    expect(conv.plans.map((p) => p.plan.id)).toEqual(plans.map((p) => p.meta.id));
    conv.plans.forEach((p, i) => {
      const al = alignments[i]!;
      const coveredSeqs = new Set(al.pairs.flatMap((pair) => pair.a.map((t) => t.seq)));
      const covered = directive.tasks.filter((t) => coveredSeqs.has(t.seq)).length;
      expect(p.counts.adopted + p.counts.adapted).toBe(covered);
      expect(p.counts.missing).toBe(n - covered);
      expect(p.coverage).toBe(Math.round((covered / n) * 10000) / 10000);
      expect(cellCounts(p)).toEqual(p.counts);
      expect(p.cells.filter((c) => c.status !== 'missing').map((c) => c.directiveSeq)).toEqual(
        directive.tasks.filter((t) => coveredSeqs.has(t.seq)).map((t) => t.seq),
      );
      expect(p.beyond).toEqual(al.added.map((t) => t.seq));
    });
  });

  it('shows those numbers in the Markdown summary', () => {
    const { conv } = get();
    const md = renderAudit(conv, 'md');
    const n = conv.directiveTasks.length;
    for (const p of conv.plans) {
      const c = cellCounts(p);
      const covered = c.adopted + c.adapted;
      const stricter = p.cells.flatMap((x) => x.changes).filter((x) => x.direction === 'stronger').length;
      const looser = p.cells.flatMap((x) => x.changes).filter((x) => x.direction === 'weaker').length;
      const share = `${((covered / n) * 100).toFixed(1)}%（${covered}/${n}）`;
      expect(md).toContain(
        `| ${name(p.plan)} | ${share} | ${p.score.toFixed(2)} | ${c.adopted} | ${c.adapted} | ${c.missing} | ${p.beyond.length} | ${stricter} | ${looser} |`,
      );
      expect(md).toContain(`- ${name(p.plan)}（${p.beyond.length}）：`);
    }
    // one matrix row per directive task
    const matrixRows = md.split('\n').filter((l) => /^\| \d+ \| /.test(l));
    expect(matrixRows).toHaveLength(n);
    expect(matrixRows[0]!.split(' | ').length).toBe(2 + conv.plans.length);
  });

  it('shows those numbers in the HTML summary and heatmap', () => {
    const { conv } = get();
    const html = renderAudit(conv, 'html');
    const n = conv.directiveTasks.length;
    for (const p of conv.plans) {
      const c = cellCounts(p);
      const tr = new RegExp(`<tr data-plan="${p.plan.id}"[^>]*>`).exec(html)?.[0];
      expect(tr).toBeDefined();
      expect(Number(attr(tr!, 'data-adopted'))).toBe(c.adopted);
      expect(Number(attr(tr!, 'data-adapted'))).toBe(c.adapted);
      expect(Number(attr(tr!, 'data-missing'))).toBe(c.missing);
      expect(Number(attr(tr!, 'data-coverage'))).toBe(p.coverage);
      expect(Number(attr(tr!, 'data-beyond'))).toBe(p.beyond.length);
      const cells = html.match(new RegExp(`<td class="cell" data-plan="${p.plan.id}"[^>]*>`, 'g')) ?? [];
      expect(cells).toHaveLength(n);
      for (const s of ['adopted', 'adapted', 'missing'] as const) {
        expect(cells.filter((t) => attr(t, 'data-status') === s)).toHaveLength(c[s]);
      }
      // cells follow directive order and carry each cell's score
      expect(cells.map((t) => Number(attr(t, 'data-seq')))).toEqual(conv.directiveTasks.map((t) => t.seq));
      expect(cells.map((t) => Number(attr(t, 'data-score')))).toEqual(p.cells.map((x) => Math.round(x.score * 10000) / 10000));
    }
    // directive texts in the first column, escaped
    expect(html).toContain(`<th class="task">${conv.directiveTasks[0]!.text.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}</th>`);
  });

  it('writes one CSV row per (directive task, plan) cell', () => {
    const { conv } = get();
    const csv = renderAudit(conv, 'csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const records = parseCsv(csv.slice(1));
    expect(records[0]).toEqual([...AUDIT_COLUMNS]);
    const body = records.slice(1);
    expect(body).toHaveLength(conv.directiveTasks.length * conv.plans.length);
    const col = (k: (typeof AUDIT_COLUMNS)[number]) => AUDIT_COLUMNS.indexOf(k);
    for (const p of conv.plans) {
      const mine = body.filter((r) => r[col('plan')] === p.plan.id);
      expect(mine).toHaveLength(conv.directiveTasks.length);
      const c = cellCounts(p);
      for (const s of ['adopted', 'adapted', 'missing'] as const) expect(mine.filter((r) => r[col('status')] === s)).toHaveLength(c[s]);
      expect(mine.map((r) => r[col('directiveText')])).toEqual(conv.directiveTasks.map((t) => t.text));
      expect(mine.filter((r) => r[col('status')] === 'missing').every((r) => r[col('planSeqs')] === '' && r[col('score')] === '0')).toBe(true);
    }
    expect(toAuditRows(conv)).toHaveLength(body.length);
  });

  it('prints the Convergence itself as JSON', () => {
    const { conv } = get();
    const json = renderAudit(conv, 'json');
    expect(JSON.parse(json)).toEqual(conv);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.split('\n')[1]).toBe('  "directive": {');
  });
});

describe('audit report, labels and layout', () => {
  it('is one self-contained page with a legend, in either language', () => {
    const { conv } = cases[0]!;
    const html = renderAudit(conv, 'html');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.replace('<link rel="icon" href="data:,">', '')).not.toMatch(/\s(src|href)=/);
    expect(html).not.toMatch(/<script|@import|url\(|@font-face/);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('<div class="legend"><b>图例</b>');
    const en = renderAudit(conv, 'html', { lang: 'en' });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('>Coverage<');
    expect(en).not.toContain('覆盖率');
    expect(renderAudit(conv, 'md', { lang: 'en' })).toContain('| Plan | Coverage | Score | Adopted | Adapted | Missing |');
  });

  it('draws trends, lists skipped plans and escapes text', () => {
    const conv: Convergence = {
      directive: { id: 'city-2023', district: '上海市', year: 2023 },
      directiveTasks: [
        { seq: 1, text: '公开<script>alert(1)</script> | 管道' },
        { seq: 2, text: '第二项' },
      ],
      plans: [2022, 2023, 2024].map((year, i) => ({
        plan: { id: `x-${year}`, district: '甲区', year },
        cells: [
          { directiveSeq: 1, status: 'adapted', planSeqs: [3, 4], score: 0.5, pairStatus: 'strengthened', changes: [{ kind: 'count', direction: 'stronger', before: '4次', after: '6次', quoteA: null, quoteB: null }] },
          { directiveSeq: 2, status: i === 0 ? 'missing' : 'adopted', planSeqs: i === 0 ? [] : [1], score: i === 0 ? 0 : 0.97, pairStatus: i === 0 ? null : 'unchanged', changes: [] },
        ],
        counts: { adopted: i === 0 ? 0 : 1, adapted: 1, missing: i === 0 ? 1 : 0 },
        coverage: i === 0 ? 0.5 : 1,
        score: i === 0 ? 0.25 : 0.75,
        beyond: [],
        stricter: 1,
        looser: 0,
      })),
      trends: [
        {
          district: '甲区',
          points: [
            { year: 2022, planId: 'x-2022', coverage: 0.5, score: 0.25 },
            { year: 2023, planId: 'x-2023', coverage: 1, score: 0.75 },
            { year: 2024, planId: 'x-2024', coverage: 1, score: 0.75 },
          ],
        },
      ],
      skipped: [{ ref: 'y-2023', reason: 'damaged UTF-8 at line 4' }],
    };
    const html = renderAudit(conv, 'html');
    expect(html).toContain('<figure data-district="甲区">');
    const polylines = [...html.matchAll(/<polyline points="([^"]+)"/g)].map((m) => m[1]!.split(' ').map((pt) => pt.split(',').map(Number)));
    expect(polylines).toHaveLength(2);
    const score = polylines[1]!;
    expect(score).toHaveLength(3);
    expect(score[0]![0]! < score[1]![0]! && score[1]![0]! < score[2]![0]!).toBe(true);
    // a higher score is drawn higher (smaller y); equal scores at equal height
    expect(score[1]![1]!).toBeLessThan(score[0]![1]!);
    expect(score[2]![1]!).toBe(score[1]![1]!);
    expect(html).toContain('<li data-ref="y-2023"><b>y-2023</b>：damaged UTF-8 at line 4</li>');
    expect(html).toContain('公开&lt;script&gt;alert(1)&lt;/script&gt; | 管道');
    expect(html).not.toContain('<script>');
    expect(html).toMatch(/data-seq="1" data-status="adapted" data-score="0.5" style="[^"]+" title="调整 · 强化 · #3、#4 · 数量 增强">0.50 <span class="dir">↑1<\/span>/);

    const md = renderAudit(conv, 'md');
    expect(md).toContain('| 1 | 公开&lt;script&gt;alert(1)&lt;/script&gt; \\| 管道 | 调整 0.50 #3、#4 ↑1 | 调整 0.50 #3、#4 ↑1 | 调整 0.50 #3、#4 ↑1 |');
    expect(md).toContain('| 2 | 第二项 | 未见 | 照搬 0.97 #1 | 照搬 0.97 #1 |');
    expect(md).toContain('| 甲区 (x-2023) | 2023 | 100.0% | 0.75 |');
    expect(md).toContain('- y-2023：damaged UTF-8 at line 4');
    const rows = toAuditRows(conv);
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatchObject({ directiveSeq: 1, plan: 'x-2022', planSeqs: '3;4', stricter: 1, looser: 0, changes: 'count:stronger' });
    expect(rows[1]).toMatchObject({ directiveSeq: 1, plan: 'x-2023' });
  });

  it('rejects an unknown format or language', () => {
    const { conv } = cases[1]!;
    expect(() => renderAudit(conv, 'pdf' as 'md')).toThrow(/unknown audit format "pdf"/);
    expect(() => renderAudit(conv, 'md', { lang: 'fr' as 'en' })).toThrow(/unknown report language "fr"/);
  });
});

describe('alignment, trace and obligation reports', () => {
  it('lists every pair with score and shared terms, then dropped and added tasks with texts', () => {
    const { alignments } = cases[1]!;
    const al = alignments[0]!;
    const md = renderAlignment(al, 'md');
    expect(md).toContain(`| ${al.pairs.length} | ${al.dropped.length} | ${al.added.length} |`);
    const pairRows = md.split('\n').filter((l) => /^\| #\d/.test(l));
    expect(pairRows).toHaveLength(al.pairs.length);
    const first = al.pairs[0]!;
    expect(pairRows[0]!.startsWith(`| ${first.a.map((t) => `#${t.seq}`).join('、')} | ${first.b.map((t) => `#${t.seq}`).join('、')} | ${first.score.toFixed(2)} |`)).toBe(true);
    for (const term of first.evidence.sharedTerms) expect(pairRows[0]).toContain(term);
    expect(md).toContain(`## 仅见于甲（${al.dropped.length}）`);
    expect(md).toContain(`## 仅见于乙（${al.added.length}）`);
    const listed = md.split('\n').filter((l) => /^- #\d+ /.test(l));
    expect(listed.map((l) => Number(/^- #(\d+)/.exec(l)![1]))).toEqual([...al.dropped, ...al.added].map((t) => t.seq));
    expect(JSON.parse(renderAlignment(al, 'json')).pairs).toHaveLength(al.pairs.length);
    // an unpaired task's likeliest counterparts in the other plan follow its text
    const [t0] = [...al.dropped, ...al.added];
    const side = al.dropped.includes(t0!) ? 'a' : 'b';
    const other = side === 'a' ? '乙' : '甲';
    const link = side === 'a' ? { a: t0!.seq, b: 9, probability: 0.1234 } : { a: 9, b: t0!.seq, probability: 0.1234 };
    const likely = renderAlignment({ ...al, likeliest: { [`${side}:${t0!.seq}`]: [link] } }, 'md');
    expect(likely.split('\n').find((l) => l.startsWith(`- #${t0!.seq} `))).toMatch(new RegExp(` · 对方最可能的对应任务：${other} #9（概率 0\\.12）$`));
    // an alignment without probabilities (an older one) points to the closest task instead
    const { likeliest: _, ...older } = al;
    const pointed = renderAlignment({ ...older, nearest: { [`${side}:${t0!.seq}`]: { seq: 9, score: 0.1234 } } } as typeof al, 'md');
    expect(pointed.split('\n').find((l) => l.startsWith(`- #${t0!.seq} `))).toMatch(new RegExp(` · 对方最接近的任务：${other} #9（相似度 0\\.12，未达配对条件，仅供核对）$`));
    expect(renderAlignment({ ...older, nearest: {} } as typeof al, 'md')).not.toContain('对方最接近的任务');
  });

  it('traces a task through the other plans, one row per plan in year order', () => {
    const { directive, plans } = cases[0]!;
    const seq = directive.tasks.find((t) => extractObligations(t).length)!.seq;
    const trace = traceTask(directive, seq, [directive, ...plans]);
    const md = renderTrace(trace, 'md');
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| 要点') && !l.startsWith('| ---'));
    expect(rows).toHaveLength(plans.length + 1);
    expect(rows.map((r) => r.split(' | ')[0]!.slice(2))).toEqual(trace.steps.map((s) => name(s.plan)));
    const origin = rows.find((r) => r.startsWith(`| ${name(trace.origin)} `))!;
    expect(origin).toContain(` | 1.00 | #${seq} | `);
    const missing = trace.steps.filter((s) => !s.tasks.length).length;
    expect(rows.filter((r) => r.includes('*未找到对应任务*'))).toHaveLength(missing);
    expect(JSON.parse(renderTrace(trace, 'json'))).toEqual(trace);
  });

  it('lists each task’s obligations', () => {
    const plan = cases[0]!.plans[0]!;
    const md = renderObligations(plan, extractObligations, 'md');
    const withAny = plan.tasks.filter((t) => extractObligations(t).length);
    const total = withAny.reduce((n, t) => n + extractObligations(t).length, 0);
    expect(total).toBeGreaterThan(0);
    expect(md).toContain(`${plan.tasks.length} 项任务中有 ${withAny.length} 项含量化要求，共 ${total} 条。`);
    expect(md.split('\n').filter((l) => l.startsWith('## #')).map((l) => Number(/^## #(\d+)/.exec(l)![1]))).toEqual(withAny.map((t) => t.seq));
    expect(md.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(total);
    expect(JSON.parse(renderObligations(plan, extractObligations, 'json'))).toHaveLength(total);
  });
});
