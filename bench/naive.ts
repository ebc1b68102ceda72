/**
 * The "naive" baseline: what a straightforward port of the Python UDFs does per record, calling the same
 * libraries directly with no caching or indexing. Used as the reference in bench/enrich.bench.ts.
 */

import type { SeedEvent } from '@cdc-enrich/corpus';
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { parse as parseDomain } from 'tldts';
import isEmail from 'validator/lib/isEmail.js';
import normalizeEmail from 'validator/lib/normalizeEmail.js';
import { readDataText } from '../src/shared/data-files.js';

countries.registerLocale(en);

const postalFormats = JSON.parse(readDataText('geo/postal-formats.br')) as Record<string, { regex?: string }>;
const postalRegexes = Object.entries(postalFormats).flatMap(([country, f]) =>
  f.regex ? [[country, new RegExp(`^(?:${f.regex})$`, 'i')] as const] : [],
);

/** One record, the naive way. Returns a row of the same columns' worth of work. */
export function naiveEnrich(r: SeedEvent): Record<string, unknown> {
  const email = r.email?.trim() ?? null;
  const valid = email !== null && isEmail(email);
  const normalized = valid ? normalizeEmail(email) : null;
  const at = email?.lastIndexOf('@') ?? -1;
  const domain = email !== null && at >= 0 ? email.slice(at + 1).toLowerCase() : null;
  const parsed = domain ? parseDomain(domain) : null;
  const phone = r.phone ? parsePhoneNumberFromString(r.phone, 'US') : undefined;
  const country = r.country ? (countries.getAlpha2Code(r.country, 'en') ?? null) : null;
  let inferred: string | null = country;
  if (inferred === null && r.postal_code) {
    for (const [c, re] of postalRegexes) {
      if (re.test(r.postal_code)) {
        inferred = c;
        break;
      }
    }
  }
  return {
    ...r,
    email_domain: domain,
    email_registrable_domain: parsed?.domain ?? null,
    is_valid_email_flag: email === null ? null : valid,
    normalized_email: normalized || null,
    phone_e164: phone?.number ?? null,
    phone_valid: phone ? phone.isValid() : null,
    inferred_country: inferred,
    full_name: `${r.first_name ?? ''} ${r.last_name ?? ''}`.trim(),
    migration_timestamp: new Date().toISOString(),
  };
}
