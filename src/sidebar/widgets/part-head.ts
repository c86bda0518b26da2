import { el } from '../dom';
import { errorFor, errorNote } from '../fields';
import type { State } from '../state';

/**
 * A part's heading, which takes focus when a message about the part as a
 * whole ("raw": nothing picked yet) sends the user here; the message goes
 * right below it.
 */
export function partHead(state: State, title: string, field: string): Node[] {
  const head = el('h3', { text: title, attrs: { tabindex: '-1', 'data-focus-key': field } });
  const message = errorFor(state, field);
  return message ? [head, errorNote(head, field, message)] : [head];
}
