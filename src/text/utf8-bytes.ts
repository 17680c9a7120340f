// Lengths in bytes of UTF-8, for names that become file names: file systems count a
// name's bytes (255 on ext4, APFS and NTFS alike), not its characters, and a Chinese
// character is three of them.

/** Cuts `text` to at most `bytes` bytes of UTF-8 without splitting a character. */
export function truncateUtf8(text: string, bytes: number): string {
  if (Buffer.byteLength(text) <= bytes) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (used + size > bytes) break;
    out += char;
    used += size;
  }
  return out;
}
