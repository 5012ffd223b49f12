import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendMessage } from '../../utils/send-message';
import { browserShieldOptions, describeCovered } from '../../utils/shield/browser-options';
import { parseShieldCommand } from '../../utils/shield/commands';
import { createFrameLink } from '../../utils/shield/frames';
import { startPageShield } from '../../utils/shield/page-shield';

/**
 * Page-side protection on flagged sites. Registered at run time for flagged hosts only
 * (utils/shield/registration.ts), with public/shield/cover.css, which covers media before the
 * first paint whether or not this script runs.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  registration: 'runtime',
  runAt: 'document_start',
  allFrames: true,
  cssInjectionMode: 'manual',
  noScriptStartedPostMessage: true,
  main() {
    // Fault injection for the e2e suite (`npm run build:fault`): the stylesheet alone must keep
    // media covered. Removed from production builds.
    if (import.meta.env.MODE === 'fault') throw new Error('Gauze test build: shield script fails on purpose');
    // Injected again into an open tab (flagging, an update): one shield per document.
    const marker = Symbol.for('gauze.shield');
    const scope = globalThis as unknown as Record<symbol, boolean>;
    if (scope[marker]) return;
    scope[marker] = true;

    const shield = startPageShield(document, browserShieldOptions());
    // Nothing can be revealed until the background has said which settings and which lock hold
    // (a team policy may forbid the full view; bedtime may lock everything). If it never answers,
    // it stays so: fail closed.
    shield.setLock({ reason: 'unavailable', until: Number.MAX_SAFE_INTEGER });
    /** A lock told by broadcast is at least as new as one in a hello reply that arrives after it. */
    let lockTold = false;

    const onCommand = (message: unknown, sender: { id?: string }): Promise<boolean> | undefined => {
      if (sender.id !== browser.runtime.id) return undefined;
      const command = parseShieldCommand(message);
      if (!command) return undefined;
      if (command.type === 'shield/stop') {
        shield.stop();
        frameLink.stop();
        browser.runtime.onMessage.removeListener(onCommand);
      } else if (command.type === 'shield/recover-all') shield.recoverAll();
      else if (command.type === 'shield/lock') {
        lockTold = true;
        shield.setLock(command.lock);
      } else if (command.type === 'shield/refresh') void greet();
      else shield.revealAll();
      // An answer tells the background that a shield is listening in this tab.
      return Promise.resolve(true);
    };
    browser.runtime.onMessage.addListener(onCommand);

    /** Asks the background for the settings and lock in force (at start, after a change, back from the page cache). */
    const greet = () => {
      const hello = sendMessage('shield/hello', {});
      hello.then(
        (reply) => {
          if (!reply.flagged) onCommand({ type: 'shield/stop' }, { id: browser.runtime.id });
          else {
            describeCovered(reply.coveredDescription);
            shield.configure(reply.settings);
            // The tab is muted unless the person has turned sound on for an item here.
            void sendMessage('shield/sound', { on: shield.anySound() }).catch(() => undefined);
            if (!lockTold) shield.setLock(reply.lock);
            lockTold = false;
            shield.notesWanted = reply.hasNotes;
          }
        },
        (error: unknown) => console.warn('Gauze: the background did not answer; media stays covered.', error),
      );
      return hello;
    };
    const hello = greet();
    const frameLink = createFrameLink(
      window,
      hello.then((reply) => reply.frameToken),
      shield.frames,
    );
    shield.askFrame = frameLink.query;
    // A page restored from the back/forward cache missed every broadcast while it was away.
    addEventListener('pageshow', (event) => {
      if (event.persisted) void greet().catch(() => undefined);
    });
  },
});
