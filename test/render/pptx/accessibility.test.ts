/** The package's accessibility mending (src/render/pptx/accessibility.ts) on small parts. */
import { describe, expect, it } from 'vitest';
import {
  accessibleTables,
  appProperties,
  slideTitle,
  titlePlaceholders,
} from '../../../src/render/pptx/accessibility.js';
import { xmlProblem } from './xml-check.js';

const title = (text: string) =>
  `<p:sp><p:nvSpPr><p:cNvPr id="2" name="Text 1"></p:cNvPr><p:cNvSpPr/><p:nvPr><p:ph idx="101" type="title" hasCustomPrompt="1"/></p:nvPr></p:nvSpPr><p:txBody><a:p><a:r><a:t>${text}</a:t></a:r></a:p></p:txBody></p:sp>`;
const cell = (text: string) => `<a:tc><a:txBody><a:p><a:r><a:t>${text}</a:t></a:r></a:p></a:txBody></a:tc>`;
const table = `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="7" name="Table 0"/></p:nvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr/><a:tr h="1">${cell('Partner')}${cell('Date')}</a:tr><a:tr h="1">${cell('EU')}${cell('2023')}</a:tr></a:tbl></a:graphicData></a:graphic></p:graphicFrame>`;
const APP =
  '<Properties><HeadingPairs><vt:vector size="6" baseType="variant"><vt:variant><vt:lpstr>Fonts Used</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="4" baseType="lpstr"><vt:lpstr>Arial</vt:lpstr><vt:lpstr>Calibri</vt:lpstr><vt:lpstr>Office Theme</vt:lpstr><vt:lpstr>Slide 1</vt:lpstr></vt:vector></TitlesOfParts></Properties>';

describe('deck accessibility parts', () => {
  it("flags a table's header row and describes it by the slide title, its columns and rows", () => {
    const slide = `<p:spTree>${title('Partners &amp; deals')}${table}</p:spTree>`;
    const out = accessibleTables(slide);
    expect(out).toContain('<a:tblPr firstRow="1" bandRow="1"/>');
    expect(out).toContain('descr="Table: Partners &amp; deals. Columns: Partner, Date. 1 row."');
  });

  it('makes title placeholders type="title" and reads the title back', () => {
    const out = titlePlaceholders(title('Key figures'));
    expect(out).toContain('<p:ph type="title"/>');
    expect(out).toContain('name="Title"');
    expect(slideTitle(out)).toBe('Key figures');
  });

  it('lists the fonts and the titles in app.xml, a "$" in a title kept as text', () => {
    const out = appProperties(APP, ['Pretendard'], ["Costs $& savings $'", 'Sources']);
    expect(out).not.toContain('Arial');
    expect(out).not.toContain('Slide 1');
    expect(out).toContain("<vt:lpstr>Costs $&amp; savings $'</vt:lpstr>");
    expect(out).toContain('<vt:i4>1</vt:i4>');
    expect(xmlProblem(`<?xml version="1.0"?>${out.replace(/vt:/g, '')}`)).toBeUndefined();
  });
});
