import { PATIENCE, fakeAdapters, serviceBase, storagePerTest } from './testing';
import { describe, expect, it, vi } from 'vitest';
import { createSerial } from '../core/serial';
import { createPolicyService } from './policy';
import { createFlaggedSitesService } from './flagged-sites';
import { startServices } from './index';
import { createDataService } from './data';
import { createDashboardService } from './dashboard';
import type { ServiceEvents } from './types';

const newStorage = storagePerTest();

const page = { hasTab: false } as const;
const policy = (name: string, extra: object = {}) => ({ format: 'gauze-policy', version: 2, team: { name }, sites: [{ host: 'x.com' }], breaks: { pauseEveryMinutes: 30 }, ...extra });

function setup(managedValue: () => Promise<unknown>) {
  const storage = newStorage();
  let changed: (() => Promise<unknown>) | undefined;
  const registered: string[][] = [];
  const shield = { register: async (entries: readonly { host: string }[]) => {
      registered.push(entries.map((e) => e.host));
    }, protectOpenTabs: async () => {}, releaseOpenTabs: async () => {}, coverFrame: async () => {}, registered: async () => [] };
  const queue = createSerial();
  const told = { settingsChanged: 0 };
  const spy = { id: 'spy', start: ({ events }: { events: ServiceEvents }) => events.on('settings-changed', () => void told.settingsChanged++) };
  const handlers = startServices(
    [
      spy,
      createFlaggedSitesService(shield, queue),
      createPolicyService(shield, { readManaged: () => managedValue(), onManagedChanged: (listener) => void (changed = listener) }, queue, 200),
      createDataService(shield, fakeAdapters().wipe),
      createDashboardService(),
    ],
    serviceBase({ storage, now: () => 1_000 }),
  );
  const status = async () => (await handlers['policy/status']!({}, 'page', page)) as { managed: { state: string; errors: string[]; problems?: unknown[]; lastKnownGood: { team: string } | null } | null; active: { teams: Array<{ name: string }> } | null };
  return { storage, handlers, status, registered, told, change: () => changed!() };
}

describe('policy service', () => {
  it('a valid managed policy applies; an empty, malformed or silent store keeps the last valid one', async () => {
    let value: () => Promise<unknown> = async () => policy('Desk');
    const { storage, status, change } = setup(() => value());
    // The read at start and this one run in turn: once it is done, the first is applied too.
    await change();
    expect((await status()).managed?.state).toBe('ok');
    expect((await storage.settings.get('breaks')).pauseEveryMinutes).toBe(30);
    expect((await storage.sites.list()).map((s) => [s.host, s.source])).toEqual([['x.com', 'team']]);

    for (const [next, state] of [
      [async () => undefined, 'empty'],
      [async () => ({ ...policy('Desk'), breaks: { pauseEveryMinutes: 'ten' } }), 'invalid'],
      [() => new Promise(() => {}), 'unavailable'],
      [async () => Promise.reject(new Error('managed storage unavailable')), 'unavailable'],
    ] as const) {
      value = next;
      await change();
      expect((await status()).managed?.state).toBe(state);
      // Nothing loosens: the floors and the team's site stay.
      expect((await storage.settings.get('breaks')).pauseEveryMinutes).toBe(30);
      expect((await storage.sites.list()).map((s) => s.host)).toEqual(['x.com']);
      expect((await status()).managed?.lastKnownGood?.team).toBe('Desk');
    }
    const invalid = await (async () => {
      value = async () => ({ ...policy('Desk'), breaks: { pauseEveryMinutes: 'ten' } });
      await change();
      expect((await status()).managed?.state).toBe('invalid');
      return (await status()).managed!;
    })();
    expect(invalid).toMatchObject({ errors: [], problems: [{ path: ['breaks', 'pauseEveryMinutes'], kind: 'not-number', found: '"ten"' }] });
  });

  it('a malformed file changes nothing; a valid one sets floors that a looser save cannot undo', async () => {
    const { storage, handlers, status } = setup(async () => undefined);
    await vi.waitFor(async () => expect((await status()).managed?.state).toBe('empty'), PATIENCE);
    const bad = (await handlers['policy/import']!({ text: JSON.stringify({ ...policy('Desk'), team: { name: '' } }) }, 'page', page)) as { imported: boolean; errors: string[] };
    expect(bad.imported).toBe(false);
    expect(bad.errors[0]).toMatch(/^policy\.team\.name: /);
    expect((await status()).active).toBeNull();
    expect(await storage.sites.list()).toEqual([]);

    const good = (await handlers['policy/import']!({ text: JSON.stringify(policy('Desk')) }, 'page', page)) as { imported: boolean };
    expect(good.imported).toBe(true);
    const rules = await storage.settings.get('breaks');
    await expect(storage.settings.set('breaks', { ...rules, pauseEveryMinutes: 45 })).rejects.toThrow(/breaks\.pauseEveryMinutes: your team \(Desk\) sets 30/);
    await expect(storage.settings.set('breaks', { ...rules, pauseEveryMinutes: 20 })).resolves.toMatchObject({ pauseEveryMinutes: 20 });
  });

  it('a stored policy this version cannot read is reported, not applied, and its sites stay flagged until it is removed', async () => {
    // As left by an earlier run: the team's site, and a policy file that no longer validates.
    const earlier = newStorage();
    await earlier.sites.put([{ host: 'x.com', subdomains: true, source: 'team', addedAt: 1 }]);
    await (await earlier.get()).put('meta', { key: 'policyFile', value: { policy: { ...policy('Desk'), breaks: { pauseEveryMinutes: 'thirty' } }, at: 5 } });
    (await earlier.get()).close();

    const { storage, handlers, status } = setup(async () => undefined);
    await vi.waitFor(async () => expect((await status()).managed?.state).toBe('empty'), PATIENCE);
    const reply = (await handlers['policy/status']!({}, 'page', page)) as { active: unknown; damaged: Array<{ source: string; at: number; problems: unknown[] }> };
    expect(reply.active).toBeNull();
    expect(reply.damaged).toEqual([{ source: 'file', at: 5, problems: [{ path: ['breaks', 'pauseEveryMinutes'], kind: 'not-number', found: '"thirty"' }] }]);
    expect((await storage.sites.list()).map((s) => [s.host, s.source])).toEqual([['x.com', 'team']]);

    await handlers['policy/remove']!({}, 'page', page);
    expect(((await handlers['policy/status']!({}, 'page', page)) as { damaged: unknown[] }).damaged).toEqual([]);
    expect(await storage.sites.list()).toEqual([]);
  });

  it("the team's questionnaire can be answered whole; a partial or unknown answer stores nothing", async () => {
    const { storage, handlers, status } = setup(async () => undefined);
    await vi.waitFor(async () => expect((await status()).managed?.state).toBe('empty'), PATIENCE);
    const questionnaire = {
      id: 'weekly-load',
      title: 'Weekly load',
      licence: 'Our own questions.',
      items: [{ id: 'sleep', text: 'I slept well.', reverse: true }, { id: 'tired', text: 'I felt worn out.' }],
      scale: { min: 0, max: 4 },
      scoring: { method: 'sum', bands: [{ from: 0, to: 3, label: 'Light' }, { from: 4, to: 8, label: 'Heavy' }] },
    };
    const answer = (payload: { questionnaire: string; answers: Record<string, number> }) => handlers['questionnaires/answer']!(payload, 'page', page);
    await expect(answer({ questionnaire: 'weekly-load', answers: { sleep: 1, tired: 3 } })).rejects.toThrow(/no questionnaire "weekly-load"/);
    await handlers['policy/import']!({ text: JSON.stringify(policy('Desk', { questionnaires: [questionnaire] })) }, 'page', page);
    const listed = (await handlers['questionnaires']!({}, 'page', page)) as { questionnaires: Array<{ id: string }>; results: unknown[] };
    expect(listed.questionnaires.map((q) => q.id)).toEqual(['weekly-load']);
    expect(listed.results).toEqual([]);

    await expect(answer({ questionnaire: 'weekly-load', answers: { sleep: 1 } })).rejects.toThrow('message.payload.answers.tired: not answered');
    await expect(answer({ questionnaire: 'weekly-load', answers: { sleep: 1, tired: 9 } })).rejects.toThrow(/tired: expected a whole number from 0 to 4, found 9/);
    expect((await storage.everything()).answers).toEqual([]);

    // sleep 1 reversed is 3, plus 3: 6, "Heavy".
    expect(await answer({ questionnaire: 'weekly-load', answers: { sleep: 1, tired: 3 } })).toEqual({ score: 6, band: 'Heavy' });
    expect((await storage.everything()).answers).toEqual([{ at: 1_000, questionnaire: 'weekly-load', title: 'Weekly load', answers: { sleep: 1, tired: 3 }, score: 6, band: 'Heavy' }]);
    expect(((await handlers['questionnaires']!({}, 'page', page)) as { results: unknown[] }).results).toEqual([{ questionnaire: 'weekly-load', title: 'Weekly load', at: 1_000, score: 6, band: 'Heavy' }]);
  });

  it("a site the person flagged stays theirs when the team's policy drops it", async () => {
    const { storage, handlers, status } = setup(async () => undefined);
    await vi.waitFor(async () => expect((await status()).managed?.state).toBe('empty'), PATIENCE);
    await handlers['sites/flag']!({ input: 'x.com' }, 'page', page);
    await handlers['policy/import']!({ text: JSON.stringify(policy('Desk')) }, 'page', page);
    expect(await storage.sites.list()).toEqual([expect.objectContaining({ host: 'x.com', source: 'team', userFlagged: true })]);
    // The person cannot unflag it while the team flags it.
    await handlers['sites/unflag']!({ hosts: ['x.com'] }, 'page', page);
    expect((await storage.sites.list()).map((s) => s.host)).toEqual(['x.com']);
    await handlers['policy/remove']!({}, 'page', page);
    expect(await storage.sites.list()).toEqual([expect.objectContaining({ host: 'x.com', source: 'user' })]);
  });

  it('open tabs are told only when the policy in force changes, not at every read of the managed store', async () => {
    const { status, told, change } = setup(async () => policy('Desk'));
    await vi.waitFor(async () => expect((await status()).managed?.state).toBe('ok'), PATIENCE);
    await vi.waitFor(() => expect(told.settingsChanged).toBe(1), PATIENCE);
    await change(); // the same policy again (as at every worker start)
    expect(told.settingsChanged).toBe(1);
  });

  it("erasing the person's data leaves the organisation's policy in force", async () => {
    const { storage, handlers, status } = setup(async () => policy('Desk'));
    await vi.waitFor(async () => expect((await status()).managed?.state).toBe('ok'), PATIENCE);
    await handlers['data/erase']!({ confirm: 'erase everything' }, 'page', page);
    await vi.waitFor(async () => expect((await storage.sites.list()).map((s) => [s.host, s.source])).toEqual([['x.com', 'team']]), PATIENCE);
    expect((await storage.settings.get('breaks')).pauseEveryMinutes).toBe(30);
  });
});
