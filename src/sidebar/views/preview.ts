/** Step 6: what Create will make, or what to fix first. */
import { el, on } from '../dom';
import { type Actions, STEPS, type State, stepOf } from '../state';

export function previewStep(state: State, actions: Actions): Node[] {
  const out: Node[] = [];
  if (state.errors.length > 0) {
    const list = el('ul', { className: 'error-list' });
    for (const e of state.errors) {
      const step = stepOf(e.field);
      const go = el('button', {
        text: `${STEPS[step]?.title}: ${e.message}`,
        className: 'link error',
        attrs: { type: 'button' },
      });
      // Fields carry their path as their focus key.
      on(go, 'click', () => actions.go(step, e.field));
      list.append(el('li', {}, go));
    }
    out.push(el('p', { text: 'Fix these first:', className: 'error' }), list);
    return out;
  }
  if (!state.preview) {
    const show = el('button', {
      text: 'Show the preview',
      attrs: { type: 'button', 'data-action': 'preview' },
    });
    show.disabled = state.busy !== null;
    on(show, 'click', () => void actions.preview());
    out.push(show);
    return out;
  }
  const list = el('div', { className: 'preview' });
  for (const item of state.preview) {
    list.append(
      el(
        'div',
        { className: 'preview-item' },
        el('div', { text: item.tabName, className: 'tab-name' }),
        el('ul', {}, ...item.lines.map((line) => el('li', { text: line }))),
      ),
    );
  }
  const refresh = el('button', {
    text: 'Refresh preview',
    className: 'link',
    attrs: { type: 'button' },
  });
  on(refresh, 'click', () => void actions.preview());
  out.push(list, refresh);
  return out;
}
