import { fc } from '@fast-check/vitest';

/** Real ICANN public suffixes, to put under fc.emailAddress()'s random labels. */
export const REAL_SUFFIXES = ['com', 'org', 'net', 'de', 'co.uk', 'ac.uk', 'edu', 'gov', 'fr', 'jp', 'com.br', 'io'];

/**
 * fc.emailAddress() generates RFC-valid addresses whose TLD is random letters (`a@b.xyzq`), which is rightly
 * invalid for us (no ICANN public suffix). So the generated domain keeps its labels but gets a real suffix.
 * We also keep only addresses validator's isEmail accepts in its default mode (fc allows some RFC 5322
 * forms, like a leading dot-atom hyphen label, that the practical subset rejects).
 */
export const emailArb = fc
  .tuple(fc.emailAddress(), fc.constantFrom(...REAL_SUFFIXES))
  .map(([address, suffix]) => {
    const at = address.lastIndexOf('@');
    const labels = address.slice(at + 1).split('.');
    labels.pop();
    const host = labels.length > 0 ? `${labels.join('.')}.${suffix}` : `example.${suffix}`;
    return `${address.slice(0, at)}@${host}`;
  })
  .filter((e) => e.length <= 254 && e.indexOf('@') <= 64);
