-- Shared by the wrk scripts of bench/run.sh: a unique body per request (so nothing is deduplicated away), and one
-- machine-readable summary line at the end that bench/tools/bench.py reads.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
  table.insert(threads, thread)
end

function init(args)
  -- wrk gives each thread its own Lua state: make the ids unique across threads and runs
  prefix = string.format("%d-%d-%d", tid or 0, os.time(), math.random(1, 1000000000))
end

function next_id()
  counter = counter + 1
  return prefix .. "-" .. counter
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"durationUs":%d,"rps":%.1f,"p50Ms":%.2f,"p99Ms":%.2f,"maxMs":%.2f,' ..
    '"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d,"non2xx":%d}\n',
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors.connect, errors.read, errors.write, errors.timeout, errors.status))
end
