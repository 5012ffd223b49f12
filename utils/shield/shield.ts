import { MARK } from '../core/shield/cover-style';
import { shieldDefaults, type ShieldSettings } from '../core/shield/defaults';
import { furtherView, nextStep, smallScale, viewOf, type RevealStep } from '../core/shield/ladder';
import { mediaSource } from './media';
import { createEventBus, createItemStore, type Item, type PageLock, type PartContext, type ShieldEnvironment, type ShieldPart } from './part';
import { shieldParts } from './parts';
import type { ShieldTexts } from '../core/shield/texts';

export interface ShieldOptions {
  doc: Document;
  /** Ends every part's work: the content script's context was invalidated, or the site unflagged. */
  signal: AbortSignal;
  env: ShieldEnvironment;
  /** The parts to start (all of them unless a test picks some). */
  parts?: readonly ShieldPart[];
}

/** A step asked for before the background answered is kept this long (a later reveal would surprise). */
const WAITING_MS = 3000;

/**
 * Gauze's script on a flagged page. The stylesheet already covers every item before the first
 * paint; the parts add what a stylesheet cannot. This core keeps the decisions (the item store, the
 * settings, the lock) and the one rule every part goes through to change a step.
 */
export function startShield({ doc, signal, env, parts = shieldParts }: ShieldOptions) {
  const events = createEventBus(env.report);
  const items = createItemStore();
  let settings: ShieldSettings = { ...shieldDefaults };
  let texts: ShieldTexts | null = null;
  // Nothing can be revealed until the background has said which settings and which lock hold (a
  // team policy may forbid the full view; bedtime may lock everything). If it never answers, it
  // stays so: fail closed.
  let lock: PageLock | null = { reason: 'unavailable', until: Number.MAX_SAFE_INTEGER, text: null };
  const roots = new Set<ShadowRoot>();
  /** A deliberate step asked for while the background has not answered yet: taken if it allows. */
  let waiting: { item: Element; at: number } | null = null;

  const locked = () => lock !== null && env.now() < lock.until;

  /** What each element's marks were last drawn as (reading them back costs six attribute reads). */
  const drawn = new WeakMap<Element, string>();
  const mark = (element: Element, force = false) => {
    const item = items.get(element);
    const key = item ? `${item.step}|${item.smallScale}|${+item.harmless}${+item.placeholder}${+item.pseudo}${+item.innerFrame}${+item.reviewed}${+(item.colleague !== null)}` : '';
    if (!force && drawn.get(element) === key) return;
    drawn.set(element, key);
    const want: Record<string, string | null> = {
      [MARK.view]: item && item.step !== 'cover' ? item.step : null,
      [MARK.ok]: item?.harmless ? '' : null,
      [MARK.placeholder]: item?.placeholder ? '' : null,
      [MARK.pseudo]: item?.pseudo ? '' : null,
      [MARK.frame]: item?.innerFrame ? 'inner' : null,
      [MARK.reviewed]: item?.reviewed ? '' : null,
      [MARK.colleague]: item && item.colleague !== null ? '' : null,
      [MARK.size]: item && item.step !== 'cover' && item.smallScale !== null ? String(item.smallScale) : null,
    };
    for (const [name, value] of Object.entries(want)) {
      if (element.getAttribute(name) === value) continue;
      if (value === null) element.removeAttribute(name);
      else element.setAttribute(name, value);
    }
  };

  const allowed = () => settings.allowedSteps as readonly RevealStep[];

  /**
   * The small view: a picture, video or drawing revealed is first painted no larger than the
   * small-view size (docs/evidence.md), measured as painted when it leaves the cover (before any
   * scale of Gauze's). Enlarging is a further deliberate step; covering forgets it.
   */
  const SMALL_KINDS = new Set(['image', 'video', 'canvas']);
  const sizeFor = (element: Element, item: Item, step: RevealStep) => {
    if (step === 'cover') {
      // Next time it opens small again. (Its furthest view stays until the reveal is recorded.)
      item.enlarged = false;
      item.smallScale = null;
      return;
    }
    const small = settings.smallViewPixels > 0 && SMALL_KINDS.has(item.kind);
    if (item.step === 'cover') {
      item.furthest = null;
      const painted = element.getBoundingClientRect();
      item.smallScale = small ? smallScale(painted.width, painted.height, settings.smallViewPixels) : null;
    }
    item.furthest = furtherView(item.furthest, viewOf(step, small && !item.enlarged));
  };

  function setStep(element: Element, asked: RevealStep | 'next'): void {
    const item: Item | undefined = items.get(element);
    if (!item || item.harmless) return;
    if (asked === 'next' && lock?.reason === 'unavailable' && locked()) waiting = { item: element, at: env.now() };
    const step = asked === 'next' ? nextStep(item.step, allowed()) : asked;
    if (step !== 'cover' && (locked() || !allowed().includes(step))) return;
    // The picture this step is for: a new one (a feed reusing the element) starts covered.
    if (item.step === 'cover' && step !== 'cover' && item.kind !== 'background' && item.kind !== 'frame') item.source = mediaSource(element);
    if (item.step === step) return;
    sizeFor(element, item, step);
    const before = items.setStep(element, step, env.now());
    mark(element);
    events.emit('step', { item: element, step, before });
  }

  function setEnlarged(element: Element, enlarged: boolean): void {
    const item = items.get(element);
    if (!item || item.step === 'cover' || item.enlarged === enlarged || !SMALL_KINDS.has(item.kind)) return;
    item.enlarged = enlarged;
    // Made small again: measured as painted now, at its own size (enlarged, it has no scale of Gauze's).
    const painted = element.getBoundingClientRect();
    item.smallScale = enlarged ? null : smallScale(painted.width, painted.height, settings.smallViewPixels);
    item.furthest = furtherView(item.furthest, viewOf(item.step, !enlarged));
    mark(element);
    events.emit('size', element);
  }

  let looking: Element | null = null;
  const ui = new Set<Element>();
  const context: PartContext = {
    doc,
    signal,
    env,
    events,
    items,
    settings: () => settings,
    texts: () => texts,
    lock: () => (locked() ? lock : null),
    locked,
    scopes: () => [doc, ...roots],
    mark,
    setStep,
    setEnlarged,
    looking: () => looking,
    ui,
    isGauze: (node) => {
      for (let at: Node | null = node; at; at = (at.getRootNode() as ShadowRoot).host ?? null) {
        if (at instanceof Element && ui.has(at)) return true;
        if (at.getRootNode() === at) break;
      }
      return false;
    },
    fromGauze: (event) => event.composedPath().some((node) => node instanceof Element && ui.has(node)),
  };
  events.on('root', (root) => roots.add(root), signal);
  events.on('looking', (element) => (looking = element), signal);
  events.on('cover-all', () => {
    for (const element of [...items.revealed()]) setStep(element, 'cover');
  }, signal);

  for (const part of parts) {
    try {
      part.start(context);
    } catch (error) {
      env.report(`part ${part.id}`, error);
    }
  }

  return {
    /** The effective settings from the background (the person's, with the team's floors). */
    configure(next: ShieldSettings): void {
      settings = next;
      for (const element of [...items.revealed()]) {
        const step = items.get(element)?.step;
        if (step && step !== 'cover' && !next.allowedSteps.includes(step)) setStep(element, 'cover');
      }
      events.emit('settings', next);
    },
    setTexts(next: ShieldTexts): void {
      texts = next;
      events.emit('texts', null);
    },
    /** The background says a frame of this tab does, or no longer does, show a protected document. */
    frameState(frameId: number, inner: boolean): void {
      events.emit('frame-state', { frameId, inner });
    },
    /** Locks reveals until a time (covering everything now), or lifts the lock (null). */
    setLock(next: PageLock | null): void {
      lock = next;
      if (locked()) events.emit('cover-all', null);
      events.emit('lock', locked() ? lock : null);
      const asked = waiting;
      waiting = null;
      if (asked && !locked() && asked.item.isConnected && env.now() - asked.at < WAITING_MS && items.get(asked.item)?.step === 'cover') setStep(asked.item, 'next');
    },
    /** Whether the person keeps notes at all (if not, none are looked up). */
    setNotesWanted(wanted: boolean): void {
      events.emit('notes-wanted', wanted);
    },
    /** Panic, a break or bedtime: every revealed item covered again and every sound off. */
    coverAll(): void {
      waiting = null;
      events.emit('cover-all', null);
    },
    /** "Reveal all on this page", from the popup only: every item to the last allowed step. */
    revealAll(): void {
      const last = allowed().at(-1);
      if (!last) return;
      for (const scope of [doc, ...roots])
        for (const element of scope.querySelectorAll('*')) {
          const item = items.get(element);
          if (item && !item.harmless && item.kind !== 'audio' && !item.innerFrame) setStep(element, last);
        }
    },
    events,
    items,
  };
}

export type Shield = ReturnType<typeof startShield>;
