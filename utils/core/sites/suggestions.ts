import type { MessageKey } from '../i18n/keys';

/**
 * Sites people reviewing traumatic material commonly need covered, offered at first run and in
 * options to flag with one click each. Nothing is flagged without consent. Each suggestion lists
 * the hosts that serve its media too (e.g. twimg.com for X), so an image opened on its own is
 * covered as well. Team policies add sites of their own (source "team" in the site list).
 */
export interface SiteSuggestion {
  id: string;
  /** The service's own name: a proper noun, not translated. */
  name: string;
  category: SuggestionCategory;
  hosts: readonly string[];
}

export type SuggestionCategory = 'social' | 'video' | 'messaging' | 'evidence';

export const categoryLabels: Record<SuggestionCategory, MessageKey> = {
  social: 'suggestionCategorySocial',
  video: 'suggestionCategoryVideo',
  messaging: 'suggestionCategoryMessaging',
  evidence: 'suggestionCategoryEvidence',
};

export const siteSuggestions: readonly SiteSuggestion[] = [
  { id: 'x', name: 'X (Twitter)', category: 'social', hosts: ['x.com', 'twitter.com', 'twimg.com'] },
  { id: 'facebook', name: 'Facebook', category: 'social', hosts: ['facebook.com', 'fbcdn.net', 'fb.watch'] },
  { id: 'instagram', name: 'Instagram', category: 'social', hosts: ['instagram.com', 'cdninstagram.com'] },
  { id: 'threads', name: 'Threads', category: 'social', hosts: ['threads.net', 'threads.com'] },
  { id: 'tiktok', name: 'TikTok', category: 'social', hosts: ['tiktok.com', 'tiktokcdn.com', 'tiktokv.com'] },
  { id: 'reddit', name: 'Reddit', category: 'social', hosts: ['reddit.com', 'redd.it', 'redditmedia.com'] },
  { id: 'bluesky', name: 'Bluesky', category: 'social', hosts: ['bsky.app'] },
  { id: 'vk', name: 'VK', category: 'social', hosts: ['vk.com', 'vk.ru', 'userapi.com'] },
  { id: 'youtube', name: 'YouTube', category: 'video', hosts: ['youtube.com', 'youtu.be', 'youtube-nocookie.com', 'ytimg.com', 'googlevideo.com'] },
  { id: 'vimeo', name: 'Vimeo', category: 'video', hosts: ['vimeo.com', 'vimeocdn.com'] },
  { id: 'rumble', name: 'Rumble', category: 'video', hosts: ['rumble.com'] },
  { id: 'dailymotion', name: 'Dailymotion', category: 'video', hosts: ['dailymotion.com', 'dmcdn.net'] },
  { id: 'odysee', name: 'Odysee', category: 'video', hosts: ['odysee.com'] },
  { id: 'telegram', name: 'Telegram Web', category: 'messaging', hosts: ['web.telegram.org', 't.me', 'telesco.pe'] },
  { id: 'whatsapp', name: 'WhatsApp Web', category: 'messaging', hosts: ['web.whatsapp.com', 'whatsapp.net'] },
  { id: 'discord', name: 'Discord', category: 'messaging', hosts: ['discord.com', 'discordapp.com', 'discordapp.net'] },
  { id: 'messenger', name: 'Messenger', category: 'messaging', hosts: ['messenger.com'] },
  { id: 'archive-org', name: 'Internet Archive', category: 'evidence', hosts: ['archive.org'] },
  { id: 'archive-today', name: 'archive.today', category: 'evidence', hosts: ['archive.today', 'archive.ph', 'archive.is'] },
  { id: 'wikimedia', name: 'Wikimedia Commons', category: 'evidence', hosts: ['commons.wikimedia.org', 'upload.wikimedia.org'] },
  { id: 'google-drive', name: 'Google Drive', category: 'evidence', hosts: ['drive.google.com', 'drive.usercontent.google.com'] },
  { id: 'dropbox', name: 'Dropbox', category: 'evidence', hosts: ['dropbox.com', 'dropboxusercontent.com'] },
];
