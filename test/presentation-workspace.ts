// The small workspace the presentation tests read (hover, code lens, inlay hints): a company
// objective with a rollup, sales regions contributing to it, odd titles (markdown characters, a
// cycle, an unknown reference) and vague ones. Shared by the in-process tests
// (test/unit/presentation.test.ts) and the protocol smoke test (test/lsp/presentation.test.ts).

export const company = `period 2026-Q1
strategy ai-search: Win the market for AI-powered search
objective revenue: Generate $200M new recurring revenue
  level company
  owner @ceo
  aligns to ai-search
  kr arr: Add $200M in recurring revenue
    from 0 to 200 $M
    rollup sum   # the regions add up to it
`;
export const sales = `period 2026-Q1
level team
objective sales-ai: Add revenue from AI Search subscriptions
  level department
  owner @head-of-sales
  aligns to revenue
  kr conversion: Up the conversion rate from 20 to 35%
    checkin 2026-01-31 23
    checkin 2026-02-14 29
objective us-east: Add revenue in US East
  owner @us-east-lead
  aligns to sales-ai
  kr arr-east: Add $80M
    target 80 $M
    contributes to revenue.arr
    checkin 2026-01-30 16 confidence 0.6
    checkin 2026-02-13 40 confidence 0.7: Two *big* deals <signed>
objective us-west: Add revenue in US West
  owner @us-west-lead
  aligns to sales-ai
  kr arr-west: Add $70M
    target 70 $M
    contributes to revenue.arr
    checkin 2026-02-10 35
objective emea: Add revenue in EMEA
  owner @emea-lead
  aligns to sales-ai
  kr arr-emea: Add $50M
    target 50 $M
    contributes to revenue.arr
    checkin 2026-02-12 25
    checkin 2026-03-01 45: planned, not yet
`;
export const odd = `period 2026-Q1
level team
objective markdown: Ship *fast* and [break] <b>things</b> _now_ \`x\`
  owner @odd
  aligns to ai-search
  kr: Ship it
objective loop-a: Loop A
  aligns to loop-b
  kr la: 3 loops
    target 3 loops
objective loop-b: Loop B
  aligns to loop-a
  kr lb: 3 loops
    target 3 loops
objective lost: Aligns to nothing that exists
  aligns to revenu
  kr lost-kr: 5 things
    target 5 things
`;

export const vague = `period 2026-Q1
level team
objective vague: Be better
  kr fuzzy: Be more awesome
`;
