/** The library's version, as package.json gives it (test/e2e/receipts.test.mjs holds them together). It goes into consent receipts. */
export const VERSION = '0.1.0';
