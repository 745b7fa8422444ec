import type { NoSelfQuery } from '../../core/self-query';

/** NOTES.md, "Self-query": no API documentation for bitexbit was found that shows a key itself. */
export const selfQuery: NoSelfQuery = {
  unavailable: true,
};
