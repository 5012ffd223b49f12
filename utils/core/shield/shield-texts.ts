import { formatClock } from '../exposure/format';
import type { Translate } from '../i18n/format';
import type { MessageKey } from '../i18n/keys';
import type { Language } from '../i18n/languages';
import type { RevealLock } from '../limits/lock';
import type { ToldLock } from './commands';
import type { ShieldTexts } from './texts';

/**
 * The page shield's words in the person's language, made by the background (which has the
 * catalogue loaded) for each protected page's hello. Numbers in them are filled in by the page
 * ("{1}"), which writes them with Intl for the same language.
 */
export function shieldTexts(t: Translate<MessageKey>, language: Pick<Language, 'tag' | 'dir'>): ShieldTexts {
  return {
    lang: language.tag,
    dir: language.dir,
    coveredDescription: t('shieldCoveredDescription'),
    kinds: {
      image: t('shieldKindImage'),
      video: t('shieldKindVideo'),
      audio: t('shieldKindAudio'),
      canvas: t('shieldKindCanvas'),
      embed: t('shieldKindEmbed'),
      frame: t('shieldKindFrame'),
      background: t('shieldKindImage'),
    },
    size: t('shieldSize', ['{1}', '{2}']),
    steps: { blur: t('shieldStepBlur'), outline: t('shieldStepOutline'), full: t('shieldStepFull') },
    cover: t('shieldStepCover'),
    enlarge: t('shieldEnlarge'),
    makeSmaller: t('shieldMakeSmaller'),
    soundOn: t('shieldSoundOn'),
    soundOff: t('shieldSoundOff'),
    play: t('shieldPlay'),
    pause: t('shieldPause'),
    region: t('shieldCardLabel'),
    reviewed: t('shieldReviewed'),
    colleagueReviewed: t('shieldColleagueReviewed'),
    markReviewed: t('shieldMarkReviewed'),
    editNote: t('shieldEditNote'),
    noteLabel: t('shieldNoteLabel'),
    save: t('save'),
    cancel: t('cancel'),
    askOverride: t('shieldAskOverride'),
    notesLocked: t('shieldNotesLocked'),
    unlockNotes: t('shieldUnlockNotes'),
    viewer: {
      open: t('viewerOpen'),
      title: t('viewerTitle'),
      grey: t('viewerGrey'),
      small: t('viewerSmall'),
      large: t('viewerLarge'),
      mirror: t('viewerMirror'),
      zoomIn: t('viewerZoomIn'),
      zoomOut: t('viewerZoomOut'),
      close: t('viewerClose'),
      choose: t('viewerChoose'),
      notLoaded: t('viewerNotLoaded'),
    },
    storyboard: {
      open: t('shieldStoryboard'),
      label: t('shieldStoryboardLabel'),
      hint: t('shieldStoryboardHint'),
      close: t('shieldStoryboardClose'),
      frame: t('shieldStoryboardFrame', ['{1}', '{2}']),
      covered: t('shieldStoryboardCovered'),
      goTo: t('shieldStoryboardGoTo', ['{1}']),
      unavailable: t('shieldStoryboardUnavailable'),
    },
    keys: {
      label: t('shieldKeysLabel'),
      step: t('shieldKeyStep'),
      cover: t('shieldKeyCover'),
      peek: t('shieldKeyPeek'),
      size: t('shieldKeySize'),
      reviewed: t('shieldKeyReviewed'),
      note: t('shieldKeyNote'),
      sound: t('shieldKeySound'),
      frames: t('shieldKeyFrames'),
      speed: t('shieldKeySpeed'),
      viewer: t('shieldKeyViewer'),
      storyboard: t('shieldKeyStoryboard'),
    },
  };
}

/** A lock with what the card says about it, in the person's language and their time zone's clock. */
export function tellLock(lock: RevealLock | null, t: Translate<MessageKey>, language: Pick<Language, 'tag'>, timeZone?: string): ToldLock | null {
  if (!lock) return null;
  const time = formatClock(lock.until, language.tag, timeZone);
  const key = lock.reason === 'break' ? 'shieldLockedBreak' : lock.reason === 'cap' ? 'shieldLockedCap' : 'shieldLockedBedtime';
  return { ...lock, text: t(key, time) };
}
