/**
 * The enrichment steps: email, phone, location (country code, postal code, inferred country) and name, each a
 * named function of the mapped row's text; those whose inputs repeat on a real stream sit behind a bounded cache
 * ({@link EnricherCacheSizes}).
 */
import { createEmailAnalyzer, type EmailAnalysis } from '../email/index.js';
import { createPostalInferrer, normalizePostalCode, toAlpha2 } from '../geo/index.js';
import { buildFullName } from '../name/index.js';
import {
  createPhoneNormalizer,
  type NormalizedPhone,
  type NormalizePhoneOptions,
  normalizePhone as normalizePhoneUncached,
} from '../phone/index.js';
import { LruCache } from '../shared/lru.js';
import { memoize } from '../shared/memo.js';
import type { TextRole } from './mapping.js';

/** Which enrichments run (all by default); a disabled one leaves its columns null. */
export interface EnrichmentToggles {
  /** email_domain, email_category, is_valid_email_flag, normalized_email, email_registrable_domain, email_is_role, email_suggested_domain */
  email?: boolean;
  /** phone_e164, phone_country, phone_valid (and the phone as evidence for postal inference) */
  phone?: boolean;
  /** full_name */
  name?: boolean;
  /** country_code, and inferred_country from the country column */
  country?: boolean;
  /** postal_code_normalized, and inferred_country from the postal code when the country column names none */
  postal?: boolean;
}

/**
 * Bounds of the enricher's caches, in entries. Only values that repeat on a real stream are cached by default:
 * country texts and postal codes (a city's codes) repeat; a user's email address and phone number come back
 * only with that user's next change, too rarely for a bounded cache to pay for its lookups (a 20,000-entry
 * cache hit 14% of a realistic stream and made the stage slower). Email domains are cached inside the email
 * module whatever the size here. Give `email` or `phone` a size for streams that repeat the same rows.
 */
export interface EnricherCacheSizes {
  /** Email analyses keyed by the raw address. Default 0 (none). */
  email?: number;
  /** Phone normalizations keyed by raw phone + region. Default 0 (none). */
  phone?: number;
  /** Country lookups keyed by the raw country text. Default 2,000. */
  country?: number;
  /** Postal inferences keyed by code + hints, and postal normalizations keyed by code + country. Default 20,000. */
  postal?: number;
}

/**
 * The default cache bounds (entries).
 *
 * @example
 * DEFAULT_CACHE_SIZES.postal; // 20000
 */
export const DEFAULT_CACHE_SIZES: Readonly<Required<EnricherCacheSizes>> = Object.freeze({
  email: 0,
  phone: 0,
  country: 2_000,
  postal: 20_000,
});

/** The mapped row's text, as the steps read it (null = absent). */
export type RoleText = { [R in TextRole]: string | null };

/** What the steps derive from one row. */
export interface Derived {
  email: EmailAnalysis | null;
  suggestedDomain: string | null;
  phone: NormalizedPhone | null;
  countryCode: string | null;
  inferredCountry: string | null;
  confidence: number | null;
  postalNormalized: string | null;
  fullName: string | null;
}

/**
 * The evidence a phone gives to postal inference (contract C3): calling code, region, how it was written,
 * validity. Not the whole `NormalizedPhone`: without `e164`, an invalid international number is evidence for
 * its calling code's regions, as the enricher has always read it (narrowing by leading digits would change
 * `inferred_country`).
 */
function phoneEvidenceOf(phone: NormalizedPhone | null): PhoneEvidence | null {
  if (phone === null) return null;
  return {
    callingCode: phone.callingCode,
    country: phone.country,
    international: phone.international,
    valid: phone.valid,
  };
}

type PhoneEvidence = Pick<NormalizedPhone, 'callingCode' | 'country' | 'international' | 'valid'>;

/**
 * The email domain as postal evidence: only its top-level label counts (a ccTLD), so a domain with an empty
 * last label (`example.de.`) is none.
 */
function emailEvidenceOf(domain: string | null): string | null {
  return domain === null || domain.endsWith('.') ? null : domain;
}

/** A postal inference outcome (cached). */
interface Location {
  country: string | null;
  confidence: number;
  normalized: string | null;
}

/** The evidence a phone gives, as a short cache-key part: calling code, region, how it was written, validity. */
function phoneKey(phone: NormalizedPhone | null): string {
  if (phone === null) return '';
  return `${phone.callingCode}:${phone.country ?? ''}:${phone.international ? 'i' : 'n'}:${phone.valid ? 'v' : ''}`;
}

/** Postal inference from a row's code and hints (the email's domain, not its address). */
type InferLocation = (
  code: string,
  state: string | null,
  city: string | null,
  phone: NormalizedPhone | null,
  domain: string | null,
) => Location | null;

/**
 * Postal inference from the code and the row's hints, behind a bounded cache keyed by the evidence only (the
 * code, state, city, the phone's {@link phoneKey} and the email's top-level label; free-text lengths first, so
 * no value can forge a separator). A miss infers from the values themselves: nothing is decoded from the key.
 * Options are checked once, by `createPostalInferrer`.
 */
function createLocationInferrer(size: number, defaultCountry: string | null): InferLocation {
  const inferPostal = createPostalInferrer(defaultCountry === null ? undefined : { defaultCountry });
  const infer: InferLocation = (code, state, city, phone, domain) => {
    const r = inferPostal(code, { state, city, phone: phoneEvidenceOf(phone), emailDomain: emailEvidenceOf(domain) });
    if (r.candidates.length === 0) return null;
    return {
      country: r.country,
      confidence: r.confidence,
      normalized: r.country === null ? null : normalizePostalCode(code, r.country),
    };
  };
  if (size === 0) return infer;
  const cache = new LruCache<string, Location | null>(size);
  return (code, state, city, phone, domain) => {
    const st = state ?? '';
    const ci = city ?? '';
    const ph = phoneKey(phone);
    const tld = domain === null ? '' : domain.slice(domain.lastIndexOf('.') + 1);
    const key = `${code.length},${st.length},${ci.length},${ph.length};${code}${st}${ci}${ph}${tld}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const location = infer(code, state, city, phone, domain);
    cache.set(key, location);
    return location;
  };
}

/** The phone options for a default region, one frozen object per region (not one per record). */
function createPhoneOptions(): (region: string) => NormalizePhoneOptions {
  const byRegion = new Map<string, NormalizePhoneOptions>();
  return (region) => {
    let options = byRegion.get(region);
    if (options === undefined) {
      options = Object.freeze({ defaultCountry: region });
      byRegion.set(region, options);
    }
    return options;
  };
}

/**
 * `normalizePostalCode(code, country)` behind a bounded cache keyed by country + code (a known country is
 * alpha-2: two letters, so the key is injective). Codes repeat within a city, so this cache hits even on a
 * stream where every user has their own address.
 */
function createPostalNormalizer(size: number): (code: string, country: string) => string | null {
  if (size === 0) return (code, country) => normalizePostalCode(code, country);
  const normalize = memoize((key) => normalizePostalCode(key.slice(2), key.slice(0, 2)), size);
  return (code, country) => normalize(`${country}${code}`);
}

/** The steps with their caches, for one enricher. */
export interface Derivations {
  deriveEmail(text: RoleText, out: Derived): void;
  derivePhone(text: RoleText, out: Derived): void;
  deriveLocation(text: RoleText, out: Derived): void;
  deriveName(text: RoleText, out: Derived): void;
}

/**
 * Builds the steps. `defaultCountry` (alpha-2) is the fallback region for national phone numbers and the prior
 * of postal inference; a record's own country always wins.
 */
export function createDerivations(
  toggles: EnrichmentToggles,
  defaultCountry: string | null,
  sizes: Required<EnricherCacheSizes>,
): Derivations {
  const doEmail = toggles.email !== false;
  const doPhone = toggles.phone !== false;
  const doName = toggles.name !== false;
  const doCountry = toggles.country !== false;
  const doPostal = toggles.postal !== false;

  const analyzeEmail = createEmailAnalyzer({ cacheSize: sizes.email });
  const normalizePhone = sizes.phone === 0 ? normalizePhoneUncached : createPhoneNormalizer({ cacheSize: sizes.phone });
  const phoneOptions = createPhoneOptions();
  const countryOf = memoize(toAlpha2, sizes.country);
  const normalizePostal = createPostalNormalizer(sizes.postal);
  const inferLocation = createLocationInferrer(sizes.postal, defaultCountry);

  return {
    /** Email (RFC 5321/5322 subset, ICANN public suffix) and the typo suggestion the analysis carries. */
    deriveEmail(text, out) {
      const email = doEmail && text.email !== null ? analyzeEmail(text.email) : null;
      out.email = email;
      out.suggestedDomain = email === null ? null : email.suggestedDomain;
    },

    /** The country column as alpha-2, then the phone read with it as the default region. */
    derivePhone(text, out) {
      const region = doCountry && text.country !== null ? countryOf(text.country) : null;
      out.countryCode = region;
      const defaultRegion = region ?? defaultCountry;
      out.phone =
        doPhone && text.phone !== null
          ? normalizePhone(text.phone, defaultRegion === null ? undefined : phoneOptions(defaultRegion))
          : null;
    },

    /** Inferred country: the country column when it names one, else the postal code with the row's hints. */
    deriveLocation(text, out) {
      const given = out.countryCode;
      const code = text.postal_code;
      if (given !== null) {
        out.inferredCountry = given;
        out.confidence = 1;
        out.postalNormalized = doPostal && code !== null ? normalizePostal(code, given) : null;
        return;
      }
      out.inferredCountry = null;
      out.confidence = null;
      out.postalNormalized = null;
      if (!doPostal || code === null) return;
      const r = inferLocation(code, text.state, text.city, out.phone, out.email?.domain ?? null);
      if (r !== null) {
        out.inferredCountry = r.country;
        out.confidence = r.confidence;
        out.postalNormalized = r.normalized;
      }
    },

    /** `buildFullName(first, last)`: NFC, whitespace collapsed, family-name-first for CJK. */
    deriveName(text, out) {
      out.fullName = doName ? buildFullName(text.first_name, text.last_name) : null;
    },
  };
}
