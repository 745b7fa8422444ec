import browser from 'webextension-polyfill';
import { type BadgeState, badgeText, badgeTitle } from './badge-state';

export type { BadgeState } from './badge-state';

const ICONS = {
  unlocked: { 16: 'icons/keyward-16.png', 32: 'icons/keyward-32.png' },
  locked: { 16: 'icons/keyward-locked-16.png', 32: 'icons/keyward-locked-32.png' },
};

/** The toolbar tells, at a glance, whether the vault is open and how many keys need attention. */
export async function showBadge(state: BadgeState): Promise<void> {
  await Promise.all([
    browser.action.setIcon({ path: state.unlocked ? ICONS.unlocked : ICONS.locked }),
    browser.action.setBadgeText({ text: badgeText(state) }),
    browser.action.setBadgeBackgroundColor({ color: '#b91c1c' }),
    browser.action.setTitle({ title: badgeTitle(state) }),
  ]);
}
