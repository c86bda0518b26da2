/**
 * The wizard's calls as the sidebar makes them (src/addon/planner.ts), run
 * in this process against a host: each server call's request and reply
 * cross as JSON, as google.script.run carries them (no Dates, no classes).
 */
import type { ServerApi, WizardApi } from '../../src/addon/api';
import { bindCalls } from '../../src/addon/calls';
import type { Host } from '../../src/addon/host';
import { wizardSync } from '../../src/addon/planner';

/** A value as it arrives on the other side of google.script.run: through JSON. */
export const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export interface ServerCallLog {
  /** Every server call made, by name, in order. */
  calls: string[];
}

/** The wizard's calls on a host, or over the server calls bound to one (the playground's). */
export function wizardOn(target: Host | ServerApi, log?: ServerCallLog): WizardApi {
  const server = 'readWorkbook' in target ? target : bindCalls(() => target);
  return wizardSync({
    readWorkbook: (request) => {
      log?.calls.push('readWorkbook');
      return wire(server.readWorkbook(wire(request)));
    },
    writeTemplates: (request) => {
      log?.calls.push('writeTemplates');
      return wire(server.writeTemplates(wire(request)));
    },
  });
}
