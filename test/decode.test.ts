import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { Converter } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../src/io/decode';
import { readPlanFile, readPlanText } from '../src/io/read';
import { caught } from './helpers/errors';

const seedFile = (prefix: string): string => `seeds/${readdirSync('seeds').find((f) => f.startsWith(prefix))!}`;
/** A seed excerpt: the first 40 lines of the Baoshan plan. */
const excerpt = readFileSync(seedFile('003'), 'utf8').split('\n').slice(0, 40).join('\n');
const bytes = (b: Buffer | string): Uint8Array => new Uint8Array(typeof b === 'string' ? Buffer.from(b, 'utf8') : b);

describe('decodeBytes', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeBytes(bytes(excerpt), 'a.txt')).toEqual({ text: excerpt, encoding: 'utf-8' });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(excerpt)]);
    expect(decodeBytes(bytes(withBom), 'a.txt')).toEqual({ text: excerpt, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 LE and BE with a BOM, and UTF-16 LE without one', () => {
    const le = iconv.encode(excerpt, 'utf-16le', { addBOM: true });
    expect(decodeBytes(bytes(le), 'a.txt')).toEqual({ text: excerpt, encoding: 'utf-16le' });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(excerpt, 'utf-16be')]);
    expect(decodeBytes(bytes(be), 'a.txt')).toEqual({ text: excerpt, encoding: 'utf-16be' });
    expect(decodeBytes(bytes(iconv.encode(excerpt, 'utf-16le')), 'a.txt')).toEqual({ text: excerpt, encoding: 'utf-16le' });
  });

  it('reads GB18030 and GBK bytes', () => {
    expect(decodeBytes(bytes(iconv.encode(excerpt, 'gb18030')), 'a.txt')).toEqual({ text: excerpt, encoding: 'gb18030' });
    expect(decodeBytes(bytes(iconv.encode(excerpt, 'gbk')), 'a.txt')).toEqual({ text: excerpt, encoding: 'gb18030' });
    const crlf = excerpt.replace(/\n/g, '\r\n');
    expect(decodeBytes(bytes(iconv.encode(crlf, 'gb18030')), 'a.txt').text).toBe(crlf);
  });

  it('reads Big5 bytes of a traditional-character text', () => {
    // Lines without 浜 (蕰藻浜), which plain Big5 lacks.
    const traditional = Converter({ from: 'cn', to: 'tw' })(excerpt.split('\n').filter((l) => !l.includes('浜')).join('\n'));
    const result = decodeBytes(bytes(iconv.encode(traditional, 'big5')), 'a.txt');
    expect(result).toEqual({ text: traditional, encoding: 'big5' });
    expect(result.text).toContain('（牽頭單位：區政府辦公室，責任單位：相關委辦局）');
  });

  it('refuses empty and whitespace-only files', () => {
    const empty = caught(() => decodeBytes(new Uint8Array(0), 'e.txt'));
    expect(empty.code).toBe('empty');
    expect(empty.message).toBe('e.txt: the file is empty');
    const blank = caught(() => decodeBytes(bytes(' \n\t\r\n\u3000\n'), 'b.txt'));
    expect(blank.code).toBe('empty');
    expect(blank.message).toBe('b.txt: the file is empty (it has only whitespace)');
  });

  it('refuses a PDF', () => {
    const pdf = caught(() => decodeBytes(bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'plan.pdf'));
    expect(pdf.code).toBe('pdf');
    expect(pdf.message).toBe('plan.pdf: this looks like a PDF; extract its text first (e.g. pdftotext -layout)');
  });

  it('refuses Word files', () => {
    const docx = caught(() => decodeBytes(bytes(Buffer.from('PK\x03\x04\x14\x00\x06\x00word/document.xml', 'latin1')), 'plan.docx'));
    expect(docx.code).toBe('binary');
    expect(docx.message).toBe('plan.docx: this looks like a Word/zip file; save it as plain text first');
    const doc = caught(() => decodeBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'plan.doc'));
    expect(doc.code).toBe('binary');
    expect(doc.message).toBe('plan.doc: this looks like an old Word (.doc) file; save it as plain text first');
  });

  it('refuses other binary files, naming the line of the first offending byte', () => {
    const nul = caught(() => decodeBytes(bytes('第一行\n第二行\n第三\u0000行'), 'x.bin'));
    expect(nul.code).toBe('binary');
    expect(nul.line).toBe(3);
    expect(nul.message).toBe(
      'x.bin:3: this looks like a binary file, not text (a NUL byte on line 3); save the plan as plain text first',
    );
    const control = caught(() => decodeBytes(bytes('一\n二\u0001\u0002\u0003\u0004'), 'c.bin'));
    expect(control.code).toBe('binary');
    expect(control.message).toBe(
      'c.bin:2: this looks like a binary file, not text (control character U+0001 on line 2); save the plan as plain text first',
    );
    // Pseudo-random bytes (a fixed linear congruential sequence, so the test is repeatable).
    const noise = new Uint8Array(4096);
    let seed = 12345;
    for (let i = 0; i < noise.length; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      noise[i] = seed >>> 16 & 0xff;
    }
    const random = caught(() => decodeBytes(noise, 'r.bin'));
    expect(['binary', 'encoding']).toContain(random.code);
  });

  it('accepts a stray control character in otherwise plain text', () => {
    expect(decodeBytes(bytes(`${excerpt}\u0007`), 'a.txt').encoding).toBe('utf-8');
  });

  it('refuses UTF-8 with a few damaged bytes instead of reading it as GB18030, naming the line', () => {
    const lines = excerpt.split('\n');
    const damaged = Buffer.concat([
      Buffer.from(`${lines.slice(0, 5).join('\n')}\n`),
      Buffer.from([0xe6, 0x94]), // a truncated character: 政 is e6 94 bf
      Buffer.from(`\n${lines.slice(5).join('\n')}`),
    ]);
    const error = caught(() => decodeBytes(bytes(damaged), 'd.txt'));
    expect(error.code).toBe('encoding');
    expect(error.line).toBe(6);
    expect(error.message).toBe(
      'd.txt:6: the file is UTF-8 but has 1 invalid byte sequence, the first on line 6; repair or re-export it as UTF-8',
    );
  });

  it('names the encodings it tried when none decodes cleanly', () => {
    const bad = new Uint8Array([0xe4, 0xb8, 0xad, 0x0a, 0xff, 0xfe, 0xfd, 0x80, 0x0a, 0x41]);
    const error = caught(() => decodeBytes(bad, 'bad.txt'));
    expect(error.code).toBe('encoding');
    expect(error.message).toBe('bad.txt: could not decode the text cleanly (tried utf-8, gb18030, big5); save it as UTF-8');
  });
});

describe('readPlanText', () => {
  it('decodes and normalizes: GB18030 with CRLF comes out as the UTF-8 original', () => {
    const input = iconv.encode(excerpt.replace(/\n/g, '\r\n'), 'gb18030');
    expect(readPlanText(bytes(input), 'a.txt')).toEqual({ text: excerpt, encoding: 'gb18030', convertedFromTraditional: false });
  });

  it('converts a traditional-character file back to the simplified original', () => {
    const traditional = Converter({ from: 'cn', to: 'hk' })(excerpt);
    const result = readPlanText(bytes(iconv.encode(traditional, 'utf-16le', { addBOM: true })), 'hk.txt');
    expect(result).toEqual({ text: excerpt, encoding: 'utf-16le', convertedFromTraditional: true });
  });

  it('refuses a file over the size limit, naming its size and the limit', () => {
    const error = caught(() => readPlanText(bytes('区'.repeat(1000)), 'big.txt', { maxBytes: 2048 }));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('big.txt: the file is 2.9 KiB, larger than the limit of 2 KiB (raise maxBytes to read it)');
  });
});

describe('readPlanFile', () => {
  it('reads a seed plan from disk', () => {
    const result = readPlanFile(seedFile('001'));
    expect(result.encoding).toBe('utf-8');
    expect(result.text).toBe(readFileSync(seedFile('001'), 'utf8'));
  });

  it('refuses a missing file and a file over the limit before reading it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-read-'));
    const missing = caught(() => readPlanFile(join(dir, 'nope.txt')));
    expect(missing.code).toBe('not-found');
    expect(missing.message).toBe(`${join(dir, 'nope.txt')}: no such file`);
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'x'.repeat(3 * 1024 * 1024));
    const error = caught(() => readPlanFile(big, { maxBytes: 1024 * 1024 }));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe(`${big}: the file is 3 MiB, larger than the limit of 1 MiB (raise maxBytes to read it)`);
  });
});
