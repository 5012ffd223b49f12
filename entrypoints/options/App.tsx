import { DataSection } from './DataSection';
import { SitesSection } from './SitesSection';
import { t } from '../../utils/i18n';
import './options.css';

export function App() {
  // Gauze opens this page with #welcome on first install.
  const welcome = location.hash === '#welcome';
  return (
    <main class="options stack">
      <h1>{t('optionsTitle')}</h1>
      {welcome && (
        <section class="card" aria-labelledby="about-heading">
          <h2 id="about-heading">{t('optionsAboutHeading')}</h2>
          <p>{t('optionsAboutBody')}</p>
        </section>
      )}
      <SitesSection welcome={welcome} />
      {!welcome && (
        <section class="card" aria-labelledby="about-heading">
          <h2 id="about-heading">{t('optionsAboutHeading')}</h2>
          <p>{t('optionsAboutBody')}</p>
        </section>
      )}
      <DataSection />
    </main>
  );
}
