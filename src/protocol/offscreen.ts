/**
 * Background <-> Chromium's offscreen clipboard page, over one port. The service worker has no
 * DOM, so the offscreen document does the clipboard work. The background accepts the port only
 * from our own offscreen page (clipboard-backends.ts); each side checks the other's messages
 * against these schemas and drops what does not fit.
 */
import { type Infer, literal, number, object, string, union } from '../core/schema';

export const OFFSCREEN_PORT = 'keyward-offscreen-clipboard';
export const OFFSCREEN_PATH = 'src/offscreen/offscreen.html';

const id = number({ integer: true, min: 0 });

export const OFFSCREEN_REQUEST = union(object({ id, op: literal('write'), text: string() }), object({ id, op: literal('read') }));
export type OffscreenRequest = Infer<typeof OFFSCREEN_REQUEST>;

export const OFFSCREEN_RESPONSE = union(
  object({ id, ok: literal(true), text: string() }),
  object({ id, ok: literal(false), error: string() }),
);
export type OffscreenResponse = Infer<typeof OFFSCREEN_RESPONSE>;
