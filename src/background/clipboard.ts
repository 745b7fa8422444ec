import { toBase64, utf8 } from '../vault/bytes';
import type { StorageArea } from './storage';

/** Writes and reads the system clipboard; each browser needs its own way from the background. */
export interface ClipboardBackend {
  write(text: string): Promise<void>;
  read(): Promise<string>;
  /** Frees whatever the backend holds open (Chrome's offscreen document). */
  release(): Promise<void>;
}

const KEY = 'clipboardPending';

interface Pending {
  digest: string;
  clearAt: number;
}

async function digest(text: string): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(text))));
}

/**
 * Copies a value and clears it later, but only if the clipboard still holds it: the user may have
 * copied something else meanwhile, and that must not be wiped. Only a digest of the value is kept
 * (in memory-only session storage) to make that comparison.
 *
 * That comparison is why both builds keep the clipboardRead permission. Without it the read is
 * refused (Chromium 156: execCommand('paste') in the offscreen document; Firefox 153:
 * navigator.clipboard.readText in the background, no user gesture), and no write-only way tells
 * whether the value is still ours: a blind clear wipes what the user copied since, and the
 * clipboardchange event never reaches Chrome's offscreen document (it never has focus) and does
 * not exist in Firefox.
 */
export class ClipboardGuard {
  constructor(
    private readonly backend: ClipboardBackend,
    private readonly session: StorageArea,
    private readonly schedule: (at: number) => void,
    private readonly now: () => number = Date.now,
  ) {}

  async copy(value: string, clearAfterSeconds: number): Promise<void> {
    await this.backend.write(value);
    const clearAt = this.now() + clearAfterSeconds * 1000;
    const pending: Pending = { digest: await digest(value), clearAt };
    await this.session.set({ [KEY]: pending });
    this.schedule(clearAt);
  }

  /** Runs when the timer or alarm fires; safe to call early or twice. */
  async clearIfDue(): Promise<void> {
    const pending = (await this.session.get(KEY))[KEY] as Pending | undefined;
    if (!pending) return;
    if (pending.clearAt > this.now()) {
      this.schedule(pending.clearAt);
      return;
    }
    await this.session.remove(KEY);
    try {
      const current = await this.backend.read();
      if ((await digest(current)) === pending.digest) await this.backend.write('');
    } finally {
      await this.backend.release();
    }
  }
}
