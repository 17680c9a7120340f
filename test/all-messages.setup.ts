// Every test file runs with the whole message catalogue, as the library and every command
// that runs do (src/i18n/all-messages.ts); only help and usage errors speak less.
import '../src/i18n/all-messages.js';
