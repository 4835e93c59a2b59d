/** Shapes the console API answers with (api/src/routes/console-*.ts), for routes not yet in api-schema.d.ts. */

export type Role = 'admin' | 'csm';
export type Me = {
  member: { id: string; email: string; name: string | null; role: Role };
  workspace?: { id: string; name: string };
};
