-- What each wrk script of the benchmarks begins with (scripts/bench/performance-benchmark.sh and
-- overload-benchmark.sh): requests stamped with their send time in X-Request-Id, which the API
-- echoes, so that the answers' own p99 is known beside wrk's, which wrk corrects for coordinated
-- omission (docs/performance.md, "What p99 means here"). A script sends stamped(headers) and calls
-- note(headers) for each answer; done prints
-- "N req/s  median  p99  max  non-2xx  answered-p99".
local ffi = require("ffi") -- wrk runs LuaJIT
ffi.cdef[[ typedef struct { long s; long ns; } bench_timespec; int clock_gettime(int, bench_timespec *); ]]
local now = ffi.new("bench_timespec")
local function micros() ffi.C.clock_gettime(1, now); return tonumber(now.s) * 1000000 + math.floor(tonumber(now.ns) / 1000) end
local threads = {}
setup = function(thread) threads[#threads + 1] = thread; thread:set("n", #threads) end
answered = {}
function stamped(headers) headers["X-Request-Id"] = string.format("bench-%.0f", micros()); return headers end
function note(headers)
  local sent = tonumber(string.match(headers["X-Request-Id"] or headers["x-request-id"] or "", "^bench%-(%d+)$"))
  if sent then local b = math.floor((micros() - sent) / 100); answered[b] = (answered[b] or 0) + 1 end
end
local function answered_p99()
  local all, buckets, n = {}, {}, 0
  for _, t in ipairs(threads) do
    for b, c in pairs(t:get("answered") or {}) do all[b] = (all[b] or 0) + c; n = n + c end
  end
  for b in pairs(all) do buckets[#buckets + 1] = b end
  table.sort(buckets)
  local rank, seen = math.ceil(0.99 * n), 0
  for _, b in ipairs(buckets) do seen = seen + all[b]; if seen >= rank then return (b + 1) / 10 end end
  return 0 / 0
end
done = function(summary, latency, requests)
  io.write(string.format("%.0f req/s  median %.1f ms  p99 %.1f ms  max %.1f ms  non-2xx %d  answered-p99 %.1f ms\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.status, answered_p99()))
end
