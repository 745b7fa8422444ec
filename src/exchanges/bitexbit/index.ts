import type { ExchangeDefinition } from '../types';

// bitexbit. Labels "Access Key" and "Private Key" (seed 001); the API page is
// bitexbit.com/profile/api.
// Inferred: the credential shapes are not documented, so both fields accept any 16 to 128
// letters, digits, dashes or underscores: enough to catch stray text, a label or a URL pasted
// by mistake, never a real key. Tighten once real keys have been seen. The www. host is inferred.
// (The API docs' placeholders, API_KEY = "0000-0000..." and SECRET = "Z%2...", hint at dashed
// keys and at secrets that may hold URL-escaped characters such as %2B; not confirmed.)
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;
const HINT = '16 to 128 letters, digits, dashes or underscores';

export const bitexbit: ExchangeDefinition = {
  id: 'bitexbit',
  name: 'bitexbit',
  hosts: ['bitexbit.com', 'www.bitexbit.com'],
  apiPageUrl: 'https://bitexbit.com/profile/api',
  credentials: {
    apiKeyLabel: 'Access Key',
    secretLabel: 'Private Key',
    passphrase: false,
    apiKeyPatterns: [TOKEN],
    secretPatterns: [TOKEN],
    apiKeyHint: HINT,
    secretHint: HINT,
  },
  page: {
    // What only an API-management page shows (title, heading, tab, button), in the site's languages:
    // how Keyward recognises the page on a route it does not know.
    signals: ['API Management', 'API Keys', 'Create API', 'Create API Key', 'API Key Management', 'Управление API', 'API-ключи', 'Создать API', 'Создать API-ключ'],
    // /profile/api (exchanges.md; the gateway API docs link https://www.bitexbit.com/profile/api).
    // Inferred: that the site also serves it under a locale segment (/en/profile/api), as its
    // help centre does (www.bitexbit.com/en/support/...), with Russian as the unprefixed default.
    // Only the main account is modelled: neither the help centre (seed 001) nor the API docs
    // mention sub-accounts, so there is no sub-account API page to recognise.
    apiPages: [/^\/(?:[a-z]{2}\/)?profile\/api(?:\/|$)/i],
    vocabulary: {
      // Seed 001 (English help) gives "Access Key"/"Private Key". Inferred: the Russian page's
      // "Ключ доступа"/"Приватный ключ" and near synonyms.
      apiKey: ['access key', 'api key', 'public key', 'ключ доступа', 'публичный ключ', 'открытый ключ'],
      secret: ['private key', 'secret key', 'secret', 'приватный ключ', 'секретный ключ', 'закрытый ключ'],
      passphrase: null,
      // "the name of the key" (seed 001). Inferred: the exact words in either language.
      keyLabel: ['key name', 'name', 'название', 'название ключа', 'имя', 'имя ключа'],
      // "the list of IPs" (seed 001). Inferred: the exact words.
      ipWhitelist: ['ips', 'ip list', 'list of ips', 'ip address', 'allowed ips', 'ip-адрес', 'ip-адреса', 'список ip', 'список ip-адресов', 'разрешённые ip', 'разрешенные ip'],
      // Seed 001: read only (always), can trade, can withdraw (= full access: withdraw includes
      // trade, which a word cannot say; the form ticks "can trade" with it). Russian inferred.
      permissions: [
        { flag: 'withdraw', words: ['withdraw', 'withdrawal', 'full access', 'может выводить', 'вывод', 'вывод средств', 'полный доступ'] },
        { flag: 'trade', words: ['trade', 'trading', 'может торговать', 'торговля'] },
        { flag: 'read', words: ['read only', 'только чтение', 'только просмотр'] },
      ],
      // Inferred: how the list says a key accepts any IP.
      ipUnrestricted: ['any', 'any ip', 'all', 'none', 'not set', 'unrestricted', 'любой', 'любой ip', 'любые', 'все', 'не задан', 'не заданы', 'без ограничений'],
      subAccount: null,
    },
    limits: {
      // Seed 001: "the list of IPs", no maximum given; up to 16 keys.
      maxIps: null,
      maxKeys: 16,
      unboundRule: null,
    },
    fixtures: ['www.bitexbit.com/profile/api/index.html', 'www.bitexbit.com/en/profile/api/index.html'],
  },
};
