import { pemPrivateKeyPattern } from '../../core/credential-format';
import type { ExchangeDefinition } from '../types';
import { words } from '../../i18n/keys';


// Where each fact here comes from (documentation, seeds, third parties, inference): NOTES.md.
/**
 * Fixture pages (in fixtures/, by host and path) modelled on this exchange's site: its test URLs.
 * Beside the definition rather than in it, so no content script carries test data.
 */
export const FIXTURES: readonly string[] = ['www.bybit.com/app/user/api-management/index.html'];

export const bybit: ExchangeDefinition<'bybit'> = {
  id: 'bybit',
  name: 'Bybit',
  hosts: [
    'www.bybit.com',
    'bybit.com',
    'www.bybit.eu',
    'bybit.eu',
    'www.bybit.nl',
    'bybit.nl',
    'www.bybit-tr.com',
    'bybit-tr.com',
    'www.bybit.kz',
    'bybit.kz',
    'www.bybit.ae',
    'bybit.ae',
    'www.bybit.id',
    'bybit.id',
  ],
  platformNames: ['bybit', 'bybit spot', 'bybit futures', 'bybit unified', 'bybit derivatives'],
  apiPageUrl: 'https://www.bybit.com/app/user/api-management',
  credentials: {
    apiKeyLabel: 'API Key',
    secretLabel: 'Secret Key',
    passphrase: false,
    apiKeyPatterns: [/^[A-Za-z0-9]{18,24}$/],
    secretPatterns: [/^[A-Za-z0-9]{36,48}$/, pemPrivateKeyPattern(['PKCS8', 'ENCRYPTED', 'RSA'])],
    apiKeyHint: words('credHintAlnum18to24'),
    secretHint: words('credHintAlnum36to48OrPem'),
  },
  page: {
    signals: ['API Management', 'API Keys', 'Create API', 'Create API Key', 'API Key Management', 'Create New Key', 'Управление API', 'API-ключи', 'Создать API', 'Создать API-ключ'],
    // /app/user/api-management on every regional host, with or without a locale prefix.
    apiPages: [/^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?app\/user\/api-management(?:[/?#]|$)/i],
    vocabulary: {
      apiKey: ['api key'],
      secret: ['api secret', 'secret key'],
      passphrase: null,
      keyLabel: ['name', 'api key name', 'remarks', 'notes', 'название', 'название api-ключа'],
      ipWhitelist: ['only ips with permissions granted are allowed to access the openapi', 'ip access', 'ips', 'ip address', 'bound ips', 'ip-адреса'],
      permissions: [
        { flag: 'withdraw', words: ['withdrawals', 'withdraw', 'вывод'] },
        { flag: 'transfer', words: ['account transfer', 'sub-account transfer', 'sub member transfer', 'перевод'] },
        { flag: 'futures', words: ['positions', 'contract', 'contract trade', 'options', 'derivatives', 'derivatives trade', 'usdc contracts', 'unified trading', 'options trade', 'фьючерсы', 'деривативы', 'контракты', 'позиции', 'опционы'] },
        { flag: 'trade', words: ['orders', 'trade', 'spot trade', 'spot', 'copy trading', 'block trade', 'торговля', 'спот', 'ордера'] },
        { flag: 'read', words: ['read-only', 'read-write', 'только чтение', 'чтение и запись'] },
        // Convert swaps one coin for another at a quote: no orders a bot could place.
        { flag: 'other', words: ['earn', 'nft', 'affiliate', 'convert', 'exchange', 'конвертация', 'обмен'] },
      ],
      ipUnrestricted: ['no ip restriction', 'unrestricted', 'none', 'без ограничений'],
      subAccount: ['sub-account', 'sub uid', 'субаккаунт'],
    },
    limits: {
      maxIps: null,
      maxKeys: null,
      unboundRule: words('noteRuleBybit'),
    },
  },
};
