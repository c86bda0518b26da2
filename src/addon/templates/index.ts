/** Settings in, plans out: one plan per chosen template, in a fixed order. */
import type { TemplateId } from '../settings';
import { buildChannelComparison } from './channel-comparison';
import { buildChannelReport } from './channel-report';
import type { BuildContext, TemplatePlan } from './common';
import { buildDefinitions } from './definitions';
import { buildOrder } from './definitions-mapping';
import { buildFullFunnel } from './full-funnel';
import { buildFunnelPlan } from './funnel-plan';
import { buildMeetingOutcomes } from './meeting-outcomes';

export type { BuildContext, TemplatePlan } from './common';

export const BUILDERS: Record<TemplateId, (ctx: BuildContext) => TemplatePlan> = {
  funnelPlan: buildFunnelPlan,
  channelComparison: buildChannelComparison,
  channelReport: buildChannelReport,
  fullFunnel: buildFullFunnel,
  meetingOutcomes: buildMeetingOutcomes,
  definitions: buildDefinitions,
};

export function buildPlans(ctx: BuildContext): TemplatePlan[] {
  return buildOrder(ctx.settings).map((id) => BUILDERS[id](ctx));
}
