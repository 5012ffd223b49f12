/**
 * Fixed extension identities, so administrators can target enterprise policies at Gauze and the
 * end-to-end suite can open its pages. Plain data: imported by wxt.config.ts at build time.
 *
 * Chromium derives the id from the public key: the first 128 bits of SHA-256 over the DER key,
 * written with the letters a-p (utils/core/extension-ids.test.ts checks the two agree). The matching
 * private key is held by the release maintainer and never committed.
 */
export const CHROMIUM_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAjnPdFq2+5J8CLb16TKNPZrqKevf6gtJiG4Z7PcCoNAKv+ECFng2oAU5OSrP5JcfnY/+HjHphTNLlEPyO0S13SiV22C2d2XnsaIFluN83nB6AhPZUDNCAf2Uk/K13utjShp4on5mjzoN0nyZ3nHHMm4LXBH1B1JG2jIuutptxnuppTFl0iEf+LIgoAr9pntiEuOwXnAGZ1Q5OOWtpx4xvWy0dEgVSYL/RU0KYvBx1sCgJvyFyh68YGpie8p6XapU9pAaC5U/6AttIHKUUySv7ivvnhlfYPB7BIYyyahW0+NWUjzC6nwY/R1v8VqAt8yZFhVg2cQrRws0Wm0fqxqey7QIDAQAB';

export const CHROMIUM_EXTENSION_ID = 'lccfjmnjilackiclhpecehclojlgbopb';

/** Firefox add-on id (browser_specific_settings.gecko.id). */
export const GECKO_ID = 'gauze@gauze.extension';
