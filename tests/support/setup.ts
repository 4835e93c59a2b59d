// Runs before every test file: the OpenAPI extension must be installed before any shared
// zod schema is built, whatever order a test file's imports are sorted in.
import '@hono/zod-openapi';
