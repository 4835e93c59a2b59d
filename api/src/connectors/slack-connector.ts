import { ErrorCode, type WebAPICallError, WebClient } from '@slack/web-api';
import { z } from 'zod';
import {
  type Connector,
  type ConnectorAction,
  ConnectorError,
  type DeliveryReceipt,
  retryableStatus,
} from './connector';

export const slackCredentials = z.strictObject({
  bot_token: z
    .string()
    .trim()
    .regex(/^xox[bp]-[\w-]{8,}$/, 'must be a Slack bot token (xoxb-…)'),
});
export const slackSettings = z.strictObject({
  /** Where alerts go when there is nobody to DM (or always, when `always_channel`). */
  channel: z.string().trim().max(200).nullable().default(null),
});
export type SlackSettings = z.infer<typeof slackSettings>;

// Slack answers HTTP 200 with ok:false for these; they will not heal by retrying.
const permanentSlackErrors = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'missing_scope',
  'users_not_found',
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_blocks',
]);

/** Slack through its own Web API client; the client's retries are off so our queue owns backoff. */
export function slackConnector(credentials: z.infer<typeof slackCredentials>, apiUrl: string): Connector {
  const client = new WebClient(credentials.bot_token, {
    slackApiUrl: apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
  });
  return {
    kind: 'slack',
    async testConnection() {
      const auth = await call(() => client.auth.test());
      return `Connected to the ${auth.team ?? 'Slack'} workspace as ${auth.user ?? 'the app'}.`;
    },
    async deliver(action: ConnectorAction): Promise<DeliveryReceipt> {
      if (action.type !== 'slack.message') throw new ConnectorError(`Slack cannot ${action.type}`, null, false);
      let channel: string;
      if ('email' in action.to) {
        const email = action.to.email;
        const found = await call(() => client.users.lookupByEmail({ email }));
        if (!found.user?.id) throw new ConnectorError('users_not_found', 200, false);
        channel = found.user.id;
      } else channel = action.to.channel;
      const posted = await call(() =>
        client.chat.postMessage({ channel, text: action.text, blocks: action.blocks as never, unfurl_links: false }),
      );
      return { status: 200, reference: `${posted.channel ?? channel}/${posted.ts ?? ''}` };
    },
  };
}

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw toConnectorError(err as WebAPICallError);
  }
}

function toConnectorError(err: WebAPICallError): ConnectorError {
  switch (err.code) {
    case ErrorCode.RateLimitedError:
      return new ConnectorError('rate limited', 429, true, err.retryAfter * 1000);
    case ErrorCode.PlatformError: {
      const code = err.data.error;
      return new ConnectorError(code, 200, !permanentSlackErrors.has(code));
    }
    case ErrorCode.HTTPError:
      return new ConnectorError(`HTTP ${err.statusCode}`, err.statusCode, retryableStatus(err.statusCode));
    case ErrorCode.RequestError:
      return new ConnectorError('Slack could not be reached', null, true);
    default:
      return new ConnectorError('unexpected Slack error', null, true);
  }
}
