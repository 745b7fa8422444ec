/**
 * One description per exchange and language of its API-management page: what a person sees
 * (labels, permission toggles, buttons) and what the exchange's credentials look like. Written
 * from ../shared/exchanges.md and ../shared/seeds/*.txt, never from the readers: each entry
 * names its source. [V] = official doc, [T] = third party, [I] = inferred (our guess at the
 * wording a localized page uses; the facts behind it are sourced).
 */
import type { ExchangeId } from '../../src/core/records';
import { ALNUM, type Rng, base64, uuid } from './random';

/** zh-hant: Traditional Chinese, as HTX's Hong Kong pages (/zh-hk/) write it. */
export type Lang = 'en' | 'zh' | 'zh-hant' | 'ru';
export type Flag = 'read' | 'trade' | 'futures' | 'withdraw' | 'transfer' | 'other';

export interface ToggleWord {
  text: string;
  flag: Flag;
  /** The heading the toggle sits under (Bybit, Bitget and Gate group permissions by area). */
  group?: string;
  /** Shown checked and disabled: the permission every key has (Read, Query, General). */
  always?: boolean;
}

export interface PageWords {
  heading: string;
  createButton: string;
  submit: string;
  apiKey: string;
  secret: string;
  /** Only OKX, KuCoin and Bitget, where the user chooses one (exchanges.md, CCXT row). */
  passphrase?: string;
  name: string;
  /** An optional field a person leaves empty (HTX's "Remark (optional)", seed 003). */
  remark?: string;
  ips: string;
  subAccount: string;
  permissionsColumn: string;
  toggles: ToggleWord[];
}

export interface Credentials {
  apiKey: string;
  secret: string;
}

export interface PageDescription {
  exchange: ExchangeId;
  lang: Lang;
  /** The official host (exchanges.md, API page column). */
  host: string;
  path: string;
  /** The sub-account API page, for exchanges that have one; null when they have none. */
  subPath: string | null;
  words: PageWords;
  credentials(rng: Rng): Credentials;
  passphrase?: (rng: Rng) => string;
  subAccountName(rng: Rng): string;
  /** How the exchange takes several IPs, and whether it takes CIDR ranges. */
  ipSeparator: string;
  cidr: boolean;
  /** Binance and Bitget refuse withdraw without an IP restriction [V]: such a page never shows that state. */
  withdrawNeedsIp: boolean;
}

/** Words every page of a language shares (buttons, hints); [I]: common UI wording. */
export interface LangWords {
  close: string;
  edit: string;
  save: string;
  noIp: string;
  shownOnce: string;
  optional: string;
  copy(label: string): string;
  enable(text: string): string;
  can(text: string, flag: Flag): string;
  colon: string;
}

const EXPLAIN: Record<Lang, Record<Flag, string>> = {
  en: {
    read: 'view balances and history',
    trade: 'place and cancel spot orders',
    futures: 'open derivatives positions',
    withdraw: 'send funds to external addresses',
    transfer: 'move funds between accounts',
    other: 'additional features',
  },
  zh: {
    read: '查看余额与历史',
    trade: '现货下单与撤单',
    futures: '衍生品开仓',
    withdraw: '将资金转出到外部地址',
    transfer: '在账户之间划转资金',
    other: '其他功能',
  },
  'zh-hant': {
    read: '查看餘額與歷史',
    trade: '現貨下單與撤單',
    futures: '衍生品開倉',
    withdraw: '將資金轉出到外部地址',
    transfer: '在帳戶之間劃轉資金',
    other: '其他功能',
  },
  ru: {
    read: 'просмотр балансов и истории',
    trade: 'спотовые ордера',
    futures: 'позиции по деривативам',
    withdraw: 'отправка средств на внешние адреса',
    transfer: 'переводы между счетами',
    other: 'прочие функции',
  },
};

export const LANG: Record<Lang, LangWords> = {
  en: {
    close: 'I have saved it',
    edit: 'Edit',
    save: 'Save',
    noIp: 'Unrestricted',
    shownOnce: 'shown only once',
    optional: '(optional)',
    copy: (label) => `Copy ${label}`,
    enable: (text) => (/^(enable|permits?|can|allow)\b/i.test(text) ? text : `Enable ${text}`),
    can: (text, flag) => `${/^can\b/i.test(text) ? text : `Can ${text}`} / ${EXPLAIN.en[flag]}`,
    colon: ':',
  },
  zh: {
    close: '我已保存',
    edit: '编辑',
    save: '保存',
    noIp: '不限制',
    shownOnce: '仅显示一次',
    optional: '（选填）',
    copy: (label) => `复制${label}`,
    enable: (text) => (/^(开启|允许)/.test(text) ? text : `开启${text}`),
    can: (text, flag) => `${/^(允许|可)/.test(text) ? text : `允许${text}`} / ${EXPLAIN.zh[flag]}`,
    colon: '：',
  },
  'zh-hant': {
    close: '我已保存',
    edit: '編輯',
    save: '保存',
    noIp: '不限制',
    shownOnce: '僅顯示一次',
    optional: '（選填）',
    copy: (label) => `複製${label}`,
    enable: (text) => (/^(開啟|允許)/.test(text) ? text : `開啟${text}`),
    can: (text, flag) => `${/^(允許|可)/.test(text) ? text : `允許${text}`} / ${EXPLAIN['zh-hant'][flag]}`,
    colon: '：',
  },
  ru: {
    close: 'Я сохранил ключи',
    edit: 'Изменить',
    save: 'Сохранить',
    noIp: 'Без ограничений',
    shownOnce: 'показывается один раз',
    optional: '(необязательно)',
    copy: (label) => `Копировать: ${label}`,
    enable: (text) => (/^(разрешить|включить|может)/i.test(text) ? text : `Разрешить: ${text.toLowerCase()}`),
    can: (text, flag) => `${/^может/i.test(text) ? text : `Может: ${text.toLowerCase()}`} / ${EXPLAIN.ru[flag]}`,
    colon: ':',
  },
};

/** Second-language words for bilingual labels ("Secret Key (密钥)"): [I] the usual translations. */
export const TRANSLATION: Record<Lang, Record<'apiKey' | 'secret' | 'passphrase' | 'name' | 'ips', string>> = {
  en: { apiKey: 'API Key', secret: 'Secret Key', passphrase: 'Passphrase', name: 'Name', ips: 'IP whitelist' },
  zh: { apiKey: 'API 密钥', secret: '密钥', passphrase: '密码短语', name: '名称', ips: 'IP 白名单' },
  'zh-hant': { apiKey: 'API 密鑰', secret: '密鑰', passphrase: '密碼短語', name: '名稱', ips: 'IP 白名單' },
  ru: { apiKey: 'API-ключ', secret: 'Секретный ключ', passphrase: 'Кодовая фраза', name: 'Название', ips: 'Белый список IP' },
};

// ---- credential shapes (exchanges.md, "labels after creation" column) ----

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** HTX: `e2xxxxxx-99xxxxxx-84xxxxxx-7xxxx` [V]; the secret in the same 4-group shape [I]. */
function htxValue(rng: Rng): string {
  return [8, 8, 8, 5].map((n) => rng.fromAlphabet(LOWER_ALNUM, n)).join('-');
}

/** Coinbase CDP: an EC P-256 private key in SEC1 PEM, with its line breaks [V]. */
function ecPem(rng: Rng): string {
  // SEC1 DER: version 1, 32-byte private scalar, the prime256v1 OID, the uncompressed public point.
  const der = new Uint8Array([
    0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20, ...rng.bytes(32),
    0xa0, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07,
    0xa1, 0x44, 0x03, 0x42, 0x00, 0x04, ...rng.bytes(64),
  ]);
  const body = base64(der).match(/.{1,64}/g) ?? [];
  return ['-----BEGIN EC PRIVATE KEY-----', ...body, '-----END EC PRIVATE KEY-----'].join('\n');
}

function userPassphrase(rng: Rng): string {
  // A person's own passphrase: letters, digits and a mark, as the exchanges require.
  return `${rng.alnum(10)}${rng.pick(['!', '#', '@', '%'])}${rng.int(90) + 10}`;
}

function botName(rng: Rng): string {
  return `${rng.pick(['grid', 'dca', 'arb', 'hedge', 'scalp'])}${rng.pick(['bot', 'sub', 'desk'])}${rng.int(900) + 100}`;
}

// ---- the pages ----

const htxEn: PageWords = {
  // seed 003 (HTX API import guide): "Create API Key", "API Name", "Remark (optional)", the five
  // permissions, "IP Access Restriction", then "API Key" and "Secret Key (shown only once)".
  // exchanges.md [V]: the page itself says "Access Key" / "Secret Key".
  heading: 'API Management',
  createButton: 'Create API Key',
  submit: 'Create',
  apiKey: 'Access Key',
  secret: 'Secret Key',
  name: 'API Name',
  remark: 'Remark',
  ips: 'IP Access Restriction',
  subAccount: 'Sub-user',
  permissionsColumn: 'Permissions',
  toggles: [
    { text: 'Read', flag: 'read', always: true },
    { text: 'Trade', flag: 'trade' },
    { text: 'Futures / Swap Trade', flag: 'futures' },
    { text: 'Withdraw', flag: 'withdraw' },
    { text: 'Asset Transfer', flag: 'transfer' },
  ],
};

const htxZh: PageWords = {
  // [I] HTX's Chinese page for the same facts (seed 003 permissions, exchanges.md labels).
  heading: 'API管理',
  createButton: '创建API Key',
  submit: '创建',
  apiKey: 'Access Key',
  secret: '私钥',
  name: 'API名称',
  remark: '备注',
  ips: '绑定IP地址',
  subAccount: '子用户',
  permissionsColumn: '权限',
  toggles: [
    { text: '读取', flag: 'read', always: true },
    { text: '交易', flag: 'trade' },
    { text: '合约 / 永续交易', flag: 'futures' },
    { text: '提币', flag: 'withdraw' },
    { text: '资产划转', flag: 'transfer' },
  ],
};

const htxZhHant: PageWords = {
  // [I] HTX's Hong Kong page (/zh-hk/): the Chinese page's facts in Traditional characters, as the
  // zh-hk fixture writes them (src/exchanges/htx/NOTES.md).
  heading: 'API管理',
  createButton: '創建API Key',
  submit: '創建',
  apiKey: 'Access Key',
  secret: '私鑰',
  name: 'API名稱',
  remark: '備註',
  ips: '綁定IP地址',
  subAccount: '子用戶',
  permissionsColumn: '權限',
  toggles: [
    { text: '讀取', flag: 'read', always: true },
    { text: '交易', flag: 'trade' },
    { text: '合約 / 永續交易', flag: 'futures' },
    { text: '提幣', flag: 'withdraw' },
    { text: '資產劃轉', flag: 'transfer' },
  ],
};

const xtEn: PageWords = {
  // seed 000: "API Management", "Create API", "Alias Name" (required), "Whitelist IP" (optional),
  // query by default, trading and withdrawal authorised; "Public Key" / "Private Key" shown once.
  heading: 'API Management',
  createButton: 'Create API',
  submit: 'Create',
  apiKey: 'Public Key',
  secret: 'Private Key',
  name: 'Alias Name',
  ips: 'Whitelist IP',
  subAccount: 'Sub-account',
  permissionsColumn: 'Authorities',
  toggles: [
    { text: 'Query', flag: 'read', always: true },
    { text: 'Trade', flag: 'trade' },
    { text: 'Withdraw', flag: 'withdraw' },
  ],
};

const xtZh: PageWords = {
  // [I] the Chinese page for seed 000's facts.
  heading: 'API管理',
  createButton: '创建API',
  submit: '创建',
  apiKey: '公钥',
  secret: '私钥',
  name: '别名',
  ips: 'IP白名单',
  subAccount: '子账户',
  permissionsColumn: '权限',
  toggles: [
    { text: '查询', flag: 'read', always: true },
    { text: '交易', flag: 'trade' },
    { text: '提现', flag: 'withdraw' },
  ],
};

const bitexbitEn: PageWords = {
  // seed 001: "Add API key", the key's name, "can trade", "can withdraw/full access", "list of IPs",
  // "Create key", then "Access Key" and "Private Key"; read only when no box is ticked.
  heading: 'API Management',
  createButton: 'Add API key',
  submit: 'Create key',
  apiKey: 'Access Key',
  secret: 'Private Key',
  name: 'Key name',
  ips: 'List of IPs',
  subAccount: 'Sub-account',
  permissionsColumn: 'Access',
  toggles: [
    { text: 'Can trade', flag: 'trade' },
    { text: 'Can withdraw / full access', flag: 'withdraw' },
  ],
};

const bitexbitRu: PageWords = {
  // [I] the Russian page for seed 001's facts.
  heading: 'Управление API',
  createButton: 'Добавить API-ключ',
  submit: 'Создать ключ',
  apiKey: 'Ключ доступа',
  secret: 'Приватный ключ',
  name: 'Название ключа',
  ips: 'Список IP',
  subAccount: 'Субаккаунт',
  permissionsColumn: 'Доступ',
  toggles: [
    { text: 'Может торговать', flag: 'trade' },
    { text: 'Может выводить / полный доступ', flag: 'withdraw' },
  ],
};

const binanceEn: PageWords = {
  // exchanges.md [V]: "API Key", "Secret Key"; permissions enableReading, SpotAndMarginTrading,
  // Futures, Margin, Withdrawals, InternalTransfer, UniversalTransfer as the page words them.
  heading: 'API Management',
  createButton: 'Create API',
  submit: 'Next',
  apiKey: 'API Key',
  secret: 'Secret Key',
  name: 'Label API Key to proceed',
  ips: 'Restrict access to trusted IPs only',
  subAccount: 'Sub Account',
  permissionsColumn: 'API restrictions',
  toggles: [
    { text: 'Enable Reading', flag: 'read', always: true },
    { text: 'Enable Spot & Margin Trading', flag: 'trade' },
    { text: 'Enable Margin Loan, Repay & Transfer', flag: 'other' },
    { text: 'Enable Futures', flag: 'futures' },
    { text: 'Enable Withdrawals', flag: 'withdraw' },
    { text: 'Permits Universal Transfer', flag: 'transfer' },
  ],
};

const okxEn: PageWords = {
  // exchanges.md [V]: "API Key", "Secret Key", "Passphrase" (user's own); Read, Trade, Withdraw;
  // up to 20 IPs, comma or space separated.
  heading: 'API keys',
  createButton: 'Create API key',
  submit: 'Confirm',
  apiKey: 'API Key',
  secret: 'Secret Key',
  passphrase: 'Passphrase',
  name: 'API key name',
  ips: 'IP address',
  subAccount: 'Sub-account',
  permissionsColumn: 'Permissions',
  toggles: [
    { text: 'Read', flag: 'read', always: true },
    { text: 'Trade', flag: 'trade' },
    { text: 'Withdraw', flag: 'withdraw' },
  ],
};

const okxZh: PageWords = {
  // [I] OKX's Chinese page for the same facts.
  heading: 'API管理',
  createButton: '创建API Key',
  submit: '确认',
  apiKey: 'API Key',
  secret: '密钥',
  passphrase: '密码短语',
  name: '备注名',
  ips: '绑定IP地址',
  subAccount: '子账户',
  permissionsColumn: '权限',
  toggles: [
    { text: '读取', flag: 'read', always: true },
    { text: '交易', flag: 'trade' },
    { text: '提现', flag: 'withdraw' },
  ],
};

const bybitEn: PageWords = {
  // exchanges.md [V]: readOnly, groups ContractTrade, Spot, Wallet (contains "Withdraw"), Options,
  // Derivatives, Exchange, Earn; the toggles' own words repeat across groups ("Trade").
  heading: 'API Management',
  createButton: 'Create New Key',
  submit: 'Submit',
  apiKey: 'API Key',
  secret: 'API Secret',
  name: 'Name for the API key',
  ips: 'Only IPs with permissions granted are allowed to access the OpenAPI',
  subAccount: 'Subaccount',
  permissionsColumn: 'Permissions',
  toggles: [
    { text: 'Orders', flag: 'futures', group: 'Contract' },
    { text: 'Positions', flag: 'futures', group: 'Contract' },
    { text: 'Trade', flag: 'trade', group: 'Spot' },
    { text: 'Account Transfer', flag: 'transfer', group: 'Wallet' },
    { text: 'Subaccount Transfer', flag: 'transfer', group: 'Wallet' },
    { text: 'Withdrawal', flag: 'withdraw', group: 'Wallet' },
    // Options are derivatives: the same risk as futures for a spot-only binding (issue 8, point 6).
    { text: 'Trade', flag: 'futures', group: 'Options' },
    { text: 'Convert', flag: 'other', group: 'Exchange' },
    { text: 'Earn', flag: 'other', group: 'Earn' },
  ],
};

const bybitRu: PageWords = {
  // [I] the Russian page for the same groups.
  heading: 'Управление API',
  createButton: 'Создать новый ключ',
  submit: 'Отправить',
  apiKey: 'API-ключ',
  secret: 'Секретный ключ API',
  name: 'Название API-ключа',
  ips: 'Доступ к OpenAPI только с разрешённых IP',
  subAccount: 'Субаккаунт',
  permissionsColumn: 'Разрешения',
  toggles: [
    { text: 'Ордера', flag: 'futures', group: 'Контракты' },
    { text: 'Позиции', flag: 'futures', group: 'Контракты' },
    { text: 'Торговля', flag: 'trade', group: 'Спот' },
    { text: 'Перевод между счетами', flag: 'transfer', group: 'Кошелёк' },
    { text: 'Перевод на субаккаунт', flag: 'transfer', group: 'Кошелёк' },
    { text: 'Вывод средств', flag: 'withdraw', group: 'Кошелёк' },
    { text: 'Торговля', flag: 'futures', group: 'Опционы' },
    { text: 'Конвертация', flag: 'other', group: 'Обмен' },
    { text: 'Earn', flag: 'other', group: 'Earn' },
  ],
};

const kucoinEn: PageWords = {
  // exchanges.md [V]: "Key", "Secret", "Passphrase" (user-chosen); General, Spot, Margin, Futures,
  // Withdrawal.
  heading: 'API Management',
  createButton: 'Create API',
  submit: 'Next',
  apiKey: 'Key',
  secret: 'Secret',
  passphrase: 'API Passphrase',
  name: 'API Name',
  ips: 'IP Restriction',
  subAccount: 'Sub-account',
  permissionsColumn: 'API Permissions',
  toggles: [
    { text: 'General', flag: 'read', always: true },
    { text: 'Spot Trading', flag: 'trade' },
    { text: 'Margin Trading', flag: 'trade' },
    { text: 'Futures Trading', flag: 'futures' },
    { text: 'Withdrawal', flag: 'withdraw' },
  ],
};

const kucoinZh: PageWords = {
  // [I] KuCoin's Chinese page for the same facts.
  heading: 'API管理',
  createButton: '创建API',
  submit: '下一步',
  apiKey: 'API Key',
  secret: '密钥',
  passphrase: 'API密码',
  name: 'API名称',
  ips: 'IP限制',
  subAccount: '子账户',
  permissionsColumn: 'API权限',
  toggles: [
    { text: '通用', flag: 'read', always: true },
    { text: '现货交易', flag: 'trade' },
    { text: '杠杆交易', flag: 'trade' },
    { text: '合约交易', flag: 'futures' },
    { text: '提现', flag: 'withdraw' },
  ],
};

const gateEn: PageWords = {
  // exchanges.md [V]: areas wallet, spot, futures, delivery, earn, options, account, unified, loan,
  // each read-only or read-write; the toggle grants read-write on its area. Wallet read-write moves
  // funds out (withdrawals) [I: mapping].
  heading: 'APIv4 Keys',
  createButton: 'Create API Key',
  submit: 'Submit',
  apiKey: 'Key',
  secret: 'Secret',
  name: 'Remark',
  ips: 'IP Whitelist',
  subAccount: 'Sub-account',
  permissionsColumn: 'Permissions',
  toggles: [
    { text: 'Spot/Margin Trade — Read and Write', flag: 'trade', group: 'Spot/Margin' },
    { text: 'Perpetual Futures — Read and Write', flag: 'futures', group: 'Perpetual Futures' },
    { text: 'Delivery — Read and Write', flag: 'futures', group: 'Delivery' },
    { text: 'Wallet — Read and Write', flag: 'withdraw', group: 'Wallet' },
    { text: 'Earn — Read and Write', flag: 'other', group: 'Earn' },
    { text: 'Account — Read Only', flag: 'read', group: 'Account', always: true },
  ],
};

const gateZh: PageWords = {
  // [I] Gate's Chinese page for the same areas.
  heading: 'APIv4 密钥',
  createButton: '创建API密钥',
  submit: '提交',
  apiKey: 'Key',
  secret: 'Secret',
  name: '备注',
  ips: 'IP白名单',
  subAccount: '子账户',
  permissionsColumn: '权限',
  toggles: [
    { text: '现货/杠杆交易 — 读写', flag: 'trade', group: '现货/杠杆' },
    { text: '永续合约 — 读写', flag: 'futures', group: '永续合约' },
    { text: '交割合约 — 读写', flag: 'futures', group: '交割合约' },
    { text: '钱包 — 读写', flag: 'withdraw', group: '钱包' },
    { text: '理财 — 读写', flag: 'other', group: '理财' },
    { text: '账户 — 只读', flag: 'read', group: '账户', always: true },
  ],
};

const bitgetEn: PageWords = {
  // exchanges.md [V]: "APIKey", "SecretKey", "Passphrase" (user-set); read-only vs read-write per
  // area; withdraw only from a whitelisted IP. Area names [I].
  heading: 'API Management',
  createButton: 'Create API',
  submit: 'Next',
  apiKey: 'APIKey',
  secret: 'SecretKey',
  passphrase: 'Passphrase',
  name: 'Notes',
  ips: 'Bind IP address',
  subAccount: 'Sub-account',
  permissionsColumn: 'Permissions',
  toggles: [
    { text: 'Read-only', flag: 'read', always: true },
    { text: 'Futures trade', flag: 'futures', group: 'Futures' },
    { text: 'Spot trade', flag: 'trade', group: 'Spot' },
    { text: 'Transfer', flag: 'transfer', group: 'Wallet' },
    { text: 'Withdraw', flag: 'withdraw', group: 'Wallet' },
    { text: 'Copy trading', flag: 'other', group: 'Copy trading' },
  ],
};

const mexcEn: PageWords = {
  // exchanges.md [V]: SPOT_ACCOUNT_READ/WRITE, SPOT_DEAL_READ/WRITE, withdraw; the page words [I].
  heading: 'API Management',
  createButton: 'Create API',
  submit: 'Create',
  apiKey: 'Access Key',
  secret: 'Secret Key',
  name: 'Notes',
  ips: 'Link IP Address',
  subAccount: 'Sub-account',
  permissionsColumn: 'Permissions',
  toggles: [
    { text: 'View Account Details', flag: 'read', group: 'Account', always: true },
    { text: 'View Order Details', flag: 'read', group: 'Trade', always: true },
    { text: 'Trade', flag: 'trade', group: 'Trade' },
    { text: 'Withdraw', flag: 'withdraw', group: 'Withdraw' },
  ],
};

const mexcZh: PageWords = {
  // [I] MEXC's Chinese page for the same permissions.
  heading: 'API管理',
  createButton: '创建API',
  submit: '创建',
  apiKey: 'Access Key',
  secret: '密钥',
  name: '备注',
  ips: '绑定IP地址',
  subAccount: '子账户',
  permissionsColumn: '权限',
  toggles: [
    { text: '查看账户详情', flag: 'read', group: '账户', always: true },
    { text: '查看订单详情', flag: 'read', group: '交易', always: true },
    { text: '交易', flag: 'trade', group: '交易' },
    { text: '提现', flag: 'withdraw', group: '提现' },
  ],
};

const coinbaseEn: PageWords = {
  // exchanges.md [V]: the key is named `organizations/{org}/apiKeys/{id}` ("API key name") and comes
  // with a private key; permissions view, trade, transfer (transfer moves funds); optional allowlist.
  heading: 'API Keys',
  createButton: 'Create API key',
  submit: 'Create & download',
  apiKey: 'API key name',
  secret: 'Private key',
  name: 'API key nickname',
  ips: 'IP allowlist',
  subAccount: 'Portfolio',
  permissionsColumn: 'Permissions',
  toggles: [
    { text: 'View (read-only)', flag: 'read', always: true },
    { text: 'Trade', flag: 'trade' },
    // "transfer = moves funds" [V]: Coinbase's transfer sends funds out of the account, which is
    // what Keyward's withdraw flag stands for (not HTX's transfer between one's own accounts).
    { text: 'Transfer', flag: 'withdraw' },
  ],
};

const krakenEn: PageWords = {
  // exchanges.md [V]: public key / private key; Query Funds, Deposit Funds, Withdraw Funds,
  // Query/Create/Cancel Orders, Query Ledger, Export Data, WebSocket.
  heading: 'API',
  createButton: 'Create API key',
  submit: 'Generate key',
  apiKey: 'API Key',
  secret: 'Private Key',
  name: 'Key description',
  ips: 'IP address restriction',
  subAccount: 'Subaccount',
  permissionsColumn: 'Key permissions',
  toggles: [
    { text: 'Query Funds', flag: 'read', group: 'Funds permissions', always: true },
    { text: 'Deposit Funds', flag: 'other', group: 'Funds permissions' },
    { text: 'Withdraw Funds', flag: 'withdraw', group: 'Funds permissions' },
    { text: 'Query Open Orders & Trades', flag: 'read', group: 'Orders and trades', always: true },
    { text: 'Create & Modify Orders', flag: 'trade', group: 'Orders and trades' },
    { text: 'Cancel & Close Orders', flag: 'trade', group: 'Orders and trades' },
    { text: 'Query Ledger Entries', flag: 'read', group: 'Data', always: true },
    { text: 'Export Data', flag: 'other', group: 'Data' },
  ],
};

/** HTX's locale segment for each language its pages come in (English for any other). */
const HTX_LOCALE: Record<Lang, string> = { en: 'en-us', zh: 'zh-cn', 'zh-hant': 'zh-hk', ru: 'en-us' };

function htxDescription(lang: Lang, words: PageWords): PageDescription {
  return {
    exchange: 'htx',
    lang,
    host: 'www.htx.com',
    // exchanges.md [V]: www.htx.com/en-us/apikey; sub-users have their own key page [I: path].
    path: `/${HTX_LOCALE[lang]}/apikey`,
    subPath: `/${HTX_LOCALE[lang]}/subaccount/apikey`,
    words,
    credentials: (rng) => ({ apiKey: htxValue(rng), secret: htxValue(rng) }),
    subAccountName: botName,
    // [V]: up to 20 IPs or CIDR ranges, comma-separated.
    ipSeparator: ',',
    cidr: true,
    withdrawNeedsIp: false,
  };
}

function xtDescription(lang: Lang, words: PageWords): PageDescription {
  return {
    exchange: 'xt',
    lang,
    host: 'www.xt.com',
    // seed 000: User Center > API Management; sub-accounts have their own API page.
    path: lang === 'zh' ? '/zh-CN/accounts/api' : '/en/accounts/api',
    subPath: lang === 'zh' ? '/zh-CN/accounts/sub-account/api' : '/en/accounts/sub-account/api',
    words,
    // exchanges.md [V]: key a UUID, secret 40 hex.
    credentials: (rng) => ({ apiKey: uuid(rng), secret: rng.hex(40) }),
    subAccountName: botName,
    // seed 000: "192.168.1.1, 192.168.1.2" and IP segments.
    ipSeparator: ', ',
    cidr: true,
    withdrawNeedsIp: false,
  };
}

function bitexbitDescription(lang: Lang, words: PageWords): PageDescription {
  return {
    exchange: 'bitexbit',
    lang,
    // exchanges.md [V]: bitexbit.com/profile/api.
    host: 'bitexbit.com',
    path: lang === 'ru' ? '/ru/profile/api' : '/profile/api',
    subPath: null,
    words,
    // [I] no published shape: long alphanumerics, as most HMAC exchanges issue.
    credentials: (rng) => ({ apiKey: rng.alnum(40), secret: rng.alnum(64) }),
    subAccountName: botName,
    ipSeparator: ', ',
    cidr: false,
    withdrawNeedsIp: false,
  };
}

function bybitDescription(lang: Lang, words: PageWords): PageDescription {
  return {
    exchange: 'bybit',
    lang,
    host: 'www.bybit.com',
    // exchanges.md [I]: /app/user/api-management; sub-accounts manage keys from the sub-account page.
    path: lang === 'ru' ? '/ru-RU/app/user/api-management' : '/app/user/api-management',
    subPath: lang === 'ru' ? '/ru-RU/user/assets/money-manage/subaccount/api' : '/user/assets/money-manage/subaccount/api',
    words,
    // [I] system-generated HMAC key and secret [V]; the lengths (18 and 36 alphanumerics) are ours.
    credentials: (rng) => ({ apiKey: rng.alnum(18), secret: rng.alnum(36) }),
    subAccountName: botName,
    ipSeparator: ',',
    cidr: false,
    withdrawNeedsIp: false,
  };
}

function kucoinDescription(lang: Lang, words: PageWords): PageDescription {
  return {
    exchange: 'kucoin',
    lang,
    host: 'www.kucoin.com',
    path: lang === 'zh' ? '/zh-hant/account/api' : '/account/api',
    subPath: lang === 'zh' ? '/zh-hant/account/sub/api' : '/account/sub/api',
    words,
    // exchanges.md [V]: key 24 hex; the secret a UUID-like string.
    credentials: (rng) => ({ apiKey: rng.hex(24), secret: uuid(rng) }),
    passphrase: userPassphrase,
    subAccountName: botName,
    ipSeparator: ',',
    cidr: false,
    withdrawNeedsIp: false,
  };
}

function okxDescription(lang: Lang, words: PageWords): PageDescription {
  return {
    exchange: 'okx',
    lang,
    host: 'www.okx.com',
    // exchanges.md [I]: www.okx.com/account/my-api.
    path: lang === 'zh' ? '/zh-hans/account/my-api' : '/account/my-api',
    subPath: lang === 'zh' ? '/zh-hans/account/sub-account/api' : '/account/sub-account/api',
    words,
    // exchanges.md: UUID key, 32 hex secret (upper case on the page [I]).
    credentials: (rng) => ({ apiKey: uuid(rng), secret: rng.hex(32).toUpperCase() }),
    passphrase: userPassphrase,
    subAccountName: botName,
    // [V]: comma or space separated.
    ipSeparator: ' ',
    cidr: false,
    withdrawNeedsIp: false,
  };
}

function gateDescription(lang: Lang, words: PageWords): PageDescription {
  return {
    exchange: 'gate',
    lang,
    host: 'www.gate.io',
    // exchanges.md [I]: www.gate.io/myaccount/apikeys.
    path: lang === 'zh' ? '/zh/myaccount/apikeys' : '/myaccount/apikeys',
    subPath: lang === 'zh' ? '/zh/myaccount/sub_account/apikeys' : '/myaccount/sub_account/apikeys',
    words,
    // exchanges.md [I]: key 32 hex, secret 64 hex.
    credentials: (rng) => ({ apiKey: rng.hex(32), secret: rng.hex(64) }),
    subAccountName: botName,
    ipSeparator: ',',
    cidr: false,
    withdrawNeedsIp: false,
  };
}

function mexcDescription(lang: Lang, words: PageWords): PageDescription {
  return {
    exchange: 'mexc',
    lang,
    host: 'www.mexc.com',
    // exchanges.md [I]: www.mexc.com/user/openapi.
    path: lang === 'zh' ? '/zh-CN/user/openapi' : '/user/openapi',
    subPath: null,
    words,
    // exchanges.md [V]: key like `mx0aBYs33eIilxBWC5`, secret 32 hex.
    credentials: (rng) => ({ apiKey: `mx0${rng.fromAlphabet(ALNUM, 15)}`, secret: rng.hex(32) }),
    subAccountName: botName,
    ipSeparator: ',',
    cidr: false,
    withdrawNeedsIp: false,
  };
}

export const PAGES: readonly PageDescription[] = [
  htxDescription('en', htxEn),
  htxDescription('zh', htxZh),
  htxDescription('zh-hant', htxZhHant),
  xtDescription('en', xtEn),
  xtDescription('zh', xtZh),
  bitexbitDescription('en', bitexbitEn),
  bitexbitDescription('ru', bitexbitRu),
  {
    exchange: 'binance',
    lang: 'en',
    host: 'www.binance.com',
    path: '/en/my/settings/api-management',
    // Binance sub-accounts have an API management page of their own [I: path].
    subPath: '/en/my/sub-account/api-management',
    words: binanceEn,
    // exchanges.md [V]: both 64 alphanumerics.
    credentials: (rng) => ({ apiKey: rng.alnum(64), secret: rng.alnum(64) }),
    // Binance sub-accounts are named by (virtual) e-mail addresses [I].
    subAccountName: (rng) => `${botName(rng)}_virtual@${rng.hex(8)}noreply.com`,
    // [V]: comma-separated, max 30; withdraw requires an IP restriction.
    ipSeparator: ',',
    cidr: false,
    withdrawNeedsIp: true,
  },
  okxDescription('en', okxEn),
  okxDescription('zh', okxZh),
  bybitDescription('en', bybitEn),
  bybitDescription('ru', bybitRu),
  kucoinDescription('en', kucoinEn),
  kucoinDescription('zh', kucoinZh),
  gateDescription('en', gateEn),
  gateDescription('zh', gateZh),
  {
    exchange: 'bitget',
    lang: 'en',
    host: 'www.bitget.com',
    // exchanges.md [I]: www.bitget.com/account/newapi.
    path: '/account/newapi',
    subPath: '/account/sub-account/api',
    words: bitgetEn,
    // exchanges.md [I]: key often `bg_` + hex; the secret 64 hex [I].
    credentials: (rng) => ({ apiKey: `bg_${rng.hex(32)}`, secret: rng.hex(64) }),
    passphrase: userPassphrase,
    subAccountName: botName,
    ipSeparator: ',',
    cidr: false,
    // [V]: withdraw only from a whitelisted IP.
    withdrawNeedsIp: true,
  },
  mexcDescription('en', mexcEn),
  mexcDescription('zh', mexcZh),
  {
    exchange: 'coinbase',
    lang: 'en',
    host: 'portal.cdp.coinbase.com',
    path: '/projects/api-keys',
    subPath: null,
    words: coinbaseEn,
    credentials: (rng) => ({ apiKey: `organizations/${uuid(rng)}/apiKeys/${uuid(rng)}`, secret: ecPem(rng) }),
    subAccountName: botName,
    ipSeparator: ', ',
    cidr: true,
    withdrawNeedsIp: false,
  },
  {
    exchange: 'kraken',
    lang: 'en',
    host: 'www.kraken.com',
    // exchanges.md [V]: www.kraken.com/u/security/api.
    path: '/u/security/api',
    subPath: null,
    words: krakenEn,
    // exchanges.md [V]: public key 56 base64 chars (42 bytes), private key 88 (64 bytes, padded).
    credentials: (rng) => ({ apiKey: base64(rng.bytes(42)), secret: base64(rng.bytes(64)) }),
    subAccountName: botName,
    ipSeparator: ', ',
    cidr: true,
    withdrawNeedsIp: false,
  },
];

/** The other language an exchange ships, for bilingual labels; null for English-only exchanges. */
export function otherLanguage(page: PageDescription): Lang | null {
  const langs = PAGES.filter((p) => p.exchange === page.exchange && p.lang !== page.lang).map((p) => p.lang);
  return langs[0] ?? null;
}

/** A public IPv4 address (never private or reserved: those are refused by design, not at issue here). */
export function publicIp(rng: Rng): string {
  return `${rng.pick([34, 45, 52, 91, 103, 138, 149, 185])}.${rng.int(254) + 1}.${rng.int(254) + 1}.${rng.int(253) + 1}`;
}
