import type { Customer } from '../model/customerSchema';
import { ORDER_VALUE_SHAPE, pickCumulative, type CustomerTraits } from './drawCustomerTraits';
import { sampleStandardNormal } from './sampleStandardNormal';

const REGIONS = ['north', 'south', 'east', 'west'] as const;
const REGION_CUMULATIVE = [0.28, 0.55, 0.75, 1];
const GENDERS = ['f', 'm', 'x'] as const;
const GENDER_CUMULATIVE = [0.49, 0.95, 1];
const MEAN_AGE = 42;
const AGE_SPREAD = 14;
/** A mean order value above this, or a purchase rate above one a fortnight, makes a VIP candidate. */
const VIP_ORDER_VALUE = 150;
const VIP_PURCHASE_RATE = 1 / 14;

/**
 * Draws the customer record a CRM would hold: sign-up time, attributes (region, gender, age,
 * tags) and consent. Tags follow the hidden traits a little: big or frequent spenders are
 * often `vip`, young customers sometimes `student`, email subscribers often `newsletter`.
 *
 * @param random - The sample's generator.
 * @param traits - The customer's hidden traits.
 * @param id - The customer id.
 * @param createdAt - Sign-up time, epoch ms.
 * @returns The customer record, normalised.
 */
export function drawCustomerRecord(random: () => number, traits: CustomerTraits, id: string, createdAt: number): Customer {
  const region = REGIONS[pickCumulative(REGION_CUMULATIVE, random())] as string;
  const gender = GENDERS[pickCumulative(GENDER_CUMULATIVE, random())] as string;
  const age = Math.min(80, Math.max(18, Math.round(MEAN_AGE + AGE_SPREAD * sampleStandardNormal(random))));
  const tags: string[] = [];
  const bigSpender = ORDER_VALUE_SHAPE / traits.valueRate > VIP_ORDER_VALUE || traits.purchaseRate > VIP_PURCHASE_RATE;
  if (bigSpender && random() < 0.6) tags.push('vip');
  if (traits.emailConsent && random() < 0.5) tags.push('newsletter');
  if (random() < 0.18) tags.push('loyalty');
  if (age < 26 && random() < 0.35) tags.push('student');
  if (random() < 0.03) tags.push('b2b');
  if (random() < 0.01) tags.push('employee');
  return {
    id,
    createdAt,
    attributes: { region, gender, age, tags },
    consent: { email: traits.emailConsent, sms: traits.smsConsent },
  };
}
