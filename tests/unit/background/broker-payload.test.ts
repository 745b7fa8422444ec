import { describe, expect, it, vi } from 'vitest';
import { type Handlers, createBroker } from '../../../src/background/broker';
import { validators } from '../../../src/background/validate';
import { MESSAGE_SENDERS, type MessageType } from '../../../src/messages';

function recordingHandlers(): { handlers: Handlers; received: () => unknown } {
  const seen: unknown[] = [];
  const handlers: Partial<Record<MessageType, (payload: unknown) => Promise<unknown>>> = {};
  for (const type of Object.keys(MESSAGE_SENDERS) as MessageType[]) {
    handlers[type] = vi.fn(async (payload: unknown) => {
      seen.push(payload);
      return {};
    });
  }
  return { handlers: handlers as unknown as Handlers, received: () => seen.at(-1) };
}

const quiet = { refused: () => undefined, failed: () => undefined };

describe('what a handler receives', () => {
  it('is a copy of the payload holding only the fields its type names', async () => {
    const { handlers, received } = recordingHandlers();
    const dispatch = createBroker(handlers, validators, quiet);
    const permissions = { read: true, trade: true, withdraw: false, transfer: false, labels: ['Read'], junk: 'x'.repeat(100_000) };
    const capture = {
      exchange: 'htx',
      apiKey: 'k',
      secret: 's',
      passphrase: '',
      label: '',
      account: 'main',
      permissions,
      ipWhitelist: [],
      padding: 'y'.repeat(100_000),
    };
    const reply = await dispatch({ keyward: 1, type: 'capture.submit', payload: capture }, 'exchange-content', 'https://www.htx.com/', { placement: 'top' });
    expect(reply).toMatchObject({ ok: true });
    const { junk: _junk, ...named } = permissions;
    const { padding: _padding, ...fields } = capture;
    expect(received()).toEqual({ ...fields, permissions: named });
    expect(JSON.stringify(received()).length).toBeLessThan(1000);
  });

  it('is refused whole when a named field is wrong, whatever else is right', async () => {
    const { handlers, received } = recordingHandlers();
    const dispatch = createBroker(handlers, validators, quiet);
    const reply = await dispatch({ keyward: 1, type: 'keys.update', payload: { id: 'k1', patch: { label: 'x', color: 'red' } } }, 'popup');
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    expect(received()).toBeUndefined();
  });
});
