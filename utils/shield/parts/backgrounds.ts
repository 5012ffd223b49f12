import { MARK } from '../cover-style';
import { MEDIA_SELECTOR } from '../media';
import type { ShieldPart } from '../part';
import { idleQueue } from './idle';

/** A picture, not only colours: gradients alone are decoration and stay hidden without a placeholder. */
const PICTURE = /url\(|image-set\(|element\(/;
const SKIP = `${MEDIA_SELECTOR}, svg *, script, style, link, meta, head, title, template, noscript, br`;

/**
 * Pictures a stylesheet puts behind an element, any stylesheet (cross-origin ones included:
 * computed style tells), and pictures in ::before and ::after. The cover already draws them at
 * zero size before the first paint; this makes them items like any other: a placeholder with a
 * label and the reveal ladder, released when they are icons.
 *
 * Computed style is read in idle time, once per element (about a microsecond each). Pictures in
 * ::before / ::after are found from the page's readable stylesheets (rules whose 'content' or
 * background names a picture), so no element pays for two more style reads.
 */
export const backgrounds: ShieldPart = {
  id: 'backgrounds',
  start({ doc, signal, events, items, mark }) {
    /** Each element is read once per generation; a stylesheet that loads starts a new one. */
    const checked = new WeakMap<Element, number>();
    let generation = 0;

    const check = (element: Element) => {
      if (checked.get(element) === generation || !element.isConnected) return;
      checked.set(element, generation);
      if (items.get(element)?.kind === 'background' && items.get(element)!.source !== 'pseudo') return;
      if (element.matches(SKIP)) return;
      const style = getComputedStyle(element);
      const background = style.backgroundImage;
      const masked = style.maskImage !== 'none' && style.maskImage !== '';
      if (!(background !== 'none' && PICTURE.test(background)) && !masked) return;
      const item = items.ensure(element, 'background');
      item.source = background === 'none' ? style.maskImage : background;
      item.placeholder = background !== 'none';
      mark(element);
      events.emit('item', element);
    };

    const queue = idleQueue<Element>(signal, (subtree) => {
      if (!subtree.isConnected) return;
      check(subtree);
      for (const element of subtree.querySelectorAll('*')) check(element);
    });
    events.on('added', (element) => queue.push(element), signal);

    // A background picture swapped on a revealed item (a class or style change) is a new picture:
    // checked for the few items on view, not for the whole page.
    events.on('step', ({ item, step }) => {
      if (step === 'cover' || items.get(item)?.kind !== 'background') return;
      watchSwap(item);
    }, signal);
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
    const watchSwap = (element: Element) => {
      if (watched.has(element)) return;
      watched.add(element);
      swaps.observe(element, { attributes: true, attributeFilter: ['style', 'class'] });
    };

    // Pictures in ::before and ::after, from the stylesheets the page can read (its own and
    // same-origin ones, in the document and in shadow roots). Done at once, not in idle time: such
    // a picture would otherwise be painted before its host is marked.
    const scanned = new WeakSet<CSSStyleSheet>();
    const pseudoSelectors = new Map<Document | ShadowRoot, string[]>();
    const markPseudo = (host: Element) => {
      const item = items.ensure(host, items.get(host)?.kind ?? 'background');
      if (item.pseudo) return;
      item.pseudo = true;
      item.source ||= 'pseudo';
      mark(host);
      events.emit('item', host);
    };
    const hostsIn = (scope: Document | ShadowRoot | Element, selectors: readonly string[]) => {
      for (const selector of selectors) {
        try {
          if (scope instanceof Element && scope.matches(selector)) markPseudo(scope);
          for (const host of scope.querySelectorAll(selector)) markPseudo(host);
        } catch {
          // a selector this browser reads in a sheet but not in querySelectorAll
        }
      }
    };
    const scanSheets = (scope: Document | ShadowRoot) => {
      const found: string[] = [];
      for (const sheet of [...scope.styleSheets, ...(scope.adoptedStyleSheets ?? [])]) {
        if (scanned.has(sheet)) continue;
        let rules: CSSRuleList;
        try {
          rules = sheet.cssRules;
        } catch {
          continue; // cross-origin: not readable (its pseudo pictures stay hidden, with no placeholder)
        }
        scanned.add(sheet);
        collectPseudoPictures(rules, found);
      }
      if (!found.length) return;
      const known = pseudoSelectors.get(scope) ?? [];
      pseudoSelectors.set(scope, [...known, ...found]);
      hostsIn(scope, found);
    };
    events.on('added', (element) => {
      const scope = element.getRootNode() as Document | ShadowRoot;
      if (element.localName === 'style' || element.localName === 'link' || element.querySelector('style, link')) scanSheets(scope);
      const selectors = pseudoSelectors.get(scope);
      if (selectors) hostsIn(element, selectors);
    }, signal);
    events.on('root', (root) => scanSheets(root), signal);
    // A stylesheet that arrives later (a slow or cross-origin one) can give elements already
    // read a background picture: they are read again.
    doc.addEventListener('load', (event) => {
      const target = event.target as Element | null;
      if (target?.localName !== 'link') return;
      const scope = target.getRootNode() as Document | ShadowRoot;
      scanSheets(scope);
      generation++;
      queue.push(scope instanceof Document ? scope.documentElement : (scope.host as Element));
    }, { capture: true, signal });
    scanSheets(doc);
    signal.addEventListener('abort', () => swaps.disconnect(), { once: true });
  },
};

/** Selectors (without the pseudo-element) of rules that show a picture in ::before or ::after. */
function collectPseudoPictures(rules: CSSRuleList, into: string[]): void {
  for (const rule of rules) {
    if ('cssRules' in rule && !(rule instanceof CSSStyleRule)) {
      collectPseudoPictures((rule as CSSGroupingRule).cssRules, into);
      continue;
    }
    if (!(rule instanceof CSSStyleRule) || !/::?(before|after)/i.test(rule.selectorText)) continue;
    const style = rule.style;
    if (!PICTURE.test(style.getPropertyValue('content')) && !PICTURE.test(style.getPropertyValue('background-image')) && !PICTURE.test(style.getPropertyValue('background'))) continue;
    for (const part of splitSelectorList(rule.selectorText)) {
      if (!/::?(before|after)\s*$/i.test(part)) continue;
      const host = part.replace(/::?(before|after)\s*$/i, '').trim();
      into.push(host || '*');
    }
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
