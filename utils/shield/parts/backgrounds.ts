import { MEDIA_SELECTOR } from '../media';
import type { ShieldPart } from '../part';
import { afterPaint, idleQueue } from './idle';

/** A picture, not only colours: gradients alone are decoration and stay hidden without a placeholder. */
const PICTURE = /url\(|image-set\(|element\(/;
/** Elements whose background never shows a picture of its own (or that are media already). */
const SKIP = new Set([...MEDIA_SELECTOR.split(/,\s*/).map((selector) => selector.split('[')[0]!), 'script', 'style', 'link', 'meta', 'head', 'title', 'template', 'noscript', 'br', 'source', 'track', 'option', 'wbr', 'cover-card', 'cover-storyboard']);
const HTML_NS = 'http://www.w3.org/1999/xhtml'; // allowed-url: the HTML namespace name, never fetched
/** Elements with a picture in their own style attribute. */
const INLINE = '[style*="url("], [style*="image-set("]';
const PSEUDO = /::?(before|after)\b/i;
/** Pseudo-classes that depend on what the person does: stripped to find the elements they style. */
const DYNAMIC = /:(hover|focus|focus-visible|focus-within|active|visited|link|target|checked)\b/gi;

type Scope = Document | ShadowRoot;

/**
 * Pictures a stylesheet puts behind an element, and pictures in ::before and ::after. The cover
 * already draws them at zero size (or flattens them) before the first paint; this makes them items
 * like any other: a placeholder with a label and the reveal ladder, released when they are icons.
 *
 * Reading every element's computed style would cost a style recalculation of the whole page in
 * Gauze's time (measured: about 100 ms on the benchmark's heavy page). Instead, the page's
 * readable stylesheets say which selectors set a picture, and only the elements those select, and
 * elements with one in their style attribute, are read. A stylesheet the page cannot read (another
 * site's) is made up for by reading every element's computed style, slowly, just after frames are
 * painted (when style is up to date and a read is a lookup).
 */
export const backgrounds: ShieldPart = {
  id: 'backgrounds',
  start({ doc, signal, events, items, mark }) {
    /** Each element is read once per generation; a stylesheet that loads starts a new one. */
    const checked = new WeakMap<Element, number>();
    let generation = 0;

    /** Whether an element shows a picture in its background or mask, from a style (computed or its own). */
    const pictureIn = (style: CSSStyleDeclaration): { source: string; placeholder: boolean } | null => {
      const background = style.backgroundImage;
      if (background && background !== 'none' && PICTURE.test(background)) return { source: background, placeholder: true };
      const mask = style.maskImage;
      return mask && mask !== 'none' ? { source: mask, placeholder: false } : null;
    };
    const eligible = (element: Element) => !SKIP.has(element.localName) && element.namespaceURI === HTML_NS;
    const makeItem = (element: Element, found: { source: string; placeholder: boolean }) => {
      const item = items.ensure(element, 'background');
      if (item.placeholder === found.placeholder && item.source === found.source && item.kind === 'background') return;
      item.source = found.source;
      item.placeholder = found.placeholder;
      mark(element);
      events.emit('item', element);
    };
    const unmake = (element: Element) => {
      const item = items.get(element);
      if (!item || item.kind !== 'background' || !item.placeholder || item.step !== 'cover') return;
      item.placeholder = false;
      mark(element);
    };

    /**
     * Computed style, read only just after a frame is painted (when it is a lookup): every read in
     * a slice first, then every mark, so no read waits for a recalculation of the page's style.
     */
    const readAll = (elements: Element[]) => {
      const results = elements.map((element) => (element.isConnected ? pictureIn(getComputedStyle(element)) : null));
      elements.forEach((element, index) => {
        const found = results[index];
        if (found) makeItem(element, found);
        else unmake(element);
      });
    };
    /** Elements a rule may give a picture (marked at once), to be confirmed by computed style. */
    const confirm = idleQueue<Element[]>(signal, (elements) => {
      // A few at a time: each slice reads at most 64 (the rest wait for the next paint).
      readAll(elements.slice(0, 64));
      if (elements.length > 64) confirm.push(elements.slice(64));
    }, afterPaint);
    /** An element a rule gives a picture: a placeholder now, before it can be painted; confirmed after paint. */
    const fromRule = (element: Element) => {
      if (checked.get(element) === generation || !eligible(element)) return;
      checked.set(element, generation);
      if (items.get(element)?.step !== undefined && items.get(element)!.step !== 'cover') return;
      makeItem(element, { source: items.get(element)?.source || 'rule', placeholder: true });
      pending.push(element);
      if (pending.length === 1) queueMicrotask(() => confirm.push(pending.splice(0)));
    };
    const pending: Element[] = [];
    /** An element with a picture in its own style attribute: read from it (no style recalculation). */
    const fromInline = (element: Element) => {
      if (!eligible(element) || !(element instanceof HTMLElement)) return;
      const found = pictureIn(element.style);
      if (found) makeItem(element, found);
    };

    /** What the readable stylesheets of each scope say: selectors of pictures, and whether some cannot be read. */
    const scanned = new WeakSet<CSSStyleSheet>();
    const found = new Map<Scope, { backgrounds: string[]; pseudo: string[]; unreadable: boolean }>();
    const selectorsOf = (scope: Scope) => found.get(scope) ?? found.set(scope, { backgrounds: [], pseudo: [], unreadable: false }).get(scope)!;

    const markPseudo = (host: Element) => {
      const item = items.ensure(host, items.get(host)?.kind ?? 'background');
      if (item.pseudo) return;
      item.pseudo = true;
      item.source ||= 'pseudo';
      mark(host);
      events.emit('item', host);
    };
    /** The elements in a subtree (or scope) that a picture's selectors select: read or marked now. */
    const select = (root: Scope | Element, scope: Scope, what: 'all' | 'backgrounds' | 'pseudo' = 'all') => {
      const known = selectorsOf(scope);
      const query = (list: readonly string[], act: (element: Element) => void) => {
        if (!list.length) return;
        const run = (selector: string) => {
          if (root instanceof Element && root.matches(selector)) act(root);
          for (const element of root.querySelectorAll(selector)) act(element);
        };
        // One query for the whole list; one by one only if the browser refuses one of them.
        try {
          run(list.join(', '));
        } catch {
          for (const selector of list) {
            try {
              run(selector);
            } catch {
              // a selector this browser reads in a sheet but not in querySelectorAll
            }
          }
        }
      };
      // Background pictures are gathered here and made items a few at a time (`take`).
      if (what !== 'pseudo') query([INLINE, ...known.backgrounds], (element) => gathered.push(element));
      if (what !== 'backgrounds') query(known.pseudo, markPseudo);
    };
    let gathered: Element[] = [];
    /** A picture in the element's own style attribute is read from it; one a rule gives is marked now and confirmed after the next paint. */
    const take = (element: Element) => (element instanceof HTMLElement && pictureIn(element.style) ? fromInline(element) : fromRule(element));

    const scanSheets = (scope: Scope) => {
      const entry = selectorsOf(scope);
      const added = { backgrounds: [] as string[], pseudo: [] as string[] };
      for (const sheet of [...scope.styleSheets, ...(scope.adoptedStyleSheets ?? [])]) {
        if (scanned.has(sheet)) continue;
        let rules: CSSRuleList;
        try {
          rules = sheet.cssRules;
        } catch {
          // Another site's stylesheet: its rules cannot be read (nor its pseudo pictures found).
          if (!entry.unreadable) {
            entry.unreadable = true;
            slow.push(scope instanceof Document ? scope.documentElement : (scope.host as Element));
          }
          continue;
        }
        scanned.add(sheet);
        collectPictures(rules, added);
      }
      if (!added.backgrounds.length && !added.pseudo.length) return;
      entry.backgrounds.push(...added.backgrounds);
      entry.pseudo.push(...added.pseudo);
      generation++;
      select(scope, scope);
      drain();
    };

    // Where a stylesheet cannot be read: every element, just after frames are painted, a little
    // at a time (reads first, then marks).
    const slow = idleQueue<Element>(signal, (subtree, inBudget) => {
      if (!subtree.isConnected) return;
      const batch: Element[] = [];
      const take = (element: Element) => {
        if (checked.get(element) === generation || !eligible(element)) return;
        checked.set(element, generation);
        batch.push(element);
      };
      take(subtree);
      const all = subtree.getElementsByTagName('*');
      let index = 0;
      for (; index < all.length; index++) {
        take(all[index]!);
        if (index % 64 === 63 && !inBudget()) break;
      }
      readAll(batch);
      if (index < all.length) slow.push(subtree); // taken up in the next slice (elements read are skipped)
    }, afterPaint);

    // Pictures in ::before and ::after are found at once, before they can be painted (the cover
    // flattens them only on marked hosts). Background pictures are never painted (the cover draws
    // them at zero size): their placeholders can wait for idle time.
    /** How many stylesheets each scope had when last read: a change means new ones to read. */
    const sheetCount = new WeakMap<Scope, number>();
    const later = idleQueue<Element | Element[]>(signal, (work, inBudget) => {
      // Items gathered by an earlier slice, taken a few at a time.
      if (Array.isArray(work)) {
        let index = 0;
        while (index < work.length && (index % 16 !== 15 || inBudget())) take(work[index++]!);
        if (index < work.length) later.push(work.slice(index));
        return;
      }
      const element = work;
      if (!element.isConnected) return;
      const scope = element.getRootNode() as Scope;
      // Stylesheets inside an inserted subtree (a widget with its own <style> or <link>).
      if (sheetCount.get(scope) !== scope.styleSheets.length) {
        sheetCount.set(scope, scope.styleSheets.length);
        scanSheets(scope);
        if (element.firstElementChild) watchLinks(element);
      }
      select(element, scope, 'backgrounds');
      drain();
      if (selectorsOf(scope).unreadable) slow.push(element);
    });
    /** Makes what select() gathered into items: now if a few, else a few at a time. */
    function drain(): void {
      if (!gathered.length) return;
      const found = gathered;
      gathered = [];
      if (found.length <= 16) found.forEach(take);
      else later.push(found);
    }
    events.on('added', (element) => {
      const scope = element.getRootNode() as Scope;
      if (element.localName === 'style' || element.localName === 'link') {
        scanSheets(scope);
        watchLinks(element);
      }
      if (selectorsOf(scope).pseudo.length) select(element, scope, 'pseudo');
      later.push(element);
    }, signal);
    events.on('root', (root) => scanSheets(root), signal);

    // A stylesheet that arrives later (a slow or cross-origin one) can give elements already read
    // a picture: they are read again. (Listened to on each stylesheet link, not on the document,
    // where every picture's load would come by too.)
    const sheetLoaded = (event: Event) => {
      const scope = (event.target as Element).getRootNode() as Scope;
      generation++;
      scanSheets(scope);
      select(scope, scope);
      drain();
    };
    const watchLinks = (element: Element) => {
      const links = element.localName === 'link' ? [element] : element.getElementsByTagName('link');
      for (const link of links) link.addEventListener('load', sheetLoaded, { once: true, signal });
    };
    if (doc.documentElement) watchLinks(doc.documentElement);
    scanSheets(doc);

    // A background picture swapped on a revealed item (a class or style change) is a new picture:
    // watched for the few items on view, not for the whole page.
    const swaps = new MutationObserver((records) => {
      for (const record of records) {
        const element = record.target as Element;
        const item = items.get(element);
        if (!item || item.step === 'cover') continue;
        const style = getComputedStyle(element);
        const now = style.backgroundImage !== 'none' ? style.backgroundImage : style.maskImage;
        if (now !== item.source) {
          item.source = now;
          events.emit('source', element);
        }
      }
    });
    const watched = new WeakSet<Element>();
    events.on('step', ({ item, step }) => {
      if (step === 'cover' || items.get(item)?.kind !== 'background' || watched.has(item)) return;
      watched.add(item);
      swaps.observe(item, { attributes: true, attributeFilter: ['style', 'class'] });
    }, signal);
    signal.addEventListener('abort', () => swaps.disconnect(), { once: true });
  },
};

/** Selectors of rules that set a background picture, and of rules that show one in ::before/::after. */
function collectPictures(rules: CSSRuleList, into: { backgrounds: string[]; pseudo: string[] }): void {
  for (const rule of rules) {
    if (!(rule instanceof CSSStyleRule)) {
      if ('cssRules' in rule) collectPictures((rule as CSSGroupingRule).cssRules, into);
      continue;
    }
    const style = rule.style;
    const background = style.getPropertyValue('background-image') || style.getPropertyValue('background') || style.getPropertyValue('mask-image') || style.getPropertyValue('-webkit-mask-image');
    const content = style.getPropertyValue('content');
    const pictured = PICTURE.test(background);
    if (!pictured && !PICTURE.test(content)) continue;
    for (const part of splitSelectorList(rule.selectorText)) {
      const plain = part.replace(DYNAMIC, '').trim();
      if (PSEUDO.test(plain)) {
        const host = plain.replace(/::?(before|after)\b.*$/i, '').trim();
        into.pseudo.push(host || '*');
      } else if (pictured && !/::/.test(plain)) into.backgrounds.push(plain || '*');
    }
    // Nested rules (CSS nesting) are style rules inside style rules.
    if (rule.cssRules?.length) collectPictures(rule.cssRules, into);
  }
}

/** "a, b:is(c, d)" → ["a", "b:is(c, d)"]: commas inside parentheses or strings do not split. */
export function splitSelectorList(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let index = 0; index < list.length; index++) {
    const char = list[index]!;
    if (quote) {
      if (char === '\\') index++;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(list.slice(start, index).trim());
      start = index + 1;
    }
  }
  parts.push(list.slice(start).trim());
  return parts.filter(Boolean);
}
