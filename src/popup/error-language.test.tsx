// @vitest-environment happy-dom
// Words the popup takes from shared code and says itself (tWords): format warnings in Add key,
// in Russian and Chinese, so an English sentence left in core/credential-format fails here.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { speak } from '../../tests/unit/i18n/speak';
import { click, choose, popupRoot, typeInto } from './test-helpers';
import { AddKey } from './views/AddKey';

vi.mock('../shared/send', () => ({ send: vi.fn() }));
vi.mock('./browser-access', () => ({ activeTabId: vi.fn(async () => null), requestSiteAccess: vi.fn(async () => false), requestApiAccess: vi.fn(async () => false) }));

const { root, mount } = popupRoot();

// OKX: the API key is a UUID, the secret 32 hexadecimal characters; here each is in the other's field.
const OKX_API_KEY = '5c2f1a7e-93b4-4d0a-8e6f-1b2c3d4e5f60';
const OKX_SECRET = '7C5B3E0F9A1D2B4C6E8F0A1B2C3D4E5F';

/** Add key for OKX with the key and the secret swapped, checked once (the form's submit button). */
async function swappedOkxKey(): Promise<void> {
  await mount(<AddKey onAdded={vi.fn()} onCancel={vi.fn()} />);
  await choose(root.querySelector('#add-exchange'), 'okx');
  await typeInto(root.querySelector('#add-label'), 'bot');
  await typeInto(root.querySelector('#add-apikey'), OKX_SECRET);
  await typeInto(root.querySelector('#add-secret'), OKX_API_KEY);
  await click(root.querySelector('button[type="submit"]'));
}

afterEach(() => speak(null));

describe('Add key format warnings', () => {
  it('in Russian: the shape, and the hint that the two fields were swapped', async () => {
    speak('ru');
    await swappedOkxKey();
    const warning = root.querySelector('#add-apikey-warning')?.textContent ?? '';
    expect(warning).toContain('Значение поля «API Key» не похоже на API-ключ OKX');
    expect(warning).toContain('По виду это «Secret Key»: может быть, поля перепутаны местами?');
    expect(root.querySelector('#add-passphrase-warning')?.textContent).toContain('Не указана кодовая фраза (passphrase): для ключей биржи OKX нужна фраза');
  });

  it('in Chinese', async () => {
    speak('zh_CN');
    await swappedOkxKey();
    const warning = root.querySelector('#add-secret-warning')?.textContent ?? '';
    expect(warning).toContain('Secret Key 看起来不是 OKX 的 Secret Key');
    expect(warning).toContain('它的格式像是 API Key：是否把两者填反了？');
  });
});
