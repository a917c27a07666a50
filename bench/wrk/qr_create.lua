-- (e) A person's app creating QR sessions, each with a fresh session id.
local bearer = "Bearer " .. os.getenv("BENCH_PERSON_TOKEN")
local n = 0
local prefix = ""
function init(args)
  prefix = string.format("%x", tonumber(tostring({}):match("0x(%x+)"), 16) or math.random(1e9))
end
function request()
  n = n + 1
  return wrk.format("POST", "/oauth/v2/qrcode",
    { ["Authorization"] = bearer, ["Content-Type"] = "application/x-www-form-urlencoded" },
    "session=b" .. prefix .. "-" .. n .. "-" .. os.time())
end
