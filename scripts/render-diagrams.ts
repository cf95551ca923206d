/**
 * Rasterises our hand-drawn SVG diagrams to the PNG/JPEG files the lessons (and the seed
 * pages) point at:
 *   _assets/vm-vs-container.svg            -> _assets/vm_docker.png
 *   scripts/diagrams/docker-ecosysteem.svg -> _assets/docker_eco.jpg
 * The ecosystem SVG is only a source, so it stays out of `_assets/` (nothing publishes it).
 *
 *   npx tsx scripts/render-diagrams.ts
 *
 * `sharp` comes with @11ty/eleventy-img. The SVG is rasterised at the target width (through
 * the `density` option), so text and lines stay sharp instead of being scaled up.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

interface RenderJob {
  /** SVG source, relative to the project root. */
  src: string;
  /** Output file, relative to the project root. */
  out: string;
  /** Width in pixels; the height follows from the viewBox. */
  width: number;
  format: "png" | "jpeg";
  /** JPEG only: quality 1-100. */
  quality?: number;
  /** Colour that fills transparent areas (always used for JPEG). */
  background?: string;
}

const JOBS: RenderJob[] = [
  { src: "_assets/vm-vs-container.svg", out: "_assets/vm_docker.png", width: 1200, format: "png" },
  { src: "scripts/diagrams/docker-ecosysteem.svg", out: "_assets/docker_eco.jpg", width: 1200, format: "jpeg", quality: 85, background: "#ffffff" },
];

/** sharp (librsvg) reads SVG at 72 dpi. */
const BASE_DENSITY = 72;

async function render(job: RenderJob): Promise<{ width: number; height: number; size: number }> {
  const input = path.join(ROOT, job.src);
  const output = path.join(ROOT, job.out);

  const meta = await sharp(input).metadata();
  if (!meta.width) throw new Error(`cannot read the width of ${job.src}`);
  const density = (BASE_DENSITY * job.width) / meta.width;

  let pipeline = sharp(input, { density }).resize({ width: job.width });
  if (job.background || job.format === "jpeg") {
    pipeline = pipeline.flatten({ background: job.background ?? "#ffffff" });
  }
  pipeline =
    job.format === "jpeg"
      ? pipeline.jpeg({ quality: job.quality ?? 85, mozjpeg: true })
      : pipeline.png({ compressionLevel: 9 });

  const info = await pipeline.toFile(output);
  return { width: info.width, height: info.height, size: info.size };
}

let failed = false;
for (const job of JOBS) {
  try {
    const { width, height, size } = await render(job);
    console.log(`✔ ${job.src} → ${job.out} (${width}×${height} px, ${(size / 1024).toFixed(1)} kB)`);
  } catch (error) {
    failed = true;
    console.error(`✘ ${job.src}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
if (failed) process.exitCode = 1;
