import type { Page } from 'playwright-core';
import type { Box, SeenNote } from './types';

interface AxNode {
  nodeId: string;
  role?: { value?: string };
  name?: { value?: string };
  childIds?: string[];
  backendDOMNodeId?: number;
}

async function axTree<T>(page: Page, read: (nodes: AxNode[], cdp: import('playwright-core').CDPSession) => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    return await read(nodes, cdp);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Keyward's inline notes as a screen reader meets them: from Chromium's accessibility tree, which
 * includes closed shadow roots (no page script, and no DOM query, can read them).
 */
export function keywardNotesChromium(page: Page): Promise<SeenNote[]> {
  return axTree(page, async (nodes) => {
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const textOf = (node: AxNode): string => {
      if (node.role?.value === 'StaticText' || node.role?.value === 'InlineTextBox') return node.name?.value ?? '';
      return (node.childIds ?? [])
        .map((id) => byId.get(id))
        .filter((n): n is AxNode => n !== undefined && n.role?.value !== 'InlineTextBox')
        .map(textOf)
        .join('');
    };
    return nodes
      .filter((n) => n.role?.value === 'alert' || n.role?.value === 'status')
      .map((n) => ({ role: n.role?.value ?? '', text: textOf(n) }))
      .filter((note) => note.text.startsWith('Keyward:'));
  });
}

/** Where a button inside a note is: found by its name in the accessibility tree, placed by CDP. */
export function noteButtonBoxChromium(page: Page, name: string): Promise<Box> {
  return axTree(page, async (nodes, cdp) => {
    const button = nodes.find((n) => n.role?.value === 'button' && n.name?.value === name);
    if (button?.backendDOMNodeId === undefined) throw new Error(`no "${name}" button in Keyward's notes`);
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: button.backendDOMNodeId })) as { model: { content: number[] } };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
    return { x: x1, y: y1, width: x3 - x1, height: y3 - y1 };
  });
}
