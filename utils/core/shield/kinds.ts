/** The kinds of media item the shield covers (named on cards, counted on the dashboard). */
export type MediaKind = 'image' | 'video' | 'audio' | 'canvas' | 'embed' | 'frame' | 'background';
