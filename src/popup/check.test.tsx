// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { KeySummary } from '../core/records';
import type { CheckView, KeyCheckView } from '../protocol/views';
import { send } from '../shared/send';
import { requestApiAccess } from './browser-access';
import { useKeyChecks } from './key-checks';
import { button, click, keyListProps, makeKey, popupRoot } from './test-helpers';
import { KeyDetail } from './views/KeyDetail';
import { KeyList } from './views/KeyList';

/** Checking keys with their exchanges, as the popup shows it (issue 11). */

vi.mock('../shared/send', () => ({ send: vi.fn() }));
vi.mock('./browser-access', () => ({ activeTabId: vi.fn(async () => null), requestSiteAccess: vi.fn(async () => false), requestApiAccess: vi.fn(async () => false) }));

const sendMock = vi.mocked(send);
const accessMock = vi.mocked(requestApiAccess);
const { root, mount } = popupRoot();

beforeEach(() => {
  sendMock.mockReset();
  accessMock.mockReset();
  accessMock.mockResolvedValue(false);
});

const okxKey = makeKey({ id: 'k1', exchange: 'okx', label: 'grid bot' });

/** Answers keys.check with `results` in turn (the last one repeats), and records what was sent. */
function answerChecks(...results: CheckView[]): void {
  let next = 0;
  sendMock.mockImplementation((async (type: string, payload: { id: string }) => {
    if (type === 'keys.check') {
      const result = results[Math.min(next++, results.length - 1)];
      if (result === undefined) throw new Error('no check result given');
      return { id: payload.id, at: Date.UTC(2026, 10, 25), result } satisfies KeyCheckView;
    }
    if (type === 'keys.applyCheck') return { key: { ...okxKey, permissions: { ...okxKey.permissions, withdraw: true } } };
    return {};
  }) as never);
}

/** The detail as the app draws it: the checks kept by the same hook. */
function Detail({ keySummary, onApplied }: { keySummary: KeySummary; onApplied?: (key: KeySummary) => void }) {
  const checks = useKeyChecks();
  return (
    <KeyDetail
      keySummary={keySummary}
      rotationDays={90}
      onBack={vi.fn()}
      onChanged={vi.fn()}
      onDeleted={vi.fn()}
      check={checks.checks[keySummary.id]}
      onChecked={checks.record}
      onCheckApplied={onApplied}
    />
  );
}

const sentTypes = () => sendMock.mock.calls.map(([type]) => type);

describe('checking one key', () => {
  it('shows where the exchange differs, marks the risk, and updates the vault only on request', async () => {
    answerChecks({
      kind: 'ok',
      report: { permissions: { read: true, trade: true, withdraw: true, transfer: false, labels: [] } },
      differences: [{ field: 'withdraw', vault: 'off', exchange: 'on', riskier: true }],
    });
    const onApplied = vi.fn();
    await mount(<Detail keySummary={okxKey} onApplied={onApplied} />);
    expect(sentTypes()).not.toContain('keys.check');
    await click(button(root, 'Check with OKX'));
    expect(sendMock).toHaveBeenCalledWith('keys.check', { id: 'k1' });
    expect(root.querySelector('[data-check="ok"]')?.textContent).toContain('Riskier than stored');
    const row = root.querySelector('.check-diff .risk-row');
    expect(row?.textContent).toBe('Withdrawoffon');
    expect(sentTypes()).not.toContain('keys.applyCheck');
    await click(button(root, 'Update Keyward with what OKX says'));
    expect(sendMock).toHaveBeenCalledWith('keys.applyCheck', { id: 'k1' });
    expect(onApplied).toHaveBeenCalledWith(expect.objectContaining({ id: 'k1' }));
  });

  it('says a refusal of this browser address is the whitelist working, not a fault', async () => {
    answerChecks({ kind: 'ip-refused' });
    await mount(<Detail keySummary={okxKey} />);
    await click(button(root, 'Check with OKX'));
    const note = root.querySelector('[data-check="ip-refused"]');
    expect(note?.className).toContain('callout-good');
    expect(note?.textContent).toContain("refused this browser's address: the key's IP whitelist is in force");
  });

  it('tells an invalid key, a wrong passphrase and a clock off apart', async () => {
    for (const [kind, words] of [
      ['invalid-key', 'does not accept this key'],
      ['wrong-passphrase', 'not the stored passphrase'],
      ['clock-skew', "this computer's clock is off"],
    ] as const) {
      sendMock.mockReset();
      answerChecks({ kind });
      await mount(<Detail key={kind} keySummary={okxKey} />);
      await click(button(root, 'Check with OKX'));
      expect(root.querySelector(`[data-check="${kind}"]`)?.textContent).toContain(words);
    }
  });

  it('asks for the API host permission in the click, and checks again only when granted', async () => {
    answerChecks({ kind: 'needs-permission', origins: ['https://www.okx.com/*'] }, { kind: 'ip-refused' });
    await mount(<Detail keySummary={okxKey} />);
    await click(button(root, 'Check with OKX'));
    expect(root.textContent).toContain('needs your permission to contact www.okx.com');
    await click(button(root, 'Allow and check'));
    expect(accessMock).toHaveBeenCalledWith(['https://www.okx.com/*']);
    expect(sentTypes().filter((type) => type === 'keys.check')).toHaveLength(1);
    expect(root.textContent).toContain('Keyward sends nothing to OKX without your permission');

    accessMock.mockResolvedValue(true);
    await click(button(root, 'Allow and check'));
    expect(sentTypes().filter((type) => type === 'keys.check')).toHaveLength(2);
    expect(root.querySelector('[data-check="ip-refused"]')).not.toBeNull();
  });
});

function List({ keys }: { keys: KeySummary[] }) {
  const keyChecks = useKeyChecks();
  return <KeyList {...keyListProps(keys, { keyChecks })} />;
}

describe('check all', () => {
  it('checks every usable key once, marks each row, and sums up', async () => {
    const keys = [
      okxKey,
      makeKey({ id: 'k2', exchange: 'htx', label: 'dca' }),
      makeKey({ id: 'bad', exchange: 'okx', damaged: 'Changed outside Keyward.' }),
    ];
    answerChecks({ kind: 'ip-refused' }, { kind: 'invalid-key' });
    await mount(<List keys={keys} />);
    await click(button(root, 'Check all with their exchanges'));
    const checked = sendMock.mock.calls.filter(([type]) => type === 'keys.check').map(([, payload]) => payload);
    expect(checked).toEqual([{ id: 'k1' }, { id: 'k2' }]);
    expect(root.querySelector('button[data-id="k1"] [data-check="ip-refused"]')?.textContent).toBe('Whitelist in force');
    expect(root.querySelector('button[data-id="k2"] [data-check="invalid-key"]')?.textContent).toBe('Key refused');
    expect(root.textContent).toContain('Checked 2: 1 confirmed or protected, 1 to look at (1 urgent), 0 without an answer.');
  });
});
