/** Step 2: the funnel's stages and the rate from each to the next. */
import { el, on } from '../dom';
import { iconButton, labelled, option, textInput, withError } from '../fields';
import { newStage } from '../model';
import type { Actions, State } from '../state';

export function stagesStep(state: State, actions: Actions): Node[] {
  const d = state.draft;
  const last = d.stages.length - 1;
  const move = (i: number, by: number): void => {
    const [s] = d.stages.splice(i, 1);
    if (s) d.stages.splice(i + by, 0, s);
    actions.restructured('stages');
  };
  const rows = el('ol', { className: 'stages' });
  d.stages.forEach((stage, i) => {
    const name = textInput(
      stage.name,
      (v) => {
        stage.name = v;
        actions.touched(`stages.${i}.name`);
      },
      { 'aria-label': `Stage ${i + 1} name`, class: 'stage-name' },
    );
    const rate = textInput(
      i === last ? '' : stage.rate,
      (v) => {
        stage.rate = v;
        actions.touched(`stages.${i}.rate`);
      },
      {
        'aria-label': `Rate from stage ${i + 1} to the next, in %`,
        class: 'rate',
        inputmode: 'decimal',
      },
    );
    const rateCell =
      i === last
        ? el('span', { className: 'rate-none secondary', text: 'last' })
        : el(
            'span',
            { className: 'with-suffix' },
            rate,
            el('span', { text: '%', className: 'suffix' }),
          );
    const controls = el(
      'span',
      { className: 'row-tools' },
      iconButton(`Move stage ${i + 1} up`, '↑', () => move(i, -1), i === 0),
      iconButton(`Move stage ${i + 1} down`, '↓', () => move(i, 1), i === last),
      iconButton(
        `Remove stage ${i + 1}`,
        '×',
        () => {
          d.stages.splice(i, 1);
          actions.restructured('stages');
        },
        d.stages.length <= 2,
      ),
    );
    const [nameCtl, ...nameErr] = withError(state, `stages.${i}.name`, name);
    const rateErr = i === last ? [] : withError(state, `stages.${i}.rate`, rate).slice(1);
    rows.append(
      el(
        'li',
        { className: 'stage' },
        el('div', { className: 'stage-line' }, nameCtl, rateCell, controls),
        ...nameErr,
        ...rateErr,
      ),
    );
  });
  const add = el('button', {
    text: '+ Add a stage',
    attrs: { type: 'button', 'data-action': 'add-stage' },
  });
  on(add, 'click', () => {
    // A new stage goes before the last one: the funnel still ends in customers.
    const at = Math.max(last, 0);
    d.stages.splice(at, 0, newStage('New stage', '50'));
    // Its name is selected, ready to be typed over.
    actions.restructured('stages', { key: `stages.${at}.name`, select: true });
  });

  const meeting = el(
    'select',
    {},
    ...d.stages.map((s) => option(String(s.id), s.name || '(unnamed)', s.id === d.meetingStageId)),
  );
  on(meeting, 'change', (node) => {
    d.meetingStageId = Number(node.value);
    actions.touched('meetingStage');
  });

  return [
    el('p', {
      text: 'Top of the funnel first. Each rate is the share that moves on to the next stage.',
      className: 'secondary',
    }),
    el(
      'div',
      { className: 'stage-head secondary' },
      el('span', { text: 'Stage' }),
      el('span', { text: 'Rate to next' }),
    ),
    ...withError(state, 'stages', rows),
    add,
    labelled(state, 'Qualified meeting stage (for CPQM)', 'meetingStage', meeting),
  ];
}
