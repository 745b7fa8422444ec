import type { Page } from 'puppeteer-core';
import type { Box, SeenNote } from './types';

/**
 * Keyward's inline notes in Firefox, read through WebDriver BiDi: serialising a node with
 * includeShadowTree 'all' hands the browser's view of closed shadow roots to the test (a page
 * script still cannot reach them). Firefox has no DevTools accessibility tree to read instead.
 */

interface BidiNode {
  type: string;
  sharedId?: string;
  value?: {
    nodeType: number;
    localName?: string;
    nodeValue?: string;
    attributes?: Record<string, string>;
    children?: BidiNode[];
    shadowRoot?: BidiNode | null;
  };
}

interface BidiSession {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** The browsing context and BiDi session under a Puppeteer page (public fields of its BiDi classes). */
function bidiOf(page: Page): { context: string; session: BidiSession } {
  const frame = page.mainFrame() as unknown as {
    browsingContext?: { id: string; userContext: { browser: { session: BidiSession } } };
  };
  const context = frame.browsingContext;
  if (context === undefined) throw new Error('not a WebDriver BiDi page');
  return { context: context.id, session: context.userContext.browser.session };
}

async function call(page: Page, functionDeclaration: string, args: object[], serializationOptions?: object): Promise<BidiNode & { value?: unknown }> {
  const { context, session } = bidiOf(page);
  const { result } = await session.send('script.callFunction', {
    functionDeclaration,
    arguments: args,
    awaitPromise: false,
    target: { context },
    ...(serializationOptions === undefined ? {} : { serializationOptions }),
  });
  const answer = result as { type: string; result?: BidiNode; exceptionDetails?: { text?: string } };
  if (answer.type !== 'success' || answer.result === undefined) throw new Error(`BiDi call failed: ${answer.exceptionDetails?.text ?? answer.type}`);
  return answer.result;
}

/** Every Keyward host element, each with its closed shadow tree. */
async function hosts(page: Page): Promise<BidiNode[]> {
  const result = await call(page, '() => [...document.querySelectorAll("keyward-inline")]', [], {
    includeShadowTree: 'all',
    maxDomDepth: 12,
  });
  return Array.isArray(result.value) ? (result.value as BidiNode[]) : [];
}

function* walk(node: BidiNode): Generator<BidiNode> {
  yield node;
  const shadow = node.value?.shadowRoot;
  if (shadow) yield* walk(shadow);
  for (const child of node.value?.children ?? []) yield* walk(child);
}

function textOf(node: BidiNode): string {
  if (node.value?.nodeType === 3) return node.value.nodeValue ?? '';
  if (node.value?.localName === 'style') return '';
  return (node.value?.children ?? []).map(textOf).join('');
}

export async function keywardNotesFirefox(page: Page): Promise<SeenNote[]> {
  const notes: SeenNote[] = [];
  for (const host of await hosts(page)) {
    for (const node of walk(host)) {
      const role = node.value?.attributes?.role;
      if (role === 'alert' || role === 'status') notes.push({ role, text: textOf(node) });
    }
  }
  return notes.filter((note) => note.text.startsWith('Keyward:'));
}

/** Where a button inside a note is (scrolled into view first), in the viewport. */
export async function noteButtonBoxFirefox(page: Page, name: string): Promise<Box> {
  for (const host of await hosts(page)) {
    for (const node of walk(host)) {
      if (node.value?.localName !== 'button' || textOf(node).trim() !== name || node.sharedId === undefined) continue;
      const rect = await call(
        page,
        '(el) => { el.scrollIntoView({ block: "center" }); const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }',
        [{ sharedId: node.sharedId }],
      );
      const [x = 0, y = 0, width = 0, height = 0] = ((rect.value ?? []) as { value: number }[]).map((n) => n.value);
      return { x, y, width, height };
    }
  }
  throw new Error(`no "${name}" button in Keyward's notes`);
}
