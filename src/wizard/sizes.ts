// The company sizes a preset exists for. Kept apart from the preset reader so that the
// command line can declare `--preset` without loading the policy loader.
import type { Policy } from '../policy/policy.generated.js';

export type Size = Policy['meta']['size'];

export const SIZES: readonly Size[] = ['small', 'medium', 'large'];
