// punycode's ES module build ships no types of its own.
declare module 'punycode/punycode.es6.js' {
  /** Turns the ASCII (xn--) labels of a domain name into Unicode; other labels are kept. */
  export function toUnicode(domain: string): string;
}
