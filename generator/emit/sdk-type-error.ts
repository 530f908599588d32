/** Thrown when the generated SDK does not compile; `errors` are `file:line - TSnnnn: message`. */
export class SdkTypeError extends Error {
  constructor(readonly errors: string[]) {
    super(`the generated SDK does not type-check (${errors.length} errors):\n${errors.slice(0, 20).join('\n')}`);
    this.name = 'SdkTypeError';
  }
}
