import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { freshVault } from '../vault/helpers';
import { backgroundFor, HTX_CAPTURE } from './handler-setup';

async function setup() {
  const { vault } = await freshVault();
  const { handlers } = backgroundFor(vault);
  return { vault, handlers };
}

const capture = HTX_CAPTURE;
const exchangePage = { context: 'exchange-content' as const, url: 'https://www.htx.com/en-us/apikey/?token=abc#x' };

describe('capture and list handlers', () => {
  it('refuse a capture when there is no vault, saying the key was not saved', async () => {
    const { handlers } = await setup();
    await expect(handlers['capture.submit'](capture, exchangePage)).rejects.toMatchObject({ code: 'no-vault' });
  });

  it('seal a capture from the exchange own host, recording the page without its query', async () => {
    const { vault, handlers } = await setup();
    await handlers['vault.create']({ password: 'password-1' }, { context: 'popup', url: '' });
    await handlers['vault.lock']({}, { context: 'popup', url: '' });
    expect(await handlers['capture.submit'](capture, exchangePage)).toMatchObject({ duplicate: false });
    const open = await vault.unlock('password-1');
    expect((await open.list())[0]?.source).toEqual({ kind: 'capture', url: 'https://www.htx.com/en-us/apikey/' });
  });

  it('refuse a capture or list report for another exchange than the page host', async () => {
    const { handlers } = await setup();
    await handlers['vault.create']({ password: 'password-1' }, { context: 'popup', url: '' });
    const otherHost = { context: 'exchange-content' as const, url: 'https://www.binance.com/en/my/settings/api-management' };
    await expect(handlers['capture.submit'](capture, otherHost)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(handlers['page.keysSeen']({ exchange: 'htx', keys: [] }, otherHost)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
