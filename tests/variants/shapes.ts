/**
 * Renderers from (page description, shape) to HTML for the create/edit form, the one-time secret
 * display and the key list. A shape combines a structure (how labels sit by values), a label
 * style, a toggle style and wording, and the container the form and secret appear in.
 */
import { type LabelField, type LabelStyle, type ToggleStyle, type ToggleWording, escapeHtml, labelHtml, labelText, toggleHtml, toggleText } from './labels';
import { LANG, type PageDescription } from './pages';
import type { Rng } from './random';
import type { KeyState } from './scenario';
import * as S from './structures';

export type Container = 'dialog' | 'native-dialog' | 'overlay' | 'inline' | 'card';

export interface Shape {
  id: string;
  structure: S.Structure;
  labels: LabelStyle;
  toggles: ToggleStyle;
  wording: ToggleWording;
  container: Container;
  /** React-style: the shown key and secret nodes are replaced by equal ones a moment later. */
  rerender: boolean;
}

const shape = (id: string, structure: S.Structure, labels: LabelStyle, toggles: ToggleStyle, wording: ToggleWording, container: Container, rerender = false): Shape => ({
  id,
  structure,
  labels,
  toggles,
  wording,
  container,
  rerender,
});

export const SHAPES: readonly Shape[] = [
  shape('bare-text', S.bare, 'plain', 'native-after', 'as-is', 'dialog'),
  shape('label-for', S.labelFor, 'colon', 'label-for', 'as-is', 'dialog'),
  shape('label-wrap', S.labelWrap, 'required', 'label-wrap', 'as-is', 'overlay'),
  shape('dl', S.dl, 'bilingual', 'switch-before', 'as-is', 'dialog'),
  shape('table', S.table, 'colon-wide', 'role-checkbox', 'as-is', 'inline'),
  shape('aria-grid', S.grid, 'plain', 'switch-labelledby', 'as-is', 'native-dialog'),
  shape('readonly-input', S.siblings, 'hint', 'switch-before', 'as-is', 'overlay'),
  shape('code-pre', S.codePre, 'plain', 'native-after', 'enable', 'dialog'),
  shape('copy-button', S.copyOnly, 'plain', 'role-checkbox', 'as-is', 'dialog'),
  shape('rtl-after', S.rtl, 'colon', 'label-for', 'as-is', 'overlay'),
  shape('overlay-no-role', S.soup, 'plain', 'switch-before', 'enable', 'overlay'),
  shape('list-card', S.siblings, 'plain', 'native-after', 'can', 'card'),
  shape('react-rerender', S.siblings, 'plain', 'switch-before', 'as-is', 'dialog', true),
  shape('div-soup', S.soup, 'required', 'role-checkbox', 'can', 'dialog'),
  shape('icon-label', S.siblings, 'icon', 'native-after', 'as-is', 'dialog'),
  shape('hint-label', S.bare, 'hint', 'label-wrap', 'enable', 'native-dialog'),
];

export function idsFrom(rng: Rng): S.Ids {
  // Hashed class names and React-like ids: different on every page, meaningless to a reader.
  return {
    cls: () => `css-${rng.fromAlphabet('0123456789abcdefghijklmnopqrstuvwxyz', 6)}`,
    id: () => `:r${rng.int(4096).toString(36)}${rng.fromAlphabet('abcdefghijklmnopqrstuvwxyz', 2)}:`,
  };
}

export interface FormIds {
  name: string;
  passphrase: string | null;
  ips: string;
  /** One id per toggle of `words.toggles`, the element a person clicks. */
  toggles: string[];
  submit: string;
}

export interface Rendered<T> {
  html: string;
  ids: T;
}

function label(page: PageDescription, sh: Shape, field: LabelField, text: string): { html: string; plain: string } {
  // Icon labels stand for the shown values; form fields keep words (an icon alone names no input).
  const style = sh.labels === 'icon' && field !== 'apiKey' && field !== 'secret' ? 'plain' : sh.labels;
  return { html: labelHtml(page, style, field, text), plain: labelText(page, style, field, text) };
}

function toggles(page: PageDescription, sh: Shape, ids: S.Ids, state: boolean[]): { html: string; ids: string[] } {
  const toggleIds: string[] = [];
  let html = '';
  // Toggles of one area sit under its heading (Bybit's Spot/Wallet/Options, Kraken's groups).
  let group: string | undefined;
  let open = false;
  page.words.toggles.forEach((t, i) => {
    if (!open || t.group !== group) {
      if (open) html += '</div>';
      group = t.group;
      open = true;
      html += group === undefined ? `<div class="${ids.cls()}">` : `<div class="${ids.cls()}"><div class="${ids.cls()}">${escapeHtml(group)}</div>`;
    }
    const id = ids.id();
    toggleIds.push(id);
    html += toggleHtml(sh.toggles, { id, text: toggleText(page, sh.wording, t), on: state[i] ?? false, always: t.always ?? false, cls: ids.cls, labelId: ids.id() });
  });
  if (open) html += '</div>';
  return { html: `<div class="${ids.cls()}"><div class="${ids.cls()}">${escapeHtml(page.words.permissionsColumn)}</div>${html}</div>`, ids: toggleIds };
}

/** The create form (empty) or the edit form of an existing key (filled in, key shown). */
export function renderForm(page: PageDescription, sh: Shape, ids: S.Ids, mode: 'create' | 'edit', key: KeyState): Rendered<FormIds> {
  const w = page.words;
  const st = sh.structure;
  const rows: string[] = [];
  if (mode === 'edit') {
    const l = label(page, sh, 'apiKey', w.apiKey);
    rows.push(st.values(ids, [{ label: l.html, plainLabel: l.plain, value: key.apiKey, field: 'apiKey' }], LANG[page.lang].copy));
  }
  const row = (field: LabelField, text: string, control: (id: string) => string): string => {
    const id = ids.id();
    const l = label(page, sh, field, text);
    rows.push(st.formRow(ids, l.html, control(id), id, l.plain));
    return id;
  };
  const nameValue = mode === 'edit' ? ` value="${escapeHtml(key.name)}"` : '';
  const name = row('name', w.name, (id) => `<input type="text" id="${id}" class="${ids.cls()}"${nameValue}>`);
  if (w.remark !== undefined) row('remark', w.remark, (id) => `<input type="text" id="${id}" class="${ids.cls()}">`);
  const passphrase = w.passphrase !== undefined && mode === 'create' ? row('passphrase', w.passphrase, (id) => `<input type="password" id="${id}" class="${ids.cls()}" autocomplete="new-password">`) : null;
  const perms = toggles(page, sh, ids, mode === 'edit' ? key.on : page.words.toggles.map((t) => t.always ?? false));
  rows.push(perms.html);
  const ipValue = mode === 'edit' ? escapeHtml(key.ips.join(page.ipSeparator)) : '';
  const ips = row('ips', w.ips, (id) => `<textarea id="${id}" class="${ids.cls()}" rows="2">${ipValue}</textarea>`);
  const submit = ids.id();
  const title = mode === 'create' ? w.createButton : `${LANG[page.lang].edit} — ${key.name}`;
  const html = `<h3 class="${ids.cls()}">${escapeHtml(title)}</h3><form class="${ids.cls()}" onsubmit="return false">${rows.join('')}<button type="button" id="${submit}" class="${ids.cls()}">${escapeHtml(mode === 'create' ? w.submit : LANG[page.lang].save)}</button></form>`;
  return { html, ids: { name, passphrase, ips, toggles: perms.ids, submit } };
}

/** The one-time display of the new key and its secret. */
export function renderSecret(page: PageDescription, sh: Shape, ids: S.Ids, key: KeyState): Rendered<{ close: string }> {
  const w = page.words;
  const lang = LANG[page.lang];
  const k = label(page, sh, 'apiKey', w.apiKey);
  const s = label(page, sh, 'secret', w.secret);
  const values = sh.structure.values(
    ids,
    [
      { label: k.html, plainLabel: k.plain, value: key.apiKey, field: 'apiKey' },
      { label: s.html, plainLabel: s.plain, value: key.secret, field: 'secret' },
    ],
    lang.copy,
  );
  const close = ids.id();
  // The warning banner comes first, as on the sites: "Secret Key: shown only once" (seed 003).
  const html = `<div class="${ids.cls()}">${escapeHtml(key.name)}</div><p class="${ids.cls()}">${escapeHtml(w.secret)}: ${escapeHtml(lang.shownOnce)}</p>${values}<button type="button" id="${close}" class="${ids.cls()}">${escapeHtml(lang.close)}</button>`;
  return { html, ids: { close } };
}

export interface ListedKey {
  state: KeyState;
  editId: string;
}

export function renderList(page: PageDescription, sh: Shape, ids: S.Ids, keys: ListedKey[]): string {
  const w = page.words;
  const lang = LANG[page.lang];
  const rows: S.ListRow[] = keys.map(({ state, editId }) => ({
    name: state.name,
    apiKey: state.apiKey,
    permissions: w.toggles.map((t, i) => ({ text: t.group && t.group !== t.text ? `${t.group}: ${t.text}` : t.text, on: state.on[i] ?? false })),
    ips: state.ips.length ? state.ips.join(page.ipSeparator === ' ' ? ' ' : ', ') : lang.noIp,
    editId,
  }));
  return sh.structure.list(ids, { name: w.name, apiKey: w.apiKey, permissions: w.permissionsColumn, ips: w.ips, edit: lang.edit, copy: lang.copy }, rows);
}

/** The page around the list: a header, the heading, the sub-account picker, the create button. */
export function renderShell(page: PageDescription, ids: S.Ids, sub: { current: string; options: string[] } | null): Rendered<{ create: string; subSelect: string | null; inline: string; list: string }> {
  const w = page.words;
  const create = ids.id();
  const inline = ids.id();
  const list = ids.id();
  const subSelect = sub ? ids.id() : null;
  const picker = sub
    ? `<div class="${ids.cls()}"><label for="${subSelect}" class="${ids.cls()}">${escapeHtml(w.subAccount)}</label><select id="${subSelect}" class="${ids.cls()}">${sub.options.map((o) => `<option value="${escapeHtml(o)}"${o === sub.current ? ' selected' : ''}>${escapeHtml(o)}</option>`).join('')}</select></div>`
    : '';
  const html = `<header class="${ids.cls()}"><a class="${ids.cls()}" href="/">${page.exchange.toUpperCase()}</a><nav class="${ids.cls()}"><a href="/markets">Markets</a> <a href="/trade">Trade</a></nav></header><main class="${ids.cls()}"><h1 class="${ids.cls()}">${escapeHtml(w.heading)}</h1>${picker}<button type="button" id="${create}" class="${ids.cls()}">${escapeHtml(w.createButton)}</button><section id="${inline}" class="${ids.cls()}"></section><section id="${list}" class="${ids.cls()}"></section></main>`;
  return { html, ids: { create, subSelect, inline, list } };
}

/** Wraps content in the shape's container; 'inline' and 'card' content goes into the page itself. */
export function wrapContainer(sh: Shape, ids: S.Ids, content: string): string {
  switch (sh.container) {
    case 'dialog':
      return `<div class="${ids.cls()}"><div class="${ids.cls()}"></div><div role="dialog" aria-modal="true" class="${ids.cls()}">${content}</div></div>`;
    case 'native-dialog':
      return `<dialog open class="${ids.cls()}">${content}</dialog>`;
    case 'overlay':
      // A plain positioned div: nothing says "dialog" but its place on top of the page.
      return `<div class="${ids.cls()}" style="position:absolute;top:80px;left:50%;z-index:1000;background:#fff">${content}</div>`;
    case 'inline':
    case 'card':
      return `<div class="${ids.cls()}">${content}</div>`;
  }
}
