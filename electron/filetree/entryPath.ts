// Image paths as the file tree uses them (already made safe when the layer was read: the
// tar name policy lives in tar/tarNames.ts).

/** Parent directory of an image path ("" for top-level names and for the root). */
export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash < 0 ? '' : path.slice(0, slash)
}

/** Last component of an image path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

export function joinPath(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`
}
