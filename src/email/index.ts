/**
 * Email primitives: parse, validate, categorize, normalize, deduplication keys and typo suggestions.
 * Import is cheap: the domain lists load on the first categorization.
 * @packageDocumentation
 */
export {
  analyzeEmail,
  categorizeEmail,
  categorizeEmailDomain,
  type EmailAnalysis,
  type EmailCategory,
  type EmailInvalidReason,
  type EmailValidation,
  isRoleAccount,
  isValidEmail,
  normalizeEmail,
  type ParsedEmail,
  parseEmail,
  validateEmail,
} from './analyze.js';
export { createEmailAnalyzer, type EmailAnalyzerOptions } from './analyzer.js';
export { canonicalEmailKey } from './canonical.js';
export type { DomainCategory } from './categories.js';
export { suggestEmailDomain } from './suggest.js';
