-- Each thread walks the seeded tokens from its own starting point. Requests are formatted once per thread (prepared),
-- so wrk's Lua costs a table read per request rather than a string build: the load generator stays cheaper than the
-- server, as it is for the ceiling's fixed request.
local tokens = {}
local requests = {}
local i = 0
function init(args)
  for line in io.lines(os.getenv("BENCH_TOKENS")) do tokens[#tokens + 1] = line end
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
  i = math.random(#tokens)
end
local function check_request(token)
  return wrk.format("GET", "/oauth/v2/check_token", { ["Authorization"] = "Bearer " .. token })
end
-- The next of the requests build(token) makes, one per seeded token, made on first use.
local function prepared(build, list)
  if #requests == 0 then
    for n, token in ipairs(list or tokens) do requests[n] = build(token) end
  end
  i = i % #requests + 1
  return requests[i]
end
