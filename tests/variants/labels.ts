/**
 * How one label or permission toggle is worded and marked up. The variations are the ones issue 8
 * lists as breaking exact-phrase vocabularies: colons of either width, a required asterisk,
 * "(optional)", a translation in parentheses, a hint after the label, an icon's alt text,
 * "Enable <permission>", "Can <permission> / <more words>".
 */
import { LANG, type Lang, type PageDescription, TRANSLATION, type ToggleWord, otherLanguage } from './pages';

export type LabelStyle = 'plain' | 'colon' | 'colon-wide' | 'required' | 'bilingual' | 'hint' | 'icon';
export type LabelField = 'apiKey' | 'secret' | 'passphrase' | 'name' | 'remark' | 'ips';
export type ToggleStyle = 'native-after' | 'label-for' | 'label-wrap' | 'switch-before' | 'switch-labelledby' | 'role-checkbox';
export type ToggleWording = 'as-is' | 'enable' | 'can';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const OPTIONAL_FIELDS: readonly LabelField[] = ['remark', 'ips'];

function translationFor(page: PageDescription, field: LabelField): string | null {
  if (field === 'remark') return null;
  // The exchange's own other language; English-only pages get the Chinese most bilingual pages show.
  const other: Lang = otherLanguage(page) ?? (page.lang === 'en' ? 'zh' : 'en');
  const translated = TRANSLATION[other][field];
  return page.lang === 'en' || other === 'en' ? translated : null;
}

/** A label's markup in the given style; `text` is the page's own word for the field. */
export function labelHtml(page: PageDescription, style: LabelStyle, field: LabelField, text: string): string {
  const lang = LANG[page.lang];
  const t = escapeHtml(text);
  switch (style) {
    case 'plain':
      return t;
    case 'colon':
      return `${t}${lang.colon}`;
    case 'colon-wide':
      // The full-width colon, which the English pages of Chinese-made sites carry over too.
      return `${t}：`;
    case 'required':
      // Sites mark required fields with an asterisk in its own span, optional ones in words.
      return OPTIONAL_FIELDS.includes(field) ? `${t} ${escapeHtml(lang.optional)}` : `<span class="css-r3q1x" aria-hidden="true">*</span>${t}`;
    case 'bilingual': {
      const other = translationFor(page, field);
      const bracket = page.lang === 'zh' || page.lang === 'zh-hant' ? ['（', '）'] : [' (', ')'];
      return other ? `${t}${bracket[0]}${escapeHtml(other)}${bracket[1]}` : t;
    }
    case 'hint':
      if (field === 'secret') return `${t} — ${escapeHtml(lang.shownOnce)}`;
      if (OPTIONAL_FIELDS.includes(field)) return `${t} ${escapeHtml(lang.optional)}`;
      return `${t}${lang.colon}`;
    case 'icon':
      // An icon whose alt text is the only label a screen reader (or Keyward) gets.
      return `<img class="css-9dk2w" alt="${t}" src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E" width="16" height="16">`;
  }
}

/** The label as plain text, for placeholders and aria-labels (no markup allowed there). */
export function labelText(page: PageDescription, style: LabelStyle, field: LabelField, text: string): string {
  const html = labelHtml(page, style === 'icon' ? 'plain' : style, field, text);
  return html.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function toggleText(page: PageDescription, wording: ToggleWording, toggle: ToggleWord): string {
  const lang = LANG[page.lang];
  if (wording === 'enable') return lang.enable(toggle.text);
  if (wording === 'can') return lang.can(toggle.text, toggle.flag);
  return toggle.text;
}

export interface ToggleMarkup {
  id: string;
  text: string;
  on: boolean;
  always: boolean;
  cls: () => string;
  labelId: string;
}

/** One permission toggle; the element with `id` is what a person clicks. */
export function toggleHtml(style: ToggleStyle, t: ToggleMarkup): string {
  const c = t.cls;
  const text = escapeHtml(t.text);
  const checked = t.on ? ' checked' : '';
  const disabled = t.always ? ' disabled' : '';
  const aria = `aria-checked="${t.on}"${t.always ? ' aria-disabled="true"' : ''}`;
  switch (style) {
    case 'native-after':
      return `<div class="${c()}"><input type="checkbox" id="${t.id}" class="${c()}"${checked}${disabled}> <span class="${c()}">${text}</span></div>`;
    case 'label-for':
      return `<div class="${c()}"><input type="checkbox" id="${t.id}" class="${c()}"${checked}${disabled}><label for="${t.id}" class="${c()}">${text}</label></div>`;
    case 'label-wrap':
      return `<label class="${c()}"><input type="checkbox" id="${t.id}" class="${c()}"${checked}${disabled}>${text}</label>`;
    case 'switch-before':
      return `<div class="${c()}"><span class="${c()}">${text}</span><button type="button" role="switch" id="${t.id}" class="${c()}" ${aria}><span class="${c()}"></span></button></div>`;
    case 'switch-labelledby':
      return `<div class="${c()}"><div role="switch" tabindex="0" id="${t.id}" class="${c()}" ${aria} aria-labelledby="${t.labelId}"></div><span id="${t.labelId}" class="${c()}">${text}</span></div>`;
    case 'role-checkbox':
      return `<div role="checkbox" tabindex="0" id="${t.id}" class="${c()}" ${aria}><span class="${c()}"></span><span class="${c()}">${text}</span></div>`;
  }
}
