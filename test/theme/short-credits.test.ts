/**
 * The briefing's colophon names each face in one line (theme/credits.ts shortCreditText): the
 * face, its copyright's first clause without addresses, the licence's usual name.
 */
import { describe, expect, it } from 'vitest';
import { shortCreditText } from '../../src/theme/credits.js';

const OFL =
  'This Font Software is licensed under the SIL Open Font License, Version 1.1. This license is available with a FAQ at: http://scripts.sil.org/OFL';

describe('shortCreditText', () => {
  it('keeps the copyright holder and names the licence, without its text or addresses', () => {
    expect(
      shortCreditText({
        family: 'Noto Sans SC',
        copyright: "Copyright (c) 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'.",
        licence: OFL,
      }),
    ).toBe('Noto Sans SC (© 2014-2021 Adobe, SIL Open Font License 1.1)');
    expect(
      shortCreditText({ family: 'Pretendard', copyright: 'Copyright © 2023 Kil Hyung-jin.', licence: OFL }),
    ).toBe('Pretendard (© 2023 Kil Hyung-jin, SIL Open Font License 1.1)');
  });

  it('names a licence it does not know by its address, and a face with no credit by its name', () => {
    expect(
      shortCreditText({
        family: 'Brand Sans',
        copyright: 'Copyright (c) 2007 Brand, Inc. All rights reserved.',
        licence: 'Licensed under the Brand licence',
        licenceUrl: 'https://example.org/licence',
      }),
    ).toBe('Brand Sans (© 2007 Brand, Inc, https://example.org/licence)');
    expect(shortCreditText({ family: 'Bare' })).toBe('Bare');
  });
});
