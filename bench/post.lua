-- POSTs one questionnaire per request and prints one machine-readable summary line.
-- Environment: BODY_FILE (default bench/screening.json), API_KEY (sent as X-API-Key when set), API_KEYS (keys
-- separated by spaces: each request carries the next one in turn, instead of API_KEY).
local body_file = os.getenv("BODY_FILE") or "bench/screening.json"
local file = assert(io.open(body_file, "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
local api_key = os.getenv("API_KEY")
if api_key and api_key ~= "" then
    wrk.headers["X-API-Key"] = api_key
end

local rotating_keys = {}
for key in (os.getenv("API_KEYS") or ""):gmatch("%S+") do
    rotating_keys[#rotating_keys + 1] = key
end
if #rotating_keys > 0 then
    -- Formatted once per key on the first call: each request then costs wrk one Lua call and no formatting.
    local formatted = {}
    local turn = 0
    request = function()
        if #formatted == 0 then
            for i, key in ipairs(rotating_keys) do
                wrk.headers["X-API-Key"] = key
                formatted[i] = wrk.format()
            end
        end
        turn = turn % #formatted + 1
        return formatted[turn]
    end
end

done = function(summary, latency, requests)
    local seconds = summary.duration / 1e6
    local e = summary.errors
    io.write(string.format(
        "RESULT rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f requests=%d non_2xx=%d socket_errors=%d timeouts=%d\n",
        summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
        latency:percentile(99) / 1000, latency.max / 1000, summary.requests, e.status,
        e.connect + e.read + e.write, e.timeout))
end
