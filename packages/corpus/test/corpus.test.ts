/**
 * The corpus generator feeds the benchmarks, the tests and the example's producer, so its promises are tested:
 * determinism, op mix, CDC ordering, updates and deletes only of live ids (both profiles); and for the
 * realistic profile, the cardinality it claims (a distinct valid phone per user in the announced styles, postal
 * codes from real ranges that the library's own formats accept, Zipf domains with a long tail seen once).
 */
import { createHash } from 'node:crypto';
import { fc, test } from '@fast-check/vitest';
import { isValidPostalCode } from 'cdc-enrich/geo';
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import metadata from 'libphonenumber-js/metadata.max.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import {
  CORPUS_PROFILES,
  createDraw,
  createRandom,
  generatePhone,
  generateSeedEvents,
  HEAD_DOMAINS,
  PHONE_STYLE_SHARES,
  type PhoneStyle,
  PLACES,
  type SeedEvent,
} from '../src/index.js';

/** Replays the events against a set of live ids; returns the first violation, or null. */
function violation(events: readonly SeedEvent[]): string | null {
  const live = new Set<number>();
  const seen = new Set<number>();
  let last = Number.NEGATIVE_INFINITY;
  for (const e of events) {
    if (e.cdc_sequence <= last) return `sequence ${e.cdc_sequence} after ${last}`;
    last = e.cdc_sequence;
    if (e.cdc_operation === 'INSERT') {
      if (seen.has(e.id)) return `id ${e.id} inserted twice`;
      seen.add(e.id);
      live.add(e.id);
    } else {
      if (!live.has(e.id)) return `${e.cdc_operation} of id ${e.id}, which is not live`;
      if (e.cdc_operation === 'DELETE') live.delete(e.id);
    }
  }
  return null;
}

const countryOfCity = new Map(PLACES.flatMap((p) => p.cities.map((c) => [c.name, p.alpha2] as const)));

describe.each(CORPUS_PROFILES)('generateSeedEvents, %s profile', (profile) => {
  const events = [...generateSeedEvents(20_000, 42, { profile })];

  it('is deterministic per seed and differs across seeds', () => {
    expect([...generateSeedEvents(500, 42, { profile })]).toEqual(events.slice(0, 500));
    expect([...generateSeedEvents(500, 43, { profile })]).not.toEqual(events.slice(0, 500));
  });

  it('mixes ops about 70% INSERT, 25% UPDATE, 5% DELETE', () => {
    const share = (op: SeedEvent['cdc_operation']) =>
      events.filter((e) => e.cdc_operation === op).length / events.length;
    expect(share('INSERT')).toBeGreaterThan(0.67);
    expect(share('INSERT')).toBeLessThan(0.73);
    expect(share('UPDATE')).toBeGreaterThan(0.22);
    expect(share('UPDATE')).toBeLessThan(0.28);
    expect(share('DELETE')).toBeGreaterThan(0.035);
    expect(share('DELETE')).toBeLessThan(0.065);
  });

  it('keeps CDC order: increasing cdc_sequence, updates and deletes only of live ids', () => {
    expect(violation(events)).toBeNull();
  });

  it('writes countries many ways and sometimes not at all (postal code alone)', () => {
    const noCountry = events.filter((e) => e.country === null && e.postal_code !== null).length;
    expect(noCountry).toBeGreaterThan(events.length * 0.05);
    expect(new Set(events.map((e) => e.country)).size).toBeGreaterThan(30);
  });

  it('continues ids and sequences where a previous run stopped', () => {
    const [first] = [...generateSeedEvents(1, 5, { profile, firstId: 1000, firstSequence: 77 })];
    expect(first).toMatchObject({ id: 1000, cdc_sequence: 77, cdc_operation: 'INSERT' });
  });

  test.prop(
    [fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 2000 })],
    {
      numRuns: 30,
    },
  )(
    'maxLiveUsers bounds memory without breaking CDC order (dormant users get no events)',
    (maxLiveUsers, seed, count) => {
      expect(violation([...generateSeedEvents(count, seed, { profile, maxLiveUsers })])).toBeNull();
    },
  );
});

describe('repeated profile', () => {
  it('is byte for byte the corpus the earlier benchmark figures were measured on', () => {
    // Pinned so that figures in docs/benchmarks.md measured on the repeated corpus stay comparable.
    const hash = createHash('sha256');
    for (const e of generateSeedEvents(2000, 42, { profile: 'repeated' })) hash.update(JSON.stringify(e));
    expect(hash.digest('hex')).toBe('a107ce2500dd4274ea28ba3782ea28132c3e1a912670451e458663079e78a4f6');
  });

  it('repeats phones across users, where the realistic profile gives each user their own', () => {
    const phoneShare = (profile: 'realistic' | 'repeated') => {
      const phones = [...generateSeedEvents(10_000, 9, { profile })]
        .filter((e) => e.cdc_operation === 'INSERT' && e.phone !== null)
        .map((e) => e.phone);
      return new Set(phones).size / phones.length;
    };
    const realistic = phoneShare('realistic');
    expect(realistic).toBeGreaterThan(0.99);
    expect(phoneShare('repeated')).toBeLessThan(realistic);
  });
});

describe('realistic profile', () => {
  const events = [...generateSeedEvents(30_000, 7)];
  const inserts = events.filter((e) => e.cdc_operation === 'INSERT');

  it('gives every live user their own valid phone (only the invalid placeholders repeat)', () => {
    const owner = new Map<string, number>();
    let valid = 0;
    let present = 0;
    for (const e of inserts) {
      if (e.phone === null || e.city === null) continue;
      present++;
      const number = parsePhoneNumberFromString(e.phone, countryOfCity.get(e.city) as CountryCode);
      if (!number?.isValid()) continue;
      valid++;
      expect(owner.get(number.number), `${number.number} of two users`).toBeUndefined();
      owner.set(number.number, e.id);
    }
    expect(valid / present).toBeGreaterThan(0.93);
    expect(valid / present).toBeLessThan(0.97);
  });

  it('writes phones in the announced styles, each what it claims to be, in the announced shares', () => {
    const draw = createDraw(createRandom(11));
    const counts: Record<PhoneStyle, number> = { e164: 0, national: 0, exit_code: 0, extension: 0, invalid: 0 };
    let total = 0;
    for (const place of PLACES) {
      for (const city of place.cities) {
        for (let i = 0; i < 400; i++) {
          const phone = generatePhone(place, city, new Set(), draw);
          const parsed = parsePhoneNumberFromString(phone.text, place.alpha2 as CountryCode);
          counts[phone.style]++;
          total++;
          const where = `${place.alpha2} ${phone.style} ${phone.text}`;
          expect(parsePhoneNumberFromString(phone.e164)?.isValid(), where).toBe(true);
          if (phone.style === 'invalid') {
            expect(parsed?.isValid() ?? false, where).toBe(false);
            continue;
          }
          expect(parsed?.isValid(), where).toBe(true);
          expect(parsed?.number, where).toBe(phone.e164);
          if (phone.style === 'e164') expect(phone.text, where).toBe(phone.e164);
          if (phone.style === 'national') expect(phone.text, where).not.toMatch(/^\+/);
          if (phone.style === 'exit_code') expect(phone.text.startsWith(place.exitCode), where).toBe(true);
          if (phone.style === 'extension') expect(parsed?.ext, where).toMatch(/^\d{2,4}$/);
        }
      }
    }
    for (const [style, share] of Object.entries(PHONE_STYLE_SHARES))
      expect(Math.abs(counts[style as PhoneStyle] / total - share), style).toBeLessThan(0.02);
  });

  it("writes each country's exit code as its numbering plan defines it", () => {
    for (const place of PLACES) {
      const pattern = (metadata.countries as Record<string, unknown[]>)[place.alpha2]![1] as string;
      expect(new RegExp(`^(?:${pattern})$`).test(place.exitCode), place.alpha2).toBe(true);
    }
  });

  it("draws postal codes per user from the city's range, in a format the library accepts for the country", () => {
    const codes = inserts.filter((e) => e.postal_code !== null && e.city !== null);
    for (const e of codes)
      expect(isValidPostalCode(e.postal_code!, countryOfCity.get(e.city!)!), `${e.city} ${e.postal_code}`).toBe(true);
    expect(new Set(codes.map((e) => e.postal_code)).size).toBeGreaterThan(codes.length * 0.4);
  });

  it('gives every user their own address; domains are Zipf-like with a long tail seen once', () => {
    // The 2% with a doubled `@` are typing errors, not addresses.
    const addresses = inserts.flatMap((e) =>
      e.email?.includes('@') && !e.email.includes('@@') ? [e.email.trim().toLowerCase()] : [],
    );
    expect(new Set(addresses).size).toBe(addresses.length);
    const counts = new Map<string, number>();
    for (const a of addresses) {
      const domain = a.slice(a.lastIndexOf('@') + 1);
      counts.set(domain, (counts.get(domain) ?? 0) + 1);
    }
    const share = (n: number) => n / addresses.length;
    expect(share(counts.get('gmail.com')!)).toBeGreaterThan(0.08);
    expect(share(counts.get('gmail.com')!)).toBeLessThan(0.16);
    const head = HEAD_DOMAINS.reduce((sum, d) => sum + (counts.get(d) ?? 0), 0);
    expect(share(head)).toBeGreaterThan(0.35);
    const seenOnce = [...counts.values()].filter((c) => c === 1).length;
    expect(share(seenOnce)).toBeGreaterThan(0.25);
  });
});

describe('options', () => {
  it('rejects a non-positive maxLiveUsers and an unknown profile (programmer misuse)', () => {
    expect(() => [...generateSeedEvents(1, 1, { maxLiveUsers: 0 })]).toThrow(TypeError);
    expect(() => [...generateSeedEvents(1, 1, { profile: 'cold' as 'realistic' })]).toThrow(TypeError);
  });
});
