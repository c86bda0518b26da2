/** Step 6: what Create will make, or what to fix first. */
import type { PreviewItem } from '../../addon/api';
import { TEMPLATE_TITLES } from '../../addon/settings';
import { quote } from '../../sheets/format';
import { el, on } from '../dom';
import { type Actions, STEPS, type State, stepOf } from '../state';
import { radioGroup } from '../widgets/radio-group';

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
  if (state.preview.some((item) => item.existing.length > 0)) {
    out.push(
      el('p', {
        text: 'Funnel Math made a tab for some of these already: choose below whether to update it or add a new tab, then Create.',
        className: 'note',
      }),
    );
  }
  for (const item of state.preview) {
    const update = state.choices[item.template] ?? null;
    list.append(
      el(
        'div',
        { className: 'preview-item', attrs: { 'data-template': item.template } },
        el('div', { text: update ?? item.tabName, className: 'tab-name' }),
        ...(item.existing.length > 0 ? [tabChoice(item, update, actions)] : []),
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

/**
 * Where a template's tab made earlier by the add-on exists (found by its
 * mark, never its name): rebuild it in place, or add a new tab beside it.
 */
function tabChoice(item: PreviewItem, update: string | null, actions: Actions): HTMLElement {
  const NEW = 'new';
  const options = [
    ...item.existing.map(
      (tab) =>
        [
          `update:${tab}`,
          `Update ${quote(tab)}`,
          'Rebuilt in place: same name and position, so formulas that point at it keep working.',
        ] as const,
    ),
    [
      NEW,
      'Add a new tab',
      `Named ${quote(item.tabName)}; the earlier tab stays as it is.`,
    ] as const,
  ];
  return radioGroup({
    name: `tab-${item.template}`,
    label: `Where the ${TEMPLATE_TITLES[item.template]} template goes`,
    focusKey: `updates.${item.template}`,
    options,
    current: update === null ? NEW : `update:${update}`,
    choose: (value) =>
      actions.chooseTab(item.template, value === NEW ? null : value.slice('update:'.length)),
  });
}
