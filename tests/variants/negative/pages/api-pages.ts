/**
 * API-management pages of a few exchanges, with existing keys listed (no new secret), as the base
 * for the negative pages that live ON the API page: an authenticator step inside the create-key
 * flow, masked values in the list, ids beside the list. Each names the real page it is modelled on.
 */
import { copyButton, css, shell, valueRow } from './chrome';

export interface ListedKeyRow {
  name: string;
  /** What the list shows in the key's place: the key itself, or a masked form of it. */
  apiKeyShown: string;
  /** What it shows in a secret column, if it has one ("******"). */
  secretShown?: string;
  permissions: string;
  ips: string;
  created: string;
}

/**
 * Modelled on OKX's API page (www.okx.com/account/my-api; help centre "How do I create an API
 * key?"): a "Create API key" button above one card per key showing its name, the API key with a
 * copy button, permissions, linked IP addresses and creation time, with Edit and Delete.
 * `step` is the create-key wizard area (empty until the user clicks Create).
 */
export function okxApiPage(keys: ListedKeyRow[], step: string): string {
  const cards = keys
    .map(
      (k) => `
    <div class="${css('api-card')}">
      <div class="${css('api-card-head')}"><span class="${css('api-name')}">${k.name}</span>
        <span><button type="button">Edit</button><button type="button">Delete</button></span></div>
      ${valueRow('API key', k.apiKeyShown, copyButton('Copy'))}
      ${k.secretShown ? valueRow('Secret key', k.secretShown, '') : ''}
      ${valueRow('Permissions', k.permissions, '')}
      ${valueRow('IP address', k.ips, '')}
      ${valueRow('Created', k.created, '')}
    </div>`,
    )
    .join('');
  return shell('OKX', 'en', 'API', `<div class="${css('tabs')}"><span role="tab" aria-selected="true">API keys</span><span role="tab">Broker API</span></div>
     <p class="${css('hint')}">You can create up to 50 API keys. Keep your API key and passphrase safe.</p>
     <button type="button" class="${css('primary')}">Create API key</button>
     <div class="${css('wizard')}" id="wizard">${step}</div>
     <div class="${css('api-list')}">${cards}</div>`,
  );
}

/**
 * Modelled on Gate's API key management (www.gate.io/zh/myaccount/apikeys; Gate help "如何创建API
 * Key"): a table of keys with 备注 (remarks), API Key, 权限 (permissions), IP 白名单, 创建时间 and
 * actions, under the "创建 API Key" button.
 */
export function gateApiPageZh(keys: ListedKeyRow[]): string {
  const rows = keys
    .map(
      (k) => `<tr><td>${k.name}</td><td><span>${k.apiKeyShown}</span>${copyButton('复制')}</td>${k.secretShown !== undefined ? `<td>${k.secretShown}</td>` : ''}<td>${k.permissions}</td><td>${k.ips}</td><td>${k.created}</td><td><a href="#">编辑</a> <a href="#">删除</a></td></tr>`,
    )
    .join('');
  const secretHead = keys.some((k) => k.secretShown !== undefined) ? '<th>Secret</th>' : '';
  return shell('Gate', 'zh', 'API Key 管理', `<div class="${css('toolbar')}"><button type="button">创建 API Key</button><span>APIv4 Key</span></div>
     <table class="${css('table')}"><thead><tr><th>备注</th><th>API Key</th>${secretHead}<th>权限</th><th>IP 白名单</th><th>创建时间</th><th>操作</th></tr></thead>
     <tbody>${rows}</tbody></table>`,
  );
}

/**
 * Modelled on HTX's API management (www.htx.com/en-us/apikey/; HTX help "How to create an API
 * key"): the create form (Notes, Permissions, Bind IP address) above "My API keys", a table of
 * Notes, Access Key, Permissions, Bound IP, Created, Status and actions.
 */
export function htxApiPage(keys: ListedKeyRow[]): string {
  const rows = keys
    .map(
      (k) => `<tr><td>${k.name}</td><td>${k.apiKeyShown}</td>${k.secretShown !== undefined ? `<td>${k.secretShown}</td>` : ''}<td>${k.permissions}</td><td>${k.ips}</td><td>${k.created}</td><td>Normal</td><td><a href="#">Edit</a> <a href="#">Delete</a></td></tr>`,
    )
    .join('');
  const secretHead = keys.some((k) => k.secretShown !== undefined) ? '<th>Secret Key</th>' : '';
  return shell('HTX', 'en', 'API Management', `<section class="${css('create')}"><h2>Create API Key</h2>
       <div><label>Notes</label><input type="text" placeholder="Required"></div>
       <div><span>Permissions</span> <label><input type="checkbox" checked disabled> Read</label> <label><input type="checkbox"> Trade</label> <label><input type="checkbox"> Withdraw</label></div>
       <div><label>Bind IP address (optional)</label><textarea placeholder="Up to 20 IP addresses"></textarea></div>
       <button type="button">Create</button></section>
     <section><h2>My API keys</h2>
     <table class="${css('table')}"><thead><tr><th>Notes</th><th>Access Key</th>${secretHead}<th>Permissions</th><th>Bound IP</th><th>Created</th><th>Status</th><th>Action</th></tr></thead>
     <tbody>${rows}</tbody></table></section>`,
  );
}

/**
 * A freshly created key as a dialog shows it once, used by the near misses: the same labels the
 * exchange uses on its own success dialog ("API key", "Secret key"), a copy button each.
 */
export function newKeyDialog(title: string, fields: { label: string; value: string; copy: string }[], close: string): string {
  return `<div role="dialog" aria-modal="true" class="${css('modal')}"><div class="${css('modal-title')}">${title}</div>
    ${fields.map((f) => valueRow(f.label, f.value, copyButton(f.copy))).join('')}
    <button type="button">${close}</button></div>`;
}
