/** The function reference page, generated from the catalogue. */
import { reference } from '../metrics/reference';
import { el } from './dom';

export function renderReference(root: HTMLElement): void {
  const entries = reference();
  const filter = el('input', {
    attrs: {
      type: 'search',
      placeholder: 'Filter functions',
      'aria-label': 'Filter functions',
    },
  });
  const list = el('div', { className: 'reference' });
  for (const entry of entries) {
    const params = el('dl', { className: 'params' });
    for (const p of entry.params) {
      params.append(el('dt', {}, el('code', { text: p.name })), el('dd', { text: p.doc }));
    }
    const examples = entry.examples.map((ex) =>
      el(
        'div',
        { className: 'example' },
        el('code', { text: ex.formula }),
        ` → ${ex.result}`,
        ex.note ? el('div', { text: ex.note, className: 'secondary' }) : null,
      ),
    );
    list.append(
      el(
        'section',
        { className: 'fn', attrs: { id: entry.name, 'data-name': entry.name } },
        el('h2', {}, el('code', { text: entry.signature })),
        el('p', { text: entry.summary }),
        params,
        ...examples,
      ),
    );
  }
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toUpperCase();
    for (const section of Array.from(list.querySelectorAll<HTMLElement>('section.fn'))) {
      section.hidden = q !== '' && !(section.textContent ?? '').toUpperCase().includes(q);
    }
  });
  root.append(
    el('h1', { text: 'Function reference' }),
    el('p', {
      text: `${entries.length} functions. Every argument takes a single value or a range.`,
      className: 'secondary',
    }),
    filter,
    list,
  );
  document.body.dataset.ready = 'true';
}
