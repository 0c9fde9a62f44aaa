import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Every import of a file, type-only ones included: relative ones resolved to files, packages by name. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map(([, specifier]) =>
    specifier!.startsWith(".") ? resolve(dirname(file), specifier!) : specifier!,
  );
}

const files = sourceFiles(SRC);
const graph = new Map(
  files.map((file) => [file, importsOf(file).filter((target) => files.includes(target))]),
);
const name = (file: string) => relative(SRC, file);

function cycles(): string[] {
  const found: string[] = [];
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    path.push(file);
    for (const target of graph.get(file) ?? []) {
      if (state.get(target) === "open") found.push(path.slice(path.indexOf(target)).map(name).join(" → "));
      else if (!state.has(target)) visit(target);
    }
    path.pop();
    state.set(file, "done");
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return found;
}

describe("the shape of the code", () => {
  it("has no import cycle, type-only imports included", () => {
    expect(cycles()).toEqual([]);
  });

  it.each(["questionnaire", "stats"])("keeps src/%s free of grammY and the database", (folder) => {
    const offending = files
      .filter((file) => name(file).startsWith(`${folder}/`))
      .flatMap((file) =>
        importsOf(file)
          .filter(
            (target) =>
              /^(grammy|@grammyjs\/|better-sqlite3|drizzle-orm)/.test(target) || target.includes("/src/db/"),
          )
          .map((target) => `${name(file)} imports ${target.startsWith("/") ? name(target) : target}`),
      );
    expect(offending).toEqual([]);
  });
});
