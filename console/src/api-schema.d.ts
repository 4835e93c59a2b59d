/**
 * Generated from the console OpenAPI document (GET /console/api/openapi.json) by
 * `npm run generate -w console`. Do not edit: change the route or its schema in
 * api/src/routes/console-*.ts and shared/src/console/, then regenerate.
 */

export interface paths {
    "/home": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The member's KPIs, open review items and latest weekly briefing
         * @description A CSM sees their own book; an admin the whole team, with a breakdown per CSM.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The Home page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Home"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One page of accounts, filtered and sorted */
        get: {
            parameters: {
                query?: {
                    sort?: "name" | "health" | "arr" | "renewal" | "owner" | "last_touch";
                    order?: "asc" | "desc";
                    owner?: string;
                    ae?: string;
                    health?: string;
                    plan?: string;
                    q?: string;
                    page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Up to 50 accounts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AccountRow"][];
                            total: number;
                            page: number;
                            page_size: number;
                        };
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/facets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The owners, AEs, health states and plans present, for the table's filters */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The values present */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccountFacets"];
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One account with its people, timeline, usage, scores and latest renewal brief */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The account page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccountDetail"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contacts/{id}/invitation-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether a fatigue rule would hold back inviting this contact now */
        get: {
            parameters: {
                query: {
                    guide_id: string;
                    channel: "in_app" | "email";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description What the rules say */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InvitationCheck"];
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contacts/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invite this contact by hand
         * @description The same fatigue rules as triggers apply; a soft rule can be overridden with `send_anyway` (audited), an opt-out or a missing email address cannot.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        guide_id: string;
                        /** @enum {string} */
                        channel: "in_app" | "email";
                        /**
                         * @description The CSM saw which fatigue rule holds this invitation back and sends it anyway
                         * @default false
                         */
                        send_anyway?: boolean;
                    };
                };
            };
            responses: {
                /** @description Held back by a rule; nothing sent */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ManualInvitationBlocked"];
                    };
                };
                /** @description Invited */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ManualInvited"];
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/interviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One page of interviews, newest invitation first (guide previews left out) */
        get: {
            parameters: {
                query?: {
                    status?: "invited" | "started" | "completed" | "abandoned" | "expired" | "declined";
                    account?: string;
                    page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Up to 50 interviews */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["InterviewRow"][];
                            total: number;
                            page: number;
                            page_size: number;
                        };
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/interviews/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An interview's messages and its signals */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The transcript */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Transcript"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/insights": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Signals by kind, churn reasons and their trend, feature requests and the expansion pipeline
         * @description For an owner, plan, moment and range of UTC days (default: the last 12 weeks).
         */
        get: {
            parameters: {
                query?: {
                    owner?: string;
                    plan?: string;
                    moment?: "onboarding" | "health_pulse" | "churn_risk" | "pre_renewal" | "expansion" | "feature_launch";
                    from?: string;
                    to?: string;
                    expansion_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The Insights page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Insights"];
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{id}/brief/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Regenerate an account's renewal brief */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Started (or already running) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BriefRun"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/briefings/weekly/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Generate the viewer's weekly briefing now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        time_zone?: string;
                    };
                };
            };
            responses: {
                /** @description Started (or already running) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BriefRun"];
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/brief-runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A run and its progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The run */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BriefRun"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/review-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open review items */
        get: {
            parameters: {
                query?: {
                    account_id?: string;
                    scope?: "mine" | "all";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Up to 50, mine first, newest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ReviewQueueItem"][];
                        };
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/review-items/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Act on one item: done, snooze, reassign or reopen */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "done";
                    } | {
                        /** @enum {string} */
                        action: "reopen";
                    } | {
                        /** @enum {string} */
                        action: "snooze";
                        /**
                         * Format: date
                         * @description The day it comes back (YYYY-MM-DD)
                         */
                        until: string;
                    } | {
                        /** @enum {string} */
                        action: "reassign";
                        /** Format: uuid */
                        member_id: string;
                    };
                };
            };
            responses: {
                /** @description Done */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/review-items/assignees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The members an item can go to */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every member */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: {
                                id: string;
                                name: string | null;
                                email: string;
                            }[];
                        };
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/signals/{id}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change a signal's kind or value, or dismiss it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "dismiss";
                    } | {
                        /** @enum {string} */
                        action: "change";
                        /** @enum {string} */
                        kind: "sentiment" | "theme" | "churn_risk" | "expansion_intent" | "feature_request" | "competitor" | "stakeholder" | "wants_human" | "rating";
                        value: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Corrected */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            signal: {
                                id: string;
                                kind: string;
                                value: {
                                    [key: string]: unknown;
                                };
                            } | null;
                        };
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/signal-corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Corrections counted per kind */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Per kind */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            kinds: {
                                kind: string;
                                changed: number;
                                dismissed: number;
                                from_rules: number;
                                from_ai: number;
                            }[];
                        };
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace, its keys, languages and retention */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The overview */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SettingsOverview"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the workspace's settings (audited) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        interviewer_mode?: "ai" | "scripted";
                        /** @enum {number|null} */
                        retention_days?: 90 | null;
                        identity_verification?: boolean;
                        /** @enum {string} */
                        default_language?: "en" | "de" | "fr" | "es" | "pt" | "ja";
                    };
                };
            };
            responses: {
                /** @description The settings after */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            interviewer_mode: "ai" | "scripted";
                            retention_days: number | null;
                            identity_verification: boolean;
                            /** @enum {string} */
                            default_language: "en" | "de" | "fr" | "es" | "pt" | "ja";
                        };
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/settings/keys/secret/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the secret key (the old one stops working at once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        confirm: true;
                    };
                };
            };
            responses: {
                /** @description The new key, shown once */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            secret_key: string;
                            display_prefix: string;
                            created_at: string | null;
                        };
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/keys/publishable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a publishable key (older ones keep working) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        confirm: true;
                    };
                };
            };
            responses: {
                /** @description The new key */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            publishable_key: string;
                            display_prefix: string;
                            created_at: string | null;
                        };
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/identity-secret/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Show the identity secret (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The secret */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            identity_secret: string;
                        };
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/identity-secret/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the identity secret (userHash values made with the old one stop matching) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        confirm: true;
                    };
                };
            };
            responses: {
                /** @description The new secret */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            identity_secret: string;
                        };
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/model": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The model set-up and this month's usage */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Models, prices and usage */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ModelSettings"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members and pending invitations */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every member */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: components["schemas"]["MemberRow"][];
                        };
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Invite someone by email with a role (again: a fresh link) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        role: components["schemas"]["Role"];
                    };
                };
            };
            responses: {
                /** @description Invited; the sign-in link went by email */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            role: components["schemas"]["Role"];
                            /** @enum {string} */
                            status: "invited";
                            resent: boolean;
                        };
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description In conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member and end their sessions (not yourself; never the last admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description In conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a member's role (not your own; never the last admin) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        role: components["schemas"]["Role"];
                    };
                };
            };
            responses: {
                /** @description The member */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            role: components["schemas"]["Role"];
                        };
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description In conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/settings/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook endpoints and the events one can subscribe to */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every endpoint */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            webhooks: components["schemas"]["SettingsWebhookEndpoint"][];
                            event_types: ("interview.completed" | "signal.churn_risk" | "signal.expansion_intent" | "brief.ready" | "account.state_changed")[];
                        };
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add an endpoint (audited without its secret) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        url: string;
                        event_types: ("interview.completed" | "signal.churn_risk" | "signal.expansion_intent" | "brief.ready" | "account.state_changed")[];
                    };
                };
            };
            responses: {
                /** @description The endpoint with its signing secret, shown once */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            url: string;
                            event_types: ("interview.completed" | "signal.churn_risk" | "signal.expansion_intent" | "brief.ready" | "account.state_changed")[];
                            enabled: boolean;
                            created_at: string;
                            secret: string;
                        };
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an endpoint */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Turn an endpoint on or off, or change its events */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled?: boolean;
                        event_types?: ("interview.completed" | "signal.churn_risk" | "signal.expansion_intent" | "brief.ready" | "account.state_changed")[];
                    };
                };
            };
            responses: {
                /** @description The endpoint */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SettingsWebhookEndpoint"];
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/settings/webhooks/{id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Show an endpoint's signing secret (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The secret */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            secret: string;
                        };
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An endpoint's last 50 deliveries, without payloads */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Newest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deliveries: components["schemas"]["SettingsWebhookDelivery"][];
                        };
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue a webhook.test delivery to the endpoint */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Queued */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            delivery_id: string;
                        };
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/connectors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Connectors with their settings (never credentials), and the kinds one can add */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every connector */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            connectors: components["schemas"]["ConnectorView"][];
                            kinds: ("slack" | "hubspot" | "salesforce")[];
                        };
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/connectors/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Connect or reconfigure one kind (credentials are sealed; audited without them) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        credentials?: {
                            [key: string]: unknown;
                        };
                        settings?: {
                            [key: string]: unknown;
                        };
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description The connector */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConnectorView"];
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Disconnect one kind */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/connectors/{kind}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Call the vendor with the stored credentials */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description What the vendor answered */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            message: string;
                        };
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/connectors/{kind}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a CRM's account sync now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description What the sync did */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                            created: number;
                            updated: number;
                            contacts?: {
                                created: number;
                                updated: number;
                                unchanged: number;
                                skipped: number;
                            };
                        } | {
                            /** @enum {boolean} */
                            ok: false;
                            message: string;
                            created: number;
                            updated: number;
                        };
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/connectors/{kind}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A connector's last 50 deliveries, named by recipient only */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Newest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deliveries: components["schemas"]["ConnectorDelivery"][];
                        };
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operating-model": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every operating-model figure */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The operating model (the same figures as GET /v1/operating-model) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OperatingModel"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operating-model/inputs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace the saved inputs and answer the model they give */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @default {
                         *       "grr": 0.9,
                         *       "nrr": 1,
                         *       "expansion_rate": 0.2
                         *     }
                         */
                        targets?: {
                            /**
                             * @description An account at target keeps at least this share of its ARR…
                             * @default 0.9
                             */
                            grr?: number;
                            /**
                             * @description …and ends its renewal at least at this multiple of it.
                             * @default 1
                             */
                            nrr?: number;
                            /**
                             * @description A CSM's book should expand at least this share.
                             * @default 0.2
                             */
                            expansion_rate?: number;
                        };
                        /**
                         * @default {
                         *       "csms": null,
                         *       "book_per_csm": null,
                         *       "hours_per_week": 40,
                         *       "allocation": {
                         *         "onboarding": 15,
                         *         "recurring_check_ins": 20,
                         *         "renewal_management": 10,
                         *         "escalations": 15,
                         *         "strategic_expansion": 10,
                         *         "internal_coordination": 15,
                         *         "admin_data_entry": 15
                         *       },
                         *       "minutes_per_check_in": 30
                         *     }
                         */
                        coverage?: {
                            /**
                             * @description Null: count the account owners.
                             * @default null
                             */
                            csms?: number | null;
                            /**
                             * @description Null: measured.
                             * @default null
                             */
                            book_per_csm?: number | null;
                            /** @default 40 */
                            hours_per_week?: number;
                            /**
                             * @description Percent of the week per activity; must add up to 100.
                             * @default {
                             *       "onboarding": 15,
                             *       "recurring_check_ins": 20,
                             *       "renewal_management": 10,
                             *       "escalations": 15,
                             *       "strategic_expansion": 10,
                             *       "internal_coordination": 15,
                             *       "admin_data_entry": 15
                             *     }
                             */
                            allocation?: {
                                onboarding?: number;
                                recurring_check_ins?: number;
                                renewal_management?: number;
                                escalations?: number;
                                strategic_expansion?: number;
                                internal_coordination?: number;
                                admin_data_entry?: number;
                            };
                            /**
                             * @description What one human check-in or intake call takes.
                             * @default 30
                             */
                            minutes_per_check_in?: number;
                        };
                        /**
                         * @default [
                         *       {
                         *         "name": "Quarterly health check-in",
                         *         "hours_per_month": 10,
                         *         "frequency": 5,
                         *         "consistency": 4,
                         *         "judgement": 2,
                         *         "data_availability": 4,
                         *         "blast_radius": 2,
                         *         "target_layer": "automated",
                         *         "infrastructure": "Candor health pulse trigger on a schedule; health state from signals"
                         *       },
                         *       {
                         *         "name": "Onboarding kickoff intake",
                         *         "hours_per_month": 6,
                         *         "frequency": 4,
                         *         "consistency": 5,
                         *         "judgement": 2,
                         *         "data_availability": 4,
                         *         "blast_radius": 2,
                         *         "target_layer": "automated",
                         *         "infrastructure": "Candor onboarding intake guide fired on signup"
                         *       },
                         *       {
                         *         "name": "Pre-renewal account research",
                         *         "hours_per_month": 8,
                         *         "frequency": 3,
                         *         "consistency": 4,
                         *         "judgement": 3,
                         *         "data_availability": 4,
                         *         "blast_radius": 3,
                         *         "target_layer": "ai_augmented",
                         *         "infrastructure": "Candor pre-renewal interviews + renewal brief 60 days out"
                         *       },
                         *       {
                         *         "name": "Monday portfolio scan",
                         *         "hours_per_month": 8,
                         *         "frequency": 5,
                         *         "consistency": 5,
                         *         "judgement": 2,
                         *         "data_availability": 4,
                         *         "blast_radius": 1,
                         *         "target_layer": "ai_augmented",
                         *         "infrastructure": "Candor weekly briefing per CSM"
                         *       },
                         *       {
                         *         "name": "CRM notes and data entry",
                         *         "hours_per_month": 10,
                         *         "frequency": 5,
                         *         "consistency": 4,
                         *         "judgement": 1,
                         *         "data_availability": 3,
                         *         "blast_radius": 1,
                         *         "target_layer": "automated",
                         *         "infrastructure": "Signals and briefs pushed by webhook to the CRM"
                         *       },
                         *       {
                         *         "name": "Feature-launch feedback collection",
                         *         "hours_per_month": 4,
                         *         "frequency": 2,
                         *         "consistency": 5,
                         *         "judgement": 1,
                         *         "data_availability": 4,
                         *         "blast_radius": 1,
                         *         "target_layer": "automated",
                         *         "infrastructure": "Candor feature-launch guide on the release event"
                         *       },
                         *       {
                         *         "name": "Churn-risk outreach",
                         *         "hours_per_month": 6,
                         *         "frequency": 3,
                         *         "consistency": 3,
                         *         "judgement": 4,
                         *         "data_availability": 3,
                         *         "blast_radius": 4,
                         *         "target_layer": "ai_augmented",
                         *         "infrastructure": "Usage-drop trigger + churn-risk interview routed to the CSM"
                         *       },
                         *       {
                         *         "name": "Answering how-to questions",
                         *         "hours_per_month": 8,
                         *         "frequency": 5,
                         *         "consistency": 4,
                         *         "judgement": 1,
                         *         "data_availability": 3,
                         *         "blast_radius": 2,
                         *         "target_layer": "self_service",
                         *         "infrastructure": "Docs and in-app guidance fed by interview friction themes"
                         *       },
                         *       {
                         *         "name": "QBR deck preparation",
                         *         "hours_per_month": 6,
                         *         "frequency": 2,
                         *         "consistency": 3,
                         *         "judgement": 3,
                         *         "data_availability": 3,
                         *         "blast_radius": 3,
                         *         "target_layer": "ai_augmented",
                         *         "infrastructure": "Account brief with cited quotes as the deck draft"
                         *       },
                         *       {
                         *         "name": "Renewal negotiation",
                         *         "hours_per_month": 6,
                         *         "frequency": 2,
                         *         "consistency": 2,
                         *         "judgement": 5,
                         *         "data_availability": 3,
                         *         "blast_radius": 5,
                         *         "target_layer": "human_led",
                         *         "infrastructure": "Stays human; prepared by the renewal brief"
                         *       }
                         *     ]
                         */
                        tasks?: {
                            name: string;
                            /** @description Hours per CSM per month the task takes today. */
                            hours_per_month: number;
                            frequency: number;
                            consistency: number;
                            /** @description 5 = needs the most human judgement. */
                            judgement: number;
                            data_availability: number;
                            /** @description 5 = worst customer impact if automated poorly. */
                            blast_radius: number;
                            /** @enum {string} */
                            target_layer: "self_service" | "automated" | "ai_augmented" | "human_led";
                            infrastructure: string;
                        }[];
                        /**
                         * @default {
                         *       "csm_loaded_cost": 220000,
                         *       "future_csms": null,
                         *       "future_csm_loaded_cost": 250000,
                         *       "ai_layer_cost": 48000,
                         *       "assumed_grr_lift_points": 5,
                         *       "assumed_nrr_lift_points": 9
                         *     }
                         */
                        roi?: {
                            /**
                             * @description Whole currency units per CSM per year.
                             * @default 220000
                             */
                            csm_loaded_cost?: number;
                            /**
                             * @description Null: half the team, at least 1.
                             * @default null
                             */
                            future_csms?: number | null;
                            /** @default 250000 */
                            future_csm_loaded_cost?: number;
                            /** @default 48000 */
                            ai_layer_cost?: number;
                            /** @default 5 */
                            assumed_grr_lift_points?: number;
                            /** @default 9 */
                            assumed_nrr_lift_points?: number;
                        };
                        /**
                         * @default {
                         *       "survey_response_rate": null,
                         *       "survey_name": "previous survey"
                         *     }
                         */
                        baseline?: {
                            /**
                             * @description The response rate of the survey Candor replaces (e.g. 0.09 for NPS at 9 %).
                             * @default null
                             */
                            survey_response_rate?: number | null;
                            /** @default previous survey */
                            survey_name?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description The operating model (the same figures as GET /v1/operating-model) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OperatingModel"];
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/triggers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rules with their funnels, and the manual sends row */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Rules by name */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["TriggerRow"][];
                            manual: components["schemas"]["ManualSends"];
                            window: components["schemas"]["FunnelWindow"];
                        };
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a rule */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** Format: uuid */
                        guide_id: string;
                        /** @default true */
                        enabled?: boolean;
                        when: {
                            /** @enum {string} */
                            type: "event";
                            /** @description Event name, as sent to /v1/events or the widget. */
                            event: string;
                            /** @description Every listed property must equal the given value. */
                            filter?: {
                                [key: string]: string | number | boolean;
                            };
                        } | {
                            /** @enum {string} */
                            type: "attribute";
                            /** @enum {string} */
                            target: "account" | "contact";
                            /** @description An attribute key, or one of plan, lifecycle_stage, health_state, role (built-in fields). */
                            attribute: string;
                            /** @enum {string} */
                            op: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "contains";
                            value: string | number | boolean;
                        } | {
                            /** @enum {string} */
                            type: "usage_drop";
                            /** @description Fires when usage fell at least this much… */
                            percent: number;
                            /** @description …comparing the last N days with the N days before. */
                            days: number;
                        } | {
                            /** @enum {string} */
                            type: "health_change";
                            /** @enum {string} */
                            to: "healthy" | "watch" | "at_risk";
                            /** @enum {string} */
                            from?: "healthy" | "watch" | "at_risk";
                        } | {
                            /** @enum {string} */
                            type: "schedule";
                            /**
                             * @description renewal_date: the account's renewal date; signup: when the contact was first seen.
                             * @enum {string}
                             */
                            anchor: "renewal_date" | "signup";
                            /** @description Days after the anchor (negative: before). */
                            offset_days: number;
                        } | {
                            /** @enum {string} */
                            type: "manual";
                        } | {
                            /** @enum {string} */
                            type: "signal";
                            /**
                             * @description Fires when an interview yields this signal (high churn risk, expansion, asking for a person, an NPS score of 6 or less, a competitor).
                             * @enum {string}
                             */
                            signal: "churn_risk_high" | "expansion_intent" | "wants_human" | "nps_detractor" | "competitor_named";
                        };
                        /**
                         * @default {
                         *       "type": "contact"
                         *     }
                         */
                        who?: {
                            /**
                             * @description The contact the event or condition is about.
                             * @enum {string}
                             */
                            type: "contact";
                        } | {
                            /** @enum {string} */
                            type: "account_contacts";
                            /**
                             * @description The account's contacts with one of these roles; empty means all of them.
                             * @default []
                             */
                            roles?: string[];
                        };
                        /**
                         * @default {
                         *       "channel": "in_app"
                         *     }
                         */
                        how?: {
                            /** @enum {string} */
                            channel: "in_app";
                        } | {
                            /** @enum {string} */
                            channel: "email";
                        } | {
                            /** @enum {string} */
                            channel: "in_app_then_email";
                            /** @description Email the link when the in-app invitation went unseen. */
                            email_after_days: number;
                        };
                        /** @default {} */
                        throttle?: {
                            recontact_days?: number;
                            once_per_guide?: boolean;
                        };
                        /** @description Only for accounts whose plan is one of these (case-insensitive); without it, every plan. */
                        plans?: string[];
                        /**
                         * @description What the trigger does when it fires, in order (a play). Without it: invite, as before.
                         * @default [
                         *       {
                         *         "type": "invite"
                         *       }
                         *     ]
                         */
                        do?: ({
                            /**
                             * @description Invite to an interview with the trigger's guide, who and how.
                             * @enum {string}
                             */
                            type: "invite";
                        } | {
                            /** @enum {string} */
                            type: "notify";
                            /** @enum {string} */
                            channel: "slack" | "email";
                            /**
                             * @description The account's CSM owner, its AE, or both.
                             * @enum {string}
                             */
                            to: "owner" | "ae" | "owner_and_ae";
                        } | {
                            /** @enum {string} */
                            type: "crm_task";
                            /** @enum {string} */
                            to: "owner" | "ae";
                        } | {
                            /** @enum {string} */
                            type: "webhook";
                            /**
                             * Format: uuid
                             * @description One of the workspace's webhook endpoints: signed, retried and logged like every webhook.
                             */
                            endpoint_id: string;
                        } | {
                            /** @enum {string} */
                            type: "in_app_message";
                            title: string;
                            body: string;
                            link_url: string;
                            /** @description The link's words; "Read more" without. */
                            link_label?: string;
                        })[];
                        /**
                         * @description Control share: this percent of eligible accounts (contacts without one) is never contacted by this trigger, recorded as skipped: holdout, so outcomes can be compared with the treated ones. Drawn by a stable hash of (trigger, account).
                         * @default 10
                         */
                        holdout_percent?: number;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Trigger"];
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/triggers/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** How many contacts a rule would reach now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        when: {
                            /** @enum {string} */
                            type: "event";
                            /** @description Event name, as sent to /v1/events or the widget. */
                            event: string;
                            /** @description Every listed property must equal the given value. */
                            filter?: {
                                [key: string]: string | number | boolean;
                            };
                        } | {
                            /** @enum {string} */
                            type: "attribute";
                            /** @enum {string} */
                            target: "account" | "contact";
                            /** @description An attribute key, or one of plan, lifecycle_stage, health_state, role (built-in fields). */
                            attribute: string;
                            /** @enum {string} */
                            op: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "contains";
                            value: string | number | boolean;
                        } | {
                            /** @enum {string} */
                            type: "usage_drop";
                            /** @description Fires when usage fell at least this much… */
                            percent: number;
                            /** @description …comparing the last N days with the N days before. */
                            days: number;
                        } | {
                            /** @enum {string} */
                            type: "health_change";
                            /** @enum {string} */
                            to: "healthy" | "watch" | "at_risk";
                            /** @enum {string} */
                            from?: "healthy" | "watch" | "at_risk";
                        } | {
                            /** @enum {string} */
                            type: "schedule";
                            /**
                             * @description renewal_date: the account's renewal date; signup: when the contact was first seen.
                             * @enum {string}
                             */
                            anchor: "renewal_date" | "signup";
                            /** @description Days after the anchor (negative: before). */
                            offset_days: number;
                        } | {
                            /** @enum {string} */
                            type: "manual";
                        } | {
                            /** @enum {string} */
                            type: "signal";
                            /**
                             * @description Fires when an interview yields this signal (high churn risk, expansion, asking for a person, an NPS score of 6 or less, a competitor).
                             * @enum {string}
                             */
                            signal: "churn_risk_high" | "expansion_intent" | "wants_human" | "nps_detractor" | "competitor_named";
                        };
                        /**
                         * @default {
                         *       "type": "contact"
                         *     }
                         */
                        who?: {
                            /**
                             * @description The contact the event or condition is about.
                             * @enum {string}
                             */
                            type: "contact";
                        } | {
                            /** @enum {string} */
                            type: "account_contacts";
                            /**
                             * @description The account's contacts with one of these roles; empty means all of them.
                             * @default []
                             */
                            roles?: string[];
                        };
                        /** @description Only for accounts whose plan is one of these (case-insensitive); without it, every plan. */
                        plans?: string[];
                    };
                };
            };
            responses: {
                /** @description The count, or why it cannot be counted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            evaluable: true;
                            contacts: number;
                        } | {
                            /** @enum {boolean} */
                            evaluable: false;
                            contacts: null;
                            reason: string;
                        };
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/triggers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a rule */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            deleted: true;
                        };
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a rule */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** Format: uuid */
                        guide_id?: string;
                        enabled?: boolean;
                        when?: {
                            /** @enum {string} */
                            type: "event";
                            /** @description Event name, as sent to /v1/events or the widget. */
                            event: string;
                            /** @description Every listed property must equal the given value. */
                            filter?: {
                                [key: string]: string | number | boolean;
                            };
                        } | {
                            /** @enum {string} */
                            type: "attribute";
                            /** @enum {string} */
                            target: "account" | "contact";
                            /** @description An attribute key, or one of plan, lifecycle_stage, health_state, role (built-in fields). */
                            attribute: string;
                            /** @enum {string} */
                            op: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "contains";
                            value: string | number | boolean;
                        } | {
                            /** @enum {string} */
                            type: "usage_drop";
                            /** @description Fires when usage fell at least this much… */
                            percent: number;
                            /** @description …comparing the last N days with the N days before. */
                            days: number;
                        } | {
                            /** @enum {string} */
                            type: "health_change";
                            /** @enum {string} */
                            to: "healthy" | "watch" | "at_risk";
                            /** @enum {string} */
                            from?: "healthy" | "watch" | "at_risk";
                        } | {
                            /** @enum {string} */
                            type: "schedule";
                            /**
                             * @description renewal_date: the account's renewal date; signup: when the contact was first seen.
                             * @enum {string}
                             */
                            anchor: "renewal_date" | "signup";
                            /** @description Days after the anchor (negative: before). */
                            offset_days: number;
                        } | {
                            /** @enum {string} */
                            type: "manual";
                        } | {
                            /** @enum {string} */
                            type: "signal";
                            /**
                             * @description Fires when an interview yields this signal (high churn risk, expansion, asking for a person, an NPS score of 6 or less, a competitor).
                             * @enum {string}
                             */
                            signal: "churn_risk_high" | "expansion_intent" | "wants_human" | "nps_detractor" | "competitor_named";
                        };
                        who?: {
                            /**
                             * @description The contact the event or condition is about.
                             * @enum {string}
                             */
                            type: "contact";
                        } | {
                            /** @enum {string} */
                            type: "account_contacts";
                            /**
                             * @description The account's contacts with one of these roles; empty means all of them.
                             * @default []
                             */
                            roles?: string[];
                        };
                        how?: {
                            /** @enum {string} */
                            channel: "in_app";
                        } | {
                            /** @enum {string} */
                            channel: "email";
                        } | {
                            /** @enum {string} */
                            channel: "in_app_then_email";
                            /** @description Email the link when the in-app invitation went unseen. */
                            email_after_days: number;
                        };
                        throttle?: {
                            recontact_days?: number;
                            once_per_guide?: boolean;
                        };
                        holdout_percent?: number;
                        do?: ({
                            /**
                             * @description Invite to an interview with the trigger's guide, who and how.
                             * @enum {string}
                             */
                            type: "invite";
                        } | {
                            /** @enum {string} */
                            type: "notify";
                            /** @enum {string} */
                            channel: "slack" | "email";
                            /**
                             * @description The account's CSM owner, its AE, or both.
                             * @enum {string}
                             */
                            to: "owner" | "ae" | "owner_and_ae";
                        } | {
                            /** @enum {string} */
                            type: "crm_task";
                            /** @enum {string} */
                            to: "owner" | "ae";
                        } | {
                            /** @enum {string} */
                            type: "webhook";
                            /**
                             * Format: uuid
                             * @description One of the workspace's webhook endpoints: signed, retried and logged like every webhook.
                             */
                            endpoint_id: string;
                        } | {
                            /** @enum {string} */
                            type: "in_app_message";
                            title: string;
                            body: string;
                            link_url: string;
                            /** @description The link's words; "Read more" without. */
                            link_label?: string;
                        })[];
                        /** @description The plan condition; null removes it. */
                        plans?: string[] | null;
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Trigger"];
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/triggers/{id}/steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How each step of a rule's play turned out */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Per step */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            steps: {
                                step: number;
                                type: string;
                                done: number;
                                queued: number;
                                skipped: number;
                                failed: number;
                                shown?: number;
                                dismissed?: number;
                                clicked?: number;
                            }[];
                            window: components["schemas"]["FunnelWindow"];
                        };
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mail sent from this workspace, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Up to 200 emails */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["OutboxRow"][];
                        };
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/outbox/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One email, secret links redacted */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The email */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OutboxEmail"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/outbox/{id}/resend-invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the invitee of a member invitation a fresh sign-in link */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Sent; the link is shown once */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ResentInvite"];
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description In conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ratings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** NPS, CSAT and CES per moment, per account and per week */
        get: {
            parameters: {
                query?: {
                    days?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RatingReport"];
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/guides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Guides, archived last */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every guide */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["GuideRow"][];
                        };
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** A new guide: a copy of a built-in template, or a blank to fill in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /**
                         * @default blank
                         * @enum {string}
                         */
                        template?: "blank" | "onboarding" | "health_pulse" | "churn_risk" | "pre_renewal" | "expansion" | "feature_launch";
                        /**
                         * @default health_pulse
                         * @enum {string}
                         */
                        moment?: "onboarding" | "health_pulse" | "churn_risk" | "pre_renewal" | "expansion" | "feature_launch";
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SavedGuide"];
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/guides/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One guide and its versions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The guide */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GuideDetail"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a guide's fields: stored as its next version */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @enum {string} */
                        moment?: "onboarding" | "health_pulse" | "churn_risk" | "pre_renewal" | "expansion" | "feature_launch";
                        objective?: string;
                        tone?: string;
                        /** @enum {string} */
                        language_policy?: "respondent" | "workspace";
                        opening_message?: string;
                        closing_message?: string;
                        topics?: {
                            /** @description Stable key, used in interview state and signals */
                            key: string;
                            /**
                             * @description open (default): a free answer; rating: a score on `scale`, then one question about the reason
                             * @enum {string}
                             */
                            kind?: "open" | "rating";
                            /**
                             * @description rating topics only: nps (0–10), csat (1–5) or ces (1–7, higher is easier)
                             * @enum {string}
                             */
                            scale?: "nps" | "csat" | "ces";
                            /** @description Asked verbatim in scripted mode; the AI may rephrase */
                            question: string;
                            /** @description How the interviewer digs deeper when the answer is thin or interesting */
                            probing: string;
                            /** @description Scripted follow-up when an answer is under about 8 words (rating: asked when no score was given) */
                            follow_up: string;
                            required: boolean;
                            /** @description AI mode: at most this many follow-ups on the topic before moving on (default 2) */
                            max_probes?: number;
                        }[];
                        limits?: {
                            /** @description Customer turns before the interviewer closes */
                            max_turns: number;
                            max_minutes: number;
                        };
                        taxonomy?: {
                            churn_reasons: {
                                key: string;
                                label: string;
                                keywords: string[];
                            }[];
                            expansion_kinds: {
                                key: string;
                                label: string;
                                keywords: string[];
                            }[];
                        };
                    };
                };
            };
            responses: {
                /** @description The new version */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SavedGuide"];
                    };
                };
                /** @description Invalid request: the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/guides/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a preview interview of the guide's current version
         * @description A real interview for the workspace’s preview contact, run through the widget endpoints with the token.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Started */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GuidePreview"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in member and their workspace */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed in */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConsoleMe"];
                    };
                };
                /** @description Signed out */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End this session
         * @description Deletes the session and clears its cookie. Signing out when already signed out also succeeds.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            signed_out: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                /** @example invalid_request */
                code: string;
                message: string;
            };
        };
        Home: {
            /**
             * @description book: the signed-in CSM's accounts; team: the whole workspace (admins)
             * @enum {string}
             */
            scope: "book" | "team";
            team: {
                rows: components["schemas"]["TeamRow"][];
                total: number;
            } | null;
            kpis: {
                invited_30d: number;
                started_30d: number;
                completed_30d: number;
                response_rate: number | null;
                completion_rate: number | null;
                interviews_this_week: number;
                accounts: number;
                arr_cents: number;
                accounts_at_risk: number;
                arr_at_risk_cents: number;
                at_risk_states: string[];
            };
            review_queue: {
                id: string;
                kind: string;
                reason: string;
                status: string;
                account_id: string;
                account_name: string;
                created_at: string;
                assigned_to_me: boolean;
            }[];
            briefing: {
                created_at: string;
                week_of: string | null;
                time_zone: string | null;
                sections: components["schemas"]["BriefSection"][];
            } | null;
        };
        TeamRow: {
            owner_email: string | null;
            name: string | null;
            accounts: number;
            arr_cents: number;
            accounts_at_risk: number;
            arr_at_risk_cents: number;
            interviews_completed: number;
            open_reviews: number;
        };
        BriefSection: {
            heading: string;
            items: components["schemas"]["BriefItem"][];
        };
        BriefItem: {
            text: string;
            /** @description The customer's words the claim rests on */
            quote: string | null;
            interview_id: string | null;
            /** @description The message the quote is from (GET /v1/interviews/{interview_id}) */
            message_id: string | null;
            /** @description Weekly briefing: the account the item is about (its text starts with the name) */
            account_id?: string;
            /** @description Weekly briefing: that account's name */
            account?: string;
            /**
             * @description Set once the person the claim rested on was erased: its quotes are empty and its words removed
             * @enum {boolean}
             */
            erased?: true;
        };
        AccountRow: {
            id: string;
            external_id: string;
            name: string;
            arr_cents: number | null;
            plan: string | null;
            /** @description YYYY-MM-DD */
            renewal_date: string | null;
            owner_email: string | null;
            ae_email: string | null;
            health_state: string;
            last_touch_at: string | null;
        };
        AccountFacets: {
            owners: string[];
            aes: string[];
            health_states: string[];
            plans: string[];
        };
        AccountDetail: {
            account: {
                id: string;
                external_id: string;
                name: string;
                arr_cents: number | null;
                plan: string | null;
                /** @description YYYY-MM-DD */
                renewal_date: string | null;
                owner_email: string | null;
                ae_email: string | null;
                health_state: string;
                last_touch_at: string | null;
                lifecycle_stage: string | null;
                health_reasons: components["schemas"]["HealthReason"][];
            };
            contacts: components["schemas"]["ContactRow"][];
            stakeholders: components["schemas"]["Stakeholder"][];
            timeline: components["schemas"]["TimelineItem"][];
            /** @description The account's scores over the last year */
            ratings: {
                overall: {
                    /** @enum {string} */
                    scale: "nps" | "csat" | "ces";
                    responses: number;
                    /** @description NPS 9–10, CSAT 4–5, CES 5–7 */
                    promoters: number;
                    passives: number;
                    /** @description NPS 0–6, CSAT 1–2, CES 1–3 */
                    detractors: number;
                    average: number;
                    /** @description NPS: promoters% − detractors% (−100…100); CSAT and CES: the average score */
                    score: number;
                }[];
                weekly: {
                    /** @description Monday of the week, UTC */
                    week: string;
                    /** @enum {string} */
                    scale: "nps" | "csat" | "ces";
                    responses: number;
                    /** @description NPS 9–10, CSAT 4–5, CES 5–7 */
                    promoters: number;
                    passives: number;
                    /** @description NPS 0–6, CSAT 1–2, CES 1–3 */
                    detractors: number;
                    average: number;
                    /** @description NPS: promoters% − detractors% (−100…100); CSAT and CES: the average score */
                    score: number;
                }[];
                detractor_reasons: {
                    /** @enum {string} */
                    scale: "nps" | "csat" | "ces";
                    score: number;
                    /** @description The customer's answer to why they gave that score */
                    reason: string | null;
                    interview_id: string;
                    /** @description The reason message (or the score, when no reason was given) */
                    message_id: string;
                    account_id: string | null;
                    account_name: string | null;
                    moment: string;
                    at: string;
                }[];
            };
            usage: {
                last_30d: number;
                previous_30d: number;
                top: {
                    name: string;
                    count: number;
                }[];
            };
            brief: {
                id: string;
                version: number;
                status: string;
                mode: string;
                /** @description ai mode: the synthesis model */
                model: string | null;
                prompt_version: string | null;
                /** @description Written by the rules after a model failure: why */
                fallback_reason: string | null;
                created_at: string;
                sections: components["schemas"]["BriefSection"][];
                /** @description Interviews answered since this version was written (a refresh follows when due) */
                new_answers: number;
                /** @description The newest generation since this version that came out empty, kept as a record */
                failed_attempt: {
                    version: number;
                    created_at: string;
                    fallback_reason: string | null;
                } | null;
            } | null;
        };
        HealthReason: {
            label: string;
            detail: string | null;
            quote: string | null;
            interview_id: string | null;
            message_id: string | null;
        };
        ContactRow: {
            id: string;
            external_id: string;
            name: string | null;
            email: string | null;
            role: string | null;
            opted_out: boolean;
        };
        Stakeholder: {
            name: string | null;
            role: string | null;
            /** @enum {string|null} */
            part: "champion" | "economic_buyer" | null;
            /** @description "left last month", "new CFO"; null when nothing changed */
            change: string | null;
            /** @description They answered an interview themselves */
            answered: boolean;
            /** @description The respondents who named them, newest first */
            mentioned_by: string[];
            evidence: {
                signal_id: string;
                quote: string;
                interview_id: string;
                message_id: string;
            } | null;
        };
        TimelineItem: {
            /** @enum {string} */
            kind: "event" | "interview" | "signal";
            id: string;
            at: string;
            title: string;
            detail: string | null;
            interview_id: string | null;
        };
        InvitationCheck: {
            /**
             * @description The rule that would hold it back; null when it may go out
             * @enum {string|null}
             */
            blocked_by: "opted_out" | "recontact_window" | "already_asked_guide" | "account_budget" | "quiet_hours" | "csm_touch_backoff" | "no_email" | "no_contact" | "holdout" | null;
            /** @description False for opt-outs and missing email addresses */
            can_send_anyway: boolean;
        };
        ManualInvitationBlocked: {
            /**
             * @description The rule that would hold it back; null when it may go out
             * @enum {string|null}
             */
            blocked_by: "opted_out" | "recontact_window" | "already_asked_guide" | "account_budget" | "quiet_hours" | "csm_touch_backoff" | "no_email" | "no_contact" | "holdout" | null;
            /** @description False for opt-outs and missing email addresses */
            can_send_anyway: boolean;
            /** @enum {string} */
            outcome: "blocked";
        };
        ManualInvited: {
            /** @enum {string} */
            outcome: "invited";
            /**
             * @description The rule the CSM knowingly overrode
             * @enum {string|null}
             */
            overrode: "opted_out" | "recontact_window" | "already_asked_guide" | "account_budget" | "quiet_hours" | "csm_touch_backoff" | "no_email" | "no_contact" | "holdout" | null;
            interview: {
                id: string;
                /** @enum {string} */
                status: "invited";
                /** @description The emailed link (email channel) */
                url: string | null;
                expires_at: string;
            };
        };
        InterviewRow: {
            id: string;
            status: string;
            mode: string;
            channel: string;
            account_id: string | null;
            invited_at: string;
            started_at: string | null;
            ended_at: string | null;
            guide_name: string;
            contact_name: string | null;
            contact_email: string | null;
            account_name: string | null;
            signal_count: number;
        };
        Transcript: {
            interview: {
                id: string;
                status: string;
                mode: string;
                channel: string;
                account_id: string | null;
                invited_at: string;
                started_at: string | null;
                ended_at: string | null;
                guide_name: string;
                contact_name: string | null;
                contact_email: string | null;
                account_name: string | null;
                signal_count: number;
                guide_version: number | null;
                /** @description Set when the retention policy erased the words */
                transcript_erased_at: string | null;
                /** @description The language the interview started in; null until it starts */
                language: string | null;
            };
            messages: {
                id: string;
                seq: number;
                /** @enum {string} */
                role: "interviewer" | "customer";
                text: string;
                created_at: string;
                decision: components["schemas"]["TurnDecision"] | null;
            }[];
            signals: components["schemas"]["SignalRow"][];
        };
        TurnDecision: {
            /** @description probe, advance, confirm_stop, close, handoff or opt_out */
            action: string;
            topic_index: number;
            why: string;
            reason?: string;
            /**
             * @description rules: word count and phrases; judgement: the model read the answer and code chose within bounds; forced: the bounds left one move whatever the answer, so no judgement was asked; reply_tag: on such a turn the reply read a wish for a person, a stop or a question
             * @enum {string}
             */
            decided_by?: "rules" | "judgement" | "rules_after_failed_judgement" | "forced" | "reply_tag";
            judgement?: {
                /**
                 * @description specific: concrete facts or examples; vague: general or noncommittal; off_topic: not about the question
                 * @enum {string}
                 */
                quality: "specific" | "vague" | "off_topic";
                /** @description The answer says why (the reason behind its claim), or the question needs no reason */
                reason_reached: boolean;
                /** @description The answer opened a thread worth exactly one more "why" */
                worth_probing: boolean;
                /**
                 * @description value: what they get out of the product; churn: a reason to leave or cut back; other: anything else
                 * @enum {string}
                 */
                statement: "value" | "churn" | "other";
                /**
                 * @description wants_human: asks to talk with a person, or says yes to being put in touch; wants_stop: wants to end this interview; asks_question: asks the interviewer something; confused: does not understand the question
                 * @enum {string}
                 */
                intent: "continue" | "wants_human" | "wants_stop" | "asks_question" | "confused";
                /**
                 * @description The language of the answer
                 * @enum {string}
                 */
                language: "en" | "de" | "fr" | "es" | "pt" | "ja";
            };
            /** @description Why the judgement was not used (timeout, provider error) */
            judgement_failure?: string;
            /** @description Follow-ups asked on the topic so far, this one included, and the topic’s cap */
            probes?: {
                used: number;
                cap: number;
            };
            /** @description The model’s reply did something else than decided (or something forbidden) and was replaced */
            corrected?: string;
        };
        SignalRow: {
            id: string;
            kind: string;
            label: string;
            /** @description The signal's value, shaped by its kind */
            value: {
                [key: string]: unknown;
            };
            /** @description A CSM changed it; re-extraction keeps it as they left it */
            corrected: boolean;
            quote: string;
            message_id: string;
            confidence: number;
            source: string;
        };
        Insights: {
            filters: components["schemas"]["InsightsFilters"];
            /** @description The 12 trend weeks (Mondays, YYYY-MM-DD), oldest first */
            weeks: string[];
            signal_counts: {
                kind: string;
                count: number;
            }[];
            churn_reasons: {
                reason: string;
                label: string;
                count: number;
                accounts: number;
                arr_at_risk_cents: number;
                quote: string | null;
                weekly: {
                    week: string;
                    signals: number;
                    arr_at_risk_cents: number;
                }[];
            }[];
            churn_reasons_total: number;
            feature_requests: {
                label: string;
                count: number;
                accounts: number;
                arr_cents: number;
                quote: string | null;
            }[];
            expansion: {
                items: {
                    account_id: string;
                    account_name: string;
                    arr_cents: number | null;
                    signals: number;
                    label: string;
                    /** @description Null once the retention policy erased it */
                    quote: string | null;
                    interview_id: string;
                    at: string;
                }[];
                total: number;
                page: number;
                page_size: number;
            };
        };
        InsightsFilters: {
            owner: string | null;
            plan: string | null;
            moment: string | null;
            /** @description YYYY-MM-DD, included */
            from: string;
            /** @description YYYY-MM-DD, included */
            to: string;
        };
        BriefRun: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "renewal" | "weekly_briefing";
            /** @enum {string} */
            status: "queued" | "running" | "done" | "failed";
            /** @description What it is doing now, e.g. "Summarizing accounts" */
            stage: string;
            steps_done: number;
            steps_total: number;
            /** @description steps_done / steps_total, 0 to 1 */
            progress: number;
            /**
             * Format: uuid
             * @description The new version, once done
             */
            brief_id: string | null;
            brief_version: number | null;
            /** @enum {string|null} */
            mode: "ai" | "rules" | null;
            error: string | null;
            created_at: string;
            updated_at: string;
            finished_at: string | null;
        };
        ReviewQueueItem: {
            id: string;
            account: {
                id: string;
                name: string;
            };
            kind: string;
            kind_label: string;
            reason: string;
            quote: string | null;
            interview_id: string | null;
            message_id: string | null;
            /** @enum {string} */
            status: "open" | "snoozed";
            snoozed_until: string | null;
            assignee: {
                id: string;
                name: string | null;
                email: string;
            } | null;
            assigned_to_me: boolean;
            created_at: string;
        };
        SettingsOverview: {
            workspace: components["schemas"]["WorkspaceSettings"];
            public_url: string;
            keys: {
                publishable: {
                    id: string;
                    key: string | null;
                    display_prefix: string;
                    created_at: string | null;
                } | null;
                publishable_active: number;
                secret: {
                    id: string;
                    display_prefix: string;
                    created_at: string | null;
                } | null;
            };
            api_keys: {
                id: string;
                /** @enum {string} */
                kind: "secret" | "publishable";
                display_prefix: string;
                created_at: string;
                last_used_at: string | null;
                revoked_at: string | null;
            }[];
            languages: {
                /** @enum {string} */
                code: "en" | "de" | "fr" | "es" | "pt" | "ja";
                name: string;
            }[];
            retention: {
                choices: number[];
                erased_interviews: number;
                last_run: {
                    at: string;
                    interviews: number;
                } | null;
            };
        };
        WorkspaceSettings: {
            id: string;
            name: string;
            timezone: string;
            identity_verification: boolean;
            /** @enum {string} */
            interviewer_mode: "ai" | "scripted";
            retention_days: number | null;
            /** @enum {string} */
            default_language: "en" | "de" | "fr" | "es" | "pt" | "ja";
        };
        ModelSettings: {
            provider: {
                base_url: string;
                base_url_from_env: boolean;
                api_key_set: boolean;
                available: boolean;
            };
            interview_model: {
                name: string;
                priced: boolean;
            };
            synthesis_model: {
                name: string;
                priced: boolean;
            };
            /** @enum {string} */
            interviewer_mode: "ai" | "scripted";
            prices: {
                model: string;
                input_per_million: number;
                output_per_million: number;
                /** @enum {string} */
                source: "default" | "CANDOR_MODEL_PRICES";
                in_use: boolean;
            }[];
            month: {
                since: string;
                interviews: number;
                ai_interviews: number;
                interview_tokens: number;
                interview_cost_micros: number;
                briefs: number;
                brief_tokens: number;
                brief_cost_micros: number;
            };
        };
        MemberRow: {
            id: string;
            email: string;
            name: string | null;
            role: components["schemas"]["Role"];
            /** @enum {string} */
            status: "active" | "invited";
            is_you: boolean;
            created_at: string;
        };
        /** @enum {string} */
        Role: "admin" | "csm";
        SettingsWebhookEndpoint: {
            id: string;
            url: string;
            event_types: ("interview.completed" | "signal.churn_risk" | "signal.expansion_intent" | "brief.ready" | "account.state_changed")[];
            enabled: boolean;
            created_at: string;
        };
        SettingsWebhookDelivery: {
            id: string;
            webhook_id: string;
            event_type: string;
            /** @enum {string} */
            status: "pending" | "delivering" | "retrying" | "delivered" | "failed";
            attempts: number;
            last_status_code: number | null;
            last_error: string | null;
            created_at: string | null;
            last_attempt_at: string | null;
            next_attempt_at: string | null;
            delivered_at: string | null;
        };
        ConnectorView: {
            id: string;
            /** @enum {string} */
            kind: "slack" | "hubspot" | "salesforce";
            enabled: boolean;
            settings: {
                [key: string]: unknown;
            };
            last_synced_at: string | null;
            auth_error: string | null;
            updated_at: string;
        };
        ConnectorDelivery: {
            id: string;
            action: string;
            summary: string;
            /** @enum {string} */
            status: "pending" | "delivering" | "retrying" | "delivered" | "failed";
            attempts: number;
            last_status_code: number | null;
            last_error: string | null;
            created_at: string;
            delivered_at: string | null;
            next_attempt_at: string | null;
        };
        OperatingModel: {
            generated_at: string;
            /** @description The saved inputs (see PUT /v1/operating-model/inputs). */
            inputs: {
                /**
                 * @default {
                 *       "grr": 0.9,
                 *       "nrr": 1,
                 *       "expansion_rate": 0.2
                 *     }
                 */
                targets: {
                    /**
                     * @description An account at target keeps at least this share of its ARR…
                     * @default 0.9
                     */
                    grr: number;
                    /**
                     * @description …and ends its renewal at least at this multiple of it.
                     * @default 1
                     */
                    nrr: number;
                    /**
                     * @description A CSM's book should expand at least this share.
                     * @default 0.2
                     */
                    expansion_rate: number;
                };
                /**
                 * @default {
                 *       "csms": null,
                 *       "book_per_csm": null,
                 *       "hours_per_week": 40,
                 *       "allocation": {
                 *         "onboarding": 15,
                 *         "recurring_check_ins": 20,
                 *         "renewal_management": 10,
                 *         "escalations": 15,
                 *         "strategic_expansion": 10,
                 *         "internal_coordination": 15,
                 *         "admin_data_entry": 15
                 *       },
                 *       "minutes_per_check_in": 30
                 *     }
                 */
                coverage: {
                    /**
                     * @description Null: count the account owners.
                     * @default null
                     */
                    csms: number | null;
                    /**
                     * @description Null: measured.
                     * @default null
                     */
                    book_per_csm: number | null;
                    /** @default 40 */
                    hours_per_week: number;
                    /**
                     * @description Percent of the week per activity; must add up to 100.
                     * @default {
                     *       "onboarding": 15,
                     *       "recurring_check_ins": 20,
                     *       "renewal_management": 10,
                     *       "escalations": 15,
                     *       "strategic_expansion": 10,
                     *       "internal_coordination": 15,
                     *       "admin_data_entry": 15
                     *     }
                     */
                    allocation: {
                        onboarding?: number;
                        recurring_check_ins?: number;
                        renewal_management?: number;
                        escalations?: number;
                        strategic_expansion?: number;
                        internal_coordination?: number;
                        admin_data_entry?: number;
                    };
                    /**
                     * @description What one human check-in or intake call takes.
                     * @default 30
                     */
                    minutes_per_check_in: number;
                };
                /**
                 * @default [
                 *       {
                 *         "name": "Quarterly health check-in",
                 *         "hours_per_month": 10,
                 *         "frequency": 5,
                 *         "consistency": 4,
                 *         "judgement": 2,
                 *         "data_availability": 4,
                 *         "blast_radius": 2,
                 *         "target_layer": "automated",
                 *         "infrastructure": "Candor health pulse trigger on a schedule; health state from signals"
                 *       },
                 *       {
                 *         "name": "Onboarding kickoff intake",
                 *         "hours_per_month": 6,
                 *         "frequency": 4,
                 *         "consistency": 5,
                 *         "judgement": 2,
                 *         "data_availability": 4,
                 *         "blast_radius": 2,
                 *         "target_layer": "automated",
                 *         "infrastructure": "Candor onboarding intake guide fired on signup"
                 *       },
                 *       {
                 *         "name": "Pre-renewal account research",
                 *         "hours_per_month": 8,
                 *         "frequency": 3,
                 *         "consistency": 4,
                 *         "judgement": 3,
                 *         "data_availability": 4,
                 *         "blast_radius": 3,
                 *         "target_layer": "ai_augmented",
                 *         "infrastructure": "Candor pre-renewal interviews + renewal brief 60 days out"
                 *       },
                 *       {
                 *         "name": "Monday portfolio scan",
                 *         "hours_per_month": 8,
                 *         "frequency": 5,
                 *         "consistency": 5,
                 *         "judgement": 2,
                 *         "data_availability": 4,
                 *         "blast_radius": 1,
                 *         "target_layer": "ai_augmented",
                 *         "infrastructure": "Candor weekly briefing per CSM"
                 *       },
                 *       {
                 *         "name": "CRM notes and data entry",
                 *         "hours_per_month": 10,
                 *         "frequency": 5,
                 *         "consistency": 4,
                 *         "judgement": 1,
                 *         "data_availability": 3,
                 *         "blast_radius": 1,
                 *         "target_layer": "automated",
                 *         "infrastructure": "Signals and briefs pushed by webhook to the CRM"
                 *       },
                 *       {
                 *         "name": "Feature-launch feedback collection",
                 *         "hours_per_month": 4,
                 *         "frequency": 2,
                 *         "consistency": 5,
                 *         "judgement": 1,
                 *         "data_availability": 4,
                 *         "blast_radius": 1,
                 *         "target_layer": "automated",
                 *         "infrastructure": "Candor feature-launch guide on the release event"
                 *       },
                 *       {
                 *         "name": "Churn-risk outreach",
                 *         "hours_per_month": 6,
                 *         "frequency": 3,
                 *         "consistency": 3,
                 *         "judgement": 4,
                 *         "data_availability": 3,
                 *         "blast_radius": 4,
                 *         "target_layer": "ai_augmented",
                 *         "infrastructure": "Usage-drop trigger + churn-risk interview routed to the CSM"
                 *       },
                 *       {
                 *         "name": "Answering how-to questions",
                 *         "hours_per_month": 8,
                 *         "frequency": 5,
                 *         "consistency": 4,
                 *         "judgement": 1,
                 *         "data_availability": 3,
                 *         "blast_radius": 2,
                 *         "target_layer": "self_service",
                 *         "infrastructure": "Docs and in-app guidance fed by interview friction themes"
                 *       },
                 *       {
                 *         "name": "QBR deck preparation",
                 *         "hours_per_month": 6,
                 *         "frequency": 2,
                 *         "consistency": 3,
                 *         "judgement": 3,
                 *         "data_availability": 3,
                 *         "blast_radius": 3,
                 *         "target_layer": "ai_augmented",
                 *         "infrastructure": "Account brief with cited quotes as the deck draft"
                 *       },
                 *       {
                 *         "name": "Renewal negotiation",
                 *         "hours_per_month": 6,
                 *         "frequency": 2,
                 *         "consistency": 2,
                 *         "judgement": 5,
                 *         "data_availability": 3,
                 *         "blast_radius": 5,
                 *         "target_layer": "human_led",
                 *         "infrastructure": "Stays human; prepared by the renewal brief"
                 *       }
                 *     ]
                 */
                tasks: {
                    name: string;
                    /** @description Hours per CSM per month the task takes today. */
                    hours_per_month: number;
                    frequency: number;
                    consistency: number;
                    /** @description 5 = needs the most human judgement. */
                    judgement: number;
                    data_availability: number;
                    /** @description 5 = worst customer impact if automated poorly. */
                    blast_radius: number;
                    /** @enum {string} */
                    target_layer: "self_service" | "automated" | "ai_augmented" | "human_led";
                    infrastructure: string;
                }[];
                /**
                 * @default {
                 *       "csm_loaded_cost": 220000,
                 *       "future_csms": null,
                 *       "future_csm_loaded_cost": 250000,
                 *       "ai_layer_cost": 48000,
                 *       "assumed_grr_lift_points": 5,
                 *       "assumed_nrr_lift_points": 9
                 *     }
                 */
                roi: {
                    /**
                     * @description Whole currency units per CSM per year.
                     * @default 220000
                     */
                    csm_loaded_cost: number;
                    /**
                     * @description Null: half the team, at least 1.
                     * @default null
                     */
                    future_csms: number | null;
                    /** @default 250000 */
                    future_csm_loaded_cost: number;
                    /** @default 48000 */
                    ai_layer_cost: number;
                    /** @default 5 */
                    assumed_grr_lift_points: number;
                    /** @default 9 */
                    assumed_nrr_lift_points: number;
                };
                /**
                 * @default {
                 *       "survey_response_rate": null,
                 *       "survey_name": "previous survey"
                 *     }
                 */
                baseline: {
                    /**
                     * @description The response rate of the survey Candor replaces (e.g. 0.09 for NPS at 9 %).
                     * @default null
                     */
                    survey_response_rate: number | null;
                    /** @default previous survey */
                    survey_name: string;
                };
            };
            book: {
                accounts: number;
                customers: number;
                /** @description Integer cents. */
                acv_cents: number;
                csms: number;
                book_per_csm: number;
            };
            retention: components["schemas"]["Retention"];
            effective_book: {
                /** @description Mean accounts per CSM at target outcomes, latest quarter. */
                headline: number | null;
                book_per_csm: number | null;
                quarter: string | null;
                csms: {
                    csm: string;
                    measured_accounts: number;
                    at_target: number;
                    share_at_target: number | null;
                    expansion_rate: number | null;
                    meets_expansion_target: boolean | null;
                }[];
                trend: {
                    quarter: string;
                    effective_book: number | null;
                    book_per_csm: number | null;
                }[];
                how: string;
            };
            coverage: {
                csms: number;
                book_per_csm: number;
                hours_per_week: number;
                hours_saved_per_week: number;
                projected_book_per_csm: number;
                activities: {
                    activity: string;
                    percent: number;
                    hours_per_week: number;
                    /** @enum {string} */
                    current_layer: "self_service" | "automated" | "ai_augmented" | "human_led";
                    /** @enum {string} */
                    target_layer: "self_service" | "automated" | "ai_augmented" | "human_led";
                    move: string;
                    capability: string | null;
                    /** @enum {string} */
                    complexity: "low" | "medium" | "high";
                    hours_saved_per_week: number;
                    /** @enum {string} */
                    basis: "measured" | "assumed";
                    how: string;
                }[];
                top_moves: {
                    activity: string;
                    hours_saved_per_week: number;
                    /** @enum {string} */
                    complexity: "low" | "medium" | "high";
                    roi: number;
                }[];
            };
            automation: {
                tasks: {
                    name: string;
                    /** @description Hours per CSM per month the task takes today. */
                    hours_per_month: number;
                    frequency: number;
                    consistency: number;
                    /** @description 5 = needs the most human judgement. */
                    judgement: number;
                    data_availability: number;
                    /** @description 5 = worst customer impact if automated poorly. */
                    blast_radius: number;
                    /** @enum {string} */
                    target_layer: "self_service" | "automated" | "ai_augmented" | "human_led";
                    infrastructure: string;
                    readiness: number;
                    risk: number;
                    hours_saved_per_month: number;
                    priority: number;
                }[];
                top: {
                    name: string;
                    /** @description Hours per CSM per month the task takes today. */
                    hours_per_month: number;
                    frequency: number;
                    consistency: number;
                    /** @description 5 = needs the most human judgement. */
                    judgement: number;
                    data_availability: number;
                    /** @description 5 = worst customer impact if automated poorly. */
                    blast_radius: number;
                    /** @enum {string} */
                    target_layer: "self_service" | "automated" | "ai_augmented" | "human_led";
                    infrastructure: string;
                    readiness: number;
                    risk: number;
                    hours_saved_per_month: number;
                    priority: number;
                }[];
            };
            roi: {
                seed_example: {
                    inputs: {
                        customers: number;
                        /** @description Integer cents. */
                        acv_cents: number;
                        current_csms: number;
                        /** @description Integer cents. */
                        csm_loaded_cost_cents: number;
                        future_csms: number;
                        /** @description Integer cents. */
                        future_team_cost_cents: number;
                        /** @description Integer cents. */
                        ai_layer_cost_cents: number;
                        grr_lift_points: number;
                        nrr_lift_points: number;
                    };
                    result: {
                        /** @description Integer cents. */
                        arr_cents: number;
                        /** @description Integer cents. */
                        current_cost_cents: number;
                        /** @description Integer cents. */
                        future_cost_cents: number;
                        /** @description Integer cents. */
                        savings_cents: number;
                        /** @description Integer cents. */
                        grr_value_cents: number;
                        /** @description Integer cents. */
                        nrr_value_cents: number;
                        /** @description Integer cents. */
                        total_impact_cents: number;
                        /** @description Total impact ÷ AI layer cost (30 = 30:1). */
                        return_ratio: number | null;
                        steps: {
                            label: string;
                            /** @description Integer cents. */
                            cents: number;
                            how: string;
                        }[];
                    };
                };
                own_book: {
                    inputs: {
                        customers: number;
                        /** @description Integer cents. */
                        acv_cents: number;
                        current_csms: number;
                        /** @description Integer cents. */
                        csm_loaded_cost_cents: number;
                        future_csms: number;
                        /** @description Integer cents. */
                        future_team_cost_cents: number;
                        /** @description Integer cents. */
                        ai_layer_cost_cents: number;
                        grr_lift_points: number;
                        nrr_lift_points: number;
                    };
                    result: {
                        /** @description Integer cents. */
                        arr_cents: number;
                        /** @description Integer cents. */
                        current_cost_cents: number;
                        /** @description Integer cents. */
                        future_cost_cents: number;
                        /** @description Integer cents. */
                        savings_cents: number;
                        /** @description Integer cents. */
                        grr_value_cents: number;
                        /** @description Integer cents. */
                        nrr_value_cents: number;
                        /** @description Integer cents. */
                        total_impact_cents: number;
                        /** @description Total impact ÷ AI layer cost (30 = 30:1). */
                        return_ratio: number | null;
                        steps: {
                            label: string;
                            /** @description Integer cents. */
                            cents: number;
                            how: string;
                        }[];
                    };
                    /** @enum {string} */
                    lift_basis: "measured" | "assumed";
                    response_rate: number | null;
                    sensitivity: {
                        benefit_factor: number;
                        ai_cost_factor: number;
                        /** @description Integer cents. */
                        total_impact_cents: number;
                        return_ratio: number | null;
                    }[];
                };
            };
            holdouts: components["schemas"]["HoldoutReport"];
            engagement: {
                baseline: {
                    survey_response_rate: number | null;
                    survey_name: string;
                };
                moments: {
                    moment: string;
                    invited: number;
                    response_rate: number | null;
                    completion_rate: number | null;
                    lift_vs_baseline: number | null;
                    time_to_insight_hours: {
                        median: number;
                        p90: number;
                        n: number;
                    } | null;
                }[];
            };
        };
        Retention: {
            /** @description The workspace, a CSM email, a plan or a quarter (2026-Q1). */
            key: string;
            renewals: number;
            accounts: number;
            arr_before_cents: number;
            arr_after_cents: number;
            /** @description Σ min(after, before) / Σ before; null with nothing up for renewal. */
            grr: number | null;
            /** @description Σ after / Σ before. */
            nrr: number | null;
            /** @description Share of renewals that grew. */
            expansion_rate: number | null;
            churned: number;
            contracted: number;
            expanded: number;
        };
        HoldoutReport: {
            /** @description The trigger with enough data and the largest control group (groups are never pooled across triggers). */
            overall: {
                name: string;
                treated: {
                    /** @description Accounts with a renewal or churn since they were assigned. */
                    accounts: number;
                    renewals: number;
                    renewal_rate: number | null;
                    grr: number | null;
                    nrr: number | null;
                    expansion_rate: number | null;
                };
                held_out: {
                    /** @description Accounts with a renewal or churn since they were assigned. */
                    accounts: number;
                    renewals: number;
                    renewal_rate: number | null;
                    grr: number | null;
                    nrr: number | null;
                    expansion_rate: number | null;
                };
                enough_data: boolean;
                /** @description Plain-language reading, including "Not enough data yet" with the counts. */
                verdict: string;
                /** @description Treated minus held out with a 95 % interval (Newcombe for rates, bootstrap over accounts for GRR/NRR). */
                lift: {
                    renewal_rate: {
                        estimate: number;
                        low: number;
                        high: number;
                    };
                    expansion_rate: {
                        estimate: number;
                        low: number;
                        high: number;
                    };
                    grr: {
                        estimate: number;
                        low: number;
                        high: number;
                    };
                    nrr: {
                        estimate: number;
                        low: number;
                        high: number;
                    };
                } | null;
            };
            by_trigger: {
                trigger_id: string;
                name: string;
                holdout_percent: number;
                treated: {
                    /** @description Accounts with a renewal or churn since they were assigned. */
                    accounts: number;
                    renewals: number;
                    renewal_rate: number | null;
                    grr: number | null;
                    nrr: number | null;
                    expansion_rate: number | null;
                };
                held_out: {
                    /** @description Accounts with a renewal or churn since they were assigned. */
                    accounts: number;
                    renewals: number;
                    renewal_rate: number | null;
                    grr: number | null;
                    nrr: number | null;
                    expansion_rate: number | null;
                };
                enough_data: boolean;
                /** @description Plain-language reading, including "Not enough data yet" with the counts. */
                verdict: string;
                /** @description Treated minus held out with a 95 % interval (Newcombe for rates, bootstrap over accounts for GRR/NRR). */
                lift: {
                    renewal_rate: {
                        estimate: number;
                        low: number;
                        high: number;
                    };
                    expansion_rate: {
                        estimate: number;
                        low: number;
                        high: number;
                    };
                    grr: {
                        estimate: number;
                        low: number;
                        high: number;
                    };
                    nrr: {
                        estimate: number;
                        low: number;
                        high: number;
                    };
                } | null;
            }[];
        };
        TriggerRow: {
            id: string;
            name: string;
            enabled: boolean;
            guide_id: string;
            guide_name: string | null;
            rule: {
                [key: string]: unknown;
            };
            invited: number;
            skipped: number;
            started: number;
            completed: number;
        };
        ManualSends: {
            eligible: number;
            skipped: number;
            skipped_by_reason: {
                [key: string]: number;
            };
            invited: number;
            shown: number;
            started: number;
            completed: number;
            actionable: number;
        };
        FunnelWindow: {
            days: number;
            since: string;
        };
        Trigger: {
            name: string;
            /** Format: uuid */
            guide_id: string;
            /** @default true */
            enabled: boolean;
            when: {
                /** @enum {string} */
                type: "event";
                /** @description Event name, as sent to /v1/events or the widget. */
                event: string;
                /** @description Every listed property must equal the given value. */
                filter?: {
                    [key: string]: string | number | boolean;
                };
            } | {
                /** @enum {string} */
                type: "attribute";
                /** @enum {string} */
                target: "account" | "contact";
                /** @description An attribute key, or one of plan, lifecycle_stage, health_state, role (built-in fields). */
                attribute: string;
                /** @enum {string} */
                op: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "contains";
                value: string | number | boolean;
            } | {
                /** @enum {string} */
                type: "usage_drop";
                /** @description Fires when usage fell at least this much… */
                percent: number;
                /** @description …comparing the last N days with the N days before. */
                days: number;
            } | {
                /** @enum {string} */
                type: "health_change";
                /** @enum {string} */
                to: "healthy" | "watch" | "at_risk";
                /** @enum {string} */
                from?: "healthy" | "watch" | "at_risk";
            } | {
                /** @enum {string} */
                type: "schedule";
                /**
                 * @description renewal_date: the account's renewal date; signup: when the contact was first seen.
                 * @enum {string}
                 */
                anchor: "renewal_date" | "signup";
                /** @description Days after the anchor (negative: before). */
                offset_days: number;
            } | {
                /** @enum {string} */
                type: "manual";
            } | {
                /** @enum {string} */
                type: "signal";
                /**
                 * @description Fires when an interview yields this signal (high churn risk, expansion, asking for a person, an NPS score of 6 or less, a competitor).
                 * @enum {string}
                 */
                signal: "churn_risk_high" | "expansion_intent" | "wants_human" | "nps_detractor" | "competitor_named";
            };
            /**
             * @default {
             *       "type": "contact"
             *     }
             */
            who: {
                /**
                 * @description The contact the event or condition is about.
                 * @enum {string}
                 */
                type: "contact";
            } | {
                /** @enum {string} */
                type: "account_contacts";
                /**
                 * @description The account's contacts with one of these roles; empty means all of them.
                 * @default []
                 */
                roles: string[];
            };
            /**
             * @default {
             *       "channel": "in_app"
             *     }
             */
            how: {
                /** @enum {string} */
                channel: "in_app";
            } | {
                /** @enum {string} */
                channel: "email";
            } | {
                /** @enum {string} */
                channel: "in_app_then_email";
                /** @description Email the link when the in-app invitation went unseen. */
                email_after_days: number;
            };
            /** @default {} */
            throttle: {
                recontact_days?: number;
                once_per_guide?: boolean;
            };
            /** @description Only for accounts whose plan is one of these (case-insensitive); without it, every plan. */
            plans?: string[];
            /**
             * @description What the trigger does when it fires, in order (a play). Without it: invite, as before.
             * @default [
             *       {
             *         "type": "invite"
             *       }
             *     ]
             */
            do: ({
                /**
                 * @description Invite to an interview with the trigger's guide, who and how.
                 * @enum {string}
                 */
                type: "invite";
            } | {
                /** @enum {string} */
                type: "notify";
                /** @enum {string} */
                channel: "slack" | "email";
                /**
                 * @description The account's CSM owner, its AE, or both.
                 * @enum {string}
                 */
                to: "owner" | "ae" | "owner_and_ae";
            } | {
                /** @enum {string} */
                type: "crm_task";
                /** @enum {string} */
                to: "owner" | "ae";
            } | {
                /** @enum {string} */
                type: "webhook";
                /**
                 * Format: uuid
                 * @description One of the workspace's webhook endpoints: signed, retried and logged like every webhook.
                 */
                endpoint_id: string;
            } | {
                /** @enum {string} */
                type: "in_app_message";
                title: string;
                body: string;
                link_url: string;
                /** @description The link's words; "Read more" without. */
                link_label?: string;
            })[];
            /**
             * @description Control share: this percent of eligible accounts (contacts without one) is never contacted by this trigger, recorded as skipped: holdout, so outcomes can be compared with the treated ones. Drawn by a stable hash of (trigger, account).
             * @default 10
             */
            holdout_percent: number;
            id: string;
            created_at: string;
            updated_at: string;
        };
        OutboxRow: {
            id: string;
            kind: string;
            to_address: string;
            subject: string;
            status: string;
            created_at: string;
        };
        OutboxEmail: {
            id: string;
            kind: string;
            to_address: string;
            subject: string;
            status: string;
            created_at: string;
            from_address: string;
            html: string;
            text: string;
            redacted_links: number;
        };
        ResentInvite: {
            id: string;
            email: string;
            role: components["schemas"]["Role"];
            url: string;
        };
        RatingReport: {
            window_days: number;
            overall: {
                /** @enum {string} */
                scale: "nps" | "csat" | "ces";
                responses: number;
                /** @description NPS 9–10, CSAT 4–5, CES 5–7 */
                promoters: number;
                passives: number;
                /** @description NPS 0–6, CSAT 1–2, CES 1–3 */
                detractors: number;
                average: number;
                /** @description NPS: promoters% − detractors% (−100…100); CSAT and CES: the average score */
                score: number;
            }[];
            by_moment: {
                moment: string;
                /** @enum {string} */
                scale: "nps" | "csat" | "ces";
                responses: number;
                /** @description NPS 9–10, CSAT 4–5, CES 5–7 */
                promoters: number;
                passives: number;
                /** @description NPS 0–6, CSAT 1–2, CES 1–3 */
                detractors: number;
                average: number;
                /** @description NPS: promoters% − detractors% (−100…100); CSAT and CES: the average score */
                score: number;
            }[];
            by_account: {
                account_id: string;
                external_id: string;
                account_name: string;
                /** @enum {string} */
                scale: "nps" | "csat" | "ces";
                responses: number;
                /** @description NPS 9–10, CSAT 4–5, CES 5–7 */
                promoters: number;
                passives: number;
                /** @description NPS 0–6, CSAT 1–2, CES 1–3 */
                detractors: number;
                average: number;
                /** @description NPS: promoters% − detractors% (−100…100); CSAT and CES: the average score */
                score: number;
            }[];
            weekly: {
                /** @description Monday of the week, UTC */
                week: string;
                /** @enum {string} */
                scale: "nps" | "csat" | "ces";
                responses: number;
                /** @description NPS 9–10, CSAT 4–5, CES 5–7 */
                promoters: number;
                passives: number;
                /** @description NPS 0–6, CSAT 1–2, CES 1–3 */
                detractors: number;
                average: number;
                /** @description NPS: promoters% − detractors% (−100…100); CSAT and CES: the average score */
                score: number;
            }[];
            detractor_reasons: {
                /** @enum {string} */
                scale: "nps" | "csat" | "ces";
                score: number;
                /** @description The customer's answer to why they gave that score */
                reason: string | null;
                interview_id: string;
                /** @description The reason message (or the score, when no reason was given) */
                message_id: string;
                account_id: string | null;
                account_name: string | null;
                moment: string;
                at: string;
            }[];
        };
        GuideRow: {
            id: string;
            name: string;
            moment: string;
            current_version: number;
            versions: number;
            interviews: number;
            archived: boolean;
            updated_at: string;
        };
        GuideDetail: {
            guide: components["schemas"]["GuideRow"];
            versions: {
                id: string;
                version: number;
                definition: {
                    [key: string]: unknown;
                };
                created_at: string;
            }[];
        };
        SavedGuide: {
            id: string;
            name: string;
            moment: string;
            version: number;
            template_key: string | null;
            updated_at: string;
            version_id: string;
            created_at: string;
            body: {
                name: string;
                /** @enum {string} */
                moment: "onboarding" | "health_pulse" | "churn_risk" | "pre_renewal" | "expansion" | "feature_launch";
                objective: string;
                /** @default warm, curious, concise; plain words; never salesy */
                tone: string;
                /**
                 * @default respondent
                 * @enum {string}
                 */
                language_policy: "respondent" | "workspace";
                opening_message: string;
                closing_message: string;
                topics: {
                    /** @description Stable key, used in interview state and signals */
                    key: string;
                    /**
                     * @description open (default): a free answer; rating: a score on `scale`, then one question about the reason
                     * @enum {string}
                     */
                    kind?: "open" | "rating";
                    /**
                     * @description rating topics only: nps (0–10), csat (1–5) or ces (1–7, higher is easier)
                     * @enum {string}
                     */
                    scale?: "nps" | "csat" | "ces";
                    /** @description Asked verbatim in scripted mode; the AI may rephrase */
                    question: string;
                    /** @description How the interviewer digs deeper when the answer is thin or interesting */
                    probing: string;
                    /** @description Scripted follow-up when an answer is under about 8 words (rating: asked when no score was given) */
                    follow_up: string;
                    required: boolean;
                    /** @description AI mode: at most this many follow-ups on the topic before moving on (default 2) */
                    max_probes?: number;
                }[];
                limits: {
                    /** @description Customer turns before the interviewer closes */
                    max_turns: number;
                    max_minutes: number;
                };
                taxonomy: {
                    churn_reasons: {
                        key: string;
                        label: string;
                        keywords: string[];
                    }[];
                    expansion_kinds: {
                        key: string;
                        label: string;
                        keywords: string[];
                    }[];
                };
            };
        };
        GuidePreview: {
            interview_id: string;
            token: string;
            guide_version: number;
            expires_at: string;
        };
        ConsoleMe: {
            member: components["schemas"]["Member"];
            workspace: {
                id: string;
                name: string;
            };
        };
        Member: {
            id: string;
            email: string;
            name: string | null;
            /** @enum {string} */
            role: "admin" | "csm";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
