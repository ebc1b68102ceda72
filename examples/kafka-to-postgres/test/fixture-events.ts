import { createRandom, type SeedEvent } from '@cdc-enrich/corpus';

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
 * A deterministic stream of seed-format events: about 70% INSERT of new ids, 25% UPDATE and 5% DELETE of
 * earlier ids. Timestamps are fixed relative to a base date so runs are reproducible. `firstSequence` lets a
 * later run continue the sequence (the sink ignores events older than what it stored).
 *
 * @example
 * ```ts
 * const events = [...generateSeedEvents(1000, 42)];
 * ```
 */
export function* generateSeedEvents(
  count: number,
  seed = 1,
  options: { firstId?: number; firstSequence?: number } = {},
): Generator<SeedEvent> {
  const random = createRandom(seed);
  const firstId = options.firstId ?? 1;
  const firstSequence = options.firstSequence ?? 1;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const live: number[] = [];
  let nextId = firstId;
  const base = Date.UTC(2026, 0, 1);
  for (let n = 0; n < count; n++) {
    const sequence = firstSequence + n;
    const roll = random();
    let op: SeedEvent['cdc_operation'] = 'INSERT';
    let id = nextId;
    if (live.length > 0 && roll >= 0.7) {
      const index = Math.floor(random() * live.length);
      id = live[index]!;
      if (roll >= 0.95) {
        op = 'DELETE';
        live[index] = live[live.length - 1]!;
        live.pop();
      } else op = 'UPDATE';
    } else {
      nextId++;
      live.push(id);
    }
    const first = pick(FIRST);
    const last = pick(LAST);
    const [city, state, country, postal, phone] = pick(PLACES);
    const time = new Date(base + n * 1000).toISOString();
    yield {
      id,
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
      updated_at: time,
      source_system: 'legacy_crm',
      cdc_operation: op,
      cdc_timestamp: time,
      cdc_sequence: sequence,
      cdc_source: 'users',
    };
  }
}
