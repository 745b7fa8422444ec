import type { Surface } from './types';

/** Keyward's popup, driven the way a person does: by labels, roles and visible text. */
export const POPUP = 'src/popup/popup.html';

export async function waitReady(popup: Surface, view: string): Promise<void> {
  await popup.waitFor({ css: `body[data-ready="${view}"]` }, 15_000);
}

export async function createVault(popup: Surface, password: string): Promise<void> {
  await waitReady(popup, 'create');
  await popup.fill({ label: 'Master password' }, password);
  await popup.fill({ label: 'Repeat master password' }, password);
  await popup.click({ role: 'button', name: 'Create vault' });
  await waitReady(popup, 'list');
}

export async function unlock(popup: Surface, password: string): Promise<void> {
  await waitReady(popup, 'unlock');
  await popup.fill({ label: 'Master password' }, password);
  await popup.click({ role: 'button', name: /^Unlock/ });
  await waitReady(popup, 'list');
}

export async function lock(popup: Surface): Promise<void> {
  await popup.click({ role: 'button', name: 'Lock' });
  await waitReady(popup, 'unlock');
}

export interface ManualKey {
  exchange: string;
  label: string;
  apiKey: string;
  secret: string;
  passphrase?: string;
  withdraw?: boolean;
  ips?: string;
}

export async function addKey(popup: Surface, key: ManualKey): Promise<void> {
  await popup.click({ role: 'button', name: 'Add key' });
  await waitReady(popup, 'add');
  await popup.select({ label: 'Exchange' }, key.exchange);
  await popup.fill({ label: 'Label' }, key.label);
  await popup.fill({ css: '#add-apikey' }, key.apiKey);
  await popup.fill({ css: '#add-secret' }, key.secret);
  if (key.passphrase !== undefined) await popup.fill({ label: 'Passphrase' }, key.passphrase);
  if (key.withdraw) await popup.click({ role: 'checkbox', name: /withdraw/i });
  if (key.ips !== undefined) await popup.fill({ label: 'IP whitelist' }, key.ips);
  await popup.click({ role: 'button', name: /^Save/ });
  await waitReady(popup, 'detail');
  await popup.waitFor({ role: 'heading', name: new RegExp(key.label) });
}

export async function backToList(popup: Surface): Promise<void> {
  await popup.click({ role: 'button', name: 'Back to keys' });
  await waitReady(popup, 'list');
}

/** Settings > Sites where Keyward fills: adds an https site for a platform, as a person would. */
export async function addSiteInPopup(popup: Surface, platformName: string, address: string): Promise<void> {
  await popup.click({ role: 'button', name: 'Settings' });
  await waitReady(popup, 'settings');
  await popup.select({ label: 'What runs there' }, platformName);
  await popup.fill({ label: 'Address' }, address);
  await popup.click({ role: 'button', name: 'Add site' });
  await popup.waitFor({ text: /Keyward now offers to fill on/ });
  await backToList(popup);
}
