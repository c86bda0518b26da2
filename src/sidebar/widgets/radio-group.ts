import { el, on } from '../dom';

/**
 * A group of radio buttons, the one way the wizard offers a choice: a
 * segmented row of short labels, or cards with a title and a line of
 * explanation (when options carry one).
 */
export function radioGroup<V extends string>(o: {
  name: string;
  label?: string;
  focusKey: string;
  options: readonly (readonly [V, string] | readonly [V, string, string])[];
  current: V;
  choose: (value: V) => void;
}): HTMLElement {
  const cards = o.options.some((opt) => opt.length === 3);
  const group = el('div', {
    className: cards ? 'choices' : 'segmented',
    attrs: { role: 'radiogroup', ...(o.label ? { 'aria-label': o.label } : {}) },
  });
  for (const [value, title, blurb] of o.options) {
    const radio = el('input', { attrs: { type: 'radio', name: o.name, value } });
    radio.checked = o.current === value;
    radio.dataset.focusKey = `${o.focusKey}.${value}`;
    on(radio, 'change', () => o.choose(value));
    group.append(
      cards
        ? el(
            'label',
            { className: 'choice' },
            radio,
            el(
              'span',
              {},
              el('strong', { text: title }),
              el('span', { text: blurb ?? '', className: 'secondary block' }),
            ),
          )
        : el('label', {}, radio, title),
    );
  }
  return group;
}
