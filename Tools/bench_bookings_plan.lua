-- wrk script for Tools/bench_bookings.py, phase 1: POST /planning/offers.
-- args: BODIES_FILE THREADS TOKEN OUTDIR
--   BODIES_FILE: one JSON planning request a line; thread k sends lines k, k+THREADS, ...
--   (cycling if the run outlasts them). Every answer goes to OUTDIR/plan-<k>.txt as
--   "STATUS<TAB>BODY" (newlines in the body replaced by spaces); bench_bookings.py reads the
--   offer ids from there. done() prints one line "WRK_RESULT {json}" with wrk's latency.
local counter = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
end

function init(args)
  local file, nthreads, token, outdir = args[1], tonumber(args[2]), args[3], args[4]
  bodies = {}
  local i = 0
  for line in io.lines(file) do
    if i % nthreads == tid then bodies[#bodies + 1] = line end
    i = i + 1
  end
  idx = 0
  out = assert(io.open(outdir .. "/plan-" .. tid .. ".txt", "w"))
  out:setvbuf("line")
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
end

function request()
  idx = idx % #bodies + 1
  return wrk.format("POST", "/planning/offers", headers, bodies[idx])
end

function response(status, hdrs, body)
  out:write(status, "\t", (string.gsub(body or "", "[\r\n]", " ")), "\n")
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"duration_us":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"mean_us":%.1f,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean,
    e.connect, e.read, e.write, e.status, e.timeout))
end
