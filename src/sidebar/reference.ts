/**
 * The function reference page, generated from the catalogue: an index of the
 * families at the top, then each family's functions, with examples shown as
 * Sheets displays their results.
 */
import { type ReferenceEntry, reference } from '../metrics/reference';
import { el } from './dom';
import { columnFormat, RESULT_FORMATS, type ResultFormat, showResult } from './reference-formats';

/** A table result as a small table: a header row when the first row is all text. */
function resultTable(rows: unknown[][], format: ResultFormat | undefined): HTMLTableElement {
  const first = rows[0] ?? [];
  const headed = rows.length > 1 && first.every((c) => typeof c === 'string');
  const formats = first.map((h) => (headed && format ? columnFormat(String(h), format) : format));
  const table = el('table', { className: 'result-table' });
  rows.forEach((row, r) => {
    const header = headed && r === 0;
    table.append(
      el(
        'tr',
        {},
        ...row.map((cell, c) =>
          el(header ? 'th' : 'td', {
            text: header ? String(cell) : showResult(cell, formats[c]),
            className: typeof cell === 'number' ? 'num' : '',
          }),
        ),
      ),
    );
  });
  return table;
}

function example(entry: ReferenceEntry, ex: ReferenceEntry['examples'][number]): HTMLElement {
  const format = RESULT_FORMATS[entry.name];
  // A wide table scrolls within the narrow sidebar instead of widening the page.
  const result = Array.isArray(ex.value)
    ? el('div', { className: 'result-scroll' }, resultTable(ex.value as unknown[][], format))
    : el('span', { text: showResult(ex.value, format), className: 'result' });
  return el(
    'div',
    { className: 'example' },
    el('code', { text: ex.formula }),
    Array.isArray(ex.value) ? null : ' → ',
    result,
    ex.note ? el('div', { text: ex.note, className: 'secondary' }) : null,
  );
}

function functionSection(entry: ReferenceEntry): HTMLElement {
  const params = el('dl', { className: 'params' });
  for (const p of entry.params) {
    params.append(el('dt', {}, el('code', { text: p.name })), el('dd', { text: p.doc }));
  }
  return el(
    'section',
    { className: 'fn', attrs: { id: entry.name, 'data-name': entry.name } },
    el('h2', {}, el('code', { text: entry.signature })),
    el('p', { text: entry.summary }),
    params,
    ...entry.examples.map((ex) => example(entry, ex)),
  );
}

export function renderReference(root: HTMLElement): void {
  const entries = reference();
  const families = [...new Set(entries.map((e) => e.family))];
  const filter = el('input', {
    attrs: {
      type: 'search',
      placeholder: 'Filter functions',
      'aria-label': 'Filter functions',
    },
  });
  const index = el('nav', { className: 'reference-index', attrs: { 'aria-label': 'Families' } });
  const list = el('div', { className: 'reference' });
  for (const family of families) {
    const members = entries.filter((e) => e.family === family);
    const id = `family-${family.toLowerCase().replace(/[^a-z]+/g, '-')}`;
    index.append(
      el(
        'div',
        { className: 'index-family', attrs: { 'data-family': family } },
        el('a', { text: family, attrs: { href: `#${id}` }, className: 'index-family-name' }),
        el(
          'ul',
          {},
          ...members.map((e) =>
            el(
              'li',
              {},
              el('a', { text: e.name, attrs: { href: `#${e.name}`, 'data-name': e.name } }),
            ),
          ),
        ),
      ),
    );
    list.append(
      el(
        'section',
        { className: 'family', attrs: { id, 'data-family': family } },
        el('h2', { text: family, className: 'family-name' }),
        ...members.map(functionSection),
      ),
    );
  }
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toUpperCase();
    for (const family of Array.from(list.querySelectorAll<HTMLElement>('section.family'))) {
      let shown = 0;
      for (const section of Array.from(family.querySelectorAll<HTMLElement>('section.fn'))) {
        section.hidden = q !== '' && !(section.textContent ?? '').toUpperCase().includes(q);
        if (!section.hidden) shown++;
        const link = index.querySelector<HTMLElement>(`a[data-name="${section.dataset.name}"]`);
        if (link?.parentElement) link.parentElement.hidden = section.hidden;
      }
      family.hidden = shown === 0;
      const line = index.querySelector<HTMLElement>(
        `[data-family="${CSS.escape(family.dataset.family ?? '')}"]`,
      );
      if (line) line.hidden = shown === 0;
    }
  });
  root.append(
    el('h1', { text: 'Function reference' }),
    el('p', {
      text: `${entries.length} functions in ${families.length} families. Every argument takes a single value or a range.`,
      className: 'secondary',
    }),
    filter,
    index,
    list,
  );
  document.body.dataset.ready = 'true';
}
