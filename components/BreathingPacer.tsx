import { useEffect, useRef, useState } from 'preact/hooks';
import { breathAt, breathingPatterns, type BreathPhase } from '../utils/core/breaks/breathing';
import { t, type MessageKey } from '../utils/browser/i18n';

const phaseCue: Record<BreathPhase, MessageKey> = {
  in: 'breathIn',
  hold: 'breathHold',
  out: 'breathOut',
  holdOut: 'breathHoldOut',
  topUp: 'breathTopUp',
};

/**
 * A breathing pacer: text cues for every phase (announced politely to screen readers), a countdown,
 * and a circle that follows the breath — unless the person asks for reduced motion, when only the
 * words and numbers change.
 */
export function BreathingPacer() {
  const [patternId, setPatternId] = useState(breathingPatterns[0]!.id);
  const [running, setRunning] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const started = useRef(0);
  const pattern = breathingPatterns.find((p) => p.id === patternId)!;
  const reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

  useEffect(() => {
    if (!running) return;
    started.current = performance.now() - elapsed;
    let frame = 0;
    const tick = () => {
      setElapsed(performance.now() - started.current);
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [running, patternId]);

  const breath = breathAt(pattern, elapsed);
  const choose = (id: typeof patternId) => {
    setPatternId(id);
    setElapsed(0);
  };

  return (
    <div class="pacer stack">
      <fieldset class="patterns">
        <legend>{t('breathChoose')}</legend>
        {breathingPatterns.map((p) => (
          <label key={p.id} class="row">
            <input type="radio" name="pattern" checked={p.id === patternId} onChange={() => choose(p.id)} />
            <span>
              <strong>{t(p.name)}</strong> — {t(p.explain)}
            </span>
          </label>
        ))}
      </fieldset>
      {/* The circle alone in its box, the words under it: no cue in any language can spill out of it. */}
      <div class="stack" data-testid="breath">
      <div class="breath">
        {!reducedMotion && (
          <div class="circle" aria-hidden="true" style={{ transform: `scale(${running ? 0.35 + 0.65 * breath.fullness : 0.35})` }} />
        )}
      </div>
      <div class="breath-words">
        <p class="cue" aria-live="polite">
          {running ? t(phaseCue[breath.phase]) : t('breathReady')}
        </p>
        {running && (
          <p class="count" aria-hidden="true">
            {breath.secondsLeft}
          </p>
        )}
      </div>
      </div>
      <button type="button" class="primary" onClick={() => setRunning(!running)}>
        {running ? t('breathPause') : t('breathStart')}
      </button>
    </div>
  );
}
