/**
 * The Compose map as an SVG string, its text alternative and the list of mistakes. The same
 * layout runs at build time (the first view, also without JavaScript) and in the browser on
 * every edit. No style attributes: classes for the stylesheet, and SVG presentation
 * attributes (dash patterns) so networks differ by more than their colour.
 *
 * Layout: services stacked as boxes in file order; each network a vertical lane on the left
 * with a branch to each service on it; published ports as badges on the top edge of a box;
 * volumes and bind mounts inside the box with their own icon; depends_on as arrows on the
 * right, labelled with their condition.
 */
import { labs } from "../site/strings-labs.ts";
import type { ComposeModel, Mount, Service } from "./compose.ts";
import { cut, esc } from "./html.ts";

const s = labs.compose;
const PAD = 12;
const LANE = 16;
const BOX_W = 232;
const GAP = 30;
const PORT_W = 72;
const DEP_LANE = 12;
const DASHES = ["", "6 3", "2 3", "8 3 2 3", "4 4", "1 2"];

interface Placed {
  service: Service;
  top: number;
  height: number;
  portRows: number;
}

function portText(p: { published: string; target: string; protocol: string }): string {
  return `${p.published || "?"}→${p.target}${p.protocol !== "tcp" ? `/${p.protocol}` : ""}`;
}

function mountText(m: Mount): string {
  return m.kind === "anonymous" ? m.target : `${m.source} → ${m.target}`;
}

function icon(kind: Mount["kind"], x: number, y: number): string {
  if (kind === "bind") return `<path class="lab-icon lab-icon-bind" d="M${x} ${y - 8}h5l2 2h6v9h-13z"/>`;
  const dash = kind === "anonymous" ? ` stroke-dasharray="2 2"` : "";
  return `<path class="lab-icon lab-icon-volume"${dash} d="M${x} ${y - 7}v8a6.5 2.5 0 0 0 13 0v-8a6.5 2.5 0 0 0 -13 0a6.5 2.5 0 0 0 13 0"/>`;
}

/** The map as an SVG element (string). `id` makes the ids inside unique on the page. */
export function renderComposeSvg(model: ComposeModel, id: string): string {
  const nets = model.networks;
  const boxX = PAD + nets.length * LANE + 10;
  const perRow = Math.max(1, Math.floor((BOX_W - 16) / (PORT_W + 30)));
  const placed: Placed[] = [];
  let y = PAD + 12;
  for (const service of model.services) {
    const portRows = Math.ceil(service.ports.length / perRow);
    const header = portRows ? 12 + (portRows - 1) * 24 : 0;
    const height = header + 44 + service.mounts.length * 20 + (service.mounts.length ? 4 : 0);
    placed.push({ service, top: y, height, portRows });
    y += height + GAP;
  }
  const deps = placed.flatMap((p) => p.service.dependsOn.filter((d) => !d.link && placed.some((q) => q.service.name === d.service)).map((d) => ({ from: p, dep: d })));
  const right = boxX + BOX_W;
  const width = right + 20 + deps.length * DEP_LANE + 56;
  const legendY = y - GAP + 30;
  const height = (nets.length ? legendY + Math.ceil(nets.length / 3) * 20 : y - GAP + PAD) + 4;
  const out: string[] = [];
  out.push(
    `<svg class="lab-map-svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-map-title" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-map-title">${esc(s.mapLabel(model.services.length))}</title>`,
    `<defs><marker id="${id}-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="lab-arrowhead" d="M0 0L8 4L0 8z"/></marker></defs>`,
  );
  // Networks: a lane each, a branch to every service on it.
  nets.forEach((net, i) => {
    const x = PAD + 4 + i * LANE;
    const members = placed.filter((p) => p.service.networks.includes(net));
    const branchY = (p: Placed) => p.top + 16 + i * 7;
    const dash = DASHES[i % DASHES.length] ? ` stroke-dasharray="${DASHES[i % DASHES.length]}"` : "";
    if (members.length) {
      const top = branchY(members[0]!);
      const bottom = branchY(members.at(-1)!);
      out.push(`<g class="lab-net lab-net-${i % 6}"><path class="lab-net-line"${dash} d="M${x} ${top - 6}V${bottom + 6}"/>`);
      for (const p of members) out.push(`<path class="lab-net-line"${dash} d="M${x} ${branchY(p)}H${boxX}"/><circle class="lab-net-dot" cx="${x}" cy="${branchY(p)}" r="3"/>`);
      out.push(`</g>`);
    }
  });
  // Services.
  for (const p of placed) {
    const { service, top, height: h } = p;
    out.push(`<g class="lab-svc"><rect class="lab-svc-box" x="${boxX}" y="${top}" width="${BOX_W}" height="${h}" rx="6"/>`);
    service.ports.forEach((port, k) => {
      const label = cut(portText(port), 16);
      // Badge width from the label: about 6.6 px per character of 11 px bold digits.
      const w = Math.min(PORT_W + 24, Math.max(52, Math.round(label.length * 6.6) + 16));
      const px = boxX + 8 + (k % perRow) * (PORT_W + 30);
      const py = top - 9 + Math.floor(k / perRow) * 24;
      out.push(`<g class="lab-port"><rect class="lab-port-box" x="${px}" y="${py}" width="${w}" height="18" rx="9"/><text class="lab-port-text" x="${px + w / 2}" y="${py + 13}" text-anchor="middle">${esc(label)}</text></g>`);
    });
    const header = p.portRows ? 12 + (p.portRows - 1) * 24 : 0;
    const ty = top + header + 20;
    out.push(`<text class="lab-svc-name" x="${boxX + 10}" y="${ty}">${esc(cut(service.name, 28))}</text>`);
    const what = service.image ? s.image(service.image) : service.build ? s.build(service.build) : "";
    if (what) out.push(`<text class="lab-svc-image" x="${boxX + 10}" y="${ty + 16}">${esc(cut(what, 34))}</text>`);
    service.mounts.forEach((m, k) => {
      const my = ty + 38 + k * 20;
      out.push(`<g class="lab-mount lab-mount-${m.kind}">${icon(m.kind, boxX + 10, my)}<text class="lab-mount-text" x="${boxX + 30}" y="${my}">${esc(cut(mountText(m), 30))}</text></g>`);
    });
    out.push(`</g>`);
  }
  // depends_on: arrows on the right, from the service that waits to the one it waits for.
  const arrivals = new Map<string, number>();
  const departures = new Map<string, number>();
  deps.forEach(({ from, dep }, j) => {
    const to = placed.find((q) => q.service.name === dep.service)!;
    const k = departures.get(from.service.name) ?? 0;
    departures.set(from.service.name, k + 1);
    const a = arrivals.get(to.service.name) ?? 0;
    arrivals.set(to.service.name, a + 1);
    const y1 = from.top + from.height - 10 - k * 8;
    const y2 = to.top + 14 + a * 8;
    const gx = right + 14 + j * DEP_LANE;
    const label = s.condition[dep.condition] ?? dep.condition;
    out.push(
      `<g class="lab-dep"><path class="lab-dep-line" d="M${right} ${y1}H${gx}V${y2}H${right + 2}" marker-end="url(#${id}-arrow)"/>` +
        `<text class="lab-dep-text" x="${gx + 4}" y="${(y1 + y2) / 2 + 4}">${esc(label)}</text></g>`,
    );
  });
  // Legend: which lane is which network.
  nets.forEach((net, i) => {
    const lx = PAD + (i % 3) * 120;
    const ly = legendY + Math.floor(i / 3) * 20;
    const dash = DASHES[i % DASHES.length] ? ` stroke-dasharray="${DASHES[i % DASHES.length]}"` : "";
    out.push(`<g class="lab-net lab-net-${i % 6}"><path class="lab-net-line"${dash} d="M${lx} ${ly - 4}h22"/><text class="lab-legend-text" x="${lx + 28}" y="${ly}">${esc(cut(s.legendNetwork(net), 16))}</text></g>`);
  });
  out.push(`</svg>`);
  return out.join("");
}

/** The same facts as the drawing, as a list: for screen readers and for paper. */
export function renderComposeFacts(model: ComposeModel): string {
  if (!model.services.length) return `<p class="lab-facts">${esc(s.noServices)}</p>`;
  const items = model.services.map((svc) => {
    const facts: string[] = [];
    if (svc.networks.length) facts.push(s.networks(svc.networks.join(", ")));
    if (svc.ports.length) facts.push(s.ports(svc.ports.map((p) => s.port(p.published || "?", p.target + (p.protocol !== "tcp" ? `/${p.protocol}` : ""))).join("; ")));
    if (svc.mounts.length) facts.push(s.volumes(svc.mounts.map((m) => (m.kind === "volume" ? s.namedVolume(m.source, m.target) : m.kind === "bind" ? s.bindMount(m.source, m.target) : s.anonVolume(m.target))).join("; ")));
    const deps = svc.dependsOn.filter((d) => !d.link).map((d) => `${d.service} (${s.condition[d.condition] ?? d.condition})`);
    if (deps.length) facts.push(s.dependsOn(deps.join(", ")));
    const links = svc.dependsOn.filter((d) => d.link).map((d) => d.service);
    if (links.length) facts.push(s.links(links.join(", ")));
    const what = svc.image ? s.image(svc.image) : svc.build ? s.build(svc.build) : "";
    return `<li><strong>${esc(svc.name)}</strong>${what ? ` (${esc(what)})` : ""}${facts.length ? `<ul>${facts.map((f) => `<li>${esc(f)}</li>`).join("")}</ul>` : ""}</li>`;
  });
  return `<ul class="lab-facts">${items.join("")}</ul>`;
}

export function renderComposeMistakes(model: ComposeModel): string {
  if (!model.mistakes.length) return `<p class="lab-ok">${esc(s.noProblems)}</p>`;
  return `<ul class="lab-mistakes">${model.mistakes.map((m) => `<li class="lab-note lab-note-warning"><span class="lab-note-label">${esc(labs.dockerfile.line(m.line + 1))}:</span> ${esc(m.message)}</li>`).join("")}</ul>`;
}

/** The inside of the map's output box: drawing, facts and mistakes. Build time and browser alike. */
export function renderComposeOutput(model: ComposeModel, id: string): string {
  return (
    // On a phone the map keeps a readable size and scrolls sideways: a focusable region, so the keyboard can scroll it.
    `<div class="lab-map" tabindex="0" role="region" aria-label="${esc(s.mapRegion)}">${renderComposeSvg(model, id)}</div>` +
    `<p class="lab-subtitle">${esc(s.facts)}</p>${renderComposeFacts(model)}` +
    `<p class="lab-subtitle">${esc(s.problems)}</p>${renderComposeMistakes(model)}`
  );
}
