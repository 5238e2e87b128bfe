-- wrk script for benchmarks/http.py: customer turns, one conversation never posted to twice at once.
--
-- wrk -t N -c N -s benchmarks/wrk/turns.lua URL -- PAIRS BODIES N
--   PAIRS   one "conversation-id<TAB>token<TAB>turns sent before" per line (benchmarks/http.py)
--   BODIES  one JSON request body per line, ASCII only (json.dumps)
--   N       the number of wrk threads; must equal -t and -c (one connection per thread)
--
-- wrk's Lua API does not say which connection a request() or response() call belongs to, so
-- with several connections per thread two requests could reach one conversation at once. With
-- one connection per thread, a thread's requests are strictly sequential, and each thread
-- cycles through its own disjoint slice of the conversations (pair i goes to thread i mod N).
-- A conversation's k-th turn, counted over every run, gets body (i * 7919 + k) mod #BODIES: it
-- is never sent the same message twice (since issue 7 a repeated message hands it to a person).
--
-- done() prints one line "TRUSTDESK_WRK {json}" with wrk's latency percentiles (microseconds),
-- every HTTP status seen, the turn statuses of the replies, and the turns sent to each
-- conversation (keyed by its line number in PAIRS).

local threads = {}

function setup(thread)
   thread:set("thread_id", #threads)
   table.insert(threads, thread)
end

local function read_lines(path)
   local lines = {}
   local file = assert(io.open(path, "r"))
   for line in file:lines() do
      if #line > 0 then
         table.insert(lines, line)
      end
   end
   file:close()
   return lines
end

function init(args)
   local pairs_file, bodies_file, thread_count = args[1], args[2], tonumber(args[3])
   assert(pairs_file and bodies_file and thread_count, "usage: -- PAIRS BODIES THREADS")
   local host = wrk.headers["Host"]
   prefixes, conversation_index, turns_before, turns_sent = {}, {}, {}, {}
   for i, line in ipairs(read_lines(pairs_file)) do
      if (i - 1) % thread_count == thread_id then
         local id, token, before = line:match("^(%S+)\t(%S+)\t?(%d*)$")
         assert(id, "bad line in the pairs file")
         table.insert(turns_before, tonumber(before) or 0)
         table.insert(prefixes,
            "POST /api/v1/conversations/" .. id .. "/messages HTTP/1.1\r\n" ..
            "Host: " .. host .. "\r\n" ..
            "Authorization: Bearer " .. token .. "\r\n" ..
            "Content-Type: application/json\r\n")
         table.insert(conversation_index, i)
      end
   end
   assert(#prefixes > 0, "more wrk threads than conversations")
   suffixes = {}
   for _, body in ipairs(read_lines(bodies_file)) do
      table.insert(suffixes, "Content-Length: " .. #body .. "\r\n\r\n" .. body)
   end
   assert(#suffixes > 0, "no request bodies")
   next_conversation = 0
   http_statuses, turn_statuses = {}, {}
end

function request()
   local c = next_conversation % #prefixes + 1
   next_conversation = next_conversation + 1
   local index = conversation_index[c]
   local k = turns_before[c] + (turns_sent[index] or 0)
   local b = (index * 7919 + k) % #suffixes + 1
   turns_sent[index] = (turns_sent[index] or 0) + 1
   return prefixes[c] .. suffixes[b]
end

function response(status, headers, body)
   local key = tostring(status)
   http_statuses[key] = (http_statuses[key] or 0) + 1
   local turn = body:match('"status":"([%w_]+)"}%s*$') or "other"
   turn_statuses[turn] = (turn_statuses[turn] or 0) + 1
end

local function encode(value)
   if type(value) == "table" then
      local parts = {}
      for k, v in pairs(value) do
         table.insert(parts, string.format("%q:%s", tostring(k), encode(v)))
      end
      return "{" .. table.concat(parts, ",") .. "}"
   elseif type(value) == "number" then
      return string.format("%.17g", value)
   end
   return string.format("%q", tostring(value))
end

local function add_counts(total, counts)
   for k, v in pairs(counts or {}) do
      total[k] = (total[k] or 0) + v
   end
end

function done(summary, latency, requests)
   local http, turns, sent = {}, {}, {}
   for _, thread in ipairs(threads) do
      add_counts(http, thread:get("http_statuses"))
      add_counts(turns, thread:get("turn_statuses"))
      add_counts(sent, thread:get("turns_sent"))
   end
   local out = {
      threads = #threads,
      duration_us = summary.duration,
      requests = summary.requests,
      bytes = summary.bytes,
      errors = summary.errors,
      latency_us = {
         p50 = latency:percentile(50),
         p90 = latency:percentile(90),
         p99 = latency:percentile(99),
         p999 = latency:percentile(99.9),
         mean = latency.mean,
         max = latency.max,
      },
      http_statuses = http,
      turn_statuses = turns,
      turns_sent = sent,
   }
   io.write("TRUSTDESK_WRK " .. encode(out) .. "\n")
end
