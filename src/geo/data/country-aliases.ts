/**
 * Country aliases and historic or colloquial spellings that the CLDR-derived locale names of
 * i18n-iso-countries do not carry, plus names that must be treated as ambiguous.
 *
 * Source: hand-curated for this project (MIT, like the rest of cdc-enrich), from common spellings seen
 * in CRM and migration data and from ISO 3166-1 change notices (e.g. CZ "Czechia" 2016, TR "Türkiye" 2022,
 * MK "North Macedonia" 2019, SZ "Eswatini" 2018). Keys are free text; they are normalized with the same
 * key function as user input when the index is built, so spelling here need not be pre-normalized.
 *
 * An entry mapping to two or more codes is an explicit ambiguity: `normalizeCountry` returns `null` for it
 * and `lookupCountry` reports the candidates. An alias always overrides what the locale names say for the
 * same key (that is the point of curating it).
 */
export const COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  // United States
  USA: ['US'],
  'U.S.A.': ['US'],
  'U.S.': ['US'],
  'United States of America': ['US'],
  'United States': ['US'],
  America: ['US'],
  'The States': ['US'],
  // United Kingdom and its constituent countries (not ISO 3166-1 entries of their own)
  UK: ['GB'],
  'U.K.': ['GB'],
  'United Kingdom': ['GB'],
  'Great Britain': ['GB'],
  Britain: ['GB'],
  England: ['GB'],
  Scotland: ['GB'],
  Wales: ['GB'],
  'Northern Ireland': ['GB'],
  'United Kingdom of Great Britain and Northern Ireland': ['GB'],
  // Netherlands
  Holland: ['NL'],
  'The Netherlands': ['NL'],
  Nederland: ['NL'],
  // Czechia (short name adopted 2016)
  'Czech Republic': ['CZ'],
  Czechia: ['CZ'],
  // Türkiye (English short name changed 2022)
  Turkey: ['TR'],
  Türkiye: ['TR'],
  Turkiye: ['TR'],
  // Côte d'Ivoire
  'Ivory Coast': ['CI'],
  "Côte d'Ivoire": ['CI'],
  'Cote dIvoire': ['CI'],
  // Koreas: bare "Korea" is ambiguous
  'South Korea': ['KR'],
  'Korea, Republic of': ['KR'],
  'Republic of Korea': ['KR'],
  'Korea, South': ['KR'],
  'North Korea': ['KP'],
  "Korea, Democratic People's Republic of": ['KP'],
  'Korea, North': ['KP'],
  DPRK: ['KP'],
  Korea: ['KR', 'KP'],
  // Congos: bare "Congo" is ambiguous
  Congo: ['CG', 'CD'],
  'Republic of the Congo': ['CG'],
  'Congo-Brazzaville': ['CG'],
  'Congo Brazzaville': ['CG'],
  'Democratic Republic of the Congo': ['CD'],
  'DR Congo': ['CD'],
  DRC: ['CD'],
  'Congo-Kinshasa': ['CD'],
  'Congo Kinshasa': ['CD'],
  Zaire: ['CD'],
  // Guineas: bare "Guinea" is the ISO name of GN, but the New-Guinea/Equatorial/Bissau family is distinct
  'Guinea Bissau': ['GW'],
  'Papua New Guinea': ['PG'],
  'Equatorial Guinea': ['GQ'],
  // Russia, Vietnam, and other common short forms
  Russia: ['RU'],
  'Russian Federation': ['RU'],
  Vietnam: ['VN'],
  'Viet Nam': ['VN'],
  Iran: ['IR'],
  Syria: ['SY'],
  Laos: ['LA'],
  Moldova: ['MD'],
  Bolivia: ['BO'],
  Venezuela: ['VE'],
  Tanzania: ['TZ'],
  Taiwan: ['TW'],
  'Republic of China': ['TW'],
  "People's Republic of China": ['CN'],
  PRC: ['CN'],
  'Mainland China': ['CN'],
  Macau: ['MO'],
  Macao: ['MO'],
  'Hong Kong': ['HK'],
  Brunei: ['BN'],
  'East Timor': ['TL'],
  'Timor Leste': ['TL'],
  Micronesia: ['FM'],
  Palestine: ['PS'],
  'Vatican City': ['VA'],
  Vatican: ['VA'],
  'Holy See': ['VA'],
  Macedonia: ['MK'],
  'North Macedonia': ['MK'],
  Swaziland: ['SZ'],
  Eswatini: ['SZ'],
  Burma: ['MM'],
  'Cape Verde': ['CV'],
  'Cabo Verde': ['CV'],
  UAE: ['AE'],
  Emirates: ['AE'],
  'St Lucia': ['LC'],
  'St Kitts and Nevis': ['KN'],
  'St Vincent and the Grenadines': ['VC'],
  'Bosnia & Herzegovina': ['BA'],
  Bosnia: ['BA'],
  'Trinidad & Tobago': ['TT'],
  'Antigua & Barbuda': ['AG'],
  'Sao Tome and Principe': ['ST'],
  Kosovo: ['XK'],
  // Colloquial names in other languages that CLDR spells differently
  'Deutschland (BRD)': ['DE'],
  BRD: ['DE'],
  'Schweizerische Eidgenossenschaft': ['CH'],
  Suisse: ['CH'],
  Svizzera: ['CH'],
  // Not a country in ISO 3166-1: names that map to several codes stay ambiguous
  'Virgin Islands': ['VG', 'VI'],
  Samoa: ['WS'],
  Sudan: ['SD'],
  Dominica: ['DM'],
};
