/**
 * Generates src/geo/data/calling-codes.generated.ts: every ITU-T E.164 country calling code with the
 * regions that share it and, where the libphonenumber metadata has them, each region's `leadingDigits`
 * (the national-number prefixes that pick the region inside a shared code: JM 658|876, DO 8001|8[024]9,
 * KZ 33|7, GG 1481|7781|..., AX 18). This is how libphonenumber itself resolves a shared code before its
 * number patterns, so geo can read the region of a raw `+1 876 ...` string without loading the
 * phone metadata (~150 kB) at import.
 *
 * Source: libphonenumber-js (its `min` metadata, derived from Google's libphonenumber
 * PhoneNumberMetadata.xml). Run: `npm run generate:data` (or `npx tsx scripts/generate-calling-codes.ts`).
 */
import { getCountries, getCountryCallingCode, Metadata } from 'libphonenumber-js';
import { packageVersion, readPackageJson, renderHeader, writeGeneratedModule } from './geo-data.js';

type MetadataJson = { country_calling_codes: Record<string, string[]> };
const metadata = readPackageJson<MetadataJson>('libphonenumber-js/metadata.min.json');

/** The part of libphonenumber-js's `Metadata` class the generator uses (its typings omit the constructor argument). */
interface MetadataApi {
  selectNumberingPlan(region: string): void;
  numberingPlan?: { leadingDigits(): unknown };
}

export const CALLING_CODES_MODULE = 'src/geo/data/calling-codes.generated.ts';

/** calling code → [region, leadingDigits] in the metadata's order (the code's main region first). */
export function buildCallingCodes(): Map<string, [string, string][]> {
  const meta = new (Metadata as unknown as new (m: unknown) => MetadataApi)(metadata);
  const regionsOf = metadata.country_calling_codes;
  const out = new Map<string, [string, string][]>();
  for (const [code, regions] of Object.entries(regionsOf)) {
    out.set(
      code,
      regions.map((region) => {
        meta.selectNumberingPlan(region);
        const leading = meta.numberingPlan?.leadingDigits();
        return [region, regions.length > 1 && typeof leading === 'string' ? leading : ''];
      }),
    );
  }
  // Every region libphonenumber knows must be reachable from its own calling code.
  for (const region of getCountries()) {
    if (!out.get(getCountryCallingCode(region))?.some(([r]) => r === region)) {
      throw new Error(`calling-codes: ${region} missing`);
    }
  }
  return out;
}

export function renderCallingCodes(table: Map<string, [string, string][]>): string {
  const header = renderHeader({
    title: 'ITU-T E.164 country calling codes → regions (ISO 3166-1 alpha-2) and their leading digits.',
    sources: [
      `libphonenumber-js ${packageVersion('libphonenumber-js')} metadata.min.json (Google libphonenumber metadata)`,
    ],
    licenses: ['libphonenumber-js: MIT; libphonenumber metadata: Apache-2.0'],
    notes: [
      'Format: `code: [[REGION, leadingDigits], ...]`, regions in the metadata order (the main region first);',
      'leadingDigits is an unanchored prefix regex of the national significant number, empty when the region',
      'has none (it is then told apart only by full number patterns, which geo does not load).',
    ],
    generator: 'scripts/generate-calling-codes.ts',
  });
  const lines = [...table]
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([code, regions]) => `  '${code}': ${JSON.stringify(regions)},`);
  return `${header}
/** Calling code → [region, leading-digits regex source or ''] in the metadata's order. */
export const CALLING_CODE_REGIONS: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
${lines.join('\n')}
};
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeGeneratedModule(CALLING_CODES_MODULE, renderCallingCodes(buildCallingCodes()));
}
