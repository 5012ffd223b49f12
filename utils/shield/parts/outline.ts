import { OUTLINE_FILTER } from '../../core/shield/cover-style';
import type { ShieldPart } from '../part';

const SVG_NS = 'http://www.w3.org/2000/svg'; // allowed-url: the SVG namespace name, never fetched

/**
 * The outline view: an SVG filter that turns a picture into dark lines on white, keeping shapes
 * readable with far less of the picture's impact (a line-drawing view cut negative feelings by
 * about 30% while keeping about 97% of pictures interpretable: Sarridis et al. 2023;
 * docs/evidence.md). Edges come from a Laplacian kernel over the greyscale picture, inverted and
 * thresholded. A filter is found by id only in its own tree, so it is installed in the document
 * or shadow root of each item that steps to it, and put back if the page removes it.
 */
export const outline: ShieldPart = {
  id: 'outline',
  start({ signal, events, mark, items, ui }) {
    events.on('step', ({ item, step }) => {
      if (step !== 'outline') return;
      const scope = item.getRootNode() as Document | ShadowRoot;
      if (scope.getElementById?.(OUTLINE_FILTER)) return;
      const doc = item.ownerDocument;
      const svg = outlineFilter(doc);
      // Gauze's own drawing: released (it is a filter, not a picture) and never an item.
      items.ensure(svg, 'image').harmless = true;
      mark(svg);
      ui.add(svg);
      const parent = scope instanceof ShadowRoot ? scope : (doc.body ?? doc.documentElement);
      parent.append(svg);
    }, signal);
  },
};

/** The outline view's filter, in an SVG element of its own (put in each tree that uses it: the page's, the viewer's, the storyboard's). */
export function outlineFilter(doc: Document): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('style', 'position:absolute;width:0;height:0;overflow:hidden');
  svg.innerHTML = `<filter id="${OUTLINE_FILTER}" color-interpolation-filters="sRGB" x="0" y="0" width="100%" height="100%">
    <feColorMatrix type="matrix" values="0.33 0.33 0.33 0 0  0.33 0.33 0.33 0 0  0.33 0.33 0.33 0 0  0 0 0 1 0"/>
    <feConvolveMatrix order="3" kernelMatrix="-1 -1 -1 -1 8 -1 -1 -1 -1" preserveAlpha="true"/>
    <feComponentTransfer>
      <feFuncR type="linear" slope="-6" intercept="1"/>
      <feFuncG type="linear" slope="-6" intercept="1"/>
      <feFuncB type="linear" slope="-6" intercept="1"/>
    </feComponentTransfer>
  </filter>`;
  return svg;
}
