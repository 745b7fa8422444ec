// @vitest-environment happy-dom
import { useState } from 'preact/hooks';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { KeywardError, type MessageType, type RequestOf, type ResponseOf, type VaultStatus } from '../messages';
import { send } from '../shared/send';
import { button, choose, click, keyListProps, makeKey, popupRoot, typeInto } from './test-helpers';
import { AddKey } from './views/AddKey';
import { KeyDetail } from './views/KeyDetail';
import { KeyList } from './views/KeyList';
import { Unlock } from './views/Unlock';

vi.mock('../shared/send', () => ({ send: vi.fn() }));
vi.mock('./browser-access', () => ({ activeTabId: vi.fn(async () => null), requestSiteAccess: vi.fn(async () => false), requestApiAccess: vi.fn(async () => false) }));

const sendMock = vi.mocked(send);

type Handler = { [T in MessageType]?: (payload: RequestOf<T>) => ResponseOf<T> | Promise<ResponseOf<T>> };

/** Routes each message type to a handler; an unexpected message fails the test. */
function answer(handlers: Handler): void {
  sendMock.mockImplementation(async (type, payload) => {
    const handler = handlers[type] as ((p: typeof payload) => unknown) | undefined;
    if (!handler) throw new Error(`unexpected message ${type}`);
    return (await handler(payload)) as never;
  });
}

const lockedStatus: VaultStatus = {
  state: 'locked',
  retryAt: null,
  keyCount: 2,
  riskyCount: 0,
  settings: { autoLockSeconds: 900, clipboardClearSeconds: 30, rotationDays: 90, expiryNotifications: true, language: 'auto' },
};

const { root, mount } = popupRoot();

beforeEach(() => {
  sendMock.mockReset();
});

describe('Unlock', () => {
  it('keeps the typed password, shows the error and refocuses the field on a wrong password', async () => {
    answer({
      'vault.unlock': () => {
        throw new KeywardError('wrong-password', 'That password is not right.');
      },
      'vault.status': () => lockedStatus,
    });
    const onUnlocked = vi.fn();
    await mount(<Unlock retryAt={null} onUnlocked={onUnlocked} onStatus={vi.fn()} />);
    const input = root.querySelector<HTMLInputElement>('#unlock-password');
    await typeInto(input, 'hunter22-typo');
    await click(button(root, 'Unlock'));

    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe('That password is not right.');
    expect(input?.value).toBe('hunter22-typo');
    expect(document.activeElement).toBe(input);
    expect([input?.selectionStart, input?.selectionEnd]).toEqual([0, 'hunter22-typo'.length]);
    expect(input?.getAttribute('aria-invalid')).toBe('true');
    expect(onUnlocked).not.toHaveBeenCalled();
    expect(sendMock).toHaveBeenCalledWith('vault.unlock', { password: 'hunter22-typo' });
  });

  it('counts down to the next allowed attempt while throttled', async () => {
    await mount(<Unlock retryAt={Date.now() + 30_000} onUnlocked={vi.fn()} onStatus={vi.fn()} />);
    expect(root.textContent).toContain('Next attempt allowed in 0:30');
    const submit = root.querySelector<HTMLButtonElement>('button[type="submit"]');
    expect(submit?.disabled).toBe(true);
    expect(submit?.textContent).toContain('Wait 30 s');
  });
});

describe('KeyList', () => {
  const keys = [
    makeKey({ id: 'k1', exchange: 'htx', label: 'Grid bot', apiKeyTail: 'aaaa' }),
    makeKey({ id: 'k2', exchange: 'okx', label: 'arb-1', account: 'sub-arb', apiKeyTail: 'bbbb' }),
    makeKey({
      id: 'k3',
      exchange: 'binance',
      label: '',
      apiKeyTail: 'cccc',
      risk: { withdraw: true, transfer: false, noIpWhitelist: true },
      ipWhitelist: [],
    }),
  ];

  function Harness() {
    // The harness owns the query, as App does.
    const [query, setQuery] = useState('');
    return <KeyList {...keyListProps(keys, { query, onQuery: setQuery })} />;
  }

  const rowIds = (): string[] => [...root.querySelectorAll('button[data-id]')].map((b) => b.getAttribute('data-id') ?? '');

  it('groups by exchange, shows risk badges, and filters by exchange, label and account', async () => {
    await mount(<Harness />);
    expect(rowIds().sort()).toEqual(['k1', 'k2', 'k3']);
    // What a screen reader hears: the seen number is hidden from it, the whole phrase ("1 key") said instead.
    const spoken = (el: Element): string => {
      const copy = el.cloneNode(true) as Element;
      for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
      return copy.textContent ?? '';
    };
    expect([...root.querySelectorAll('.group-title')].map(spoken)).toEqual(['Binance 1 key', 'HTX 1 key', 'OKX 1 key']);
    expect([...root.querySelectorAll('.group-title .count')].map((c) => c.querySelector('[aria-hidden="true"]')?.textContent)).toEqual(['1', '1', '1']);
    const binanceRow = root.querySelector('button[data-id="k3"]');
    expect(binanceRow?.textContent).toContain('Unnamed key');
    expect(binanceRow?.textContent).toContain('Withdraw on');
    expect(binanceRow?.textContent).toContain('No IP whitelist');
    expect(root.querySelector('button[data-id="k2"]')?.textContent).toContain('sub-arb');
    expect(root.querySelector('button[data-id="k1"]')?.textContent).not.toContain('main');
    expect(document.body.dataset.ready).toBe('list');

    const search = root.querySelector('#key-search');
    await typeInto(search, 'GRID');
    expect(rowIds()).toEqual(['k1']);
    await typeInto(search, 'okx');
    expect(rowIds()).toEqual(['k2']);
    await typeInto(search, 'SUB-ARB');
    expect(rowIds()).toEqual(['k2']);
    await typeInto(search, 'nothing like it');
    expect(rowIds()).toEqual([]);
    expect(root.textContent).toContain('No keys match');
    await typeInto(search, '');
    expect(rowIds()).toHaveLength(3);
  });
});

describe('AddKey', () => {
  it('shows format warnings beside the fields, then saves on "Save anyway"', async () => {
    const saved = makeKey({ id: 'new-1', exchange: 'okx', label: 'bot-7' });
    answer({ 'keys.add': () => ({ key: saved }) });
    const onAdded = vi.fn();
    await mount(<AddKey onAdded={onAdded} onCancel={vi.fn()} />);

    await choose(root.querySelector('#add-exchange'), 'okx');
    // OKX's own words, and its passphrase field.
    expect(root.querySelector('label[for="add-apikey"]')?.textContent).toBe('API Key');
    expect(root.querySelector('label[for="add-secret"]')?.textContent).toBe('Secret Key');
    expect(root.querySelector('#add-passphrase')).not.toBeNull();

    await typeInto(root.querySelector('#add-label'), '  bot-7 ');
    await typeInto(root.querySelector('#add-apikey'), '  not-a-uuid  ');
    await typeInto(root.querySelector('#add-secret'), 'short');
    await typeInto(root.querySelector('#add-passphrase'), 'pass phrase');
    await click(button(root, 'Save key'));

    expect(sendMock).not.toHaveBeenCalled();
    expect(root.querySelector('#add-apikey-warning')?.textContent).toContain('does not look like');
    expect(root.querySelector('#add-secret-warning')?.textContent).toContain('does not look like');
    expect(root.querySelector('#add-apikey')?.getAttribute('aria-describedby')).toContain('add-apikey-warning');
    expect(root.querySelector('[role="alert"]')).not.toBeNull();

    await click(button(root, 'Save anyway'));
    expect(sendMock).toHaveBeenCalledTimes(1);
    expect(sendMock).toHaveBeenCalledWith('keys.add', {
      input: {
        exchange: 'okx',
        credentials: { apiKey: 'not-a-uuid', secret: 'short', passphrase: 'pass phrase' },
        details: {
          label: 'bot-7',
          account: 'main',
          permissions: { read: true, trade: false, withdraw: false, transfer: false, labels: ['Read'] },
          ipWhitelist: [],
          source: { kind: 'manual' },
          notes: '',
        },
      },
    });
    expect(onAdded).toHaveBeenCalledWith(saved);
  });

  it('asks about futures / derivatives only where the exchange grants it apart from Trade', async () => {
    answer({ 'keys.add': () => ({ key: makeKey({ id: 'new-2' }) }) });
    await mount(<AddKey onAdded={vi.fn()} onCancel={vi.fn()} />);
    const futuresBox = () =>
      [...root.querySelectorAll('label.check')].find((l) => l.textContent?.trim() === 'Futures / derivatives')?.querySelector('input') ?? null;
    await choose(root.querySelector('#add-exchange'), 'coinbase');
    expect(futuresBox()).toBeNull();
    await choose(root.querySelector('#add-exchange'), 'htx');
    const box = futuresBox();
    expect(box).not.toBeNull();
    await click(box);
    await typeInto(root.querySelector('#add-apikey'), 'e2a1b2c3-99d4e5f6-84a7b8c9-7d0e1');
    await typeInto(root.querySelector('#add-secret'), 'f1e2d3c4-b5a69788-12345678-9abcd');
    await click(button(root, 'Save key'));
    const call = sendMock.mock.calls.find(([type]) => type === 'keys.add');
    expect(JSON.stringify(call?.[1])).toContain('"permissions":{"read":true,"trade":false,"futures":true,"withdraw":false,"transfer":false,"labels":["Read","Futures / derivatives"]}');
  });

  it('shows a duplicate refusal from the background', async () => {
    answer({
      'keys.add': () => {
        throw new KeywardError('invalid-input', 'This key is already in the vault.');
      },
    });
    await mount(<AddKey onAdded={vi.fn()} onCancel={vi.fn()} />);
    await choose(root.querySelector('#add-exchange'), 'okx');
    await typeInto(root.querySelector('#add-apikey'), '5c2f1a7e-93b4-4d0a-8e6f-1b2c3d4e5f60');
    await typeInto(root.querySelector('#add-secret'), '0123456789ABCDEF0123456789ABCDEF');
    await typeInto(root.querySelector('#add-passphrase'), 'pp');
    await typeInto(root.querySelector('#add-ips'), '203.0.113.7, 198.51.100.0/24\n192.0.2.1');
    await click(button(root, 'Save key'));
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('This key is already in the vault.');
    const call = sendMock.mock.calls[0];
    expect(call?.[0]).toBe('keys.add');
    expect(JSON.stringify(call?.[1])).toContain('["203.0.113.7","198.51.100.0/24","192.0.2.1"]');
  });
});

describe('KeyDetail', () => {
  const key = makeKey({ id: 'k9', exchange: 'htx', label: 'bot-1', apiKeyTail: 'a1b2' });

  it('asks for confirmation, naming the key, before deleting', async () => {
    answer({ 'keys.delete': () => ({}) });
    const onDeleted = vi.fn();
    await mount(
      <KeyDetail keySummary={key} rotationDays={90} onBack={vi.fn()} onChanged={vi.fn()} onDeleted={onDeleted} />,
    );
    await click(button(root, 'Delete key…'));
    expect(sendMock).not.toHaveBeenCalled();
    expect(root.querySelector('#delete-question')?.textContent).toBe(
      "Delete HTX key 'bot-1' (…a1b2)? The secret cannot be recovered from the exchange.",
    );
    expect((document.activeElement as HTMLElement | null)?.textContent).toBe('Cancel');

    await click(button(root, 'Cancel'));
    expect(root.querySelector('#delete-question')).toBeNull();
    expect(onDeleted).not.toHaveBeenCalled();

    await click(button(root, 'Delete key…'));
    await click(button(root, 'Delete key'));
    expect(sendMock).toHaveBeenCalledWith('keys.delete', { id: 'k9' });
    expect(onDeleted).toHaveBeenCalledWith('k9');
  });

  it('lists futures / derivatives only when the exchange showed it', async () => {
    const permissions = { read: true, trade: true, withdraw: false, transfer: false, labels: ['Read', 'Trade'] };
    const items = () => [...root.querySelectorAll('.perm-list li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    await mount(
      <KeyDetail keySummary={{ ...key, permissions: { ...permissions, futures: false } }} rotationDays={90} onBack={vi.fn()} onChanged={vi.fn()} onDeleted={vi.fn()} />,
    );
    expect(items()).toEqual(['Read on', 'Trade on', 'Futures / derivatives off', 'Withdraw off', 'Transfer off']);
    await mount(<KeyDetail keySummary={{ ...key, permissions }} rotationDays={90} onBack={vi.fn()} onChanged={vi.fn()} onDeleted={vi.fn()} />);
    expect(items()).toEqual(['Read on', 'Trade on', 'Withdraw off', 'Transfer off']);
  });

  it('reveals into a readonly field, hides again, and reports the clipboard delay', async () => {
    answer({
      'keys.reveal': ({ field }) => ({ value: field === 'secret' ? 'S3CRET-VALUE' : 'other' }),
      'keys.copy': () => ({ clearsAfterSeconds: 30 }),
    });
    await mount(
      <KeyDetail keySummary={key} rotationDays={90} onBack={vi.fn()} onChanged={vi.fn()} onDeleted={vi.fn()} />,
    );
    expect(root.textContent).not.toContain('S3CRET-VALUE');
    await click(button(root, 'Reveal Secret Key'));
    const field = root.querySelector<HTMLInputElement>('#cred-secret');
    expect(field?.value).toBe('S3CRET-VALUE');
    expect(field?.readOnly).toBe(true);
    await click(button(root, 'Hide Secret Key'));
    expect(root.querySelector('#cred-secret')).toBeNull();

    await click(button(root, 'Copy Secret Key'));
    expect(sendMock).toHaveBeenLastCalledWith('keys.copy', { id: 'k9', field: 'secret' });
    expect(root.querySelector('#cred-secret-note')?.textContent).toBe('Copied — clears in 30 s');
  });
});
