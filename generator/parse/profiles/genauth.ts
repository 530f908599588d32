// GenAuth (formerly Authing): one page per method with *Method name*, *Request parameters*,
// *Request Response* `Type:` and *Data Structure* tables. The reader is the original one
// (parse/page.ts); this profile only routes to it. It is the default: every page no other
// profile claims is read as GenAuth's, with its diagnostics for what is missing.
import type { PageProfile } from './profile.js';
import { readGenAuthPage } from '../page.js';

export const genauth: PageProfile = {
  name: 'genauth',
  detect: () => 1,
  readsHtmlFromFirstH1: true,
  read: (input) => readGenAuthPage(input),
};
