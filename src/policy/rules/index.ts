// The semantic rules of a policy, checked in this order after the schema has passed.
import type { Rule } from '../../validation/load-document.js';
import type { Policy } from '../policy.generated.js';
import { columnMappings } from './column-mappings.js';
import { eventLog } from './event-log.js';
import { ticketProfile } from '../profiles/profiles.js';
import { gradeBands, gradeReferences } from './grades.js';
import { kpiDefinitions } from './kpis.js';
import { ticketPeople } from './people.js';
import { references } from './references.js';
import { settings } from './settings.js';
import { uniqueIds } from './unique-ids.js';
import { weightsTotal } from './weights.js';

export const policyRules: readonly Rule<Policy>[] = [ticketProfile, uniqueIds, references, weightsTotal, kpiDefinitions, gradeBands, gradeReferences, settings, eventLog, columnMappings, ticketPeople];
