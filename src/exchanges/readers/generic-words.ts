import type { Words } from '../../dom/words';
import type { PageVocabulary, PermissionWord } from '../types';

/**
 * Words most exchanges use, in English, Chinese and Russian. Readers add them to an exchange's
 * own words, so a redesign that renames "Access Key" to "API Key" is still read; a match on the
 * exchange's own words counts as stronger evidence than one on these.
 */
export const GENERIC_WORDS: PageVocabulary = {
  apiKey: [
    'api key', 'apikey', 'access key', 'access key id', 'public key', 'app key', 'appkey', 'key',
    'api 密钥', 'api key', '访问密钥', '公钥', 'api密钥', 'apikey', '密钥 id',
    'api-ключ', 'api ключ', 'ключ api', 'ключ доступа', 'публичный ключ', 'открытый ключ', 'ключ',
  ],
  secret: [
    'secret key', 'secretkey', 'api secret', 'secret', 'private key', 'secret access key', 'api private key',
    '密钥', '私钥', 'secret key', '秘钥', 'api 私钥', '安全密钥',
    'секретный ключ', 'секрет', 'приватный ключ', 'закрытый ключ', 'секретный api-ключ',
  ],
  passphrase: ['passphrase', 'api passphrase', 'password', '密码', 'api 密码', '口令', 'пароль', 'парольная фраза', 'кодовая фраза'],
  keyLabel: [
    'name for the api key', 'name of the key', 'api key name', 'api name', 'key name', 'name', 'label', 'notes', 'note', 'remark', 'remarks', 'nickname', 'description',
    '名称', 'api 名称', '备注', '标签', 'api 备注', 'название', 'имя', 'метка', 'примечание', 'комментарий',
  ],
  ipWhitelist: [
    'ip whitelist', 'ip white list', 'ip address', 'ip addresses', 'ip restriction', 'ip access restriction', 'trusted ip', 'bind ip',
    'bound ip', 'ip access', 'ip allowlist', 'allowed ip', 'ips', 'ip',
    'ip 白名单', 'ip白名单', '白名单', '绑定 ip', 'ip 地址', 'ip地址', '绑定ip',
    'белый список ip', 'ip-адреса', 'ip адреса', 'ip-адрес', 'разрешенные ip', 'доверенные ip', 'только с разрешенных ip',
  ],
  permissions: [
    { flag: 'withdraw', words: ['withdraw', 'withdrawal', 'withdrawals', 'withdraw funds', '提币', '提现', '提幣', 'вывод', 'вывод средств'] },
    { flag: 'transfer', words: ['transfer', 'internal transfer', 'universal transfer', 'asset transfer', '划转', '转账', 'перевод', 'переводы'] },
    {
      flag: 'futures',
      words: ['futures', 'futures trade', 'futures trading', 'contract', 'contracts', 'derivatives', 'perpetual', 'swap', 'swap trade',
        '合约', '合约交易', '期货', '永续', 'фьючерсы', 'фьючерс', 'деривативы', 'контракты'],
    },
    { flag: 'trade', words: ['trade', 'trading', 'spot trading', 'spot', 'orders', 'order', '交易', '现货交易', '现货', 'торговля', 'торговать', 'трейдинг'] },
    { flag: 'read', words: ['read', 'read only', 'read-only', 'reading', 'view', 'query', 'general', '读取', '只读', '查询', 'чтение', 'только чтение', 'просмотр'] },
  ] satisfies PermissionWord[],
  ipUnrestricted: [
    'unrestricted', 'no restriction', 'no ip restriction', 'not bound', 'not linked', 'unlinked', 'none', 'any ip', 'all ips', 'no',
    '不限制', '无限制', '未绑定', '不绑定', '否', 'без ограничений', 'не привязан', 'нет',
  ],
  subAccount: ['sub-account', 'sub account', 'subaccount', 'sub-user', '子用户', 'sub-account name', 'sub-account email', '子账户', '子账号', 'субаккаунт', 'суб-аккаунт'],
};

/**
 * What a long code on an exchange page is when it is not an API credential: an authenticator
 * setup key, a deposit address or memo, an order or transaction id, a referral code, an account
 * or project id. A value named by these is never captured, offered or reported.
 */
export const NOT_A_CREDENTIAL: Words = [
  'authenticator', 'google authenticator', '2fa', 'two-factor', 'two factor', 'totp', 'setup key', 'backup key', 'recovery key',
  'recovery code', 'verification',
  'deposit', 'deposit address', 'address', 'wallet address', 'memo', 'tag', 'destination tag', 'payment id',
  'txid', 'tx id', 'tx hash', 'hash', 'transaction', 'transaction id', 'order', 'order id', 'order no', 'client order id', 'trade id',
  'referral', 'referral code', 'referral link', 'invite', 'invitation', 'invite code', 'promo code', 'coupon',
  'uid', 'user id', 'account id', 'project id', 'organization id', 'organisation id', 'org id', 'sub-account id', 'member id',
  'contract address', 'token address', 'signature',
  '谷歌验证', '验证器', '身份验证器', '充值', '充币', '地址', '充值地址', '提币地址', '订单', '订单号', '交易哈希', '哈希', '邀请', '邀请码', '推荐', '推荐码',
  '用户 id', '用户id', 'аутентификатор', 'депозит', 'адрес', 'мемо', 'тег', 'ордер', 'заявка', 'транзакция', 'хэш', 'хеш',
  'реферальный', 'реферальная', 'приглашение', 'промокод',
];

/** An exchange's words with the generic words after them. */
export function withGeneric(own: Words | null, generic: Words | null): Words {
  return [...(own ?? []), ...(generic ?? [])];
}
