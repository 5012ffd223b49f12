import { z } from 'zod';
import { siteEntrySchema } from '../sites/site-entry';
import { revealViews } from '../shield/ladder';

/**
 * Everything Gauze keeps about a person, as one file they own. The shape is versioned and
 * validated, so a later import can read it and refuse a damaged file with the field named.
 */
export const exportSchema = z
  .object({
    format: z.literal('gauze-export'),
    version: z.literal(4),
    exportedAt: z.string(),
    installedAt: z.number().nullable(),
    sites: z.array(siteEntrySchema),
    exposure: z.array(z.object({ site: z.string(), start: z.number(), end: z.number(), timeZone: z.string() }).strict()),
    /** `view`: the furthest view seen (recorded since the small view; older reveals have none). */
    reveals: z.array(z.object({ site: z.string(), kind: z.string(), endedAt: z.number(), seconds: z.number(), view: z.enum(revealViews).optional() }).strict()),
    notes: z.array(z.object({ hash: z.string(), note: z.string(), reviewed: z.boolean(), updatedAt: z.number() }).strict()),
    breaks: z.array(z.object({ at: z.number(), kind: z.enum(['pause', 'break']), action: z.enum(['prompted', 'postponed', 'taken']) }).strict()),
    checkins: z.array(z.object({ at: z.number(), rating: z.number().int().min(0).max(10), note: z.string() }).strict()),
    overrides: z.array(z.object({ at: z.number(), minutes: z.number(), reason: z.string() }).strict()),
    answers: z.array(
      z
        .object({ at: z.number(), questionnaire: z.string(), title: z.string(), answers: z.record(z.string(), z.number()), score: z.number(), band: z.string().nullable() })
        .strict(),
    ),
    /** Notes to self (version 4). */
    memos: z.array(z.object({ at: z.number(), text: z.string() }).strict()),
  })
  .strict();

export type GauzeExport = z.infer<typeof exportSchema>;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One CSV row per exposure segment, reveal, break event, check-in, note to self, override and
 * questionnaire, for a spreadsheet. `detail` holds a reveal's furthest view, a break's action, a check-in's rating and note,
 * a note to self, an override's reason, a
 * questionnaire's title, score and band. RFC 4180 quoting.
 */
export function exportToCsv(data: GauzeExport): string {
  const rows: string[][] = [['record', 'site', 'start', 'end', 'seconds', 'kind', 'time_zone', 'detail']];
  for (const s of data.exposure) rows.push(['exposure', s.site, iso(s.start), iso(s.end), String(Math.round((s.end - s.start) / 1000)), '', s.timeZone, '']);
  for (const r of data.reveals) rows.push(['reveal', r.site, iso(r.endedAt - r.seconds * 1000), iso(r.endedAt), String(r.seconds), r.kind, '', r.view ?? '']);
  for (const b of data.breaks) rows.push(['break', '', iso(b.at), '', '', b.kind, '', b.action]);
  for (const c of data.checkins) rows.push(['check-in', '', iso(c.at), '', '', '', '', c.note ? `${c.rating}: ${c.note}` : String(c.rating)]);
  for (const o of data.overrides) rows.push(['override', '', iso(o.at), iso(o.at + o.minutes * 60_000), String(o.minutes * 60), '', '', o.reason]);
  for (const m of data.memos) rows.push(['note-to-self', '', iso(m.at), '', '', '', '', m.text]);
  for (const a of data.answers) rows.push(['questionnaire', '', iso(a.at), '', '', a.questionnaire, '', `${a.title}: ${a.score}${a.band ? ` (${a.band})` : ''}`]);
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
