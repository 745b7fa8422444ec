// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { send } from '../shared/send';
import { button, click, makeKey, popupRoot } from './test-helpers';
import { KeyDetail } from './views/KeyDetail';

/** The rotation helper on a key's detail (issue 11). */

vi.mock('../shared/send', () => ({ send: vi.fn() }));
vi.mock('./browser-access', () => ({ activeTabId: vi.fn(async () => null), requestSiteAccess: vi.fn(async () => false), requestApiAccess: vi.fn(async () => false) }));

const sendMock = vi.mocked(send);
const { root, mount } = popupRoot();

beforeEach(() => {
  sendMock.mockReset();
});

const DAY = 86_400_000;
const old = makeKey({ id: 'old', label: 'grid bot', createdAt: Date.now() - 200 * DAY, bindings: [{ platformHost: 'app.3commas.io', boundAt: 1 }, { platformHost: 'bitsgap.com', boundAt: 2 }] });
const newer = makeKey({ id: 'new', label: 'grid bot 2', apiKeyTail: 'n3w1', createdAt: Date.now() - DAY, bindings: [{ platformHost: 'app.3commas.io', boundAt: 3 }] });
const other = makeKey({ id: 'okx', exchange: 'okx', label: 'okx bot' });
const keys = [old, newer, other];

function detail(keySummary = old, onChanged = vi.fn()) {
  return <KeyDetail keySummary={keySummary} keys={keys} rotationDays={90} onBack={vi.fn()} onChanged={onChanged} onDeleted={vi.fn()} />;
}

describe('rotating a key from its detail', () => {
  it('offers only current keys of the same exchange as the successor, and retires on request', async () => {
    const retired = { ...old, retired: { at: Date.now(), successorId: 'new' } };
    sendMock.mockImplementation((async (type: string) => (type === 'keys.retire' ? { key: retired } : {})) as never);
    const onChanged = vi.fn();
    await mount(detail(old, onChanged));
    const options = [...root.querySelectorAll('#successor option')].map((option) => option.getAttribute('value'));
    expect(options).toEqual(['new']);
    await click(button(root, 'Replace by this key'));
    expect(sendMock).toHaveBeenCalledWith('keys.retire', { id: 'old', successorId: 'new' });
    expect(onChanged).toHaveBeenCalledWith(retired);
  });

  it('once retired, says what replaced it, which platforms still need the new key, and leads to delete', async () => {
    await mount(detail({ ...old, retired: { at: Date.now(), successorId: 'new' } }));
    expect(root.querySelector('[data-rotation="retired"]')?.textContent).toContain('Replaced by grid bot 2 (…n3w1');
    const platforms = [...root.querySelectorAll('.bindings li')].map((li) => li.textContent);
    expect(platforms).toContain('app.3commas.io new key bound ✓');
    expect(platforms).toContain('bitsgap.com not yet');
    await click(button(root, 'Deleted on HTX: remove from Keyward…'));
    expect(root.textContent).toContain("Delete HTX key 'grid bot'");
    expect(sendMock).not.toHaveBeenCalledWith('keys.delete', expect.anything());
  });

  it('can undo a retirement', async () => {
    sendMock.mockImplementation((async (type: string) => (type === 'keys.unretire' ? { key: old } : {})) as never);
    const onChanged = vi.fn();
    await mount(detail({ ...old, retired: { at: Date.now(), successorId: 'new' } }, onChanged));
    await click(button(root, 'Undo retirement'));
    expect(sendMock).toHaveBeenCalledWith('keys.unretire', { id: 'old' });
    expect(onChanged).toHaveBeenCalledWith(old);
  });
});
