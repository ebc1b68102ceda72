/**
 * The seed-format event stream: users are inserted, updated (one or two fields at a time, as real updates
 * do) and deleted, in CDC order, from one seeded random stream.
 */
import { HEAD_DOMAIN_WEIGHTS, HEAD_DOMAINS, realisticDomain } from './domains.js';
import { generatePhone } from './phones.js';
import { type City, PLACE_WEIGHTS, PLACES, type Place } from './places.js';
import { asTyped } from './postal.js';
import { createDraw, createRandom, type Draw } from './random.js';

/** A seed-format change event: the row's fields plus `cdc_operation`, `cdc_timestamp`, `cdc_sequence`, `cdc_source`. */
export interface SeedEvent {
  id: number;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  postal_code: string | null;
  created_at: string;
  updated_at: string;
  source_system: string;
  cdc_operation: 'INSERT' | 'UPDATE' | 'DELETE';
  cdc_timestamp: string;
  cdc_sequence: number;
  cdc_source: string;
}

/** The corpus profiles, the default first. */
export const CORPUS_PROFILES = ['realistic', 'repeated'] as const;

/**
 * `realistic` (default): every user has their own phone (valid for their country, written in the styles of
 * `PHONE_STYLE_SHARES`), a postal code drawn from their city's real range, and a distinct address; email
 * domains follow a Zipf law over real and company domains with a long tail seen once. `repeated`: the
 * earlier corpus, where phones and postal codes come from a few patterns per city and domains from 47 real
 * ones, so caches hit far more often than on a real table.
 */
export type CorpusProfile = (typeof CORPUS_PROFILES)[number];

/** Options of {@link generateSeedEvents}. */
export interface CorpusOptions {
  /** Which corpus: `realistic` (default) or `repeated`. */
  profile?: CorpusProfile;
  /** First id of a new user. Default 1. */
  firstId?: number;
  /** cdc_sequence of the first event; later events count up by one. Default 1. */
  firstSequence?: number;
  /** Give every user a distinct email domain and phone (the cold-cache worst case). Default false. */
  uniqueDomains?: boolean;
  /** Share of events of each op; default { insert: 0.7, update: 0.25, delete: 0.05 }. */
  mix?: { insert: number; update: number; delete: number };
  /**
   * Most users the generator remembers for later updates and deletes. Default 100,000. Once reached, each
   * insert makes a random remembered user "dormant" (it stays in the table but gets no more events), so the
   * generator's memory is bounded on endless streams (`produce --continuous`, the 1M-event heap run). Corpora
   * that never reach the bound (the 100k-event benchmark corpus keeps about 65,000 users live) are unaffected.
   */
  maxLiveUsers?: number;
}

type Row = Omit<SeedEvent, 'cdc_operation' | 'cdc_timestamp' | 'cdc_sequence' | 'cdc_source' | 'updated_at'>;

interface User {
  id: number;
  row: Row;
  /** The user's valid phone number (E.164) while it is reserved, so that no other live user gets it. */
  phoneKey: string | null;
}

/** What a profile draws differently; everything else is drawn in the same order by both. */
interface ProfileDraws {
  domain(id: number, place: Place, draw: Draw): string;
  localPart(id: number, first: string, last: string, draw: Draw): string;
  phone(place: Place, city: City, takenPhones: ReadonlySet<string>, draw: Draw): { text: string; key: string | null };
  postal(city: City, draw: Draw): string;
  address(draw: Draw): string;
}

const STREETS = ['Main St', 'High Street', 'Hauptstraße', 'Rue de Rivoli', 'Via Roma', '中央通り'];

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();

const PROFILES: Readonly<Record<CorpusProfile, ProfileDraws>> = {
  realistic: {
    domain: (id, place, draw) => realisticDomain(id, place.alpha2, draw),
    // Every address is the user's own: real tables have a unique email per user, only the domain repeats.
    localPart: (id, first, last, draw) =>
      draw.pick([
        `${first}.${last || 'x'}${id}`,
        `${first.charAt(0)}${last || 'x'}${id}`,
        `${first}${id}`,
        `${first}+news${id}`,
      ]),
    phone: (place, city, taken, draw) => {
      const phone = generatePhone(place, city, taken, draw);
      return { text: phone.text, key: phone.e164 };
    },
    postal: (city, draw) => asTyped(city.postal(draw), draw),
    address: (draw) => `${draw.int(1, 9999)} ${draw.pick(STREETS)}`,
  },
  repeated: {
    domain: (_id, _place, draw) => HEAD_DOMAINS[draw.weighted(HEAD_DOMAIN_WEIGHTS)]!,
    localPart: (id, first, last, draw) =>
      draw.pick([`${first}.${last || 'x'}`, `${first}${id}`, `${first}+news`, 'info', 'support']),
    phone: (place, _city, _taken, draw) => ({ text: place.repeatedPhone(draw), key: null }),
    postal: (city, draw) => city.repeatedPostal(draw),
    address: (draw) => `${draw.int(1, 999)} ${draw.pick(STREETS)}`,
  },
};

interface GeneratorState {
  profile: ProfileDraws;
  uniqueDomains: boolean;
  draw: Draw;
  baseTime: number;
  takenPhones: Set<string>;
}

/** The email column: 3% missing, 2% with a doubled `@`, 2% without `@`, else an address (10% padded, upper-case). */
function drawEmail(state: GeneratorState, id: number, place: Place, first: string, last: string): string | null {
  const { draw, profile } = state;
  const domain = state.uniqueDomains ? `company${id}.com` : profile.domain(id, place, draw);
  const localBase = ascii(first) || 'user';
  const roll = draw.next();
  if (roll < 0.03) return null;
  if (roll < 0.05) return `${localBase}.${ascii(last)}@@${domain}`;
  if (roll < 0.07) return `${localBase}${id}`;
  const local = profile.localPart(id, localBase, ascii(last), draw);
  return draw.chance(0.1) ? `  ${local.toUpperCase()}@${domain.toUpperCase()} ` : `${local}@${domain}`;
}

/** The phone column: 5% missing; with `uniqueDomains` in the repeated profile, a distinct NANP number per id. */
function drawPhone(
  state: GeneratorState,
  id: number,
  place: Place,
  city: City,
): { text: string | null; key: string | null } {
  const { draw } = state;
  if (draw.chance(0.05)) return { text: null, key: null };
  if (state.uniqueDomains && state.profile === PROFILES.repeated)
    return { text: `+1 212 ${String(2000000 + (id % 7999999)).padStart(7, '0')}`, key: null };
  return state.profile.phone(place, city, state.takenPhones, draw);
}

function makeUser(state: GeneratorState, id: number): User {
  const { draw, profile } = state;
  const place = PLACES[draw.weighted(PLACE_WEIGHTS)]!;
  const city = draw.pick(place.cities);
  const first = draw.pick(place.first);
  const last = draw.pick(place.last);
  const email = drawEmail(state, id, place, first, last);
  const countryRoll = draw.next();
  const country = countryRoll < 0.6 ? draw.pick(place.country) : countryRoll < 0.65 ? '' : null;
  const phone = drawPhone(state, id, place, city);
  return {
    id,
    phoneKey: phone.key,
    row: {
      id,
      first_name: draw.chance(0.02) ? null : draw.chance(0.05) ? `  ${first}\u00a0` : first,
      last_name: draw.chance(0.02) ? null : last,
      email,
      phone: phone.text,
      address: profile.address(draw),
      city: draw.chance(0.1) ? null : city.name,
      state: draw.chance(0.2) ? null : city.state,
      country,
      postal_code: draw.chance(0.05) ? null : profile.postal(city, draw),
      created_at: new Date(state.baseTime - draw.int(0, 3 * 365) * 86_400_000).toISOString(),
      source_system: draw.pick(['legacy_crm', 'legacy_erp', 'web_signup']),
    },
  };
}

const UPDATABLE_FIELDS = ['email', 'phone', 'city', 'last_name', 'postal_code'] as const;

function reservePhone(state: GeneratorState, user: User): void {
  if (user.phoneKey !== null) state.takenPhones.add(user.phoneKey);
}
function releasePhone(state: GeneratorState, user: User): void {
  if (user.phoneKey !== null) state.takenPhones.delete(user.phoneKey);
}

/** An update changes one field, as real ones do; a new phone is reserved and the old one released. */
function updateUser(state: GeneratorState, user: User): void {
  const changed = makeUser(state, user.id);
  const field = state.draw.pick(UPDATABLE_FIELDS);
  user.row = { ...user.row, [field]: changed.row[field] };
  if (field === 'phone') {
    releasePhone(state, user);
    user.phoneKey = changed.phoneKey;
    reservePhone(state, user);
  }
}

function checkOptions(options: CorpusOptions): void {
  const profile = options.profile ?? 'realistic';
  if (!CORPUS_PROFILES.includes(profile))
    throw new TypeError(`generateSeedEvents: profile must be one of ${CORPUS_PROFILES.join(', ')}`);
  const maxLive = options.maxLiveUsers ?? 100_000;
  if (!Number.isInteger(maxLive) || maxLive < 1) throw new TypeError('generateSeedEvents: maxLiveUsers must be >= 1');
}

/**
 * A deterministic stream of seed-format events (same count, seed and options → same events): about 70%
 * INSERT of new ids, 25% UPDATE and 5% DELETE of live ids, `cdc_sequence` counting up by one from
 * `firstSequence` and timestamps one second apart from 2026-01-01, so runs are reproducible and a later run
 * can continue the sequence.
 *
 * @example
 * const events = [...generateSeedEvents(100_000, 42)]; // realistic profile
 * events.filter((e) => e.cdc_operation === 'INSERT').length; // about 70,000
 * const repeated = [...generateSeedEvents(100_000, 42, { profile: 'repeated' })];
 */
export function* generateSeedEvents(count: number, seed = 1, options: CorpusOptions = {}): Generator<SeedEvent> {
  checkOptions(options);
  const state: GeneratorState = {
    profile: PROFILES[options.profile ?? 'realistic'],
    uniqueDomains: options.uniqueDomains ?? false,
    draw: createDraw(createRandom(seed)),
    baseTime: Date.UTC(2026, 0, 1),
    takenPhones: new Set(),
  };
  const { draw } = state;
  const mix = options.mix ?? { insert: 0.7, update: 0.25, delete: 0.05 };
  const maxLive = options.maxLiveUsers ?? 100_000;
  const live: User[] = [];
  let nextId = options.firstId ?? 1;
  const firstSequence = options.firstSequence ?? 1;
  for (let n = 0; n < count; n++) {
    const ts = new Date(state.baseTime + n * 1000).toISOString();
    const roll = draw.next() * (mix.insert + mix.update + mix.delete);
    let user: User;
    let op: SeedEvent['cdc_operation'];
    if (live.length === 0 || roll < mix.insert) {
      user = makeUser(state, nextId++);
      op = 'INSERT';
      if (live.length >= maxLive) {
        const at = Math.floor(draw.next() * live.length);
        releasePhone(state, live[at]!); // the dormant user gets no more events: its number may be reissued
        live[at] = user;
      } else live.push(user);
      reservePhone(state, user);
    } else {
      const at = Math.floor(draw.next() * live.length);
      user = live[at]!;
      if (roll < mix.insert + mix.update) {
        updateUser(state, user);
        op = 'UPDATE';
      } else {
        // swap-remove keeps deletes O(1)
        const last = live.pop()!;
        if (last !== user) live[at] = last;
        releasePhone(state, user);
        op = 'DELETE';
      }
    }
    yield {
      ...user.row,
      updated_at: ts,
      cdc_operation: op,
      cdc_timestamp: ts,
      cdc_sequence: firstSequence + n,
      cdc_source: 'seed',
    };
  }
}
