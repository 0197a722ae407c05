/** Stage lists of the journey presets (DESIGN §2.2). */
export const JOURNEY_PRESETS: Readonly<Record<string, readonly string[]>> = {
  b2c: ['awareness', 'consideration', 'purchase', 'post-purchase', 'loyalty'],
  'b2b-saas': [
    'awareness',
    'consideration',
    'purchase',
    'onboarding',
    'adoption',
    'retention',
    'expansion',
    'renewal',
    'advocacy',
    'support',
  ],
};
