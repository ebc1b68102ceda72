/**
 * The enrichment steps: email, phone, location (country code, postal code, inferred country) and name, each a
 * named function of the mapped row's text, each behind a bounded cache (the email and phone modules' own
 * caches, and `memoize` for the rest).
 */
import { createEmailAnalyzer, type EmailAnalysis, suggestEmailDomain } from '../email/index.js';
import { inferCountryFromPostalCode, normalizePostalCode, toAlpha2 } from '../geo/index.js';
import { buildFullName } from '../name/index.js';
import { createPhoneNormalizer, type NormalizedPhone } from '../phone/index.js';
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

/** Bounds of the enricher's caches, in entries. */
export interface EnricherCacheSizes {
  /** Email analyses keyed by the raw address (and typo suggestions keyed by domain). Default 20,000. */
  email?: number;
  /** Phone normalizations keyed by raw phone + region. Default 20,000. */
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
 * DEFAULT_CACHE_SIZES.email; // 20000
 */
export const DEFAULT_CACHE_SIZES: Readonly<Required<EnricherCacheSizes>> = Object.freeze({
  email: 20_000,
  phone: 20_000,
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

/** A phone as postal-inference evidence (contract C3); `international` comes with the phone module's C3 work. */
type PhoneEvidence = NormalizedPhone & { international?: boolean };

/** The evidence a phone gives, as a short cache-key part: calling code, region, how it was written, validity. */
function phoneKey(phone: PhoneEvidence | null): string {
  if (phone === null) return '';
  const written = phone.international === true ? 'i' : phone.international === false ? 'n' : '';
  return `${phone.callingCode}:${phone.country ?? ''}:${written}:${phone.valid ? 'v' : ''}`;
}

function phoneFromKey(key: string): Partial<PhoneEvidence> | null {
  if (key === '') return null;
  const [callingCode = '', country = '', written = '', valid = ''] = key.split(':');
  const phone: Partial<PhoneEvidence> = { callingCode, valid: valid === 'v' };
  if (country !== '') phone.country = country;
  if (written !== '') phone.international = written === 'i';
  return phone;
}

/**
 * The postal-inference inputs as one injective key: the lengths of the free-text parts first, then the parts,
 * so no value can forge a separator.
 */
function postalKey(code: string, state: string, city: string, phone: string, tld: string): string {
  return `${code.length},${state.length},${city.length},${phone.length};${code}${state}${city}${phone}${tld}`;
}

function decodePostalKey(key: string): [code: string, state: string, city: string, phone: string, tld: string] {
  const header = key.indexOf(';');
  const [a, b, c, d] = key.slice(0, header).split(',').map(Number) as [number, number, number, number];
  const s1 = header + 1 + a;
  const s2 = s1 + b;
  const s3 = s2 + c;
  const s4 = s3 + d;
  return [key.slice(header + 1, s1), key.slice(s1, s2), key.slice(s2, s3), key.slice(s3, s4), key.slice(s4)];
}

/** A postal inference outcome (cached). */
interface Location {
  country: string | null;
  confidence: number;
  normalized: string | null;
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
  const suggestDomain = memoize(suggestEmailDomain, sizes.email);
  const normalizePhone = createPhoneNormalizer({ cacheSize: sizes.phone });
  const countryOf = memoize(toAlpha2, sizes.country);
  const normalizePostal = memoize((key) => {
    // key = alpha-2 (two letters) + code
    return normalizePostalCode(key.slice(2), key.slice(0, 2));
  }, sizes.postal);
  const inferOptions = defaultCountry === null ? undefined : { defaultCountry };
  const inferLocation = memoize((key): Location | null => {
    const [code, state, city, phone, tld] = decodePostalKey(key);
    const r = inferCountryFromPostalCode(
      code,
      { state, city, phone: phoneFromKey(phone), emailDomain: tld === '' ? null : `x.${tld}` },
      inferOptions,
    );
    if (r.candidates.length === 0) return null;
    return {
      country: r.country,
      confidence: r.confidence,
      normalized: r.country === null ? null : normalizePostalCode(code, r.country),
    };
  }, sizes.postal);

  return {
    /** Email (RFC 5321/5322 subset, ICANN public suffix) and a typo suggestion for its domain. */
    deriveEmail(text, out) {
      const email = doEmail && text.email !== null ? analyzeEmail(text.email) : null;
      out.email = email;
      out.suggestedDomain = email?.domain == null ? null : suggestDomain(email.domain);
    },

    /** The country column as alpha-2, then the phone read with it as the default region. */
    derivePhone(text, out) {
      const region = doCountry && text.country !== null ? countryOf(text.country) : null;
      out.countryCode = region;
      const defaultRegion = region ?? defaultCountry;
      out.phone =
        doPhone && text.phone !== null
          ? normalizePhone(text.phone, defaultRegion === null ? undefined : { defaultCountry: defaultRegion })
          : null;
    },

    /** Inferred country: the country column when it names one, else the postal code with the row's hints. */
    deriveLocation(text, out) {
      const given = out.countryCode;
      const code = text.postal_code;
      if (given !== null) {
        out.inferredCountry = given;
        out.confidence = 1;
        out.postalNormalized = doPostal && code !== null ? normalizePostal(`${given}${code}`) : null;
        return;
      }
      out.inferredCountry = null;
      out.confidence = null;
      out.postalNormalized = null;
      if (!doPostal || code === null) return;
      // Only the email's top-level label is evidence (a ccTLD), so it alone goes into the key.
      const domain = out.email?.domain ?? null;
      const tld = domain === null ? '' : domain.slice(domain.lastIndexOf('.') + 1);
      const r = inferLocation(postalKey(code, text.state ?? '', text.city ?? '', phoneKey(out.phone), tld));
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
