import { describe, expect, it } from 'vitest';
import { metricKey, type MetricsResult } from '../../src/metrics/types.js';
import type { MetricSource } from '../../src/config/config.js';
import { renderFilesRead } from '../../src/reporters/files-read.js';
import { findings, mean, read } from './vendor-read.js';

/** The Zoom attendee mapping of the README, with the section it reads. */
const ZOOM: Omit<MetricSource, 'match'> = {
  touchpoint: { id: 'onboarding-webinar' },
  date: 'Registration Time',
  section: 'Attendee Details',
  metrics: [
    {
      metric: 'attendance_rate',
      aggregate: { fn: 'share', column: 'Attended', where: { in: ['Yes'] } },
    },
    {
      metric: 'minutes_in_session',
      aggregate: { fn: 'mean', column: 'Time in Session (minutes)' },
      filter: { Attended: ['Yes'] },
    },
  ],
};

/** Every value of a result with its row count. */
function valuesAndRows(result: MetricsResult) {
  return [...result.values.values()].map((v) => [v.value, v.rows]);
}

function valueOf(result: MetricsResult, metric: string) {
  const value = result.values.get(metricKey('onboarding-webinar', metric));
  return [value?.value, value?.rows];
}

describe('sections of a multi-table report (section:)', () => {
  it('reads the Attendee Details table of a Zoom webinar report and nothing after it', async () => {
    const result = await read('zoom-webinar-sections.csv', ZOOM);
    // Rows 73-79: Ani, Budi twice (one row per join), Cici, Dedi, Eka, Fajar; 4 of 7 attended.
    expect(valueOf(result, 'attendance_rate')).toEqual([4 / 7, 7]);
    expect(valueOf(result, 'minutes_in_session')).toEqual([mean([60, 30, 20, 45]), 4]);
    // The 60 panelists before it and the Other Attended table after it are no bad rows.
    expect(findings(result)).toEqual([]);
    const [description] = result.descriptions;
    expect(description?.section).toEqual({ title: 'Attendee Details', line: 71 });
    expect(description?.sections).toEqual([
      'Attendee Report',
      'Host Details',
      'Panelist Details',
      'Attendee Details',
      'Other Attended',
    ]);
    // The header is past the first 50 lines: the search starts at the title.
    expect(description?.header).toEqual({ line: 72, by: 'evidence', columns: 12 });
    expect(description?.ended).toEqual({ line: 80, by: 'section' });
    // 70 records before the header: line 70 is blank, no record.
    expect(description?.skipped).toEqual({ preamble: 70, headerRows: 0, totals: 0 });
    // Registration Time 03/13/2026 (line 76) settles the column month-first.
    expect(description?.columns).toEqual([
      {
        name: 'Registration Time',
        column: 6,
        kind: 'date',
        order: 'mdy',
        by: 'evidence',
        sample: { line: 76, text: '03/13/2026 09:00:00 AM' },
      },
      { name: 'Time in Session (minutes)', column: 10, kind: 'number' },
    ]);
    expect(renderFilesRead(result.descriptions, process.cwd())).toContain(
      '  section "Attendee Details" (title at line 71)\n' +
        '  sections found: "Attendee Report", "Host Details", "Panelist Details", "Attendee Details", "Other Attended"\n',
    );
    expect(renderFilesRead(result.descriptions, process.cwd())).toContain(
      'nothing read after line 80 (the next section)',
    );
  });

  it('matches the title without case, extra spaces or a trailing colon', async () => {
    const result = await read('zoom-webinar-sections.csv', {
      ...ZOOM,
      section: '  attendee   DETAILS: ',
    });
    expect(valueOf(result, 'attendance_rate')).toEqual([4 / 7, 7]);
    expect(result.descriptions[0]?.section).toEqual({ title: 'Attendee Details', line: 71 });
  });

  it('a title the file lacks is a finding naming its sections, with did-you-mean', async () => {
    const result = await read('zoom-webinar-sections.csv', { ...ZOOM, section: 'Attendee Detail' });
    expect(result.values.size).toBe(0);
    expect(findings(result)).toEqual([
      [
        'metrics/unknown-column',
        1,
        'no section of "zoom-webinar-sections.csv" is titled "Attendee Detail" (the sources: entry\'s section:) — did you mean "Attendee Details"? Its sections are "Attendee Report", "Host Details", "Panelist Details", "Attendee Details", "Other Attended"',
      ],
    ]);
    const other = await read('zoom-webinar-sections.csv', { ...ZOOM, section: 'Registrants' });
    expect(findings(other)).toEqual([
      [
        'metrics/unknown-column',
        1,
        'no section of "zoom-webinar-sections.csv" is titled "Registrants" (the sources: entry\'s section:); its sections are "Attendee Report", "Host Details", "Panelist Details", "Attendee Details", "Other Attended"',
      ],
    ]);
  });

  it('a file without title lines says so', async () => {
    const result = await read('google-forms.csv', {
      touchpoint: 'Touchpoint',
      metric: 'csat',
      value: 'How satisfied are you?',
      date: 'Timestamp',
      section: 'Attendee Details',
    });
    expect(findings(result)).toEqual([
      [
        'metrics/unknown-column',
        1,
        'no section of "google-forms.csv" is titled "Attendee Details" (the sources: entry\'s section:): the file has no title lines (a line holding only a title, such as Attendee Details,)',
      ],
    ]);
  });

  it('a section whose title is followed by the next title has no table', async () => {
    const result = await read('zoom-empty-section.csv', ZOOM);
    expect(result.values.size).toBe(0);
    expect(findings(result)).toEqual([
      [
        'metrics/unknown-column',
        8,
        'the section "Attendee Details" has no table: the next section\'s title follows at line 9 before any header',
      ],
    ]);
  });

  it('without section: the header search stops after 50 records, and says why', async () => {
    const { section: _section, ...withoutSection } = ZOOM;
    const result = await read('zoom-webinar-sections.csv', withoutSection);
    expect(result.descriptions[0]?.section).toBeUndefined();
    expect(result.descriptions[0]?.sections).toBeUndefined();
    expect(result.values.size).toBe(0);
    expect(findings(result)).toEqual([
      [
        'metrics/unknown-column',
        1,
        'the header lacks the columns "Attended", "Time in Session (minutes)", "Registration Time" named by the sources: entry for "zoom-webinar-sections.csv"',
      ],
    ]);
  });
});

describe('label rows after the header are recognised without skipRows:', () => {
  it('Qualtrics: the label row and the ImportId row', async () => {
    const result = await read('qualtrics.csv', {
      touchpoint: 'touchpoint_id',
      metric: 'csat',
      value: 'Q1',
      date: 'RecordedDate',
    });
    expect(valuesAndRows(result)).toEqual([[mean([4, 5]), 2]]);
    expect(findings(result)).toEqual([]);
    expect(result.descriptions[0]?.skipped).toEqual({ preamble: 0, headerRows: 2, totals: 0 });
  });

  it('legacy Qualtrics: the label row under V1,V2,…', async () => {
    const result = await read('qualtrics-legacy.csv', {
      touchpoint: 'touchpoint_id',
      metric: 'nps',
      value: 'Q1',
      date: 'V8',
    });
    expect(valuesAndRows(result)).toEqual([[mean([9, 7]), 2]]);
    expect(findings(result)).toEqual([]);
    expect(result.descriptions[0]?.skipped.headerRows).toBe(1);
  });

  it('SurveyMonkey: the option row (Response, Open-Ended Response)', async () => {
    const result = await read('surveymonkey-options.csv', {
      touchpoint: { id: 'nps-survey' },
      date: 'End Date',
      metrics: [
        {
          metric: 'recommend_score',
          aggregate: { fn: 'mean', column: 'How likely are you to recommend us to a colleague?' },
        },
      ],
    });
    expect(valuesAndRows(result)).toEqual([[mean([10, 7, 6]), 3]]);
    expect(findings(result)).toEqual([]);
    expect(result.descriptions[0]?.skipped.headerRows).toBe(1);
  });

  it('a first row with a date or a number is data: its bad cells are a bad row', async () => {
    const result = await read('label-like-rows.csv');
    // Line 2: a word where the value belongs but a real date: a bad row, not a label row.
    // Line 3: a number: data. Line 4: a word and no date, but after the first data row.
    expect(findings(result).map(([rule, line]) => [rule, line])).toEqual([
      ['metrics/bad-row', 2],
      ['metrics/bad-row', 4],
    ]);
    expect(result.descriptions[0]?.skipped.headerRows).toBe(0);
  });
});
