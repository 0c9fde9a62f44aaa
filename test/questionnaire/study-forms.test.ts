import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readFormWorkbook } from "../../src/interchange/form-workbook.ts";
import { STUDY_FORMS_DIR } from "../../src/interchange/study-forms.ts";
import type { Question } from "../../src/questionnaire/types.ts";
import { describeProblem } from "../../src/questionnaire/xlsform/form.ts";
import { readXlsForm } from "../../src/questionnaire/xlsform/form-reader.ts";
import { questionnaire } from "../support/questionnaires.ts";

/**
 * What every stored answer, export and paper table keys on: question ids in order, types, sections, and
 * option ids in order (`!` exclusive, `?` asks to specify). The forms were written from the definitions the
 * bot used before them; this pins them, so an edit of a workbook that would orphan stored answers fails here.
 */
const STRUCTURE: Record<"education" | "healthcare", Record<string, string>> = {
  education: {
    full_name: "text identity",
    organisation: "text identity",
    position: "text identity",
    contact: "text identity",
    region: "select_one profile shymkent turkestan_region other? prefer_not_to_say",
    experience_years: "integer profile",
    migrant_specialisation: "select_one profile yes no prefer_not_to_say",
    council_member: "select_one profile yes no prefer_not_to_say",
    edu_role:
      "select_one profile chief_specialist methodologist social_educator educational_psychologist speech_therapist teacher other? prefer_not_to_say",
    access_relevance: "select_one main very_relevant minor not_relevant",
    e_documents_obstacle: "select_one main major insignificant no",
    barriers:
      "select_multiple main no_e_documents no_temp_registration no_school_places foreign_id_only unexplained_refusal language_barrier admission_tests no_medical_documents school_distance low_knowledge_grade no_prior_schooling all_of_the_above! other?",
    barriers_rank:
      "rank main no_e_documents no_temp_registration foreign_id_only language_barrier no_medical_documents low_knowledge_grade no_prior_schooling",
    discrimination: "select_one main none peers_some_schools administration other?",
    class_distribution: "select_one main general_classes specialised_classes does_not_matter",
    class_quota: "select_one main needed not_needed only_admitting_schools",
    school_readiness: "select_one main fully partially few_schools not_ready",
    full_services: "select_one main equal not_always no",
    methods_usage: "select_one main everywhere not_all_schools several_schools",
    methods_effectiveness: "select_one main significant insignificant not_effective",
    teacher_readiness: "select_one main fully partially several_schools not_ready",
    interethnic_culture: "select_one main excellent good satisfactory poor",
    preschool_centres: "select_one main everywhere high_concentration_areas not_needed",
    strategies:
      "select_multiple main children_database additional_education language_schools extra_hours_electives preschool_centres other?",
    recommendations: "text main",
  },
  healthcare: {
    full_name: "text identity",
    organisation: "text identity",
    position: "text identity",
    contact: "text identity",
    region: "select_one profile shymkent turkestan_region other? prefer_not_to_say",
    experience_years: "integer profile",
    migrant_specialisation: "select_one profile yes no prefer_not_to_say",
    council_member: "select_one profile yes no prefer_not_to_say",
    hc_role:
      "select_one profile social_worker psychologist sociologist nurse doctor dentist other? prefer_not_to_say",
    institution:
      "select_one profile polyclinic maternity_hospital hospital medical_centre aids_centre other? prefer_not_to_say",
    attitude: "select_one main respectful effective_assistance mistrust other?",
    high_risk_group: "select_one main yes not_always no",
    high_risk_complications: "select_multiple main anemia abnormal_labour infectious_complications other?",
    e_documents_effect: "select_one main significant lesser none",
    living_conditions_effect: "select_one main significant not_all_categories self_discipline",
    diseases:
      "select_multiple main extragenital gynecological endocrine gastrointestinal anemia cns pregnancy_complications childbirth_complications other?",
    diseases_rank:
      "rank main extragenital gynecological endocrine gastrointestinal anemia cns pregnancy_complications childbirth_complications",
    emergency_care: "select_multiple main obstetrics pregnancy_termination pregnancy_registration other?",
    health_database: "select_one main needed only_some_categories not_needed",
    pregnancy_monitoring: "select_one main needed only_with_pathologies not_needed",
    voluntary_insurance: "select_one main yes not_for_everyone no",
    free_care_components:
      "select_multiple main prehospital_care medical_social_counselling insurance_assistance examination_assistance other?",
    care_measures:
      "select_multiple main routing risk_screening quality_criteria miscarriage_prevention specialist_examinations other?",
    recommendations: "text main",
  },
};

const describeQuestion = (question: Question) =>
  [
    question.type,
    question.section,
    ...question.options.map(
      (option) => `${option.id}${option.exclusive ? "!" : ""}${option.specify ? "?" : ""}`,
    ),
  ].join(" ");

describe.each(["education", "healthcare"] as const)("the %s questionnaire's XLSForm file", (id) => {
  it("reads without a problem or a warning: every text is written in kk, ru and en", async () => {
    const workbook = await readFormWorkbook(readFileSync(`${STUDY_FORMS_DIR}${id}.xlsx`));
    if (!workbook.ok) throw new Error(`questionnaires/${id}.xlsx cannot be read`);
    const reading = readXlsForm(workbook.sheets);
    expect(reading.problems.map(describeProblem)).toEqual([]);
    expect(reading.warnings.map(describeProblem)).toEqual([]);
    expect(reading.form?.languages).toEqual(["kk", "ru", "en"]);
  });

  it("keeps the question and option ids the stored answers key on", () => {
    const questions = questionnaire(id).questions;
    expect(
      Object.fromEntries(questions.map((question) => [question.id, describeQuestion(question)])),
    ).toEqual(STRUCTURE[id]);
  });

  it("names the paper's Table 1 rows and the compared regions", () => {
    const role = id === "education" ? "edu_role" : "hc_role";
    expect(questionnaire(id).sampleTable).toEqual([role, "region", "experience_years"]);
    expect(questionnaire(id).compareBy).toEqual({
      question: "region",
      options: ["shymkent", "turkestan_region"],
    });
  });
});
