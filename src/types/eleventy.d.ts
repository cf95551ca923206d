/** Minimal types for the parts of Eleventy 3 this project uses. */
declare module "@11ty/eleventy" {
  export interface EleventyConfig {
    addGlobalData(name: string, value: unknown): void;
    addFilter(name: string, fn: (...args: any[]) => unknown): void;
    addPassthroughCopy(path: string | Record<string, string>): void;
    addWatchTarget(path: string): void;
    addPlugin(plugin: unknown, options?: unknown): void;
    addTransform(name: string, fn: (this: { page: { outputPath: string | false; url: string; inputPath: string } }, content: string) => string | Promise<string>): void;
    on(event: string, fn: (...args: any[]) => unknown): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    setServerOptions(options: Record<string, unknown>): void;
    setChokidarConfig(options: Record<string, unknown>): void;
    setQuietMode(quiet: boolean): void;
    setWatchThrottleWaitTime(ms: number): void;
    ignores: { add(glob: string): void };
    pathPrefix?: string;
  }
  export class Eleventy {
    constructor(input?: string, output?: string, options?: Record<string, unknown>);
    write(): Promise<unknown>;
    toJSON(): Promise<Array<{ url: string; inputPath: string; outputPath: string; content: string }>>;
  }
  export const HtmlBasePlugin: unknown;
}
