/** The planning panel's day fields: stepping from values off the step grid, and the decimal mark of the game's language. */
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/game/i18n.js';
import { formatInput, parseDays, stepFrom } from '../../src/game/ui/fields.js';

afterEach(() => setLanguage('en'));

describe('day fields', () => {
  it('arrow steps go to the next value on the grid, also from a value off it', () => {
    expect(stepFrom(12.21, 0.5, 1)).toBe(12.5);
    expect(stepFrom(12.21, 0.5, -1)).toBe(12);
    expect(stepFrom(12, 0.5, 1)).toBe(12.5);
    expect(stepFrom(12, 0.5, -1)).toBe(11.5);
    expect(stepFrom(3, 1, 1)).toBe(4);
    expect(stepFrom(0.1 + 0.2, 0.1, 1)).toBe(0.4);
  });

  it('values are shown with the decimal mark of the game language, and read back either way', () => {
    expect(formatInput(12.21)).toBe('12.21');
    setLanguage('nl');
    expect(formatInput(12.21)).toBe('12,21');
    expect(formatInput(4)).toBe('4');
    expect(formatInput(Number.NaN)).toBe('');
    expect(parseDays('12,21')).toBe(12.21);
    expect(parseDays('12.21')).toBe(12.21);
  });
});
