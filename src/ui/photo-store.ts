/**
 * The learner's photos kept in the browser (IndexedDB) until they delete them: each board's
 * classes, by the board's key, as the rows the model reads (28 × 28, 3 KiB a photo), never
 * uploaded anywhere. A browser without IndexedDB (or one that refuses it, as private windows
 * may) keeps them for the page's life only; nothing fails.
 *
 * @example
 * await savePhotos('lesson-2', [{ name: 'grizzly', rows: [new Float32Array(784)] }]);
 * const classes = await loadPhotos('lesson-2'); // [{ name: 'grizzly', rows: [Float32Array(784)] }]
 */

/** One class as stored: its name and its photos' rows. */
export interface StoredClass {
  name: string;
  rows: Float32Array[];
}

const DATABASE = 'training-playground';
const STORE = 'photo-boards';

function open(): Promise<IDBDatabase | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null);
  return new Promise((resolve) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    // Refused (a private window, a full disk): the board lives in memory.
    request.onerror = () => resolve(null);
  });
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export async function loadPhotos(key: string): Promise<StoredClass[] | null> {
  const db = await open();
  if (!db) return null;
  try {
    const stored = (await done(db.transaction(STORE).objectStore(STORE).get(key))) as StoredClass[] | undefined;
    return stored ?? null;
  } catch {
    return null;
  } finally {
    db.close();
  }
}

/** Keeps the board's classes; an empty board deletes the record. */
export async function savePhotos(key: string, classes: StoredClass[]): Promise<void> {
  const db = await open();
  if (!db) return;
  try {
    const store = db.transaction(STORE, 'readwrite').objectStore(STORE);
    if (classes.length === 0) await done(store.delete(key));
    else await done(store.put(classes, key));
  } catch {
    // A full disk: the board still holds them for this page.
  } finally {
    db.close();
  }
}
