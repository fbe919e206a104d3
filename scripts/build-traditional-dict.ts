/**
 * Builds src/lexicon/traditional-chars.ts: the Han characters (BMP) that OpenCC's traditional → mainland
 * table (opencc-js `Converter({ from: 't', to: 'cn' })`) changes, each converted on its own. Normalization
 * decides whether a text is traditional from this list, so that opencc-js is loaded only to convert a text
 * that is. Run: `npx tsx scripts/build-traditional-dict.ts` (again when opencc-js is upgraded; a test
 * checks the list against the installed converter).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Converter } from 'opencc-js/t2cn';

/** The Han blocks normalization counts (src/text/normalize.ts, isHanCode) */
const HAN_RANGES: readonly (readonly [number, number])[] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];
const chars: string[] = [];
for (const [lo, hi] of HAN_RANGES) for (let c = lo; c <= hi; c++) chars.push(String.fromCharCode(c));
const converted = Converter({ from: 't', to: 'cn' })(chars.join('\n')).split('\n');
const changed = chars.filter((ch, i) => converted[i] !== ch).join('');
const out = join(import.meta.dirname, '..', 'src', 'lexicon', 'traditional-chars.ts');
writeFileSync(
  out,
  `/**
 * The Han characters (BMP) that OpenCC's traditional → mainland table changes, each converted on its own
 * (${changed.length} characters). Made by scripts/build-traditional-dict.ts from opencc-js; normalization
 * counts them to decide whether a text is traditional (src/text/normalize.ts).
 */
export const TRADITIONAL_CHARS =
  '${changed}';

/** The code point ranges the list was made from */
export const TRADITIONAL_CHAR_RANGES: readonly (readonly [number, number])[] = ${JSON.stringify(HAN_RANGES)};
`,
);
console.log(`${out}: ${changed.length} characters`);
