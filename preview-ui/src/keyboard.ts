// The tree's keyboard, as the WAI-ARIA tree pattern has it: up and down move between rows, Home
// and End to the first and last, right opens a row or moves into it, left closes it or moves to
// its parent, Enter opens the source, Space opens or closes.
import type { ViewNode } from './model';

/** What the keyboard acts on: the tree's rows and what can be done to them. */
export interface KeyboardTree {
  /** The element holding the rows. */
  readonly element: HTMLElement;
  /** Makes the rows of a big expansion still to be made. */
  flush(): void;
  nodeOf(row: Element): ViewNode | undefined;
  rowOf(id: string): HTMLElement | undefined;
  focusRow(row: HTMLElement | null | undefined): void;
  hasContent(node: ViewNode): boolean;
  toggle(node: ViewNode, open?: boolean): void;
  /** Selects the row and opens its source. */
  activate(node: ViewNode, row: HTMLElement): void;
}

/** Acts on a key pressed in the tree; the key's default is prevented when it did something. */
export function onTreeKey(event: KeyboardEvent, tree: KeyboardTree): void {
  // Rows still being made (a big expansion) are needed for End, or at the end of what is made.
  if (event.key === 'End' || (event.key === 'ArrowDown' && !(event.target as Element).closest('.okr-row')?.nextElementSibling)) tree.flush();
  const row = (event.target as Element).closest<HTMLElement>('.okr-row');
  const node = row && tree.nodeOf(row);
  if (!row || !node) return;
  const next = (from: Element | null, forward: boolean): HTMLElement | null =>
    (forward ? from?.nextElementSibling : from?.previousElementSibling) as HTMLElement | null;
  let handled = true;
  switch (event.key) {
    case 'ArrowDown':
      tree.focusRow(next(row, true));
      break;
    case 'ArrowUp':
      tree.focusRow(next(row, false));
      break;
    case 'Home':
      tree.focusRow(tree.element.firstElementChild as HTMLElement | null);
      break;
    case 'End':
      tree.focusRow(tree.element.lastElementChild as HTMLElement | null);
      break;
    case 'ArrowRight':
      if (tree.hasContent(node) && row.getAttribute('aria-expanded') !== 'true') tree.toggle(node, true);
      else if (row.getAttribute('aria-expanded') === 'true') tree.focusRow(next(row, true));
      break;
    case 'ArrowLeft':
      if (row.getAttribute('aria-expanded') === 'true') tree.toggle(node, false);
      else if (node.parent) tree.focusRow(tree.rowOf(node.parent.id));
      break;
    case 'Enter':
      tree.activate(node, row);
      break;
    case ' ':
      if (tree.hasContent(node)) tree.toggle(node);
      break;
    default:
      handled = false;
  }
  if (handled) event.preventDefault();
}
