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
