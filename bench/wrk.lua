-- The one wrk script of bench/run. Arguments (after --):
--   mode   get | post | mix
--   token  bearer token ("" for none)
--   ids    file of finding ids, one a line ("" for none); a request takes one at random
--   path   request path; {id} is replaced by the id
--   body   POST body ("" for none); {id} is replaced by the id
--   mix only: write_every (0: reads only; 10: every 10th request writes), unit id, site id
-- Every response is counted by status; done() prints one line "BENCH {json}" that bench/run reads.
local threads = {}

function setup(thread)
   table.insert(threads, thread)
   thread:set("thread_number", #threads)
end

function init(args)
   mode, path, body = args[1], args[4], args[5]
   math.randomseed(thread_number * 7919 + os.time())
   -- Idempotency keys unique across threads and runs (the warm-up's keys would otherwise be replayed).
   key_prefix = "bench-" .. os.time() .. "-" .. thread_number .. "-"
   headers = { ["Content-Type"] = "application/json" }
   if args[2] ~= "" then headers["Authorization"] = "Bearer " .. args[2] end
   ids = {}
   if args[3] ~= "" then
      for line in io.lines(args[3]) do ids[#ids + 1] = line end
   end
   write_every, unit_id, site_id = tonumber(args[6] or "0"), args[7], args[8]
   statuses, sample, count, pending = {}, "", 0, {}
end

local function pick()
   return ids[math.random(#ids)]
end

local function with_id(template, id)
   return (string.gsub(template, "{id}", id))
end

local function write_request()
   local key = { ["Idempotency-Key"] = key_prefix .. count }
   for k, v in pairs(headers) do key[k] = v end
   local reported = table.remove(pending)
   if reported then
      return wrk.format("POST", "/api/v1/findings/" .. reported .. "/transitions", key, '{"action":"START"}')
   end
   return wrk.format("POST", "/api/v1/findings", key, '{"unitId":"' .. unit_id .. '","siteId":"' .. site_id
      .. '","category":"OTHER","severity":"LOW","description":"bench write mix"}')
end

function request()
   count = count + 1
   if mode == "mix" and write_every > 0 and count % write_every == 0 then
      return write_request()
   end
   local id = #ids > 0 and pick() or ""
   if mode == "post" then
      return wrk.format("POST", with_id(path, id), headers, with_id(body, id))
   end
   return wrk.format("GET", with_id(path, id), headers)
end

function response(status, response_headers, response_body)
   statuses[status] = (statuses[status] or 0) + 1
   if status >= 300 and sample == "" then
      sample = status .. " " .. string.sub(response_body or "", 1, 300)
   elseif mode == "post" and sample == "" and string.find(response_body or "", '"errors"', 1, true) then
      sample = "GraphQL errors: " .. string.sub(response_body, 1, 300)
   end
   if status == 201 then
      local id = string.match(response_body or "", '"id":"([0-9a-f-]+)"')
      if id then pending[#pending + 1] = id end
   end
end

local function quote(text)
   return '"' .. string.gsub(string.gsub(text, '[%c"\\]', " "), "%s+", " ") .. '"'
end

function done(summary, latency, requests)
   local all, non2xx, samples = {}, 0, ""
   for _, thread in ipairs(threads) do
      for status, n in pairs(thread:get("statuses")) do
         all[status] = (all[status] or 0) + n
         if status < 200 or status >= 300 then non2xx = non2xx + n end
      end
      local s = thread:get("sample")
      if s ~= "" and samples == "" then samples = s end
   end
   local parts = {}
   for status, n in pairs(all) do parts[#parts + 1] = '"' .. status .. '":' .. n end
   local e = summary.errors
   io.write(string.format('BENCH {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p99_ms":%.3f,'
      .. '"non2xx":%d,"socket_errors":%d,"statuses":{%s},"error_sample":%s}\n',
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, non2xx,
      e.connect + e.read + e.write + e.timeout, table.concat(parts, ","), quote(samples)))
end
