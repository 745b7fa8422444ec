// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { send } from '../shared/send';
import { KeyDeadlines } from './components/Deadlines';
import { formatDate } from './format';
import { keyListProps, makeKey, popupRoot } from './test-helpers';
import { KeyDetail } from './views/KeyDetail';
import { KeyList } from './views/KeyList';

vi.mock('../shared/send', () => ({ send: vi.fn() }));
vi.mock('./browser-access', () => ({ activeTabId: vi.fn(async () => null), requestSiteAccess: vi.fn(async () => false) }));

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1, 12);
const trade = { read: true, trade: true, withdraw: false, transfer: false, labels: ['Read', 'Trade'] };
const unbound = { ipWhitelist: [], risk: { withdraw: false, transfer: false, noIpWhitelist: true } };

const { root, mount } = popupRoot();

beforeEach(() => {
  // Only the clock is fixed: the popup's own timers and promises run as usual.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  vi.mocked(send).mockReset();
});
afterEach(() => {
  vi.useRealTimers();
});

const rowText = (id: string): string => root.querySelector(`button[data-id="${id}"]`)?.textContent ?? '';

describe('the key list’s countdowns', () => {
  it('shows the soonest deadline within 30 days on each row, in words that claim no more than is known', async () => {
    const keys = [
      makeKey({ id: 'htx', exchange: 'htx', permissions: trade, ...unbound, createdAt: NOW - 85 * DAY }),
      makeKey({ id: 'binance', exchange: 'binance', permissions: trade, ...unbound, createdAt: NOW - 18 * DAY }),
      makeKey({ id: 'mexc', exchange: 'mexc', permissions: trade, ...unbound, createdAt: NOW - 95 * DAY }),
      makeKey({ id: 'stated', exchange: 'bybit', permissions: trade, validUntil: NOW + 5 * DAY }),
      makeKey({ id: 'far', exchange: 'htx', permissions: trade, ...unbound, createdAt: NOW - 50 * DAY }),
      makeKey({ id: 'bound', exchange: 'htx', permissions: trade, createdAt: NOW - 85 * DAY }),
    ];
    await mount(<KeyList {...keyListProps(keys)} />);
    expect(rowText('htx')).toContain('Deactivated in about 5 days at the earliest');
    expect(rowText('binance')).toContain('Spot trading removed in 12 days');
    expect(rowText('mexc')).toContain('Expired 5 days ago');
    expect(rowText('stated')).toContain('Expires in 5 days');
    expect(root.querySelector('button[data-id="far"] .row-deadline')).toBeNull();
    expect(root.querySelector('button[data-id="bound"] .row-deadline')).toBeNull();
  });

  it('counts a key due within 7 days as needing attention, and one due later not', async () => {
    // Both keys are bound and safe: only their deadlines can put them in the filter.
    const keys = [
      makeKey({ id: 'soon', exchange: 'bybit', validUntil: NOW + 6 * DAY }),
      makeKey({ id: 'later', exchange: 'bybit', validUntil: NOW + 20 * DAY }),
    ];
    await mount(<KeyList {...keyListProps(keys, { attentionOnly: true })} />);
    expect([...root.querySelectorAll('button[data-id]')].map((b) => b.getAttribute('data-id'))).toEqual(['soon']);
    expect(root.textContent).toContain('Needs attention (1)');
  });
});

describe('the key detail’s deadlines', () => {
  it('lists every deadline with its date, and says an inactivity date is the earliest', async () => {
    const key = makeKey({ id: 'k', exchange: 'htx', permissions: trade, ...unbound, createdAt: NOW - 10 * DAY });
    await mount(<KeyDeadlines keySummary={key} now={NOW} />);
    const text = root.textContent ?? '';
    // 80 days away: past the list's window, still in the detail.
    expect(text).toContain('Deactivated in about 80 days at the earliest');
    expect(text).toContain(`(${formatDate(NOW + 80 * DAY)} at the earliest)`);
    expect(text).toContain('last use, which Keyward cannot see');
  });

  it('says where a date the exchange stated comes from', async () => {
    const key = makeKey({ id: 'k', exchange: 'bybit', validUntil: NOW + 40 * DAY });
    await mount(<KeyDeadlines keySummary={key} now={NOW} />);
    expect(root.textContent).toContain(`Expires in 40 days (${formatDate(NOW + 40 * DAY)})`);
    expect(root.textContent).toContain('The date Bybit gave when the key was last checked.');
  });

  it('warns that a key typed in may be counted from the day it was added', async () => {
    const typedIn = makeKey({ id: 'k', exchange: 'mexc', ...unbound, createdAt: NOW - 10 * DAY });
    await mount(<KeyDeadlines keySummary={typedIn} now={NOW} />);
    expect(root.textContent).toContain('Expires in 80 days');
    expect(root.textContent).toContain('unless you gave its date. If it was created on MEXC earlier, the date comes sooner.');
    await mount(<KeyDeadlines keySummary={{ ...typedIn, source: { kind: 'capture', url: 'https://www.mexc.com/user/openapi' } }} now={NOW} />);
    expect(root.textContent).toContain("Counted by MEXC's rule from the key's creation.");
    expect(root.textContent).not.toContain('unless you gave its date');
  });

  it('draws nothing for a key no rule applies to', async () => {
    await mount(<KeyDeadlines keySummary={makeKey({ id: 'k', exchange: 'kraken', ...unbound })} now={NOW} />);
    expect(root.innerHTML).toBe('');
  });

  it('is part of the key’s view', async () => {
    const key = makeKey({ id: 'k', exchange: 'okx', permissions: trade, ...unbound, createdAt: NOW - 10 * DAY });
    await mount(<KeyDetail keySummary={key} rotationDays={90} onBack={vi.fn()} onChanged={vi.fn()} onDeleted={vi.fn()} />);
    expect(root.querySelector('#deadlines-title')?.textContent).toBe('Deadlines');
    expect(root.textContent).toContain('Deleted in about 4 days at the earliest');
  });
});
