// Module hooks (registered by record-modules.mjs): every resolved URL is appended to a file.
// Appending synchronously keeps the list whole if the process ends early.
import { appendFileSync } from 'node:fs';

let out;

export function initialize(data) {
  out = data.out;
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  appendFileSync(out, resolved.url + '\n');
  return resolved;
}
