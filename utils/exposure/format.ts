/** "1 hour 5 minutes" (or "0 minutes"), in the given language, from a number of seconds. */
export function formatDuration(seconds: number, locale: string): string {
  const unit = (value: number, name: 'hour' | 'minute') => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return hours ? `${unit(hours, 'hour')} ${unit(minutes, 'minute')}` : unit(minutes, 'minute');
}

/** A time of day ("14:35" or "2:35 PM"), in the given language and this machine's time zone. */
export function formatClock(at: number, locale: string): string {
  return new Date(at).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}
