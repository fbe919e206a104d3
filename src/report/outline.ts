/** A readable Markdown outline of a parsed plan: metadata, then each task with its units and time node. */
import type { Heading, Plan, Task } from '../types';

function headingLines(headings: Heading[], depth: number, out: string[]): void {
  for (const h of headings) {
    out.push(`${'  '.repeat(depth)}- ${h.marker}${h.title} (L${h.source.lineStart})`);
    headingLines(h.children, depth + 1, out);
  }
}

function taskLine(t: Task): string {
  const lead = t.units.lead.join('、') || '—';
  const support = t.units.support.length ? `；配合：${t.units.support.join('、')}` : '';
  const time = t.timeNode ? t.timeNode.raw : '—';
  const name = t.name ? `**${t.name}** ` : '';
  return [
    `${t.seq}. ${name}${t.text}`,
    `   - 责任单位：${lead}${support}`,
    `   - 时间节点：${time}${t.timeNode?.end && t.timeNode.raw !== t.timeNode.end ? `（截至 ${t.timeNode.end}）` : ''}`,
    `   - 来源：${t.source.file}:${t.source.lineStart}–${t.source.lineEnd}${t.section.length ? `；${t.section.join(' › ')}` : ''}`,
  ].join('\n');
}

/** Renders a plan as a Markdown outline. */
export function renderPlanOutline(plan: Plan): string {
  const m = plan.meta;
  const out: string[] = [];
  out.push(`# ${m.title ?? m.id}`, '');
  out.push(`| | |`, `|---|---|`);
  out.push(`| id | ${m.id} |`, `| 区 | ${m.district ?? '—'} |`, `| 年度 | ${m.year ?? '—'} |`);
  out.push(`| 发文机关 | ${m.issuer ?? '—'} |`, `| 文号 | ${m.docNumber ?? '—'} |`, `| 成文日期 | ${m.issueDate ?? '—'} |`);
  out.push(`| 任务来源 | ${plan.layout} |`, `| 任务数 | ${plan.tasks.length} |`, '');
  if (plan.headings.length) {
    out.push('## 章节', '');
    headingLines(plan.headings, 0, out);
    out.push('');
  }
  out.push('## 任务', '');
  for (const t of plan.tasks) out.push(taskLine(t));
  if (plan.messages.length) {
    out.push('', '## 提示', '');
    for (const msg of plan.messages) {
      out.push(`- ${msg.place ? `L${msg.place.lineStart}: ` : ''}${msg.reason} (${msg.ruleId})`);
    }
  }
  return out.join('\n') + '\n';
}
