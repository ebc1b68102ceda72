/**
 * Email primitives: parse, validate, categorize, normalize, deduplication keys and typo suggestions.
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
export { suggestEmailDomain } from './suggest.js';
