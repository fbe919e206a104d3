/**
 * How an obligation's bound reads, in the report's language: `每年≥4次` / `≥4次/year`, `≤5个工作日`,
 * `≤ 03-31` (a date), `1–2场`. The plan's own words (units such as 次, 场, 个工作日) are never translated.
 */
import type { Obligation } from '../types';

/** Languages an obligation can be written in. */
export type ObligationLang = 'zh' | 'en';

/** Per-period words: Chinese puts them before the bound (每年≥4次), English after it (≥4次/year). */
const PERIODS: Record<ObligationLang, Readonly<Record<string, string>>> = {
  zh: { year: '每年', half: '每半年', quarter: '每季度', month: '每月', week: '每周', day: '每日' },
  en: { year: 'year', half: 'half-year', quarter: 'quarter', month: 'month', week: 'week', day: 'day' },
};

const COMPARATOR: Record<Obligation['comparator'], string> = { '>=': '≥', '<=': '≤', '=': '', range: '' };

/** `MMDD` as a number (331) → `03-31`. */
function monthDay(value: number): string {
  return `${String(Math.floor(value / 100)).padStart(2, '0')}-${String(value % 100).padStart(2, '0')}`;
}

/**
 * An obligation's bound as a short formula in `lang` (default `zh`): comparator, value and unit, and
 * the period it is counted per. Dates print as `MM-DD`, months as `4月` (`month 4` in English).
 */
export function formatObligation(o: Obligation, lang: ObligationLang = 'zh'): string {
  let value: string;
  if (o.kind === 'date') value = monthDay(o.value);
  else if (o.kind === 'month') value = lang === 'zh' ? `${o.value}月` : `month ${o.value}`;
  else if (o.comparator === 'range' && o.valueMax != null) value = `${o.value}–${o.valueMax}${o.unit}`;
  else value = `${o.value}${o.unit}`;
  // a date reads `≤ 03-31`, apart from its comparator; counts read `≥4次`
  const bound = o.kind === 'date' && COMPARATOR[o.comparator] ? `${COMPARATOR[o.comparator]} ${value}` : `${COMPARATOR[o.comparator]}${value}`;
  if (!o.period) return bound;
  const word = Object.hasOwn(PERIODS[lang], o.period) ? PERIODS[lang][o.period]! : o.period;
  return lang === 'zh' ? `${word}${bound}` : `${bound}/${word}`;
}
