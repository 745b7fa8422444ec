// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { send } from '../shared/send';
import { button, click, keyListProps, makeKey, popupRoot } from './test-helpers';
import { KeyDetail } from './views/KeyDetail';
import { KeyList } from './views/KeyList';

/** How the popup shows a record that failed its integrity check, and a key captured while locked. */

vi.mock('../shared/send', () => ({ send: vi.fn() }));
vi.mock('./browser-access', () => ({ activeTabId: vi.fn(async () => null), requestSiteAccess: vi.fn(async () => false), requestApiAccess: vi.fn(async () => false) }));

const sendMock = vi.mocked(send);
const { root, mount } = popupRoot();

beforeEach(() => {
  sendMock.mockReset();
});

const CAPTURED_AT = Date.UTC(2025, 4, 6, 9, 30);

const damaged = makeKey({
  id: 'bad',
  exchange: 'okx',
  label: '',
  permissions: null,
  ipWhitelist: null,
  apiKeyTail: '',
  damaged: 'Its stored data was changed after Keyward wrote it.',
});
const captured = makeKey({
  id: 'cap',
  label: 'from the exchange',
  source: { kind: 'capture', url: 'https://www.htx.com/en-us/apikey/' },
  capturedWhileLocked: { at: CAPTURED_AT, page: 'https://www.htx.com/en-us/apikey/' },
});

function list(keys = [damaged, captured, makeKey({ id: 'plain', label: 'plain bot' })], attentionOnly = false) {
  return <KeyList {...keyListProps(keys, { attentionOnly })} />;
}

const row = (id: string): string => root.querySelector(`button[data-id="${id}"]`)?.textContent ?? '';

describe('the key list', () => {
  it('shows a damaged record as tampered, and it needs attention', async () => {
    await mount(list());
    expect(row('bad')).toContain('Tampered key record');
    expect(row('bad')).toContain('not filled, revealed or backed up');
    expect(row('bad')).toContain('OKX');
    expect(root.textContent).toContain('Needs attention (1)');
  });

  it('says a key was captured while the vault was locked, where and when, and asks to check it', async () => {
    await mount(list());
    expect(row('cap')).toMatch(
      /Captured while the vault was locked, from https:\/\/www\.htx\.com\/en-us\/apikey\/ at .*2025.*: check it is yours\./,
    );
    expect(row('plain')).not.toContain('Captured while');
  });
});

describe('the key detail', () => {
  it('of a damaged record explains the refusal, offers no credential, and deletes after confirmation', async () => {
    sendMock.mockImplementation(async () => ({}) as never);
    const onDeleted = vi.fn();
    await mount(<KeyDetail keySummary={damaged} rotationDays={90} onBack={vi.fn()} onChanged={vi.fn()} onDeleted={onDeleted} />);
    expect(root.querySelector('h1')?.textContent).toBe('Tampered key record');
    expect(root.textContent).toContain('Keyward will not use this key.');
    expect(root.textContent).toContain('Its stored data was changed after Keyward wrote it.');
    expect([...root.querySelectorAll('button')].some((b) => /Reveal|Copy/.test(b.getAttribute('aria-label') ?? ''))).toBe(false);
    await click(button(root, 'Delete record…'));
    await click(button(root, 'Delete record'));
    expect(sendMock).toHaveBeenCalledWith('keys.delete', { id: 'bad' });
    expect(onDeleted).toHaveBeenCalledWith('bad');
  });

  it('of a key captured while locked says so above everything else', async () => {
    await mount(<KeyDetail keySummary={captured} rotationDays={90} onBack={vi.fn()} onChanged={vi.fn()} onDeleted={vi.fn()} />);
    const first = root.querySelector('.callout');
    expect(first?.textContent).toMatch(/^Captured while the vault was locked, from https:\/\/www\.htx\.com\/en-us\/apikey\/ at .*: check it is yours\./);
    expect(first?.textContent).toContain('If you did not create this key on HTX then');
  });
});
