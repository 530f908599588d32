// Generalization by construction, on the markdown flavor (support/suite.ts says what and why).
import { generalizationSuite } from './support/suite.js';

generalizationSuite('markdown');
