/**
 * What counts as media on a page. The stylesheet (utils/core/shield/cover-style.ts) covers all of it
 * before the first paint; these helpers let the script find, describe and follow it.
 */
import type { MediaKind } from '../core/shield/kinds';

export type { MediaKind };

/** Elements that are media by their tag (background pictures are found by computed style). */
export const MEDIA_SELECTOR = 'img, video, audio, canvas, input[type="image" i], embed, object, iframe, frame, svg';

export function mediaKind(element: Element): MediaKind | null {
  switch (element.localName) {
    case 'img':
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
      // A drawing, or an SVG picture opened as the page itself; one inside another drawing is
      // part of it.
      return element.namespaceURI === SVG_NS && !element.parentElement?.closest('svg') ? 'image' : null;
    default:
      return null;
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg'; // allowed-url: the SVG namespace name, never fetched

/**
 * What an item shows now, as one string: an item is an element and its current picture, so a new
 * picture (feeds and virtual lists reuse elements) starts covered. Read from the attributes that
 * name the picture, not from what the browser picked among them (currentSrc changes with the
 * window's size and when loading ends): no layout, no style.
 */
export function mediaSource(element: Element, background = ''): string {
  if (element instanceof HTMLImageElement) {
    const picture = element.parentElement?.localName === 'picture' ? sourcesOf(element.parentElement) : '';
    return `${element.src}|${element.getAttribute('srcset') ?? ''}|${picture}`;
  }
  if (element instanceof HTMLVideoElement || element instanceof HTMLAudioElement) {
    const poster = element instanceof HTMLVideoElement ? element.poster : '';
    return `${element.src}|${poster}|${sourcesOf(element)}`;
  }
  if (element instanceof HTMLInputElement) return element.src;
  if (element instanceof HTMLObjectElement) return element.data;
  if (element instanceof HTMLEmbedElement) return element.src;
  return background;
}

function sourcesOf(parent: Element): string {
  let text = '';
  for (const child of parent.children) if (child.localName === 'source') text += `${child.getAttribute('src') ?? ''} ${child.getAttribute('srcset') ?? ''};`;
  return text;
}

/** The attributes that name an item's picture: a change means a new picture. */
export const SOURCE_ATTRIBUTES = ['src', 'srcset', 'poster', 'data', 'href'];

/** The address of the media an element shows, when it has one worth remembering (notes). */
export function mediaAddress(element: Element, background = ''): string | null {
  let url = '';
  // The DOM already resolves these to absolute addresses: no parsing needed on the hot path.
  if (element instanceof HTMLImageElement) url = element.currentSrc || element.src;
  else if (element instanceof HTMLVideoElement) url = element.currentSrc || element.src || element.poster;
  else if (element instanceof HTMLInputElement) url = element.src;
  if (url) return keepable(url) ? url.slice(0, 2048) : null;
  url = /url\(["']?([^"')]+)["']?\)/.exec(background)?.[1] ?? '';
  if (!url) return null;
  try {
    const parsed = new URL(url, element.ownerDocument.baseURI);
    return keepable(parsed.href) ? parsed.href.slice(0, 2048) : null;
  } catch {
    return null;
  }
}

/** Web addresses, and Gauze's own pictures (the demo case file; web pages never show those). */
const keepable = (url: string) => /^(https?|chrome-extension|moz-extension):/.test(url);

/** The address notes are kept under for an item: its picture's, for a background its url(). */
export function itemAddress(element: Element, item: { kind: MediaKind; source: string }): string | null {
  return mediaAddress(element, item.kind === 'background' ? item.source : '');
}

/** Items Gauze's viewer can show (utils/shield/parts/viewer.ts): pictures, a video's frame, a canvas. */
export function viewable(element: Element): element is HTMLImageElement | HTMLVideoElement | HTMLCanvasElement {
  return element instanceof HTMLImageElement || element instanceof HTMLVideoElement || element instanceof HTMLCanvasElement;
}

/** One frame of a video (a page cannot learn its frame rate; most video is 25 or 30 a second). */
const FRAME_SECONDS = 1 / 30;

/** Moves a video some frames back (negative) or on, within its length (the arrow keys). */
export function stepFrames(video: HTMLVideoElement, frames: number): void {
  const end = Number.isFinite(video.duration) ? video.duration : Infinity;
  video.currentTime = Math.min(Math.max(video.currentTime + frames * FRAME_SECONDS, 0), end);
}
