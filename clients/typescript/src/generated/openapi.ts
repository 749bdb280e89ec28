/**
 * Generated from the OpenAPI document (GET /api/v1/openapi.json) by openapi-typescript.
 * Do not edit: run `npm run clients:generate` after changing the API.
 */
export interface paths {
    "/api/v1/prompts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List prompts */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    q?: string;
                    tag?: string | string[];
                    archived?: "exclude" | "include" | "only";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Prompts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Prompt"][];
                            /** @description Pass as `cursor` for the next page; null on the last. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
        /** Create a prompt */
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
                        name: string;
                        description?: string;
                        tags?: string[];
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
                        "application/json": components["schemas"]["Prompt"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description prompt_exists: a prompt with this name exists */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/prompts/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Serve the version a label (default production) or number points at
         * @description Send `If-None-Match` with the ETag of the copy you hold: 304 when it is still what the selector resolves to. Every 200 and 304 carries `X-Promptdeck-Epoch`, the serving epoch: a counter raised by every change of what any label resolves to, and never ahead of what the answer reflects. A client that has seen epoch E on any answer knows that a copy it cached from an answer with an epoch below E may be stale (the client libraries drop such copies).
         */
        get: {
            parameters: {
                query?: {
                    label?: string;
                    version?: number;
                    /** @description Canary stickiness: the same key always gets the same side of a running canary (no key: a random draw per call). */
                    stickyKey?: string;
                };
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The version served (a running canary's for its share of callers) */
                200: {
                    headers: {
                        /** @description Entity tag of this answer; send it back as If-None-Match to revalidate. */
                        ETag?: string;
                        /** @description `true` when the answer is a running canary's version, else `false` (the body says the same in `canary`). */
                        "X-Promptdeck-Canary"?: string;
                        /** @description Serving epoch (a non-negative integer as text) that this answer reflects at least; raised by every label move, rollback, removal and new version anywhere in the catalog. */
                        "X-Promptdeck-Epoch"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ServedVersion"];
                    };
                };
                /** @description Not modified (If-None-Match matched) */
                304: {
                    headers: {
                        /** @description Entity tag of this answer; send it back as If-None-Match to revalidate. */
                        ETag?: string;
                        /** @description `true` when the answer is a running canary's version, else `false` (the body says the same in `canary`). */
                        "X-Promptdeck-Canary"?: string;
                        /** @description Serving epoch (a non-negative integer as text) that this answer reflects at least; raised by every label move, rollback, removal and new version anywhere in the catalog. */
                        "X-Promptdeck-Epoch"?: string;
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
        /** Delete a prompt with its versions and history (deployer); refused while a label points at one of its versions */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
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
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description prompt_in_use: labels point at its versions (details.labels) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
        /** Update description or tags; archive ({archived: true}) or restore */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        description?: string;
                        tags?: string[];
                        archived?: boolean;
                    };
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Prompt"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/prompts/{name}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List versions, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Versions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Version"][];
                            /** @description Pass as `cursor` for the next page; null on the last. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
        /** Create the next version; nothing is created when it is identical to its parent */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        template: {
                            system?: string;
                            messages: {
                                /** @enum {string} */
                                role: "user" | "assistant";
                                content: string;
                            }[];
                        };
                        modelId: string;
                        params?: {
                            temperature?: number;
                            topP?: number;
                            topK?: number;
                            maxTokens?: number;
                            stopSequences?: string[];
                        };
                        guardrail?: {
                            identifier: string;
                            version: string;
                        } | null;
                        tools?: {
                            name: string;
                            description: string;
                            /** @description JSON Schema of the tool input (an object schema). */
                            inputSchema: {
                                [key: string]: unknown;
                            };
                        }[];
                        toolChoice?: ("auto" | "any") | {
                            tool: string;
                        } | null;
                        /** @description JSON Schema (draft 2020-12) the answer must satisfy. */
                        outputSchema?: {
                            [key: string]: unknown;
                        } | boolean | null;
                        cachePoints?: ("system" | number)[];
                        fallbacks?: string[];
                        commitMessage?: string;
                        labels?: string[];
                        parentVersion?: number;
                    };
                };
            };
            responses: {
                /** @description No changes: identical (template, model, params, guardrail) to parentVersion, default the latest. That version comes back with created: false; nothing is written, labels are not moved. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedVersion"];
                    };
                };
                /** @description Created (created: true) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedVersion"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description approval_required: one of `labels` is protected (nothing is created) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/prompts/{name}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Version */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Version"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/prompts/{name}/labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List labels (with the automatic latest) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Labels */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Label"][];
                            /** @description Pass as `cursor` for the next page; null on the last. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/prompts/{name}/labels/{label}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Point a label at a version */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                    label: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        version: number;
                        expectedVersion?: number | null;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Moved; changed: false (and no history event) when it already pointed there */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LabelPut"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description label_conflict: the label moved meanwhile; details.currentVersion. approval_required: the label is protected (open a deploy request) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
        /** Remove a label */
        delete: {
            parameters: {
                query?: {
                    reason?: string;
                    expectedVersion?: number;
                };
                header?: never;
                path: {
                    name: string;
                    label: string;
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
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description label_conflict: the label moved meanwhile; approval_required: the label is protected */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/prompts/{name}/labels/{label}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a label back to where it pointed before its latest move */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                    label: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        reason?: string;
                        expectedVersion?: number;
                    };
                };
            };
            responses: {
                /** @description Rolled back */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LabelMove"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description nothing_to_rollback or label_conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/prompts/{name}/labels/{label}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Label history, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    name: string;
                    label: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Events */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["LabelEvent"][];
                            /** @description Pass as `cursor` for the next page; null on the last. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/prompts/{name}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** History of all labels of a prompt */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Events */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["LabelEvent"][];
                            /** @description Pass as `cursor` for the next page; null on the last. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/prompts/{name}/render": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render a version with variables */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        label?: string;
                        version?: number;
                        /** @default {} */
                        variables?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Rendered */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Rendered"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/prompts/{name}/labels/{label}/canary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The canary running on a label, with both sides' figures over the guard window and the guard's state */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                    label: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The canary (null fields when none runs) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CanaryStatus"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Start a canary (deployer): weight% of callers get version, sticky per caller key; or change the weight and guard of the running one
         * @description Guard defaults: minCalls 200, windowSeconds 900, maxErrorRateDelta 0.05 (errors + throttles over calls), maxThumbsDownRateDelta 0.1, maxLatencyP95Ratio 1.5. The guard never judges before both sides have minCalls production calls in the window. A history event `canary_start`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                    label: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        version: number;
                        /** @description Percent of callers served the canary version, 1-50. */
                        weight: number;
                        guard?: {
                            /** @description Calls each side needs in the window before the guard judges (default 200). */
                            minCalls?: number;
                            /** @description The window the guard compares, in seconds (default 900). */
                            windowSeconds?: number;
                            /** @description Canary failure rate (errors + throttles over calls) minus the baseline's, 0-1 (default 0.05); null: not checked. */
                            maxErrorRateDelta?: number | null;
                            /** @description Canary thumbs-down rate minus the baseline's, 0-1 (default 0.1); null: not checked. */
                            maxThumbsDownRateDelta?: number | null;
                            /** @description Canary p95 latency over the baseline's (default 1.5); null: not checked. */
                            maxLatencyP95Ratio?: number | null;
                        };
                        expectedVersion?: number;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Started (or updated) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CanaryChange"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description canary_running: a canary of another version runs; label_conflict: expectedVersion is not where the label points */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
        /** Stop the canary (deployer); every caller gets the label's version again. A history event `canary_stop`. */
        delete: {
            parameters: {
                query?: {
                    reason?: string;
                };
                header?: never;
                path: {
                    name: string;
                    label: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Stopped */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CanaryChange"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no_canary: none runs on this label */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/prompts/{name}/labels/{label}/canary/promote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the label to the canary version (deployer): a label move recorded as `canary_promote`; the canary ends
         * @description A protected label (label policy) is not moved by a promotion: 409 approval_required, whose message and `details` (`version`, `deployRequest: {label, version}`) name the deploy request to open for the canary version instead. Starting, re-weighting and stopping a canary on a protected label stay allowed for deployers.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                    label: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        expectedVersion?: number;
                        expectedCanaryVersion?: number;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Promoted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LabelMove"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no_canary; label_conflict (expectedVersion); canary_conflict (expectedCanaryVersion); approval_required (the label is protected: open a deploy request for the canary version) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/prompts/{name}/invoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invoke a prompt version on Bedrock (JSON, or server-sent events with stream: true) */
        post: {
            parameters: {
                query?: {
                    /** @description Browser sessions only: log the call as a playground run (API keys always log as api). */
                    source?: "api" | "playground";
                };
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        label?: string;
                        version?: number;
                        /** @default {} */
                        variables?: {
                            [key: string]: unknown;
                        };
                        stream?: boolean;
                        metadata?: {
                            userRef?: string;
                            sessionId?: string;
                            tags?: string[];
                        } & {
                            [key: string]: unknown;
                        };
                        overrides?: {
                            modelId?: string;
                            params?: {
                                temperature?: number;
                                topP?: number;
                                topK?: number;
                                maxTokens?: number;
                                stopSequences?: string[];
                            };
                            template?: {
                                system?: string;
                                messages: {
                                    /** @enum {string} */
                                    role: "user" | "assistant";
                                    content: string;
                                }[];
                            };
                            tools?: {
                                name: string;
                                description: string;
                                /** @description JSON Schema of the tool input (an object schema). */
                                inputSchema: {
                                    [key: string]: unknown;
                                };
                            }[];
                            toolChoice?: ("auto" | "any") | {
                                tool: string;
                            } | null;
                            /** @description JSON Schema (draft 2020-12) the answer must satisfy. */
                            outputSchema?: {
                                [key: string]: unknown;
                            } | boolean | null;
                            cachePoints?: ("system" | number)[];
                            fallbacks?: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description The answer */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InvokeResult"];
                        "text/event-stream": string;
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description throttled after retries (on the primary and every fallback); details.invocationId */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description upstream_error (details.invocationId, details.type), or invalid_output: the answer breaks the version's outputSchema or a tool's input schema (details.invocationId, reason, output; logged with the output) */
                502: {
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
    "/api/v1/invocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List invocations, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    prompt?: string;
                    version?: number;
                    modelId?: string;
                    status?: "ok" | "throttled" | "error";
                    feedback?: "up" | "down" | "none";
                    from?: string;
                    to?: string;
                    q?: string;
                    caller?: string;
                    userRef?: string;
                    sessionId?: string;
                    tag?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Invocations */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Invocation"][];
                            /** @description Pass as `cursor` for the next page; null on the last. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
        /** Report invocations made by the application: one record or {items} (at most 1000), all-or-nothing */
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
                        promptName?: string;
                        promptVersion?: number;
                        label?: string;
                        modelId: string;
                        input: {
                            system?: string;
                            messages: {
                                /** @enum {string} */
                                role: "user" | "assistant";
                                content: string;
                            }[];
                        };
                        output?: {
                            text: string;
                        };
                        usage?: {
                            inputTokens: number;
                            outputTokens: number;
                            /** @description Input tokens read from the prompt cache (Converse usage.cacheReadInputTokens); null or absent: not reported. */
                            cacheReadInputTokens?: number | null;
                            /** @description Input tokens written to the prompt cache (Converse usage.cacheWriteInputTokens); null or absent: not reported. */
                            cacheWriteInputTokens?: number | null;
                        };
                        latencyMs?: number;
                        timeToFirstTokenMs?: number;
                        stopReason?: string;
                        /** @enum {string} */
                        status: "ok" | "throttled" | "error";
                        errorCode?: string;
                        errorMessage?: string;
                        awsRequestId?: string;
                        /** Format: date-time */
                        startedAt?: string;
                        metadata?: {
                            userRef?: string;
                            sessionId?: string;
                            tags?: string[];
                        } & {
                            [key: string]: unknown;
                        };
                    } | {
                        items: {
                            promptName?: string;
                            promptVersion?: number;
                            label?: string;
                            modelId: string;
                            input: {
                                system?: string;
                                messages: {
                                    /** @enum {string} */
                                    role: "user" | "assistant";
                                    content: string;
                                }[];
                            };
                            output?: {
                                text: string;
                            };
                            usage?: {
                                inputTokens: number;
                                outputTokens: number;
                                /** @description Input tokens read from the prompt cache (Converse usage.cacheReadInputTokens); null or absent: not reported. */
                                cacheReadInputTokens?: number | null;
                                /** @description Input tokens written to the prompt cache (Converse usage.cacheWriteInputTokens); null or absent: not reported. */
                                cacheWriteInputTokens?: number | null;
                            };
                            latencyMs?: number;
                            timeToFirstTokenMs?: number;
                            stopReason?: string;
                            /** @enum {string} */
                            status: "ok" | "throttled" | "error";
                            errorCode?: string;
                            errorMessage?: string;
                            awsRequestId?: string;
                            /** Format: date-time */
                            startedAt?: string;
                            metadata?: {
                                userRef?: string;
                                sessionId?: string;
                                tags?: string[];
                            } & {
                                [key: string]: unknown;
                            };
                        }[];
                    };
                };
            };
            responses: {
                /** @description Stored */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IngestResult"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description More than 1000 records */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/invocations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One invocation with its feedback */
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
                /** @description Invocation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InvocationDetail"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/settings/prices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Model prices ($ per 1M tokens): built-in with admin overrides */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Prices */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PriceList"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/settings/prices/{modelId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a model price (admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description URL-encoded model id */
                    modelId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        inputPerMTokUsd: number;
                        outputPerMTokUsd: number;
                        cacheReadPerMTokUsd?: number | null;
                        cacheWritePerMTokUsd?: number | null;
                    };
                };
            };
            responses: {
                /** @description Price */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Price"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
        /** Drop a custom model price (admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description URL-encoded model id */
                    modelId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Reset */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/invocations/{id}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Thumbs up/down on an invocation; the same voter (userRef, else the calling user or key) voting again replaces its vote */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        score: 1 | -1;
                        comment?: string;
                        userRef?: string;
                    };
                };
            };
            responses: {
                /** @description Feedback */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Feedback"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/review-queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Review queue (reviewer): thumbs-down or commented invocations not yet reviewed */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "resolved" | "dismissed";
                    prompt?: string;
                    version?: number;
                    modelId?: string;
                    minAgeHours?: number | null;
                    maxAgeHours?: number | null;
                    assignee?: "me" | "unassigned" | "any";
                    order?: "oldest" | "newest";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Items and counts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewQueuePage"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/review-queue/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One review item */
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
                /** @description Item */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewItem"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/review-queue/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve with a category and note */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        category: "wrong_facts" | "format" | "tone" | "safety" | "refusal" | "other";
                        note?: string;
                        expectedRevision?: number;
                    };
                };
            };
            responses: {
                /** @description Item */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewItem"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict: another reviewer acted on the item first (details: status, closedBy, assignee, revision) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/review-queue/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dismiss */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        note?: string;
                        expectedRevision?: number;
                    };
                };
            };
            responses: {
                /** @description Item */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewItem"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict: another reviewer acted on the item first (details: status, closedBy, assignee, revision) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/review-queue/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Undo a resolve or dismiss: the item is open again (category, note and who closed it cleared) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        expectedRevision?: number;
                    };
                };
            };
            responses: {
                /** @description Item */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewItem"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict: the item changed since (expectedRevision), or it is open already */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/review-queue/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign to me ({assignee: "me"}) or unassign ({assignee: null}) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string|null} */
                        assignee: "me" | null;
                        expectedRevision?: number;
                    };
                };
            };
            responses: {
                /** @description Item */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewItem"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict: another reviewer acted on the item first (details: status, closedBy, assignee, revision) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/datasets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ground-truth datasets */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Datasets */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Dataset"][];
                            /** @description Pass as `cursor` for the next page; null on the last. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
        /** Create a dataset (reviewer) */
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
                        name: string;
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Dataset */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dataset"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict: the name is in use */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/datasets/{dataset}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A dataset (id or name) with its first examples */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Id or name */
                    dataset: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Dataset */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DatasetDetail"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
        /** Delete a dataset and its examples (reviewer) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Id or name */
                    dataset: string;
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
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict: an experiment, test suite or sweep refers to it (details: how many of each) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
        /** Change a dataset's description (reviewer) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Id or name */
                    dataset: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        description: string;
                    };
                };
            };
            responses: {
                /** @description Dataset */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dataset"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/datasets/{dataset}/examples": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Examples in the order they were added; `tag` filters */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    tag?: string;
                };
                header?: never;
                path: {
                    /** @description Id or name */
                    dataset: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Examples */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Example"][];
                            /** @description Pass as `cursor` for the next page; null on the last. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
        /** Add one example, or {items: [...]} (at most 1000, all or nothing; errors name the item: items.3.expectedOutput) (reviewer) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Id or name */
                    dataset: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        variables: {
                            [key: string]: unknown;
                        };
                        expectedOutput?: string;
                        tags?: string[];
                        invocationId?: string;
                        promptName?: string;
                        promptVersion?: number;
                    } | {
                        items: {
                            variables: {
                                [key: string]: unknown;
                            };
                            expectedOutput?: string;
                            tags?: string[];
                            invocationId?: string;
                            promptName?: string;
                            promptVersion?: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description The new ids and revision */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AddedExamples"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/datasets/{dataset}/examples/from-invocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add logged invocations as examples: their variables, and as expected output the value given or each one's output (reviewer) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Id or name */
                    dataset: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        invocationIds: string[];
                        /** @description Used for every example; default: each invocation's own output (its text; for an answer with tool calls, the JSON document experiments evaluate: {text, toolCalls: [{name, input}]}). */
                        expectedOutput?: string;
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description The new ids and revision */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AddedExamples"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/datasets/{dataset}/examples/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an example (reviewer) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Id or name */
                    dataset: string;
                    /** @description Example id */
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
                        "application/json": components["schemas"]["ExampleRemoved"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
        /** Change an example's variables, expected output or tags (reviewer) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Id or name */
                    dataset: string;
                    /** @description Example id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        variables?: {
                            [key: string]: unknown;
                        };
                        expectedOutput?: string;
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description The example and revision */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExampleChange"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/datasets/{dataset}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import JSON Lines or CSV: with dryRun, the parsed rows and every error, nothing written; else all rows or none (reviewer)
         * @description The file as JSON `{content, format?, dryRun?}`, or as the body itself (text/csv, application/x-ndjson; `format` and `dryRun` in the query). JSON Lines: one `{"variables": {...}, "expectedOutput": "...", "tags": [...]}` a line (without `variables`, every key but expectedOutput and tags is a variable). CSV: a header row; `expectedOutput` and `tags` (comma, semicolon, | or space separated) columns, every other column a variable. A UTF-8 byte order mark is dropped. At most 10,000 rows and 5 MB. A commit with a bad row is a 400 whose details name each row (`rows.<row>.<field>`, with `row`, `line` and `field`).
         */
        post: {
            parameters: {
                query?: {
                    format?: "jsonl" | "csv";
                    dryRun?: boolean | ("0" | "1" | "true" | "false");
                };
                header?: never;
                path: {
                    /** @description Id or name */
                    dataset: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @description The file: JSON Lines (one example a line) or CSV with a header row. */
                        content: string;
                        /**
                         * @description Detected from the content when absent.
                         * @enum {string}
                         */
                        format?: "jsonl" | "csv";
                        /** @description Only parse and validate: answer the rows and the errors, write nothing. */
                        dryRun?: boolean | ("0" | "1" | "true" | "false");
                    };
                    "text/csv": string;
                    "application/x-ndjson": string;
                };
            };
            responses: {
                /** @description The preview (dryRun) or what was written */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportResult"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json or text/csv, application/x-ndjson */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/datasets/{dataset}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every example as a file: JSON Lines (default) or CSV, named <dataset>-r<revision>.<format> */
        get: {
            parameters: {
                query?: {
                    format?: "jsonl" | "csv";
                };
                header?: never;
                path: {
                    /** @description Id or name */
                    dataset: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file (Content-Disposition: attachment) */
                200: {
                    headers: {
                        /** @description attachment; filename="<dataset>-r<revision>.<format>" */
                        "Content-Disposition"?: string;
                        /** @description The revision exported */
                        "X-Dataset-Revision"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": string;
                        "text/csv": string;
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/metrics/bedrock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** CloudWatch AWS/Bedrock series (one batched GetMetricData) with the label moves in the window */
        get: {
            parameters: {
                query?: {
                    modelId?: string;
                    from?: string;
                    to?: string;
                    period?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Series */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BedrockMetrics"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description throttled: CloudWatch throttled the request */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description upstream_error: CloudWatch failed or denied access */
                502: {
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
    "/api/v1/metrics/prompts/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per-version figures of a prompt from the local invocation log */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Per version */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PromptMetrics"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys (admin) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Keys */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ApiKey"][];
                            /** @description Pass as `cursor` for the next page; null on the last. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
        /** Create an API key (admin); the key is returned once */
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
                        name: string;
                        /** @enum {string} */
                        role: "viewer" | "reviewer" | "editor" | "deployer" | "admin";
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
                        "application/json": components["schemas"]["CreatedApiKey"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict: an active key already has this name (names are unique among active keys) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key (admin) */
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
                /** @description Revoked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKey"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users (admin) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Users */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["User"][];
                            /** @description Pass as `cursor` for the next page; null on the last. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
        /** Create a user (admin) */
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
                        name: string;
                        /** Format: email */
                        email: string;
                        password: string;
                        /** @enum {string} */
                        role: "viewer" | "reviewer" | "editor" | "deployer" | "admin";
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
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict: the email is in use */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/users/{id}": {
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
        /** Change role, disable, or set password (admin) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role?: "viewer" | "reviewer" | "editor" | "deployer" | "admin";
                        disabled?: boolean;
                        password?: string;
                    };
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict: you cannot demote or disable yourself */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is calling (session or API key) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The caller */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WhoAmI"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
        /** Sign in (sets the session cookie) */
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
                        /** Format: email */
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Signed in */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SignedIn"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused (a cross-site request) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description throttled: too many failed sign-ins */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Sign out (ends the session, clears the cookie) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused (a cross-site request) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/auth/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** First run: create the first admin */
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
                        name: string;
                        /** Format: email */
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Created and signed in */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SignedIn"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused (a cross-site request) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict: already set up */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document (public) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OpenAPI 3.1 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            openapi: string;
                            info: {
                                title: string;
                                version: string;
                            } & {
                                [key: string]: unknown;
                            };
                            paths: {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhooks (admin) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Webhooks, newest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Webhook"][];
                            /** @description Pass as `cursor` for the next page; null on the last. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
        /**
         * Create a webhook (admin); the signing secret is returned once
         * @description Each delivery is a POST with the JSON body `{id, event, at, data}` and `X-Promptdeck-Signature: sha256=<hex HMAC-SHA256 of the raw body with the secret>` (also `X-Promptdeck-Event` and `X-Promptdeck-Delivery`). A non-2xx answer, a redirect (never followed) or a timeout is retried with exponential backoff (6 attempts over about 5 minutes by default). The URL must be https: and resolve to public addresses only (checked again on every attempt); PROMPTDECK_WEBHOOK_ALLOW_PRIVATE=true lifts this for tests and local set-ups.
         */
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
                        url: string;
                        events: ("label.moved" | "deploy_request.created" | "deploy_request.decided" | "canary.started" | "canary.ended" | "experiment.finished")[];
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
                        "application/json": components["schemas"]["CreatedWebhook"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a webhook and its deliveries log (admin) */
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
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries of a webhook, newest first, each with its attempts (status codes, errors, durations) (admin) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deliveries */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["WebhookDelivery"][];
                            /** @description Pass as `cursor` for the next page; null on the last. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a test delivery (event webhook.test) to this webhook (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Queued; it shows in the deliveries log */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookTestQueued"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit trail (admin): every change with typed actor, action, target and details, newest first
         * @description `actor` takes a user or API key id (or `user:<id>` / `api_key:<id>`); `action` an exact action or a prefix ending in `*` (e.g. `webhook.*`); `from`/`to` ISO date-times. `format=csv` answers text/csv with every matching entry (up to 10,000).
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description A user or API key id, optionally typed: `user:<id>` or `api_key:<id>`. */
                    actor?: string;
                    actorType?: "user" | "api_key";
                    actorId?: string;
                    action?: string;
                    from?: string;
                    to?: string;
                    format?: "json" | "csv";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Entries */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AuditEntry"][];
                            /** @description Pass as `cursor` for the next page; null on the last. */
                            nextCursor: string | null;
                        };
                        "text/csv": string;
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/prompts/{name}/labels/{label}/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A label's policy (the defaults when none was set: not protected, 1 approval, no gate) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                    label: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The policy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LabelPolicy"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Set a label policy (admin): protected, approvals 1-3, an optional experiment gate; audited
         * @description A protected label is not moved by PUT .../labels/{label} (nor removed, nor set by a new version, nor by promoting a canary): 409 approval_required; it moves through an approved deploy request. Rollback stays one call for deployers. Omitting `approvals` or `gate` keeps the current value; `gate: null` removes the gate.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                    label: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        protected: boolean;
                        approvals?: number;
                        gate?: {
                            dataset: string;
                            minPassRate: number;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description The policy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LabelPolicy"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/prompts/{name}/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every label policy of a prompt */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Policies */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["LabelPolicy"][];
                            /** @description Pass as `cursor` for the next page; null on the last. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/prompts/{name}/deploy-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a deploy request: ask to move a label to a version (editor and up) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        label: string;
                        version: number;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Opened */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeployRequest"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict: the label already points at that version */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/deploy-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deploy requests, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    prompt?: string;
                    label?: string;
                    status?: "open" | "deployed" | "rejected" | "stale";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Requests */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["DeployRequest"][];
                            /** @description Pass as `cursor` for the next page; null on the last. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/deploy-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One deploy request with its evidence */
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
                /** @description The request */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeployRequest"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/deploy-requests/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve (deployer and up); the label moves once enough approvals are in and the gate passes */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Approved (status deployed when this approval completed it) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeployRequest"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description self_approval: the requester cannot approve their own request */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description already_decided (one decision per person), stale_request (the label moved since; the request is closed as stale), gate_failed (details: the gate figures), request_closed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/deploy-requests/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject (deployer and up) or withdraw (the requester) with an optional comment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Rejected */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeployRequest"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description already_decided or request_closed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/experiments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Experiments, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    prompt?: string;
                    dataset?: string;
                    status?: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                    suite?: string;
                    version?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Experiments */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Experiment"][];
                            /** @description Pass as `cursor` for the next page; null on the last. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
        /**
         * Start an experiment: a prompt version against a dataset, in the background (editor)
         * @description The dataset's examples are copied (with its revision) and the run is queued; it survives restarts and backs off on throttling. An unknown evaluator type, a bad regex, JSON Schema or json_field path, or a judge prompt that does not exist is a 400 naming the evaluator; nothing is stored or run.
         */
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
                        prompt: string;
                        version?: number;
                        label?: string;
                        dataset: string;
                        evaluators: ({
                            /** @enum {string} */
                            type: "exact";
                            name?: string;
                            /** @default true */
                            caseSensitive?: boolean;
                            /** @default true */
                            trim?: boolean;
                        } | {
                            /** @enum {string} */
                            type: "contains";
                            name?: string;
                            value?: string;
                            /** @default true */
                            caseSensitive?: boolean;
                        } | {
                            /** @enum {string} */
                            type: "regex";
                            name?: string;
                            pattern: string;
                            /** @default  */
                            flags?: string;
                        } | {
                            /** @enum {string} */
                            type: "json_valid";
                            name?: string;
                            /** @default false */
                            strict?: boolean;
                        } | {
                            /** @enum {string} */
                            type: "json_schema";
                            name?: string;
                            schema: {
                                [key: string]: unknown;
                            } | boolean;
                        } | {
                            /** @enum {string} */
                            type: "json_field";
                            name?: string;
                            path: string;
                        } | {
                            /** @enum {string} */
                            type: "llm_judge";
                            name?: string;
                            prompt: string;
                            label?: string;
                            version?: number;
                            /** @default 0.5 */
                            passThreshold?: number;
                        } | {
                            /** @enum {string} */
                            type: "max_latency_ms";
                            name?: string;
                            value: number;
                        } | {
                            /** @enum {string} */
                            type: "max_cost_usd";
                            name?: string;
                            value: number;
                        })[];
                        modelId?: string;
                        params?: {
                            temperature?: number;
                            topP?: number;
                            topK?: number;
                            maxTokens?: number;
                            stopSequences?: string[];
                        };
                        /** @default 1 */
                        repetitions?: number;
                        /** @default 8 */
                        concurrency?: number;
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description The queued experiment */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Experiment"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/experiments/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Compare two runs on the same dataset (regressed / improved examples, deltas, exact McNemar p-value and a verdict in words) */
        get: {
            parameters: {
                query: {
                    base: string;
                    head: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Comparison */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExperimentComparison"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/experiments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One experiment: status, progress and summary (live while it runs) */
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
                /** @description Experiment */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Experiment"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/experiments/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The results, one per example and repetition, in dataset order (`failed=true`: only those that did not pass) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description true: only the results that did not pass (failed calls included). */
                    failed?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Results */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ExperimentResult"][];
                            /** @description Pass as `cursor` for the next page; null on the last. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/experiments/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a queued or running experiment (editor); its workers stop promptly, results so far are kept */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description The cancelled experiment */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Experiment"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict: the experiment has already finished */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/sweeps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sweeps, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    prompt?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Sweeps */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SweepListItem"][];
                            /** @description Pass as `cursor` for the next page; null on the last. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
        /**
         * Start a sweep: one experiment per cell of a grid over modelId, temperature, topP and maxTokens (editor, at most 32 cells)
         * @description An unknown evaluator type, a bad regex, JSON Schema or json_field path, or a judge prompt that does not exist is a 400 naming the evaluator; nothing is stored or run.
         */
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
                        prompt: string;
                        version?: number;
                        label?: string;
                        dataset: string;
                        evaluators: ({
                            /** @enum {string} */
                            type: "exact";
                            name?: string;
                            /** @default true */
                            caseSensitive?: boolean;
                            /** @default true */
                            trim?: boolean;
                        } | {
                            /** @enum {string} */
                            type: "contains";
                            name?: string;
                            value?: string;
                            /** @default true */
                            caseSensitive?: boolean;
                        } | {
                            /** @enum {string} */
                            type: "regex";
                            name?: string;
                            pattern: string;
                            /** @default  */
                            flags?: string;
                        } | {
                            /** @enum {string} */
                            type: "json_valid";
                            name?: string;
                            /** @default false */
                            strict?: boolean;
                        } | {
                            /** @enum {string} */
                            type: "json_schema";
                            name?: string;
                            schema: {
                                [key: string]: unknown;
                            } | boolean;
                        } | {
                            /** @enum {string} */
                            type: "json_field";
                            name?: string;
                            path: string;
                        } | {
                            /** @enum {string} */
                            type: "llm_judge";
                            name?: string;
                            prompt: string;
                            label?: string;
                            version?: number;
                            /** @default 0.5 */
                            passThreshold?: number;
                        } | {
                            /** @enum {string} */
                            type: "max_latency_ms";
                            name?: string;
                            value: number;
                        } | {
                            /** @enum {string} */
                            type: "max_cost_usd";
                            name?: string;
                            value: number;
                        })[];
                        grid: {
                            modelId?: string[];
                            temperature?: number[];
                            topP?: number[];
                            maxTokens?: number[];
                        };
                        /** @default 1 */
                        repetitions?: number;
                        /** @default 8 */
                        concurrency?: number;
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description The sweep with its queued cells */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Sweep"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/sweeps/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A sweep's cells with each experiment's status and summary, and the Pareto cells (pass rate vs cost) */
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
                /** @description Sweep */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Sweep"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/prompts/{name}/suites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A prompt's test suites (the default first) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Suites */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["TestSuite"][];
                            /** @description Pass as `cursor` for the next page; null on the last. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/prompts/{name}/suites/{suite}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One test suite with its newest run */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                    /** @description The suite name, or `default` for the prompt's default suite. */
                    suite: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Suite */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TestSuite"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Create or replace a test suite (editor); the first suite of a prompt is its default
         * @description An unknown evaluator type, a bad regex, JSON Schema or json_field path, or a judge prompt that does not exist is a 400 naming the evaluator; nothing is stored or run.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                    /** @description The suite name, or `default` for the prompt's default suite. */
                    suite: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        dataset: string;
                        evaluators: ({
                            /** @enum {string} */
                            type: "exact";
                            name?: string;
                            /** @default true */
                            caseSensitive?: boolean;
                            /** @default true */
                            trim?: boolean;
                        } | {
                            /** @enum {string} */
                            type: "contains";
                            name?: string;
                            value?: string;
                            /** @default true */
                            caseSensitive?: boolean;
                        } | {
                            /** @enum {string} */
                            type: "regex";
                            name?: string;
                            pattern: string;
                            /** @default  */
                            flags?: string;
                        } | {
                            /** @enum {string} */
                            type: "json_valid";
                            name?: string;
                            /** @default false */
                            strict?: boolean;
                        } | {
                            /** @enum {string} */
                            type: "json_schema";
                            name?: string;
                            schema: {
                                [key: string]: unknown;
                            } | boolean;
                        } | {
                            /** @enum {string} */
                            type: "json_field";
                            name?: string;
                            path: string;
                        } | {
                            /** @enum {string} */
                            type: "llm_judge";
                            name?: string;
                            prompt: string;
                            label?: string;
                            version?: number;
                            /** @default 0.5 */
                            passThreshold?: number;
                        } | {
                            /** @enum {string} */
                            type: "max_latency_ms";
                            name?: string;
                            value: number;
                        } | {
                            /** @enum {string} */
                            type: "max_cost_usd";
                            name?: string;
                            value: number;
                        })[];
                        description?: string;
                        minPassRate?: number | null;
                        /** @description Per-evaluator minimum pass rates, by evaluator name. */
                        thresholds?: {
                            [key: string]: number;
                        };
                        /** @default 1 */
                        repetitions?: number;
                        /** @default 8 */
                        concurrency?: number;
                        /** @description Make it the prompt's default suite (the first suite of a prompt is the default). */
                        isDefault?: boolean;
                    };
                };
            };
            responses: {
                /** @description Replaced */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TestSuite"];
                    };
                };
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TestSuite"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
        /** Delete a test suite (editor); its runs are kept */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                    /** @description The suite name, or `default` for the prompt's default suite. */
                    suite: string;
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
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/prompts/{name}/suites/{suite}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a test suite on a version (label, version, or production) (editor); what `promptdeck eval` calls */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                    /** @description The suite name, or `default` for the prompt's default suite. */
                    suite: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        version?: number;
                        label?: string;
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description The queued experiment */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Experiment"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/prompts/{name}/suite-results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each version's latest run on the prompt's default suite, newest version first (the versions table) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Per version */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SuiteResults"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The model catalog from Bedrock (ListFoundationModels, ListInferenceProfiles incl. application profiles), cached 5 minutes */
        get: {
            parameters: {
                query?: {
                    /** @description true: read the catalog from Bedrock again instead of the 5-minute cache. */
                    refresh?: "0" | "1" | "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Models */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ModelList"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description throttled: AWS throttled the call after retries */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description upstream_error: AWS denied Promptdeck access, or failed (details.type, details.awsCode) */
                502: {
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
    "/api/v1/models/legacy-usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Labels that serve a LEGACY model, with its end of life */
        get: {
            parameters: {
                query?: {
                    /** @description Only this prompt. */
                    prompt?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Labels on legacy models */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LegacyUsageList"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description throttled: AWS throttled the call after retries */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description upstream_error: AWS denied Promptdeck access, or failed (details.type, details.awsCode) */
                502: {
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
    "/api/v1/metrics/quota-headroom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per model: peak requests and tokens per minute (log and CloudWatch) against the account quotas (Service Quotas or an admin override) */
        get: {
            parameters: {
                query?: {
                    /** @description The window, ending now (default 24). */
                    hours?: number;
                    /** @description true: read Service Quotas again instead of the 15-minute cache. */
                    refresh?: "0" | "1" | "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Headroom */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["QuotaHeadroomReport"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/metrics/quota-headroom/{modelId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a model's quotas by hand (admin); both null removes the override */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    modelId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @description Requests per minute; null: use Service Quotas. */
                        rpm: number | null;
                        /** @description Tokens per minute; null: use Service Quotas. */
                        tpm: number | null;
                    };
                };
            };
            responses: {
                /** @description Override */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["QuotaOverride"];
                    };
                };
                /** @description Override removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/import/bedrock-prompts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account's Bedrock Prompt Management prompts, for import (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Bedrock prompts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BedrockPromptList"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description throttled: AWS throttled the call after retries */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description upstream_error: AWS denied Promptdeck access, or failed (details.type, details.awsCode) */
                502: {
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
        /** Import Bedrock prompts and their versions (admin; all when promptIds is left out); idempotent */
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
                        promptIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Imported and skipped */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BedrockImportResult"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description throttled: AWS throttled the call after retries */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description upstream_error: AWS denied Promptdeck access, or failed (details.type, details.awsCode) */
                502: {
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
    "/api/v1/prompts/{name}/versions/{version}/publish/bedrock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a version as a Bedrock prompt version (deployer); the ARNs are recorded on the version */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Published */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BedrockPublishResult"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or unknown API key (or no session) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key or user lacks the role (or a cross-site request was refused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict: Bedrock refused (name taken, or 10 versions per prompt reached) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payload_too_large: the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unsupported_media_type: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description throttled: AWS throttled the call after retries */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description upstream_error: AWS denied Promptdeck access, or failed (details.type, details.awsCode) */
                502: {
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
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up (no database access) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Up */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
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
    "/api/v1/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers, all migrations are applied, the job queue runs, the instance is not shutting down */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ready to serve */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Readiness"];
                    };
                };
                /** @description Bad input; `details` lists the fields */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description internal_error: something failed on the server (logged) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not ready; `checks` names what failed */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Readiness"];
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Prompt: {
            name: string;
            description: string;
            tags: string[];
            latestVersion: number | null;
            /** @description Label name -> version, including the automatic `latest`. */
            labels: {
                [key: string]: number;
            };
            /** Format: date-time */
            createdAt: string;
            /** @description Display snapshot of who created it (see createdByRef). */
            createdBy: string;
            createdByRef: components["schemas"]["ActorRefOrNull"];
            /** Format: date-time */
            updatedAt: string;
            /**
             * Format: date-time
             * @description When the prompt was archived (hidden from the catalog by default, still served); null when it is not.
             */
            archivedAt: string | null;
        };
        /** @description Who did it, or null: the instance itself did it, or the record predates typed actors (the string sibling still names them). */
        ActorRefOrNull: {
            /** @enum {string} */
            type: "user" | "api_key";
            /** @description The user id or API key id. */
            id: string;
            /** @description Snapshot taken when it happened: the person's name, or the API key's name. */
            display: string;
        } | null;
        Error: {
            error: {
                /** @description snake_case, e.g. validation_error, not_found, label_conflict. */
                code: string;
                /** @description A sentence a person can act on. */
                message: string;
                /** @description For validation_error: [{path, message}]; else structured facts (e.g. currentVersion). */
                details?: unknown;
            };
        };
        ServedVersion: {
            name: string;
            version: number;
            template: {
                system?: string;
                messages: {
                    /** @enum {string} */
                    role: "user" | "assistant";
                    content: string;
                }[];
            };
            variables: string[];
            modelId: string;
            params: {
                temperature?: number;
                topP?: number;
                topK?: number;
                maxTokens?: number;
                stopSequences?: string[];
            };
            guardrail: {
                identifier: string;
                version: string;
            } | null;
            /** @description Tool specs passed to Converse as toolConfig.tools (empty: none). */
            tools: {
                name: string;
                description: string;
                /** @description JSON Schema of the tool input (an object schema). */
                inputSchema: {
                    [key: string]: unknown;
                };
            }[];
            /** @description "auto", "any" or {tool: name}; null: Bedrock's default. */
            toolChoice: ("auto" | "any") | {
                tool: string;
            } | null;
            /** @description JSON Schema the answer (its JSON, or the tool input) must satisfy; a mismatch is 502 invalid_output. */
            outputSchema: {
                [key: string]: unknown;
            } | boolean | null;
            /** @description Prompt-cache points: "system" (after the system prompt) and message indexes (after that message). */
            cachePoints: ("system" | number)[];
            /** @description Models tried in order when the primary is throttled or unavailable after retries. */
            fallbacks: string[];
            commitMessage: string;
            /** @description Labels pointing at this version now. */
            labels: string[];
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            createdByRef: components["schemas"]["ActorRefOrNull"];
            /** @description Bedrock Prompt Management: the prompt version this one was imported from, and the ARNs "Publish to Bedrock" recorded; null when neither. */
            bedrock: {
                importedFrom: string | null;
                promptArn: string | null;
                promptVersionArn: string | null;
                /** Format: date-time */
                publishedAt: string | null;
            } | null;
            /** @description true when a canary runs on the label and this caller (stickyKey) was served its version; always false for ?version= and `latest`. */
            canary: boolean;
        };
        Version: {
            name: string;
            version: number;
            template: {
                system?: string;
                messages: {
                    /** @enum {string} */
                    role: "user" | "assistant";
                    content: string;
                }[];
            };
            variables: string[];
            modelId: string;
            params: {
                temperature?: number;
                topP?: number;
                topK?: number;
                maxTokens?: number;
                stopSequences?: string[];
            };
            guardrail: {
                identifier: string;
                version: string;
            } | null;
            /** @description Tool specs passed to Converse as toolConfig.tools (empty: none). */
            tools: {
                name: string;
                description: string;
                /** @description JSON Schema of the tool input (an object schema). */
                inputSchema: {
                    [key: string]: unknown;
                };
            }[];
            /** @description "auto", "any" or {tool: name}; null: Bedrock's default. */
            toolChoice: ("auto" | "any") | {
                tool: string;
            } | null;
            /** @description JSON Schema the answer (its JSON, or the tool input) must satisfy; a mismatch is 502 invalid_output. */
            outputSchema: {
                [key: string]: unknown;
            } | boolean | null;
            /** @description Prompt-cache points: "system" (after the system prompt) and message indexes (after that message). */
            cachePoints: ("system" | number)[];
            /** @description Models tried in order when the primary is throttled or unavailable after retries. */
            fallbacks: string[];
            commitMessage: string;
            /** @description Labels pointing at this version now. */
            labels: string[];
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            createdByRef: components["schemas"]["ActorRefOrNull"];
            /** @description Bedrock Prompt Management: the prompt version this one was imported from, and the ARNs "Publish to Bedrock" recorded; null when neither. */
            bedrock: {
                importedFrom: string | null;
                promptArn: string | null;
                promptVersionArn: string | null;
                /** Format: date-time */
                publishedAt: string | null;
            } | null;
        };
        CreatedVersion: {
            name: string;
            version: number;
            template: {
                system?: string;
                messages: {
                    /** @enum {string} */
                    role: "user" | "assistant";
                    content: string;
                }[];
            };
            variables: string[];
            modelId: string;
            params: {
                temperature?: number;
                topP?: number;
                topK?: number;
                maxTokens?: number;
                stopSequences?: string[];
            };
            guardrail: {
                identifier: string;
                version: string;
            } | null;
            /** @description Tool specs passed to Converse as toolConfig.tools (empty: none). */
            tools: {
                name: string;
                description: string;
                /** @description JSON Schema of the tool input (an object schema). */
                inputSchema: {
                    [key: string]: unknown;
                };
            }[];
            /** @description "auto", "any" or {tool: name}; null: Bedrock's default. */
            toolChoice: ("auto" | "any") | {
                tool: string;
            } | null;
            /** @description JSON Schema the answer (its JSON, or the tool input) must satisfy; a mismatch is 502 invalid_output. */
            outputSchema: {
                [key: string]: unknown;
            } | boolean | null;
            /** @description Prompt-cache points: "system" (after the system prompt) and message indexes (after that message). */
            cachePoints: ("system" | number)[];
            /** @description Models tried in order when the primary is throttled or unavailable after retries. */
            fallbacks: string[];
            commitMessage: string;
            /** @description Labels pointing at this version now. */
            labels: string[];
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            createdByRef: components["schemas"]["ActorRefOrNull"];
            /** @description Bedrock Prompt Management: the prompt version this one was imported from, and the ARNs "Publish to Bedrock" recorded; null when neither. */
            bedrock: {
                importedFrom: string | null;
                promptArn: string | null;
                promptVersionArn: string | null;
                /** Format: date-time */
                publishedAt: string | null;
            } | null;
            /** @description false: identical (template, model, params, guardrail, tools, toolChoice, outputSchema, cachePoints, fallbacks) to parentVersion (default the latest); nothing was written, labels were not moved. */
            created: boolean;
        };
        Label: {
            name: string;
            version: number;
            /** Format: date-time */
            updatedAt: string | null;
            updatedBy: string | null;
            updatedByRef: components["schemas"]["ActorRefOrNull"];
            /** @description `latest` is maintained automatically and cannot be moved. */
            automatic: boolean;
            /** @description The canary running on this label, or null. */
            canary: {
                /** @description Names this run of a canary (a new start is a new id). */
                id: string;
                label: string;
                /** @description The version the label points at (served to the other callers). */
                baselineVersion: number;
                /** @description The canary version. */
                version: number;
                /** @description Percent of callers served the canary version. */
                weight: number;
                guard: components["schemas"]["CanaryGuard"];
                /** Format: date-time */
                startedAt: string;
                startedBy: string;
                startedByRef: components["schemas"]["ActorRefOrNull"];
            } | null;
        };
        CanaryGuard: {
            /** @description Calls each side needs in the window before the guard judges (default 200). */
            minCalls: number;
            /** @description The window the guard compares, in seconds (default 900). */
            windowSeconds: number;
            /** @description Canary failure rate (errors + throttles over calls) minus the baseline's, 0-1 (default 0.05); null: not checked. */
            maxErrorRateDelta: number | null;
            /** @description Canary thumbs-down rate minus the baseline's, 0-1 (default 0.1); null: not checked. */
            maxThumbsDownRateDelta: number | null;
            /** @description Canary p95 latency over the baseline's (default 1.5); null: not checked. */
            maxLatencyP95Ratio: number | null;
        };
        LabelPut: {
            label: string;
            version: number;
            previousVersion: number | null;
            /** @description false when the label already pointed at the version: nothing was recorded (no history event). */
            changed: boolean;
        };
        LabelMove: {
            label: string;
            version: number;
            previousVersion: number | null;
        };
        LabelEvent: {
            id: number;
            label: string;
            /** @enum {string} */
            action: "deploy" | "rollback" | "remove" | "canary_start" | "canary_promote" | "canary_stop" | "guard_rollback";
            fromVersion: number | null;
            toVersion: number | null;
            /** @description Display snapshot of who moved the label (see actorRef). */
            actor: string;
            actorRef: components["schemas"]["ActorRefOrNull"];
            reason: string;
            /** @description Structured facts of canary events (weight and guard; a guard rollback's figures); null for plain moves. */
            details?: unknown;
            /** Format: date-time */
            at: string;
            /** @description The deploy request whose approval made this move; null for direct moves. */
            deployRequestId?: string | null;
        };
        Rendered: {
            version: number;
            system: string | null;
            messages: {
                /** @enum {string} */
                role: "user" | "assistant";
                content: string;
            }[];
        };
        CanaryStatus: {
            canary: components["schemas"]["Canary"];
            /** @description From max(start, now - windowSeconds) to now. */
            window: {
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                to: string;
            } | null;
            baseline: components["schemas"]["CanarySideFigures"];
            canarySide: components["schemas"]["CanarySideFigures"];
            guard: components["schemas"]["CanaryGuardState"];
        };
        Canary: {
            /** @description Names this run of a canary (a new start is a new id). */
            id: string;
            label: string;
            /** @description The version the label points at (served to the other callers). */
            baselineVersion: number;
            /** @description The canary version. */
            version: number;
            /** @description Percent of callers served the canary version. */
            weight: number;
            guard: components["schemas"]["CanaryGuard"];
            /** Format: date-time */
            startedAt: string;
            startedBy: string;
            startedByRef: components["schemas"]["ActorRefOrNull"];
        } | null;
        CanarySideFigures: {
            version: number;
            calls: number;
            errors: number;
            throttled: number;
            /** @description errors / calls; null without calls. */
            errorRate: number | null;
            /** @description throttled / calls. The guard compares error + throttle rate against maxErrorRateDelta. */
            throttleRate: number | null;
            latencyP95Ms: number | null;
            thumbsDown: number;
            /** @description Calls with a thumbs-down / calls. */
            thumbsDownRate: number | null;
        } | null;
        CanaryGuardState: {
            /**
             * @description waiting: a side has fewer than minCalls calls in the window; the guard does not act.
             * @enum {string}
             */
            state: "waiting" | "healthy" | "breached";
            /** @description Thresholds passed, in words (empty unless breached). */
            breaches: string[];
        } | null;
        CanaryChange: {
            label: string;
            /** @description The canary now running (null after a stop). */
            canary: {
                /** @description Names this run of a canary (a new start is a new id). */
                id: string;
                label: string;
                /** @description The version the label points at (served to the other callers). */
                baselineVersion: number;
                /** @description The canary version. */
                version: number;
                /** @description Percent of callers served the canary version. */
                weight: number;
                guard: components["schemas"]["CanaryGuard"];
                /** Format: date-time */
                startedAt: string;
                startedBy: string;
                startedByRef: components["schemas"]["ActorRefOrNull"];
            } | null;
        };
        InvokeResult: {
            invocationId: string;
            version: number;
            /** @description true when a canary runs on the label and this caller was served its version (sticky per metadata.userRef, else sessionId). */
            canary: boolean;
            /** @description The model that answered (a fallback, when fallbackFrom is set). */
            modelId: string;
            /** @description Present when a fallback answered: the model asked first (modelId is the one that answered). */
            fallbackFrom?: string;
            /** @description Why the fallback was used: throttled, unavailable, access_denied, model_not_ready, timeout, not_found. */
            fallbackReason?: string;
            output: {
                text: string;
                /** @description Tool calls of the answer (stopReason tool_use). */
                toolCalls?: components["schemas"]["ToolCall"][];
            };
            stopReason: string | null;
            usage: {
                inputTokens: number;
                outputTokens: number;
                /** @description Input tokens read from the prompt cache (Converse usage). */
                cacheReadInputTokens: number;
                /** @description Input tokens written to the prompt cache. */
                cacheWriteInputTokens: number;
            };
            latencyMs: number;
            timeToFirstTokenMs: number | null;
            costUsd: number | null;
        };
        ToolCall: {
            name: string;
            /** @description The tool input the model produced (JSON). */
            input?: unknown;
            /** @description Bedrock's toolUseId, for a toolResult in a follow-up turn. */
            toolUseId?: string;
        };
        IngestResult: {
            /** @description The stored invocations, in the order sent. */
            ids: string[];
        };
        Invocation: {
            id: string;
            promptName: string | null;
            promptVersion: number | null;
            label: string | null;
            modelId: string;
            /** @enum {string} */
            status: "ok" | "throttled" | "error";
            input: {
                system?: string | null;
                messages: {
                    /** @enum {string} */
                    role: "user" | "assistant";
                    content: string;
                }[];
            };
            variables: {
                [key: string]: unknown;
            } | null;
            /** @description The inference parameters used (null for reported calls). */
            params: {
                temperature?: number;
                topP?: number;
                topK?: number;
                maxTokens?: number;
                stopSequences?: string[];
            } | null;
            output: {
                text: string;
                /** @description Tool calls of the answer (stopReason tool_use). */
                toolCalls?: components["schemas"]["ToolCall"][];
            } | null;
            stopReason: string | null;
            usage: {
                inputTokens: number;
                outputTokens: number;
                /** @description Input tokens read from the prompt cache (Converse usage). */
                cacheReadInputTokens: number | null;
                /** @description Input tokens written to the prompt cache. */
                cacheWriteInputTokens: number | null;
            } | null;
            /** @description What prompt caching saved on this call against uncached input, at the prices of the day. */
            cacheSavingsUsd: number | null;
            /** @description The model asked first when a fallback answered (modelId); null otherwise. */
            fallbackFrom: string | null;
            fallbackReason: string | null;
            latencyMs: number | null;
            timeToFirstTokenMs: number | null;
            costUsd: number | null;
            /** @description SDK attempts made. */
            attempts: number | null;
            awsRequestId: string | null;
            errorCode: string | null;
            errorMessage: string | null;
            /**
             * @description experiment: a call made by an experiment run or its llm_judge (left out of the production figures).
             * @enum {string}
             */
            source: "api" | "playground" | "ingest" | "experiment";
            /** @description Display snapshot of who made or reported the call (see callerRef). */
            caller: string;
            callerRef: components["schemas"]["ActorRefOrNull"];
            metadata: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            createdAt: string;
        };
        InvocationDetail: {
            id: string;
            promptName: string | null;
            promptVersion: number | null;
            label: string | null;
            modelId: string;
            /** @enum {string} */
            status: "ok" | "throttled" | "error";
            input: {
                system?: string | null;
                messages: {
                    /** @enum {string} */
                    role: "user" | "assistant";
                    content: string;
                }[];
            };
            variables: {
                [key: string]: unknown;
            } | null;
            /** @description The inference parameters used (null for reported calls). */
            params: {
                temperature?: number;
                topP?: number;
                topK?: number;
                maxTokens?: number;
                stopSequences?: string[];
            } | null;
            output: {
                text: string;
                /** @description Tool calls of the answer (stopReason tool_use). */
                toolCalls?: components["schemas"]["ToolCall"][];
            } | null;
            stopReason: string | null;
            usage: {
                inputTokens: number;
                outputTokens: number;
                /** @description Input tokens read from the prompt cache (Converse usage). */
                cacheReadInputTokens: number | null;
                /** @description Input tokens written to the prompt cache. */
                cacheWriteInputTokens: number | null;
            } | null;
            /** @description What prompt caching saved on this call against uncached input, at the prices of the day. */
            cacheSavingsUsd: number | null;
            /** @description The model asked first when a fallback answered (modelId); null otherwise. */
            fallbackFrom: string | null;
            fallbackReason: string | null;
            latencyMs: number | null;
            timeToFirstTokenMs: number | null;
            costUsd: number | null;
            /** @description SDK attempts made. */
            attempts: number | null;
            awsRequestId: string | null;
            errorCode: string | null;
            errorMessage: string | null;
            /**
             * @description experiment: a call made by an experiment run or its llm_judge (left out of the production figures).
             * @enum {string}
             */
            source: "api" | "playground" | "ingest" | "experiment";
            /** @description Display snapshot of who made or reported the call (see callerRef). */
            caller: string;
            callerRef: components["schemas"]["ActorRefOrNull"];
            metadata: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            createdAt: string;
            feedback: components["schemas"]["Feedback"][];
        };
        Feedback: {
            id: string;
            invocationId: string;
            score: 1 | -1;
            comment: string | null;
            /** @description The application's end user; a vote with a userRef belongs to that user. */
            userRef: string | null;
            /** @description Who the vote belongs to: `ref:<userRef>`, else the caller (display). */
            voter: string;
            /** @description Display snapshot of who sent the vote (see callerRef). */
            caller: string;
            callerRef: components["schemas"]["ActorRefOrNull"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        PriceList: {
            /** @description Date of the built-in table. */
            asOf: string;
            items: components["schemas"]["Price"][];
        };
        Price: {
            modelId: string;
            inputPerMTokUsd: number;
            outputPerMTokUsd: number;
            /** @description Prompt-cache reads; null = priced as input tokens. */
            cacheReadPerMTokUsd: number | null;
            /** @description Prompt-cache writes; null = priced as input tokens. */
            cacheWritePerMTokUsd: number | null;
            /** @enum {string} */
            source: "built-in" | "admin";
            /** @description Who set an admin price (display snapshot); null for built-in prices. */
            updatedBy: string | null;
            updatedByRef: components["schemas"]["ActorRefOrNull"];
        };
        ReviewQueuePage: {
            items: components["schemas"]["ReviewItem"][];
            nextCursor: string | null;
            counts: components["schemas"]["QueueCounts"];
        };
        ReviewItem: {
            invocationId: string;
            /** @enum {string} */
            status: "open" | "resolved" | "dismissed";
            /** Format: date-time */
            enteredAt: string;
            /** @description Display snapshot of the reviewer holding the item (see assigneeRef). */
            assignee: string | null;
            assigneeRef: components["schemas"]["ActorRefOrNull"];
            category: string | null;
            note: string | null;
            closedBy: string | null;
            closedByRef: components["schemas"]["ActorRefOrNull"];
            /** Format: date-time */
            closedAt: string | null;
            /** @description Send it back as expectedRevision: a stale write is refused (409). */
            revision: number;
            invocation: components["schemas"]["Invocation"];
            feedback: components["schemas"]["Feedback"][];
            /** @description Labels that point at the invocation's version now. */
            versionLabels: string[];
            /** @description Datasets that already hold an example made from this invocation. */
            datasets: string[];
        };
        QueueCounts: {
            open: number;
            resolvedToday: number;
            /** @description Open items assigned to the caller. */
            mine: number;
        };
        Dataset: {
            id: string;
            name: string;
            description: string;
            /** @description How many examples it holds. */
            examples: number;
            /** @description Grows by one with every change to the examples (add, bulk add, edit, delete, import). */
            revision: number;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description When the examples last changed (or the dataset was created).
             */
            updatedAt: string;
            createdBy: string;
            createdByRef: components["schemas"]["ActorRefOrNull"];
        };
        DatasetDetail: {
            id: string;
            name: string;
            description: string;
            /** @description How many examples it holds. */
            examples: number;
            /** @description Grows by one with every change to the examples (add, bulk add, edit, delete, import). */
            revision: number;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description When the examples last changed (or the dataset was created).
             */
            updatedAt: string;
            createdBy: string;
            createdByRef: components["schemas"]["ActorRefOrNull"];
            /** @description The first examples in the order they were added (at most 500; page through GET .../examples for all). */
            items: components["schemas"]["Example"][];
        };
        Example: {
            id: string;
            /** @description The prompt it was taken from, if any. */
            promptName: string | null;
            promptVersion: number | null;
            /** @description The invocation it was made from, if any. */
            invocationId: string | null;
            variables: {
                [key: string]: unknown;
            };
            expectedOutput: string;
            tags: string[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            createdBy: string;
            createdByRef: components["schemas"]["ActorRefOrNull"];
        };
        AddedExamples: {
            /** @description The new examples, in the order sent. */
            ids: string[];
            /** @description The dataset's revision after the change. */
            revision: number;
        };
        ExampleChange: {
            example: components["schemas"]["Example"];
            revision: number;
        };
        ExampleRemoved: {
            id: string;
            /** @description The dataset's revision after the change. */
            revision: number;
        };
        ImportResult: {
            /** @enum {string} */
            format: "jsonl" | "csv";
            dryRun: boolean;
            /** @description Data rows read. */
            total: number;
            valid: number;
            /** @description CSV: the header; JSON Lines: the variable names seen. */
            columns: string[];
            /** @description The first 200 rows as parsed (a preview). */
            rows: components["schemas"]["ImportRow"][];
            /** @description Every bad row and field (at most 500 listed). */
            errors: components["schemas"]["ImportRowError"][];
            /** @description Examples added: all rows or none (0 on a dry run or when any row is bad). */
            written: number;
            ids: string[];
            /** @description The dataset's revision afterwards. */
            revision: number;
        };
        ImportRow: {
            row: number;
            line: number;
            variables: {
                [key: string]: unknown;
            };
            expectedOutput: string;
            tags: string[];
            /** @description False when the row has errors (listed in `errors`). */
            ok: boolean;
        };
        ImportRowError: {
            /** @description 1-based data row (the CSV header is not a row). */
            row: number;
            /** @description 1-based line of the file where the row starts. */
            line: number;
            /** @description The field at fault (`variables`, `expectedOutput`, `tags`, a column, or `(row)`). */
            field: string;
            message: string;
        };
        BedrockMetrics: {
            modelId: string | null;
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            period: number;
            /** @description Invocations, InvocationThrottles, InvocationLatency, InputTokenCount, OutputTokenCount, InvocationClientErrors, InvocationServerErrors (and latency p90). */
            series: {
                [key: string]: components["schemas"]["MetricPoint"][];
            };
            deploys: components["schemas"]["DeployMarker"][];
        };
        MetricPoint: {
            /** Format: date-time */
            t: string;
            v: number;
        };
        DeployMarker: {
            prompt: string;
            label: string;
            /** @enum {string} */
            action: "deploy" | "rollback" | "remove" | "canary_start" | "canary_promote" | "canary_stop" | "guard_rollback";
            fromVersion: number | null;
            toVersion: number | null;
            actor: string;
            actorRef: components["schemas"]["ActorRefOrNull"];
            reason: string;
            /** Format: date-time */
            at: string;
            /** @description Models of the versions involved, so a chart of one model can tell its own deploys. */
            modelIds: string[];
        };
        PromptMetrics: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            versions: components["schemas"]["VersionMetrics"][];
            /** @description All versions together, and what a month at the window's rate would cost. */
            total: {
                invocations: number;
                costUsd: number | null;
                projectedMonthlyCostUsd: number | null;
                /** @description Runs with overrides (another model, parameters or template; the playground): not counted in these figures. */
                excludedOverrideRuns: number;
            };
        };
        VersionMetrics: {
            version: number;
            invocations: number;
            throttled: number;
            errors: number;
            thumbsUp: number;
            thumbsDown: number;
            latencyP50Ms: number | null;
            latencyP95Ms: number | null;
            inputTokens: number;
            outputTokens: number;
            costUsd: number | null;
            /** @description Calls a fallback model answered (the primary was throttled or unavailable). */
            fallbacks: number;
            cacheReadInputTokens: number;
            cacheWriteInputTokens: number;
            /** @description Share of input tokens read from the prompt cache (null: no cache use). */
            cacheHitRate: number | null;
            /** @description What prompt caching saved against uncached input (negative while writes outweigh reads). */
            cacheSavingsUsd: number | null;
        };
        ApiKey: {
            id: string;
            /** @description Unique among active keys (case-insensitive). */
            name: string;
            /** @description The first characters of the key, to tell keys apart. */
            prefix: string;
            /** @enum {string} */
            role: "viewer" | "reviewer" | "editor" | "deployer" | "admin";
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            createdByRef: components["schemas"]["ActorRefOrNull"];
            /** Format: date-time */
            lastUsedAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            revokedBy: string | null;
            revokedByRef: components["schemas"]["ActorRefOrNull"];
        };
        CreatedApiKey: {
            id: string;
            /** @description Unique among active keys (case-insensitive). */
            name: string;
            /** @description The first characters of the key, to tell keys apart. */
            prefix: string;
            /** @enum {string} */
            role: "viewer" | "reviewer" | "editor" | "deployer" | "admin";
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            createdByRef: components["schemas"]["ActorRefOrNull"];
            /** Format: date-time */
            lastUsedAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            revokedBy: string | null;
            revokedByRef: components["schemas"]["ActorRefOrNull"];
            /** @description The key itself: shown in this response only. */
            key: string;
        };
        User: {
            id: string;
            email: string;
            name: string;
            /** @enum {string} */
            role: "viewer" | "reviewer" | "editor" | "deployer" | "admin";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            lastLoginAt: string | null;
            disabled: boolean;
        };
        WhoAmI: {
            actor: {
                /** @enum {string} */
                kind: "user" | "apiKey";
                id: string;
                /** @description The person's name, or the API key's name. */
                display: string;
                /** @enum {string} */
                role: "viewer" | "reviewer" | "editor" | "deployer" | "admin";
            };
            actorRef: components["schemas"]["ActorRef"];
        };
        /** @description Who did it: a user or an API key, by id, with a display snapshot. */
        ActorRef: {
            /** @enum {string} */
            type: "user" | "api_key";
            /** @description The user id or API key id. */
            id: string;
            /** @description Snapshot taken when it happened: the person's name, or the API key's name. */
            display: string;
        };
        SignedIn: {
            user: components["schemas"]["User"];
        };
        Webhook: {
            id: string;
            url: string;
            events: ("label.moved" | "deploy_request.created" | "deploy_request.decided" | "canary.started" | "canary.ended" | "experiment.finished")[];
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            createdByRef: components["schemas"]["ActorRefOrNull"];
            lastDelivery: {
                /** @enum {string} */
                status: "pending" | "succeeded" | "failed";
                event: string;
                /** Format: date-time */
                at: string;
                lastStatusCode: number | null;
            } | null;
        };
        CreatedWebhook: {
            id: string;
            url: string;
            events: ("label.moved" | "deploy_request.created" | "deploy_request.decided" | "canary.started" | "canary.ended" | "experiment.finished")[];
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            createdByRef: components["schemas"]["ActorRefOrNull"];
            lastDelivery: {
                /** @enum {string} */
                status: "pending" | "succeeded" | "failed";
                event: string;
                /** Format: date-time */
                at: string;
                lastStatusCode: number | null;
            } | null;
            /** @description The signing secret, shown this once: verify X-Promptdeck-Signature with it. */
            secret: string;
        };
        WebhookDelivery: {
            /** @description Also the `id` of the delivered body: receivers de-duplicate retries with it. */
            id: string;
            event: string;
            /**
             * @description pending: more attempts will follow; failed: every attempt failed.
             * @enum {string}
             */
            status: "pending" | "succeeded" | "failed";
            attempts: number;
            lastStatusCode: number | null;
            /** Format: date-time */
            nextAttemptAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Every attempt, oldest first. */
            log: components["schemas"]["WebhookAttempt"][];
        };
        WebhookAttempt: {
            /** @description 1 for the first try. */
            attempt: number;
            /** Format: date-time */
            at: string;
            /** @description The receiver's HTTP status; null when no answer came (timeout, refused, DNS). */
            statusCode: number | null;
            error: string | null;
            durationMs: number;
        };
        WebhookTestQueued: {
            deliveryId: string;
        };
        AuditEntry: {
            id: number;
            /** Format: date-time */
            at: string;
            actor: components["schemas"]["ActorRefOrNull"];
            actorDisplay: string;
            action: string;
            target: string;
            details?: unknown;
        };
        LabelPolicy: {
            prompt: string;
            label: string;
            /** @description A protected label moves only through approved deploy requests; rollback stays direct. */
            protected: boolean;
            /** @description Approvals a deploy request needs (1-3). */
            approvals: number;
            /** @description A succeeded experiment of the version on this dataset must reach minPassRate. */
            gate: {
                dataset: string;
                minPassRate: number;
            } | null;
            /**
             * Format: date-time
             * @description null: no policy was ever set (the defaults apply).
             */
            updatedAt: string | null;
            updatedBy: string | null;
            updatedByRef: components["schemas"]["ActorRefOrNull"];
        };
        DeployRequest: {
            id: string;
            prompt: string;
            label: string;
            /** @description What the label pointed at when the request was opened. */
            fromVersion: number | null;
            toVersion: number;
            /** @description What the label points at now. */
            currentVersion: number | null;
            /** @description The label moved since the request was opened: approving it answers stale_request. */
            labelMovedSince: boolean;
            reason: string;
            /** @enum {string} */
            status: "open" | "deployed" | "rejected" | "stale";
            approvalsNeeded: number;
            requestedBy: string;
            requestedByRef: components["schemas"]["ActorRefOrNull"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            decidedAt: string | null;
            approvals: components["schemas"]["DeployDecision"][];
            rejection: components["schemas"]["DeployDecisionOrNull"];
            evidence: {
                gate: components["schemas"]["GateEvidenceOrNull"];
            };
        };
        DeployDecision: {
            /** @description Display snapshot of who decided. */
            by: string;
            byRef: components["schemas"]["ActorRefOrNull"];
            comment: string;
            /** Format: date-time */
            at: string;
        };
        /** @description The rejection (or withdrawal), or null. */
        DeployDecisionOrNull: {
            /** @description Display snapshot of who decided. */
            by: string;
            byRef: components["schemas"]["ActorRefOrNull"];
            comment: string;
            /** Format: date-time */
            at: string;
        } | null;
        /** @description null: the label has no gate. */
        GateEvidenceOrNull: {
            dataset: string;
            minPassRate: number;
            /** @description The latest succeeded experiment of the version on the dataset; null when there is none. */
            experimentId: string | null;
            passRate: number | null;
            passed: boolean;
        } | null;
        Experiment: {
            id: string;
            name: string;
            /** @description The prompt name. */
            prompt: string;
            version: number;
            modelId: string;
            params: {
                temperature?: number;
                topP?: number;
                topK?: number;
                maxTokens?: number;
                stopSequences?: string[];
            };
            /** @description The dataset id. */
            dataset: string;
            datasetName: string | null;
            /** @description The dataset revision the run copied its examples from. */
            datasetRevision: number;
            evaluators: components["schemas"]["Evaluator"][];
            repetitions: number;
            concurrency: number;
            /** @enum {string} */
            status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
            /** @description done counts finished calls, errors the ones the model did not answer. */
            progress: {
                total: number;
                done: number;
                errors: number;
            };
            /** @description Final once the run succeeded; live (over the results so far) while it runs. */
            summary: {
                /** @description Share of results where every evaluator passed; a failed call counts as failing. null before the first result. */
                passRate: number | null;
                /** @description Mean over results of the mean evaluator score. */
                meanScore: number | null;
                perEvaluator: {
                    [key: string]: {
                        passRate: number | null;
                        meanScore: number | null;
                        /** @description Results this evaluator could not judge (no expected output, a judge answer that was not the JSON asked for...). */
                        errors: number;
                    };
                };
                latencyP50Ms: number | null;
                latencyP95Ms: number | null;
                inputTokens: number;
                outputTokens: number;
                /** @description null when no call had a price. */
                costUsd: number | null;
                /** @description Throttles met and retried (calls and judge calls); never a failed result. */
                throttled: number;
                /** @description Results counted (finished calls). */
                results: number;
                passed: number;
                /** @description Calls the model did not answer (errors other than throttling). */
                failedCalls: number;
            };
            /** @description Why the run failed (status failed). */
            error: string | null;
            /** @description The test suite it ran, if any. */
            suite: string | null;
            sweepId: string | null;
            createdBy: string;
            createdByRef: components["schemas"]["ActorRefOrNull"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            startedAt: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: date-time */
            cancelledAt: string | null;
        };
        /** @description An evaluator as given (defaults filled in); see API.md "Experiments" for the types and their fields. */
        Evaluator: {
            /** @enum {string} */
            type: "exact" | "contains" | "regex" | "json_valid" | "json_schema" | "json_field" | "llm_judge" | "max_latency_ms" | "max_cost_usd";
            name?: string;
        } & {
            [key: string]: unknown;
        };
        ExperimentComparison: {
            base: components["schemas"]["Experiment"];
            head: components["schemas"]["Experiment"];
            /** @description head minus base. */
            delta: {
                passRate: number | null;
                meanScore: number | null;
                latencyP50Ms: number | null;
                costUsd: number | null;
            };
            /** @description Example ids that passed in base and fail in head. */
            regressed: string[];
            /** @description Example ids that failed in base and pass in head. */
            improved: string[];
            unchanged: number;
            /** @description Exact McNemar test on the paired pass/fail results. */
            pValue: number;
            /** @description pValue < 0.05. */
            significant: boolean;
            /** @enum {string} */
            verdict: "real_difference" | "could_be_chance" | "no_change";
            /** @description The verdict in plain words, with the counts. */
            verdictText: string;
            /** @description The regressed and improved examples side by side (first repetition of each; at most 200). */
            examples: {
                exampleId: string;
                /** @enum {string} */
                change: "regressed" | "improved";
                variables: {
                    [key: string]: unknown;
                };
                expectedOutput: string | null;
                base: {
                    pass: boolean;
                    score: number | null;
                    output: string | null;
                    resultId: string;
                    invocationId: string | null;
                };
                head: {
                    pass: boolean;
                    score: number | null;
                    output: string | null;
                    resultId: string;
                    invocationId: string | null;
                };
            }[];
        };
        ExperimentResult: {
            id: string;
            exampleId: string;
            /** @description The example's place in the dataset when the run was created. */
            position: number;
            repetition: number;
            invocationId: string | null;
            /**
             * @description ok: the model answered; error: it did not (see error); pending/running: not finished.
             * @enum {string}
             */
            status: "pending" | "running" | "ok" | "error";
            variables: {
                [key: string]: unknown;
            };
            /** @description What the evaluators saw: the answer's text, or for an answer with tool calls the JSON document {text, toolCalls: [{name, input}]}. null when the call failed. */
            output: string | null;
            /** @description As the example was when the run was created. */
            expectedOutput: string | null;
            error: string | null;
            scores: components["schemas"]["EvaluatorVerdict"][];
            /** @description Every evaluator passed; null until finished. */
            pass: boolean | null;
            score: number | null;
            latencyMs: number | null;
            costUsd: number | null;
            inputTokens: number | null;
            outputTokens: number | null;
            throttles: number;
            /** Format: date-time */
            finishedAt: string | null;
        };
        EvaluatorVerdict: {
            evaluator: string;
            /** @enum {string} */
            type: "exact" | "contains" | "regex" | "json_valid" | "json_schema" | "json_field" | "llm_judge" | "max_latency_ms" | "max_cost_usd";
            pass: boolean;
            score: number;
            reason: string;
            /** @description The evaluator could not judge this result (counts as a failure). */
            error?: boolean;
            /** @description llm_judge: the logged judge call. */
            invocationId?: string | null;
        };
        Sweep: {
            id: string;
            name: string;
            prompt: string;
            version: number;
            dataset: string;
            datasetName: string | null;
            evaluators: components["schemas"]["Evaluator"][];
            grid: {
                modelId?: string[];
                temperature?: number[];
                topP?: number[];
                maxTokens?: number[];
            };
            repetitions: number;
            /**
             * @description queued until a cell runs; running while any cell is unfinished; then succeeded (all cells), cancelled (any cancelled) or failed.
             * @enum {string}
             */
            status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
            cells: {
                cell: number;
                modelId: string;
                params: {
                    temperature?: number;
                    topP?: number;
                    topK?: number;
                    maxTokens?: number;
                    stopSequences?: string[];
                };
                experimentId: string;
                /** @enum {string} */
                status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                progress: {
                    total: number;
                    done: number;
                    errors: number;
                };
                summary: components["schemas"]["ExperimentSummary"];
            }[];
            /** @description Experiment ids of the cells no other cell beats on both pass rate and cost (finished cells only). */
            pareto: string[];
            createdBy: string;
            createdByRef: components["schemas"]["ActorRefOrNull"];
            /** Format: date-time */
            createdAt: string;
        };
        ExperimentSummary: {
            /** @description Share of results where every evaluator passed; a failed call counts as failing. null before the first result. */
            passRate: number | null;
            /** @description Mean over results of the mean evaluator score. */
            meanScore: number | null;
            perEvaluator: {
                [key: string]: {
                    passRate: number | null;
                    meanScore: number | null;
                    /** @description Results this evaluator could not judge (no expected output, a judge answer that was not the JSON asked for...). */
                    errors: number;
                };
            };
            latencyP50Ms: number | null;
            latencyP95Ms: number | null;
            inputTokens: number;
            outputTokens: number;
            /** @description null when no call had a price. */
            costUsd: number | null;
            /** @description Throttles met and retried (calls and judge calls); never a failed result. */
            throttled: number;
            /** @description Results counted (finished calls). */
            results: number;
            passed: number;
            /** @description Calls the model did not answer (errors other than throttling). */
            failedCalls: number;
        };
        SweepListItem: {
            id: string;
            name: string;
            prompt: string;
            version: number;
            dataset: string;
            datasetName: string | null;
            grid: {
                modelId?: string[];
                temperature?: number[];
                topP?: number[];
                maxTokens?: number[];
            };
            repetitions: number;
            /**
             * @description queued until a cell runs; running while any cell is unfinished; then succeeded (all cells), cancelled (any cancelled) or failed.
             * @enum {string}
             */
            status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
            createdBy: string;
            createdByRef: components["schemas"]["ActorRefOrNull"];
            /** Format: date-time */
            createdAt: string;
            cells: number;
        };
        TestSuite: {
            id: string;
            prompt: string;
            name: string;
            description: string;
            dataset: string;
            datasetName: string | null;
            evaluators: components["schemas"]["Evaluator"][];
            minPassRate: number | null;
            thresholds: {
                [key: string]: number;
            };
            repetitions: number;
            concurrency: number;
            isDefault: boolean;
            /** @description The newest run of this suite (any version). */
            lastRun: {
                experimentId: string;
                /** @enum {string} */
                status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                passRate: number | null;
                meanScore: number | null;
                /** @description Met the suite's thresholds (minPassRate, per-evaluator); null when the suite has none or the run has not succeeded. */
                passed: boolean | null;
                /** Format: date-time */
                finishedAt: string | null;
                /** Format: date-time */
                createdAt: string;
            } | null;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            createdByRef: components["schemas"]["ActorRefOrNull"];
            /** Format: date-time */
            updatedAt: string;
            updatedBy: string;
            updatedByRef: components["schemas"]["ActorRefOrNull"];
        };
        SuiteResults: {
            /** @description The prompt's default suite (null: the prompt has none). */
            suite: string | null;
            /** @description Every version, newest first, with its latest run on the default suite (null: never run). */
            versions: {
                version: number;
                latest: components["schemas"]["SuiteRunBrief"];
            }[];
        };
        SuiteRunBrief: {
            experimentId: string;
            /** @enum {string} */
            status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
            passRate: number | null;
            meanScore: number | null;
            /** @description Met the suite's thresholds (minPassRate, per-evaluator); null when the suite has none or the run has not succeeded. */
            passed: boolean | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: date-time */
            createdAt: string;
        } | null;
        ModelList: {
            items: components["schemas"]["CatalogModel"][];
            /**
             * Format: date-time
             * @description When the catalog was read from Bedrock (cached 5 minutes; ?refresh=true reads it again).
             */
            fetchedAt: string;
            /** @description true: refreshing failed and this is the last good catalog; `error` says why. */
            stale: boolean;
            error?: string;
        };
        CatalogModel: {
            /** @description What a version uses: the base model id, a system inference profile id, or an application profile ARN. */
            modelId: string;
            name: string;
            provider: string;
            /** @enum {string} */
            kind: "foundation" | "inference_profile" | "application_inference_profile";
            /** @enum {string} */
            status: "ACTIVE" | "LEGACY";
            /**
             * Format: date-time
             * @description When Bedrock retires the model, when it says.
             */
            endOfLife?: string;
            /** Format: date-time */
            legacySince?: string;
            /** @description The foundation model the entry runs. */
            baseModelId: string;
            /** @description Application profiles: the model or system profile they copy. */
            routesTo?: string;
            inputPerMTokUsd?: number;
            outputPerMTokUsd?: number;
            modalities: {
                input: string[];
                output: string[];
            };
            streaming: boolean;
        };
        LegacyUsageList: {
            items: components["schemas"]["LegacyUsage"][];
        };
        LegacyUsage: {
            prompt: string;
            label: string;
            version: number;
            modelId: string;
            modelName: string;
            /** Format: date-time */
            endOfLife: string | null;
            /** Format: date-time */
            legacySince: string | null;
        };
        QuotaHeadroomReport: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            threshold: number;
            items: components["schemas"]["QuotaHeadroom"][];
            /** @description Sources that could not be read (the figures use what could). */
            warnings: {
                /** @enum {string} */
                source: "catalog" | "service_quotas" | "cloudwatch";
                code: string;
                message: string;
            }[];
        };
        QuotaHeadroom: {
            modelId: string;
            name: string | null;
            rpm: {
                /** @description The busiest minute of the window (the larger of the invocation log and CloudWatch). */
                peak: number;
                /** Format: date-time */
                peakAt: string | null;
                /** @enum {string|null} */
                peakSource: "log" | "cloudwatch" | null;
                /** @description Per minute; null when neither Service Quotas nor an override gives one. */
                quota: number | null;
                /** @enum {string|null} */
                quotaSource: "service_quotas" | "override" | null;
                /** @description peak / quota (may exceed 1). */
                utilisation: number | null;
            };
            tpm: {
                /** @description The busiest minute of the window (the larger of the invocation log and CloudWatch). */
                peak: number;
                /** Format: date-time */
                peakAt: string | null;
                /** @enum {string|null} */
                peakSource: "log" | "cloudwatch" | null;
                /** @description Per minute; null when neither Service Quotas nor an override gives one. */
                quota: number | null;
                /** @enum {string|null} */
                quotaSource: "service_quotas" | "override" | null;
                /** @description peak / quota (may exceed 1). */
                utilisation: number | null;
            };
            /**
             * @description warning at or above `threshold` of a quota, over at or above 100%, unknown without quotas.
             * @enum {string}
             */
            status: "ok" | "warning" | "over" | "unknown";
        };
        QuotaOverride: {
            modelId: string;
            rpm: number | null;
            tpm: number | null;
            /** Format: date-time */
            updatedAt: string;
            updatedBy: string;
            updatedByRef: components["schemas"]["ActorRefOrNull"];
        };
        BedrockPromptList: {
            items: components["schemas"]["BedrockPromptSummary"][];
        };
        BedrockPromptSummary: {
            id: string;
            arn: string;
            name: string;
            description?: string;
            updatedAt: string;
            /** @description The Promptdeck prompt it imports as (null: the name cannot be one). */
            promptdeckName: string | null;
            /** @description A Promptdeck prompt of that name was imported from this Bedrock prompt. */
            imported: boolean;
        };
        BedrockImportResult: {
            imported: {
                name: string;
                /** @description Promptdeck version numbers created, oldest first. */
                versions: number[];
                bedrockPromptId: string;
            }[];
            skipped: {
                /** @description The Bedrock prompt id (or the id asked for). */
                id: string;
                /** @description The Bedrock version ("1", "DRAFT") when only that version was skipped. */
                version?: string;
                /** @enum {string} */
                reason: "already_imported" | "name_taken" | "invalid_name" | "not_found" | "not_convertible" | "identical_to_previous";
                message: string;
            }[];
        };
        BedrockPublishResult: {
            promptArn: string;
            promptVersionArn: string;
            /** Format: date-time */
            publishedAt: string;
            /** @description false: the version had been published already; the recorded ARNs come back. */
            created: boolean;
            notes: {
                code: string;
                message: string;
            }[];
        };
        Health: {
            /** @enum {string} */
            status: "ok";
            /** @description Seconds since this process started. */
            uptimeSeconds: number;
        };
        Readiness: {
            ready: boolean;
            checks: {
                /** @description The database answers a query (2 s timeout). */
                database: {
                    ok: boolean;
                    /** @description What was found, e.g. "all 14 applied" or why the check failed. */
                    detail: string;
                };
                /** @description Every migration folder in the code is applied (`_prisma_migrations`). */
                migrations: {
                    ok: boolean;
                    /** @description What was found, e.g. "all 14 applied" or why the check failed. */
                    detail: string;
                };
                /** @description The job queue (pg-boss) is running in this process. */
                jobs: {
                    ok: boolean;
                    /** @description What was found, e.g. "all 14 applied" or why the check failed. */
                    detail: string;
                };
                /** @description Not shutting down (after SIGTERM the instance drains and answers 503 here). */
                shutdown: {
                    ok: boolean;
                    /** @description What was found, e.g. "all 14 applied" or why the check failed. */
                    detail: string;
                };
            };
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
