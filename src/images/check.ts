/**
 * A cheap look at an image file before it is converted: is it empty, an image format the
 * image pipeline (sharp) reads, and complete, or was it cut off while it was copied or
 * downloaded? Only the first and last bytes are read, and a file is looked at again only
 * when its size or time changed. The build and `npm run check` both ask this, so a broken
 * image is reported with the note and line that use it instead of failing the build.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

/** What is wrong with an image file, in Dutch, for a diagnostic. */
export interface ImageFileProblem {
  message: string;
  hint: string;
}

const HEAD = 32;
const TAIL = 1024;

type Format = "png" | "jpeg" | "gif" | "webp" | "avif" | "tiff" | "bmp" | "svg";

function formatOf(head: Buffer): Format | undefined {
  const ascii = (from: number, to: number) => head.toString("latin1", from, to);
  if (head.length >= 8 && head.readUInt32BE(0) === 0x89504e47 && head.readUInt32BE(4) === 0x0d0a1a0a) return "png";
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "jpeg";
  if (/^GIF8[79]a$/.test(ascii(0, 6))) return "gif";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  if (ascii(4, 8) === "ftyp" && /^(avi[fs]|mif1|msf1|heic|heix)$/.test(ascii(8, 12))) return "avif";
  if (ascii(0, 4) === "II*\0" || ascii(0, 4) === "MM\0*") return "tiff";
  if (ascii(0, 2) === "BM") return "bmp";
  if (/^\s*(<\?xml|<svg|<!--|<!DOCTYPE svg)/i.test(head.toString("utf8"))) return "svg";
  return undefined;
}

const EXPORT = "Exporteer of download de afbeelding opnieuw als PNG, JPEG of WebP en vervang het bestand.";

/** Whether the last bytes hold the format's end marker (a file cut off in the middle lacks it). */
function complete(format: Format, tail: Buffer, head: Buffer, size: number): boolean {
  switch (format) {
    case "png":
      return tail.includes("IEND", 0, "latin1");
    case "jpeg":
      return tail.includes(Buffer.from([0xff, 0xd9]));
    case "gif": {
      // The trailer byte 0x3B ends the file (some tools pad with zeros after it).
      let end = tail.length - 1;
      while (end > 0 && tail[end] === 0) end--;
      return tail[end] === 0x3b;
    }
    case "webp":
      // RIFF: bytes 4-7 give the length of what follows the first 8 bytes.
      return head.length >= 8 && head.readUInt32LE(4) + 8 <= size;
    default:
      return true;
  }
}

/** Problems by file, kept while the file's size and time stay the same. */
const seen = new Map<string, { size: number; mtimeMs: number; problem: ImageFileProblem | undefined }>();

/** What is wrong with the image file at `abs`, or undefined when it looks whole. SVG is not looked at. */
export function imageFileProblem(abs: string): ImageFileProblem | undefined {
  let fd: number;
  try {
    fd = openSync(abs, "r");
  } catch (err) {
    return { message: `het bestand kan niet worden geopend (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, hint: "Controleer of het bestand bestaat en leesbaar is." };
  }
  try {
    const { size, mtimeMs } = fstatSync(fd);
    const known = seen.get(abs);
    if (known && known.size === size && known.mtimeMs === mtimeMs) return known.problem;
    const problem = inspect(fd, size);
    seen.set(abs, { size, mtimeMs, problem });
    return problem;
  } finally {
    closeSync(fd);
  }
}

function inspect(fd: number, size: number): ImageFileProblem | undefined {
  if (size === 0) return { message: "het bestand is leeg (0 bytes)", hint: EXPORT };
  const head = Buffer.alloc(Math.min(HEAD, size));
  readSync(fd, head, 0, head.length, 0);
  const format = formatOf(head);
  if (format === "svg") return undefined;
  if (!format) return { message: "het bestand is geen afbeelding die de site kan lezen (PNG, JPEG, GIF, WebP, AVIF of TIFF)", hint: EXPORT };
  if (format === "bmp") return { message: "een BMP-bestand kan de site niet omzetten naar een webformaat", hint: "Exporteer de afbeelding als PNG of JPEG en pas de naam in de link aan." };
  const tail = Buffer.alloc(Math.min(TAIL, size));
  readSync(fd, tail, 0, tail.length, size - tail.length);
  if (!complete(format, tail, head, size)) {
    return { message: `het ${format.toUpperCase()}-bestand is afgebroken: het einde ontbreekt (${size} bytes)`, hint: EXPORT };
  }
  return undefined;
}
