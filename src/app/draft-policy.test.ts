// draftPolicy without a terminal: the same policy file `aspm init --answers` writes, the
// schema beside it only when it is not there already, and mistakes pointed at in the file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryIo } from '../../test/helpers/memory-io.js';
import { main } from '../cli/main.js';
import { isAspmError } from '../errors.js';
import { parsePolicy } from '../policy/load-policy.js';
import { packagePath } from '../package-root.js';
import { dayIn as dateIn } from '../tables/time-zone.js';
import { draftPolicy } from './draft-policy.js';

const now = new Date('2026-03-14T20:00:00Z');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aspm-draft-'));
});

const answersText = ['language: en', 'size: small', 'company: East Coast Appliance Service', 'competition: intense', 'custom_roles:', '  - { name: QA, kpis: [csat, reopen_rate] }', ''].join('\n');

describe('draftPolicy', () => {
  it('drafts from an answers file the very file `aspm init --answers` writes, and the schema beside it', async () => {
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, answersText);
    const io = memoryIo({ cwd: dir, now });
    const written = join(dir, 'cli', 'policy.yaml');
    expect(await main(['init', '--lang', 'zh-CN', '--answers', answers, '-o', written], io)).toBe(0);

    const drafted = await draftPolicy({ output: join(dir, 'lib', 'policy.yaml'), answersFile: answers, language: 'zh-CN', now });
    expect(drafted.text).toBe(readFileSync(written, 'utf8'));
    expect(drafted.policy.meta).toMatchObject({ company: 'East Coast Appliance Service', size: 'small', language: 'en' });
    expect(drafted.policy.roles.map((role) => role.name)).toContain('QA');
    expect(drafted.built.adjustments.length).toBeGreaterThan(0);
    expect(drafted.warnings).toEqual([]);
    expect(drafted.files.map((file) => file.path)).toEqual([join(dir, 'lib', 'policy.yaml'), join(dir, 'lib', 'policy.schema.json')]);
    expect(drafted.files[1]!.data).toBe(readFileSync(packagePath('schemas', 'policy.schema.json'), 'utf8'));
  });

  it('takes answers as data, the size from the request, and leaves out a schema that is already there', async () => {
    writeFileSync(join(dir, 'policy.schema.json'), readFileSync(packagePath('schemas', 'policy.schema.json')));
    const drafted = await draftPolicy({ output: join(dir, 'policy.yaml'), answers: { company: '华东家电服务有限公司' }, size: 'large', language: 'zh-CN', now });
    expect(drafted.files.map((file) => file.path)).toEqual([join(dir, 'policy.yaml')]);
    expect(drafted.policy.meta).toMatchObject({ company: '华东家电服务有限公司', size: 'large', language: 'zh-CN' });
    // The default effective date follows today in the preset's time zone (Asia/Shanghai: already 15 March).
    expect(dateIn(now, drafted.policy.meta.timezone)).toBe('2026-03-15');
    // …which decides the default effective date: on 31 March at 20:00 UTC it is already
    // 1 April in Shanghai, so the policy takes effect on 1 May, not 1 April.
    const lateMarch = await draftPolicy({ output: join(dir, 'late.yaml'), answers: {}, language: 'zh-CN', now: new Date('2026-03-31T20:00:00Z') });
    expect(lateMarch.policy.meta.effective_date).toBe('2026-05-01');
    const reread = parsePolicy(drafted.text, 'policy.yaml');
    expect(reread.ok && reread.value).toEqual(drafted.policy);
  });

  it('checks answers given as data as it checks a file: a misspelt key, a wrong type, an unknown size are findings, not a crash', async () => {
    const refusal = (answers: object) => draftPolicy({ output: join(dir, 'policy.yaml'), answers: answers as never, language: 'zh-CN', now }).catch((caught: unknown) => caught);
    for (const [answers, path] of [
      [{ compnay: 'X' }, 'compnay'],
      [{ company: 42 }, 'company'],
      [{ size: 'huge' }, 'size'],
      [{ language: 'fr' }, 'language'],
    ] as const) {
      const refused = await refusal(answers);
      expect(isAspmError(refused) && refused.code, path).toBe('answers-invalid');
      expect(isAspmError(refused) && refused.diagnostics.map((d) => d.location?.file)).toContain('answers.yaml');
    }
    const both = await draftPolicy({ output: join(dir, 'policy.yaml'), answers: {}, answersFile: join(dir, 'a.yaml'), language: 'zh-CN', now }).catch((caught: unknown) => caught);
    expect(isAspmError(both) && [both.code, both.exitCode]).toEqual(['draft-answers-twice', 2]);
  });

  it('refuses to replace a different schema beside the policy unless forced', async () => {
    writeFileSync(join(dir, 'policy.schema.json'), '{}\n');
    const refused = await draftPolicy({ output: join(dir, 'policy.yaml'), language: 'en', now }).catch((caught: unknown) => caught);
    expect(isAspmError(refused) && refused.code).toBe('schema-beside-differs');
    const forced = await draftPolicy({ output: join(dir, 'policy.yaml'), language: 'en', now, force: true });
    expect(forced.files.map((file) => file.path)).toEqual([join(dir, 'policy.yaml'), join(dir, 'policy.schema.json')]);
  });

  it('points at wrong answers in the file, and returns unusual ones as warnings', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, ['language: zh-CN', 'raters: { supervisor: 50, customer: 40 }', 'appeal_file_days: 0', ''].join('\n'));
    const caught = await draftPolicy({ output: join(dir, 'never.yaml'), answersFile: bad, language: 'en', now }).catch((error: unknown) => error);
    expect(isAspmError(caught) && caught.code).toBe('answers-invalid');
    expect(isAspmError(caught) && caught.diagnostics.map((d) => [d.code, d.location?.line, d.location?.col])).toEqual([
      ['out-of-range', 3, 19],
    ]);

    const past = join(dir, 'past.yaml');
    writeFileSync(past, 'effective_date: 2020-01-01\n');
    const drafted = await draftPolicy({ output: join(dir, 'p.yaml'), answersFile: past, language: 'en', now });
    expect(drafted.warnings.map((d) => [d.severity, d.code, d.location?.line, d.location?.col])).toEqual([['warning', 'answer-date-past', 1, 17]]);
    expect(drafted.policy.meta.effective_date).toBe('2020-01-01');
  });
});
