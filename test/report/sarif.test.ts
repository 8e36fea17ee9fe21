import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import * as formatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { sarif, SARIF_MAX_RESULTS } from '../../src/report/sarif.js';
import { fixture } from '../helpers/cli.js';
import { CWD, finding, formatContext, lintFixture, lintHostile, RULES } from './context.js';

type FormatsPlugin = (ajv: Ajv) => Ajv;
const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ?? (formatsModule as unknown as FormatsPlugin)) as FormatsPlugin;

/* eslint-disable @typescript-eslint/no-explicit-any -- SARIF logs are inspected as plain JSON */
type Log = any;

let validateSarif: ValidateFunction;
beforeAll(() => {
  // The official OASIS schema declares draft-07, Ajv's default dialect.
  const schema = JSON.parse(readFileSync(fixture('schemas', 'sarif-2.1.0.json'), 'utf8')) as { $schema: string };
  expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  validateSarif = ajv.compile(schema);
});

function expectValidSarif(text: string): Log {
  const log = JSON.parse(text) as Log;
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  return log;
}

describe('sarif formatter', () => {
  it('is checked against a schema that really rejects malformed SARIF', () => {
    const log = JSON.parse(sarif([finding()], formatContext())) as Log;
    log.runs[0].results[0].level = 'warn';
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validateSarif(log)).toBe(false);
    expect(validateSarif.errors?.map((error) => error.instancePath)).toEqual(
      expect.arrayContaining(['/runs/0/results/0/level', '/runs/0/results/0/locations/0/physicalLocation/region/startLine']),
    );
  });

  it('produces schema-valid SARIF for a real lint run with findings of every severity', async () => {
    const { findings, context } = await lintFixture('cli/errors.yaml', 'cli/ruleset.yaml');
    expect(new Set(findings.map((f) => f.severity))).toEqual(new Set(['error', 'warn', 'info', 'hint']));
    const log = expectValidSarif(sarif(findings, context));
    expect(log.runs[0].results).toHaveLength(findings.length);
  });

  it('produces schema-valid SARIF for a clean run, with an empty results array', () => {
    const log = expectValidSarif(sarif([], formatContext({ rules: RULES })));
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].tool.driver.rules).toHaveLength(RULES.length);
  });

  it('produces schema-valid SARIF for hostile spec text and keeps messages on one inert line', async () => {
    const { findings, context } = await lintHostile();
    const log = expectValidSarif(sarif(findings, context));
    const texts = log.runs[0].results.map((result: Log) => result.message.text as string);
    expect(texts).toHaveLength(3);
    for (const text of texts) {
      expect(text).not.toMatch(/[\u0000-\u001f\u007f]/);
    }
    expect(texts[0]).toBe(
      'Description is not plain text: red ALERT done\\n::error file=evil.yaml,line=1::injected\\n<script>alert(1)</script> | cell | break',
    );
  });

  it('describes the tool and every rule that ran', () => {
    const log = JSON.parse(sarif([], formatContext({ rules: RULES }))) as Log;
    expect(log.version).toBe('2.1.0');
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'apigate', version: '1.2.3', semanticVersion: '1.2.3', informationUri: 'https://github.com/apigate/apigate' });
    expect(driver.rules[0]).toEqual({
      id: 'operation-id-required',
      name: 'OperationIdRequired',
      shortDescription: { text: 'Every operation has an operationId.' },
      fullDescription: { text: 'Every operation has an operationId. Clients name methods after it.' },
      help: { text: 'Every operation has an operationId. Clients name methods after it.\nDocumentation: https://example.com/rules/operation-id-required' },
      helpUri: 'https://example.com/rules/operation-id-required',
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['openapi'] },
    });
    expect(driver.rules.map((rule: Log) => rule.defaultConfiguration.level)).toEqual(['error', 'warning', 'note', 'note']);
    expect(driver.rules[1].helpUri).toBeUndefined();
    expect(driver.rules[1].help).toEqual({ text: 'The API names a contact.' });
  });

  it('maps a finding to ruleId, ruleIndex, level, message, a %SRCROOT%-relative location and its JSON path', () => {
    const log = JSON.parse(
      sarif([finding({ severity: 'warn', ruleId: 'info-contact-required', message: 'Add a contact.', path: ['info'] })], formatContext({ rules: RULES })),
    ) as Log;
    const run = log.runs[0];
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/project/' } });
    const [result] = run.results;
    expect(result).toMatchObject({
      ruleId: 'info-contact-required',
      ruleIndex: 1,
      level: 'warning',
      message: { text: 'Add a contact.' },
    });
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('info-contact-required');
    expect(result.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'openapi.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 9, startColumn: 9, endLine: 13, endColumn: 31 },
        },
        logicalLocations: [{ name: 'info', fullyQualifiedName: '#/info' }],
      },
    ]);
  });

  it('maps each severity to a SARIF level', () => {
    const findings = (['error', 'warn', 'info', 'hint'] as const).map((severity) => finding({ severity }));
    const log = JSON.parse(sarif(findings, formatContext({ rules: RULES }))) as Log;
    expect(log.runs[0].results.map((result: Log) => result.level)).toEqual(['error', 'warning', 'note', 'note']);
  });

  it('encodes JSON pointers and URIs: nested folders, spaces, and files outside the working directory', () => {
    const log = JSON.parse(
      sarif(
        [
          finding({ file: `${CWD}/specs/my api.yaml`, path: ['paths', '/pets/{id}', 'get', 'x~y'] }),
          finding({ file: '/elsewhere/shared.yaml' }),
        ],
        formatContext(),
      ),
    ) as Log;
    const [inside, outside] = log.runs[0].results;
    expect(inside.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'specs/my%20api.yaml', uriBaseId: '%SRCROOT%' });
    expect(inside.locations[0].logicalLocations[0].fullyQualifiedName).toBe('#/paths/~1pets~1{id}/get/x~0y');
    expect(outside.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/shared.yaml' });
  });

  it('fingerprints ignore line numbers but not the rule, the JSON path or the message', () => {
    const hash = (overrides: Parameters<typeof finding>[0]): string =>
      (JSON.parse(sarif([finding(overrides)], formatContext())) as Log).runs[0].results[0].partialFingerprints.primaryLocationLineHash;
    const base = hash({});
    expect(base).toMatch(/^[0-9a-f]{32}:1$/);
    expect(hash({ range: { start: { line: 90, column: 3 }, end: { line: 95, column: 1 } } })).toBe(base);
    expect(hash({ message: '  Every operation\nhas an   operationId. ' })).toBe(base);
    expect(hash({ ruleId: 'other-rule' })).not.toBe(base);
    expect(hash({ path: ['paths', '/pets', 'post'] })).not.toBe(base);
    expect(hash({ message: 'Something else.' })).not.toBe(base);
  });

  it('numbers identical fingerprints so each result keeps its own identity', () => {
    const log = JSON.parse(sarif([finding(), finding({ range: { start: { line: 20, column: 1 }, end: { line: 20, column: 5 } } })], formatContext())) as Log;
    const [first, second] = log.runs[0].results.map((result: Log) => result.partialFingerprints.primaryLocationLineHash as string);
    expect(first!.split(':')[0]).toBe(second!.split(':')[0]);
    expect([first!.split(':')[1], second!.split(':')[1]]).toEqual(['1', '2']);
  });

  it('adds a descriptor for findings whose rule is not in the ruleset', () => {
    const log = JSON.parse(sarif([finding({ ruleId: 'parser', severity: 'warn' })], formatContext({ rules: RULES }))) as Log;
    const rules = log.runs[0].tool.driver.rules;
    expect(rules).toHaveLength(RULES.length + 1);
    expect(log.runs[0].results[0].ruleIndex).toBe(RULES.length);
    expect(rules[RULES.length]).toMatchObject({ id: 'parser', defaultConfiguration: { level: 'warning' } });
  });

  it('leaves out the region when a finding has no range', () => {
    const log = expectValidSarif(sarif([finding({ range: undefined })], formatContext()));
    expect(log.runs[0].results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'openapi.yaml', uriBaseId: '%SRCROOT%' } });
  });

  it(`caps a run at ${SARIF_MAX_RESULTS} results, keeps the most severe, and says how many were dropped`, () => {
    const hints = Array.from({ length: SARIF_MAX_RESULTS }, (_, i) => finding({ severity: 'hint', path: ['paths', `/p${i}`] }));
    const error = finding({ severity: 'error', path: ['paths', '/last'] });
    const log = JSON.parse(sarif([...hints, error], formatContext())) as Log;
    const run = log.runs[0];
    expect(run.results).toHaveLength(SARIF_MAX_RESULTS);
    expect(run.results.at(-1).level).toBe('error');
    expect(run.invocations[0].toolExecutionNotifications).toEqual([
      {
        level: 'warning',
        message: {
          text: `1 of ${SARIF_MAX_RESULTS + 1} results were left out: a SARIF run holds at most ${SARIF_MAX_RESULTS} results (the GitHub code scanning limit). The most severe results were kept; run with another format to see all.`,
        },
      },
    ]);
  });

  it('reports no notifications when nothing was dropped', () => {
    const log = JSON.parse(sarif([finding()], formatContext())) as Log;
    expect(log.runs[0].invocations).toEqual([{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });
});
