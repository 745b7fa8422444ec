/**
 * The popup's only door to the background. Wraps send() so that a request refused because the
 * vault locked itself meanwhile (auto-lock, lock from another window) takes the popup back to the
 * unlock screen, dropping every view and any revealed value with it.
 */
import { KeywardError, type MessageType, type RequestOf, type ResponseOf } from '../messages';
import { send } from '../shared/send';
import { t } from '../i18n';

type Listener = () => void;

let lockedListener: Listener | null = null;

/** App registers here; returns the unsubscribe function. */
export function onVaultLocked(listener: Listener): () => void {
  lockedListener = listener;
  return () => {
    if (lockedListener === listener) lockedListener = null;
  };
}

export async function request<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  try {
    return await send(type, payload);
  } catch (error) {
    if (error instanceof KeywardError && error.code === 'locked' && type !== 'vault.unlock') lockedListener?.();
    throw error;
  }
}

export function errorCode(error: unknown): string | null {
  return error instanceof KeywardError ? error.code : null;
}

/** Words for the user. The background's messages are written for people, in their language, and never hold a secret. */
export function errorMessage(error: unknown): string {
  if (error instanceof KeywardError) {
    if (error.message) return error.message;
    return t('errorFailedCode', { code: error.code });
  }
  if (error instanceof Error && error.message) return t('errorFailedDetail', { detail: error.message });
  return t('errorFailed');
}
