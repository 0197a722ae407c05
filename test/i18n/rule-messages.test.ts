import { describe, expect, it } from 'vitest';
import { auditExample } from '../helpers/audit-example.js';
import { RULE_DOCS_ID, RULE_FIXES_ID, RULE_MESSAGES_ID } from '../../src/i18n/rules-id/index.js';
import { firstSentence } from '../../src/scoring/rank-actions.js';
import { RULE_CATALOGUE } from '../../src/rules/index.js';
import { isKnownFormat, templateFormats, templateKeys } from '../../src/rules/message.js';
import { FORMATS_ID } from '../../src/rules/message-formats-id.js';
import { findingMessageIn } from '../../src/rules/translate-finding.js';

const keysOf = (template: string): string[] => [...new Set(templateKeys(template))].sort();

describe('Indonesian rule messages', () => {
  it('every rule has Indonesian templates for exactly its message ids', () => {
    expect(Object.keys(RULE_MESSAGES_ID).sort()).toEqual(
      RULE_CATALOGUE.map((meta) => meta.id).sort(),
    );
    for (const meta of RULE_CATALOGUE) {
      expect({ rule: meta.id, ids: Object.keys(RULE_MESSAGES_ID[meta.id] ?? {}).sort() }).toEqual({
        rule: meta.id,
        ids: Object.keys(meta.messages).sort(),
      });
    }
  });

  it('each Indonesian template uses the same placeholders as the English one, with known formats', () => {
    for (const meta of RULE_CATALOGUE) {
      for (const [messageId, english] of Object.entries(meta.messages)) {
        const indonesian = RULE_MESSAGES_ID[meta.id]?.[messageId] ?? '';
        const where = `${meta.id} ${messageId}`;
        expect({ where, keys: keysOf(indonesian) }).toEqual({ where, keys: keysOf(english) });
        const unknown = templateFormats(indonesian).filter((f) => !isKnownFormat(f, FORMATS_ID));
        expect({ where, unknown }).toEqual({ where, unknown: [] });
        // A template of placeholders alone (`{{cells|each}}`) reads the same in both.
        if (/\p{L}{2}/u.test(english.replace(/\{\{[^}]*\}\}/g, '')))
          expect(indonesian, where).not.toBe(english);
      }
    }
  });

  it('renders a finding from its message id and facts, English untouched', () => {
    const finding = {
      rule: 'overlap/collision',
      messageId: 'sameDayAgain',
      data: {
        first: 'qbr',
        second: 'renewal-reminder',
        segments: ['enterprise', 'smb'],
        day: 275,
        more: 3,
        suggestion: { touchpoint: 'qbr', from: 275, to: 282.5 },
        calendar: ['qbr'],
      },
      message: 'the English message',
    };
    expect(findingMessageIn('id')(finding)).toBe(
      "'qbr' dan 'renewal-reminder' sama-sama menjangkau enterprise dan smb pada hari 275 (dan 3 kali lagi); geser 'qbr' dari hari 275 ke hari 282,5 (qbr: mengikuti kalender, ditempatkan pada penyelarasan terburuk)",
    );
    expect(findingMessageIn('en')(finding)).toBe('the English message');
  });

  it('writes Indonesian days, lists, counts, dates and metric values', () => {
    const id = findingMessageIn('id');
    expect(
      id({
        rule: 'gap/silence',
        messageId: 'silence',
        data: { segments: ['(all)'], days: 46.5, from: 30, to: 76.5, limit: 1 },
        message: '',
      }),
    ).toBe(
      'semua pelanggan tidak menerima sentuhan proaktif apa pun selama 46,5 hari, dari hari 30 sampai hari 76,5 (batas 1 hari)',
    );
    expect(
      id({
        rule: 'gap/below-target',
        messageId: 'belowTarget',
        data: {
          metric: 'resolution_time',
          value: 1.408,
          target: 1,
          targetText: '<= 1h',
          op: '<=',
          unit: 'hours',
          attainment: 0.71,
        },
        message: '',
      }),
    ).toBe('resolution_time sebesar 1 jam 24 menit, targetnya <= 1 jam (pencapaian 71%)');
    expect(
      id({
        rule: 'waiver/expired',
        messageId: 'expiredOn',
        data: { rule: 'gap/no-data', touchpoint: 'nps', expires: '2026-12-02' },
        message: '',
      }),
    ).toBe(
      "waiver untuk gap/no-data pada 'nps' sudah berakhir pada 2 Desember 2026 dan tidak berlaku lagi",
    );
    expect(
      id({
        rule: 'ownerless/over-capacity',
        messageId: 'overCapacity',
        data: { owner: 'cs', count: 1200, capacity: 6 },
        message: '',
      }),
    ).toBe("owner 'cs' memegang 1.200 touchpoint, melebihi kapasitasnya sebanyak 6");
  });
});

describe('Indonesian fixes', () => {
  it('every rule has its one-sentence fix in Indonesian', () => {
    expect(Object.keys(RULE_FIXES_ID).sort()).toEqual(RULE_CATALOGUE.map((m) => m.id).sort());
    for (const fix of Object.values(RULE_FIXES_ID)) expect(fix).toMatch(/^[A-Z].*\.$/u);
  });
});

describe('Indonesian messages of the examples', () => {
  it.each(['b2b-saas', 'b2c-retail'])(
    'every finding of examples/%s reads in Indonesian',
    async (example) => {
      const report = await auditExample(example);
      const id = findingMessageIn('id');
      expect(report.findings.length).toBeGreaterThan(5);
      for (const finding of report.findings) {
        const message = id(finding);
        expect(message).not.toBe(finding.message);
        expect(message).not.toMatch(/undefined|\{\{/);
      }
    },
  );
});

describe('Indonesian rule docs', () => {
  it('every rule says what it checks and why in Indonesian, for explain and rules', () => {
    expect(Object.keys(RULE_DOCS_ID).sort()).toEqual(RULE_CATALOGUE.map((m) => m.id).sort());
    for (const meta of RULE_CATALOGUE) {
      const docs = RULE_DOCS_ID[meta.id];
      expect(docs?.description, meta.id).toMatch(/^\S.*\.$/u);
      expect(docs?.rationale, meta.id).toMatch(/^\S.*\.$/u);
      // A fix of more than one sentence in English says the rest in Indonesian too.
      if (firstSentence(meta.fix) !== meta.fix.trim()) expect(docs?.fixMore, meta.id).toBeDefined();
    }
  });
});
