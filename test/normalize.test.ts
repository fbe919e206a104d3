import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { Converter } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { normalizeText, squeezeSpaces, traditionalShare } from '../src/text/normalize';

const seedFiles = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();
const seed = (prefix: string): string => readFileSync(`seeds/${seedFiles.find((f) => f.startsWith(prefix))!}`, 'utf8');
const lineCount = (s: string): number => s.split(/\r\n|\r|\n/).length;

describe('normalizeText', () => {
  it('turns CRLF and CR into LF and keeps the number of lines', () => {
    const input = '第一行\r\n第二行\r第三行\n\r\n';
    const { text } = normalizeText(input);
    expect(text).toBe('第一行\n第二行\n第三行\n\n');
    expect(lineCount(text)).toBe(lineCount(input));
  });

  it('removes zero-width characters anywhere and drops control characters but tab and LF', () => {
    expect(normalizeText('\uFEFF政\u200B务\u200C公\u200D开\u2060').text).toBe('政务公开');
    expect(normalizeText('\f一、总体要求\u0007\t全年\u0085').text).toBe('一、总体要求\t全年');
  });

  it('turns NBSP, U+3000 and other Unicode spaces into an ordinary space and keeps ordinary spaces', () => {
    expect(normalizeText('序号\u00A0任务\u3000责任单位\u2003时间节点').text).toBe('序号 任务 责任单位 时间节点');
    expect(normalizeText('1   区发改委    全年').text).toBe('1   区发改委    全年');
  });

  it('makes full-width digits and Latin letters half-width and keeps Chinese punctuation', () => {
    expect(normalizeText('２０２３年ＶＲ展示ｖｒ').text).toBe('2023年VR展示vr');
    const punctuation = '（一）、，。：；“”《》〔〕';
    expect(normalizeText(punctuation).text).toBe(punctuation);
  });

  it('maps look-alike brackets and punctuation to their usual forms', () => {
    expect(normalizeText('普府办﹝2023﹞14号').text).toBe('普府办〔2023〕14号');
    expect(normalizeText('﹙一﹚公开﹐解读﹑回应﹔完成﹕95％').text).toBe('（一）公开，解读、回应；完成：95%');
    expect(normalizeText('⼀网通办').text).toBe('一网通办');
  });

  it('leaves every seed plan unchanged (they are clean simplified UTF-8)', () => {
    for (const file of seedFiles) {
      const input = readFileSync(`seeds/${file}`, 'utf8');
      const result = normalizeText(input);
      expect(result.convertedFromTraditional).toBe(false);
      expect(result.text).toBe(input);
    }
  });

  it('converts a traditional-character version of a seed excerpt back to the simplified original', () => {
    const excerpt = seed('003').split('\n').slice(0, 60).join('\n');
    for (const region of ['tw', 'hk', 't'] as const) {
      const traditional = Converter({ from: 'cn', to: region })(excerpt);
      expect(traditional).not.toBe(excerpt);
      const result = normalizeText(traditional);
      expect(result.convertedFromTraditional).toBe(true);
      expect(result.text).toBe(excerpt);
    }
    expect(normalizeText('區發改委牽頭，各相關單位配合').text).toBe('区发改委牵头，各相关单位配合');
  });

  it('measures the traditional share: none in simplified text, a large share in traditional text', () => {
    expect(traditionalShare(seed('000'))).toBe(0);
    expect(traditionalShare('政務公開工作要點')).toBeCloseTo(3 / 8); // 務 開 點
    expect(traditionalShare('abc 123')).toBe(0);
  });

  it('normalizes a large text in well under ten seconds', () => {
    const big = seed('000').repeat(1000); // ~48 MB of UTF-8
    const started = performance.now();
    const { text } = normalizeText(big);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(text.length).toBe(big.length);
  });

  it('is idempotent and keeps the line count (property)', () => {
    const pieces = fc.constantFrom(
      '\r\n', '\r', '\n', '\u200B', '\uFEFF', '\u00A0', '\u3000', '\t', ' ', '\f', '\u0000', '\u2028',
      '区', '發', '區', '著', '衞', '１', 'Ａ', '﹝', '﹞', '％', '（', '）', '、', 'a', '7', '⼀', '\uF900',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), { maxLength: 40 }), (parts) => {
        const input = parts.join('');
        const once = normalizeText(input).text;
        expect(normalizeText(once).text).toBe(once);
        expect(lineCount(once)).toBe(lineCount(input));
      }),
      { numRuns: 500 },
    );
  });
});

describe('squeezeSpaces', () => {
  it('removes spaces that touch Chinese characters or punctuation', () => {
    expect(squeezeSpaces('围 绕 推 进')).toBe('围绕推进');
    expect(squeezeSpaces('2023 年 4月 12 日')).toBe('2023年4月12日');
    expect(squeezeSpaces('不少于 4次')).toBe('不少于4次');
    expect(squeezeSpaces('VR 展示')).toBe('VR展示');
    expect(squeezeSpaces('“ 一网通办 ” ， 区生 态环境局')).toBe('“一网通办”，区生态环境局');
  });

  it('keeps one space between Latin or digit words and trims the ends', () => {
    expect(squeezeSpaces('  3+5+X   产业 ')).toBe('3+5+X产业');
    expect(squeezeSpaces('open  data\tportal')).toBe('open data portal');
    expect(squeezeSpaces('6.0 版')).toBe('6.0版');
  });

  it('is idempotent (property)', () => {
    const pieces = fc.constantFrom(' ', '\t', '  ', '区', '。', 'a', '1', '“', '）', '—');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 30 }), (parts) => {
        const once = squeezeSpaces(parts.join(''));
        expect(squeezeSpaces(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('squeezeSpaces on long input', () => {
  it('takes linear time on a long run of spaces', () => {
    const started = performance.now();
    expect(squeezeSpaces(`a${' '.repeat(200_000)}b`)).toBe('a b');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
