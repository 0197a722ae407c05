import { describe, expect, it } from 'vitest';
import { familyTitle, ruleFamily, sortFamilies } from '../../src/shared/rule-family.js';

describe('rule families', () => {
  it('takes the family from the id', () => {
    expect(ruleFamily('overlap/collision')).toBe('overlap');
    expect(ruleFamily('observed/not-sent')).toBe('observed');
    expect(ruleFamily('schema')).toBe('schema');
  });

  it('titles the known families and keeps an unknown id', () => {
    expect(familyTitle('metrics')).toBe('Metric exports');
    expect(familyTitle('observed')).toBe('Observed cadence');
    expect(familyTitle('plugin')).toBe('plugin');
  });

  it('sorts in report order, unknown families last and alphabetically, each once', () => {
    expect(
      sortFamilies(['waiver', 'zeta', 'schema', 'observed', 'gap', 'alpha', 'gap', 'overlap']),
    ).toEqual(['gap', 'overlap', 'observed', 'schema', 'waiver', 'alpha', 'zeta']);
  });
});
