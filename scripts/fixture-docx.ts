/**
 * Builds the Word fixture test/fixtures/layouts/word-file/input.docx from its document.xml (written by
 * hand beside it), with the two other parts a .docx needs. Run after editing document.xml:
 *
 *   npx tsx scripts/fixture-docx.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'layouts', 'word-file');

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';

const zip = zipSync(
  {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(RELS),
    'word/document.xml': new Uint8Array(readFileSync(join(DIR, 'document.xml'))),
  },
  // A fixed time stamp, so that the file is the same on every run.
  { level: 6, mtime: new Date('2024-01-01T00:00:00Z') },
);
writeFileSync(join(DIR, 'input.docx'), zip);
console.log(`wrote ${join(DIR, 'input.docx')} (${zip.length} bytes)`);
