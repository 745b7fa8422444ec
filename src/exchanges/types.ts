import type { ExchangeId } from '../core/records';

/** How an exchange's credentials look, for checking a manual add or a capture. */
export interface CredentialFormat {
  /** What the exchange calls each credential on its own pages. */
  apiKeyLabel: string;
  secretLabel: string;
  /** OKX, KuCoin, Bitget: a passphrase the user chose when creating the key. */
  passphrase: boolean;
  /** Accepted shapes of the API key; a mismatch is a warning the user can override. */
  apiKeyPatterns: RegExp[];
  secretPatterns: RegExp[];
  /** A person-readable description of the expected shape, shown with a mismatch. */
  apiKeyHint: string;
  secretHint: string;
}

/**
 * One exchange. Later issues add the API-page URL patterns, label vocabularies and DOM readers;
 * everything about one exchange lives in its own module.
 */
export interface ExchangeDefinition {
  id: ExchangeId;
  name: string;
  /** Official hosts, including documented regional ones. */
  hosts: string[];
  credentials: CredentialFormat;
  /** Where the user manages keys, for links from the popup. */
  apiPageUrl: string;
}
