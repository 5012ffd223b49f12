import { browser } from 'wxt/browser';
import { sendTyped, type MessageType, type Payload, type Reply } from './messaging';

/** Sends a typed message to the background and returns its validated reply. */
export function sendMessage<T extends MessageType>(type: T, payload: Payload<T>): Promise<Reply<T>> {
  return sendTyped((message) => browser.runtime.sendMessage(message), type, payload);
}
