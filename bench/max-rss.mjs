// Preloaded into a benchmarked process (`node --import ./max-rss.mjs …`): at exit, writes the
// process's peak resident set size in kilobytes (worker threads included) to the file named
// by DOCSDK_BENCH_RSS_FILE, however the process ends its run.
import { writeFileSync } from 'node:fs';

const file = process.env.DOCSDK_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
