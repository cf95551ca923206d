/**
 * Study progress in localStorage (see `_study.ts` for the keys). Every access is guarded:
 * in a private window or with storage blocked, the page still works, it just forgets.
 */
import { keysToClear, pagePath, parseQuizRecord, parseTasks, storeKey, type QuizRecord } from "./_study.ts";

function store(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Whether this browser keeps what we write (false in some private modes). */
export function storageWorks(): boolean {
  const s = store();
  if (!s) return false;
  try {
    const probe = "docker-cursus:probe";
    s.setItem(probe, "1");
    s.removeItem(probe);
    return true;
  } catch {
    return false;
  }
}

function get(key: string): string | null {
  try {
    return store()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function set(key: string, value: string | undefined): void {
  try {
    if (value === undefined) store()?.removeItem(key);
    else store()?.setItem(key, value);
  } catch {
    /* full or blocked: forget quietly */
  }
}

/** Every key in storage. */
function keys(): string[] {
  const s = store();
  if (!s) return [];
  try {
    return Array.from({ length: s.length }, (_, i) => s.key(i)).filter((k): k is string => k !== null);
  } catch {
    return [];
  }
}

/** The path of the page being shown, the way keys use it. */
export function currentPath(): string {
  return pagePath(location.pathname);
}

export function isDone(path: string): boolean {
  return get(storeKey("gedaan", path)) === "1";
}

export function setDone(path: string, done: boolean): void {
  set(storeKey("gedaan", path), done ? "1" : undefined);
}

export function readQuiz(path: string): QuizRecord {
  return parseQuizRecord(get(storeKey("toets", path)));
}

export function writeQuiz(path: string, record: QuizRecord): void {
  set(storeKey("toets", path), Object.keys(record.answers).length ? JSON.stringify(record) : undefined);
}

export function readTasks(path: string): boolean[] | undefined {
  return parseTasks(get(storeKey("taken", path)));
}

export function writeTasks(path: string, checked: boolean[]): void {
  set(storeKey("taken", path), JSON.stringify(checked));
}

/** Whether anything is stored for pages under `base`. */
export function hasProgress(base: string): boolean {
  return keysToClear(keys(), base).length > 0;
}

/** Removes the progress of every page under `base` (the theme choice stays). */
export function clearProgress(base: string): void {
  for (const key of keysToClear(keys(), base)) set(key, undefined);
}
