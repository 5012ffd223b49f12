import { MARK } from '../core/shield/cover-style';
import type { PartContext } from './part';

/**
 * Whether a person can see an element at a point: the test a gesture passes before it counts.
 *
 * A page can draw its own button over a covered item and make that button let clicks through
 * (`pointer-events: none`), so the person's click meant for the button lands on the item; it can
 * lay an opaque box over the item while the person holds P, or over Gauze's card. Hit testing
 * skips such boxes, so for a moment the cover stylesheet makes every element of the page hit-testable
 * (the MARK.probe rule, in the user sheet no page rule outranks), and every element stacked above
 * the target at the point is asked whether it paints there: a picture, a control, text, a border,
 * a background that is at least half opaque. Boxes that paint nothing (the transparent link layers
 * many sites lay over their pictures) do not hide anything; nor does the target's own content (the
 * text inside a box whose background picture is the item). The target itself must be at the point
 * and not faded out.
 *
 * The probe rule matches nothing inside shadow trees, so for the moment of the check every shadow
 * root Gauze found also gets a sheet that makes everything in that tree hit-testable: a page's box
 * inside its own custom element (closed root, no box of its own) is found as well.
 */
export function visibleAt(context: PartContext, target: Element, x: number, y: number): boolean {
  if (!Number.isFinite(x) || !Number.isFinite(y) || x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
  if (opacityOf(target) < 0.5) return false;
  const root = context.doc.documentElement;
  if (!root) return false;
  root.setAttribute(MARK.probe, '');
  const restore = probeShadowTrees();
  try {
    return clearAbove(context, context.doc, target, x, y, 0);
  } finally {
    root.removeAttribute(MARK.probe);
    restore();
  }
}

/**
 * The probe in shadow trees: a sheet added to each root Gauze found for the moment of the check
 * and taken away after it, so the page never holds it (a sheet left in a root's list could be
 * read, disabled or rewritten by the page). A layer of its own outranks the tree's unlayered
 * `!important` rules, as the cover does.
 */
const PROBE_RULE = '@layer probe { * { pointer-events: auto !important; } }';
let probeSheet: CSSStyleSheet | null = null;
const probed = new Set<WeakRef<ShadowRoot>>();

/** A shadow root the probe must reach. Called for every root Gauze finds. */
export function probeRoot(root: ShadowRoot): void {
  probed.add(new WeakRef(root));
}

/** Adds the probe to every shadow root in the page; returns what puts their sheets back. */
function probeShadowTrees(): () => void {
  const restore: Array<[ShadowRoot, CSSStyleSheet[]]> = [];
  try {
    if (probed.size && !probeSheet) {
      probeSheet = new CSSStyleSheet();
      probeSheet.replaceSync(PROBE_RULE);
    }
    for (const reference of probed) {
      const root = reference.deref();
      if (!root) probed.delete(reference);
      else if (root.host.isConnected) {
        // (A copy: the list read is live, and would hold the probe once it is added.)
        const sheets = [...root.adoptedStyleSheets];
        root.adoptedStyleSheets = [...sheets, probeSheet!];
        restore.push([root, sheets]);
      }
    }
  } catch {
    // (Firefox before 153 refuses a content script's sheet: a box in a shadow tree is then not
    // found, and the gesture is judged as before.)
  }
  return () => {
    for (const [root, sheets] of restore) {
      try {
        root.adoptedStyleSheets = sheets;
      } catch {
        // (As above.)
      }
    }
  };
}

/** Whether an element can be seen at its middle (a keyboard gesture: it has the focus ring there). */
export function visibleAtMiddle(context: PartContext, target: Element): boolean {
  const rect = target.getBoundingClientRect();
  if (rect.width < 1 || rect.height < 1) return false;
  // The middle of the part of it that is on screen.
  const left = Math.max(rect.left, 0);
  const right = Math.min(rect.right, innerWidth);
  const top = Math.max(rect.top, 0);
  const bottom = Math.min(rect.bottom, innerHeight);
  if (right - left < 1 || bottom - top < 1) return false;
  return visibleAt(context, target, (left + right) / 2, (top + bottom) / 2);
}

/** Nothing that paints is stacked above the target at the point, in this tree or the shadow trees it is in. */
function clearAbove(context: PartContext, scope: Document | ShadowRoot, target: Element, x: number, y: number, depth: number): boolean {
  for (const element of scope.elementsFromPoint(x, y)) {
    if (element === target) return true;
    // The target is inside this element's shadow tree: look at the stack in there.
    const inner = depth < 8 ? shadowHolding(context, element, target) : null;
    if (inner) return clearAbove(context, inner, target, x, y, depth + 1);
    // Gauze's own card beside an item, and the item's own content, hide nothing of it.
    if (context.isGauze(element) || target.contains(element)) continue;
    if (paintsAt(element, x, y) || (depth < 8 && paintsInside(context, element, target, x, y, depth + 1))) return false;
  }
  // The target is not at the point at all.
  return false;
}

/**
 * Something in the element's shadow tree (which does not hold the target) paints at the point:
 * the page's box inside a custom element stacked above the target.
 */
function paintsInside(context: PartContext, host: Element, target: Element, x: number, y: number, depth: number): boolean {
  const root = host.shadowRoot ?? context.env.shadowRootOf(host);
  if (!root) return false;
  for (const element of root.elementsFromPoint(x, y)) {
    if (element.getRootNode() !== root) {
      // Down to the target: nothing further is above it.
      if (holds(element, target)) return false;
      continue;
    }
    if (context.isGauze(element)) continue;
    if (paintsAt(element, x, y) || (depth < 8 && paintsInside(context, element, target, x, y, depth + 1))) return true;
  }
  return false;
}

/** The element is the target or holds it, across shadow trees. */
function holds(element: Element, target: Element): boolean {
  for (let node: Node | null = target; node; node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null)) if (node === element) return true;
  return false;
}

function shadowHolding(context: PartContext, element: Element, target: Element): ShadowRoot | null {
  // (Closed declarative roots have no mark on their host: asked of every element above the target.)
  const root = element.shadowRoot ?? context.env.shadowRootOf(element);
  if (!root) return null;
  for (let node: Node = target; ; ) {
    const at = node.getRootNode();
    if (at === root) return root;
    if (!(at instanceof ShadowRoot)) return null;
    node = at.host;
  }
}

const PAINTED = 'img, video, canvas, svg, iframe, embed, object, input, select, textarea, button, meter, progress';

/** Whether an element above the target shows something at the point. */
function paintsAt(element: Element, x: number, y: number): boolean {
  const style = getComputedStyle(element);
  if (style.visibility !== 'visible' || opacityOf(element) < 0.1) return false;
  // SVG shapes are hit only where they are drawn; pictures and controls paint their whole box.
  if (element instanceof SVGElement || element.matches(PAINTED)) return true;
  if (alphaOf(style.backgroundColor) >= 0.5 || opaquePicture(style.backgroundImage)) return true;
  if (inBorder(element, style, x, y)) return true;
  for (const pseudo of ['::before', '::after'] as const) {
    const part = getComputedStyle(element, pseudo);
    if (part.content === 'none' || part.content === 'normal' || part.display === 'none') continue;
    if (alphaOf(part.backgroundColor) >= 0.5 || opaquePicture(part.backgroundImage) || /["']\s*\S/.test(part.content)) return true;
  }
  return alphaOf(style.color) >= 0.5 && textAt(element, x, y);
}

/** The element's opacity with its ancestors' (across shadow trees). */
function opacityOf(element: Element): number {
  let opacity = 1;
  for (let at: Element | null = element; at && opacity >= 0.01; at = at.parentElement ?? ((at.getRootNode() as ShadowRoot).host ?? null)) {
    opacity *= Number.parseFloat(getComputedStyle(at).opacity) || 0;
  }
  return opacity;
}

/** The alpha of a computed colour ("rgb(…)", "rgba(…, a)", "color(srgb … / a)"). */
function alphaOf(colour: string): number {
  if (!colour || colour === 'transparent') return 0;
  const slash = /\/\s*([\d.]+)(%?)\s*\)$/.exec(colour);
  if (slash) return Number(slash[1]) / (slash[2] ? 100 : 1);
  const rgba = /^rgba\([^)]*,\s*([\d.]+)\s*\)$/.exec(colour);
  return rgba ? Number(rgba[1]) : 1;
}

/** A background picture, or a gradient with a colour at least half opaque. */
function opaquePicture(image: string): boolean {
  if (!image || image === 'none') return false;
  if (/url\(/i.test(image)) return true;
  const colours = image.match(/(?:rgba?|color|hsla?)\([^()]*\)|transparent/g) ?? [];
  return colours.some((colour) => alphaOf(colour) >= 0.5);
}

function inBorder(element: Element, style: CSSStyleDeclaration, x: number, y: number): boolean {
  const rect = element.getBoundingClientRect();
  const side = (width: string, colour: string, distance: number) => distance >= 0 && distance < (Number.parseFloat(width) || 0) && alphaOf(colour) >= 0.5;
  return (
    side(style.borderTopWidth, style.borderTopColor, y - rect.top) ||
    side(style.borderBottomWidth, style.borderBottomColor, rect.bottom - y) ||
    side(style.borderLeftWidth, style.borderLeftColor, x - rect.left) ||
    side(style.borderRightWidth, style.borderRightColor, rect.right - x)
  );
}

/** One of the element's own lines of text is drawn at the point. */
function textAt(element: Element, x: number, y: number): boolean {
  const doc = element.ownerDocument;
  for (const node of element.childNodes) {
    if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) continue;
    const range = doc.createRange();
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}
