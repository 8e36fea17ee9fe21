import { describe, expect, it } from 'vitest';
import { createLinearRegExpEngine, isBoundedBacktracking, NATIVE_INPUT_LIMIT } from '../../../src/contract/validation/regexp.js';

describe('linear-time pattern engine', () => {
  it.each([
    ['^[A-Z]{3}$', true],
    ['^[a-z0-9-]+$', true],
    ['^\\d{4}-\\d{2}-\\d{2}$', true],
    ['^[a-z][a-z0-9_]*$', true],
    ['^[(|)+*]+$', true],
    ['^\\+?[1-9]\\d{1,14}$', false],
    ['^\\d+\\d+$', false],
    ['^(a+)+$', false],
    ['^a|b$', false],
    ['^(\\w)\\1$', false],
    ['^[a-z', false],
  ])('%s bounded backtracking: %s', (pattern, bounded) => {
    expect(isBoundedBacktracking(pattern)).toBe(bounded);
  });

  it('matches like the ECMAScript engine (unanchored search) on both paths', () => {
    const engine = createLinearRegExpEngine(() => {});
    const simple = engine('[0-9]+', 'u');
    expect(simple.test('abc123')).toBe(true);
    expect(simple.test('abc')).toBe(false);
    expect(simple.test(`${'x'.repeat(NATIVE_INPUT_LIMIT + 10)}7`)).toBe(true);
    const nested = engine('^(ab)+$', 'u');
    expect(nested.test('ababab')).toBe(true);
    expect(nested.test('ababa')).toBe(false);
  });

  it('gives every pattern its own cache key, as ajv requires', () => {
    const engine = createLinearRegExpEngine(() => {});
    expect(String(engine('^a$', 'u'))).not.toBe(String(engine('^b$', 'u')));
  });

  it('runs a quadratic simple pattern on long hostile input through RE2, and reports inexpressible ones', () => {
    const unsupported: string[] = [];
    const engine = createLinearRegExpEngine((pattern) => unsupported.push(pattern));
    const quadratic = engine('\\d+$', 'u');
    expect(quadratic.test(`${'1'.repeat(200_000)}x`)).toBe(false);
    const lookahead = engine('^(?=a)a$', 'u');
    expect(lookahead.test('anything')).toBe(true);
    expect(unsupported).toEqual(['^(?=a)a$']);
  });
});
