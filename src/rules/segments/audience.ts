import { ConfigurationError, quoteValue } from '../../errors';
import { CONSENT_CHANNELS, type ConsentChannel } from '../../model/customerSchema';
import type { Rule } from '../ast';
import { compileRule } from '../evaluate/compileRule';
import type { CompileRuleOptions } from '../evaluate/compileConditions';

/**
 * The customers of a segment who may be contacted on a channel: those the segment's rule
 * matches and whose `consent[channel]` is `true`. No consent recorded means no contact.
 *
 * @param segment - A rule, or a segment (`{ rule }`) from `defineSegments`.
 * @param customers - Scored customers with `consent`.
 * @param options - `channel` (`email`, `sms`, `push`, `phone`), and `asOf` as for `compileRule`.
 * @returns The customers to contact, in input order.
 * @throws {ConfigurationError} `invalid_option` for an unknown channel.
 *
 * @example
 * ```ts
 * import { audience, parseRule } from 'clientele';
 * const customers = [
 *   { customerId: 'a', monetaryTotal: 900, consent: { email: true } },
 *   { customerId: 'b', monetaryTotal: 900, consent: { email: false, sms: true } },
 *   { customerId: 'c', monetaryTotal: 900 },
 * ];
 * audience(parseRule('monetaryTotal >= 500'), customers, { channel: 'email' }).map((c) => c.customerId); // => ['a']
 * ```
 * @category Rules
 */
export function audience<C extends object>(segment: Rule | { readonly rule: Rule }, customers: readonly C[], options: CompileRuleOptions & { readonly channel: ConsentChannel }): C[] {
  if (typeof segment !== 'object' || segment === null) throw new ConfigurationError('invalid_option', `audience expects a rule or a segment, received ${quoteValue(segment)}`);
  if (!Array.isArray(customers)) throw new ConfigurationError('invalid_option', `audience expects an array of customers, received ${quoteValue(customers)}`);
  const channel = options?.channel;
  if (!CONSENT_CHANNELS.includes(channel)) {
    throw new ConfigurationError('invalid_option', `audience expects option \`channel\` to be one of ${CONSENT_CHANNELS.join(', ')}, received ${quoteValue(channel)}`, ['channel']);
  }
  const rule = '$v' in segment ? segment : segment.rule;
  const matches = compileRule(rule, options);
  return customers.filter((customer) => {
    const consent = (customer as { consent?: unknown }).consent;
    return typeof consent === 'object' && consent !== null && Object.hasOwn(consent, channel) && (consent as Record<string, unknown>)[channel] === true && matches(customer);
  });
}
