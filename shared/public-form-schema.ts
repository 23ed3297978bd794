import { z } from 'zod';
import { COMPANY_SIZES } from './config';
import { LANGUAGES } from './localized';
import type { PublicForm } from './public-form';
import type { Same } from './same-type';
import { widgetTexts, type WidgetTexts } from './widget-texts';

// PublicForm (shared/public-form.ts: plain types, the widget imports them) as a zod schema, for
// the OpenAPI document and the tests that check real answers of GET …/form. The two cannot drift:
// the checks at the bottom fail to compile when one has a field the other has not.

const option = z.strictObject({ id: z.string(), label: z.string() });
const choiceQuestion = z.strictObject({ label: z.string(), help: z.string().optional(), options: z.array(option) });

const textKeys = Object.keys(widgetTexts.en) as (keyof WidgetTexts)[];
const widgetTextsSchema = z
  .strictObject(Object.fromEntries(textKeys.map((k) => [k, z.string()])) as Record<keyof WidgetTexts, z.ZodString>)
  .describe("The widget's own words in the form's language (shared/widget-texts.ts).");

export const publicFormSchema = z.strictObject({
  site: z.string(),
  language: z.enum(LANGUAGES),
  languages: z.array(z.enum(LANGUAGES)),
  vendor: z.strictObject({
    name: z.string(),
    privacyUrl: z.string(),
    fallbackContact: z
      .strictObject({ email: z.string().optional(), phone: z.string().optional() })
      .optional()
      .describe('Another way to reach the vendor, for when the form cannot be sent.'),
  }),
  process: z.strictObject({
    title: z.string(),
    intro: z.string().optional(),
    steps: z.array(
      z.strictObject({
        id: z.string(),
        title: z.string(),
        weDo: z.string(),
        weAsk: z.string(),
        duration: z.string().optional(),
        fixed: z.string().optional().describe('The step cannot be skipped or changed in a proposal; the text says why.'),
      }),
    ),
    deviationAllowed: z.boolean(),
    version: z.string().optional().describe('Which version of the process this is (a hash of its content); the lead records it.'),
  }),
  questions: z.strictObject({
    stage: choiceQuestion,
    budget: choiceQuestion,
    decisionProcess: choiceQuestion,
    stakeholders: z.strictObject({ label: z.string(), roles: z.array(option), finalSay: choiceQuestion }),
    timeline: choiceQuestion,
    costOfInaction: z.strictObject({ label: z.string() }),
  }),
  processTotal: z.string().optional().describe('The steps\' durations added up ("5 weeks"), when they are of one unit.'),
  companySizes: z.array(z.enum(COMPANY_SIZES)).readonly(),
  texts: widgetTextsSchema,
  formToken: z.string().describe('Signed "form shown at" token; send it back as formToken with the submission.'),
});

/** The process block of a form, without its version: what a process version stores. */
export const processContentSchema = publicFormSchema.shape.process.omit({ version: true });

// Compile-time: the schema's type and the interface are the same, both ways.
const sameForm: Same<z.output<typeof publicFormSchema>, PublicForm> = true;
void sameForm;
