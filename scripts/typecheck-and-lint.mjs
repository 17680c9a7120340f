#!/usr/bin/env node
// The typecheck of tsconfig.json (src, test, scripts, bench) and the whole lint, on one
// TypeScript program. `npm run typecheck` and `npm run lint` each build that program — the
// lint's type-aware rules (floating and misused promises) need it — and the two together
// cost npm test 70 s of CPU; checked once and handed to ESLint, which then asks its rules'
// questions of types already known, they cost 30 s. npm test runs this; the two scripts stay
// for a developer who wants one of them.
//
// What it reports is what `tsc -p tsconfig.json --noEmit` and `eslint .` report, in their
// formats: the same compiler options and diagnostics in tsc's order (syntax first; the rest
// only when the syntax is sound), and eslint.config.js with only its parser told to use this
// program instead of building its own. Exit code 1 when either finds an error.
import process from 'node:process';
import { ESLint } from 'eslint';
import ts from 'typescript';

const host = {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
    process.stdout.write(ts.formatDiagnostics([diagnostic], formatHost));
    process.exit(1);
  },
};
const formatHost = {
  getCanonicalFileName: (name) => name,
  getCurrentDirectory: () => process.cwd(),
  getNewLine: () => '\n',
};

/**
 * Diagnostics as `tsc --noEmit` gathers them: it stops at the first kind that has any, and
 * with `declaration` on it also reports what the declaration files it would write cannot
 * express (TS4094 and kin), though it writes none.
 */
function typecheck(program) {
  const options = program.getCompilerOptions();
  const found = [...program.getConfigFileParsingDiagnostics()];
  const configErrors = found.length;
  found.push(...program.getSyntacticDiagnostics());
  if (found.length === configErrors) {
    found.push(...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics());
    if (found.length === configErrors) {
      found.push(...program.getSemanticDiagnostics());
      if (found.length === configErrors && (options.declaration || options.composite)) found.push(...program.getDeclarationDiagnostics());
    }
  }
  return ts.sortAndDeduplicateDiagnostics(found);
}

const config = ts.getParsedCommandLineOfConfigFile('tsconfig.json', { noEmit: true }, host);
const program = ts.createProgram({
  rootNames: config.fileNames,
  options: config.options,
  projectReferences: config.projectReferences,
  configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(config),
});
const diagnostics = typecheck(program);
const pretty = process.stdout.isTTY === true;
if (diagnostics.length > 0) {
  process.stdout.write(pretty ? ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost) : ts.formatDiagnostics(diagnostics, formatHost));
  const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).length;
  process.stdout.write(`\nFound ${errors} error${errors === 1 ? '' : 's'} (tsc -p tsconfig.json --noEmit).\n`);
}

// The configuration's projectService would build a second program; `programs` hands it this
// one, whose files are every .ts file the configuration lints (tsconfig.json's include).
const eslint = new ESLint({
  overrideConfig: { files: ['**/*.ts'], languageOptions: { parserOptions: { projectService: false, programs: [program] } } },
});
const results = await eslint.lintFiles(['.']);
const formatter = await eslint.loadFormatter('stylish');
const report = await formatter.format(results);
if (report) process.stdout.write(report.endsWith('\n') ? report : `${report}\n`);

const typeErrors = diagnostics.some((d) => d.category === ts.DiagnosticCategory.Error);
const lintErrors = results.some((r) => r.errorCount > 0 || r.fatalErrorCount > 0);
process.exitCode = typeErrors || lintErrors ? 1 : 0;
