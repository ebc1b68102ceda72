/**
 * Domain categories: every domain list in one packed table (./domain-table.ts) built on first use, and
 * the rules on public-suffix labels memoized per suffix. Categorizing an unseen host is then one table probe
 * per name from the host down to its registrable domain (usually one or two) and one `Map` lookup.
 *
 * Precedence (the first that matches wins): reserved > disposable > military > government > educational >
 * personal > corporate. Documented with the lists and their sources in docs/email.md.
 */

import { readDataText } from '../shared/data-files.js';
import { ISP_MAILBOX_DOMAINS } from './data/isp.js';
import {
  ACADEMIC_DOMAINS,
  ACADEMIC_SUFFIX_LABELS,
  GOVERNMENT_DOMAINS,
  GOVERNMENT_SUFFIX_LABELS,
  MILITARY_DOMAINS,
  MILITARY_SUFFIX_LABELS,
  PERSONAL_SUPPLEMENT,
} from './data/providers.js';
import { SPECIAL_USE_DOMAINS } from './data/reserved.js';
import { readThirdPartyLists } from './data/third-party.js';
import { ACADEMIC_PUBLIC_SUFFIXES } from './data/universities.generated.js';
import { DomainTable } from './domain-table.js';

/** The category of a valid address's domain. */
export type DomainCategory =
  | 'personal'
  | 'corporate'
  | 'educational'
  | 'government'
  | 'military'
  | 'disposable'
  | 'reserved';

/** Flag bits of the table and of suffixes. */
const DISPOSABLE = 1;
/** "Every strict subdomain of this name is disposable" (and, for a registrable domain, the name itself). */
const DISPOSABLE_WILDCARD = 2;
const MILITARY = 4;
const GOVERNMENT = 8;
const ACADEMIC = 16;
const PERSONAL = 32;
const RESERVED = 64;

/** Built on first use. */
let table: DomainTable | undefined;

/**
 * Every list, packed; built once, on the first categorization (tens of milliseconds; 2 MB of heap and 4 MB
 * of typed arrays).
 *
 * @example
 * domainTable().size; // about 143,000 distinct names
 */
export function domainTable(): DomainTable {
  table ??= buildDomainTable();
  return table;
}

function buildDomainTable(): DomainTable {
  const lists = readThirdPartyLists();
  return DomainTable.from([
    { names: SPECIAL_USE_DOMAINS, flags: RESERVED },
    { names: lists.disposable, flags: DISPOSABLE },
    { names: lists.disposableWildcard, flags: DISPOSABLE_WILDCARD },
    { names: MILITARY_DOMAINS, flags: MILITARY },
    { names: GOVERNMENT_DOMAINS, flags: GOVERNMENT },
    { names: readDataText('email/universities.br').split('\n'), flags: ACADEMIC },
    { names: ACADEMIC_DOMAINS, flags: ACADEMIC },
    { names: lists.providers, flags: PERSONAL },
    { names: PERSONAL_SUPPLEMENT, flags: PERSONAL },
    { names: ISP_MAILBOX_DOMAINS.flatMap((isp) => isp.domains), flags: PERSONAL },
  ]);
}

let academicSuffixes: ReadonlySet<string> | undefined;

/** The rules that look at the public suffix alone, for one suffix. */
function suffixRuleFlags(suffix: string): number {
  academicSuffixes ??= new Set(ACADEMIC_PUBLIC_SUFFIXES);
  let flags = 0;
  for (const label of suffix.split('.')) {
    if (MILITARY_SUFFIX_LABELS.has(label)) flags |= MILITARY;
    if (GOVERNMENT_SUFFIX_LABELS.has(label)) flags |= GOVERNMENT;
    if (ACADEMIC_SUFFIX_LABELS.has(label)) flags |= ACADEMIC;
  }
  if (academicSuffixes.has(suffix)) flags |= ACADEMIC;
  // `onion` and `home.arpa` are ICANN suffixes themselves (RFC 7686, RFC 8375).
  for (const name of SPECIAL_USE_DOMAINS) {
    if (suffix === name || suffix.endsWith(`.${name}`)) flags |= RESERVED;
  }
  return flags;
}

/** Suffix → its rule flags. Bounded: only ICANN suffixes reach it (a few thousand in the Public Suffix List). */
const suffixFlagsMemo = new Map<string, number>();

function suffixFlags(suffix: string): number {
  let flags = suffixFlagsMemo.get(suffix);
  if (flags === undefined) {
    flags = suffixRuleFlags(suffix);
    suffixFlagsMemo.set(suffix, flags);
  }
  return flags;
}

/** The category the flags of a host and its parents and suffix give, by precedence. */
function categoryOf(flags: number): DomainCategory {
  if ((flags & RESERVED) !== 0) return 'reserved';
  if ((flags & (DISPOSABLE | DISPOSABLE_WILDCARD)) !== 0) return 'disposable';
  if ((flags & MILITARY) !== 0) return 'military';
  if ((flags & GOVERNMENT) !== 0) return 'government';
  if ((flags & ACADEMIC) !== 0) return 'educational';
  if ((flags & PERSONAL) !== 0) return 'personal';
  return 'corporate';
}

/**
 * The category of a lowercase ASCII host with an ICANN public suffix `suffix` and registrable domain
 * `registrable` (as tldts gives them). Lists match the host or any parent down to the registrable domain;
 * a wildcard disposable entry matches its strict subdomains and, when it is itself registrable, the name.
 *
 * @example
 * categorizeHost('cs.stanford.edu', 'stanford.edu', 'edu'); // 'educational'
 * categorizeHost('x.mailinator.com', 'mailinator.com', 'com'); // 'disposable'
 */
export function categorizeHost(host: string, registrable: string, suffix: string): DomainCategory {
  const listed = domainTable().flagsOfParents(host, registrable.length, ~DISPOSABLE_WILDCARD);
  return categoryOf(listed | suffixFlags(suffix));
}
