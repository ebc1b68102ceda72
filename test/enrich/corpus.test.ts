/**
 * The benchmark corpus generator (bench/corpus.ts) is also the example pipeline's producer, so its promises
 * are tested: determinism, op mix, CDC ordering, and that updates and deletes only touch live ids.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { generateSeedEvents, type SeedEvent } from '../../bench/corpus.js';

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

describe('generateSeedEvents', () => {
  const events = [...generateSeedEvents(20_000, 42)];

  it('is deterministic per seed and differs across seeds', () => {
    expect([...generateSeedEvents(500, 42)]).toEqual(events.slice(0, 500));
    expect([...generateSeedEvents(500, 43)]).not.toEqual(events.slice(0, 500));
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

  it('draws email domains Zipf-like: the top domain is frequent, and there is a long tail', () => {
    const counts = new Map<string, number>();
    for (const e of events) {
      const domain = e.email?.split('@').pop()?.toLowerCase().trim();
      if (domain) counts.set(domain, (counts.get(domain) ?? 0) + 1);
    }
    const sorted = [...counts.values()].sort((a, b) => b - a);
    expect(sorted[0]! / events.length).toBeGreaterThan(0.05);
    expect(counts.size).toBeGreaterThan(50);
  });

  it('writes countries many ways and sometimes not at all (postal code alone)', () => {
    const noCountry = events.filter((e) => e.country === null && e.postal_code !== null).length;
    expect(noCountry).toBeGreaterThan(events.length * 0.05);
    expect(new Set(events.map((e) => e.country)).size).toBeGreaterThan(30);
  });

  test.prop([fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 2000 })])(
    'maxLiveUsers bounds memory without breaking CDC order (dormant users get no events)',
    (maxLiveUsers, seed, count) => {
      expect(violation([...generateSeedEvents(count, seed, { maxLiveUsers })])).toBeNull();
    },
  );

  it('rejects a non-positive maxLiveUsers (programmer misuse)', () => {
    expect(() => [...generateSeedEvents(1, 1, { maxLiveUsers: 0 })]).toThrow(TypeError);
  });
});
