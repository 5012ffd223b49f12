import type { Envelope, MessageType, Payload, Reply } from './messaging';

export class MessageError extends Error {
  override name = 'MessageError';
}

/**
 * The sending end. `transport` is runtime.sendMessage (injected so this stays testable). The
 * background's router has already validated the reply against its schema before answering, so the
 * sender only checks the envelope. Only types come from utils/core/messaging.ts, so the shield script,
 * which starts on every flagged page, carries no schema library.
 */
export async function sendTyped<T extends MessageType>(
  transport: (message: Envelope) => Promise<unknown>,
  type: T,
  payload: Payload<T>,
): Promise<Reply<T>> {
  const answer = (await transport({ type, payload })) as Partial<{ ok: boolean; reply: unknown; error: unknown }> | undefined;
  if (answer?.ok === true && 'reply' in answer) return answer.reply as Reply<T>;
  if (answer?.ok === false && typeof answer.error === 'string') throw new MessageError(answer.error);
  throw new MessageError(`no valid answer to "${type}" from the background`);
}
