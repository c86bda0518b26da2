/** The wizard's steps and state, shared by the wizard and its step views. */
import type { FieldError, PreviewItem, SheetInfo } from '../addon/api';
import type { Meanings } from '../addon/meanings';
import type { Settings, TemplateId } from '../addon/settings';
import type { Draft } from './model';
import type { TabChoices } from './tab-choices';

interface Step {
  key: string;
  title: string;
  /** The settings this step edits: a server message about one of them (or inside one) belongs here. */
  fields: readonly (keyof Settings)[];
}

export const STEPS = [
  { key: 'templates', title: 'Templates', fields: ['templates'] },
  { key: 'stages', title: 'Stages', fields: ['stages', 'meetingStage'] },
  { key: 'economics', title: 'Economics', fields: ['economics', 'attributionWindow'] },
  {
    key: 'channels',
    title: 'Channels',
    fields: ['channels', 'raw', 'funnel', 'meetingLog', 'mapping'],
  },
  { key: 'style', title: 'Formula style', fields: ['formulaStyle'] },
  { key: 'preview', title: 'Preview and create', fields: [] },
] as const satisfies readonly Step[];
export const PREVIEW = STEPS.length - 1;

export type StepKey = (typeof STEPS)[number]['key'];

/** A step's place in the order, from its key. */
export function stepIndex(key: StepKey): number {
  return STEPS.findIndex((s) => s.key === key);
}

/** Which step holds the field a server message is about; the preview for anything else. */
export function stepOf(field: string): number {
  const head = field.split('.')[0] ?? field;
  const k = STEPS.findIndex((s) => (s.fields as readonly string[]).includes(head));
  return k < 0 ? PREVIEW : k;
}

export interface State {
  step: number;
  draft: Draft;
  sheets: SheetInfo[];
  saved: boolean;
  errors: FieldError[];
  busy: string | null;
  preview: PreviewItem[] | null;
  /** For each previewed template with a tab the add-on made: update it, or add a new one. */
  choices: TabChoices;
  created: string[] | null;
  /** Those of `created` that were rebuilt in place. */
  updated: string[];
  warnings: string[];
  failure: string | null;
  /**
   * What the server said when it last listed the values to map: each value's
   * count and why its meaning was suggested, how many it showed, and the
   * channels it found; null until asked.
   */
  meanings: Meanings | null;
}

/**
 * Where keyboard focus goes after a render: the element with this
 * data-focus-key, its text selected when `select`. Without one, focus stays
 * where it was: on the same element, or on the one with its key if the
 * render replaced it.
 */
export interface Focus {
  key: string;
  select?: boolean;
}

/**
 * What the step views may do. Each changes the state and renders it again;
 * no view changes the page by itself.
 */
export interface Actions {
  /** Opens a step, with focus on its title or on the field `focus` names. */
  go(step: number, focus?: string): void;
  create(): Promise<void>;
  preview(): Promise<void>;
  /** On the preview: rebuild `tab` in place for `template`, or (null) add a new tab. */
  chooseTab(template: TemplateId, tab: string | null): void;
  /**
   * The draft changed at these fields: their messages, the messages of the
   * fields inside them ("raw.spend" holds "raw.spend.sheet") and earlier
   * results no longer describe it.
   */
  touched(...fields: string[]): void;
  /**
   * Items of a list were added, removed or moved (stages, channels, ad
   * exports, mapping rows): its messages name old positions.
   */
  restructured(list: string, focus?: Focus): void;
  /** Asks the server for the outcome labels and campaigns to map, and adds them to the draft. */
  findMeanings(): Promise<void>;
  resetDefaults(): void;
}
