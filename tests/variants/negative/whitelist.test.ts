// @vitest-environment happy-dom
/**
 * Issue 8, point 7: see pages/whitelist.ts for what each page shows and which real page it is modelled on.
 */
import { negativeSuite } from './drive';
import { nearMisses, pages } from './pages/whitelist';

negativeSuite('whitelist', pages, nearMisses);
