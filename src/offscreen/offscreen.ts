import browser from 'webextension-polyfill';
import { OFFSCREEN_PORT, OFFSCREEN_REQUEST, type OffscreenResponse } from '../protocol/offscreen';

/**
 * execCommand is the clipboard API that works in an offscreen document (it never has focus, so
 * navigator.clipboard refuses). The copy handler sets the exact text, including the empty string
 * that clearing needs.
 */
function write(text: string): void {
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', text);
    event.preventDefault();
  };
  document.addEventListener('copy', onCopy);
  try {
    if (!document.execCommand('copy')) throw new Error('copy refused');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
}

function read(): string {
  const buffer = document.getElementById('buffer');
  if (!(buffer instanceof HTMLTextAreaElement)) throw new Error('no buffer');
  buffer.value = '';
  buffer.focus();
  document.execCommand('paste');
  const text = buffer.value;
  buffer.value = '';
  return text;
}

const port = browser.runtime.connect({ name: OFFSCREEN_PORT });
// The port's other end is the background, which accepted it; what it sends is checked all the same.
port.onMessage.addListener((message: unknown) => {
  const parsed = OFFSCREEN_REQUEST.parse(message);
  if (!parsed.ok) return;
  const request = parsed.value;
  let response: OffscreenResponse;
  try {
    response =
      request.op === 'write'
        ? (write(request.text), { id: request.id, ok: true, text: '' })
        : { id: request.id, ok: true, text: read() };
  } catch (error) {
    response = { id: request.id, ok: false, error: error instanceof Error ? error.message : 'failed' };
  }
  port.postMessage(response);
});
