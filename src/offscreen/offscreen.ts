import browser from 'webextension-polyfill';
import { OFFSCREEN_PORT, type OffscreenRequest, type OffscreenResponse } from './protocol';

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
port.onMessage.addListener((message: unknown) => {
  const request = message as OffscreenRequest;
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
