/**
 * The structural part of each shape: how a label sits beside a form control, beside a shown value,
 * and how the key list lays out its rows. Every class name is hashed (`css-1x9f3k`): no reader may
 * lean on a site's class names.
 */
import { escapeHtml } from './labels';

export interface Ids {
  cls(): string;
  id(): string;
}

export interface ListRow {
  name: string;
  apiKey: string;
  /** The permission words the row shows, with their state (a row may show all, checked or not). */
  permissions: { text: string; on: boolean }[];
  ips: string;
  editId: string;
}

export interface ListHeadings {
  name: string;
  apiKey: string;
  permissions: string;
  ips: string;
  edit: string;
  copy(label: string): string;
}

export interface Structure {
  /** A form row: `label` is markup, `control` the control's markup, `controlId` its id. */
  formRow(ids: Ids, label: string, control: string, controlId: string, plainLabel: string): string;
  /** Rows showing values (key and secret), wrapped in the block the structure needs. */
  values(ids: Ids, rows: { label: string; plainLabel: string; value: string; field: 'apiKey' | 'secret' }[], copy: (l: string) => string): string;
  list(ids: Ids, heads: ListHeadings, rows: ListRow[]): string;
  /**
   * The list shows every permission with its state (disabled checkboxes); otherwise only the
   * granted ones as tags, and a permission not shown there may read as absent instead of off.
   */
  listShowsAll: boolean;
}

const v = escapeHtml;
const multiline = (value: string) => value.includes('\n');
/** Sites show a PEM with its line breaks kept (white-space: pre-wrap); a browser would fold them otherwise. */
const keepBreaks = (value: string) => (multiline(value) ? ' style="white-space:pre-wrap"' : '');

function readonlyControl(ids: Ids, id: string, value: string, extra = ''): string {
  // A PEM keeps its line breaks only in a textarea: an <input> strips them.
  return multiline(value)
    ? `<textarea id="${id}" class="${ids.cls()}" readonly rows="6"${extra}>${v(value)}</textarea>`
    : `<input id="${id}" class="${ids.cls()}" readonly value="${v(value)}"${extra}>`;
}

function permissionTags(ids: Ids, row: ListRow): string {
  return row.permissions
    .filter((p) => p.on)
    .map((p) => `<span class="${ids.cls()}">${v(p.text)}</span>`)
    .join(' ');
}

function editButton(ids: Ids, heads: ListHeadings, row: ListRow): string {
  return `<button type="button" id="${row.editId}" class="${ids.cls()}">${v(heads.edit)}</button>`;
}

/** A table with header cells: the layout most exchanges use for their key list. */
function tableList(ids: Ids, heads: ListHeadings, rows: ListRow[], checkboxes: boolean): string {
  const c = () => ids.cls();
  const body = rows
    .map((row) => {
      const perms = checkboxes
        ? row.permissions
            .map((p) => `<label class="${c()}"><input type="checkbox" disabled${p.on ? ' checked' : ''}> ${v(p.text)}</label>`)
            .join('')
        : permissionTags(ids, row);
      return `<tr class="${c()}"><td class="${c()}">${v(row.name)}</td><td class="${c()}">${v(row.apiKey)}</td><td class="${c()}">${perms}</td><td class="${c()}">${v(row.ips)}</td><td class="${c()}">${editButton(ids, heads, row)}</td></tr>`;
    })
    .join('');
  return `<table class="${c()}"><thead><tr><th>${v(heads.name)}</th><th>${v(heads.apiKey)}</th><th>${v(heads.permissions)}</th><th>${v(heads.ips)}</th><th></th></tr></thead><tbody>${body}</tbody></table>`;
}

/** Label and value as bare text in one element: `<div>API Key <code>VALUE</code></div>`. */
export const bare: Structure = {
  listShowsAll: false,
  formRow: (ids, label, control) => `<div class="${ids.cls()}">${label} ${control}</div>`,
  values: (ids, rows) => rows.map((r) => `<div class="${ids.cls()}">${r.label} <code class="${ids.cls()}"${keepBreaks(r.value)}>${v(r.value)}</code></div>`).join(''),
  list: (ids, heads, rows) =>
    rows
      .map(
        (row) =>
          `<div class="${ids.cls()}"><div class="${ids.cls()}">${v(row.name)}</div><div class="${ids.cls()}">${v(heads.apiKey)} <code class="${ids.cls()}">${v(row.apiKey)}</code></div><div class="${ids.cls()}">${v(heads.permissions)}: ${row.permissions.filter((p) => p.on).map((p) => v(p.text)).join(', ')}</div><div class="${ids.cls()}">${v(heads.ips)}: ${v(row.ips)}</div>${editButton(ids, heads, row)}</div>`,
      )
      .join(''),
};

/** `<label for>` beside the control; shown values in readonly inputs the label points at. */
export const labelFor: Structure = {
  listShowsAll: true,
  formRow: (ids, label, control, controlId) =>
    `<div class="${ids.cls()}"><label for="${controlId}" class="${ids.cls()}">${label}</label><div class="${ids.cls()}">${control}</div></div>`,
  values: (ids, rows) =>
    rows
      .map((r) => {
        const id = ids.id();
        return `<div class="${ids.cls()}"><label for="${id}" class="${ids.cls()}">${r.label}</label>${readonlyControl(ids, id, r.value)}</div>`;
      })
      .join(''),
  list: (ids, heads, rows) => tableList(ids, heads, rows, true),
};

/** The label element wraps the control. */
export const labelWrap: Structure = {
  listShowsAll: false,
  formRow: (ids, label, control) => `<label class="${ids.cls()}"><span class="${ids.cls()}">${label}</span>${control}</label>`,
  values: (ids, rows) => rows.map((r) => `<label class="${ids.cls()}">${r.label}${readonlyControl(ids, ids.id(), r.value)}</label>`).join(''),
  list: (ids, heads, rows) => tableList(ids, heads, rows, false),
};

/** Definition lists: `<dt>` label, `<dd>` value. */
export const dl: Structure = {
  listShowsAll: false,
  formRow: labelFor.formRow,
  values: (ids, rows) =>
    `<dl class="${ids.cls()}">${rows.map((r) => `<dt class="${ids.cls()}">${r.label}</dt><dd class="${ids.cls()}"><span class="${ids.cls()}"${keepBreaks(r.value)}>${v(r.value)}</span></dd>`).join('')}</dl>`,
  list: (ids, heads, rows) =>
    rows
      .map(
        (row) =>
          `<div class="${ids.cls()}"><dl class="${ids.cls()}"><dt>${v(heads.name)}</dt><dd>${v(row.name)}</dd><dt>${v(heads.apiKey)}</dt><dd>${v(row.apiKey)}</dd><dt>${v(heads.permissions)}</dt><dd>${permissionTags(ids, row)}</dd><dt>${v(heads.ips)}</dt><dd>${v(row.ips)}</dd></dl>${editButton(ids, heads, row)}</div>`,
      )
      .join(''),
};

/** Table rows with `<th>` labels and `<td>` values. */
export const table: Structure = {
  listShowsAll: true,
  formRow: (ids, label, control) => `<table class="${ids.cls()}"><tbody><tr><th class="${ids.cls()}">${label}</th><td class="${ids.cls()}">${control}</td></tr></tbody></table>`,
  values: (ids, rows) =>
    `<table class="${ids.cls()}"><tbody>${rows.map((r) => `<tr><th class="${ids.cls()}">${r.label}</th><td class="${ids.cls()}"${keepBreaks(r.value)}>${v(r.value)}</td></tr>`).join('')}</tbody></table>`,
  list: (ids, heads, rows) => tableList(ids, heads, rows, true),
};

/** ARIA grid: column headers over one row of cells; form controls named by aria-labelledby. */
export const grid: Structure = {
  listShowsAll: false,
  formRow: (ids, label, control, controlId) => {
    const labelId = ids.id();
    return `<div class="${ids.cls()}"><span id="${labelId}" class="${ids.cls()}">${label}</span>${control.replace(`id="${controlId}"`, `id="${controlId}" aria-labelledby="${labelId}"`)}</div>`;
  },
  values: (ids, rows) =>
    `<div role="grid" class="${ids.cls()}"><div role="row" class="${ids.cls()}">${rows.map((r) => `<div role="columnheader" class="${ids.cls()}">${r.label}</div>`).join('')}</div><div role="row" class="${ids.cls()}">${rows.map((r) => `<div role="gridcell" class="${ids.cls()}"${keepBreaks(r.value)}>${v(r.value)}</div>`).join('')}</div></div>`,
  list: (ids, heads, rows) => {
    const c = () => ids.cls();
    const header = [heads.name, heads.apiKey, heads.permissions, heads.ips, ''].map((h) => `<div role="columnheader" class="${c()}">${v(h)}</div>`).join('');
    const body = rows
      .map(
        (row) =>
          `<div role="row" class="${c()}"><div role="gridcell" class="${c()}">${v(row.name)}</div><div role="gridcell" class="${c()}">${v(row.apiKey)}</div><div role="gridcell" class="${c()}">${permissionTags(ids, row)}</div><div role="gridcell" class="${c()}">${v(row.ips)}</div><div role="gridcell" class="${c()}">${editButton(ids, heads, row)}</div></div>`,
      )
      .join('');
    return `<div role="grid" class="${c()}"><div role="row" class="${c()}">${header}</div>${body}</div>`;
  },
};

/** A label div and a readonly input side by side, tied by nothing but layout. */
export const siblings: Structure = {
  listShowsAll: false,
  formRow: (ids, label, control) => `<div class="${ids.cls()}"><div class="${ids.cls()}">${label}</div><div class="${ids.cls()}">${control}</div></div>`,
  values: (ids, rows) =>
    rows.map((r) => `<div class="${ids.cls()}"><div class="${ids.cls()}">${r.label}</div><div class="${ids.cls()}">${readonlyControl(ids, ids.id(), r.value)}</div></div>`).join(''),
  list: (ids, heads, rows) => tableList(ids, heads, rows, false),
};

/** A heading or paragraph label, the key in `<code>` and the secret in `<pre>`. */
export const codePre: Structure = {
  listShowsAll: false,
  formRow: labelFor.formRow,
  values: (ids, rows) =>
    rows
      .map((r) =>
        r.field === 'secret'
          ? `<p class="${ids.cls()}">${r.label}</p><pre class="${ids.cls()}">${v(r.value)}</pre>`
          : `<h4 class="${ids.cls()}">${r.label}</h4><code class="${ids.cls()}"${keepBreaks(r.value)}>${v(r.value)}</code>`,
      )
      .join(''),
  list: bare.list,
};

/** No visible label: placeholders in the form, a copy button beside each value naming it. */
export const copyOnly: Structure = {
  listShowsAll: false,
  formRow: (ids, _label, control, controlId, plainLabel) =>
    `<div class="${ids.cls()}">${control.replace(`id="${controlId}"`, `id="${controlId}" placeholder="${v(plainLabel)}"`)}</div>`,
  values: (ids, rows, copy) =>
    rows
      .map((r) => {
        // The key's button says it in a tooltip (title), the secret's in an aria-label: both occur.
        const name = r.field === 'secret' ? `aria-label="${v(copy(r.plainLabel))}"` : `title="${v(copy(r.plainLabel))}"`;
        return `<div class="${ids.cls()}"><span class="${ids.cls()}"${keepBreaks(r.value)}>${v(r.value)}</span><button type="button" class="${ids.cls()}" ${name}><svg class="${ids.cls()}" viewBox="0 0 16 16"><path d="M4 4h8v8H4z"/></svg></button></div>`;
      })
      .join(''),
  list: (ids, heads, rows) =>
    rows
      .map(
        (row) =>
          `<div class="${ids.cls()}"><div class="${ids.cls()}">${v(row.name)}</div><div class="${ids.cls()}"><span class="${ids.cls()}">${v(row.apiKey)}</span><button type="button" class="${ids.cls()}" title="${v(heads.copy(heads.apiKey))}"><svg viewBox="0 0 16 16"></svg></button></div><div class="${ids.cls()}">${permissionTags(ids, row)}</div><div class="${ids.cls()}">${v(row.ips)}</div>${editButton(ids, heads, row)}</div>`,
      )
      .join(''),
};

/** The value first, its label after (RTL-like layouts: dir=rtl, flex-direction: row-reverse). */
export const rtl: Structure = {
  listShowsAll: false,
  formRow: (ids, label, control, controlId) =>
    `<div class="${ids.cls()}" style="display:flex;flex-direction:row-reverse">${control}<label for="${controlId}" class="${ids.cls()}">${label}</label></div>`,
  values: (ids, rows) =>
    rows.map((r) => `<div class="${ids.cls()}" dir="rtl"><code class="${ids.cls()}" dir="ltr"${keepBreaks(r.value)}>${v(r.value)}</code> <span class="${ids.cls()}">${r.label}</span></div>`).join(''),
  list: (ids, heads, rows) =>
    rows
      .map(
        (row) =>
          `<div class="${ids.cls()}" dir="rtl"><div class="${ids.cls()}">${v(row.name)}</div><div class="${ids.cls()}"><code dir="ltr">${v(row.apiKey)}</code> <span>${v(heads.apiKey)}</span></div><div class="${ids.cls()}">${permissionTags(ids, row)} <span>${v(heads.permissions)}</span></div><div class="${ids.cls()}">${v(row.ips)} <span>${v(heads.ips)}</span></div>${editButton(ids, heads, row)}</div>`,
      )
      .join(''),
};

/** Nested anonymous divs and spans, nothing semantic: the React/CSS-in-JS default. */
export const soup: Structure = {
  listShowsAll: false,
  formRow: (ids, label, control) =>
    `<div class="${ids.cls()}"><div class="${ids.cls()}"><div class="${ids.cls()}">${label}</div></div><div class="${ids.cls()}"><div class="${ids.cls()}">${control}</div></div></div>`,
  values: (ids, rows) =>
    rows
      .map(
        (r) =>
          `<div class="${ids.cls()}"><div class="${ids.cls()}"><span class="${ids.cls()}">${r.label}</span></div><div class="${ids.cls()}"><div class="${ids.cls()}"><span class="${ids.cls()}"${keepBreaks(r.value)}>${v(r.value)}</span></div></div></div>`,
      )
      .join(''),
  list: (ids, heads, rows) => {
    const c = () => ids.cls();
    const cell = (text: string) => `<div class="${c()}"><span class="${c()}">${text}</span></div>`;
    const header = `<div class="${c()}">${[heads.name, heads.apiKey, heads.permissions, heads.ips].map((h) => cell(v(h))).join('')}<div class="${c()}"></div></div>`;
    const body = rows
      .map((row) => `<div class="${c()}">${cell(v(row.name))}${cell(v(row.apiKey))}${cell(permissionTags(ids, row))}${cell(v(row.ips))}<div class="${c()}">${editButton(ids, heads, row)}</div></div>`)
      .join('');
    return `<div class="${c()}">${header}${body}</div>`;
  },
};
