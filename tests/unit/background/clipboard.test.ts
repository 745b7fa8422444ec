import { describe, expect, it } from 'vitest';
import { type ClipboardBackend, ClipboardGuard } from '../../../src/background/clipboard';
import { MemoryArea } from './memory-area';

/** The system clipboard, and what Keyward did to it. */
class FakeClipboard implements ClipboardBackend {
  text = '';
  writes: string[] = [];
  releases = 0;
  async write(text: string) {
    this.text = text;
    this.writes.push(text);
  }
  async read() {
    return this.text;
  }
  async release() {
    this.releases++;
  }
}

const SECRET = 'fQ9MpZiJ42NimeCp1MZMTjGdmStjoGiBMRVJstc96CiV9uyoEY3EV4TdBVVKfG11';

/** A guard on a clock the test moves by hand, recording each time it asks to be woken. */
function setup() {
  const clipboard = new FakeClipboard();
  const session = new MemoryArea();
  const wakeups: number[] = [];
  let clock = 1_000_000;
  const guard = new ClipboardGuard(clipboard, session, (at) => wakeups.push(at), () => clock);
  return { clipboard, session, wakeups, guard, advance: (ms: number) => void (clock += ms) };
}

describe('ClipboardGuard', () => {
  it('copies, and asks to be woken when the value is due to go', async () => {
    const { clipboard, wakeups, guard } = setup();
    await guard.copy(SECRET, 30);
    expect(clipboard.text).toBe(SECRET);
    expect(wakeups).toEqual([1_000_000 + 30_000]);
  });

  it('keeps a digest of the value in session storage, never the value', async () => {
    const { session, guard } = setup();
    await guard.copy(SECRET, 30);
    const kept = JSON.stringify([...session.data]);
    expect(kept).not.toContain(SECRET);
    expect(session.data.size).toBe(1);
  });

  it('woken early, leaves the clipboard alone and asks again for the same time', async () => {
    const { clipboard, wakeups, guard, advance } = setup();
    await guard.copy(SECRET, 30);
    advance(29_999);
    await guard.clearIfDue();
    expect(clipboard.text).toBe(SECRET);
    expect(wakeups).toEqual([1_030_000, 1_030_000]);
  });

  it('at the time, clears the clipboard that still holds the value, and lets go of the backend', async () => {
    const { clipboard, session, guard, advance } = setup();
    await guard.copy(SECRET, 30);
    advance(30_000);
    await guard.clearIfDue();
    expect(clipboard.text).toBe('');
    expect(clipboard.releases).toBe(1);
    expect(session.data.size).toBe(0);
  });

  it('never wipes what the user copied since', async () => {
    const { clipboard, guard, advance } = setup();
    await guard.copy(SECRET, 30);
    advance(10_000);
    clipboard.text = 'the user’s own text';
    advance(20_000);
    await guard.clearIfDue();
    expect(clipboard.text).toBe('the user’s own text');
    expect(clipboard.writes).toEqual([SECRET]);
    expect(clipboard.releases).toBe(1);
  });

  it('woken twice, clears once', async () => {
    const { clipboard, guard, advance } = setup();
    await guard.copy(SECRET, 30);
    advance(60_000);
    await guard.clearIfDue();
    clipboard.text = 'copied after the clear';
    await guard.clearIfDue();
    expect(clipboard.text).toBe('copied after the clear');
    expect(clipboard.writes).toEqual([SECRET, '']);
  });

  it('a second copy moves the time on, and only the second value is cleared', async () => {
    const { clipboard, wakeups, guard, advance } = setup();
    await guard.copy('first-value-0000', 30);
    advance(20_000);
    await guard.copy(SECRET, 30);
    expect(wakeups.at(-1)).toBe(1_050_000);
    advance(10_000);
    await guard.clearIfDue();
    expect(clipboard.text).toBe(SECRET);
    advance(20_000);
    await guard.clearIfDue();
    expect(clipboard.text).toBe('');
  });
});
