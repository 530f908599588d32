// Generalization by construction, on the fragment flavor (support/suite.ts says what and why).
import { generalizationSuite } from './support/suite.js';

generalizationSuite('fragment');
