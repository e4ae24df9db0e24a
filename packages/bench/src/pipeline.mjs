// @ts-check
// Pipeline figures: `turbo run build` (spec lint → bundle → generate → build, every package) in
// the bench's copy of the repo, as `npm start` runs it: cold (`--force`: nothing from the cache),
// cold without the REST scale proof (side by side, to tell what it costs), cached (nothing
// changed), and after a one-line edit of spec/voice.yaml (only its downstream tasks may re-run).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { summarize } from "./stats.mjs";
import { downstreamOf, turboBuild } from "./turbo-run.mjs";

const REST = "@signalwire-voice/rest-types";
const VOICE_SPEC = "spec/voice.yaml";
const VOICE_ROOT = "@signalwire-voice/spec#spec:lint";
const section = "Pipeline: `turbo run build` (lint → bundle → generate → build)";

/**
 * @param {string} copy the bench's copy of the repo, installed
 * @param {{ rounds: number; cachedRounds: number; log: (line: string) => void }} options
 * @returns {import("./report.mjs").Figure[]}
 */
export function pipelineFigures(copy, { rounds, cachedRounds, log }) {
  /** @type {number[]} */ const cold = [];
  /** @type {number[]} */ const voiceOnly = [];
  /** @type {number[]} */ const restTasks = [];
  for (let round = 0; round < rounds; round++) {
    // Who goes first alternates, so a machine that warms up (or slows down) favours neither.
    for (const side of round % 2 ? ["voice", "all"] : ["all", "voice"]) {
      if (side === "voice") {
        voiceOnly.push(turboBuild(copy, ["--force", `--filter=!${REST}`]).seconds);
        continue;
      }
      const run = turboBuild(copy, ["--force"]);
      cold.push(run.seconds);
      restTasks.push(sum(run.tasks.filter((task) => task.real && task.taskId.startsWith(`${REST}#`))));
    }
    log(
      `pipeline cold, round ${round + 1}/${rounds}: ${cold.at(-1)?.toFixed(1)} s with REST, ${voiceOnly.at(-1)?.toFixed(1)} s without`,
    );
  }
  const coldMedian = summarize(cold).median;

  /** @type {number[]} */ const cached = [];
  let allHits = true;
  for (let round = 0; round < cachedRounds; round++) {
    const run = turboBuild(copy);
    cached.push(run.seconds);
    allHits &&= run.tasks.every((task) => !task.real || task.hit);
  }

  /** @type {number[]} */ const edited = [];
  let onlyDownstream = true;
  /** @type {string[]} */ let reran = [];
  let total = 0;
  const specPath = join(copy, VOICE_SPEC);
  const original = readFileSync(specPath, "utf8");
  try {
    for (let round = 0; round < rounds; round++) {
      // One line, different each round (the same edit twice would be a cache hit).
      const edit = original.replace(/^(\s+summary: .*)$/m, `$1 (bench edit ${round + 1})`);
      if (edit === original) throw new Error(`bench: no \`summary:\` line to edit in ${VOICE_SPEC}.`);
      writeFileSync(specPath, edit);
      const run = turboBuild(copy);
      edited.push(run.seconds);
      const downstream = downstreamOf(run.tasks, VOICE_ROOT);
      const real = run.tasks.filter((task) => task.real);
      reran = real.filter((task) => !task.hit).map((task) => task.taskId);
      total = real.length;
      onlyDownstream &&=
        reran.includes(VOICE_ROOT) && reran.every((id) => downstream.has(id) && !id.startsWith(`${REST}#`));
    }
  } finally {
    writeFileSync(specPath, original);
  }
  log(
    `pipeline cached ${summarize(cached).median.toFixed(2)} s, after an edit ${summarize(edited).median.toFixed(1)} s`,
  );

  const short = (/** @type {string} */ id) => id.replace("@signalwire-voice/", "");
  return [
    {
      id: "pipeline.cold",
      section,
      label: "cold (`--force`, no cache), every package including the REST scale proof",
      unit: "s",
      samples: cold,
    },
    {
      id: "pipeline.cold-without-rest",
      section,
      label: `cold, without the REST scale proof (\`--filter=!${REST}\`)`,
      unit: "s",
      samples: voiceOnly,
      ratio: {
        label: "with vs without REST",
        samples: cold.map((value, index) => value / (voiceOnly[index] ?? 1)),
      },
      note: `what the REST entry costs a cold run: its own tasks (lint, bundle, generate) took ${summarize(restTasks).median.toFixed(1)} s of task time, partly in parallel with the voice builds`,
    },
    {
      id: "pipeline.cached",
      section,
      label: "cached (nothing changed)",
      unit: "s",
      samples: cached,
      ratio: { label: "cached vs cold", samples: cached.map((value) => value / coldMedian) },
      goal: { text: "every task a cache hit", met: allHits },
    },
    {
      id: "pipeline.voice-edit",
      section,
      label: "after a one-line edit of `spec/voice.yaml`",
      unit: "s",
      samples: edited,
      ratio: { label: "edited vs cold", samples: edited.map((value) => value / coldMedian) },
      goal: {
        text: "only tasks downstream of the edit re-run, none of the REST proof's",
        met: onlyDownstream,
      },
      note: `re-ran ${reran.length} of ${total} tasks: ${reran.map(short).sort().join(", ")}`,
    },
  ];
}

/** @param {import("./turbo-run.mjs").TaskRun[]} tasks */
const sum = (tasks) => tasks.reduce((total, task) => total + task.seconds, 0);
