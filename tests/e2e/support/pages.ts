/** Every extension page a person sees; each is checked once what it shows has loaded. */
export const extensionPages: Array<{ path: string; ready: string }> = [
  { path: 'popup.html', ready: 'main button' },
  { path: 'options.html', ready: '[data-testid=data-summary]' },
  { path: 'options.html#welcome', ready: '[data-testid=welcome-step]' },
  { path: 'dashboard.html', ready: '[data-testid=check-in]' },
  { path: 'break.html', ready: 'main h1' },
  { path: 'break.html#pause', ready: 'main h1' },
  { path: 'bedtime.html', ready: 'main h1' },
  { path: 'team.html', ready: 'input[name=summaries]' },
  { path: 'demo.html', ready: 'main img' },
];
