import { SMALL_SCALE_STEP } from './ladder';

/**
 * The cover: every value of it in one place, and the stylesheet made from them.
 *
 * The stylesheet is in force before the first paint of every flagged page, with no script at all:
 * it is registered for each flagged site (public/shield/cover.css is generated from coverCss() at
 * build time, see wxt.config.ts), adopted into every shadow root, and inserted again as a user
 * sheet once the shield script has said hello (no page rule beats a user sheet's !important).
 * Covering is cheap on purpose: replaced content is moved out of its box and background pictures
 * are drawn at zero size, so nothing is painted and a flat colour shows instead. A blur filter on
 * thousands of pictures roughly doubles a page's paint time; blur is used only where a person
 * chooses to look (docs/performance.md).
 *
 * Gauze's script marks elements with the attributes in MARK. Their names say nothing about Gauze,
 * and the page cannot make use of them: a mark Gauze did not set is removed before the next paint
 * (utils/shield/parts/guard.ts).
 */
export const MARK = {
  /** Known harmless: an icon no larger than the icon size, a decorative gradient. Left alone. */
  ok: 'data-cover-ok',
  /** The step a person chose: blur, outline or full. */
  view: 'data-cover-view',
  /** An element whose background picture is covered: a visible placeholder in its place. */
  placeholder: 'data-cover-bg',
  /** An element whose ::before or ::after shows a picture: the picture is taken out. */
  pseudo: 'data-cover-pseudo',
  /** A frame whose own document Gauze protects item by item. */
  frame: 'data-cover-frame',
  /** A shadow host, marked by the page-world script so the isolated script finds closed roots. */
  host: 'data-cover-host',
  /** The person marked this item reviewed: a quiet mark on its cover. */
  reviewed: 'data-cover-reviewed',
  /** A colleague marked this item reviewed (shared marks the person imported): a dashed mark, apart from their own. */
  colleague: 'data-cover-colleague',
  /**
   * A revealed item in the small view: its scale in percent (5, 10 … 95), so that it is painted no
   * larger than the small-view size until the person enlarges it.
   */
  size: 'data-cover-size',
  /**
   * Set on the root for a moment while Gauze checks what a person sees at a point (every element
   * hit-testable, so a box that lets clicks through is found): utils/shield/visible.ts.
   */
  probe: 'data-cover-probe',
} as const;

export const COVER = {
  /** The resting cover's flat colour. */
  colour: '#8d939a',
  /** Behind covered background pictures, where text often sits in white: dark enough to read it. */
  placeholderColour: '#5c636b',
  reviewedColour: '#3b7a57',
  /** A colleague's reviewed mark: another hue and a dashed line, so it is never taken for the person's own. */
  colleagueColour: '#2f5f8a',
  focusColour: '#1f6feb',
  /** The first reveal step's blur, in CSS pixels, unless the person chose another. */
  defaultBlurPixels: 28,
  /** Pictures no larger than this on both sides are icons, once their size is known. */
  defaultIconMaxPixels: 32,
} as const;

/**
 * Pseudo-elements that can carry a background picture, each in a rule of its own (a selector a
 * browser does not know drops only its own rule): form controls' parts, scrollbars, a dialog's
 * backdrop, details' content, view transitions, captions.
 */
const OTHER_PSEUDO = [
  '::backdrop',
  '::placeholder',
  '::file-selector-button',
  '::details-content',
  '::cue',
  '::-webkit-scrollbar',
  '::-webkit-scrollbar-thumb',
  '::-webkit-scrollbar-track',
  '::-webkit-scrollbar-corner',
  '::-webkit-progress-bar',
  '::-webkit-progress-value',
  '::-moz-progress-bar',
  '::-webkit-meter-bar',
  '::view-transition',
  '::view-transition-group(*)',
  '::view-transition-image-pair(*)',
];

/** The small view's scales, in percent: one rule each (the mark's value picks one). */
const SMALL_SCALES = Array.from({ length: 100 / SMALL_SCALE_STEP - 1 }, (_, i) => (i + 1) * SMALL_SCALE_STEP);

/** The id of the outline view's SVG filter, in each document and shadow root that needs it. */
export const OUTLINE_FILTER = 'cover-outline';

/** Replaced elements whose content the cover moves out of the box. */
const REPLACED = 'img, video, canvas, input[type="image" i]';
/** Boxes whose inside a stylesheet cannot restyle: flattened to the cover colour as a whole. */
const FLATTENED = 'embed, object, iframe, frame';

/**
 * The cover stylesheet, with the first step's blur the settings ask for (the outline view's filter
 * is installed by utils/shield/parts/outline.ts). Written into the rules, not a custom property a
 * page could set to zero.
 */
export function coverCss({ blurPixels = COVER.defaultBlurPixels }: { blurPixels?: number } = {}): string {
  const { ok, view, placeholder, pseudo, frame, reviewed, colleague, size, probe } = MARK;
  const released = `[${ok}], [${view}]`;
  return `/* Generated from utils/core/shield/cover-style.ts: edit there. */
/* Every rule is !important and in a cascade layer of its own. A browser puts an extension's
   stylesheet before the page's, so this layer comes first, and for !important declarations the
   first layer wins: over the page's own !important rules, layered or not, whatever their
   specificity, and over 'all: unset' or 'revert'. (Only a style attribute's !important ranks
   higher; Gauze takes those off covered items as they are written: utils/shield/parts/guard.ts.) */
@layer cover {
/* Pictures, video frames and posters, canvases, image buttons: content moved out of the box. */
:is(${REPLACED}):not(${released}) {
  object-position: -99999px -99999px !important;
  background-color: ${COVER.colour} !important;
  content: normal !important;
  /* The moved content stays clipped to the box, however the page moves the box. */
  overflow: clip !important;
  overflow-clip-margin: 0px !important;
}

/* Plug-in content and frames: flattened to the cover colour. */
:is(${FLATTENED}):not(${released}, [${frame}='inner']) {
  filter: brightness(0) invert(0.58) !important;
}

/* An SVG picture opened as the page itself. */
svg:root:not(${released}) { filter: brightness(0) invert(0.58) !important; }

/* Inline SVG drawings: a placeholder box with nothing of the drawing in it, until the script
   knows an icon by its size. Pictures inside any SVG are hidden too. */
svg:not(:root, svg *):not(${released}) { background-color: ${COVER.colour} !important; }
svg:not(:root, svg *):not(${released}) * { visibility: hidden !important; }

/* Background, border, list and mask pictures, and pictures an element shows through 'content':
   drawn at zero size (or not at all). The page's own values stay readable to the script:
   computed style tells which elements have a picture, whatever stylesheet set it. One rule for
   elements and one for their pseudo-elements: every element is matched against each. */
*:not(${released}) {
  background-size: 0 0 !important;
  border-image-source: none !important;
  list-style-image: none !important;
  mask-size: 0 0 !important;
  shape-outside: none !important;
  content: normal !important;
}
*:not(${released})::before,
*:not(${released})::after,
*:not(${released})::first-letter,
*:not(${released})::first-line {
  background-size: 0 0 !important;
  border-image-source: none !important;
  mask-size: 0 0 !important;
}
*::marker { content: normal !important; }
${OTHER_PSEUDO.map((pseudo) => `*${pseudo} { background-size: 0 0 !important; border-image-source: none !important; mask-size: 0 0 !important; }`).join('\n')}

/* An icon is judged by its size as painted: its own transform or zoom cannot make it large. (A
   resize is seen by the ResizeObserver; a transform, or a zoom in the element's own pixels, is not.) */
:is(img, input, canvas, [${placeholder}], [${pseudo}])[${ok}] { transform: none !important; scale: none !important; zoom: 1 !important; }

/* A covered background picture keeps a visible placeholder. */
[${placeholder}]:not([${view}]) { background-color: ${COVER.placeholderColour} !important; }
/* A picture in ::before or ::after is flattened to the cover colour, keeping its box: a
   placeholder of its size and shape, none of its detail. */
[${pseudo}]:not([${view}])::before, [${pseudo}]:not([${view}])::after {
  filter: brightness(0) invert(0.58) !important;
}

/* Covered and stepping items ignore the page's transitions and animations, which would
   otherwise show frames of the picture on the way to or from a step. */
:is(${REPLACED}, ${FLATTENED}, svg, [${placeholder}], [${pseudo}]):not([${view}='full']) {
  transition: none !important;
  animation: none !important;
}

/* Items the person marked reviewed: a quiet mark on the cover, so they need not look again. */
[${reviewed}]:not([${view}]) {
  outline: 3px solid ${COVER.reviewedColour} !important;
  outline-offset: -3px !important;
}
/* Items a colleague reviewed (and the person has not marked): dashed, so the person need not look. */
[${colleague}]:not([${view}]):not([${reviewed}]) {
  outline: 3px dashed ${COVER.colleagueColour} !important;
  outline-offset: -3px !important;
}

/* Covered items take keyboard focus; the ring shows even on pages that remove outlines. */
:is(${REPLACED}, ${FLATTENED}, svg, [${placeholder}], [${pseudo}]):focus-visible {
  outline: 3px solid ${COVER.focusColour} !important;
  outline-offset: 2px !important;
}

/* While Gauze asks what a person sees at a point (a gesture), every element can be hit, so a box
   the page drew over an item but let clicks through is found: utils/shield/visible.ts. */
:root[${probe}], :root[${probe}] * { pointer-events: auto !important; }

/* The reveal ladder. Blur is clipped to the item's box so colours do not bleed around it. */
[${view}='blur'] {
  filter: blur(${blurPixels}px) grayscale(1) !important;
  clip-path: inset(0) !important;
}
[${view}='outline'] {
  filter: url('#${OUTLINE_FILTER}') !important;
  clip-path: inset(0) !important;
}

/* The small view: a revealed picture or video painted smaller, around its own centre, until the
   person enlarges it. Scaling moves nothing else on the page (the item keeps its layout box). */
[${view}][${size}] { transform-origin: center !important; }
${SMALL_SCALES.map((percent) => `[${view}][${size}='${percent}'] { scale: ${percent / 100} !important; }`).join('\n')}
}
`;
}

/**
 * The first step's blur, when the person chose another than the default: a one-rule user sheet
 * put in after the cover (a user sheet's !important outranks any of the page's).
 */
export function blurCss(blurPixels: number): string {
  return `@layer cover { [${MARK.view}='blur'] { filter: blur(${blurPixels}px) grayscale(1) !important; } }`;
}

/**
 * Properties the cover sets. A page's !important in a style attribute outranks every stylesheet,
 * so on an element the cover holds, Gauze takes such a declaration of these off as it is written.
 */
export const COVER_PROPERTIES = /^(object-|overflow|content$|filter$|clip-path$|visibility$|background|border-image|list-style|mask|-webkit-mask|shape-outside|transition|animation|scale$|transform-origin$)/;
