import { icu } from './icu.js';

/** Price against quality, and the live what-if on the ranking page (issue 14 items 3–4, ADR 030). */
export const whatIf = {
  priceTitle: 'Price against quality',
  priceIntro: icu('Each vendor’s quality points (its total without the cost criteria) against its price. The cost criteria score prices {formula}.', (formula: string) => ({ formula })),
  scatterLabel: 'Scatter chart: quality points against price, one dot per vendor',
  price: 'Price',
  quality: 'Quality points',
  perPoint: 'Price per quality point',
  vendor: 'Vendor',
  table: 'The figures behind the chart',
  formulasTitle: 'The top three under each price formula',
  formula: 'Price formula',
  /** Each cost formula's short name (server/domain/cost-formula.ts). */
  formulas: { 'lowest-over-price': 'lowest price ÷ price', linear: 'linear between the lowest and the highest price', 'relative-to-average': 'relative to the average price' },
  inForce: '(in force)',
  sameTop: 'The top three are the same under every formula.',
  differentTop: 'The top three depend on the price formula.',
  vfmTitle: 'Value for money',
  vfmIntro: 'Price ÷ quality points, lowest first: what one quality point costs with each vendor.',
  noPrices: 'No ranked vendor has a price yet.',
  whatIfTitle: 'What if the weights were different?',
  whatIfIntro: 'Move a slider: the others rescale in proportion and the table re-ranks. Nothing is saved; the weights in force stay as they are.',
  reset: 'Reset to the weights in force',
  tornadoTitle: 'Stability intervals (tornado)',
  tornadoLabel: icu('Tornado chart: for each top-level weight, the range within which {leader} stays first; the narrowest first', (leader: string) => ({ leader })),
  heatTitle: 'Rank acceptability (heat map)',
  heatLabel: 'Heat map of how often each vendor ranks first and in the top three; the number is in every cell',
  /** One dot of the scatter, read out by a screen reader (`price` and `quality` already formatted). */
  pointLabel: icu('{name}: {price}, {quality} quality points', (name: string, price: string, quality: string) => ({ name, price, quality })),
  /** The facilitator's form that records the formula (PUT /cost-formula's page twin). */
  costForm: {
    title: 'How prices are scored',
    intro: 'The cost criteria turn each ranked vendor’s price into a score with this formula. Changing it moves every total, as a weight change does; the table above shows the top three under each formula.',
    legend: 'Price formula',
    hints: {
      'lowest-over-price': 'The lowest price scores full marks; a price twice as high scores half.',
      linear: 'The lowest price scores full marks and the highest none, in a straight line between them.',
      'relative-to-average': 'A price at the average scores half; twice the average or more scores nothing.',
    },
    reason: 'Why the formula changes',
    reasonHint: 'Required once scoring has opened; kept in the audit log.',
    choose: 'Choose one of the price formulas.',
    save: 'Save the price formula',
    saved: 'The price formula is saved.',
  },
} as const;
