/** Form controls with their messages placed right after them. */
import { el, on } from './dom';
import type { State } from './state';

export function errorFor(state: State, field: string): string | undefined {
  return state.errors.find((e) => e.field === field)?.message;
}

/**
 * A control and, right after it, the message about it when there is one. The
 * field's path is also its focus key, so focus finds it again after a render.
 */
export function withError(
  state: State,
  field: string,
  control: HTMLElement,
): [HTMLElement, ...HTMLElement[]] {
  control.dataset.field = field;
  control.dataset.focusKey = field;
  const message = errorFor(state, field);
  if (!message) return [control];
  control.setAttribute('aria-invalid', 'true');
  return [control, errorNote(control, field, message)];
}

/**
 * The message about a field, placed after `described`, which the message
 * describes. Ids follow from the field, so a render that keeps the page keeps them too.
 */
export function errorNote(described: Element, field: string, message: string): HTMLElement {
  const id = `err-${field}`;
  described.setAttribute('aria-describedby', id);
  return el('div', {
    text: message,
    className: 'error',
    attrs: { role: 'alert', id, 'data-error-for': field },
  });
}

export function textInput(
  value: string,
  onInput: (v: string) => void,
  attrs: Record<string, string> = {},
): HTMLInputElement {
  const input = el('input', { attrs: { type: 'text', autocomplete: 'off', ...attrs } });
  input.value = value;
  on(input, 'input', (node) => onInput(node.value));
  return input;
}

/** A labelled field: label above, control, then its message. */
export function labelled(
  state: State,
  label: string,
  field: string,
  control: HTMLElement,
  suffix?: string,
): HTMLElement {
  const id = `f-${field}`;
  control.id = id;
  const [ctrl, ...error] = withError(state, field, control);
  const line = suffix
    ? el(
        'div',
        { className: 'with-suffix' },
        ctrl,
        el('span', { text: suffix, className: 'suffix' }),
      )
    : ctrl;
  return el(
    'div',
    { className: 'field' },
    el('label', { text: label, attrs: { for: id } }),
    line,
    ...error,
  );
}

export function iconButton(
  label: string,
  glyph: string,
  onClick: () => void,
  disabled = false,
): HTMLButtonElement {
  const b = el('button', {
    text: glyph,
    className: 'icon',
    attrs: { type: 'button', title: label, 'aria-label': label },
  });
  b.disabled = disabled;
  on(b, 'click', onClick);
  return b;
}

export function option(value: string, text: string, selected: boolean): HTMLOptionElement {
  const o = el('option', { text, attrs: { value } });
  o.selected = selected;
  return o;
}
