/**
 * The review loop in process: decide → align → the decided pairs are kept or excluded and never asked
 * again; a decisions file written for the pair the other way round gives the same alignment; the same
 * inputs and decisions give byte-identical JSON whatever the order of the file's decisions; the review
 * sheet's JSON and Markdown; the command line's alignment options.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { alignPlans } from '../src/align/align';
import { auditConvergence } from '../src/audit/audit';
import { traceTask } from '../src/audit/trace';
import { alignmentToJson } from '../src/align/json';
import { preparePlan, type PreparedPlan } from '../src/align/prepare';
import { reviewQueue } from '../src/align/review';
import { loadPlan } from '../src/corpus';
import { diffPlans } from '../src/diff/diff';
import { diffToJson } from '../src/diff/json';
import { PlanParseError, UsageError } from '../src/errors';
import { alignOptionsOf, checkAlignArgs, decisionFilesFor, limitOf, minProbabilityOf } from '../src/io/align-args';
import { decisionsFor, formatDecisionsFile, parseDecisionsFile } from '../src/io/decisions';
import { renderReport } from '../src/report/index';
import { renderReview, reviewSheet } from '../src/report/review';
import type { Alignment, Decision, ReviewQuestion } from '../src/types';

let A: PreparedPlan;
let B: PreparedPlan;
let base: Alignment;
let queue: ReviewQuestion[];

beforeAll(() => {
  A = preparePlan(loadPlan('songjiang-2024'));
  B = preparePlan(loadPlan('baoshan-2024'));
  base = alignPlans(A, B);
  queue = reviewQueue(base);
}, 60_000);

const paired = (al: Alignment, a: number, b: number) => al.pairs.some((p) => p.a.some((t) => t.seq === a) && p.b.some((t) => t.seq === b));
const asked = (qs: ReviewQuestion[], a: number, b: number) => qs.some((q) => q.a === a && q.b === b);

/** A question about a link now unpaired (answered same) and one about a link now paired (answered different). */
function twoAnswers(): Decision[] {
  const unpaired = queue.find((q) => !paired(base, q.a, q.b));
  const pairedQ = queue.find((q) => paired(base, q.a, q.b));
  expect(unpaired, 'the queue asks about some unpaired link').toBeDefined();
  expect(pairedQ, 'the queue asks about some paired link').toBeDefined();
  return [
    { a: unpaired!.a, b: unpaired!.b, same: true, aHash: unpaired!.aHash, bHash: unpaired!.bHash },
    { a: pairedQ!.a, b: pairedQ!.b, same: false, aHash: pairedQ!.aHash, bHash: pairedQ!.bHash },
  ];
}

describe('decisions round trip', () => {
  it('a confirmed link is paired (by a reader), a rejected one is not, and neither is asked again', () => {
    const answers = twoAnswers();
    const text = formatDecisionsFile({ a: 'songjiang-2024', b: 'baoshan-2024', decisions: answers });
    const decisions = decisionsFor(parseDecisionsFile(text, 'd.json'), A.plan, B.plan, 'd.json');
    const decided = alignPlans(A, B, { decisions });
    const [yes, no] = answers;
    expect(paired(base, yes!.a, yes!.b)).toBe(false);
    expect(paired(decided, yes!.a, yes!.b)).toBe(true);
    const pair = decided.pairs.find((p) => p.links.some((l) => l.a === yes!.a && l.b === yes!.b))!;
    expect(pair.evidence.basis).toContain('reader');
    expect(pair.links.find((l) => l.a === yes!.a && l.b === yes!.b)!.decided).toBe('same');
    expect(paired(base, no!.a, no!.b)).toBe(true);
    expect(decided.pairs.some((p) => p.links.some((l) => l.a === no!.a && l.b === no!.b))).toBe(false);
    const again = reviewQueue(decided);
    expect(asked(queue, yes!.a, yes!.b) && asked(queue, no!.a, no!.b)).toBe(true);
    expect(asked(again, yes!.a, yes!.b)).toBe(false);
    expect(asked(again, no!.a, no!.b)).toBe(false);
    // the review sheet carries the decisions, so that the HTML page keeps them in its export
    expect(reviewSheet(A.plan, B.plan, again, decisions).decided).toEqual([...decisions].sort((x, y) => x.a - y.a || x.b - y.b));
  });

  it('a file written for (B, A) aligns A → B exactly as one written for (A, B)', () => {
    const answers = twoAnswers();
    const forward = parseDecisionsFile(formatDecisionsFile({ a: 'songjiang-2024', b: 'baoshan-2024', decisions: answers }), 'ab.json');
    const backward = parseDecisionsFile(
      formatDecisionsFile({ a: 'baoshan-2024', b: 'songjiang-2024', decisions: answers.map((d) => ({ a: d.b, b: d.a, same: d.same, aHash: d.bHash!, bHash: d.aHash! })) }),
      'ba.json',
    );
    const one = JSON.stringify(alignmentToJson(alignPlans(A, B, { decisions: decisionsFor(forward, A.plan, B.plan, 'ab.json') })));
    const two = JSON.stringify(alignmentToJson(alignPlans(A, B, { decisions: decisionsFor(backward, A.plan, B.plan, 'ba.json') })));
    expect(two).toBe(one);
    expect(one).not.toBe(JSON.stringify(alignmentToJson(base)));
  });

  it('the same inputs and decisions give byte-identical diff and review JSON, whatever the file’s order', () => {
    const answers = twoAnswers();
    const run = (decisions: Decision[]) => {
      const al = alignPlans(A, B, { decisions });
      const diff = JSON.stringify(diffToJson(diffPlans(A, B, { alignment: al })), null, 2);
      const review = renderReview(reviewSheet(A.plan, B.plan, reviewQueue(al, { limit: 10 }), decisions), 'json');
      return diff + review;
    };
    const first = run(answers);
    expect(run([...answers].reverse())).toBe(first);
    expect(run(answers.map((d) => ({ ...d })))).toBe(first);
  });
});

describe('review sheet', () => {
  it('JSON: the plans and each question with both texts, probability to 4 decimals', () => {
    const json = JSON.parse(renderReview(reviewSheet(A.plan, B.plan, queue.slice(0, 3)), 'json'));
    expect(Object.keys(json)).toEqual(['a', 'b', 'queue']);
    expect(json.a).toBe('songjiang-2024');
    expect(json.queue).toHaveLength(3);
    const q = json.queue[0];
    expect(Object.keys(q)).toEqual(['a', 'b', 'probability', 'why', 'aHash', 'bHash', 'aText', 'bText']);
    expect(q.aText).toBe(A.plan.tasks.find((t) => t.seq === q.a)!.text);
    expect(q.bText).toBe(B.plan.tasks.find((t) => t.seq === q.b)!.text);
    expect(q.probability).toBe(Math.round(queue[0]!.probability * 10000) / 10000);
  });

  it('HTML: a self-contained page whose texts and carried decisions cannot break out of their elements', () => {
    const q = queue[0]!;
    const evil = '</script><img src=x onerror=alert(1)>';
    const tasks = A.plan.tasks.map((t) => (t.seq === q.a ? { ...t, text: t.text + evil } : t));
    const sheet = reviewSheet({ ...A.plan, tasks }, B.plan, [q], [{ a: 1, b: 1, same: false, aHash: evil, bHash: 'x' }]);
    const html = renderReview(sheet, 'html', { lang: 'en' });
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    expect(html).not.toMatch(/<(script|link|img)[^>]+src=/);
    expect(html.split('</script>')).toHaveLength(3); // the decided-data block and the page script, nothing else
    const data = /<script type="application\/json" id="review-decided">(.*?)<\/script>/.exec(html)![1]!;
    expect(JSON.parse(data)).toEqual(sheet.decided);
    expect(html).toContain('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('Markdown quotes both texts with their source lines and the entry to fill in', () => {
    const q = queue[0]!;
    const ta = A.plan.tasks.find((t) => t.seq === q.a)!;
    const md = renderReview(reviewSheet(A.plan, B.plan, [q]), 'md', { lang: 'en' });
    expect(md).toContain(`**A #${q.a}** · \`${ta.source.file}:${ta.source.lineStart}–${ta.source.lineEnd}\``);
    expect(md).toContain(`> ${ta.text.slice(0, 10)}`);
    expect(md).toContain(`"aHash": "${q.aHash}", "bHash": "${q.bHash}"`);
    expect(renderReview(reviewSheet(A.plan, B.plan, []), 'md')).toContain('没有需要核对的问题。');
  });
});

describe('command-line alignment options', () => {
  const args = { decisions: [] as string[], minProbability: undefined as string | undefined, embeddings: undefined as string | undefined, limit: undefined as string | undefined };

  it('--min-probability and --limit are checked', () => {
    expect(minProbabilityOf('0.7')).toBe(0.7);
    expect(minProbabilityOf('0')).toBe(0);
    expect(minProbabilityOf(undefined)).toBeUndefined();
    for (const bad of ['1.5', '-0.1', 'half', '', 'NaN']) expect(() => minProbabilityOf(bad)).toThrow(UsageError);
    expect(limitOf('20', 169)).toEqual({ limit: 20 });
    expect(limitOf(undefined, 169)).toEqual({ limit: 169 });
    for (const bad of ['0', '2.5', 'ten']) expect(() => limitOf(bad, 169)).toThrow(/--limit must be a whole number/);
  });

  it('a command refuses an option it does not take', () => {
    expect(() => checkAlignArgs('parse', { ...args, minProbability: '0.5' })).toThrow('parse does not take --min-probability');
    expect(() => checkAlignArgs('audit', { ...args, embeddings: 'e.json' })).toThrow('audit does not take --embeddings');
    expect(() => checkAlignArgs('align', { ...args, limit: '3' })).toThrow('align does not take --limit');
    expect(() => checkAlignArgs('review', { ...args, limit: '3', decisions: ['d.json'], minProbability: '0.4', embeddings: 'e.json' })).not.toThrow();
  });

  it('reads the decisions file and the vectors into what alignPlans receives', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-align-args-'));
    const decisionsPath = join(dir, 'd.json');
    writeFileSync(decisionsPath, JSON.stringify({ a: 'baoshan-2024', b: 'songjiang-2024', decisions: [{ a: 2, b: 1, same: true }] }));
    const embeddingsPath = join(dir, 'e.json');
    writeFileSync(embeddingsPath, JSON.stringify({ model: 'hand-made', vectors: { '0011223344556677': [1, 0], '8899aabbccddeeff': [0, 1] } }));
    expect(alignOptionsOf(args, A.plan, B.plan)).toEqual({});
    expect(alignOptionsOf({ ...args, decisions: [decisionsPath], minProbability: '0.6', embeddings: embeddingsPath }, A.plan, B.plan)).toEqual({
      decisions: [{ a: 1, b: 2, same: true }],
      minProbability: 0.6,
      embeddings: { '0011223344556677': [1, 0], '8899aabbccddeeff': [0, 1] },
    });
    expect(() => alignOptionsOf({ ...args, decisions: [decisionsPath, decisionsPath] }, A.plan, B.plan)).toThrow('give one --decisions file for a pair of plans');
  });

  it('audit and trace: each file must be about the first plan and one other, one file per pair', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-align-args-'));
    const write = (name: string, value: unknown) => {
      writeFileSync(join(dir, name), JSON.stringify(value));
      return join(dir, name);
    };
    const C = loadPlan('jiading-2023');
    const ab = write('ab.json', { a: 'songjiang-2024', b: 'baoshan-2024', decisions: [{ a: 1, b: 1, same: false }] });
    const ca = write('ca.json', { a: 'jiading-2023', b: 'songjiang-2024', decisions: [{ a: 3, b: 2, same: true }] });
    const bc = write('bc.json', { a: 'baoshan-2024', b: 'jiading-2023', decisions: [] });
    const files = decisionFilesFor({ ...args, decisions: [ab, ca] }, A.plan, [B.plan, C]);
    expect(files.map((f) => f.a)).toEqual(['songjiang-2024', 'jiading-2023']);
    expect(() => decisionFilesFor({ ...args, decisions: [bc] }, A.plan, [B.plan, C])).toThrow(PlanParseError);
    expect(() => decisionFilesFor({ ...args, decisions: [bc] }, A.plan, [B.plan, C])).toThrow('baoshan-2024 ↔ jiading-2023, which is not a pair of songjiang-2024');
    expect(() => decisionFilesFor({ ...args, decisions: [ab, ab] }, A.plan, [B.plan, C])).toThrow('give one file per pair');
  });
});

describe('reports: expected counts and likeliest counterparts', () => {
  it('Markdown and HTML give the expected number with no counterpart beside the dropped and added counts', () => {
    const diff = diffPlans(A, B, { alignment: base });
    const md = renderReport(diff, 'md');
    const dropped = md.split('\n').find((l) => l.startsWith('| 删除 |'))!;
    expect(dropped).toContain(`| ${diff.dropped.length} |`);
    expect(dropped).toContain(`约 ${Math.round(base.expectedDropped)} 项在对方确无对应`);
    const added = renderReport(diff, 'md', { lang: 'en' }).split('\n').find((l) => l.startsWith('| Added |'))!;
    expect(added).toContain(`about ${Math.round(base.expectedAdded)} expected to have no counterpart`);
    const html = renderReport(diff, 'html');
    expect(html).toContain(`data-expected="dropped" data-value="${Math.round(base.expectedDropped * 10) / 10}">据配对概率估计，约 ${Math.round(base.expectedDropped)} 项`);
    expect(html).toContain(`data-expected="added" data-value="${Math.round(base.expectedAdded * 10) / 10}"`);
  });

  it('every dropped or new task lists its likeliest counterparts with their probabilities', () => {
    const diff = diffPlans(A, B, { alignment: base });
    const md = renderReport(diff, 'md', { lang: 'en' });
    const html = renderReport(diff, 'html', { lang: 'en' });
    const lines = md.split('\n').filter((l) => l.startsWith('Likeliest counterparts in the other plan: '));
    expect(lines).toHaveLength(diff.dropped.length + diff.added.length);
    let listed = 0;
    for (const [side, tasks] of [['a', diff.dropped], ['b', diff.added]] as const) {
      for (const t of tasks) {
        const links = base.likeliest[`${side}:${t.seq}`] ?? [];
        const other = side === 'a' ? 'B' : 'A';
        const want = links.length
          ? `Likeliest counterparts in the other plan: ${links.map((l) => `${other} #${side === 'a' ? l.b : l.a} (p ${l.probability.toFixed(2)})`).join(', ')}`
          : 'Likeliest counterparts in the other plan: none (every task of the other plan is below probability 0.01, or a reader rejected it)';
        expect(md).toContain(want);
        expect(html).toContain(want);
        listed += links.length;
      }
    }
    expect(listed).toBeGreaterThan(0);
    // the likeliest replace the old nearest pointer, and paired tasks list none
    expect(md).not.toContain('Closest task of the other plan');
  });
});

describe('audit and trace take one decisions file per pair', () => {
  it('a confirmed link of a task the model left unpaired shows in the audit cell and the trace step', () => {
    const q = queue.find((x) => base.dropped.some((t) => t.seq === x.a))!;
    expect(q).toBeDefined();
    // written for (B, A): read swapped for the directive A
    const file = { a: 'baoshan-2024', b: 'songjiang-2024', decisions: [{ a: q.b, b: q.a, same: true }] };
    const other = { a: 'baoshan-2024', b: 'jiading-2023', decisions: [{ a: 1, b: 1, same: true }] };
    const cell = (options: Parameters<typeof auditConvergence>[2]) =>
      auditConvergence(A.plan, [B.plan], options).plans[0]!.cells.find((c) => c.directiveSeq === q.a)!;
    expect(cell({}).status).toBe('missing');
    expect(cell({ decisionFiles: [other, file] }).planSeqs).toContain(q.b);
    const step = (options: Parameters<typeof traceTask>[3]) => traceTask(A.plan, q.a, [A.plan, B.plan], options).steps.find((s) => s.plan.id === 'baoshan-2024')!;
    expect(step({}).tasks.map((t) => t.seq)).not.toContain(q.b);
    expect(step({ decisionFiles: [file] }).tasks.map((t) => t.seq)).toContain(q.b);
  });
});
