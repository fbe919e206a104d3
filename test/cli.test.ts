import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignPlans } from '../src/align/align';
import { COMMANDS, synopsis } from '../src/cli';
import { loadPlan } from '../src/corpus';
import { runCli } from './helpers/cli';

const cacheDir = mkdtempSync(join(tmpdir(), 'plandiff-cli-cache-'));
const run = (...args: string[]) => runCli(args, { cacheDir });

describe('plandiff parse', () => {
  it.each([
    ['putuo-2023', 118],
    ['pudong-2022', 78],
    ['songjiang-2024', 51],
    ['jiading-2023', 91],
    ['baoshan-2024', 32],
  ])('%s gives %i tasks numbered 1…N', (id, count) => {
    const r = run('parse', id, '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.meta.id).toBe(id);
    expect(plan.tasks).toHaveLength(count);
    expect(plan.tasks.map((t: { seq: number }) => t.seq)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    for (const t of plan.tasks) expect(t.text.length).toBeGreaterThan(0);
  });

  it('takes a file path as well as an id, and prints a Markdown outline', () => {
    const r = run('parse', join(__dirname, '..', 'seeds', '003_d488483787f5af7e.txt'), '--format', 'md');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| 任务数 | 32 |');
    expect(r.stdout).toContain('责任单位：');
  });

  it('reports an empty file by name, exits 1, and prints no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-cli-'));
    const file = join(dir, 'empty.txt');
    writeFileSync(file, '');
    const r = run('parse', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`plandiff: ${file}`);
    expect(r.stderr).toContain('empty');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the corpus ids when a plan is neither a file nor an id', () => {
    const r = run('parse', 'nowhere-1999');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('plandiff: nowhere-1999: no such file, and no plan with this id in the corpus');
    expect(r.stderr).toContain('putuo-2023');
  });

  it('rejects an unknown format with exit code 2', () => {
    const r = run('parse', 'putuo-2023', '--format', 'docx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown format "docx"');
  });
});

describe('plandiff align, diff, obligations, audit, trace', () => {
  it('align prints the stable JSON: pairs of seqs with scores, dropped and added', () => {
    const r = run('align', 'songjiang-2024', 'baoshan-2024', '--format', 'json');
    expect(r.code).toBe(0);
    const al = JSON.parse(r.stdout);
    expect(Object.keys(al)).toEqual(['a', 'b', 'pairs', 'dropped', 'added', 'minProbability', 'expectedDropped', 'expectedAdded', 'likeliest', 'candidates', 'skippedDecisions']);
    expect(al.a).toEqual({ id: 'songjiang-2024', district: '松江区', year: 2024 });
    const seen = [...al.pairs.flatMap((p: { a: number[] }) => p.a), ...al.dropped].sort((x: number, y: number) => x - y);
    expect(seen).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
    for (const p of al.pairs) {
      expect(p.score).toBeGreaterThan(0);
      expect(p.score).toBeLessThanOrEqual(1);
    }
  });

  it('diff --format json reports 不少于3次 → 不少于4次 between pudong-2022 and putuo-2023 as a stronger count', () => {
    const r = run('diff', 'pudong-2022', 'putuo-2023', '--format', 'json');
    expect(r.code).toBe(0);
    const diff = JSON.parse(r.stdout);
    const pair = diff.pairs.find((p: { changes: { quoteA: string; quoteB: string }[] }) =>
      p.changes.some((c) => c.quoteA?.includes('不少于3次') && c.quoteB?.includes('不少于4次')),
    );
    expect(pair).toBeDefined();
    const change = pair.changes.find((c: { kind: string }) => c.kind === 'count');
    expect(change).toMatchObject({ kind: 'count', direction: 'stronger', before: '每年≥3次', after: '每年≥4次' });
    expect(diff.tasks.a[String(pair.a[0])].text).toContain('列席区政府决策会议不少于3次');
    expect(diff.tasks.b[String(pair.b[0])].text).toContain('列席区政府常务会议不少于4次');
    expect(diff.summary.added).toBe(diff.added.length);
  });

  it('obligations --format csv starts with a BOM and has one row per obligation', () => {
    const json = JSON.parse(run('obligations', 'jiading-2023', '--format', 'json').stdout);
    const r = run('obligations', 'jiading-2023', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFFseq,kind,comparator,value,valueMax,unit,period,subject,quote\r\n')).toBe(true);
    expect(r.stdout.trimEnd().split('\r\n')).toHaveLength(json.length + 1);
    expect(json.find((o: { kind: string }) => o.kind === 'amount')).toMatchObject({ comparator: '>=', value: 1000, unit: '万元' });
  });

  it('audit against a directive counts each directive task once, as the alignment covers it', () => {
    const r = run('audit', '--directive', 'songjiang-2024', 'baoshan-2024', '--format', 'json');
    expect(r.code).toBe(0);
    const conv = JSON.parse(r.stdout);
    const alignment = alignPlans(loadPlan('songjiang-2024'), loadPlan('baoshan-2024'));
    const covered = new Set(alignment.pairs.flatMap((p) => p.a.map((t) => t.seq)));
    const plan = conv.plans[0];
    expect(plan.counts.adopted + plan.counts.adapted).toBe(covered.size);
    expect(plan.counts.missing).toBe(51 - covered.size);
    expect(plan.coverage).toBe(Math.round((covered.size / 51) * 10000) / 10000);
  });

  it('audit without --directive is a usage error', () => {
    const r = run('audit', 'putuo-2023');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing --directive');
  });

  it('trace follows a task across the corpus in year order', () => {
    const r = run('trace', 'pudong-2022', '34', '--format', 'json');
    expect(r.code).toBe(0);
    const trace = JSON.parse(r.stdout);
    expect(trace.steps).toHaveLength(5);
    const years = trace.steps.map((s: { plan: { year: number } }) => s.plan.year);
    expect(years).toEqual([...years].sort());
    expect(trace.steps[0].tasks[0]).toMatchObject({ seq: 34 });
    const r2 = run('trace', 'pudong-2022', '999');
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('pudong-2022 has no task 999 (its tasks are numbered 1–78)');
  });
});

describe('the command line follows the usual conventions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-cli-out-'));

  it('-o picks the format from the file extension when --format is absent', () => {
    const html = join(dir, 'report.html');
    const r = run('diff', 'putuo-2023', 'songjiang-2024', '-o', html);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(html, 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
    const csv = join(dir, 'obligations.csv');
    expect(run('obligations', 'jiading-2023', '-o', csv).code).toBe(0);
    expect(readFileSync(csv, 'utf8').startsWith('\uFEFFseq,kind,')).toBe(true);
    const json = join(dir, 'align.json');
    expect(run('align', 'songjiang-2024', 'baoshan-2024', '-o', json).code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).a.id).toBe('songjiang-2024');
    // an extension that names no format keeps the command's default
    const txt = join(dir, 'plan.txt');
    expect(run('parse', 'baoshan-2024', '-o', txt).code).toBe(0);
    expect(JSON.parse(readFileSync(txt, 'utf8')).tasks).toHaveLength(32);
  });

  it('a --format that contradicts the -o extension, or a format the command cannot write, is a usage error', () => {
    const conflict = run('diff', 'putuo-2023', 'songjiang-2024', '--format', 'md', '-o', join(dir, 'x.html'));
    expect(conflict.code).toBe(2);
    expect(conflict.stderr).toBe(`plandiff: --format md contradicts the output file ${join(dir, 'x.html')} (.html is html); drop --format or rename the file\n`);
    const cannot = run('trace', 'pudong-2022', '34', '-o', join(dir, 'x.csv'));
    expect(cannot.code).toBe(2);
    expect(cannot.stderr).toContain('trace cannot write csv');
    expect(readdirSync(dir).filter((f) => f.startsWith('x.'))).toEqual([]);
  });

  it('--version prints the package version; <command> --help prints that command', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
    expect(run('--version')).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    const help = run('diff', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout.startsWith('Usage: plandiff diff <planA> <planB> [--format md|html|json|csv] [--lang zh|en]\n')).toBe(true);
    expect(help.stdout).toContain('formats: md, html, json, csv (default md)');
    expect(help.stdout).not.toContain('plandiff parse');
    expect(run('audit', '--help').stdout).toContain('--directive');
  });

  it('the help and the README give every command the same arguments and formats', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const help = run('--help').stdout;
    for (const name of Object.keys(COMMANDS)) {
      const line = synopsis(name);
      expect(help, name).toContain(`  ${line}\n`);
      expect(readme, name).toContain(line);
    }
    // the README names no format a command does not write
    for (const m of readme.matchAll(/^plandiff (\w+) .*\[--format ([\w|]+)\]/gm)) {
      expect(COMMANDS[m[1]!]!.formats.join('|'), m[1]).toBe(m[2]);
    }
  });

  it('a folder given as a plan is named as a folder', () => {
    const r = run('parse', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`plandiff: ${dir}: this is a folder, not a plan file; give a plan's file or corpus id\n`);
  });

  it('library errors carry no program name; the command line adds it once', () => {
    expect(() => loadPlan('nowhere-1999')).toThrow(/^nowhere-1999: no such file/);
    const r = run('parse', 'nowhere-1999');
    expect(r.stderr.startsWith('plandiff: nowhere-1999: no such file')).toBe(true);
    expect(r.stderr.match(/plandiff:/g)).toHaveLength(1);
  });

  it('the docs the README links to are in the published package', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const linked = [...readme.matchAll(/\]\((docs\/[^)]+)\)/g)].map((m) => m[1]!);
    expect(linked.length).toBeGreaterThan(0);
    for (const file of linked) expect(pkg.files.some((f: string) => file === f || file.startsWith(`${f}/`)), file).toBe(true);
  });
});

describe('on a terminal, diff shows a summary; piped or with -o, the full report', () => {
  it('a terminal gets the counts, the strengthened and weakened pairs and how to get the full report', () => {
    const tty = runCli(['diff', 'putuo-2023', 'songjiang-2024'], { cacheDir, tty: true });
    const piped = run('diff', 'putuo-2023', 'songjiang-2024', '--format', 'json');
    const diff = JSON.parse(piped.stdout);
    expect(tty.code).toBe(0);
    expect(tty.stdout.split('\n').length).toBeLessThan(60);
    expect(tty.stdout).not.toMatch(/<(del|ins)>/);
    expect(tty.stdout).toContain(`强化 ${diff.summary.strengthened} · 弱化 ${diff.summary.weakened}`);
    const strengthened = diff.pairs.filter((p: { status: string }) => p.status === 'strengthened');
    expect(strengthened.length).toBeGreaterThan(0);
    for (const p of strengthened) expect(tty.stdout).toContain(`甲 #${p.a.join('、#')} → 乙 #${p.b.join('、#')}：`);
    expect(tty.stdout).toContain('完整报告');
    expect(tty.stdout).toContain('plandiff diff putuo-2023 songjiang-2024 -o report.html');
  });

  it('piped output is the full Markdown report', () => {
    const r = run('diff', 'putuo-2023', 'songjiang-2024');
    expect(r.stdout.startsWith('# 政务公开工作要点对比：')).toBe(true);
    expect(r.stdout.split('\n').length).toBeGreaterThan(500);
  });

  it('with -o the file holds the full report and a terminal is told where it is', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'plandiff-cli-tty-')), 'r.md');
    const r = runCli(['diff', 'putuo-2023', 'songjiang-2024', '-o', out], { cacheDir, tty: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`完整报告：${out}`);
    expect(readFileSync(out, 'utf8').split('\n').length).toBeGreaterThan(500);
  });
});

describe('the plan cache serves every command that reads plans', () => {
  it.each([
    [['obligations', 'jiading-2023'], 1],
    [['audit', '--directive', 'songjiang-2024', 'baoshan-2024'], 2],
    [['trace', 'pudong-2022', '34'], 5],
  ])('%j leaves %i plans in the cache, and reads them from it next time', (args, count) => {
    const own = mkdtempSync(join(tmpdir(), 'plandiff-cli-plan-cache-'));
    const first = runCli(args, { cacheDir: own });
    expect(first.code).toBe(0);
    const entries = readdirSync(own).filter((f) => /^plan-[0-9a-f]{40}\.json$/.test(f));
    expect(entries).toHaveLength(count);
    const second = runCli(args, { cacheDir: own });
    expect(second.stdout).toBe(first.stdout);
    expect(readdirSync(own).filter((f) => /^plan-[0-9a-f]{40}\.json$/.test(f))).toEqual(entries);
  });
});

describe('module structure', () => {
  it('nothing under src/io/ imports the corpus loader (no io ↔ corpus cycle)', () => {
    const io = join(__dirname, '..', 'src', 'io');
    for (const f of readdirSync(io)) {
      expect(readFileSync(join(io, f), 'utf8'), f).not.toMatch(/from '\.\.\/(corpus|plan-cache)'/);
    }
  });
});
