import { coverCss, MARK } from '../../core/shield/cover-style';
import { MEDIA_SELECTOR, mediaKind, mediaSource, SOURCE_ATTRIBUTES } from '../media';
import type { ShieldPart } from '../part';
import { probeRoot } from '../visible';
import { idleQueue } from './idle';

// (The probe mark is Gauze's own for a moment during a gesture and gives the page nothing.)
const MARK_NAMES = Object.values(MARK).filter((name) => name !== MARK.probe);
const MARKED = MARK_NAMES.filter((name) => name !== MARK.host).map((name) => `[${name}]`).join(', ');
/** What cannot wait for idle time: frames, sound, shadow roots, and marks Gauze did not set. */
const URGENT = `iframe, frame, video, audio, feImage, [${MARK.host}], ${MARKED}, [style*="important" i]`;

/**
 * Finds what Gauze protects: media elements and their pictures, shadow roots (closed ones too),
 * frames. Work that must happen before the next paint (sound held, frames and roots watched, a
 * mark the page wrote taken off) is done per batch of mutations, with one selector query per
 * inserted subtree; items are prepared in idle time, a few milliseconds at a time.
 */
export const discovery: ShieldPart = {
  id: 'discovery',
  start(context) {
    const { doc, signal, env, events, items } = context;
    const roots = new Set<ShadowRoot>();
    const idle = idleQueue<Element | Element[]>(signal, findItems);
    const announced = new WeakSet<Element>();

    /**
     * The media items inside a subtree: recorded with their kind, and announced. A large one (a
     * feed's page of posts) is spread over several idle slices.
     */
    function announce(element: Element): void {
      if (announced.has(element)) return;
      const kind = mediaKind(element);
      if (!kind) return;
      announced.add(element);
      items.ensure(element, kind);
      events.emit('item', element);
    }
    function findItems(work: Element | Element[], inBudget: () => boolean): void {
      let found: ArrayLike<Element>;
      if (Array.isArray(work)) found = work;
      else if (!work.isConnected) return;
      else if (!work.firstElementChild) found = [work];
      else {
        if (work.matches(MEDIA_SELECTOR)) announce(work);
        found = work.querySelectorAll(MEDIA_SELECTOR);
      }
      for (let index = 0; index < found.length; index++) {
        announce(found[index]!);
        if (index % 16 === 15 && !inBudget() && index < found.length - 1) {
          idle.push(Array.prototype.slice.call(found, index + 1) as Element[]);
          return;
        }
      }
    }

    const observed: MutationObserverInit = {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: [...MARK_NAMES, ...SOURCE_ATTRIBUTES, 'srcdoc', 'style'],
    };

    // While the parser inserts the page's own markup (its last records may come just after
    // DOMContentLoaded, hence the turn of the event loop).
    let parsing = doc.readyState === 'loading';
    if (parsing) doc.addEventListener('DOMContentLoaded', () => setTimeout(() => (parsing = false)), { once: true, signal });

    function added(element: Element, parsed = false): void {
      // Gauze's own card and panels are not the page's: nothing in them is looked at.
      if (context.isGauze(element)) return;
      urgent(element, parsed);
      if (element.firstElementChild) for (const inner of element.querySelectorAll(URGENT)) urgent(inner);
      events.emit('added', element);
      idle.push(element);
    }

    function urgent(element: Element, parsed = false): void {
      switch (element.localName) {
        case 'iframe':
        case 'frame':
          items.ensure(element, 'frame');
          events.emit('frame', element);
          break;
        case 'video':
        case 'audio':
          events.emit('media', element as HTMLMediaElement);
          break;
        case 'feImage':
        case 'feimage':
          unpicture(element);
          break;
      }
      if (element.shadowRoot || element.hasAttribute(MARK.host)) watchRoot(element);
      // While the parser inserts the page, a host may get a closed declarative root that no
      // script attaches (so the page-world script never marks it): each element the parser
      // inserts is asked, with the content-script-only API. (innerHTML and fragments make no such
      // roots; setHTMLUnsafe does, and the page-world script marks what it parsed as hosts.)
      else if (parsed && env.shadowRootOf(element)) watchRoot(element);
      // A mark on an element Gauze did not decide about is the page's: drawn again from Gauze's
      // own record (which says "covered") before anything is painted.
      if (element.hasAttributes()) {
        if (element.matches(MARKED)) context.mark(element, true);
        if (element.getAttribute('style')?.includes('important')) events.emit('styled', element);
      }
    }

    /**
     * An SVG filter's feImage paints a picture into whatever element the filter is applied to,
     * anywhere on the page, beyond the cover's reach: on a flagged page it shows nothing. (A page
     * sending it a picture again is seen by the observer and undone.)
     */
    function unpicture(filterImage: Element): void {
      for (const name of ['href', 'xlink:href']) if (filterImage.hasAttribute(name)) filterImage.removeAttribute(name);
    }

    /** A shadow root is a document of its own for observers and events. */
    function watchRoot(host: Element): void {
      if (context.isGauze(host)) return;
      const root = host.shadowRoot ?? env.shadowRootOf(host);
      if (!root || roots.has(root)) return;
      roots.add(root);
      adoptCover(root);
      probeRoot(root);
      observer.observe(root, observed);
      events.emit('root', root);
      for (const child of root.children) added(child);
    }

    const observer = new MutationObserver((records) => {
      for (const record of records) {
        // One record's failure must not leave the rest of the batch unseen (media uncovered).
        try {
          handle(record);
        } catch (error) {
          env.report('discovery', error);
        }
      }
      if (parsing) openHosts();
    });

    /**
     * A declarative root is attached when the parser reaches its template, which may be in a
     * later piece of the page than its host: the host was seen without a root, and what the
     * parser then puts in the root makes no record Gauze can see. While the parser runs, the
     * elements it may still have open are asked again after each batch and before each frame is
     * painted, and once more after they stop being candidates. Candidates: the document's right
     * edge (the parser appends, so its open elements are each their parent's last child) and the
     * last node inserted alone with its ancestors (a script's insertion elsewhere, say in the
     * head, does not take the edge away). A script that appends after an element the parser still
     * has open, before its template arrives, can still hide a root: docs/security.md.
     */
    let lastParsed: Node | null = null;
    let open = new Set<Element>();
    const parentOf = (node: Node): Node | null => (node.parentNode?.nodeType === 11 ? (node.parentNode as ShadowRoot).host : node.parentNode);
    /** The last child element that is the page's (Gauze's own card may be the document's last). */
    const lastOf = (parent: Element | ShadowRoot): Element | null => {
      let child = parent.lastElementChild;
      while (child && context.isGauze(child)) child = child.previousElementSibling;
      return child;
    };
    function openHosts(): void {
      const now = new Set<Element>();
      for (let node = lastParsed; node; node = parentOf(node)) if (node.nodeType === 1) now.add(node as Element);
      const edge = (from: Element | null, depth: number): void => {
        for (let node = from; node && now.size < 400; node = lastOf(node)) {
          now.add(node);
          const root = node.shadowRoot ?? env.shadowRootOf(node);
          if (root && depth < 8) edge(lastOf(root), depth + 1);
        }
      };
      edge(doc.documentElement, 0);
      // (watchRoot asks for the root, and does nothing without one or for one already watched.)
      for (const element of open) if (!now.has(element) && element.isConnected) watchRoot(element);
      for (const element of now) watchRoot(element);
      open = now;
    }
    const view = doc.defaultView;
    if (parsing && view) {
      const frame = () => {
        try {
          openHosts();
        } catch (error) {
          env.report('discovery: open hosts', error);
        }
        if (parsing && !signal.aborted) view.requestAnimationFrame(frame);
        else open = new Set();
      };
      view.requestAnimationFrame(frame);
    }
    function handle(record: MutationRecord): void {
      if (record.type === 'childList') {
        const nodes = record.addedNodes;
        // The parser inserts one node per record; a script's innerHTML or fragment, many.
        const parsed = parsing && nodes.length === 1;
        if (parsed && !context.isGauze(nodes[0]!)) lastParsed = nodes[0]!;
        for (const node of nodes) if (node.nodeType === 1) added(node as Element, parsed);
        // A <source> added to or taken from a picture or a video changes its picture.
        if (record.target.nodeType === 1) sourceChanged(record.target as Element);
        return;
      }
      const element = record.target as Element;
      const name = record.attributeName!;
      if (name === MARK.host) watchRoot(element);
      else if (name === 'style') {
        // (Most style changes are the page's own animations: only an !important one matters.)
        if (element.getAttribute('style')?.includes('important')) events.emit('attribute', { element, name });
      } else if ((MARK_NAMES as readonly string[]).includes(name)) events.emit('attribute', { element, name });
      else if ((name === 'src' || name === 'srcdoc') && mediaKind(element) === 'frame') events.emit('frame', element);
      else if (element.localName === 'feImage' || element.localName === 'feimage') unpicture(element);
      else if (element.localName === 'source' && element.parentElement) sourceChanged(element.parentElement.localName === 'picture' ? element.parentElement.querySelector('img') ?? element : element.parentElement);
      else sourceChanged(element);
    }

    /**
     * An item whose picture is not the one its step was chosen for is covered again (and its note
     * is looked up anew). A covered item without a note keeps no picture to compare: nothing to do.
     */
    function sourceChanged(element: Element): void {
      const item = items.get(element);
      if (!item || item.kind === 'frame' || item.kind === 'background') return;
      if (item.step === 'cover' && !item.note && !item.reviewed && !item.colleague) return;
      const source = mediaSource(element);
      if (source === item.source) return;
      item.source = source;
      events.emit('source', element);
    }

    // Chromium: the registered stylesheet is the document's and does not reach into shadow roots;
    // roots attached by script get the cover from the page-world script as they are attached,
    // declarative ones (closed ones too) get it here, before their content is painted. Firefox
    // registers the cover as a user sheet, which reaches every shadow root.
    let sheet: CSSStyleSheet | null = null;
    function adoptCover(root: ShadowRoot): void {
      if (!('dom' in ((globalThis as { chrome?: object }).chrome ?? {}))) return;
      try {
        if (!sheet) {
          sheet = new CSSStyleSheet();
          sheet.replaceSync(coverCss({ blurPixels: context.settings().blurPixels }));
        }
        if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      } catch (error) {
        env.report('discovery: shadow root cover', error);
      }
    }

    events.on('settings', ({ blurPixels }) => sheet?.replaceSync(coverCss({ blurPixels })), signal);
    observer.observe(doc, observed);
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    if (doc.documentElement) added(doc.documentElement);
  },
};

