// Generated file. Do not edit: it is overwritten and CI fails on drift.
// Made by `pnpm generate` (signalwire-pipeline generate --api voice) with openapi-typescript 7.13.0
// from the pipeline's apis.json → "voice" (upstream spec + overlays, bundled and linted by `pnpm spec:bundle`).

export interface paths {
    "/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Logs
         * @description List the available logs.
         *
         *     #### Permissions
         *
         *     The API token used to authenticate must have the following scope(s) enabled to make a successful request: _Voice_.
         *
         *     [Learn more about API scopes](/docs/platform/your-signalwire-api-space).
         */
        get: operations["list-voice-logs"];
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
        /**
         * LogPaginationResponse
         * @description Pagination links for voice log list responses
         */
        LogPaginationResponse: {
            /** @description URL of the current page. */
            self: string;
            /** @description URL of the first page. */
            first: string;
            /** @description URL of the next page. Absent on the last page. */
            next?: string;
            /** @description URL of the previous page. Absent on the first page. */
            prev?: string;
        };
        /**
         * uuid
         * Format: uuid
         * @description Universal Unique Identifier.
         */
        uuid: string;
        /**
         * VoiceSources
         * @enum {string}
         */
        VoiceSources: "dialogflow" | "laml" | "realtime_api";
        /**
         * ChargeDetail
         * @description Details on charges associated with this log.
         */
        ChargeDetail: {
            /** @description Description for this charge. */
            description: string;
            /**
             * Format: double
             * @description Charged amount.
             */
            charge: number;
        };
        /**
         * RelayVoiceType
         * @enum {string}
         */
        RelayVoiceType: "laml_call" | "relay_pstn_call" | "relay_sip_call" | "relay_webrtc_call";
        /**
         * VoiceDirection
         * @enum {string}
         */
        VoiceDirection: "inbound" | "outbound" | "outbound-api" | "outbound-dial";
        /**
         * VoiceLogStatus
         * @enum {string}
         */
        VoiceLogStatus: "queued" | "initiated" | "ringing" | "in-progress" | "busy" | "failed" | "no-answer" | "canceled" | "completed" | "ended" | "answered" | "created" | "ending" | "joined";
        /**
         * RelayVoiceLog
         * @description Voice log for Compatibility and Relay call types. Returned when `type` is `laml_call`, `relay_pstn_call`, `relay_sip_call`, or `relay_webrtc_call`.
         */
        RelayVoiceLog: {
            /** @description A unique identifier for the log. */
            id: components["schemas"]["uuid"];
            /** @description The origin phone number. */
            from: string;
            /** @description The destination phone number. */
            to: string;
            /** @description Source of this log entry. */
            source: components["schemas"]["VoiceSources"];
            /**
             * Format: double
             * @description The charge in dollars.
             */
            charge: number;
            /** @description Details on charges associated with this log. */
            charge_details: components["schemas"]["ChargeDetail"][];
            /**
             * Format: date-time
             * @description Date and time when the call entry was created.
             */
            created_at: string;
            /** @description Type of this log entry. */
            type: components["schemas"]["RelayVoiceType"];
            /**
             * Format: uri
             * @description URL for the resource associated with this log entry. Present for LAML calls, null for Relay calls.
             */
            url: string | null;
            /** @description The direction of the voice activity. */
            direction: components["schemas"]["VoiceDirection"];
            /** @description The status of the voice activity. */
            status: components["schemas"]["VoiceLogStatus"];
            /** @description The duration of the voice activity in seconds. */
            duration: number | null;
            /** @description The duration of the voice activity in milliseconds. */
            duration_ms: number | null;
            /** @description The billable duration of the voice activity in milliseconds. */
            billing_ms: number | null;
            /** @description Parent log identifier for related call entries. */
            parent_id: string | null;
        };
        /**
         * VideoRoomVoiceType
         * @enum {string}
         */
        VideoRoomVoiceType: "video_room_pstn_leg" | "video_room_sip_leg";
        /**
         * VideoRoomVoiceLog
         * @description Voice log for audio legs in a Video Room. Returned when `type` is `video_room_pstn_leg` or `video_room_sip_leg`.
         */
        VideoRoomVoiceLog: {
            /** @description A unique identifier for the log. */
            id: components["schemas"]["uuid"];
            /** @description The origin phone number. */
            from: string;
            /** @description The destination phone number. */
            to: string;
            /** @description Source of this log entry. */
            source: components["schemas"]["VoiceSources"];
            /**
             * Format: double
             * @description The charge in dollars.
             */
            charge: number;
            /** @description Details on charges associated with this log. */
            charge_details: components["schemas"]["ChargeDetail"][];
            /**
             * Format: date-time
             * @description Date and time when the call entry was created.
             */
            created_at: string;
            /** @description Type of this log entry. */
            type: components["schemas"]["VideoRoomVoiceType"];
            /** @description Always null for this call type. */
            url: null;
            /** @description The direction of the voice activity. */
            direction: components["schemas"]["VoiceDirection"];
            /** @description The status of the voice activity. */
            status: components["schemas"]["VoiceLogStatus"];
            /** @description The duration of the voice activity in seconds. */
            duration: number | null;
            /** @description The duration of the voice activity in milliseconds. */
            duration_ms: number | null;
        };
        /**
         * DialogflowVoiceLogType
         * @description Type of this log entry.
         * @enum {string}
         */
        DialogflowVoiceLogType: "dialogflow_call";
        /**
         * DialogflowVoiceLog
         * @description Voice log for Dialogflow call types. Returned when `type` is `dialogflow_call`.
         */
        DialogflowVoiceLog: {
            /** @description A unique identifier for the log. */
            id: components["schemas"]["uuid"];
            /** @description The origin phone number. */
            from: string;
            /** @description The destination phone number. */
            to: string;
            /** @description Source of this log entry. */
            source: components["schemas"]["VoiceSources"];
            /**
             * Format: double
             * @description The charge in dollars.
             */
            charge: number;
            /** @description Details on charges associated with this log. */
            charge_details: components["schemas"]["ChargeDetail"][];
            /**
             * Format: date-time
             * @description Date and time when the call entry was created.
             */
            created_at: string;
            /** @description Type of this log entry. */
            type: components["schemas"]["DialogflowVoiceLogType"];
            /** @description Always null for this call type. */
            url: null;
            /** @description The status of the voice activity. */
            status: components["schemas"]["VoiceLogStatus"];
            /** @description The duration of the voice activity in seconds. */
            duration: number | null;
        };
        /**
         * FabricVoiceLogType
         * @description Type of this log entry.
         * @enum {string}
         */
        FabricVoiceLogType: "fabric_subscriber_device_leg";
        /**
         * FabricVoiceLog
         * @description Voice log for Fabric Subscriber Device call types. Returned when `type` is `fabric_subscriber_device_leg`.
         */
        FabricVoiceLog: {
            /** @description A unique identifier for the log. */
            id: components["schemas"]["uuid"];
            /** @description The origin phone number. */
            from: string;
            /** @description The destination phone number. */
            to: string;
            /** @description Source of this log entry. */
            source: components["schemas"]["VoiceSources"];
            /**
             * Format: double
             * @description The charge in dollars.
             */
            charge: number;
            /** @description Details on charges associated with this log. */
            charge_details: components["schemas"]["ChargeDetail"][];
            /**
             * Format: date-time
             * @description Date and time when the call entry was created.
             */
            created_at: string;
            /** @description Type of this log entry. */
            type: components["schemas"]["FabricVoiceLogType"];
            /** @description Always null for this call type. */
            url: null;
            /** @description The direction of the voice activity. */
            direction: components["schemas"]["VoiceDirection"];
            /** @description The status of the voice activity. Always null for this call type. */
            status: components["schemas"]["VoiceLogStatus"] | null;
        };
        /**
         * DiscardedVoiceLog
         * @description A discarded/deleted voice log entry. Returned when the log has been deleted. Only present when `include_deleted` is `true`.
         */
        DiscardedVoiceLog: {
            /** @description A unique identifier for the log. */
            id: components["schemas"]["uuid"];
            /**
             * Format: date-time
             * @description Date and time when the log was discarded.
             */
            discarded_at: string;
            /**
             * Format: date-time
             * @description Date and time when the log was originally created.
             */
            created_at: string;
        };
        /**
         * VoiceLog
         * @description A voice log entry. The specific fields present depend on the `type` value. Discarded logs return only `id`, `discarded_at`, and `created_at`.
         */
        VoiceLog: components["schemas"]["RelayVoiceLog"] | components["schemas"]["VideoRoomVoiceLog"] | components["schemas"]["DialogflowVoiceLog"] | components["schemas"]["FabricVoiceLog"] | components["schemas"]["DiscardedVoiceLog"];
        /**
         * LogListResponse
         * @description Response model for voice log list endpoint
         */
        LogListResponse: {
            /** @description Pagination links */
            links: components["schemas"]["LogPaginationResponse"];
            /** @description Array of voice log entries */
            data: components["schemas"]["VoiceLog"][];
        };
        /**
         * TypesStatusCodesStatusCode400Error
         * @enum {string}
         */
        TypesStatusCodesStatusCode400Error: "Bad Request";
        /**
         * Types.StatusCodes.StatusCode400
         * @description The request is invalid.
         */
        "Types.StatusCodes.StatusCode400": {
            error: components["schemas"]["TypesStatusCodesStatusCode400Error"];
        };
        /**
         * TypesStatusCodesStatusCode401Error
         * @enum {string}
         */
        TypesStatusCodesStatusCode401Error: "Unauthorized";
        /**
         * Types.StatusCodes.StatusCode401
         * @description Access is unauthorized.
         */
        "Types.StatusCodes.StatusCode401": {
            error: components["schemas"]["TypesStatusCodesStatusCode401Error"];
        };
        /**
         * Types.StatusCodes.RestApiErrorItem
         * @description Details about a specific error.
         */
        "Types.StatusCodes.RestApiErrorItem": {
            /** @description The category of error. */
            type: string;
            /** @description A specific error code. */
            code: string;
            /** @description A description of what caused the error. */
            message: string;
            /** @description The request parameter that caused the error, if applicable. */
            attribute?: string | null;
            /** @description A link to documentation about this error. */
            url: string;
        };
        /**
         * VoiceLogsListStatusCode422
         * @description The request contains invalid parameters. See errors for details.
         */
        VoiceLogsListStatusCode422: {
            /** @description List of validation errors. */
            errors: components["schemas"]["Types.StatusCodes.RestApiErrorItem"][];
        };
        /**
         * TypesStatusCodesStatusCode500Error
         * @enum {string}
         */
        TypesStatusCodesStatusCode500Error: "Internal Server Error";
        /**
         * Types.StatusCodes.StatusCode500
         * @description An internal server error occurred.
         */
        "Types.StatusCodes.StatusCode500": {
            error: components["schemas"]["TypesStatusCodesStatusCode500Error"];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "list-voice-logs": {
        parameters: {
            query?: {
                /** @description Include logs for deleted activity. */
                include_deleted?: boolean;
                /** @description Return logs for activity prior to this date. */
                created_before?: string;
                /** @description Return logs for activity on this date. */
                created_on?: string;
                /** @description Return logs for activity after this date. */
                created_after?: string;
                /** @description Page number to return. Requires `page_token` for values greater than 0. */
                page_number?: number;
                /** @description Specify the number of results to return on a single page. The default page size is `50` and the maximum is `1000`. */
                page_size?: number;
                /** @description Token for cursor-based pagination. Required when `page_number` is greater than 0. */
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request has succeeded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogListResponse"];
                };
            };
            /** @description The request is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Types.StatusCodes.StatusCode400"];
                };
            };
            /** @description Access is unauthorized. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Types.StatusCodes.StatusCode401"];
                };
            };
            /** @description The request contains invalid parameters. See errors for details. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoiceLogsListStatusCode422"];
                };
            };
            /** @description An internal server error occurred. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Types.StatusCodes.StatusCode500"];
                };
            };
        };
    };
}
