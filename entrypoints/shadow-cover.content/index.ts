import { defineContentScript } from 'wxt/utils/define-content-script';
import coverCss from '../../public/shield/cover.css?raw';

/**
 * Shadow DOM on flagged pages, in the page's own world (it must run before the page's scripts and
 * see the shadow roots they create, closed ones too). A page's stylesheets do not reach inside a
 * shadow root, so Gauze adopts its cover stylesheet into every root as it is attached, before
 * anything in it can paint, and keeps it there if the page replaces the root's sheets. Hosts are
 * marked so Gauze's isolated script can find the roots for reveal and sound control.
 *
 * Detached media (`new Audio(url).play()`) never enters the document, where Gauze's isolated
 * script watches; it is muted here.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  registration: 'runtime',
  runAt: 'document_start',
  allFrames: true,
  world: 'MAIN',
  noScriptStartedPostMessage: true,
  main() {
    // Injected again into an open tab (flagging, an update): patch once.
    const marker = Symbol.for('gauze.shadow-cover');
    const scope = globalThis as unknown as Record<symbol, boolean>;
    if (scope[marker]) return;
    scope[marker] = true;

    // Parsed when the page first has a shadow root (before anything in it can paint), not at the
    // start of every flagged page: most pages have none.
    let parsed: CSSStyleSheet | undefined;
    const coverSheet = () => {
      if (!parsed) {
        parsed = new CSSStyleSheet();
        parsed.replaceSync(coverCss);
      }
      return parsed;
    };

    const adopted = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'adoptedStyleSheets');
    if (adopted?.get && adopted.set) {
      const { get, set } = adopted;
      Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', {
        ...adopted,
        get,
        set(this: ShadowRoot, sheets: CSSStyleSheet[]) {
          const sheet = coverSheet();
          set.call(this, sheets.includes(sheet) ? sheets : [...sheets, sheet]);
        },
      });
    }

    const cover = (host: Element, root: ShadowRoot) => {
      const sheet = coverSheet();
      if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      if (!host.hasAttribute('data-gauze-host')) host.setAttribute('data-gauze-host', '');
    };

    const attachShadow = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit): ShadowRoot {
      const root = attachShadow.call(this, init);
      cover(this, root);
      return root;
    };

    // Declarative shadow roots (<template shadowrootmode="open">) are attached by the HTML parser,
    // not by attachShadow: find them as their hosts are inserted, before the next paint.
    const declarative = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeType !== 1) continue;
          const element = node as Element;
          if (element.shadowRoot) {
            cover(element, element.shadowRoot);
            declarative.observe(element.shadowRoot, { childList: true, subtree: true });
          }
        }
      }
    });
    declarative.observe(document, { childList: true, subtree: true });

    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement): Promise<void> {
      if (!this.isConnected) {
        this.muted = true;
        this.addEventListener('volumechange', () => !this.isConnected && !this.muted && (this.muted = true));
      }
      return play.call(this);
    };
  },
});
