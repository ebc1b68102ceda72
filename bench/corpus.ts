/**
 * A seeded generator of realistic seed-format CDC events, for benchmarks, the example producer and tests.
 *
 * What makes it realistic (and hard for an enricher): email domains follow a Zipf-like law over real
 * providers, companies, universities, government, military and disposable domains (with typos and a share of
 * broken addresses); names, phones, cities, states and postal codes come from 20 countries; the `country`
 * field is written in many ways (code, English or local name, alias) or is missing, leaving only the postal
 * code and hints; ops are about 70% INSERT, 25% UPDATE (of ids seen before) and 5% DELETE.
 */

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

/** Options of {@link generateSeedEvents}. */
export interface CorpusOptions {
  /** First id of a new user. Default 1. */
  firstId?: number;
  /** cdc_sequence of the first event; later events count up by one. Default 1. */
  firstSequence?: number;
  /** Give every user a distinct email domain and phone (the cold-cache case). Default false. */
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

/** mulberry32: a small seeded PRNG, so the same seed gives the same corpus on every machine. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Email domains, most frequent first (the Zipf rank). */
const DOMAINS = [
  'gmail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'icloud.com',
  'gmx.de',
  'web.de',
  'mail.ru',
  'yandex.ru',
  'qq.com',
  '163.com',
  'naver.com',
  'orange.fr',
  'libero.it',
  'seznam.cz',
  'yahoo.co.jp',
  'googlemail.com',
  'aol.com',
  'protonmail.com',
  'wp.pl',
  'uol.com.br',
  'rediffmail.com',
  'bigpond.com',
  'acme.com',
  'siemens.com',
  'accenture.com',
  'ibm.com',
  'bosch.de',
  'toyota.co.jp',
  'shopify.com',
  'cs.stanford.edu',
  'mit.edu',
  'ox.ac.uk',
  'u-tokyo.ac.jp',
  'tum.de',
  'usp.br',
  'ec.gc.ca',
  'cabinetoffice.gov.uk',
  'interieur.gouv.fr',
  'army.mil',
  'mod.gov.uk',
  'mailinator.com',
  'guerrillamail.com',
  '10minutemail.com',
  'gmial.com',
  'hotmial.com',
  'yaho.com',
] as const;

interface Place {
  country: readonly string[]; // ways to write the country
  alpha2: string;
  cities: readonly [city: string, state: string | null, postal: () => string][];
  phone: () => string;
  first: readonly string[];
  last: readonly string[];
  cjk?: boolean;
}

let rnd: () => number = Math.random;
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const digits = (n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(int(0, 9));
  return s;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

const PLACES: readonly Place[] = [
  {
    alpha2: 'US',
    country: ['US', 'USA', 'United States', 'U.S.A.', 'United States of America', 'us'],
    cities: [
      ['New York', 'NY', () => `100${digits(2)}`],
      ['Beverly Hills', 'CA', () => '90210'],
      ['Chicago', 'IL', () => `606${digits(2)}`],
      ['Austin', 'TX', () => `787${digits(2)}-${digits(4)}`],
      ['Seattle', 'WA', () => `981${digits(2)}`],
    ],
    phone: () =>
      pick([`+1 212 555 0${digits(3)}`, `(415) 555-0${digits(3)}`, `312.555.0${digits(3)}`, `+1206555${digits(4)}`]),
    first: ['James', 'Mary', 'Robert', 'Patricia', 'Michael', 'Jennifer', 'Emily', 'Daniel'],
    last: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', "O'Connor"],
  },
  {
    alpha2: 'CA',
    country: ['CA', 'Canada', 'CAN'],
    cities: [
      ['Toronto', 'ON', () => `M5V ${int(1, 9)}L${int(1, 9)}`],
      ['Montréal', 'QC', () => `h2x${int(1, 9)}y${int(1, 9)}`],
      ['Vancouver', 'BC', () => `V6B ${int(1, 9)}A${int(1, 9)}`],
    ],
    phone: () => pick([`(416) 555-0${digits(3)}`, `+1 514 555 0${digits(3)}`]),
    first: ['Liam', 'Olivia', 'Noah', 'Émilie', 'Jacques'],
    last: ['Tremblay', 'Roy', 'Gagnon', 'Wilson', 'MacDonald'],
  },
  {
    alpha2: 'GB',
    country: ['GB', 'UK', 'United Kingdom', 'England', 'Great Britain', 'Scotland'],
    cities: [
      ['London', null, () => pick(['SW1A 1AA', 'sw1a2aa', `EC1A ${int(1, 9)}BB`, `W1A ${int(0, 9)}AX`])],
      ['Manchester', null, () => `M${int(1, 9)} ${int(1, 9)}AE`],
      ['Edinburgh', null, () => `EH${int(1, 9)} ${int(1, 9)}YJ`],
    ],
    phone: () => pick([`+44 20 7946 0${digits(3)}`, `020 7946 0${digits(3)}`, `07700 900${digits(3)}`]),
    first: ['Oliver', 'Amelia', 'George', 'Isla', 'Harry'],
    last: ['Taylor', 'Davies', 'Evans', 'Thomas', 'Roberts'],
  },
  {
    alpha2: 'DE',
    country: ['DE', 'Germany', 'Deutschland', 'Allemagne', 'DEU'],
    cities: [
      ['Berlin', 'BE', () => `10${int(1, 9)}${digits(2)}`],
      ['München', 'BY', () => `80${digits(3)}`],
      ['Hamburg', 'HH', () => `20${digits(3)}`],
    ],
    phone: () => pick([`+49 30 ${digits(6)}`, `030 ${digits(7)}`, `0151 ${digits(8)}`, `0049 89 ${digits(6)}`]),
    first: ['Lukas', 'Anna', 'Jürgen', 'Lena', 'Maximilian'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber'],
  },
  {
    alpha2: 'FR',
    country: ['FR', 'France', 'FRA', 'Frankreich'],
    cities: [
      ['Paris', null, () => `750${int(0, 2)}${int(1, 9)}`],
      ['Lyon', null, () => `6900${int(1, 9)}`],
    ],
    phone: () =>
      pick([
        `+33 1 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`,
        `06 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`,
      ]),
    first: ['Chloé', 'Léa', 'Hugo', 'Louis', 'Camille'],
    last: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau'],
  },
  {
    alpha2: 'ES',
    country: ['ES', 'Spain', 'España', 'Espagne'],
    cities: [
      ['Madrid', 'M', () => `280${digits(2)}`],
      ['Barcelona', 'B', () => `080${digits(2)}`],
    ],
    phone: () => `+34 91 ${digits(3)} ${digits(2)} ${digits(2)}`,
    first: ['José', 'María', 'Lucía', 'Javier'],
    last: ['García', 'Fernández', 'López', 'Martínez'],
  },
  {
    alpha2: 'IT',
    country: ['IT', 'Italy', 'Italia'],
    cities: [
      ['Roma', 'RM', () => `001${digits(2)}`],
      ['Milano', 'MI', () => `201${digits(2)}`],
    ],
    phone: () => `+39 06 ${digits(4)} ${digits(4)}`,
    first: ['Giulia', 'Francesco', 'Alessandro', 'Sofia'],
    last: ['Rossi', 'Russo', 'Ferrari', 'Esposito'],
  },
  {
    alpha2: 'NL',
    country: ['NL', 'Netherlands', 'Holland', 'Nederland'],
    cities: [['Amsterdam', null, () => pick([`10${int(1, 9)}${int(1, 9)} AB`, `10${int(1, 9)}${int(1, 9)}cd`])]],
    phone: () => `+31 20 ${digits(3)} ${digits(4)}`,
    first: ['Daan', 'Emma', 'Sem', 'Julia'],
    last: ['de Jong', 'Jansen', 'de Vries', 'van Dijk'],
  },
  {
    alpha2: 'CH',
    country: ['CH', 'Switzerland', 'Schweiz', 'Suisse'],
    cities: [['Zürich', 'ZH', () => `80${digits(2)}`]],
    phone: () => `+41 44 ${digits(3)} ${digits(2)} ${digits(2)}`,
    first: ['Noah', 'Mia', 'Luca'],
    last: ['Meier', 'Keller', 'Huber'],
  },
  {
    alpha2: 'AT',
    country: ['AT', 'Austria', 'Österreich'],
    cities: [['Wien', 'W', () => `1${int(0, 2)}${int(1, 9)}0`]],
    phone: () => `+43 1 ${digits(7)}`,
    first: ['Tobias', 'Hannah'],
    last: ['Gruber', 'Huber', 'Bauer'],
  },
  {
    alpha2: 'PL',
    country: ['PL', 'Poland', 'Polska'],
    cities: [['Warszawa', null, () => `0${int(0, 4)}-${digits(3)}`]],
    phone: () => `+48 22 ${digits(3)} ${digits(2)} ${digits(2)}`,
    first: ['Jakub', 'Zuzanna', 'Łukasz'],
    last: ['Nowak', 'Kowalski', 'Wiśniewski'],
  },
  {
    alpha2: 'PT',
    country: ['PT', 'Portugal'],
    cities: [['Lisboa', null, () => `1${int(0, 9)}00-${digits(3)}`]],
    phone: () => `+351 21 ${digits(3)} ${digits(4)}`,
    first: ['João', 'Beatriz'],
    last: ['Silva', 'Santos', 'Ferreira'],
  },
  {
    alpha2: 'BR',
    country: ['BR', 'Brazil', 'Brasil'],
    cities: [
      ['São Paulo', 'SP', () => `01${digits(3)}-${digits(3)}`],
      ['Rio de Janeiro', 'RJ', () => `20${digits(3)}-${digits(3)}`],
    ],
    phone: () => `+55 11 9${digits(4)}-${digits(4)}`,
    first: ['Gabriel', 'Ana', 'Matheus', 'Júlia'],
    last: ['Silva', 'Santos', 'Oliveira', 'Souza'],
  },
  {
    alpha2: 'MX',
    country: ['MX', 'Mexico', 'México'],
    cities: [['Ciudad de México', 'CMX', () => `0${int(1, 9)}${digits(3)}`]],
    phone: () => `+52 55 ${digits(4)} ${digits(4)}`,
    first: ['Santiago', 'Valentina'],
    last: ['Hernández', 'González'],
  },
  {
    alpha2: 'JP',
    country: ['JP', 'Japan', '日本', 'JPN'],
    cities: [
      ['Tokyo', '東京都', () => `100-${digits(4)}`],
      ['Osaka', 'Osaka', () => `530-${digits(4)}`],
    ],
    phone: () => pick([`+81 3-${digits(4)}-${digits(4)}`, `090-${digits(4)}-${digits(4)}`]),
    first: ['太郎', '花子', 'Yuki', 'Haruto'],
    last: ['山田', '佐藤', 'Tanaka', 'Suzuki'],
    cjk: true,
  },
  {
    alpha2: 'KR',
    country: ['KR', 'South Korea', 'Korea, Republic of'],
    cities: [['Seoul', null, () => `0${digits(4)}`]],
    phone: () => `+82 2-${digits(3)}-${digits(4)}`,
    first: ['민준', '서연'],
    last: ['김', '이', '박'],
    cjk: true,
  },
  {
    alpha2: 'CN',
    country: ['CN', 'China', '中国'],
    cities: [['Beijing', null, () => `100${digits(3)}`]],
    phone: () => `+86 10 ${digits(4)} ${digits(4)}`,
    first: ['伟', '芳', 'Wei'],
    last: ['王', '李', 'Zhang'],
    cjk: true,
  },
  {
    alpha2: 'IN',
    country: ['IN', 'India', 'Bharat'],
    cities: [
      ['New Delhi', 'DL', () => `110${digits(3)}`],
      ['Mumbai', 'MH', () => `400${digits(3)}`],
    ],
    phone: () => `+91 98${digits(3)} ${digits(5)}`,
    first: ['Aarav', 'Priya', 'Rahul'],
    last: ['Sharma', 'Patel', 'Singh'],
  },
  {
    alpha2: 'AU',
    country: ['AU', 'Australia'],
    cities: [
      ['Sydney', 'NSW', () => `20${digits(2)}`],
      ['Melbourne', 'VIC', () => `30${digits(2)}`],
    ],
    phone: () => `+61 2 ${digits(4)} ${digits(4)}`,
    first: ['Jack', 'Charlotte'],
    last: ['Wilson', 'Anderson'],
  },
  {
    alpha2: 'SE',
    country: ['SE', 'Sweden', 'Sverige'],
    cities: [['Stockholm', null, () => `1${int(1, 9)}${int(0, 9)} ${digits(2)}`]],
    phone: () => `+46 8 ${digits(3)} ${digits(3)} ${digits(2)}`,
    first: ['Elsa', 'William'],
    last: ['Andersson', 'Johansson'],
  },
];

/** Place weights: the US, GB and DE dominate, as in a typical Western migration. */
const PLACE_WEIGHTS = PLACES.map((_, i) => 1 / (i + 1) ** 0.6);

function weighted(weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let r = rnd() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!;
    if (r <= 0) return i;
  }
  return weights.length - 1;
}

/** Zipf(s=1.1) over the domain list. */
const DOMAIN_WEIGHTS = DOMAINS.map((_, i) => 1 / (i + 1) ** 1.1);

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();

interface User {
  id: number;
  row: Omit<SeedEvent, 'cdc_operation' | 'cdc_timestamp' | 'cdc_sequence' | 'cdc_source' | 'updated_at'>;
}

function makeUser(id: number, uniqueDomains: boolean, baseTime: number): User {
  const place = PLACES[weighted(PLACE_WEIGHTS)]!;
  const [city, state, postal] = pick(place.cities);
  const first = pick(place.first);
  const last = pick(place.last);
  const localBase = ascii(first) || 'user';
  const domain = uniqueDomains ? `company${id}.com` : DOMAINS[weighted(DOMAIN_WEIGHTS)]!;
  const roll = rnd();
  let email: string | null;
  if (roll < 0.03) email = null;
  else if (roll < 0.05)
    email = `${localBase}.${ascii(last)}@@${domain}`; // broken
  else if (roll < 0.07)
    email = `${localBase}${id}`; // no @
  else {
    const local = pick([
      `${localBase}.${ascii(last) || 'x'}`,
      `${localBase}${id}`,
      `${localBase}+news`,
      'info',
      'support',
    ]);
    email = rnd() < 0.1 ? `  ${local.toUpperCase()}@${domain.toUpperCase()} ` : `${local}@${domain}`;
  }
  const countryRoll = rnd();
  const country = countryRoll < 0.6 ? pick(place.country) : countryRoll < 0.65 ? '' : null;
  const phone =
    rnd() < 0.05 ? null : uniqueDomains ? `+1 212 ${String(2000000 + (id % 7999999)).padStart(7, '0')}` : place.phone();
  return {
    id,
    row: {
      id,
      first_name: rnd() < 0.02 ? null : rnd() < 0.05 ? `  ${first}\u00a0` : first,
      last_name: rnd() < 0.02 ? null : last,
      email,
      phone,
      address: `${int(1, 999)} ${pick(['Main St', 'High Street', 'Hauptstraße', 'Rue de Rivoli', 'Via Roma', '中央通り'])}`,
      city: rnd() < 0.1 ? null : city,
      state: rnd() < 0.2 ? null : state,
      country,
      postal_code: rnd() < 0.05 ? null : postal(),
      created_at: new Date(baseTime - int(0, 3 * 365) * 86_400_000).toISOString(),
      source_system: pick(['legacy_crm', 'legacy_erp', 'web_signup']),
    },
  };
}

/**
 * A deterministic stream of seed-format events (same seed → same events).
 *
 * @example
 * const events = [...generateSeedEvents(100_000, 42)];
 * events.filter((e) => e.cdc_operation === 'INSERT').length; // about 70,000
 */
export function* generateSeedEvents(count: number, seed = 1, options: CorpusOptions = {}): Generator<SeedEvent> {
  const saved = rnd;
  const random = createRandom(seed);
  const mix = options.mix ?? { insert: 0.7, update: 0.25, delete: 0.05 };
  const live: User[] = [];
  const maxLive = options.maxLiveUsers ?? 100_000;
  if (!Number.isInteger(maxLive) || maxLive < 1) throw new TypeError('generateSeedEvents: maxLiveUsers must be >= 1');
  let nextId = options.firstId ?? 1;
  const firstSequence = options.firstSequence ?? 1;
  const base = Date.UTC(2026, 0, 1);
  try {
    for (let n = 0; n < count; n++) {
      rnd = random;
      const sequence = firstSequence + n;
      const ts = new Date(base + n * 1000).toISOString();
      const roll = rnd() * (mix.insert + mix.update + mix.delete);
      let event: SeedEvent;
      if (live.length === 0 || roll < mix.insert) {
        const user = makeUser(nextId++, options.uniqueDomains ?? false, base);
        if (live.length >= maxLive) live[Math.floor(rnd() * live.length)] = user;
        else live.push(user);
        event = {
          ...user.row,
          updated_at: ts,
          cdc_operation: 'INSERT',
          cdc_timestamp: ts,
          cdc_sequence: sequence,
          cdc_source: 'seed',
        };
      } else {
        const at = Math.floor(rnd() * live.length);
        const user = live[at]!;
        if (roll < mix.insert + mix.update) {
          // An update changes one or two fields, as real ones do.
          const changed = makeUser(user.id, options.uniqueDomains ?? false, base).row;
          const field = pick(['email', 'phone', 'city', 'last_name', 'postal_code'] as const);
          user.row = { ...user.row, [field]: changed[field] };
          event = {
            ...user.row,
            updated_at: ts,
            cdc_operation: 'UPDATE',
            cdc_timestamp: ts,
            cdc_sequence: sequence,
            cdc_source: 'seed',
          };
        } else {
          // swap-remove keeps deletes O(1)
          const last = live.pop()!;
          if (last !== user) live[at] = last;
          event = {
            ...user.row,
            updated_at: ts,
            cdc_operation: 'DELETE',
            cdc_timestamp: ts,
            cdc_sequence: sequence,
            cdc_source: 'seed',
          };
        }
      }
      rnd = saved;
      yield event;
    }
  } finally {
    rnd = saved;
  }
}
