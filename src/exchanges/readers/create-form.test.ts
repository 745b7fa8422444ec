// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { gate } from '../gate';
import { readCreateForm } from './create-form';

const vocabulary = gate.page?.vocabulary;
if (!vocabulary) throw new Error('Gate has no page spec');

/** Gate's newer create panel: each area is a row of Off / Read-only / Read-write radios. */
function panel(wallet: 'Off' | 'Read-only' | 'Read-write'): void {
  const row = (area: string, checked: string) =>
    `<div class="a1"><span>${area}</span>${['Off', 'Read-only', 'Read-write']
      .map((level) => `<label><input type="radio" name="lvl-${area}"${level === checked ? ' checked' : ''}> ${level}</label>`)
      .join('')}</div>`;
  document.body.innerHTML = `<div role="dialog"><p><span>Remark </span><input placeholder="Remark"></p><div>Permissions</div>${row('Wallet', wallet)}${row('Spot/Margin', 'Read-write')}${row('Perpetual Futures', 'Off')}</div>`;
}

describe('create form: areas set by a row of access-level radios', () => {
  it.each([
    ['Off', false],
    ['Read-only', false],
    ['Read-write', true],
  ] as const)('Wallet at %s grants withdraw: %s', (level, withdraw) => {
    panel(level);
    const form = readCreateForm(document, vocabulary);
    expect(form?.permissions).toMatchObject({ withdraw, trade: true, futures: false });
    // One control per area, named by the row's heading, not one per radio.
    expect(form?.controls.map((c) => c.label)).toEqual(['Wallet', 'Spot/Margin', 'Perpetual Futures']);
  });
});
