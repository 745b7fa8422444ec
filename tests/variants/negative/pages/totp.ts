/**
 * Authenticator (TOTP) setup pages: a base32 setup key beside a QR code, labelled "Setup key",
 * "Key", "Secret key" (!), "密钥", "Секретный ключ". The key is credential-shaped (16-32 base32
 * characters with digits) and some lengths match an exchange's API-key shape (Bybit 18-24
 * alphanumerics, bitexbit 16+). None of it is an API secret.
 */
import type { NearMiss, Page } from '../drive';
import { okxApiPage, gateApiPageZh } from './api-pages';
import { page, type Field, keyFields, nearMiss, type NewKey, valueRows } from './build';
import { copyButton, css, inlineRow, inputRow, qrCode, shell, valueRow } from './chrome';

// Base32 setup keys (RFC 4648 alphabet), as authenticator apps accept them.
export const TOTP = {
  binance: 'DGQAQ7V6G72G5UNJ',
  htx: '77PVZ2E2VLYZ2CKVJLP35HTMFYS2FQ4H',
  bybit: 'MDVWRQRY52XXGKEH37RK24JD',
  bitexbit: '5IWZDNAPG4VGZ6LF',
  kucoin: '3LVHZXQHVQAX6VXOQ44J4YYHVVVO35IF',
  okx: 'Q4XKZ7MB2RWN6TJE',
  gate: 'H7K2PQ4ZR6MWX3TNJB5VYLC2DA7FGE4S',
} as const;

/**
 * Modelled on Binance's "Enable Authenticator App" page (Security > Two-Factor Authentication >
 * Authenticator App; Binance FAQ "How to Enable Binance/Google Authenticator"): three steps,
 * download the app, scan the QR code or enter the setup key manually (with a copy button), then
 * the 6-digit code. `fields` is what step 2 shows.
 */
function binanceAuthenticator(fields: Field[]): string {
  return shell('Binance', 'en', 'Enable Authenticator App', `<ol class="${css('steps')}">
      <li><div class="${css('step-title')}">Download and install the Binance Authenticator or Google Authenticator app</div></li>
      <li><div class="${css('step-title')}">Scan this QR code in the Authenticator app</div>
        ${qrCode('QR code')}
        <div class="${css('step-hint')}">If you are unable to scan the QR code, please enter this code manually into the app.</div>
        ${valueRows(fields)}
        <div class="${css('warn')}">Please save this key on paper. This key will allow you to recover your Authenticator in case of phone loss.</div></li>
      <li><div class="${css('step-title')}">Enter the 6-digit code from the Authenticator app</div>
        <label>Authenticator App Code</label><input type="text" inputmode="numeric" maxlength="6"></li>
    </ol><button type="button">Submit</button>`,
  );
}

/**
 * Modelled on HTX's "绑定谷歌验证器" (Security Center > Google Authenticator, zh-cn; HTX help
 * "如何绑定谷歌验证"): QR code, the key in a readonly input with 复制 (copy), a reminder to back the
 * key up, then 谷歌验证码 and 短信验证码 inputs.
 */
function htxAuthenticatorZh(fields: Field[]): string {
  return shell('HTX', 'zh', '绑定谷歌验证器', `<div class="${css('ga')}"><p>1. 在手机上下载并安装谷歌验证器（Google Authenticator）</p>
      <p>2. 使用谷歌验证器扫描下方二维码，或手动输入密钥</p>${qrCode('二维码')}
      ${fields.map((f) => inputRow(f.label, f.value, copyButton('复制', 'text'))).join('')}
      <p class="${css('warn')}">请将密钥妥善备份，用于手机丢失后恢复谷歌验证器。</p>
      <div><label>谷歌验证码</label><input type="text" maxlength="6" placeholder="请输入6位谷歌验证码"></div>
      <div><label>短信验证码</label><input type="text" maxlength="6"><button type="button">发送</button></div>
      <button type="button">确认绑定</button></div>`,
  );
}

/**
 * The same page on HTX's Hong Kong site (/zh-hk/), in Traditional characters: 密鑰, 驗證, 綁定 read
 * as their Simplified forms, so this must stay as unseen as the zh-cn page.
 */
function htxAuthenticatorZhHant(fields: Field[]): string {
  return shell('HTX', 'zh-hant', '綁定谷歌驗證器', `<div class="${css('ga')}"><p>1. 在手機上下載並安裝谷歌驗證器（Google Authenticator）</p>
      <p>2. 使用谷歌驗證器掃描下方二維碼，或手動輸入密鑰</p>${qrCode('二維碼')}
      ${fields.map((f) => inputRow(f.label, f.value, copyButton('複製', 'text'))).join('')}
      <p class="${css('warn')}">請將密鑰妥善備份，用於手機丟失後恢復谷歌驗證器。</p>
      <div><label>谷歌驗證碼</label><input type="text" maxlength="6" placeholder="請輸入6位谷歌驗證碼"></div>
      <div><label>短信驗證碼</label><input type="text" maxlength="6"><button type="button">發送</button></div>
      <button type="button">確認綁定</button></div>`,
  );
}

/**
 * Modelled on Bybit's Google Authenticator binding in Russian (Безопасность > Google Authenticator;
 * Bybit help "Как привязать Google Authenticator"): a bare-text label before the key in a <code>,
 * a copy icon, the account name the app will show, then the 6-digit code.
 */
function bybitAuthenticatorRu(fields: Field[]): string {
  return shell('Bybit', 'ru', 'Привязка Google Authenticator', `<div class="${css('panel')}"><p>Отсканируйте QR-код в приложении Google Authenticator или введите ключ вручную.</p>
      ${qrCode('QR-код')}
      ${fields.map((f) => inlineRow(`${f.label}:`, f.value, copyButton('Копировать'))).join('')}
      <p>Аккаунт: Bybit (u***8@mail.ru)</p>
      <label>Код Google Authenticator</label><input type="text" maxlength="6">
      <button type="button">Подтвердить</button></div>`,
  );
}

/**
 * Modelled on bitexbit's two-factor page (bitexbit.com/profile/security, Russian UI): "Секретный
 * ключ" as a definition-list entry under the QR code, then the code field.
 */
function bitexbitTwoFactorRu(fields: Field[]): string {
  return shell('bitexbit', 'ru', 'Двухфакторная аутентификация', `<div class="${css('tfa')}">${qrCode('QR-код для приложения')}
      <dl class="${css('dl')}">${fields.map((f) => `<dt>${f.label}</dt><dd><span>${f.value}</span>${copyButton('Скопировать')}</dd>`).join('')}</dl>
      <p>Сохраните секретный ключ: он нужен для восстановления доступа.</p>
      <label for="tfa-code">Код из приложения</label><input id="tfa-code" type="text" maxlength="6">
      <button type="button">Включить 2FA</button></div>`,
  );
}

/**
 * Modelled on KuCoin's "Bind Google Authenticator" dialog (Account Security > Google 2FA > Bind;
 * KuCoin help "How to bind Google 2FA"), which the app renders a moment after the click: QR code,
 * "Key" with a copy icon, "Google Verification Code".
 */
function kucoinAuthenticatorDialog(fields: Field[]): string {
  return `<div role="dialog" aria-modal="true" class="${css('modal')}">
    <div class="${css('modal-title')}">Bind Google Authenticator</div>
    <p>Scan the QR code with Google Authenticator, or enter the key manually.</p>${qrCode('QR code')}
    ${valueRows(fields)}
    <p>Please back up the key. It is used to restore Google 2FA if you lose your phone.</p>
    <label>Google Verification Code</label><input type="text" maxlength="6">
    <button type="button">Confirm</button></div>`;
}

const KUCOIN_SECURITY = shell('KuCoin', 'en', 'Account Security', `<div class="${css('security')}">${valueRow('Login Password', 'Set', '<button type="button">Change</button>')}
     ${valueRow('Trading Password', 'Set', '<button type="button">Change</button>')}
     ${valueRow('Google 2FA', 'Not bound', '<button type="button">Bind</button>')}</div>`,
);

/**
 * Modelled on OKX's create-API-key flow (www.okx.com/account/my-api, "Create API key"): when the
 * account has no authenticator yet, the wizard's verification step asks the user to set one up
 * first, showing the QR code and "Secret key" with a copy button, on the API page itself, with the
 * existing keys listed under it. `fields` is what the step shows.
 */
function okxVerifyStep(heading: string, fields: Field[], code: boolean): string {
  return `<div class="${css('wizard-step')}" id="step-2"><div class="${css('step-head')}">${heading}</div>
    ${code ? qrCode('QR code') : ''}
    ${valueRows(fields)}
    ${code ? '<label>Authenticator app code</label><input type="text" maxlength="6"><button type="button">Confirm</button>' : '<button type="button">Done</button>'}</div>`;
}

const OKX_EXISTING = [
  {
    name: 'grid-bot',
    apiKeyShown: 'de48c68c-b512-49e9-ac21-7e9520223132',
    permissions: 'Read, Trade',
    ips: '203.0.113.7',
    created: '2025-03-02 10:41:07',
  },
  {
    name: 'tax-export',
    apiKeyShown: '5700ffb9-82fc-486f-a5b0-31b4c70f98e7',
    permissions: 'Read',
    ips: 'Not linked',
    created: '2024-11-19 08:02:55',
  },
];

const OKX_STEP_1 = `<div class="${css('wizard-step')}" id="step-1"><label>API key name</label><input type="text" value="arb-bot">
  <label>Passphrase</label><input type="password" value="">
  <div>Permissions <label><input type="checkbox" checked> Read</label> <label><input type="checkbox" checked> Trade</label></div>
  <button type="button">Next</button></div>`;

/**
 * Modelled on Gate's API page in Chinese (www.gate.io/zh/myaccount/apikeys): creating a key asks
 * for Google 2FA; an account without it gets a "绑定谷歌验证器" dialog on the API page, rendered
 * late, with 密钥 (key) and 复制, over the list of existing keys.
 */
function gateAuthenticatorDialogZh(fields: Field[]): string {
  return `<div role="dialog" aria-modal="true" class="${css('modal')}"><div class="${css('modal-title')}">安全验证：请先绑定谷歌验证器</div>
    <p>创建 API Key 需要谷歌验证。请使用谷歌验证器扫描二维码或手动输入密钥。</p>${qrCode('二维码')}
    ${valueRows(fields, copyButton('复制'))}
    <label>谷歌验证码</label><input type="text" maxlength="6"><button type="button">绑定并继续</button></div>`;
}

const GATE_EXISTING = [
  {
    name: '量化机器人',
    apiKeyShown: 'bb93b554276a0d34f4ebec4b447175f8',
    permissions: '现货交易(读写)',
    ips: '198.51.100.23',
    created: '2025-01-08 21:14:02',
  },
];

export const pages: Page[] = [
  {
    ...page('Binance security: Enable Authenticator App, "Setup Key"', 'binance', 'en', 'https://www.binance.com/en/my/security/authenticator'),
    html: binanceAuthenticator([{ label: 'Setup Key', value: TOTP.binance }]),
    decoys: [TOTP.binance],
  },
  {
    ...page('Binance security: Enable Authenticator App, labelled "Secret Key"', 'binance', 'en', 'https://www.binance.com/en/my/security/authenticator'),
    html: binanceAuthenticator([{ label: 'Secret Key', value: TOTP.binance }]),
    decoys: [TOTP.binance],
  },
  {
    ...page('HTX 绑定谷歌验证器, 密钥 in a readonly input (zh)', 'htx', 'zh-CN', 'https://www.htx.com/zh-cn/user-center/google-auth/'),
    html: htxAuthenticatorZh([{ label: '密钥', value: TOTP.htx }]),
    decoys: [TOTP.htx],
  },
  {
    ...page('HTX 綁定谷歌驗證器, 密鑰 in a readonly input (zh-hant)', 'htx', 'zh-HK', 'https://www.htx.com/zh-hk/user-center/google-auth/'),
    html: htxAuthenticatorZhHant([{ label: '密鑰', value: TOTP.htx }]),
    decoys: [TOTP.htx],
  },
  {
    ...page('Bybit Google Authenticator binding, "Секретный ключ:" bare text (ru)', 'bybit', 'ru', 'https://www.bybit.com/ru-RU/user/security/google-auth'),
    html: bybitAuthenticatorRu([{ label: 'Секретный ключ', value: TOTP.bybit }]),
    decoys: [TOTP.bybit],
  },
  {
    ...page('bitexbit two-factor page, dt "Секретный ключ" (ru)', 'bitexbit', 'ru', 'https://bitexbit.com/profile/security'),
    html: bitexbitTwoFactorRu([{ label: 'Секретный ключ', value: TOTP.bitexbit }]),
    decoys: [TOTP.bitexbit],
  },
  {
    ...page('KuCoin Bind Google Authenticator: role=dialog rendered late, "Key"', 'kucoin', 'en', 'https://www.kucoin.com/account/security'),
    html: KUCOIN_SECURITY,
    late: { afterMs: 250, html: kucoinAuthenticatorDialog([{ label: 'Key', value: TOTP.kucoin }]) },
    decoys: [TOTP.kucoin],
  },
  {
    ...page('OKX API page: create-key wizard step sets up the authenticator, "Secret key", over the key list', 'okx', 'en', 'https://www.okx.com/account/my-api'),
    html: okxApiPage(OKX_EXISTING, OKX_STEP_1),
    late: {
      afterMs: 250,
      replace: '#step-1',
      html: okxVerifyStep('Set up an authenticator app to create API keys', [{ label: 'Secret key', value: TOTP.okx }], true),
    },
    decoys: [TOTP.okx, ...OKX_EXISTING.map((k) => k.apiKeyShown)],
    listedKeys: OKX_EXISTING.map((k) => k.apiKeyShown),
  },
  {
    ...page('Gate API page (zh): late role=dialog 绑定谷歌验证器 with 密钥, over the key table', 'gate', 'zh-CN', 'https://www.gate.io/zh/myaccount/apikeys'),
    html: gateApiPageZh(GATE_EXISTING),
    late: { afterMs: 250, html: gateAuthenticatorDialogZh([{ label: '密钥', value: TOTP.gate }]) },
    decoys: [TOTP.gate, ...GATE_EXISTING.map((k) => k.apiKeyShown)],
    listedKeys: GATE_EXISTING.map((k) => k.apiKeyShown),
  },
];

const OKX_NEW: NewKey = { apiKey: '677ca168-b714-42a6-a06f-39fb4035a2bd', secret: '4c040247b826a49f3b43eae842b83220' };
const KUCOIN_NEW: NewKey = { apiKey: '94e793de31038c6dff84907e', secret: 'dad0d2fa-3344-465b-a305-e0fcb499ef17' };
const BINANCE_NEW: NewKey = { apiKey: 'WwhPzOO0v9WDVNFjSCxLWE8ZJoGIYgkKV9OrcPiAktEDIFcCCopKlw5GmrEFxFvN', secret: 'gw6QO38Keagqc1fDqiWgA2XjmKETqA4s2VEifz7R6ThrVQQq1xO8xz4WDBNQlTVc' };

export const nearMisses: NearMiss[] = [
  nearMiss(OKX_NEW, {
    ...page('OKX API page: the same wizard step shows the new API key and Secret key', 'okx', 'en', 'https://www.okx.com/account/my-api'),
    html: okxApiPage(OKX_EXISTING, OKX_STEP_1),
    late: {
      afterMs: 250,
      replace: '#step-1',
      html: okxVerifyStep(
        'API key created. Save your secret key now: it is shown only once.',
        keyFields(OKX_NEW, ['API key', 'Secret key']),
        false,
      ),
    },
    decoys: OKX_EXISTING.map((k) => k.apiKeyShown).filter((k) => k !== OKX_NEW.apiKey),
    listedKeys: OKX_EXISTING.map((k) => k.apiKeyShown),
  }),
  nearMiss(KUCOIN_NEW, {
    ...page('KuCoin: the same late role=dialog shows a new API Key and Secret', 'kucoin', 'en', 'https://www.kucoin.com/account/api'),
    html: KUCOIN_SECURITY,
    late: {
      afterMs: 250,
      html: kucoinAuthenticatorDialog(keyFields(KUCOIN_NEW, ['API Key', 'Secret'])),
    },
  }),
  nearMiss(BINANCE_NEW, {
    ...page('Binance: the same authenticator layout shows a new API Key and Secret Key', 'binance', 'en', 'https://www.binance.com/en/my/settings/api-management'),
    html: binanceAuthenticator(keyFields(BINANCE_NEW, ['API Key', 'Secret Key'])),
  }),
];
