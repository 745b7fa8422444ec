/**
 * Small helpers the platform modules share for their vocabularies. Every pattern is anchored: it
 * matches a whole visible text (a label, a placeholder, an aria-label), never a substring, so
 * "API Key" does not match "API Key name" or "Search API keys".
 */

/** A trailing "(optional)" / "(required)" / "*" marker, in the languages the platforms use. */
const MARKER = String.raw`(?:\s*[(（](?:optional|required|选填|可选|必填|необязательно|обязательно)[)）])?\s*\*?`;

/** `^(?:source)` + optional marker `$`, case-insensitive; a leading "*" (required) is allowed too. */
export function words(source: string): RegExp {
  return new RegExp(String.raw`^\*?\s*(?:${source})${MARKER}$`, 'i');
}

/**
 * Documentation address ranges (RFC 5737: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24). Platform
 * modules whose real IP lists could not be verified carry example addresses from these ranges;
 * they are placeholders, never to be shown as the platform's real addresses.
 */
export function isDocumentationAddress(address: string): boolean {
  return /^(?:192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}(?:\/\d{1,2})?$/.test(address.trim());
}
