import { DataSection } from './DataSection';
import { t } from '../../utils/i18n';
import './options.css';

export function App() {
  return (
    <main class="options stack">
      <h1>{t('optionsTitle')}</h1>
      <section class="card" aria-labelledby="about-heading">
        <h2 id="about-heading">{t('optionsAboutHeading')}</h2>
        <p>{t('optionsAboutBody')}</p>
      </section>
      <DataSection />
    </main>
  );
}
