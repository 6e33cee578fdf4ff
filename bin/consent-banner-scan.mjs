#!/usr/bin/env node
// Scans a site in headless Chromium and reports what each page stores and requests before
// a decision, after "Reject all" and after "Accept all", against what the consent config
// declares. Usage: consent-banner-scan [options] <url …> (--help for the options).
// Exit code 0 when clean, 1 when anything fails, 2 on usage errors. The code is in scan/.
import { runScan } from '../scan/run.mjs';
import { USAGE } from '../scan/options.mjs';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
process.exitCode = await runScan(args);
