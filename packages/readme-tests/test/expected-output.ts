/** What a README block prints when run against the mock server (10 000 logs, newest 2025-12-31). */
export interface Expected {
  /** Each must match stdout: what the text around the block says it does. */
  stdout?: RegExp[];
  /** Default: nothing at all on stderr. */
  stderr?: RegExp;
}

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const LOG_TYPE =
  "(laml_call|relay_pstn_call|relay_sip_call|relay_webrtc_call|video_room_pstn_leg|video_room_sip_leg|dialogflow_call|fabric_subscriber_device_leg)";
const MOCK_URL = "http://127\\.0\\.0\\.1:\\d+/api/voice";

export const EXPECTED: Record<string, Expected> = {
  "README.md#signalwire-voiceclient": {
    stdout: [
      /^50 logs, newest first$/m,
      /^there are more pages$/m,
      new RegExp(`^${UUID}: [a-z_]+( → [a-z_]+)*$`, "m"),
    ],
  },
  "README.md#signalwire-voicepagination": {
    // 10 000 logs about 30 s apart end on 2025-12-31: most of a day's 2 880 are that day.
    stdout: [/^[1-9]\d{3} logs on 2025-12-31$/m, /^1500 newest logs$/m],
  },
  "README.md#signalwire-voicemock-server": {
    // The 503 and its retry: two requests for one answer of the API's default page size.
    stdout: [/^50 logs after 2 requests$/m],
  },

  "packages/client/README.md#quick-start": {
    stdout: [
      new RegExp(`^(${LOG_TYPE} \\S+ → \\S+ \\w+|${UUID} deleted at \\S+)$`, "m"),
      new RegExp(`^1000 ${MOCK_URL}/logs\\?`, "m"),
    ],
  },
  "packages/client/README.md#quick-start-2": {
    stdout: [
      new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\S+ (${LOG_TYPE}|deleted)$`, "m"),
      /^\d{4}-\d\d-\d\dT\S+ (info|warn|error|debug) [a-z_]+$/m,
      /^404 \{ error: 'Not Found' \}$/m,
    ],
  },
  "packages/client/README.md#options": { stdout: [/^200 application\/json/m] },
  "packages/client/README.md#errors": {
    stdout: [/^$/],
    stderr: /^page_token .+\n$/,
  },
  "packages/client/README.md#narrowing-voicelog": {
    stdout: [
      /^(relay|video room leg|dialogflow call|fabric leg|deleted at)/m,
      /^relay calls billed: \d+ min$/m,
    ],
  },
  "packages/client/README.md#dates-as-date": {
    stdout: [
      /^true \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/m,
      /^[1-5] of 5 within an hour of the newest$/m,
      /^string$/m,
    ],
  },
  "packages/client/README.md#checking-answers-against-the-spec": {
    stdout: [
      new RegExp(`^GET /logs /data/0/created_at must match format "date-time" "yesterday" ${UUID}$`, "m"),
    ],
  },
  "packages/types/README.md#dates-and-validators": {
    stdout: [/pointer: '\/created_at'/, /keyword: 'format'/, /received: '"yesterday"'/, /^true$/m],
  },
  "packages/client/README.md#testing-your-code": {
    stdout: [/^200 \[ '1', '2', '3' \]$/m, /^50$/m],
  },

  "packages/mock-server/README.md#javascript-api": {
    stdout: [/logs: 1000/, /projectId: 'test-project'/],
  },
  "packages/mock-server/README.md#in-a-vitest-suite-over-real-http": {
    stdout: [/Tests\s+1 passed/],
    stderr: /^/,
  },
  "packages/mock-server/README.md#behind-msw-in-your-own-test-stack": {
    stdout: [/Tests\s+1 passed/],
    stderr: /^/,
  },
  "packages/mock-server/README.md#in-process-as-an-injected-fetch": {
    stdout: [
      /^2 http:\/\/mock\.test\/api\/voice\/logs\?page_number=1&page_size=2&page_token=PA/m,
      /^200 application\/json/m,
    ],
  },
  "packages/mock-server/README.md#logs-arriving-mid-walk": {
    stdout: [/^1000 logs seen once each$/m],
  },
  "packages/mock-server/README.md#faults": {
    stdout: [/^1 429 1$/m, /^2 429 1$/m, /^3 200 http:\/\/127\.0\.0\.1:\d+\/api\/voice\/logs\?/m],
  },

  "packages/pagination/README.md#every-item-for-await": {
    stdout: [
      new RegExp(`^${UUID} 2025-12-31T23:59:\\d\\dZ$`, "m"),
      new RegExp(`^${UUID} 2025-12-31T23:00:\\d\\dZ$`, "m"),
    ],
  },
  "packages/pagination/README.md#page-by-page-pages": {
    stdout: [
      new RegExp(`^${MOCK_URL}/logs\\?`, "m"),
      /^[1-9]\d{3} logs; cursor after the last page: \/logs\?page_number=\d+&.*&page_token=PA[\w-]+#end$/m,
    ],
  },
  "packages/cli/README.md#in-process": { stdout: [/^true 2808$/m] },
  "packages/pagination/README.md#collect-toarray": { stdout: [/^[1-9]\d{3} 1500$/m] },
  "packages/pagination/README.md#options": { stdout: [/^10000 logs$/m] },
  "packages/pagination/README.md#resume-from-a-cursor": {
    stdout: [
      /^run 1: 4000 logs, cursor: more\nrun 2: 8000 logs, cursor: more\nrun 3: 10000 logs, cursor: end$/m,
    ],
  },
  "packages/pagination/README.md#errors": { stdout: [/^exported 10000 logs in 2 batches$/m] },

  "packages/types/README.md#quick-start": {
    stdout: [
      /^\{ page_size: 100, created_after: '2025-06-01' \}$/m,
      /^dialogflow_call \+15555550100 → \+15555550101: completed$/m,
      /deleted at 2025-06-01T09:15:00Z$/m,
      /^no next link: the last page$/m,
    ],
  },
  "packages/types/README.md#narrowing-and-test-data-the-compiler-checks": {
    stdout: [/^\[ 42, null, null \] 60000$/m],
  },
  "packages/types/README.md#error-bodies": {
    stdout: [
      /^Unauthorized$/m,
      /^invalid_parameter \(page_size\): page_size must be an integer from 1 to 1000; got "2000"\.$/m,
    ],
  },
  "packages/types/README.md#the-raw-maps": { stdout: [/^\[ 200, 400, 401, 422, 500 \] 0 3f0e5c1a-/m] },
};
