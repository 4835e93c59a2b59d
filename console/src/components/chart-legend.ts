import type { LegendPayload } from 'recharts';

/**
 * Orders a chart's legend like its series: pass the series' data keys in drawing order.
 * Recharts sorts legend items by label unless told otherwise, which put a funnel's stages
 * and the churn reasons (ranked by ARR) out of their order.
 */
export const inSeriesOrder = (keys: readonly string[]) => (item: LegendPayload) => keys.indexOf(String(item.dataKey));
