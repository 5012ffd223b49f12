import { browser } from './api';
import type { PolicyBrowser } from './ports';

/** The key in managed storage that holds the policy object (the same format as a policy file). */
const MANAGED_KEY = 'policy';

/**
 * Firefox rejects instead of answering "nothing" when no enterprise policy names Gauze (no
 * "3rdparty" entry in policies.json): that is an empty store, not a policy that failed to arrive.
 */
const NO_MANAGED_MANIFEST = /managed storage manifest not found/i;

/** Enterprise policy through storage.managed (Chrome and Edge: managed_schema.json; Firefox: policies.json "3rdparty"). */
export const browserManaged: PolicyBrowser = {
  async readManaged() {
    try {
      const values = await browser.storage.managed.get(MANAGED_KEY);
      return values[MANAGED_KEY];
    } catch (error) {
      if (error instanceof Error && NO_MANAGED_MANIFEST.test(error.message)) return undefined;
      throw error;
    }
  },
  onManagedChanged(listener) {
    browser.storage.onChanged.addListener((_changes, area) => {
      if (area === 'managed') void listener();
    });
  },
};
