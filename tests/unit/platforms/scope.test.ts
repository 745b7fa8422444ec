// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cryptohopper } from '../../../src/platforms/cryptohopper';
import { octobot } from '../../../src/platforms/octobot';
import { readBindForm, readEditableBindForms } from '../../../src/platforms/readers/bind-form';
import { detectGenericBindForm } from '../../../src/platforms/readers/generic';
import { readFormScope, readTradingScope, scopeOfText } from '../../../src/platforms/readers/scope';
import { threecommas } from '../../../src/platforms/threecommas';
import { wundertrading } from '../../../src/platforms/wundertrading';
import { clickText, expectForm, loadFixture, settle } from './helpers';

function genericScope() {
  return readFormScope(expectForm(detectGenericBindForm(document)));
}

function checkRadio(value: string): void {
  const radio = document.querySelector<HTMLInputElement>(`input[type=radio][value="${value}"]`);
  if (!radio) throw new Error(`no radio ${value}`);
  radio.checked = true;
  radio.dispatchEvent(new Event('change', { bubbles: true }));
}

function chooseOption(select: HTMLSelectElement | null | undefined, value: string): void {
  if (!select) throw new Error('no select');
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

function clickButton(text: string): void {
  const found = Array.from(document.querySelectorAll('button')).find((b) => (b.textContent ?? '').trim() === text);
  if (!found) throw new Error(`no button ${text}`);
  found.click();
}

/** A form with an API key field (#key) and whatever scope markup the test gives. */
function form(html: string): HTMLInputElement {
  document.body.innerHTML = `<form><label>API Key <input id="key"></label>${html}</form>`;
  const field = document.querySelector<HTMLInputElement>('#key');
  if (!field) throw new Error('no field');
  return field;
}

function scopeIn(html: string, exchangeText: string | null = null) {
  const field = form(html);
  const block = field.closest('form') ?? document.body;
  return readTradingScope(block, field, exchangeText);
}

describe('scopeOfText: what one choice names', () => {
  it.each([
    ['Spot', 'spot'],
    ['spot', 'spot'],
    ['Spot trading', 'spot'],
    ['现货', 'spot'],
    ['币币交易', 'spot'],
    ['Спот', 'spot'],
    ['Спотовый рынок', 'spot'],
    ['Futures', 'futures'],
    ['future', 'futures'],
    ['USDⓈ-M Futures', 'futures'],
    ['Binance Futures USDT-M', 'futures'],
    ['binance_perpetual', 'futures'],
    ['kucoinfutures', 'futures'],
    ['Perpetual swap', 'futures'],
    ['Derivatives', 'futures'],
    ['合约', 'futures'],
    ['永续合约', 'futures'],
    ['期货', 'futures'],
    ['Фьючерсы', 'futures'],
    ['Деривативы', 'futures'],
    ['Spot & Futures', 'both'],
    ['Spot + Futures', 'both'],
    ['现货+合约', 'both'],
    ['Спот и фьючерсы', 'both'],
  ] as const)('%s -> %s', (text, scope) => {
    expect(scopeOfText(text)).toBe(scope);
  });

  it.each(['OKX', 'Binance', 'Margin', 'Spotlight', 'Despotic', 'Sub-account', '', 'All'])('%s names no scope by itself', (text) => {
    expect(scopeOfText(text)).toBeNull();
  });

  it('reads a long choice by its first phrase', () => {
    expect(scopeOfText('Futures — trade perpetual contracts with leverage, unlike spot')).toBe('futures');
  });
});

describe.each([
  ['en (radios)', 'generic-bind/index.html'],
  ['zh (segmented buttons)', 'generic-bind/zh/index.html'],
  ['ru (select)', 'generic-bind/ru/index.html'],
])('the generic bind form in %s', (lang, fixture) => {
  const pick = (scope: 'spot' | 'futures' | 'both') => {
    if (lang.startsWith('en')) checkRadio(scope);
    else if (lang.startsWith('zh')) clickButton({ spot: '现货', futures: '合约', both: '全部' }[scope]);
    else chooseOption(document.querySelector<HTMLSelectElement>('select[name=market_type]'), scope);
  };

  it('reads Spot at first, then each scope the user picks', async () => {
    loadFixture(fixture);
    await settle(200);
    expect(genericScope()).toBe('spot');
    pick('futures');
    expect(genericScope()).toBe('futures');
    pick('both');
    expect(genericScope()).toBe('both');
    pick('spot');
    expect(genericScope()).toBe('spot');
  });

  it('keeps the exchange reading apart from the scope', async () => {
    loadFixture(fixture);
    await settle(200);
    pick('futures');
    chooseOption(document.querySelector('select'), 'okx');
    const bound = expectForm(detectGenericBindForm(document));
    expect(bound.exchange).toBe('okx');
    expect(readFormScope(bound)).toBe('futures');
  });
});

describe('platform fixtures', () => {
  it('OctoBot: each card’s spot / future radios', async () => {
    loadFixture('octobot.local/accounts/index.html');
    await settle(200);
    const card = () => {
      const found = readEditableBindForms(document, octobot.vocabulary, octobot)[0];
      if (!found) throw new Error('no card');
      return found;
    };
    expect(readFormScope(card())).toBe('spot');
    checkRadio('future');
    expect(readFormScope(card())).toBe('futures');
  });

  it('WunderTrading: the Spot / Futures radios, not the exchange cards', async () => {
    loadFixture('wundertrading.com/en/api-keys/index.html');
    await settle(200);
    const read = () => readFormScope(expectForm(readBindForm(document, wundertrading.vocabulary, wundertrading)));
    expect(read()).toBe('spot');
    clickText('Futures');
    await settle(10);
    expect(read()).toBe('futures');
  });

  it('3Commas: the exchange entry names the market ("Binance Spot", "Binance Futures USDT-M")', async () => {
    loadFixture('app.3commas.io/accounts/new/index.html');
    await settle(200);
    const read = () => readFormScope(expectForm(readBindForm(document, threecommas.vocabulary, threecommas)));
    expect(read()).toBe('spot');
    const combo = document.querySelector<HTMLElement>('[role=combobox]');
    combo?.click();
    clickText('Binance Futures USDT-M');
    await settle(10);
    expect(read()).toBe('futures');
    combo?.click();
    clickText('OKX');
    await settle(10);
    expect(read()).toBeNull();
  });

  it('a form without any scope says nothing', async () => {
    loadFixture('www.cryptohopper.com/config/index.html');
    await settle(200);
    expect(readFormScope(expectForm(readBindForm(document, cryptohopper.vocabulary, cryptohopper)))).toBeNull();
  });
});

describe('readTradingScope on other markup', () => {
  it('ARIA radios and tabs', () => {
    expect(
      scopeIn(`<div role="radiogroup"><div role="radio" aria-checked="false">Spot</div><div role="radio" aria-checked="true">Futures</div></div>`),
    ).toBe('futures');
    expect(
      scopeIn(`<div role="tablist"><button role="tab" aria-selected="true">现货</button><button role="tab" aria-selected="false">合约</button></div>`),
    ).toBe('spot');
  });

  it('segmented buttons marked by class, aria-pressed or data-state', () => {
    expect(scopeIn(`<div><button type="button">Spot</button><button type="button" class="seg seg--active">Futures</button></div>`)).toBe('futures');
    expect(scopeIn(`<div><button type="button" data-state="on">Both</button><button type="button">Spot</button><button type="button">Futures</button></div>`)).toBe(
      'both',
    );
    expect(scopeIn(`<div><span role="button" aria-pressed="true">Оба</span><span role="button">Спот</span><span role="button">Фьючерсы</span></div>`)).toBe('both');
  });

  it('Ant-Design-like radios whose input is hidden, and unnamed radios', () => {
    expect(
      scopeIn(`<div><label class="ant-radio-button-wrapper"><input type="radio" style="display:none"><span>Spot</span></label>
        <label class="ant-radio-button-wrapper ant-radio-button-wrapper-checked"><input type="radio" checked style="display:none"><span>Perpetual</span></label></div>`),
    ).toBe('futures');
  });

  it('a pair of checkboxes: both ticked is both', () => {
    const html = (spot: boolean, futures: boolean) =>
      `<label><input type="checkbox" ${spot ? 'checked' : ''}> Spot</label><label><input type="checkbox" ${futures ? 'checked' : ''}> Futures</label>`;
    expect(scopeIn(html(true, true))).toBe('both');
    expect(scopeIn(html(false, true))).toBe('futures');
    expect(scopeIn(html(true, false))).toBe('spot');
    expect(scopeIn(html(false, false))).toBeNull();
  });

  it('a control labelled as the scope, even with one scope word among its choices', () => {
    expect(scopeIn(`<label for="m">Market type</label><select id="m"><option>Spot</option><option>Margin</option></select>`)).toBe('spot');
    expect(scopeIn(`<div>Тип рынка</div><div><button class="active">Все</button><button>Маржа</button></div>`)).toBe('both');
    expect(scopeIn(`<fieldset><legend>交易类型</legend><label><input type="radio" name="t" checked>合约</label><label><input type="radio" name="t">杠杆</label></fieldset>`)).toBe(
      'futures',
    );
  });

  it('a custom select (combobox) labelled as the scope, by the value it shows', () => {
    expect(scopeIn(`<div id="l">Market type</div><div><div role="combobox" aria-labelledby="l"><span>USDⓈ-M Futures</span></div></div>`)).toBe('futures');
    expect(scopeIn(`<div>市场类型</div><div><input role="combobox" value="现货"></div>`)).toBe('spot');
    // The exchange combobox is not a scope control: its entry counts only through the fallback.
    expect(scopeIn(`<div id="e">Exchange</div><div><div role="combobox" aria-labelledby="e"><span>Bybit</span></div></div>`)).toBeNull();
  });

  it('a Spot / Futures control wins over what the exchange entry names', () => {
    expect(scopeIn(`<label><input type="radio" name="m" checked> Spot</label><label><input type="radio" name="m"> Futures</label>`, 'Binance Futures')).toBe('spot');
  });

  it('falls back on the exchange entry, and says nothing without either', () => {
    expect(scopeIn('', 'Binance Futures COIN-M')).toBe('futures');
    expect(scopeIn('', 'Bybit Spot')).toBe('spot');
    expect(scopeIn('', 'OKX')).toBeNull();
    expect(scopeIn('', null)).toBeNull();
  });

  it('says nothing when nothing is chosen, for unrelated choices, hidden controls and Keyward’s own UI', () => {
    expect(scopeIn(`<label><input type="radio" name="m"> Spot</label><label><input type="radio" name="m"> Futures</label>`)).toBeNull();
    expect(scopeIn(`<div><button class="active">Main account</button><button>Sub-account</button></div>`)).toBeNull();
    expect(scopeIn(`<select><option>Read only</option><option selected>Trade</option></select>`)).toBeNull();
    expect(scopeIn(`<div hidden><button class="active">Futures</button><button>Spot</button></div>`)).toBeNull();
    expect(scopeIn(`<keyward-inline><button class="active">Futures</button><button>Spot</button></keyward-inline>`)).toBeNull();
  });

  it('a lone "All" outside a scope control is not a scope', () => {
    expect(scopeIn(`<div><button class="active">All</button><button>Open</button><button>Closed</button></div>`)).toBeNull();
  });
});
