import * as z from 'zod/mini';
import { idSchema, MAX_TEXT_LENGTH, optionalField } from './idSchema';
import { createInstantSchema } from './instantSchema';

/** Marketing channels a customer can consent to. */
export const CONSENT_CHANNELS = ['email', 'sms', 'push', 'phone'] as const;
/** One of {@link CONSENT_CHANNELS}. */
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/** The fields a customer row may have. */
export const CUSTOMER_FIELDS = ['id', 'createdAt', 'attributes', 'consent'] as const;

/** Keys that would reach an object's prototype if used as property names; never accepted as attribute names. */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The most attributes one customer may carry, and the longest attribute text or tag list. */
export const MAX_ATTRIBUTES = 200;
export const MAX_ATTRIBUTE_TEXT_LENGTH = 2_000;
export const MAX_TAGS = 1_000;

/** An attribute value: text, a finite number, a boolean, a date (stored as an ISO string) or a list of tags. */
export type AttributeValue = string | number | boolean | readonly string[];

const attributeValueSchema = z.union([
  z.string().check(z.maxLength(MAX_ATTRIBUTE_TEXT_LENGTH)),
  z.number(),
  z.boolean(),
  z.pipe(z.date(), z.transform((date: Date): string => date.toISOString())),
  z.array(z.string().check(z.maxLength(MAX_TEXT_LENGTH))).check(z.maxLength(MAX_TAGS)),
], { error: 'expected text, a finite number, a boolean, a Date or a list of strings' });

const attributeNameSchema = z.string().check(
  z.minLength(1),
  z.maxLength(MAX_TEXT_LENGTH),
  z.refine((name: string) => !RESERVED_KEYS.has(name), { message: 'is a reserved name (__proto__, constructor, prototype)' }),
);

/**
 * Host-defined static fields (gender, birth date, region, city, country, occupation, industry,
 * company size, tags...). Values are text, finite numbers, booleans, dates (normalised to ISO
 * strings) or lists of strings; nested objects are rejected, so no input can nest deeply.
 * Names that would reach a prototype (`__proto__`) are rejected rather than silently dropped.
 */
const attributesSchema = z.pipe(
  z.custom<Record<string, unknown>>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.keys(value).length <= MAX_ATTRIBUTES &&
      Object.keys(value).every((key) => !RESERVED_KEYS.has(key)),
    { message: `expected an object of at most ${MAX_ATTRIBUTES} attributes, none named __proto__, constructor or prototype` },
  ),
  z.record(attributeNameSchema, attributeValueSchema),
);

/** Marketing consent per channel: `true` consented, `false` refused, absent unknown. Unknown channels are rejected. */
const consentSchema = z.strictObject({
  email: optionalField(z.boolean()),
  sms: optionalField(z.boolean()),
  push: optionalField(z.boolean()),
  phone: optionalField(z.boolean()),
});

/** Builds the customer schema; date strings without an offset are read in `timeZone` (UTC by default). */
export function createCustomerSchema(options: { readonly timeZone?: string } = {}) {
  return z.object({
    id: idSchema,
    createdAt: optionalField(createInstantSchema(options.timeZone)),
    attributes: optionalField(attributesSchema),
    consent: optionalField(consentSchema),
  });
}

/** The zod schema of one customer row. */
export const customerSchema = createCustomerSchema();

/** A customer row as hosts hand it over. */
export type CustomerInput = z.input<typeof customerSchema>;

/** A validated, normalised customer. */
export interface Customer {
  readonly id: string;
  /** When the customer record was created (sign-up), epoch ms UTC. */
  readonly createdAt?: number;
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
  readonly consent?: Readonly<Partial<Record<ConsentChannel, boolean>>>;
}
