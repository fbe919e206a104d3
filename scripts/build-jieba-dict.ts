/**
 * Builds the tokenizer's data in src/lexicon/ from nodejieba's own dictionary files. Run:
 * `npx tsx scripts/build-jieba-dict.ts` (again whenever nodejieba is upgraded: a saved index made from
 * another dictionary file is not used, and the tokenizer then indexes the file itself on its first load).
 *
 *  - jieba-dict-index.json: where each line of nodejieba's main dictionary (349k words) starts, which lines
 *    each first character has, the total and the smallest frequency, so that the tokenizer finds the
 *    words a text needs without passing over the file (src/text/jieba-dict.ts);
 *  - jieba-hmm-stub.utf8, jieba-keywords-stub.utf8: nodejieba's `load` reads an HMM model, an idf table and
 *    stop words too; plandiff cuts without HMM and extracts no keywords, so it loads the smallest files
 *    cppjieba accepts: jieba's start and transition probabilities with one emission per state, and one
 *    idf line that also serves as the stop-word list.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { indexDict, saveIndex } from '../src/text/jieba-dict';

/** Path of nodejieba's full main dictionary. */
export function fullDictPath(): string {
  const require = createRequire(import.meta.url);
  return (require('nodejieba') as { DEFAULT_DICT: string }).DEFAULT_DICT;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const lexicon = join(import.meta.dirname, '..', 'src', 'lexicon');
  const index = indexDict(readFileSync(fullDictPath()));
  writeFileSync(join(lexicon, 'jieba-dict-index.json'), `${saveIndex(index)}\n`);
  const unsorted = index.groups.filter((x, i) => i % 4 === 3 && x === 0).length;
  console.log(
    `jieba-dict-index.json: ${index.lineStart.length} lines, ${index.groups.length / 4} ranges by first character (${unsorted} out of byte order), total ${index.total}, smallest frequency ${index.minFreq}`,
  );
  const hmm = readFileSync(join(dirname(fullDictPath()), 'hmm_model.utf8'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  writeFileSync(
    join(lexicon, 'jieba-hmm-stub.utf8'),
    `# plandiff cuts without HMM: jieba's start and transition probabilities, one emission per state (B E M S)\n${hmm.slice(0, 5).join('\n')}\n${['B', 'E', 'M', 'S'].map(() => '\u3007:-20').join('\n')}\n`,
  );
  writeFileSync(join(lexicon, 'jieba-keywords-stub.utf8'), '\u3007 1\n');
}
