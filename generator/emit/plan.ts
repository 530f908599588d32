// Every name the SDK uses, decided once for the whole model before any file is rendered:
// exported names are unique across the package (index.ts re-exports them all), method names
// within their class, file names within their folder (ignoring case).
import type { Client, Diagnostic, Model, Operation, Provenance, Structure } from '../model/types.js';
import { FileNames } from './file-names.js';
import { memberIdentifier, NameRegistry, pascalCase, typeIdentifier, type SafeName } from './names.js';

export interface StructurePlan {
  structure: Structure;
  typeName: string;
  /** File stem in `src/models/`. */
  stem: string;
}

export interface OperationPlan {
  operation: Operation;
  methodName: string;
  paramsTypeName: string;
  /** `<methodName>Iterate`, the async iterator over the items of every page, for a paginated operation. */
  iterateName?: string;
}

export interface ClientPlan {
  client: Client;
  className: string;
  /** File stem in `src/`. */
  stem: string;
  operations: OperationPlan[];
}

export interface SdkPlan {
  structures: StructurePlan[];
  clients: ClientPlan[];
  /** By the structure's name in the model. */
  structureNamed: Map<string, StructurePlan>;
  /** A warning for each name that was unsafe as written and renamed. */
  diagnostics: Diagnostic[];
}

/** Stems of the files in `src/` that are not clients. */
const FIXED_SRC_STEMS = ['index', 'runtime'];

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const operationOrder = (a: Operation, b: Operation) =>
  byCodeUnits(a.name, b.name) || byCodeUnits(a.rawName, b.rawName) || byCodeUnits(a.source.file, b.source.file);

/**
 * Names for everything in `model`. `runtimeExports` are the names `runtime.ts` exports; they
 * are claimed first. Then structures (by name), client classes, and params interfaces, each
 * in sorted order, so the same model always gets the same names.
 */
export function planSdk(model: Model, runtimeExports: string[]): SdkPlan {
  const exported = new NameRegistry();
  for (const name of runtimeExports) exported.claim(name);
  const diagnostics: Diagnostic[] = [];
  /** The safe identifier, with a warning when it is not the name as written. */
  const safe = (what: string, raw: string, name: SafeName, where: Provenance): string => {
    if (name.renamed) {
      diagnostics.push({ severity: 'warning', code: 'emit.name', message: `${what} ${raw} ${name.renamed}; named ${name.id} in the SDK`, file: where.file, section: where.section });
    }
    return name.id;
  };

  const modelFiles = new FileNames();
  const structureNamed = new Map<string, StructurePlan>();
  for (const name of Object.keys(model.structures).sort(byCodeUnits)) {
    const structure = model.structures[name];
    const typeName = exported.claim(safe('structure', name, typeIdentifier(name), structure.source));
    structureNamed.set(name, { structure, typeName, stem: modelFiles.stemFor(typeName) });
  }

  const srcFiles = new FileNames(FIXED_SRC_STEMS);
  const clients = [...model.clients]
    .sort((a, b) => byCodeUnits(a.name, b.name))
    .map((client) => {
      // A client is shown by its pages' method lines.
      const where = client.operations[0]?.source ?? { file: client.name, section: 'method' };
      const className = exported.claim(safe('client', client.name, typeIdentifier(client.name), where));
      return { client, className, stem: srcFiles.stemFor(className) };
    });

  return {
    structures: [...structureNamed.values()],
    clients: clients.map(({ client, className, stem }) => {
      const methods = new NameRegistry();
      // `ManagementClient` → `Management`, to tell apart same-named methods of two clients.
      const clientPrefix = className.replace(/Client$/, '') || className;
      const operations = [...client.operations].sort(operationOrder).map((operation): OperationPlan => {
        const methodName = methods.claim(safe('method', operation.name, memberIdentifier(operation.name), operation.source));
        const params = `${pascalCase(methodName)}Params`;
        return { operation, methodName, paramsTypeName: exported.claim(params, clientPrefix + params) };
      });
      // After every operation's own name, so an iterator never takes one.
      for (const op of operations) if (op.operation.pagination) op.iterateName = methods.claim(`${op.methodName}Iterate`);
      return { client, className, stem, operations };
    }),
    structureNamed,
    diagnostics,
  };
}
