/**
 * The record-building half of the negative pages (chrome.ts draws the markup): where a page is,
 * the label-and-value fields a layout shows, and the near misses, which put a newly created key
 * into a negative page's layout so that the reader must capture it there.
 */
import type { ExchangeId } from '../../../../src/core/records';
import type { NearMiss, Page } from '../drive';
import { copyButton, valueRow } from './chrome';

/** One label and the value shown with it. */
export interface Field {
  label: string;
  value: string;
}

/** A key the exchange has just created and shows once. */
export interface NewKey {
  apiKey: string;
  secret: string;
}

/** What a page is called (the real page it is modelled on), its exchange, language and address. */
export function page(name: string, exchange: ExchangeId, lang: string, url: string): Pick<Page, 'name' | 'exchange' | 'lang' | 'url'> {
  return { name, exchange, lang, url };
}

/** The common card rows for `fields`, each value with the same copy control after it. */
export function valueRows(fields: readonly Field[], copy: string = copyButton('Copy')): string {
  return fields.map((f) => valueRow(f.label, f.value, copy)).join('');
}

/** A new key's two values under the labels this layout gives them. */
export function keyFields(key: NewKey, [apiKeyLabel, secretLabel]: readonly [string, string]): Field[] {
  return [
    { label: apiKeyLabel, value: key.apiKey },
    { label: secretLabel, value: key.secret },
  ];
}

/** A near miss: `page` shows `key`, which must be captured; by default nothing else on it is a decoy. */
export function nearMiss(key: NewKey, page: Omit<Page, 'decoys'> & Partial<Pick<Page, 'decoys'>>): NearMiss {
  return { decoys: [], ...page, ...key };
}
