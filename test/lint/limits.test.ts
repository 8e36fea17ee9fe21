import { describe, expect, it } from 'vitest';
import { measureNestingDepth, measureRefGraph } from '../../src/lint/limits.js';
import { isForbiddenAddress } from '../../src/util/remote.js';
import { isTriviallyLinear } from '../../src/lint/regexp.js';

describe('measureNestingDepth', () => {
  it('counts JSON brackets outside strings only', () => {
    expect(measureNestingDepth('{"a": [[1]], "b": "[[[[[[{{{{"}')).toBe(3);
  });

  it('counts block YAML by indentation and sequence indicators', () => {
    expect(measureNestingDepth('a:\n  b:\n    c: 1\nd: 2\n')).toBe(3);
    expect(measureNestingDepth('a:\n  - - - x\n')).toBe(5);
  });

  it('does not count brackets in plain or quoted YAML text, comments or block scalars', () => {
    const text = 'a: see [1 and {2\nb: "[[[["\nc: |\n  [[[[[[\n      {{{{\n# [[[[[\nd: [1, [2]]\n';
    expect(measureNestingDepth(text)).toBe(3);
  });

  it('counts flow collections inside block YAML', () => {
    expect(measureNestingDepth('a:\n  b: {c: [[1]]}\n')).toBe(5);
  });
});

describe('measureRefGraph', () => {
  const schemas = (defs: Record<string, unknown>) => ({ components: { schemas: defs } });

  it('finds a pure $ref cycle', () => {
    const doc = schemas({ A: { $ref: '#/components/schemas/B' }, B: { $ref: '#/components/schemas/A' } });
    expect(measureRefGraph(doc, 1000).cycle).toEqual(['#/components/schemas/A', '#/components/schemas/B', '#/components/schemas/A']);
  });

  it('accepts recursive schemas without unrolling them', () => {
    const doc = schemas({ Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } } });
    const report = measureRefGraph(doc, 1000);
    expect(report.cycle).toBeUndefined();
    expect(report.expandedNodes).toBeLessThan(30);
  });

  it('counts an acyclic fan-out as the graph the rules would walk', () => {
    const defs: Record<string, unknown> = { L0: { type: 'string' } };
    for (let level = 1; level <= 6; level++) {
      defs[`L${level}`] = { properties: Object.fromEntries([0, 1, 2].map((i) => [`p${i}`, { $ref: `#/components/schemas/L${level - 1}` }])) };
    }
    const report = measureRefGraph(schemas(defs), 1e9);
    // L6 alone stands for 3^6 copies of L0; the count is far above the document's own size.
    expect(report.expandedNodes).toBeGreaterThan(3 ** 6);
    expect(measureRefGraph(schemas(defs), 500).expandedNodes).toBe(501);
  });
});

describe('isForbiddenAddress', () => {
  it.each([
    '169.254.169.254',
    '0.0.0.0',
    '100.100.100.200',
    '::',
    '::ffff:169.254.169.254',
    '::ffff:a9fe:a9fe',
    '::a9fe:a9fe',
    '64:ff9b::a9fe:a9fe',
    '2002:a9fe:a9fe::1',
    'fe80::1',
    'fd00:ec2::254',
    '224.0.0.1',
    '255.255.255.255',
  ])('refuses %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])('refuses loopback %s when asked to', (address) => {
    expect(isForbiddenAddress(address, { blockLoopback: true })).toBe(true);
    expect(isForbiddenAddress(address)).toBe(false);
  });

  it.each(['93.184.216.34', '10.0.0.5', '2606:2800:220:1:248:1893:25c8:1946'])('allows %s', (address) => {
    expect(isForbiddenAddress(address, { blockLoopback: true })).toBe(false);
  });

  it('sees through the URL spellings of the metadata address', () => {
    for (const host of ['2852039166', '0xA9FEA9FE', '0251.0376.0251.0376', '169.254.43518', '[::ffff:169.254.169.254]']) {
      const hostname = new URL(`http://${host}/`).hostname.replace(/^\[|\]$/g, '');
      expect(isForbiddenAddress(hostname), host).toBe(true);
    }
  });
});

describe('isTriviallyLinear', () => {
  it.each(['^x-', '^[a-zA-Z0-9._-]+$', 'abc', '^\\d{3}$', '^/'])('runs %s natively', (pattern) => {
    expect(isTriviallyLinear(pattern)).toBe(true);
  });

  it.each(['^(a+)+$', '\\d*\\d*$', 'a+b', '^(?=x)', '(a)\\1', 'a|b', '^a+b+$'])('sends %s to RE2', (pattern) => {
    expect(isTriviallyLinear(pattern)).toBe(false);
  });
});
