import { Converter } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { TRADITIONAL_CHARS, TRADITIONAL_CHAR_RANGES } from '../src/lexicon/traditional-chars';
import { traditionalShare } from '../src/text/normalize';

describe('the traditional characters normalization counts', () => {
  it('are exactly those the installed OpenCC traditional → mainland table changes, each on its own', () => {
    const chars: string[] = [];
    for (const [lo, hi] of TRADITIONAL_CHAR_RANGES) for (let c = lo; c <= hi; c++) chars.push(String.fromCharCode(c));
    const converted = Converter({ from: 't', to: 'cn' })(chars.join('\n')).split('\n');
    expect(TRADITIONAL_CHARS).toBe(chars.filter((ch, i) => converted[i] !== ch).join(''));
  });

  it('decide the share of a text', () => {
    expect(traditionalShare('政務公開')).toBe(0.5);
    expect(traditionalShare('政务公开')).toBe(0);
    expect(traditionalShare('2024')).toBe(0);
  });
});
