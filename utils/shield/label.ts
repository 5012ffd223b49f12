import type { MediaKind } from './media';

export interface MediaDescription {
  /** Words from the page about the item: alt text, caption, title or a readable file name. */
  text: string | null;
  width: number;
  height: number;
}

const MAX_TEXT = 140;

/**
 * A calm, factual description of a covered item from what the page itself says about it. Warning
 * screens raise anxiety; a plain label lets a person decide whether to look (docs/evidence.md).
 */
export function describeMedia(element: Element, kind: MediaKind): MediaDescription {
  const text =
    attribute(element, 'alt') ??
    attribute(element, 'aria-label') ??
    labelledBy(element) ??
    attribute(element, 'title') ??
    caption(element) ??
    fileName(element, kind);
  const { width, height } = size(element);
  return { text: text ? clip(text) : null, width, height };
}

function attribute(element: Element, name: string): string | null {
  const value = element.getAttribute(name)?.trim();
  return value ? value : null;
}

function labelledBy(element: Element): string | null {
  const ids = element.getAttribute('aria-labelledby')?.split(/\s+/).filter(Boolean) ?? [];
  const text = ids.map((id) => element.ownerDocument.getElementById(id)?.textContent?.trim() ?? '').join(' ').trim();
  return text || null;
}

function caption(element: Element): string | null {
  const text = element.closest('figure')?.querySelector('figcaption')?.textContent?.trim();
  return text || null;
}

/** A file name a person can read ("autopsy-room-2.jpg"), not a hash ("a8F3kQ0z9.jpg"). */
export function readableFileName(url: string): string | null {
  let name: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return null;
    name = decodeURIComponent(parsed.pathname.split('/').pop() ?? '');
  } catch {
    return null;
  }
  if (!name || name.length > 80) return null;
  const stem = name.replace(/\.[a-z0-9]{2,5}$/i, '');
  const words = stem.split(/[-_ .]+/).filter(Boolean);
  const looksRandom = words.length < 2 && (/\d.*[a-z]|[a-z].*\d/i.test(stem) || stem.length > 24) && !/^[a-z]+$/i.test(stem);
  return looksRandom ? null : name;
}

function fileName(element: Element, kind: MediaKind): string | null {
  if (kind === 'canvas' || kind === 'frame') return null;
  const src =
    (element as HTMLImageElement).currentSrc ||
    element.getAttribute('src') ||
    element.getAttribute('href') ||
    element.getAttribute('data') ||
    (element as HTMLVideoElement).poster ||
    '';
  if (!src) return null;
  try {
    return readableFileName(new URL(src, element.ownerDocument.baseURI).href);
  } catch {
    return null;
  }
}

function size(element: Element): { width: number; height: number } {
  if (element instanceof HTMLImageElement && element.naturalWidth) return { width: element.naturalWidth, height: element.naturalHeight };
  if (element instanceof HTMLVideoElement && element.videoWidth) return { width: element.videoWidth, height: element.videoHeight };
  const box = element.getBoundingClientRect();
  return { width: Math.round(box.width), height: Math.round(box.height) };
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 1)}…` : flat;
}
