import { buildWidget } from '@candor/widget/build';

/** vitest globalSetup: build widget/dist once (a no-op when it is already up to date). */
export default async function setup() {
  await buildWidget();
}
