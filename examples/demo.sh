#!/usr/bin/env bash
# The demo, run by `make demo`: the fictional story in examples/ ingested into demo.db
# exactly as a user would, then an HTML report and a terminal summary.
set -euo pipefail
cd "$(dirname "$0")/.."
st() { .venv/bin/storytrace "$@"; }
export STORYTRACE_DB=demo.db

# Plain-text articles carry no metadata of their own: it is given on the command line.
st add --quiet examples/2026-03-02-newspulse-leaked-call.txt \
  --outlet "NewsPulse Today" --published 2026-03-02T14:10 \
  --url https://newspulsetoday.example/world/leaked-call-peace-envoy-caught-coaching-drovnia \
  --title "LEAKED CALL: Peace Envoy Caught Coaching Drovnia On How To Handle Kessaria's President"
st add --quiet examples/2026-03-03-aldmere-courier-cabinet-weighs.txt \
  --outlet "The Aldmere Courier" --published 2026-03-03T18:30 \
  --url https://www.aldmerecourier.example/politics/2026/03/03/aldmere-weighs-suspending-mediation \
  --title "Aldmere weighs suspending Lisrenian mediation after envoy’s call"
st add --quiet examples/2026-03-05-harbour-ledger-danes-interview.txt \
  --outlet "The Harbour Ledger" --published 2026-03-05T06:00 \
  --url https://www.harbourledger.example/world/2026/03/05/danes-interview-same-call-again \
  --title "Danes says he would make “the same call again” as Senate sets hearing"

# Everything else carries its own metadata: JSONL fields, HTML meta tags, feed and WARC headers.
st add examples/wire.jsonl examples/*.html examples/feeds examples/archive

st report -o demo-report.html
st summary
