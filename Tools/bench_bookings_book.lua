-- wrk script for Tools/bench_bookings.py, phase 2: POST /bookings {"offerId":..,"commit":true}.
-- args: OFFERS_FILE THREADS TOKEN OUTDIR
--   OFFERS_FILE: "OFFER_ID<TAB>IDEMPOTENCY_KEY" a line; thread k books lines k, k+THREADS, ...
--   each once; if the run outlasts them it starts again (the server answers 200, a repeat,
--   and bench_bookings.py counts those apart). Every answer goes to OUTDIR/book-<k>.txt as
--   "STATUS<TAB>BODY". done() prints one line "WRK_RESULT {json}" with wrk's latency.
local counter = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
end

function init(args)
  local file, nthreads, token, outdir = args[1], tonumber(args[2]), args[3], args[4]
  offers, keys = {}, {}
  local i = 0
  for line in io.lines(file) do
    if i % nthreads == tid then
      local offer, key = string.match(line, "^([^\t]+)\t([^\t]+)$")
      offers[#offers + 1] = offer
      keys[#keys + 1] = key
    end
    i = i + 1
  end
  idx = 0
  out = assert(io.open(outdir .. "/book-" .. tid .. ".txt", "w"))
  out:setvbuf("line")
  token_header = "Bearer " .. token
end

function request()
  idx = idx % #offers + 1
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = token_header,
    ["Idempotency-Key"] = keys[idx],
  }
  return wrk.format("POST", "/bookings", headers,
    '{"offerId":"' .. offers[idx] .. '","commit":true}')
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
