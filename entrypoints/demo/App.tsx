import { t, type MessageKey } from '../../utils/browser/i18n';
import './demo.css';

/** Placeholder exhibits: generated pictures (scripts/generate-assets.mjs), no real content. */
const exhibits: ReadonlyArray<{ file: string; subject: MessageKey }> = [
  { file: 'exhibit-1.png', subject: 'demoSubjectScene' },
  { file: 'exhibit-2.png', subject: 'demoSubjectDocument' },
  { file: 'exhibit-3.png', subject: 'demoSubjectVehicle' },
  { file: 'exhibit-4.png', subject: 'demoSubjectRoom' },
  { file: 'exhibit-5.png', subject: 'demoSubjectStreet' },
  { file: 'exhibit-6.png', subject: 'demoSubjectDetail' },
];

export function App() {
  return (
    <main class="demo stack">
      <h1>{t('demoTitle')}</h1>
      <p class="card">{t('demoIntro')}</p>
      <h2>{t('demoExhibitsHeading')}</h2>
      <div class="exhibits">
        {exhibits.map(({ file, subject }, index) => {
          const label = t('demoExhibitAlt', [index + 1, t(subject)]);
          return (
            <figure key={file}>
              <img src={`/demo/${file}`} width={480} height={320} alt={label} />
              <figcaption>{label}</figcaption>
            </figure>
          );
        })}
      </div>
      <h2>{t('demoVideoHeading')}</h2>
      <figure>
        <video src="/demo/recording.webm" width={320} height={180} controls preload="metadata" />
        <figcaption>{t('demoVideoCaption')}</figcaption>
      </figure>
    </main>
  );
}
