// @vitest-environment happy-dom
/**
 * Copy as the last signal (issue 8, point 5): on an official API page whose words Keyward does
 * not know at all, a person copying the secret (the copy event, or a click on the copy button
 * beside it) gets the offer to save it with the key shown beside it. Never a silent capture.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type WatcherRun, byId, click, openPage, startWatcher } from './harness';
import { useFakeClock } from './fake-clock';

useFakeClock();

// Words no vocabulary has ("Token" / "Shared value") beside values of no exchange's format.
const TOKEN = 'tK4mW9qR2xV7nB3pL8sD1fG6hJ0zC5aE';
const SEED = 'Qz7Lp2Wm9Xr4Tn8Vb3Kc6Hd1Jf5Gs0Ya2Ue7Io3Pq';

function page(copyMarkup: string): string {
  return `<h1>Developer access</h1>
    <div class="x1"><div class="x2">Token</div><div class="x3"><span id="token">${TOKEN}</span>${copyMarkup.replace('ID', 'copy-token')}</div></div>
    <div class="x1"><div class="x2">Shared value</div><div class="x3"><span id="seed">${SEED}</span>${copyMarkup.replace('ID', 'copy-seed')}</div></div>`;
}

let run: WatcherRun | null = null;
afterEach(() => run?.stop());

describe('copy as the last signal', () => {
  it('says nothing until the user copies, then offers the copied secret with the key beside it', async () => {
    openPage('https://www.okx.com/account/users', page('<button type="button" id="ID" aria-label="Copy"><svg viewBox="0 0 8 8"></svg></button>'));
    run = startWatcher('okx');
    // Nothing names these values: no capture, no offer yet.
    expect(await run.settle(() => run?.events.find((e) => e.kind === 'captured' || e.kind === 'offered'), { quietMs: 300 })).toBeNull();
    click(byId('copy-seed'));
    run.acted();
    const offer = await run.settle(() => run?.events.find((e) => e.kind === 'offered'));
    expect(offer).toMatchObject({ kind: 'offered', apiKey: TOKEN, secret: SEED });
    expect(run.submissions).toEqual([]);
  });

  it('reads the copy event of a selection the same way', async () => {
    openPage('https://www.okx.com/account/users', page(''));
    run = startWatcher('okx');
    const range = document.createRange();
    range.selectNodeContents(byId('seed'));
    const selection = document.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    document.dispatchEvent(new Event('copy', { bubbles: true }));
    run.acted();
    const offer = await run.settle(() => run?.events.find((e) => e.kind === 'offered'));
    expect(offer).toMatchObject({ apiKey: TOKEN, secret: SEED });
    expect(run.submissions).toEqual([]);
  });

  it('offers nothing when the copied value is named as something else (a deposit address)', async () => {
    openPage(
      'https://www.okx.com/account/users',
      `<div><div>Deposit address</div><span id="addr">${SEED}</span><button id="copy" aria-label="Copy"></button></div><div><div>Token</div><span>${TOKEN}</span></div>`,
    );
    run = startWatcher('okx');
    click(byId('copy'));
    run.acted();
    expect(await run.settle(() => run?.events.find((e) => e.kind === 'offered'), { quietMs: 300 })).toBeNull();
  });
});
