import { describe, expect, it } from 'vitest';
import { formatIsoDuration, formatScorm12TimeOfDay, formatScorm12Timespan, formatScorm2004Timestamp } from '../../../src/standards/scorm/time';

const HOUR = 3_600_000;

describe('SCORM 1.2 CMITimespan (HHHH:MM:SS.SS)', () => {
  it.each([
    [0, '0000:00:00.00'],
    [500, '0000:00:00.50'],
    [59_999, '0000:01:00.00'], // rounded to hundredths before carrying
    [59_994, '0000:00:59.99'],
    [3_723_450, '0001:02:03.45'],
    [100 * HOUR, '0100:00:00.00'],
    [10_000 * HOUR, '9999:59:59.99'], // capped at four hour digits
    [-5, '0000:00:00.00'],
    [Number.NaN, '0000:00:00.00'],
  ])('%s ms -> %s', (ms, expected) => {
    expect(formatScorm12Timespan(ms)).toBe(expected);
  });
});

describe('SCORM 1.2 CMITime (time of day)', () => {
  it('is the local time to the second', () => {
    expect(formatScorm12TimeOfDay(new Date(2025, 2, 1, 7, 5, 9, 870))).toBe('07:05:09');
  });
});

describe('SCORM 2004 timeinterval (ISO 8601 duration)', () => {
  it.each([
    [0, 'PT0S'],
    [500, 'PT0.5S'],
    [59_999, 'PT1M'],
    [3_723_450, 'PT1H2M3.45S'],
    [12_300, 'PT12.3S'],
    [HOUR, 'PT1H'],
    [100 * HOUR + 1_010, 'PT100H1.01S'],
    [-1, 'PT0S'],
  ])('%s ms -> %s', (ms, expected) => {
    expect(formatIsoDuration(ms)).toBe(expected);
  });
});

describe('SCORM 2004 time (timestamp)', () => {
  it('is UTC to the hundredth, with the fraction the time zone needs', () => {
    expect(formatScorm2004Timestamp(new Date('2025-03-01T09:08:07.891Z'))).toBe('2025-03-01T09:08:07.89Z');
    expect(formatScorm2004Timestamp(new Date('2025-03-01T09:08:07.000Z'))).toBe('2025-03-01T09:08:07.00Z');
  });
});
