-- (b) check_token's hit path over the seeded live tokens.
function request()
  return wrk.format("GET", "/oauth/v2/check_token", { ["Authorization"] = "Bearer " .. next_token() })
end
