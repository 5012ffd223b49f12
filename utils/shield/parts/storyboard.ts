import { COVER, MARK, OUTLINE_FILTER } from '../../core/shield/cover-style';
import { furtherView, nextStep, type RevealStep, type RevealView } from '../../core/shield/ladder';
import { fill, type ShieldTexts } from '../../core/shield/texts';
import type { PartContext, ShieldPart } from '../part';
import { visibleAt } from '../visible';
import { outlineFilter } from './outline';
import { gauzePanel, uiParentFor, whenLayerCloses } from '../panel';

/** How many frames a storyboard holds, spread evenly over the video. */
export const STORYBOARD_FRAMES = 12;
/** How long a seek for one frame may take before the storyboard says it cannot show frames. */
const SEEK_MS = 8000;
/** A frame's width in the panel, in CSS pixels (its height follows the video's shape). */
const FRAME_WIDTH = 160;

const STYLE = `
:host { all: initial !important; display: block !important; position: fixed !important; inset: 0 auto auto 0 !important; inline-size: 0 !important; block-size: 0 !important; overflow: visible !important; }
.board {
  position: fixed; z-index: 2147483647; box-sizing: border-box; inset-block-start: 8px; inset-inline-end: 8px;
  inline-size: min(${FRAME_WIDTH * 2 + 72}px, calc(100vw - 16px)); max-block-size: calc(100vh - 16px);
  display: flex; flex-direction: column; gap: 6px; padding: 8px 10px; text-align: start;
  font: 14px/1.45 system-ui, sans-serif; color: #1f2328; background: #f6f5f2;
  border: 1px solid #6b7178; border-radius: 8px; box-shadow: 0 1px 6px #0006;
}
.head { display: flex; gap: 8px; align-items: start; justify-content: space-between; }
h2 { font: inherit; font-weight: 600; margin: 0; }
.hint, .status { color: #4d555e; font-size: 13px; margin: 0; }
.status { font-weight: 600; color: #2f4a61; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, ${FRAME_WIDTH + 2}px); gap: 8px; overflow: auto; padding: 3px; margin: 0; list-style: none; }
.grid li { display: flex; flex-direction: column; gap: 2px; }
.frame { display: flex; flex-direction: column; gap: 2px; padding: 0; background: none; border: 1px solid #6b7178; overflow: hidden; }
canvas { display: block; inline-size: ${FRAME_WIDTH}px; block-size: auto; background: ${COVER.colour}; }
canvas[data-view='blur'] { filter: blur(8px) grayscale(1); }
canvas[data-view='outline'] { filter: url('#${OUTLINE_FILTER}'); }
.time { font-size: 13px; padding: 0 4px; }
button {
  font: inherit; color: inherit; background: #fff; border: 1px solid #6b7178; border-radius: 5px;
  padding: 3px 9px; cursor: pointer; min-block-size: 28px; text-align: start;
}
.go { font-size: 13px; min-block-size: 24px; padding: 1px 6px; }
button:focus-visible { outline: 3px solid #1f6feb; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  .board { color: #e6e6e6; background: #25282d; border-color: #8d939a; }
  .hint { color: #b4bbc3; }
  .status { color: #a9c7e0; }
  button { background: #1b1d21; border-color: #8d939a; }
}
`;

interface Frame {
  time: number;
  step: RevealStep;
  /** The frame as drawn from the video, kept off screen (never in the document, never painted). */
  taken: HTMLCanvasElement | null;
  /** What the person sees: the cover colour, or the taken frame in the step they chose. */
  canvas: HTMLCanvasElement;
  button: HTMLButtonElement;
  label: HTMLElement;
}

/**
 * A video's storyboard: frames taken at even intervals from a covered video, without playing it to
 * the screen, so an investigator finds the moment they need without watching the rest. The person
 * opens it from the video's card (or B); it is Gauze's own panel, in a closed shadow root like the
 * card, opaque, at the inline end of the window (opened by the person's gesture, it may lie over
 * the page until they close it: Escape, or Close).
 *
 * Frames come from the page's own video, held paused, muted and covered: it is sought to each
 * frame's moment and drawn (drawing a cross-origin video taints the canvas, which is allowed;
 * nothing is ever read back), and put back where it was when the storyboard closes. Nothing is
 * loaded a second time, so Gauze makes no request, and a site's streaming player (MediaSource)
 * works too: it fetches what a seek needs, as for its own seeks. A frame is taken only once its
 * place in the panel is in view, one at a time (a long video costs a seek per frame looked for).
 * Each frame is taken into a canvas that is never shown; the frame the person sees is the cover
 * colour until they step it through the same ladder as any item (outline, then full; the
 * settings' steps, and nothing while locked).
 *
 * A video with no frames to take (not loaded yet, a live stream, a seek the player never
 * completes) is said in words. "Go to" moves the page's own video to a frame's moment;
 * it stays paused and covered as it is.
 */
export const storyboard: ShieldPart = {
  id: 'storyboard',
  start(context) {
    const { signal, events } = context;
    let board: Board | null = null;
    events.on('storyboard', (video) => {
      if (context.locked() || !context.texts()) return;
      if (board?.video === video) return board.focus();
      board?.close();
      board = openBoard(context, video, context.texts()!, () => (board = null));
    }, signal);
    events.on('cover-all', () => board?.coverAll(), signal);
    events.on('lock', (lock) => lock && board?.coverAll(), signal);
    events.on('settings', () => board?.coverAll(true), signal);
    signal.addEventListener('abort', () => board?.close(), { once: true });
  },
};

interface Board {
  video: HTMLVideoElement;
  focus(): void;
  close(): void;
  /** Covers every frame (`disallowed`: only those whose step the settings no longer allow). */
  coverAll(disallowed?: boolean): void;
}

function openBoard(context: PartContext, video: HTMLVideoElement, texts: ShieldTexts, closed: () => void): Board {
  const { doc, env } = context;
  /** Ends the board's listeners on its copy of the video (the board closed). */
  const ended = new AbortController();
  const { host, root, box } = gauzePanel(context, { tag: 'cover-storyboard', className: 'board', css: STYLE, label: texts.storyboard.label });
  // (The texts the board was opened with, even if new ones arrive while it is open.)
  box.lang = texts.lang;
  box.dir = texts.dir;
  const head = doc.createElement('div');
  head.className = 'head';
  const heading = doc.createElement('h2');
  heading.textContent = texts.storyboard.label;
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = texts.storyboard.close;
  close.dataset.close = '1';
  head.append(heading, close);
  const hint = doc.createElement('p');
  hint.className = 'hint';
  hint.textContent = texts.storyboard.hint;
  const status = doc.createElement('p');
  status.className = 'status';
  status.setAttribute('role', 'status');
  const grid = doc.createElement('ul');
  grid.className = 'grid';
  // Firefox puts a scrolling box in the tab order: the frames themselves are what Tab reaches.
  grid.tabIndex = -1;
  box.append(head, hint, status, grid);
  const filter = outlineFilter(doc);
  // The cover stylesheet reaches into every shadow root where it is a user sheet (Firefox): Gauze's
  // own drawings are released from it. These canvases show the cover colour themselves until stepped.
  filter.setAttribute(MARK.ok, '');
  root.append(filter, box);
  context.ui.add(host);
  const layer = uiParentFor(doc, video);
  layer.append(host);
  whenLayerCloses(doc, layer, () => board.close(), ended.signal);

  const numbers = new Intl.NumberFormat(texts.lang, { minimumIntegerDigits: 2 });
  const plain = new Intl.NumberFormat(texts.lang);
  const clock = (seconds: number) => {
    const whole = Math.floor(seconds);
    const [h, m, s] = [Math.floor(whole / 3600), Math.floor(whole / 60) % 60, whole % 60];
    return h > 0 ? `${plain.format(h)}:${numbers.format(m)}:${numbers.format(s)}` : `${plain.format(m)}:${numbers.format(s)}`;
  };

  const frames: Frame[] = [];
  const width = FRAME_WIDTH;
  let height = Math.round((FRAME_WIDTH * 9) / 16);
  /** The reveal of this storyboard, recorded once every frame is covered again. */
  let revealedAt: number | null = null;
  let furthest: RevealView | null = null;

  const paint = (frame: Frame) => {
    const canvas = frame.canvas;
    const drawing = canvas.getContext('2d');
    if (!drawing) return;
    if (frame.step === 'cover' || !frame.taken) {
      // The cover first, then the view's filter off: no paint ever shows the frame unfiltered.
      drawing.fillStyle = COVER.colour;
      drawing.fillRect(0, 0, canvas.width, canvas.height);
      delete canvas.dataset.view;
    } else {
      // The view's filter first, then the picture: both in the same paint.
      canvas.dataset.view = frame.step;
      drawing.clearRect(0, 0, canvas.width, canvas.height);
      drawing.drawImage(frame.taken, 0, 0, canvas.width, canvas.height);
    }
    const view = frame.step === 'cover' ? texts.storyboard.covered : texts.steps[frame.step];
    frame.label.textContent = fill(texts.storyboard.frame, clock(frame.time), view);
  };

  const record = () => {
    if (revealedAt === null || frames.some((frame) => frame.step !== 'cover')) return;
    env.send.revealed('video', Math.max(0, Math.round((env.now() - revealedAt) / 1000)), furthest ?? 'outline');
    revealedAt = null;
    furthest = null;
  };
  const setStep = (frame: Frame, step: RevealStep) => {
    if (step !== 'cover' && (context.locked() || !(context.settings().allowedSteps as readonly RevealStep[]).includes(step))) return;
    if (frame.step === step) return;
    frame.step = step;
    if (step !== 'cover') {
      revealedAt ??= env.now();
      furthest = furtherView(furthest, step === 'full' ? 'storyboard' : step);
      // A frame chosen before it was taken is taken next.
      if (!frame.taken) want(frame, true);
    }
    paint(frame);
    record();
  };

  // Frames come from the page's own video, held still and covered: it is sought to each frame's
  // moment and drawn, and put back where it was when the storyboard closes. Nothing is loaded a second time (no request of
  // Gauze's own), and a video the page's player streams (MediaSource) works too: the player
  // fetches what a seek needs, as it does for its own seeks.
  const source = video.currentSrc || video.src;
  if (!video.paused) context.events.emit('set-playing', { media: video, playing: false });
  /** Where the page's video was (or where "Go to" put it): where it goes back to between frames. */
  let home = video.currentTime;
  let sought = false;
  const unavailable = () => {
    status.textContent = texts.storyboard.unavailable;
    observer.disconnect();
    queue.length = 0;
  };
  const goHome = () => {
    if (sought && Math.abs(video.currentTime - home) > 0.001) video.currentTime = home;
    sought = false;
  };

  /** Frames in view and not yet taken, first come first taken; `busy` is being sought now. */
  const queue: Frame[] = [];
  let busy: Frame | null = null;
  const want = (frame: Frame, first = false) => {
    if (frame.taken || frame === busy || (queue.includes(frame) && !first)) return;
    if (queue.includes(frame)) queue.splice(queue.indexOf(frame), 1);
    if (first) queue.unshift(frame);
    else queue.push(frame);
    takeNext();
  };
  const takeNext = () => {
    if (busy || video.readyState < HTMLMediaElement.HAVE_METADATA) return;
    busy = queue.shift() ?? null;
    if (!busy) return;
    sought = true;
    const frame = busy;
    video.currentTime = frame.time;
    // A player that never brings the data for a seek (a stream it stopped): said, not waited on.
    setTimeout(() => {
      if (busy !== frame || ended.signal.aborted) return;
      busy = null;
      unavailable();
      goHome();
    }, SEEK_MS);
  };
  video.addEventListener('seeked', () => {
    const frame = busy;
    // A seek of the page's own (or the way back home) is not a frame.
    if (!frame || Math.abs(video.currentTime - frame.time) > 0.25) return;
    busy = null;
    const taken = doc.createElement('canvas');
    taken.width = width;
    taken.height = height;
    // Drawing a cross-origin video taints this canvas: allowed, and it is never read back.
    taken.getContext('2d')?.drawImage(video, 0, 0, width, height);
    frame.taken = taken;
    if (frame.step !== 'cover') paint(frame);
    takeNext();
  }, { signal: ended.signal });
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const frame = frames.find((each) => each.canvas === entry.target);
      if (entry.isIntersecting && frame) want(frame);
    }
  }, { root: grid });

  const layOut = () => {
    const duration = video.duration;
    if (!Number.isFinite(duration) || duration <= 0) return unavailable();
    status.textContent = '';
    if (video.videoWidth > 0 && video.videoHeight > 0) height = Math.max(1, Math.round((FRAME_WIDTH * video.videoHeight) / video.videoWidth));
    for (let index = 0; index < STORYBOARD_FRAMES; index++) {
      // The middle of each interval: not the first frame (often black), nor past the end.
      const time = ((index + 0.5) * duration) / STORYBOARD_FRAMES;
      const item = doc.createElement('li');
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'frame';
      button.dataset.frame = String(index);
      const canvas = doc.createElement('canvas');
      canvas.setAttribute(MARK.ok, '');
      canvas.width = width;
      canvas.height = height;
      const label = doc.createElement('span');
      label.className = 'time';
      button.append(canvas, label);
      const go = doc.createElement('button');
      go.type = 'button';
      go.className = 'go';
      go.dataset.go = String(index);
      go.textContent = fill(texts.storyboard.goTo, clock(time));
      item.append(button, go);
      grid.append(item);
      const frame: Frame = { time, step: 'cover', taken: null, canvas, button, label: label };
      frames.push(frame);
      paint(frame);
      observer.observe(canvas);
    }
  };
  // The page gives its video another source (a feed reusing the element): these frames are of
  // another video, so the storyboard closes.
  video.addEventListener('loadstart', () => (video.currentSrc || video.src) !== source && board.close(), { signal: ended.signal });
  // A live stream has no duration to spread frames over. A video the page has not loaded yet
  // (preload none) is not loaded by Gauze: the frames come once the page loads it.
  if (video.srcObject) unavailable();
  else if (video.readyState >= HTMLMediaElement.HAVE_METADATA) layOut();
  else {
    status.textContent = texts.storyboard.unavailable;
    video.addEventListener('loadedmetadata', layOut, { once: true, signal: ended.signal });
  }

  const frameOf = (element: Element | null, name: 'frame' | 'go') => {
    const index = element?.closest<HTMLElement>(`[data-${name}]`)?.dataset[name];
    return index === undefined ? null : (frames[Number(index)] ?? null);
  };

  box.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    const target = event.target as Element;
    const button = target.closest('button');
    if (!button) return;
    event.stopPropagation();
    // Only a click on the panel as the person sees it: not through a box the page laid over it.
    const rect = button.getBoundingClientRect();
    const at = event.detail > 0 ? { x: event.clientX, y: event.clientY } : { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    if (!visibleAt(context, host, at.x, at.y)) return;
    if (button.dataset.close) return board.close();
    const frame = frameOf(button, 'frame');
    if (frame) setStep(frame, nextStep(frame.step, context.settings().allowedSteps as readonly RevealStep[]));
    const chosen = frameOf(button, 'go');
    if (chosen) {
      // The page's video goes to that moment, held still and covered as it is.
      if (!video.paused) context.events.emit('set-playing', { media: video, playing: false });
      home = chosen.time;
      if (!busy) {
        sought = false;
        video.currentTime = chosen.time;
      }
      context.events.emit('media-changed', video);
    }
  });
  box.addEventListener('keydown', (event) => {
    // Keys in the panel stay in the panel (they are never a gesture on the page's items).
    event.stopPropagation();
    if (event.key !== 'Escape') return;
    event.preventDefault();
    const frame = frameOf(event.composedPath()[0] as Element, 'frame');
    if (frame && frame.step !== 'cover') setStep(frame, 'cover');
    else board.close();
  });

  const board: Board = {
    video,
    focus: () => close.focus(),
    close() {
      for (const frame of frames) frame.step = 'cover';
      record();
      observer.disconnect();
      ended.abort();
      queue.length = 0;
      // The page's video back where it was (or where "Go to" put it).
      busy = null;
      goHome();
      const hadFocus = doc.activeElement === host;
      host.remove();
      context.ui.delete(host);
      if (hadFocus) video.focus({ preventScroll: true });
      closed();
    },
    coverAll(disallowed = false) {
      const allowed = context.settings().allowedSteps as readonly RevealStep[];
      for (const frame of frames) if (frame.step !== 'cover' && (!disallowed || !allowed.includes(frame.step))) setStep(frame, 'cover');
    },
  };
  board.focus();
  return board;
}
