import { describe, expect, it } from 'vitest';
import { junit } from '../../src/report/junit.js';
import { CWD, finding, formatContext, lintHostile } from './context.js';

describe('junit formatter', () => {
  it('writes one suite per file, a passing case for clean files and a failure per finding', () => {
    const output = junit(
      [
        finding(),
        finding({
          ruleId: 'info-contact-required',
          severity: 'warn',
          message: 'The API names a contact.',
          path: ['info'],
          range: { start: { line: 2, column: 6 }, end: { line: 4, column: 15 } },
        }),
      ],
      formatContext({ files: [`${CWD}/openapi.yaml`, `${CWD}/clean.yaml`] }),
    );
    expect(output).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="apigate" tests="3" failures="2" errors="0" time="0">',
        '  <testsuite name="openapi.yaml" tests="2" failures="2" errors="0" skipped="0" time="0">',
        '    <testcase classname="openapi.yaml" name="operation-id-required #/paths/~1pets/get (line 9)" time="0">',
        '      <failure type="operation-id-required" message="error: Every operation has an operationId.">openapi.yaml:9:9 error operation-id-required: Every operation has an operationId.',
        'path: #/paths/~1pets/get</failure>',
        '    </testcase>',
        '    <testcase classname="openapi.yaml" name="info-contact-required #/info (line 2)" time="0">',
        '      <failure type="info-contact-required" message="warn: The API names a contact.">openapi.yaml:2:6 warn info-contact-required: The API names a contact.',
        'path: #/info</failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="clean.yaml" tests="1" failures="0" errors="0" skipped="0" time="0">',
        '    <testcase classname="clean.yaml" name="no findings" time="0"/>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('lists every file even when nothing was found', () => {
    const output = junit([], formatContext({ files: [`${CWD}/a.yaml`, `${CWD}/b.yaml`] }));
    expect(output).toContain('<testsuites name="apigate" tests="2" failures="0" errors="0" time="0">');
    expect(output.match(/<testcase [^>]*name="no findings"/g)).toHaveLength(2);
    expect(output).not.toContain('<failure');
  });

  it('adds a suite for a $ref-ed file that was not linted directly', () => {
    const output = junit([finding({ file: `${CWD}/components/pets.yaml` })], formatContext());
    expect(output).toContain('<testsuite name="openapi.yaml" tests="1" failures="0"');
    expect(output).toContain('<testsuite name="components/pets.yaml" tests="1" failures="1"');
  });

  it('gives every test case a unique name, even for two findings of one rule on one node and line', () => {
    const output = junit(
      [finding({ message: 'First.' }), finding({ message: 'Second.' }), finding({ path: ['paths', '/pets', 'post'] })],
      formatContext(),
    );
    const names = [...output.matchAll(/<testcase [^>]*name="([^"]*)"/g)].map((match) => match[1]);
    expect(names).toEqual([
      'operation-id-required #/paths/~1pets/get (line 9)',
      'operation-id-required #/paths/~1pets/get (line 9) #2',
      'operation-id-required #/paths/~1pets/post (line 9)',
    ]);
  });

  it('escapes hostile spec text in names, attributes and bodies', async () => {
    const { findings, context } = await lintHostile();
    const output = junit(findings, context);
    expect(output).not.toContain('<script>');
    expect(output).not.toContain('<img');
    expect(output).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(output).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(output).toContain('name="plain-path-key #/paths/~1pets|&lt;img src=x onerror=alert(1)&gt; (line 9)"');
    // Only the markup this formatter writes: every element is one the JUnit format defines.
    const tags = new Set([...output.matchAll(/<\/?([a-zA-Z?]+)/g)].map((match) => match[1]));
    expect(tags).toEqual(new Set(['?xml', 'testsuites', 'testsuite', 'testcase', 'failure']));
    // Attribute values never contain a raw quote that would end them early.
    for (const match of output.matchAll(/ (\w+)="([^"]*)"/g)) expect(match[2]).not.toContain('<');
  });
});
