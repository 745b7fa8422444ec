import { COMMON_EXCHANGE_NAMES } from '../names';
import { GENERIC_BIND_VOCABULARY, MAX_PAIR_DISTANCE } from '../readers/generic';
import type { PlatformDefinition } from '../types';

// Any other site with a bind form (a platform Keyward has no module for, a bot's own dashboard).
// Keyward offers to fill there only once the user has allowed the site in the popup; the site is
// then filled under the same rules as a known platform. Fields are found by the generic
// vocabulary (English, Chinese, Russian), and a key and secret far apart are not one form.

export const generic: PlatformDefinition = {
  id: 'generic',
  name: 'Other site',
  hosts: [],
  selfHosted: true,
  bindPages: [],
  vocabulary: GENERIC_BIND_VOCABULARY,
  exchangeNames: { ...COMMON_EXCHANGE_NAMES },
  publishedIps: null,
  maxPairDistance: MAX_PAIR_DISTANCE,
  fixtures: ['generic-bind/index.html', 'generic-bind/zh/index.html', 'generic-bind/ru/index.html'],
};
