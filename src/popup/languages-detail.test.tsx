// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { speak } from '../../tests/unit/i18n/speak';
import type { KeySummary } from '../core/records';
import type { UserSite } from '../core/sites';
import { EXCHANGES } from '../exchanges/registry';
import { PLATFORMS } from '../platforms/registry';
import type { CheckView, KeyCheckView } from '../protocol/views';
import { send } from '../shared/send';
import { activeTabId } from './browser-access';
import { describeAge, describeDeadline, formatDate, formatDateTime } from './format';
import { button, choose, click, makeKey, popupRoot } from './test-helpers';
import { AddKey } from './views/AddKey';
import { KeyDetail } from './views/KeyDetail';
import { SiteOffer, SitesSection } from './views/Sites';

/**
 * The key detail (with a check's outcome, the rotation helper and deadlines), the manual add and
 * the sites in Russian and Chinese: every line a user sees there is in that language, so a string
 * left in English in these views fails here. Names that stay as they are (exchanges, platforms,
 * the exchanges' own credential names, hosts, IPs, labels the user typed) are allowed; so are the
 * parts other views' owners convert (the delete card, a credential's Reveal/Copy buttons, dates
 * and ages from format.ts), taken out before the check.
 */

vi.mock('../shared/send', () => ({ send: vi.fn() }));
vi.mock('./browser-access', () => ({
  activeTabId: vi.fn(async () => null),
  requestSiteAccess: vi.fn(async () => false),
  requestApiAccess: vi.fn(async () => false),
}));

const sendMock = vi.mocked(send);
const { root, mount } = popupRoot();
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1, 12);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  sendMock.mockReset();
  sendMock.mockImplementation((async () => ({})) as never);
});
afterEach(() => {
  vi.useRealTimers();
  speak(null);
});

const SCRIPTS = { ru: /[А-Яа-яЁё]/, zh_CN: /[\u4e00-\u9fff]/ } as const;
type Language = keyof typeof SCRIPTS;

/** Names that are the same in every language: brands, the exchanges' own credential words. */
const NAMES = [
  'Keyward',
  ...EXCHANGES.flatMap((exchange) => [exchange.name, exchange.credentials.apiKeyLabel, exchange.credentials.secretLabel]),
  ...PLATFORMS.map((platform) => platform.name),
  'API',
  'HTTP',
  'IP',
  'https',
];

/** What other helpers' components show; converted there, not here. */
const OTHERS_OWN = [
  '.cred-actions',
  '.cred-masked .visually-hidden',
  'section[aria-labelledby="delete-title"]',
  '.view-head > button',
  // PasswordInput's Show/Hide.
  '.input-with-button > button[aria-pressed]',
];

/** The text of every element that holds text of its own, and the attributes a user meets. */
function textLines(container: Element): string[] {
  const copy = container.cloneNode(true) as Element;
  for (const selector of OTHERS_OWN) for (const element of copy.querySelectorAll(selector)) element.remove();
  const lines: string[] = [];
  for (const element of copy.querySelectorAll('*')) {
    const own = [...element.childNodes].some((node) => node.nodeType === 3 && (node.textContent ?? '').trim() !== '');
    if (own) lines.push((element.textContent ?? '').replace(/\s+/g, ' ').trim());
    for (const attribute of ['aria-label', 'placeholder', 'title']) {
      const value = element.getAttribute(attribute);
      if (value) lines.push(value);
    }
  }
  return lines;
}

/** Lines with no word of `language` that still have Latin letters once the allowed names are taken out. */
function untranslated(language: Language, allowed: readonly string[]): string[] {
  const names = [...NAMES, ...allowed].filter((name) => name !== '').sort((a, b) => b.length - a.length);
  return textLines(root).filter((line) => {
    if (SCRIPTS[language].test(line)) return false;
    let rest = line;
    for (const name of names) rest = rest.split(name).join(' ');
    return /[A-Za-z]{2,}/.test(rest);
  });
}

/** Dates and ages: format.ts's, another helper's to convert. */
function datesOf(...times: number[]): string[] {
  return times.flatMap((at) => [formatDate(at), formatDateTime(at), describeAge(at, NOW)]);
}

const old = makeKey({
  id: 'old',
  exchange: 'htx',
  label: 'grid bot',
  createdAt: NOW - 200 * DAY,
  permissions: { read: true, trade: true, withdraw: true, transfer: false, labels: ['Read', 'Trade', 'Withdraw'] },
  ipWhitelist: [],
  risk: { withdraw: true, transfer: false, noIpWhitelist: true },
  source: { kind: 'capture', url: 'https://www.htx.com/en-us/apikey/' },
  bindings: [{ platformHost: 'app.3commas.io', boundAt: NOW - 100 * DAY }],
  lastCheck: { at: NOW - 2 * DAY, outcome: 'ok' },
});
const newer = makeKey({ id: 'new', exchange: 'htx', label: 'grid bot 2', apiKeyTail: 'n3w1', createdAt: NOW - DAY });
const allowedDetail = [
  'grid bot',
  'grid bot 2',
  '…a1b2',
  '…n3w1',
  'app.3commas.io',
  'https://www.htx.com/en-us/apikey/',
  'Read',
  'Trade',
  'Withdraw',
  'api.huobi.pro',
  ...datesOf(old.createdAt, newer.createdAt, NOW - 100 * DAY, NOW - 2 * DAY, NOW),
];

function checked(result: CheckView): KeyCheckView {
  return { id: 'old', at: NOW, result };
}

function detail(keySummary: KeySummary, check?: KeyCheckView) {
  return <KeyDetail keySummary={keySummary} keys={[keySummary, newer]} rotationDays={90} check={check} onBack={vi.fn()} onChanged={vi.fn()} onDeleted={vi.fn()} />;
}

const text = (selector: string): string => (root.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('the key detail in Russian and Chinese', () => {
  it('says the warnings, a check outcome, the rotation steps and the deadlines in Russian', async () => {
    speak('ru');
    const differs = checked({
      kind: 'ok',
      report: { ipWhitelist: [] } as never,
      differences: [{ field: 'withdraw', vault: 'off', exchange: 'on', riskier: true }],
    });
    await mount(detail(old, differs));
    expect(untranslated('ru', [...allowedDetail, 'off', 'on'])).toEqual([]);
    expect(text('[data-check="ok"]')).toContain('Рискованнее, чем сохранено. Данные биржи HTX расходятся с тем, что хранит Keyward, и это расхождение повышает риск.');
    expect(root.textContent).toContain('Этому ключу 200 дней — это дольше срока напоминания (90 дн.).');
    expect(root.textContent).toContain('Пора заменить: старше 90 дней');
    expect(text('.steps')).toContain('Создайте ему замену на странице управления API HTX: Keyward сохранит её как обычно.');
    expect(text('.check-diff')).toContain('Вывод средств');
    expect(root.querySelector('.check-diff th')?.textContent).toBe('Параметр');
  });

  it('says when the key was last checked as a whole sentence, with the plural form for its count', async () => {
    const intro = () => root.querySelector('.card:has(#check-title) p.muted.small')?.textContent ?? '';
    await mount(detail(old));
    expect(intro()).toMatch(/ Last checked 2 days ago\.$/);
    await mount(detail({ ...old, lastCheck: { at: NOW - DAY, outcome: 'ok' } }));
    expect(intro()).toMatch(/ Last checked 1 day ago\.$/);
    await mount(detail({ ...old, lastCheck: { at: NOW, outcome: 'ok' } }));
    expect(intro()).toMatch(/ Last checked today\.$/);
    speak('ru');
    await mount(detail(old));
    expect(intro()).toMatch(/ Проверено 2 дня назад\.$/);
    await mount(detail({ ...old, lastCheck: { at: NOW - 5 * DAY, outcome: 'ok' } }));
    expect(intro()).toMatch(/ Проверено 5 дней назад\.$/);
    speak('zh_CN');
    await mount(detail(old));
    expect(intro()).toMatch(/。上次检查：2 天前。$/);
  });

  it('says every check outcome as a whole Russian sentence, with the exchange, seconds and status in place', async () => {
    speak('ru');
    await mount(detail(old, checked({ kind: 'rate-limited', retryAfterSeconds: 30 })));
    expect(text('[data-check="rate-limited"]')).toContain('Слишком много запросов. Биржа HTX просит отправлять запросы реже. Повторите через 30 с.');
    await mount(detail(old, checked({ kind: 'exchange-error', status: 503 })));
    expect(text('[data-check="exchange-error"]')).toContain('Биржа HTX не смогла ответить (HTTP 503). Повторите позже.');
    await mount(detail(old, checked({ kind: 'unsupported' })));
    expect(text('[data-check="unsupported"]')).toContain('В документации биржи HTX нет способа');
    await mount(detail(old, checked({ kind: 'ip-refused' })));
    expect(untranslated('ru', allowedDetail)).toEqual([]);
  });

  it('says the deadlines with Russian plural forms', async () => {
    speak('ru');
    // HTX deactivates a key without an IP whitelist after 90 days unused: counted from a use Keyward cannot see.
    await mount(detail({ ...old, createdAt: NOW - 85 * DAY }));
    expect(text('.deadlines')).toContain('Будет отключён примерно через 5 дней или позже');
    expect(untranslated('ru', [...allowedDetail, ...datesOf(NOW - 85 * DAY, NOW + 5 * DAY)])).toEqual([]);
  });

  it('says it in Chinese, the retired key’s rotation card too', async () => {
    speak('zh_CN');
    await mount(detail(old, checked({ kind: 'invalid-key-or-ip' })));
    expect(untranslated('zh_CN', allowedDetail)).toEqual([]);
    expect(text('[data-check="invalid-key-or-ip"]')).toContain('被拒绝。HTX 拒绝了该密钥但未说明原因');
    expect(text('.steps')).toContain('在 HTX API 管理页面上创建替代密钥');

    await mount(detail({ ...old, retired: { at: NOW, successorId: 'new' } }));
    expect(untranslated('zh_CN', allowedDetail)).toEqual([]);
    expect(text('[data-rotation="retired"]')).toContain('已由 grid bot 2（…n3w1，');
    expect(button(root, '撤销替换')).toBeTruthy();
  });

  it('says a tampered record in Russian', async () => {
    speak('ru');
    await mount(detail({ ...old, damaged: 'Ключ не прошёл проверку.' }));
    expect(untranslated('ru', allowedDetail)).toEqual([]);
    expect(text('[role="alert"]')).toContain('Keyward не будет использовать этот ключ.');
  });
});

describe('the manual add in Russian and Chinese', () => {
  const allowedAdd = ['203.0.113.7, 198.51.100.0/24', 'grid-bot-1', 'main'];

  it('says its labels, hints, warnings and errors in Russian', async () => {
    speak('ru');
    await mount(<AddKey onAdded={vi.fn()} onCancel={vi.fn()} />);
    expect(untranslated('ru', allowedAdd)).toEqual([]);
    await click(button(root, 'Сохранить ключ'));
    expect(text('#add-exchange-error')).toBe('Выберите биржу, к которой относится этот ключ.');
    await choose(root.querySelector('#add-exchange'), 'okx');
    await click(button(root, 'Сохранить ключ'));
    expect(untranslated('ru', allowedAdd)).toEqual([]);
    expect(text('.checks')).toContain('Вывод средств');
    expect(text('#add-passphrase-hint')).toBe('Кодовая фраза (passphrase), которую вы задали при создании ключа на бирже OKX.');
  });

  it('says them in Chinese', async () => {
    speak('zh_CN');
    await mount(<AddKey onAdded={vi.fn()} onCancel={vi.fn()} />);
    await choose(root.querySelector('#add-exchange'), 'okx');
    await click(button(root, '保存密钥'));
    expect(untranslated('zh_CN', allowedAdd)).toEqual([]);
    expect(text('.risk-warn')).toBe('无 IP 限制：任何 IP 都可以使用此密钥。');
  });
});

describe('the sites in Russian and Chinese', () => {
  const sites: UserSite[] = [{ origin: 'https://octobot.example.net:5001', platform: 'generic', addedAt: 1 }];
  const allowedSites = ['octobot.example.net:5001', 'https://octobot.example.net:5001', 'bots.example.net'];

  beforeEach(() => {
    sendMock.mockImplementation((async (type: string) => {
      if (type === 'sites.list') return { sites };
      if (type === 'sites.probe') return { origin: 'https://bots.example.net', found: 'generic', added: null };
      return {};
    }) as never);
    vi.mocked(activeTabId).mockResolvedValue(5);
  });

  it('says the settings card and the offer in Russian', async () => {
    speak('ru');
    await mount(
      <>
        <SiteOffer />
        <SitesSection />
      </>,
    );
    expect(untranslated('ru', allowedSites)).toEqual([]);
    expect(text('#offer-title')).toBe('Форма API-ключа на сайте bots.example.net');
    expect(text('.binding')).toContain('Другой сайт');
  });

  it('says them in Chinese', async () => {
    speak('zh_CN');
    await mount(
      <>
        <SiteOffer />
        <SitesSection />
      </>,
    );
    expect(untranslated('zh_CN', allowedSites)).toEqual([]);
    expect(button(root, '允许 Keyward 访问 bots.example.net')).toBeTruthy();
  });
});

describe('deadline phrases in Russian and Chinese', () => {
  it('puts each effect, tense and count in that language’s own words and plural forms', () => {
    speak('ru');
    expect(describeDeadline({ effect: 'expires', at: NOW - 3 * DAY, certain: true }, NOW)).toBe('срок истёк 3 дня назад');
    expect(describeDeadline({ effect: 'deleted', at: NOW + 21 * DAY, certain: true }, NOW)).toBe('будет удалён через 21 день');
    expect(describeDeadline({ effect: 'deactivated', at: NOW - 11 * DAY, certain: false }, NOW)).toBe('возможно, уже отключён: самое раннее — 11 дней назад');
    expect(describeDeadline({ effect: 'spot-trading-removed', at: NOW + 3_600_000, certain: false }, NOW)).toBe('лишится права спотовой торговли сегодня или позже');
    speak('zh_CN');
    expect(describeDeadline({ effect: 'expires', at: NOW + 5 * DAY, certain: true }, NOW)).toBe('将在 5 天后到期');
    expect(describeDeadline({ effect: 'trading-removed', at: NOW - 2 * DAY, certain: true }, NOW)).toBe('2 天前已失去交易权限');
  });
});
