/**
 * Markdown report: the summary table, then one section per status (strengthened, weakened and mixed
 * first, then added, dropped, reworded, unchanged), each pair with both plans' texts, units, time nodes,
 * source lines, its changes and its character diff (`<del>` only in plan a, `<ins>` only in plan b).
 */
import type { DiffPair, PlanDiff, Task } from '../types';
import { basisLine, changeQuote, changeText, hasOwnLabel, probabilityText, unitsText, checkHint, countChanges, countStatuses, formatObligation, formatScore, formatSource, counterpartsLine, expectedLine, groupMessages, joinSeqs, messageText, obligationsOf, planName, ruleName, weakPairCount } from './common';
import { needsCheck } from '../align/check';
import { LABELS, type Labels, ROW_STATUSES, type RowStatus } from './labels';

/** Order of the per-status sections: what binds differently first. */
const SECTION_ORDER: readonly RowStatus[] = ['strengthened', 'weakened', 'mixed', 'added', 'dropped', 'reworded', 'unchanged'];

/** Escapes text so Markdown shows it literally (no emphasis, links, HTML or table breaks). */
export function mdEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~])/g, '\\$1');
}

/** Escaped text for one table cell: line breaks become `<br>`. */
export function mdCell(text: string | null | undefined): string {
  return text == null || text === '' ? '' : mdEscape(text).replace(/\r?\n/g, '<br>');
}

/** Escaped text inside a blockquote, keeping line breaks. */
function quoteBlock(text: string): string {
  return mdEscape(text)
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('  \n');
}

function taskBlock(diff: PlanDiff, L: Labels, side: 'a' | 'b', task: Task, unpaired = false): string[] {
  const who = side === 'a' ? L.planA : L.planB;
  const head = [`**${who} #${task.seq}**`];
  if (task.name) head.push(mdCell(task.name));
  else if (task.section.length) head.push(mdCell(task.section.join(' / ')));
  head.push(`\`${formatSource(task.source)}\``);
  const facts = [
    task.units.raw && hasOwnLabel(unitsText(task.units.raw)) ? mdCell(unitsText(task.units.raw)) : `${L.units}${L.colon}${task.units.raw ? mdCell(unitsText(task.units.raw)) : L.none}`,
    `${L.timeNode}${L.colon}${task.timeNode ? mdCell(task.timeNode.raw) : L.none}`,
  ];
  const obligations = obligationsOf(diff, side, task);
  if (obligations.length) {
    facts.push(
      `${L.obligations}${L.colon}${obligations.map((o) => `${L.obligationKind[o.kind]} ${mdCell(formatObligation(o, L))}${L.parenOpen}${mdCell(o.quote)}${L.parenClose}`).join(L.semicolon)}`,
    );
  }
  const nearest = unpaired ? counterpartsLine(diff, L, side, task) : null;
  return [head.join(' · '), '', quoteBlock(task.text), '', facts.join(' · '), '', ...(nearest ? [nearest, ''] : [])];
}

function textDiffLine(pair: DiffPair): string {
  return pair.textDiff
    .map((seg) => {
      const text = mdEscape(seg.text).replace(/\r?\n/g, ' ⏎ ');
      if (seg.op === '-') return `<del>${text}</del>`;
      if (seg.op === '+') return `<ins>${text}</ins>`;
      return text;
    })
    .join('');
}

function pairBlock(diff: PlanDiff, L: Labels, pair: DiffPair): string[] {
  const basis = basisLine(pair.evidence, L);
  const weak = needsCheck(pair) ? ` · **${L.weak}**` : '';
  const title = `### ${L.planA} #${joinSeqs(pair.a).replace(/;/g, `${L.listSep}#`)} ↔ ${L.planB} #${joinSeqs(pair.b).replace(/;/g, `${L.listSep}#`)} · ${L.score} ${formatScore(pair.score)}${probabilityText(pair, L)}${basis ? ` · ${basis}` : ''}${weak}`;
  const out = [title, ''];
  for (const task of pair.a) out.push(...taskBlock(diff, L, 'a', task));
  for (const task of pair.b) out.push(...taskBlock(diff, L, 'b', task));
  if (pair.changes.length) {
    out.push(`| ${L.change} | ${L.directionTitle} | ${L.before} | ${L.after} |`, '| --- | --- | --- | --- |');
    for (const c of pair.changes) {
      const cell = (side: 'before' | 'after') => {
        const quote = changeQuote(c, side);
        return `${mdCell(changeText(c, side, L))}${quote ? `<br>「${mdCell(quote)}」` : ''}`;
      };
      out.push(`| ${L.kind[c.kind]} | ${L.direction[c.direction]} | ${cell('before')} | ${cell('after')} |`);
    }
    out.push('');
  } else {
    out.push(`${L.changes}${L.colon}${L.noChanges}`, '');
  }
  if (pair.textDiff.some((s) => s.op !== '=')) out.push(`${L.textDiff}${L.colon}${textDiffLine(pair)}`, '');
  return out;
}

/** A status's hint in the summary; beside the dropped and added counts, how many are expected to have no counterpart. */
function summaryHint(diff: PlanDiff, L: Labels, status: RowStatus): string {
  const expected = status === 'dropped' ? expectedLine(diff.expectedDropped, L) : status === 'added' ? expectedLine(diff.expectedAdded, L) : null;
  return expected ? `${L.statusHint[status]}${L === LABELS.zh ? '；' : '; '}**${mdCell(expected)}**` : L.statusHint[status];
}

/** Renders the diff as a Markdown document. */
export function renderMarkdown(diff: PlanDiff, L: Labels): string {
  const counts = countStatuses(diff);
  const out: string[] = [];
  out.push(`# ${mdEscape(L.title.replace('{a}', planName(diff.a)).replace('{b}', planName(diff.b)))}`, '');
  out.push(`${L.planA}${L.colon}${mdEscape(planName(diff.a))}${L.gap}${L.planB}${L.colon}${mdEscape(planName(diff.b))}`, '');
  out.push(`> ${L.caveat}`, '');
  out.push(`## ${L.summary}`, '');
  out.push(`| ${L.filterStatus} | ${L.count} | |`, '| --- | ---: | --- |');
  for (const status of ROW_STATUSES) out.push(`| ${L.status[status]} | ${counts[status]} | ${summaryHint(diff, L, status)} |`);
  out.push(`| ${L.pairsTotal} | ${diff.pairs.length} | |`);
  out.push(`| ${L.weakPairs} | ${weakPairCount(diff)} | ${checkHint(L)} |`, '');
  const byKind = countChanges(diff);
  if (byKind.length) {
    out.push(`### ${L.changeSummary}`, '');
    out.push(`| ${L.change} | ${L.direction.stronger} | ${L.direction.weaker} | ${L.direction.neutral} |`, '| --- | ---: | ---: | ---: |');
    for (const r of byKind) out.push(`| ${L.kind[r.kind]} | ${r.stronger} | ${r.weaker} | ${r.neutral} |`);
    out.push('');
  }
  out.push(`${L.legend}${L.colon}<del>${L.deleted}</del> <ins>${L.inserted}</ins>`, '');

  for (const status of SECTION_ORDER) {
    if (!counts[status]) continue;
    out.push(`## ${L.status[status]}${L.parenOpen}${counts[status]}${L.parenClose}`, '');
    if (status === 'added') for (const t of diff.added) out.push(...taskBlock(diff, L, 'b', t, true));
    else if (status === 'dropped') for (const t of diff.dropped) out.push(...taskBlock(diff, L, 'a', t, true));
    else for (const p of diff.pairs) if (p.status === status) out.push(...pairBlock(diff, L, p));
  }
  out.push(...parseNotes(diff, L));
  out.push('---', '', L.generatedBy, '');
  return out.join('\n');
}

/** The plans' parse messages, by plan and rule (nothing when there are none). */
function parseNotes(diff: PlanDiff, L: Labels): string[] {
  const sides = (['a', 'b'] as const).filter((side) => diff.messages?.[side].length);
  if (!sides.length) return [];
  const out = [`## ${L.parseNotes}`, '', L.parseNotesHint, ''];
  for (const side of sides) {
    out.push(`**${side === 'a' ? L.planA : L.planB}${L.colon}${mdEscape(planName(side === 'a' ? diff.a : diff.b))}**`, '');
    for (const g of groupMessages(diff.messages![side])) {
      out.push(`- ${mdCell(ruleName(g.ruleId, L))}`);
      for (const m of g.shown) {
        const { reason, place } = messageText(m, L);
        out.push(`  - ${[reason ? mdCell(reason) : null, place ? `\`${place}\`` : null].filter((x) => x).join(' · ')}`);
      }
      if (g.more) out.push(`  - ${L.moreNotes.replace('{n}', String(g.more))}`);
    }
    out.push('');
  }
  return out;
}
