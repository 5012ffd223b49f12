import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { parseShieldCommand, type ShieldCommand } from '../../utils/core/shield/commands';
import { contentEnvironment, hello } from '../../utils/shield/content-environment';
import { startShield } from '../../utils/shield/shield';

/**
 * Page-side protection on flagged sites. Registered at run time for flagged hosts only
 * (utils/browser/registration.ts), with the cover stylesheet, which covers media before the first
 * paint whether or not this script runs. The parts of the shield are in utils/shield/parts/.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  registration: 'runtime',
  runAt: 'document_start',
  allFrames: true,
  cssInjectionMode: 'manual',
  // WXT's "a newer script started" notice goes by a DOM event only, never a message a page can read.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Fault injection for the e2e suite (`npm run build:fault`): the stylesheet alone must keep
    // media covered. Removed from production builds.
    if (import.meta.env.MODE === 'fault') throw new Error('Gauze test build: shield script fails on purpose');
    // This isolated world's own record that Gauze's page-world script has run in this document
    // (the page cannot see it): an open tab flagged again is not patched twice.
    (globalThis as { [key: symbol]: unknown })[Symbol.for('cover.started')] = true;

    // A newer copy of this script (after an update, or a site flagged again) stops this one:
    // every part's listeners, observers and timers end with the signal.
    const stopped = new AbortController();
    ctx.onInvalidated(() => stopped.abort());
    const shield = startShield({ doc: document, signal: stopped.signal, env: contentEnvironment() });
    let flagged = false;
    /** A lock told by broadcast is at least as new as one in a hello reply that arrives after it. */
    let lockTold = false;

    const act = (command: ShieldCommand): boolean => {
      switch (command.type) {
        case 'shield/stop':
          stopped.abort();
          return true;
        case 'shield/recover-all':
          shield.coverAll();
          return true;
        case 'shield/reveal-all':
          shield.revealAll();
          return true;
        case 'shield/refresh':
          void greet();
          return true;
        case 'shield/lock':
          lockTold = true;
          shield.setLock(command.lock);
          return true;
        case 'shield/frame':
          shield.frameState(command.frameId, command.inner);
          return true;
        case 'shield/alive':
          // Only a running shield of a protected document says so.
          return flagged && !stopped.signal.aborted;
      }
    };
    const onMessage = (message: unknown, sender: { id?: string }, respond: (answer: boolean) => void): boolean | undefined => {
      if (sender.id !== browser.runtime.id || stopped.signal.aborted) return undefined;
      const command = parseShieldCommand(message);
      if (!command) return undefined;
      // An answer tells the background that a shield is listening in this frame.
      respond(act(command));
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
    stopped.signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage as Parameters<typeof browser.runtime.onMessage.removeListener>[0]), { once: true });

    /** Asks the background for the settings, lock and texts in force (at start, after a change, back from the page cache). */
    const greet = () =>
      hello().then(
        (reply) => {
          if (!reply.flagged) {
            stopped.abort();
            return;
          }
          flagged = true;
          shield.setTexts(reply.texts);
          shield.configure(reply.settings);
          if (!lockTold) shield.setLock(reply.lock);
          lockTold = false;
          shield.setNotesWanted(reply.hasNotes);
        },
        (error: unknown) => console.warn('Gauze: the background did not answer; media stays covered.', error),
      );
    void greet();
    // A page restored from the back/forward cache missed every broadcast while it was away.
    addEventListener('pageshow', (event) => {
      if (event.persisted) void greet();
    }, { signal: stopped.signal });
  },
});
