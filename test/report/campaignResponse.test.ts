import { describe, expect, it } from 'vitest';
import { ConfigurationError, ValidationError, campaignResponse, parseInteractions } from 'clientele';

const touch = (customerId: string, kind: string, campaignId?: string) => ({ customerId, at: '2026-05-02', kind, ...(campaignId === undefined ? {} : { campaignId }) });

describe('campaignResponse', () => {
  const snapshot = [{ customerId: 'a', tier: 'high' }, { customerId: 'b', tier: 'high' }, { customerId: 'c', tier: 'low' }, { customerId: 'd', tier: 'low' }];

  it('rates responses per campaign and segment against who was targeted, counting a customer once', () => {
    const interactions = parseInteractions([
      touch('a', 'email_click', 'may'),
      touch('a', 'email_click', 'may'),
      touch('c', 'email_open', 'may'),
      touch('d', 'campaign_response', 'may'),
      touch('b', 'sms_click', 'june'),
      touch('x', 'sms_click', 'june'),
      touch('a', 'site_visit'),
    ]).records;
    const result = campaignResponse(interactions, snapshot, { by: 'tier', targeted: { june: ['b', 'c'], july: ['a'] } });
    expect(result.campaigns.map((line) => [line.campaignId, line.responders, line.targeted])).toEqual([
      ['may', 2, 4],
      ['june', 1, 2],
      ['july', 0, 1],
    ]);
    expect(result.campaigns[0]?.segments).toEqual([
      { segment: 'high', targeted: 2, responders: 1, responseRate: 0.5 },
      { segment: 'low', targeted: 2, responders: 1, responseRate: 0.5 },
    ]);
    expect(result.campaigns[1]?.segments.map((line) => line.responseRate)).toEqual([1, 0]);
    // x is not in the snapshot: its click is left out, and counted.
    expect(result.responsesOutside).toBe(1);
  });

  it('takes the response kinds the host counts', () => {
    const result = campaignResponse([touch('c', 'email_open', 'may')], snapshot, { by: 'tier', responseKinds: ['email_open'] });
    expect(result.campaigns[0]?.responders).toBe(1);
  });

  it('refuses bad options and bad raw rows', () => {
    expect(() => campaignResponse([], snapshot, { by: 'tier', responseKinds: [] })).toThrow(ConfigurationError);
    expect(() => campaignResponse([], snapshot, { by: 'tier', targeted: { may: 'a' as unknown as string[] } })).toThrow(/targeted.may/);
    expect(() => campaignResponse([{ customerId: 'a', at: 'soon', kind: 'email_click' }], snapshot, { by: 'tier' })).toThrow(ValidationError);
    expect(() => campaignResponse('x' as never, snapshot, { by: 'tier' })).toThrow(ConfigurationError);
  });
});
