import type { PlatformDefinition } from './types';

// Apart from the registry so that a platform's content script carries only its own module.

/** Is `pathAndHash` (location.pathname + location.hash) one of the platform's bind routes? */
export function isBindPage(platform: PlatformDefinition, pathAndHash: string): boolean {
  return platform.bindPages.length === 0 || platform.bindPages.some((route) => route.test(pathAndHash));
}
