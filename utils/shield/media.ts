/**
 * What counts as media on a page, and how Gauze marks it. The stylesheet (public/shield/cover.css)
 * covers all of it before first paint; these helpers let the script find, describe and reveal it.
 */
export type MediaKind = 'image' | 'video' | 'audio' | 'canvas' | 'embed' | 'frame' | 'background';

export const ATTR = {
  ok: 'data-gauze-ok',
  view: 'data-gauze-view',
  background: 'data-gauze-bg',
  frame: 'data-gauze-frame',
  /** Set by the page-world script on every element it attached a shadow root to. */
  host: 'data-gauze-host',
  /** The person marked this item reviewed: a quiet mark on its cover. */
  reviewed: 'data-gauze-reviewed',
} as const;

/** Elements the stylesheet covers by their tag (background images are found by style). */
export const MEDIA_SELECTOR = 'img, video, canvas, input[type="image" i], embed, object, iframe, frame, image, feImage';
export const SOUND_SELECTOR = 'video, audio';

export function mediaKind(element: Element): MediaKind | null {
  switch (element.localName) {
    case 'img':
    case 'image':
    case 'feimage':
    case 'feImage':
      return 'image';
    case 'input':
      return (element as HTMLInputElement).type === 'image' ? 'image' : null;
    case 'video':
      return 'video';
    case 'audio':
      return 'audio';
    case 'canvas':
      return 'canvas';
    case 'embed':
    case 'object':
      return 'embed';
    case 'iframe':
    case 'frame':
      return 'frame';
    case 'svg':
      // An SVG picture opened as the page itself; inline SVG in a page is drawing, not media.
      return element === element.ownerDocument.documentElement ? 'image' : null;
    default:
      return element.hasAttribute(ATTR.background) ? 'background' : null;
  }
}

/** Is this element's picture hidden by the stylesheet right now? */
export function isCovered(element: Element): boolean {
  if (element.hasAttribute(ATTR.ok) || element.getAttribute(ATTR.view) === 'full') return false;
  if (element.getAttribute(ATTR.frame) === 'inner') return false;
  return mediaKind(element) !== null && mediaKind(element) !== 'audio';
}

/** The address of the media an element shows, when it has one worth remembering. */
export function mediaAddress(element: Element): string | null {
  let url = '';
  // The DOM already resolves these to absolute addresses: no parsing needed on the hot path.
  if (element instanceof HTMLImageElement) url = element.currentSrc || element.src;
  else if (element instanceof HTMLVideoElement) url = element.currentSrc || element.src || element.poster;
  else if (element instanceof HTMLInputElement) url = element.src;
  if (url) return url.startsWith('http:') || url.startsWith('https:') ? url.slice(0, 2048) : null;
  if (element.localName === 'image') url = element.getAttribute('href') ?? element.getAttribute('xlink:href') ?? '';
  // Inline backgrounds only: the cover stylesheet hides the computed one.
  else if (element instanceof HTMLElement && element.hasAttribute(ATTR.background)) url = /url\(["']?([^"')]+)["']?\)/.exec(element.style.backgroundImage)?.[1] ?? '';
  if (!url) return null;
  try {
    const parsed = new URL(url, element.ownerDocument.baseURI);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href.slice(0, 2048) : null;
  } catch {
    return null;
  }
}
