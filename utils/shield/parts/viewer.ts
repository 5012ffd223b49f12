import { COVER, MARK, OUTLINE_FILTER } from '../../core/shield/cover-style';
import { furtherView, type RevealView } from '../../core/shield/ladder';
import { describeMedia } from '../label';
import { stepFrames, viewable } from '../media';
import type { PartContext, ShieldPart } from '../part';
import { gauzePanel, uiParentFor, whenLayerCloses } from '../panel';
import { visibleAt } from '../visible';
import { outlineFilter } from './outline';

const STYLE = `
:host { all: initial !important; display: block !important; position: fixed !important; inset: 0 auto auto 0 !important; inline-size: 0 !important; block-size: 0 !important; overflow: visible !important; }
.viewer {
  position: fixed; z-index: 2147483647; inset-block-start: 50%; inset-inline-start: 50%; translate: -50% -50%;
  box-sizing: border-box; max-inline-size: calc(100vw - 16px); max-block-size: calc(100vh - 16px); overflow: auto;
  font: 14px/1.45 system-ui, sans-serif; color: #1f2328; background: #f6f5f2;
  border: 1px solid #6b7178; border-radius: 8px; padding: 10px 12px; box-shadow: 0 2px 12px #0006;
  display: flex; flex-direction: column; gap: 8px; text-align: start;
}
.viewer[dir='rtl'] { translate: 50% -50%; }
.head { display: flex; gap: 8px; align-items: baseline; justify-content: space-between; }
.label { font-weight: 600; overflow-wrap: anywhere; }
.row { display: flex; flex-wrap: wrap; gap: 4px; }
.body { display: flex; flex-wrap: wrap; gap: 10px; align-items: flex-start; }
canvas { display: block; max-inline-size: 100%; background: ${COVER.colour}; }
.note { max-inline-size: 16rem; color: #4d555e; font-style: italic; white-space: pre-wrap; overflow-wrap: anywhere; }
.hint { color: #4d555e; margin: 0; }
button {
  font: inherit; color: inherit; background: #fff; border: 1px solid #6b7178; border-radius: 5px;
  padding: 3px 9px; cursor: pointer; min-block-size: 28px;
}
button[aria-pressed='true'] { background: #2f4a61; color: #fff; border-color: #2f4a61; }
button:disabled { opacity: 0.55; cursor: default; }
button:focus-visible { outline: 3px solid #1f6feb; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  .viewer { color: #e6e6e6; background: #25282d; border-color: #8d939a; }
  .note, .hint { color: #b4bbc3; }
  button { background: #1b1d21; border-color: #8d939a; }
  button[aria-pressed='true'] { background: #8fb3d1; color: #0f1720; }
}
`;

type View = 'outline' | 'grey' | 'full';
const ZOOMS = [1, 2, 4, 8] as const;
/** The large view's longest side at most, in CSS pixels (the window may make it smaller). */
const LARGE_PIXELS = 1200;

/**
 * Gauze's viewer for one item, opened from its card (or V): a panel of Gauze's own (a closed shadow
 * root, like the card) where the person chooses how to see the picture or the video's current
 * frame: outline, greyscale or full; small or large; mirrored; a region zoomed; their note beside
 * it. Nothing of the picture is painted before a view is chosen. The panel draws the page's own
 * loaded picture into its canvas (a cross-origin picture is drawn for display and never read
 * back), so it asks nothing of the network and needs no page of the extension's own that a web
 * page could load. The item on the page stays as it was (covered or not).
 */
export const viewer: ShieldPart = {
  id: 'viewer',
  start(context) {
    const { doc, signal, events, items } = context;
    let open: { element: Element; host: HTMLElement; close(record: boolean): void } | null = null;

    const close = () => open?.close(true);
    events.on('open-viewer', (element) => {
      close();
      const texts = context.texts();
      const item = items.get(element);
      if (!texts || !item || context.locked() || !viewable(element)) return;
      open = openViewer(context, element, () => (open = null));
    }, signal);
    events.on('cover-all', close, signal);
    events.on('lock', (lock) => lock && close(), signal);
    events.on('settings', close, signal);
    signal.addEventListener('abort', close, { once: true });
  },
};

function sizeOf(source: HTMLImageElement | HTMLVideoElement | HTMLCanvasElement): { width: number; height: number } {
  if (source instanceof HTMLImageElement) return { width: source.naturalWidth, height: source.naturalHeight };
  if (source instanceof HTMLVideoElement) return source.readyState >= 2 ? { width: source.videoWidth, height: source.videoHeight } : { width: 0, height: 0 };
  return { width: source.width, height: source.height };
}

function openViewer(context: PartContext, element: HTMLImageElement | HTMLVideoElement | HTMLCanvasElement, closed: () => void) {
  const { doc, items, env } = context;
  const texts = context.texts()!;
  const item = items.get(element)!;
  const settings = context.settings();
  const views: View[] = [...(settings.allowedSteps.includes('outline') ? (['outline'] as const) : []), ...(settings.allowedSteps.includes('full') ? (['grey', 'full'] as const) : [])];
  const state = { view: null as View | null, large: false, mirror: false, zoom: 0, x: 0.5, y: 0.5, furthest: null as RevealView | null, since: env.now() };

  const { host, root, box } = gauzePanel(context, { tag: 'cover-viewer', className: 'viewer', css: STYLE, label: texts.viewer.title, modal: true });
  const canvas = doc.createElement('canvas');
  // Gauze's own drawing, which the cover stylesheet must not take for a page's picture.
  canvas.setAttribute(MARK.ok, '');
  const description = describeMedia(element, item.kind);
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', description.text ?? texts.kinds[item.kind]);
  const hint = doc.createElement('p');
  hint.className = 'hint';
  hint.setAttribute('role', 'status');
  root.append(outlineFilter(doc), box);
  context.ui.add(host);

  const button = (text: string, data: string, pressed?: boolean, disabled = false) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.dataset.act = data;
    if (pressed !== undefined) b.setAttribute('aria-pressed', String(pressed));
    b.disabled = disabled;
    return b;
  };
  const row = (...children: HTMLElement[]) => {
    const div = doc.createElement('div');
    div.className = 'row';
    div.append(...children);
    return div;
  };

  const draw = () => {
    const source = sizeOf(element);
    const limit = state.large ? Math.min(LARGE_PIXELS, innerWidth - 60, innerHeight - 200) : settings.smallViewPixels > 0 ? settings.smallViewPixels : 320;
    const scale = source.width && source.height ? Math.min(1, Math.max(limit, 80) / Math.max(source.width, source.height)) : 0;
    const width = Math.max(Math.round(source.width * scale), 1);
    const height = Math.max(Math.round(source.height * scale), 1);
    // The filter first, in the same frame as the drawing: the picture is never painted unfiltered.
    canvas.style.filter = state.view === 'outline' ? `url(#${OUTLINE_FILTER})` : state.view === 'grey' ? 'grayscale(1)' : 'none';
    canvas.width = width;
    canvas.height = height;
    const g = canvas.getContext('2d');
    if (!g) return;
    g.fillStyle = COVER.colour;
    g.fillRect(0, 0, width, height);
    hint.textContent = !scale ? texts.viewer.notLoaded : state.view ? '' : texts.viewer.choose;
    if (!state.view || !scale) return;
    const zoom = ZOOMS[state.zoom]!;
    const sw = source.width / zoom;
    const sh = source.height / zoom;
    const sx = Math.min(Math.max(state.x * source.width - sw / 2, 0), source.width - sw);
    const sy = Math.min(Math.max(state.y * source.height - sh / 2, 0), source.height - sh);
    g.save();
    if (state.mirror) {
      g.translate(width, 0);
      g.scale(-1, 1);
    }
    g.drawImage(element, sx, sy, sw, sh, 0, 0, width, height);
    g.restore();
    const seen: RevealView = state.view === 'outline' ? 'outline' : state.large ? 'full' : 'small';
    state.furthest = furtherView(state.furthest, seen);
  };

  const render = () => {
    const focused = (root.activeElement as HTMLElement | null)?.dataset.act;
    const head = doc.createElement('div');
    head.className = 'head';
    const label = doc.createElement('span');
    label.className = 'label';
    label.textContent = description.text ?? texts.kinds[item.kind];
    head.append(label, button(texts.viewer.close, 'close'));
    const viewRow = row(...views.map((view) => button(view === 'outline' ? texts.steps.outline : view === 'grey' ? texts.viewer.grey : texts.steps.full, `view:${view}`, state.view === view)));
    const chosen = state.view === null;
    const tools = row(
      ...(element instanceof HTMLVideoElement ? [button(element.paused ? texts.play : texts.pause, element.paused ? 'play' : 'pause', undefined, chosen)] : []),
      button(texts.viewer.small, 'small', !state.large, chosen),
      button(texts.viewer.large, 'large', state.large, chosen),
      button(texts.viewer.mirror, 'mirror', state.mirror, chosen),
      button(texts.viewer.zoomIn, 'zoom-in', undefined, chosen || state.zoom === ZOOMS.length - 1),
      button(texts.viewer.zoomOut, 'zoom-out', undefined, chosen || state.zoom === 0),
    );
    const body = doc.createElement('div');
    body.className = 'body';
    body.append(canvas);
    if (item.note) {
      const note = doc.createElement('aside');
      note.className = 'note';
      note.textContent = item.note;
      body.append(note);
    }
    box.replaceChildren(head, viewRow, tools, hint, body);
    draw();
    (root.querySelector<HTMLElement>(`[data-act="${focused ?? ''}"]:not(:disabled)`) ?? root.querySelector<HTMLElement>('[data-act^="view:"]') ?? root.querySelector<HTMLElement>('[data-act]'))?.focus();
  };

  box.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    event.stopPropagation();
    if (event.target === canvas) return zoomAt(event);
    const target = (event.target as Element).closest('button');
    if (!target || target.disabled) return;
    // Only a click on the panel as the person sees it (not through a box the page laid over it).
    const rect = target.getBoundingClientRect();
    const at = event.detail > 0 ? { x: event.clientX, y: event.clientY } : { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    if (!visibleAt(context, host, at.x, at.y)) return;
    act(target.dataset.act ?? '');
  });
  /** Zoom to a region: a click on the picture centres the next zoom there. */
  const zoomAt = (event: MouseEvent) => {
    if (!state.view || !visibleAt(context, host, event.clientX, event.clientY)) return;
    const rect = canvas.getBoundingClientRect();
    const zoom = ZOOMS[state.zoom]!;
    const fx = (event.clientX - rect.left) / rect.width;
    const fy = (event.clientY - rect.top) / rect.height;
    state.x = Math.min(Math.max(state.x + ((state.mirror ? 1 - fx : fx) - 0.5) / zoom, 0), 1);
    state.y = Math.min(Math.max(state.y + (fy - 0.5) / zoom, 0), 1);
    state.zoom = Math.min(state.zoom + 1, ZOOMS.length - 1);
    render();
  };
  box.addEventListener('keydown', (event) => {
    // Keys in the panel are the panel's: the page and the card's keys never see them.
    event.stopPropagation();
    if (!event.isTrusted) return;
    if (event.key === 'Escape') return close(true);
    // Zoomed in, the arrows move over the picture as it is shown (mirrored too).
    const move = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[event.key];
    if (state.view && state.zoom > 0 && move) {
      event.preventDefault();
      const step = 0.1 / ZOOMS[state.zoom]!;
      state.x = Math.min(Math.max(state.x + move[0]! * step * (state.mirror ? -1 : 1), 0), 1);
      state.y = Math.min(Math.max(state.y + move[1]! * step, 0), 1);
      draw();
    } else if (state.view && element instanceof HTMLVideoElement && move && move[0] !== 0) {
      // Not zoomed in, a video's frames: one back or on, held still (as on the page).
      event.preventDefault();
      if (!element.paused) context.events.emit('set-playing', { media: element, playing: false });
      stepFrames(element, move[0]!);
      element.addEventListener('seeked', () => host.isConnected && render(), { once: true });
    }
  });
  const act = (what: string) => {
    if (what === 'close') return close(true);
    if (context.locked()) return close(true);
    if (what.startsWith('view:')) {
      state.view = what.slice(5) as View;
      item.viewing = true;
    }
    else if (what === 'small' || what === 'large') state.large = what === 'large';
    else if (what === 'mirror') state.mirror = !state.mirror;
    else if (what === 'zoom-in') state.zoom = Math.min(state.zoom + 1, ZOOMS.length - 1);
    else if (what === 'zoom-out') state.zoom = Math.max(state.zoom - 1, 0);
    else if (element instanceof HTMLVideoElement && (what === 'play' || what === 'pause')) {
      // The page's own video plays (its sound as the person left it), drawn here in the chosen view.
      item.viewing = true;
      context.events.emit('set-playing', { media: element, playing: what === 'play' });
      if (what === 'play') follow(element);
    }
    render();
  };

  /** Draws each new frame of the playing video in the chosen view, until it pauses or the panel closes. */
  const follow = (video: HTMLVideoElement) => {
    const next = () => {
      if (!host.isConnected || video.paused) return render();
      draw();
      if ('requestVideoFrameCallback' in video) video.requestVideoFrameCallback(next);
      else requestAnimationFrame(next);
    };
    next();
  };

  const layerWatch = new AbortController();
  function close(record: boolean): void {
    if (!host.isConnected && !context.ui.has(host)) return;
    layerWatch.abort();
    host.remove();
    context.ui.delete(host);
    closed();
    item.viewing = false;
    if (element instanceof HTMLVideoElement && item.step === 'cover' && !element.paused) context.events.emit('set-playing', { media: element, playing: false });
    if (record && state.furthest && item.kind !== 'audio') env.send.revealed(item.kind, Math.max(0, Math.round((env.now() - state.since) / 1000)), state.furthest);
    (element as HTMLElement).focus?.({ preventScroll: true });
  }

  const layer = uiParentFor(doc, element);
  layer.append(host);
  whenLayerCloses(doc, layer, () => close(true), layerWatch.signal);
  render();
  return { element, host, close };
}
