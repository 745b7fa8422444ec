import browser from 'webextension-polyfill';

const ICONS = {
  unlocked: { 16: 'icons/keyward-16.png', 32: 'icons/keyward-32.png' },
  locked: { 16: 'icons/keyward-locked-16.png', 32: 'icons/keyward-locked-32.png' },
};

export interface BadgeState {
  unlocked: boolean;
  hasVault: boolean;
  riskyCount: number;
}

/** The toolbar tells, at a glance, whether the vault is open and how many keys are risky. */
export async function showBadge(state: BadgeState): Promise<void> {
  const lockWord = !state.hasVault ? 'no vault yet' : state.unlocked ? 'unlocked' : 'locked';
  const risk = state.riskyCount === 1 ? '1 risky key' : `${state.riskyCount} risky keys`;
  await Promise.all([
    browser.action.setIcon({ path: state.unlocked ? ICONS.unlocked : ICONS.locked }),
    browser.action.setBadgeText({ text: state.riskyCount > 0 ? String(state.riskyCount) : '' }),
    browser.action.setBadgeBackgroundColor({ color: '#b91c1c' }),
    browser.action.setTitle({ title: `Keyward: ${lockWord}${state.riskyCount > 0 ? `, ${risk}` : ''}` }),
  ]);
}
