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
