-- (c) OpenIddict's own RFC 7662 introspection of the same tokens (client authentication included, as callers must).
local basic = "Basic " .. os.getenv("BENCH_BASIC")
function request()
  return wrk.format("POST", "/oauth/v2/introspect",
    { ["Authorization"] = basic, ["Content-Type"] = "application/x-www-form-urlencoded" },
    "token=" .. next_token())
end
