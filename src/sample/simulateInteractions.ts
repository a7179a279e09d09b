import { DAY_MS } from '../internal/dayNumber';
import type { CustomerTraits } from './drawCustomerTraits';
import { growColumn } from '../internal/growColumn';
import { CAMPAIGN_DAYS, instantOfDay, type SampleContext } from './sampleContext';

/** Interaction kinds, in the order of the kind indices used by the interaction columns. */
export const INTERACTION_KINDS = ['email_open', 'email_click', 'site_visit', 'support_ticket', 'survey', 'campaign_response'] as const;
const EMAIL_OPEN = 0;
const EMAIL_CLICK = 1;
const SITE_VISIT = 2;
const SUPPORT_TICKET = 3;
const SURVEY = 4;
const CAMPAIGN_RESPONSE = 5;

/** Interaction channels, in the order of the channel indices used by the interaction columns. */
export const INTERACTION_CHANNELS = ['email', 'web', 'app', 'sms', 'phone', 'chat'] as const;
const EMAIL = 0;
const WEB = 1;
const APP = 2;
const SMS = 3;
const PHONE = 4;
const CHAT = 5;
/** The preferred transaction channel of app users (index into TRANSACTION_CHANNELS). */
const APP_BUYER = 2;

/** Site visits a day: a base rate plus visits per expected purchase, times engagement. */
const VISITS_BASE_RATE = 0.004;
const VISITS_PER_PURCHASE = 0.4;
const PROSPECT_VISIT_RATE = 0.03;
/** Email opens a day while active, times engagement (campaigns go out every two weeks, newsletters in between). */
const EMAIL_OPEN_RATE = 0.012;
/** Activity after dropout, relative to before: people keep opening emails and browsing a little. */
const AFTER_DROPOUT = 0.25;
const CLICK_PER_OPEN = 0.2;
const RESPONSE_PER_CLICK = 0.25;
/** Campaign responses by SMS a day, for customers who consented to SMS. */
const SMS_RESPONSE_RATE = 0.001;
const TICKET_PER_ORDER = 0.03;
const TICKET_PER_CANCELLED_ORDER = 0.25;
const TICKET_PER_REFUND = 0.6;
const SURVEY_PER_ORDER = 0.05;
const SURVEY_PER_REFUND = 0.2;

/** Appends one interaction to the columns, growing them when full. */
function push(context: SampleContext, customer: number, at: number, kind: number, campaign: number, channel: number, score: number): void {
  const columns = context.interactions;
  const index = columns.count++;
  if (index === columns.at.length) {
    columns.customer = growColumn(columns.customer, index + 1);
    columns.at = growColumn(columns.at, index + 1);
    columns.kind = growColumn(columns.kind, index + 1);
    columns.campaign = growColumn(columns.campaign, index + 1);
    columns.channel = growColumn(columns.channel, index + 1);
    columns.score = growColumn(columns.score, index + 1);
  }
  columns.customer[index] = customer;
  columns.at[index] = at;
  columns.kind[index] = kind;
  columns.campaign[index] = campaign;
  columns.channel[index] = channel;
  columns.score[index] = score;
}

/**
 * Fills `out` with the event times of a Poisson process on [from, to] whose rate is
 * `activeRate` before `switchAt` and `laterRate` after (the process is memoryless, so it
 * restarts at the switch).
 */
function poissonTimes(
  random: () => number,
  out: number[],
  from: number,
  switchAt: number,
  to: number,
  activeRate: number,
  laterRate: number,
): void {
  out.length = 0;
  let t = from;
  for (;;) {
    const active = t < switchAt;
    const rate = active ? activeRate : laterRate;
    if (!(rate > 0)) {
      if (active && switchAt < to) {
        t = switchAt;
        continue;
      }
      return;
    }
    const next = t - Math.log(1 - random()) / rate;
    if (active && next > switchAt) {
      t = switchAt;
      continue;
    }
    if (next > to) return;
    t = next;
    out.push(t);
  }
}

/** Support tickets come by phone, email or chat. */
function drawTicketChannel(u: number): number {
  if (u < 0.45) return PHONE;
  return u < 0.8 ? EMAIL : CHAT;
}

/**
 * Draws an NPS-style answer from 0 to 10: promoters (9-10), passives (7-8) and detractors
 * (0-6, mostly 5-6). Customers with a refund are more often detractors.
 */
function drawSurveyScore(random: () => number, unhappy: boolean): number {
  const u = random();
  const promoterShare = unhappy ? 0.1 : 0.45;
  const passiveShare = unhappy ? 0.25 : 0.32;
  if (u < promoterShare) return random() < 0.5 ? 9 : 10;
  if (u < promoterShare + passiveShare) return random() < 0.5 ? 7 : 8;
  return 6 - Math.floor(7 * random() * random());
}

/**
 * Simulates one customer's interactions: site visits and email opens (some clicked, a few
 * answered) from sign-up to the end of the period, at a lower rate after the customer drops
 * out; campaign responses by SMS; support tickets after some orders, cancellations and
 * refunds; and surveys after some orders. More frequent buyers visit more; engaged customers
 * do more of everything.
 *
 * @param context - The sample being generated; interactions are appended to its columns.
 * @param traits - The customer's hidden traits.
 * @param firstOrder - Index of the customer's first order in the order columns.
 * @param firstRefund - Index of the customer's first refund in the refund columns.
 */
export function simulateInteractions(context: SampleContext, traits: CustomerTraits, firstOrder: number, firstRefund: number): void {
  const { random, orders, eventTimes } = context;
  const { startMs, dayCount } = context.settings;
  const customer = traits.index;
  const activeUntil = Math.min(traits.dropout, dayCount);
  const engagement = traits.engagement;

  const visitRate = engagement * (traits.buys ? VISITS_BASE_RATE + VISITS_PER_PURCHASE * traits.purchaseRate : PROSPECT_VISIT_RATE);
  poissonTimes(random, eventTimes, traits.signup, activeUntil, dayCount, visitRate, visitRate * AFTER_DROPOUT);
  const visitChannel = traits.preferredChannel === APP_BUYER ? APP : WEB;
  for (const t of eventTimes) push(context, customer, instantOfDay(startMs, t), SITE_VISIT, -1, random() < 0.8 ? visitChannel : WEB + APP - visitChannel, -1);

  if (traits.emailConsent) {
    const openRate = engagement * EMAIL_OPEN_RATE;
    poissonTimes(random, eventTimes, traits.signup, activeUntil, dayCount, openRate, openRate * AFTER_DROPOUT);
    const clickShare = Math.min(0.6, CLICK_PER_OPEN * engagement);
    for (const t of eventTimes) {
      const campaign = Math.floor(t / CAMPAIGN_DAYS);
      push(context, customer, instantOfDay(startMs, t), EMAIL_OPEN, campaign, EMAIL, -1);
      if (random() >= clickShare) continue;
      // A click follows the open within half an hour, a response within two hours of the click.
      const clickTime = t + (1 + random() * 1800) / 86_400;
      if (clickTime > dayCount) continue;
      push(context, customer, instantOfDay(startMs, clickTime), EMAIL_CLICK, campaign, EMAIL, -1);
      if (random() >= RESPONSE_PER_CLICK) continue;
      const responseTime = clickTime + (60 + random() * 7200) / 86_400;
      if (responseTime <= dayCount) push(context, customer, instantOfDay(startMs, responseTime), CAMPAIGN_RESPONSE, campaign, EMAIL, -1);
    }
  }

  if (traits.smsConsent) {
    const smsRate = engagement * SMS_RESPONSE_RATE;
    poissonTimes(random, eventTimes, traits.signup, activeUntil, activeUntil, smsRate, 0);
    for (const t of eventTimes) push(context, customer, instantOfDay(startMs, t), CAMPAIGN_RESPONSE, Math.floor(t / CAMPAIGN_DAYS), SMS, -1);
  }

  const orderEnd = orders.orderCount;
  for (let order = firstOrder; order < orderEnd; order++) {
    const t = ((orders.at[order] as number) - startMs) / DAY_MS;
    const cancelled = orders.cancelled[order] === 1;
    if (random() < (cancelled ? TICKET_PER_CANCELLED_ORDER : TICKET_PER_ORDER)) {
      const ticketTime = t + random() * 7;
      if (ticketTime <= dayCount) push(context, customer, instantOfDay(startMs, ticketTime), SUPPORT_TICKET, -1, drawTicketChannel(random()), -1);
    }
    if (!cancelled && random() < SURVEY_PER_ORDER) {
      const surveyTime = t + 1 + random() * 6;
      if (surveyTime <= dayCount) push(context, customer, instantOfDay(startMs, surveyTime), SURVEY, -1, EMAIL, drawSurveyScore(random, false));
    }
  }

  const refundEnd = orders.refundCount;
  for (let refund = firstRefund; refund < refundEnd; refund++) {
    const refundAt = orders.refundAt[refund] as number;
    const orderAt = orders.at[orders.refundOrder[refund] as number] as number;
    if (random() < TICKET_PER_REFUND) {
      // The ticket that led to the refund: between the order and the refund.
      const ticketAt = orderAt + Math.floor((random() * (refundAt - orderAt)) / 1000) * 1000;
      push(context, customer, ticketAt, SUPPORT_TICKET, -1, drawTicketChannel(random()), -1);
    }
    if (random() < SURVEY_PER_REFUND) {
      const surveyTime = (refundAt - startMs) / DAY_MS + 1 + random() * 6;
      if (surveyTime <= dayCount) push(context, customer, instantOfDay(startMs, surveyTime), SURVEY, -1, EMAIL, drawSurveyScore(random, true));
    }
  }
}
