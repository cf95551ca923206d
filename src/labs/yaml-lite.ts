/**
 * A small YAML reader for the Compose map: yaml's own lexer and parser (its CST), turned into
 * plain nodes with their source offsets. yaml's full document layer (Composer, schemas,
 * stringify) would take the map's browser chunk over its 30 KB budget; the CST is a third
 * smaller. Scalars stay strings (Compose reads `80` and `"80"` alike for what the map shows),
 * aliases and tags are not resolved.
 */
import { CST, Parser } from "yaml";

export type YNode =
  | { kind: "map"; offset: number; entries: { key: string; offset: number; value: YNode | null }[] }
  | { kind: "seq"; offset: number; items: (YNode | null)[] }
  | { kind: "scalar"; offset: number; value: string };

export interface YamlResult {
  root: YNode | null;
  /** The first syntax error: offset and message (English, from yaml). */
  error?: { offset: number; message: string };
}

type Token = CST.Token;

function scalarText(token: Token): string | undefined {
  if (token.type === "alias") return token.source;
  const r = CST.resolveAsScalar(token as CST.FlowScalar | CST.BlockScalar);
  return r ? r.value : undefined;
}

export function readYaml(source: string): YamlResult {
  let error: YamlResult["error"];
  const fail = (offset: number, message: string) => {
    error ??= { offset, message };
  };
  const findErrors = (tokens: readonly CST.SourceToken[] | undefined) => {
    for (const t of tokens ?? []) if ((t as Token).type === "error") fail(t.offset, (t as unknown as CST.ErrorToken).message);
  };
  const convert = (token: Token | null | undefined): YNode | null => {
    if (!token) return null;
    switch (token.type) {
      case "block-map":
      case "flow-collection": {
        const flowSeq = token.type === "flow-collection" && token.start.source === "[";
        if (token.type === "flow-collection") findErrors(token.end);
        if (flowSeq) {
          return { kind: "seq", offset: token.offset, items: token.items.map((it) => convert(it.value)) };
        }
        const entries: { key: string; offset: number; value: YNode | null }[] = [];
        for (const it of token.items) {
          findErrors(it.start);
          findErrors(it.sep);
          const keyToken = it.key as Token | null | undefined;
          if (!keyToken) {
            if (it.value) fail(it.value.offset, "value without a key");
            continue;
          }
          if (token.type === "block-map" && !it.sep?.some((t) => t.type === "map-value-ind")) fail(keyToken.offset, "a key needs a colon after it");
          const key = scalarText(keyToken);
          if (key === undefined) continue;
          entries.push({ key, offset: keyToken.offset, value: convert(it.value) });
        }
        return { kind: "map", offset: token.offset, entries };
      }
      case "block-seq":
        return { kind: "seq", offset: token.offset, items: token.items.map((it) => (findErrors(it.start), convert(it.value))) };
      case "scalar":
      case "single-quoted-scalar":
      case "double-quoted-scalar":
      case "block-scalar":
      case "alias":
        return { kind: "scalar", offset: token.offset, value: scalarText(token) ?? "" };
      case "error":
        fail(token.offset, token.message);
        return null;
      default:
        return null;
    }
  };
  let root: YNode | null = null;
  let documents = 0;
  for (const token of new Parser().parse(source)) {
    if (token.type === "document") {
      if (documents++ === 0) {
        findErrors(token.start);
        root = convert(token.value);
        findErrors(token.end);
      }
    } else if (token.type === "error") fail(token.offset, token.message);
  }
  return error ? { root, error } : { root };
}

/** The value of `key` in a map node. */
export function get(node: YNode | null | undefined, key: string): YNode | null | undefined {
  return node?.kind === "map" ? node.entries.find((e) => e.key === key)?.value : undefined;
}

/** A scalar's text, or undefined. */
export function text(node: YNode | null | undefined): string | undefined {
  return node?.kind === "scalar" ? node.value : undefined;
}
