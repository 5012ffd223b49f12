import { itemAddress } from '../media';
import type { ShieldPart } from '../part';

/** Addresses looked up per message, and how long a batch waits to fill. */
const BATCH = 200;
const BATCH_WAIT_MS = 200;

/**
 * Private notes and reviewed marks, so a person need not look at an item again. Kept by the
 * background under a keyed hash of the picture's address (never the address); looked up here in
 * batches, and only once the background has said the person keeps notes at all. A reviewed item
 * carries a quiet mark on its cover (R and N are keys of the ladder part; the card has buttons).
 */
export const notes: ShieldPart = {
  id: 'notes',
  start({ signal, env, events, items, mark }) {
    const known = new Map<string, { note: string; reviewed: boolean }>();
    /** Items colleagues reviewed (imported shared marks), by address: the notes they shared. */
    const colleagues = new Map<string, string[]>();
    const asked = new Set<string>();
    const toAsk: string[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** Until the background says the person keeps notes, nothing is looked up (most people, most pages). */
    let wanted: boolean | null = null;
    const waiting: Element[] = [];
    const byAddress = new Map<string, Set<Element>>();
    /** The background said the records are locked: nothing can be read or kept until an unlock. */
    let locked = false;

    const addressOf = (element: Element) => {
      const item = items.get(element);
      return item ? itemAddress(element, item) : null;
    };
    const apply = (element: Element, address: string) => {
      const item = items.get(element);
      if (!item) return;
      const entry = known.get(address);
      const note = entry?.note || null;
      const reviewed = entry?.reviewed ?? false;
      const colleague = colleagues.get(address) ?? null;
      if (item.note === note && item.reviewed === reviewed && item.colleague === colleague) return;
      item.note = note;
      item.reviewed = reviewed;
      item.colleague = colleague;
      mark(element);
      events.emit('note-changed', element);
    };
    const flush = () => {
      timer = undefined;
      const batch = toAsk.splice(0, BATCH);
      if (toAsk.length) timer = setTimeout(flush, BATCH_WAIT_MS);
      void env.send.notesLookup(batch).then(({ notes: found, colleagues: shared = [], locked: nowLocked = false }) => {
        if (signal.aborted) return;
        if (nowLocked !== locked) {
          locked = nowLocked;
          events.emit('notes-locked', locked);
        }
        // Asked while locked: asked again after the next hello (an unlock refreshes every tab).
        if (locked) for (const address of batch) asked.delete(address);
        for (const { address, note, reviewed } of found) known.set(address, { note, reviewed });
        for (const { address, notes: theirs } of shared) colleagues.set(address, theirs);
        for (const address of new Set([...found, ...shared].map((entry) => entry.address))) for (const element of byAddress.get(address) ?? []) apply(element, address);
      }, () => undefined);
    };
    const lookUp = (element: Element) => {
      if (wanted === false) return;
      if (wanted === null) {
        waiting.push(element);
        return;
      }
      const address = addressOf(element);
      if (!address) return;
      (byAddress.get(address) ?? byAddress.set(address, new Set()).get(address)!).add(element);
      if (known.has(address)) apply(element, address);
      if (asked.has(address)) return;
      asked.add(address);
      toAsk.push(address);
      timer ??= setTimeout(flush, BATCH_WAIT_MS);
    };
    events.on('item', lookUp, signal);
    // A new picture in the element: its own note, if any.
    events.on('source', (element) => {
      const item = items.get(element);
      if (item && (item.note || item.reviewed || item.colleague)) {
        item.note = null;
        item.reviewed = false;
        item.colleague = null;
        mark(element);
        events.emit('note-changed', element);
      }
      lookUp(element);
    }, signal);

    events.on('save-note', ({ element, note, reviewed }) => {
      const address = addressOf(element);
      if (!address) return;
      // Locked: not kept, and the card says so (a note that seemed saved and was not would be worse).
      if (locked) {
        events.emit('notes-locked', true);
        return;
      }
      wanted = true;
      const text = note.trim().slice(0, 2000);
      if (text || reviewed) known.set(address, { note: text, reviewed });
      else known.delete(address);
      (byAddress.get(address) ?? byAddress.set(address, new Set()).get(address)!).add(element);
      for (const same of byAddress.get(address)!) apply(same, address);
      void env.send.notesPut(address, text, reviewed).catch(() => undefined);
    }, signal);

    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });

    events.on('notes-wanted', (on) => {
      wanted = on;
      for (const element of waiting.splice(0)) lookUp(element);
      // A new hello (after an unlock, say): what could not be read is asked for again.
      if (on && locked) for (const elements of byAddress.values()) for (const element of elements) lookUp(element);
    }, signal);
  },
};
