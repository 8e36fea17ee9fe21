import type { Loc } from '../../documents.js';
import type { SchemaView } from '../../schema-view.js';

export function propertiesLoc(view: SchemaView): Loc {
  return { file: view.loc.file, pointer: [...view.loc.pointer, 'properties'] };
}
