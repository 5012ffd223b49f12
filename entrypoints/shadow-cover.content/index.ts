import { defineContentScript } from 'wxt/utils/define-content-script';
import { coverCss, MARK } from '../../utils/core/shield/cover-style';
import { holdWebAudio } from '../../utils/shield/web-audio';

/**
 * Shadow DOM on flagged pages, in the page's own world (it must run before the page's scripts and
 * see the shadow roots they attach, closed ones too). A page's stylesheets do not reach inside a
 * shadow root, and in Chromium neither does Gauze's registered cover, so the cover is adopted into
 * every root as it is attached, before anything in it can paint, and kept there if the page
 * replaces the root's sheets. Hosts are marked so Gauze's isolated script can find closed roots.
 * Declarative roots, which no script attaches, are covered by the isolated script as they are
 * parsed (utils/shield/parts/discovery.ts).
 *
 * Detached media (`new Audio(url).play()`) never enters the document, where the isolated script
 * holds sound off; it is muted here, so it stays silent even while the person has turned on the
 * sound of one item (which unmutes the tab). For the same reason the page's Web Audio is silent
 * here: whatever it connects to a context's loudspeakers goes through a gain of zero. The tab's
 * mute silences it anyway; this keeps it silent while one item's sound is on, so that sound is the
 * only one (a site that plays its video's sound through Web Audio stays silent: docs/security.md).
 *
 * Nothing here is left for the page to find but what the job needs: no global, and the patched
 * functions keep their names (docs/security.md lists what a flagged page can still notice).
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  registration: 'runtime',
  runAt: 'document_start',
  allFrames: true,
  world: 'MAIN',
  noScriptStartedPostMessage: true,
  main() {
    // Parsed when the page first has a shadow root (before anything in it can paint), not at the
    // start of every flagged page: most pages have none. The constructor and its method are taken
    // now, before the page's own scripts could replace them.
    const Sheet = CSSStyleSheet;
    const replaceSync = CSSStyleSheet.prototype.replaceSync;
    let parsed: CSSStyleSheet | undefined;
    const coverSheet = () => {
      if (!parsed) {
        parsed = new Sheet();
        replaceSync.call(parsed, coverCss());
      }
      return parsed;
    };

    const adopted = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'adoptedStyleSheets');
    if (adopted?.get && adopted.set) {
      const { get, set } = adopted;
      Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', {
        ...adopted,
        get,
        set: {
          set(this: ShadowRoot, sheets: CSSStyleSheet[]) {
            const sheet = coverSheet();
            set.call(this, sheets.includes(sheet) ? sheets : [...sheets, sheet]);
          },
        }.set,
      });
    }
    const getSheets = adopted?.get;
    const setSheets = adopted?.set;
    const setAttribute = Element.prototype.setAttribute;

    const cover = (host: Element, root: ShadowRoot) => {
      const sheet = coverSheet();
      const sheets = getSheets?.call(root) as CSSStyleSheet[] | undefined;
      if (sheets && !sheets.includes(sheet)) setSheets?.call(root, [...sheets, sheet]);
      setAttribute.call(host, MARK.host, '');
    };

    const attachShadow = Element.prototype.attachShadow;
    Element.prototype.attachShadow = {
      attachShadow(this: Element, init: ShadowRootInit): ShadowRoot {
        const root = attachShadow.call(this, init);
        cover(this, root);
        return root;
      },
    }.attachShadow;

    // The page's own parsing of markup with declarative roots (setHTMLUnsafe, setHTML,
    // Document.parseHTMLUnsafe) makes roots no script attaches, closed ones too. Every element of
    // what was parsed is marked, so Gauze's isolated script asks each for a root (it alone can
    // see closed ones) before anything in them is painted. Markup without a template that makes a
    // root is left alone.
    const querySelectorAll = Element.prototype.querySelectorAll;
    const queryDocument = Document.prototype.querySelectorAll;
    const queryFragment = DocumentFragment.prototype.querySelectorAll;
    const makesRoots = (html: unknown) => /shadowrootmode/i.test(String(html));
    const markParsed = (scope: Element | Document | DocumentFragment) => {
      const query = scope instanceof Element ? querySelectorAll : scope instanceof Document ? queryDocument : queryFragment;
      for (const element of query.call(scope, '*')) setAttribute.call(element, MARK.host, '');
    };
    for (const proto of [Element.prototype, ShadowRoot.prototype] as unknown as Array<Record<string, unknown>>) {
      for (const name of ['setHTMLUnsafe', 'setHTML']) {
        const original = proto[name] as ((this: Element | ShadowRoot, html: unknown, ...rest: unknown[]) => unknown) | undefined;
        if (typeof original !== 'function') continue;
        proto[name] = {
          [name](this: Element | ShadowRoot, html: unknown, ...rest: unknown[]) {
            const result = original.call(this, html, ...rest);
            if (makesRoots(html)) markParsed(this);
            return result;
          },
        }[name];
      }
    }
    const DocumentStatics = Document as unknown as Record<string, unknown>;
    for (const name of ['parseHTMLUnsafe', 'parseHTML']) {
      const original = DocumentStatics[name] as ((this: unknown, html: unknown, ...rest: unknown[]) => Document) | undefined;
      if (typeof original !== 'function') continue;
      DocumentStatics[name] = {
        [name](this: unknown, html: unknown, ...rest: unknown[]) {
          const parsed = original.call(this, html, ...rest);
          if (makesRoots(html)) markParsed(parsed);
          return parsed;
        },
      }[name];
    }

    const play = HTMLMediaElement.prototype.play;
    const isConnected = Object.getOwnPropertyDescriptor(Node.prototype, 'isConnected')!.get!;
    const mutedOf = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'muted')!;
    const addListener = EventTarget.prototype.addEventListener;
    HTMLMediaElement.prototype.play = {
      play(this: HTMLMediaElement): Promise<void> {
        if (!isConnected.call(this)) {
          mutedOf.set!.call(this, true);
          addListener.call(this, 'volumechange', () => !isConnected.call(this) && !mutedOf.get!.call(this) && mutedOf.set!.call(this, true));
        }
        return play.call(this);
      },
    }.play;

    holdWebAudio(window);

    // Open declarative roots are covered here as their hosts are inserted, before the next paint.
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
    // Only the parser makes declarative roots: once it is done, so is this watch (a feed's
    // thousands of insertions later are not looked at here).
    const parserDone = () => setTimeout(() => declarative.disconnect());
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', parserDone, { once: true });
    else parserDone();
  },
});

