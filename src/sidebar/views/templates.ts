/** Step 1: which templates to create. */
import { TEMPLATE_IDS, TEMPLATE_TITLES, type TemplateId } from '../../addon/settings';
import { listed } from '../../sheets/words';
import { el, on } from '../dom';
import { withError } from '../fields';
import { suggestedDeals } from '../model';
import { type Actions, type State, stepIndex } from '../state';

const TEMPLATE_BLURBS: Record<TemplateId, string> = {
  funnelPlan: 'Volume needed at every stage, cost per stage, CPQM against the most you can pay.',
  channelComparison: 'One row per channel: cost per meeting, CPQM, headroom, verdict, blended row.',
  channelReport:
    'CPQM by channel and by week, month or quarter, straight from your ad-spend export and CRM meetings.',
  fullFunnel:
    'Cost and conversion at every stage, pipeline, revenue, CAC and ROAS by channel, from your CRM’s contacts and deals exports.',
  meetingOutcomes: 'A meeting log with outcome dropdowns, show and qualification rates by channel.',
  definitions: 'Every metric’s formula and definition, so every team reads numbers the same way.',
};

/** How step 1 names a template, when its title alone does not say what it needs. */
const TEMPLATE_NAMES: Partial<Record<TemplateId, string>> = {
  channelReport: `${TEMPLATE_TITLES.channelReport} (from raw data)`,
  fullFunnel: `${TEMPLATE_TITLES.fullFunnel} (from CRM exports)`,
};

export function templatesStep(state: State, actions: Actions): Node[] {
  const d = state.draft;
  const list = el('div', { className: 'choices' });
  for (const id of TEMPLATE_IDS) {
    const box = el('input', { attrs: { type: 'checkbox', value: id } });
    box.checked = d.templates.includes(id);
    box.dataset.focusKey = `templates.${id}`;
    on(box, 'change', (node) => {
      const chosen = new Set(d.templates);
      if (node.checked) chosen.add(id);
      else chosen.delete(id);
      d.templates = TEMPLATE_IDS.filter((t) => chosen.has(t));
      if (id === 'fullFunnel' && node.checked && d.raw.deals.sheet === '')
        d.raw.deals = suggestedDeals(state.sheets);
      // The raw data, the CRM exports and the meeting log are sent only while their template is chosen.
      actions.touched('templates', 'raw', 'funnel', 'meetingLog');
    });
    list.append(
      el(
        'label',
        { className: 'choice' },
        box,
        el(
          'span',
          {},
          el('strong', { text: TEMPLATE_NAMES[id] ?? TEMPLATE_TITLES[id] }),
          el('span', { text: TEMPLATE_BLURBS[id], className: 'secondary block' }),
        ),
      ),
    );
    if (id === 'channelReport' && box.checked) list.append(rawNote(state, actions));
  }
  return [
    el('p', {
      text: 'Each template goes on a new tab; nothing already in your spreadsheet changes.',
      className: 'secondary',
    }),
    ...withError(state, 'templates', list),
  ];
}

/** Under a chosen Channel report: which sheets it will read, and the way to check them. */
function rawNote(state: State, actions: Actions): HTMLElement {
  const { spend, meetings, deals } = state.draft.raw;
  const picked = spend.every((s) => s.sheet !== '') && meetings.sheet !== '';
  const tables = [...spend, meetings, ...(deals.sheet === '' ? [] : [deals])];
  const sheets = [...new Set(tables.map((s) => `“${s.sheet}”`))];
  const go = el('button', {
    text: picked ? 'Check the columns' : 'Pick them in step 4',
    className: 'link',
    attrs: { type: 'button', 'data-action': 'raw-data' },
  });
  on(go, 'click', () => actions.go(stepIndex('channels'), 'raw'));
  return el(
    'div',
    { className: 'choice-note' },
    picked
      ? `Reads ${listed(sheets)}, suggested by their headers. `
      : 'Needs your ad-spend export and CRM meetings in this spreadsheet. ',
    go,
  );
}
