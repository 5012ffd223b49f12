import { describe, expect, it } from 'vitest';
import { exportSchema, exportToCsv, type GauzeExport } from './export';

const sample: GauzeExport = {
  format: 'gauze-export',
  version: 1,
  exportedAt: '2026-06-10T12:00:00.000Z',
  installedAt: 1,
  sites: [{ host: 'x.com', subdomains: true, source: 'user', addedAt: 1 }],
  exposure: [{ site: 'x.com', start: Date.parse('2026-06-10T10:00:00Z'), end: Date.parse('2026-06-10T10:01:30Z'), timeZone: 'Europe/London' }],
  reveals: [{ site: 'x.com', kind: 'image', endedAt: Date.parse('2026-06-10T10:01:00Z'), seconds: 12 }],
  notes: [{ hash: 'ab'.repeat(32), note: 'seen, "nothing new", moving on', reviewed: true, updatedAt: 2 }],
  breaks: [{ at: 3, kind: 'pause', action: 'prompted' }],
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
      'record,site,start,end,seconds,kind,time_zone',
      'exposure,x.com,2026-06-10T10:00:00.000Z,2026-06-10T10:01:30.000Z,90,,Europe/London',
      'reveal,x.com,2026-06-10T10:00:48.000Z,2026-06-10T10:01:00.000Z,12,image,',
      '',
    ]);
    expect(exportToCsv({ ...sample, exposure: [{ ...sample.exposure[0]!, site: 'a,b"c' }], reveals: [] })).toContain('"a,b""c"');
  });
});
