// report.json checked against the published schema (schemas/report.schema.json) by a
// validator compiled here, as an integrator would, rather than by aspm's precompiled one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import { ROOT } from './run-cli.js';

export const REPORT_SCHEMA_PATH = join(ROOT, 'schemas', 'report.schema.json');

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, discriminator: true });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(REPORT_SCHEMA_PATH, 'utf8')) as object);
// What --history reads of a report: every report aspm writes must be readable by it too.
const validateHistoryView = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'report-history.schema.json'), 'utf8')) as object);

/** What is wrong with `report` by the schema (and by history's view of it), one line per finding; empty when it is valid. */
export function reportSchemaErrors(report: unknown): string[] {
  const findings = (check: typeof validate, what: string) =>
    check(report) ? [] : (check.errors ?? []).map((e) => `${what}${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
  return [...findings(validate, ''), ...findings(validateHistoryView, 'history view: ')];
}

/** The report file at `path`, failing with the schema's findings when it is not valid. */
export function readValidReport(path: string): Record<string, unknown> {
  const report = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const errors = reportSchemaErrors(report);
  if (errors.length > 0) throw new Error(`${path} is not valid against schemas/report.schema.json:\n${errors.slice(0, 20).join('\n')}`);
  return report;
}

/** `report` itself, once found valid against the schema: wraps a test's own JSON.parse. */
export function expectValidReport<T>(report: T): T {
  expect(reportSchemaErrors(report)).toEqual([]);
  return report;
}
