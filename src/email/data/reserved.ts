/**
 * Special-use domain names: the IANA "Special-Use Domain Names" registry
 * (https://www.iana.org/assignments/special-use-domain-names/), created by RFC 6761, as of 2026-05.
 * Each name and every name under it is reserved (RFC 6761 §6: "and any names falling within these domains"):
 * no address there is a real mailbox. The numeric reverse-DNS zones of the registry (`10.in-addr.arpa`...)
 * are left out, as tldts does: they are not host names anyone writes in an address.
 *
 * How the categorizer uses them: a host under one of these names that has an ICANN public suffix
 * (`example.com`, `a.example.org`, `x.onion`, `printer.home.arpa`) is a valid address in the `reserved`
 * category; the others (`.test`, `.example`, `.invalid`, `.localhost`, `.local`, `.alt`) have no ICANN
 * suffix, so their addresses are invalid (`no_public_suffix`). `test/email/categories.test.ts` checks this
 * list against tldts's own copy of the registry (its `detectSpecialUse` option).
 */
export const SPECIAL_USE_DOMAINS: readonly string[] = [
  'test', // RFC 6761 §6.2
  'localhost', // RFC 6761 §6.3
  'invalid', // RFC 6761 §6.4
  'example', // RFC 6761 §6.5 (and RFC 2606 §2)
  'example.com', // RFC 6761 §6.5 (and RFC 2606 §3)
  'example.net', // RFC 6761 §6.5
  'example.org', // RFC 6761 §6.5
  'local', // RFC 6762 (multicast DNS)
  'onion', // RFC 7686 (Tor onion services)
  'alt', // RFC 9476
  'home.arpa', // RFC 8375 (home networks)
  'ipv4only.arpa', // RFC 8880
  'resolver.arpa', // RFC 9462
  'service.arpa', // RFC 9665
  '6tisch.arpa', // RFC 9031
  'eap.arpa', // RFC 9965
];
