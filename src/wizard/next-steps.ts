// The commands the wizard suggests once the policy is written, so they work when pasted
// as they are, in any folder: `npx aspm-cli …` (the npm name `aspm` is an unrelated
// package, so `npx aspm` would run a stranger's code; npx finds aspm-cli in a clone, a
// project or a global install, and fetches it otherwise), the real policy path, and `-o`
// with a Word file named after the policy's title, next to the policy. Pure.
import { basename, dirname, join } from 'node:path';

/** How a printed command starts: aspm as published on npm, run from any folder. */
export const ASPM_COMMAND = 'npx aspm-cli';

/** Characters no file name may hold on Windows or macOS, plus those a shell would expand. */
const NOT_IN_FILE_NAMES = /[\\/:*?"<>|$`!]|\p{Cc}/gu;

/** The Word document for a policy: its title as the file name, in the policy's folder. */
export function documentPath(policyPath: string, title: string): string {
  const name = title.replace(NOT_IN_FILE_NAMES, '').replace(/\s+/g, ' ').trim() || basename(policyPath).replace(/\.[^.]*$/, '') || 'policy';
  const folder = dirname(policyPath);
  return folder === '.' ? `${name}.docx` : join(folder, `${name}.docx`);
}

/** `text` as one shell argument: bare when safe, else in double quotes, else single quotes. */
export function shellArgument(text: string): string {
  // Letters of any script are safe; only ASCII punctuation and spaces need quoting.
  if (text !== '' && /^[\p{L}\p{N}_@%+=:,./-]+$/u.test(text)) return text;
  // Double quotes work in POSIX shells, PowerShell and cmd alike, unless these are inside.
  if (!/["$`\\!]/.test(text)) return `"${text}"`;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The two commands to run next: check the policy, then publish it. */
export function nextCommands(policyPath: string, title: string): { validate: string; render: string } {
  const policy = shellArgument(policyPath);
  return {
    validate: `${ASPM_COMMAND} validate ${policy}`,
    render: `${ASPM_COMMAND} render ${policy} -o ${shellArgument(documentPath(policyPath, title))}`,
  };
}
