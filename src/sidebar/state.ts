/** The wizard's steps and state, shared by the wizard and its step views. */
import type { FieldError, PreviewItem, SheetInfo } from '../addon/api';
import type { Draft } from './model';

export const STEPS = [
  { key: 'templates', title: 'Templates' },
  { key: 'stages', title: 'Stages' },
  { key: 'economics', title: 'Economics' },
  { key: 'channels', title: 'Channels' },
  { key: 'style', title: 'Formula style' },
  { key: 'preview', title: 'Preview and create' },
] as const;
export const PREVIEW = STEPS.length - 1;

/** Which step holds the field a server message is about. */
export function stepOf(field: string): number {
  const head = field.split('.')[0];
  switch (head) {
    case 'templates':
      return 0;
    case 'stages':
    case 'meetingStage':
      return 1;
    case 'economics':
    case 'attributionWindow':
      return 2;
    case 'channels':
      return 3;
    case 'formulaStyle':
      return 4;
    default:
      return PREVIEW;
  }
}

export interface State {
  step: number;
  draft: Draft;
  sheets: SheetInfo[];
  saved: boolean;
  errors: FieldError[];
  busy: string | null;
  preview: PreviewItem[] | null;
  created: string[] | null;
  warnings: string[];
  failure: string | null;
}

export interface Actions {
  go(step: number): void;
  create(): Promise<void>;
  preview(): Promise<void>;
  touched(field?: string): void;
  /** Stages or channels were added, removed or moved: their messages name old positions. */
  restructured(list: 'stages' | 'channels'): void;
  render(): void;
  resetDefaults(): void;
}
