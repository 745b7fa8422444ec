import type { PageVocabulary } from '../exchanges/types';

/**
 * Words most exchanges use, for the fallback: a page on an official host whose own words no longer
 * match (a redesign) but that shows "Secret Key" beside a high-entropy value. Keyward then offers
 * capture by one click instead of capturing silently.
 */
export const GENERIC_VOCABULARY: Pick<PageVocabulary, 'apiKey' | 'secret'> = {
  apiKey: /^(?:api[\s_-]*key|access[\s_-]*key|public[\s_-]*key|key|apikey|访问密钥|公钥|ключ(?:\s+доступа)?|публичный\s+ключ|api[\s-]*ключ)$/i,
  secret: /^(?:secret(?:[\s_-]*key)?|api[\s_-]*secret|private[\s_-]*key|secretkey|密钥|私钥|секретный\s+ключ|приватный\s+ключ|секрет)$/i,
};
