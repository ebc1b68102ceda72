import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { buildFullName, MAX_NAME_PART_LENGTH, normalizeNamePart } from '../../src/name/index.js';

describe('buildFullName: real-world names', () => {
  it.each([
    ['Ada', 'Lovelace', 'Ada Lovelace'],
    ['  Mary\u00a0Ann ', " O'Brien", "Mary Ann O'Brien"],
    ['Jean-Luc', 'Picard', 'Jean-Luc Picard'],
    ['Ludwig', 'van  Beethoven', 'Ludwig van Beethoven'],
    ['JOSÉ', 'DE LA CRUZ', 'JOSÉ DE LA CRUZ'],
    ['josé', 'mcdonald', 'josé mcdonald'],
    ['太郎', '山田', '山田太郎'],
    ['民준', '김', '김民준'],
    ['민준', '김', '김민준'],
    ['はなこ', '佐藤', '佐藤はなこ'],
    ['伟', '王', '王伟'],
    ['Yuki', '田中', 'Yuki 田中'],
    ['Ана', 'Иванова', 'Ана Иванова'],
    ['محمد', 'علي', 'محمد علي'],
    ['Jose\u0301', 'Nun\u0303ez', 'José Nuñez'],
    ['山田\u3000', '\u3000太郎', '太郎山田'],
  ])('%j + %j → %j', (first, last, full) => {
    expect(buildFullName(first, last)).toBe(full);
  });

  it('uses the one part present, and null when there is none', () => {
    expect(buildFullName(null, 'Nakamoto')).toBe('Nakamoto');
    expect(buildFullName('Cher', undefined)).toBe('Cher');
    expect(buildFullName('  ', '\u00a0')).toBeNull();
    expect(buildFullName(null, undefined)).toBeNull();
    expect(buildFullName(42, {})).toBeNull();
  });

  it('honours an explicit order', () => {
    expect(buildFullName('Taro', 'Yamada', { order: 'family-first' })).toBe('Yamada Taro');
    expect(buildFullName('太郎', '山田', { order: 'given-first' })).toBe('太郎 山田');
    expect(() => buildFullName('a', 'b', { order: 'x' as never })).toThrow(TypeError);
  });

  it('rejects unknown or misspelled options with a TypeError naming the option', () => {
    expect(() => buildFullName('a', 'b', { ordr: 'family-first' } as never)).toThrow(
      'buildFullName: unknown option "ordr"',
    );
    expect(() => buildFullName('a', 'b', { order: 'x' as never })).toThrow(/buildFullName: invalid option order/);
    expect(() => buildFullName('a', 'b', { locale: 42 as never })).toThrow(/buildFullName: invalid option locale/);
  });
});

/**
 * Names from around the world, with the order and spelling their own conventions use. Sources: W3C
 * Internationalization, "Personal names around the world" (https://www.w3.org/International/questions/qa-personal-names),
 * and CLDR person-name formatting (https://www.unicode.org/reports/tr35/tr35-personNames.html).
 */
describe('buildFullName: names around the world', () => {
  it.each([
    // Spanish: given name(s), then two family names (father's, mother's), both kept (W3C: "José Ángel Domínguez Hernández").
    ['José Ángel', 'Domínguez Hernández', undefined, 'José Ángel Domínguez Hernández'],
    ['Gabriel', 'García Márquez', undefined, 'Gabriel García Márquez'],
    // Dutch tussenvoegsels keep their lowercase (never capitalized by us).
    ['Vincent', 'van Gogh', undefined, 'Vincent van Gogh'],
    ['Robin', 'van der Berg', undefined, 'Robin van der Berg'],
    // Arabic, right to left: logical order given name first; a stray RLM/embedding from copy-paste is removed
    // so it cannot spill over the other part (UAX #9).
    ['محمد', 'بن سلمان', undefined, 'محمد بن سلمان'],
    ['‏محمد‏', '‫علي', undefined, 'محمد علي'],
    // Hebrew.
    ['דוד', 'בן-גוריון', undefined, 'דוד בן-גוריון'],
    // Hungarian is written family name first (W3C: "Bartók Béla"); Latin script cannot tell, the locale can.
    ['Béla', 'Bartók', { locale: 'hu' }, 'Bartók Béla'],
    ['Béla', 'Bartók', undefined, 'Béla Bartók'],
    // Vietnamese: family name first, with spaces (W3C: "Nguyễn Tấn Dũng").
    ['Tấn Dũng', 'Nguyễn', { locale: 'vi-VN' }, 'Nguyễn Tấn Dũng'],
    // Korean and Japanese in their scripts: family first, no space (CLDR).
    ['민준', '김', undefined, '김민준'],
    ['太郎', '山田', undefined, '山田太郎'],
    ['はなこ', '佐藤', undefined, '佐藤はなこ'],
    // Japanese in Latin letters: the Western order unless the locale is known.
    ['Taro', 'Yamada', undefined, 'Taro Yamada'],
    ['Taro', 'Yamada', { locale: 'ja' }, 'Yamada Taro'],
    // Chinese in Latin letters (pinyin) with a locale, and Chinese given first when forced.
    ['Zedong', 'Mao', { locale: 'zh' }, 'Mao Zedong'],
    // Thai: given name first, a space (W3C: "Thaksin Shinawatra" / ทักษิณ ชินวัตร).
    ['ทักษิณ', 'ชินวัตร', undefined, 'ทักษิณ ชินวัตร'],
    // Devanagari, with combining vowel signs and virama kept intact.
    ['नरेन्द्र', 'मोदी', undefined, 'नरेन्द्र मोदी'],
    // Persian with a zero-width non-joiner inside the name (kept: it shapes the letters).
    ['محمد‌رضا', 'شجریان', undefined, 'محمد‌رضا شجریان'],
    // Combining characters are composed (NFC), case is untouched.
    ['Zoë', 'Saldaña', undefined, 'Zoë Saldaña'],
    ['SØREN', 'kierkegaard', undefined, 'SØREN kierkegaard'],
    // Icelandic patronymic, Irish prefix with apostrophe.
    ['Björk', 'Guðmundsdóttir', undefined, 'Björk Guðmundsdóttir'],
    ['Sinéad', "O'Connor", undefined, "Sinéad O'Connor"],
  ] as const)('%j + %j (%j) → %j', (first, last, options, full) => {
    expect(buildFullName(first, last, options)).toBe(full);
  });
});

describe('normalizeNamePart', () => {
  it('collapses every kind of Unicode whitespace and drops control characters', () => {
    expect(normalizeNamePart('\tAnna\u2003\u2009Maria\u200b\n')).toBe('Anna Maria');
    expect(normalizeNamePart('Zo\u0000ë')).toBe('Zoë');
  });

  it('replaces lone surrogates rather than failing', () => {
    expect(normalizeNamePart('Ann\ud800a')).toBe('Ann\ufffda');
  });

  it('rejects non-strings and absurd sizes', () => {
    expect(normalizeNamePart(undefined)).toBeNull();
    expect(normalizeNamePart(12)).toBeNull();
    expect(normalizeNamePart('x'.repeat(MAX_NAME_PART_LENGTH + 1))).toBeNull();
    expect(normalizeNamePart('x'.repeat(10 * 1024 * 1024))).toBeNull();
  });
});

const namePart = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('山田', '太郎', '김', '민준', 'Ada', ' Lovelace ', '\u3000', '\u00a0'),
  fc.constant(null),
);

describe('properties', () => {
  test.prop([fc.anything(), fc.anything()])('never throws on any values', (a, b) => {
    expect(() => buildFullName(a, b)).not.toThrow();
    expect(() => normalizeNamePart(a)).not.toThrow();
  });

  test.prop([fc.string({ unit: 'binary' })])(
    'idempotence: normalizeNamePart(normalizeNamePart(x)) = normalizeNamePart(x)',
    (s) => {
      const once = normalizeNamePart(s);
      expect(once === null ? null : normalizeNamePart(once)).toBe(once);
    },
  );

  test.prop([namePart, namePart])(
    'idempotence: buildFullName on its own output parts gives the same name',
    (first, last) => {
      const full = buildFullName(first, last);
      expect(buildFullName(normalizeNamePart(first), normalizeNamePart(last))).toBe(full);
    },
  );

  test.prop([namePart, namePart])(
    'never changes letter case: output letters are the input letters, reordered at most',
    (first, last) => {
      const full = buildFullName(first, last);
      fc.pre(full !== null);
      const letters = (s: unknown) => (typeof s === 'string' ? s.normalize('NFC').replace(/[^\p{L}\p{M}]/gu, '') : '');
      const out = letters(full);
      expect([letters(first) + letters(last), letters(last) + letters(first)]).toContain(out);
    },
  );
});

describe('regressions found by the fuzz suite', () => {
  it('normalizeNamePart composes a letter and a combining mark that a removed control had separated', () => {
    expect(normalizeNamePart('a\u0000\u0301')).toBe('\u00e1');
    expect(normalizeNamePart(normalizeNamePart('a\u0000\u0301'))).toBe('\u00e1');
  });
});
