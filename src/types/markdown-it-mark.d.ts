/** markdown-it-mark ships no types: `==text==` becomes `<mark>text</mark>`. */
declare module "markdown-it-mark" {
  import type { PluginSimple } from "markdown-it";
  const markPlugin: PluginSimple;
  export default markPlugin;
}
