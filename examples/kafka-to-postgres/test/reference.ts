/**
 * A second, deliberately simple reference for the enriched columns of the test generator's events
 * (fixture-events.ts: a fixed vocabulary of 8 places and 7 email domains). Nothing here calls the enricher: the
 * easy columns are computed by plain string code, the others are read from tables labelled by hand, so a
 * consistent bug in prepare.ts or the enricher cannot make the pipeline tests pass.
 */
import type { SeedEvent } from './fixture-events.js';

/** Hand labels per city of the generator's PLACES: inferred country, E.164 of its phone, code of its `country`. */
const PLACE_LABELS: Readonly<Record<string, { inferred: string; e164: string | null; countryCode: string | null }>> = {
  'New York': { inferred: 'US', e164: '+12125550100', countryCode: 'US' }, // country 'USA'
  Berlin: { inferred: 'DE', e164: '+4930901820', countryCode: 'DE' }, // 'Germany'
  London: { inferred: 'GB', e164: '+442079460958', countryCode: 'GB' }, // 'UK'
  // No country field, postal code M5V 3L9 (Toronto): Canada. The phone is written nationally, '(416) 555-0199',
  // and there is no country to read it in: no E.164.
  Toronto: { inferred: 'CA', e164: null, countryCode: null },
  Paris: { inferred: 'FR', e164: '+33142685300', countryCode: 'FR' }, // 'France'
  'São Paulo': { inferred: 'BR', e164: '+551133334444', countryCode: 'BR' }, // 'Brasil'
  Tokyo: { inferred: 'JP', e164: '+81312345678', countryCode: 'JP' }, // 'JP'
  // No country field, postal code 400001 and a +91 phone: India.
  Mumbai: { inferred: 'IN', e164: '+912222223333', countryCode: null },
};

/**
 * Hand labels per email domain. `gov.uk` is itself a public suffix (https://publicsuffix.org/list/): an address
 * directly under it has no registrable domain, so it is not a deliverable address.
 */
const DOMAIN_LABELS: Readonly<Record<string, { category: string; valid: boolean }>> = {
  'gmail.com': { category: 'personal', valid: true },
  'yahoo.co.uk': { category: 'personal', valid: true },
  'outlook.com': { category: 'personal', valid: true },
  'acme-corp.com': { category: 'corporate', valid: true },
  'mit.edu': { category: 'educational', valid: true },
  'mailinator.com': { category: 'disposable', valid: true },
  'gov.uk': { category: 'invalid', valid: false },
};

/** The enriched columns the reference covers, as the database returns them. */
export interface ReferenceColumns {
  email_domain: string | null;
  email_category: string | null;
  is_valid_email_flag: boolean | null;
  normalized_email: string | null;
  full_name: string | null;
  inferred_country: string | null;
  phone_e164: string | null;
  country_code: string | null;
}

/** Expected enriched columns of one generator event, without the enricher. */
export function referenceColumns(event: SeedEvent): ReferenceColumns {
  const place = PLACE_LABELS[event.city ?? ''];
  if (!place) throw new Error(`no hand label for city ${event.city}`);
  const email = event.email;
  const at = email?.indexOf('@') ?? -1;
  const domain = email && at > 0 ? email.slice(at + 1).toLowerCase() : null;
  const label = domain ? DOMAIN_LABELS[domain] : undefined;
  if (domain && !label) throw new Error(`no hand label for domain ${domain}`);
  const valid = email === null ? null : (label?.valid ?? false);
  return {
    email_domain: domain,
    email_category: email === null ? null : (label?.category ?? 'invalid'),
    is_valid_email_flag: valid,
    normalized_email: valid && email ? email.toLowerCase() : null,
    full_name: [event.first_name, event.last_name].filter((p) => p).join(' ') || null,
    inferred_country: place.inferred,
    phone_e164: place.e164,
    country_code: place.countryCode,
  };
}

/** Column names of {@link ReferenceColumns}. */
export const REFERENCE_COLUMNS: readonly (keyof ReferenceColumns)[] = [
  'email_domain',
  'email_category',
  'is_valid_email_flag',
  'normalized_email',
  'full_name',
  'inferred_country',
  'phone_e164',
  'country_code',
];
