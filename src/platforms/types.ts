import type { ExchangeId } from '../core/records';

/**
 * One trading platform's bind form: where it lives, the words it uses, how it names exchanges,
 * and the IPs it asks users to whitelist. Everything about one platform lives in its own module.
 */
export interface PlatformVocabulary {
  /** Whole visible texts (labels, placeholders, aria-labels) of each credential field. */
  apiKey: RegExp;
  secret: RegExp;
  passphrase: RegExp | null;
  /** The label of the exchange selector on the form. */
  exchange: RegExp;
}

export interface PlatformDefinition {
  id: string;
  name: string;
  /** Exact hosts; empty for self-hosted platforms, whose host the user adds in the popup. */
  hosts: string[];
  selfHosted: boolean;
  /** Routes of the bind form, tested against pathname + hash; empty: any route on the host. */
  bindPages: RegExp[];
  vocabulary: PlatformVocabulary;
  /** The platform's names for exchanges, lower-cased, to Keyward's ids (e.g. "huobi" -> "htx"). */
  exchangeNames: Record<string, ExchangeId>;
  /**
   * Addresses the platform publishes for users to whitelist, per exchange or for all; null when
   * it publishes none. Used to warn that a bind will fail with an IP restriction error.
   */
  publishedIps: { all?: string[]; byExchange?: Partial<Record<ExchangeId, string[]>> } | null;
  /** Key and secret fields further apart than this in the tree are not one form (generic sites). */
  maxPairDistance?: number;
  /** Fixture pages (in the site's fixtures/ folder, by host and path) modelled on this platform's form. */
  fixtures: string[];
}
