import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildWidget, distDir, measureWidget, widgetBudget } from '@candor/widget/build';
import { describe, expect, it } from 'vitest';

// The widget runs on customers' pages: its size is part of the product's promise.
describe('the widget bundle stays within its size budget', () => {
  it('loader ≤ 2 KB and loader + UI ≤ 20 KB gzipped', async () => {
    const { loader, ui } = measureWidget(await buildWidget());
    expect(loader.gz).toBeLessThanOrEqual(widgetBudget.loaderGz);
    expect(loader.gz + ui.gz).toBeLessThanOrEqual(widgetBudget.totalGz);
  });

  // The widget shares contracts and the SSE codec with the server as types and tiny modules:
  // a value import from the schema modules would quietly ship zod to every customer's page.
  it('ships no zod', async () => {
    const manifest = await buildWidget();
    for (const file of [manifest.loader, manifest.ui]) {
      expect(readFileSync(path.join(distDir, file), 'utf8')).not.toMatch(/\$Zod|ZodError/);
    }
  });
});
