import { useState } from 'preact/hooks';
import { useAsync } from '../../components/use-async';
import { sendMessage } from '../../utils/browser/send-message';
import { PolicySection } from './PolicySection';
import { ShieldSection } from './ShieldSection';
import { TeamContext, type TeamFloors } from './team';
import { BedtimeSection } from './BedtimeSection';
import { BreaksSection } from './BreaksSection';
import { DataSection } from './DataSection';
import { LanguageSection } from './LanguageSection';
import { LimitsSection } from './LimitsSection';
import { SitesSection } from './SitesSection';
import { teamNames } from '../../utils/core/policy/active';
import { t } from '../../utils/browser/i18n';
import './options.css';

export function App() {
  // Gauze opens this page with #welcome on first install.
  const welcome = location.hash === '#welcome';
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
  return (
    <TeamContext.Provider value={team}>
    <main class="options stack">
      <h1>{t('optionsTitle')}</h1>
      {welcome && (
        <section class="card" aria-labelledby="about-heading">
          <h2 id="about-heading">{t('optionsAboutHeading')}</h2>
          <p>{t('optionsAboutBody')}</p>
        </section>
      )}
      {welcome && <LanguageSection key={`language-${reads}`} />}
      <SitesSection key={`sites-${reads}`} welcome={welcome} unflag={unflag ? decodeURIComponent(unflag) : null} onChange={() => setChanges((n) => n + 1)} />
      {/* First run: the bedtime guard is the second step. */}
      {welcome && <BedtimeSection key={`bedtime-${reads}`} welcome />}
      {!welcome && (
        <section class="card" aria-labelledby="about-heading">
          <h2 id="about-heading">{t('optionsAboutHeading')}</h2>
          <p>{t('optionsAboutBody')}</p>
        </section>
      )}
      {!welcome && <LanguageSection key={`language-${reads}`} />}
      <BreaksSection key={`breaks-${reads}`} />
      <LimitsSection key={`limits-${reads}`} />
      {!welcome && <BedtimeSection key={`bedtime-${reads}`} welcome={false} />}
      <ShieldSection key={`shield-${reads}`} />
      <PolicySection status={policy} onChanged={() => {
        setPolicyVersion((n) => n + 1);
        setChanges((n) => n + 1);
      }} />
      <DataSection version={changes} onErased={() => setErasures((n) => n + 1)} />
    </main>
    </TeamContext.Provider>
  );
}
