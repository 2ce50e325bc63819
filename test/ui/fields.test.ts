/** The planning panel's day fields: stepping from values off the step grid, and the decimal mark of the game's language. */
import { afterEach, describe, expect, it } from 'vitest';
import { fieldDays, setLanguage } from '../../src/game/i18n.js';
import { Names } from '../../src/game/ui/labels.js';
import { formatInput, parseDays, stepFrom } from '../../src/game/ui/fields.js';
import { shipped } from '../helpers.js';

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

  it('a need and an ask over it are written as the field writes them, never “12 d is more than the 12 d it needs”', () => {
    expect(fieldDays(4.0321)).toBe('4.03\u00a0d');
    expect(fieldDays(15)).toBe('15\u00a0d');
    const input = shipped('tutorial').input;
    const over = { code: 'over-need' as const, path: 'ask.acme-q1-1.engineering', params: { days: 12.3, need: 12.2134 }, severity: 'error' as const };
    expect(new Names(input, 'en').issue(over)).toMatch(/: 12\.3\u00a0d is more than the 12\.21\u00a0d it needs\.$/);
    setLanguage('nl');
    expect(fieldDays(4.0321)).toBe('4,03\u00a0d');
    expect(new Names(input, 'nl').issue(over)).toMatch(/: 12,3\u00a0d is meer dan de 12,21\u00a0d die nodig zijn\.$/);
  });
});
