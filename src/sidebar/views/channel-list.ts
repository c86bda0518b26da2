/** Step 4, for the templates that list channels: typed in, or read from a sheet of channels. */
import {
  CHANNEL_FIELD_LABELS,
  type ChannelField,
  TEMPLATE_TITLES,
  type TemplateId,
} from '../../addon/settings';
import { capitalised, listed } from '../../sheets/words';
import { CHANNEL_TABLE } from '../../workbook/export-headers';
import { el, on } from '../dom';
import { iconButton, labelled, textInput, withError } from '../fields';
import { currencySymbol } from '../model';
import type { Actions, State } from '../state';
import { radioGroup } from '../widgets/radio-group';
import { tablePicker } from '../widgets/table-picker';

export function channelListPart(
  state: State,
  actions: Actions,
  users: readonly TemplateId[],
): HTMLElement {
  const d = state.draft;
  const modes = radioGroup({
    name: 'channel-mode',
    label: 'Channel data',
    focusKey: 'mode',
    options: [
      ['typed', 'Type them in'],
      ['mapped', 'Use my columns'],
    ],
    current: d.channelMode,
    choose: (mode) => {
      d.channelMode = mode;
      actions.touched('channels');
    },
  });
  const body =
    d.channelMode === 'typed' ? typedChannels(state, actions) : mappedChannels(state, actions);
  const those = listed(users.map((t) => TEMPLATE_TITLES[t]));
  return el(
    'div',
    { className: 'part', attrs: { 'data-part': 'channels' } },
    el('h3', { text: 'Channel list' }),
    el('p', { text: `For the ${those}.`, className: 'secondary' }),
    modes,
    ...withError(state, 'channels', el('div', { className: 'channels' }, ...body)),
  );
}

function typedChannels(state: State, actions: Actions): Node[] {
  const d = state.draft;
  const cur = currencySymbol(d.economics);
  const cards = d.channels.map((c, i) => {
    const path = (f: ChannelField): string => `channels.rows.${i}.${f}`;
    const input = (f: ChannelField, label: string, suffix?: string): HTMLElement =>
      labelled(
        state,
        label,
        path(f),
        textInput(
          c[f],
          (v) => {
            c[f] = v;
            actions.touched(path(f));
          },
          f === 'name' ? {} : { inputmode: 'decimal' },
        ),
        suffix,
      );
    const remove = iconButton(`Remove channel ${i + 1}`, '×', () => {
      d.channels.splice(i, 1);
      actions.restructured('channels');
    });
    return el(
      'fieldset',
      { className: 'channel' },
      el('div', { className: 'channel-head' }, input('name', `Channel ${i + 1}`), remove),
      el(
        'div',
        { className: 'grid2' },
        input('spend', `${capitalised(CHANNEL_FIELD_LABELS.spend)} (${cur || 'currency'})`),
        input('meetings', capitalised(CHANNEL_FIELD_LABELS.meetings)),
        input('showRate', capitalised(CHANNEL_FIELD_LABELS.showRate), '%'),
        input('qualRate', capitalised(CHANNEL_FIELD_LABELS.qualRate), '%'),
      ),
    );
  });
  const add = el('button', {
    text: '+ Add a channel',
    attrs: { type: 'button', 'data-action': 'add-channel' },
  });
  on(add, 'click', () => {
    d.channels.push({
      name: `Channel ${d.channels.length + 1}`,
      spend: '0',
      meetings: '0',
      showRate: '100',
      qualRate: '100',
    });
    actions.restructured('channels');
  });
  return [...cards, add];
}

/** A sheet with one channel per row, headers in its first row. */
function mappedChannels(state: State, actions: Actions): Node[] {
  if (!state.sheets.some((s) => s.headers.some((h) => h.trim() !== ''))) {
    return [
      el('p', {
        text: 'No sheet here has headers in its first row yet. Add a sheet with one channel per row and headers such as Channel, Spend, Meetings, Show rate, Qual %, then reopen the wizard.',
        className: 'secondary',
      }),
    ];
  }
  return [
    el('p', {
      text: 'The new tabs refer to these columns with formulas, so they stay up to date as the sheet changes. Columns are suggested from their headers; change any that are wrong.',
      className: 'secondary',
    }),
    tablePicker(state, actions, {
      path: 'channels',
      legend: 'Your channels',
      sheetLabel: 'Sheet with one channel per row',
      table: state.draft.mappedChannels,
      kind: CHANNEL_TABLE,
      optional: [],
      none: 'None',
    }),
  ];
}
