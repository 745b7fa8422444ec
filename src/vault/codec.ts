import {
  type Binding,
  type Credentials,
  type KeyDetails,
  type KeyPermissions,
  type KeySource,
} from '../core/records';
import { type Bytes, fromUtf8, utf8 } from './bytes';
import { VaultError } from './errors';

/**
 * Decrypted JSON is checked field by field: a record that decrypts but has the wrong shape is
 * corruption (or a hostile backup), and must not reach the popup as if it were data.
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

export function encodeJson(value: unknown): Bytes {
  return utf8(JSON.stringify(value));
}

export function decodeJson(bytes: Bytes): unknown {
  try {
    return JSON.parse(fromUtf8(bytes));
  } catch {
    throw new VaultError('corrupt', 'Decrypted data is not valid JSON.');
  }
}

export function parseCredentials(value: unknown): Credentials {
  if (
    isObject(value) &&
    typeof value.apiKey === 'string' &&
    typeof value.secret === 'string' &&
    typeof value.passphrase === 'string'
  ) {
    return { apiKey: value.apiKey, secret: value.secret, passphrase: value.passphrase };
  }
  throw new VaultError('corrupt', 'A stored credential has the wrong shape.');
}

function parsePermissions(value: unknown): KeyPermissions | null {
  if (value === null) return null;
  if (
    isObject(value) &&
    typeof value.read === 'boolean' &&
    typeof value.trade === 'boolean' &&
    (value.futures === undefined || typeof value.futures === 'boolean') &&
    typeof value.withdraw === 'boolean' &&
    typeof value.transfer === 'boolean' &&
    isStringArray(value.labels)
  ) {
    // Records and backups from before futures was read have no such field: it stays absent
    // (unknown), never false, so no bind warning is made up for them.
    return {
      read: value.read,
      trade: value.trade,
      ...(typeof value.futures === 'boolean' ? { futures: value.futures } : {}),
      withdraw: value.withdraw,
      transfer: value.transfer,
      labels: value.labels,
    };
  }
  throw new VaultError('corrupt', 'Stored permissions have the wrong shape.');
}

function parseSource(value: unknown): KeySource {
  if (isObject(value)) {
    if (value.kind === 'capture' && typeof value.url === 'string') return { kind: 'capture', url: value.url };
    if (value.kind === 'manual') return { kind: 'manual' };
    if (value.kind === 'import') return { kind: 'import' };
  }
  throw new VaultError('corrupt', 'A stored key source has the wrong shape.');
}

function parseBindings(value: unknown): Binding[] {
  if (!Array.isArray(value)) throw new VaultError('corrupt', 'Stored bindings have the wrong shape.');
  return value.map((item) => {
    if (isObject(item) && typeof item.platformHost === 'string' && typeof item.boundAt === 'number') {
      return { platformHost: item.platformHost, boundAt: item.boundAt };
    }
    throw new VaultError('corrupt', 'A stored binding has the wrong shape.');
  });
}

export function parseDetails(value: unknown): KeyDetails {
  if (
    isObject(value) &&
    typeof value.label === 'string' &&
    typeof value.account === 'string' &&
    typeof value.notes === 'string' &&
    typeof value.apiKeyTail === 'string' &&
    (value.ipWhitelist === null || isStringArray(value.ipWhitelist))
  ) {
    return {
      label: value.label,
      account: value.account,
      permissions: parsePermissions(value.permissions),
      ipWhitelist: value.ipWhitelist,
      source: parseSource(value.source),
      bindings: parseBindings(value.bindings),
      notes: value.notes,
      apiKeyTail: value.apiKeyTail,
    };
  }
  throw new VaultError('corrupt', 'Stored key details have the wrong shape.');
}
