/** The vendors a workspace can connect: Slack for messages, HubSpot and Salesforce as CRMs. */
export const connectorKinds = ['slack', 'hubspot', 'salesforce'] as const;
export type ConnectorKind = (typeof connectorKinds)[number];
