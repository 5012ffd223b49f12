import { useEffect, useRef, useState } from 'preact/hooks';
import { useAsync } from '../../components/use-async';
import { sendMessage } from '../../utils/browser/send-message';
import { PolicySection } from './PolicySection';
import { PrivacySection } from './PrivacySection';
import { ShieldSection } from './ShieldSection';
import { TeamContext, type TeamFloors } from './team';
import { BedtimeSection } from './BedtimeSection';
import { BreaksSection } from './BreaksSection';
import { DataSection } from './DataSection';
import { LanguageSection } from './LanguageSection';
import { LimitsSection } from './LimitsSection';
import { SitesSection } from './SitesSection';
import { SharedMarksSection } from './SharedMarksSection';
import { teamNames } from '../../utils/core/policy/active';
import { t, type MessageKey } from '../../utils/browser/i18n';
import './options.css';

/** Settings' sections in page order, as the section list names them (ids are the sections' own). */
const sections: Array<{ id: string; label: MessageKey }> = [
  { id: 'sites', label: 'sitesHeading' },
  { id: 'bedtime', label: 'bedtimeSettingsHeading' },
  { id: 'breaks', label: 'breaksHeading' },
  { id: 'limits', label: 'limitsHeading' },
  { id: 'reveal', label: 'revealHeading' },
  { id: 'language', label: 'languageHeading' },
  { id: 'privacy', label: 'vaultHeading' },
  { id: 'team', label: 'policyHeading' },
  { id: 'shared-marks', label: 'marksHeading' },
  { id: 'data', label: 'optionsDataHeading' },
];

/** The first run's steps, in order; each is one section, and the last ends with Done. */
const welcomeSteps: Array<{ id: string; label: MessageKey }> = [
  { id: 'sites', label: 'sitesHeading' },
  { id: 'bedtime', label: 'bedtimeSettingsHeading' },
  { id: 'language', label: 'languageHeading' },
];

/** Moves keyboard and screen-reader focus to a section's heading (which says where one is). */
function focusSection(id: string) {
  const heading = document.getElementById(id)?.querySelector<HTMLElement>('h2');
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus({ preventScroll: true });
}

/** A link of the section list: the address says where one is, and focus goes to the section. */
function goToSection(event: MouseEvent, id: string) {
  event.preventDefault();
  history.replaceState(null, '', `#${id}`);
  focusSection(id);
}

export function App() {
  // Gauze opens this page with #welcome on first install: a few steps, then Settings.
  const [step, setStep] = useState<number | null>(location.hash === '#welcome' ? 0 : null);
  const [ready, setReady] = useState(false);
  // From the page's context menu: "Unflag this site…" asks here, never in one click.
  const unflag = /^#unflag=(.+)$/.exec(location.hash)?.[1];
  /** Bumped when the flagged list changes, so "Your data" shows the new counts. */
  const [changes, setChanges] = useState(0);
  /** Bumped when everything was erased: the site list starts over. */
  const [erasures, setErasures] = useState(0);
  /** Bumped when the team policy changes: settings are read again with its floors. */
  const [policyVersion, setPolicyVersion] = useState(0);
  const policy = useAsync(() => sendMessage('policy/status', {}), [policyVersion, erasures]);
  /** Each section reads its values again after an erase or a policy change. */
  const reads = `${erasures}-${policyVersion}`;
  const team: TeamFloors | null =
    policy.status === 'ready' && policy.value.active ? { team: teamNames(policy.value.active), floors: policy.value.floors } : null;
  const title = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    if (step !== null) focusSection(welcomeSteps[step]!.id);
    else title.current?.focus();
  }, [step]);
  const go = (next: number | null) => {
    moved.current = true;
    if (next === null) {
      history.replaceState(null, '', location.pathname);
      setReady(true);
    }
    setStep(next);
  };

  const sitesSection = <SitesSection key={`sites-${reads}`} welcome={step !== null} unflag={unflag ? decodeURIComponent(unflag) : null} onChange={() => setChanges((n) => n + 1)} />;

  if (step !== null) {
    const current = welcomeSteps[step]!;
    return (
      <TeamContext.Provider value={team}>
        <main class="options stack welcome-flow">
          <h1>{t('welcomeTitle')}</h1>
          <ol class="steps" aria-label={t('welcomeStepsLabel')}>
            {welcomeSteps.map((item, index) => (
              <li key={item.id} aria-current={index === step ? 'step' : undefined} class={index < step ? 'done' : undefined}>
                {t(item.label)}
              </li>
            ))}
          </ol>
          <p class="muted" data-testid="welcome-step">{t('welcomeStepOf', [step + 1, welcomeSteps.length])}</p>
          {step === 0 && (
            <section class="card" aria-labelledby="about-heading">
              <h2 id="about-heading">{t('optionsAboutHeading')}</h2>
              <p>{t('optionsAboutBody')}</p>
            </section>
          )}
          {current.id === 'sites' && sitesSection}
          {current.id === 'bedtime' && <BedtimeSection key={`bedtime-${reads}`} welcome />}
          {current.id === 'language' && <LanguageSection key={`language-${reads}`} />}
          <p class="muted">{t('welcomeSavedAsMade')}</p>
          <div class="row welcome-buttons">
            {step > 0 && (
              <button type="button" onClick={() => go(step - 1)}>
                {t('welcomeBack')}
              </button>
            )}
            {step < welcomeSteps.length - 1 ? (
              <button type="button" class="primary" onClick={() => go(step + 1)}>
                {t('welcomeNext', t(welcomeSteps[step + 1]!.label))}
              </button>
            ) : (
              <button type="button" class="primary" onClick={() => go(null)}>
                {t('welcomeDone')}
              </button>
            )}
          </div>
        </main>
      </TeamContext.Provider>
    );
  }

  return (
    <TeamContext.Provider value={team}>
      <div class="options-layout">
        <nav class="settings-nav" aria-label={t('settingsNavLabel')}>
          <ul>
            {sections.map(({ id, label }) => (
              <li key={id}>
                <a href={`#${id}`} onClick={(event) => goToSection(event, id)}>
                  {t(label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main class="options stack">
          <h1 ref={title} tabIndex={-1}>{t('optionsTitle')}</h1>
          {ready && (
            <p role="status" class="card welcome-ready" data-testid="welcome-ready">
              {t('welcomeReady')}
            </p>
          )}
          <section class="card" aria-labelledby="about-heading">
            <h2 id="about-heading">{t('optionsAboutHeading')}</h2>
            <p>{t('optionsAboutBody')}</p>
            <p class="muted">{t('optionsSavedAsMade')}</p>
          </section>
          {sitesSection}
          <BedtimeSection key={`bedtime-${reads}`} welcome={false} />
          <BreaksSection key={`breaks-${reads}`} />
          <LimitsSection key={`limits-${reads}`} />
          <ShieldSection key={`shield-${reads}`} />
          <LanguageSection key={`language-${reads}`} />
          <PrivacySection key={`privacy-${reads}`} onChanged={() => setChanges((n) => n + 1)} />
          <PolicySection
            status={policy}
            onChanged={() => {
              setPolicyVersion((n) => n + 1);
              setChanges((n) => n + 1);
            }}
          />
          <SharedMarksSection version={changes} />
          <DataSection version={changes} onErased={() => setErasures((n) => n + 1)} />
        </main>
      </div>
    </TeamContext.Provider>
  );
}
