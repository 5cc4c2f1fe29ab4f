/**
 * Where the learner's photos come from besides a file picker: a drop of files or folders
 * (a folder of class folders becomes one class per folder, as fastai's `from_folder` reads
 * a dataset), and a course's manifest (`src`: `{ "classes": { "grizzly": ["url", …] } }`,
 * each URL relative to the manifest), each failure a message naming what failed.
 *
 * @example
 * // given: const event: DragEvent
 * const byClass = await droppedPhotos(event, 'grizzly');  // Map { 'grizzly' → File[] } or one entry a dropped folder
 * const lesson = await fetchManifest('/bears.json', new AbortController().signal);
 */

/** Photos by class name. */
export type PhotosByClass = Map<string, Blob[]>;

const IMAGE_NAME = /\.(png|jpe?g|gif|webp|bmp|avif)$/i;

/** Every file under a dropped entry, folders read all the way down. */
async function filesUnder(entry: FileSystemEntry): Promise<File[]> {
  if (entry.isFile) return [await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject))];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const entries: FileSystemEntry[] = [];
  // readEntries gives a batch at a time (100 in Chromium) until an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    entries.push(...batch);
  }
  return (await Promise.all(entries.map(filesUnder))).flat();
}

/**
 * A drop's photos. On a class (`into`): every image dropped, folders included, goes to it.
 * On the board: loose images have no class and are left out; each dropped folder is a class
 * named after it.
 */
export async function droppedPhotos(event: DragEvent, into: string | null): Promise<PhotosByClass> {
  const byClass: PhotosByClass = new Map();
  const add = (name: string, files: File[]) => {
    const images = files.filter((f) => f.type.startsWith('image/') || IMAGE_NAME.test(f.name));
    if (images.length) byClass.set(name, [...(byClass.get(name) ?? []), ...images]);
  };
  const entries = [...(event.dataTransfer?.items ?? [])].map((item) => item.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) {
    if (into) add(into, [...(event.dataTransfer?.files ?? [])]);
    return byClass;
  }
  for (const entry of entries) {
    const files = await filesUnder(entry);
    if (into) add(into, files);
    else if (entry.isDirectory) add(entry.name, files);
  }
  return byClass;
}

/** A course's manifest and every photo it names, fetched; any failure says which file and why. */
export async function fetchManifest(url: string, signal: AbortSignal): Promise<PhotosByClass> {
  const base = new URL(url, document.baseURI);
  const answer = await fetch(base, { signal }).catch((error: unknown) => {
    throw new Error(`The photo manifest ${url} could not be fetched (${error instanceof Error ? error.message : String(error)}).`);
  });
  if (!answer.ok) throw new Error(`The photo manifest ${url} answered HTTP ${answer.status}.`);
  let manifest: unknown;
  try {
    manifest = await answer.json();
  } catch {
    throw new Error(`The photo manifest ${url} is not JSON.`);
  }
  const classes = (manifest as { classes?: unknown } | null)?.classes;
  if (typeof classes !== 'object' || classes === null || Object.values(classes).some((urls) => !Array.isArray(urls) || urls.some((u) => typeof u !== 'string'))) {
    throw new Error(`The photo manifest ${url} must be { "classes": { "a class": ["photo URL", …], … } }.`);
  }
  const byClass: PhotosByClass = new Map();
  for (const [name, urls] of Object.entries(classes as Record<string, string[]>)) {
    byClass.set(
      name,
      await Promise.all(
        urls.map(async (photo) => {
          const reply = await fetch(new URL(photo, base), { signal });
          if (!reply.ok) throw new Error(`The photo ${photo} (class “${name}”) answered HTTP ${reply.status}.`);
          return reply.blob();
        }),
      ),
    );
  }
  return byClass;
}
