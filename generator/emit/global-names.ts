// Names of the globals an SDK module can reach: a type or class of the SDK named like one
// shadows it in its file (a structure `Promise` breaks every `Promise<…>` there, a client
// `Object` every `Object.…`), so such names are renamed (names.ts).

/**
 * Every global the ECMAScript 2022 lib declares (lib.es5 … lib.es2022, decorators), as the
 * TypeScript the SDK builds with lists them. test/emit/global-names.test.ts keeps this list
 * equal to those lib files.
 */
export const ECMASCRIPT_GLOBALS = [
  'AggregateError', 'AggregateErrorConstructor', 'Array', 'ArrayBuffer', 'ArrayBufferConstructor',
  'ArrayBufferLike', 'ArrayBufferTypes', 'ArrayBufferView', 'ArrayConstructor', 'ArrayIterator', 'ArrayLike',
  'AsyncGenerator', 'AsyncGeneratorFunction', 'AsyncGeneratorFunctionConstructor', 'AsyncIterable',
  'AsyncIterableIterator', 'AsyncIterator', 'AsyncIteratorObject', 'Atomics', 'Awaited', 'BigInt',
  'BigInt64Array', 'BigInt64ArrayConstructor', 'BigIntConstructor', 'BigIntToLocaleStringOptions',
  'BigUint64Array', 'BigUint64ArrayConstructor', 'Boolean', 'BooleanConstructor', 'BuiltinIteratorReturn',
  'CallableFunction', 'Capitalize', 'ClassAccessorDecoratorContext', 'ClassAccessorDecoratorResult',
  'ClassAccessorDecoratorTarget', 'ClassDecorator', 'ClassDecoratorContext', 'ClassFieldDecoratorContext',
  'ClassGetterDecoratorContext', 'ClassMemberDecoratorContext', 'ClassMethodDecoratorContext',
  'ClassSetterDecoratorContext', 'ConcatArray', 'ConstructorParameters', 'DataView', 'DataViewConstructor',
  'Date', 'DateConstructor', 'DecoratorContext', 'DecoratorMetadata', 'DecoratorMetadataObject', 'Error',
  'ErrorConstructor', 'ErrorOptions', 'EvalError', 'EvalErrorConstructor', 'Exclude', 'Extract',
  'FinalizationRegistry', 'FinalizationRegistryConstructor', 'FlatArray', 'Float32Array',
  'Float32ArrayConstructor', 'Float64Array', 'Float64ArrayConstructor', 'Function', 'FunctionConstructor',
  'Generator', 'GeneratorFunction', 'GeneratorFunctionConstructor', 'IArguments', 'ImportAssertions',
  'ImportAttributes', 'ImportCallOptions', 'ImportMeta', 'Infinity', 'InstanceType', 'Int16Array',
  'Int16ArrayConstructor', 'Int32Array', 'Int32ArrayConstructor', 'Int8Array', 'Int8ArrayConstructor',
  'Intl', 'Iterable', 'IterableIterator', 'Iterator', 'IteratorObject', 'IteratorResult',
  'IteratorReturnResult', 'IteratorYieldResult', 'JSON', 'Lowercase', 'Map', 'MapConstructor', 'MapIterator',
  'Math', 'MethodDecorator', 'NaN', 'NewableFunction', 'NoInfer', 'NonNullable', 'Number',
  'NumberConstructor', 'Object', 'ObjectConstructor', 'Omit', 'OmitThisParameter', 'ParameterDecorator',
  'Parameters', 'Partial', 'Pick', 'Promise', 'PromiseConstructor', 'PromiseConstructorLike',
  'PromiseFulfilledResult', 'PromiseLike', 'PromiseRejectedResult', 'PromiseSettledResult',
  'PropertyDecorator', 'PropertyDescriptor', 'PropertyDescriptorMap', 'PropertyKey', 'Proxy',
  'ProxyConstructor', 'ProxyHandler', 'RangeError', 'RangeErrorConstructor', 'Readonly', 'ReadonlyArray',
  'ReadonlyMap', 'ReadonlySet', 'Record', 'ReferenceError', 'ReferenceErrorConstructor', 'Reflect', 'RegExp',
  'RegExpConstructor', 'RegExpExecArray', 'RegExpIndicesArray', 'RegExpMatchArray', 'Required', 'ReturnType',
  'Set', 'SetConstructor', 'SetIterator', 'SharedArrayBuffer', 'SharedArrayBufferConstructor', 'String',
  'StringConstructor', 'StringIterator', 'Symbol', 'SymbolConstructor', 'SyntaxError',
  'SyntaxErrorConstructor', 'TemplateStringsArray', 'ThisParameterType', 'ThisType', 'TypeError',
  'TypeErrorConstructor', 'TypedPropertyDescriptor', 'URIError', 'URIErrorConstructor', 'Uint16Array',
  'Uint16ArrayConstructor', 'Uint32Array', 'Uint32ArrayConstructor', 'Uint8Array', 'Uint8ArrayConstructor',
  'Uint8ClampedArray', 'Uint8ClampedArrayConstructor', 'Uncapitalize', 'Uppercase', 'WeakKey',
  'WeakKeyTypes', 'WeakMap', 'WeakMapConstructor', 'WeakRef', 'WeakRefConstructor', 'WeakSet',
  'WeakSetConstructor', 'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape',
  'eval', 'isFinite', 'isNaN', 'parseFloat', 'parseInt', 'unescape',];

/**
 * Host globals the SDK's runtime and templates use (fetch and what it takes and gives,
 * timers, encoders) and those of Node that code commonly reaches for.
 */
export const HOST_GLOBALS = [
  'AbortController', 'AbortSignal', 'Blob', 'BodyInit', 'DOMException', 'Event', 'EventTarget', 'File', 'FormData',
  'Headers', 'HeadersInit', 'ReadableStream', 'Request', 'RequestInfo', 'RequestInit', 'Response', 'ResponseInit',
  'TextDecoder', 'TextEncoder', 'URL', 'URLSearchParams', 'atob', 'btoa', 'clearInterval', 'clearTimeout', 'console',
  'crypto', 'fetch', 'globalThis', 'performance', 'queueMicrotask', 'self', 'setInterval', 'setTimeout',
  'structuredClone', 'window', 'Buffer', 'global', 'process', 'require', 'module', 'exports', '__dirname', '__filename',
];

export const BUILTIN_GLOBAL_NAMES: ReadonlySet<string> = new Set([...ECMASCRIPT_GLOBALS, ...HOST_GLOBALS]);
