/** Minimal types for the parts of @11ty/eleventy-img this project uses. */
declare module "@11ty/eleventy-img" {
  type Metadata = Record<string, Array<{ url: string; width: number; height: number; format: string; sourceType?: string }>>;
  interface ImageFunction {
    (src: string, options?: Record<string, unknown>): Promise<Metadata>;
    statsSync(src: string, options?: Record<string, unknown>): Metadata;
    generateHTML(metadata: Metadata, attributes: Record<string, string>): string;
  }
  const Image: ImageFunction;
  export default Image;
}
