// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UserSite } from '../core/sites';
import { KeywardError } from '../messages';
import { send } from '../shared/send';
import { activeTabId, requestSiteAccess } from './browser-access';
import { button, choose, click, settle, typeInto } from './test-helpers';
import { SiteOffer, SitesSection } from './views/Sites';

vi.mock('../shared/send', () => ({ send: vi.fn() }));
vi.mock('./browser-access', () => ({ activeTabId: vi.fn(), requestSiteAccess: vi.fn() }));
const sendMock = vi.mocked(send);
const tabMock = vi.mocked(activeTabId);
const accessMock = vi.mocked(requestSiteAccess);

let root: HTMLDivElement;
let stored: UserSite[];
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  stored = [];
  sendMock.mockReset();
  tabMock.mockReset();
  accessMock.mockReset();
  sendMock.mockImplementation(async (type, payload): Promise<never> => (await answer(type, payload)) as never);
});

/** A background that keeps the site list in memory. */
async function answer(type: string, payload: unknown): Promise<unknown> {
  const p = payload as { address?: string; platform?: string; origin?: string; tabId?: number };
  if (type === 'sites.list') return { sites: stored };
  if (type === 'sites.expect') return {};
  if (type === 'sites.add') {
    stored = [...stored, { origin: p.address ?? '', platform: p.platform ?? '', addedAt: 1 }];
    return { sites: stored };
  }
  if (type === 'sites.remove') {
    stored = stored.filter((s) => s.origin !== p.origin);
    return { sites: stored };
  }
  if (type === 'sites.probe') return p.tabId === 5 ? { origin: 'https://bots.example.net', found: 'generic', added: null } : { origin: null, found: null, added: null };
  throw new KeywardError('unexpected', type);
}

afterEach(async () => {
  await act(() => render(null, root));
  root.remove();
});

describe('SitesSection', () => {
  it('adds a self-hosted site after the browser allowed it, and removes it', async () => {
    accessMock.mockResolvedValue(true);
    await act(() => render(<SitesSection />, root));
    await settle();
    expect(root.textContent).toContain('No sites added.');
    await choose(root.querySelector('#site-platform'), 'hummingbot');
    await typeInto(root.querySelector('#site-address'), 'hb.example.net:8501/credentials');
    await click(button(root, 'Add site'));
    expect(accessMock).toHaveBeenCalledWith('https://hb.example.net:8501');
    expect(sendMock).toHaveBeenCalledWith('sites.expect', { address: 'https://hb.example.net:8501', platform: 'hummingbot' });
    expect(sendMock).toHaveBeenCalledWith('sites.add', { address: 'https://hb.example.net:8501', platform: 'hummingbot' });
    expect(root.textContent).toContain('hb.example.net:8501');
    expect(root.textContent).toContain('Keyward now offers to fill on hb.example.net:8501 (Hummingbot).');
    await click(button(root, 'Remove hb.example.net:8501'));
    expect(stored).toEqual([]);
    expect(root.textContent).toContain('Keyward no longer fills on hb.example.net:8501.');
  });

  it('refuses http before asking the browser, and adds nothing when the user declines', async () => {
    accessMock.mockResolvedValue(false);
    await act(() => render(<SitesSection />, root));
    await settle();
    await typeInto(root.querySelector('#site-address'), 'http://localhost:5001');
    await click(button(root, 'Add site'));
    expect(root.querySelector('#site-address-error')?.textContent).toMatch(/only over https/);
    expect(accessMock).not.toHaveBeenCalled();
    await typeInto(root.querySelector('#site-address'), 'https://octobot.example.net');
    await click(button(root, 'Add site'));
    expect(root.querySelector('[role=alert]')?.textContent).toMatch(/did not allow Keyward on octobot.example.net/);
    expect(sendMock).not.toHaveBeenCalledWith('sites.add', expect.anything());
  });
});

describe('SiteOffer', () => {
  it('offers the active tab’s site when it has an API key form, and allows it on a click', async () => {
    tabMock.mockResolvedValue(5);
    accessMock.mockResolvedValue(true);
    await act(() => render(<SiteOffer />, root));
    await settle();
    expect(root.textContent).toContain('API key form on bots.example.net');
    await click(button(root, 'Allow Keyward on bots.example.net'));
    expect(accessMock).toHaveBeenCalledWith('https://bots.example.net');
    expect(stored.map((s) => [s.origin, s.platform])).toEqual([['https://bots.example.net', 'generic']]);
    expect(root.textContent).toContain('Keyward now offers to fill on bots.example.net');
  });

  it('shows nothing when the tab has no form, or no tab can be read', async () => {
    tabMock.mockResolvedValue(6);
    await act(() => render(<SiteOffer />, root));
    await settle();
    expect(root.textContent).toBe('');
    tabMock.mockResolvedValue(null);
    await act(() => render(null, root));
    await act(() => render(<SiteOffer />, root));
    await settle();
    expect(root.textContent).toBe('');
  });
});
