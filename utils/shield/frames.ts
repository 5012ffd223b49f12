/**
 * Frames on a flagged page. The stylesheet flattens every frame element, because a page's
 * stylesheet cannot reach into another document. When Gauze also runs inside the frame (its site
 * is flagged, or it has no origin of its own) that document protects its items one by one, tells
 * its parent so with a secret only Gauze's scripts know, and the parent releases the frame element.
 *
 * A frame that navigates is covered again at once (page-shield.ts watches src changes; the frame
 * says when it leaves by itself) and released only when its new document, once loaded, answers the
 * parent's question with the secret. Announcements made while a frame is navigating are ignored:
 * they may come from the document that is about to be replaced.
 */
const PROTECTED = 'gauze:frame-protected';
const LEAVING = 'gauze:frame-leaving';
const QUERY = 'gauze:frame-query';

export interface FrameHandlers {
  /** The frame's current document protects itself. */
  protected(frame: Element): void;
  /** The frame is leaving its document. */
  leaving(frame: Element): void;
}

export function createFrameLink(win: Window, token: Promise<string>, handlers: FrameHandlers) {
  const heard: Array<{ source: MessageEventSource; type: unknown; token: unknown }> = [];
  let known: string | null = null;
  const isChild = win.parent !== win;

  const announce = () => {
    if (known !== null && isChild) win.parent.postMessage({ type: PROTECTED, token: known }, '*');
  };
  const leaving = () => {
    if (known !== null && isChild) win.parent.postMessage({ type: LEAVING, token: known }, '*');
  };

  const check = (source: MessageEventSource, type: unknown, said: unknown) => {
    if (said !== known) return;
    for (const frame of win.document.querySelectorAll('iframe, frame')) {
      if ((frame as HTMLIFrameElement).contentWindow !== source) continue;
      if (type === PROTECTED) handlers.protected(frame);
      else handlers.leaving(frame);
    }
  };
  const onMessage = (event: MessageEvent) => {
    const data = event.data as { type?: unknown; token?: unknown } | null;
    if (!data || typeof data.type !== 'string' || !data.type.startsWith('gauze:frame-')) return;
    event.stopImmediatePropagation();
    if (data.type === QUERY) {
      if (event.source === win.parent) announce();
      return;
    }
    if (!event.source) return;
    if (known === null) heard.push({ source: event.source, type: data.type, token: data.token });
    else check(event.source, data.type, data.token);
  };
  win.addEventListener('message', onMessage, true);

  const navigation = (win as unknown as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigate', leaving);
  win.addEventListener('pagehide', leaving);

  void token.then((value) => {
    known = value;
    for (const { source, type, token: said } of heard.splice(0)) check(source, type, said);
    announce();
  }, () => undefined);

  return {
    /** Asks a frame's current document whether Gauze protects it. */
    query(frame: Element): void {
      (frame as HTMLIFrameElement).contentWindow?.postMessage({ type: QUERY }, '*');
    },
    stop(): void {
      win.removeEventListener('message', onMessage, true);
      win.removeEventListener('pagehide', leaving);
      navigation?.removeEventListener('navigate', leaving);
    },
  };
}
