import type { ComponentChild } from 'preact';
import { t } from '../i18n';

/**
 * A message with an element inside it (a link, a code span): the message is filled with a marker
 * per element, then cut at the markers, so each language puts the element where its word order
 * wants it. The markers are private-use characters no catalogue contains.
 */
export function part(index: number): string {
  return `\uE000${index}\uE001`;
}

/** The message cut at part(i) markers, each replaced by parts[i]. */
export function withParts(message: string, parts: readonly ComponentChild[]): ComponentChild[] {
  return message.split(/\uE000(\d+)\uE001/).map((piece, i) => (i % 2 === 1 ? (parts[Number(piece)] ?? null) : piece));
}

/**
 * A bold lead sentence, then more: joined as the language joins sentences (a space in English
 * and Russian, none in Chinese), never by a space written in the markup.
 */
export function leadThen(lead: ComponentChild, text: string): ComponentChild[] {
  return withParts(t('detailLeadText', { lead: part(0), text }), [lead]);
}
