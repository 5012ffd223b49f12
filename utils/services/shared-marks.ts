import { parseSharedMarks, sharedMarksFile, teamMarksKey, type TeamMarksKey } from '../core/marks/shared-marks';
import type { Storage } from '../storage/storage';
import type { BackgroundService } from './types';

const prepared = new Map<string, Promise<TeamMarksKey>>();

/**
 * The team's marks key in force (from the team policy), ready to sign, or null when the policy
 * has none. Prepared once per key: every page's notes lookup asks.
 */
export async function teamKey(storage: Storage): Promise<TeamMarksKey | null> {
  const marksKey = (await storage.policy.active())?.marksKey;
  if (!marksKey) return null;
  let key = prepared.get(marksKey);
  if (!key) {
    key = teamMarksKey(marksKey);
    prepared.set(marksKey, key);
  }
  return key;
}

/**
 * Reviewed marks shared within a team (docs/policy.md, "Sharing reviewed marks"): the person's
 * file of items they reviewed, named by the team key's ids, and colleagues' files imported. Nothing
 * is sent anywhere: the file travels however the team chooses. The shield's lookup
 * (services/shield-control.ts) answers the imported marks on a page.
 */
export function createSharedMarksService(): BackgroundService {
  return {
    id: 'shared-marks',
    start({ storage, now, handle }) {
      handle('marks/status', async () => {
        const key = await teamKey(storage);
        const { enabled, unlocked } = await storage.vault.state();
        const locked = enabled && !unlocked;
        if (!key) return { key: false, locked, shareable: 0, imported: 0 };
        // Locked, the person's own marks cannot be read: none can be shared until they unlock.
        const shareable = locked ? 0 : (await storage.notes.reviewedUnder(key.keyId)).length;
        return { key: true, locked, shareable, imported: await storage.sharedMarks.count(key.keyId) };
      });

      handle('marks/share', async ({ includeNotes }) => {
        const key = await teamKey(storage);
        if (!key) throw new Error('marks: the team policy has no marksKey, so reviewed marks cannot be shared');
        // Reading the reviewed marks refuses while locked (LockedError): the page says "unlock".
        const marks = await storage.notes.reviewedUnder(key.keyId);
        // The day only, in UTC: no time of day, and no time zone (it says where a person is).
        const made = new Date(now()).toISOString().slice(0, 10);
        return { file: sharedMarksFile(key.keyId, made, marks, includeNotes) };
      });

      handle('marks/import', async ({ text }) => {
        const key = await teamKey(storage);
        if (!key) throw new Error('marks: the team policy has no marksKey, so colleagues\' marks cannot be read');
        const parsed = parseSharedMarks(text, key.keyId);
        if (!parsed.ok) return { imported: false, marks: 0, added: 0, problems: parsed.problems };
        const added = await storage.sharedMarks.add(key.keyId, parsed.file.marks, now());
        return { imported: true, marks: parsed.file.marks.length, added, problems: [] };
      });
    },
  };
}
