// The compile-time tie between the hand-written report types and the schema's generated
// ones (scored-report-schema.ts) is checked by the typecheck: each constant below is typed
// by the comparison it names, so a comparison that judged wrongly would not compile. The
// run-time expectations only restate the constants.
import { describe, expect, it } from 'vitest';
import type { ReportFile } from './report.generated.js';
import type { ScoredReport } from './scored-report.js';
import type { Frozen, Same } from './scored-report-schema.js';

type Person = ScoredReport['staff'][number];

const agree: Same<Frozen<ScoredReport>, Frozen<ReportFile>> = true;
// A field only one side has — even an optional one — is a difference.
const extraOptional: Same<Frozen<ScoredReport & { readonly extra?: number }>, Frozen<ReportFile>> = false;
// So is a field retyped deep down, or made optional.
const retyped: Same<Frozen<Omit<ScoredReport, 'staff'> & { readonly staff: readonly (Omit<Person, 'rank'> & { readonly rank: string | null })[] }>, Frozen<ReportFile>> = false;
const loosened: Same<Frozen<Omit<ScoredReport, 'result_date'> & { readonly result_date?: string }>, Frozen<ReportFile>> = false;

describe('the report types and the report schema', () => {
  it('agree, and the comparison sees a field added, retyped or made optional on one side', () => {
    expect([agree, extraOptional, retyped, loosened]).toEqual([true, false, false, false]);
  });
});
