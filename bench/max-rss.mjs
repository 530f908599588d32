// Preloaded into every node process of a benchmarked command (through NODE_OPTIONS, so a
// tool that re-spawns node is measured whole): at exit, each process appends its peak
// resident set size in kilobytes (worker threads included) to DOCSDK_BENCH_RSS_FILE.
import { appendFileSync } from 'node:fs';

const file = process.env.DOCSDK_BENCH_RSS_FILE;
if (file) process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
