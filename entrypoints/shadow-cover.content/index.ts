import { defineContentScript } from 'wxt/utils/define-content-script';
import { coverCss, MARK } from '../../utils/core/shield/cover-style';
import { holdWebAudio } from '../../utils/shield/web-audio';

/**
 * Shadow DOM on flagged pages, in the page's own world (it must run before the page's scripts and
 * see the shadow roots they attach, closed ones too). A page's stylesheets do not reach inside a
 * shadow root, and in Chromium neither does Gauze's registered cover, so the cover is adopted into
 * every root as it is attached, before anything in it can paint, kept there if the page
 * replaces the root's sheets, and never handed to the page (docs/security.md, "Shadow roots"). Hosts are marked so Gauze's isolated script can find closed roots.
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
    // Taken first: a page that replaces Function.prototype.call (or apply) must not be handed
    // what this script passes, nor stop it working.
    const apply = Reflect.apply;
    // Parsed when the page first has a shadow root (before anything in it can paint), not at the
    // start of every flagged page: most pages have none. The constructor and its method are taken
    // now, before the page's own scripts could replace them.
    const Sheet = CSSStyleSheet;
    const replaceSync = CSSStyleSheet.prototype.replaceSync;
    let parsed: CSSStyleSheet | undefined;
    const coverSheet = () => {
      if (!parsed) {
        parsed = new Sheet();
        apply(replaceSync, parsed, [coverCss()]);
      }
      return parsed;
    };

    // The page must never hold the cover sheet: with it, it could disable it, empty it, edit its
    // rules or take it out of a root's list. A root's list as the page reads it leaves out every
    // cover sheet (this world's and the isolated script's), and what the page writes to it, by
    // assignment or by changing the list it read, gets the cover added back. Nothing the page can
    // replace later (an array method, an iterator, Function.prototype.call) is handed a cover sheet.
    const defineProperty = Object.defineProperty;
    const iteratorKey = Symbol.iterator;
    const ProxyClass = Proxy;
    const reflectSet = Reflect.set;
    const reflectDelete = Reflect.deleteProperty;
    const setAttribute = Element.prototype.setAttribute;
    const rulesOf = Object.getOwnPropertyDescriptor(CSSStyleSheet.prototype, 'cssRules')!.get!;
    const ruleCount = Object.getOwnPropertyDescriptor(CSSRuleList.prototype, 'length')!.get!;
    const ruleAt = CSSRuleList.prototype.item;
    const ruleText = Object.getOwnPropertyDescriptor(CSSRule.prototype, 'cssText')!.get!;
    const sliceText = String.prototype.slice;
    const seen = new WeakMap<object, boolean>();
    const seenGet = WeakMap.prototype.get;
    const seenSet = WeakMap.prototype.set;
    const firstRule = (sheet: CSSStyleSheet): string => {
      const rules = apply(rulesOf, sheet, []) as CSSRuleList;
      if (apply(ruleCount, rules, []) !== 1) return '';
      return apply(sliceText, apply(ruleText, apply(ruleAt, rules, [0]), []), [0, 600]) as string;
    };
    let coverText = '';
    /** A cover sheet: this world's, or the isolated script's (the same rules, perhaps another blur). */
    const isCover = (sheet: unknown): boolean => {
      if (sheet === parsed) return true;
      if (typeof sheet !== 'object' || sheet === null) return false;
      let answer = apply(seenGet, seen, [sheet]) as boolean | undefined;
      if (answer === undefined) {
        try {
          coverText ||= firstRule(coverSheet());
          answer = firstRule(sheet as CSSStyleSheet) === coverText;
        } catch {
          answer = false;
        }
        apply(seenSet, seen, [sheet, answer]);
      }
      return answer;
    };
    const data = (value: unknown) => ({ value, writable: true, enumerable: true, configurable: true });
    /** The page's sheets and then the cover, as a list whose iteration is this script's own. */
    const withCover = (sheets: ArrayLike<unknown>): CSSStyleSheet[] => {
      const list: CSSStyleSheet[] = [];
      let count = 0;
      const length = Number(sheets.length) || 0;
      for (let index = 0; index < length; index++) {
        const sheet = sheets[index];
        if (!isCover(sheet)) defineProperty(list, count++, data(sheet));
      }
      defineProperty(list, count++, data(coverSheet()));
      defineProperty(list, iteratorKey, {
        value: () => {
          let at = 0;
          return { next: () => (at < count ? { value: list[at++], done: false } : { value: undefined, done: true }) };
        },
      });
      return list;
    };

    const adopted = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'adoptedStyleSheets');
    const getSheets = adopted?.get;
    const setSheets = adopted?.set;
    if (getSheets && setSheets) {
      const writeBack = (root: ShadowRoot, sheets: ArrayLike<unknown>) => apply(setSheets, root, [withCover(sheets)]);
      defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', {
        ...Object.getOwnPropertyDescriptor(
          {
            get adoptedStyleSheets(): CSSStyleSheet[] {
              const root = this as unknown as ShadowRoot;
              const real = apply(getSheets, root, []) as CSSStyleSheet[];
              const shown: CSSStyleSheet[] = [];
              let count = 0;
              for (let index = 0; index < real.length; index++) if (!isCover(real[index])) defineProperty(shown, count++, data(real[index]));
              const handler = {
                __proto__: null,
                set(target: CSSStyleSheet[], key: string | symbol, value: unknown) {
                  const done = apply(reflectSet, undefined, [target, key, value]) as boolean;
                  writeBack(root, target);
                  return done;
                },
                deleteProperty(target: CSSStyleSheet[], key: string | symbol) {
                  const done = apply(reflectDelete, undefined, [target, key]) as boolean;
                  writeBack(root, target);
                  return done;
                },
              } as ProxyHandler<CSSStyleSheet[]>;
              return new ProxyClass(shown, handler);
            },
            set adoptedStyleSheets(sheets: CSSStyleSheet[]) {
              writeBack(this as unknown as ShadowRoot, sheets);
            },
          },
          'adoptedStyleSheets',
        ),
        enumerable: adopted!.enumerable,
        configurable: adopted!.configurable,
      });
    }

    const cover = (host: Element, root: ShadowRoot) => {
      if (getSheets && setSheets) apply(setSheets, root, [withCover(apply(getSheets, root, []) as CSSStyleSheet[])]);
      apply(setAttribute, host, [MARK.host, '']);
    };

    const attachShadow = Element.prototype.attachShadow;
    Element.prototype.attachShadow = {
      attachShadow(this: Element, init: ShadowRootInit): ShadowRoot {
        const root = apply(attachShadow, this, [init]) as ShadowRoot;
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
    const nodeCount = Object.getOwnPropertyDescriptor(NodeList.prototype, 'length')!.get!;
    const nodeAt = NodeList.prototype.item;
    const queryDocument = Document.prototype.querySelectorAll;
    const queryFragment = DocumentFragment.prototype.querySelectorAll;
    const makesRoots = (html: unknown) => /shadowrootmode/i.test(String(html));
    const markParsed = (scope: Element | Document | DocumentFragment) => {
      const query = scope instanceof Element ? querySelectorAll : scope instanceof Document ? queryDocument : queryFragment;
      const found = apply(query, scope, ['*']) as NodeListOf<Element>;
      const count = apply(nodeCount, found, []) as number;
      for (let index = 0; index < count; index++) apply(setAttribute, apply(nodeAt, found, [index]), [MARK.host, '']);
    };
    for (const proto of [Element.prototype, ShadowRoot.prototype] as unknown as Array<Record<string, unknown>>) {
      for (const name of ['setHTMLUnsafe', 'setHTML']) {
        const original = proto[name] as ((this: Element | ShadowRoot, html: unknown, ...rest: unknown[]) => unknown) | undefined;
        if (typeof original !== 'function') continue;
        proto[name] = {
          [name](this: Element | ShadowRoot, html: unknown, ...rest: unknown[]) {
            const result = apply(original, this, [html, ...rest]);
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
          const parsed = apply(original, this, [html, ...rest]) as Document;
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
        if (!apply(isConnected, this, [])) {
          apply(mutedOf.set!, this, [true]);
          apply(addListener, this, ['volumechange', () => !apply(isConnected, this, []) && !apply(mutedOf.get!, this, []) && apply(mutedOf.set!, this, [true])]);
        }
        return apply(play, this, []) as Promise<void>;
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

