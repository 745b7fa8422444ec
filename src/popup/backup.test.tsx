// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_BACKUP_BYTES } from '../core/backup-policy';
import { send } from '../shared/send';
import { button, click, settle, typeInto } from './test-helpers';
import { Settings } from './views/Settings';

vi.mock('../shared/send', () => ({ send: vi.fn() }));
vi.mock('./browser-access', () => ({ activeTabId: vi.fn(async () => null), requestSiteAccess: vi.fn(async () => false), requestApiAccess: vi.fn(async () => false) }));
const sendMock = vi.mocked(send);

const settings = { autoLockSeconds: 900, clipboardClearSeconds: 30, rotationDays: 90, expiryNotifications: true, language: 'auto' as const };

let root: HTMLDivElement;
beforeEach(async () => {
  root = document.createElement('div');
  document.body.append(root);
  sendMock.mockReset();
  sendMock.mockImplementation(async (type) =>
    type === 'sites.list' ? { sites: [] } : { fileName: 'keyward-backup.json', content: '{"format":"keyward-backup"}' },
  );
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:test');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  await act(() => render(<Settings settings={settings} onStatus={vi.fn()} onImported={vi.fn()} onBack={vi.fn()} />, root));
  await settle();
});
afterEach(async () => {
  await act(() => render(null, root));
  root.remove();
  vi.restoreAllMocks();
});

/** Types the three export passwords and presses Export. */
async function exportWith(master: string, backupPassword: string, repeat: string): Promise<void> {
  await typeInto(root.querySelector('#export-master'), master);
  await typeInto(root.querySelector('#export-password'), backupPassword);
  await typeInto(root.querySelector('#export-repeat'), repeat);
  await click(button(root, 'Export'));
}

function exportCalls(): unknown[] {
  return sendMock.mock.calls.filter(([type]) => type === 'backup.export').map(([, payload]) => payload);
}

function alertText(): string {
  return root.querySelector('[role="alert"]')?.textContent ?? '';
}

describe('backup export password', () => {
  it('asks for a separate backup password by default; reusing the master password is unticked', async () => {
    const reuse = root.querySelector<HTMLInputElement>('#export-reuse');
    expect(reuse?.checked).toBe(false);
    expect(root.querySelector('#export-password')).not.toBeNull();
    expect(root.querySelector('#export-repeat')).not.toBeNull();

    // Leaving it empty no longer means "use the master password".
    await typeInto(root.querySelector('#export-master'), 'master pw 123');
    await click(button(root, 'Export'));
    expect(exportCalls()).toEqual([]);
    expect(alertText()).toContain('at least 12 characters');
    expect(document.activeElement?.id).toBe('export-password');
  });

  it('refuses a weak separate backup password before sending anything', async () => {
    await typeInto(root.querySelector('#export-master'), 'master pw 123');
    for (const weak of ['short pw 1', 'aaaaaaaaaaaaaaaa', 'abababababababab']) {
      await typeInto(root.querySelector('#export-password'), weak);
      await typeInto(root.querySelector('#export-repeat'), weak);
      await click(button(root, 'Export'));
      expect(alertText()).not.toBe('');
    }
    expect(exportCalls()).toEqual([]);
  });

  it('refuses the master password typed as the separate one, and two passwords that differ', async () => {
    await exportWith('master password 123', 'master password 123', 'master password 123');
    expect(alertText()).toContain('That is your master password');

    await typeInto(root.querySelector('#export-password'), 'violet canoe drifts north');
    await typeInto(root.querySelector('#export-repeat'), 'violet canoe drifts south');
    await click(button(root, 'Export'));
    expect(alertText()).toContain('not the same');
    expect(document.activeElement?.id).toBe('export-repeat');
    expect(exportCalls()).toEqual([]);
  });

  it('sends a strong separate backup password, not the master password', async () => {
    await exportWith('master pw 123', 'violet canoe drifts north', 'violet canoe drifts north');
    expect(exportCalls()).toEqual([{ masterPassword: 'master pw 123', backupPassword: 'violet canoe drifts north' }]);
  });

  it('reuses the master password only when ticked, hiding the separate fields', async () => {
    await typeInto(root.querySelector('#export-master'), 'master pw 123');
    await click(root.querySelector('#export-reuse'));
    expect(root.querySelector('#export-password')).toBeNull();
    expect(root.textContent).toContain('also knows your master password');
    await click(button(root, 'Export'));
    expect(exportCalls()).toEqual([{ masterPassword: 'master pw 123', backupPassword: 'master pw 123' }]);
  });
});

describe('backup import file', () => {
  async function chooseFile(file: File): Promise<void> {
    const input = root.querySelector<HTMLInputElement>('#import-file');
    if (!input) throw new Error('no file input');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
  }

  it('refuses a file over the size limit without reading it', async () => {
    const file = new File(['{}'], 'huge.json');
    Object.defineProperty(file, 'size', { value: MAX_BACKUP_BYTES + 1 });
    const read = vi.spyOn(file, 'text');
    await chooseFile(file);
    expect(read).not.toHaveBeenCalled();
    expect(alertText()).toContain('too large');
    await typeInto(root.querySelector('#import-password'), 'violet canoe drifts north');
    await click(button(root, 'Import'));
    expect(sendMock.mock.calls.some(([type]) => type === 'backup.import')).toBe(false);
  });

  it('reads a file within the limit and sends it', async () => {
    sendMock.mockImplementation(async (type) => (type === 'sites.list' ? { sites: [] } : { added: 1, duplicates: 0 }));
    await chooseFile(new File(['{"format":"keyward-backup"}'], 'keyward-backup.json'));
    await typeInto(root.querySelector('#import-password'), 'violet canoe drifts north');
    await click(button(root, 'Import'));
    expect(sendMock).toHaveBeenCalledWith('backup.import', {
      content: '{"format":"keyward-backup"}',
      password: 'violet canoe drifts north',
    });
  });
});
