#!/usr/bin/env node
// docsdk's bin: the CLI in this very process. No second node is started (an earlier bin
// re-spawned node to size V8's thread pool; a kill of the parent then left the child running
// and writing), so a signal that ends this process ends the whole run.
import './cli.js';
