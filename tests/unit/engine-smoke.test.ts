import { describe, expect, it } from 'vitest';
import { outcomeOf } from '../helpers';
import { guide } from '../helpers';

describe('test helpers', () => {
  it('a minimal guide yields a pass for E1-1', () => {
    expect(outcomeOf(guide({}), 'E1-1').status).toBe('pass');
  });
});
