import { describe, expect, it } from 'vitest';
import { resolveLanguage } from './languages';

describe('which language Gauze speaks', () => {
  it('follows the browser by default, to the nearest language Gauze has', () => {
    expect(resolveLanguage('auto', 'fr-CA').folder).toBe('fr');
    expect(resolveLanguage(undefined, 'es-ES').folder).toBe('es_419');
    expect(resolveLanguage('auto', 'es-419').folder).toBe('es_419');
    expect(resolveLanguage('auto', 'ar').dir).toBe('rtl');
    expect(resolveLanguage('auto', 'uk-UA').folder).toBe('uk');
  });

  it('falls back to English for a language it does not have', () => {
    expect(resolveLanguage('auto', 'de-DE').folder).toBe('en');
  });

  it('takes the person\'s choice over the browser\'s language, and ignores an unknown choice', () => {
    expect(resolveLanguage('fa', 'en-US')).toMatchObject({ folder: 'fa', tag: 'fa', dir: 'rtl' });
    expect(resolveLanguage('xx', 'ru').folder).toBe('ru');
  });
});
