/**
 * What the mapping table's Means column may say for each labelled field:
 * the functions' own outcome labels (or Ignore) and deal statuses. The
 * table is read in sheets/, which knows no labels of its own.
 */
import type { MappingMeanings } from '../sheets/mapping';
import { DEAL_STATUS_LABELS } from './deal-status';
import { IGNORE, OUTCOME_LABELS } from './outcomes';

export const MAPPING_MEANINGS: MappingMeanings = {
  outcome: [...OUTCOME_LABELS, IGNORE],
  'deal status': DEAL_STATUS_LABELS,
};
