import type { MessageType, RequestOf } from '../../src/messages';
import { type ExtensionPageLike, sendFrom } from './driver/send';

/**
 * Kept for scripts/bench-pages.ts (which another engineer owns), whose message types are plain
 * strings: the typed sendFrom of ./driver/send under its old untyped name. New code calls sendFrom.
 */
export function sendFromPage<T>(page: ExtensionPageLike, type: string, payload: unknown): Promise<T> {
  return sendFrom(page, type as MessageType, payload as RequestOf<MessageType>) as Promise<T>;
}
