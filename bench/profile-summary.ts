import { readFileSync } from "node:fs";

/**
 * Prints where a V8 .cpuprofile spends its time: self time per function and per file, and total (inclusive)
 * time per function. Usage: tsx bench/profile-summary.ts <file.cpuprofile> [rows]
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, rowsArgument] = process.argv.slice(2);
if (!file) throw new Error("usage: tsx bench/profile-summary.ts <file.cpuprofile> [rows]");
const rows = Number(rowsArgument ?? 30);
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

const selfMs = new Map<number, number>();
profile.samples.forEach((id, index) => {
  selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
});
const totalMs = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0);

const shortUrl = (url: string) =>
  url
    .replace(/^file:\/\//, "")
    .replace(/.*\/node_modules\//, "npm:")
    .replace(/.*\/work\/main\//, "");
const frameName = (node: ProfileNode) =>
  `${node.callFrame.functionName || "(anonymous)"} ${shortUrl(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
const moduleOf = (node: ProfileNode) => {
  const url = shortUrl(node.callFrame.url);
  if (url === "") return node.callFrame.functionName;
  const npm = /^npm:((?:@[^/]+\/)?[^/]+)/.exec(url);
  return npm ? `npm:${npm[1]}` : url;
};

const self = new Map<string, number>();
const modules = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, ms] of selfMs) {
  const node = byId.get(id)!;
  self.set(frameName(node), (self.get(frameName(node)) ?? 0) + ms);
  modules.set(moduleOf(node), (modules.get(moduleOf(node)) ?? 0) + ms);
  const seen = new Set<string>();
  for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
    const name = frameName(byId.get(current)!);
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
  }
}

const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
    console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / totalMs).toFixed(1).padStart(5)}%  ${name}`);
  }
};
console.log(`total sampled: ${totalMs.toFixed(0)} ms`);
print("self time by file / package", modules);
print("self time by function", self);
print("inclusive time by function", inclusive);
