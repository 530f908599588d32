// Whether an operation's responses carry the business envelope the runtime checks
// (`statusCode`, with `message`, `apiCode`, `requestId`): read from the response table itself,
// so APIs without one are never second-guessed.
import type { Structure } from '../model/types.js';

export function hasBusinessEnvelope(response: Structure | undefined): boolean {
  return (
    response?.fields.some(
      (field) =>
        field.name === 'statusCode' &&
        field.type.kind === 'primitive' &&
        (field.type.type === 'number' || field.type.type === 'integer'),
    ) ?? false
  );
}
