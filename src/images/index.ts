/**
 * Responsive images with @11ty/eleventy-img. The Markdown render is synchronous, so the
 * HTML (`<picture>` with modern formats, width/height, lazy loading) is computed with
 * eleventy-img's `statsSync`, and the files themselves are generated later, all at once,
 * by `flush()`. SVG is passed through as it is.
 */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import Image from "@11ty/eleventy-img";

export interface ImagePipelineOptions {
  /** Folder the generated files are written to, e.g. `_site/img/`. */
  outputDir: string;
  /** URL of that folder, e.g. `/img/`. */
  urlPath: string;
}

export interface ImageRequest {
  /** Absolute path of the source file. */
  file: string;
  /** URL of the source file as published (used for SVG, which is not converted). */
  url: string;
  alt: string;
  /** Display width in CSS pixels; the pipeline also makes a 2x version. */
  width?: number;
  /** Other attributes to keep (class, style, title, ...). */
  attrs?: Record<string, string>;
}



const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** An attribute name a browser reads as one name (a raw `<img>` may hold anything). */
const ATTRIBUTE_NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*$/;

/** ` a="v" b="w"`: every value escaped, names that are not names left out. */
function attributesHtml(attrs: Record<string, unknown>): string {
  let out = "";
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && ATTRIBUTE_NAME.test(k)) out += ` ${k}="${esc(String(v))}"`;
  return out;
}

/** eleventy-img's `<picture>`/`<img>` object as HTML, written here: eleventy-img escapes only `alt`. */
function pictureHtml(tags: Record<string, Record<string, unknown>>): string {
  let out = "";
  for (const [tag, attrs] of Object.entries(tags)) {
    const children = attrs["@children"] as Array<Record<string, Record<string, unknown>>> | undefined;
    out += `<${tag}${attributesHtml(attrs)}>`;
    if (children) out += `${children.map(pictureHtml).join("")}</${tag}>`;
  }
  return out;
}

/** Width and height of an SVG from its attributes or viewBox. */
export function svgSize(source: string): { width?: number; height?: number } {
  const root = /<svg\b[^>]*>/i.exec(source)?.[0] ?? "";
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([\\d.]+)(px)?["']`, "i").exec(root)?.[1];
  let width = Number(attr("width")) || undefined;
  let height = Number(attr("height")) || undefined;
  const vb = /viewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(root);
  if (vb && (!width || !height)) {
    const [vw, vh] = [Number(vb[1]), Number(vb[2])];
    if (width && !height) height = Math.round((width * vh) / vw);
    else if (height && !width) width = Math.round((height * vw) / vh);
    else if (!width && !height) [width, height] = [vw, vh];
  }
  return { width: width && Math.round(width), height: height && Math.round(height) };
}

export class ImagePipeline {
  private jobs = new Map<string, { file: string; options: Record<string, unknown> }>();
  /** The images the last `flush()` could not generate. */
  failures: ImageFailure[] = [];
  constructor(private readonly options: ImagePipelineOptions) {}

  private imageOptions(file: string, width?: number): Record<string, unknown> {
    const ext = path.extname(file).toLowerCase();
    const fallback = ext === ".png" || ext === ".gif" ? "png" : "jpeg";
    return {
      widths: width ? [width, width * 2] : [640, 1280],
      formats: ["webp", fallback],
      outputDir: this.options.outputDir,
      urlPath: this.options.urlPath,
    };
  }

  /** HTML for one image; throws when the file cannot be read as an image. */
  html(req: ImageRequest): string {
    const extra = attributesHtml(req.attrs ?? {});
    if (path.extname(req.file).toLowerCase() === ".svg") {
      const size = svgSize(readFileSync(req.file, "utf8"));
      const width = req.width ?? size.width;
      const height = width && size.width && size.height ? Math.round((width * size.height) / size.width) : size.height;
      const dims = `${width ? ` width="${width}"` : ""}${height ? ` height="${height}"` : ""}`;
      return `<img src="${esc(req.url)}" alt="${esc(req.alt)}"${dims}${extra} loading="lazy" decoding="async">`;
    }
    const options = this.imageOptions(req.file, req.width);
    const metadata = Image.statsSync(req.file, options);
    this.jobs.set(`${req.file}\0${JSON.stringify(options.widths)}`, { file: req.file, options });
    const attributes: Record<string, string> = {
      alt: req.alt,
      loading: "lazy",
      decoding: "async",
      sizes: req.width ? `(min-width: ${req.width}px) ${req.width}px, 100vw` : "(min-width: 48rem) 46rem, 100vw",
      ...(req.attrs ?? {}),
    };
    const html = pictureHtml(Image.generateObject(metadata, attributes));
    // eleventy-img sizes the <img> by its largest file; show it at the width the teacher asked for.
    const largest = Object.values(metadata)[0]?.at(-1);
    if (!req.width || !largest || largest.width <= req.width) return html;
    const height = Math.round((req.width * largest.height) / largest.width);
    return html.replace(` width="${largest.width}" height="${largest.height}"`, ` width="${req.width}" height="${height}"`);
  }

  /**
   * Generates every image requested so far. An image that fails does not stop the others or
   * the build: its output files are removed (a partial or empty file would otherwise count as
   * done on the next build), and it is named on stderr and in `failures`.
   */
  async flush(): Promise<void> {
    const jobs = [...this.jobs.values()];
    this.jobs.clear();
    const failures: ImageFailure[] = (this.failures = []);
    await Promise.all(
      jobs.map(async (j) => {
        try {
          await Image(j.file, j.options);
        } catch (err) {
          const message = (err as Error).message.split("\n")[0] ?? "";
          failures.push({ file: j.file, message });
          removeOutputs(j.file, j.options);
          console.error(`[images] ${j.file}: de afbeelding kan niet worden omgezet (${message}); vervang het bestand door een PNG, JPEG of WebP.`);
        }
      }),
    );
  }
}

export interface ImageFailure {
  /** Absolute path of the source image. */
  file: string;
  message: string;
}

/** Removes the files eleventy-img writes for `file` with these options, as far as they exist. */
function removeOutputs(file: string, options: Record<string, unknown>): void {
  try {
    for (const list of Object.values(Image.statsSync(file, options))) for (const out of list as Array<{ outputPath?: string }>) if (out.outputPath) rmSync(out.outputPath, { force: true });
  } catch {
    /* the header cannot be read either: nothing was written */
  }
}
