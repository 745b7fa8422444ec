import { afterEach, describe, expect, it } from 'vitest';
import { tWords } from '../i18n';
import { speak } from '../../tests/unit/i18n/speak';
import { type Words, words } from '../i18n/keys';
import type { KeyPermissions } from './records';
import { keyRiskFindings, summariseListRisk, type KeyRiskInput } from './risk';

const HTX_RULE = words('noteRuleHtx');

/** What a note says for these words, in English (the unit tests' catalogue). */
function text(said: Words | undefined): string | undefined {
  return said === undefined ? undefined : tWords(said);
}

function perms(flags: Partial<Omit<KeyPermissions, 'labels'>>): KeyPermissions {
  return { read: true, trade: false, withdraw: false, transfer: false, labels: ['Read'], ...flags };
}

function input(overrides: Partial<KeyRiskInput>): KeyRiskInput {
  return {
    exchangeName: 'HTX',
    permissions: perms({ trade: true }),
    ipText: '8.8.8.8',
    maxIps: 20,
    unboundRule: HTX_RULE,
    ...overrides,
  };
}

describe('keyRiskFindings: permissions', () => {
  it('is silent for a read/trade key with a whitelist', () => {
    expect(keyRiskFindings(input({}))).toEqual([]);
  });

  it('flags withdraw as danger with the agreed message', () => {
    expect(keyRiskFindings(input({ permissions: perms({ withdraw: true }) }))).toEqual([
      {
        code: 'withdraw-on',
        severity: 'danger',
        concerns: 'permissions',
        message: { key: 'noteWithdrawOn' },
      },
    ]);
    expect(text(keyRiskFindings(input({ permissions: perms({ withdraw: true }) }))[0]?.message)).toBe(
      'Withdraw is enabled. Trading platforms never need it: anyone holding this key could move your funds out.',
    );
  });

  it('flags transfer as a warning', () => {
    const [finding] = keyRiskFindings(input({ permissions: perms({ transfer: true }) }));
    expect(finding).toMatchObject({ code: 'transfer-on', severity: 'warning', concerns: 'permissions' });
    expect(text(finding?.message)).toMatch(/^Transfer is enabled/);
  });

  it('says nothing about permissions it does not know', () => {
    expect(keyRiskFindings(input({ permissions: null }))).toEqual([]);
  });
});

describe('keyRiskFindings: IP whitelist', () => {
  it('warns on an empty whitelist and appends the exchange rule', () => {
    expect(keyRiskFindings(input({ ipText: ' ' }))).toEqual([
      {
        code: 'ip-empty',
        severity: 'warning',
        concerns: 'ip',
        message: { key: 'noteIpEmpty' },
        rule: HTX_RULE,
      },
    ]);
    expect(text(HTX_RULE)).toBe('HTX deactivates a key with trade or withdraw permission and no IP address after 90 days unused.');
  });

  it('leaves the rule out when the exchange has none', () => {
    const [finding] = keyRiskFindings(input({ ipText: '', unboundRule: null }));
    expect(text(finding?.message)).toBe('No IP whitelist: anyone holding this key can use it from any address.');
  });

  it('uses ipList when there is no ipText, and splits cells holding several addresses', () => {
    expect(keyRiskFindings(input({ ipText: undefined, ipList: [] })).map((f) => f.code)).toEqual(['ip-empty']);
    const findings = keyRiskFindings(input({ ipText: undefined, ipList: ['8.8.8.8, 10.0.0.1', '0.0.0.0/0'] }));
    expect(findings.map((f) => [f.code, f.entry?.raw])).toEqual([
      ['ip-private', '10.0.0.1'],
      ['ip-over-broad', '0.0.0.0/0'],
    ]);
  });

  it('prefers ipText (the form being edited) over ipList', () => {
    expect(keyRiskFindings(input({ ipText: '8.8.8.8', ipList: [] }))).toEqual([]);
  });

  it('says nothing when the whitelist is not known', () => {
    expect(keyRiskFindings(input({ ipText: undefined, ipList: null }))).toEqual([]);
    expect(keyRiskFindings(input({ ipText: undefined }))).toEqual([]);
  });

  it('maps whitelist findings to severities', () => {
    const list = ['bad', '8.8.8.8', '8.8.8.8', '1.0.0.0/8', ...Array.from({ length: 18 }, (_, i) => `9.9.9.${i}`)];
    const findings = keyRiskFindings(input({ ipText: list.join(',') }));
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      ['ip-too-many', 'warning'],
      ['ip-invalid', 'warning'],
      ['ip-duplicate', 'info'],
      ['ip-over-broad', 'warning'],
    ]);
    expect(text(findings[0]?.message)).toBe('HTX allows at most 20 IP addresses; this list has 22.');
    expect(findings.every((f) => f.concerns === 'ip')).toBe(true);
  });

  it('orders permissions before IP findings', () => {
    const findings = keyRiskFindings(input({ permissions: perms({ withdraw: true, transfer: true }), ipText: '' }));
    expect(findings.map((f) => f.code)).toEqual(['withdraw-on', 'transfer-on', 'ip-empty']);
  });
});

describe('keyRiskFindings: key limits', () => {
  const codesFor = (keyCount: number | undefined, maxKeys: number | null | undefined): string[] =>
    keyRiskFindings(input({ keyCount, maxKeys })).map((f) => f.code);

  it.each([
    [0, 20, []],
    [15, 20, []],
    [16, 20, ['key-limit-near']],
    [19, 20, ['key-limit-near']],
    [20, 20, ['key-limit-reached']],
    [21, 20, ['key-limit-reached']],
    [7, 10, []],
    [8, 10, ['key-limit-near']],
    [1, 2, ['key-limit-near']],
    [0, 1, []],
    [1, 1, ['key-limit-reached']],
    [40, 50, ['key-limit-near']],
    [39, 50, []],
    [5, null, []],
    [5, undefined, []],
    [undefined, 20, []],
  ] as const)('%s of %s keys → %j', (keyCount, maxKeys, expected) => {
    expect(codesFor(keyCount, maxKeys)).toEqual(expected);
  });

  it('words the limit findings with the exchange name', () => {
    const [near] = keyRiskFindings(input({ keyCount: 19, maxKeys: 20 }));
    expect(near).toMatchObject({ severity: 'info', concerns: 'keys' });
    expect(text(near?.message)).toBe('This account has 19 of the 20 API keys HTX allows: 1 slot left.');
    const [reached] = keyRiskFindings(input({ keyCount: 20, maxKeys: 20 }));
    expect(reached).toMatchObject({ severity: 'warning', concerns: 'keys' });
    expect(text(reached?.message)).toContain('the most HTX allows (20)');
  });
});

describe('summariseListRisk', () => {
  const key = (label: string, withdraw: boolean, ipWhitelisted: boolean) => ({ label, withdraw, ipWhitelisted });

  it('counts risky keys and writes the agreed summary', () => {
    const result = summariseListRisk([
      key('bot-a', true, true),
      key('bot-b', false, false),
      key('bot-c', false, true),
      key('bot-d', false, false),
      key('bot-e', false, true),
    ]);
    expect(result).toEqual({
      total: 5,
      risky: 3,
      withdraw: 1,
      noIpWhitelist: 2,
      riskyLabels: ['bot-a', 'bot-b', 'bot-d'],
      summary: { key: 'noteListRiskyBoth', subs: { noip: 2, risky: 3, total: 5, withdraw: 1 } },
    });
    expect(text(result.summary)).toBe('3 of 5 keys are risky: 1 with withdraw enabled, 2 without an IP whitelist.');
  });

  it('counts a key with both problems once as risky and in both counts', () => {
    const result = summariseListRisk([key('a', true, false), key('b', false, false), key('c', false, true), key('d', false, true), key('e', false, true)]);
    expect(text(result.summary)).toBe('2 of 5 keys are risky: 1 with withdraw enabled, 2 without an IP whitelist.');
  });

  it('handles singulars, a clean list and an empty list', () => {
    expect(text(summariseListRisk([key('a', false, false)]).summary)).toBe('1 of 1 key is risky: 1 without an IP whitelist.');
    expect(text(summariseListRisk([key('a', true, true), key('b', false, true)]).summary)).toBe(
      '1 of 2 keys is risky: 1 with withdraw enabled.',
    );
    expect(text(summariseListRisk([key('a', false, true), key('b', false, true)]).summary)).toBe('None of the 2 keys is risky.');
    expect(text(summariseListRisk([key('a', false, true)]).summary)).toBe('The key is not risky.');
    expect(summariseListRisk([])).toMatchObject({ total: 0, risky: 0 });
    expect(text(summariseListRisk([]).summary)).toBe('No API keys.');
  });
});

describe('the findings in Russian and Chinese', () => {
  const key = (label: string, withdraw: boolean, ipWhitelisted: boolean) => ({ label, withdraw, ipWhitelisted });
  afterEach(() => speak(null));

  it('words the list summary so that no count changes a word', () => {
    speak('ru');
    const many = [key('a', true, false), key('b', false, false), key('c', false, true), key('d', false, true), key('e', false, true)];
    expect(text(summariseListRisk(many).summary)).toBe(
      'Рискованных ключей: 2 из 5 (с включённым выводом средств: 1, без белого списка IP: 2).',
    );
    expect(text(summariseListRisk([key('a', false, false)]).summary)).toBe('Этот ключ рискованный: у него нет белого списка IP.');
    expect(text(summariseListRisk([key('a', false, true), key('b', false, true)]).summary)).toBe('Рискованных ключей нет (всего ключей: 2).');
    speak('zh_CN');
    expect(text(summariseListRisk(many).summary)).toBe('5 个密钥中有 2 个高风险：1 个已开启提币权限，2 个未设置 IP 白名单。');
  });

  it('says the whitelist findings and the exchange’s rule in Russian', () => {
    speak('ru');
    const list = ['bad', '8.8.8.8', '8.8.8.8', '192.168.1.10', '1.0.0.0/8', ...Array.from({ length: 17 }, (_, i) => `9.9.9.${i}`)];
    const findings = keyRiskFindings(input({ ipText: list.join(',') })).map((f) => text(f.message));
    expect(findings).toEqual([
      'Лимит IP-адресов на бирже HTX: 20, а в этом списке их 22.',
      '«bad» — недопустимый IP-адрес или диапазон CIDR: имена хостов не принимаются: введите IP-адрес.',
      '8.8.8.8 указан в списке несколько раз.',
      '192.168.1.10 входит в 192.168.0.0/16 (частная сеть): запросы с этих адресов никогда не доходят до биржи, так что эта запись, скорее всего, ошибочна.',
      // A Russian thousands separator is a space: "16,777,216" would read as a fraction.
      'Диапазон 1.0.0.0/8 охватывает адресов: 16 777 216. Вместо него внесите в белый список собственные адреса вашей платформы (/24 или уже).'.replace(
        /16 777 216/,
        new Intl.NumberFormat('ru').format(16777216),
      ),
    ]);
    const [empty] = keyRiskFindings(input({ ipText: '' }));
    expect(text(empty?.rule)).toBe(
      'HTX отключает ключ с разрешением на торговлю или вывод средств без привязанного IP-адреса, если им не пользовались 90 дней.',
    );
  });
});
