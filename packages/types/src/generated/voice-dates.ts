// Generated file. Do not edit: it is overwritten and CI fails on drift.
// Made by `pnpm generate` (signalwire-pipeline generate --api voice) with openapi-typescript 7.13.0,
// every `format: date-time` string typed `Date`,
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
        get: operations["list_voice_logs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/logs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find a Log by ID
         * @description Find a log by ID.
         *
         *     #### Permissions
         *
         *     The API token used to authenticate must have the following scope(s) enabled to make a successful request: _Voice_.
         *
         *     [Learn more about API scopes](/docs/platform/your-signalwire-api-space).
         */
        get: operations["get_voice_log"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/logs/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Log Events
         * @description List all events for a specific log.
         *
         *     #### Permissions
         *
         *     The API token used to authenticate must have the following scope(s) enabled to make a successful request: _Voice_.
         *
         *     [Learn more about API scopes](/docs/platform/your-signalwire-api-space).
         */
        get: operations["list_voice_log_events"];
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
        /** @description Details on charges associated with this log. */
        ChargeDetail: {
            /**
             * @description Description for this charge.
             * @example Text to Speech
             */
            description: string;
            /**
             * Format: double
             * @description Charged amount.
             * @example 0.121176
             */
            charge: number;
        };
        /**
         * Dialogflow Log
         * @description Voice log for Dialogflow call types. Returned when `type` is `dialogflow_call`.
         */
        DialogflowVoiceLog: {
            /**
             * Format: uuid
             * @description A unique identifier for the log.
             * @example b7182dc2-00f3-40e4-a5ce-20f164b329df
             */
            id: components["schemas"]["uuid"];
            /**
             * @description The origin phone number.
             * @example +12065551212
             */
            from: string;
            /**
             * @description The destination phone number.
             * @example +12065553434
             */
            to: string;
            /**
             * @description Source of this log entry.
             * @example realtime_api
             */
            source: components["schemas"]["VoiceSources"];
            /**
             * Format: double
             * @description The charge in dollars.
             * @example 0.01
             */
            charge: number;
            /**
             * @description Details on charges associated with this log.
             * @example []
             */
            charge_details: components["schemas"]["ChargeDetail"][];
            /**
             * Format: date-time
             * @description Date and time when the call entry was created.
             * @example 2024-05-06T12:20:00Z
             */
            created_at: Date;
            /**
             * @description Type of this log entry.
             * @example dialogflow_call
             * @enum {string}
             */
            type: "dialogflow_call";
            /**
             * @description Always null for this call type.
             * @example null
             */
            url: null;
            /**
             * @description The status of the voice activity.
             * @example completed
             */
            status: components["schemas"]["VoiceLogStatus"];
            /**
             * @description The duration of the voice activity in seconds.
             * @example 9
             */
            duration: number | null;
        };
        /**
         * Deleted Log
         * @description A discarded/deleted voice log entry. Returned when the log has been deleted. Only present when `include_deleted` is `true`.
         */
        DiscardedVoiceLog: {
            /**
             * Format: uuid
             * @description A unique identifier for the log.
             * @example b7182dc2-00f3-40e4-a5ce-20f164b329df
             */
            id: components["schemas"]["uuid"];
            /**
             * Format: date-time
             * @description Date and time when the log was discarded.
             * @example 2024-05-06T12:20:00Z
             */
            discarded_at: Date;
            /**
             * Format: date-time
             * @description Date and time when the log was originally created.
             * @example 2024-05-06T12:20:00Z
             */
            created_at: Date;
        };
        /**
         * Fabric Device Log
         * @description Voice log for Fabric Subscriber Device call types. Returned when `type` is `fabric_subscriber_device_leg`.
         */
        FabricVoiceLog: {
            /**
             * Format: uuid
             * @description A unique identifier for the log.
             * @example b7182dc2-00f3-40e4-a5ce-20f164b329df
             */
            id: components["schemas"]["uuid"];
            /**
             * @description The origin phone number.
             * @example +12065551212
             */
            from: string;
            /**
             * @description The destination phone number.
             * @example +12065553434
             */
            to: string;
            /**
             * @description Source of this log entry.
             * @example realtime_api
             */
            source: components["schemas"]["VoiceSources"];
            /**
             * Format: double
             * @description The charge in dollars.
             * @example 0.01
             */
            charge: number;
            /**
             * @description Details on charges associated with this log.
             * @example []
             */
            charge_details: components["schemas"]["ChargeDetail"][];
            /**
             * Format: date-time
             * @description Date and time when the call entry was created.
             * @example 2024-05-06T12:20:00Z
             */
            created_at: Date;
            /**
             * @description Type of this log entry.
             * @example fabric_subscriber_device_leg
             * @enum {string}
             */
            type: "fabric_subscriber_device_leg";
            /**
             * @description Always null for this call type.
             * @example null
             */
            url: null;
            /**
             * @description The direction of the voice activity.
             * @example inbound
             */
            direction: components["schemas"]["VoiceDirection"];
            /**
             * @description The status of the voice activity. Always null for this call type.
             * @example null
             */
            status: components["schemas"]["VoiceLogStatus"] | null;
        };
        /** @description Event entry for a voice log */
        LogEvent: {
            /**
             * Format: date-time
             * @description Timestamp when the event occurred.
             * @example 2024-05-06T12:20:00Z
             */
            event_at: Date;
            /**
             * @description Log level of the event.
             * @example info
             * @enum {string}
             */
            level: "info" | "warn" | "error" | "debug";
            /**
             * @description Name of the event.
             * @example calling_call_initiated
             */
            name: string;
            /**
             * @description Additional details about the event. Structure varies by event type.
             * @example {}
             */
            details: {
                [key: string]: unknown;
            };
            /**
             * Format: uuid
             * @description Unique identifier for the project.
             * @example b7182dc2-00f3-40e4-a5ce-20f164b329df
             */
            project_id: components["schemas"]["uuid"];
            /**
             * Format: uuid
             * @description Unique identifier for the log.
             * @example b7182dc2-00f3-40e4-a5ce-20f164b329df
             */
            log_id: components["schemas"]["uuid"];
        };
        /** @description Response model for log events list endpoint */
        LogEventsListResponse: {
            /** @description Array of event entries for the log */
            data: components["schemas"]["LogEvent"][];
        };
        /** @description Response model for voice log list endpoint */
        LogListResponse: {
            /** @description Pagination links */
            links: components["schemas"]["LogPaginationResponse"];
            /** @description Array of voice log entries */
            data: components["schemas"]["VoiceLog"][];
        };
        /** @description Pagination links for voice log list responses */
        LogPaginationResponse: {
            /**
             * @description URL of the current page.
             * @example https://example.signalwire.com/api/voice/logs?page_number=0&page_size=50
             */
            self: string;
            /**
             * @description URL of the first page.
             * @example https://example.signalwire.com/api/voice/logs?page_size=50
             */
            first: string;
            /**
             * @description URL of the next page. Absent on the last page.
             * @example https://example.signalwire.com/api/voice/logs?page_number=1&page_size=50&page_token=PA2fa20774-64a1-41d3-a88a-1c61f563d0e7
             */
            next?: string;
            /**
             * @description URL of the previous page. Absent on the first page.
             * @example https://example.signalwire.com/api/voice/logs?page_number=0&page_size=50&page_token=PA2fa20774-64a1-41d3-a88a-1c61f563d0e7
             */
            prev?: string;
        };
        /**
         * Call Log
         * @description Voice log for Compatibility and Relay call types. Returned when `type` is `laml_call`, `relay_pstn_call`, `relay_sip_call`, or `relay_webrtc_call`.
         */
        RelayVoiceLog: {
            /**
             * Format: uuid
             * @description A unique identifier for the log.
             * @example b7182dc2-00f3-40e4-a5ce-20f164b329df
             */
            id: components["schemas"]["uuid"];
            /**
             * @description The origin phone number.
             * @example +12065551212
             */
            from: string;
            /**
             * @description The destination phone number.
             * @example +12065553434
             */
            to: string;
            /**
             * @description Source of this log entry.
             * @example realtime_api
             */
            source: components["schemas"]["VoiceSources"];
            /**
             * Format: double
             * @description The charge in dollars.
             * @example 0.01
             */
            charge: number;
            /**
             * @description Details on charges associated with this log.
             * @example []
             */
            charge_details: components["schemas"]["ChargeDetail"][];
            /**
             * Format: date-time
             * @description Date and time when the call entry was created.
             * @example 2024-05-06T12:20:00Z
             */
            created_at: Date;
            /**
             * @description Type of this log entry.
             * @example relay_sip_call
             */
            type: components["schemas"]["RelayVoiceType"];
            /**
             * @description URL for the resource associated with this log entry. Present for LAML calls, null for Relay calls.
             * @example null
             */
            url: string | null;
            /**
             * @description The direction of the voice activity.
             * @example inbound
             */
            direction: components["schemas"]["VoiceDirection"];
            /**
             * @description The status of the voice activity.
             * @example completed
             */
            status: components["schemas"]["VoiceLogStatus"];
            /**
             * @description The duration of the voice activity in seconds.
             * @example 9
             */
            duration: number | null;
            /**
             * @description The duration of the voice activity in milliseconds.
             * @example 9638
             */
            duration_ms: number | null;
            /**
             * @description The billable duration of the voice activity in milliseconds.
             * @example 60000
             */
            billing_ms: number | null;
            /**
             * @description Parent log identifier for related call entries.
             * @example null
             */
            parent_id: string | null;
        };
        /** @enum {string} */
        RelayVoiceType: "laml_call" | "relay_pstn_call" | "relay_sip_call" | "relay_webrtc_call";
        /** @description Details about a specific error. */
        "Types.StatusCodes.RestApiErrorItem": {
            /**
             * @description The category of error.
             * @example validation_error
             */
            type: string;
            /**
             * @description A specific error code.
             * @example invalid_parameter
             */
            code: string;
            /**
             * @description A description of what caused the error.
             * @example Name must be present
             */
            message: string;
            /**
             * @description The request parameter that caused the error, if applicable.
             * @example name
             */
            attribute?: string | null;
            /**
             * @description A link to documentation about this error.
             * @example https://signalwire.com/docs/apis/error-codes
             */
            url: string;
        };
        /** @description The request is invalid. */
        "Types.StatusCodes.StatusCode400": {
            /** @enum {string} */
            error: "Bad Request";
        };
        /** @description Access is unauthorized. */
        "Types.StatusCodes.StatusCode401": {
            /** @enum {string} */
            error: "Unauthorized";
        };
        /** @description The server cannot find the requested resource. */
        "Types.StatusCodes.StatusCode404": {
            /** @enum {string} */
            error: "Not Found";
        };
        /** @description The request contains invalid parameters. See errors for details. */
        "Types.StatusCodes.StatusCode422": {
            /** @description List of validation errors. */
            errors: components["schemas"]["Types.StatusCodes.RestApiErrorItem"][];
        };
        /** @description An internal server error occurred. */
        "Types.StatusCodes.StatusCode500": {
            /** @enum {string} */
            error: "Internal Server Error";
        };
        /**
         * Video Room Audio Leg Log
         * @description Voice log for audio legs in a Video Room. Returned when `type` is `video_room_pstn_leg` or `video_room_sip_leg`.
         */
        VideoRoomVoiceLog: {
            /**
             * Format: uuid
             * @description A unique identifier for the log.
             * @example b7182dc2-00f3-40e4-a5ce-20f164b329df
             */
            id: components["schemas"]["uuid"];
            /**
             * @description The origin phone number.
             * @example +12065551212
             */
            from: string;
            /**
             * @description The destination phone number.
             * @example +12065553434
             */
            to: string;
            /**
             * @description Source of this log entry.
             * @example realtime_api
             */
            source: components["schemas"]["VoiceSources"];
            /**
             * Format: double
             * @description The charge in dollars.
             * @example 0.01
             */
            charge: number;
            /**
             * @description Details on charges associated with this log.
             * @example []
             */
            charge_details: components["schemas"]["ChargeDetail"][];
            /**
             * Format: date-time
             * @description Date and time when the call entry was created.
             * @example 2024-05-06T12:20:00Z
             */
            created_at: Date;
            /**
             * @description Type of this log entry.
             * @example video_room_pstn_leg
             */
            type: components["schemas"]["VideoRoomVoiceType"];
            /**
             * @description Always null for this call type.
             * @example null
             */
            url: null;
            /**
             * @description The direction of the voice activity.
             * @example inbound
             */
            direction: components["schemas"]["VoiceDirection"];
            /**
             * @description The status of the voice activity.
             * @example completed
             */
            status: components["schemas"]["VoiceLogStatus"];
            /**
             * @description The duration of the voice activity in seconds.
             * @example 9
             */
            duration: number | null;
            /**
             * @description The duration of the voice activity in milliseconds.
             * @example 9638
             */
            duration_ms: number | null;
        };
        /** @enum {string} */
        VideoRoomVoiceType: "video_room_pstn_leg" | "video_room_sip_leg";
        /** @enum {string} */
        VoiceDirection: "inbound" | "outbound" | "outbound-api" | "outbound-dial";
        /** @description A voice log entry. The specific fields present depend on the `type` value. Discarded logs return only `id`, `discarded_at`, and `created_at`. */
        VoiceLog: components["schemas"]["RelayVoiceLog"] | components["schemas"]["VideoRoomVoiceLog"] | components["schemas"]["DialogflowVoiceLog"] | components["schemas"]["FabricVoiceLog"] | components["schemas"]["DiscardedVoiceLog"];
        /** @enum {string} */
        VoiceLogStatus: "queued" | "initiated" | "ringing" | "in-progress" | "busy" | "failed" | "no-answer" | "canceled" | "completed" | "ended" | "answered" | "created" | "ending" | "joined";
        /**
         * @description The request contains invalid parameters. See errors for details.
         * @example {
         *       "errors": [
         *         {
         *           "type": "validation_error",
         *           "code": "invalid_parameter",
         *           "message": "Parameter value is invalid",
         *           "attribute": "page_size",
         *           "url": "https://signalwire.com/docs/apis/error-codes"
         *         }
         *       ]
         *     }
         */
        VoiceLogsListStatusCode422: {
            /** @description List of validation errors. */
            errors: components["schemas"]["Types.StatusCodes.RestApiErrorItem"][];
        };
        /** @enum {string} */
        VoiceSources: "dialogflow" | "laml" | "realtime_api";
        /**
         * Format: uuid
         * @description Universal Unique Identifier.
         */
        uuid: string;
    };
    responses: never;
    parameters: {
        /** @description Return logs for activity after this date. */
        "LogListRequest.created_after": string;
        /** @description Return logs for activity prior to this date. */
        "LogListRequest.created_before": string;
        /** @description Return logs for activity on this date. */
        "LogListRequest.created_on": string;
        /** @description Include logs for deleted activity. */
        "LogListRequest.include_deleted": boolean;
        /** @description Page number to return. Requires `page_token` for values greater than 0. */
        "LogListRequest.page_number": number;
        /** @description Specify the number of results to return on a single page. The default page size is `50` and the maximum is `1000`. */
        "LogListRequest.page_size": number;
        /** @description Token for cursor-based pagination. Required when `page_number` is greater than 0. */
        "LogListRequest.page_token": string;
        /** @description Unique ID of the log. This is the segment_id you can find in Relay call details in your Dashboard UI or in return objects when using the SDK. */
        LogPathID: components["schemas"]["uuid"];
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    list_voice_logs: {
        parameters: {
            query?: {
                /** @description Include logs for deleted activity. */
                include_deleted?: components["parameters"]["LogListRequest.include_deleted"];
                /** @description Return logs for activity prior to this date. */
                created_before?: components["parameters"]["LogListRequest.created_before"];
                /** @description Return logs for activity on this date. */
                created_on?: components["parameters"]["LogListRequest.created_on"];
                /** @description Return logs for activity after this date. */
                created_after?: components["parameters"]["LogListRequest.created_after"];
                /** @description Page number to return. Requires `page_token` for values greater than 0. */
                page_number?: components["parameters"]["LogListRequest.page_number"];
                /** @description Specify the number of results to return on a single page. The default page size is `50` and the maximum is `1000`. */
                page_size?: components["parameters"]["LogListRequest.page_size"];
                /** @description Token for cursor-based pagination. Required when `page_number` is greater than 0. */
                page_token?: components["parameters"]["LogListRequest.page_token"];
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
    get_voice_log: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique ID of the log. This is the segment_id you can find in Relay call details in your Dashboard UI or in return objects when using the SDK. */
                id: components["parameters"]["LogPathID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response model for voice log retrieve endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoiceLog"];
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
            /** @description The server cannot find the requested resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Types.StatusCodes.StatusCode404"];
                };
            };
            /** @description The request contains invalid parameters. See errors for details. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Types.StatusCodes.StatusCode422"];
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
    list_voice_log_events: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique ID of the log. This is the segment_id you can find in Relay call details in your Dashboard UI or in return objects when using the SDK. */
                id: components["parameters"]["LogPathID"];
            };
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
                    "application/json": components["schemas"]["LogEventsListResponse"];
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
            /** @description The server cannot find the requested resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Types.StatusCodes.StatusCode404"];
                };
            };
            /** @description The request contains invalid parameters. See errors for details. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Types.StatusCodes.StatusCode422"];
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
