/**
 * Decoding plan files: bytes → text. Plans arrive as UTF-8 (with or without BOM), UTF-16 with BOM,
 * or GB18030/GBK from older Windows tools; sometimes as Big5. Files that are not text (PDF, Word, zip,
 * other binary) are refused with a `PlanParseError` that says what to do, never decoded into noise.
 */
import { PlanParseError } from '../errors';

/** Result of `decodeBytes`. */
export interface DecodedText {
  /** The decoded text, BOM removed */
  text: string;
  /** `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `gb18030` or `big5` */
  encoding: string;
}

/** Legacy encodings tried, in order, when the bytes are not valid UTF-8. */
const LEGACY_ENCODINGS = ['gb18030', 'big5'] as const;

/**
 * Share of GBK double-byte characters that must fall in the GB2312 Han block (the 6,763 common
 * characters) for GB18030 to be preferred over Big5. Chinese prose in GBK is nearly all GB2312;
 * Big5 bytes read as GBK are not.
 */
const GB2312_MIN_SHARE = 0.8;

/** More control characters than this share of a text (at least `MIN_CONTROL_CHARS`) means binary. */
const MAX_CONTROL_SHARE = 0.005;
const MIN_CONTROL_CHARS = 3;

function startsWith(bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + prefix.length) return false;
  return prefix.every((b, i) => bytes[offset + i] === b);
}

/** 1-based line number of byte `offset`, counting LF bytes (and lone CR) before it. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) line++;
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  return line;
}

/** 1-based line number of character `index` in `text` (LF, CR or CRLF end a line). */
function lineOfChar(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line++;
    else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) line++;
  }
  return line;
}

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Characters that do not belong in plan text: C0 controls other than tab, LF, CR, FF, VT; C1 controls. */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c && code !== 0x0b) ||
    (code >= 0x7f && code <= 0x9f);
}

/** Index of the first control character when there are too many of them to be text, else -1. */
function binaryAt(text: string): number {
  let count = 0;
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0 || isControl(code)) {
      if (first === -1) first = i;
      if (code === 0) return first;
      count++;
    }
  }
  return count >= MIN_CONTROL_CHARS && count > text.length * MAX_CONTROL_SHARE ? first : -1;
}

/** Share of GBK double-byte characters in the GB2312 Han block (lead 0xB0–0xF7, trail 0xA1–0xFE). */
function gb2312Share(bytes: Uint8Array): number {
  let double = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x81 || lead === 0xff) continue;
    const trail = bytes[i + 1];
    if (trail === undefined) break;
    if (trail >= 0x30 && trail <= 0x39) {
      i += 3; // GB18030 four-byte sequence
      double++;
      continue;
    }
    double++;
    if (lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) common++;
    i++;
  }
  return double === 0 ? 1 : common / double;
}

/**
 * Scans bytes as UTF-8: how many multi-byte sequences are well formed, how many places are damaged
 * (a stray byte, or a sequence cut short), and where the first damage is.
 */
function utf8Scan(bytes: Uint8Array): { valid: number; invalid: number; firstInvalid: number } {
  let valid = 0;
  let invalid = 0;
  let firstInvalid = -1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let good = 1; // bytes of the sequence that are in place
    while (length > 0 && good < length && i + good < bytes.length && (bytes[i + good]! & 0xc0) === 0x80) good++;
    if (length > 0 && good === length) {
      valid++;
      i += length;
    } else {
      // One damaged place: a bad lead byte, or a lead byte with its continuation bytes cut short.
      if (firstInvalid === -1) firstInvalid = i;
      invalid++;
      i += good;
    }
  }
  return { valid, invalid, firstInvalid };
}

/** A text whose multi-byte sequences are at least this share well-formed UTF-8 is UTF-8 with damage. */
const UTF8_DAMAGED_MIN_SHARE = 0.9;

/** Share of characters usual in a Chinese plan: ASCII, CJK punctuation and ideographs, full-width forms. */
function plainShare(text: string): number {
  if (text.length === 0) return 0;
  let plain = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2010 && c <= 0x206f)) plain++;
  }
  return plain / text.length;
}

/** Share of usual characters a NUL-containing file must reach to be read as UTF-16 without a BOM. */
const UTF16_MIN_PLAIN_SHARE = 0.95;

/** Reads NUL-containing bytes as UTF-16 without a BOM when one byte order gives plain Chinese text. */
function utf16WithoutBom(bytes: Uint8Array): DecodedText | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  for (const encoding of ['utf-16le', 'utf-16be']) {
    const text = tryDecode(encoding, bytes);
    if (text !== null && binaryAt(text) === -1 && plainShare(text) >= UTF16_MIN_PLAIN_SHARE) return { text, encoding };
  }
  return null;
}

function refuseBinary(file: string, line: number, what: string): never {
  throw new PlanParseError(
    'binary',
    file,
    line,
    `this looks like a binary file, not text (${what} on line ${line}); save the plan as plain text first`,
  );
}

function checkText(text: string, file: string, encoding: string): DecodedText {
  const at = binaryAt(text);
  if (at !== -1) {
    const code = text.charCodeAt(at);
    refuseBinary(file, lineOfChar(text, at), code === 0 ? 'a NUL byte' : `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  if (text.replace(/[\s\u200B-\u200D\u2060\uFEFF\u3000]/g, '') === '') {
    throw new PlanParseError('empty', file, null, 'the file is empty (it has only whitespace)');
  }
  return { text, encoding };
}

/**
 * Decodes the bytes of a plan file.
 *
 * - UTF-8 with a BOM (`utf-8-bom`) or without (`utf-8`); UTF-16 LE/BE with a BOM (or, failing that,
 *   with the regular NUL bytes of UTF-16 ASCII); GB18030 (a superset of GBK and GB2312) or Big5 when
 *   the bytes are not valid UTF-8.
 * - Refuses with `PlanParseError`: `empty` (no bytes, or only whitespace), `pdf` (`%PDF-`), `binary`
 *   (zip/docx, old Word .doc, NUL bytes or many control characters, naming the line of the first),
 *   `encoding` (no encoding decodes the bytes cleanly; the message lists those tried).
 */
export function decodeBytes(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0) throw new PlanParseError('empty', file, null, 'the file is empty');

  let skip = 0;
  while (skip < bytes.length && skip < 64 && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[skip]!)) skip++;
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d], skip) || startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d], bom)) {
    throw new PlanParseError('pdf', file, null, 'this looks like a PDF; extract its text first (e.g. pdftotext -layout)');
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    throw new PlanParseError('binary', file, null, 'this looks like a Word/zip file; save it as plain text first');
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new PlanParseError('binary', file, null, 'this looks like an old Word (.doc) file; save it as plain text first');
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66], skip)) {
    throw new PlanParseError('binary', file, null, 'this looks like an RTF file; save it as plain text first');
  }

  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw new PlanParseError('encoding', file, null, 'the file is UTF-32, which plandiff does not read; save it as UTF-8');
  }
  if (bom === 3) {
    const text = tryDecode('utf-8', bytes.subarray(3));
    if (text === null) {
      throw new PlanParseError('encoding', file, null, 'the file starts with a UTF-8 byte order mark but is not valid UTF-8; save it as UTF-8');
    }
    return checkText(text, file, 'utf-8-bom');
  }
  for (const [mark, encoding] of [
    [[0xff, 0xfe], 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be'],
  ] as const) {
    if (startsWith(bytes, mark)) {
      const text = bytes.length % 2 === 0 ? tryDecode(encoding, bytes.subarray(2)) : null;
      if (text === null) {
        throw new PlanParseError('encoding', file, null, `the file starts with a ${encoding.toUpperCase()} byte order mark but is not valid ${encoding.toUpperCase()}; save it as UTF-8`);
      }
      return checkText(text, file, encoding);
    }
  }

  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) return checkText(utf16.text, file, utf16.encoding);
    refuseBinary(file, lineOfByte(bytes, nul), 'a NUL byte');
  }

  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return checkText(utf8, file, 'utf-8');

  // Mostly well-formed UTF-8 with a few bad bytes: a damaged UTF-8 file. Reading it as GB18030 would
  // turn all of it into nonsense, so say where the damage is instead.
  const scan = utf8Scan(bytes);
  if (scan.valid >= 8 && scan.valid / (scan.valid + scan.invalid) >= UTF8_DAMAGED_MIN_SHARE) {
    const line = lineOfByte(bytes, scan.firstInvalid);
    throw new PlanParseError(
      'encoding',
      file,
      line,
      `the file is UTF-8 but has ${scan.invalid} invalid byte sequence${scan.invalid === 1 ? '' : 's'}, the first on line ${line}; repair or re-export it as UTF-8`,
    );
  }

  const tried: string[] = ['utf-8'];
  const decoded: { encoding: string; text: string }[] = [];
  for (const encoding of LEGACY_ENCODINGS) {
    tried.push(encoding);
    const text = tryDecode(encoding, bytes);
    if (text !== null && binaryAt(text) === -1) decoded.push({ encoding, text });
  }
  const gb = decoded.find((d) => d.encoding === 'gb18030');
  const big5 = decoded.find((d) => d.encoding === 'big5');
  const chosen = gb && (!big5 || gb2312Share(bytes) >= GB2312_MIN_SHARE) ? gb : (big5 ?? gb);
  if (chosen) return checkText(chosen.text, file, chosen.encoding);

  const gbText = tryDecode('gb18030', bytes);
  if (gbText !== null) {
    const at = binaryAt(gbText);
    if (at !== -1) refuseBinary(file, lineOfChar(gbText, at), 'control characters');
  }
  throw new PlanParseError(
    'encoding',
    file,
    null,
    `could not decode the text cleanly (tried ${tried.join(', ')}); save it as UTF-8`,
  );
}
