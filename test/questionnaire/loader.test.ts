import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DEFINITIONS_DIR, loadQuestionnaires } from "../../src/questionnaire/loader.ts";
import { questionnaire } from "../support/questionnaires.ts";

/** A copy of the shipped definitions with one file changed by `edit`. */
// biome-ignore lint/suspicious/noExplicitAny: fixtures edit arbitrary parts of a parsed definition
function definitionsWith(file: string, edit: (definition: any) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "definitions-"));
  cpSync(DEFAULT_DEFINITIONS_DIR, dir, { recursive: true });
  const definition = JSON.parse(readFileSync(join(dir, file), "utf8"));
  edit(definition);
  writeFileSync(join(dir, file), JSON.stringify(definition));
  return dir;
}

describe("questionnaire definitions", () => {
  it("ship both questionnaires with every question id of the study", () => {
    const ids = (id: "education" | "healthcare") => questionnaire(id).questions.map((q) => q.id);
    expect(ids("education")).toEqual([
      "full_name",
      "organisation",
      "position",
      "contact",
      "region",
      "experience_years",
      "migrant_specialisation",
      "council_member",
      "edu_role",
      "access_relevance",
      "e_documents_obstacle",
      "barriers",
      "barriers_rank",
      "discrimination",
      "class_distribution",
      "class_quota",
      "school_readiness",
      "full_services",
      "methods_usage",
      "methods_effectiveness",
      "teacher_readiness",
      "interethnic_culture",
      "preschool_centres",
      "strategies",
      "recommendations",
    ]);
    expect(ids("healthcare")).toContain("high_risk_complications");
    expect(ids("healthcare")).toContain("institution");
    expect(questionnaire("healthcare").questions).toHaveLength(24);
  });

  it("keep the option ids and their special roles", () => {
    const barriers = questionnaire("education").questions.find((q) => q.id === "barriers")!;
    expect(barriers.options).toHaveLength(13);
    expect(barriers.options.find((o) => o.id === "all_of_the_above")?.exclusive).toBe(true);
    expect(barriers.options.find((o) => o.id === "other")?.specify).toBe(true);
    const rank = questionnaire("education").questions.find((q) => q.id === "barriers_rank")!;
    expect(rank.options.map((o) => o.id)).toEqual([
      "no_e_documents",
      "no_temp_registration",
      "foreign_id_only",
      "language_barrier",
      "no_medical_documents",
      "low_knowledge_grade",
      "no_prior_schooling",
    ]);
    expect(rank.rankBy).toBe("severity");
    const diseasesRank = questionnaire("healthcare").questions.find((q) => q.id === "diseases_rank")!;
    expect(diseasesRank.rankBy).toBe("frequency");
    const experience = questionnaire("education").questions.find((q) => q.id === "experience_years")!;
    expect([experience.min, experience.max]).toEqual([0, 60]);
  });

  it("refuse a duplicate question id, naming the file and the question", () => {
    const dir = definitionsWith("education.json", (d) =>
      d.sections.main.push({ id: "barriers", type: "text" }),
    );
    expect(() => loadQuestionnaires(dir)).toThrow(
      /education\.json, question "barriers": duplicate question id/,
    );
  });

  it("refuse an unknown choice list", () => {
    const dir = definitionsWith("healthcare.json", (d) => {
      d.sections.main[0].choices = "attitudes";
    });
    expect(() => loadQuestionnaires(dir)).toThrow(
      /healthcare\.json, question "attitude": unknown choice list "attitudes"/,
    );
  });

  it("refuse a condition that names a missing question", () => {
    const dir = definitionsWith("healthcare.json", (d) => {
      d.sections.main[2].relevant.question = "high_risk";
    });
    expect(() => loadQuestionnaires(dir)).toThrow(
      /question "high_risk_complications": condition names "high_risk"/,
    );
  });

  it("refuse a condition on an option the question does not offer", () => {
    const dir = definitionsWith("healthcare.json", (d) => {
      d.sections.main[2].relevant.anyOf = ["maybe"];
    });
    expect(() => loadQuestionnaires(dir)).toThrow(/condition names option "maybe"/);
  });

  it("refuse a malformed question with the question named", () => {
    const dir = definitionsWith("education.json", (d) => {
      d.sections.main[0].type = "slider";
    });
    expect(() => loadQuestionnaires(dir)).toThrow(/education\.json, question "access_relevance"/);
  });

  it("refuse an integer question without a range", () => {
    const dir = definitionsWith("common.json", (d) => {
      delete d.sections.profile[1].max;
    });
    expect(() => loadQuestionnaires(dir)).toThrow(
      /common\.json, question "experience_years": an integer question needs min ≤ max/,
    );
  });

  it("refuse a rank order on a question that is not a ranking", () => {
    const dir = definitionsWith("education.json", (d) => {
      d.sections.main[0].rankBy = "importance";
    });
    expect(() => loadQuestionnaires(dir)).toThrow(
      /question "access_relevance": a select_one question takes no rank order/,
    );
  });

  it("refuse a rank order the texts cannot name", () => {
    const dir = definitionsWith("healthcare.json", (d) => {
      d.sections.main[6].rankBy = "cost";
    });
    expect(() => loadQuestionnaires(dir)).toThrow(/healthcare\.json, question "diseases_rank"/);
  });
});
