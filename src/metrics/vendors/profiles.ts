import type { MetricMapping } from '../../config/config.js';

/**
 * A vendor export recognised from its header alone, and how it is usually mapped. Column names
 * are written as the vendor writes them and compared like headers (case, spaces and dashes
 * aside). Pure data: `recognise-vendor.ts` matches and fills it in.
 */
export interface VendorProfile {
  /** Stable id (`zendesk-tickets`), for findings' data and `touchpoint sources -f json`. */
  id: string;
  /** What a person calls the file: `Zendesk ticket export`. */
  name: string;
  /** Columns the header has, all of them; `first` also fixes the first column. */
  columns: readonly string[];
  first?: string;
  /** Inventory channels whose touchpoints a file of this kind measures (for a fixed id). */
  channels: readonly string[];
  /**
   * Where the touchpoint comes from: a column naming it per row (a campaign, a flow; `first`
   * means the header's first column, GA's dimension), or the whole file is one touchpoint,
   * with this id when the inventory has none on the profile's channels.
   */
  touchpoint: { column: string } | { id: string };
  /** Date column: the first of these the header has. */
  date?: readonly string[];
  /** The order the vendor writes numeric dates in, for the values that leave it open. */
  dateOrder?: 'dmy' | 'mdy' | 'ymd';
  /** The table of a multi-table report that holds the rows (Zoom's `Attendee Details`). */
  section?: string;
  /** Header rows after the header (Qualtrics' labels, SurveyMonkey's option names). */
  skipRows?: number;
  /** Rows the usual metrics count. */
  filter?: Readonly<Record<string, readonly string[]>>;
  /**
   * The usual metrics; one whose columns the header lacks is left out. `QUESTION` stands for
   * the survey's score question (a column that is none of `columns` nor `meta`).
   */
  metrics: readonly MetricMapping[];
  /** Columns that are neither questions nor metrics (survey metadata). */
  meta?: readonly string[];
}

/** Stands for the survey question a profile's metric reads: the matcher picks the column. */
export const QUESTION = '<question>';

const EMAIL_RATES = (delivered: string): MetricMapping[] => [
  { metric: 'open_rate', ratio: { numerator: 'Unique Opens', denominator: delivered } },
  { metric: 'click_rate', ratio: { numerator: 'Unique Clicks', denominator: delivered } },
  { metric: 'unsubscribe_rate', ratio: { numerator: 'Unsubscribes', denominator: delivered } },
];

const SURVEY_SCORE: MetricMapping[] = [
  { metric: 'csat', aggregate: { fn: 'mean', column: QUESTION } },
  { metric: 'responses', aggregate: { fn: 'count' } },
];

/** Profiles in matching order: with two matches, the one naming more columns wins. */
export const VENDOR_PROFILES: readonly VendorProfile[] = [
  {
    id: 'mailchimp-campaigns',
    name: 'Mailchimp campaign report',
    columns: ['Title', 'Send Date', 'Successful Deliveries', 'Unique Opens', 'Unique Clicks'],
    channels: ['email'],
    touchpoint: { column: 'Title' },
    date: ['Send Date'],
    metrics: EMAIL_RATES('Successful Deliveries'),
  },
  {
    id: 'klaviyo-campaigns',
    name: 'Klaviyo campaign export',
    columns: ['Campaign Name', 'Send Time', 'Successful Deliveries', 'Unique Opens'],
    channels: ['email', 'sms'],
    touchpoint: { column: 'Campaign Name' },
    date: ['Send Time'],
    metrics: EMAIL_RATES('Successful Deliveries'),
  },
  {
    id: 'klaviyo-flows',
    name: 'Klaviyo flow export',
    columns: ['Flow Name', 'Status', 'Successful Deliveries', 'Unique Opens'],
    channels: ['email', 'sms'],
    touchpoint: { column: 'Flow Name' },
    date: ['Day', 'Date'],
    filter: { Status: ['Live', 'Manual'] },
    metrics: EMAIL_RATES('Successful Deliveries'),
  },
  {
    id: 'zoom-webinar-attendees',
    name: 'Zoom webinar attendee report',
    columns: ['Attended', 'Registration Time', 'Join Time', 'Time in Session (minutes)'],
    channels: ['webinar', 'video-call'],
    touchpoint: { id: 'webinar' },
    date: ['Registration Time'],
    dateOrder: 'mdy',
    section: 'Attendee Details',
    metrics: [
      {
        metric: 'attendance_rate',
        aggregate: { fn: 'share', column: 'Attended', where: { in: 'Yes' } },
      },
      {
        metric: 'minutes_in_session',
        aggregate: { fn: 'mean', column: 'Time in Session (minutes)' },
        filter: { Attended: 'Yes' },
      },
    ],
  },
  {
    id: 'qualtrics',
    name: 'Qualtrics survey export',
    columns: ['StartDate', 'EndDate', 'RecordedDate', 'ResponseId'],
    channels: ['survey'],
    touchpoint: { id: 'csat-survey' },
    date: ['RecordedDate'],
    // The label row; the ImportId row after it is recognised by the reader.
    skipRows: 1,
    meta: [
      'Status',
      'IPAddress',
      'Progress',
      'Duration (in seconds)',
      'Finished',
      'RecipientLastName',
      'RecipientFirstName',
      'RecipientEmail',
      'ExternalReference',
      'LocationLatitude',
      'LocationLongitude',
      'DistributionChannel',
      'UserLanguage',
    ],
    metrics: SURVEY_SCORE,
  },
  {
    id: 'qualtrics-legacy',
    name: 'Qualtrics legacy survey export',
    first: 'V1',
    columns: ['V1', 'V2', 'V8', 'V9'],
    channels: ['survey'],
    touchpoint: { id: 'csat-survey' },
    date: ['V8'],
    skipRows: 1,
    meta: ['V3', 'V4', 'V5', 'V6', 'V7', 'V10'],
    metrics: SURVEY_SCORE,
  },
  {
    id: 'google-forms',
    name: 'Google Forms response export',
    first: 'Timestamp',
    columns: ['Timestamp'],
    channels: ['survey'],
    touchpoint: { id: 'csat-survey' },
    date: ['Timestamp'],
    dateOrder: 'mdy',
    meta: ['Email Address', 'Score'],
    metrics: SURVEY_SCORE,
  },
  {
    id: 'microsoft-forms',
    name: 'Microsoft Forms response export',
    first: 'ID',
    columns: ['ID', 'Start time', 'Completion time', 'Email', 'Name'],
    channels: ['survey'],
    touchpoint: { id: 'csat-survey' },
    date: ['Completion time'],
    dateOrder: 'mdy',
    meta: ['Last modified time', 'Total points', 'Quiz feedback'],
    metrics: SURVEY_SCORE,
  },
  {
    id: 'typeform',
    name: 'Typeform response export',
    first: '#',
    columns: ['#', 'Submit Date (UTC)'],
    channels: ['survey'],
    touchpoint: { id: 'csat-survey' },
    date: ['Submit Date (UTC)'],
    meta: ['Response Type', 'Start Date (UTC)', 'Stage Date (UTC)', 'Network ID', 'Tags', 'Ending'],
    metrics: SURVEY_SCORE,
  },
  {
    id: 'surveymonkey',
    name: 'SurveyMonkey response export',
    columns: ['Respondent ID', 'Collector ID', 'Start Date', 'End Date'],
    channels: ['survey'],
    touchpoint: { id: 'csat-survey' },
    date: ['End Date'],
    dateOrder: 'mdy',
    // The second header row names each question's options (`Response`, `Open-Ended Response`).
    skipRows: 1,
    meta: ['IP Address', 'Email Address', 'First Name', 'Last Name', 'Custom Data 1'],
    metrics: SURVEY_SCORE,
  },
  {
    id: 'zendesk-tickets',
    name: 'Zendesk ticket export',
    columns: ['Id', 'Created at', 'Satisfaction Score'],
    channels: ['support-ticket', 'chat', 'phone'],
    touchpoint: { id: 'support-ticket' },
    date: ['Created at'],
    metrics: [
      {
        metric: 'first_reply_hours',
        aggregate: { fn: 'mean', column: 'First reply time in minutes' },
        unit: 'minutes',
      },
      {
        metric: 'csat',
        aggregate: {
          fn: 'share',
          column: 'Satisfaction Score',
          where: { in: ['Good'], of: ['Good', 'Bad'] },
        },
      },
      { metric: 'tickets', aggregate: { fn: 'count' } },
    ],
  },
  {
    id: 'freshdesk-tickets',
    name: 'Freshdesk ticket export',
    columns: ['Ticket ID', 'Status', 'Priority', 'Created time'],
    channels: ['support-ticket', 'chat', 'phone'],
    touchpoint: { id: 'support-ticket' },
    date: ['Created time'],
    metrics: [
      {
        metric: 'first_response_hours',
        aggregate: { fn: 'mean', column: 'First response time (in hrs)' },
      },
      { metric: 'resolution_hours', aggregate: { fn: 'mean', column: 'Resolution time (in hrs)' } },
      { metric: 'tickets', aggregate: { fn: 'count' } },
    ],
  },
  {
    id: 'google-analytics',
    name: 'Google Analytics (Universal) report',
    columns: ['Sessions', 'Bounce Rate'],
    channels: ['website', 'ads', 'social'],
    touchpoint: { column: 'first' },
    date: ['Date', 'Day Index'],
    metrics: [
      { metric: 'sessions', aggregate: { fn: 'sum', column: 'Sessions' } },
      { metric: 'bounce_rate', value: 'Bounce Rate' },
    ],
  },
  {
    id: 'google-analytics-nl',
    name: 'Google Analytics (Universal) report, Dutch',
    columns: ['Sessies', 'Bouncepercentage'],
    channels: ['website', 'ads', 'social'],
    touchpoint: { column: 'first' },
    date: ['Datum', 'Dagindex'],
    metrics: [
      { metric: 'sessions', aggregate: { fn: 'sum', column: 'Sessies' } },
      { metric: 'bounce_rate', value: 'Bouncepercentage' },
    ],
  },
  {
    id: 'google-analytics-4',
    name: 'Google Analytics 4 report',
    columns: ['Sessions', 'Engaged sessions', 'Engagement rate'],
    channels: ['website', 'ads', 'social'],
    touchpoint: { column: 'first' },
    date: ['Date'],
    metrics: [
      { metric: 'sessions', aggregate: { fn: 'sum', column: 'Sessions' } },
      {
        metric: 'engagement_rate',
        ratio: { numerator: 'Engaged sessions', denominator: 'Sessions' },
      },
    ],
  },
  {
    id: 'whatsapp-broadcast-id',
    name: 'WhatsApp broadcast sheet (Indonesian)',
    columns: ['Nomor WhatsApp', 'Status', 'Dibaca'],
    channels: ['whatsapp'],
    touchpoint: { id: 'whatsapp-broadcast' },
    date: ['Tanggal Kirim', 'Tanggal'],
    dateOrder: 'dmy',
    filter: { Status: ['Terkirim'] },
    metrics: [
      { metric: 'read_rate', aggregate: { fn: 'share', column: 'Dibaca', where: { in: 'Ya' } } },
      { metric: 'reply_rate', aggregate: { fn: 'share', column: 'Dibalas', where: { in: 'Ya' } } },
    ],
  },
  {
    id: 'whatsapp-broadcast-en',
    name: 'WhatsApp broadcast sheet',
    columns: ['WhatsApp Number', 'Status', 'Read'],
    channels: ['whatsapp'],
    touchpoint: { id: 'whatsapp-broadcast' },
    date: ['Sent Date', 'Date'],
    filter: { Status: ['Delivered'] },
    metrics: [
      { metric: 'read_rate', aggregate: { fn: 'share', column: 'Read', where: { in: 'Yes' } } },
      { metric: 'reply_rate', aggregate: { fn: 'share', column: 'Replied', where: { in: 'Yes' } } },
    ],
  },
];
