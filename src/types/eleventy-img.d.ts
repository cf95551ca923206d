/** Minimal types for the parts of @11ty/eleventy-img this project uses. */
declare module "@11ty/eleventy-img" {
  type Metadata = Record<string, Array<{ url: string; width: number; height: number; format: string; sourceType?: string }>>;
  interface ImageFunction {
    (src: string, options?: Record<string, unknown>): Promise<Metadata>;
    statsSync(src: string, options?: Record<string, unknown>): Metadata;
    generateHTML(metadata: Metadata, attributes: Record<string, string>): string;
    /** The same as an object: `{ picture: { ...attributes, "@children": [{ source: {...} }, { img: {...} }] } }` or `{ img: {...} }`. */
    generateObject(metadata: Metadata, attributes: Record<string, string>): Record<string, Record<string, unknown>>;
  }
  const Image: ImageFunction;
  export default Image;
}
