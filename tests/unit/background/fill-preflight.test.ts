import { describe, expect, it, vi } from 'vitest';
import type { Caller } from '../../../src/background/broker';
import { FillService } from '../../../src/background/fill';
import type { LockService } from '../../../src/background/lock';
import type { TradingScope } from '../../../src/core/preflight';
import type { KeyDetails, KeyPermissions, KeySummary } from '../../../src/core/records';
import type { FillValuesMessage } from '../../../src/messages';
import { htxKeySummary } from './handler-setup';

function key(id: string, permissions: KeyPermissions | null): KeySummary {
  return htxKeySummary({ id, permissions });
}

const perms = (flags: Partial<KeyPermissions>): KeyPermissions => ({ read: true, trade: true, withdraw: false, transfer: false, labels: [], ...flags });

const KEYS = [
  key('read-only', perms({ trade: false })),
  key('spot-only', perms({ futures: false })),
  key('with-futures', perms({ futures: true })),
  key('futures-unknown', perms({})),
  key('permissions-unknown', null),
  // Replaced in a rotation: kept until deleted on the exchange, filled nowhere.
  htxKeySummary({ id: 'retired', retired: { at: 1, successorId: 'with-futures' } }),
];

/** An unlocked vault holding KEYS, enough for the fill service. */
function unlocked() {
  const byId = new Map(KEYS.map((k) => [k.id, k]));
  const find = async (id: string) => {
    const found = byId.get(id);
    if (!found) throw new Error(`no key ${id}`);
    return found;
  };
  return {
    list: async () => KEYS,
    get: find,
    credentials: async () => ({ apiKey: 'k', secret: 's', passphrase: '' }),
    updateDetails: async (id: string, change: (details: KeyDetails) => KeyDetails) => change(await find(id)),
  };
}

function service() {
  const vault = unlocked();
  const lock = { current: async () => vault, require: async () => vault, isUnlocked: async () => true } as unknown as LockService;
  const deliver = vi.fn(async (_tab: number, _frame: number, _message: FillValuesMessage) => ({ ok: true as const }));
  const fill = new FillService({ lock, deliver, changed: () => undefined });
  return { fill, deliver };
}

const caller: Caller = { context: 'platform-content', url: 'https://app.3commas.io/accounts/new', tabId: 3, frameId: 0 };
const picker: Caller = { context: 'picker-frame', url: 'chrome-extension://x/src/picker/picker.html', tabId: 3, frameId: 1 };

async function open(fill: FillService, scope: TradingScope | null): Promise<string> {
  return (await fill.open('threecommas', 'htx', caller, [], scope, true)).token;
}

describe('the bind preflight in a fill session', () => {
  it('tells the picker the form’s scope and, per key, the Permission Denied ahead', async () => {
    const { fill } = service();
    const session = await fill.describe(await open(fill, 'futures'), picker);
    expect(session.scope).toBe('futures');
    expect(Object.fromEntries(session.keys.map((k) => [k.id, k.preflight]))).toEqual({
      'read-only': 'cannot-trade',
      'spot-only': 'no-futures',
      'with-futures': null,
      'futures-unknown': null,
      'permissions-unknown': null,
    });
  });

  it('asks before filling a spot-only key into a futures form, and fills once the user confirms', async () => {
    const { fill, deliver } = service();
    const token = await open(fill, 'both');
    expect(await fill.choose(token, 'spot-only', [], picker)).toEqual({ status: 'confirm', risks: ['no-futures'] });
    expect(deliver).not.toHaveBeenCalled();
    expect(await fill.choose(token, 'spot-only', ['no-futures'], picker)).toEqual({ status: 'filled', host: 'app.3commas.io' });
    expect(deliver).toHaveBeenCalledTimes(1);
  });

  it('asks before filling a read-only key, whatever the scope', async () => {
    const { fill, deliver } = service();
    expect(await fill.choose(await open(fill, null), 'read-only', [], picker)).toEqual({ status: 'confirm', risks: ['cannot-trade'] });
    expect(deliver).not.toHaveBeenCalled();
  });

  it('fills at once where Keyward knows of no Permission Denied', async () => {
    for (const [scope, id] of [
      ['spot', 'spot-only'],
      [null, 'spot-only'],
      ['futures', 'with-futures'],
      ['futures', 'futures-unknown'],
      ['both', 'permissions-unknown'],
    ] as const) {
      const { fill } = service();
      expect(await fill.choose(await open(fill, scope), id, [], picker), `${scope} ${id}`).toEqual({ status: 'filled', host: 'app.3commas.io' });
    }
  });
});

describe('a retired key', () => {
  it('is not offered in the picker and is refused if chosen anyway', async () => {
    const { fill, deliver } = service();
    const token = await open(fill, null);
    expect((await fill.describe(token, picker)).keys.map((k) => k.id)).not.toContain('retired');
    await expect(fill.choose(token, 'retired', [], picker)).rejects.toMatchObject({ code: 'forbidden' });
    expect(deliver).not.toHaveBeenCalled();
  });
});
