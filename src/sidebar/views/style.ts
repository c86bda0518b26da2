/** Step 5: add-on functions or portable native formulas. */
import { withError } from '../fields';
import type { Actions, State } from '../state';
import { radioGroup } from '../widgets/radio-group';

export function styleStep(state: State, actions: Actions): Node[] {
  const d = state.draft;
  const options = [
    ['addon', 'Funnel Math functions', 'Short, readable formulas such as =CPQM(B2, C2, E2, D2).'],
    [
      'native',
      'Portable native formulas',
      'Built-in Sheets functions only: the tabs keep working for collaborators without the add-on and on mobile.',
    ],
  ] as const;
  const group = radioGroup({
    name: 'formula-style',
    focusKey: 'style',
    options,
    current: d.formulaStyle,
    choose: (style) => {
      d.formulaStyle = style;
      actions.touched('formulaStyle');
    },
  });
  return withError(state, 'formulaStyle', group);
}
