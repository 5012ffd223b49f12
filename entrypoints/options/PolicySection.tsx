import { useState } from 'preact/hooks';
import { browser } from '../../utils/browser/api';
import { saveFile } from '../../components/save-file';
import type { AsyncState } from '../../components/use-async';
import { t, type MessageKey } from '../../utils/browser/i18n';
import { parsePolicy, POLICY_MAX_CHARACTERS, POLICY_VERSION } from '../../utils/core/policy/schema';
import { newMarksKey } from '../../utils/core/marks/shared-marks';
import { displayHost, parseSiteInput } from '../../utils/core/sites/site-entry';
import type { Problem } from '../../utils/core/validation';
import { errorText } from '../../components/error-text';
import { problemText } from '../../components/problem-text';
import { LockIcon } from './team';
import type { Reply } from '../../utils/core/messaging';
import { sendMessage } from '../../utils/browser/send-message';
import { SaveRow } from '../../components/SaveRow';

type Status = Reply<'policy/status'>;
const managedStates: Record<NonNullable<Status['managed']>['state'], MessageKey> = {
  ok: 'policyManaged_ok',
  invalid: 'policyManaged_invalid',
  unavailable: 'policyManaged_unavailable',
  empty: 'policyManaged_empty',
};
const groupLabels: Record<'breaks' | 'limits' | 'bedtime' | 'shield', MessageKey> = {
  breaks: 'policyBuildInclude_breaks',
  limits: 'policyBuildInclude_limits',
  bedtime: 'policyBuildInclude_bedtime',
  shield: 'policyBuildInclude_shield',
};
const date = (at: number) => new Date(at).toLocaleString(document.documentElement.lang, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The team policy: which is in force and where it came from (a file, or the organisation's
 * managed policy, with its status), importing a file (picker or drop) with every bad field
 * named, and building a policy file for a team.
 */
export function PolicySection({ status, onChanged }: { status: AsyncState<Status>; onChanged(): void }) {
  const [problems, setProblems] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setNotice(null);
    const fail = (list: Problem[]) => setProblems(list.map(problemText));
    try {
      // A file far too large is refused here, before it is read whole or sent anywhere.
      if (file.size > POLICY_MAX_CHARACTERS * 4) return fail([{ path: [], kind: 'too-large' }]);
      const text = await file.text();
      if (text.length > POLICY_MAX_CHARACTERS) return fail([{ path: [], kind: 'too-large' }]);
      const reply = await sendMessage('policy/import', { text });
      fail(reply.problems);
      if (reply.imported) {
        setNotice(reply.upgradedFrom ? t('policyImportedUpgraded', reply.upgradedFrom) : t('policyImported'));
        onChanged();
      }
    } catch (error) {
      setProblems([errorText(error, 'policyImportError')]);
    }
  };
  const remove = async () => {
    try {
      await sendMessage('policy/remove', {});
      setNotice(t('policyRemoved'));
      onChanged();
    } catch (error) {
      setNotice(errorText(error));
    }
  };

  const value = status.status === 'ready' ? status.value : null;
  return (
    <section class="card stack" id="team" aria-labelledby="policy-heading" data-testid="policy">
      <h2 id="policy-heading" tabIndex={-1}>{t('policyHeading')}</h2>
      {value?.active ? (
        <div class="stack" data-testid="policy-active">
          {value.active.teams.map((team) => (
            <p key={`${team.source}-${team.name}`} class="team-note">
              <LockIcon />
              {t(team.source === 'managed' ? 'policyFromManaged' : 'policyFromFile', team.name)}
              {team.contact ? ` ${t('policyContact', team.contact)}` : ''}
            </p>
          ))}
          <p class="muted">{t('policyFloorsExplain')}</p>
          {value.active.sites.length > 0 && <p>{t('policySites', value.active.sites.map(displayHost).join(', '))}</p>}
          {value.active.retentionDays !== null && <p>{t('policyRetention', value.active.retentionDays)}</p>}
          {value.active.encryptionRequired && (
            <p>
              {t('policyEncryptionRequired')} <a href="#privacy">{t('vaultHeading')}</a>
            </p>
          )}
        </div>
      ) : (
        <p>{t('policyNone')}</p>
      )}
      {/* Shown whenever an organisation's policy was ever read: what it is now, when it was checked. */}
      {value?.managed && (value.managed.state !== 'empty' || value.managed.lastKnownGood) && (
        <div class="stack" data-testid="policy-managed">
          <p>{t(managedStates[value.managed.state], date(value.managed.checkedAt))}</p>
          {(value.managed.problems?.length ?? 0) + value.managed.errors.length > 0 && (
            <ul class="errors">
              {(value.managed.problems ?? []).map(problemText).map((line) => (
                <li key={line}>{line}</li>
              ))}
              {value.managed.errors.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          {value.managed.state !== 'ok' && value.managed.lastKnownGood && <p>{t('policyLastKnownGood', [value.managed.lastKnownGood.team, date(value.managed.lastKnownGood.at)])}</p>}
        </div>
      )}
      {value?.damaged.map((stored) => (
        <div key={stored.source} class="stack" role="alert" data-testid="policy-damaged">
          <p class="error">{t(stored.source === 'file' ? 'policyDamagedFile' : 'policyDamagedManaged', date(stored.at))}</p>
          <ul class="errors">
            {stored.problems.map(problemText).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {stored.source === 'file' && (
            <div class="row">
              <button type="button" onClick={() => void remove()}>
                {t('policyRemove')}
              </button>
            </div>
          )}
        </div>
      ))}
      {value?.file && (
        <div class="row">
          <p>{t('policyFileImported', [value.file.team, date(value.file.at)])}</p>
          <button type="button" onClick={() => void remove()}>
            {t('policyRemove')}
          </button>
        </div>
      )}

      <div
        class={`drop stack${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void importFile(event.dataTransfer?.files[0]);
        }}
      >
        <label class="stack">
          <span>{t('policyImportLabel')}</span>
          <input type="file" name="policy-file" accept=".json,application/json" onChange={(event) => void importFile((event.target as HTMLInputElement).files?.[0])} />
        </label>
      </div>
      {problems.length > 0 && (
        <div role="alert" class="stack" data-testid="policy-errors">
          <p class="error">{t('policyImportFailed')}</p>
          <ul class="problems">
            {problems.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {notice && <p role="status">{notice}</p>}
      <PolicyBuilder />
      <div class="row">
        <a class="button" href={browser.runtime.getURL('/team.html')} target="_blank">
          {t('policyOpenTeamView')}
        </a>
      </div>
    </section>
  );
}

/** A team lead builds a policy from the team's sites and their own current settings, and saves it as a file. */
function PolicyBuilder() {
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [sites, setSites] = useState('');
  const [include, setInclude] = useState({ breaks: true, limits: true, bedtime: false, shield: false });
  const [marksKey, setMarksKey] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const build = async (event: Event) => {
    event.preventDefault();
    // Said in words, with the field's visible label; a site is read as the Flagged-sites box reads it.
    const said: string[] = [];
    if (!name.trim()) said.push(t('policyBuildNeedName', t('policyBuildName')));
    const hosts: Array<{ host: string; subdomains: boolean }> = [];
    for (const token of sites.split(/[\s,]+/).filter(Boolean)) {
      const parsed = parseSiteInput(token);
      if (parsed.ok) hosts.push({ host: parsed.host, subdomains: true });
      else said.push(t('policyBuildSiteInvalid', [t('policyBuildSites'), token]));
    }
    if (said.length) return setProblems(said);
    try {
      const [breaks, limits, bedtime, shield] = await Promise.all([
        sendMessage('breaks/rules', {}),
        sendMessage('limits', {}),
        sendMessage('bedtime', {}),
        sendMessage('shield/settings', {}),
      ]);
      const policy = {
        format: 'gauze-policy',
        version: POLICY_VERSION,
        team: { name: name.trim(), ...(contact.trim() ? { contact: contact.trim() } : {}) },
        sites: [...new Map(hosts.map((site) => [site.host, site])).values()],
        ...(include.breaks ? { breaks: breaks.rules } : {}),
        ...(include.limits ? { limits: limits.limits } : {}),
        ...(include.bedtime ? { bedtime: bedtime.bedtime } : {}),
        ...(include.shield ? { shield: shield.settings } : {}),
        // A new random key each time: a team that changes key makes older shared files unreadable, on purpose.
        ...(marksKey ? { marksKey: newMarksKey() } : {}),
      };
      const parsed = parsePolicy(policy);
      setProblems(parsed.ok ? [] : parsed.problems.map(problemText));
      if (parsed.ok) saveFile(`gauze-policy-${name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-') || 'team'}.json`, 'application/json', JSON.stringify(parsed.policy, null, 2));
    } catch (error) {
      setProblems([errorText(error)]);
    }
  };

  return (
    <details class="stack builder">
      <summary>{t('policyBuildSummary')}</summary>
      <form class="stack" onSubmit={(event) => void build(event)}>
        <p class="muted">{t('policyBuildExplain')}</p>
        <label class="stack">
          <span>{t('policyBuildName')}</span>
          <input type="text" name="team-name" maxLength={80} value={name} onInput={(event) => setName((event.target as HTMLInputElement).value)} />
        </label>
        <label class="stack">
          <span>{t('policyBuildContact')}</span>
          <input type="text" name="team-contact" maxLength={200} value={contact} onInput={(event) => setContact((event.target as HTMLInputElement).value)} />
        </label>
        <label class="stack">
          <span>{t('policyBuildSites')}</span>
          <textarea name="team-sites" rows={3} value={sites} onInput={(event) => setSites((event.target as HTMLTextAreaElement).value)} />
        </label>
        <fieldset class="stack strength">
          <legend>{t('policyBuildInclude')}</legend>
          {(['breaks', 'limits', 'bedtime', 'shield'] as const).map((group) => (
            <label key={group} class="row">
              <input type="checkbox" checked={include[group]} onChange={() => setInclude({ ...include, [group]: !include[group] })} />
              {t(groupLabels[group])}
            </label>
          ))}
          <label class="row">
            <input type="checkbox" name="marks-key" checked={marksKey} onChange={() => setMarksKey(!marksKey)} />
            {t('policyBuildMarksKey')}
          </label>
        </fieldset>
        <SaveRow status={null} label="policyBuildSave" />
        {problems.length > 0 && (
          <ul role="alert" class="problems error">
            {problems.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </form>
    </details>
  );
}
