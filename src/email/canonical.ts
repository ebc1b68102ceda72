import { analyzeEmail } from './analyze.js';

/**
 * Provider addressing rules, by registrable domain, used only for deduplication keys:
 * - `dots`: the provider ignores dots in the local part (Gmail);
 * - `tag`: the sub-address separator whose suffix the provider ignores (`+` for most, `-` for Yahoo's
 *   disposable addresses);
 * - `domain`: the canonical domain when the provider has aliases (googlemail.com → gmail.com).
 */
interface ProviderRule {
  dots?: boolean;
  tag?: '+' | '-';
  domain?: string;
}

const GMAIL: ProviderRule = { dots: true, tag: '+', domain: 'gmail.com' };
const PLUS: ProviderRule = { tag: '+' };

/** Documented in docs/email.md. */
const RULES: ReadonlyMap<string, ProviderRule> = new Map<string, ProviderRule>([
  ['gmail.com', GMAIL],
  ['googlemail.com', GMAIL],
  ['outlook.com', PLUS],
  ['hotmail.com', PLUS],
  ['hotmail.co.uk', PLUS],
  ['hotmail.fr', PLUS],
  ['live.com', PLUS],
  ['msn.com', PLUS],
  ['icloud.com', PLUS],
  ['me.com', PLUS],
  ['mac.com', PLUS],
  ['fastmail.com', PLUS],
  ['fastmail.fm', PLUS],
  ['protonmail.com', PLUS],
  ['proton.me', PLUS],
  ['pm.me', PLUS],
  ['yandex.ru', PLUS],
  ['yandex.com', PLUS],
  ['zoho.com', PLUS],
  ['yahoo.com', { tag: '-' }],
  ['yahoo.co.uk', { tag: '-' }],
  ['yahoo.fr', { tag: '-' }],
  ['yahoo.de', { tag: '-' }],
  ['yahoo.co.jp', { tag: '-' }],
]);

/**
 * A deduplication key that applies provider rules: for Gmail dots are dropped and `googlemail.com` becomes
 * `gmail.com`; for providers with sub-addressing the `+tag` (Yahoo: `-tag`) is dropped. The key is for
 * matching only: it never replaces the stored address. `null` for invalid addresses.
 *
 * @example
 * canonicalEmailKey('J.Doe+promo@GoogleMail.com'); // 'jdoe@gmail.com'
 * canonicalEmailKey('jane+news@outlook.com');      // 'jane@outlook.com'
 */
export function canonicalEmailKey(input: unknown): string | null {
  const a = analyzeEmail(input);
  if (a === null || a.normalized === null || a.registrableDomain === null) return null;
  const at = a.normalized.lastIndexOf('@');
  let local = a.normalized.slice(0, at);
  let domain = a.normalized.slice(at + 1);
  // Rules apply to the provider's own domain only (not to subdomains, which may be other mail systems), and
  // not to quoted local parts (`"j.doe+x"@gmail.com`): no listed provider issues them, and cutting a tag
  // inside the quotes would leave an unbalanced quote, a key that is not itself an address.
  const rule = domain === a.registrableDomain && local.charCodeAt(0) !== 0x22 ? RULES.get(domain) : undefined;
  if (rule) {
    if (rule.tag) {
      const cut = local.indexOf(rule.tag);
      if (cut > 0) local = local.slice(0, cut);
    }
    // Re-compose after dropping dots: `e.\u0301` becomes `e\u0301`, which NFC turns into `é`; without this
    // the key would change when computed again from itself.
    if (rule.dots) local = local.replaceAll('.', '').normalize('NFC');
    if (rule.domain) domain = rule.domain;
  }
  return local.length > 0 ? `${local}@${domain}` : null;
}
