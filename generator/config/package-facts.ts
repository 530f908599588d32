// The generated SDK's package name and version, checked against npm's own rules (the
// packages npm uses for them): a name or version npm would refuse, or one holding a line
// break, is a config error rather than a package.json that cannot be published.
import { createRequire } from 'node:module';
import type * as Semver from 'semver';
import type ValidateName from 'validate-npm-package-name';
import type { Diagnostic } from '../model/types.js';
import type { DocsdkConfig } from './types.js';

const require = createRequire(import.meta.url);

/** Errors for `package.name` and `package.version` of `config` that npm would not accept. */
export function packageFactsDiagnostics(config: DocsdkConfig, file: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const error = (section: string, message: string) => diagnostics.push({ severity: 'error', code: 'config.invalid-value', message, file, section });
  const { name, version } = config.package ?? {};
  if (name !== undefined) {
    const validateName = require('validate-npm-package-name') as typeof ValidateName;
    const verdict = validateName(name);
    if (!verdict.validForNewPackages) {
      error('package.name', `package.name ${JSON.stringify(name)} is not a valid npm package name: ${[...(verdict.errors ?? []), ...(verdict.warnings ?? [])].join('; ')}`);
    }
  }
  if (version !== undefined) {
    const semver = require('semver') as typeof Semver;
    // semver.valid trims and takes a leading "v": the version must be written as npm writes it.
    if (semver.valid(version) === null || version !== version.trim() || !/^\d/.test(version)) {
      error('package.version', `package.version ${JSON.stringify(version)} is not a semantic version as npm writes it (such as 1.0.0 or 2.1.0-beta.1)`);
    }
  }
  return diagnostics;
}
