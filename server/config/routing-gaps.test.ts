import { describe, expect, it } from 'vitest';
import { exampleConfig } from '../../test/support/fixtures';
import { routingGaps } from './routing-gaps';

describe('routing gap warnings', () => {
  it('names the rules a lead without company size or country can never match, and where it goes instead', () => {
    const config = exampleConfig((c) => {
      c.routing.rules = [
        { when: { tier: 'sales-ready', companySize: ['250+'] }, team: 'account-executives' },
        { when: { country: ['BE'], companySize: '1-9' }, team: 'account-executives' },
        { when: { tier: 'information-gathering' }, team: 'inside-sales' },
      ];
    });
    expect(routingGaps(config)).toEqual([
      'routing.rules[0] (team "account-executives") tests companySize, which a prospect may leave empty: it can never match a lead without it; such a lead goes to the fallback team "inside-sales"',
      'routing.rules[1] (team "account-executives") tests companySize and country, which a prospect may leave empty: it can never match a lead without them; such a lead goes to the fallback team "inside-sales" or routing.rules[2] (team "inside-sales")',
    ]);
  });

  it('is quiet for the bundled example', () => {
    expect(routingGaps(exampleConfig())).toEqual([]);
  });

  it('warns when nobody active in the fallback team speaks a site language', () => {
    const config = exampleConfig((c) => {
      c.reps.push({ id: 'els', name: 'Els', email: 'els@zeilmaker.example', languages: ['nl'] });
      c.reps[3].active = false; // dewi, the only one in inside-sales who speaks en
      c.teams[1].reps.push('els');
    });
    expect(routingGaps(config)).toEqual([
      'routing.fallbackTeam: nobody active in team "inside-sales" speaks "en" (a language of site "zeilmaker-web"): a lead in "en" that ends there is handed over in another language',
    ]);
  });
});
