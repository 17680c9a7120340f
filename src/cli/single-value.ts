// An option given twice is a mistake to report, not a value to drop: commander keeps the
// last `--tickets` silently, and a second export would be lost without a word.
import { usageError } from '../errors.js';

/** A commander argument parser that refuses a second value for the same option. */
export function once(flag: string): (value: string, previous: string | undefined) => string {
  return (value, previous) => {
    if (previous !== undefined) throw usageError('option-repeated', { option: flag, first: previous, second: value });
    return value;
  };
}
