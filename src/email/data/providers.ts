/**
 * Curated email-domain tables (small; the large lists are loaded on first use by ../categories.ts).
 *
 * Sources and licenses:
 * - {@link PERSONAL_SUPPLEMENT}: large international and regional webmail providers, from each provider's
 *   own site; CC0. The long provider list is npm `email-providers` (ISC, derhuerst/email-providers, from
 *   goware/emailproviders), read from the installed package on first use.
 * - Role local parts, academic / government / military suffixes and domains: curated here (public
 *   knowledge: IANA root zone, the Public Suffix List's ICANN section, national registries' second-level
 *   domain policies); CC0.
 */
/**
 * Regional free providers that must be recognized even if the package list changes (the issue's
 * examples, and large national providers). Each is a consumer webmail service.
 */
export const PERSONAL_SUPPLEMENT: readonly string[] = [
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.co.jp',
  'yahoo.co.uk',
  'yahoo.fr',
  'yahoo.de',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'protonmail.com',
  'proton.me',
  'pm.me',
  'gmx.de',
  'gmx.net',
  'gmx.at',
  'gmx.ch',
  'web.de',
  't-online.de',
  'mail.ru',
  'bk.ru',
  'inbox.ru',
  'list.ru',
  'yandex.ru',
  'yandex.com',
  'ya.ru',
  'qq.com',
  'foxmail.com',
  '163.com',
  '126.com',
  'sina.com',
  'naver.com',
  'daum.net',
  'hanmail.net',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'laposte.net',
  'sfr.fr',
  'libero.it',
  'virgilio.it',
  'seznam.cz',
  'centrum.cz',
  'wp.pl',
  'o2.pl',
  'onet.pl',
  'interia.pl',
  'uol.com.br',
  'bol.com.br',
  'terra.com.br',
  'rediffmail.com',
  'bigpond.com',
  'zoho.com',
  'fastmail.com',
  'tutanota.com',
  'mail.com',
  'email.com',
];

/** The most common free providers, for typo suggestions (most used first: a tie goes to the earlier one). */
export const COMMON_PERSONAL_DOMAINS: readonly string[] = PERSONAL_SUPPLEMENT;

/**
 * Role accounts: mailboxes of a function, not a person (RFC 2142 "Mailbox names for common services,
 * roles and functions", plus common practice).
 */
export const ROLE_LOCAL_PARTS: ReadonlySet<string> = new Set([
  'abuse',
  'accounting',
  'accounts',
  'admin',
  'administrator',
  'billing',
  'contact',
  'careers',
  'customerservice',
  'enquiries',
  'feedback',
  'hello',
  'help',
  'helpdesk',
  'hostmaster',
  'hr',
  'info',
  'information',
  'jobs',
  'legal',
  'mail',
  'marketing',
  'media',
  'news',
  'newsletter',
  'no-reply',
  'noc',
  'noreply',
  'do-not-reply',
  'donotreply',
  'office',
  'orders',
  'postmaster',
  'press',
  'privacy',
  'root',
  'sales',
  'security',
  'service',
  'support',
  'team',
  'webmaster',
  'www',
]);

/**
 * Public-suffix labels that mark academic institutions: `edu` (the sponsored TLD, and `edu.au`, `edu.cn`...),
 * `ac` (`ac.uk`, `ac.jp`, `ac.in`...), `k12` (US school districts, `k12.ca.us`) and `sch` (UK schools, `sch.uk`).
 */
export const ACADEMIC_SUFFIX_LABELS: ReadonlySet<string> = new Set(['edu', 'ac', 'k12', 'sch']);

/**
 * Universities and research institutes under generic or country TLDs without an academic second level,
 * beyond the swot dataset (`universities.generated.ts`): a curated list from public institution websites.
 * Matched on the host and its parents down to the registrable domain.
 */
export const ACADEMIC_DOMAINS: readonly string[] = [
  'ethz.ch',
  'epfl.ch',
  'uzh.ch',
  'unibe.ch',
  'unige.ch',
  'tum.de',
  'lmu.de',
  'uni-muenchen.de',
  'uni-heidelberg.de',
  'fu-berlin.de',
  'hu-berlin.de',
  'tu-berlin.de',
  'rwth-aachen.de',
  'kit.edu',
  'mpg.de',
  'fraunhofer.de',
  'univie.ac.at',
  'tuwien.ac.at',
  'sorbonne-universite.fr',
  'u-paris.fr',
  'polytechnique.edu',
  'ens.fr',
  'cnrs.fr',
  'inria.fr',
  'uva.nl',
  'tudelft.nl',
  'uu.nl',
  'leidenuniv.nl',
  'rug.nl',
  'ku.dk',
  'dtu.dk',
  'kth.se',
  'lu.se',
  'uu.se',
  'ki.se',
  'helsinki.fi',
  'aalto.fi',
  'uio.no',
  'ntnu.no',
  'kuleuven.be',
  'ugent.be',
  'uniroma1.it',
  'unimi.it',
  'polimi.it',
  'unibo.it',
  'ub.edu',
  'ucm.es',
  'uam.es',
  'ulisboa.pt',
  'uw.edu.pl',
  'cuni.cz',
  'usp.br',
  'unicamp.br',
  'ufrj.br',
  'unam.mx',
  'uba.ar',
  'uchile.cl',
  'utoronto.ca',
  'mcgill.ca',
  'ubc.ca',
  'uwaterloo.ca',
  'ualberta.ca',
  'umontreal.ca',
  'nus.edu.sg',
  'ntu.edu.sg',
  'iitb.ac.in',
  'iisc.ac.in',
  'cern.ch',
  'embl.org',
  'wustl.edu',
  'unsw.edu.au',
  'mit.edu',
  'stanford.edu',
];

/** Labels that mark government bodies when they form (part of) the public suffix: `.gov`, `gov.uk`, `gouv.fr`, `gob.mx`, `go.jp`, `govt.nz`, `gc.ca`, `gv.at`. */
export const GOVERNMENT_SUFFIX_LABELS: ReadonlySet<string> = new Set([
  'gov',
  'gouv',
  'gob',
  'govt',
  'go',
  'gv',
  'gc',
  'government',
]);

/** Government registrable domains under ordinary suffixes (federal domains of countries without a gov second level). */
export const GOVERNMENT_DOMAINS: readonly string[] = [
  'gc.ca',
  'canada.ca',
  'bund.de',
  'bundesregierung.de',
  'admin.ch',
  'europa.eu',
  'overheid.nl',
  'rijksoverheid.nl',
  'belgium.be',
  'fgov.be',
  'regeringen.se',
  'government.se',
  'regjeringen.no',
  'valtioneuvosto.fi',
  'stm.dk',
  'gouvernement.lu',
  'un.org',
  'who.int',
  'nato.int',
];

/** Labels that mark armed forces in the public suffix: `.mil` (US DoD) and `mil.XX`. */
export const MILITARY_SUFFIX_LABELS: ReadonlySet<string> = new Set(['mil']);

/** Military registrable domains under ordinary suffixes. */
export const MILITARY_DOMAINS: readonly string[] = [
  'mod.uk',
  'bundeswehr.de',
  'defence.gov.au',
  'forces.gc.ca',
  'defense.gouv.fr',
];
