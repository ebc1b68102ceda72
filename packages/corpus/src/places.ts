/**
 * The 20 countries users come from: how the country is written, cities with their postal ranges and fixed-line
 * area codes, the exit code dialled from there, and common names.
 *
 * Sources. Postal ranges: the national operators' code lists (USPS ZIP Code lookup, Canada Post FSA list,
 * Royal Mail postcode districts, Deutsche Post, La Poste, Correos, Poste Italiane CAP, PostNL, Swiss Post,
 * Austrian Post, Poczta Polska, CTT, Correios CEP, SEPOMEX, Japan Post, Korea Post 5-digit codes (2015),
 * China Post, India Post PIN, Australia Post, PostNord). Area codes: the national numbering plans (ITU-T
 * E.164 assignments as published by each regulator); every generated number is checked against
 * libphonenumber-js's metadata before use. Exit codes: ITU-T E.164 Supplement / ITU Operational Bulletin
 * list of international prefixes, checked against the metadata's international-prefix pattern by the tests.
 */
import {
  canadianCode,
  dutchCode,
  numericRange,
  type PostalCodeDraw,
  twoPartRange,
  ukCode,
  viennaCode,
  zipRange,
} from './postal.js';
import type { Draw } from './random.js';

/** A city: its state (or null), its postal codes (realistic range and the repeated profile's few values). */
export interface City {
  name: string;
  state: string | null;
  /** Realistic profile: a code drawn from the city's published range. */
  postal: PostalCodeDraw;
  /** Repeated profile: a pattern with few distinct values (the corpus before real ranges). */
  repeatedPostal: PostalCodeDraw;
  /** Fixed-line area code: the leading digits of the national significant number (`212`, `30`, `1`). */
  areaCode: string;
  /** Digits of a fixed-line national significant number in this city (area code included). */
  nationalLength: number;
}

/** A country users come from. */
export interface Place {
  alpha2: string;
  /** Ways the country column spells it (code, English or local name, alias). */
  country: readonly string[];
  /** The international call prefix dialled from this country (`00`, `011`), as users write it before `49 30...`. */
  exitCode: string;
  cities: readonly City[];
  /** Repeated profile: a phone from a few fixed patterns. */
  repeatedPhone: (draw: Draw) => string;
  first: readonly string[];
  last: readonly string[];
  /** Names written family name first without a space (Han, Hangul, Kana). */
  cjk?: boolean;
}

const city = (
  name: string,
  state: string | null,
  postal: PostalCodeDraw,
  repeatedPostal: PostalCodeDraw,
  areaCode: string,
  nationalLength: number,
): City => ({ name, state, postal, repeatedPostal, areaCode, nationalLength });

// Forward sortation areas (Canada Post) and postcode districts (Royal Mail), a sample of each city's.
const TORONTO_FSAS =
  'M1B M1C M1E M1H M1K M1M M1P M1S M1V M2J M2K M2N M3A M3C M3H M3J M4A M4C M4E M4G M4J M4K M4L M4M M4P M4S M4T ' +
  'M4V M4W M4X M4Y M5A M5B M5C M5E M5G M5H M5J M5R M5S M5T M5V M6A M6G M6H M6J M6K M6P M6R M8V M8W M9A M9B M9W';
const MONTREAL_FSAS =
  'H1A H1E H1G H1K H1M H1R H1V H1Y H2A H2E H2G H2H H2J H2K H2L H2R H2S H2T H2V H2W H2X H2Y H3A H3B H3C H3G H3H ' +
  'H3J H3K H3L H3N H3S H3T H3W H3Z H4A H4B H4C H4E H4N H8N H8R H9H';
const VANCOUVER_FSAS =
  'V5K V5L V5M V5N V5P V5R V5S V5T V5V V5W V5X V5Y V5Z V6A V6B V6C V6E V6G V6H V6J V6K V6L V6M V6N V6P V6R V6S V6T V6Z';
const LONDON_DISTRICTS =
  'EC1A EC1V EC2A EC2V EC3M EC4M WC1E WC1H WC2H WC2N SW1A SW1P SW3 SW7 SW11 SW19 SE1 SE10 SE15 N1 N7 N16 NW1 NW3 NW6 ' +
  'E1 E2 E8 E14 E17 W1A W1D W2 W8 W11';
const MANCHESTER_DISTRICTS = 'M1 M2 M3 M4 M8 M11 M12 M13 M14 M15 M16 M19 M20 M21 M22 M23 M40';
const EDINBURGH_DISTRICTS = 'EH1 EH2 EH3 EH4 EH5 EH6 EH7 EH8 EH9 EH10 EH11 EH12 EH13 EH14 EH15 EH16 EH17';

/** The countries, the most frequent first (see `PLACE_WEIGHTS`). */
export const PLACES: readonly Place[] = [
  {
    alpha2: 'US',
    country: ['US', 'USA', 'United States', 'U.S.A.', 'United States of America', 'us'],
    exitCode: '011',
    cities: [
      city('New York', 'NY', zipRange(10001, 10282), (d) => `100${d.digits(2)}`, '212', 10),
      city('Beverly Hills', 'CA', zipRange(90209, 90213), () => '90210', '310', 10),
      city('Chicago', 'IL', zipRange(60601, 60661), (d) => `606${d.digits(2)}`, '312', 10),
      city('Austin', 'TX', zipRange(78701, 78759), (d) => `787${d.digits(2)}-${d.digits(4)}`, '512', 10),
      city('Seattle', 'WA', zipRange(98101, 98199), (d) => `981${d.digits(2)}`, '206', 10),
    ],
    repeatedPhone: (d) =>
      d.pick([
        `+1 212 555 0${d.digits(3)}`,
        `(415) 555-0${d.digits(3)}`,
        `312.555.0${d.digits(3)}`,
        `+1206555${d.digits(4)}`,
      ]),
    first: ['James', 'Mary', 'Robert', 'Patricia', 'Michael', 'Jennifer', 'Emily', 'Daniel'],
    last: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', "O'Connor"],
  },
  {
    alpha2: 'CA',
    country: ['CA', 'Canada', 'CAN'],
    exitCode: '011',
    cities: [
      city('Toronto', 'ON', canadianCode(TORONTO_FSAS), (d) => `M5V ${d.int(1, 9)}L${d.int(1, 9)}`, '416', 10),
      city('Montréal', 'QC', canadianCode(MONTREAL_FSAS), (d) => `h2x${d.int(1, 9)}y${d.int(1, 9)}`, '514', 10),
      city('Vancouver', 'BC', canadianCode(VANCOUVER_FSAS), (d) => `V6B ${d.int(1, 9)}A${d.int(1, 9)}`, '604', 10),
    ],
    repeatedPhone: (d) => d.pick([`(416) 555-0${d.digits(3)}`, `+1 514 555 0${d.digits(3)}`]),
    first: ['Liam', 'Olivia', 'Noah', 'Émilie', 'Jacques'],
    last: ['Tremblay', 'Roy', 'Gagnon', 'Wilson', 'MacDonald'],
  },
  {
    alpha2: 'GB',
    country: ['GB', 'UK', 'United Kingdom', 'England', 'Great Britain', 'Scotland'],
    exitCode: '00',
    cities: [
      city(
        'London',
        null,
        ukCode(LONDON_DISTRICTS),
        (d) => d.pick(['SW1A 1AA', 'sw1a2aa', `EC1A ${d.int(1, 9)}BB`, `W1A ${d.int(0, 9)}AX`]),
        '20',
        10,
      ),
      city('Manchester', null, ukCode(MANCHESTER_DISTRICTS), (d) => `M${d.int(1, 9)} ${d.int(1, 9)}AE`, '161', 10),
      city('Edinburgh', null, ukCode(EDINBURGH_DISTRICTS), (d) => `EH${d.int(1, 9)} ${d.int(1, 9)}YJ`, '131', 10),
    ],
    repeatedPhone: (d) =>
      d.pick([`+44 20 7946 0${d.digits(3)}`, `020 7946 0${d.digits(3)}`, `07700 900${d.digits(3)}`]),
    first: ['Oliver', 'Amelia', 'George', 'Isla', 'Harry'],
    last: ['Taylor', 'Davies', 'Evans', 'Thomas', 'Roberts'],
  },
  {
    alpha2: 'DE',
    country: ['DE', 'Germany', 'Deutschland', 'Allemagne', 'DEU'],
    exitCode: '00',
    cities: [
      city('Berlin', 'BE', numericRange(10115, 14199, 5), (d) => `10${d.int(1, 9)}${d.digits(2)}`, '30', 10),
      city('München', 'BY', numericRange(80331, 81929, 5), (d) => `80${d.digits(3)}`, '89', 10),
      city('Hamburg', 'HH', numericRange(20095, 22769, 5), (d) => `20${d.digits(3)}`, '40', 10),
    ],
    repeatedPhone: (d) =>
      d.pick([`+49 30 ${d.digits(6)}`, `030 ${d.digits(7)}`, `0151 ${d.digits(8)}`, `0049 89 ${d.digits(6)}`]),
    first: ['Lukas', 'Anna', 'Jürgen', 'Lena', 'Maximilian'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber'],
  },
  {
    alpha2: 'FR',
    country: ['FR', 'France', 'FRA', 'Frankreich'],
    exitCode: '00',
    cities: [
      city('Paris', null, numericRange(75001, 75020, 5), (d) => `750${d.int(0, 2)}${d.int(1, 9)}`, '1', 9),
      city('Lyon', null, numericRange(69001, 69009, 5), (d) => `6900${d.int(1, 9)}`, '4', 9),
    ],
    repeatedPhone: (d) =>
      d.pick([
        `+33 1 ${d.digits(2)} ${d.digits(2)} ${d.digits(2)} ${d.digits(2)}`,
        `06 ${d.digits(2)} ${d.digits(2)} ${d.digits(2)} ${d.digits(2)}`,
      ]),
    first: ['Chloé', 'Léa', 'Hugo', 'Louis', 'Camille'],
    last: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau'],
  },
  {
    alpha2: 'ES',
    country: ['ES', 'Spain', 'España', 'Espagne'],
    exitCode: '00',
    cities: [
      city('Madrid', 'M', numericRange(28001, 28055, 5), (d) => `280${d.digits(2)}`, '91', 9),
      city('Barcelona', 'B', numericRange(8001, 8042, 5), (d) => `080${d.digits(2)}`, '93', 9),
    ],
    repeatedPhone: (d) => `+34 91 ${d.digits(3)} ${d.digits(2)} ${d.digits(2)}`,
    first: ['José', 'María', 'Lucía', 'Javier'],
    last: ['García', 'Fernández', 'López', 'Martínez'],
  },
  {
    alpha2: 'IT',
    country: ['IT', 'Italy', 'Italia'],
    exitCode: '00',
    cities: [
      city('Roma', 'RM', numericRange(118, 199, 5), (d) => `001${d.digits(2)}`, '06', 10),
      city('Milano', 'MI', numericRange(20121, 20162, 5), (d) => `201${d.digits(2)}`, '02', 10),
    ],
    repeatedPhone: (d) => `+39 06 ${d.digits(4)} ${d.digits(4)}`,
    first: ['Giulia', 'Francesco', 'Alessandro', 'Sofia'],
    last: ['Rossi', 'Russo', 'Ferrari', 'Esposito'],
  },
  {
    alpha2: 'NL',
    country: ['NL', 'Netherlands', 'Holland', 'Nederland'],
    exitCode: '00',
    cities: [
      city(
        'Amsterdam',
        null,
        dutchCode(1011, 1109),
        (d) => d.pick([`10${d.int(1, 9)}${d.int(1, 9)} AB`, `10${d.int(1, 9)}${d.int(1, 9)}cd`]),
        '20',
        9,
      ),
    ],
    repeatedPhone: (d) => `+31 20 ${d.digits(3)} ${d.digits(4)}`,
    first: ['Daan', 'Emma', 'Sem', 'Julia'],
    last: ['de Jong', 'Jansen', 'de Vries', 'van Dijk'],
  },
  {
    alpha2: 'CH',
    country: ['CH', 'Switzerland', 'Schweiz', 'Suisse'],
    exitCode: '00',
    cities: [city('Zürich', 'ZH', numericRange(8001, 8057, 4), (d) => `80${d.digits(2)}`, '44', 9)],
    repeatedPhone: (d) => `+41 44 ${d.digits(3)} ${d.digits(2)} ${d.digits(2)}`,
    first: ['Noah', 'Mia', 'Luca'],
    last: ['Meier', 'Keller', 'Huber'],
  },
  {
    alpha2: 'AT',
    country: ['AT', 'Austria', 'Österreich'],
    exitCode: '00',
    cities: [city('Wien', 'W', viennaCode(), (d) => `1${d.int(0, 2)}${d.int(1, 9)}0`, '1', 9)],
    repeatedPhone: (d) => `+43 1 ${d.digits(7)}`,
    first: ['Tobias', 'Hannah'],
    last: ['Gruber', 'Huber', 'Bauer'],
  },
  {
    alpha2: 'PL',
    country: ['PL', 'Poland', 'Polska'],
    exitCode: '00',
    cities: [
      city(
        'Warszawa',
        null,
        twoPartRange([0, 4, 2], [1, 999, 3], '-'),
        (d) => `0${d.int(0, 4)}-${d.digits(3)}`,
        '22',
        9,
      ),
    ],
    repeatedPhone: (d) => `+48 22 ${d.digits(3)} ${d.digits(2)} ${d.digits(2)}`,
    first: ['Jakub', 'Zuzanna', 'Łukasz'],
    last: ['Nowak', 'Kowalski', 'Wiśniewski'],
  },
  {
    alpha2: 'PT',
    country: ['PT', 'Portugal'],
    exitCode: '00',
    cities: [
      city(
        'Lisboa',
        null,
        twoPartRange([1000, 1998, 4], [1, 999, 3], '-'),
        (d) => `1${d.int(0, 9)}00-${d.digits(3)}`,
        '21',
        9,
      ),
    ],
    repeatedPhone: (d) => `+351 21 ${d.digits(3)} ${d.digits(4)}`,
    first: ['João', 'Beatriz'],
    last: ['Silva', 'Santos', 'Ferreira'],
  },
  {
    alpha2: 'BR',
    country: ['BR', 'Brazil', 'Brasil'],
    exitCode: '0021',
    cities: [
      city(
        'São Paulo',
        'SP',
        twoPartRange([1000, 5999, 5], [0, 999, 3], '-'),
        (d) => `01${d.digits(3)}-${d.digits(3)}`,
        '11',
        10,
      ),
      city(
        'Rio de Janeiro',
        'RJ',
        twoPartRange([20000, 23799, 5], [0, 999, 3], '-'),
        (d) => `20${d.digits(3)}-${d.digits(3)}`,
        '21',
        10,
      ),
    ],
    repeatedPhone: (d) => `+55 11 9${d.digits(4)}-${d.digits(4)}`,
    first: ['Gabriel', 'Ana', 'Matheus', 'Júlia'],
    last: ['Silva', 'Santos', 'Oliveira', 'Souza'],
  },
  {
    alpha2: 'MX',
    country: ['MX', 'Mexico', 'México'],
    exitCode: '00',
    cities: [
      city('Ciudad de México', 'CMX', numericRange(1000, 16999, 5), (d) => `0${d.int(1, 9)}${d.digits(3)}`, '55', 10),
    ],
    repeatedPhone: (d) => `+52 55 ${d.digits(4)} ${d.digits(4)}`,
    first: ['Santiago', 'Valentina'],
    last: ['Hernández', 'González'],
  },
  {
    alpha2: 'JP',
    country: ['JP', 'Japan', '日本', 'JPN'],
    exitCode: '010',
    cities: [
      city('Tokyo', '東京都', twoPartRange([100, 179, 3], [0, 9999, 4], '-'), (d) => `100-${d.digits(4)}`, '3', 9),
      city('Osaka', 'Osaka', twoPartRange([530, 559, 3], [0, 9999, 4], '-'), (d) => `530-${d.digits(4)}`, '6', 9),
    ],
    repeatedPhone: (d) => d.pick([`+81 3-${d.digits(4)}-${d.digits(4)}`, `090-${d.digits(4)}-${d.digits(4)}`]),
    first: ['太郎', '花子', 'Yuki', 'Haruto'],
    last: ['山田', '佐藤', 'Tanaka', 'Suzuki'],
    cjk: true,
  },
  {
    alpha2: 'KR',
    country: ['KR', 'South Korea', 'Korea, Republic of'],
    exitCode: '001',
    cities: [city('Seoul', null, numericRange(1000, 8999, 5), (d) => `0${d.digits(4)}`, '2', 9)],
    repeatedPhone: (d) => `+82 2-${d.digits(3)}-${d.digits(4)}`,
    first: ['민준', '서연'],
    last: ['김', '이', '박'],
    cjk: true,
  },
  {
    alpha2: 'CN',
    country: ['CN', 'China', '中国'],
    exitCode: '00',
    cities: [city('Beijing', null, numericRange(100000, 102629, 6), (d) => `100${d.digits(3)}`, '10', 10)],
    repeatedPhone: (d) => `+86 10 ${d.digits(4)} ${d.digits(4)}`,
    first: ['伟', '芳', 'Wei'],
    last: ['王', '李', 'Zhang'],
    cjk: true,
  },
  {
    alpha2: 'IN',
    country: ['IN', 'India', 'Bharat'],
    exitCode: '00',
    cities: [
      city('New Delhi', 'DL', numericRange(110001, 110097, 6), (d) => `110${d.digits(3)}`, '11', 10),
      city('Mumbai', 'MH', numericRange(400001, 400104, 6), (d) => `400${d.digits(3)}`, '22', 10),
    ],
    repeatedPhone: (d) => `+91 98${d.digits(3)} ${d.digits(5)}`,
    first: ['Aarav', 'Priya', 'Rahul'],
    last: ['Sharma', 'Patel', 'Singh'],
  },
  {
    alpha2: 'AU',
    country: ['AU', 'Australia'],
    exitCode: '0011',
    cities: [
      city('Sydney', 'NSW', numericRange(2000, 2234, 4), (d) => `20${d.digits(2)}`, '2', 9),
      city('Melbourne', 'VIC', numericRange(3000, 3207, 4), (d) => `30${d.digits(2)}`, '3', 9),
    ],
    repeatedPhone: (d) => `+61 2 ${d.digits(4)} ${d.digits(4)}`,
    first: ['Jack', 'Charlotte'],
    last: ['Wilson', 'Anderson'],
  },
  {
    alpha2: 'SE',
    country: ['SE', 'Sweden', 'Sverige'],
    exitCode: '00',
    cities: [
      city(
        'Stockholm',
        null,
        twoPartRange([100, 199, 3], [0, 99, 2], ' '),
        (d) => `1${d.int(1, 9)}${d.int(0, 9)} ${d.digits(2)}`,
        '8',
        9,
      ),
    ],
    repeatedPhone: (d) => `+46 8 ${d.digits(3)} ${d.digits(3)} ${d.digits(2)}`,
    first: ['Elsa', 'William'],
    last: ['Andersson', 'Johansson'],
  },
];

/** Place weights: the US, GB and DE dominate, as in a typical Western migration. */
export const PLACE_WEIGHTS: readonly number[] = PLACES.map((_, i) => 1 / (i + 1) ** 0.6);
