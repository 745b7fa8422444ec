import type { Words } from '../i18n/keys';
import type { MessageType, RequestOf, ResponseOf } from './to-background';

/** Every request to the background travels in one: the marker tells Keyward's from anything else. */
export interface Envelope<T extends MessageType = MessageType> {
  keyward: 1;
  type: T;
  payload: RequestOf<T>;
}

export interface ErrorInfo {
  code: string;
  message: string;
  /**
   * The same in words a page's note says in the page's language (a `note…` message), where the
   * refusal is shown on an exchange or platform page; `message` is the browser's English.
   */
  words?: Words;
}

/** The background's answer: always an envelope, never a thrown error, so the caller learns why. */
export type Reply<T extends MessageType> = { ok: true; data: ResponseOf<T> } | { ok: false; error: ErrorInfo };

/** Thrown by the client side when the background refuses or fails; carries the error code. */
export class KeywardError extends Error {
  override readonly name = 'KeywardError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
