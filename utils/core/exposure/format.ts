import { currentTimeZone } from './days';

/** "1 hour 5 minutes" (or "0 minutes"), in the given language, from a number of seconds. */
export function formatDuration(seconds: number, locale: string): string {
  const unit = (value: number, name: 'hour' | 'minute') => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return hours ? `${unit(hours, 'hour')} ${unit(minutes, 'minute')}` : unit(minutes, 'minute');
}

/**
 * A time of day ("14:35" or "2:35 PM", as the language writes it), in the time zone Gauze counts
 * in (the person's choice, else the browser's: hardened browsers report UTC).
 */
export function formatClock(at: number, locale: string, timeZone: string = currentTimeZone()): string {
  return new Date(at).toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit', timeZone });
}

/** An hour of the day as the language writes it ("22:00", "10:00 PM", "۲۲:۰۰"), for text that names one. */
export function formatHour(hour: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(2000, 0, 1, hour));
}

/** A countdown as a clock shows it ("4:05", in the language's digits), from whole seconds. */
export function formatTimer(seconds: number, locale: string): string {
  const whole = Math.max(0, Math.ceil(seconds));
  const minutes = new Intl.NumberFormat(locale, { useGrouping: false }).format(Math.floor(whole / 60));
  const rest = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2 }).format(whole % 60);
  return `${minutes}:${rest}`;
}
