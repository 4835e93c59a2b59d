import { buildWidget, measureWidget, widgetBudget } from '@candor/widget/build';
import { describe, expect, it } from 'vitest';

// The widget runs on customers' pages: its size is part of the product's promise.
describe('the widget bundle stays within its size budget', () => {
  it('loader ≤ 2 KB and loader + UI ≤ 20 KB gzipped', async () => {
    const { loader, ui } = measureWidget(await buildWidget());
    expect(loader.gz).toBeLessThanOrEqual(widgetBudget.loaderGz);
    expect(loader.gz + ui.gz).toBeLessThanOrEqual(widgetBudget.totalGz);
  });
});
