import { defineRule } from '../rule.js';

/**
 * The entry of the file a schema problem is in: `entry` is touchpoint, owner, waiver or source
 * (with its `id`, or its 1-based `number` when it has none), or the whole inventory or config.
 * Templates word it with `{{entry|subject}}`.
 */
export interface SchemaEntry {
  entry: 'touchpoint' | 'owner' | 'waiver' | 'source' | 'segment' | 'inventory' | 'config';
  id?: string;
  number?: number;
}

/**
 * The facts of a schema problem: the entry it is in, and as many of these as its message uses.
 * Values the user wrote are kept as written (`value`, `item`), strings cut to 40 characters
 * where the message quotes them whole.
 */
export interface SchemaInvalidData extends Partial<SchemaEntry> {
  /** The field path inside the entry (`timing.at`), or inside the file for config keys. */
  field?: string;
  key?: string;
  property?: string;
  value?: unknown;
  item?: unknown;
  allowed?: unknown;
  expected?: string[];
  suggestion?: string;
  segment?: unknown;
  segments?: string[];
  problem?: string;
  touchpoint?: string;
  anchor?: string;
  range?: 'offset' | 'positive' | 'length';
  firstFile?: string;
  firstLine?: number;
  limit?: number;
  stars?: number;
  perTouchpoint?: number;
  total?: number;
}

export default defineRule<SchemaInvalidData>()({
  phase: 'validate',
  meta: {
    id: 'schema/invalid',
    defaultSeverity: 'error',
    description:
      'An entry breaks the inventory schema: a required field (purpose, timing, channel, metric…) is missing, a value has the wrong type, a duration or target cannot be read, or a timing mixes shapes.',
    rationale:
      'Good practice requires every touchpoint to have a purpose, deliberate timing, a channel, an owner and a success metric; without them it cannot be audited or improved.',
    fix: 'Add the missing field or correct the value as the message says; `touchpoint schema inventory` prints the full schema.',
    // The schema translator (src/schema/translate-errors.ts), the inventory and config loaders
    // and the timeline step find these problems and hand over the message id and facts.
    messages: {
      // JSON Schema errors, by keyword.
      durationNeedsUnit:
        '{{field}} of {{entry|subject}} has a duration target, which needs unit: seconds, minutes, hours or days to convert it to',
      missing: '{{entry|subject}} has no {{property}}',
      missingInField: '{{field}} of {{entry|subject}} has no {{property}}',
      reactiveTimingKey:
        "'{{key}}' does not belong in the timing of {{entry|subject}}: a reactive timing takes only trigger and sla",
      alwaysOnTimingKey:
        "'{{key}}' does not belong in the timing of {{entry|subject}}: an always-on timing takes only continuous: true",
      scheduledTimingKey:
        "'{{key}}' does not belong in the timing of {{entry|subject}}: a scheduled timing takes only anchor, at, every and until",
      timingKey:
        "'{{key}}' does not belong in the timing of {{entry|subject}}: this key is not allowed here",
      badDuration:
        '{{field|else:value}} of {{entry|subject}} is {{value|written}}, which is not valid: use an integer and a unit such as 3d, -90d, 2w, 3mo, 1y, 4h, or P3M',
      badOffset:
        '{{field|else:value}} of {{entry|subject}} is {{value|written}}, which is not valid: use an integer and a unit such as 3d, -90d, 2w, 3mo, 1y, 4h, or P3M, or a window such as 2d..3d',
      badIdentifier:
        '{{field|else:value}} of {{entry|subject}} is {{value|written}}, which is not valid: use letters, digits, -, _ and . (e.g. welcome-email)',
      badPattern:
        '{{field|else:value}} of {{entry|subject}} is {{value|written}}, which is not valid: see the schema for the expected form',
      badTarget:
        'metric target of {{entry|subject}} is {{value|written}}: write a comparison and a number such as ">= 0.9", "<= 4", "90%" or "<= 1h", or a map of segments to such targets',
      badSegmentTarget:
        'target {{segment|written}} of {{entry|subject}} is {{value|written}}: write a comparison and a number such as ">= 0.9", "<= 4", "90%" or "<= 1h", or a map of segments to such targets',
      badJourney:
        'journey is {{value|written}}: use a preset (b2b-saas, b2c) or a list of stage ids',
      notValid: '{{field}} of {{entry|subject}} is {{value|written}}, which is not valid',
      unitNotTime:
        '{{field}} of {{entry|subject}} is {{value|written}}, but its target is a duration, which needs unit: seconds, minutes, hours or days',
      notAllowed:
        '{{field}} of {{entry|subject}} is {{value|written}}: expected one of {{allowed|commas}}',
      notAllowedSuggest:
        "{{field}} of {{entry|subject}} is {{value|written}}: expected one of {{allowed|commas}} — did you mean '{{suggestion}}'?",
      notConst: '{{field}} of {{entry|subject}} is {{value|written}}: it must be {{allowed|json}}',
      topLevel:
        'the top level of the {{entry}} must be a mapping of keys (version, touchpoints, …)',
      wrongType: '{{field|else:entry}} of {{entry|subject}} must be {{expected|jsonType}}',
      wrongTypeEmpty:
        '{{field|else:entry}} of {{entry|subject}} must be {{expected|jsonType}}, but it is empty',
      listedTwice: '{{field}} of {{entry|subject}} lists {{item|written}} twice',
      other: '{{field|else:value}} of {{entry|subject}} {{problem}}',
      // The inventory loader.
      fileNotMapping:
        'the top level of an inventory file must be a mapping of keys (version, touchpoints, …)',
      conflict:
        '{{key}} is declared differently in two files (first at {{firstFile}}:{{firstLine}})',
      lifecycleRange:
        "lifecycle event '{{anchor}}' is {{value|cell}}: a duration here must be {{range|durationRange}}",
      segmentLifecycleRange:
        "lifecycle event '{{anchor}}' of segment '{{segment}}' is {{value|cell}}: a duration here must be {{range|durationRange}}",
      timingRange:
        "{{field}} of touchpoint '{{touchpoint}}' is {{value|cell}}: a duration here must be {{range|durationRange}}",
      reversedWindow:
        "{{field}} of touchpoint '{{touchpoint}}' is {{value|json}}: a window ends after it starts (2d..3d)",
      missingSegmentTiming:
        "timing of touchpoint '{{touchpoint}}' has no timing for segment {{segments|names}}: add it, or a default:",
      missingSegmentTimings:
        "timing of touchpoint '{{touchpoint}}' has no timing for segments {{segments|names}}: add them, or a default:",
      // The config loader.
      configNotMapping: 'the config must be a mapping of keys',
      configRange: '{{field}} is {{value|json}}: a duration here must be {{range|durationRange}}',
      emptyGlob: 'a glob may not be empty',
      globTooManyStars:
        "a glob with classes, braces or extglobs may hold at most {{limit}} '*' (this one has {{stars}})",
      // The timeline step of the audit.
      calendarUnaligned:
        "calendar touch '{{touchpoint}}' was placed from day 0 without its worst-case alignment: the search looks at no more than {{budget|number}} timeline occurrences in one audit, and the calendar touches before it used them up (fewer calendar touches per segment, or a shorter lifecycle, bring the search back)",
      truncated:
        "the recurrence of touchpoint '{{touchpoint}}' was cut short: the timeline holds at most {{perTouchpoint|number}} occurrences per touchpoint and {{total|number}} recurrences (counted per segment) in all; use a longer every: or an until:",
    },
  },
});
