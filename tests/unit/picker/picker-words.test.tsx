// @vitest-environment happy-dom
// The picker in Russian and Chinese: its own words from the catalogues, the destination one whole
// sentence with the host still bold.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PickerSession } from '../../../src/messages';
import { Picker } from '../../../src/picker/Picker';
import { send } from '../../../src/shared/send';
import { speak } from '../i18n/speak';

vi.mock('../../../src/shared/send', () => ({ send: vi.fn() }));

const session: PickerSession = {
  host: 'www.3commas.io',
  platform: 'threecommas',
  exchange: 'htx',
  scope: null,
  locked: false,
  surface: 'window',
  refusedPageIps: [],
  keys: [
    {
      id: 'k1',
      exchange: 'htx',
      label: '',
      account: 'main',
      apiKeyTail: 'a1b2',
      risk: { withdraw: true, noIpWhitelist: true },
      boundElsewhere: ['app.example.com'],
      missingIps: [],
      pageIpsMissing: [],
      preflight: null,
    },
  ],
};

const root = document.createElement('div');
document.body.append(root);

async function drawPicker(shown: PickerSession = session): Promise<void> {
  vi.mocked(send).mockImplementation(async () => shown as never);
  await act(() => render(<Picker token="t1" />, root));
  await vi.waitFor(() => expect(root.querySelector('h1')).not.toBeNull());
}

afterEach(async () => {
  await act(() => render(null, root));
  speak(null);
});

describe('the picker in other languages', () => {
  it('speaks Russian', async () => {
    speak('ru');
    await drawPicker();
    expect(root.querySelector('h1')?.textContent).toBe('Заполнить из Keyward');
    expect(root.querySelector('.dest')?.textContent).toBe('Куда: www.3commas.io (3Commas), выбрана биржа HTX');
    expect(root.querySelector('.dest strong')?.textContent).toBe('www.3commas.io');
    expect(root.querySelector('ul')?.getAttribute('aria-label')).toBe('Ключи');
    const key = root.querySelector('button.key')?.textContent ?? '';
    for (const words of ['Ключ без названия', 'Вывод включён', 'Нет белого списка IP', 'Привязан к app.example.com']) expect(key).toContain(words);
  });

  it('speaks Chinese', async () => {
    speak('zh_CN');
    await drawPicker();
    expect(root.querySelector('h1')?.textContent).toBe('从 Keyward 填入');
    expect(root.querySelector('.dest')?.textContent).toBe('填入 www.3commas.io（3Commas），已选择 HTX');
    expect(root.querySelector('button.key')?.textContent).toContain('已开启提币');
  });

  it('names a user-added site of no known platform in the page\'s language', async () => {
    const generic: PickerSession = { ...session, host: 'bots.example.net', platform: 'generic', exchange: null };
    speak('ru');
    await drawPicker(generic);
    expect(root.querySelector('.dest')?.textContent).toContain('(Другой сайт)');
    await act(() => render(null, root));
    speak(null);
    await drawPicker(generic);
    expect(root.querySelector('.dest')?.textContent).toBe('Into bots.example.net (Other site)');
  });

  it('keeps English words as they were', async () => {
    await drawPicker();
    expect(root.querySelector('.dest')?.textContent).toBe('Into www.3commas.io (3Commas), HTX selected');
    expect(root.querySelector('button.key')?.textContent).toContain('Bound to app.example.com');
  });
});
