/**
 * Files as published: HTML pages and Word files are read through their readers, loaded only when such
 * a file comes; PDF stays refused with its hint; a damaged Word file is a typed error.
 */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { readPlanText } from '../src/io/read';
import { isMarkupParserLoaded } from '../src/io/markup';
import { parsePlan } from '../src/parse/plan';
import { caught } from './helpers/errors';

const PLAN = '2024年金山区政务公开工作要点\n一、加强政策公开\n1. 做好政策解读。（区政府办公室）\n';

describe('reading files as published', () => {
  it('a plain-text plan does not load the markup parser; a page does', () => {
    const text = readPlanText(Buffer.from(PLAN), 'plan.txt');
    expect(text.format).toBeUndefined();
    expect(isMarkupParserLoaded()).toBe(false);
    const page = readPlanText(Buffer.from(`<html><body><p>${PLAN.split('\n').join('</p><p>')}</p></body></html>`), 'plan.html');
    expect(page.format).toBe('html');
    expect(page.text).toBe(PLAN.trim());
    expect(isMarkupParserLoaded()).toBe(true);
  });

  it('a page saved without the .html ending is recognized by its doctype', () => {
    const page = readPlanText(Buffer.from(`<!DOCTYPE html>\n<html><body><div>${PLAN.replace(/\n/g, '<br>')}</div></body></html>`), 'plan.txt');
    expect(page.format).toBe('html');
    expect(parsePlan(page, { file: 'plan.txt' }).tasks.map((t) => t.text)).toEqual(['做好政策解读。']);
  });

  it('a Word file built in memory is read paragraph by paragraph', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
      PLAN.trim()
        .split('\n')
        .map((l) => `<w:p><w:r><w:t>${l}</w:t></w:r></w:p>`)
        .join('') +
      '<w:p><w:r><w:delText>已删除的文字</w:delText></w:r></w:p></w:body></w:document>';
    const docx = zipSync({ 'word/document.xml': strToU8(xml) });
    const text = readPlanText(docx, 'plan.docx');
    expect(text.format).toBe('docx');
    expect(text.text).toBe(PLAN.trim());
  });

  it('a damaged Word file and a zip without a document are typed errors naming the file', () => {
    const damaged = caught(() => readPlanText(Buffer.from('PK\x03\x04\x14\x00\x06\x00word/document.xml', 'latin1'), 'plan.docx'));
    expect(damaged.code).toBe('binary');
    expect(damaged.message).toMatch(/^plan\.docx: this Word file cannot be opened/);
    const other = caught(() => readPlanText(zipSync({ 'a.txt': strToU8('x') }), 'archive.docx'));
    expect(other.message).toBe('archive.docx: this zip file holds no Word document (word/document.xml); save the plan as plain text first');
  });

  it('PDF stays refused with the pdftotext hint', () => {
    const pdf = caught(() => readPlanText(Buffer.from('%PDF-1.7\n1 0 obj'), 'plan.pdf'));
    expect(pdf.code).toBe('pdf');
    expect(pdf.message).toContain('pdftotext -layout');
  });
});
