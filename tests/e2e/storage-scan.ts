/**
 * Looks for secrets in everything the extension stores: every IndexedDB database, storage.local
 * and storage.sync, dumped as text by the page that runs `DUMP_STORAGE`. A secret counts as found
 * in clear if it appears as UTF-8, hex (either case), or base64/base64url at any byte alignment.
 */

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** Every form a secret could take in a dump. Base64 of a substring at 3 alignments catches it inside a larger blob. */
export function encodingsOf(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const forms = new Set<string>([secret, Buffer.from(bytes).toString('hex'), Buffer.from(bytes).toString('hex').toUpperCase()]);
  for (let offset = 0; offset < 3; offset++) {
    const slice = bytes.subarray(offset);
    const usable = slice.subarray(0, slice.length - (slice.length % 3));
    if (usable.length < 12) continue;
    const b64 = base64(usable);
    forms.add(b64);
    forms.add(b64.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...forms];
}

export function findSecrets(dump: string, secrets: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [name, secret] of Object.entries(secrets)) {
    for (const form of encodingsOf(secret)) {
      if (dump.includes(form)) found.push(`${name} as ${form === secret ? 'text' : form}`);
    }
  }
  return found;
}

/**
 * Runs inside an extension context (service worker or page). Returns every stored byte as JSON
 * text: IndexedDB values with binary fields turned into base64 and hex, plus storage areas.
 */
export async function dumpStorage(): Promise<string> {
  const ext = (globalThis as unknown as { chrome?: { storage: { local: { get(k: null): Promise<unknown> }; sync: { get(k: null): Promise<unknown> } } }; browser?: { storage: { local: { get(k: null): Promise<unknown> }; sync: { get(k: null): Promise<unknown> } } } });
  const api = ext.browser ?? ext.chrome;
  const toText = (value: unknown): unknown => {
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
      const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      return { base64: btoa(binary), hex: Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('') };
    }
    if (Array.isArray(value)) return value.map(toText);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toText(v)]));
    }
    return value;
  };
  const databases = await indexedDB.databases();
  const out: Record<string, unknown> = { databases: databases.map((d) => d.name) };
  for (const info of databases) {
    if (!info.name) continue;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(info.name as string);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const storeName of Array.from(db.objectStoreNames)) {
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(storeName).objectStore(storeName).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      });
      out[`idb:${info.name}:${storeName}`] = toText(rows);
    }
    db.close();
  }
  out.local = toText(await api?.storage.local.get(null));
  out.sync = toText(await api?.storage.sync.get(null).catch(() => ({})));
  return JSON.stringify(out);
}
