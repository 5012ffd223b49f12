import type { PartContext } from './part';

/**
 * A panel of Gauze's own in the page (the viewer, the storyboard): a host element whose content
 * is in a closed shadow root (the page can neither style nor script it), with its stylesheet and a
 * labelled dialog box in the person's language and direction. The caller fills the box, puts the
 * host in the page and registers it in `context.ui`.
 */
export function gauzePanel(context: PartContext, { tag, className, css, label, modal = false }: { tag: string; className: string; css: string; label: string; modal?: boolean }) {
  const { doc, env } = context;
  const texts = context.texts();
  const host = doc.createElement(tag);
  const root = host.attachShadow({ mode: env.uiShadowMode ?? 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  const box = doc.createElement('div');
  box.className = className;
  box.setAttribute('role', 'dialog');
  if (modal) box.setAttribute('aria-modal', 'true');
  box.setAttribute('aria-label', label);
  if (texts) {
    box.lang = texts.lang;
    box.dir = texts.dir;
  }
  root.append(style);
  return { host, root, box };
}

/**
 * Where Gauze's own element for an item goes: into the page's open modal dialog, popover or
 * fullscreen element that holds the item (the innermost), else at the end of the document. Those
 * are in the top layer, painted over the rest of the page, and a modal dialog makes everything
 * outside it inert: a card or viewer outside would be hidden behind it and take no clicks.
 */
export function uiParentFor(doc: Document, element: Element): Element | Document {
  for (let at = composedParent(element); at; at = composedParent(at)) if (inTopLayer(at)) return plain(at) ? at : (doc.documentElement ?? doc);
  return doc.documentElement ?? doc;
}

/**
 * Nothing on the element or above it changes how Gauze's element inside it would look: no filter,
 * mask, clip, blending, fading or scaling (a translation is fine: the card is placed for it). A
 * page could otherwise draw Gauze's card invisible yet clickable, or scaled over the item; there
 * it stays out of the layer (not clickable under a modal dialog: the keys still work).
 */
function plain(element: Element): boolean {
  for (let at: Element | null = element; at; at = composedParent(at)) {
    const style = getComputedStyle(at);
    const transform = style.transform;
    if (transform !== 'none' && !/^matrix\(1, 0, 0, 1, [^,]+, [^,]+\)$/.test(transform)) return false;
    if (style.scale !== 'none' || style.rotate !== 'none') return false;
    if (style.filter !== 'none' || style.clipPath !== 'none' || style.mixBlendMode !== 'normal' || Number.parseFloat(style.opacity) < 1) return false;
    const mask = style.maskImage || style.getPropertyValue('-webkit-mask-image');
    if (mask && mask !== 'none') return false;
    const zoom = style.getPropertyValue('zoom');
    if (zoom && zoom !== '1' && zoom !== 'normal') return false;
  }
  return true;
}

const TOP_LAYER = [':modal', ':popover-open', ':fullscreen'];
function inTopLayer(element: Element): boolean {
  return TOP_LAYER.some((selector) => {
    try {
      return element.matches(selector);
    } catch {
      return false; // (a browser that does not know the selector has no such layer)
    }
  });
}

function composedParent(element: Element): Element | null {
  return element.parentElement ?? ((element.parentNode as ShadowRoot | null)?.host ?? null);
}

/**
 * Calls `closed` when the page's dialog, popover or fullscreen element that `parent` is closes:
 * Gauze's panel in it is no longer seen, so it must not stay open (a video it holds playing).
 */
export function whenLayerCloses(doc: Document, parent: Element | Document, closed: () => void, signal: AbortSignal): void {
  if (!(parent instanceof Element) || parent === doc.documentElement) return;
  const check = () => {
    if (!parent.isConnected || !inTopLayer(parent)) closed();
  };
  // (Both after the change: a dialog's close, a popover's toggle, leaving fullscreen.)
  parent.addEventListener('close', check, { signal });
  parent.addEventListener('toggle', check, { signal });
  doc.addEventListener('fullscreenchange', check, { signal });
}
