-- (c) OpenIddict's own RFC 7662 introspection of the same tokens (client authentication included, as callers must).
local basic = "Basic " .. os.getenv("BENCH_BASIC")
local path = os.getenv("BENCH_INTROSPECT_PATH") or "/oauth/v2/introspect"
local function introspect_request(token)
  return wrk.format("POST", path,
    { ["Authorization"] = basic, ["Content-Type"] = "application/x-www-form-urlencoded" }, "token=" .. token)
end
function request()
  return prepared(introspect_request)
end
