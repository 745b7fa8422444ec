import type { NoSelfQuery } from '../../core/self-query';

/** NOTES.md, "Self-query": MEXC's account endpoint speaks of the account, not of the key. */
export const selfQuery: NoSelfQuery = {
  unavailable: true,
};
