// Ties the hand-written types of report.json (scored-report.ts, named and commented for the
// code that reads them) to the types generated from its contract, schemas/src/report.schema.yaml.
// Only types: nothing here runs, and the library does not export it; it fails to compile
// when the two disagree, so aspm cannot write a field the schema does not document (and
// history would refuse), nor the schema promise one aspm does not write.
import type { ReportFile } from './report.generated.js';
import type { ScoredReport } from './scored-report.js';

/** Every property and array readonly: the writer's types are, the generated ones are not. */
export type Frozen<T> = T extends readonly (infer U)[] ? readonly Frozen<U>[] : T extends object ? { readonly [K in keyof T]: Frozen<T[K]> } : T;

/** Compiles only when A is assignable to B; the error names the property that differs. */
type Fits<A extends B, B> = A;

/**
 * Identical types, property by property, optional ones included (assignability in both
 * directions lets an optional property present on one side only through).
 */
export type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

type IsTrue<T extends true> = T;

/** The writer's report fits the schema, the schema's report fits the writer's, and they are the same. */
export type ReportTypesAgree = [
  Fits<Frozen<ScoredReport>, Frozen<ReportFile>>,
  Fits<Frozen<ReportFile>, Frozen<ScoredReport>>,
  IsTrue<Same<Frozen<ScoredReport>, Frozen<ReportFile>>>,
];
