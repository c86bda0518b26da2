/**
 * Draws a template's chart (chart-data.ts) as a small SVG, the way Sheets
 * draws its embedded charts by default: a bar chart with horizontal bars
 * (Sheets' "bar"), a line chart broken where a value is missing, the series
 * names in a legend, the label column's header as the category axis title,
 * and a single series' name as the value axis title. Text goes in with
 * textContent only: labels are whatever the user typed.
 */
import type { ChartData } from './chart-data';

const SVG = 'http://www.w3.org/2000/svg';
/** Sheets' default series colours, in order. */
const COLOURS = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6', '#7baaf7'];

export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 340;
const LEGEND_WIDTH = 150;

function el<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Round steps (1, 2 or 5 × a power of ten) from below the smallest value (or 0) to above the largest. */
export function axisTicks(values: number[]): number[] {
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const span = high - low || 1;
  const rough = span / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  const ticks: number[] = [];
  for (let t = Math.floor(low / step) * step; t < high + step; t += step) {
    ticks.push(Number(t.toPrecision(12)));
    if (t >= high) break;
  }
  return ticks;
}

/** A label cut to fit, with its whole text on hover. */
function label(text: string, max: number, attrs: Record<string, string | number>): SVGTextElement {
  const node = el('text', attrs, text.length > max ? `${text.slice(0, max - 1)}…` : text);
  node.append(el('title', {}, text));
  return node;
}

export function drawChart(data: ChartData, format: (value: number) => string): SVGSVGElement {
  const svg = el('svg', {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    viewBox: `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`,
    class: `chart chart-${data.kind}`,
    role: 'img',
    'aria-label': data.title,
  });
  svg.append(
    el('rect', { width: CHART_WIDTH, height: CHART_HEIGHT, fill: '#fff', stroke: '#dadce0' }),
  );
  svg.append(el('text', { x: 16, y: 24, class: 'chart-title' }, data.title));

  const numbers = data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const ticks = axisTicks(numbers);
  const lo = ticks[0]!;
  const hi = ticks.at(-1)!;
  const valueTitle = data.series.length === 1 ? data.series[0]!.name : '';
  const horizontal = data.kind === 'bar';
  const plot = {
    left: horizontal ? 130 : 70,
    top: 44,
    right: CHART_WIDTH - LEGEND_WIDTH,
    bottom: CHART_HEIGHT - 56,
  };
  const n = Math.max(1, data.categories.length);

  // The value axis: its ticks and grid lines.
  const valueAt = (v: number) =>
    horizontal
      ? plot.left + ((v - lo) / (hi - lo)) * (plot.right - plot.left)
      : plot.bottom - ((v - lo) / (hi - lo)) * (plot.bottom - plot.top);
  for (const t of ticks) {
    const p = valueAt(t);
    svg.append(
      horizontal
        ? el('line', { x1: p, x2: p, y1: plot.top, y2: plot.bottom, class: 'chart-grid' })
        : el('line', { x1: plot.left, x2: plot.right, y1: p, y2: p, class: 'chart-grid' }),
    );
    svg.append(
      horizontal
        ? el(
            'text',
            { x: p, y: plot.bottom + 16, 'text-anchor': 'middle', class: 'chart-tick' },
            format(t),
          )
        : el(
            'text',
            { x: plot.left - 6, y: p + 4, 'text-anchor': 'end', class: 'chart-tick' },
            format(t),
          ),
    );
  }

  // The category axis: one band per label, labels thinned where they would overlap.
  const band = (horizontal ? plot.bottom - plot.top : plot.right - plot.left) / n;
  const centre = (k: number) => (horizontal ? plot.top : plot.left) + band * (k + 0.5);
  const every = horizontal ? Math.ceil(16 / band) : Math.ceil(64 / band);
  data.categories.forEach((c, k) => {
    if (k % every !== 0) return;
    svg.append(
      horizontal
        ? label(c, 18, {
            x: plot.left - 6,
            y: centre(k) + 4,
            'text-anchor': 'end',
            class: 'chart-category',
          })
        : label(c, 10, {
            x: centre(k),
            y: plot.bottom + 16,
            'text-anchor': 'middle',
            class: 'chart-category',
          }),
    );
  });
  svg.append(
    horizontal
      ? el('line', {
          x1: valueAt(0),
          x2: valueAt(0),
          y1: plot.top,
          y2: plot.bottom,
          class: 'chart-axis',
        })
      : el('line', {
          x1: plot.left,
          x2: plot.right,
          y1: valueAt(0),
          y2: valueAt(0),
          class: 'chart-axis',
        }),
  );

  // Axis titles: categories below a line chart, left of a bar chart; values the other way.
  const below = { x: (plot.left + plot.right) / 2, y: CHART_HEIGHT - 16, 'text-anchor': 'middle' };
  const beside = (x: number) => ({
    x,
    y: (plot.top + plot.bottom) / 2,
    'text-anchor': 'middle',
    transform: `rotate(-90 ${x} ${(plot.top + plot.bottom) / 2})`,
  });
  const categoryTitle = horizontal ? beside(14) : below;
  const valueTitleAt = horizontal ? below : beside(14);
  svg.append(
    el(
      'text',
      { ...categoryTitle, class: 'chart-axis-title chart-category-title' },
      data.categoryTitle,
    ),
  );
  if (valueTitle) {
    svg.append(
      el('text', { ...valueTitleAt, class: 'chart-axis-title chart-value-title' }, valueTitle),
    );
  }

  // The series.
  const fits = Math.floor((plot.bottom - plot.top) / 20);
  const legendRows = data.series.length <= fits ? fits : fits - 1;
  data.series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    const group = el('g', {
      class: 'chart-series',
      'data-series': s.name,
      fill: colour,
      stroke: colour,
    });
    if (horizontal) {
      const thick = (band * 0.7) / data.series.length;
      s.values.forEach((v, k) => {
        if (v === null) return;
        const x0 = valueAt(Math.min(0, v));
        const bar = el('rect', {
          x: x0,
          y: centre(k) - (band * 0.7) / 2 + thick * i,
          width: Math.abs(valueAt(v) - valueAt(0)),
          height: thick,
          stroke: 'none',
          class: 'chart-bar',
        });
        bar.append(el('title', {}, `${s.name}, ${data.categories[k]}: ${format(v)}`));
        group.append(bar);
      });
    } else {
      // A gap (#N/A) breaks the line rather than dropping it to 0, as in Sheets.
      let path = '';
      s.values.forEach((v, k) => {
        if (v === null) return;
        path += `${k > 0 && s.values[k - 1] !== null ? 'L' : 'M'}${centre(k).toFixed(1)},${valueAt(v).toFixed(1)}`;
        const dot = el('circle', { cx: centre(k), cy: valueAt(v), r: 3, class: 'chart-point' });
        dot.append(el('title', {}, `${s.name}, ${data.categories[k]}: ${format(v)}`));
        group.append(dot);
      });
      group.prepend(el('path', { d: path, fill: 'none', 'stroke-width': 2, class: 'chart-line' }));
    }
    svg.append(group);
    // The legend, on the right, as many names as fit.
    const y = plot.top + 6 + i * 20;
    if (i < legendRows) {
      svg.append(el('rect', { x: plot.right + 16, y: y - 9, width: 12, height: 12, fill: colour }));
      svg.append(label(s.name, 18, { x: plot.right + 34, y: y + 1, class: 'chart-legend' }));
    } else if (i === legendRows) {
      const more = data.series.length - legendRows;
      svg.append(
        el('text', { x: plot.right + 16, y: y + 1, class: 'chart-legend' }, `and ${more} more`),
      );
    }
  });
  return svg;
}
