// @vitest-environment happy-dom
/**
 * Issue 8, point 7: an API page listing existing keys (no new secret) and the ids around them (UID,
 * sub-account id, Project ID, Organization ID, API key ID). See pages/ids.ts for the models.
 */
import { negativeSuite } from './drive';
import { nearMisses, pages } from './pages/ids';

negativeSuite('key list and ids', pages, nearMisses);
