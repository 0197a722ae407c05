// `npm run bench`: generates its own data, then measures every case against a baseline taken
// in the same run (ratios, not absolute times, are the targets). Requires `npm run build`.
import os from 'node:os';
import { run as generate } from './generate.mjs';
import { run as ingest } from './ingest.mjs';
import { run as startup } from './startup.mjs';
import { run as analysis } from './analysis.mjs';
import { run as events } from './events.mjs';
import { run as eventRows } from './event-rows.mjs';
import { run as inventoryScale } from './inventory-scale.mjs';

const started = Date.now();
console.log(
  `touchpoint-audit bench — node ${process.version}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
);
await generate();
await ingest();
await startup();
await analysis();
await events();
await eventRows();
await inventoryScale();
console.log(`\nbench finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
