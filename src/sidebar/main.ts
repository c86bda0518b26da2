/** The sidebar client. User-visible text is always set with textContent. */
import { reference } from '../metrics/reference';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function renderReference(root: HTMLElement): void {
  root.append(el('h1', 'Function reference'));
  for (const entry of reference()) {
    const section = el('section');
    section.append(el('h2', entry.signature), el('p', entry.summary));
    const list = el('ul');
    for (const p of entry.params) {
      const item = el('li');
      item.append(el('code', p.name), document.createTextNode(` ${p.doc}`));
      list.append(item);
    }
    section.append(list);
    for (const ex of entry.examples) {
      section.append(el('p', `${ex.formula} → ${ex.result}`, 'secondary'));
    }
    root.append(section);
  }
}

function renderWizard(root: HTMLElement): void {
  root.append(
    el('h1', 'Set up a funnel'),
    el('p', 'The set-up wizard is on its way.', 'secondary'),
  );
}

const root = document.getElementById('app')!;
if (document.body.dataset.view === 'reference') renderReference(root);
else renderWizard(root);
