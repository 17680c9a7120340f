// The commands the wizard suggests once the policy is written, so they work when pasted
// as they are: `npx aspm …` (a clone or a project that installed aspm has no `aspm` on
// PATH), the real policy path, and `-o` with a Word file named after the policy's title,
// next to the policy. Pure.
import { basename, dirname, join } from 'node:path';

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
    validate: `npx aspm validate ${policy}`,
    render: `npx aspm render ${policy} -o ${shellArgument(documentPath(policyPath, title))}`,
  };
}
