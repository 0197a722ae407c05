// Regenerates the sample metric exports of both examples:  node examples/generate-metrics.mjs
// The numbers come from a seeded generator, so the output is byte-identical on every run. The
// messy parts (BOM, CRLF, `;`, decimal commas, DD/MM/YYYY, a quoted cell holding `;` and a line
// break, bad rows, N/A cells, undocumented and ignored ids, stale rows) are deliberate: the
// README's "Examples" section lists the findings they produce.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

// Deterministic pseudo-random numbers (mulberry32), so regenerating gives the same files.
function seededRandom(start) {
  let seed = start;
  const rand = () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const between = (lo, hi, digits) => (lo + rand() * (hi - lo)).toFixed(digits);
  return { rand, between };
}
const iso = (d) => d.toISOString().slice(0, 10);
const addDays = (d, n) => new Date(d.getTime() + n * 86400000);
const weeks = [];
for (let d = new Date('2026-07-20T00:00:00Z'); d <= new Date('2026-11-09T00:00:00Z'); d = addDays(d, 7)) {
  weeks.push(d);
}
const months = ['2026-08-03', '2026-09-01', '2026-10-01', '2026-11-02'].map(
  (s) => new Date(s + 'T00:00:00Z'),
);

// ── examples/b2b-saas/metrics ──
{
  const out = `${here}b2b-saas/metrics/`;
  const { rand, between } = seededRandom(20261115);

  // email-platform.csv — long format
  const rows = [];
  const add = (id, metric, value, date, segment = '') =>
    rows.push({ id, metric, value, date: typeof date === 'string' ? date : iso(date), segment });
  for (const w of weeks) {
    for (const seg of ['enterprise', 'mid-market', 'smb'])
      add('welcome-email', 'open_rate', between(0.62, 0.71, 2), w, seg);
    add('onb-d1-campaign-2026', 'first_login_rate', between(0.71, 0.78, 2), w);
    add('onboarding-email-day-3', 'click_rate', between(0.06, 0.09, 3), w);
    add('onboarding-email-day-7', 'setup_completion_rate', between(0.51, 0.58, 2), w);
    add('website', 'visit_to_lead_rate', between(0.021, 0.027, 4), w);
    add('in-app-product-tour', 'tour_completion_rate', between(0.34, 0.41, 2), w);
    add('usage-nudge', 'reactivation_rate', between(0.21, 0.26, 2), w);
    add('upgrade-prompt', 'upgrade_conversion_rate', between(0.055, 0.068, 3), w, 'smb');
  }
  for (const m of months) {
    add('product-update-email', 'open_rate', between(0.28, 0.33, 2), addDays(m, 2), 'smb');
    add('renewal-reminder-90d', 'meeting_booked_rate', between(0.52, 0.6, 2), m);
    add('renewal-reminder-60d', 'reply_rate', between(0.31, 0.36, 2), m);
    add('renewal-reminder-30d', 'open_rate', between(0.44, 0.5, 2), m);
    add('referral-ask', 'referral_rate', between(0.06, 0.08, 3), m);
  }
  // Stale: the webinar platform's sync stopped in September.
  for (const d of ['2026-07-22', '2026-08-19', '2026-09-16'])
    add('product-webinar', 'attendance_rate', between(0.42, 0.46, 2), d);
  // Undocumented touchpoints: campaigns nobody put in the inventory.
  for (const d of ['2026-11-02', '2026-11-09'])
    add('black-friday-teaser', 'open_rate', between(0.22, 0.26, 2), d);
  for (const d of ['2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09'])
    add('trial-expiry-warning', 'open_rate', between(0.4, 0.5, 2), d, 'smb');
  // Seed-list test sends (ignored by the config).
  for (const d of ['2026-08-10', '2026-09-14', '2026-10-12'])
    add('seed-list-qa', 'open_rate', '1', d);
  // Messy rows.
  add('welcome-email', 'open_rate', '0.6.4', '2026-09-14', 'smb'); // unparsable number
  add('onboarding-email-day-7', 'setup_completion_rate', '0.55', '2026-13-02'); // invalid date
  add('onboarding-email-day-3', 'click_rate', 'N/A', '2026-08-31');
  add('usage-nudge', 'reactivation_rate', '', '2026-10-05');
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  writeFileSync(
    out + 'email-platform.csv',
    'touchpoint_id,metric,value,date,segment\n' +
      rows.map((r) => [r.id, r.metric, r.value, r.date, r.segment].join(',')).join('\n') +
      '\n',
  );

  // crm-export.csv — long format, no segment column
  const crm = [];
  const crmSpec = [
    ['demo-call', 'demo_to_proposal_rate', 0.52, 0.6, 2],
    ['proposal', 'proposal_win_rate', 0.24, 0.28, 2],
    ['kickoff-call', 'attendance_rate', 0.91, 0.96, 2],
    ['go-live-readiness-check', 'on_time_go_live_rate', 0.74, 0.81, 2],
    ['admin-training', 'users_trained_rate', 0.82, 0.88, 2],
    ['monthly-check-in', 'attendance_rate', 0.83, 0.9, 2],
    ['qbr', 'exec_attendance_rate', 0.62, 0.7, 2],
    ['health-score-alert', 'save_rate', 0.54, 0.63, 2],
    ['expansion-conversation', 'expansion_win_rate', 0.28, 0.34, 2],
    ['renewal-negotiation', 'renewal_rate', 0.85, 0.88, 2],
  ];
  for (const m of months)
    for (const [id, metric, lo, hi, dg] of crmSpec)
      crm.push([id, metric, between(lo, hi, dg), iso(m)].join(','));
  writeFileSync(
    out + 'crm-export.csv',
    'touchpoint_id,metric,value,date\n' + crm.join('\n') + '\n',
  );

  // helpdesk-export.csv — a spreadsheet export: BOM, CRLF, ';', decimal comma, DD/MM/YYYY
  const dmy = (d) => `${iso(d).slice(8, 10)}/${iso(d).slice(5, 7)}/${iso(d).slice(0, 4)}`;
  const comma = (s) => s.replace('.', ',');
  const help = ['touchpoint_id;date;first_response_hours;csat'];
  for (const w of weeks) {
    const fri = addDays(w, 4);
    help.push(`support-tickets;${dmy(fri)};${comma(between(3.1, 3.8, 1))};`);
    help.push(`priority-support-line;${dmy(fri)};${comma(between(1.2, 1.6, 1))};`);
    if (iso(fri) === '2026-10-16')
      help.push(`csat-after-ticket;${dmy(fri)};;"no score; customer closed\r\nthe survey window"`);
    else help.push(`csat-after-ticket;${dmy(fri)};;${Math.round(84 + rand() * 4)}%`);
  }
  help.splice(8, 0, `support-tickets;${dmy(new Date('2026-08-05T00:00:00Z'))};N/A;`);
  writeFileSync(
    out + 'helpdesk-export.csv',
    Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(help.join('\r\n') + '\r\n', 'utf8'),
    ]),
  );

  // survey.csv — wide format with a segment column
  const survey = ['touchpoint_id,date,segment,nps'];
  for (const m of months) {
    survey.push(`nps-survey,${iso(m)},enterprise,${Math.round(36 + rand() * 3)}`);
    survey.push(`nps-survey,${iso(m)},mid-market,${Math.round(32 + rand() * 4)}`);
    survey.push(`nps-survey,${iso(m)},smb,${Math.round(25 + rand() * 4)}`);
  }
  writeFileSync(out + 'survey.csv', survey.join('\n') + '\n');
}

// ── examples/b2c-retail/metrics ──
{
  const out = `${here}b2c-retail/metrics/`;
  const { rand, between } = seededRandom(7031);

  // shop-analytics.csv — long format, with a segment column
  const shop = [];
  const add = (id, metric, value, date, segment = '') =>
    shop.push([id, metric, value, typeof date === 'string' ? date : iso(date), segment]);
  for (const w of weeks) {
    add('paid-social-ads', 'return_on_ad_spend', between(4.3, 5.1, 2), w);
    add('website', 'conversion_rate', between(0.019, 0.023, 4), w);
    add('product-reviews', 'average_rating', between(4.35, 4.5, 2), w);
    add('checkout', 'checkout_completion_rate', between(0.67, 0.72, 2), w);
    add('abandoned-cart-email', 'recovery_rate', between(0.07, 0.09, 3), w);
    add('whatsapp-order-confirmation', 'delivery_rate', between(0.989, 0.996, 3), w);
    add('delivery-sms', 'delivered_on_time_rate', between(0.9, 0.94, 2), w);
    add('thank-you-email', 'open_rate', between(0.52, 0.6, 2), w);
    add('review-request', 'review_submission_rate', between(0.05, 0.07, 3), w);
  }
  for (const m of months) {
    for (const seg of ['new'])
      add('loyalty-invite', 'enrolment_rate', between(0.26, 0.31, 2), m, seg);
    add('vip-early-access', 'purchase_rate', between(0.17, 0.22, 2), m, 'vip');
    add('win-back-email', 'reactivation_rate', between(0.03, 0.045, 3), m, 'returning');
  }
  // Stale: the loyalty platform's report stopped after September.
  for (const d of ['2026-07-31', '2026-08-31', '2026-09-30']) {
    add('loyalty-programme', 'active_member_rate', between(0.42, 0.47, 2), d, 'returning');
    add('loyalty-programme', 'active_member_rate', between(0.6, 0.66, 2), d, 'vip');
  }
  // Undocumented: a new ad channel nobody added to the inventory.
  for (const w of weeks.slice(-5)) add('tiktok-ads', 'return_on_ad_spend', between(2.1, 2.9, 2), w);
  // QA test sends (ignored by the config).
  for (const d of ['2026-08-12', '2026-10-14']) add('qa-inbox-test', 'open_rate', '1', d);
  add('checkout', 'checkout_completion_rate', 'N/A', '2026-10-05');
  shop.sort((a, b) => (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0));
  writeFileSync(
    out + 'shop-analytics.csv',
    'touchpoint_id,metric,value,date,segment\n' + shop.map((r) => r.join(',')).join('\n') + '\n',
  );

  // email-campaigns.csv — a vendor report, mapped by the config's `sources:` entry
  const camp = ['Campaign,Send Date,Recipients,Delivered,Unique Opens,Unique Clicks'];
  for (const m of months) {
    for (const [name, day, ctr] of [
      ['monthly-newsletter', 3, [0.032, 0.038]],
      ['promo-email', 12, [0.021, 0.026]],
    ]) {
      const recipients = Math.round(48000 + rand() * 6000);
      const delivered = Math.round(recipients * 0.985);
      const opens = Math.round(delivered * Number(between(0.31, 0.37, 3)));
      const clicks = Math.round(recipients * Number(between(ctr[0], ctr[1], 4)));
      camp.push(
        [
          name,
          iso(addDays(m, day)),
          `"${recipients.toLocaleString('en-US')}"`,
          delivered,
          opens,
          clicks,
        ].join(','),
      );
    }
  }
  writeFileSync(out + 'email-campaigns.csv', camp.join('\n') + '\n');

  // customer-service.csv — tab-separated wide export from the contact-centre tool
  const cs = ['touchpoint_id\tdate\tfirst_response_minutes\tanswer_time_seconds\tcsat'];
  for (const w of weeks) {
    const d = iso(addDays(w, 5));
    cs.push(`customer-service-chat\t${d}\t${between(1.2, 1.9, 1)}\t\t`);
    cs.push(`customer-service-phone\t${d}\t\t${Math.round(68 + rand() * 20)}\t`);
    cs.push(`csat-survey\t${d}\t\t\t${between(4.25, 4.45, 2)}`);
  }
  writeFileSync(out + 'customer-service.csv', cs.join('\n') + '\n');
}
