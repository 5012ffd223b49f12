import type { ShieldPart } from '../part';
import { access } from './access';
import { backgrounds } from './backgrounds';
import { card } from './card';
import { discovery } from './discovery';
import { frames } from './frames';
import { guard } from './guard';
import { icons } from './icons';
import { ladder } from './ladder';
import { notes } from './notes';
import { outline } from './outline';
import { playing } from './playing';
import { recover } from './recover';
import { sound } from './sound';
import { viewer } from './viewer';
import { storyboard } from './storyboard';

/**
 * Every part of the page shield, in start order: the parts that listen for what discovery finds
 * start before it, so nothing found at start is missed. A new page-side protection is registered
 * here (tests/unit/shield-parts.test.ts checks that every file in this folder is).
 */
export const shieldParts: readonly ShieldPart[] = [
  guard,
  sound,
  playing,
  frames,
  icons,
  backgrounds,
  access,
  notes,
  recover,
  outline,
  card,
  storyboard,
  viewer,
  ladder,
  discovery,
];
