/** Step 4, for Meeting outcomes: a new, empty log, or one already in a sheet. */
import { TEMPLATE_TITLES } from '../../addon/settings';
import { MEETING_TABLE } from '../../workbook/export-headers';
import { el } from '../dom';
import type { Actions, State } from '../state';
import { partHead } from '../widgets/part-head';
import { radioGroup } from '../widgets/radio-group';
import { tablePicker } from '../widgets/table-picker';

export function meetingLogPart(state: State, actions: Actions): HTMLElement {
  const d = state.draft;
  const options = [
    ['new', 'Start a new, empty log', 'Rows to fill in, each with an outcome dropdown.'],
    [
      'existing',
      'Use an existing meeting log',
      'Summarise the meetings already in one of your sheets, such as a CRM export.',
    ],
  ] as const;
  const group = radioGroup({
    name: 'meeting-log',
    label: 'Meeting log',
    focusKey: 'meetingLog.mode',
    options,
    current: d.meetingLogMode,
    choose: (mode) => {
      d.meetingLogMode = mode;
      actions.touched('meetingLog');
    },
  });
  return el(
    'div',
    { className: 'part', attrs: { 'data-part': 'meetingLog' } },
    ...partHead(state, 'Meeting log', 'meetingLog'),
    el('p', { text: `For ${TEMPLATE_TITLES.meetingOutcomes}.`, className: 'secondary' }),
    group,
    d.meetingLogMode === 'existing'
      ? tablePicker(state, actions, {
          path: 'meetingLog',
          legend: 'Your meeting log',
          table: d.meetingLog,
          kind: MEETING_TABLE,
          optional: ['date'],
          none: 'None',
        })
      : null,
  );
}
