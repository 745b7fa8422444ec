import browser from 'webextension-polyfill';
import { type Envelope, KeywardError, type MessageType, type Reply, type RequestOf, type ResponseOf } from '../messages';
import { t } from '../i18n';

/** Sends a typed request to the background and unwraps its reply, throwing KeywardError on refusal. */
export async function send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const envelope: Envelope<T> = { keyward: 1, type, payload };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<T> | undefined;
  if (!reply) throw new KeywardError('no-reply', t('errorNoReply'));
  if (!reply.ok) throw new KeywardError(reply.error.code, reply.error.message);
  return reply.data;
}
