import type { NoSelfQuery } from '../../core/self-query';

/** NOTES.md, "Self-query": XT's API documents no endpoint for a key's own permissions. */
export const selfQuery: NoSelfQuery = {
  unavailable: true,
};
