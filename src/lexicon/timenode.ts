/**
 * Words of time nodes (时间节点) read by `parseTimeNode` (src/parse/timenode.ts).
 */

/** Words meaning work that goes on without a deadline. */
export const CONTINUOUS_WORDS: readonly string[] = [
  '持续推进', '持续开展', '持续', '长期坚持', '长期', '常态化推进', '常态化', '常年', '日常', '经常性', '定期', '及时', '每月', '每季度', '每季', '每半年',
];

/** Words meaning the whole plan year (window 01-01 … 12-31). */
export const WHOLE_YEAR_WORDS: readonly string[] = ['全年', '年内', '本年度', '年度内', '全年度', '当年'];

/** Words meaning "by the end of the year" (open start, end 12-31). */
export const YEAR_END_WORDS: readonly string[] = ['年底前', '年末前', '年底', '年末', '年终'];

/** Words that put the node in the year after the plan's year (yearOffset 1). */
export const NEXT_YEAR_WORDS: readonly string[] = ['次年', '明年', '翌年', '下一年', '下一年度', '下年度', '下年'];

/** Halves of the year: word → months covered. */
export const HALF_WORDS: Readonly<Record<string, readonly [number, number]>> = {
  上半年: [1, 6],
  下半年: [7, 12],
  年中: [1, 6],
};

/** Separators between months or ranges in a list (`4月、10月`, `3-6月 9-10月`). */
export const LIST_SEPARATORS = '、，,；;和及与 ';

/** Range dashes (`3-6月`, `3至6月`). */
export const RANGE_DASHES = '-－—–~～至到';

/** After a month or quarter: words meaning "by the end of it". */
export const END_OF_PERIOD_WORDS: readonly string[] = ['底前', '末前', '底', '末', '结束前', '以前完成', '内'];

/** After a month or quarter: words meaning "before it begins". */
export const BEFORE_WORDS: readonly string[] = ['前', '以前', '之前'];

/** Parts of a month: word → last day (31 stands for the month's last day). */
export const MONTH_PART_END_DAY: Readonly<Record<string, number>> = {
  上旬: 10,
  中旬: 20,
  下旬: 31,
  月初: 10,
  月中: 15,
};
