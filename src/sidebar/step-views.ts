/** Each step's view, by the step's key. */
import type { Actions, State, StepKey } from './state';
import { channelsStep } from './views/channels';
import { economicsStep } from './views/economics';
import { previewStep } from './views/preview';
import { stagesStep } from './views/stages';
import { styleStep } from './views/style';
import { templatesStep } from './views/templates';

export type StepView = (state: State, actions: Actions) => Node[];

export const STEP_VIEWS: Record<StepKey, StepView> = {
  templates: templatesStep,
  stages: stagesStep,
  economics: economicsStep,
  channels: channelsStep,
  style: styleStep,
  preview: previewStep,
};
