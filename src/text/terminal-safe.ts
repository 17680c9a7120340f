// Text from the user's data on its way to a terminal: control characters (ESC, BEL, the
// C1 range…) are shown as escapes, so that a crafted name or file name cannot recolour,
// retitle or clear the manager's terminal. Files keep the data as it is; only what is
// printed goes through here.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character but line feed and tab written as `\xHH` / `\uHHHH`. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
