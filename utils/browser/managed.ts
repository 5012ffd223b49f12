import { browser } from './api';
import type { PolicyBrowser } from './ports';

/** The key in managed storage that holds the policy object (the same format as a policy file). */
const MANAGED_KEY = 'policy';

/** Enterprise policy through storage.managed (Chrome and Edge: managed_schema.json; Firefox: policies.json "3rdparty"). */
export const browserManaged: PolicyBrowser = {
  async readManaged() {
    const values = await browser.storage.managed.get(MANAGED_KEY);
    return values[MANAGED_KEY];
  },
  onManagedChanged(listener) {
    browser.storage.onChanged.addListener((_changes, area) => {
      if (area === 'managed') void listener();
    });
  },
};
