import { argon2idAsync } from '@noble/hashes/argon2.js';
import { argon2id as argon2idWasm } from 'hash-wasm';
import { type Bytes, utf8, wipe } from './bytes';
import { VaultError } from './errors';
import { t } from '../i18n';

/** Argon2id parameters as stored beside the vault; versioned so they can be raised later. */
export interface KdfParams {
  algorithm: 'argon2id';
  /** Argon2 version 1.3 (0x13), the only one @noble/hashes implements. */
  version: 19;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** OWASP's minimum for Argon2id. Unlock refuses anything weaker: that would be a downgrade. */
export const KDF_MINIMUM: KdfParams = {
  algorithm: 'argon2id',
  version: 19,
  memoryKiB: 19 * 1024,
  iterations: 2,
  parallelism: 1,
};

/**
 * Bitwarden's default (64 MiB, t=3, p=4). Unlock in WebAssembly measured (`npm run bench`, 2-core
 * machine shared and loaded) 0.66 s in Firefox ESR and 0.87 s in Chromium: under a second in both.
 */
export const KDF_TARGET: KdfParams = {
  algorithm: 'argon2id',
  version: 19,
  memoryKiB: 64 * 1024,
  iterations: 3,
  parallelism: 4,
};

/** Work grows with memory times passes; parallelism adds no work in a single-threaded engine. */
function cost(params: KdfParams): number {
  return params.memoryKiB * params.iterations;
}

/**
 * The most an Argon2id run may ask for (256 MiB, 10 passes, 4 lanes): four times the memory of
 * the target and over three times its passes, so a future raise of the target still fits, while
 * a hostile backup header or a written-over profile cannot make the browser allocate gigabytes
 * or grind for minutes before the password check can even fail.
 */
export const KDF_MAXIMUM: Readonly<Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>> = {
  memoryKiB: 256 * 1024,
  iterations: 10,
  parallelism: 4,
};

/** The shape only; the minimum and maximum are checked apart so each refusal can say which. */
export function isValidKdfParams(value: unknown): value is KdfParams {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return (
    p.algorithm === 'argon2id' &&
    p.version === 19 &&
    isPositiveInteger(p.memoryKiB) &&
    isPositiveInteger(p.iterations) &&
    isPositiveInteger(p.parallelism)
  );
}

function isPositiveInteger(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 1;
}

export function meetsMinimum(params: KdfParams): boolean {
  return (
    params.memoryKiB >= KDF_MINIMUM.memoryKiB &&
    params.iterations >= KDF_MINIMUM.iterations &&
    params.parallelism >= KDF_MINIMUM.parallelism
  );
}

export function withinMaximum(params: KdfParams): boolean {
  return (
    params.memoryKiB <= KDF_MAXIMUM.memoryKiB &&
    params.iterations <= KDF_MAXIMUM.iterations &&
    params.parallelism <= KDF_MAXIMUM.parallelism
  );
}

/** The limits a refusal of costly parameters names, the same for a vault and a backup (its messages' placeholders). */
export function kdfMaximumSubstitutions(): { lanes: number; mebibytes: number; passes: number } {
  return { lanes: KDF_MAXIMUM.parallelism, mebibytes: KDF_MAXIMUM.memoryKiB / 1024, passes: KDF_MAXIMUM.iterations };
}

/** True when the stored parameters are weaker than the target and should be re-wrapped. */
export function belowTarget(params: KdfParams, target: KdfParams): boolean {
  return (
    cost(params) < cost(target) ||
    params.memoryKiB < target.memoryKiB ||
    params.iterations < target.iterations
  );
}

export function assertUsableKdf(params: unknown): asserts params is KdfParams {
  if (!isValidKdfParams(params)) {
    throw new VaultError('corrupt', t('vaultKdfInvalid'));
  }
  if (!meetsMinimum(params)) {
    throw new VaultError(
      'kdf-downgrade',
      t('vaultKdfWeak'),
    );
  }
  if (!withinMaximum(params)) {
    // Refused before Argon2id runs: running them first would freeze the browser to find out.
    throw new VaultError(
      'kdf-too-costly',
      t('vaultKdfCostly', kdfMaximumSubstitutions()),
    );
  }
}

type Argon2id = (password: Bytes, salt: Bytes, params: KdfParams) => Promise<Bytes>;

/**
 * Argon2id compiled to WebAssembly (hash-wasm). Measured on a 2-core machine at 64 MiB, t=3,
 * p=4: about 0.4-0.9 s in Firefox ESR and Chromium alike, where @noble/hashes' JavaScript took
 * 3-4.5 s in Firefox (SpiderMonkey runs its 64-bit-in-two-halves arithmetic far slower than V8)
 * and 1.3-2 s in Chromium. One call into WebAssembly does every pass, so the background does not
 * answer other messages for that long; they wait in the queue, none is lost. Needs
 * 'wasm-unsafe-eval' in the extension pages' CSP (scripts/manifest.ts says why).
 */
export const argon2idInWasm: Argon2id = async (password, salt, params) => {
  // hash-wasm refuses an empty password, which Argon2id allows (and an unlock may be sent one).
  if (password.length === 0) return argon2idInJs(password, salt, params);
  return new Uint8Array(
    await argon2idWasm({
      password,
      salt,
      memorySize: params.memoryKiB,
      iterations: params.iterations,
      parallelism: params.parallelism,
      hashLength: 32,
      outputType: 'binary',
    }),
  );
};

/** The same function in JavaScript (@noble/hashes), for an engine where WebAssembly is switched off. */
export const argon2idInJs: Argon2id = async (password, salt, params) =>
  new Uint8Array(
    await argon2idAsync(password, salt, {
      m: params.memoryKiB,
      t: params.iterations,
      p: params.parallelism,
      version: params.version,
      dkLen: 32,
      // Yields every 100 ms so a capture arriving meanwhile is still answered; more often cost
      // about 20 percent of unlock time in the service worker (each yield is a task turn).
      asyncTick: 100,
    }),
  );

/**
 * WebAssembly is absent (Firefox with javascript.options.wasm off) or refused to compile (a CSP
 * without 'wasm-unsafe-eval'). Any other failure is a real one and is not retried in JavaScript:
 * it would only fail again, slower.
 */
function webAssemblyUnusable(error: unknown): boolean {
  return typeof WebAssembly !== 'object' || error instanceof WebAssembly.CompileError;
}

/**
 * Derives the 256-bit key-encryption key. The password is NFKC-normalised and UTF-8 encoded here,
 * once, so both implementations hash the same bytes (tests/unit/vault/kdf.test.ts checks that
 * they agree bit for bit).
 */
export async function deriveKek(password: string, salt: Bytes, params: KdfParams): Promise<Bytes> {
  assertUsableKdf(params);
  const passwordBytes = utf8(password.normalize('NFKC'));
  try {
    return await argon2idInWasm(passwordBytes, salt, params).catch((error: unknown) => {
      if (!webAssemblyUnusable(error)) throw error;
      return argon2idInJs(passwordBytes, salt, params);
    });
  } finally {
    wipe(passwordBytes);
  }
}
