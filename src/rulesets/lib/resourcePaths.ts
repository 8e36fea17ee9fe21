/**
 * Path shapes the method rules reason about. A path "addresses one object" when its last segment is a
 * template (`/pets/{petId}`, or Twilio's `/Calls/{Sid}.json`); it is a collection when the document also
 * has the item path right below it (`/pets` next to `/pets/{petId}`). Requiring that sibling keeps actions
 * (`/auth/login`, `/orders/{id}/cancel`) and singletons (`/users/{id}/settings`) out of collection rules.
 */

/** A trailing representation suffix (`Calls.json`) does not change which resource a segment names. */
const REPRESENTATION_SUFFIX = /\.[A-Za-z0-9]+$/;
const TEMPLATE_SEGMENT = /^\{[^{}]+\}(\.[A-Za-z0-9]+)?$/;

export function pathSegments(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

export function isTemplateSegment(segment: string): boolean {
  return TEMPLATE_SEGMENT.test(segment);
}

export function isItemPath(path: string): boolean {
  const segments = pathSegments(path);
  const last = segments[segments.length - 1];
  return last !== undefined && isTemplateSegment(last);
}

function resourceKey(segments: string[]): string {
  return segments.map((segment) => (isTemplateSegment(segment) ? '{}' : segment.replace(REPRESENTATION_SUFFIX, ''))).join('/');
}

/** Keys of the collections that have an item path in `paths`, for `isCollectionPath`. */
export function collectionKeys(paths: Iterable<string>): Set<string> {
  const keys = new Set<string>();
  for (const path of paths) {
    const segments = pathSegments(path);
    if (segments.length >= 2 && isItemPath(path)) keys.add(resourceKey(segments.slice(0, -1)));
  }
  return keys;
}

export function isCollectionPath(path: string, collections: Set<string>): boolean {
  const segments = pathSegments(path);
  if (segments.length === 0 || isItemPath(path)) return false;
  return collections.has(resourceKey(segments));
}
