-- Each thread walks the seeded live tokens from its own starting point.
local tokens = {}
local i = 0
function init(args)
  for line in io.lines(os.getenv("BENCH_TOKENS")) do tokens[#tokens + 1] = line end
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
  i = math.random(#tokens)
end
local function next_token()
  i = i % #tokens + 1
  return tokens[i]
end
