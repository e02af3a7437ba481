// The business attributes a targeting expression can read (apart from expression.ts, which loads mathjs).

/** Variables a targeting expression can read, one value per business. */
export const EXPRESSION_VARIABLES = [
  'female', 'education', 'digitalLiteracy', 'timeAvailable', 'openness',
  'management', 'bookkeeping', 'marketing', 'digital', 'production', 'mindset',
  'turnover', 'workers', 'sector', 'digitalChannel', 'keepsBooks', 'workingCapital',
] as const;
export type ExpressionVariable = (typeof EXPRESSION_VARIABLES)[number];
