import { describe, expect, it } from 'vitest';
import { auditExample } from '../helpers/audit-example.js';
import { SCORE_TEXTS_ID } from '../../src/i18n/score-texts-id.js';
import type { ScoreText, TouchpointScore } from '../../src/report.js';
import { FORMATS, isKnownFormat, templateFormats, templateKeys } from '../../src/rules/message.js';
import { FORMATS_ID } from '../../src/rules/message-formats-id.js';
import { scoreWordingIn } from '../../src/rules/translate-finding.js';
import { englishScoreText, scoreText, SCORE_TEXTS_EN } from '../../src/scoring/score-texts.js';

const keysOf = (template: string): string[] => [...new Set(templateKeys(template))].sort();

/** Every text of a score with the English string it stands for. */
function textsOf(t: TouchpointScore): [ScoreText, string][] {
  const texts = t.texts;
  if (texts === undefined) return [];
  const pairs: [ScoreText, string][] = t.components.map((c, i) => [
    texts.components[i] ?? scoreText('base'),
    c.label,
  ]);
  if (texts.capped !== undefined) pairs.push([texts.capped, t.capped ?? '']);
  if (texts.nextLevel !== undefined) pairs.push([texts.nextLevel, t.nextLevel ?? '']);
  return pairs;
}

describe('Indonesian score texts', () => {
  it('every English score text has an Indonesian one with the same placeholders and known formats', () => {
    expect(Object.keys(SCORE_TEXTS_ID).sort()).toEqual(Object.keys(SCORE_TEXTS_EN).sort());
    for (const [id, english] of Object.entries(SCORE_TEXTS_EN)) {
      const indonesian = SCORE_TEXTS_ID[id] ?? '';
      expect({ id, keys: keysOf(indonesian) }).toEqual({ id, keys: keysOf(english) });
      expect(templateFormats(english).filter((f) => !isKnownFormat(f, FORMATS))).toEqual([]);
      expect(templateFormats(indonesian).filter((f) => !isKnownFormat(f, FORMATS_ID))).toEqual([]);
      // Templates of placeholders alone (`{{ids|list}}`) read the same in both.
      if (/\p{L}{2}/u.test(english.replace(/\{\{[^}]*\}\}/g, '')))
        expect(indonesian, id).not.toBe(english);
    }
  });

  it('words nested texts, values, days and dates the Indonesian way', () => {
    const id = scoreWordingIn('id');
    const stale = scoreText('evidence', {
      why: scoreText('stale', {
        metric: 'open_rate',
        latest: '2026-09-01',
        age: 75,
        asOf: '2026-11-15',
      }),
    });
    expect(englishScoreText(stale)).toBe(
      'evidence: open_rate data stale (latest 2026-09-01, 75 days before 2026-11-15)',
    );
    expect(id(stale, 'unused')).toBe(
      'bukti data: data open_rate usang (terakhir 1 September 2026, 75 hari sebelum 15 November 2026)',
    );
    const next = scoreText('nextLevel', {
      level: 3,
      need: scoreText('needs', {
        needs: [
          scoreText('lower', {
            metric: 'first_reply_hours',
            segment: scoreText('forSegment', { segment: 'enterprise' }),
            from: '1 h 24 min',
            to: '1 h',
          }),
          scoreText('raiseAbove', { metric: 'csat', from: '4.2', to: '4.5' }),
        ],
      }),
    });
    expect(englishScoreText(next)).toBe(
      'to reach L3: lower first_reply_hours for enterprise from 1 h 24 min to 1 h and raise csat from 4.2 to above 4.5',
    );
    expect(id(next, 'unused')).toBe(
      'untuk mencapai L3: turunkan first_reply_hours untuk enterprise dari 1 jam 24 menit menjadi 1 jam dan naikkan csat dari 4,2 menjadi lebih dari 4,5',
    );
    expect(
      id(scoreText('capMore', { first: scoreText('capUnknownOwner'), more: 2 }), 'unused'),
    ).toBe('owner tidak ada di daftar (+2 lainnya)');
    // English, and a report read back from JSON (no texts), keep the report's words.
    expect(scoreWordingIn('en')(next, 'as in the report')).toBe('as in the report');
    expect(id(undefined, 'as in the report')).toBe('as in the report');
  });

  it.each(['b2b-saas', 'b2c-retail'])(
    'every score text of examples/%s is the English string it stands for, and reads in Indonesian',
    async (example) => {
      const report = await auditExample(example);
      const id = scoreWordingIn('id');
      const pairs = (report.scores?.touchpoints ?? []).flatMap(textsOf);
      expect(pairs.length).toBeGreaterThan(20);
      for (const [text, english] of pairs) {
        expect(englishScoreText(text)).toBe(english);
        const indonesian = id(text, english);
        expect(indonesian).not.toMatch(/undefined|\{\{|\[object/);
        if (text.messageId !== 'base' && !/^\{\{/.test(SCORE_TEXTS_EN[text.messageId as 'base']))
          expect(indonesian).not.toBe(english);
      }
    },
  );
});
