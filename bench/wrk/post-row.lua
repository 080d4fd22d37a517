-- The bare REST + Panache baseline: one JSON row per request.
package.path = package.path .. ";" .. (os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/?.lua"
require "common"

function request()
  local body = '{"payload":"abuse report ' .. next_id() ..
    ' https://bench-intake.example/post/1 an excerpt of about the same size as a report"}'
  return wrk.format("POST", "/rows", { ["Content-Type"] = "application/json" }, body)
end
