/**
 * The decoys of a clickjacking page (issue 9, item 1), installed by a page script over Keyward's
 * button or its framed picker: pictures and canvases that paint over it and let the click
 * through, an inset box-shadow, a static element lifted over it by a transform, a filter or a
 * scale on its ancestor, and the button itself made invisible. Runs in the page (serialised by
 * the driver), so it uses nothing from outside its own body.
 */
export const DECOYS = ['img', 'canvas', 'box-shadow', 'transform', 'filter', 'scale', 'hidden'] as const;
export type Decoy = (typeof DECOYS)[number];

export function installDecoy([kind, selector]: readonly [Decoy, string]): boolean {
  const target = document.querySelector<HTMLElement>(selector);
  if (!target) return false;
  const r = target.getBoundingClientRect();
  const cover = (element: HTMLElement) => {
    element.style.cssText += `;position:absolute;left:${r.left + scrollX}px;top:${r.top + scrollY}px;width:${r.width}px;height:${r.height}px;z-index:2147483647;pointer-events:none;margin:0`;
    document.body.append(element);
  };
  switch (kind) {
    case 'img': {
      const img = document.createElement('img');
      img.src = 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="white"/></svg>');
      cover(img);
      return true;
    }
    case 'canvas': {
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(r.width);
      canvas.height = Math.ceil(r.height);
      const context = canvas.getContext('2d');
      if (context) {
        context.fillStyle = '#fff';
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.fillStyle = '#000';
        context.fillText('Claim your reward', 8, 16);
      }
      cover(canvas);
      return true;
    }
    case 'box-shadow': {
      const shadow = document.createElement('div');
      shadow.style.boxShadow = 'inset 0 0 0 9999px #fff';
      cover(shadow);
      return true;
    }
    case 'transform': {
      // Not positioned at all: a transform alone lifts it over what comes before it.
      const lifted = document.createElement('div');
      lifted.style.cssText = `width:${r.width}px;height:${r.height}px;background:#fff;pointer-events:none;margin:0`;
      document.body.append(lifted);
      const at = lifted.getBoundingClientRect();
      lifted.style.transform = `translate(${r.left - at.left}px, ${r.top - at.top}px)`;
      return true;
    }
    case 'filter':
      (target.parentElement ?? target).style.filter = 'brightness(0)';
      return true;
    case 'scale': {
      // Shrunk to a dot in place: the origin is the button's corner, in its parent's own box.
      const parent = target.parentElement ?? target;
      const p = parent.getBoundingClientRect();
      parent.style.transformOrigin = `${r.left - p.left}px ${r.top - p.top}px`;
      parent.style.transform = 'scale(0.01)';
      return true;
    }
    case 'hidden':
      target.style.setProperty('opacity', '0', 'important');
      return true;
  }
}
