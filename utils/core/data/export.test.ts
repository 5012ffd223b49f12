import { describe, expect, it } from 'vitest';
import { exportSchema, exportToCsv, type GauzeExport } from './export';

const sample: GauzeExport = {
  format: 'gauze-export',
  version: 4,
  exportedAt: '2026-06-10T12:00:00.000Z',
  installedAt: 1,
  sites: [{ host: 'x.com', subdomains: true, source: 'user', addedAt: 1 }],
  exposure: [{ site: 'x.com', start: Date.parse('2026-06-10T10:00:00Z'), end: Date.parse('2026-06-10T10:01:30Z'), timeZone: 'Europe/London' }],
  reveals: [{ site: 'x.com', kind: 'image', endedAt: Date.parse('2026-06-10T10:01:00Z'), seconds: 12, view: 'small' }],
  notes: [{ hash: 'ab'.repeat(32), note: 'seen, "nothing new", moving on', reviewed: true, updatedAt: 2 }],
  breaks: [{ at: Date.parse('2026-06-10T11:00:00Z'), kind: 'pause', action: 'taken' }],
  checkins: [{ at: Date.parse('2026-06-10T18:00:00Z'), rating: 7, note: 'long day' }],
  overrides: [{ at: Date.parse('2026-06-10T22:00:00Z'), minutes: 30, reason: 'filing due' }],
  answers: [{ at: Date.parse('2026-06-12T09:00:00Z'), questionnaire: 'weekly-load', title: 'Weekly load', answers: { sleep: 1, tired: 3 }, score: 6, band: 'Moderate' }],
  memos: [{ at: Date.parse('2026-06-10T22:40:00Z'), text: 'ask Dana about exhibit 4, "the harbour video"' }],
};

describe('export', () => {
  it('the sample is valid and a damaged file names the bad field', () => {
    expect(exportSchema.parse(sample)).toEqual(sample);
    const damaged = exportSchema.safeParse({ ...sample, exposure: [{ ...sample.exposure[0], start: 'yesterday' }] });
    expect(damaged.success).toBe(false);
    expect(damaged.error?.issues[0]?.path).toEqual(['exposure', 0, 'start']);
  });

  it('writes one CSV row per segment and reveal, quoting where needed', () => {
    expect(exportToCsv(sample).split('\r\n')).toEqual([
      'record,site,start,end,seconds,kind,time_zone,detail',
      'exposure,x.com,2026-06-10T10:00:00.000Z,2026-06-10T10:01:30.000Z,90,,Europe/London,',
      'reveal,x.com,2026-06-10T10:00:48.000Z,2026-06-10T10:01:00.000Z,12,image,,small',
      'break,,2026-06-10T11:00:00.000Z,,,pause,,taken',
      'check-in,,2026-06-10T18:00:00.000Z,,,,,7: long day',
      'override,,2026-06-10T22:00:00.000Z,2026-06-10T22:30:00.000Z,1800,,,filing due',
      'note-to-self,,2026-06-10T22:40:00.000Z,,,,,"ask Dana about exhibit 4, ""the harbour video"""',
      'questionnaire,,2026-06-12T09:00:00.000Z,,,weekly-load,,Weekly load: 6 (Moderate)',
      '',
    ]);
    expect(exportToCsv({ ...sample, exposure: [{ ...sample.exposure[0]!, site: 'a,b"c' }], reveals: [] })).toContain('"a,b""c"');
  });
});
