/**
 * `@cdc-enrich/corpus`: the one seeded generator of seed-format CDC events, used by the tests, the benchmarks
 * (`npm run bench`, realistic profile first, repeated second) and the example's producer and demo.
 * Private workspace package: TypeScript source, run through tsx and vitest, never published.
 */
export { HEAD_DOMAINS, LONG_TAIL_SHARE, MID_TAIL_SIZE } from './domains.js';
export {
  CORPUS_PROFILES,
  type CorpusOptions,
  type CorpusProfile,
  generateSeedEvents,
  type SeedEvent,
} from './generate.js';
export { type GeneratedPhone, generatePhone, PHONE_STYLE_SHARES, type PhoneStyle } from './phones.js';
export { type City, PLACES, type Place } from './places.js';
export { createDraw, createRandom, type Draw } from './random.js';
