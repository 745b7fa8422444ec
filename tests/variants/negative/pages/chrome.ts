/**
 * Shared page furniture for the negative pages: the exchange's header and account sidebar (which,
 * as on the real sites, link to "API Management" from every account page), copy buttons, QR codes.
 * Markup is hashed-class div soup as the exchanges' React/Vue apps render it; nothing a reader could
 * key on by id or class.
 */

/** zh-hant: Traditional Chinese, as HTX's Hong Kong pages write it. */
export type Lang = 'en' | 'zh' | 'zh-hant' | 'ru';

const ACCOUNT_LINKS: Record<Lang, string[]> = {
  en: ['Dashboard', 'Assets', 'Orders', 'Security', 'Identification', 'Referral', 'API Management', 'Settings'],
  zh: ['总览', '资产', '订单', '安全中心', '身份认证', '邀请返佣', 'API管理', '偏好设置'],
  'zh-hant': ['總覽', '資產', '訂單', '安全中心', '身份認證', '邀請返佣', 'API管理', '偏好設置'],
  ru: ['Обзор', 'Активы', 'Ордера', 'Безопасность', 'Верификация', 'Рефералы', 'Управление API', 'Настройки'],
};

const TOP_LINKS: Record<Lang, string[]> = {
  en: ['Buy Crypto', 'Markets', 'Trade', 'Futures', 'Earn'],
  zh: ['买币', '行情', '交易', '合约', '理财'],
  'zh-hant': ['買幣', '行情', '交易', '合約', '理財'],
  ru: ['Купить криптовалюту', 'Рынки', 'Торговля', 'Фьючерсы', 'Earn'],
};

function hash(seed: string): string {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h.toString(36).slice(0, 6);
}

/** A hashed class name, as CSS modules emit them. */
export function css(name: string): string {
  return `${name}__${hash(name)}`;
}

/** The header, the account sidebar and the main column of an exchange's account area. */
export function shell(brand: string, lang: Lang, title: string, main: string): string {
  const top = TOP_LINKS[lang].map((t) => `<a href="#" class="${css('nav-link')}">${t}</a>`).join('');
  const side = ACCOUNT_LINKS[lang].map((t) => `<a href="#" class="${css('side-link')}">${t}</a>`).join('');
  return `
<div id="__app">
  <header class="${css('header')}">
    <a href="/" class="${css('logo')}"><img alt="${brand}" src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E"></a>
    <nav class="${css('nav')}">${top}</nav>
    <div class="${css('user')}"><span class="${css('avatar')}">U</span></div>
  </header>
  <div class="${css('layout')}">
    <aside class="${css('sidebar')}">${side}</aside>
    <main class="${css('main')}">
      <div class="${css('page-title')}"><h1>${title}</h1></div>
      ${main}
    </main>
  </div>
  <footer class="${css('footer')}"><span>© 2017 - 2025 ${brand}</span></footer>
</div>`;
}

/** A copy control as the sites draw it: an icon button, named by aria-label or title or text. */
export function copyButton(name: string, style: 'icon' | 'text' = 'icon'): string {
  return style === 'icon'
    ? `<button type="button" class="${css('copy')}" aria-label="${name}" title="${name}"><svg viewBox="0 0 16 16" width="16" height="16"><path d="M4 4h8v8H4z"/></svg></button>`
    : `<button type="button" class="${css('copy-btn')}">${name}</button>`;
}

/** A QR code drawn as an SVG of modules (the sites use canvas or svg; neither carries text). */
export function qrCode(alt: string): string {
  const cells: string[] = [];
  for (let y = 0; y < 21; y++) {
    for (let x = 0; x < 21; x++) if ((x * 7 + y * 13 + x * y) % 3 === 0) cells.push(`<rect x="${x}" y="${y}" width="1" height="1"/>`);
  }
  return `<div class="${css('qr')}"><svg role="img" aria-label="${alt}" viewBox="0 0 21 21" width="168" height="168">${cells.join('')}</svg></div>`;
}

/** One label and value, with a copy button after the value (the common card row). */
export function valueRow(label: string, value: string, copy: string): string {
  return `<div class="${css('row')}"><div class="${css('row-label')}">${label}</div><div class="${css('row-value')}"><span class="${css('mono')}">${value}</span>${copy}</div></div>`;
}

/** A label, then the value in a readonly input with a copy button (Vue/antd forms). */
export function inputRow(label: string, value: string, copy: string): string {
  return `<div class="${css('form-item')}"><label class="${css('form-label')}">${label}</label><div class="${css('input-wrap')}"><input type="text" readonly value="${value}" class="${css('input')}">${copy}</div></div>`;
}

/** Bare text label and value in one element: "Label: <code>value</code>". */
export function inlineRow(label: string, value: string, copy: string): string {
  return `<p class="${css('line')}">${label} <code>${value}</code> ${copy}</p>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
