/**
 * The Compose map's model: services, networks, published ports, volumes and bind mounts,
 * depends_on with its condition, and the mistakes a student makes most (a service it names
 * on no shared network, a port published twice, an unknown top-level key, the obsolete
 * `version:`, an undeclared named volume). Pure logic, used at build time and in the browser.
 */
import { labs } from "../site/strings-labs.ts";
import { get, readYaml, text, type YNode } from "./yaml-lite.ts";

/** Top-level keys of the Compose specification (besides `x-*` extensions). Shared with `npm run check`. */
export const COMPOSE_TOP_LEVEL_KEYS = ["services", "networks", "volumes", "configs", "secrets", "name", "include"];

export interface Port {
  published: string;
  target: string;
  protocol: string;
  hostIp: string;
  line: number;
}

export interface Mount {
  kind: "volume" | "bind" | "anonymous";
  source: string;
  target: string;
  line: number;
}

export interface Dependency {
  service: string;
  condition: string;
  line: number;
  /** `links:` instead of `depends_on:` (no arrow condition). */
  link?: boolean;
}

export interface Service {
  name: string;
  line: number;
  image: string;
  build: string;
  ports: Port[];
  /** Networks the service joins; `default` when it names none. Empty with `network_mode`. */
  networks: string[];
  mounts: Mount[];
  dependsOn: Dependency[];
}

export type MistakeCode = "yaml" | "version" | "unknownKey" | "noNetwork" | "unknownService" | "portTwice" | "unknownVolume";

export interface Mistake {
  /** 0-based line in the compose file. */
  line: number;
  code: MistakeCode;
  /** Dutch, for the student. */
  message: string;
}

export interface ComposeModel {
  services: Service[];
  /** Networks in the order the map draws them. */
  networks: string[];
  mistakes: Mistake[];
}

const m = labs.compose.mistakes;

function lineAt(source: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) n++;
  return n;
}

function list(node: YNode | null | undefined): YNode[] {
  if (node?.kind === "seq") return node.items.filter((n): n is YNode => n !== null);
  return [];
}

/** Names from a list (`[a, b]`) or the keys of a map (`{ a: {...} }`). */
function names(node: YNode | null | undefined): { name: string; value: YNode | null; offset: number }[] {
  if (node?.kind === "map") return node.entries.map((e) => ({ name: e.key, value: e.value, offset: e.offset }));
  return list(node).flatMap((n) => (n.kind === "scalar" ? [{ name: n.value, value: null, offset: n.offset }] : []));
}

/** `[HOST_IP:][HOST:]CONTAINER[/PROTOCOL]` or the long syntax. */
export function parsePort(node: YNode): Omit<Port, "line"> {
  if (node.kind === "map") {
    return { published: text(get(node, "published")) ?? "", target: text(get(node, "target")) ?? "", protocol: text(get(node, "protocol")) ?? "tcp", hostIp: text(get(node, "host_ip")) ?? "" };
  }
  const raw = node.kind === "scalar" ? node.value : "";
  const [spec, protocol = "tcp"] = raw.split("/") as [string, string | undefined];
  // An IPv6 host address is written in brackets: [::1]:8080:80.
  const v6 = /^\[([^\]]+)\]:(.*)$/.exec(spec);
  const parts = v6 ? [v6[1]!, ...v6[2]!.split(":")] : spec.split(":");
  const target = parts.pop() ?? "";
  const published = parts.pop() ?? "";
  const hostIp = parts.join(":");
  return { published, target, protocol, hostIp };
}

/** `NAME:/path[:ro]`, `./dir:/path`, `/path`, or the long syntax. */
export function parseMount(node: YNode): Omit<Mount, "line"> {
  if (node.kind === "map") {
    const type = text(get(node, "type")) ?? "volume";
    const source = text(get(node, "source")) ?? "";
    const target = text(get(node, "target")) ?? "";
    return { kind: type === "bind" ? "bind" : source ? "volume" : "anonymous", source, target };
  }
  const raw = node.kind === "scalar" ? node.value : "";
  const parts = raw.split(":");
  if (parts.length === 1) return { kind: "anonymous", source: "", target: raw };
  // A Windows drive letter: C:\data:/data.
  const [source, target] = /^[A-Za-z]$/.test(parts[0]!) && parts.length > 2 ? [`${parts[0]}:${parts[1]}`, parts[2]!] : [parts[0]!, parts[1]!];
  const bind = /^([./~$]|[A-Za-z]:)/.test(source);
  return { kind: bind ? "bind" : "volume", source, target };
}

export function parseCompose(source: string): ComposeModel {
  const { root, error } = readYaml(source);
  const mistakes: Mistake[] = [];
  const line = (offset: number) => lineAt(source, offset);
  if (error) mistakes.push({ line: line(error.offset), code: "yaml", message: m.yaml(error.message) });
  const services: Service[] = [];
  const declaredNetworks = names(get(root, "networks")).map((n) => n.name);
  const declaredVolumes = new Set(names(get(root, "volumes")).map((n) => n.name));
  if (root?.kind === "map") {
    for (const entry of root.entries) {
      if (entry.key === "version") mistakes.push({ line: line(entry.offset), code: "version", message: m.version });
      else if (!COMPOSE_TOP_LEVEL_KEYS.includes(entry.key) && !entry.key.startsWith("x-")) mistakes.push({ line: line(entry.offset), code: "unknownKey", message: m.unknownKey(entry.key) });
    }
  }
  for (const { name, value, offset } of names(get(root, "services"))) {
    const build = get(value, "build");
    const networkMode = text(get(value, "network_mode"));
    const joined = names(get(value, "networks")).map((n) => n.name);
    const service: Service = {
      name,
      line: line(offset),
      image: text(get(value, "image")) ?? "",
      build: text(build) ?? text(get(build, "context")) ?? (build ? "." : ""),
      ports: list(get(value, "ports")).map((p) => ({ ...parsePort(p), line: line(p.offset) })),
      networks: networkMode ? [] : joined.length ? joined : ["default"],
      mounts: list(get(value, "volumes")).map((v) => ({ ...parseMount(v), line: line(v.offset) })),
      dependsOn: [
        ...names(get(value, "depends_on")).map((d) => ({ service: d.name, condition: text(get(d.value, "condition")) ?? "service_started", line: line(d.offset) })),
        ...list(get(value, "links")).map((l) => ({ service: (text(l) ?? "").split(":")[0]!, condition: "", line: line(l.offset), link: true })),
      ],
    };
    services.push(service);
  }
  const byName = new Map(services.map((s) => [s.name, s]));
  const published: (Port & { service: string })[] = [];
  for (const s of services) {
    for (const d of s.dependsOn) {
      const other = byName.get(d.service);
      if (!other) mistakes.push({ line: d.line, code: "unknownService", message: m.unknownService(s.name, d.service) });
      else if (s.networks.length && other.networks.length && !s.networks.some((n) => other.networks.includes(n))) {
        mistakes.push({ line: d.line, code: "noNetwork", message: m.noNetwork(s.name, d.service) });
      }
    }
    for (const p of s.ports) {
      if (!p.published) continue;
      const ip = p.hostIp === "0.0.0.0" ? "" : p.hostIp;
      const clash = published.find((q) => q.published === p.published && q.protocol === p.protocol && (!ip || !q.hostIp || q.hostIp === ip));
      if (clash) mistakes.push({ line: p.line, code: "portTwice", message: m.portTwice(p.published, clash.service === s.name ? s.name : `${clash.service} en ${s.name}`) });
      published.push({ ...p, hostIp: ip, service: s.name });
    }
    for (const mount of s.mounts) {
      if (mount.kind === "volume" && !declaredVolumes.has(mount.source)) mistakes.push({ line: mount.line, code: "unknownVolume", message: m.unknownVolume(mount.source) });
    }
  }
  const networks: string[] = [];
  for (const s of services) for (const n of s.networks) if (!networks.includes(n)) networks.push(n);
  for (const n of declaredNetworks) if (!networks.includes(n)) networks.push(n);
  mistakes.sort((a, b) => a.line - b.line);
  return { services, networks, mistakes };
}
