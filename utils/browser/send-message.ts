import { browser } from './api';
import { sendTyped } from '../core/message-client';
import type { MessageType, Payload, Reply } from '../core/messaging';

/** Sends a typed message to the background and returns its reply (validated by the background). */
export function sendMessage<T extends MessageType>(type: T, payload: Payload<T>): Promise<Reply<T>> {
  return sendTyped((message) => browser.runtime.sendMessage(message), type, payload);
}
