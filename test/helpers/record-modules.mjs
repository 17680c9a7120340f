// `node --import ./record-modules.mjs`: writes the URL of every module the process loads
// (one a line) to the file named by ASPM_RECORD_MODULES, so that a test can say what an
// import pulled in. The hooks run in Node's loader thread; see record-modules-hooks.mjs.
import { register } from 'node:module';

register(new URL('./record-modules-hooks.mjs', import.meta.url), { data: { out: process.env.ASPM_RECORD_MODULES } });
