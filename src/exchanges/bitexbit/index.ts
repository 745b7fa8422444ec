import type { ExchangeDefinition } from '../types';
import { words } from '../../i18n/keys';

// Where each fact here comes from (documentation, seeds, third parties, inference): NOTES.md.
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;
const HINT = words('credHintToken');

/**
 * Fixture pages (in fixtures/, by host and path) modelled on this exchange's site: its test URLs.
 * Beside the definition rather than in it, so no content script carries test data.
 */
export const FIXTURES: readonly string[] = ['www.bitexbit.com/profile/api/index.html', 'www.bitexbit.com/en/profile/api/index.html'];

export const bitexbit: ExchangeDefinition<'bitexbit'> = {
  id: 'bitexbit',
  name: 'bitexbit',
  hosts: ['bitexbit.com', 'www.bitexbit.com'],
  platformNames: ['bitexbit'],
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
    signals: ['API Management', 'API Keys', 'Create API', 'Create API Key', 'API Key Management', 'Управление API', 'API-ключи', 'Создать API', 'Создать API-ключ'],
    apiPages: [/^\/(?:[a-z]{2}\/)?profile\/api(?:\/|$)/i],
    vocabulary: {
      apiKey: ['access key', 'api key', 'public key', 'ключ доступа', 'публичный ключ', 'открытый ключ'],
      secret: ['private key', 'secret key', 'secret', 'приватный ключ', 'секретный ключ', 'закрытый ключ'],
      passphrase: null,
      keyLabel: ['key name', 'name', 'название', 'название ключа', 'имя', 'имя ключа'],
      ipWhitelist: ['ips', 'ip list', 'list of ips', 'ip address', 'allowed ips', 'ip-адрес', 'ip-адреса', 'список ip', 'список ip-адресов', 'разрешённые ip', 'разрешенные ip'],
      permissions: [
        { flag: 'withdraw', words: ['withdraw', 'withdrawal', 'full access', 'может выводить', 'вывод', 'вывод средств', 'полный доступ'] },
        { flag: 'trade', words: ['trade', 'trading', 'может торговать', 'торговля'] },
        { flag: 'read', words: ['read only', 'только чтение', 'только просмотр'] },
      ],
      ipUnrestricted: ['any', 'any ip', 'all', 'none', 'not set', 'unrestricted', 'любой', 'любой ip', 'любые', 'все', 'не задан', 'не заданы', 'без ограничений'],
      subAccount: null,
    },
    limits: {
      maxIps: null,
      maxKeys: 16,
      unboundRule: null,
    },
  },
};
