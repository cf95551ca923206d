/**
 * What the search index and the search clients agree on: the weights the index gives a
 * lesson's parts, the meta field with its headings, the filters, and the ranking the clients
 * ask Pagefind for. Plain data, read by the build (src/eleventy/search-index.ts) and by the
 * browser (src/client/search.ts, src/client/_quick-search.ts).
 *
 * Why these numbers. In a Docker course the words students type most ("docker", "container",
 * "image", "starten") stand in nearly every lesson, so Pagefind's term frequencies hardly tell
 * the lessons apart, and a lesson full of Dockerfile `RUN` lines or command output outranks the
 * one that explains the subject. What does tell them apart is what a lesson is about: its title
 * and its headings. So:
 * - the title and the h2/h3 headings weigh more in the text (`data-pagefind-weight`), and code
 *   blocks weigh less (the same commands and their output come back in many lessons);
 * - the headings are also a meta field (`koppen`) that Pagefind's ranking adds a boost for
 *   when the query's words are in it, like it does for the title. The boost grows with the
 *   share of the query it matches, so "container starten" lifts the lesson with the step
 *   "Een container op de achtergrond starten" above lessons that only say "container" often.
 */

import { t } from "./strings.ts";

/** `data-pagefind-weight` of the parts of a lesson (Pagefind's defaults: h1 7, h2 6, h3 5, text 1). */
export const SEARCH_WEIGHTS = {
  title: 10,
  h2: 8,
  h3: 6,
  /** Code blocks (`<pre>`): commands and their output. */
  code: 0.5,
} as const;

/** The meta field that holds a lesson's h2 and h3 headings, for ranking. */
export const HEADINGS_META = "koppen";

/** The filters' names in the index (Dutch: Pagefind's own interface would show them as given). */
export const SEARCH_FILTERS = {
  kind: t.search.filters.kind,
  topic: t.search.filters.topic,
} as const;

/** What the kind filter says for pages that are no lesson of one of the four kinds. */
export const SEARCH_KIND_OTHER = {
  naslag: t.search.filters.reference,
  docenten: t.search.filters.teachers,
} as const;

/** A topic as the topic filter and the search page name it: `Docker-containers` -> `Docker containers`. */
export function topicLabel(topic: string): string {
  return topic.replace(/-/g, " ");
}

/**
 * Pagefind's `ranking` option, the same for the search page and the header's instant results.
 * A meta field's boost is proportional to how rare the query's words are in the course; words
 * that stand in nearly every lesson ("container", "docker") are worth so little that the
 * default title weight (5) could not lift "Uitleg Docker Containers" above a lesson that says
 * "containerd" in three headings. With 20 a word of the title counts, and the three lessons of
 * a topic come first for its name ("volume", "netwerk", "image", "compose").
 */
export const SEARCH_RANKING = {
  metaWeights: { title: 20, [HEADINGS_META]: 5 },
};
