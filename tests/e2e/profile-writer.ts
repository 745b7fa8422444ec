/**
 * Someone who can write the browser profile but knows no password, acting through an extension
 * page (same origin as the background, so the same IndexedDB). Each function runs inside the page
 * (page.evaluate): self-contained, using only what is stored in clear and the published format.
 */

/** The two keys the tamper tests store first, through keys.add: one with withdraw on. */
export const WITHDRAW_KEY = {
  exchange: 'okx',
  credentials: { apiKey: '3f8e4c2a-7b1d-4e9f-a6c5-0d2b8e7f1a93', secret: '9C4E1A7B3D5F2E8A6C0B4D9E1F3A5C7B', passphrase: 'Tr4d1ng-Pass!' },
  details: {
    label: 'okx withdraw bot',
    account: 'main',
    permissions: { read: true, trade: true, withdraw: true, transfer: false, labels: ['Read', 'Trade', 'Withdraw'] },
    ipWhitelist: ['203.0.113.10'],
    source: { kind: 'manual' },
    notes: '',
  },
};
export const SPOT_KEY = {
  exchange: 'htx',
  credentials: { apiKey: 'e2c4f6a8-99b1d3f5-84e6a8c0-7b2d4', secret: 'a1b2c3d4-e5f6a7b8-c9d0e1f2-a3b4c', passphrase: '' },
  details: {
    label: 'htx spot',
    account: 'main',
    permissions: { read: true, trade: true, withdraw: false, transfer: false, labels: ['Read', 'Trade'] },
    ipWhitelist: ['203.0.113.11'],
    source: { kind: 'manual' },
    notes: '',
  },
};

export interface RecordTarget {
  /** IndexedDB name, src/vault/store.ts DB_NAME. */
  db: string;
  id: string;
}

/**
 * Replaces an adopted record's boxes with boxes sealed to the vault's public key (as a capture
 * made while locked would be), with planted credentials and details, withdraw off in the clear
 * flags and the details, and the record's tag dropped.
 */
export async function sealOverInPage(target: RecordTarget): Promise<string> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(target.db);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const read = (store: string, key: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const request = idb.transaction(store).objectStore(store).get(key);
      request.onsuccess = () => resolve(request.result as Record<string, unknown>);
      request.onerror = () => reject(request.error);
    });
  const meta = await read('meta', 'vault');
  const record = await read('keys', target.id);
  const exchange = String(record.exchange);
  const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
  const unb64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const curve = { name: 'ECDH', namedCurve: 'P-256' };
  const recipientRaw = unb64(String(meta.sealPublicKey));
  const recipient = await crypto.subtle.importKey('raw', recipientRaw, curve, false, []);
  const sealTo = async (plain: unknown, aad: string) => {
    const ephemeral = (await crypto.subtle.generateKey(curve, true, ['deriveBits'])) as CryptoKeyPair;
    const epk = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
    const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: recipient }, ephemeral.privateKey, 256);
    const ikm = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
    const salt = new Uint8Array(epk.length + recipientRaw.length);
    salt.set(epk);
    salt.set(recipientRaw, epk.length);
    const key = await crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt, info: new TextEncoder().encode('keyward/seal/v1') },
      ikm,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt'],
    );
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const ct = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(aad) },
      key,
      new TextEncoder().encode(JSON.stringify(plain)),
    );
    return { alg: 'ECDH-P256+HKDF-SHA256+A256GCM', epk: b64(epk), iv: b64(iv), ct: b64(new Uint8Array(ct)) };
  };
  const forged: Record<string, unknown> = {
    ...record,
    risk: { withdraw: false, transfer: false, noIpWhitelist: false },
    credentials: await sealTo(
      { apiKey: 'planted-api-key-0001', secret: 'planted-secret-0001', passphrase: 'planted-pass' },
      `keyward/credentials/v1|${target.id}|${exchange}`,
    ),
    details: await sealTo(
      {
        label: 'planted',
        account: 'main',
        permissions: { read: true, trade: true, withdraw: false, transfer: false, labels: ['Read', 'Trade'] },
        ipWhitelist: ['203.0.113.50'],
        source: { kind: 'manual' },
        bindings: [],
        notes: '',
        apiKeyTail: '0001',
      },
      `keyward/details/v1|${target.id}|${exchange}`,
    ),
  };
  delete forged.mac;
  delete forged.capturedWhileLocked;
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction('keys', 'readwrite');
    tx.objectStore('keys').put(forged);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  idb.close();
  return String((forged.credentials as { alg: string }).alg);
}

/** Sets the record's clear risk flags to "nothing risky". */
export async function clearRiskHintInPage(target: RecordTarget): Promise<unknown> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(target.db);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const stored = await new Promise<unknown>((resolve, reject) => {
    const tx = idb.transaction('keys', 'readwrite');
    const store = tx.objectStore('keys');
    const get = store.get(target.id);
    get.onsuccess = () => {
      const record = get.result as Record<string, unknown>;
      store.put({ ...record, risk: { withdraw: false, transfer: false, noIpWhitelist: false } });
    };
    tx.oncomplete = () => resolve(get.result);
    tx.onerror = () => reject(tx.error);
  });
  const check = await new Promise<unknown>((resolve, reject) => {
    const request = idb.transaction('keys').objectStore('keys').get(target.id);
    request.onsuccess = () => resolve((request.result as { risk: unknown }).risk);
    request.onerror = () => reject(request.error);
  });
  idb.close();
  return stored === undefined ? null : check;
}

/** What a record's storage says now: the kind of its credentials box, and whether it is tagged. */
export async function recordStateInPage(target: RecordTarget): Promise<{ alg: string; tagged: boolean } | null> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(target.db);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const record = await new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
    const request = idb.transaction('keys').objectStore('keys').get(target.id);
    request.onsuccess = () => resolve(request.result as Record<string, unknown> | undefined);
    request.onerror = () => reject(request.error);
  });
  idb.close();
  if (!record) return null;
  return { alg: String((record.credentials as { alg?: unknown }).alg), tagged: typeof record.mac === 'string' };
}
