/** Step 3: revenue target, deal size, close rate, ROAS, budget and currency. */
import { el, on } from '../dom';
import { labelled, option, textInput } from '../fields';
import { CURRENCIES, currencySymbol } from '../model';
import type { Actions, State } from '../state';

export function economicsStep(state: State, actions: Actions): Node[] {
  const e = state.draft.economics;
  const symbol = currencySymbol(e);
  const money = (label: string, key: 'revenueTarget' | 'dealSize' | 'budget'): HTMLElement =>
    labelled(
      state,
      `${label} (${symbol || 'currency'})`,
      `economics.${key}`,
      textInput(
        e[key],
        (v) => {
          e[key] = v;
          actions.touched(`economics.${key}`);
        },
        { inputmode: 'decimal' },
      ),
    );

  const currency = el('select');
  for (const c of [...CURRENCIES, 'other']) {
    currency.append(option(c, c === 'other' ? 'Other…' : c, e.currency === c));
  }
  on(currency, 'change', (node) => {
    e.currency = node.value;
    actions.touched('economics.currency');
  });
  const other = textInput(
    e.currencyOther,
    (v) => {
      e.currencyOther = v;
      actions.touched('economics.currency');
    },
    {
      'aria-label': 'Currency symbol or code',
      maxlength: '5',
      class: 'short',
      'data-focus-key': 'economics.currencyOther',
    },
  );
  const currencyField = labelled(state, 'Currency', 'economics.currency', currency);
  if (e.currency === 'other') currencyField.insertBefore(other, currency.nextSibling);

  return [
    currencyField,
    money('Revenue target', 'revenueTarget'),
    money('Average deal size', 'dealSize'),
    labelled(
      state,
      'Close rate from qualified meeting to deal',
      'economics.closeRate',
      textInput(
        e.closeRate,
        (v) => {
          e.closeRate = v;
          actions.touched('economics.closeRate');
        },
        { inputmode: 'decimal' },
      ),
      '%',
    ),
    labelled(
      state,
      'Target return on ad spend',
      'economics.targetRoas',
      textInput(
        e.targetRoas,
        (v) => {
          e.targetRoas = v;
          actions.touched('economics.targetRoas');
        },
        { inputmode: 'decimal' },
      ),
      '×',
    ),
    money('Marketing budget', 'budget'),
    labelled(
      state,
      'Attribution window',
      'attributionWindow',
      textInput(state.draft.attributionWindow, (v) => {
        state.draft.attributionWindow = v;
        actions.touched('attributionWindow');
      }),
    ),
  ];
}
