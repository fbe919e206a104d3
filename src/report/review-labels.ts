/**
 * The words of the review queue (`plandiff review` and the questions in the HTML diff report), in Chinese
 * (default) and English. Plan text is never translated.
 */
import type { ReportLang } from './labels';

/** One language's labels for the review queue. */
export interface ReviewLabels {
  /** Page title; `{a}` and `{b}` stand for the two plans' names */
  title: string;
  /** Heading of the questions section */
  heading: string;
  /** What the questions are and how to answer them, one paragraph */
  intro: string;
  /** Shown when there is nothing to ask */
  none: string;
  /** One question's heading; `{n}` is its number */
  question: string;
  /** The link's calibrated probability */
  probability: string;
  /** Why the question is asked */
  why: string;
  /** Answer buttons */
  same: string;
  different: string;
  /** Count of answered questions; `{n}` answered, `{total}` asked */
  answered: string;
  /** Decisions carried over from decisions files; `{n}` */
  carried: string;
  /** Export button, and what it does */
  export: string;
  exportHint: string;
  /** Button that forgets the answers given on this page */
  clear: string;
  /** Where the page keeps answers */
  storageNote: string;
  /** Markdown: how to record the answers (Markdown source, printed as is) */
  mdHowTo: string;
  /** Source line label */
  source: string;
}

const ZH: ReviewLabels = {
  title: '待核问题：{a} ↔ {b}',
  heading: '待核问题',
  intro: '以下每题是一对可能相同的任务，按回答后对比对结果影响的大小排列。请阅读双方原文，判断两者是否承担同一项具体工作。',
  none: '没有需要核对的问题。',
  question: '第 {n} 题',
  probability: '相同的概率',
  why: '原因',
  same: '相同',
  different: '不同',
  answered: '已回答 {n} / {total}',
  carried: '另有 {n} 条已有决定（来自决定文件），导出时一并保留',
  export: '导出决定文件',
  exportHint: '下载 JSON 决定文件，用 --decisions 传给 plandiff align / diff / review',
  clear: '清除本页答案',
  storageNote: '答案保存在本浏览器中（按两份计划的编号），导出前关闭页面不会丢失。',
  mdHowTo: '回答方式：把答案写入决定文件 `{"a": "<计划A>", "b": "<计划B>", "decisions": [{"a": 序号, "b": 序号, "same": true/false, "aHash": …, "bHash": …}]}`（每题末行即其条目），或在 HTML 页面中点击“相同 / 不同”后导出；再用 `--decisions <文件>` 运行 plandiff。',
  source: '来源',
};

const EN: ReviewLabels = {
  title: 'Questions to check: {a} ↔ {b}',
  heading: 'Questions to check',
  intro:
    'Each question is a pair of tasks that may carry the same obligation, in order of how much the answer would change the alignment. Read both texts and decide whether they commit to the same concrete work.',
  none: 'Nothing to check.',
  question: 'Question {n}',
  probability: 'probability same',
  why: 'why',
  same: 'same',
  different: 'different',
  answered: '{n} of {total} answered',
  carried: '{n} more decisions come from decisions files and are kept on export',
  export: 'Export decisions file',
  exportHint: 'downloads the JSON decisions file; pass it to plandiff align / diff / review with --decisions',
  clear: 'Forget this page’s answers',
  storageNote: 'Answers are kept in this browser (keyed by the two plans’ ids) until exported, even if the page is closed.',
  mdHowTo:
    'To answer: write the answers into a decisions file `{"a": "<plan A>", "b": "<plan B>", "decisions": [{"a": seq, "b": seq, "same": true/false, "aHash": …, "bHash": …}]}` (the last line of each question is its entry), or click same / different in the HTML page and export; then run plandiff with `--decisions <file>`.',
  source: 'source',
};

/** The review labels of a language. */
export function reviewLabelsFor(lang: ReportLang): ReviewLabels {
  return lang === 'en' ? EN : ZH;
}
