import { createRandom, generateSeedEvents, type SeedEvent } from '@cdc-enrich/corpus';

export type { SeedEvent };

/**
 * The tests' event generator: a small, fixed vocabulary (8 places, 7 email domains), so every enriched column can
 * be labelled by hand (test/reference.ts) instead of computed by the code under test. The producer's `--count`,
 * the demo and the benchmark use the realistic corpus generator of @cdc-enrich/corpus.
 */
const FIRST = ['Anna', 'José', 'Li', 'Müller', 'Olivia', 'Rahul', 'Sofia', 'Yuki', 'Zoë', 'Ahmed', "O'Brien", 'Chloé'];
const LAST = ['Smith', 'García', 'Wang', 'Schmidt', 'Rossi', 'Kowalski', 'Nguyen', 'Dubois', 'Tanaka', 'Silva'];
const DOMAINS = ['gmail.com', 'yahoo.co.uk', 'outlook.com', 'acme-corp.com', 'mit.edu', 'gov.uk', 'mailinator.com'];
const PLACES: readonly [city: string, state: string | null, country: string | null, postal: string, phone: string][] = [
  ['New York', 'NY', 'USA', '10001', '+1 212 555 0100'],
  ['Berlin', null, 'Germany', '10115', '+49 30 901820'],
  ['London', null, 'UK', 'SW1A 1AA', '+44 20 7946 0958'],
  ['Toronto', 'ON', null, 'M5V 3L9', '(416) 555-0199'],
  ['Paris', null, 'France', '75001', '+33 1 42 68 53 00'],
  ['São Paulo', 'SP', 'Brasil', '01310-100', '+55 11 3333-4444'],
  ['Tokyo', null, 'JP', '100-0001', '+81 3-1234-5678'],
  ['Mumbai', 'MH', null, '400001', '+91 22 2222 3333'],
];

/**
 * The corpus stream (`generateSeedEvents` of @cdc-enrich/corpus: its ids, ops, sequences and timestamps, about 70%
 * INSERT, 25% UPDATE and 5% DELETE) with every value re-drawn from the fixed, hand-labelled vocabulary above, so
 * test/reference.ts can state each enriched column without the enricher. The values are drawn per event (seeded
 * by the stream seed and the event's sequence), so an update changes them as real updates do. `firstId` and
 * `firstSequence` let a later run continue the stream (the sink ignores events older than what it stored).
 *
 * @example
 * ```ts
 * const events = [...generateLabelledEvents(1000, 42)];
 * ```
 */
export function* generateLabelledEvents(
  count: number,
  seed = 1,
  options: { firstId?: number; firstSequence?: number } = {},
): Generator<SeedEvent> {
  const random = createRandom(seed ^ 0x5eed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const base = Date.UTC(2026, 0, 1);
  for (const event of generateSeedEvents(count, seed, { ...options, profile: 'repeated' })) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const [city, state, country, postal, phone] = pick(PLACES);
    const id = event.id;
    yield {
      ...event,
      first_name: random() < 0.05 ? null : first,
      last_name: last,
      email:
        random() < 0.05 ? null : random() < 0.05 ? `${first}.at.invalid` : `${first}.${last}${id}@${pick(DOMAINS)}`,
      phone,
      address: `${1 + Math.floor(random() * 999)} Main Street`,
      city,
      state,
      country,
      postal_code: postal,
      created_at: new Date(base).toISOString(),
      source_system: 'legacy_crm',
      cdc_source: 'users',
    };
  }
}
