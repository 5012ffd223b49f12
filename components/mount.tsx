import type { ComponentType } from 'preact';
import { render } from 'preact';
import { applyDocumentLocale, t, type MessageKey } from '../utils/i18n';
import './base.css';

/** Entry of every extension page: locale and direction first, then the page's root component. */
export function mountPage(App: ComponentType, titleKey: MessageKey): void {
  applyDocumentLocale();
  document.title = t(titleKey);
  const root = document.getElementById('app');
  if (root) render(<App />, root);
}
