// The registry fills in core's ExchangeId (declaration merging): any program that compiles these
// types (a tsconfig per context, say) must compile the registry too, or ExchangeId is empty.
/// <reference path="./registry.ts" />
import type { CredentialFormat } from '../core/credential-format';
import type { BrandRule } from '../core/lookalike';
import type { ExchangeId } from '../core/records';
import type { Words } from '../dom/words';
import type { Words as Message } from '../i18n/keys';

export type { CredentialFormat };

/**
 * One exchange: everything Keyward knows about it lives in its folder, src/exchanges/<id>/, and
 * the registry lists the folders. `Id` is the literal id ('htx'): the registry derives the
 * ExchangeId type from its list of definitions.
 */
export interface ExchangeDefinition<Id extends string = ExchangeId> {
  id: Id;
  name: string;
  /** Official hosts, including documented regional ones. */
  hosts: string[];
  /**
   * How the lookalike check names the brand, where the official hosts' registrable labels do not
   * say it well (a short or ordinary word); absent: those labels, fuzzy from 5 letters.
   */
  brand?: BrandRule;
  /**
   * Registrable domains of the same company that are not this exchange (a separate licensed
   * entity, a data site): neither official nor lookalike, so Keyward stays silent there.
   */
  relatedDomains?: string[];
  /**
   * How trading platforms write this exchange's name (lower case; matching ignores case, spaces
   * and punctuation). Only names that mean this one exchange account: never a separately
   * licensed entity, a testnet or a demo account, which must map to no key at all.
   */
  platformNames: string[];
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
  /**
   * The exchange's own rule for keys without an IP whitelist, in a sentence (a `noteRule…`
   * message, said in the page's language); null if none known.
   */
  unboundRule: Message | null;
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
}
