// @vitest-environment happy-dom
/**
 * Issue 8, point 7: an authenticator setup key is never captured, offered or called an unsaved
 * secret, whatever it is labelled ("Setup Key", "Key", "Secret key", 密钥, Секретный ключ), on a
 * security page, in a late dialog, or inside the create-key flow on the API page itself; and the
 * same layouts do yield a real new key (near misses), so the silence is judgement, not blindness.
 */
import { negativeSuite } from './drive';
import { nearMisses, pages } from './pages/totp';

negativeSuite('authenticator setup keys', pages, nearMisses);
