/**
 * State and city evidence: lookups of a record's `state` and `city` text in the subdivision table
 * (ISO 3166-2, CLDR, Google address keys: `data/geo/subdivisions.br`) and the GeoNames gazetteer
 * (`data/geo/cities.br`), data files of the package. Both tables are read on first use; the parsed answer per distinct raw
 * text is memoized in a bounded cache (the shared two-generation LRU), because state and city columns repeat heavily (a few thousand values
 * cover most rows) while their keys cost a normalization and a binary search.
 */

import { LruCache } from '../shared/lru.js';
import type { Alpha2 } from './country.js';
import { MAX_KEY_INPUT_LENGTH, normalizePlaceKey } from './key.js';
import { PackedTable } from './packed.js';

/** A subdivision a state text names. */
export interface SubdivisionHit {
  readonly region: Alpha2;
  /** ISO 3166-2 suffix (or Google's address key when ISO has none): `BE` of `DE-BE`. */
  readonly code: string;
  /** False for a bare ISO suffix that is not the address key ("ZH" for CH-ZH): rarely written alone. */
  readonly strong: boolean;
}

/** A country where a city of that name has at least 15,000 inhabitants, with its share of them. */
export interface CityHit {
  readonly region: Alpha2;
  /** Population of the largest such city there / summed over every country with that name (0..1]. */
  readonly share: number;
}

/**
 * Distinct raw texts remembered per table; entries are small frozen arrays. A state column has a few
 * thousand distinct values. A city column has tens of thousands (every town of >= 15k inhabitants is in the
 * table: 50,661 names), and the memo must hold its working set: the shared LRU keeps two generations of
 * half the bound each, and a working set larger than a generation moves entries between them on every hit
 * (measured on the geo benchmark's 18,312 distinct cities, shared machine: 0.45-0.8 µs per lookup at 32,768, 0.15-0.35 µs at
 * 65,536). Worst case ~8 MB for 65,536 distinct city texts.
 */
const MAX_SUBDIVISION_MEMO = 32_768;
const MAX_CITY_MEMO = 65_536;

/** A packed table read on first use, with a memo of parsed answers per raw text. */
class PlaceIndex<Hit> {
  #table: PackedTable | undefined;
  readonly #memo: LruCache<string, readonly Hit[]>;
  constructor(
    private readonly dataFile: string,
    private readonly parse: (value: string) => Hit[],
    maxMemo: number,
  ) {
    this.#memo = new LruCache(maxMemo);
  }

  lookup(text: unknown): readonly Hit[] {
    if (typeof text !== 'string' || text.length > MAX_KEY_INPUT_LENGTH) return NONE;
    const cached = this.#memo.get(text);
    if (cached !== undefined) return cached;
    const key = normalizePlaceKey(text);
    this.#table ??= PackedTable.fromDataFile(this.dataFile);
    const value = key === null ? undefined : this.#table.get(key);
    const hits = value === undefined ? NONE : Object.freeze(this.parse(value));
    this.#memo.set(text, hits);
    return hits;
  }
}

const NONE: readonly never[] = Object.freeze([]);

function parseSubdivisions(value: string): SubdivisionHit[] {
  return value.split(',').map((entry) => {
    const strong = !entry.endsWith('*');
    const ref = strong ? entry : entry.slice(0, -1);
    const dash = ref.indexOf('-');
    return Object.freeze({ region: ref.slice(0, dash), code: ref.slice(dash + 1), strong });
  });
}

function parseCities(value: string): CityHit[] {
  const entries = value.split(',').map((e) => ({ region: e.slice(0, 2), population: Number(e.slice(2)) }));
  const total = entries.reduce((sum, e) => sum + e.population, 0);
  return entries.map((e) => Object.freeze({ region: e.region, share: e.population / total }));
}

const subdivisions = new PlaceIndex('geo/subdivisions.br', parseSubdivisions, MAX_SUBDIVISION_MEMO);
const cities = new PlaceIndex('geo/cities.br', parseCities, MAX_CITY_MEMO);

/**
 * The subdivisions a state text names, in any country (empty when none).
 *
 * @example
 * subdivisionsNamed('Steiermark') // → [{ region: 'AT', code: '6', strong: true }]
 */
export function subdivisionsNamed(text: unknown): readonly SubdivisionHit[] {
  return subdivisions.lookup(text);
}

/**
 * The countries with a city of that name (>= 15,000 inhabitants), weighted by population.
 *
 * @example
 * citiesNamed('Paris') // → [{ region: 'FR', share: 0.99 }, { region: 'US', share: 0.01 }]
 */
export function citiesNamed(text: unknown): readonly CityHit[] {
  return cities.lookup(text);
}
