/** Chrome's service worker has no clipboard; its offscreen document does the work over a port. */
export const OFFSCREEN_PORT = 'keyward-offscreen-clipboard';
export const OFFSCREEN_PATH = 'src/offscreen/offscreen.html';

export type OffscreenRequest = { id: number; op: 'write'; text: string } | { id: number; op: 'read' };
export type OffscreenResponse = { id: number; ok: true; text: string } | { id: number; ok: false; error: string };
