// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeywardError, type VaultStatus } from '../messages';
import { send } from '../shared/send';
import { App } from './App';
import { button, choose, click, makeKey, settle, typeInto } from './test-helpers';
import { Settings } from './views/Settings';

vi.mock('../shared/send', () => ({ send: vi.fn() }));
vi.mock('./browser-access', () => ({ activeTabId: vi.fn(async () => null), requestSiteAccess: vi.fn(async () => false), requestApiAccess: vi.fn(async () => false) }));
const sendMock = vi.mocked(send);

const settings = { autoLockSeconds: 900, clipboardClearSeconds: 30, rotationDays: 90, expiryNotifications: true, language: 'auto' as const };
const status = (state: VaultStatus['state'], extra: Partial<VaultStatus> = {}): VaultStatus => ({
  state,
  retryAt: null,
  keyCount: 0,
  riskyCount: 0,
  settings,
  ...extra,
});

let root: HTMLDivElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  sendMock.mockReset();
  delete document.body.dataset.ready;
});
afterEach(async () => {
  await act(() => render(null, root));
  root.remove();
});

describe('App', () => {
  it('opens on the list when unlocked, and locks back to the unlock form', async () => {
    const keys = [makeKey({ id: 'a', label: 'bot-1' }), makeKey({ id: 'b', exchange: 'okx', label: 'bot-2' })];
    sendMock.mockImplementation(async (type) => {
      if (type === 'vault.status') return status('unlocked', { keyCount: 2 });
      if (type === 'keys.list') return { keys };
      if (type === 'vault.lock') return status('locked');
      throw new Error(`unexpected ${type}`);
    });
    await act(() => render(<App />, root));
    await settle();
    expect(document.body.dataset.ready).toBe('list');
    expect(root.querySelectorAll('button[data-id]')).toHaveLength(2);
    expect(document.activeElement?.id).toBe('key-search');

    await click(button(root, 'Lock'));
    expect(sendMock).toHaveBeenCalledWith('vault.lock', {});
    expect(root.querySelector('#unlock-password')).not.toBeNull();
    expect(root.querySelector('button[data-id]')).toBeNull();
    expect(document.body.dataset.ready).toBe('unlock');
  });

  it('warns in red on the list after an unlock that found the capture key replaced, until dismissed', async () => {
    let state: VaultStatus['state'] = 'locked';
    sendMock.mockImplementation(async (type) => {
      if (type === 'vault.status') return status(state, state === 'unlocked' ? { sealKeyReplaced: true } : {});
      if (type === 'vault.unlock') {
        state = 'unlocked';
        return status('unlocked', { sealKeyReplaced: true });
      }
      if (type === 'keys.list') {
        if (state !== 'unlocked') throw new KeywardError('locked', 'Keyward is locked.');
        return { keys: [makeKey({ id: 'a', label: 'bot-1' })] };
      }
      throw new Error(`unexpected ${type}`);
    });
    await act(() => render(<App />, root));
    await settle();
    expect(root.querySelector('.seal-key-alert')).toBeNull();
    await typeInto(root.querySelector('#unlock-password'), 'password-1');
    await click(button(root, 'Unlock'));
    await settle();
    const alert = root.querySelector('.seal-key-alert');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.classList.contains('alert-error')).toBe(true);
    expect(alert?.textContent).toContain(
      'Keyward’s capture key was replaced while the vault was locked. Keys captured while locked since then may have been read by whoever replaced it: check them, and rotate any you did not expect.',
    );
    expect(root.querySelectorAll('button[data-id]')).toHaveLength(1);

    await click(button(root, 'Dismiss'));
    expect(root.querySelector('.seal-key-alert')).toBeNull();
  });

  it('shows no capture-key warning when the status does not report one', async () => {
    sendMock.mockImplementation(async (type) => {
      if (type === 'vault.status') return status('unlocked');
      if (type === 'keys.list') return { keys: [] };
      throw new Error(`unexpected ${type}`);
    });
    await act(() => render(<App />, root));
    await settle();
    expect(root.querySelector('.seal-key-alert')).toBeNull();
  });

  it('goes back to the unlock form when a request finds the vault locked', async () => {
    let locked = false;
    sendMock.mockImplementation(async (type) => {
      if (type === 'vault.status') return status(locked ? 'locked' : 'unlocked');
      if (type === 'keys.list') return { keys: [makeKey({ id: 'a', label: 'bot-1' })] };
      if (type === 'keys.reveal') {
        locked = true;
        throw new KeywardError('locked', 'Keyward is locked.');
      }
      throw new Error(`unexpected ${type}`);
    });
    await act(() => render(<App />, root));
    await settle();
    await click(root.querySelector('button[data-id="a"]'));
    expect(document.body.dataset.ready).toBe('detail');
    await click(button(root, 'Reveal Secret Key'));
    await settle();
    expect(root.querySelector('#unlock-password')).not.toBeNull();
  });

  it('starts with vault creation, checking length and equality inline', async () => {
    sendMock.mockImplementation(async (type) => {
      if (type === 'vault.status') return status('no-vault');
      if (type === 'vault.create') return status('unlocked');
      if (type === 'keys.list') return { keys: [] };
      throw new Error(`unexpected ${type}`);
    });
    await act(() => render(<App />, root));
    await settle();
    expect(document.body.dataset.ready).toBe('create');
    expect(root.textContent).toContain('Keyward cannot recover it; your keys would be lost');
    await typeInto(root.querySelector('#create-password'), 'short');
    await click(button(root, 'Create vault'));
    expect(root.textContent).toContain('at least 8 characters');
    await typeInto(root.querySelector('#create-password'), 'correct horse battery');
    await typeInto(root.querySelector('#create-confirm'), 'correct horse batterx');
    await click(button(root, 'Create vault'));
    expect(root.textContent).toContain('not the same');
    expect(sendMock).not.toHaveBeenCalledWith('vault.create', expect.anything());
    await typeInto(root.querySelector('#create-confirm'), 'correct horse battery');
    await click(button(root, 'Create vault'));
    expect(sendMock).toHaveBeenCalledWith('vault.create', { password: 'correct horse battery' });
    expect(document.body.dataset.ready).toBe('list');
  });
});

describe('Settings', () => {
  it('offers the current auto-lock value when it is not a standard choice, and saves a new one', async () => {
    sendMock.mockResolvedValue(status('unlocked', { settings: { ...settings, autoLockSeconds: 300 } }));
    const onStatus = vi.fn();
    await act(() =>
      render(
        <Settings settings={{ ...settings, autoLockSeconds: 15 }} onStatus={onStatus} onImported={vi.fn()} onBack={vi.fn()} />,
        root,
      ),
    );
    const select = root.querySelector<HTMLSelectElement>('#set-autolock');
    expect([...(select?.options ?? [])].map((o) => o.textContent)).toEqual([
      '15 seconds',
      '1 minute',
      '5 minutes',
      '15 minutes',
      '30 minutes',
      '1 hour',
      '4 hours',
    ]);
    await choose(select, '300');
    await settle();
    expect(sendMock).toHaveBeenCalledWith('settings.update', { autoLockSeconds: 300 });
    expect(onStatus).toHaveBeenCalled();
  });

  it('exports with the master password as the backup password when the user ticks reuse', async () => {
    sendMock.mockImplementation(async (type) =>
      type === 'sites.list' ? { sites: [] } : { fileName: 'keyward-backup.json', content: '{"format":"keyward-backup"}' },
    );
    const created: Blob[] = [];
    const createSpy = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      if (blob instanceof Blob) created.push(blob);
      return 'blob:test';
    });
    const revokeSpy = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    await act(() =>
      render(<Settings settings={settings} onStatus={vi.fn()} onImported={vi.fn()} onBack={vi.fn()} />, root),
    );
    await typeInto(root.querySelector('#export-master'), 'master pw 123');
    await click(root.querySelector('#export-reuse'));
    await click(button(root, 'Export'));
    expect(sendMock).toHaveBeenCalledWith('backup.export', { masterPassword: 'master pw 123', backupPassword: 'master pw 123' });
    expect(created).toHaveLength(1);
    const link = root.querySelector<HTMLAnchorElement>('a[download]');
    expect(link?.getAttribute('download')).toBe('keyward-backup.json');
    expect(root.querySelector<HTMLInputElement>('#export-master')?.value).toBe('');
    createSpy.mockRestore();
    revokeSpy.mockRestore();
  });
});
