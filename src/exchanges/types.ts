import type { ExchangeId } from '../core/records';
import type { Words } from '../dom/words';

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
  /** The API pages: how they are recognised and read. */
  page: ExchangePage;
}

export type PermissionFlag = 'read' | 'trade' | 'futures' | 'withdraw' | 'transfer';

/** A permission as the site names it; `other` covers areas (earn, NFT…) we only record. */
export interface PermissionWord {
  flag: PermissionFlag | 'other';
  /** Phrases that name it; matched as words within a short label (see src/dom/words.ts). */
  words: Words;
}

/**
 * The words a person sees on the exchange's API pages, in every language the site uses. Readers
 * find controls and values by these, never by the site's ids or class names (which are hashed
 * and change with every release). Each is a list of phrases, matched as words inside a short
 * label after normalising width, case, punctuation and decoration: list what the site says, not
 * every way of writing it ("secret key" covers "Secret Key:", "* Secret key (required)", "Copy
 * Secret Key", "Secret Key（密钥）").
 */
export interface PageVocabulary {
  apiKey: Words;
  secret: Words;
  passphrase: Words | null;
  /** The key's name or remark field. */
  keyLabel: Words;
  ipWhitelist: Words;
  permissions: PermissionWord[];
  /** Text that says "no IP restriction" in a key list cell or an IP choice. */
  ipUnrestricted: Words;
  /** Label of the sub-account selector or name on sub-account API pages. */
  subAccount: Words | null;
}

export interface ExchangeLimits {
  maxIps: number | null;
  maxKeys: number | null;
  /** The exchange's own rule for keys without an IP whitelist, in a sentence; null if none known. */
  unboundRule: string | null;
}

/** How Keyward recognises and reads the exchange's API-management pages. */
export interface ExchangePage {
  /** Tested against `location.pathname + location.hash` (some sites route in the hash). */
  apiPages: RegExp[];
  /**
   * Titles, headings, tabs and buttons that name API management, in the site's languages. The
   * light content script looks for them on routes the patterns above do not know.
   */
  signals: readonly string[];
  vocabulary: PageVocabulary;
  limits: ExchangeLimits;
  /** Fixture pages (in the site's fixtures/ folder, by host and path) modelled on this exchange's site. */
  fixtures: string[];
}
