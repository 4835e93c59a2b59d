import { buildWidget, measureWidget, widgetBudget } from '@candor/widget/build';

const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;

/**
 * What a customer's browser downloads for the widget: the loader (every page view) and the
 * UI bundle (only when there is something to show). Minified, gzip -9 and brotli sizes.
 * The UI bundle carries its CSS and all six languages; there are no fonts, images or other
 * requests, so loader + UI is the whole download to finish an interview.
 */
export async function benchWidgetSize() {
  const manifest = await buildWidget();
  const { loader, ui } = measureWidget(manifest);
  const total = { min: loader.min + ui.min, gz: loader.gz + ui.gz, br: loader.br + ui.br };
  const row = (name: string, s: typeof loader, goal = '') =>
    `  ${name.padEnd(34)} ${kb(s.min).padStart(10)} ${kb(s.gz).padStart(10)} ${kb(s.br).padStart(10)}  ${goal}`;
  console.log('\nwidget size (bench/widget-size.ts)');
  console.log(`  ${''.padEnd(34)} ${'minified'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
  console.log(
    row(
      `loader ${manifest.loader}`,
      loader,
      `goal ≤ 2 KB gz: ${loader.gz <= widgetBudget.loaderGz ? 'met' : 'MISSED'}`,
    ),
  );
  console.log(row(`UI ${manifest.ui}`, ui));
  console.log(
    row(
      'total to finish an interview',
      total,
      `goal ≤ 20 KB gz: ${total.gz <= widgetBudget.totalGz ? 'met' : 'MISSED'}`,
    ),
  );
  console.log(
    '  for reference: Formbricks 1.7 + 9.9 + 270 KB gz; Perspective SDK 17.6 KB gz + iframe; Sprig 17.5 + 34.5 KB gz',
  );
  return { loader, ui, total };
}
