// Type declarations for the untyped npm data packages the email tables load.
declare module 'disposable-email-domains/index.js' {
  const domains: string[];
  export default domains;
}
declare module 'disposable-email-domains/wildcard.js' {
  const domains: string[];
  export default domains;
}
