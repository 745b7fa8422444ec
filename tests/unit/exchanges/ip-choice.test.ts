// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { bybit } from '../../../src/exchanges/bybit';
import { readCreateForm } from '../../../src/exchanges/readers/create-form';

const vocabulary = bybit.page?.vocabulary;
if (!vocabulary) throw new Error('Bybit has no page spec');

/** Forms that offer "no IP restriction" as a choice instead of leaving a field empty. */
describe('an IP restriction chosen as an option', () => {
  it.each([
    ['Bybit', '<div>IP access</div><label><input type=radio name=ip checked> No IP restriction</label><label><input type=radio name=ip> Only IPs with permissions granted are allowed to access the OpenAPI</label>'],
    ['KuCoin', '<div><div>IP Restriction</div><div><label><input type=radio name=r> Yes</label><label><input type=radio name=r checked> No</label></div></div>'],
    ['Gate', '<div><span>IP Permissions</span><label><input type=radio name=g> Bind IP</label><label><input type=radio name=g checked> Later</label></div>'],
  ])('reads %s\'s no-restriction choice as an empty whitelist', (_site, html) => {
    document.body.innerHTML = `<form><label><input type=checkbox checked> Withdrawal</label>${html}</form>`;
    const form = readCreateForm(document, vocabulary);
    expect(form?.ipField).toBeNull();
    expect(form?.ipUnrestrictedChoice?.textContent).toMatch(/No|Later/);
  });

  it('does not mistake an unrelated "No" for an IP choice', () => {
    document.body.innerHTML =
      '<form><label><input type=checkbox checked> Withdrawal</label><div>Enable notifications</div><label><input type=radio name=n checked> No</label></form>';
    expect(readCreateForm(document, vocabulary)?.ipUnrestrictedChoice).toBeNull();
  });

  it('reads nothing when the restricted option is chosen', () => {
    document.body.innerHTML =
      '<form><div>IP Restriction</div><label><input type=radio name=r checked> Yes</label><label><input type=radio name=r> No</label></form>';
    expect(readCreateForm(document, vocabulary)?.ipUnrestrictedChoice ?? null).toBeNull();
  });
});
