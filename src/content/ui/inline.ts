import { KEYWARD_HOST_TAG } from '../../dom/elements';

export type Tone = 'danger' | 'warning' | 'info' | 'success';

export interface NoteLine {
  tone: Tone;
  text: string;
}

const STYLE = `
:host { all: initial; display: block; margin: 6px 0; }
.note { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; border-radius: 6px; padding: 8px 10px;
  border: 1px solid; display: flex; gap: 8px; align-items: flex-start; }
.note + .note { margin-top: 4px; }
.mark { font-weight: 700; flex: none; }
.danger { background: #fef2f2; border-color: #dc2626; color: #7f1d1d; }
.warning { background: #fffbeb; border-color: #d97706; color: #78350f; }
.info { background: #eff6ff; border-color: #2563eb; color: #1e3a8a; }
.success { background: #f0fdf4; border-color: #16a34a; color: #14532d; }
button { font: inherit; margin-left: 8px; padding: 2px 8px; border-radius: 4px; border: 1px solid currentColor;
  background: #fff; color: inherit; cursor: pointer; }
`;

const brand = 'Keyward';

export type Placement = 'after' | 'append';

export interface NoteAction {
  label: string;
  run: () => void;
}

/**
 * One inline note: a host element beside the control it concerns, with a closed shadow root so
 * page styles cannot reach it and page scripts cannot read it. Danger lines are role=alert (read
 * out at once); the rest role=status.
 */
export class InlineNote {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private rendered = '';

  constructor(private readonly name: string) {
    this.host = document.createElement(KEYWARD_HOST_TAG);
    this.host.dataset.keyward = name;
    this.root = this.host.attachShadow({ mode: 'closed' });
  }

  /**
   * Places the note right after `anchor`, or as its last child with 'append' (inside a table cell,
   * where a sibling would break the row), again if a re-render removed it; updates its text.
   */
  show(anchor: Element, lines: NoteLine[], action?: NoteAction, placement: Placement = 'after'): void {
    if (lines.length === 0) {
      this.remove();
      return;
    }
    if (placement === 'append') {
      if (anchor.lastElementChild !== this.host) anchor.append(this.host);
    } else if (anchor.nextElementSibling !== this.host) {
      anchor.insertAdjacentElement('afterend', this.host);
    }
    const key = JSON.stringify([lines, action?.label]);
    if (key === this.rendered) return;
    this.rendered = key;
    const style = document.createElement('style');
    style.textContent = STYLE;
    const notes = lines.map((line) => {
      const note = document.createElement('div');
      note.className = `note ${line.tone}`;
      note.setAttribute('role', line.tone === 'danger' ? 'alert' : 'status');
      const mark = document.createElement('span');
      mark.className = 'mark';
      mark.textContent = `${brand}:`;
      const text = document.createElement('span');
      text.textContent = line.text;
      note.append(mark, text);
      return note;
    });
    if (action) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = action.label;
      button.addEventListener('click', (event) => {
        // Only a real user's click: a page script's synthetic click has isTrusted false.
        if (event.isTrusted) action.run();
      });
      notes.at(-1)?.append(button);
    }
    this.root.replaceChildren(style, ...notes);
  }

  remove(): void {
    this.host.remove();
    this.rendered = '';
  }

  get id(): string {
    return this.name;
  }
}

/** Notes by name, so each scan can show, move or drop them without leaking elements. */
export class NoteBoard {
  private readonly notes = new Map<string, InlineNote>();
  private touched = new Set<string>();

  begin(): void {
    this.touched = new Set();
  }

  show(name: string, anchor: Element, lines: NoteLine[], action?: NoteAction, placement?: Placement): void {
    let note = this.notes.get(name);
    if (!note) {
      note = new InlineNote(name);
      this.notes.set(name, note);
    }
    this.touched.add(name);
    note.show(anchor, lines, action, placement);
  }

  /** Removes notes not shown during this scan (their control is gone). */
  end(keep: (name: string) => boolean = () => false): void {
    for (const [name, note] of this.notes) {
      if (!this.touched.has(name) && !keep(name)) {
        note.remove();
        this.notes.delete(name);
      }
    }
  }

  clear(): void {
    for (const note of this.notes.values()) note.remove();
    this.notes.clear();
  }
}
