import { z } from "zod";

const optionSchema = z.union([
  z.string().min(1),
  z.strictObject({
    id: z.string().min(1),
    exclusive: z.boolean().optional(),
    specify: z.boolean().optional(),
  }),
]);

const questionSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, "ids are lower_snake_case"),
  type: z.enum(["select_one", "select_multiple", "rank", "integer", "text"]),
  choices: z.string().optional(),
  only: z.array(z.string()).optional(),
  optional: z.boolean().optional(),
  min: z.number().int().optional(),
  max: z.number().int().optional(),
  maxLength: z.number().int().positive().optional(),
  preferNotToSay: z.boolean().optional(),
  rankBy: z.enum(["importance", "severity", "frequency"]).optional(),
  relevant: z.strictObject({ question: z.string(), anyOf: z.array(z.string()).min(1) }).optional(),
});

const sectionsSchema = z.strictObject({
  identity: z.array(questionSchema).optional(),
  profile: z.array(questionSchema).optional(),
  main: z.array(questionSchema).optional(),
});

export const commonDefinitionSchema = z.strictObject({
  choiceLists: z.record(z.string(), z.array(optionSchema)),
  sections: sectionsSchema,
});

export const questionnaireDefinitionSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  version: z.number().int().positive(),
  choiceLists: z.record(z.string(), z.array(optionSchema)),
  sections: sectionsSchema,
});

export type CommonDefinition = z.infer<typeof commonDefinitionSchema>;
export type QuestionnaireDefinition = z.infer<typeof questionnaireDefinitionSchema>;
export type QuestionDefinition = z.infer<typeof questionSchema>;
export type OptionDefinition = z.infer<typeof optionSchema>;
