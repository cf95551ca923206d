/** Escaping for the labs' HTML and SVG strings (built at build time and in the browser alike). */
export function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Text cut to `max` characters with an ellipsis, for labels in a drawing. */
export function cut(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
}
