// The few globals pure code (src/core) uses that every JavaScript context Keyward runs in has
// (service worker, event page, content script, extension page, node), but that no ES lib
// declares. tsconfig.core.json checks core against these alone, so a DOM or worker global there
// fails to compile. Only what core uses is declared; add a member when core needs it.

declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly hostname: string;
  readonly host: string;
  readonly origin: string;
}

/** Base64 of a binary string (each char a byte), and back: request signatures (core/signing.ts). */
declare function btoa(data: string): string;
declare function atob(data: string): string;
