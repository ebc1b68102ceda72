/**
 * The large third-party domain lists, read from their installed npm packages when the categorizer first
 * needs them (never at import: parsing ~130,000 names costs tens of milliseconds that a process importing
 * `cdc-enrich/email` for syntax checks alone should not pay). Both packages are runtime dependencies.
 *
 * Sources and licenses:
 * - npm `disposable-email-domains` (MIT, github.com/ivolo/disposable-email-domains): `index.json`, about
 *   121,000 throwaway domains, and `wildcard.json`, about 400 domains whose every subdomain is throwaway.
 * - npm `email-providers` (ISC, github.com/derhuerst/email-providers, from goware/emailproviders):
 *   `all.json`, about 8,700 free webmail domains.
 *
 * Why read the files rather than `import` them: an ESM import of JSON needs an import attribute that the
 * CommonJS build cannot carry, and a static import would parse the lists at start-up. `readFileSync` on the
 * resolved path keeps the parsed arrays out of the module cache, so they are garbage once packed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { domainToASCII } from 'node:url';

/** Lowercase LDH (`a-z`, `0-9`, `-`, `.`): what every entry should be; anything else goes through UTS #46. */
function isLowercaseLdh(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e)) return false;
  }
  return name.length > 0;
}

/**
 * The lowercase ASCII (A-label) form of each entry; entries UTS #46 rejects (the provider list has one
 * `user@domain` entry) are dropped.
 */
function asciiNames(entries: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const entry of entries) {
    if (typeof entry !== 'string') continue;
    const name = isLowercaseLdh(entry) ? entry : domainToASCII(entry.trim());
    if (name.length > 0) out.push(name);
  }
  return out;
}

/** Reads a JSON list from a file path (resolved by the caller with a literal specifier, so package checks see it). */
function readJsonList(path: string): string[] {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  return Array.isArray(parsed) ? asciiNames(parsed) : [];
}

/** The lists, parsed and converted to ASCII. */
export interface ThirdPartyLists {
  disposable: string[];
  disposableWildcard: string[];
  providers: string[];
}

/**
 * Reads the three lists from the installed packages (about 15 ms). Throws only when a package is missing,
 * which is a broken installation, not bad data.
 *
 * @example
 * const { disposable } = readThirdPartyLists();
 * disposable.includes('mailinator.com'); // true
 */
export function readThirdPartyLists(): ThirdPartyLists {
  const require = createRequire(import.meta.url);
  return {
    disposable: readJsonList(require.resolve('disposable-email-domains/index.json')),
    disposableWildcard: readJsonList(require.resolve('disposable-email-domains/wildcard.json')),
    providers: readJsonList(require.resolve('email-providers/all.json')),
  };
}
