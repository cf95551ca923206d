/**
 * Template filters. Templates print; every decision they need is a filter here.
 */
import type { EleventyConfig } from "@11ty/eleventy";
import { courseOverview, groupListings, levelUrl, listingTitle, matrixLevels, moduleContains, shortLabel, splitSteps, studentTags, titleWithoutKind, withoutRepeatedNextStep, wrapTables } from "../course/site.ts";
import { plural } from "../site/strings.ts";

const dateFormat = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Amsterdam" });

/** `aria-current="page"` when `url` is the page being rendered. */
export function ariaCurrent(url: string, pageUrl: string): string {
  return url === pageUrl ? 'aria-current="page"' : "";
}

/** `23 november 2026` from an ISO date. */
export function dateNl(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : dateFormat.format(d);
}

/** `2026-11-23` from an ISO date. */
export function isoDate(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : "";
}

/** `1 minuut`, `5 minuten`. */
export function minutes(n: number): string {
  return `${n} ${n === 1 ? "minuut" : "minuten"}`;
}

export default function filtersPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addFilter("ariaCurrent", ariaCurrent);
  eleventyConfig.addFilter("dateNl", dateNl);
  eleventyConfig.addFilter("isoDate", isoDate);
  eleventyConfig.addFilter("minutes", minutes);
  eleventyConfig.addFilter("plural", plural);
  eleventyConfig.addFilter("courseOverview", courseOverview);
  eleventyConfig.addFilter("moduleContains", moduleContains);
  eleventyConfig.addFilter("withoutKind", titleWithoutKind);
  eleventyConfig.addFilter("levelUrl", levelUrl);
  eleventyConfig.addFilter("listingTitle", listingTitle);
  eleventyConfig.addFilter("groupListings", groupListings);
  eleventyConfig.addFilter("splitSteps", splitSteps);
  eleventyConfig.addFilter("matrixLevels", matrixLevels);
  eleventyConfig.addFilter("shortLabel", shortLabel);
  eleventyConfig.addFilter("wrapTables", wrapTables);
  eleventyConfig.addFilter("studentTags", studentTags);
  eleventyConfig.addFilter("withoutRepeatedNextStep", withoutRepeatedNextStep);
}
