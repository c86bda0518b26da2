/**
 * Step 4: up to five parts, each shown while a template that needs it is
 * chosen: the raw data of the Channel report and the Full funnel, the Full
 * funnel's CRM exports, the meeting log, the meanings of the labels and
 * campaigns in them, the channel list.
 */
import type { TemplateId } from '../../addon/settings';
import { el } from '../dom';
import { fullFunnelPart } from '../full-funnel';
import type { Actions, State } from '../state';
import { channelListPart } from './channel-list';
import { meaningsPart } from './meanings';
import { meetingLogPart } from './meeting-log';
import { rawPart } from './raw-data';

/** The templates that read the channel list (typed, or mapped to a sheet of channels). */
const CHANNEL_LIST_USERS: readonly TemplateId[] = [
  'channelComparison',
  'meetingOutcomes',
  'definitions',
];

export function channelsStep(state: State, actions: Actions): Node[] {
  const d = state.draft;
  const out: Node[] = [];
  const report = d.templates.includes('channelReport');
  const funnel = d.templates.includes('fullFunnel');
  const log = d.templates.includes('meetingOutcomes');
  if (report || funnel) out.push(rawPart(state, actions));
  if (funnel) out.push(fullFunnelPart(state, actions));
  // The meeting log's short choice before the channel list, which can run long.
  if (log) out.push(meetingLogPart(state, actions));
  if (report || funnel || (log && d.meetingLogMode === 'existing') || d.mapping.length > 0) {
    out.push(meaningsPart(state, actions));
  }
  const users = CHANNEL_LIST_USERS.filter((t) => d.templates.includes(t));
  if (users.length > 0) out.push(channelListPart(state, actions, users));
  if (out.length === 0) {
    out.push(
      el('p', {
        text: 'The templates you chose need no channels; go on to the next step.',
        className: 'secondary',
      }),
    );
  }
  return out;
}
