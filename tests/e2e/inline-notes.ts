import type { Page } from 'playwright-core';

export interface SeenNote {
  role: string;
  text: string;
}

interface AxNode {
  nodeId: string;
  role?: { value?: string };
  name?: { value?: string };
  childIds?: string[];
  ignored?: boolean;
}

/**
 * Keyward's inline notes as a screen reader meets them: from Chromium's accessibility tree, which
 * includes closed shadow roots (no page script, and no DOM query, can read them).
 */
export async function keywardNotes(page: Page): Promise<SeenNote[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
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
  } finally {
    await cdp.detach();
  }
}

export async function waitForNote(page: Page, pattern: RegExp, role?: string, timeout = 5_000): Promise<SeenNote> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = (await keywardNotes(page)).find((n) => pattern.test(n.text) && (role === undefined || n.role === role));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no Keyward note matching ${pattern} (${role ?? 'any role'}): ${JSON.stringify(await keywardNotes(page))}`);
    await page.waitForTimeout(100);
  }
}

export async function waitForNoNote(page: Page, pattern: RegExp, timeout = 5_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (!(await keywardNotes(page)).some((n) => pattern.test(n.text))) return;
    if (Date.now() > deadline) throw new Error(`a Keyward note matching ${pattern} is still shown`);
    await page.waitForTimeout(100);
  }
}
