import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { helpText } from '../src/cli';
import { diffToJson } from '../src/diff/json';
import { JUPYTER_DISPLAY, notebookView } from '../src/notebook';
import { renderAudit } from '../src/report/audit';
import { REPORT_COLUMNS, renderReport } from '../src/report/index';
import type { Convergence, PlanDiff } from '../src/types';

function loadFixture(): PlanDiff {
  return JSON.parse(readFileSync(new URL('./fixtures/report/diff.json', import.meta.url), 'utf8')) as PlanDiff;
}

const conv: Convergence = {
  directive: { id: 'city-2023', district: '上海市', year: 2023 },
  directiveTasks: [
    { seq: 1, text: '做好政策解读。' },
    { seq: 2, text: '公开"重大"决策 & 预算。' },
  ],
  plans: [
    {
      plan: { id: 'x-2023', district: '甲区', year: 2023 },
      cells: [
        { directiveSeq: 1, status: 'adopted', planSeqs: [4], score: 0.95, pairStatus: 'unchanged', changes: [] },
        { directiveSeq: 2, status: 'missing', planSeqs: [], score: 0, pairStatus: null, changes: [] },
      ],
      counts: { adopted: 1, adapted: 0, missing: 1 },
      coverage: 0.5,
      score: 0.5,
      beyond: [1, 2],
      stricter: 0,
      looser: 0,
    },
  ],
  trends: [],
  skipped: [{ ref: 'y-2023', reason: 'no such file' }],
};

/** The page inside the iframe's srcdoc attribute, unescaped. */
function srcdoc(html: string): string {
  const m = /^<iframe srcdoc="([^"]*)" sandbox="allow-scripts" style="[^"]*" loading="lazy"><\/iframe>$/.exec(html);
  if (!m) throw new Error(`not a single sandboxed iframe: ${html.slice(0, 80)}`);
  return m[1]!.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('notebookView', () => {
  it('shows a diff as its HTML report in a sandboxed frame, with Markdown, stable JSON and a summary line', () => {
    const diff = loadFixture();
    const view = notebookView(diff, { lang: 'en' });
    expect(JUPYTER_DISPLAY).toBe(Symbol.for('Jupyter.display'));
    const bundle = view[Symbol.for('Jupyter.display') as typeof JUPYTER_DISPLAY]();
    expect(Object.keys(bundle).sort()).toEqual(['application/json', 'text/html', 'text/markdown', 'text/plain']);
    expect(srcdoc(bundle['text/html'])).toBe(renderReport(diff, 'html', { lang: 'en' }));
    expect(bundle['text/markdown']).toBe(renderReport(diff, 'md', { lang: 'en' }));
    expect(bundle['application/json']).toEqual(diffToJson(diff));
    expect(bundle['text/plain']).toBe(
      'PlanDiff putuo-2023 → songjiang-2024: 9 pairs (unchanged 1, reworded 1, strengthened 2, weakened 2, mixed 3), added 3, dropped 3',
    );
    expect(view.kind).toBe('diff');
  });

  it('shows an audit as the audit report', () => {
    const view = notebookView(conv, { height: 300 });
    const bundle = view[JUPYTER_DISPLAY]();
    expect(srcdoc(bundle['text/html'])).toBe(renderAudit(conv, 'html'));
    expect(bundle['text/html']).toContain('height:300px');
    expect(bundle['text/markdown']).toBe(renderAudit(conv, 'md'));
    expect(bundle['application/json']).toEqual(conv);
    expect(bundle['text/plain']).toBe('Convergence with city-2023 (2 tasks): x-2023 coverage 50.0% score 0.50; skipped 1');
    expect(view.kind).toBe('audit');
  });

  it('stringifies to plain data only', () => {
    const view = notebookView(conv);
    expect(JSON.parse(JSON.stringify(view))).toEqual({ kind: 'audit', value: conv });
    expect(Object.keys(view)).toEqual(['kind', 'value']);
    expect(view.value).toBe(conv);
  });

  it('refuses anything else', () => {
    expect(() => notebookView({} as PlanDiff)).toThrow(/expects a PlanDiff/);
  });
});

describe('docs/notebook.md', () => {
  const doc = readFileSync(new URL('../docs/notebook.md', import.meta.url), 'utf8');
  const blocks = (lang: string) => [...doc.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

  it('imports only names the package exports', async () => {
    const index = await import('../src/index');
    const reports = await import('../src/report/index');
    const notebook = await import('../src/notebook');
    // the package index re-exports the report and notebook modules' public names
    const exported = new Set([...Object.keys(index), ...Object.keys(reports), ...Object.keys(notebook)]);
    const imported = blocks('ts').flatMap((code) =>
      [...code.matchAll(/import \{([^}]+)\} from '(npm:plandiff|plandiff|\/path\/to\/plandiff\/dist\/index\.js)'/g)].flatMap((m) =>
        m[1]!.split(',').map((s) => s.trim()).filter(Boolean),
      ),
    );
    expect(imported.length).toBeGreaterThan(8);
    expect(imported.filter((name) => !exported.has(name))).toEqual([]);
  });

  it('names only real columns and JSON keys', () => {
    const ts = blocks('ts').join('\n');
    const rowFields = [...ts.matchAll(/\br\.(\w+)/g)].map((m) => m[1]!);
    expect(rowFields.length).toBeGreaterThan(5);
    for (const f of rowFields) expect(REPORT_COLUMNS).toContain(f);
    const py = blocks('python').join('\n');
    const selections = [...py.matchAll(/\[\[([^\]]+)\]\]/g)].map((m) => m[1]!.split(',').map((s) => s.trim().replace(/'/g, '')));
    expect(selections).toHaveLength(2);
    for (const col of selections[0]!) expect(REPORT_COLUMNS).toContain(col);
    const json = diffToJson(loadFixture());
    for (const col of selections[1]!) expect(Object.keys(json.pairs[0]!)).toContain(col);
    for (const key of [...py.matchAll(/diff\['(\w+)'\]/g)].map((m) => m[1]!)) expect(Object.keys(json)).toContain(key);
    // every flag the Python snippets pass is one the command line's help lists
    const help = helpText();
    const flags = [...py.matchAll(/'--([\w-]+)'/g)].map((m) => m[1]!);
    expect(flags).toContain('embeddings');
    for (const flag of flags) expect(help).toMatch(new RegExp(`^\\s+(-\\w, )?--${flag} `, 'm'));
  });
});
