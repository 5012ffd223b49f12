import { browser } from './browser';
import { sendTyped } from './message-client';
import type { MessageType, Payload, Reply } from './messaging';

/** Sends a typed message to the background and returns its reply (validated by the background). */
export function sendMessage<T extends MessageType>(type: T, payload: Payload<T>): Promise<Reply<T>> {
  return sendTyped((message) => browser.runtime.sendMessage(message), type, payload);
}
