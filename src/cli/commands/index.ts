// Every aspm command, in the order help lists them.
import type { CommandDefinition } from './command.js';
import { dashboardCommand } from './dashboard.js';
import { demoCommand } from './demo.js';
import { evaluateCommand } from './evaluate.js';
import { initCommand } from './init.js';
import { renderCommand } from './render.js';
import { schemaCommand } from './schema.js';
import { validateCommand } from './validate.js';

export const commands: readonly CommandDefinition[] = [initCommand, validateCommand, renderCommand, evaluateCommand, dashboardCommand, schemaCommand, demoCommand];
