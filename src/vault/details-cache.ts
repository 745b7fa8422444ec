import type { KeyDetails } from '../core/records';
import { aeadDecrypt, aeadEncrypt } from './aead';
import { decodeJson, encodeJson, parseDetails } from './codec';

/**
 * Where the cache rests between lives of the background: storage.session in the extension (memory
 * only, closed to content scripts, gone at browser restart), a plain holder in tests.
 */
export interface DetailsCacheArea {
  load(): Promise<unknown>;
  save(value: unknown): Promise<void>;
  clear(): Promise<void>;
}

const AAD = 'keyward/details-cache/v1';

/**
 * How long after the last new entry the cache is written: keys added one after another (a
 * capture, an import, a bench adding a thousand) make one write, not one each of a growing box.
 */
const SAVE_DELAY_MS = 1000;

/**
 * The decrypted details of adopted records, by the record's tag, so a restarted service worker
 * lists a thousand keys without a thousand AES-GCM decryptions. It is sealed as one box under the
 * vault key, so nothing decrypted rests anywhere, and it decides nothing on its own: a record is
 * looked up only after its own tag has been verified, and the tag covers every byte of its
 * details box, so a verified tag names exactly the box these details were decrypted from. A
 * record changed or tampered with since has another tag (or none that verifies) and misses.
 */
export class DetailsCache {
  private entries = new Map<string, KeyDetails>();
  private loading: Promise<void> | null = null;
  /** Entries added since the last load or save: only then is a save worth its write. */
  private added = 0;
  /** Set at lock: a save still sealing then must not write the box back after the clear. */
  private cleared = false;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly area: DetailsCacheArea,
    private readonly vaultKey: CryptoKey,
  ) {}

  /** Reads the stored box once; one that does not open or parse is as good as none. */
  load(): Promise<void> {
    this.loading ??= this.read().catch(() => undefined);
    return this.loading;
  }

  private async read(): Promise<void> {
    const stored = await this.area.load();
    if (stored === undefined) return;
    const pairs = decodeJson(await aeadDecrypt(this.vaultKey, stored, AAD));
    if (!Array.isArray(pairs)) return;
    for (const pair of pairs) {
      if (!Array.isArray(pair) || typeof pair[0] !== 'string') continue;
      // Checked as a decrypted box would be: the cache is ours, but a bug must not widen the shapes.
      if (!this.entries.has(pair[0])) this.entries.set(pair[0], parseDetails(pair[1]));
    }
  }

  /** Details for a record whose tag has been verified; undefined if not cached. */
  get(verifiedTag: string): KeyDetails | undefined {
    return this.entries.get(verifiedTag);
  }

  /** Adds details just decrypted; the cache is written a moment after the last addition. */
  put(verifiedTag: string, details: KeyDetails): void {
    if (this.entries.has(verifiedTag)) return;
    this.entries.set(verifiedTag, details);
    this.added++;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save().catch(() => undefined), SAVE_DELAY_MS);
  }

  /**
   * Seals and stores the entries, if any was added; with the tags of the records that exist
   * (a full listing knows them), the entries of records since changed or deleted are dropped.
   */
  async save(liveTags?: ReadonlySet<string>): Promise<void> {
    clearTimeout(this.saveTimer);
    if (this.added === 0) return;
    this.added = 0;
    if (liveTags) for (const tag of [...this.entries.keys()]) if (!liveTags.has(tag)) this.entries.delete(tag);
    const box = await aeadEncrypt(this.vaultKey, encodeJson([...this.entries]), AAD);
    // Storage calls run in order: one started before the clear's removal is removed by it.
    if (!this.cleared) await this.area.save(box);
  }

  /** At lock: the stored box goes too (it could not be opened without the key, but it need not stay). */
  async clear(): Promise<void> {
    this.cleared = true;
    clearTimeout(this.saveTimer);
    this.entries.clear();
    this.added = 0;
    await this.area.clear();
  }
}
