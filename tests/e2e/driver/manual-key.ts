import type { NewKeyInput } from '../../../src/core/records';

/** What differs between the tests' keys; everything else is a plain key added by hand. */
export interface ManualKeyShape {
  withdraw?: boolean;
  /** The IP whitelist; one documentation address unless given. */
  ips?: string[];
  /** The permission labels as the exchange showed them. */
  labels?: string[];
  bindings?: NewKeyInput['details']['bindings'];
  createdAt?: number;
}

/**
 * keys.add's input for a key added by hand: read and trade on, withdraw and transfer off, the IP
 * whitelist 203.0.113.7, no passphrase, unless `shape` says otherwise.
 */
export function manualKey(
  exchange: NewKeyInput['exchange'],
  label: string,
  credentials: { apiKey: string; secret: string; passphrase?: string },
  shape: ManualKeyShape = {},
): NewKeyInput {
  return {
    exchange,
    credentials: { apiKey: credentials.apiKey, secret: credentials.secret, passphrase: credentials.passphrase ?? '' },
    details: {
      label,
      account: 'main',
      permissions: { read: true, trade: true, withdraw: shape.withdraw ?? false, transfer: false, labels: shape.labels ?? [] },
      ipWhitelist: shape.ips ?? ['203.0.113.7'],
      source: { kind: 'manual' },
      notes: '',
      ...(shape.bindings === undefined ? {} : { bindings: shape.bindings }),
    },
    ...(shape.createdAt === undefined ? {} : { createdAt: shape.createdAt }),
  };
}
