import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../src/corpus';
import { MASS_WORD, MIN_WORD, collectWords, coversText, dictText, indexDict, loadIndex, saveIndex } from '../src/text/jieba-dict';
import { tokenize, type Tokenizer } from '../src/text/tokenize';
import { announcePlan, defaultTokenizer, fieldDictPath, jiebaLoadedWords, jiebaTokenizerWith, lexiconPath } from '../src/text/tokenizer-jieba';

/** A small dictionary in jieba's layout: grouped by first character, in byte order within a group, except
 * the last group (out of order, as a few of nodejieba's lines are). */
const LINES = ['公 900 n', '公众 300 n', '公开 500 v', '公开透明 7 l', '政 400 n', '政务 200 n', '政务公开 50 n', '政府 800 n', '开 600 v', '开放 90 v', '透 30 v', '透明 40 a', '明确 20 v', '明 10 a'];
const DICT = new TextEncoder().encode(`${LINES.join('\n')}\n`);
const WORDS = LINES.map((l) => l.split(' ')[0] as string);

/** Words of the dictionary that occur in a text, by brute force. */
const occurring = (text: string): string[] => WORDS.filter((w) => text.includes(w)).sort();

describe('the words a text needs from the main dictionary', () => {
  const index = indexDict(DICT);

  it('adds up the total and the smallest frequency, and flags the group out of byte order', () => {
    expect(index.total).toBe(900 + 500 + 7 + 300 + 400 + 200 + 50 + 800 + 600 + 90 + 30 + 40 + 20 + 10);
    expect(index.minFreq).toBe(7);
    const unsorted = index.groups.filter((x, i) => i % 4 === 3 && x === 0);
    expect(unsorted).toHaveLength(1);
  });

  it('finds exactly the dictionary words that occur in a text', () => {
    for (const text of ['推进政务公开透明', '政府公开', '公众明确开放', '开明', '没有一个词', '公', '政务公开政务公开', '']) {
      const found = new Map<number, string>();
      collectWords(index, text, found);
      expect([...found.values()].map((l) => l.split(' ')[0]).sort()).toEqual(occurring(text));
      expect(coversText(index, text, found)).toBe(true);
    }
    const some = new Map<number, string>();
    collectWords(index, '政务', some);
    expect(coversText(index, '政务公开', some)).toBe(false);
  });

  it('writes a dictionary with the full total and smallest frequency', () => {
    const found = new Map<number, string>();
    collectWords(index, '政府开放', found);
    const lines = dictText(index, found).trim().split('\n');
    expect(lines.slice(0, -2).sort()).toEqual(['开 600 v', '开放 90 v', '政 400 n', '政府 800 n'].sort());
    const freqs = lines.map((l) => Number(l.split(' ')[1]));
    expect(freqs.reduce((a, b) => a + b, 0)).toBe(index.total);
    expect(Math.min(...freqs)).toBe(7);
    expect(lines.slice(-2).map((l) => l.split(' ')[0])).toEqual([MASS_WORD, MIN_WORD]);
  });

  it('reads a saved index back, and not for another file', () => {
    const back = loadIndex(DICT, saveIndex(index));
    expect(back && [...back.lineStart]).toEqual([...index.lineStart]);
    expect(back?.groups).toEqual(index.groups);
    expect(loadIndex(DICT.subarray(0, DICT.length - 1), saveIndex(index))).toBeNull();
  });

  it('the saved index was made from the installed nodejieba dictionary', () => {
    const buf = readFileSync((createRequire(import.meta.url)('nodejieba') as { DEFAULT_DICT: string }).DEFAULT_DICT);
    expect(loadIndex(buf, readFileSync(lexiconPath('jieba-dict-index.json'), 'utf8'))).not.toBeNull();
  });
});

describe('the default tokenizer cuts as nodejieba with its full dictionary', () => {
  it('on a plan announced as if never seen (jiading-2023), then on the malformed-input fixtures', () => {
    const plan = loadPlan('jiading-2023');
    const texts = plan.tasks.map((t) => t.text);
    const dir = join(import.meta.dirname, 'fixtures', 'malformed');
    const fixtures = readdirSync(dir).flatMap((d) => {
      try {
        return readFileSync(join(dir, d, 'input.txt'), 'utf8').split('\n').filter((l) => /\p{Script=Han}/u.test(l));
      } catch {
        return [];
      }
    });
    const full = jiebaTokenizerWith({ userDict: fieldDictPath() });
    const cut = (ts: string[], tokenizer: Tokenizer = full): string[] => ts.map((t) => tokenize(t, { tokenizer }).map((k) => k.text).join(' '));
    const expected = cut(texts);
    const expectedFixtures = cut(fixtures);
    const wrapped = '做好生活垃圾\n清运';
    const expectedWrapped = cut([wrapped]);
    expect(expectedWrapped[0]).toContain('垃圾清运');
    // jiebaTokenizerWith unloaded the default tokenizer: its next load holds only what is announced
    announcePlan(plan);
    expect(cut(texts, defaultTokenizer())).toEqual(expected);
    // announced later: loaded again with these words too
    defaultTokenizer().prepare(fixtures);
    expect(cut(fixtures, defaultTokenizer())).toEqual(expectedFixtures);
    // a word across a line wrap (tokenize joins 垃圾\n清运) is found in the announced text: a small load
    const before = jiebaLoadedWords() as number;
    defaultTokenizer().prepare([wrapped]);
    expect(cut([wrapped], defaultTokenizer())).toEqual(expectedWrapped);
    expect(jiebaLoadedWords()).toBeGreaterThan(before);
    expect(jiebaLoadedWords()).toBeLessThan(10_000);
  });
});

describe('after nodejieba is loaded with other dictionaries', () => {
  it('a text inside one cut before the reload is looked up again, and cut as the full dictionary cuts it', () => {
    const first = '编制发布政府信息公开工作年度报告';
    const inside = '政府信息公开工作年度报告';
    const other = '做好生活垃圾清运';
    const full = jiebaTokenizerWith({ userDict: fieldDictPath() });
    const expected = full.cut(inside);
    expect(expected.length).toBeLessThan(inside.length);
    // the default tokenizer loads the words of `first`, and so covers every text inside it
    defaultTokenizer().prepare([first]);
    defaultTokenizer().cut(first);
    // another load behind its back (as jiebaTokenizerWith does), then a load with only `other`'s words
    jiebaTokenizerWith({ userDict: fieldDictPath() });
    defaultTokenizer().prepare([other]);
    defaultTokenizer().cut(other);
    expect(defaultTokenizer().cut(inside)).toEqual(expected);
  });
});
