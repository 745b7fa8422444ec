/** Keyward's own window for choosing a key: beside the page, never inside it. */
export const PICKER_WINDOW = { width: 420, height: 620, closeAfterMs: 1500 } as const;

interface WindowBox {
  left?: number;
  top?: number;
  width?: number;
}

/** Near the top right of the page's window, where the bind form's button usually is. */
export function pickerWindowPlace(page: WindowBox | null): { width: number; height: number; left?: number; top?: number } {
  const size = { width: PICKER_WINDOW.width, height: PICKER_WINDOW.height };
  if (!page || page.left === undefined || page.top === undefined || page.width === undefined) return size;
  return { ...size, left: Math.max(0, page.left + page.width - PICKER_WINDOW.width - 24), top: Math.max(0, page.top + 72) };
}
