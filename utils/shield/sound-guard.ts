/**
 * Keeps the sound of media off, and playback held, until the person chooses otherwise. Every
 * video and audio element starts muted and paused; the page cannot unmute or start it again
 * behind the person's back. Revealing the picture and turning on the sound are separate actions.
 */
export function createSoundGuard(isPictureRevealed: (media: HTMLMediaElement) => boolean, onAnySoundChanged: (on: boolean) => void = () => {}) {
  /** Media whose autoplay Gauze held; it starts (muted) once the picture is revealed. */
  const heldAutoplay = new WeakSet<HTMLMediaElement>();
  // Kept in this script's own memory, not in an attribute the page could set.
  const withSound = new WeakSet<HTMLMediaElement>();
  /** The same items, counted: the tab's own mute follows whether any has sound on. */
  const sounding = new Set<HTMLMediaElement>();
  const soundOn = (media: HTMLMediaElement) => withSound.has(media);
  const mayPlay = (media: HTMLMediaElement) => (media instanceof HTMLVideoElement ? isPictureRevealed(media) : soundOn(media));

  function guard(media: HTMLMediaElement): void {
    if (!soundOn(media) && !media.muted) media.muted = true;
    if (!mayPlay(media)) {
      if (media.autoplay) {
        heldAutoplay.add(media);
        media.autoplay = false;
      }
      if (!media.paused) media.pause();
    }
  }

  const onPlay = (event: Event) => {
    const media = event.target;
    if (!(media instanceof HTMLMediaElement)) return;
    if (!soundOn(media)) media.muted = true;
    if (!mayPlay(media)) {
      heldAutoplay.add(media);
      media.pause();
    }
  };
  const onVolume = (event: Event) => {
    const media = event.target;
    if (media instanceof HTMLMediaElement && !soundOn(media) && !media.muted) media.muted = true;
  };

  return {
    guard,
    /** Listens on a document or shadow root; media events do not cross shadow boundaries. */
    watch(root: Document | ShadowRoot): () => void {
      root.addEventListener('play', onPlay, true);
      root.addEventListener('playing', onPlay, true);
      root.addEventListener('volumechange', onVolume, true);
      root.addEventListener('loadstart', onVolume, true);
      return () => {
        root.removeEventListener('play', onPlay, true);
        root.removeEventListener('playing', onPlay, true);
        root.removeEventListener('volumechange', onVolume, true);
        root.removeEventListener('loadstart', onVolume, true);
      };
    },
    /** The picture was revealed: held autoplay resumes, still muted. */
    released(media: HTMLMediaElement): void {
      if (heldAutoplay.has(media)) {
        heldAutoplay.delete(media);
        void media.play().catch(() => undefined);
      }
    },
    hasSound: soundOn,
    anySound: () => sounding.size > 0,
    setSound(media: HTMLMediaElement, on: boolean): void {
      const before = sounding.size > 0;
      if (on) {
        withSound.add(media);
        sounding.add(media);
        media.muted = false;
      } else {
        withSound.delete(media);
        sounding.delete(media);
        media.muted = true;
      }
      if (before !== sounding.size > 0) onAnySoundChanged(sounding.size > 0);
    },
  };
}

export type SoundGuard = ReturnType<typeof createSoundGuard>;
