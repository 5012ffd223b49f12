import type { ComponentType } from 'preact';
import { render } from 'preact';
import { applyDocumentLocale, loadLanguage, onLanguageChoiceChanged, t, type MessageKey } from '../utils/browser/i18n';
import './base.css';

/**
 * Entry of every extension page: the language's catalogue, `lang` and direction first, then the
 * page's root component. A page open when the person chooses another language shows it at once.
 */
export function mountPage(App: ComponentType, titleKey: MessageKey): void {
  void loadLanguage()
    .catch((error: unknown) => console.warn('Gauze: the language catalogue could not be read; showing the browser\'s', error))
    .finally(() => {
      applyDocumentLocale();
      document.title = t(titleKey);
      const root = document.getElementById('app');
      if (root) render(<App />, root);
    });
  onLanguageChoiceChanged(() => location.reload());
}
