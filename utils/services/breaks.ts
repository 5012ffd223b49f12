import { adviseBreak, breakRulesSchema, currentStretch, type BreakKind } from '../core/breaks/schedule';
import { createSerial } from '../core/serial';
import type { BackgroundService } from './types';
import type { BreakPrompter } from '../browser/ports';
import { reportFailure } from './report';


const LOOK_BACK_MS = 12 * 3_600_000;

/**
 * The break scheduler: after every exposure tick (and at the moment a break falls due, while the
 * worker is alive), asks utils/core/breaks/schedule.ts what to say, and says each thing once per
 * stretch of exposure.
 */
export function createBreaksService(prompter: BreakPrompter): BackgroundService {
  return {
    id: 'breaks',
    start({ storage, now, handle, events }) {
      let timer: ReturnType<typeof setTimeout> | undefined;

      const serial = createSerial();
      const recent = (at: number) => storage.exposure.recorded(at - LOOK_BACK_MS, at + 1, at);

      const evaluate = () =>
        serial(async () => {
          const at = now();
          const [rules, limits, stored, { segments, open }] = await Promise.all([storage.settings.get('breaks'), storage.settings.get('limits'), storage.breaks.progress(), recent(at)]);
          let progress = stored;
          // A prompted break is taken once the stretch that made it due has ended.
          if (progress.pending && currentStretch(segments, at, rules, progress.pending.kind) !== progress.pending.stretch) {
            await storage.breaks.log({ at, kind: progress.pending.kind, action: 'taken' });
            progress = { ...progress, pending: null };
            await storage.breaks.setProgress(progress);
          }
          const advice = adviseBreak(segments, at, rules, progress.postponed);
          if (timer) clearTimeout(timer);
          // Look again when the next warning or break falls due, if exposure goes on until then.
          if (open && advice.kind === 'none' && advice.nextInMs !== null) {
            timer = setTimeout(evaluate, Math.max(1000, advice.nextInMs - rules.warnSecondsBefore * 1000 + 500));
          } else if (open && advice.kind === 'warn') timer = setTimeout(evaluate, Math.max(1000, advice.inMs + 500));
          if (advice.kind === 'warn') {
            if (progress.warned === advice.stretch) return;
            await storage.breaks.setProgress({ ...progress, warned: advice.stretch });
            await prompter.warn(advice.break, Math.round(advice.inMs / 1000));
          } else if (advice.kind === 'due') {
            const key = `${advice.stretch}#${advice.postpones}`;
            if (progress.prompted === key) return;
            // Strict mode: reveals stay locked for the break's length from the prompt.
            const strictUntil = limits.strictBreaks ? at + advice.minutes * 60_000 : null;
            await storage.breaks.setProgress({ ...progress, prompted: key, pending: { kind: advice.break, stretch: advice.stretch }, strictUntil });
            await storage.breaks.log({ at, kind: advice.break, action: 'prompted' });
            if (strictUntil) await events.emit('lock-changed');
            await prompter.prompt(advice.break, advice.minutes, advice.canPostpone);
          }
        }).catch(reportFailure('break scheduler'));

      events.on('exposure-ticked', evaluate);

      handle('breaks/rules', async (payload) => {
        if (payload.rules) await storage.settings.set('breaks', breakRulesSchema.parse(payload.rules));
        return { rules: await storage.settings.get('breaks') };
      });

      handle('breaks/next', async () => {
        const at = now();
        const [rules, progress, { segments }] = await Promise.all([storage.settings.get('breaks'), storage.breaks.progress(), recent(at)]);
        const advice = adviseBreak(segments, at, rules, progress.postponed);
        if (advice.kind === 'due') return { kind: advice.break, inSeconds: 0 };
        if (advice.kind === 'warn') return { kind: advice.break, inSeconds: Math.round(advice.inMs / 1000) };
        return advice.nextInMs === null ? null : { kind: null, inSeconds: Math.round(advice.nextInMs / 1000) };
      });

      handle('breaks/postpone', () =>
        serial(async () => {
          const at = now();
          const [rules, progress, { segments }] = await Promise.all([storage.settings.get('breaks'), storage.breaks.progress(), recent(at)]);
          const advice = adviseBreak(segments, at, rules, progress.postponed);
          if (advice.kind !== 'due' || !advice.canPostpone) return { postponed: false };
          const postponed = { stretch: advice.stretch, count: advice.postpones + 1, until: at + rules.postponeMinutes * 60_000 };
          await storage.breaks.setProgress({ ...progress, postponed, strictUntil: null });
          await storage.breaks.log({ at, kind: advice.break, action: 'postponed' });
          if (progress.strictUntil) events.emit('lock-changed');
          return { postponed: true };
        }),
      );
    },
  };
}
