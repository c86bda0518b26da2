/**
 * The playground page: a small spreadsheet grid over the server's in-memory
 * workbook, beside the real sidebar in an iframe. Cell text goes in with
 * textContent only: tabs made by the wizard may hold anything the user typed.
 */

import type { Rect } from '../workbook/a1';
import { columnLetter } from '../workbook/a1';
import { formatNumber } from '../workbook/number-format';
import type { PlaygroundSheet } from './backend';
import { chartData } from './chart-data';
import { CHART_HEIGHT, CHART_WIDTH, drawChart } from './chart-svg';
import { asTyped } from './typed';

const MIN_ROWS = 30;
const MIN_COLS = 10;

let sheets: PlaygroundSheet[] = [];
let active = '';
let selected = { row: 0, col: 0 };
let editing: HTMLInputElement | null = null;

const grid = document.getElementById('grid') as HTMLTableElement;
const tabs = document.getElementById('tabs')!;
const formula = document.getElementById('formula') as HTMLInputElement;
const cellName = document.getElementById('cell-name')!;
const message = document.getElementById('message')!;

function current(): PlaygroundSheet | undefined {
  return sheets.find((s) => s.name === active);
}

const inside = (r: Rect, row: number, col: number): boolean =>
  row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;

/** The last format written over a cell wins, as in Sheets. */
function patternAt(
  sheet: PlaygroundSheet | undefined,
  row: number,
  col: number,
): string | undefined {
  let found: string | undefined;
  for (const f of sheet?.formats ?? []) {
    if (f.ranges.some((r) => inside(r, row, col))) found = f.pattern;
  }
  return found;
}

function show(value: unknown, pattern?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && pattern) {
    const formatted = formatNumber(value, pattern);
    if (formatted !== undefined) return formatted;
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return value.toLocaleString('en-GB');
    return value.toLocaleString('en-GB', { maximumFractionDigits: Math.abs(value) < 1 ? 4 : 2 });
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    const v = value as { value?: unknown; type?: unknown; message?: unknown };
    return String(v.value ?? v.type ?? JSON.stringify(value));
  }
  return String(value);
}

/** The cell's content as typed: what the formula bar and the cell editor show. */
function rawAt(sheet: PlaygroundSheet | undefined, row: number, col: number): string {
  const f = sheet?.formulas[row]?.[col];
  if (f !== null && f !== undefined && f !== '') return asTyped(String(f));
  const v = sheet?.values[row]?.[col];
  return v === null || v === undefined ? '' : String(v);
}

function renderTabs(): void {
  tabs.replaceChildren(
    ...sheets.map((s) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = s.name;
      b.className = s.name === active ? 'tab active' : 'tab';
      b.dataset.sheet = s.name;
      b.addEventListener('click', () => {
        active = s.name;
        selected = { row: 0, col: 0 };
        render();
      });
      return b;
    }),
  );
}

function renderGrid(): void {
  const sheet = current();
  // Room for every value, and for each chart from its anchor cell on.
  const charts = sheet?.charts ?? [];
  const rows = Math.max(
    MIN_ROWS,
    (sheet?.values.length ?? 0) + 5,
    ...charts.map((c) => c.row + Math.ceil(CHART_HEIGHT / 22) + 1),
  );
  const cols = Math.max(
    MIN_COLS,
    ...(sheet?.values.map((r) => r.length + 1) ?? []),
    ...(sheet?.formulas.map((r) => r.length + 1) ?? []),
    ...charts.map((c) => c.col + Math.ceil(CHART_WIDTH / 100) + 1),
  );
  const head = document.createElement('tr');
  head.append(document.createElement('th'));
  for (let c = 0; c < cols; c++) {
    const th = document.createElement('th');
    th.textContent = columnLetter(c);
    head.append(th);
  }
  const body: HTMLTableRowElement[] = [head];
  for (let r = 0; r < rows; r++) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.textContent = String(r + 1);
    tr.append(th);
    for (let c = 0; c < cols; c++) {
      const td = document.createElement('td');
      const value = sheet?.values[r]?.[c];
      td.textContent = show(value, patternAt(sheet, r, c));
      if (sheet?.bold?.some((b) => inside(b, r, c))) td.style.fontWeight = '600';
      const rule = sheet?.conditional?.find((k) => inside(k.range, r, c) && k.text === value);
      if (rule) {
        td.style.background = rule.background;
        td.style.color = rule.fontColor;
      }
      td.dataset.cell = `${columnLetter(c)}${r + 1}`;
      td.dataset.row = String(r);
      td.dataset.col = String(c);
      if (typeof value === 'number') td.className = 'num';
      if (typeof value === 'string' && value.startsWith('#')) td.className = 'err';
      // Text runs on over empty cells to its right, as in Sheets.
      const right = sheet?.values[r]?.[c + 1];
      if (typeof value === 'string' && (right === null || right === undefined)) {
        td.classList.add('spill');
        // On a white ground, so the grid lines it crosses do not strike through it.
        const text = document.createElement('span');
        text.textContent = td.textContent;
        td.replaceChildren(text);
      }
      if (r === selected.row && c === selected.col) td.classList.add('selected');
      tr.append(td);
    }
    body.push(tr);
  }
  grid.replaceChildren(...body);
  renderCharts();
}

/** Each chart the sheet holds, over the grid at its anchor cell as Sheets floats it. */
function renderCharts(): void {
  const wrap = grid.parentElement!;
  for (const old of Array.from(wrap.querySelectorAll('.chart-box'))) old.remove();
  const sheet = current();
  if (!sheet) return;
  const origin = wrap.getBoundingClientRect();
  for (const spec of sheet.charts) {
    const anchor = grid.querySelector<HTMLElement>(
      `td[data-row="${spec.row}"][data-col="${spec.col}"]`,
    );
    if (!anchor) continue;
    const data = chartData(spec, {
      value: (row, col) => sheet.values[row]?.[col],
      text: (row, col) => show(sheet.values[row]?.[col], patternAt(sheet, row, col)),
    });
    const first = data.series[0];
    const pattern = first ? patternAt(sheet, first.row, first.col) : undefined;
    const box = document.createElement('div');
    box.className = 'chart-box';
    const at = anchor.getBoundingClientRect();
    box.style.top = `${at.top - origin.top + wrap.scrollTop}px`;
    box.style.left = `${at.left - origin.left + wrap.scrollLeft}px`;
    box.append(drawChart(data, (v) => show(v, pattern)));
    wrap.append(box);
  }
}

/** A cell whose text is cut shows all of it on hover. */
grid.addEventListener('mouseover', (e) => {
  const td = (e.target as HTMLElement).closest('td');
  if (!td || td.title || td.querySelector('input')) return;
  const text = td.textContent ?? '';
  const shown = td.querySelector('span') ?? td;
  const cut = td.classList.contains('spill')
    ? shown.getBoundingClientRect().right > visibleRight(td)
    : td.scrollWidth > td.clientWidth;
  if (cut && text) td.title = text;
});

/** Where spilled text stops being seen: at the next cell that holds something, or the grid's edge. */
function visibleRight(td: HTMLTableCellElement): number {
  let next = td.nextElementSibling as HTMLElement | null;
  while (next && next.textContent === '') next = next.nextElementSibling as HTMLElement | null;
  return next
    ? next.getBoundingClientRect().left
    : grid.parentElement!.getBoundingClientRect().right;
}

function renderFormulaBar(): void {
  cellName.textContent = `${columnLetter(selected.col)}${selected.row + 1}`;
  formula.value = rawAt(current(), selected.row, selected.col);
}

function render(): void {
  renderTabs();
  renderGrid();
  renderFormulaBar();
}

function select(row: number, col: number): void {
  selected = { row: Math.max(0, row), col: Math.max(0, col) };
  grid.querySelector('td.selected')?.classList.remove('selected');
  grid
    .querySelector(`td[data-row="${selected.row}"][data-col="${selected.col}"]`)
    ?.classList.add('selected');
  renderFormulaBar();
}

async function load(): Promise<void> {
  const response = await fetch('/api/workbook');
  sheets = (await response.json()) as PlaygroundSheet[];
  if (!current()) active = sheets[0]?.name ?? '';
  render();
}

async function commit(row: number, col: number, input: string): Promise<void> {
  const response = await fetch('/api/cell', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sheet: active, row, col, input }),
  });
  const body = (await response.json()) as { error?: string };
  message.textContent = response.ok ? '' : (body.error ?? 'The cell could not be set');
  await load();
}

function startEdit(initial?: string): void {
  const td = grid.querySelector<HTMLTableCellElement>('td.selected');
  if (!td) return;
  const input = document.createElement('input');
  input.className = 'cell-editor';
  input.value = initial ?? rawAt(current(), selected.row, selected.col);
  td.replaceChildren(input);
  editing = input;
  input.focus();
  const { row, col } = selected;
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      editing = null;
      const value = input.value;
      selected = e.key === 'Enter' ? { row: row + 1, col } : { row, col: col + 1 };
      void commit(row, col, value);
    } else if (e.key === 'Escape') {
      editing = null;
      renderGrid();
    }
  });
  input.addEventListener('blur', () => {
    if (editing === input) {
      editing = null;
      void commit(row, col, input.value);
    }
  });
}

grid.addEventListener('click', (e) => {
  const td = (e.target as HTMLElement).closest('td');
  if (!td || td.querySelector('input')) return;
  select(Number(td.dataset.row), Number(td.dataset.col));
});
grid.addEventListener('dblclick', (e) => {
  const td = (e.target as HTMLElement).closest('td');
  if (!td) return;
  select(Number(td.dataset.row), Number(td.dataset.col));
  startEdit();
});
document.addEventListener('keydown', (e) => {
  if (editing || e.target === formula || (e.target as HTMLElement).tagName === 'IFRAME') return;
  if ((e.target as HTMLElement).closest?.('input, select, button')) return;
  const moves: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
  };
  const move = moves[e.key];
  if (move) {
    e.preventDefault();
    select(selected.row + move[0], selected.col + move[1]);
  } else if (e.key === 'Enter' || e.key === 'F2') {
    e.preventDefault();
    startEdit();
  } else if (e.key === 'Delete' || e.key === 'Backspace') {
    void commit(selected.row, selected.col, '');
  } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey) {
    e.preventDefault();
    startEdit(e.key);
  }
});
formula.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') {
    e.preventDefault();
    void commit(selected.row, selected.col, formula.value);
  }
});

window.addEventListener('message', (e) => {
  if (e.origin !== window.location.origin) return;
  const data = e.data as { source?: string; call?: string; value?: unknown };
  if (data?.source !== 'funnel-math') return;
  const created = data.value as { ok?: boolean; value?: { tabs?: string[] } } | undefined;
  const firstTab =
    data.call === 'writeTemplates' && created?.ok ? created.value?.tabs?.[0] : undefined;
  if (firstTab) {
    active = firstTab;
    selected = { row: 0, col: 0 };
  }
  void load();
});

document.getElementById('reset')!.addEventListener('click', async () => {
  await fetch('/api/reset', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  active = '';
  await load();
  (document.getElementById('sidebar') as HTMLIFrameElement).contentWindow?.location.reload();
});

void load();
