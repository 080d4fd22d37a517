-- Report intake at hosting: a new content URL on every request (no deduplication), evidence hash, category.
-- The bearer token comes from BENCH_TOKEN (a reporter token); the resource from BENCH_RESOURCE, or with
-- BENCH_HOSTS=N the resources h0.BENCH_RESOURCE to h(N-1).BENCH_RESOURCE in turn, one customer's each.
package.path = package.path .. ";" .. (os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/?.lua"
require "common"

local token = os.getenv("BENCH_TOKEN")
local base = os.getenv("BENCH_RESOURCE") or "bench-intake.example"
local hosts = tonumber(os.getenv("BENCH_HOSTS") or "") or 1
local sent = 0
local headers = { ["Content-Type"] = "application/json" }
if token and token ~= "" then
  headers["Authorization"] = "Bearer " .. token
end

function request()
  local id = next_id()
  local resource = base
  if hosts > 1 then
    resource = "h" .. (sent % hosts) .. "." .. base
    sent = sent + 1
  end
  local body = '{"reporterType":"USER","reporterId":"bench-' .. id .. '","resource":"' .. resource .. '",' ..
    '"contentUrl":"https://' .. resource .. '/post/' .. id .. '",' ..
    '"excerpt":"a post that encourages violence, captured by the benchmark",' ..
    '"evidenceSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",' ..
    '"observedAt":"2021-01-08T10:00:00Z","category":"VIOLENCE_INCITEMENT"}'
  return wrk.format("POST", "/reports", headers, body)
end
