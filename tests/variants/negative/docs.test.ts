// @vitest-environment happy-dom
/**
 * Issue 8, point 7: API documentation on the official hosts shows example keys and secrets
 * (Binance's own documented secretKey among them); none is the user's. See pages/docs.ts.
 */
import { negativeSuite } from './drive';
import { nearMisses, pages } from './pages/docs';

negativeSuite('API docs examples', pages, nearMisses);
