// The rest of the message catalogue: the parts of what the commands do (evaluating,
// scoring, the wizard, rendering, the demo, the dashboard). The library entry imports this
// module, and the command line loads it before any command runs; `aspm --help` and usage
// errors need only the parts catalogue.ts loads itself.
import { addMessages } from './catalogue.js';
import { dashboardMessages } from './messages/dashboard.js';
import { demoMessages } from './messages/demo.js';
import { evaluateMessages } from './messages/evaluate.js';
import { renderMessages } from './messages/render.js';
import { scoringMessages } from './messages/scoring.js';
import { wizardMessages } from './messages/wizard.js';

addMessages(evaluateMessages, wizardMessages, renderMessages, scoringMessages, demoMessages, dashboardMessages);
