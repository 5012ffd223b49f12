import type { ShieldPart } from '../part';

/**
 * Sound stays off and playback held until the person chooses otherwise. Every video and audio
 * element starts muted and paused; the page cannot unmute or start it again behind the person's
 * back. Revealing a video's picture never starts it; its sound is a separate step (S, or the
 * card's button: both ask through the 'set-sound' event), and only that item's, no louder than the
 * volume ceiling (a setting; the page cannot turn it up). The tab itself is muted by the background while no item
 * here has its sound on (utils/services/sound.ts), which also silences Web Audio.
 */
export const sound: ShieldPart = {
  id: 'sound',
  start({ signal, env, events, items, settings, scopes }) {
    const soundOn = (media: HTMLMediaElement) => items.get(media)?.sound === true;
    const revealed = (media: HTMLMediaElement) => (items.get(media)?.step ?? 'cover') !== 'cover';
    // A video may play once its picture is revealed (silently); audio (no picture) once its sound is on.
    // (or in Gauze's viewer, where the person chose how to see it)
    const mayPlay = (media: HTMLMediaElement) => (media instanceof HTMLVideoElement ? revealed(media) || items.get(media)?.viewing === true : soundOn(media));
    /** How many items have their sound on: the tab's mute follows whether any has. */
    let sounding = 0;

    const hold = (media: HTMLMediaElement) => {
      // Picture-in-Picture is a window of its own, out of the cover's reach.
      if (media instanceof HTMLVideoElement && items.get(media)?.step !== 'full') media.disablePictureInPicture = true;
      if (!soundOn(media) && !media.muted) media.muted = true;
      if (!mayPlay(media)) {
        if (media.autoplay) media.autoplay = false;
        if (!media.paused) media.pause();
      }
    };
    const onPlay = (event: Event) => {
      const media = event.target;
      if (!(media instanceof HTMLMediaElement)) return;
      if (!soundOn(media)) media.muted = true;
      if (!mayPlay(media)) media.pause();
    };
    /** The loudest an item with its sound on may play (the person's or the team's ceiling). */
    const ceiling = () => Math.min(Math.max(settings().maxVolumePercent, 0), 100) / 100;
    const limit = (media: HTMLMediaElement) => {
      if (media.volume > ceiling()) media.volume = ceiling();
    };
    const onVolume = (event: Event) => {
      const media = event.target;
      if (!(media instanceof HTMLMediaElement)) return;
      if (!soundOn(media)) {
        if (!media.muted) media.muted = true;
      } else limit(media);
    };
    // Media events do not leave shadow roots: every root is listened to.
    // A page that takes a covered video to Picture-in-Picture anyway (the attribute removed): back.
    const onPictureInPicture = (event: Event) => {
      const video = event.target;
      if (video instanceof HTMLVideoElement && items.get(video)?.step !== 'full') void video.ownerDocument.exitPictureInPicture?.().catch(() => undefined);
    };
    const watch = (scope: Document | ShadowRoot) => {
      scope.addEventListener('enterpictureinpicture', onPictureInPicture, { capture: true, signal });
      for (const type of ['play', 'playing']) scope.addEventListener(type, onPlay, { capture: true, signal });
      for (const type of ['volumechange', 'loadstart']) scope.addEventListener(type, onVolume, { capture: true, signal });
    };
    for (const scope of scopes()) watch(scope);
    events.on('root', watch, signal);
    events.on('media', (media) => {
      items.ensure(media, media instanceof HTMLVideoElement ? 'video' : 'audio');
      hold(media);
    }, signal);

    const setSound = (media: HTMLMediaElement, on: boolean) => {
      const item = items.ensure(media, media instanceof HTMLVideoElement ? 'video' : 'audio');
      if (on && (!settings().soundAllowed || (media instanceof HTMLVideoElement && !revealed(media)))) return;
      if (item.sound !== on) {
        item.sound = on;
        sounding += on ? 1 : -1;
        if (sounding === (on ? 1 : 0)) env.send.sound(sounding > 0);
      }
      if (on) limit(media);
      media.muted = !on;
      events.emit('media-changed', media);
    };
    events.on('set-sound', ({ media, on }) => setSound(media, on), signal);
    events.on('set-playing', ({ media, playing }) => {
      if (!playing) media.pause();
      else if (mayPlay(media)) void media.play().catch(() => undefined);
    }, signal);

    events.on('step', ({ item, step }) => {
      if (!(item instanceof HTMLMediaElement)) return;
      // Picture-in-Picture only for a video shown in full (the person's own choice).
      if (item instanceof HTMLVideoElement) item.disablePictureInPicture = step !== 'full';
      if (step !== 'cover') return;
      setSound(item, false);
      if (!item.paused) item.pause();
    }, signal);
    events.on('cover-all', () => {
      for (const scope of scopes())
        for (const media of scope.querySelectorAll<HTMLMediaElement>('video, audio')) {
          if (soundOn(media)) setSound(media, false);
          if (!media.muted) media.muted = true;
          if (!media.paused) media.pause();
        }
    }, signal);

    // A lower ceiling (the person's, or a new team policy) applies to what plays now.
    events.on('settings', () => {
      for (const scope of scopes()) for (const media of scope.querySelectorAll<HTMLMediaElement>('video, audio')) if (soundOn(media)) limit(media);
    }, signal);

    signal.addEventListener('abort', () => {
      if (sounding > 0) env.send.sound(false);
    }, { once: true });
  },
};
