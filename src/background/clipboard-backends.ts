import browser, { type Runtime } from 'webextension-polyfill';
import { OFFSCREEN_PATH, OFFSCREEN_PORT, OFFSCREEN_RESPONSE, type OffscreenRequest, type OffscreenResponse } from '../protocol/offscreen';
import type { ClipboardBackend } from './clipboard';

interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

/** chrome.offscreen is Chrome-only and absent from the polyfill's types. */
export function chromeOffscreenApi(): OffscreenApi | undefined {
  const scope = globalThis as unknown as { chrome?: { offscreen?: OffscreenApi } };
  return scope.chrome?.offscreen;
}

/** Chrome: the service worker has no DOM, so an offscreen document does the clipboard work. */
export class OffscreenClipboard implements ClipboardBackend {
  private port: Runtime.Port | null = null;
  private waiting: ((port: Runtime.Port) => void)[] = [];
  private nextId = 1;
  private readonly pending = new Map<number, (response: OffscreenResponse) => void>();

  constructor(private readonly api: OffscreenApi) {}

  /** Called from runtime.onConnect: only our own offscreen page may take this port. */
  accept(port: Runtime.Port): boolean {
    if (port.name !== OFFSCREEN_PORT || port.sender?.url !== browser.runtime.getURL(OFFSCREEN_PATH)) return false;
    this.port = port;
    port.onMessage.addListener((message: unknown) => {
      const parsed = OFFSCREEN_RESPONSE.parse(message);
      if (!parsed.ok) return;
      const response = parsed.value;
      this.pending.get(response.id)?.(response);
      this.pending.delete(response.id);
    });
    port.onDisconnect.addListener(() => {
      if (this.port === port) this.port = null;
    });
    for (const resolve of this.waiting.splice(0)) resolve(port);
    return true;
  }

  private async connected(): Promise<Runtime.Port> {
    if (this.port) return this.port;
    const ready = new Promise<Runtime.Port>((resolve) => this.waiting.push(resolve));
    const exists = (await this.api.hasDocument?.()) ?? false;
    if (!exists) {
      await this.api.createDocument({
        url: OFFSCREEN_PATH,
        reasons: ['CLIPBOARD'],
        justification: 'Copy an API key or secret, and clear it from the clipboard after a delay.',
      });
    }
    return ready;
  }

  private async request(request: { op: 'write'; text: string } | { op: 'read' }): Promise<string> {
    const port = await this.connected();
    const id = this.nextId++;
    const response = await new Promise<OffscreenResponse>((resolve) => {
      this.pending.set(id, resolve);
      const message: OffscreenRequest = { ...request, id };
      port.postMessage(message);
    });
    if (!response.ok) throw new Error(`clipboard ${request.op} failed`);
    return response.text;
  }

  async write(text: string): Promise<void> {
    await this.request({ op: 'write', text });
  }

  async read(): Promise<string> {
    return this.request({ op: 'read' });
  }

  async release(): Promise<void> {
    if ((await this.api.hasDocument?.()) ?? this.port !== null) await this.api.closeDocument().catch(() => undefined);
    this.port = null;
  }
}

/**
 * The page's navigator, which has the clipboard. The background is typed as a worker (Chrome's
 * service worker has no DOM, tsconfig.background.json); only this Firefox backend runs in a page.
 */
interface PageNavigator {
  clipboard: { writeText(text: string): Promise<void>; readText(): Promise<string> };
}

const pageClipboard = () => (navigator as unknown as PageNavigator).clipboard;

/** Firefox: the background is a page with a DOM and clipboard permissions of its own. */
export class PageClipboard implements ClipboardBackend {
  async write(text: string): Promise<void> {
    await pageClipboard().writeText(text);
  }

  async read(): Promise<string> {
    return pageClipboard().readText();
  }

  async release(): Promise<void> {}
}
