/**
 * Rastert de handgetekende SVG-diagrammen in `_assets/` naar PNG/JPEG.
 *
 * Gebruik:  npx tsx scripts/render-diagrams.ts
 *
 * `sharp` komt mee als dependency van @11ty/eleventy-img. De SVG wordt direct
 * op de doelbreedte gerasterd (via de `density`-optie), zodat tekst en lijnen
 * scherp blijven in plaats van opgeschaald te worden vanuit een klein bitmapje.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ASSETS = path.join(ROOT, "_assets");

interface RenderJob {
  /** SVG-bron, relatief aan `_assets/`. */
  src: string;
  /** Uitvoerbestand, relatief aan `_assets/`. */
  out: string;
  /** Gewenste breedte in pixels; de hoogte volgt uit de viewBox-verhouding. */
  width: number;
  format: "png" | "jpeg";
  /** Alleen voor JPEG: kwaliteit 1–100. */
  quality?: number;
  /** Achtergrondkleur om transparantie mee op te vullen (verplicht bij JPEG). */
  background?: string;
}

const JOBS: RenderJob[] = [
  { src: "vm-vs-container.svg", out: "vm_docker.png", width: 1200, format: "png" },
  {
    src: "docker-ecosysteem.svg",
    out: "docker_eco.jpg",
    width: 1200,
    format: "jpeg",
    quality: 85,
    background: "#ffffff",
  },
];

/** SVG's worden door sharp/librsvg standaard op 72 dpi ingelezen. */
const BASE_DENSITY = 72;

async function render(job: RenderJob): Promise<{ width: number; height: number; size: number }> {
  const input = path.join(ASSETS, job.src);
  const output = path.join(ASSETS, job.out);

  const meta = await sharp(input).metadata();
  if (!meta.width) throw new Error(`Kan de breedte van ${job.src} niet bepalen.`);
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
    console.log(`✔ ${job.src} → _assets/${job.out} (${width}×${height} px, ${(size / 1024).toFixed(1)} kB)`);
  } catch (error) {
    failed = true;
    console.error(`✘ ${job.src}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
if (failed) process.exitCode = 1;
