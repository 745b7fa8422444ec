/**
 * Words that mark a page asking for an API key, for the lookalike guard on every site: anchored
 * patterns, small enough for the script that runs on all pages (the exchange readers use the
 * fuller word lists in exchanges/readers/generic-words.ts).
 */
export const GENERIC_VOCABULARY: { apiKey: RegExp; secret: RegExp } = {
  apiKey: /^(?:api[\s_-]*key|access[\s_-]*key|public[\s_-]*key|key|apikey|[访訪][问問]密[钥鑰]|公[钥鑰]|ключ(?:\s+доступа)?|публичный\s+ключ|api[\s-]*ключ)$/i,
  secret: /^(?:secret(?:[\s_-]*key)?|api[\s_-]*secret|private[\s_-]*key|secretkey|密[钥鑰]|私[钥鑰]|секретный\s+ключ|приватный\s+ключ|секрет)$/i,
};
