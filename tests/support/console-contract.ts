import { isDeepStrictEqual } from 'node:util';
import { errorSchema, errorSchemaRef } from '@candor/api/http/openapi';
import { consoleRouteContracts } from '@candor/api/routes/console-routes';
import type { z } from 'zod';

/**
 * Holds console API answers to their declared schemas: a status the route does not declare,
 * a field missing or of the wrong type, or a field the schema does not name (the generated
 * console types would not know it) is a contract break. Routes not yet declared pass through.
 */
const routes = consoleRouteContracts().map((route) => ({
  method: route.method.toUpperCase(),
  pattern: new RegExp(`^${route.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  params: (route.path.match(/\{/g) ?? []).length,
  route,
}));

/** What is wrong with one answer of the console API, or null when it keeps the contract. */
export async function consoleContractBreak(method: string, url: string, res: Response): Promise<string | null> {
  const path = new URL(url, 'http://x').pathname;
  if (!path.startsWith('/console/api/')) return null;
  const local = path.slice('/console/api'.length);
  // A literal segment (/accounts/facets) wins over a parameter (/accounts/{id}).
  const match = routes
    .filter((r) => r.method === method.toUpperCase() && r.pattern.test(local))
    .sort((a, b) => a.params - b.params)[0];
  if (!match) return null;
  const where = `${method} ${match.route.path} answered ${res.status}`;
  const declared = (match.route.responses as Record<string, { content?: Record<string, { schema?: unknown }> }>)[
    String(res.status)
  ];
  if (!declared) return res.status < 400 ? `${where}, which the route does not declare` : null;
  const declaredSchema = declared.content?.['application/json']?.schema;
  // errorResponse() declares the Error by reference: hold the answer to the schema behind it.
  const schema = (declaredSchema === errorSchemaRef ? errorSchema : declaredSchema) as z.ZodType | undefined;
  if (!schema) return null;
  const body: unknown = await res.clone().json();
  const parsed = schema.safeParse(body);
  if (!parsed.success) return `${where}: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`;
  if (!isDeepStrictEqual(parsed.data, body))
    return `${where}: fields the schema does not declare: ${extra(body, parsed.data).join(', ')}`;
  return null;
}

/** The paths present in `sent` but not in what the schema kept. */
function extra(sent: unknown, kept: unknown, at = ''): string[] {
  if (Array.isArray(sent) && Array.isArray(kept)) return sent.flatMap((v, i) => extra(v, kept[i], `${at}[${i}]`));
  if (sent && typeof sent === 'object' && kept && typeof kept === 'object')
    return Object.entries(sent).flatMap(([k, v]) =>
      k in kept ? extra(v, (kept as Record<string, unknown>)[k], `${at}.${k}`) : [`${at}.${k}`],
    );
  return isDeepStrictEqual(sent, kept) ? [] : [`${at} (changed)`];
}
