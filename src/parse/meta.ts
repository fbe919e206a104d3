/**
 * Plan metadata printed on the letterhead and the notice of a plan: title, district, year, document
 * number (普府办〔2023〕14号), issue date and issuing office.
 */
import type { PlanMeta } from '../types';
import {
  CITY_NAME_PATTERN,
  DISTRICT_ENDINGS,
  ISSUER_ENDINGS,
  LETTERHEAD_SUFFIXES,
  NOT_TITLE_WORDS,
  PLAN_TITLE_ENDINGS,
  TABLE_TITLE_ENDINGS,
} from '../lexicon/layout';
import { endsSentence, isContentLine, type Line } from './lines';
import { parseDigitSequence, parseNumber } from '../text/numerals';

/** Metadata read from the text, with where the title is. */
export interface MetaScan {
  meta: Omit<PlanMeta, 'id'>;
  /** Index of the (last) line of the plan title, or null */
  titleIndex: number | null;
}

const DOC_NUMBER = /([\u4e00-\u9fa5]{1,8})[〔［\[【（(]\s*(\d{4})\s*[〕］\]】）)]\s*(\d{1,5})\s*号/;
const DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日/;
const CN_DATE = /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/;
const DISTRICT = new RegExp(`^([\\u4e00-\\u9fa5]{2,4}?(?:${DISTRICT_ENDINGS.join('|')}))`);
/** A date after a web page's metadata label (`成文日期：2024-03-15`). */
const LABELLED_DATE = /(?:成文日期|发文日期|印发日期|发布日期)[：:]\s*(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/;
/** A title quoted by the notice that transmits the plan (`现将《2023年奉贤区政务公开工作要点》印发给你们`). */
const QUOTED_TITLE = /《([^《》]{4,60})》/g;
/** An appendix label on a line of its own (`附件`, `附件2：`): never the first half of a wrapped title. */
const APPENDIX_LINE = /^附[件表]\s*\d*\s*[：:]?$/;
/** A year in a file name (`青浦区2022年…`, `qingpu-2022`). */
const FILE_YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/;
const CITY = new RegExp(`^(${CITY_NAME_PATTERN})`);

function isoDate(y: number, m: number, d: number): string | null {
  if (!(y >= 1949 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Reads a date printed in Arabic or Chinese numerals (`2023年4月12日`, `二〇二三年四月十二日`). */
export function readDate(s: string): string | null {
  const m = DATE.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  const c = CN_DATE.exec(s);
  if (c) {
    return isoDate(parseDigitSequence(c[1]!) ?? NaN, parseNumber(c[2]!) ?? NaN, parseNumber(c[3]!) ?? NaN);
  }
  return null;
}

function stripLetterhead(s: string): string {
  for (const suffix of LETTERHEAD_SUFFIXES) if (s.endsWith(suffix)) return s.slice(0, -suffix.length);
  return s;
}

/** The issuing office a line names (`上海市普陀区人民政府办公室`), or null. */
export function issuerOf(s: string): string | null {
  const t = stripLetterhead(s);
  if (t.length < 4 || t.length > 30) return null;
  if (/[，,：:。；、《》“”\s]/.test(t) || /关于|印发|通知/.test(t)) return null;
  return ISSUER_ENDINGS.some((e) => t.endsWith(e)) ? t : null;
}

/** The plan or task-table title a line is (`2023年普陀区政务公开工作要点`), or null. */
export function titleOf(s: string): { title: string; table: boolean } | null {
  if (s.length < 4 || s.length > 60) return null;
  if (NOT_TITLE_WORDS.some((w) => s.includes(w)) || endsSentence(s) || /[，,：:]/.test(s)) return null;
  for (const e of TABLE_TITLE_ENDINGS) if (s.endsWith(e)) return { title: s, table: true };
  for (const e of PLAN_TITLE_ENDINGS) if (s.endsWith(e)) return { title: s, table: false };
  return null;
}

/** District named at the start of a title or issuer (`2023年上海市普陀区…` → 普陀区). */
function districtOf(s: string): { district: string | null; city: string | null } {
  let t = s.replace(/^\d{4}年度?/, '');
  const city = CITY.exec(t);
  const withoutCity = city ? t.slice(city[1]!.length) : t;
  const d = DISTRICT.exec(withoutCity);
  if (d && !/政务|公开|工作/.test(d[1]!)) return { district: d[1]!, city: city?.[1] ?? null };
  t = withoutCity;
  return { district: null, city: city?.[1] ?? null };
}

/**
 * Reads the metadata from the lines before the body (`to`: index of the first heading or table header)
 * and from the trailer lines (`trailerFrom` … end). Without a title line, the title is the one the notice
 * names in 《…》; the issue date may come from a web page's `成文日期` line; district and year not
 * printed anywhere come from the file name (`青浦区2022年政务公开工作要点.txt`).
 */
export function readMeta(lines: readonly Line[], to: number, trailerFrom: number, file = ''): MetaScan {
  const head = Math.min(to, 150);
  let docNumber: string | null = null;
  let issueDate: string | null = null;
  let issuer: string | null = null;
  let plan: { title: string; index: number } | null = null;
  let table: { title: string; index: number } | null = null;
  /** A plan title named in 《…》 by the notice */
  let noticed: string | null = null;

  for (let i = 0; i < head; i++) {
    const line = lines[i]!;
    if (!isContentLine(line)) continue;
    const s = line.squeezed;
    if (docNumber === null && s.length <= 40) {
      const m = DOC_NUMBER.exec(s);
      if (m) docNumber = `${m[1]}〔${m[2]}〕${m[3]}号`;
    }
    if (issueDate === null && s.length <= 40) {
      const labelled = LABELLED_DATE.exec(s);
      if (labelled) issueDate = isoDate(Number(labelled[1]), Number(labelled[2]), Number(labelled[3]));
    }
    if (noticed === null && s.includes('《')) {
      for (const m of s.matchAll(QUOTED_TITLE)) {
        const t = titleOf(m[1]!);
        if (t && !t.table) {
          noticed = t.title;
          break;
        }
      }
    }
    if (issueDate === null && s.length <= 24) {
      const d = readDate(s);
      if (d && /^[\d〇零一二三四五六七八九十年月日]+$/.test(s)) issueDate = d;
    }
    issuer ??= issuerOf(s);
    let t = titleOf(s);
    let at = i;
    if (!t) {
      // A title wrapped onto the next line.
      let j = i + 1;
      while (j < head && !isContentLine(lines[j]!)) j++;
      if (j < head && s.length <= 40 && !endsSentence(s) && !DATE.test(s) && !APPENDIX_LINE.test(s)) {
        t = titleOf(s + lines[j]!.squeezed);
        at = j;
      }
    }
    if (t) {
      if (t.table) table ??= { title: t.title, index: at };
      else plan = { title: t.title, index: at };
    }
  }
  // Trailer: `上海市普陀区人民政府办公室 2023年4月12日印发`, a closing issuer line.
  for (let i = Math.max(trailerFrom, lines.length - 40, 0); i < lines.length; i++) {
    const line = lines[i]!;
    if (!isContentLine(line)) continue;
    const s = line.squeezed;
    if (s.length > 80) continue;
    const printed = /^(.*?)(\d{4}年\d{1,2}月\d{1,2}日)印发$/.exec(s);
    if (printed) {
      issueDate ??= readDate(printed[2]!);
      if (printed[1] !== '') issuer ??= issuerOf(printed[1]!);
    }
    if (i >= trailerFrom) issuer ??= issuerOf(s);
  }

  let title: string | null = plan?.title ?? null;
  let titleIndex: number | null = plan?.index ?? null;
  if (title === null && table) {
    const ending = TABLE_TITLE_ENDINGS.find((e) => table!.title.endsWith(e))!;
    const stripped = table.title.slice(0, -ending.length);
    title = PLAN_TITLE_ENDINGS.some((e) => stripped.endsWith(e)) ? stripped : table.title;
    titleIndex = null;
  }

  if (title === null && noticed !== null) title = noticed;

  let year: number | null = null;
  const y = title ? /(\d{4})年/.exec(title) : null;
  if (y) year = Number(y[1]);
  else if (docNumber) year = Number(/〔(\d{4})〕/.exec(docNumber)![1]);
  else if (issueDate) year = Number(issueDate.slice(0, 4));

  let district: string | null = null;
  let city: string | null = null;
  for (const source of [title, issuer]) {
    if (!source || district) continue;
    const d = districtOf(source);
    district = d.district;
    city ??= d.city;
  }
  district ??= city;
  // Not printed anywhere: the file name may say (`青浦区2022年政务公开工作要点.txt`).
  const stem = (file.split(/[\\/]/).pop() ?? '').replace(/\.[^.]+$/, '');
  if (year === null) {
    const y = FILE_YEAR.exec(stem);
    if (y) year = Number(y[1]);
  }
  if (district === null && stem !== '') {
    const named = /[\u4e00-\u9fa5]/.test(stem) ? districtOf(stem.replace(/^[^\u4e00-\u9fa5\d]+/, '')) : null;
    district = named?.district ?? named?.city ?? null;
  }

  return { meta: { district, year, title, issuer, docNumber, issueDate }, titleIndex };
}
